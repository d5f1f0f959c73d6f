// annal cluster: learn word clusters from unlabelled text for `annal train --clusters`.
//
//   annal cluster --text a.txt b.txt --conllu train.conllu --out clusters.tsv [--classes 256]
//
// Plain text goes through the text stage paragraph by paragraph (sentences and tokens exactly as the parser will see
// them); CoNLL-U files contribute their FORM column. Deterministic given the inputs (in the
// order given) and --seed. The output is one word per line: word, fine, mid and coarse cluster
// ids and the word's count (see src/syntax/word_clusters.h).
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "syntax/conllu.h"
#include "syntax/word_clusters.h"
#include "text/analyzer.h"
#include "util/file.h"

namespace annal::cli {
namespace {

struct ClusterArgs {
  std::vector<std::string> text_files;
  std::vector<std::string> conllu_files;
  std::string out;
  syntax::ClusterTrainOptions options;
};

bool AddText(const std::string& path, syntax::ClusterCorpus* corpus) {
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) {
    fmt::print(stderr, "annal cluster: {}\n", s.message());
    return false;
  }
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    fmt::print(stderr, "annal cluster: {}: invalid UTF-8 at byte {}\n", path, bad);
    return false;
  }
  // Paragraph by paragraph (blank-line separated): headlines and list items without final
  // punctuation must not run into the next paragraph's first sentence.
  std::string_view rest(text);
  text::AnalyzedText analyzed;
  std::vector<std::string_view> words;
  while (!rest.empty()) {
    size_t end = rest.find("\n\n");
    std::string_view paragraph = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
    text::AnalyzeText(paragraph, &analyzed);
    for (const text::Sentence& sentence : analyzed.sentences) {
      words.clear();
      for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
        const text::Token& token = analyzed.tokens[t];
        words.push_back(paragraph.substr(token.begin, token.end - token.begin));
      }
      corpus->AddSentence(words);
    }
  }
  return true;
}

bool AddConllu(const std::string& path, syntax::ClusterCorpus* corpus) {
  std::vector<syntax::ConlluSentence> sentences;
  Status s = syntax::ReadConlluFile(path, &sentences);
  if (!s.ok()) {
    fmt::print(stderr, "annal cluster: {}\n", s.message());
    return false;
  }
  std::vector<std::string_view> words;
  for (const auto& sentence : sentences) {
    words.clear();
    for (const auto& w : sentence.words) words.push_back(w.form);
    corpus->AddSentence(words);
  }
  return true;
}

int Run(const ClusterArgs& a) {
  if (a.text_files.empty() && a.conllu_files.empty()) {
    fmt::print(stderr, "annal cluster: give --text and/or --conllu files\n");
    return kExitFailure;
  }
  syntax::ClusterCorpus corpus;
  for (const auto& f : a.conllu_files) {
    if (!AddConllu(f, &corpus)) return kExitFailure;
  }
  for (const auto& f : a.text_files) {
    if (!AddText(f, &corpus)) return kExitFailure;
  }
  fmt::print(stderr, "{} sentences, {} tokens\n", corpus.sentences(), corpus.tokens());
  auto words = corpus.Cluster(a.options, [](std::string_view level, int iteration, size_t moved,
                                            double objective) {
    fmt::print(stderr, "{} iteration {:2d}: {} moved, objective {:.5f}\n", level, iteration,
               moved, objective);
    std::fflush(stderr);
  });
  if (!words.ok()) {
    fmt::print(stderr, "annal cluster: {}\n", words.status().message());
    return kExitFailure;
  }
  Status s = WriteStringToFile(a.out, syntax::ClustersToText(*words));
  if (!s.ok()) {
    fmt::print(stderr, "annal cluster: {}\n", s.message());
    return kExitFailure;
  }
  fmt::print(stderr, "wrote {} words to {}\n", words->size(), a.out);
  return kExitOk;
}

void AddCluster(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<ClusterArgs>();
  CLI::App* cmd = app.add_subcommand(
      "cluster", "Learn word clusters from unlabelled text (for annal train --clusters)");
  cmd->add_option("--text", args->text_files, "Plain UTF-8 text files")
      ->check(CLI::ExistingFile);
  cmd->add_option("--conllu", args->conllu_files, "CoNLL-U files (FORM column)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", args->out, "Cluster file to write")->required();
  cmd->add_option("--classes", args->options.fine, "Fine clusters (default 256)");
  cmd->add_option("--mid", args->options.mid, "Mid-level groups of clusters (default 64)");
  cmd->add_option("--coarse", args->options.coarse, "Coarse groups (default 16)");
  cmd->add_option("--min-count", args->options.min_count,
                  "Cluster only words seen this often (default 3)");
  cmd->add_option("--iterations", args->options.max_iterations,
                  "Most exchange iterations per level (default 20)");
  cmd->add_option("--seed", args->options.seed, "Order of the exchange moves");
  cmd->callback([args, ctx] { ctx->exit_code = Run(*args); });
}

}  // namespace
}  // namespace annal::cli

ANNAL_REGISTER_COMMAND(cluster, annal::cli::AddCluster);
