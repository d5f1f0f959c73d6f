// annal code [FILES...|-]: documents in, one event per line out.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <fmt/core.h>

#include "annal/annal.h"
#include "command.h"
#include "io/document_reader.h"
#include "tool_options.h"

namespace annal::cli {
namespace {

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string format = "jsonl";
  int threads = 1;
  bool stats = false;
  std::string date;
  size_t batch_documents = 256;
  DictionaryArgs dict;
};

// Codes documents in batches: N threads code a batch, then results are written in input order,
// so output is deterministic whatever -j is.
int RunCode(const CodeArgs& args) {
  CoderOptions options;
  Status s = args.dict.Apply(&options);
  if (!s.ok()) {
    fmt::print(stderr, "annal code: {}\n", s.ToString());
    return kExitFailure;
  }
  auto opened = Coder::Open(options);
  if (!opened.ok()) {
    fmt::print(stderr, "annal code: {}\n", opened.status().ToString());
    return kExitFailure;
  }
  const Coder& coder = **opened;
  if (args.dict.show_warnings) {
    for (const auto& w : coder.warnings()) fmt::print(stderr, "{}\n", w);
  }
  const std::string format = args.format;
  if (format != "jsonl" && format != "csv") {
    fmt::print(stderr, "annal code: --format must be jsonl or csv\n");
    return kExitFailure;
  }
  if (format == "csv") std::fputs((EventCsvHeader() + "\n").c_str(), stdout);

  size_t documents = 0, sentences = 0, events = 0, skipped = 0, split_sentences = 0;
  auto start = std::chrono::steady_clock::now();
  std::vector<Document> batch;
  std::vector<DocumentResult> results;
  std::vector<Status> statuses;
  std::string buffer;

  auto flush = [&]() {
    results.assign(batch.size(), DocumentResult());
    statuses.assign(batch.size(), Status::OK());
    std::atomic<size_t> next{0};
    auto work = [&]() {
      for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
        statuses[i] = coder.Code(batch[i], &results[i]);
      }
    };
    int n = std::max(1, std::min<int>(args.threads, static_cast<int>(batch.size())));
    std::vector<std::thread> pool;
    for (int t = 1; t < n; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (size_t i = 0; i < batch.size(); ++i) {
      ++documents;
      sentences += static_cast<size_t>(results[i].sentences);
      split_sentences += static_cast<size_t>(results[i].split_sentences);
      if (!statuses[i].ok() || results[i].skipped) {
        ++skipped;
        std::string why = statuses[i].ok() ? (results[i].notes.empty() ? "skipped" : results[i].notes[0])
                                           : statuses[i].message();
        fmt::print(stderr, "annal code: document {}: {}\n", batch[i].id, why);
      }
      buffer.clear();
      for (const Event& e : results[i].events) {
        buffer += format == "csv" ? EventToCsv(e) : EventToJson(e);
        buffer += '\n';
        ++events;
      }
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
    }
    batch.clear();
  };

  io::ReadOptions read_options;
  read_options.default_date = args.date;
  size_t problems = 0;
  std::vector<std::string> inputs = args.inputs.empty() ? std::vector<std::string>{"-"} : args.inputs;
  Status read = io::ReadDocuments(
      inputs, read_options,
      [&](Document&& d) {
        batch.push_back(std::move(d));
        if (batch.size() >= args.batch_documents) flush();
      },
      [&](const io::InputProblem& p) {
        ++problems;
        fmt::print(stderr, "annal code: {}\n", p.ToString());
      });
  if (!batch.empty()) flush();
  std::fflush(stdout);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (args.stats) {
    if (split_sentences > 0) {
      fmt::print(stderr,
                 "annal code: {} run-on sentence(s) of 400+ tokens were cut into shorter ones "
                 "(lists or text without punctuation)\n",
                 split_sentences);
    }
    fmt::print(stderr,
               "stats: documents={} sentences={} events={} seconds={:.3f} "
               "sentences_per_second={:.0f}\n",
               documents, sentences, events, seconds,
               seconds > 0 ? static_cast<double>(sentences) / seconds : 0.0);
  }
  if (!read.ok()) {
    fmt::print(stderr, "annal code: {}\n", read.ToString());
    return documents == 0 ? kExitFailure : kExitSkipped;
  }
  return (problems > 0 || skipped > 0) ? kExitSkipped : kExitOk;
}

void AddCodeCommand(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<CodeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "code", "Code documents (JSON Lines, text files, directories, or - for stdin) into events");
  cmd->add_option("inputs", args->inputs, "Input files or directories; - or nothing reads stdin");
  cmd->add_option("--format", args->format, "Output format: jsonl (default) or csv");
  cmd->add_option("-j,--threads", args->threads, "Coding threads (output order stays the same)")
      ->check(CLI::Range(1, 256));
  cmd->add_flag("--stats", args->stats, "Print a stats: line on stderr at the end");
  cmd->add_option("--date", args->date,
                  "Publication date (YYYY-MM-DD) for plain-text inputs (default: file time)");
  args->dict.AddTo(cmd);
  cmd->callback([args, ctx]() { ctx->exit_code = RunCode(*args); });
}

}  // namespace

ANNAL_REGISTER_COMMAND(code, AddCodeCommand);

}  // namespace annal::cli
