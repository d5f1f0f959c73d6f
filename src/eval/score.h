// Scoring predicted events against gold records.
//
// Per record, predicted and gold triples are matched as multisets (a triple predicted twice
// but expected once matches once). Precision = matched / predicted, recall = matched / gold.
// What is left unmatched is classified so engineers can see which error dominates: a gold and
// a predicted triple that differ in exactly one field are paired as a wrong source, wrong
// target or wrong code (tried in the order code, target, source); the remaining gold triples
// are missed events and the remaining predicted ones extra events. In an open-ended record
// (GoldRecord::open_ended) extra events are ignored: neither errors nor counted as predicted.
#ifndef ANNAL_EVAL_SCORE_H_
#define ANNAL_EVAL_SCORE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/gold.h"

namespace annal::eval {

enum class ErrorKind { kWrongSource = 0, kWrongTarget, kWrongCode, kMissed, kExtra };
constexpr int kErrorKindCount = 5;
// "wrong source", "wrong target", "wrong code", "missed event", "extra event".
const char* ErrorKindName(ErrorKind kind);

struct TripleError {
  ErrorKind kind;
  std::optional<Triple> gold;       // absent for kExtra
  std::optional<Triple> predicted;  // absent for kMissed
};

// How often the coder's source and target agree with the gold actors, codes aside (a parser
// that finds the right roles for a verb the dictionary codes differently still shows here).
struct RoleAgreement {
  int64_t gold = 0;    // gold triples in records with at least one prediction
  int64_t source = 0;  // ... for which some prediction has the same source
  int64_t target = 0;  // ... the same target
  int64_t both = 0;    // ... the same source and target in one prediction
  RoleAgreement& operator+=(const RoleAgreement& o) {
    gold += o.gold;
    source += o.source;
    target += o.target;
    both += o.both;
    return *this;
  }
};

// The outcome of one record.
struct RecordComparison {
  int64_t gold = 0;       // gold triples
  int64_t predicted = 0;  // predicted triples that count (see the open-ended rule above)
  int64_t matched = 0;
  std::vector<TripleError> errors;
  // The record is right: every gold triple matched, and nothing extra unless open-ended.
  bool correct = false;
  // Role agreement, whatever the code: for each gold triple of a record where something was
  // predicted, whether some prediction has the gold source, the gold target, and both.
  RoleAgreement roles;
};

// Compares one record. Pure function; the inputs need not be sorted.
RecordComparison CompareTriples(const std::vector<Triple>& gold,
                                const std::vector<Triple>& predicted, bool open_ended);

struct Score {
  int64_t gold = 0;
  int64_t predicted = 0;
  int64_t matched = 0;
  int64_t records = 0;                            // records scored
  int64_t records_correct = 0;                    // RecordComparison::correct
  std::array<int64_t, kErrorKindCount> errors{};  // indexed by ErrorKind
  RoleAgreement roles;

  // Each is 0 when its denominator is 0.
  double Precision() const;
  double Recall() const;
  double F1() const;
  double RecordAccuracy() const;
};

// One error with the record it happened in, kept as an example for the report.
struct ErrorExample {
  TripleError error;
  std::string record_id;
  std::string text;
};

// Accumulates records into a Score and keeps the first examples of each error kind.
// Not thread-safe.
class Scorer {
 public:
  // Keeps up to `max_examples_per_kind` examples of each ErrorKind (0 keeps none).
  explicit Scorer(size_t max_examples_per_kind = 0)
      : max_examples_per_kind_(max_examples_per_kind) {}

  // Scores one record against `predicted` and returns its comparison.
  RecordComparison Add(const GoldRecord& record, const std::vector<Triple>& predicted);

  const Score& score() const { return score_; }
  const std::vector<ErrorExample>& examples(ErrorKind kind) const {
    return examples_[static_cast<int>(kind)];
  }

 private:
  size_t max_examples_per_kind_;
  Score score_;
  std::array<std::vector<ErrorExample>, kErrorKindCount> examples_;
};

// "NAME: P=0.xx R=0.xx F1=0.xx n=N" (n = gold triples), the last lines of `annal eval`.
std::string FormatScoreLine(std::string_view suite_name, const Score& score);
// "NAME roles: source=0.xx target=0.xx both=0.xx n=N" (n = RoleAgreement::gold).
std::string FormatRoleAgreementLine(std::string_view suite_name, const Score& score);
// "NAME records: correct=K total=M accuracy=0.xx".
std::string FormatRecordAccuracyLine(std::string_view suite_name, const Score& score);

}  // namespace annal::eval

#endif  // ANNAL_EVAL_SCORE_H_
