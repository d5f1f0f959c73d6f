// Tagging + lemmatising + parsing speed on the words of UD English EWT test (gold tokenisation),
// with the shipped model (or $ANNAL_PARSER_MODEL), and the tagger and the parser (on gold tags)
// alone. One thread; tokens/s is per CPU second. Skips when ../shared or the model is absent.
//
//   build/bench/parser_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/parser.h"

namespace {

using annal::syntax::ConlluSentence;

struct Workload {
  std::vector<std::vector<std::string>> sentences;
  std::vector<std::vector<std::string>> gold_tags;  // UPOS, for the parse-only benchmark
  std::unique_ptr<annal::syntax::Model> model;
  std::string error;
};

const Workload& Load() {
  static Workload* w = [] {
    auto* w = new Workload();
    std::string gz =
        std::string(ANNAL_BENCH_SHARED_DIR) + "/data/ud-english/en_ewt-ud-test.conllu.gz";
    // The shipped model in the source tree (not found from __FILE__: ccache's base-directory
    // rewriting makes that path relative to the build directory).
    std::string model = std::string(ANNAL_BENCH_SOURCE_DIR) + "/data/models/en_ewt.annalsyn";
    if (const char* m = std::getenv("ANNAL_PARSER_MODEL")) model = m;
    if (!std::filesystem::exists(gz)) {
      w->error = "no " + gz + " (../shared absent)";
      return w;
    }
    std::string plain = "/tmp/annal_parser_bench_ewt_test.conllu";
    std::string cmd = "zcat '" + gz + "' > '" + plain + "'";
    if (std::system(cmd.c_str()) != 0) {
      w->error = "cannot run: " + cmd;
      return w;
    }
    std::vector<ConlluSentence> gold;
    if (auto s = annal::syntax::ReadConlluFile(plain, &gold); !s.ok()) {
      w->error = s.ToString();
      return w;
    }
    for (const auto& s : gold) {
      std::vector<std::string> words, tags;
      for (const auto& word : s.words) {
        words.push_back(word.form);
        tags.push_back(word.upos);
      }
      w->sentences.push_back(std::move(words));
      w->gold_tags.push_back(std::move(tags));
    }
    auto loaded = annal::syntax::Model::Load(model);
    if (!loaded.ok()) {
      w->error = loaded.status().ToString() + " (set ANNAL_PARSER_MODEL)";
      return w;
    }
    w->model = std::move(*loaded);
    return w;
  }();
  return *w;
}

void BM_TagParseEwtTest(benchmark::State& state) {
  const Workload& w = Load();
  if (!w.error.empty()) {
    state.SkipWithError(w.error.c_str());
    return;
  }
  annal::syntax::Parser parser(*w.model);
  std::vector<annal::syntax::ParsedToken> out;
  int64_t words = 0;
  for (auto _ : state) {
    for (const auto& s : w.sentences) {
      parser.Parse(s, &out);
      words += static_cast<int64_t>(s.size());
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagParseEwtTest)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The tagger alone (its share of the pipeline's time).
void BM_TagEwtTest(benchmark::State& state) {
  const Workload& w = Load();
  if (!w.error.empty() || w.model->tagger() == nullptr) {
    state.SkipWithError(w.error.empty() ? "model has no tagger" : w.error.c_str());
    return;
  }
  const annal::syntax::Tagger& tagger = *w.model->tagger();
  std::vector<std::string_view> words;
  std::vector<int> tags;
  int64_t count = 0;
  for (auto _ : state) {
    for (const auto& s : w.sentences) {
      words.assign(s.begin(), s.end());
      tagger.Tag(words, &tags);
      count += static_cast<int64_t>(s.size());
    }
    benchmark::DoNotOptimize(tags.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagEwtTest)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The dependency parser alone, on the gold tags (no tagger, no lemmatiser).
void BM_ParseGoldTagsEwtTest(benchmark::State& state) {
  const Workload& w = Load();
  if (!w.error.empty() || w.model->parser() == nullptr) {
    state.SkipWithError(w.error.empty() ? "model has no parser" : w.error.c_str());
    return;
  }
  const annal::syntax::DependencyParser& parser = *w.model->parser();
  std::vector<std::string_view> words, tags;
  std::vector<int> heads, labels;
  int64_t count = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < w.sentences.size(); ++i) {
      words.assign(w.sentences[i].begin(), w.sentences[i].end());
      tags.assign(w.gold_tags[i].begin(), w.gold_tags[i].end());
      parser.Parse(words, tags, &heads, &labels);
      count += static_cast<int64_t>(words.size());
    }
    benchmark::DoNotOptimize(heads.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(count), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParseGoldTagsEwtTest)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
