// Text stage workloads over the BBC News corpus (../shared/data/bbc-news/bbc/*/*.txt, 2,225
// articles, 5 MB). Skipped with a message when the corpus is absent.
//
//   build/bench/text_bench                 # MB/s (bytes_per_second) and sentences/s per core
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "io/document_reader.h"
#include "text/analyzer.h"
#include "text/language.h"

namespace {

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    std::filesystem::path root =
        std::filesystem::path(ANNAL_BENCH_SHARED_DIR) / "data" / "bbc-news" / "bbc";
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) return out;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      std::string text = ss.str();
      if (annal::text::IsValidUtf8(text)) out.push_back(std::move(text));
    }
    return out;
  }();
  return docs;
}

size_t CorpusBytes() {
  size_t bytes = 0;
  for (const auto& d : Corpus()) bytes += d.size();
  return bytes;
}

void BM_AnalyzeText(benchmark::State& state) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("BBC corpus not found under ../shared/data/bbc-news/bbc");
    return;
  }
  annal::text::AnalyzedText analyzed;
  size_t sentences = 0, tokens = 0;
  for (auto _ : state) {
    for (const auto& d : docs) {
      annal::text::AnalyzeText(d, &analyzed);
      sentences += analyzed.sentences.size();
      tokens += analyzed.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs.size());
}
BENCHMARK(BM_AnalyzeText)->Unit(benchmark::kMillisecond);

void BM_IsValidUtf8(benchmark::State& state) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("BBC corpus not found");
    return;
  }
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(annal::text::IsValidUtf8(d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_IsValidUtf8)->Unit(benchmark::kMillisecond);

void BM_DetectLanguage(benchmark::State& state) {
  const auto& docs = Corpus();
  if (docs.empty()) {
    state.SkipWithError("BBC corpus not found");
    return;
  }
  size_t english = 0;
  for (auto _ : state) {
    for (const auto& d : docs) english += annal::text::DetectLanguage(d).code == "en";
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["docs/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
  benchmark::DoNotOptimize(english);
}
BENCHMARK(BM_DetectLanguage)->Unit(benchmark::kMillisecond);

void BM_NormalizeWordNonAscii(benchmark::State& state) {
  const std::vector<std::string> words = {"P\u00e9tain", "\u041b\u0430\u0432\u0440\u043e\u0432",
                                          "Erdo\u011fan", "Russia\u2019s", "Z\u00fcrich"};
  for (auto _ : state) {
    for (const auto& w : words) benchmark::DoNotOptimize(annal::text::NormalizeWord(w));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * words.size()));
}
BENCHMARK(BM_NormalizeWordNonAscii);

// The corpus as one JSON Lines buffer: {"id":..., "date":..., "text":...} per article.
const std::string& CorpusJsonLines() {
  static const std::string jsonl = [] {
    std::string out;
    size_t n = 0;
    for (const auto& d : Corpus()) {
      out += "{\"id\":\"bbc-" + std::to_string(n++) + "\",\"date\":\"2005-01-01\",\"text\":\"";
      for (char c : d) {
        switch (c) {
          case '"':
            out += "\\\"";
            break;
          case '\\':
            out += "\\\\";
            break;
          case '\n':
            out += "\\n";
            break;
          case '\r':
            out += "\\r";
            break;
          case '\t':
            out += "\\t";
            break;
          default:
            if (static_cast<unsigned char>(c) < 0x20) {
              out += ' ';
            } else {
              out += c;
            }
        }
      }
      out += "\"}\n";
    }
    return out;
  }();
  return jsonl;
}

void BM_ReadJsonLines(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("BBC corpus not found");
    return;
  }
  const std::string& data = CorpusJsonLines();
  size_t docs = 0, problems = 0;
  for (auto _ : state) {
    annal::io::ReadJsonLines(
        data, "bench.jsonl", {}, [&](annal::Document&& d) { ++docs; },
        [&](const annal::io::InputProblem&) { ++problems; });
  }
  if (problems > 0) state.SkipWithError("the reader reported problems on the bench input");
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * data.size()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(docs), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReadJsonLines)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
