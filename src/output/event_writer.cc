// The event record as JSON Lines and CSV (doc/formats/event_record.md).
//
// Field order and names follow the record in the design document; fields annal added later
// (attribution.span, entity on both actors, issues) come after the documented ones.
#include <string>
#include <string_view>

#include "annal/event.h"
#include "output/json_writer.h"

namespace annal {
namespace {

void Key(std::string_view k, std::string* out) {
  out->push_back('"');
  out->append(k);  // keys are ASCII literals: no escaping needed
  out->append("\":");
}

// A string, or null when empty (for fields where empty means "unknown").
void StringOrNull(std::string_view s, std::string* out) {
  if (s.empty()) {
    out->append("null");
  } else {
    AppendJsonString(s, out);
  }
}

void SpanJson(const Span& s, std::string* out) {
  out->push_back('[');
  AppendInt(s.begin, out);
  out->push_back(',');
  AppendInt(s.end, out);
  out->push_back(']');
}

void StringArray(const std::vector<std::string>& v, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) out->push_back(',');
    AppendJsonString(v[i], out);
  }
  out->push_back(']');
}

void ActorJson(const std::optional<EventActor>& a, std::string* out) {
  if (!a) {
    out->append("null");
    return;
  }
  out->push_back('{');
  Key("text", out);
  AppendJsonString(a->text, out);
  out->push_back(',');
  Key("span", out);
  SpanJson(a->span, out);
  out->push_back(',');
  Key("code", out);
  StringOrNull(a->code, out);
  out->push_back(',');
  Key("country", out);
  StringOrNull(a->country, out);
  out->push_back(',');
  Key("roles", out);
  StringArray(a->roles, out);
  out->push_back(',');
  Key("entity", out);
  StringOrNull(a->entity, out);
  if (!a->resolution.empty()) {  // only for actors resolved from document context
    out->push_back(',');
    Key("resolution", out);
    AppendJsonString(a->resolution, out);
  }
  out->push_back('}');
}

void LocationJson(const std::optional<Location>& l, std::string* out) {
  if (!l) {
    out->append("null");
    return;
  }
  // A place that the gazetteer did not resolve has no id and no coordinates: null, not 0.
  const bool has_coords = l->geonameid != 0 || l->lat != 0 || l->lon != 0;
  out->push_back('{');
  Key("text", out);
  AppendJsonString(l->text, out);
  out->push_back(',');
  Key("name", out);
  AppendJsonString(l->name, out);
  out->push_back(',');
  Key("country", out);
  StringOrNull(l->country, out);
  out->push_back(',');
  Key("lat", out);
  if (has_coords) {
    AppendJsonDouble(l->lat, out);
  } else {
    out->append("null");
  }
  out->push_back(',');
  Key("lon", out);
  if (has_coords) {
    AppendJsonDouble(l->lon, out);
  } else {
    out->append("null");
  }
  out->push_back(',');
  Key("geonameid", out);
  if (l->geonameid != 0) {
    AppendInt(l->geonameid, out);
  } else {
    out->append("null");
  }
  out->push_back('}');
}

std::string JoinList(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i) s.push_back(';');
    s += v[i];
  }
  return s;
}

void CsvInt(int64_t v, std::string* out) {
  AppendInt(v, out);
  out->push_back(',');
}

void CsvString(std::string_view s, std::string* out) {
  AppendCsvField(s, out);
  out->push_back(',');
}

void CsvActor(const std::optional<EventActor>& a, std::string* out) {
  if (!a) {
    out->append(",,,,,,,");
    return;
  }
  CsvString(a->text, out);
  CsvInt(a->span.begin, out);
  CsvInt(a->span.end, out);
  CsvString(a->code, out);
  CsvString(a->country, out);
  CsvString(JoinList(a->roles), out);
  CsvString(a->entity, out);
}

}  // namespace

const char* ModalityName(Modality m) {
  switch (m) {
    case Modality::kAsserted:
      return "asserted";
    case Modality::kClaimed:
      return "claimed";
    case Modality::kHedged:
      return "hedged";
    case Modality::kNegated:
      return "negated";
    case Modality::kHypothetical:
      return "hypothetical";
    case Modality::kFuture:
      return "future";
  }
  return "asserted";  // unreachable for valid enum values
}

const char* DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kWeek:
      return "week";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kNone:
      break;
  }
  return "";  // kNone: written as null
}

std::string EventToJson(const Event& e) {
  std::string out;
  out.reserve(512 + e.evidence.size());
  out.push_back('{');
  Key("event_id", &out);
  AppendJsonString(e.event_id, &out);
  out.push_back(',');
  Key("doc_id", &out);
  AppendJsonString(e.doc_id, &out);
  out.push_back(',');
  Key("sentence", &out);
  AppendInt(e.sentence, &out);
  out.push_back(',');
  Key("sentence_span", &out);
  SpanJson(e.sentence_span, &out);
  out.push_back(',');
  Key("evidence", &out);
  AppendJsonString(e.evidence, &out);
  out.push_back(',');
  Key("trigger", &out);
  out.push_back('{');
  Key("text", &out);
  AppendJsonString(e.trigger.text, &out);
  out.push_back(',');
  Key("span", &out);
  SpanJson(e.trigger.span, &out);
  out.append("},");
  Key("date", &out);
  StringOrNull(e.date, &out);
  out.push_back(',');
  Key("date_precision", &out);
  StringOrNull(DatePrecisionName(e.date_precision), &out);
  out.push_back(',');
  Key("source", &out);
  ActorJson(e.source, &out);
  out.push_back(',');
  Key("target", &out);
  ActorJson(e.target, &out);
  out.push_back(',');
  Key("cameo", &out);
  AppendJsonString(e.cameo, &out);
  out.push_back(',');
  Key("cameo_name", &out);
  StringOrNull(e.cameo_name, &out);
  out.push_back(',');
  Key("quad_class", &out);
  AppendInt(e.quad_class, &out);
  out.push_back(',');
  Key("goldstein", &out);
  AppendJsonDouble(e.goldstein, &out);
  out.push_back(',');
  Key("plover", &out);
  out.push_back('{');
  Key("type", &out);
  StringOrNull(e.plover.type, &out);
  out.push_back(',');
  Key("mode", &out);
  StringOrNull(e.plover.mode, &out);
  out.push_back(',');
  Key("context", &out);
  StringArray(e.plover.context, &out);
  out.append("},");
  Key("location", &out);
  LocationJson(e.location, &out);
  out.push_back(',');
  Key("attribution", &out);
  if (e.attribution) {
    out.push_back('{');
    Key("text", &out);
    AppendJsonString(e.attribution->text, &out);
    out.push_back(',');
    Key("code", &out);
    StringOrNull(e.attribution->code, &out);
    out.push_back(',');
    Key("span", &out);
    SpanJson(e.attribution->span, &out);
    out.push_back('}');
  } else {
    out.append("null");
  }
  out.push_back(',');
  Key("modality", &out);
  AppendJsonString(ModalityName(e.modality), &out);
  out.push_back(',');
  Key("issues", &out);
  StringArray(e.issues, &out);
  out.push_back(',');
  Key("rule", &out);
  if (e.rule.empty()) {
    out.append("null");
  } else {
    AppendJsonString(e.rule, &out);
  }
  out.push_back(',');
  Key("reciprocal_of", &out);
  StringOrNull(e.reciprocal_of, &out);
  out.push_back('}');
  return out;
}

std::string EventCsvHeader() {
  return "event_id,doc_id,sentence,sentence_begin,sentence_end,date,date_precision,"
         "source_text,source_begin,source_end,source_code,source_country,source_roles,"
         "source_entity,"
         "target_text,target_begin,target_end,target_code,target_country,target_roles,"
         "target_entity,"
         "cameo,cameo_name,quad_class,goldstein,plover_type,plover_mode,plover_context,"
         "trigger_text,trigger_begin,trigger_end,"
         "location_text,location_name,location_country,location_lat,location_lon,"
         "location_geonameid,"
         "attribution_text,attribution_begin,attribution_end,attribution_code,"
         "modality,issues,reciprocal_of,evidence";
}

std::string EventToCsv(const Event& e) {
  std::string out;
  out.reserve(384 + e.evidence.size());
  CsvString(e.event_id, &out);
  CsvString(e.doc_id, &out);
  CsvInt(e.sentence, &out);
  CsvInt(e.sentence_span.begin, &out);
  CsvInt(e.sentence_span.end, &out);
  CsvString(e.date, &out);
  CsvString(DatePrecisionName(e.date_precision), &out);
  CsvActor(e.source, &out);
  CsvActor(e.target, &out);
  CsvString(e.cameo, &out);
  CsvString(e.cameo_name, &out);
  CsvInt(e.quad_class, &out);
  AppendJsonDouble(e.goldstein, &out);  // same number format as the JSON record
  out.push_back(',');
  CsvString(e.plover.type, &out);
  CsvString(e.plover.mode, &out);
  CsvString(JoinList(e.plover.context), &out);
  CsvString(e.trigger.text, &out);
  CsvInt(e.trigger.span.begin, &out);
  CsvInt(e.trigger.span.end, &out);
  if (e.location) {
    const Location& l = *e.location;
    const bool has_coords = l.geonameid != 0 || l.lat != 0 || l.lon != 0;
    CsvString(l.text, &out);
    CsvString(l.name, &out);
    CsvString(l.country, &out);
    if (has_coords) {
      AppendJsonDouble(l.lat, &out);
      out.push_back(',');
      AppendJsonDouble(l.lon, &out);
      out.push_back(',');
    } else {
      out.append(",,");
    }
    if (l.geonameid != 0) AppendInt(l.geonameid, &out);
    out.push_back(',');
  } else {
    out.append(",,,,,,");
  }
  if (e.attribution) {
    CsvString(e.attribution->text, &out);
    CsvInt(e.attribution->span.begin, &out);
    CsvInt(e.attribution->span.end, &out);
    CsvString(e.attribution->code, &out);
  } else {
    out.append(",,,,");
  }
  CsvString(ModalityName(e.modality), &out);
  CsvString(JoinList(e.issues), &out);
  CsvString(e.reciprocal_of, &out);
  AppendCsvField(e.evidence, &out);
  return out;
}

}  // namespace annal
