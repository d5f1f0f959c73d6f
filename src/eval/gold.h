// Gold records: the expected events of one validation-suite record, whatever file it came from.
//
// Every suite reader (suites.h) turns its file into a vector<GoldRecord>; the scorer (score.h)
// compares a record's `events` with what the coder produced. A record that the suite itself
// does not check (a deactivated test, a TABARI OPTION record, ...) is still read, so counts
// match the source file, but carries scored == false and a reason.
#ifndef ANNAL_EVAL_GOLD_H_
#define ANNAL_EVAL_GOLD_H_

#include <string>
#include <string_view>
#include <vector>

namespace annal::eval {

// One expected (or predicted) event as the suites compare it: three strings. For CAMEO suites
// `code` is the CAMEO event code and source/target are CAMEO actor codes; for PLOVER_GSR
// source/target are 3-letter country-ish codes and `code` is a current PLOVER event type.
struct Triple {
  std::string source;
  std::string target;
  std::string code;
  bool operator==(const Triple&) const = default;
  auto operator<=>(const Triple&) const = default;
};

// "SRC / TGT / CODE", the form the TABARI and PETRARCH files use.
std::string TripleToString(const Triple& t);

struct GoldRecord {
  std::string id;
  std::string date;            // YYYY-MM-DD; empty when the record's date could not be read
  std::string text;            // the text to code (comments and markup removed)
  std::string category;        // suite-specific: PETRARCH category, PLOVER 0.5 event name, ...
  std::vector<Triple> events;  // expected events; empty means "no event expected"

  // False for records the suite does not check; `skip_reason` says why. Such records are not
  // coded and count towards nothing but the totals of records read.
  bool scored = true;
  std::string skip_reason;

  // True when `events` lists only some of the events the record should produce (TABARI's
  // `-{ ... }` after the listed blocks): extra predicted events are then not errors.
  bool open_ended = false;

  // How many expectation entries the source file has for this record, of every kind
  // (TABARI `{...}` blocks incl. markers, OPTIONs and `-{` blocks; PETRARCH <EventCoding>
  // elements incl. noevents/error ones). Only used to check readers against the files.
  int expectation_entries = 0;

  // Remarks kept for diagnostics, e.g. TABARI OPTION commands, PETRARCH error kinds.
  std::vector<std::string> notes;
};

// Converts a date written as digits to YYYY-MM-DD: 8 digits are YYYYMMDD, 6 digits YYMMDD
// (years 00-49 are 20xx, 50-99 are 19xx, as the TABARI and PETRARCH files use them). Longer
// runs are read as YYYYMMDD when their first 8 digits make a valid date, else as YYMMDD from
// the first 6. Returns "" when no valid date can be read.
std::string GoldDateToIso(std::string_view digits);

}  // namespace annal::eval

#endif  // ANNAL_EVAL_GOLD_H_
