// TEST-ONLY stand-in for the text stage: a plain whitespace-and-punctuation splitter that fills
// text::AnalyzedText so that the context stage's tests, its evaluation command and its benchmark
// run before text::AnalyzeText exists on this branch. It is deliberately simple (no dateline, no
// NFC, a short abbreviation list) and is not part of the annal library: once the text stage is
// merged, callers should switch to text::AnalyzeText.
#ifndef ANNAL_CONTEXT_TESTING_TOKENIZER_H_
#define ANNAL_CONTEXT_TESTING_TOKENIZER_H_

#include <cctype>
#include <string>
#include <string_view>

#include "context/gazetteer.h"
#include "text/token.h"

namespace annal::context::testing {

inline bool SimpleSplitterIsAbbreviation(std::string_view w) {
  static constexpr std::string_view kAbbrev[] = {
      "Mr.",    "Mrs.",  "Ms.",  "Dr.",   "Gen.", "Lt.",   "Col.",  "Sgt.",  "Capt.", "Gov.",
      "Sen.",   "Rep.",  "St.",  "Jan.",  "Feb.", "Mar.",  "Apr.",  "Jun.",  "Jul.",  "Aug.",
      "Sep.",   "Sept.", "Oct.", "Nov.",  "Dec.", "Ft.",   "Mt.",   "Rev.",  "Jr.",   "Sr.",
      "Calif.", "Tenn.", "Ga.",  "Pa.",   "Fla.", "Ky.",   "Va.",   "Mass.", "Mich.", "Minn.",
      "Ill.",   "Ind.",  "Ala.", "Ariz.", "Ark.", "Colo.", "Conn.", "Del.",  "Kan.",  "La.",
      "Md.",    "Miss.", "Mo.",  "Mont.", "Neb.", "Nev.",  "Okla.", "Ore.",  "Tex.",  "Vt.",
      "Wash.",  "Wis.",  "Wyo.", "Que.",  "Ont.", "Alta.", "Man.",  "Sask.", "No.",   "vs."};
  for (std::string_view a : kAbbrev) {
    if (w == a) return true;
  }
  // Dotted initialisms: U.S., D.C., B.C., a.m.
  if (w.size() >= 2 && w.back() == '.' && w.find('.') < w.size() - 1) return true;
  // A single capital initial: "J."
  return w.size() == 2 && std::isupper(static_cast<unsigned char>(w[0])) && w[1] == '.';
}

// Splits `text` into tokens and sentences (see the file comment: test-only).
inline void SimpleSplitForTesting(std::string_view text, text::AnalyzedText* out) {
  using text::Token;
  out->tokens.clear();
  out->sentences.clear();
  out->dateline.reset();
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  auto is_punct = [](unsigned char c) {
    return c < 0x80 && !std::isalnum(c) && c != '-' && c != '&' && c != '\'';
  };
  std::vector<bool> newline_before;
  auto add = [&](size_t b, size_t e, bool nl) {
    Token t;
    t.begin = static_cast<uint32_t>(b);
    t.end = static_cast<uint32_t>(e);
    std::string_view w = text.substr(b, e - b);
    t.norm = NormalizePlaceName(w);
    if (t.norm.empty()) t.norm = std::string(w);
    bool letter = false, upper_first = false, all_upper = true, digit = false;
    int letters = 0;
    for (size_t i = 0; i < w.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(w[i]);
      if (std::isalpha(c) || c >= 0x80) {
        if (!letter) upper_first = std::isupper(c) != 0;
        letter = true;
        ++letters;
        if (std::islower(c)) all_upper = false;
      } else if (std::isdigit(c)) {
        digit = true;
      }
    }
    if (letter) t.flags |= text::kWord;
    if (digit && !letter) t.flags |= text::kNumber;
    if (!letter && !digit) t.flags |= text::kPunct;
    if (upper_first) t.flags |= text::kCapitalized;
    if (letter && all_upper && letters >= 2) t.flags |= text::kAllCaps;
    if (w == "'s" || w == "'S" || w == "\xE2\x80\x99s") t.flags |= text::kPossessive;
    if (w.size() > 1 && w.back() == '.' && letter) t.flags |= text::kAbbreviation;
    if (w.find('-') != std::string_view::npos && letter) t.flags |= text::kHyphenated;
    if (w == "\"" || w == "'" || w.substr(0, 2) == "\xE2\x80") t.flags |= text::kQuote;
    out->tokens.push_back(std::move(t));
    newline_before.push_back(nl);
  };
  size_t i = 0;
  bool nl = false;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) {
      if (c == '\n') nl = true;
      ++i;
      continue;
    }
    size_t b = i;
    while (i < text.size() && !is_space(static_cast<unsigned char>(text[i]))) ++i;
    size_t e = i;
    // Leading punctuation, one token each.
    while (b < e && (is_punct(static_cast<unsigned char>(text[b])) || text[b] == '\'')) {
      add(b, b + 1, nl);
      nl = false;
      ++b;
    }
    // Trailing punctuation; a final period stays when the word is an abbreviation.
    size_t tail = e;
    while (tail > b) {
      unsigned char t = static_cast<unsigned char>(text[tail - 1]);
      if (t == '.' && SimpleSplitterIsAbbreviation(text.substr(b, tail - b))) break;
      if (!is_punct(t) && t != '\'') break;
      --tail;
    }
    // Typographic closing quotes and apostrophes (UTF-8 E2 80 9x) at the end.
    while (tail >= b + 3 && static_cast<unsigned char>(text[tail - 3]) == 0xE2 &&
           static_cast<unsigned char>(text[tail - 2]) == 0x80 &&
           (static_cast<unsigned char>(text[tail - 1]) & 0xF0) == 0x90) {
      tail -= 3;
    }
    if (tail > b) {
      // Possessive clitic.
      size_t word_end = tail;
      if (tail - b > 2 && (text.substr(tail - 2, 2) == "'s" || text.substr(tail - 2, 2) == "'S")) {
        word_end = tail - 2;
      } else if (tail - b > 4 && text.substr(tail - 4, 4) == "\xE2\x80\x99s") {
        word_end = tail - 4;
      }
      add(b, word_end, nl);
      nl = false;
      if (word_end < tail) add(word_end, tail, false);
    }
    for (size_t p = tail; p < e; ++p) {
      if ((static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) continue;  // UTF-8 continuation
      size_t q = p + 1;
      while (q < e && (static_cast<unsigned char>(text[q]) & 0xC0) == 0x80) ++q;
      add(p, q, false);
    }
  }
  // Sentences: end after . ! ? (not an abbreviation) when the next token starts a new sentence,
  // and at line breaks.
  uint32_t first = 0;
  auto close = [&](uint32_t end_token) {
    if (end_token <= first) return;
    text::Sentence s;
    s.first_token = first;
    s.end_token = end_token;
    s.begin = out->tokens[first].begin;
    s.end = out->tokens[end_token - 1].end;
    out->tokens[first].flags |= text::kSentenceStart;
    out->sentences.push_back(s);
    first = end_token;
  };
  const auto n = static_cast<uint32_t>(out->tokens.size());
  for (uint32_t t = 0; t < n; ++t) {
    if (t > first && newline_before[t]) close(t);
    std::string_view w =
        text.substr(out->tokens[t].begin, out->tokens[t].end - out->tokens[t].begin);
    bool end_mark = w == "." || w == "!" || w == "?";
    bool abbrev_end = w.size() > 2 && w.back() == '.' && w != "Mr." && w != "Mrs." && w != "Dr." &&
                      w != "St." && w != "Gen." && w != "Ms.";
    if ((end_mark || abbrev_end) && t + 1 < n) {
      const Token& next = out->tokens[t + 1];
      if (end_mark
              ? (next.has(text::kCapitalized) || next.has(text::kQuote) || next.has(text::kNumber))
              : (next.has(text::kCapitalized) && next.norm.size() > 1 &&
                 (next.norm == "THE" || next.norm == "HE" || next.norm == "SHE" ||
                  next.norm == "IT" || next.norm == "THEY" || next.norm == "BUT" ||
                  next.norm == "IN" || next.norm == "A"))) {
        close(t + 1);
      }
    }
  }
  close(n);
}

}  // namespace annal::context::testing

#endif  // ANNAL_CONTEXT_TESTING_TOKENIZER_H_
