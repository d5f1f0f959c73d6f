// annal parse: print CoNLL-U (UPOS, lemma, head, relation) for tokenised text.
//
// Raw text goes through the text stage (sentence splitting and tokenisation, as `annal code`
// sees it); with --pretokenized the input is one sentence per line, tokens separated by spaces.
#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/parser.h"
#include "text/analyzer.h"
#include "util/file.h"

namespace annal::cli {
namespace {

struct ParseArgs {
  std::vector<std::string> files;
  std::string model;
  std::string data_dir;
  bool pretokenized = false;
};

void SplitTokens(std::string_view line, std::vector<std::string>* words) {
  words->clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
    if (i > start) words->emplace_back(line.substr(start, i - start));
  }
}

int ParseText(const syntax::Parser& parser, std::string_view text, std::string_view name) {
  std::vector<std::string> words;
  std::vector<syntax::ParsedToken> parsed;
  std::string out;
  size_t pos = 0;
  size_t line_number = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    SplitTokens(line, &words);
    if (words.empty()) continue;
    parser.Parse(words, &parsed);
    syntax::ConlluSentence sentence;
    for (const auto& t : parsed) {
      sentence.words.push_back({t.form, t.lemma, t.upos, "", t.head, t.deprel});
    }
    out.clear();
    syntax::AppendConllu(
        sentence,
        {fmt::format("sent_id = {}:{}", name, line_number), fmt::format("text = {}", line)}, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return kExitOk;
}

// Raw text: sentences and tokens from the text stage; the parser sees the surface forms.
int ParseRawText(const syntax::Parser& parser, std::string_view text, std::string_view name) {
  text::AnalyzedText analyzed;
  text::AnalyzeText(text, &analyzed);
  std::vector<std::string> words;
  std::vector<syntax::ParsedToken> parsed;
  std::string out;
  for (size_t si = 0; si < analyzed.sentences.size(); ++si) {
    const text::Sentence& s = analyzed.sentences[si];
    words.clear();
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      const text::Token& tok = analyzed.tokens[t];
      words.emplace_back(text.substr(tok.begin, tok.end - tok.begin));
    }
    if (words.empty()) continue;
    parser.Parse(words, &parsed);
    syntax::ConlluSentence sentence;
    for (const auto& t : parsed) {
      sentence.words.push_back({t.form, t.lemma, t.upos, "", t.head, t.deprel});
    }
    std::string sentence_text(text.substr(s.begin, s.end - s.begin));
    for (char& c : sentence_text) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    out.clear();
    syntax::AppendConllu(
        sentence, {fmt::format("sent_id = {}:{}", name, si + 1), "text = " + sentence_text}, &out);
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return kExitOk;
}

int Run(const ParseArgs& a) {
  std::string path =
      a.model.empty() ? ResolveDataDir(a.data_dir) + "/models/en_ewt.annalsyn" : a.model;
  auto model = syntax::Model::Load(path);
  if (!model.ok()) {
    fmt::print(stderr, "annal parse: {}\n", model.status().message());
    return kExitFailure;
  }
  syntax::Parser parser(**model);
  std::vector<std::string> files = a.files;
  if (files.empty()) files.push_back("-");
  int exit_code = kExitOk;
  for (const std::string& f : files) {
    std::string text;
    if (f == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else if (Status s = ReadFileToString(f, &text); !s.ok()) {
      fmt::print(stderr, "annal parse: {}\n", s.message());
      exit_code = kExitSkipped;
      continue;
    }
    if (a.pretokenized) {
      ParseText(parser, text, f == "-" ? "stdin" : f);
    } else {
      ParseRawText(parser, text, f == "-" ? "stdin" : f);
    }
  }
  return exit_code;
}

void AddParse(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd =
      app.add_subcommand("parse", "Print CoNLL-U (tags, lemmas, dependency trees) for text");
  cmd->add_option("files", args->files, "Input files ('-' or none: standard input)");
  cmd->add_option("--model", args->model,
                  "Model file (default: <data-dir>/models/en_ewt.annalsyn)");
  cmd->add_option("--data-dir", args->data_dir, "annal's data directory");
  cmd->add_flag("--pretokenized", args->pretokenized,
                "Input is one sentence per line with tokens separated by spaces");
  cmd->callback([args, ctx] { ctx->exit_code = Run(*args); });
}

}  // namespace
}  // namespace annal::cli

ANNAL_REGISTER_COMMAND(parse, annal::cli::AddParse);
