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
 private:
  // What the features of one word are made of (hashes of its forms, tag-dictionary entry).
  struct WordAtoms {
    uint64_t lower = 0;
    uint64_t form = 0;
    uint64_t suffix[4] = {0, 0, 0, 0};
    uint64_t prefix = 0;
    uint64_t prefix2 = 0;
    uint64_t prefix3 = 0;
    uint64_t shape = 0;
    uint32_t ambiguity = 0;  // tag-dictionary bit set, 0 for rare or unseen words
    // Word-cluster atoms (fine and mid level; kNoCluster for unclustered words), set only when
    // the tagger has clusters.
    uint64_t cluster = 0;
    uint64_t cluster_mid = 0;
  };

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

  // Tags one sentence from the left on demand. The tagger is greedy: the tag of word i depends
  // only on words [0, i + 2] and the tags before it, so TagAt(i) tags only the words not tagged
  // yet up to i and gives the tag Tag() gives words[i]. A caller that needs the tags of a few
  // words early in a sentence pays for that prefix only.
  // Not thread-safe (one per thread); REQUIRES: the Tagger and `words` outlive it.
  class Incremental {
   public:
    Incremental() = default;
    // Starts over on `words` (views kept, not copied). Buffers keep their capacity.
    void Start(const Tagger* tagger, const std::vector<std::string_view>* words);
    // The tag id of words[i]. REQUIRES: Start was called; i < words.size().
    int TagAt(size_t i);
    // How many words from the first have been tagged.
    size_t tagged() const { return tags_.size(); }

   private:
    const Tagger* tagger_ = nullptr;
    const std::vector<std::string_view>* words_ = nullptr;
    std::vector<WordAtoms> atoms_;  // sized to the words, filled up to atoms_done_
    std::vector<int> tags_;         // filled up to tags_.size()
    std::vector<uint64_t> keys_;
    std::vector<float> scores_;
    size_t atoms_done_ = 0;
  };

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
  void ComputeAtom(std::string_view word, WordAtoms* a) const;
  // The best tag of position i given the features in `keys` (scores is a scratch buffer).
  int BestTag(const std::vector<uint64_t>& keys, std::vector<float>* scores) const;
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
