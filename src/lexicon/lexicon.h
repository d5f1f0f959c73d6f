// Lexicon: the dictionaries compiled into one matcher over token sequences.
//
// Every phrase of every dictionary (actors, agents, verb forms, synonym-set members,
// discards, issues) goes into one word trie. A sentence is looked up once: each token gets the
// ids of the dictionary words it matches (its exact form plus every stem that is a prefix of
// it), and the trie is walked from each token over those ids. Verb patterns refer to the same
// word ids, so pattern matching never compares strings.
#ifndef ANNAL_LEXICON_LEXICON_H_
#define ANNAL_LEXICON_LEXICON_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annal/status.h"
#include "context/name_variants.h"
#include "lexicon/dictionary.h"
#include "text/token.h"

namespace annal::lexicon {

enum class EntryKind : uint8_t { kActor, kAgent, kVerbForm, kSynsetMember, kDiscard, kIssue };

// What a trie node stands for. `index` points into the DictionarySet vector of that kind;
// `sub` is the form index for kVerbForm and the member index for kSynsetMember.
struct Payload {
  EntryKind kind;
  uint32_t index;
  uint32_t sub;
};

// One dictionary phrase found in a sentence: tokens [begin, end) relative to the sentence.
struct Match {
  uint32_t begin;
  uint32_t end;
  Payload payload;
  // true when the phrase lets other tokens come between its words (a PhraseWord::gap_before
  // word), whether or not any did: the tokens in [begin, end) are then not all its words.
  bool gapped = false;
};

// A verb pattern element with words and synsets resolved to ids.
struct CompiledElement {
  ElementKind kind;
  bool adjacent;
  uint32_t id;  // word id (kWord) or synset index (kSynset)
};

struct CompiledPattern {
  std::vector<CompiledElement> before;  // nearest-to-verb last, as in VerbPattern
  std::vector<CompiledElement> after;
  // Word ids every match needs somewhere in the sentence: a cheap test that rejects most
  // patterns before any scanning (a verb like SAY has 347 patterns). Rarest first.
  std::vector<uint32_t> required_words;
  uint32_t pattern_index;  // into VerbBlock::patterns
  bool verb_adjacent;      // the last `before` element must directly precede the verb
  uint16_t specificity;    // number of literal elements; patterns are tried most specific first
};

// The word ids of one token (at most a handful: exact form plus matching stems).
struct TokenWords {
  uint32_t offset;  // into SentenceWords::ids
  uint16_t count;
  // Punctuation other than quotes and hyphens: a gapped phrase (PhraseWord::gap_before) does
  // not reach over it ("RADAGAST THE_BROWN" stays out of "Radagast, the Brown wizard"). Only
  // set when the dictionaries have gapped phrases.
  bool gap_stop = false;
};

struct SentenceWords {
  std::vector<uint32_t> ids;
  std::vector<TokenWords> tokens;
  bool Has(uint32_t token, uint32_t word_id) const {
    const TokenWords& t = tokens[token];
    for (uint32_t i = 0; i < t.count; ++i) {
      if (ids[t.offset + i] == word_id) return true;
    }
    return false;
  }
};

// Trie edges: an open-addressing hash table from (node, word) to child node. Flat arrays and
// linear probing: a lookup is one or two cache lines, and building 100k edges takes ~5 ms.
class EdgeTable {
 public:
  void Reserve(size_t n);
  // Returns the child for `key`, inserting `value_if_new` when absent; *inserted says which.
  uint32_t FindOrInsert(uint64_t key, uint32_t value_if_new, bool* inserted);
  // The child, or 0 (the root, which is never a child) when absent.
  uint32_t Find(uint64_t key) const {
    if (keys_.empty()) return 0;
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (values_[i] == 0) return 0;
      if (keys_[i] == key) return values_[i];
    }
  }
  size_t size() const { return size_; }

 private:
  size_t Slot(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask_; }
  void Grow();
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;  // 0 = empty slot
  size_t mask_ = 0;
  size_t size_ = 0;
};

// Words -> ids: an open-addressing table over one character arena, keyed by a 64-bit XXH3
// hash. LookupWords probes it several times per token (the exact form and each possible stem
// prefix), so it must be cheap: no per-key allocation, the hash compared before the bytes.
class WordTable {
 public:
  static constexpr uint32_t kAbsent = UINT32_MAX;
  void reserve(size_t n);
  // The id of `text`, inserting `id_if_new` when absent; *inserted says which.
  uint32_t FindOrInsert(std::string_view text, uint32_t id_if_new, bool* inserted);
  // The id of `text`, or kAbsent.
  uint32_t Find(std::string_view text) const;
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint64_t hash;
    uint32_t offset;  // into chars_; kAbsent = empty slot
    uint32_t length;
    uint32_t value;
  };
  uint32_t FindHashed(std::string_view text, uint64_t hash) const;
  void Rehash(size_t capacity);
  std::vector<Slot> slots_;
  std::string chars_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

// A small open-addressing map from a non-zero 32-bit key to a 64-bit value, for the
// per-token stem-length filter (a std::unordered_map spends a division per probe).
class U32Map {
 public:
  // The value for `key` (!= 0), created as 0 when absent.
  uint64_t& operator[](uint32_t key);
  // The value for `key`, or 0 when absent.
  uint64_t Get(uint32_t key) const {
    if (keys_.empty()) return 0;
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) return 0;
    }
  }

 private:
  size_t Slot(uint32_t key) const {
    return static_cast<size_t>((uint64_t{key} * 0x9E3779B97F4A7C15ull) >> 24) & mask_;
  }
  void Rehash(size_t capacity);
  std::vector<uint32_t> keys_;  // 0 = empty slot
  std::vector<uint64_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

struct LexiconOptions {
  // Default true: a capitalised token that matches no dictionary word is tied, when it can be
  // done safely, to a word of an actor name it is a variant of - its Cyrillic transliteration,
  // a spelling variant (Alexeyev / ALEKSEYEV) or a guarded misspelling (Prigokhin / PRIGOZHIN);
  // see context::NameVariantIndex. Costs ~65M instructions (~20 ms) at Build for the default
  // dictionaries, and a few hash probes per unknown capitalised word (~2% of coding).
  bool name_variants = true;
};

class Lexicon {
 public:
  // Builds the matcher. Takes ownership of the dictionaries.
  static Result<std::unique_ptr<Lexicon>> Build(DictionarySet dict,
                                                const LexiconOptions& options = LexiconOptions());

  // Not copyable: large and immutable; share by pointer. Thread-safe after Build().
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;

  const DictionarySet& dict() const { return dict_; }

  // Fills `out` with the word ids of tokens [0, n).
  void LookupWords(const text::Token* tokens, size_t n, SentenceWords* out) const;
  // Appends every dictionary phrase occurring in the sentence, in (begin, longer-first) order;
  // for the same span a phrase that allows no gap comes before one that does ("AL_GORE" before
  // "AL GORE" on "Al Gore": the stricter phrase is the more specific).
  void FindMatches(const SentenceWords& words, std::vector<Match>* out) const;

  // Patterns of verb block `block`, most specific first.
  const std::vector<CompiledPattern>& patterns(uint32_t block) const { return patterns_[block]; }
  // Parallel to patterns(block): each pattern's first required word (the rarest; kNoWord when
  // it requires none). A sentence without that word cannot match the pattern.
  const std::vector<uint32_t>& pattern_gates(uint32_t block) const { return pattern_gates_[block]; }
  // The patterns of a block by gate, for blocks with many patterns (SAY has 347): a sentence
  // holds a few dozen words, so finding its words among the gates costs less than testing
  // every pattern's gate.
  struct GateIndex {
    std::vector<uint32_t> words;      // the block's distinct gate words, ascending
    std::vector<uint32_t> begin;      // words.size() + 1 offsets into positions
    std::vector<uint32_t> positions;  // indexes into patterns(block), ascending per word
    std::vector<uint32_t> ungated;    // the patterns with no gate (kNoWord), ascending
    // Bit id % 4096 of every gate word: most of a sentence's words fail this test, which is
    // cheaper than searching `words`.
    std::array<uint64_t, 64> filter{};
    bool MayBeGate(uint32_t id) const { return (filter[(id >> 6) & 63] >> (id & 63)) & 1; }
  };
  // Null for blocks with fewer than kGateIndexMin patterns (scanning their gates is cheap).
  const GateIndex* gate_index(uint32_t block) const {
    return gate_index_[block].words.empty() && gate_index_[block].ungated.empty()
               ? nullptr
               : &gate_index_[block];
  }
  static constexpr size_t kGateIndexMin = 48;

  // Id of a dictionary word, or kNoWord. Lets the coder ask for words like "SAID" or "BY".
  static constexpr uint32_t kNoWord = UINT32_MAX;
  uint32_t WordId(std::string_view text, bool exact) const;

  // Country codes: every three-letter actor code in the dictionaries (AFG, RUS, KSV, ...) that
  // names no kind of actor (not IGO, MNC, nor an agent code such as MED).
  bool IsCountryCode(std::string_view code) const;

  size_t trie_nodes() const { return node_payload_begin_.size() - 1; }

  // The index of actor-name words used for unknown capitalised tokens (null when
  // LexiconOptions::name_variants is false). `annal actor` asks it why a word matched.
  const context::NameVariantIndex* name_variants() const { return variants_.get(); }
  // True when LookupWords would ask name_variants() about this token: a capitalised word, not
  // all capitals, of 5+ bytes, that matched no dictionary word.
  static bool WantsVariant(const text::Token& token) {
    return token.has(text::kCapitalized) && token.has(text::kWord) && !token.has(text::kAllCaps) &&
           token.norm.size() >= 5;
  }

 private:
  Lexicon() = default;
  uint32_t InternWord(const PhraseWord& w);
  void AddPhrase(const Phrase& phrase, Payload payload);
  CompiledElement CompileElement(const PatternElement& e);
  uint32_t Child(uint32_t node, uint32_t word) const;

  DictionarySet dict_;
  WordTable exact_words_;
  WordTable stem_words_;
  size_t max_stem_length_ = 0;
  uint64_t stem_lengths_ = 0;  // bit n set when some stem has n bytes (n < 64)
  // For stems of 3+ bytes: their first three bytes -> the lengths stems with that start have.
  // A token then looks up only the prefix lengths that can exist, usually one or two.
  U32Map stem_lengths_by_start_;
  uint32_t next_word_ = 0;
  // (node << 32 | word) -> child node. A word that may follow its predecessor after a gap
  // (PhraseWord::gap_before) is keyed as word | kGapEdge, so gapped and adjacent phrases of
  // the same words are different paths.
  EdgeTable edges_;
  static constexpr uint32_t kGapEdge = 0x80000000u;
  // gap_parent_[node] != 0 when the node has a gapped child; empty when no phrase has a gap
  // (every PETRARCH dictionary), so FindMatches then costs nothing extra.
  std::vector<uint8_t> gap_parent_;
  // Node payloads, flattened: payloads_[node_payload_begin_[n] .. node_payload_begin_[n+1]).
  std::vector<uint32_t> node_payload_begin_;
  std::vector<Payload> payloads_;
  std::vector<std::vector<CompiledPattern>> patterns_;
  std::vector<std::vector<uint32_t>> pattern_gates_;
  std::vector<GateIndex> gate_index_;  // parallel to patterns_; empty for small blocks
  std::unordered_map<std::string, uint32_t> synset_index_;
  std::vector<std::string> country_codes_;  // sorted
  std::vector<uint64_t> country_code_bits_;  // the codes of three capitals, as a 26^3-bit set
  std::unique_ptr<context::NameVariantIndex> variants_;
};

}  // namespace annal::lexicon

#endif  // ANNAL_LEXICON_LEXICON_H_
