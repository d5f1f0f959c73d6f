#include "lexicon/dictionary.h"

#include <string>

namespace annal::lexicon {

std::string Diagnostic::ToString() const {
  return file + ":" + std::to_string(line) + ": " + message;
}

namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned DaysInMonth(int year, unsigned month) {
  static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[month - 1];
}

// Parses exactly s.size() ASCII digits; false on anything else.
bool ParseDigits(std::string_view s, int* value) {
  if (s.empty()) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

bool CheckedDays(int year, int month, int day, int32_t* out) {
  if (month < 1 || month > 12 || day < 1) return false;
  if (static_cast<unsigned>(day) > DaysInMonth(year, static_cast<unsigned>(month))) return false;
  *out = DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return true;
}

}  // namespace

// The usual era-based civil-to-days computation: shift the year to start in March so the
// leap day is last, count whole 400-year eras, then the day within the era.
int32_t DaysFromCivil(int year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const unsigned year_of_era = static_cast<unsigned>(year - era * 400);                // [0, 399]
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<int32_t>(day_of_era) - 719468;
}

bool ParseIsoDate(std::string_view s, int32_t* day) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int y, m, d;
  if (!ParseDigits(s.substr(0, 4), &y) || !ParseDigits(s.substr(5, 2), &m) ||
      !ParseDigits(s.substr(8, 2), &d)) {
    return false;
  }
  return CheckedDays(y, m, d, day);
}

// Two-digit years: PETRARCH's dstr_to_ordate and TABARI read 00-30 as 20xx; this header's
// contract is "< 30 is 20xx". The shipped data cannot tell the two apart: the Phoenix actor
// files use 6-digit years 00-14 (ends of 2000s terms) and 31-99 (starts of 1930s-1990s terms)
// and never 30.
bool ParseDictionaryDate(std::string_view s, int32_t* day) {
  int y, m, d;
  if (s.size() == 6) {
    if (!ParseDigits(s.substr(0, 2), &y) || !ParseDigits(s.substr(2, 2), &m) ||
        !ParseDigits(s.substr(4, 2), &d)) {
      return false;
    }
    y += y < 30 ? 2000 : 1900;
  } else if (s.size() == 8) {
    if (!ParseDigits(s.substr(0, 4), &y) || !ParseDigits(s.substr(4, 2), &m) ||
        !ParseDigits(s.substr(6, 2), &d)) {
      return false;
    }
  } else {
    return false;
  }
  return CheckedDays(y, m, d, day);
}

}  // namespace annal::lexicon
