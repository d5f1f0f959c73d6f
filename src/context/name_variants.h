// Name variants: one person's name is written many ways in the news - transliterated from
// Cyrillic (Алексеев), spelled by different conventions (Alekseyev / Alexeyev / Alekseev,
// Prigozhin / Prigojine) or simply misspelled (Prigokhin). NameVariantIndex maps such a word to
// the dictionary word it stands for, so the actor trie matches it like the dictionary spelling.
// It is only asked about capitalised words that match no dictionary word (see
// lexicon::Lexicon::LookupWords), which keeps it off the path of ordinary words.
#ifndef ANNAL_CONTEXT_NAME_VARIANTS_H_
#define ANNAL_CONTEXT_NAME_VARIANTS_H_

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace annal::context {

// Transliterates a word or name in a non-Latin script to upper-case ASCII letters with ICU:
// Cyrillic with "Russian-Latin/BGN" (АЛЕКСЕЕВ -> ALEKSEYEV), any other script with
// "Any-Latin; Latin-ASCII". Characters that are not letters (the BGN soft-sign mark, marks,
// apostrophes) are dropped; spaces and hyphens are kept. Returns "" when `utf8` is all ASCII or
// nothing Latin comes out. Thread-safe (one transliterator per thread, made on first use).
std::string TransliterateToAscii(std::string_view utf8);

// The variant key of an upper-case ASCII word: the word with the usual alternations of
// romanised names folded to one form, so that spelling variants share a key:
// X -> KS, TSCH/TCH -> CH, SCH -> SH, DZH/DJ/ZH -> J, KH -> H, PH -> F, CK -> K, Q -> K,
// W -> V, OU -> U, YE -> E, Y -> I, a final E after a consonant dropped, doubled letters single,
// non-letters removed. ALEKSEYEV, ALEXEYEV and ALEKSEEV all give ALEKSEV; PRIGOZHIN and PRIGOJINE give
// PRIGOJIN; DMITRIY, DMITRII and DMITRY give DMITRI.
std::string VariantKey(std::string_view word);

// Levenshtein distance between two byte strings, or `limit + 1` as soon as it exceeds `limit`.
int EditDistance(std::string_view a, std::string_view b, int limit);

// The largest edit distance a misspelling of a word of `length` letters may have: 0 below 6
// letters (too many short names are one letter apart), 1 for 6-8, 2 from 9.
int MaxFuzzyDistance(size_t length);

// How an unknown word was tied to a dictionary word.
enum class VariantMatch : uint8_t {
  kNone,
  kTransliteration,  // the ICU transliteration is a dictionary word
  kVariantKey,       // same variant key as exactly one dictionary word
  kFuzzy,            // a guarded near miss (edit distance 1-2)
};

struct VariantResolution {
  VariantMatch how = VariantMatch::kNone;
  uint32_t word_id = 0;         // the dictionary word's id (the caller's id space)
  std::string word;             // the dictionary word
  std::string form;             // the unknown word as compared: transliterated when non-Latin
  std::string key;              // its variant key (kVariantKey)
  int distance = 0;             // edit distance (kFuzzy)
  bool transliterated = false;  // `form` came from TransliterateToAscii
};

// An index of the words of known names. Build it once (Add... then Finish), then Resolve from
// any number of threads. Word ids are the caller's dense ids (the Lexicon's word ids).
class NameVariantIndex {
 public:
  // Returns the id of an exact known word, or UINT32_MAX: lets Resolve test transliterations
  // against the caller's whole vocabulary without a second copy of it.
  using ExactLookup = uint32_t (*)(const void* context, std::string_view word);

  NameVariantIndex(ExactLookup lookup, const void* lookup_context)
      : lookup_(lookup), lookup_context_(lookup_context) {}
  // Not copyable: large; owned by the Lexicon.
  NameVariantIndex(const NameVariantIndex&) = delete;
  NameVariantIndex& operator=(const NameVariantIndex&) = delete;

  // Adds upper-case word `word` (id `word_id`) as a word of the name of entity `entity` (an
  // actor entry); `person` says the entity is a known person. A word added for two different
  // entities is shared (a first name, "KIM"): it is never the target of a fuzzy match, and it
  // stops fuzzy matches to other words as close. Only words of persons are fuzzy targets
  // (a country or group name one letter off is more often another name than a typo).
  void Add(std::string_view word, uint32_t word_id, uint32_t entity, bool person);
  // REQUIRES: called once, after the last Add and before any Resolve. The lookup table itself
  // is built on the first Resolve (once, thread-safe): ~20 ms for the default dictionaries that
  // a process coding no unknown capitalised name never pays, and that stays out of dictionary
  // load time.
  void Finish() { finished_ = true; }

  // Ties `norm` (a token's upper-case matching form, not itself a dictionary word) to a known
  // word, trying in order: ICU transliteration of a non-Latin word to a known word (any word
  // `lookup` knows); the variant key (5+ letters; every name word with that key must be the same
  // word or belong to the same single entity); a fuzzy match (6+ letters, see
  // MaxFuzzyDistance): accepted only when exactly one name word is at the smallest distance
  // found, that word belongs to exactly one entity, a person, and no other name word is as
  // close - so two different known people are never merged. Candidates are found by single
  // deletions on both sides: every word at distance 1 and those at distance 2 that lose one letter
  // on each side (substitutions, swaps) are seen.
  VariantResolution Resolve(std::string_view norm) const;

  size_t words() const { return words_.size(); }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  static constexpr uint32_t kShared = UINT32_MAX - 1;
  struct Word {
    std::string text;
    uint32_t id;
  };
  // One open-addressing table for two kinds of keys: the hash of a word or of one of its
  // one-letter deletions (fuzzy candidates), and the hash of its variant key (tagged apart).
  // Duplicates are kept in probe order; a slot whose word is kEmpty is free.
  void BuildTable() const;
  void Insert(uint64_t hash, uint32_t word) const;
  template <typename F>
  void ForEach(uint64_t hash, F&& f) const;
  uint32_t Entity(uint32_t word) const { return entity_of_[words_[word].id]; }

  ExactLookup lookup_;
  const void* lookup_context_;
  std::vector<Word> words_;
  std::vector<uint32_t> entity_of_;  // by word id: entity, kShared, or kEmpty (not a name word)
  std::vector<bool> person_;         // by word id: a word of a person's name
  struct Slot {
    uint32_t tag;   // the hash's high half (its low bits chose the slot)
    uint32_t word;  // index into words_, kEmpty for a free slot
  };
  bool finished_ = false;
  // Built lazily by BuildTable (logically const: a cache of words_).
  mutable std::once_flag table_built_;
  mutable std::vector<Slot> slots_;
  mutable size_t mask_ = 0;
};

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_NAME_VARIANTS_H_
