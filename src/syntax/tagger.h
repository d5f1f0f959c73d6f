// A greedy left-to-right part-of-speech tagger (UPOS): an averaged perceptron over the usual
// rich features (word, lower case, prefixes and suffixes, shape, the two words either side, the
// two previous tags, and the tags each neighbouring word was seen with in training).
#ifndef ANNAL_SYNTAX_TAGGER_H_
#define ANNAL_SYNTAX_TAGGER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annal/status.h"
#include "syntax/byte_io.h"
#include "syntax/conllu.h"
#include "syntax/training.h"
#include "syntax/weight_table.h"
#include "syntax/word_clusters.h"

namespace annal::syntax {

class Tagger {
 public:
  Tagger() = default;
  // Not copyable: the weights are large; share a const Tagger instead.
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Trains on `train` (UPOS column). If `dev` is non-empty its accuracy is reported per epoch.
  // Returns InvalidArgument when `train` has no words.
  static Result<std::unique_ptr<Tagger>> Train(const std::vector<ConlluSentence>& train,
                                               const std::vector<ConlluSentence>& dev,
                                               const TrainOptions& options,
                                               const ProgressCallback& progress);

  // Tags one sentence of surface forms (original case). tags->size() == words.size() after.
  // Thread-safe (const, no shared mutable state).
  void Tag(const std::vector<std::string_view>& words, std::vector<int>* tags) const;

  // The tags `word` (any case) had in training as a bit set (bit i = tag id i), or 0 for a word
  // seen fewer than twice. Lets callers skip tagging where the answer cannot be in doubt.
  uint32_t SeenTags(std::string_view word) const;

  int num_tags() const { return static_cast<int>(tag_names_.size()); }
  const std::string& TagName(int tag) const { return tag_names_[tag]; }
  // Returns the id of `name`, or -1.
  int TagId(std::string_view name) const;

  // Drops features whose weights are all below `min_abs_weight` (see WeightTable::Prune).
  void Prune(float min_abs_weight) { weights_.Prune(min_abs_weight); }

  // The word clusters the features use (null = none). Set by Train; the Model sets it after
  // loading, from its CLUS section.
  const std::shared_ptr<const WordClusters>& clusters() const { return clusters_; }
  void set_clusters(std::shared_ptr<const WordClusters> c) { clusters_ = std::move(c); }

  void Serialize(ByteWriter* out) const;
  bool Deserialize(ByteReader* in);

 private:
  struct WordAtoms;
  void ComputeAtoms(const std::vector<std::string_view>& words,
                    std::vector<WordAtoms>* atoms) const;
  // Fills keys with the features of position i given the previous two tags.
  void Features(const std::vector<WordAtoms>& atoms, size_t i, int prev, int prev2,
                std::vector<uint64_t>* keys) const;
  // Writes the word-cluster features of position i at `out`; returns the end.
  uint64_t* ClusterFeatures(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                            uint64_t* out) const;

  std::vector<std::string> tag_names_;
  WeightTable weights_;
  // Lower-cased word hash -> bit set of the tags it had in training (words seen twice or more).
  std::unordered_map<uint64_t, uint32_t> tag_dictionary_;
  std::shared_ptr<const WordClusters> clusters_;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_TAGGER_H_
