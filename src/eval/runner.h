// Running a gold suite through the Coder and scoring it.
//
//   auto options = annal::eval::SuiteCoderOptions(Suite::kPetrUnitTest, shared_dir);
//   auto coder = annal::Coder::Open(options);
//   auto gold = annal::eval::ReadSuite(Suite::kPetrUnitTest, shared_dir);
//   SuiteReport report = annal::eval::RunSuite(**coder, Suite::kPetrUnitTest, *gold);
//   puts(FormatScoreLine(report.name, report.score).c_str());
#ifndef ANNAL_EVAL_RUNNER_H_
#define ANNAL_EVAL_RUNNER_H_

#include <array>
#include <string>
#include <vector>

#include "annal/coder.h"
#include "annal/options.h"
#include "annal/status.h"
#include "eval/gold.h"
#include "eval/score.h"
#include "eval/suites.h"

namespace annal::eval {

// Which modalities count as predicted events.
enum class ModalityPolicy {
  // Everything but negated events (the default). The gold suites have no modality: they code
  // "is about to restore ties" and "will meet" as events, so annal's future, hypothetical and
  // hedged events are scored like asserted ones. A negated event never counts.
  kAllButNegated,
  // Asserted and claimed only: a diagnostic showing what the modality filter would cost.
  kRealisedOnly,
};

// The coder settings every suite is run with: `base` (data_dir, syntax mode, ...) plus
// english_only=false, emit_partial_events=false, emit_unrealised_events=false (true under
// kAllButNegated), and the suite's own dictionaries (SuiteDictionaryFiles) when it has them.
CoderOptions SuiteCoderOptions(Suite suite, const std::string& shared_dir,
                               const CoderOptions& base = CoderOptions(),
                               ModalityPolicy policy = ModalityPolicy::kAllButNegated);

// The triples a coded document contributes under `mode`. Only asserted and claimed events
// count under kRealisedOnly (hedged, negated, hypothetical and future ones are dropped
// whatever the coder options); kAllButNegated drops only negated ones. CAMEO modes: (source
// code, target code, CAMEO code), "---" for a missing actor as TABARI writes it;
// kCameoStripped trims every field. kPloverCountry: (source country, target country, PLOVER
// type), a country being EventActor::country or, when that is empty, the first 3 letters of
// the actor code; events with no PLOVER type (CAMEO 01/02, which PLOVER dropped) are left out,
// and so is the reverse event of a paired code when it has the PLOVER type of the event it
// reverses (Event::reciprocal_of: "A visited B" is one CONSULT, not two).
std::vector<Triple> PredictedTriples(const std::vector<Event>& events, TripleMode mode,
                                     ModalityPolicy policy = ModalityPolicy::kAllButNegated);

// Gold triples as compared under `mode` (kCameoStripped trims every field).
std::vector<Triple> NormalizeGold(const std::vector<Triple>& gold, TripleMode mode);

struct RecordResult {
  std::string id;
  std::string text;
  std::string category;           // GoldRecord::category
  std::vector<Triple> gold;       // normalised
  std::vector<Triple> predicted;  // PredictedTriples()
  RecordComparison comparison;
  std::string coder_error;  // non-empty when Coder::Code failed (the record then predicts nothing)
};

struct SuiteReport {
  Suite suite = Suite::kTabariValidate;
  std::string name;
  Score score;
  int records_read = 0;
  int records_scored = 0;
  int coder_failures = 0;
  std::vector<RecordResult> records;  // every scored record, in file order
  std::array<std::vector<ErrorExample>, kErrorKindCount> examples;  // first N per ErrorKind
  double seconds = 0;  // wall time spent coding and scoring
};

struct RunOptions {
  size_t max_examples_per_kind = 0;  // ErrorExamples kept per kind
  ModalityPolicy modality = ModalityPolicy::kAllButNegated;
  // When set, TABARI's option records (unscored records whose notes hold "OPTION: SET: CODE
  // ALL" and the like) change the settings of the records after them, as when TABARI runs
  // its validation suite: RunSuite opens a new coder from these options plus every option
  // line seen so far (CoderOptions::tabari_settings). Null: option records are ignored.
  const CoderOptions* reopen_options = nullptr;
};

// Codes every scored record of `gold` with `coder` (documents get the record's id, date and
// text) and scores the result. Thread-compatible: the Coder is only used through Code().
SuiteReport RunSuite(const Coder& coder, Suite suite, const std::vector<GoldRecord>& gold,
                     const RunOptions& options = RunOptions());

// Reads the suite from `shared_dir`, opens a coder with SuiteCoderOptions(suite, shared_dir,
// base, options.modality) and runs it. Fails when the gold file cannot be read or the coder cannot
// be opened.
Result<SuiteReport> RunSuiteFromSharedDir(Suite suite, const std::string& shared_dir,
                                          const CoderOptions& base = CoderOptions(),
                                          const RunOptions& options = RunOptions());

}  // namespace annal::eval

#endif  // ANNAL_EVAL_RUNNER_H_
