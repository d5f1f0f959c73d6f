// annal train tagger|parser|all: train the syntax models from CoNLL-U treebanks.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/model_trainer.h"

namespace annal::cli {
namespace {

using syntax::ConlluSentence;
using syntax::EpochReport;

struct TrainArgs {
  std::vector<std::string> train_files;
  std::string dev_file;
  std::string out;
  int epochs = 0;  // 0 = the component's default
  int tagger_epochs = 12;
  int parser_epochs = 15;
  uint64_t seed = 1;
  int jackknife = 4;
  int jackknife_epochs = 5;
  std::string tagger_model;
  float prune = 1.0f;
  std::string clusters_file;
  size_t cluster_words = 0;  // words in the cluster file (for the model's description)
  int beam = 1;              // parser beam width in training (1 = greedy)
  std::string write_tagged;  // where to save the parser's (jackknifed) training data
};

bool ReadAll(const std::vector<std::string>& files, std::vector<ConlluSentence>* out) {
  for (const std::string& f : files) {
    Status s = syntax::ReadConlluFile(f, out);
    if (!s.ok()) {
      fmt::print(stderr, "annal train: {}\n", s.message());
      return false;
    }
  }
  return true;
}

void PrintProgress(std::string_view stage, const EpochReport& r) {
  std::string line = fmt::format("{} epoch {:2d}: train {:.4f}", stage, r.epoch, r.train_accuracy);
  if (r.dev_accuracy >= 0) {
    if (r.dev_las >= 0) {
      line += fmt::format("  dev UAS={:.4f} LAS={:.4f}", r.dev_accuracy, r.dev_las);
    } else {
      line += fmt::format("  dev UPOS={:.4f}", r.dev_accuracy);
    }
  }
  line += fmt::format("  {:.0f} tokens/s", r.tokens_per_second);
  fmt::print(stderr, "{}\n", line);
  std::fflush(stderr);
}

std::string BaseName(const std::string& f) {
  auto slash = f.find_last_of('/');
  return slash == std::string::npos ? f : f.substr(slash + 1);
}

std::string Describe(const char* what, const TrainArgs& a) {
  std::string files;
  for (const auto& f : a.train_files) {
    auto slash = f.find_last_of('/');
    files += (files.empty() ? "" : " ") + (slash == std::string::npos ? f : f.substr(slash + 1));
  }
  return fmt::format(
      "annal syntax model ({}); trained on: {}; tagger epochs {}, parser epochs {}, "
      "jackknife folds {}{}, seed {}, prune below {}",
      what, files, a.tagger_epochs, a.parser_epochs, a.jackknife,
      // Only when not the default, so the shipped model's description (and bytes) stay as the
      // script has always produced them.
      a.jackknife_epochs == 5 ? "" : fmt::format(" ({} epochs)", a.jackknife_epochs), a.seed,
      a.prune) +
         // Only with clusters, so models without them keep their description (and bytes).
         (a.clusters_file.empty()
              ? ""
              : fmt::format(", word clusters {} ({} words)", BaseName(a.clusters_file),
                            a.cluster_words)) +
         (a.beam > 1 ? fmt::format(", parser beam {} (max-violation training)", a.beam) : "");
}

int Run(const std::string& what, TrainArgs a) {
  std::vector<ConlluSentence> train, dev;
  if (!ReadAll(a.train_files, &train)) return kExitFailure;
  if (!a.dev_file.empty() && !ReadAll({a.dev_file}, &dev)) return kExitFailure;
  if (a.epochs > 0) {
    if (what == "tagger") a.tagger_epochs = a.epochs;
    if (what != "tagger") a.parser_epochs = a.epochs;
  }
  syntax::TrainOptions tagger_options;
  tagger_options.epochs = a.tagger_epochs;
  tagger_options.seed = a.seed;
  syntax::TrainOptions parser_options;
  parser_options.epochs = a.parser_epochs;
  parser_options.seed = a.seed;
  parser_options.beam = a.beam;
  if (!a.clusters_file.empty()) {
    auto clusters = syntax::WordClusters::Load(a.clusters_file);
    if (!clusters.ok()) {
      fmt::print(stderr, "annal train: {}\n", clusters.status().message());
      return kExitFailure;
    }
    a.cluster_words = clusters->size();
    auto shared = std::make_shared<const syntax::WordClusters>(std::move(*clusters));
    tagger_options.clusters = shared;
    parser_options.clusters = shared;
  }

  std::unique_ptr<syntax::Model> model;
  if (what == "tagger") {
    auto tagger = syntax::Tagger::Train(train, dev, tagger_options,
                                        [](const EpochReport& r) { PrintProgress("tagger", r); });
    if (!tagger.ok()) {
      fmt::print(stderr, "annal train: {}\n", tagger.status().message());
      return kExitFailure;
    }
    model = std::make_unique<syntax::Model>();
    if (a.prune > 0) (*tagger)->Prune(a.prune);
    model->set_tagger(std::move(*tagger));
    auto lemmatizer = std::make_unique<syntax::Lemmatizer>();
    lemmatizer->Train(train);
    model->set_lemmatizer(std::move(lemmatizer));
  } else if (what == "parser") {
    model = std::make_unique<syntax::Model>();
    if (!a.tagger_model.empty()) {
      auto loaded = syntax::Model::Load(a.tagger_model);
      if (!loaded.ok()) {
        fmt::print(stderr, "annal train: {}\n", loaded.status().message());
        return kExitFailure;
      }
      if ((*loaded)->tagger() == nullptr) {
        fmt::print(stderr, "annal train: {} has no tagger\n", a.tagger_model);
        return kExitFailure;
      }
      model->TakeComponentsFrom(loaded->get());
      // One cluster table per file: the parser uses the tagger's.
      if (model->tagger()->clusters()) {
        if (parser_options.clusters) {
          fmt::print(stderr, "annal train: {} has its own word clusters; drop --clusters\n",
                     a.tagger_model);
          return kExitFailure;
        }
        tagger_options.clusters = parser_options.clusters = model->tagger()->clusters();
      }
      // Dev is parsed with the tags the shipped pipeline would give it.
      syntax::RetagSentences(*model->tagger(), &dev);
    }
    syntax::TrainOptions jackknife = tagger_options;
    jackknife.epochs = a.jackknife_epochs;
    auto tagged = syntax::JackknifeTags(train, a.jackknife, jackknife, PrintProgress);
    if (!tagged.ok()) {
      fmt::print(stderr, "annal train: {}\n", tagged.status().message());
      return kExitFailure;
    }
    if (!a.write_tagged.empty()) {
      // Experiments with parser settings can then skip the jackknife (--jackknife 0).
      std::string text;
      for (const ConlluSentence& s : *tagged) syntax::AppendConllu(s, {}, &text);
      std::FILE* f = std::fopen(a.write_tagged.c_str(), "wb");
      bool written = f != nullptr && std::fwrite(text.data(), 1, text.size(), f) == text.size();
      if (f != nullptr && std::fclose(f) != 0) written = false;
      if (!written) {
        fmt::print(stderr, "annal train: cannot write {}\n", a.write_tagged);
        return kExitFailure;
      }
    }
    auto parser = syntax::DependencyParser::Train(
        *tagged, dev, parser_options, [](const EpochReport& r) { PrintProgress("parser", r); });
    if (!parser.ok()) {
      fmt::print(stderr, "annal train: {}\n", parser.status().message());
      return kExitFailure;
    }
    if (a.prune > 0) (*parser)->Prune(a.prune);
    model->set_parser(std::move(*parser));
  } else {
    syntax::ModelTrainOptions options;
    options.tagger = tagger_options;
    options.parser = parser_options;
    options.jackknife_folds = a.jackknife;
    options.jackknife_epochs = a.jackknife_epochs;
    options.prune_below = a.prune;
    auto trained = syntax::TrainModel(train, dev, options, PrintProgress);
    if (!trained.ok()) {
      fmt::print(stderr, "annal train: {}\n", trained.status().message());
      return kExitFailure;
    }
    model = std::move(*trained);
  }
  model->set_description(Describe(what.c_str(), a));
  Status s = model->Save(a.out);
  if (!s.ok()) {
    fmt::print(stderr, "annal train: {}\n", s.message());
    return kExitFailure;
  }
  fmt::print(stderr, "wrote {}\n", a.out);
  return kExitOk;
}

void AddTrain(CLI::App& app, CommandContext* ctx) {
  CLI::App* train = app.add_subcommand(
      "train", "Train the part-of-speech tagger, lemmatiser and dependency parser from CoNLL-U");
  train->require_subcommand(1);
  struct Sub {
    const char* name;
    const char* help;
  };
  for (Sub sub : {Sub{"tagger", "Train the UPOS tagger and the lemmatiser"},
                  Sub{"parser", "Train the dependency parser (on jackknifed predicted tags)"},
                  Sub{"all", "Train tagger, lemmatiser and parser into one model file"}}) {
    auto args = std::make_shared<TrainArgs>();
    CLI::App* cmd = train->add_subcommand(sub.name, sub.help);
    cmd->add_option("--train", args->train_files, "Training CoNLL-U files")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--dev", args->dev_file, "Development CoNLL-U file (accuracy per epoch)")
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", args->out, "Model file to write")->required();
    cmd->add_option("--epochs", args->epochs, "Training epochs (tagger: 12, parser: 15)");
    cmd->add_option("--seed", args->seed, "Random seed (training is deterministic given it)");
    cmd->add_option("--prune", args->prune,
                    "Drop features whose weights are all below this magnitude (0 = keep all)");
    cmd->add_option("--clusters", args->clusters_file,
                    "Word clusters (from annal cluster) to use as tagger and parser features")
        ->check(CLI::ExistingFile);
    if (std::string_view(sub.name) != "tagger") {
      cmd->add_option("--jackknife", args->jackknife,
                      "Folds for predicted training tags (0 = gold tags)");
      cmd->add_option("--jackknife-epochs", args->jackknife_epochs,
                      "Epochs of each fold's tagger (default 5)");
      cmd->add_option("--beam", args->beam,
                      "Parser beam width: > 1 trains for beam search (max-violation updates); "
                      "decode with eval-parser --beam")
          ->check(CLI::Range(1, 64));
    }
    if (std::string_view(sub.name) == "parser") {
      cmd->add_option("--tagger", args->tagger_model,
                      "Model whose tagger and lemmatiser go into the output (and tag --dev)")
          ->check(CLI::ExistingFile);
      cmd->add_option("--write-tagged", args->write_tagged,
                      "Also write the parser's training data with its jackknifed tags (CoNLL-U)");
    }
    if (std::string_view(sub.name) == "all") {
      cmd->add_option("--tagger-epochs", args->tagger_epochs, "Tagger epochs");
      cmd->add_option("--parser-epochs", args->parser_epochs, "Parser epochs");
    }
    std::string name = sub.name;
    cmd->callback([args, ctx, name] { ctx->exit_code = Run(name, *args); });
  }
}

}  // namespace
}  // namespace annal::cli

ANNAL_REGISTER_COMMAND(train, annal::cli::AddTrain);
