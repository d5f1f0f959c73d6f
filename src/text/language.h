// Language identification (CLD2).
#ifndef ANNAL_TEXT_LANGUAGE_H_
#define ANNAL_TEXT_LANGUAGE_H_

#include <string>
#include <string_view>

namespace annal::text {

struct LanguageGuess {
  std::string code;  // ISO 639-1 ("en"), or "un" when unknown
  bool reliable = false;
};

// Guesses the language of UTF-8 `text`. Thread-safe.
LanguageGuess DetectLanguage(std::string_view text);

}  // namespace annal::text

#endif  // ANNAL_TEXT_LANGUAGE_H_
