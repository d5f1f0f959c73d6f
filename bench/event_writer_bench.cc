// Event record serialisation throughput: JSON Lines and CSV, one typical event.
//   build/bench/event_writer_bench
#include <benchmark/benchmark.h>

#include "annal/event.h"
#include "output/cameo_codebook.h"
#include "output/event_fields.h"
#include "output/event_id.h"
#include "output/plover_table.h"

namespace annal {
namespace {

Event TypicalEvent() {
  Event e;
  e.doc_id = "reuters-2026-02-06-0042";
  e.sentence = 3;
  e.sentence_span = {120, 233};
  e.evidence =
      "Russian Foreign Minister Sergei Lavrov accused Ukraine on Friday of shelling the "
      "Zaporizhzhia nuclear plant, calling it \"reckless\" \xE2\x80\x94 Kyiv denied it.";
  e.trigger = {"accused", {161, 168}};
  e.date = "2026-02-06";
  e.date_precision = DatePrecision::kDay;
  e.source = EventActor{"Russian Foreign Minister Sergei Lavrov",
                        {120, 158},
                        "RUSGOV",
                        "RUS",
                        {"GOV"},
                        "Sergei Lavrov",
                        ""};
  e.target = EventActor{"Ukraine", {169, 176}, "UKR", "UKR", {}, "", ""};
  e.cameo = "1123";
  e.location = Location{"Moscow", "Moscow", "RUS", 55.75, 37.62, 524901};
  e.attribution = Attribution{"the Kremlin", {240, 251}, "RUSGOV"};
  e.modality = Modality::kClaimed;
  FillCodeFields(CameoCodebook::Embedded(), PloverTable::Embedded(), &e);
  e.event_id = MakeEventId(e.doc_id, e.sentence, "RUSGOV", "UKR", e.cameo, 161);
  return e;
}

void BM_EventToJson(benchmark::State& state) {
  Event e = TypicalEvent();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string s = EventToJson(e);
    bytes += s.size();
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_EventToJson);

void BM_EventToCsv(benchmark::State& state) {
  Event e = TypicalEvent();
  for (auto _ : state) benchmark::DoNotOptimize(EventToCsv(e));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EventToCsv);

void BM_MakeEventIdAndFillCodeFields(benchmark::State& state) {
  Event e = TypicalEvent();
  const CameoCodebook& book = CameoCodebook::Embedded();
  const PloverTable& plover = PloverTable::Embedded();
  for (auto _ : state) {
    FillCodeFields(book, plover, &e);
    benchmark::DoNotOptimize(MakeEventId(e.doc_id, e.sentence, "RUSGOV", "UKR", e.cameo, 161));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MakeEventIdAndFillCodeFields);

}  // namespace
}  // namespace annal

BENCHMARK_MAIN();
