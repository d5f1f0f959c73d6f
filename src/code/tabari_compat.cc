#include "code/tabari_compat.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "code/word_classes.h"

namespace annal::code {
namespace {

std::string Upper(std::string_view v) {
  std::string out;
  for (char c : v) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

std::string_view TrimBlank(std::string_view v) {
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
  while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
  return v;
}

// The code inside the first "[...]" after `key` in `value`, or "".
std::string BracketAfter(const std::string& value, std::string_view key) {
  size_t k = value.find(key);
  if (k == std::string::npos) return "";
  size_t open = value.find('[', k);
  size_t close = open == std::string::npos ? open : value.find(']', open);
  if (close == std::string::npos) return "";
  return std::string(TrimBlank(std::string_view(value).substr(open + 1, close - open - 1)));
}

}  // namespace

void ApplyTabariSetting(std::string_view keyword, std::string_view value, TabariSettings* s) {
  const std::string key = Upper(TrimBlank(keyword));
  const std::string v = Upper(TrimBlank(value));
  if (key == "SET") {
    std::string compact;
    for (char c : v) {
      if (c != ' ' && c != '\t') compact.push_back(c);
    }
    if (compact == "CODEBYCLAUSE") s->code_by = TabariSettings::CodeBy::kClause;
    if (compact == "CODEBYSENTENCE") s->code_by = TabariSettings::CodeBy::kSentence;
    if (compact == "CODEALL") s->code_by = TabariSettings::CodeBy::kAll;
    if (compact == "TIMESHIFT=TRUE" || compact == "TIMESHIFT=FALSE") {
      s->time_shift_set = true;
      s->time_shift = compact == "TIMESHIFT=TRUE";
    }
    if (compact == "CONVERTAGENT=TRUE") s->convert_agent = true;
    if (compact == "CONVERTAGENT=FALSE") s->convert_agent = false;
    if (compact.rfind("MINIMUMWORDS=", 0) == 0) {
      s->minimum_words = std::atoi(compact.c_str() + 13);
    }
  } else if (key == "FORWARD") {
    std::string_view rest = TrimBlank(v);
    size_t space = rest.find_first_of(" \t");
    s->forward_mask = std::string(rest.substr(0, space));
    // "FORWARD: mask OFF" (or "... DOC OFF") switches forwarding off.
    bool off = rest.size() >= 3 && rest.substr(rest.size() - 3) == "OFF" &&
               (rest.size() == 3 || std::isspace(static_cast<unsigned char>(rest[rest.size() - 4])));
    s->forward = !off && !s->forward_mask.empty();
  } else if (key == "COMPLEX") {
    auto number_after = [&](std::string_view word) {
      size_t k = v.find(word);
      if (k == std::string::npos) return 0;
      size_t open = v.find('[', k);
      return open == std::string::npos ? 0 : std::atoi(v.c_str() + open + 1);
    };
    s->complex_verbs = number_after("VERBS");
    s->complex_conjunctions = number_after("CONJ");
    s->complex_no_actor_prior = v.find("NOACTPRIOR") != std::string::npos;
  } else if (key == "COMMA") {
    if (v == "OFF") {
      s->comma_delete = false;
      return;
    }
    s->comma_delete = true;
    auto number = [&](std::string_view name, int* field) {
      // "MIN = 4": the name must stand alone ("MIN" also ends "EMIN" and "BMIN").
      for (size_t k = v.find(name); k != std::string::npos; k = v.find(name, k + 1)) {
        if (k > 0 && std::isalpha(static_cast<unsigned char>(v[k - 1]))) continue;
        size_t eq = v.find('=', k);
        if (eq != std::string::npos) *field = std::atoi(v.c_str() + eq + 1);
        return;
      }
    };
    number("MIN", &s->comma_min);
    number("MAX", &s->comma_max);
    number("EMIN", &s->comma_end_min);
    number("EMAX", &s->comma_end_max);
    number("BMIN", &s->comma_begin_min);
    number("BMAX", &s->comma_begin_max);
  } else if (key == "DEFAULT") {
    if (v == "OFF") {
      s->default_source.clear();
      s->default_target.clear();
      s->default_prior = s->default_after = false;
      return;
    }
    // "SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER": each keyword belongs to its role.
    size_t target = v.find("TARGET");
    std::string source_part = v.substr(0, target);
    std::string target_part = target == std::string::npos ? "" : v.substr(target);
    if (source_part.find("SOURCE") != std::string::npos) {
      s->default_source = BracketAfter(source_part, "SOURCE");
      s->default_prior = source_part.find("PRIOR") != std::string::npos;
    }
    if (!target_part.empty()) {
      s->default_target = BracketAfter(target_part, "TARGET");
      s->default_after = target_part.find("AFTER") != std::string::npos;
    }
  }
}

void ApplyTabariSettingLine(std::string_view line, TabariSettings* s) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  ApplyTabariSetting(line.substr(0, colon), line.substr(colon + 1), s);
}

bool TabariLooksLikeNoun(const text::Token* tokens, uint32_t word) {
  if (word > 0) {
    std::string_view prev = tokens[word - 1].norm;
    if (prev == "THE" || prev == "A" || prev == "AN") return true;
  }
  const text::Token& t = tokens[word];
  return t.has(text::kCapitalized) && !t.has(text::kSentenceStart) && !t.has(text::kAllCaps);
}

std::vector<TabariSettings::TimePhrase> ReadTabariTimePhrases(std::string_view text) {
  std::vector<TabariSettings::TimePhrase> out;
  bool inside = false;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    line = TrimBlank(line.substr(0, line.find(';')));
    const std::string upper = Upper(line);
    if (upper == "<TIME>") {
      inside = true;
      continue;
    }
    if (upper == "</TIME>") {
      inside = false;
      continue;
    }
    if (!inside || line.empty() || line.front() == '-') continue;
    size_t open = upper.find('['), close = upper.find(']');
    if (open == std::string::npos || close == std::string::npos || close < open) continue;
    TabariSettings::TimePhrase phrase;
    phrase.code = std::string(TrimBlank(std::string_view(upper).substr(open + 1, close - open - 1)));
    std::string word;
    for (char c : std::string_view(upper).substr(0, open)) {
      if (c == '_' || std::isspace(static_cast<unsigned char>(c))) {
        if (!word.empty()) phrase.words.push_back(std::move(word));
        word.clear();
      } else {
        word.push_back(c);
      }
    }
    if (!word.empty()) phrase.words.push_back(std::move(word));
    if (!phrase.words.empty()) out.push_back(std::move(phrase));
  }
  return out;
}

std::string TabariTimeSignal(const text::Token* tokens, uint32_t n, const TabariSettings& settings) {
  const bool on = settings.time_shift_set ? settings.time_shift : !settings.time_phrases.empty();
  if (!on) return "";
  for (uint32_t t = 0; t < n; ++t) {
    for (const auto& p : settings.time_phrases) {
      if (p.code != "###" && p.code != "+++") continue;
      if (t + p.words.size() > n) continue;
      bool match = true;
      for (size_t k = 0; k < p.words.size() && match; ++k) match = tokens[t + k].norm == p.words[k];
      if (match) return p.code;
    }
  }
  return "";
}

bool TabariSameStory(std::string_view mask, std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (i < mask.size() && mask[i] == 'S') continue;
    if (a[i] != b[i]) return false;
  }
  return true;
}

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
                       s.tokens[k].norm == "," || s.tokens[k].norm == "THEN")) {
      ++k;
    }
    if (k >= s.n) break;
    bool splits = false;
    if (IsSubjectPronoun(s.tokens[k].norm)) {
      // "... and then she asked Gondor", "... and then it requested that Elrond assist": a
      // new subject, whatever verb (dictionary or not) follows.
      splits = true;
    } else if (verb_of[k] != kNoIndex && mention_of[k] == kNoIndex) {
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

bool TabariIsComplex(const TabariSentenceView& s, const TabariSettings& settings,
                     const std::function<bool(uint32_t)>& coded) {
  const std::vector<uint32_t>& mention_of = *s.mention_of;
  const std::vector<uint32_t>& verb_of = *s.verb_of;
  int verbs = 0, conjunctions = 0;
  bool actor_seen = false, prior_checked = false;
  for (uint32_t t = 0; t < s.n; ++t) {
    if (mention_of[t] != kNoIndex) actor_seen = true;
    if (s.pronouns_are_actors && IsSubjectPronoun(s.tokens[t].norm)) actor_seen = true;
    if (verb_of[t] != kNoIndex && (t == 0 || verb_of[t - 1] != verb_of[t]) && coded(verb_of[t])) {
      ++verbs;
      if (!prior_checked && settings.complex_no_actor_prior && !actor_seen) return true;
      prior_checked = true;
    }
    if (IsTabariConjunction(s.tokens[t].norm) || s.tokens[t].norm == "NOR") {
      uint32_t before = t > 0 ? mention_of[t - 1] : kNoIndex;
      uint32_t after = t + 1 < s.n ? mention_of[t + 1] : kNoIndex;
      bool compound = before != kNoIndex && after != kNoIndex &&
                      (*s.mention_group)[before] == (*s.mention_group)[after];
      if (!compound) ++conjunctions;
    }
  }
  return (settings.complex_verbs > 0 && verbs >= settings.complex_verbs) ||
         (settings.complex_conjunctions > 0 && conjunctions >= settings.complex_conjunctions);
}

std::vector<std::pair<uint32_t, uint32_t>> TabariDeletedCommaClauses(
    const text::Token* tokens, uint32_t n, const TabariSettings& settings) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  if (!settings.comma_delete || n == 0) return out;
  std::vector<uint32_t> commas;
  for (uint32_t t = 0; t < n; ++t) {
    if (tokens[t].norm == ",") commas.push_back(t);
  }
  if (commas.empty()) return out;
  uint32_t end = n;
  while (end > 0 && tokens[end - 1].has(text::kPunct)) --end;  // the final period
  auto words = [&](uint32_t b, uint32_t e) {
    int w = 0;
    for (uint32_t t = b; t < e; ++t) w += tokens[t].has(text::kPunct) ? 0 : 1;
    return w;
  };
  auto consider = [&](uint32_t b, uint32_t e, int lo, int hi) {
    int w = words(b, e);
    if (w >= lo && w <= hi) {
      out.push_back({b, e});
      return true;
    }
    return false;
  };
  // Interior clauses go first, with their commas: a comma that closed a deleted clause no
  // longer opens the sentence's end clause ("Elrond brushed aside reports, rumored to
  // originate in Mordor, that Calimehtar attacked Gandalf" keeps its end), nor does one that
  // opened it close the beginning clause.
  bool first_comma_used = false, last_comma_used = false;
  for (size_t i = 0; i + 1 < commas.size(); ++i) {
    if (consider(commas[i] + 1, commas[i + 1], settings.comma_min, settings.comma_max)) {
      if (i == 0) first_comma_used = true;
      if (i + 2 == commas.size()) last_comma_used = true;
    }
  }
  if (!first_comma_used) {
    consider(0, commas.front(), settings.comma_begin_min, settings.comma_begin_max);
  }
  if (commas.back() < end && !last_comma_used) {
    consider(commas.back() + 1, end, settings.comma_end_min, settings.comma_end_max);
  }
  std::sort(out.begin(), out.end());
  return out;
}

uint32_t TabariFirstMention(const TabariSentenceView& s, uint32_t begin, uint32_t end) {
  if (end > s.n) end = s.n;
  for (uint32_t t = begin; t < end; ++t) {
    if ((*s.mention_of)[t] != kNoIndex) return (*s.mention_of)[t];
  }
  return kNoIndex;
}

}  // namespace annal::code
