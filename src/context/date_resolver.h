// Event dates: date expressions in a sentence, resolved against the publication date.
//
// "on Friday" means the latest Friday not after publication, "last week" the Monday of the week
// before, "in 2016" the year 2016 with year precision. Background events ("in 2016 the United
// States sanctioned him") thereby get their own past date, never the article's date; only a
// clause with no date words at all falls back to the publication date.
#ifndef ANNAL_CONTEXT_DATE_RESOLVER_H_
#define ANNAL_CONTEXT_DATE_RESOLVER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annal/event.h"
#include "text/token.h"

namespace annal::context {

// Day numbers count days since 1970-01-01 (proleptic Gregorian), so 0 is 1970-01-01.
int32_t DayFromCivil(int year, unsigned month, unsigned day);
// "YYYY-MM-DD" -> day number; nullopt when malformed or not a real date (2023-02-30).
std::optional<int32_t> ParseIsoDay(std::string_view iso);
// Day number -> "YYYY-MM-DD".
std::string FormatIsoDay(int32_t day);

// One date expression found in text.
struct DateMention {
  uint32_t first_token = 0, end_token = 0;  // tokens of the date words, [first, end)
  uint32_t begin = 0, end = 0;              // byte span of the date words
  std::string date;                         // YYYY-MM-DD, the first day of the period
  DatePrecision precision = DatePrecision::kDay;
  bool relative = false;  // resolved against the publication date ("Friday", "last week")
};

struct ResolvedDate {
  std::string date;  // YYYY-MM-DD, first day of the period
  DatePrecision precision = DatePrecision::kDay;
  uint32_t begin = 0, end = 0;  // span of the date words; 0,0 when from the publication date
  bool from_text = false;
};

// Which way a date without its year or week points from the publication date: a report's
// "on Friday" is the latest Friday not after it, an announced event's ("will meet on Friday")
// the earliest not before it.
enum class DateDirection { kPast, kFuture };

// Finds date expressions among tokens [first_token, end_token) (usually one sentence) and
// resolves them against `publication_day`. Mentions are in text order and do not overlap.
// REQUIRES: analyzed was built from `text`; first_token <= end_token <= analyzed.tokens.size().
// Thread-safe.
std::vector<DateMention> FindDateMentions(const text::AnalyzedText& analyzed, std::string_view text,
                                          uint32_t first_token, uint32_t end_token,
                                          int32_t publication_day,
                                          DateDirection direction = DateDirection::kPast);

// The event date for an event whose trigger is token `trigger` of `sentence`: the nearest date
// mention in the trigger's clause, preferring one after the trigger, then one before it; else the
// nearest in the sentence; else the publication date with day precision.
// `direction` is kFuture for events announced in the future tense.
// REQUIRES: sentence.first_token <= trigger < sentence.end_token. Thread-safe.
ResolvedDate ResolveEventDate(const text::AnalyzedText& analyzed, std::string_view text,
                              const text::Sentence& sentence, uint32_t trigger,
                              int32_t publication_day,
                              DateDirection direction = DateDirection::kPast);

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_DATE_RESOLVER_H_
