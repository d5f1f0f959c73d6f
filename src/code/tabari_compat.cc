#include "code/tabari_compat.h"

#include "code/word_classes.h"

namespace annal::code {

bool IsTabariConjunction(std::string_view w) { return w == "AND" || w == "OR" || w == "BUT"; }

std::vector<uint32_t> TabariClauseStarts(const TabariSentenceView& s) {
  std::vector<uint32_t> starts;
  if (s.n == 0) return starts;
  starts.push_back(0);
  const std::vector<uint32_t>& mention_of = *s.mention_of;
  const std::vector<uint32_t>& verb_of = *s.verb_of;
  for (uint32_t t = 1; t + 1 < s.n; ++t) {
    if (!IsTabariConjunction(s.tokens[t].norm)) continue;
    uint32_t k = t + 1;
    while (k < s.n && (IsDeterminer(s.tokens[k].norm) || IsAdverbLike(s.tokens[k].norm) ||
                       s.tokens[k].norm == ",")) {
      ++k;
    }
    if (k >= s.n) break;
    bool splits = false;
    if (verb_of[k] != kNoIndex && mention_of[k] == kNoIndex) {
      splits = true;  // "... and promised aid": a second predicate
    } else if (mention_of[k] != kNoIndex) {
      uint32_t m = mention_of[k];
      // "Elrond and Gondor urged": the conjunction joins the members of one compound actor.
      uint32_t before = t > 0 ? mention_of[t - 1] : kNoIndex;
      if (before != kNoIndex && (*s.mention_group)[before] == (*s.mention_group)[m]) continue;
      uint32_t e = k;
      while (e < s.n && mention_of[e] == m) ++e;
      // "but Dagolath promised aid": a new subject and its verb (auxiliaries allowed).
      while (e < s.n && (IsBeAuxiliary(s.tokens[e].norm) || IsHaveAuxiliary(s.tokens[e].norm) ||
                         IsFutureModal(s.tokens[e].norm) ||
                         IsHypotheticalModal(s.tokens[e].norm) || IsAdverbLike(s.tokens[e].norm))) {
        ++e;
      }
      splits = e < s.n && verb_of[e] != kNoIndex && mention_of[e] == kNoIndex;
    }
    if (splits) starts.push_back(t);
  }
  return starts;
}

uint32_t TabariFirstMention(const TabariSentenceView& s, uint32_t begin, uint32_t end) {
  if (end > s.n) end = s.n;
  for (uint32_t t = begin; t < end; ++t) {
    if ((*s.mention_of)[t] != kNoIndex) return (*s.mention_of)[t];
  }
  return kNoIndex;
}

}  // namespace annal::code
