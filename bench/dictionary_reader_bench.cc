// Reading the default dictionaries: the eight PETRARCH files annal ships in data/dictionaries
// (byte-identical copies live in ../shared/data/peers, which is what this reads).
//   BM_ReadDefaultDictionaries   parse only (contents already in memory)
//   BM_ReadDefaultDictionaryFiles  ReadDictionaryFiles: disk + parse
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "lexicon/dictionary_reader.h"
#include "util/file.h"

namespace {

using annal::lexicon::DictionaryFormat;
using annal::lexicon::DictionaryKind;
using annal::lexicon::DictionarySet;

struct DefaultFile {
  const char* path;  // under ../shared/data/peers
  DictionaryKind kind;
};

constexpr DefaultFile kDefaults[] = {
    {"petrarch2/CAMEO.2.0.txt", DictionaryKind::kVerbs},
    {"petrarch/CAMEO.verbpatterns.150430.txt", DictionaryKind::kVerbs},
    {"petrarch2/Phoenix.Countries.actors.txt", DictionaryKind::kActors},
    {"petrarch2/Phoenix.International.actors.txt", DictionaryKind::kActors},
    {"petrarch2/Phoenix.MilNonState.actors.txt", DictionaryKind::kActors},
    {"petrarch2/Phoenix.agents.txt", DictionaryKind::kAgents},
    {"petrarch2/Phoenix.discards.txt", DictionaryKind::kDiscards},
    {"petrarch2/Phoenix.IssueCoding.txt", DictionaryKind::kIssues},
};

std::string PathOf(const DefaultFile& f) {
  return std::string(ANNAL_BENCH_SHARED_DIR) + "/data/peers/" + f.path;
}

void BM_ReadDefaultDictionaries(benchmark::State& state) {
  std::vector<std::string> contents;
  size_t bytes = 0;
  for (const DefaultFile& f : kDefaults) {
    std::string c;
    if (!annal::ReadFileToString(PathOf(f), &c).ok()) {
      state.SkipWithError("../shared/data/peers not found");
      return;
    }
    bytes += c.size();
    contents.push_back(std::move(c));
  }
  for (auto _ : state) {
    DictionarySet set;
    for (size_t i = 0; i < contents.size(); ++i) {
      annal::Status s = annal::lexicon::ReadDictionary(contents[i], kDefaults[i].path, kDefaults[i].kind,
                                                       DictionaryFormat::kAuto, &set);
      if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    }
    benchmark::DoNotOptimize(set.actors.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_ReadDefaultDictionaries)->Unit(benchmark::kMillisecond);

void BM_ReadDefaultDictionaryFiles(benchmark::State& state) {
  annal::DictionaryFiles files;
  for (const DefaultFile& f : kDefaults) {
    switch (f.kind) {
      case DictionaryKind::kVerbs: files.verbs.push_back(PathOf(f)); break;
      case DictionaryKind::kActors: files.actors.push_back(PathOf(f)); break;
      case DictionaryKind::kAgents: files.agents.push_back(PathOf(f)); break;
      case DictionaryKind::kDiscards: files.discards.push_back(PathOf(f)); break;
      case DictionaryKind::kIssues: files.issues.push_back(PathOf(f)); break;
      case DictionaryKind::kOptions: files.options.push_back(PathOf(f)); break;
    }
  }
  for (auto _ : state) {
    DictionarySet set;
    annal::Status s = annal::lexicon::ReadDictionaryFiles(files, &set);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(set.verbs.data());
  }
}
BENCHMARK(BM_ReadDefaultDictionaryFiles)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
