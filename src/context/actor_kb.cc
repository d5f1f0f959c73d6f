#include "context/actor_kb.h"

#include <algorithm>
#include <unordered_map>
#include <utility>

#include "text/analyzer.h"

namespace annal::context {
namespace {

constexpr const char* kColumns[] = {"name", "aliases", "code", "country", "start", "end", "source"};
constexpr size_t kColumnCount = sizeof(kColumns) / sizeof(kColumns[0]);

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t end = s.find(sep, pos);
    if (end == std::string_view::npos) {
      out.push_back(s.substr(pos));
      return out;
    }
    out.push_back(s.substr(pos, end - pos));
    pos = end + 1;
  }
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

unsigned DaysInMonth(int year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a partial date means its first day as a start and its
// last day as an end, so "2001" to "2004" covers both whole years.
bool ParseKbDate(std::string_view s, bool is_end, int32_t* day) {
  if (s.size() == 10) return lexicon::ParseIsoDate(s, day);
  if (s.size() != 4 && s.size() != 7) return false;
  if (!AllDigits(s.substr(0, 4))) return false;
  int year = std::stoi(std::string(s.substr(0, 4)));
  unsigned month = is_end ? 12 : 1;
  if (s.size() == 7) {
    if (s[4] != '-' || !AllDigits(s.substr(5, 2))) return false;
    month = static_cast<unsigned>(std::stoi(std::string(s.substr(5, 2))));
    if (month < 1 || month > 12) return false;
  }
  *day = lexicon::DaysFromCivil(year, month, is_end ? DaysInMonth(year, month) : 1);
  return true;
}

bool ValidCode(std::string_view code) {
  if (code.size() < 3 || code.size() > 30) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string PhraseKey(const lexicon::Phrase& p) {
  std::string key;
  for (const auto& w : p) {
    if (!key.empty()) key += ' ';
    key += w.text;
    if (!w.exact) key += '*';
  }
  return key;
}

bool Overlaps(const lexicon::DatedCode& a, const lexicon::DatedCode& b) {
  return a.from_day <= b.to_day && b.from_day <= a.to_day;
}

bool Bounded(const lexicon::DatedCode& c) {
  return c.from_day != lexicon::kDayMin || c.to_day != lexicon::kDayMax;
}

}  // namespace

bool IsActorKbFile(std::string_view filename) {
  auto ends = [&](std::string_view suffix) {
    if (filename.size() < suffix.size()) return false;
    std::string_view tail = filename.substr(filename.size() - suffix.size());
    for (size_t i = 0; i < tail.size(); ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != suffix[i]) return false;
    }
    return true;
  };
  return ends(".tsv") || ends(".tsv.zst");
}

lexicon::Phrase NamePhrase(std::string_view name) {
  text::AnalyzedText analyzed;
  text::AnalyzeText(name, &analyzed);
  size_t skip = 0;
  if (analyzed.dateline.has_value()) {
    // "TTP - MR" looks like a dateline ("MOSCOW -") to the text stage, which would drop "TTP -".
    // A leading lower-case word stops that; its token is then skipped.
    analyzed = text::AnalyzedText();
    text::AnalyzeText("x " + std::string(name), &analyzed);
    skip = 1;
  }
  lexicon::Phrase phrase;
  for (size_t i = skip; i < analyzed.tokens.size(); ++i) {
    phrase.push_back(lexicon::PhraseWord{analyzed.tokens[i].norm, true});
  }
  return phrase;
}

void ParseActorKb(std::string_view content, std::string_view filename, ActorKb* out) {
  auto diag = [&](uint32_t line, std::string message) {
    out->diagnostics.push_back(
        lexicon::Diagnostic{std::string(filename), line, std::move(message)});
  };
  // Column positions by header name, so users may reorder columns or add their own.
  size_t col[kColumnCount];
  bool have_header = false;
  uint32_t number = 0;
  size_t pos = 0;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;  // UTF-8 byte order mark
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimView(line).empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields = Split(line, '\t');
    if (!have_header) {
      for (size_t c = 0; c < kColumnCount; ++c) {
        col[c] = SIZE_MAX;
        for (size_t f = 0; f < fields.size(); ++f) {
          if (TrimView(fields[f]) == kColumns[c]) col[c] = f;
        }
      }
      if (col[0] == SIZE_MAX || col[2] == SIZE_MAX) {
        diag(number,
             "expected a header line naming the columns (at least \"name\" and \"code\", "
             "tab-separated); no rows read");
        return;
      }
      have_header = true;
      continue;
    }
    auto field = [&](size_t c) -> std::string_view {
      return col[c] < fields.size() ? TrimView(fields[col[c]]) : std::string_view();
    };
    if (fields.size() <= std::max(col[0], col[2])) {
      diag(number, "too few tab-separated fields (" + std::to_string(fields.size()) + ")");
      continue;
    }
    ActorKbRow row;
    row.line = number;
    row.name = std::string(field(0));
    row.code = std::string(field(2));
    row.country = std::string(field(3));
    row.source = std::string(field(6));
    if (row.name.empty()) {
      diag(number, "empty name");
      continue;
    }
    if (!ValidCode(row.code)) {
      diag(number, "bad code \"" + row.code + "\" (3 to 30 upper-case letters or digits)");
      continue;
    }
    if (!text::IsValidUtf8(row.name)) {
      diag(number, "name is not valid UTF-8");
      continue;
    }
    std::string_view start = field(4), stop = field(5);
    if (!start.empty() && !ParseKbDate(start, false, &row.from_day)) {
      diag(number, "bad start date \"" + std::string(start) + "\" (YYYY, YYYY-MM or YYYY-MM-DD)");
      continue;
    }
    if (!stop.empty() && !ParseKbDate(stop, true, &row.to_day)) {
      diag(number, "bad end date \"" + std::string(stop) + "\" (YYYY, YYYY-MM or YYYY-MM-DD)");
      continue;
    }
    if (row.from_day > row.to_day) {
      diag(number, "start date after end date");
      continue;
    }
    for (std::string_view a : Split(field(1), '|')) {
      a = TrimView(a);
      if (!a.empty()) row.aliases.emplace_back(a);
    }
    out->rows.push_back(std::move(row));
  }
  if (!have_header && number > 0) diag(1, "no header line; no rows read");
}

ActorKbMergeStats MergeActorKb(const ActorKb& kb, uint32_t file_index,
                               lexicon::DictionarySet* set) {
  ActorKbMergeStats stats;
  stats.rows = kb.rows.size();
  // Every phrase already in the set -> the first entry that has it.
  std::unordered_map<std::string, uint32_t> known;
  known.reserve(set->actors.size() * 3);
  for (uint32_t i = 0; i < set->actors.size(); ++i) {
    for (const auto& p : set->actors[i].names) known.try_emplace(PhraseKey(p), i);
  }
  const size_t first_new = set->actors.size();
  // Knowledge-base entries by their name's key (rows with the same name form one entry).
  std::unordered_map<std::string, uint32_t> kb_entry;
  for (const ActorKbRow& row : kb.rows) {
    lexicon::DatedCode code{row.code, row.from_day, row.to_day};
    lexicon::Phrase main = NamePhrase(row.name);
    if (main.empty()) continue;
    std::string main_key = PhraseKey(main);
    if (auto it = kb_entry.find(main_key); it != kb_entry.end()) {
      set->actors[it->second].codes.push_back(code);
      for (const auto& alias : row.aliases) {
        lexicon::Phrase p = NamePhrase(alias);
        if (!p.empty() && known.try_emplace(PhraseKey(p), it->second).second) {
          set->actors[it->second].names.push_back(std::move(p));
          ++stats.names_added;
        }
      }
      continue;
    }
    std::vector<lexicon::Phrase> names;
    names.push_back(std::move(main));
    for (const auto& alias : row.aliases) {
      lexicon::Phrase p = NamePhrase(alias);
      if (!p.empty()) names.push_back(std::move(p));
    }
    lexicon::ActorEntry entry;
    entry.where = lexicon::SourceLocation{file_index, row.line};
    entry.codes.push_back(code);
    std::vector<uint32_t> owners;  // earlier entries that have one of this row's names
    for (auto& p : names) {
      std::string key = PhraseKey(p);
      auto it = known.find(key);
      if (it != known.end()) {
        ++stats.names_already_known;
        if (std::find(owners.begin(), owners.end(), it->second) == owners.end()) {
          owners.push_back(it->second);
        }
        continue;
      }
      entry.names.push_back(std::move(p));
    }
    // A dated row for a name an earlier (non-knowledge-base) entry has: add the tenure when
    // that entry is for the same country and says nothing about those dates.
    for (uint32_t owner : owners) {
      if (owner >= first_new || !Bounded(code)) continue;
      lexicon::ActorEntry& existing = set->actors[owner];
      bool same_country = false, overlaps = false;
      for (const auto& c : existing.codes) {
        if (c.code.size() >= 3 && code.code.compare(0, 3, c.code, 0, 3) == 0) same_country = true;
        if (Bounded(c) && Overlaps(c, code)) overlaps = true;
      }
      if (same_country && !overlaps) {
        existing.codes.push_back(code);
        ++stats.codes_added_to_existing;
      }
    }
    if (entry.names.empty()) {
      // Every name is taken: later rows of the same name join the owner's treatment above.
      continue;
    }
    uint32_t index = static_cast<uint32_t>(set->actors.size());
    for (const auto& p : entry.names) known.emplace(PhraseKey(p), index);
    kb_entry.emplace(main_key, index);
    stats.names_added += entry.names.size();
    ++stats.entries_added;
    set->actors.push_back(std::move(entry));
  }
  return stats;
}

}  // namespace annal::context
