// Coding throughput on real news: ../shared/data/bbc-news (2,225 BBC articles) and a 10x
// repetition of it, on one core and on two, plus dictionary load time and peak memory.
//
// Machines here are noisy, so every run also measures a baseline in the same process - the
// text stage alone (sentence splitting + tokenisation) over the same articles - and the summary
// prints coding throughput as a ratio of it. On a machine shared with other jobs wall time says
// little, so the summary also gives sentences per CPU second (process CPU time, which other
// jobs inflate far less) and the parser and shallow modes as ratios of the default (tagged)
// mode by that measure.
// Run: build/code_bench (or `make bench`); the three modes only:
//   build/bench/code_bench --benchmark_filter='BM_CodeBbc/|BM_CodeBbcShallow|BM_CodeBbcParser'
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <thread>

#include <benchmark/benchmark.h>
#include <fmt/core.h>

#include "annal/annal.h"
#include "code/default_dictionaries.h"
#include "lexicon/compiled_dictionary.h"
#include "lexicon/lexicon.h"
#include "text/analyzer.h"
#include "util/file.h"

namespace {

std::vector<annal::Document>& Corpus() {
  static std::vector<annal::Document> docs = [] {
    std::vector<annal::Document> out;
    std::filesystem::path root = std::filesystem::path(ANNAL_BENCH_SHARED_DIR) / "data/bbc-news/bbc";
    std::error_code ec;
    if (!std::filesystem::exists(root, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (auto& e : std::filesystem::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      annal::Document d;
      d.id = f.parent_path().filename().string() + "/" + f.filename().string();
      d.date = "2005-06-01";
      if (annal::ReadFileToString(f.string(), &d.text).ok()) out.push_back(std::move(d));
    }
    return out;
  }();
  return docs;
}

std::unique_ptr<annal::Coder> OpenCoder(annal::SyntaxMode syntax) {
  annal::CoderOptions options;
  options.syntax = syntax;
  auto c = annal::Coder::Open(options);
  if (!c.ok()) {
    fmt::print(stderr, "cannot open coder: {}\n", c.status().ToString());
    std::exit(1);
  }
  return std::move(c).value();
}

const annal::Coder& SharedCoder(annal::SyntaxMode syntax) {
  static std::map<annal::SyntaxMode, std::unique_ptr<annal::Coder>> coders;
  auto& coder = coders[syntax];
  if (coder == nullptr) coder = OpenCoder(syntax);
  return *coder;
}

double ProcessCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool SkipWithoutCorpus(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("../shared/data/bbc-news is absent; nothing to measure");
    return true;
  }
  return false;
}

void BM_TextStageBaseline(benchmark::State& state) {
  if (SkipWithoutCorpus(state)) return;
  size_t sentences = 0, bytes = 0;
  annal::text::AnalyzedText a;
  for (auto _ : state) {
    for (const auto& d : Corpus()) {
      annal::text::AnalyzeText(d.text, &a);
      sentences += a.sentences.size();
      bytes += d.text.size();
    }
  }
  state.counters["sentences_per_second"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TextStageBaseline)->Unit(benchmark::kMillisecond)->UseRealTime();

// Codes the corpus `repeat` times with `threads` threads (documents split dynamically).
void CodeCorpus(benchmark::State& state, int repeat, int threads,
                annal::SyntaxMode syntax = annal::CoderOptions().syntax) {
  if (SkipWithoutCorpus(state)) return;
  const annal::Coder& coder = SharedCoder(syntax);
  const auto& docs = Corpus();
  size_t sentences = 0, events = 0;
  const double cpu_start = ProcessCpuSeconds();
  for (auto _ : state) {
    std::atomic<size_t> next{0}, total_sentences{0}, total_events{0};
    size_t n = docs.size() * static_cast<size_t>(repeat);
    auto work = [&] {
      annal::DocumentResult r;
      size_t s = 0, e = 0;
      for (size_t i; (i = next.fetch_add(1)) < n;) {
        coder.Code(docs[i % docs.size()], &r);
        s += static_cast<size_t>(r.sentences);
        e += r.events.size();
      }
      total_sentences += s;
      total_events += e;
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    sentences += total_sentences;
    events += total_events;
  }
  state.counters["sentences_per_second"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["sentences_per_second_per_core"] = benchmark::Counter(
      static_cast<double>(sentences) / threads, benchmark::Counter::kIsRate);
  state.counters["events"] = static_cast<double>(events) / static_cast<double>(state.iterations());
  const double cpu = ProcessCpuSeconds() - cpu_start;
  state.counters["sentences_per_cpu_second"] = cpu > 0 ? static_cast<double>(sentences) / cpu : 0;
}

void BM_CodeBbc(benchmark::State& state) { CodeCorpus(state, 1, 1); }
void BM_CodeBbc10x(benchmark::State& state) { CodeCorpus(state, 10, 1); }
void BM_CodeBbc10xTwoThreads(benchmark::State& state) { CodeCorpus(state, 10, 2); }
BENCHMARK(BM_CodeBbc)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CodeBbc10x)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_CodeBbc10xTwoThreads)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The default mode (tagged) without the tagger's veto: rules alone, no model.
void BM_CodeBbcShallow(benchmark::State& state) {
  CodeCorpus(state, 1, 1, annal::SyntaxMode::kShallow);
}
BENCHMARK(BM_CodeBbcShallow)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same with dependency-tree roles (issue 3 target: >= 10,000 sentences/s per core).
void BM_CodeBbcParser(benchmark::State& state) {
  CodeCorpus(state, 1, 1, annal::SyntaxMode::kParser);
}
BENCHMARK(BM_CodeBbcParser)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_DictionaryLoad(benchmark::State& state) {
  std::string path = annal::code::DefaultCompiledDictionaryPath();
  if (path.empty()) {
    state.SkipWithError("no compiled default dictionary in this build");
    return;
  }
  for (auto _ : state) {
    annal::lexicon::DictionarySet set;
    if (!annal::lexicon::LoadDictionary(path, &set).ok()) {
      state.SkipWithError("load failed");
      return;
    }
    auto lex = annal::lexicon::Lexicon::Build(std::move(set));
    benchmark::DoNotOptimize(lex);
  }
}
BENCHMARK(BM_DictionaryLoad)->Unit(benchmark::kMillisecond);

// Collects the rates so the summary can print ratios against the baseline.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs) {
      auto it = r.counters.find("sentences_per_second");
      if (it != r.counters.end()) rates_[r.benchmark_name()] = it->second.value;
      auto pc = r.counters.find("sentences_per_second_per_core");
      if (pc != r.counters.end()) per_core_[r.benchmark_name()] = pc->second.value;
      auto cpu = r.counters.find("sentences_per_cpu_second");
      if (cpu != r.counters.end()) per_cpu_[r.benchmark_name()] = cpu->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
  }
  std::map<std::string, double> rates_, per_core_, per_cpu_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  SummaryReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  double baseline = 0;
  for (auto& [name, rate] : reporter.rates_) {
    if (name.rfind("BM_TextStageBaseline", 0) == 0) baseline = rate;
  }
  fmt::print("\nsummary (sentences per second per core; ratio = coding / text-stage baseline):\n");
  for (auto& [name, rate] : reporter.per_core_) {
    fmt::print("  {:<40} {:>10.0f}  ratio={:.3f}\n", name, rate, baseline > 0 ? rate / baseline : 0);
  }
  if (baseline > 0) fmt::print("  {:<40} {:>10.0f}  (baseline)\n", "BM_TextStageBaseline", baseline);
  fmt::print("sentences per CPU second (one thread; with two threads: both threads' CPU):\n");
  double tagged = 0, shallow = 0, parser = 0;
  for (auto& [name, rate] : reporter.per_cpu_) {
    fmt::print("  {:<40} {:>10.0f}\n", name, rate);
    if (name.rfind("BM_CodeBbc/", 0) == 0) tagged = rate;
    if (name.rfind("BM_CodeBbcShallow/", 0) == 0) shallow = rate;
    if (name.rfind("BM_CodeBbcParser/", 0) == 0) parser = rate;
  }
  if (tagged > 0 && shallow > 0) {
    fmt::print("  shallow mode / default (tagged) mode (CPU time): {:.3f}\n", shallow / tagged);
  }
  if (tagged > 0 && parser > 0) {
    fmt::print("  parser mode / default (tagged) mode (CPU time): {:.3f}\n", parser / tagged);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  fmt::print("  peak_memory_mb={:.0f}\n", static_cast<double>(ru.ru_maxrss) / 1024.0);
  benchmark::Shutdown();
  return 0;
}
