#include "eval/gold.h"

#include <fmt/format.h>

namespace annal::eval {
namespace {

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool ValidDate(int year, int month, int day) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return year >= 1800 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 &&
         day <= kDays[month - 1];
}

std::string Format(int year, int month, int day) {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

}  // namespace

std::string TripleToString(const Triple& t) {
  return fmt::format("{} / {} / {}", t.source, t.target, t.code);
}

std::string GoldDateToIso(std::string_view digits) {
  if (!AllDigits(digits) || digits.size() < 6) return "";
  if (digits.size() >= 8) {
    int year = ToInt(digits.substr(0, 4));
    int month = ToInt(digits.substr(4, 2));
    int day = ToInt(digits.substr(6, 2));
    if (ValidDate(year, month, day)) return Format(year, month, day);
    // Not YYYYMMDD: TABARI reads a 2-digit-year date from the first 6 digits and ignores
    // the rest (Validate.text has e.g. "9501201  ACTORSYN-01").
  }
  int yy = ToInt(digits.substr(0, 2));
  int year = yy < 50 ? 2000 + yy : 1900 + yy;
  int month = ToInt(digits.substr(2, 2));
  int day = ToInt(digits.substr(4, 2));
  if (ValidDate(year, month, day)) return Format(year, month, day);
  return "";
}

}  // namespace annal::eval
