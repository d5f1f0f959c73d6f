#include "lexicon/dictionary_text.h"

#include "text/analyzer.h"

#include <algorithm>

namespace annal::lexicon::internal {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
size_t Utf8SequenceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    const unsigned char l = k == 1 ? lo : 0x80;
    const unsigned char h = k == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
  }
  return len;
}

// Valid UTF-8 copy of one raw line; control bytes other than tab become blanks.
std::string CleanLine(std::string_view raw) {
  bool plain = true;  // printable ASCII and tabs only: the usual case, copied as is
  for (char ch : raw) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 || (b < 0x20 && b != '\t')) {
      plain = false;
      break;
    }
  }
  if (plain) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    const auto b = static_cast<unsigned char>(raw[i]);
    if (b < 0x80) {
      if (b == 0x1A || b == 0) {
        // DOS end-of-file marker and NUL: dropped (the Phoenix files carry stray 0x1A).
      } else if (b < 0x20 && b != '\t') {
        out.push_back(' ');
      } else {
        out.push_back(static_cast<char>(b));
      }
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(raw, i);
    if (len == 0) {
      out.append(kReplacement);
      ++i;
    } else {
      out.append(raw.substr(i, len));
      i += len;
    }
  }
  return out;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (IsBlank(s[b]) || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (IsBlank(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

std::string UpperAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::vector<Line> SplitContentLines(std::string_view content, const CommentStyle& style) {
  std::vector<Line> lines;
  uint32_t number = 0;
  bool in_xml_comment = false;
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = pos;  // (find_first_of would call memchr once per byte)
    while (end < content.size() && content[end] != '\n' && content[end] != '\r') ++end;
    std::string text = CleanLine(content.substr(pos, end - pos));
    ++number;
    if (end < content.size() && content[end] == '\r' && end + 1 < content.size() &&
        content[end + 1] == '\n') {
      ++end;
    }
    pos = end + 1;

    // XML comments first: they may hide any other syntax, and may span lines.
    if (style.xml) {
      std::string kept;
      size_t i = 0;
      while (i < text.size()) {
        if (in_xml_comment) {
          size_t close = text.find("-->", i);
          if (close == std::string::npos) {
            i = text.size();
          } else {
            in_xml_comment = false;
            i = close + 3;
          }
        } else {
          size_t open = text.find("<!--", i);
          if (open == std::string::npos) {
            kept.append(text, i, std::string::npos);
            i = text.size();
          } else {
            kept.append(text, i, open - i);
            in_xml_comment = true;
            i = open + 4;
          }
        }
      }
      text.swap(kept);
    }
    std::string_view trimmed = Trim(text);
    if (trimmed.empty()) continue;
    if (style.hash_at_start && trimmed[0] == '#') continue;
    if (style.slashes && StartsWith(trimmed, "//")) continue;
    size_t cut = std::string_view::npos;
    if (style.hash_anywhere) cut = std::min(cut, trimmed.find('#'));
    if (style.semicolon) cut = std::min(cut, trimmed.find(';'));
    if (cut != std::string_view::npos) trimmed = Trim(trimmed.substr(0, cut));
    if (trimmed.empty()) continue;
    lines.push_back(Line{std::string(trimmed), number});
  }
  return lines;
}

void AppendWord(std::string_view word, bool exact, Phrase* out) {
  if (word.empty()) return;
  // The same normalisation as the text stage gives tokens, so "PÉTAIN" matches "Pétain".
  std::string upper = text::NormalizeWord(word);
  // A word of combining marks alone ("\xCC\xA4") normalises to nothing; an empty word would
  // match no token and breaks the phrase invariants the matcher relies on.
  if (upper.empty()) return;
  // A possessive written into a phrase ("HERO'S_WELCOME") is its own token in the text stage.
  if (upper.size() > 2 && EndsWith(upper, "'S")) {
    out->push_back(PhraseWord{upper.substr(0, upper.size() - 2), true});
    out->push_back(PhraseWord{"'S", exact});
    return;
  }
  // A word ending in a hyphen ("ANTI- + *" for "an anti- Gondor parade"): the text stage makes
  // the dangling hyphen a token of its own.
  if (upper.size() > 1 && upper.back() == '-' && upper[upper.size() - 2] != '-') {
    out->push_back(PhraseWord{upper.substr(0, upper.size() - 1), exact});
    out->push_back(PhraseWord{"-", true});
    return;
  }
  // So is a negation clitic: the text stage splits "didn't" into DID + N'T, "won't" into
  // WO + N'T (Penn treebank style), so "DIDN'T" in a dictionary must split the same way.
  if (upper.size() > 3 && EndsWith(upper, "N'T")) {
    out->push_back(PhraseWord{upper.substr(0, upper.size() - 3), true});
    out->push_back(PhraseWord{"N'T", exact});
    return;
  }
  out->push_back(PhraseWord{std::move(upper), exact});
}

Phrase ParsePhrase(std::string_view text, WordMatch match, bool blank_gaps) {
  Phrase phrase;
  size_t i = 0;
  // Whether the separators since the previous word held a '_': "A_B" and "A_ B" keep the
  // words adjacent, only blanks alone ("A B") allow a gap.
  bool underscore_since_word = false;
  while (i < text.size()) {
    if (text[i] == '_' || IsBlank(text[i])) {
      if (text[i] == '_') underscore_since_word = true;
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] != '_' && !IsBlank(text[j])) ++j;
    const bool underscore = j < text.size() && text[j] == '_';
    bool exact = true;
    if (match == WordMatch::kTabari) exact = underscore;
    const size_t first_new = phrase.size();
    AppendWord(text.substr(i, j - i), exact, &phrase);
    if (blank_gaps && !underscore_since_word && first_new > 0 && first_new < phrase.size()) {
      phrase[first_new].gap_before = true;
    }
    underscore_since_word = false;
    i = j;
  }
  if (match == WordMatch::kFinalStem && !phrase.empty()) {
    phrase.back().exact = EndsWith(Trim(text), "_");
  }
  return phrase;
}

namespace {

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }
bool IsLetter(char c) { return c >= 'A' && c <= 'Z'; }

void AddForm(std::string form, std::string_view base, std::vector<std::string>* forms) {
  if (form.empty() || form == base) return;
  if (std::find(forms->begin(), forms->end(), form) != forms->end()) return;
  forms->push_back(std::move(form));
}

int VowelGroups(std::string_view w) {
  int groups = 0;
  bool prev = false;
  for (char c : w) {
    bool v = IsVowel(c) || (c == 'Y' && !prev && groups > 0);
    if (v && !prev) ++groups;
    prev = v;
  }
  return groups;
}

}  // namespace

// PETRARCH generates +S/+ES/+IES, +ED/+D and +ING with e-dropping. It neither turns a final
// consonant+Y into IED nor doubles a final consonant ("STOPPED"), and it makes "DESTROIES";
// here the forms follow English spelling instead. A final consonant after a single vowel is
// doubled in one-syllable words (STOP -> STOPPED); for longer words the stress decides, which
// we cannot see, so both spellings are generated (VISITED and the harmless VISITTED,
// COMMITED and COMMITTED).
std::vector<std::string> RegularVerbForms(std::string_view base) {
  std::vector<std::string> forms;
  const std::string b(base);
  const size_t n = b.size();
  if (n == 0 || !IsLetter(b[n - 1])) return forms;
  const char last = b[n - 1];
  const char prev = n >= 2 ? b[n - 2] : '\0';
  const bool consonant_y = last == 'Y' && n >= 2 && !IsVowel(prev);

  // Third person singular.
  if (last == 'S' || last == 'X' || last == 'Z' || last == 'O' ||
      (last == 'H' && (prev == 'C' || prev == 'S'))) {
    AddForm(b + "ES", b, &forms);
    if (last == 'O') AddForm(b + "S", b, &forms);
  } else if (consonant_y) {
    AddForm(b.substr(0, n - 1) + "IES", b, &forms);
  } else {
    AddForm(b + "S", b, &forms);
  }

  // Consonant doubling candidates: ...CVC with the final consonant not W, X or Y.
  const bool cvc = n >= 3 && !IsVowel(last) && last != 'W' && last != 'X' && last != 'Y' &&
                   IsVowel(prev) && !IsVowel(b[n - 3]) && IsLetter(b[n - 3]);
  const int syllables = VowelGroups(b);
  const std::string doubled = b + last;

  // Past.
  if (last == 'E') {
    AddForm(b + "D", b, &forms);
  } else if (consonant_y) {
    AddForm(b.substr(0, n - 1) + "IED", b, &forms);
  } else if (cvc) {
    AddForm(doubled + "ED", b, &forms);
    if (syllables > 1) AddForm(b + "ED", b, &forms);
  } else {
    AddForm(b + "ED", b, &forms);
  }

  // Present participle.
  if (EndsWith(b, "IE")) {
    AddForm(b.substr(0, n - 2) + "YING", b, &forms);
  } else if (last == 'E' && n >= 2 && (prev == 'E' || prev == 'O' || prev == 'Y')) {
    AddForm(b + "ING", b, &forms);  // AGREEING, HOEING, DYEING
  } else if (last == 'E' && n >= 2) {
    AddForm(b.substr(0, n - 1) + "ING", b, &forms);
  } else if (cvc) {
    AddForm(doubled + "ING", b, &forms);
    if (syllables > 1) AddForm(b + "ING", b, &forms);
  } else {
    AddForm(b + "ING", b, &forms);
  }
  return forms;
}

std::string NounPlural(std::string_view base) {
  const std::string b(base);
  const size_t n = b.size();
  if (n == 0) return b;
  const char last = b[n - 1];
  const char prev = n >= 2 ? b[n - 2] : '\0';
  if (last == 'Y' && n >= 2 && !IsVowel(prev) && IsLetter(prev)) return b.substr(0, n - 1) + "IES";
  if (last == 'S' || last == 'X' || last == 'Z' || (last == 'H' && (prev == 'C' || prev == 'S'))) {
    return b + "ES";
  }
  return b + "S";
}

std::string PhraseText(const Phrase& phrase) {
  std::string s;
  for (const PhraseWord& w : phrase) {
    if (!s.empty()) s.push_back(' ');
    s += w.text;
  }
  return s;
}

}  // namespace annal::lexicon::internal
