// annal dict compile|lookup|lint: build, inspect and check dictionaries.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "annal/annal.h"
#include "code/default_dictionaries.h"
#include "code/sentence_coder.h"
#include "command.h"
#include "context/date_resolver.h"
#include "lexicon/compiled_dictionary.h"
#include "lexicon/dictionary_reader.h"
#include "lexicon/format_readers.h"
#include "lexicon/lexicon.h"
#include "text/analyzer.h"
#include "util/file.h"

namespace annal::cli {
namespace {

struct DictArgs {
  bool defaults = false;
  DictionaryFiles files;
  std::string compiled;
  std::string out;
  std::string data_dir;
  std::string phrase;
  std::string date;
  std::vector<std::string> lint_files;
};

std::string DayToIso(int32_t day) {
  if (day == lexicon::kDayMin) return "-inf";
  if (day == lexicon::kDayMax) return "+inf";
  return context::FormatIsoDay(day);
}

Status LoadSet(const DictArgs& a, lexicon::DictionarySet* set) {
  if (!a.compiled.empty()) return lexicon::LoadDictionary(a.compiled, set);
  if (!a.files.empty()) return lexicon::ReadDictionaryFiles(a.files, set);
  std::string compiled = code::DefaultCompiledDictionaryPath();
  if (!compiled.empty() && !a.defaults) {
    if (lexicon::LoadDictionary(compiled, set).ok()) return Status::OK();
  }
  return lexicon::ReadDictionaryFiles(code::DefaultDictionaryFiles(ResolveDataDir(a.data_dir)),
                                      set);
}

int RunCompile(const DictArgs& a) {
  if (a.out.empty()) {
    fmt::print(stderr, "annal dict compile: --out FILE is required\n");
    return kExitFailure;
  }
  auto start = std::chrono::steady_clock::now();
  lexicon::DictionarySet set;
  Status s = a.files.empty()
                 ? lexicon::ReadDictionaryFiles(
                       code::DefaultDictionaryFiles(ResolveDataDir(a.data_dir)), &set)
                 : lexicon::ReadDictionaryFiles(a.files, &set);
  if (!s.ok()) {
    fmt::print(stderr, "annal dict compile: {}\n", s.ToString());
    return kExitFailure;
  }
  size_t diagnostics = set.diagnostics.size();
  s = lexicon::SaveDictionary(set, a.out);
  if (!s.ok()) {
    fmt::print(stderr, "annal dict compile: {}\n", s.ToString());
    return kExitFailure;
  }
  double read_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  // Time a load of what we wrote, so the user sees what a Coder will pay.
  start = std::chrono::steady_clock::now();
  lexicon::DictionarySet check;
  s = lexicon::LoadDictionary(a.out, &check);
  auto lex = s.ok() ? lexicon::Lexicon::Build(std::move(check))
                    : Result<std::unique_ptr<lexicon::Lexicon>>(s);
  double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!lex.ok()) {
    fmt::print(stderr, "annal dict compile: written file does not load: {}\n",
               lex.status().ToString());
    return kExitFailure;
  }
  fmt::print(stderr,
             "compiled {}: actors={} agents={} verb_blocks={} synsets={} discards={} issues={} "
             "skipped_lines={} compile_ms={:.0f} load_ms={:.1f}\n",
             a.out, set.actors.size(), set.agents.size(), set.verbs.size(), set.synsets.size(),
             set.discards.size(), set.issues.size(), diagnostics, read_ms, load_ms);
  return kExitOk;
}

int RunLookup(const DictArgs& a) {
  lexicon::DictionarySet set;
  Status s = LoadSet(a, &set);
  if (!s.ok()) {
    fmt::print(stderr, "annal dict lookup: {}\n", s.ToString());
    return kExitFailure;
  }
  int32_t day = lexicon::kDayMin;
  if (!a.date.empty() && !lexicon::ParseIsoDate(a.date, &day)) {
    fmt::print(stderr, "annal dict lookup: --date must be YYYY-MM-DD\n");
    return kExitFailure;
  }
  auto built = lexicon::Lexicon::Build(std::move(set));
  if (!built.ok()) {
    fmt::print(stderr, "annal dict lookup: {}\n", built.status().ToString());
    return kExitFailure;
  }
  const lexicon::Lexicon& lex = **built;
  const auto& dict = lex.dict();
  text::AnalyzedText analyzed;
  text::AnalyzeText(a.phrase, &analyzed);
  lexicon::SentenceWords words;
  lex.LookupWords(analyzed.tokens.data(), analyzed.tokens.size(), &words);
  std::vector<lexicon::Match> matches;
  lex.FindMatches(words, &matches);
  auto where = [&](const lexicon::SourceLocation& w) {
    return fmt::format("{}:{}", w.file < dict.files.size() ? dict.files[w.file] : "?", w.line);
  };
  auto phrase_text = [](const lexicon::Phrase& p) {
    std::string s;
    for (const auto& w : p) s += (s.empty() ? "" : " ") + w.text + (w.exact ? "" : "*");
    return s;
  };
  if (matches.empty()) {
    fmt::print("no dictionary entry matches \"{}\"\n", a.phrase);
    return kExitOk;
  }
  for (const auto& m : matches) {
    std::string span;
    for (uint32_t t = m.begin; t < m.end; ++t) span += (span.empty() ? "" : " ") + analyzed.tokens[t].norm;
    switch (m.payload.kind) {
      case lexicon::EntryKind::kActor: {
        const auto& actor = dict.actors[m.payload.index];
        fmt::print("actor \"{}\": entity {} ({})\n", span, code::EntityName(actor.names[0]),
                   where(actor.where));
        fmt::print("  code at {}: {}\n", a.date.empty() ? "no date" : a.date,
                   CodeOrNone(code::SentenceCoder::ResolveActorCode(actor, day)));
        for (const auto& c : actor.codes) {
          bool valid = day == lexicon::kDayMin || (c.from_day <= day && day <= c.to_day);
          fmt::print("  [{} {}..{}]{}\n", c.code, DayToIso(c.from_day), DayToIso(c.to_day),
                     valid ? "" : "  (not valid at this date)");
        }
        break;
      }
      case lexicon::EntryKind::kAgent: {
        const auto& agent = dict.agents[m.payload.index];
        fmt::print("agent \"{}\": {} ({})\n", span,
                   agent.suffix ? "~" + agent.code : agent.code + "~", where(agent.where));
        break;
      }
      case lexicon::EntryKind::kVerbForm: {
        const auto& verb = dict.verbs[m.payload.index];
        fmt::print("verb \"{}\": block {} [{}], form \"{}\", {} patterns ({})\n", span, verb.name,
                   verb.code, phrase_text(verb.forms[m.payload.sub].words), verb.patterns.size(),
                   where(verb.where));
        break;
      }
      case lexicon::EntryKind::kSynsetMember:
        fmt::print("synset member \"{}\": &{}\n", span, dict.synsets[m.payload.index].name);
        break;
      case lexicon::EntryKind::kDiscard:
        fmt::print("discard \"{}\"{} ({})\n", span,
                   dict.discards[m.payload.index].whole_story ? " (whole story)" : "",
                   where(dict.discards[m.payload.index].where));
        break;
      case lexicon::EntryKind::kIssue:
        fmt::print("issue \"{}\": {} ({})\n", span, dict.issues[m.payload.index].code,
                   where(dict.issues[m.payload.index].where));
        break;
    }
  }
  return kExitOk;
}

lexicon::DictionaryKind GuessKind(const std::string& path) {
  std::string lower;
  for (char c : path) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto has = [&](const char* s) { return lower.find(s) != std::string::npos; };
  // A correction file changes actors and agents and is read in the agent group, unless it
  // corrects verbs ("annal.verb.corrections.txt"), read in the verb group.
  const std::string base = lower.substr(
      lower.find_last_of("/\\") == std::string::npos ? 0 : lower.find_last_of("/\\") + 1);
  if (lexicon::internal::IsCorrectionFile(base) && base.find("verb") != std::string::npos) {
    return lexicon::DictionaryKind::kVerbs;
  }
  if (has("agent") || lexicon::internal::IsCorrectionFile(lower)) {
    return lexicon::DictionaryKind::kAgents;
  }
  if (has("actor") || has(".tsv")) return lexicon::DictionaryKind::kActors;  // .tsv: actor KB
  if (has("discard")) return lexicon::DictionaryKind::kDiscards;
  if (has("issue")) return lexicon::DictionaryKind::kIssues;
  if (has(".options")) return lexicon::DictionaryKind::kOptions;
  return lexicon::DictionaryKind::kVerbs;
}

int RunLint(const DictArgs& a) {
  std::vector<std::string> files = a.lint_files;
  if (files.empty()) {
    DictionaryFiles d = code::DefaultDictionaryFiles(ResolveDataDir(a.data_dir));
    for (auto* list : {&d.verbs, &d.actors, &d.agents, &d.discards, &d.issues}) {
      files.insert(files.end(), list->begin(), list->end());
    }
  }
  size_t problems = 0;
  bool failed = false;
  // The actors and agents of the files listed so far: a correction file is checked against
  // them (a correction that matches no entry read before it is a problem).
  lexicon::DictionarySet earlier;
  for (const auto& f : files) {
    std::string content;
    Status s = ReadFileToString(f, &content);
    if (!s.ok()) {
      fmt::print("{}: {}\n", f, s.message());
      failed = true;
      continue;
    }
    const lexicon::DictionaryKind kind = GuessKind(f);
    const bool correction = lexicon::internal::IsCorrectionFile(f);
    lexicon::DictionarySet own;
    lexicon::DictionarySet& set = correction ? earlier : own;
    const size_t first = set.diagnostics.size();
    s = lexicon::ReadDictionary(content, f, kind, lexicon::DictionaryFormat::kAuto, &set);
    if (!s.ok()) {
      fmt::print("{}: {}\n", f, s.message());
      failed = true;
    }
    for (size_t i = first; i < set.diagnostics.size(); ++i) {
      fmt::print("{}\n", set.diagnostics[i].ToString());
    }
    problems += set.diagnostics.size() - first;
    if (!correction) {
      for (auto& e : own.actors) earlier.actors.push_back(std::move(e));
      for (auto& e : own.agents) earlier.agents.push_back(std::move(e));
      // Verb corrections are checked against the verb blocks (and parse their patterns with
      // the synsets) of the verb files before them.
      for (auto& e : own.verbs) earlier.verbs.push_back(std::move(e));
      for (auto& e : own.synsets) earlier.synsets.push_back(std::move(e));
    }
  }
  fmt::print(stderr, "lint: {} files, {} problems\n", files.size(), problems);
  if (failed) return kExitFailure;
  return problems > 0 ? kExitSkipped : kExitOk;
}

void AddDictCommand(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<DictArgs>();
  CLI::App* dict = app.add_subcommand("dict", "Compile, look up and check dictionaries");
  dict->require_subcommand(1);
  auto add_sources = [&](CLI::App* cmd) {
    cmd->add_option("--verbs", args->files.verbs, "Verb dictionary text file(s)");
    cmd->add_option("--actors", args->files.actors, "Actor dictionary text file(s)");
    cmd->add_option("--agents", args->files.agents, "Agent dictionary text file(s)");
    cmd->add_option("--discards", args->files.discards, "Discard list(s)");
    cmd->add_option("--issues", args->files.issues, "Issue coding file(s)");
    cmd->add_option("--options", args->files.options, "TABARI .options file(s)");
    cmd->add_option("--data-dir", args->data_dir, "Directory of annal's shipped data");
  };
  CLI::App* compile = dict->add_subcommand(
      "compile", "Compile text dictionaries (default: the shipped ones) into one binary file");
  add_sources(compile);
  compile->add_flag("--defaults", args->defaults, "Compile the shipped default dictionaries");
  compile->add_option("--out", args->out, "Output file (.annaldict)")->required();
  compile->callback([args, ctx]() { ctx->exit_code = RunCompile(*args); });

  CLI::App* lookup = dict->add_subcommand("lookup", "Show which entries and codes match a phrase");
  add_sources(lookup);
  lookup->add_option("phrase", args->phrase, "Text to look up, e.g. \"Sergei Lavrov\"")->required();
  lookup->add_option("--date", args->date, "Resolve date-restricted codes at YYYY-MM-DD");
  lookup->add_option("--dict", args->compiled, "Compiled dictionary to use");
  lookup->callback([args, ctx]() { ctx->exit_code = RunLookup(*args); });

  CLI::App* lint = dict->add_subcommand(
      "lint", "Report malformed dictionary lines as file:line: message (default: shipped files)");
  lint->add_option("files", args->lint_files, "Dictionary files (kind guessed from the name)");
  lint->add_option("--data-dir", args->data_dir, "Directory of annal's shipped data");
  lint->callback([args, ctx]() { ctx->exit_code = RunLint(*args); });
}

}  // namespace

ANNAL_REGISTER_COMMAND(dict, AddDictCommand);

}  // namespace annal::cli
