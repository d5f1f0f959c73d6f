// Token and sentence structures filled by the text stage and read by every later stage.
#ifndef ANNAL_TEXT_TOKEN_H_
#define ANNAL_TEXT_TOKEN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annal::text {

// Bit flags describing a token's surface form.
enum TokenFlag : uint16_t {
  kWord = 1 << 0,           // has at least one letter
  kNumber = 1 << 1,         // digits, possibly with , . separators
  kPunct = 1 << 2,          // punctuation or symbol
  kCapitalized = 1 << 3,    // first letter upper case
  kAllCaps = 1 << 4,        // every letter upper case (and at least two letters)
  kSentenceStart = 1 << 5,  // first token of its sentence
  kPossessive = 1 << 6,     // the split-off possessive clitic 's or ' (norm "'S")
  kClitic = 1 << 7,         // other split-off clitics: n't 're 've 'll 'd 'm
  kHyphenated = 1 << 8,     // word contains an inner hyphen ("al-Qaeda", "pro-Russian")
  kAbbreviation = 1 << 9,   // ends in a period that belongs to the word ("U.S.", "Gen.")
  kQuote = 1 << 10,         // a quotation mark of any kind
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the original document text, [begin, end)
  uint32_t end = 0;
  // Matching form: NFC, diacritics removed, upper case, typographic apostrophes and dashes
  // mapped to ASCII ("Lavrov's" -> "LAVROV" + "'S", "Pétain" -> "PETAIN", "U.S." -> "U.S.").
  std::string norm;
  uint16_t flags = 0;
  bool has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t begin = 0;  // byte offsets of the sentence in the document text
  uint32_t end = 0;
  uint32_t first_token = 0;  // index range into AnalyzedText::tokens, [first_token, end_token)
  uint32_t end_token = 0;
  uint32_t size() const { return end_token - first_token; }
};

struct Dateline {
  uint32_t begin = 0;  // span of the place words only ("MOSCOW" in "MOSCOW (Reuters) -")
  uint32_t end = 0;
  std::string place;   // the place as written
};

struct AnalyzedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::optional<Dateline> dateline;  // a dateline at the start of the text, if any
  // Run-on stretches without sentence punctuation (lists, tables, garbage) are cut every 400
  // tokens so that later stages (the parser) stay bounded: how many cuts were made.
  uint32_t forced_splits = 0;
};

}  // namespace annal::text

#endif  // ANNAL_TEXT_TOKEN_H_
