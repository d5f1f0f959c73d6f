// The in-memory dictionary model. Both text formats (PETRARCH-2 and TABARI) are read into it;
// the compiler turns it into the binary file and the matcher.
//
// All words are upper-case matching forms (see text::NormalizeWord): "ISRAEL", "U.N.", "'S".
#ifndef ANNAL_LEXICON_DICTIONARY_H_
#define ANNAL_LEXICON_DICTIONARY_H_

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace annal::lexicon {

// Where an entry came from, for lint messages and `dict lookup` explanations.
struct SourceLocation {
  uint32_t file = 0;  // index into DictionarySet::files
  uint32_t line = 0;  // 1-based
};

// One word of a dictionary phrase.
struct PhraseWord {
  std::string text;
  // true: the token must equal `text` (the dictionary wrote a trailing '_', or the format
  // generates every form explicitly). false: stem match, the token need only begin with `text`
  // (TABARI semantics for a word written without '_', "ARGENTIN" matches "ARGENTINA"; in
  // PETRARCH files only the last word of a discard phrase is a stem: PETRARCH matches actors,
  // agents, verbs, synsets and issues as whole words, see lexicon/actor_reader.cc).
  bool exact = true;
  // true: other tokens may come between the previous word of the phrase and this one. Only
  // TABARI actor phrases set it, for words the dictionary separated with a blank instead of
  // '_' ("ITHILEN TELEVISION" matches "Ithilen state-run television"; "PRINCE DOL_AMROTH"
  // matches "Prince of Dol Amroth" but needs DOL and AMROTH adjacent). Never set on a
  // phrase's first word. PETRARCH files split on blanks and '_' alike and leave it false.
  bool gap_before = false;
  bool operator==(const PhraseWord&) const = default;
};
using Phrase = std::vector<PhraseWord>;

// Days since 1970-01-01; kDayMin/kDayMax mean unbounded.
constexpr int32_t kDayMin = INT32_MIN;
constexpr int32_t kDayMax = INT32_MAX;

// A code valid in [from_day, to_day] (inclusive). Undated codes use the full range.
// Precedence (PETRARCH/TABARI semantics): when a date falls inside a restricted code (any range
// narrower than the full one), the first such code in file order wins; an undated code is the
// default used only when no restricted code covers the date.
struct DatedCode {
  std::string code;  // "AFGGOV", "IGOUNO"
  int32_t from_day = kDayMin;
  int32_t to_day = kDayMax;
};

struct ActorEntry {
  std::vector<Phrase> names;  // names[0] is the root as written; the rest are '+' synonyms
  std::vector<DatedCode> codes;
  SourceLocation where;
};

// An agent: a role word that composes with a country ("army" -> MIL, "foreign minister" -> GOV).
struct AgentEntry {
  std::vector<Phrase> names;  // incl. expanded !PERSON!-style substitutions and {plural} forms
  // The code as written without brackets and '~': "GOV", "GOVFRM", "IGO".
  std::string code;
  // true for "[~GOV]" (appended after a country: RUS + GOV), false for "[IGO~]" (placed before).
  bool suffix = true;
  SourceLocation where;
};

// One element of a verb pattern.
enum class ElementKind : uint8_t {
  kWord,      // a literal word (PhraseWord semantics)
  kSynset,    // &NAME: any member phrase of that synonym set
  kSource,    // $: the source actor goes here
  kTarget,    // +: the target actor goes here
  kCompound,  // %: a compound actor (source and target both) goes here
  kSkipNoun,  // ^: skip one noun phrase
};

struct PatternElement {
  ElementKind kind = ElementKind::kWord;
  PhraseWord word;         // kWord only
  std::string synset;      // kSynset only, name without '&'
  // true when this element must directly follow the previous one (TABARI '_' connector,
  // or the inside of a PETRARCH-2 {noun phrase} / (prepositional phrase)).
  bool adjacent = false;
  // PETRARCH-2 grouping: 0 none, else a 1-based group id shared by the words of one {..} or (..).
  uint16_t group = 0;
  bool group_is_prep = false;  // true for (..) groups
};

struct VerbPattern {
  // Elements before the verb, in text order (the one nearest the verb is last), and after it.
  std::vector<PatternElement> before;
  std::vector<PatternElement> after;
  std::string code;      // CAMEO code, "---" for "no event", may be a WEIS code in test dictionaries
  std::string alt_code;  // the code after ':' in "[042:043]" (the paired event), or empty
  // true when the verb must directly follow the last element of `before` (TABARI "WAS_*").
  // (The first element of `after` says the same about itself with `adjacent`.)
  bool verb_adjacent = false;
  // PETRARCH-1 and -2 write after each pattern, as a comment, the verb it was written for
  // ("- $ * + [173]  # IMPRISON" in a block that also holds HOLD). When that comment names
  // verbs of the block, these are the indices into VerbBlock::forms of every form of those
  // verbs (sorted); the pattern then fits those verbs only, not "held talks". Empty: the pattern
  // serves every verb of the block (no comment, an unknown verb, or the block's only verb).
  std::vector<uint32_t> owner_forms;
  SourceLocation where;
};

// A verb block: all forms of one verb, its default code, and its patterns.
struct VerbBlock {
  std::string name;  // PETRARCH-2 "--- NAME [code] ---" name, or the TABARI root verb
  std::string code;  // default code when no pattern matches; "---" means none
  // The paired code after ':' in a block header "--- VISIT [042:043] ---", or empty. A header
  // "[:110]" has code "---" and alt_code "110". (Added by the dictionary reader.)
  std::string alt_code;
  // Every surface form that triggers this block. A multi-word form ("CALL OFF") lists its
  // words; `verb_word` says which one is the verb proper.
  struct Form {
    Phrase words;
    uint8_t verb_word = 0;
    std::string code;  // a form-specific default code ("ABORT [160]"), else empty
    std::string alt_code;  // the part after ':' of a form-specific code, else empty
  };
  std::vector<Form> forms;
  std::vector<VerbPattern> patterns;
  SourceLocation where;
};

struct Synset {
  std::string name;  // without '&'
  std::vector<Phrase> members;
  SourceLocation where;
};

// PETRARCH-2 transformation: "~ a (a b ATTACK) SAY = a b 015", kept verbatim plus parsed form.
struct Transformation {
  std::string text;
  SourceLocation where;
};

struct DiscardEntry {
  Phrase phrase;
  bool whole_story = false;  // '+' prefix: discard the whole document, not just the sentence
  SourceLocation where;
};

struct IssueEntry {
  Phrase phrase;
  std::string code;       // "EARLY_CHILDHOOD_EDUCATION"
  std::string category;   // "EDUCATION"
  bool exclusion = false; // '~' line: this phrase cancels the issue
  // '~~' line: the exclusion applies to the whole story, not just the sentence.
  bool whole_story = false;
  SourceLocation where;
};

// A malformed line that was skipped. Printed as "file:line: message".
struct Diagnostic {
  std::string file;
  uint32_t line = 0;
  std::string message;
  std::string ToString() const;
};

struct DictionarySet {
  std::vector<std::string> files;  // every source file read, indexed by SourceLocation::file
  std::vector<ActorEntry> actors;
  std::vector<AgentEntry> agents;
  std::vector<VerbBlock> verbs;
  std::vector<Synset> synsets;
  std::vector<Transformation> transformations;
  std::vector<DiscardEntry> discards;
  std::vector<IssueEntry> issues;
  // TABARI .options LABEL lines and similar: code -> name.
  std::vector<std::pair<std::string, std::string>> labels;
  // Other TABARI .options lines, kept as written: keyword -> value ("SET" -> "SKIP RECORDS =
  // FALSE", "COMPLEX" -> "VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"). No stage interprets them yet.
  std::vector<std::pair<std::string, std::string>> settings;
  std::vector<Diagnostic> diagnostics;
};

// Date parsing for dictionary date restrictions: "011222" (YYMMDD, years < 30 are 20xx),
// "20011222", with "<" / ">" / "-" handled by the readers. Returns false when malformed.
bool ParseDictionaryDate(std::string_view s, int32_t* day);
// Days since 1970-01-01 for a civil date (proleptic Gregorian).
int32_t DaysFromCivil(int year, unsigned month, unsigned day);
// "YYYY-MM-DD" -> days; false when malformed.
bool ParseIsoDate(std::string_view s, int32_t* day);

}  // namespace annal::lexicon

#endif  // ANNAL_LEXICON_DICTIONARY_H_
