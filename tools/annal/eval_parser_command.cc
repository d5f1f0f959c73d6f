// annal eval-parser: tag, lemmatise and parse a gold CoNLL-U file (gold tokenisation) and print
// UPOS, lemma, UAS and LAS accuracy (punctuation included).
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/parser.h"

namespace annal::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> gold;
  std::string model;
  std::string data_dir;
  bool gold_tags = false;
  int beam = 1;
};

int Run(const EvalArgs& a) {
  std::string path =
      a.model.empty() ? ResolveDataDir(a.data_dir) + "/models/en_ewt.annalsyn" : a.model;
  auto model = syntax::Model::Load(path);
  if (!model.ok()) {
    fmt::print(stderr, "annal eval-parser: {}\n", model.status().message());
    return kExitFailure;
  }
  if ((*model)->mutable_parser() != nullptr) (*model)->mutable_parser()->set_beam_width(a.beam);
  syntax::Parser parser(**model);
  for (const std::string& file : a.gold) {
    std::vector<syntax::ConlluSentence> gold;
    Status s = syntax::ReadConlluFile(file, &gold);
    if (!s.ok()) {
      fmt::print(stderr, "annal eval-parser: {}\n", s.message());
      return kExitFailure;
    }
    syntax::ParserScores r = syntax::EvaluateParser(parser, gold, a.gold_tags);
    fmt::print(
        "{}: UPOS={:.4f} UAS={:.4f} LAS={:.4f} Lemma={:.4f}  ({} sentences, {} words, "
        "{:.0f} words/s{}{})\n",
        file, r.upos, r.uas, r.las, r.lemma, r.sentences, r.words,
        r.seconds > 0 ? r.words / r.seconds : 0.0, a.gold_tags ? ", gold tags" : "",
        a.beam > 1 ? fmt::format(", beam {}", a.beam) : "");
  }
  return kExitOk;
}

void AddEvalParser(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval-parser", "Score the tagger, lemmatiser and parser on gold CoNLL-U files");
  cmd->add_option("--gold", args->gold, "Gold CoNLL-U files")->required()->check(CLI::ExistingFile);
  cmd->add_option("--model", args->model,
                  "Model file (default: <data-dir>/models/en_ewt.annalsyn)");
  cmd->add_option("--data-dir", args->data_dir, "annal's data directory");
  cmd->add_flag("--gold-tags", args->gold_tags, "Parse with the gold UPOS instead of the tagger");
  cmd->add_option("--beam", args->beam, "Parser beam width (1 = greedy, the default)")
      ->check(CLI::Range(1, 64));
  cmd->callback([args, ctx] { ctx->exit_code = Run(*args); });
}

}  // namespace
}  // namespace annal::cli

ANNAL_REGISTER_COMMAND(eval_parser, annal::cli::AddEvalParser);
