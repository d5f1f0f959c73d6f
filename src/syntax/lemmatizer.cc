#include "syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "syntax/word_shape.h"

namespace annal::syntax {
namespace {

size_t CommonPrefix(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return i;
}

std::string Key(std::string_view a, std::string_view upos) {
  std::string k(a);
  k.push_back('\t');
  k.append(upos);
  return k;
}

// Picks the most frequent script; ties go to the lexicographically smallest (deterministic).
std::string MostFrequent(const std::map<std::string, int>& counts, int* total) {
  const std::string* best = nullptr;
  int best_count = 0;
  *total = 0;
  for (const auto& [script, count] : counts) {
    *total += count;
    if (count > best_count) {
      best = &script;
      best_count = count;
    }
  }
  return best ? *best : std::string();
}

}  // namespace

std::string Lemmatizer::Script(std::string_view form, std::string_view lemma) {
  std::string lower = AsciiLower(form);
  size_t keep = CommonPrefix(form, lemma);
  size_t low = CommonPrefix(lower, lemma);
  // Ties go to lower-casing, so "the" and "The" share one script.
  bool use_lower = low >= keep;
  size_t prefix = use_lower ? low : keep;
  size_t strip = form.size() - prefix;
  std::string script;
  script.push_back(use_lower ? 'L' : 'K');
  script.push_back(static_cast<char>(std::min<size_t>(strip, 255)));
  script.append(lemma.substr(prefix));
  return script;
}

bool Lemmatizer::Apply(std::string_view form, std::string_view script, std::string* lemma) {
  if (script.size() < 2) return false;
  size_t strip = static_cast<unsigned char>(script[1]);
  if (strip > form.size()) return false;
  *lemma = script[0] == 'L' ? AsciiLower(form) : std::string(form);
  lemma->resize(form.size() - strip);
  lemma->append(script.substr(2));
  return !lemma->empty();
}

void Lemmatizer::Train(const std::vector<ConlluSentence>& train) {
  std::map<std::string, std::map<std::string, int>> exception_counts;
  std::map<std::string, std::map<std::string, int>> rule_counts;
  // Rules count word types, not tokens: a rule must generalise over different words, so one
  // frequent oddity ("collages" -> "college", twice) does not become the "-lages" rule.
  std::set<std::tuple<std::string, std::string, std::string>> types;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (w.lemma.empty() || (w.lemma == "_" && w.form != "_")) continue;
      std::string script = Script(w.form, w.lemma);
      ++exception_counts[Key(w.form, w.upos)][script];
      types.emplace(AsciiLower(w.form), w.upos, std::move(script));
    }
  }
  for (const auto& [lower, upos, script] : types) {
    for (size_t k = 0; k <= std::min(kMaxSuffix, lower.size()); ++k) {
      ++rule_counts[Key(Suffix(lower, k), upos)][script];
    }
  }
  exceptions_.clear();
  rules_.clear();
  for (const auto& [key, counts] : exception_counts) {
    int total;
    exceptions_[key] = MostFrequent(counts, &total);
  }
  for (const auto& [key, counts] : rule_counts) {
    int total;
    std::string best = MostFrequent(counts, &total);
    // A suffix of one word type is that word, not a rule; the empty suffix always stays as the
    // fallback.
    bool empty_suffix = key[0] == '\t';
    if (total >= 2 || empty_suffix) rules_[key] = best;
  }
}

std::string Lemmatizer::Lemmatize(std::string_view form, std::string_view upos) const {
  std::string lower = AsciiLower(form);
  std::string lemma;
  // The exact form first ("i" -> "I" but "I" -> "I"), then its lower-cased form, so a
  // capitalised sentence-initial "Posted" finds "posted".
  auto it = exceptions_.find(Key(form, upos));
  if (it != exceptions_.end() && Apply(form, it->second, &lemma)) return lemma;
  it = exceptions_.find(Key(lower, upos));
  if (it != exceptions_.end() && Apply(form, it->second, &lemma)) return lemma;
  for (size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    auto r = rules_.find(Key(Suffix(lower, k), upos));
    if (r != rules_.end() && Apply(form, r->second, &lemma)) return lemma;
  }
  return std::string(form);
}

namespace {

void WriteMap(const std::unordered_map<std::string, std::string>& m, ByteWriter* out) {
  std::vector<std::pair<std::string, std::string>> sorted(m.begin(), m.end());
  std::sort(sorted.begin(), sorted.end());
  out->U64(sorted.size());
  for (const auto& [k, v] : sorted) {
    out->Str(k);
    out->Str(v);
  }
}

bool ReadMap(ByteReader* in, std::unordered_map<std::string, std::string>* m) {
  uint64_t n;
  if (!in->U64(&n) || n > in->remaining() / 8) return false;
  m->clear();
  m->reserve(n);
  for (uint64_t i = 0; i < n; ++i) {
    std::string k, v;
    if (!in->Str(&k) || !in->Str(&v) || v.size() < 2) return false;
    (*m)[std::move(k)] = std::move(v);
  }
  return true;
}

}  // namespace

void Lemmatizer::Serialize(ByteWriter* out) const {
  WriteMap(exceptions_, out);
  WriteMap(rules_, out);
}

bool Lemmatizer::Deserialize(ByteReader* in) {
  return ReadMap(in, &exceptions_) && ReadMap(in, &rules_);
}

}  // namespace annal::syntax
