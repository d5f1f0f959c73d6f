// Internal helpers shared by the dictionary readers: line splitting with comment removal,
// word normalisation and English inflection. Not part of the lexicon's interface.
#ifndef ANNAL_LEXICON_DICTIONARY_TEXT_H_
#define ANNAL_LEXICON_DICTIONARY_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/dictionary.h"

namespace annal::lexicon::internal {

// Which comment conventions a file uses.
struct CommentStyle {
  bool hash_anywhere = false;  // PETRARCH: '#' starts a comment anywhere on the line
  bool hash_at_start = true;   // '#' as the first non-blank character comments the line out
  bool semicolon = true;       // KEDS/TABARI ';' comments (PETRARCH accepts them too)
  bool slashes = false;        // TABARI .options "//" comments
  bool xml = true;             // <!-- ... -->, possibly over several lines
};

// One content line: comments removed, trimmed, never empty.
struct Line {
  std::string text;
  uint32_t number = 0;  // 1-based
};

// Splits `content` into content lines. Accepts \n, \r\n and lone \r line ends; drops 0x1A
// (DOS end of file) and NUL bytes; replaces invalid UTF-8 with U+FFFD so everything stored in
// the model is valid UTF-8.
std::vector<Line> SplitContentLines(std::string_view content, const CommentStyle& style);

std::string_view Trim(std::string_view s);
// Upper-cases ASCII letters only. The text stage's NormalizeWord (NFC, full case mapping,
// mark stripping) is being written separately; dictionary words are ASCII in every known file.
std::string UpperAscii(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);

// How the exactness of a phrase's words is decided.
enum class WordMatch {
  kAllExact,    // PETRARCH actors, agents, verbs, synsets, issues: whole words only
  kTabari,      // TABARI: a word is exact iff written with a trailing '_', else a stem
  kFinalStem,   // PETRARCH discards: the last word is a stem unless it ends in '_'
};

// Splits a dictionary phrase ("ISLAMIC_REPUBLIC_OF_IRAN_", "AL GORE") into upper-case words.
// Both '_' and blanks separate words. A possessive "'S" glued to a word becomes its own word.
// Returns an empty phrase when `text` has no word.
// `blank_gaps`: a word written after a blank (not '_') gets PhraseWord::gap_before, TABARI's
// rule for actor phrases; false everywhere else.
Phrase ParsePhrase(std::string_view text, WordMatch match, bool blank_gaps = false);

// Appends one word (already split, no separators) to `out`, splitting a trailing "'S".
void AppendWord(std::string_view word, bool exact, Phrase* out);

// English inflection of an upper-case word. Forms are returned without duplicates and never
// include `base` itself.
std::vector<std::string> RegularVerbForms(std::string_view base);
std::string NounPlural(std::string_view base);

// Joins a phrase's words with ' ' (for names and messages).
std::string PhraseText(const Phrase& phrase);

}  // namespace annal::lexicon::internal

#endif  // ANNAL_LEXICON_DICTIONARY_TEXT_H_
