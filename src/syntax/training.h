// Options and progress reports shared by the tagger and parser trainers.
#ifndef ANNAL_SYNTAX_TRAINING_H_
#define ANNAL_SYNTAX_TRAINING_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "syntax/word_clusters.h"

namespace annal::syntax {

struct TrainOptions {
  int epochs = 10;    // passes over the training data; the averaged weights of all are kept
  uint64_t seed = 1;  // shuffling and exploration; training is deterministic given the seed
  // Parser only: probability of following the model's own (possibly wrong) transition once
  // the first epoch is done (dynamic-oracle exploration; 0 = static training on gold paths).
  double explore = 0.9;
  // Parser only: beam width. 1 = greedy, locally trained (above); > 1 = beam search trained
  // as a structured perceptron with max-violation updates (Huang et al. 2012) against the
  // dynamic oracle's zero-cost path, and the same width used for the per-epoch dev parse.
  int beam = 1;
  // Word clusters to use as feature atoms (null = none, the features of format version 2).
  std::shared_ptr<const WordClusters> clusters;
};

// One line of training progress, reported after every epoch.
struct EpochReport {
  int epoch = 0;                 // 1-based
  double train_accuracy = 0;     // tagger: tag accuracy; parser: share of correct transitions
  double dev_accuracy = -1;      // tagger: UPOS; parser: UAS (-1 without dev data)
  double dev_las = -1;           // parser only
  double tokens_per_second = 0;  // training speed over the epoch
};
using ProgressCallback = std::function<void(const EpochReport&)>;

// Deterministic Fisher-Yates shuffle (std::shuffle's algorithm differs between libraries).
template <typename T>
void DeterministicShuffle(std::vector<T>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    size_t j = (*rng)() % i;
    std::swap((*v)[i - 1], (*v)[j]);
  }
}

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_TRAINING_H_
