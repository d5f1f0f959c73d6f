// Word clusters learned from unlabelled text, used as extra feature atoms by the tagger and
// the parser (Koo, Carreras and Collins 2008): a rare or unseen word still shares a cluster
// with frequent words that behave alike.
//
// The clusters come from the exchange algorithm (Kneser and Ney 1993) on the predictive class
// bigram model of Uszkoreit and Brants (2008), run in both directions: a word's class is chosen
// to maximise the likelihood of P(w | c(w)) P(c(w) | previous word) plus the same with the
// next word. Each move of a word costs O(distinct neighbours x classes), so a few million
// tokens cluster in a minute. Three nested levels are kept: `fine` classes, then the fine
// classes themselves exchanged into `mid` groups and those into `coarse` groups, so coarse
// and mid ids are prefixes of the fine one in the sense of Brown-cluster bit-string prefixes.
#ifndef ANNAL_SYNTAX_WORD_CLUSTERS_H_
#define ANNAL_SYNTAX_WORD_CLUSTERS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annal/status.h"
#include "syntax/byte_io.h"

namespace annal::syntax {

// The cluster of one word at the three levels.
struct ClusterIds {
  uint16_t fine = 0;
  uint8_t mid = 0;
  uint8_t coarse = 0;
};

// A word -> cluster table keyed by the XXH3-64 hash of the ASCII-lower-cased word (the same
// hash the tagger and parser compute for their word atoms, so a lookup costs no extra hashing).
class WordClusters {
 public:
  // The clusters of the word whose lower-cased hash is `lower_hash`, or nullptr if it was not
  // clustered (too rare in the clustering text). One probe into an open-addressing table
  // (usually a single cache miss: this runs for every word the tagger and the parser see).
  const ClusterIds* Find(uint64_t lower_hash) const {
    if (lower_hash == 0) return has_zero_ ? &zero_ : nullptr;
    if (slots_.empty()) return nullptr;
    for (size_t i = Mix(lower_hash) & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.key == lower_hash) return &slot.ids;
      if (slot.key == 0) return nullptr;
    }
  }
  size_t size() const { return size_ + (has_zero_ ? 1 : 0); }

  // Adds or replaces one word (any case; it is lower-cased).
  void Add(std::string_view word, ClusterIds ids);

  // Reads the text format written by `annal cluster`: one word per line,
  // `word TAB fine TAB mid TAB coarse [TAB count]`; blank lines are skipped. Returns
  // InvalidArgument (with the line number) on a malformed line or an id out of range
  // (fine < 65536, mid and coarse < 256).
  static Result<WordClusters> FromText(std::string_view text, std::string_view name);
  static Result<WordClusters> Load(const std::string& path);

  // Binary form inside a model file (see doc/formats/parser_model.md, section CLUS).
  void Serialize(ByteWriter* out) const;
  bool Deserialize(ByteReader* in);

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty (the word hashing to 0, if any, is kept in zero_)
    ClusterIds ids;
  };
  static size_t Mix(uint64_t key) { return static_cast<size_t>(key ^ (key >> 29)); }
  void Insert(uint64_t key, ClusterIds ids);

  std::vector<Slot> slots_;  // capacity a power of two, at most half full
  size_t mask_ = 0;
  size_t size_ = 0;
  bool has_zero_ = false;
  ClusterIds zero_;
};

struct ClusterTrainOptions {
  int fine = 256;        // classes of the finest level (at most 65536)
  int mid = 64;          // groups of fine classes (at most 256, at most `fine`)
  int coarse = 16;       // groups of mid groups (at most 256, at most `mid`)
  int min_count = 3;     // rarer words are not clustered (they share one context token)
  int max_iterations = 20;
  // Stop once fewer than this share of the items move in an iteration.
  double min_moves = 0.001;
  uint64_t seed = 1;  // order in which words are visited; clustering is deterministic given it
};

// Progress after each exchange iteration: level ("fine", "mid", "coarse"), iteration (1-based),
// words moved, and the objective (the log-likelihood up to a constant, in nats per token).
using ClusterProgress =
    std::function<void(std::string_view level, int iteration, size_t moved, double objective)>;

// Collects sentences (interning lower-cased words) and clusters them.
class ClusterCorpus {
 public:
  // Adds one sentence; words are lower-cased (ASCII) before counting.
  void AddSentence(const std::vector<std::string_view>& words);
  size_t tokens() const { return tokens_; }
  size_t sentences() const { return sentences_; }

  struct Word {
    std::string word;
    uint64_t count = 0;
    ClusterIds ids;
  };
  // Clusters every word seen at least options.min_count times. Returns them by fine cluster,
  // then by descending count, then by word. Returns InvalidArgument for options out of range
  // or a corpus with fewer such words than `fine` classes.
  Result<std::vector<Word>> Cluster(const ClusterTrainOptions& options,
                                    const ClusterProgress& progress) const;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  std::vector<uint32_t> stream_;  // word ids; kBoundary between sentences
  size_t tokens_ = 0;
  size_t sentences_ = 0;
};

// Writes clustered words in the text format FromText reads.
std::string ClustersToText(const std::vector<ClusterCorpus::Word>& words);

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_WORD_CLUSTERS_H_
