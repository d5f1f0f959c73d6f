// Geoparser workloads: gazetteer load, and FindPlaces over the BBC News articles
// (../shared/data/bbc-news, 2,225 articles). Reports sentences/s and tokens/s of the place
// finding and resolution alone: the text is split once up front with the test-only splitter
// (context/testing_tokenizer.h) until the text stage is merged.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "context/date_resolver.h"
#include "context/gazetteer.h"
#include "context/geoparser.h"
#include "text/analyzer.h"

namespace annal::context {
namespace {

// The shipped gazetteer: $ANNAL_DATA_DIR, else data/ of the source tree (the build defines the
// shared folder as "<source>/../shared", so the source tree is that minus "/../shared").
std::string GazetteerPath() {
  if (const char* env = std::getenv("ANNAL_DATA_DIR"); env != nullptr && *env) {
    return std::string(env) + "/gazetteer/gazetteer.bin.zst";
  }
  std::string shared = ANNAL_BENCH_SHARED_DIR;
  const std::string suffix = "/../shared";
  std::string source =
      shared.size() > suffix.size() &&
              shared.compare(shared.size() - suffix.size(), suffix.size(), suffix) == 0
          ? shared.substr(0, shared.size() - suffix.size())
          : std::string(".");
  return source + "/data/gazetteer/gazetteer.bin.zst";
}

struct Corpus {
  std::vector<std::string> texts;
  std::vector<text::AnalyzedText> analyzed;
  size_t sentences = 0;
  size_t tokens = 0;
};

const Corpus& BbcCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    std::filesystem::path root =
        std::filesystem::path(ANNAL_BENCH_SHARED_DIR) / "data/bbc-news/bbc";
    if (!std::filesystem::exists(root)) return c;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && e.path().extension() == ".txt" &&
          e.path().filename() != "README.TXT") {
        files.push_back(e.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      c->texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    c->analyzed.resize(c->texts.size());
    for (size_t i = 0; i < c->texts.size(); ++i) {
      text::AnalyzeText(c->texts[i], &c->analyzed[i]);
      c->sentences += c->analyzed[i].sentences.size();
      c->tokens += c->analyzed[i].tokens.size();
    }
    return c;
  }();
  return *corpus;
}

void BM_GazetteerLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto g = Gazetteer::Load(GazetteerPath());
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g);
  }
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond);

void BM_GeoparseBbc(benchmark::State& state) {
  const Corpus& c = BbcCorpus();
  if (c.texts.empty()) {
    state.SkipWithError("../shared/data/bbc-news not found");
    return;
  }
  auto g = Gazetteer::Load(GazetteerPath());
  if (!g.ok()) {
    state.SkipWithError(g.status().ToString().c_str());
    return;
  }
  Geoparser geoparser(**g);
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.texts.size(); ++i) {
      mentions += geoparser.FindPlaces(c.analyzed[i], c.texts[i], GeoContext{}).size();
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(c.sentences * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(
      static_cast<double>(c.tokens * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["mentions/doc"] =
      static_cast<double>(mentions) / static_cast<double>(c.texts.size() * state.iterations());
}
BENCHMARK(BM_GeoparseBbc)->Unit(benchmark::kMillisecond);

void BM_DateMentionsBbc(benchmark::State& state) {
  const Corpus& c = BbcCorpus();
  if (c.texts.empty()) {
    state.SkipWithError("../shared/data/bbc-news not found");
    return;
  }
  const int32_t pub = DayFromCivil(2005, 3, 18);
  size_t found = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.texts.size(); ++i) {
      for (const text::Sentence& s : c.analyzed[i].sentences) {
        found +=
            FindDateMentions(c.analyzed[i], c.texts[i], s.first_token, s.end_token, pub).size();
      }
    }
  }
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(c.sentences * state.iterations()), benchmark::Counter::kIsRate);
  state.counters["dates/doc"] =
      static_cast<double>(found) / static_cast<double>(c.texts.size() * state.iterations());
}
BENCHMARK(BM_DateMentionsBbc)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annal::context

BENCHMARK_MAIN();
