// Language identification with CLD2.
#include "text/language.h"

#include <cld2/internal/lang_script.h>
#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <climits>
#include <string>

namespace annal::text {
namespace {

// Below this many letters CLD2's guesses are noise ("Putin said." is "en" or "de" by chance,
// "Jill Biden praised France." a reliable "fr"); the caller then treats the text as unknown and
// codes it anyway. About eight English words.
constexpr int kMinLetters = 48;

// CLD2 reads at most this much. Its cost is linear (about 13 MB/s, 6,000 BBC articles/s on the
// whole text), and a news lead of 2 KB is already far past what it needs for a reliable answer.
constexpr size_t kMaxBytes = 2048;

int CountLetters(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) {
    // ASCII letters, plus every UTF-8 lead byte (each non-ASCII character counted once); a
    // character of three or more bytes (CJK, mostly) says as much as a short word: two.
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0) ++letters;
    if (c >= 0xE0) ++letters;
  }
  return letters;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view text) {
  LanguageGuess guess;
  guess.code = "un";
  if (text.size() > kMaxBytes) {
    // Cut at a character boundary so CLD2 does not see a broken character.
    size_t cut = kMaxBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (CountLetters(text) < kMinLetters) return guess;

  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr || *code == '\0') return guess;
  std::string c(code);
  // CLD2 writes script variants as "zh-Hant" and a few languages with three letters; keep the
  // language part, which is ISO 639-1 whenever one exists.
  c = c.substr(0, c.find('-'));
  guess.code = c;
  guess.reliable = reliable && c != "un";
  return guess;
}

}  // namespace annal::text
