// Training a whole Model (tagger + lemmatiser + parser) from CoNLL-U treebanks.
#ifndef ANNAL_SYNTAX_MODEL_TRAINER_H_
#define ANNAL_SYNTAX_MODEL_TRAINER_H_

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "annal/status.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/training.h"

namespace annal::syntax {

struct ModelTrainOptions {
  TrainOptions tagger;
  TrainOptions parser;
  // The parser learns from tags like those it will see: each of `jackknife_folds` parts of the
  // training data is tagged by a tagger trained on the other parts. 0 or 1 = train the parser
  // on gold tags (faster, usually a little less accurate on predicted tags).
  int jackknife_folds = 4;
  // Epochs of each jackknife tagger (fewer than the final tagger's, to save time).
  int jackknife_epochs = 5;
  // After training, drop features whose weights are all below this magnitude (0 = keep all).
  // On EWT dev, 1.0 halves the model and the memory parsing touches for -0.01 UAS.
  float prune_below = 1.0f;
};

// Progress: `stage` is "tagger", "jackknife k/K" or "parser".
using StageProgress = std::function<void(std::string_view stage, const EpochReport&)>;

// Returns `sentences` with the UPOS column replaced by jackknifed predicted tags.
Result<std::vector<ConlluSentence>> JackknifeTags(const std::vector<ConlluSentence>& sentences,
                                                  int folds, const TrainOptions& options,
                                                  const StageProgress& progress);

// Trains all three components. The dev data's UPOS is replaced by the final tagger's
// predictions before the parser's progress reports, so they show predicted-tag accuracy.
Result<std::unique_ptr<Model>> TrainModel(const std::vector<ConlluSentence>& train,
                                          const std::vector<ConlluSentence>& dev,
                                          const ModelTrainOptions& options,
                                          const StageProgress& progress);

// Replaces the UPOS column of `sentences` by `tagger`'s predictions.
void RetagSentences(const Tagger& tagger, std::vector<ConlluSentence>* sentences);

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_MODEL_TRAINER_H_
