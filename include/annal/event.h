// Event: the record annal emits, one per coded event (see doc/formats/event_record.md).
//
// Field names and meanings are a contract shared by `annal code` and the HTTP API: fields
// may be added, none renamed. All spans are [begin, end) byte offsets into Document::text.
#ifndef ANNAL_EVENT_H_
#define ANNAL_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace annal {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const Span&) const = default;
};

// How sure the text is that the event happened.
enum class Modality {
  kAsserted,      // stated as fact by the writer
  kClaimed,       // stated by an attributed speaker ("X said Y attacked Z")
  kHedged,        // reportedly, allegedly, may have
  kNegated,       // did not, denied, never
  kHypothetical,  // if, would, could
  kFuture,        // will, plans to, is to
};
const char* ModalityName(Modality m);

enum class DatePrecision { kNone, kDay, kWeek, kMonth, kYear };
const char* DatePrecisionName(DatePrecision p);

struct EventActor {
  std::string text;   // the words in the document
  Span span;
  std::string code;     // CAMEO actor code, e.g. "RUSGOV", "IGOUNO"
  std::string country;  // ISO 3166-1 alpha-3 (CAMEO's own code where ISO has none); may be empty
  std::vector<std::string> roles;  // CAMEO role codes after the country: GOV, MIL, COP, ...
  std::string entity;   // the named entity behind the mention, when known ("Sergei Lavrov")
  // How document context gave the code when the mention's own words did not: "pronoun" ("he"),
  // "description" ("the general"), "short_name" ("Lavrov"), "apposition" (the name of
  // "Vladimir Alekseyev, deputy head of ..."), "document_country" ("police" in a Tbilisi
  // story), "sentence_country" (the opposition of "Egyptian police detained opposition
  // leaders"). Empty when the words themselves name the actor.
  std::string resolution;
};

struct Trigger {
  std::string text;
  Span span;
};

struct Plover {
  std::string type;                  // e.g. "ACCUSE"; empty when CAMEO has no PLOVER equivalent
  std::string mode;                  // empty means null
  std::vector<std::string> context;
};

struct Location {
  std::string text;
  std::string name;
  std::string country;
  double lat = 0;
  double lon = 0;
  int64_t geonameid = 0;
};

struct Attribution {
  std::string text;
  Span span;
  std::string code;  // actor code of the speaker when known
};

struct Event {
  std::string event_id;  // stable: hash of doc_id, sentence, source, target, cameo
  std::string doc_id;
  int sentence = 0;      // 0-based sentence number in the document
  Span sentence_span;
  std::string evidence;  // the sentence text
  Trigger trigger;
  std::string date;      // YYYY-MM-DD, empty if unknown
  DatePrecision date_precision = DatePrecision::kNone;
  std::optional<EventActor> source;
  std::optional<EventActor> target;
  std::string cameo;        // "112"
  std::string cameo_name;   // "Accuse"
  int quad_class = 0;       // GDELT convention: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  Plover plover;
  std::optional<Location> location;
  std::optional<Attribution> attribution;
  Modality modality = Modality::kAsserted;
  std::vector<std::string> issues;  // issue codes found in the sentence (Phoenix issue coding)
  // Provenance of the code: the dictionary rule that produced it, "file:line" (the verb
  // pattern, or the verb block when its default code was used).
  std::string rule;
  // CAMEO codes some interactions twice, once from each side: "A visited B" is 042 (make a
  // visit) A->B and 043 (host a visit) B->A. The second, reverse event carries the event_id of
  // the first, so that a consumer counting interactions (PLOVER has one CONSULT for both) can
  // drop it; "" for every other event.
  std::string reciprocal_of;
};

// Serialisation of the record. ToJson() gives one line, no trailing newline.
std::string EventToJson(const Event& e);
// CSV: a fixed header and one row per event, RFC 4180 quoting.
std::string EventCsvHeader();
std::string EventToCsv(const Event& e);

}  // namespace annal

#endif  // ANNAL_EVENT_H_
