#include "syntax/model_trainer.h"

#include <string>

namespace annal::syntax {

void RetagSentences(const Tagger& tagger, std::vector<ConlluSentence>* sentences) {
  std::vector<std::string_view> words;
  std::vector<int> tags;
  for (ConlluSentence& s : *sentences) {
    words.clear();
    for (const ConlluWord& w : s.words) words.push_back(w.form);
    tagger.Tag(words, &tags);
    for (size_t i = 0; i < tags.size(); ++i) s.words[i].upos = tagger.TagName(tags[i]);
  }
}

Result<std::vector<ConlluSentence>> JackknifeTags(const std::vector<ConlluSentence>& sentences,
                                                  int folds, const TrainOptions& options,
                                                  const StageProgress& progress) {
  std::vector<ConlluSentence> out = sentences;
  if (folds < 2) return out;
  size_t n = sentences.size();
  for (int k = 0; k < folds; ++k) {
    // Contiguous folds: documents stay together, so held-out text is really unseen.
    size_t begin = n * k / folds, end = n * (k + 1) / folds;
    std::vector<ConlluSentence> rest;
    rest.reserve(n - (end - begin));
    for (size_t i = 0; i < n; ++i) {
      if (i < begin || i >= end) rest.push_back(sentences[i]);
    }
    std::string stage = "jackknife " + std::to_string(k + 1) + "/" + std::to_string(folds);
    auto tagger = Tagger::Train(rest, {}, options, [&](const EpochReport& r) {
      if (progress) progress(stage, r);
    });
    if (!tagger.ok()) return tagger.status();
    std::vector<ConlluSentence> held(out.begin() + begin, out.begin() + end);
    RetagSentences(**tagger, &held);
    std::move(held.begin(), held.end(), out.begin() + begin);
  }
  return out;
}

Result<std::unique_ptr<Model>> TrainModel(const std::vector<ConlluSentence>& train,
                                          const std::vector<ConlluSentence>& dev,
                                          const ModelTrainOptions& options,
                                          const StageProgress& progress) {
  auto model = std::make_unique<Model>();
  auto tagger = Tagger::Train(train, dev, options.tagger, [&](const EpochReport& r) {
    if (progress) progress("tagger", r);
  });
  if (!tagger.ok()) return tagger.status();
  auto lemmatizer = std::make_unique<Lemmatizer>();
  lemmatizer->Train(train);

  TrainOptions jackknife = options.tagger;
  jackknife.epochs = options.jackknife_epochs;
  auto parser_train = JackknifeTags(train, options.jackknife_folds, jackknife, progress);
  if (!parser_train.ok()) return parser_train.status();
  std::vector<ConlluSentence> tagged_dev = dev;
  RetagSentences(**tagger, &tagged_dev);
  auto parser =
      DependencyParser::Train(*parser_train, tagged_dev, options.parser, [&](const EpochReport& r) {
        if (progress) progress("parser", r);
      });
  if (!parser.ok()) return parser.status();
  if (options.prune_below > 0) {
    (*tagger)->Prune(options.prune_below);
    (*parser)->Prune(options.prune_below);
  }
  model->set_tagger(std::move(*tagger));
  model->set_lemmatizer(std::move(lemmatizer));
  model->set_parser(std::move(*parser));
  return model;
}

}  // namespace annal::syntax
