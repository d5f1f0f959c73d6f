// Fuzzes the text stage on valid UTF-8 (its precondition) and checks the offset invariants
// every later stage relies on.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/analyzer.h"
#include "text/language.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!annal::text::IsValidUtf8(text)) return 0;
  annal::text::AnalyzedText a;
  annal::text::AnalyzeText(text, &a);
  uint32_t prev_end = 0;
  for (const annal::text::Token& t : a.tokens) {
    if (t.begin >= t.end || t.end > size || t.begin < prev_end) __builtin_trap();
    if (t.norm.empty()) __builtin_trap();
    // A token never splits a character.
    if (!annal::text::IsValidUtf8(text.substr(t.begin, t.end - t.begin))) __builtin_trap();
    // Words carry exactly the dictionary's matching form.
    if (t.has(annal::text::kWord) && !t.has(annal::text::kClitic) &&
        !t.has(annal::text::kPossessive)) {
      std::string expected = annal::text::NormalizeWord(text.substr(t.begin, t.end - t.begin));
      if (t.norm != expected) __builtin_trap();
    }
    prev_end = t.end;
  }
  uint32_t next = 0;
  for (const annal::text::Sentence& s : a.sentences) {
    if (s.first_token != next || s.end_token <= s.first_token) __builtin_trap();
    if (s.end_token > a.tokens.size()) __builtin_trap();
    if (s.begin != a.tokens[s.first_token].begin || s.end != a.tokens[s.end_token - 1].end) {
      __builtin_trap();
    }
    if (!a.tokens[s.first_token].has(annal::text::kSentenceStart)) __builtin_trap();
    next = s.end_token;
  }
  if (next != a.tokens.size()) __builtin_trap();
  if (a.dateline) {
    const auto& d = *a.dateline;
    if (d.begin >= d.end || d.end > size) __builtin_trap();
    if (d.place != text.substr(d.begin, d.end - d.begin)) __builtin_trap();
    if (!a.tokens.empty() && a.tokens[0].begin < d.end) __builtin_trap();
  }
  // Re-analysing gives the same result (no hidden state).
  annal::text::AnalyzedText b;
  annal::text::AnalyzeText(text, &b);
  if (b.tokens.size() != a.tokens.size() || b.sentences.size() != a.sentences.size()) {
    __builtin_trap();
  }
  annal::text::DetectLanguage(text);
  return 0;
}
