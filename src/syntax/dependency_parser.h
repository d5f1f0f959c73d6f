// A greedy labelled dependency parser: arc-hybrid transitions scored by an averaged perceptron
// with Zhang and Nivre (2011)-style rich features, trained with a dynamic oracle and
// exploration (Goldberg and Nivre 2012, 2013).
//
// Arcs and labels are scored by two perceptrons: one picks the move (SHIFT, LEFT, RIGHT), the
// other labels each new arc from features of both ends (the dependent's subtree is complete
// when it is attached, the head's dependents so far are known). Splitting keeps the weight rows
// short (3 and ~50 floats) and the model small, and loses little against joint labelled moves.
#ifndef ANNAL_SYNTAX_DEPENDENCY_PARSER_H_
#define ANNAL_SYNTAX_DEPENDENCY_PARSER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annal/status.h"
#include "syntax/arc_hybrid.h"
#include "syntax/byte_io.h"
#include "syntax/conllu.h"
#include "syntax/training.h"
#include "syntax/weight_table.h"
#include "syntax/word_clusters.h"

namespace annal::syntax {

class DependencyParser {
 public:
  DependencyParser() = default;
  // Not copyable: the weights are large; share a const DependencyParser instead.
  DependencyParser(const DependencyParser&) = delete;
  DependencyParser& operator=(const DependencyParser&) = delete;

  // Trains on the FORM, UPOS, HEAD and DEPREL columns of `train` (put predicted tags in UPOS to
  // train on predicted tags). Sentences without complete HEAD columns are skipped. `dev` (also
  // with the tags to parse with) is parsed after every epoch for the progress report.
  // Returns InvalidArgument when no sentence is usable.
  static Result<std::unique_ptr<DependencyParser>> Train(const std::vector<ConlluSentence>& train,
                                                         const std::vector<ConlluSentence>& dev,
                                                         const TrainOptions& options,
                                                         const ProgressCallback& progress);

  // Parses one sentence given its surface forms and tags. heads[i] is 0 for the root and
  // otherwise the 1-based index of the head; labels[i] indexes LabelName(). Always a
  // single-rooted tree. Linear time in the sentence length. Thread-safe. Decodes greedily,
  // or with a beam search when beam_width() > 1 (about beam_width() times the cost).
  // REQUIRES: forms.size() == tags.size().
  void Parse(const std::vector<std::string_view>& forms, const std::vector<std::string_view>& tags,
             std::vector<int>* heads, std::vector<int>* labels) const;

  // Parse with the beam decoder of the given width (>= 1), whatever beam_width() is; width 1
  // gives exactly Parse's greedy result (a slower path to it, for tests).
  void ParseWithBeam(const std::vector<std::string_view>& forms,
                     const std::vector<std::string_view>& tags, int width,
                     std::vector<int>* heads, std::vector<int>* labels) const;

  // Decoding setting, not saved in the model file: 1 (the default) = greedy.
  int beam_width() const { return beam_width_; }
  // Not thread-safe: set before sharing the parser. Values below 1 mean 1.
  void set_beam_width(int width) { beam_width_ = width < 1 ? 1 : width; }

  int num_labels() const { return static_cast<int>(label_names_.size()); }
  const std::string& LabelName(int label) const { return label_names_[label]; }

  // Drops features whose weights are all below `min_abs_weight` (see WeightTable::Prune).
  void Prune(float min_abs_weight) {
    moves_.Prune(min_abs_weight);
    labels_.Prune(min_abs_weight);
  }

  // The word clusters the features use (null = none). Set by Train; the Model sets it after
  // loading, from its CLUS section.
  const std::shared_ptr<const WordClusters>& clusters() const { return clusters_; }
  void set_clusters(std::shared_ptr<const WordClusters> c) { clusters_ = std::move(c); }

  void Serialize(ByteWriter* out) const;
  bool Deserialize(ByteReader* in);

 private:
  struct Atoms;  // per-word feature atoms, computed once per sentence

  void ComputeAtoms(const std::vector<std::string_view>& forms,
                    const std::vector<std::string_view>& tags, Atoms* atoms) const;
  void MoveFeatures(const ArcHybridState& state, const Atoms& atoms,
                    std::vector<uint64_t>* keys) const;
  void LabelFeatures(const ArcHybridState& state, const Atoms& atoms, int head, int dependent,
                     std::vector<uint64_t>* keys) const;
  // Word-cluster features of a move and of a label decision, written at `out`; return the end.
  uint64_t* ClusterMoveFeatures(const ArcHybridState& state, const Atoms& atoms,
                                uint64_t* out) const;
  uint64_t* ClusterLabelFeatures(const Atoms& atoms, int head, int dependent,
                                 uint64_t* out) const;
  // Best label for the arc head -> dependent among those seen in its direction.
  int BestLabel(const std::vector<float>& scores, bool left) const;
  // Runs the parser over a sentence whose atoms are computed; fills heads/labels (0-based
  // heads, the root is n).
  void ParseAtoms(const Atoms& atoms, ArcHybridState* state, std::vector<uint64_t>* keys,
                  std::vector<float>* label_scores) const;
  // The same with a beam of `width` hypotheses; leaves the best final state in *state.
  void BeamParseAtoms(const Atoms& atoms, int width, ArcHybridState* state) const;
  static void CopyTree(const ArcHybridState& state, std::vector<int>* heads,
                       std::vector<int>* labels);
  // The label the model gives the arc `move` would add in `state` (root label for the root).
  int PredictLabel(const ArcHybridState& state, const Atoms& atoms, Move move,
                   std::vector<uint64_t>* keys, std::vector<float>* label_scores) const;

  std::vector<std::string> label_names_;
  int root_label_ = 0;
  // Labels seen on left arcs (dependent before head) and right arcs in training.
  std::vector<char> left_ok_;
  std::vector<char> right_ok_;
  WeightTable moves_{kNumMoves};
  WeightTable labels_{1};
  std::shared_ptr<const WordClusters> clusters_;
  int beam_width_ = 1;

  friend class BeamTrainer;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_DEPENDENCY_PARSER_H_
