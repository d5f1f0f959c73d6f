// `annal eval`: scores the coder on the gold suites in the shared data directory.
//
//   annal eval [--shared DIR] [--data-dir DIR] [--suite NAME]... [--verbose] [--errors N]
//              [--by-category] [--realised-only]
//
// Diagnostics (with --verbose / --errors / --by-category) go to stdout first; the last lines of
// stdout are the scores, one per suite that ran, in the fixed order TABARI_VALIDATE, PETR_UNITTEST,
// PLOVER_GSR, PETR2_GSR, preceded by TABARI's record-accuracy line:
//   TABARI_VALIDATE records: correct=K total=M accuracy=0.xx
//   TABARI_VALIDATE: P=0.xx R=0.xx F1=0.xx n=N
// After them come the geoparsing lines (src/context/geo_eval.h), acc161 on TR-News and LGL:
//   GEO_TRNEWS: acc161=0.xx n=N
//   GEO_LGL: acc161=0.xx n=N
// Progress and skipped suites are reported on stderr. Without the shared directory nothing
// runs and the exit code is 0; a suite whose file is missing is skipped with a message.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "annal/coder.h"
#include "command.h"
#include "context/gazetteer.h"
#include "context/geo_eval.h"
#include "context/geoparser.h"
#include "eval/runner.h"
#include "eval/score.h"
#include "eval/suites.h"
#include "text/analyzer.h"
#include "tool_options.h"

namespace annal::cli {
namespace {

struct EvalArgs {
  std::string shared_dir;
  std::string data_dir;
  std::vector<std::string> suites;
  bool verbose = false;
  bool by_category = false;
  bool realised_only = false;
  std::string syntax = "tagged";
  int errors = 0;
};

std::string JoinTriples(const std::vector<eval::Triple>& triples) {
  if (triples.empty()) return "(no event)";
  std::string out;
  for (const eval::Triple& t : triples) {
    if (!out.empty()) out += "; ";
    out += eval::TripleToString(t);
  }
  return out;
}

std::string DescribeError(const eval::TripleError& e) {
  if (!e.predicted)
    return fmt::format("{}: {}", eval::ErrorKindName(e.kind), eval::TripleToString(*e.gold));
  if (!e.gold)
    return fmt::format("{}: {}", eval::ErrorKindName(e.kind), eval::TripleToString(*e.predicted));
  return fmt::format("{}: expected {} got {}", eval::ErrorKindName(e.kind),
                     eval::TripleToString(*e.gold), eval::TripleToString(*e.predicted));
}

void PrintVerbose(const eval::SuiteReport& report) {
  fmt::print("== {}: records that do not match ==\n", report.name);
  for (const eval::RecordResult& r : report.records) {
    if (r.comparison.correct && r.coder_error.empty()) continue;
    fmt::print("[{}] {}\n", report.name, r.id);
    fmt::print("  text:     {}\n", r.text);
    fmt::print("  expected: {}\n", JoinTriples(r.gold));
    fmt::print("  got:      {}\n", JoinTriples(r.predicted));
    if (!r.coder_error.empty()) fmt::print("  coder error: {}\n", r.coder_error);
    for (const eval::TripleError& e : r.comparison.errors) {
      fmt::print("  - {}\n", DescribeError(e));
    }
  }
}

void PrintErrorExamples(const eval::SuiteReport& report) {
  fmt::print("== {}: errors by kind ==\n", report.name);
  for (int k = 0; k < eval::kErrorKindCount; ++k) {
    auto kind = static_cast<eval::ErrorKind>(k);
    fmt::print("{} {}: {}\n", report.name, eval::ErrorKindName(kind), report.score.errors[k]);
    for (const eval::ErrorExample& ex : report.examples[k]) {
      fmt::print("  [{}] {}\n      {}\n", ex.record_id, DescribeError(ex.error), ex.text);
    }
  }
}

// Scores per GoldRecord::category (TABARI id prefix, PETRARCH category, PLOVER 0.5 event
// name), largest number of gold events first.
void PrintByCategory(const eval::SuiteReport& report) {
  std::map<std::string, eval::Score> by_category;
  for (const eval::RecordResult& r : report.records) {
    eval::Score& s = by_category[r.category.empty() ? "-" : r.category];
    s.gold += r.comparison.gold;
    s.predicted += r.comparison.predicted;
    s.matched += r.comparison.matched;
    s.records += 1;
    s.records_correct += r.comparison.correct ? 1 : 0;
    for (const eval::TripleError& e : r.comparison.errors) ++s.errors[static_cast<int>(e.kind)];
  }
  std::vector<std::pair<std::string, eval::Score>> rows(by_category.begin(), by_category.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.gold > b.second.gold; });
  fmt::print("== {}: by category ==\n", report.name);
  for (const auto& [category, score] : rows) {
    fmt::print("{} {:<12} P={:.2f} R={:.2f} F1={:.2f} n={} records={} correct={}\n", report.name,
               category, score.Precision(), score.Recall(), score.F1(), score.gold, score.records,
               score.records_correct);
  }
}

// Appends the GEO_* lines for the geoparsing sets in `wanted` (names from context::GeoSuites()).
// Missing data (the sets or the gazetteer) skips with a message, as for the event suites.
void RunGeoSuites(const std::string& shared, const std::string& data_dir,
                  const std::vector<std::string>& wanted, std::vector<std::string>* lines) {
  if (wanted.empty()) return;
  std::string dir = shared + "/data/geoparsing-eval";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    fmt::print(stderr, "annal eval: skipping the GEO lines: {} not found\n", dir);
    return;
  }
  auto gazetteer = context::Gazetteer::Load(data_dir + "/gazetteer/gazetteer.bin.zst");
  if (!gazetteer.ok()) {
    fmt::print(stderr, "annal eval: skipping the GEO lines: {}\n", gazetteer.status().ToString());
    return;
  }
  context::Geoparser geoparser(**gazetteer);
  for (const context::GeoSuite& g : context::GeoSuites()) {
    if (std::find(wanted.begin(), wanted.end(), g.name) == wanted.end()) continue;
    std::string path = dir + "/" + g.file;
    if (!std::filesystem::is_regular_file(path, ec)) {
      fmt::print(stderr, "annal eval: skipping {}: {} not found\n", g.name, path);
      continue;
    }
    auto r = context::EvaluateGeoparsingFile(path, geoparser, text::AnalyzeText);
    if (!r.ok()) {
      fmt::print(stderr, "annal eval: skipping {}: {}\n", g.name, r.status().ToString());
      continue;
    }
    fmt::print(stderr, "annal eval: {}: {} gold toponyms, {} found and within 161 km\n", g.name,
               r->gold, r->correct);
    lines->push_back(context::FormatGeoLine(g.name, *r));
  }
}

int RunEval(const EvalArgs& args) {
  std::string shared = ResolveSharedDir(args.shared_dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(shared + "/data/peers", ec)) {
    fmt::print(stderr,
               "annal eval: no gold suites: {}/data/peers is not a directory (give --shared DIR "
               "or set ANNAL_SHARED_DIR); nothing to evaluate\n",
               shared);
    return kExitOk;
  }

  std::vector<eval::Suite> selected;
  std::vector<std::string> geo_selected;
  for (const std::string& name : args.suites) {
    bool geo = false;
    for (const context::GeoSuite& g : context::GeoSuites()) geo = geo || name == g.name;
    if (geo) {
      geo_selected.push_back(name);
      continue;
    }
    auto suite = eval::SuiteFromName(name);
    if (!suite) {
      std::string known;
      for (const eval::SuiteSpec& s : eval::AllSuites()) known += std::string(" ") + s.name;
      for (const context::GeoSuite& g : context::GeoSuites()) known += std::string(" ") + g.name;
      fmt::print(stderr, "annal eval: unknown suite '{}' (known:{})\n", name, known);
      return kExitFailure;
    }
    selected.push_back(*suite);
  }
  if (selected.empty() && geo_selected.empty()) {
    for (const eval::SuiteSpec& s : eval::AllSuites()) selected.push_back(s.suite);
    for (const context::GeoSuite& g : context::GeoSuites()) geo_selected.push_back(g.name);
  }

  CoderOptions base;
  base.data_dir = ResolveDataDir(args.data_dir);
  if (!ParseSyntaxMode(args.syntax, &base.syntax)) {
    fmt::print(stderr, "annal eval: --syntax must be shallow, parser or tagged\n");
    return kExitFailure;
  }
  eval::RunOptions run_options;
  run_options.max_examples_per_kind = args.errors > 0 ? static_cast<size_t>(args.errors) : 0;
  if (args.realised_only) {
    run_options.modality = eval::ModalityPolicy::kRealisedOnly;
    fmt::print(stderr,
               "annal eval: --realised-only: only asserted and claimed events count "
               "(diagnostic; not the standard scores)\n");
  }

  int exit_code = kExitOk;
  std::vector<std::string> final_lines;
  // Report in the fixed suite order whatever order --suite gave.
  for (const eval::SuiteSpec& spec : eval::AllSuites()) {
    bool wanted = false;
    for (eval::Suite s : selected) wanted = wanted || s == spec.suite;
    if (!wanted) continue;

    std::string path = eval::SuiteGoldPath(spec.suite, shared);
    if (!std::filesystem::is_regular_file(path, ec)) {
      // Like a missing shared directory: absent data is not an error.
      fmt::print(stderr, "annal eval: skipping {}: {} not found\n", spec.name, path);
      continue;
    }
    auto gold = eval::ReadSuite(spec.suite, shared);
    if (!gold.ok()) {
      fmt::print(stderr, "annal eval: skipping {}: {}\n", spec.name, gold.status().ToString());
      exit_code = kExitSkipped;
      continue;
    }
    const CoderOptions coder_options =
        eval::SuiteCoderOptions(spec.suite, shared, base, run_options.modality);
    auto coder = Coder::Open(coder_options);
    if (!coder.ok()) {
      fmt::print(stderr, "annal eval: skipping {}: cannot open the coder: {}\n", spec.name,
                 coder.status().ToString());
      exit_code = kExitSkipped;
      continue;
    }
    if (!(*coder)->warnings().empty()) {
      fmt::print(stderr, "annal eval: {}: {} dictionary lines skipped (first: {})\n", spec.name,
                 (*coder)->warnings().size(), (*coder)->warnings().front());
    }
    eval::RunOptions suite_run = run_options;
    // TABARI's validation records change TABARI's settings as they go (SET: CODE ALL, ...).
    if (spec.suite == eval::Suite::kTabariValidate) suite_run.reopen_options = &coder_options;
    eval::SuiteReport report = eval::RunSuite(**coder, spec.suite, gold.value(), suite_run);
    fmt::print(stderr, "annal eval: {}: {} records read, {} scored, {} gold events, {:.2f} s\n",
               spec.name, report.records_read, report.records_scored, report.score.gold,
               report.seconds);
    fmt::print(stderr, "annal eval: {}\n", eval::FormatRoleAgreementLine(spec.name, report.score));
    if (report.coder_failures > 0) {
      fmt::print(stderr, "annal eval: {}: the coder failed on {} records (see --verbose)\n",
                 spec.name, report.coder_failures);
    }
    if (args.verbose) PrintVerbose(report);
    if (args.by_category) PrintByCategory(report);
    if (args.errors > 0) PrintErrorExamples(report);
    if (spec.suite == eval::Suite::kTabariValidate) {
      final_lines.push_back(eval::FormatRecordAccuracyLine(spec.name, report.score));
    }
    final_lines.push_back(eval::FormatScoreLine(spec.name, report.score));
  }
  RunGeoSuites(shared, base.data_dir, geo_selected, &final_lines);
  std::fflush(stdout);
  for (const std::string& line : final_lines) fmt::print("{}\n", line);
  return exit_code;
}

void AddEvalCommand(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = app.add_subcommand(
      "eval",
      "Score the coder on the gold suites (TABARI validation, PETRARCH unit tests, "
      "PLOVER GSR, PETRARCH-2 GSR) in the shared data directory");
  cmd->add_option("--shared", args->shared_dir,
                  "Shared data directory holding data/peers/ (default: $ANNAL_SHARED_DIR or "
                  "../shared)");
  cmd->add_option("--data-dir", args->data_dir, "annal's data directory (default dictionaries)");
  cmd->add_option("--suite", args->suites,
                  "Run only this suite (repeatable): TABARI_VALIDATE, PETR_UNITTEST, PLOVER_GSR, "
                  "PETR2_GSR, GEO_TRNEWS, GEO_LGL");
  cmd->add_flag("--verbose", args->verbose,
                "Print every record that does not match: id, text, expected, got");
  cmd->add_flag("--by-category", args->by_category,
                "Print scores per category (TABARI id prefix, PETRARCH category, PLOVER type)");
  cmd->add_option("--syntax", args->syntax, kSyntaxHelp);
  cmd->add_flag("--realised-only", args->realised_only,
                "Diagnostic: count only asserted and claimed events (by default everything but "
                "negated events counts, as the gold suites, which have no modality, code them)");
  cmd->add_option("--errors", args->errors,
                  "Print N examples of each error kind (wrong source/target/code, missed, extra)")
      ->check(CLI::NonNegativeNumber);
  cmd->callback([args, ctx]() { ctx->exit_code = RunEval(*args); });
}

}  // namespace

ANNAL_REGISTER_COMMAND(eval, AddEvalCommand);

}  // namespace annal::cli
