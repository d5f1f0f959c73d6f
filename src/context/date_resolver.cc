#include "context/date_resolver.h"

#include "lexicon/dictionary.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace annal::context {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;
using text::Token;

year_month_day Ymd(int32_t day) { return year_month_day(sys_days(days(day))); }
int32_t DayOf(const year_month_day& ymd) {
  return static_cast<int32_t>(sys_days(ymd).time_since_epoch().count());
}
int YearOf(int32_t day) { return static_cast<int>(Ymd(day).year()); }
unsigned MonthOf(int32_t day) { return static_cast<unsigned>(Ymd(day).month()); }
// 0 = Monday ... 6 = Sunday.
int WeekdayOf(int32_t day) {
  unsigned iso = std::chrono::weekday(sys_days(days(day))).iso_encoding();  // Mon=1..Sun=7
  return static_cast<int>(iso) - 1;
}
int32_t MondayOf(int32_t day) { return day - WeekdayOf(day); }
bool ValidDate(int y, unsigned m, unsigned d) {
  return year_month_day(std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)).ok();
}

// Weekday number (0 = Monday) of a weekday word, or -1.
int WeekdayNumber(std::string_view n) {
  static constexpr std::string_view kFull[] = {"MONDAY", "TUESDAY",  "WEDNESDAY", "THURSDAY",
                                               "FRIDAY", "SATURDAY", "SUNDAY"};
  static constexpr std::string_view kShort[] = {"MON.", "TUE.", "WED.", "THU.",
                                                "FRI.", "SAT.", "SUN."};
  for (int i = 0; i < 7; ++i) {
    if (n == kFull[i] || n == kShort[i]) return i;
  }
  return -1;
}

// Month number (1-12) of a month word, or 0. `full` tells whether it was the full name.
unsigned MonthNumber(std::string_view n, bool* full = nullptr) {
  static constexpr std::string_view kFull[] = {"JANUARY",   "FEBRUARY", "MARCH",    "APRIL",
                                               "MAY",       "JUNE",     "JULY",     "AUGUST",
                                               "SEPTEMBER", "OCTOBER",  "NOVEMBER", "DECEMBER"};
  static constexpr std::string_view kShort[] = {"JAN.", "FEB.", "MAR.", "APR.", "MAY.", "JUN.",
                                                "JUL.", "AUG.", "SEP.", "OCT.", "NOV.", "DEC."};
  for (unsigned i = 0; i < 12; ++i) {
    if (n == kFull[i]) {
      if (full) *full = true;
      return i + 1;
    }
    if (n == kShort[i] || (i == 8 && n == "SEPT.")) {
      if (full) *full = false;
      return i + 1;
    }
  }
  return 0;
}

// A small count: digits or a number word ("two", "a"). -1 if none.
int Count(std::string_view n) {
  static constexpr std::string_view kWords[] = {"ZERO", "ONE",    "TWO",   "THREE", "FOUR",
                                                "FIVE", "SIX",    "SEVEN", "EIGHT", "NINE",
                                                "TEN",  "ELEVEN", "TWELVE"};
  for (int i = 0; i <= 12; ++i) {
    if (n == kWords[i]) return i;
  }
  if (n == "A" || n == "AN") return 1;
  if (n == "SEVERAL" || n == "FEW") return -1;
  if (!n.empty() && n.size() <= 3 && std::all_of(n.begin(), n.end(), ::isdigit)) {
    return std::atoi(std::string(n).c_str());
  }
  return -1;
}

// Day of month from "3", "3rd", "21st"; 0 if not one.
unsigned DayNumber(std::string_view n) {
  size_t i = 0;
  while (i < n.size() && i < 2 && n[i] >= '0' && n[i] <= '9') ++i;
  if (i == 0) return 0;
  std::string_view rest = n.substr(i);
  if (!rest.empty() && rest != "ST" && rest != "ND" && rest != "RD" && rest != "TH") return 0;
  if (i < n.size() && rest.empty()) return 0;
  unsigned d = static_cast<unsigned>(std::atoi(std::string(n.substr(0, i)).c_str()));
  return d >= 1 && d <= 31 ? d : 0;
}

// A four-digit year 1900-2100; 0 if not one.
int YearNumber(std::string_view n) {
  if (n.size() != 4 || !std::all_of(n.begin(), n.end(), ::isdigit)) return 0;
  int y = std::atoi(std::string(n).c_str());
  return y >= 1900 && y <= 2100 ? y : 0;
}

bool IsPartOfDay(std::string_view n) {
  return n == "MORNING" || n == "AFTERNOON" || n == "EVENING" || n == "NIGHT" || n == "NIGHTS";
}

// Prepositions and qualifiers that make a bare month or year a date ("in March", "since 2014").
bool IsDatePreposition(std::string_view n) {
  static constexpr std::string_view kWords[] = {
      "IN",    "SINCE", "DURING", "BETWEEN", "FROM",   "UNTIL", "TILL",    "BY",
      "EARLY", "LATE",  "MID",    "OF",      "BEFORE", "AFTER", "THROUGH", "LAST",
      "THIS",  "ON",    "AROUND", "SINCE",   "MID-",   "END",   "START"};
  for (std::string_view w : kWords) {
    if (n == w) return true;
  }
  return false;
}

// The latest day with weekday `wd` that is not after `pub` (strictly before when `strict`).
int32_t LatestWeekday(int32_t pub, int wd, bool strict) {
  int32_t back = (WeekdayOf(pub) - wd + 7) % 7;
  if (back == 0 && strict) back = 7;
  return pub - back;
}

// The latest (month, day) not after `pub`: this year's if not after pub, else last year's.
// Returns nullopt for an impossible date (February 30).
std::optional<int32_t> LatestMonthDay(int32_t pub, unsigned month, unsigned day) {
  int y = YearOf(pub);
  for (int yy : {y, y - 1}) {
    if (!ValidDate(yy, month, day)) continue;
    int32_t d = DayFromCivil(yy, month, day);
    if (d <= pub) return d;
  }
  if (ValidDate(y - 4, month, day)) return DayFromCivil(y - 4, month, day);  // Feb 29
  return std::nullopt;
}

// The earliest day with weekday `wd` that is not before `pub`.
int32_t EarliestWeekday(int32_t pub, int wd) { return pub + (wd - WeekdayOf(pub) + 7) % 7; }

// The earliest (month, day) not before `pub`: this year's, else next year's.
std::optional<int32_t> EarliestMonthDay(int32_t pub, unsigned month, unsigned day) {
  int y = YearOf(pub);
  for (int yy = y; yy <= y + 4; ++yy) {  // up to four years for February 29
    if (!ValidDate(yy, month, day)) continue;
    int32_t d = DayFromCivil(yy, month, day);
    if (d >= pub) return d;
  }
  return std::nullopt;
}

class DateScanner {
 public:
  DateScanner(const text::AnalyzedText& a, std::string_view text, uint32_t first, uint32_t end,
              int32_t pub, DateDirection direction)
      : toks_(a.tokens),
        text_(text),
        first_(first),
        end_(end),
        pub_(pub),
        future_(direction == DateDirection::kFuture) {}

  std::vector<DateMention> Scan() {
    std::vector<DateMention> out;
    for (uint32_t i = first_; i < end_;) {
      std::optional<DateMention> m = MatchAt(i);
      if (m) {
        i = m->end_token;
        m->begin = toks_[m->first_token].begin;
        m->end = toks_[m->end_token - 1].end;
        out.push_back(std::move(*m));
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  std::string_view N(uint32_t i) const {
    return i >= first_ && i < end_ ? std::string_view(toks_[i].norm) : std::string_view();
  }
  bool Capitalized(uint32_t i) const {
    return i < end_ && !toks_[i].norm.empty() && toks_[i].begin < text_.size() &&
           text_[toks_[i].begin] >= 'A' && text_[toks_[i].begin] <= 'Z';
  }

  static DateMention Make(uint32_t first, uint32_t end, int32_t day, DatePrecision p,
                          bool relative) {
    DateMention m;
    m.first_token = first;
    m.end_token = end;
    m.date = FormatIsoDay(day);
    m.precision = p;
    m.relative = relative;
    return m;
  }

  // Extends `end` over a following part of day ("Friday night").
  uint32_t WithPartOfDay(uint32_t end) const { return IsPartOfDay(N(end)) ? end + 1 : end; }

  std::optional<DateMention> MatchAt(uint32_t i) const {
    std::string_view n = N(i);
    // ISO date, however the tokenizer cut it.
    if (toks_[i].begin + 10 <= text_.size()) {
      std::string_view s = text_.substr(toks_[i].begin, 10);
      if (std::optional<int32_t> d = ParseIsoDay(s);
          d && (toks_[i].begin + 10 == text_.size() ||
                !std::isdigit(static_cast<unsigned char>(text_[toks_[i].begin + 10])))) {
        uint32_t e = i;
        while (e < end_ && toks_[e].end <= toks_[i].begin + 10) ++e;
        if (e > i) return Make(i, e, *d, DatePrecision::kDay, false);
      }
    }
    // "two days ago", "a week ago".
    if (int c = Count(n); c >= 0 && N(i + 2) == "AGO") {
      std::string_view unit = N(i + 1);
      if (unit == "DAY" || unit == "DAYS") {
        return Make(i, i + 3, pub_ - c, DatePrecision::kDay, true);
      }
      if (unit == "WEEK" || unit == "WEEKS") {
        return Make(i, i + 3, MondayOf(pub_ - 7 * c), DatePrecision::kWeek, true);
      }
      if (unit == "MONTH" || unit == "MONTHS") {
        auto ym =
            std::chrono::year_month(Ymd(pub_).year(), Ymd(pub_).month()) - std::chrono::months(c);
        return Make(i, i + 3, DayOf(ym / 1), DatePrecision::kMonth, true);
      }
      if (unit == "YEAR" || unit == "YEARS") {
        return Make(i, i + 3, DayFromCivil(YearOf(pub_) - c, 1, 1), DatePrecision::kYear, true);
      }
    }
    // A capitalised relative word inside a sentence is a name: BBC Radio 4's "Today" programme,
    // ITV's "This Morning".
    if ((n == "TODAY" || n == "TONIGHT" || n == "YESTERDAY" || n == "TOMORROW" || n == "THIS") &&
        Capitalized(i) &&
        i > first_ && !toks_[i].has(text::kSentenceStart)) {
      return std::nullopt;
    }
    if (n == "TODAY" || n == "TONIGHT") {
      return Make(i, WithPartOfDay(i + 1), pub_, DatePrecision::kDay, true);
    }
    if (n == "YESTERDAY") {
      return Make(i, WithPartOfDay(i + 1), pub_ - 1, DatePrecision::kDay, true);
    }
    // Announced events ("will meet tomorrow", "talks next week") point forward.
    if (n == "TOMORROW") {
      return Make(i, WithPartOfDay(i + 1), pub_ + 1, DatePrecision::kDay, true);
    }
    if (n == "NEXT") {
      std::string_view u = N(i + 1);
      if (u == "WEEK" || u == "WEEKEND") {
        return Make(i, i + 2, MondayOf(pub_) + 7, DatePrecision::kWeek, true);
      }
      if (u == "MONTH") {
        auto ym =
            std::chrono::year_month(Ymd(pub_).year(), Ymd(pub_).month()) + std::chrono::months(1);
        return Make(i, i + 2, DayOf(ym / 1), DatePrecision::kMonth, true);
      }
      if (u == "YEAR") {
        return Make(i, i + 2, DayFromCivil(YearOf(pub_) + 1, 1, 1), DatePrecision::kYear, true);
      }
      if (int wd = WeekdayNumber(u); wd >= 0) {
        // "next Monday": the first Monday after publication.
        int32_t ahead = (wd - WeekdayOf(pub_) + 7) % 7;
        if (ahead == 0) ahead = 7;
        return Make(i, WithPartOfDay(i + 2), pub_ + ahead, DatePrecision::kDay, true);
      }
    }
    if (n == "EARLIER" && N(i + 1) == "THIS") {
      if (auto m = ThisPeriod(i, i + 2)) return m;
    }
    if (n == "THIS") {
      if (IsPartOfDay(N(i + 1))) return Make(i, i + 2, pub_, DatePrecision::kDay, true);
      if (auto m = ThisPeriod(i, i + 1)) return m;
      if (int wd = WeekdayNumber(N(i + 1)); wd >= 0) {
        int32_t day = future_ ? EarliestWeekday(pub_, wd) : LatestWeekday(pub_, wd, false);
        return Make(i, WithPartOfDay(i + 2), day, DatePrecision::kDay, true);
      }
    }
    if (n == "LAST") {
      std::string_view u = N(i + 1);
      if (u == "NIGHT") return Make(i, i + 2, pub_ - 1, DatePrecision::kDay, true);
      if (u == "WEEK" || u == "WEEKEND") {
        return Make(i, i + 2, MondayOf(pub_) - 7, DatePrecision::kWeek, true);
      }
      if (u == "MONTH") {
        auto ym =
            std::chrono::year_month(Ymd(pub_).year(), Ymd(pub_).month()) - std::chrono::months(1);
        return Make(i, i + 2, DayOf(ym / 1), DatePrecision::kMonth, true);
      }
      if (u == "YEAR") {
        return Make(i, i + 2, DayFromCivil(YearOf(pub_) - 1, 1, 1), DatePrecision::kYear, true);
      }
      if (int wd = WeekdayNumber(u); wd >= 0) {
        return Make(i, WithPartOfDay(i + 2), LatestWeekday(pub_, wd, true), DatePrecision::kDay,
                    true);
      }
      if (unsigned m = MonthNumber(u); m != 0) {
        // "last March": the latest March strictly before the current month.
        int y = YearOf(pub_);
        if (m >= MonthOf(pub_)) --y;
        return Make(i, i + 2, DayFromCivil(y, m, 1), DatePrecision::kMonth, true);
      }
    }
    // Weekdays: "Friday", "early Friday morning", "on Friday night".
    {
      uint32_t j = i;
      if (n == "EARLY" || n == "LATE") ++j;
      if (int wd = WeekdayNumber(N(j)); wd >= 0 && Capitalized(j)) {
        // "GMTV's Sunday programme": a name, not a date.
        if (j > first_ && toks_[j - 1].has(text::kPossessive)) return std::nullopt;
        // "Saturday 12 February", "Friday, March 3": the explicit date decides.
        uint32_t k = N(j + 1) == "," ? j + 2 : j + 1;
        if (k < end_ && (MonthNumber(N(k)) != 0 || DayNumber(N(k)) != 0)) {
          if (std::optional<DateMention> d = MatchAt(k); d && d->first_token == k) {
            d->first_token = i;
            return d;
          }
        }
        int32_t day = future_ ? EarliestWeekday(pub_, wd) : LatestWeekday(pub_, wd, false);
        return Make(i, WithPartOfDay(j + 1), day, DatePrecision::kDay, true);
      }
    }
    // Month names.
    if (unsigned m = MonthNumber(n); m != 0 && Capitalized(i)) {
      // "March 3", "March 3, 2024", "March 3rd 2024".
      if (unsigned d = DayNumber(N(i + 1)); d != 0) {
        uint32_t e = i + 2;
        uint32_t ye = e;
        if (N(ye) == ",") ++ye;
        if (int y = YearNumber(N(ye)); y != 0 && ValidDate(y, m, d)) {
          return Make(i, ye + 1, DayFromCivil(y, m, d), DatePrecision::kDay, false);
        }
        if (auto day = MonthDay(m, d)) return Make(i, e, *day, DatePrecision::kDay, true);
      }
      // "March 2019", "March, 2019".
      uint32_t ye = i + 1;
      if (N(ye) == ",") ++ye;
      if (int y = YearNumber(N(ye)); y != 0) {
        return Make(i, ye + 1, DayFromCivil(y, m, 1), DatePrecision::kMonth, false);
      }
      // Bare "in March": needs a preposition (keeps "May" the verb and "March" the noun out).
      std::string_view prev = i > first_ ? N(i - 1) : std::string_view();
      if (IsDatePreposition(prev)) {
        int y = YearOf(pub_);
        if (!future_ && m > MonthOf(pub_)) --y;
        if (future_ && m < MonthOf(pub_)) ++y;
        return Make(i, i + 1, DayFromCivil(y, m, 1), DatePrecision::kMonth, true);
      }
    }
    // "3 March 2024", "3 March".
    if (unsigned d = DayNumber(n); d != 0 && std::isdigit(static_cast<unsigned char>(n[0]))) {
      if (unsigned m = MonthNumber(N(i + 1)); m != 0 && Capitalized(i + 1)) {
        if (int y = YearNumber(N(i + 2)); y != 0 && ValidDate(y, m, d)) {
          return Make(i, i + 3, DayFromCivil(y, m, d), DatePrecision::kDay, false);
        }
        if (auto day = MonthDay(m, d)) return Make(i, i + 2, *day, DatePrecision::kDay, true);
      }
    }
    // Years after a preposition: "in 2016", "since 2014", "between 2019 and 2020",
    // "in early 2016".
    if (int y = YearNumber(n); y != 0) {
      std::string_view prev = i > first_ ? N(i - 1) : std::string_view();
      std::string_view prev2 = i > first_ + 1 ? N(i - 2) : std::string_view();
      bool qualified =
          (prev == "EARLY" || prev == "LATE" || prev == "MID") || (prev == "-" && prev2 == "MID");
      if (IsDatePreposition(prev) || qualified) {
        // A range counts from its start: "between 2019 and 2020", "from 2014 to 2016".
        uint32_t e = i + 1;
        if ((N(e) == "AND" || N(e) == "TO" || N(e) == "-") && YearNumber(N(e + 1)) != 0) e += 2;
        return Make(i, e, DayFromCivil(y, 1, 1), DatePrecision::kYear, false);
      }
    }
    return std::nullopt;
  }

  // A day of a month without its year, the way the scanner's direction points.
  std::optional<int32_t> MonthDay(unsigned month, unsigned day) const {
    return future_ ? EarliestMonthDay(pub_, month, day) : LatestMonthDay(pub_, month, day);
  }

  // "this week/month/year" and "earlier this ..." where `u` is the unit token.
  std::optional<DateMention> ThisPeriod(uint32_t first, uint32_t u) const {
    std::string_view unit = N(u);
    if (unit == "WEEK" || unit == "WEEKEND") {
      return Make(first, u + 1, MondayOf(pub_), DatePrecision::kWeek, true);
    }
    if (unit == "MONTH") {
      auto ymd = Ymd(pub_);
      return Make(first, u + 1, DayOf(ymd.year() / ymd.month() / 1), DatePrecision::kMonth, true);
    }
    if (unit == "YEAR") {
      return Make(first, u + 1, DayFromCivil(YearOf(pub_), 1, 1), DatePrecision::kYear, true);
    }
    return std::nullopt;
  }

  const std::vector<Token>& toks_;
  std::string_view text_;
  uint32_t first_, end_;
  int32_t pub_;
  bool future_;  // dates without a year or week point forward (DateDirection::kFuture)
};

// Words that open a relative clause after a comma ("..., who", "..., which").
bool IsRelativePronoun(std::string_view norm) {
  return norm == "WHO" || norm == "WHICH" || norm == "WHERE" || norm == "WHOSE" || norm == "WHOM";
}

// Clause boundaries inside a sentence: ; : dashes, parentheses, quotes, and a comma before a
// conjunction or subordinator ("..., but", "..., which").
bool IsClauseBoundary(const std::vector<Token>& toks, uint32_t i, uint32_t end) {
  std::string_view n = toks[i].norm;
  if (n == ";" || n == ":" || n == "--" || n == "-" || n == "(" || n == ")" ||
      toks[i].has(text::kQuote)) {
    return n != "-" || (i > 0 && toks[i - 1].end < toks[i].begin);
  }
  if (n == "," && i + 1 < end) {
    static constexpr std::string_view kNext[] = {
        "AND",      "BUT",    "WHILE",   "WHICH", "WHO", "WHEN", "AFTER",     "BEFORE",
        "ALTHOUGH", "THOUGH", "BECAUSE", "WHERE", "AS",  "SAID", "ACCORDING", "OR"};
    for (std::string_view w : kNext) {
      if (toks[i + 1].norm == w) return true;
    }
  }
  return false;
}

}  // namespace

int32_t DayFromCivil(int year, unsigned month, unsigned day) {
  return lexicon::DaysFromCivil(year, month, day);
}

std::optional<int32_t> ParseIsoDay(std::string_view s) {
  int32_t day;
  if (!lexicon::ParseIsoDate(s, &day)) return std::nullopt;
  return day;
}

std::string FormatIsoDay(int32_t day) {
  year_month_day ymd = Ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::vector<DateMention> FindDateMentions(const text::AnalyzedText& analyzed, std::string_view text,
                                          uint32_t first_token, uint32_t end_token,
                                          int32_t publication_day, DateDirection direction) {
  return DateScanner(analyzed, text, first_token, end_token, publication_day, direction).Scan();
}

ResolvedDate ResolveEventDate(const text::AnalyzedText& analyzed, std::string_view text,
                              const text::Sentence& sentence, uint32_t trigger,
                              int32_t publication_day, DateDirection direction) {
  std::vector<DateMention> ms = FindDateMentions(analyzed, text, sentence.first_token,
                                                 sentence.end_token, publication_day, direction);
  auto to_resolved = [](const DateMention& m) {
    return ResolvedDate{m.date, m.precision, m.begin, m.end, true};
  };
  if (!ms.empty()) {
    const std::vector<Token>& toks = analyzed.tokens;
    // Clause boundaries, plus the comma that closes a relative clause: in "The rebels, who
    // attacked the army in May, met envoys" the date belongs to "attacked", not to "met".
    // in_relative marks the tokens of such clauses ("..., who/which/where/whose/whom ...,").
    uint32_t n = sentence.end_token - sentence.first_token;
    std::vector<bool> boundary(n), in_relative(n);
    bool open_relative = false;
    for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
      uint32_t k = i - sentence.first_token;
      bool b = IsClauseBoundary(toks, i, sentence.end_token);
      if (!b && open_relative && toks[i].norm == ",") b = true;
      boundary[k] = b;
      if (b) {
        open_relative = toks[i].norm == "," && i + 1 < sentence.end_token &&
                        IsRelativePronoun(toks[i + 1].norm);
      } else {
        in_relative[k] = open_relative;
      }
    }
    auto is_boundary = [&](uint32_t i) { return boundary[i - sentence.first_token]; };
    // The trigger's clause.
    uint32_t cb = trigger, ce = trigger + 1;
    while (cb > sentence.first_token && !is_boundary(cb - 1)) --cb;
    while (ce < sentence.end_token && !is_boundary(ce)) ++ce;
    const DateMention* after = nullptr;
    const DateMention* before = nullptr;
    for (const DateMention& m : ms) {
      if (m.first_token >= trigger + 1 && m.end_token <= ce && after == nullptr) after = &m;
      if (m.end_token <= trigger && m.first_token >= cb) before = &m;  // keeps the nearest
    }
    if (after) return to_resolved(*after);
    if (before) return to_resolved(*before);
    // Else the nearest date elsewhere in the sentence ("On Friday, troops attacked ..."), but
    // never one inside another relative clause: that clause tells its own, earlier, story.
    bool trigger_relative = in_relative[trigger - sentence.first_token];
    const DateMention* nearest = nullptr;
    uint32_t best = UINT32_MAX;
    for (const DateMention& m : ms) {
      if (!trigger_relative && in_relative[m.first_token - sentence.first_token]) continue;
      uint32_t dist = m.first_token > trigger ? m.first_token - trigger : trigger - m.end_token + 1;
      if (dist < best) {
        best = dist;
        nearest = &m;
      }
    }
    if (nearest != nullptr) return to_resolved(*nearest);
  }
  ResolvedDate r;
  r.date = FormatIsoDay(publication_day);
  r.precision = DatePrecision::kDay;
  return r;
}

}  // namespace annal::context
