#include "eval/score.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace annal::eval {
namespace {

// True when a and b differ in exactly the field `kind` names.
bool DiffersOnlyIn(const Triple& a, const Triple& b, ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kWrongSource:
      return a.source != b.source && a.target == b.target && a.code == b.code;
    case ErrorKind::kWrongTarget:
      return a.source == b.source && a.target != b.target && a.code == b.code;
    case ErrorKind::kWrongCode:
      return a.source == b.source && a.target == b.target && a.code != b.code;
    default:
      return false;
  }
}

double Ratio(int64_t num, int64_t den) {
  return den == 0 ? 0.0 : static_cast<double>(num) / static_cast<double>(den);
}

}  // namespace

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kWrongSource:
      return "wrong source";
    case ErrorKind::kWrongTarget:
      return "wrong target";
    case ErrorKind::kWrongCode:
      return "wrong code";
    case ErrorKind::kMissed:
      return "missed event";
    case ErrorKind::kExtra:
      return "extra event";
  }
  return "?";
}

RecordComparison CompareTriples(const std::vector<Triple>& gold,
                                const std::vector<Triple>& predicted, bool open_ended) {
  RecordComparison out;
  out.gold = static_cast<int64_t>(gold.size());

  // Multiset intersection.
  std::map<Triple, int> available;
  for (const Triple& p : predicted) ++available[p];
  std::vector<Triple> missed;
  for (const Triple& g : gold) {
    auto it = available.find(g);
    if (it != available.end() && it->second > 0) {
      --it->second;
      ++out.matched;
    } else {
      missed.push_back(g);
    }
  }
  // Unmatched predictions, in prediction order.
  std::vector<Triple> extra;
  for (const Triple& p : predicted) {
    auto it = available.find(p);
    if (it->second > 0) {
      --it->second;
      extra.push_back(p);
    }
  }

  // Pair near misses: a gold and a predicted triple differing in one field.
  std::vector<bool> gold_used(missed.size(), false);
  std::vector<bool> pred_used(extra.size(), false);
  int64_t paired = 0;
  for (ErrorKind kind : {ErrorKind::kWrongCode, ErrorKind::kWrongTarget, ErrorKind::kWrongSource}) {
    for (size_t g = 0; g < missed.size(); ++g) {
      if (gold_used[g]) continue;
      for (size_t p = 0; p < extra.size(); ++p) {
        if (pred_used[p] || !DiffersOnlyIn(missed[g], extra[p], kind)) continue;
        gold_used[g] = pred_used[p] = true;
        out.errors.push_back(TripleError{kind, missed[g], extra[p]});
        ++paired;
        break;
      }
    }
  }
  int64_t unpaired_missed = 0;
  for (size_t g = 0; g < missed.size(); ++g) {
    if (gold_used[g]) continue;
    out.errors.push_back(TripleError{ErrorKind::kMissed, missed[g], std::nullopt});
    ++unpaired_missed;
  }
  int64_t unpaired_extra = 0;
  if (!open_ended) {
    for (size_t p = 0; p < extra.size(); ++p) {
      if (pred_used[p]) continue;
      out.errors.push_back(TripleError{ErrorKind::kExtra, std::nullopt, extra[p]});
      ++unpaired_extra;
    }
  }
  out.predicted = out.matched + paired + unpaired_extra;
  if (!predicted.empty()) {
    for (const Triple& g : gold) {
      bool source = false, target = false, both = false;
      for (const Triple& p : predicted) {
        source = source || p.source == g.source;
        target = target || p.target == g.target;
        both = both || (p.source == g.source && p.target == g.target);
      }
      ++out.roles.gold;
      out.roles.source += source ? 1 : 0;
      out.roles.target += target ? 1 : 0;
      out.roles.both += both ? 1 : 0;
    }
  }
  out.correct = missed.empty() && (open_ended || extra.empty());
  return out;
}

double Score::Precision() const { return Ratio(matched, predicted); }
double Score::Recall() const { return Ratio(matched, gold); }
double Score::F1() const {
  double p = Precision();
  double r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double Score::RecordAccuracy() const { return Ratio(records_correct, records); }

RecordComparison Scorer::Add(const GoldRecord& record, const std::vector<Triple>& predicted) {
  RecordComparison cmp = CompareTriples(record.events, predicted, record.open_ended);
  score_.gold += cmp.gold;
  score_.predicted += cmp.predicted;
  score_.matched += cmp.matched;
  score_.records += 1;
  score_.records_correct += cmp.correct ? 1 : 0;
  score_.roles += cmp.roles;
  for (const TripleError& e : cmp.errors) {
    int k = static_cast<int>(e.kind);
    ++score_.errors[k];
    if (examples_[k].size() < max_examples_per_kind_) {
      examples_[k].push_back(ErrorExample{e, record.id, record.text});
    }
  }
  return cmp;
}

std::string FormatScoreLine(std::string_view suite_name, const Score& score) {
  return fmt::format("{}: P={:.2f} R={:.2f} F1={:.2f} n={}", suite_name, score.Precision(),
                     score.Recall(), score.F1(), score.gold);
}

std::string FormatRoleAgreementLine(std::string_view suite_name, const Score& score) {
  const RoleAgreement& r = score.roles;
  return fmt::format("{} roles: source={:.2f} target={:.2f} both={:.2f} n={}", suite_name,
                     Ratio(r.source, r.gold), Ratio(r.target, r.gold), Ratio(r.both, r.gold),
                     r.gold);
}

std::string FormatRecordAccuracyLine(std::string_view suite_name, const Score& score) {
  return fmt::format("{} records: correct={} total={} accuracy={:.2f}", suite_name,
                     score.records_correct, score.records, score.RecordAccuracy());
}

}  // namespace annal::eval
