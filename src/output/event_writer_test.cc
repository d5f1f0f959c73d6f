#include <gtest/gtest.h>
#include <xxhash.h>

#include <cstdio>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "annal/event.h"
#include "output/cameo_codebook.h"
#include "output/event_fields.h"
#include "output/event_id.h"
#include "output/json_writer.h"
#include "output/plover_table.h"

namespace annal {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

// The design document's example record.
Event FullEvent() {
  Event e;
  e.doc_id = "a1";
  e.sentence = 3;
  e.sentence_span = {120, 233};
  e.evidence = "Russian Foreign Minister Sergei Lavrov accused Ukraine of \"provocations\".";
  e.trigger = {"accused", {161, 168}};
  e.date = "2026-02-06";
  e.date_precision = DatePrecision::kDay;
  e.source = EventActor{"Russian Foreign Minister Sergei Lavrov",
                        {120, 158},
                        "RUSGOV",
                        "RUS",
                        {"GOV"},
                        "Sergei Lavrov", ""};
  e.target = EventActor{"Ukraine", {169, 176}, "UKR", "UKR", {}, "", ""};
  e.cameo = "112";
  e.location = Location{"Moscow", "Moscow", "RUS", 55.75, 37.62, 524901};
  e.attribution = Attribution{"the Kremlin", {240, 251}, "RUSGOV"};
  e.modality = Modality::kClaimed;
  e.issues = {"SECURITY", "NUCLEAR"};
  e.rule = "CAMEO.verbpatterns.150430.txt:9065";
  FillCodeFields(CameoCodebook::Embedded(), PloverTable::Embedded(), &e);
  e.event_id = MakeEventId(e.doc_id, e.sentence, e.source->code, e.target->code, e.cameo,
                           e.trigger.span.begin);
  return e;
}

TEST(EventWriterTest, JsonRoundTripsEveryField) {
  Event e = FullEvent();
  std::string line = EventToJson(e);
  EXPECT_EQ(line.find('\n'), std::string::npos);
  ordered_json j = ordered_json::parse(line);
  // Field order is the record's contract.
  std::vector<std::string> keys;
  for (auto& [k, v] : j.items()) keys.push_back(k);
  EXPECT_EQ(keys,
            (std::vector<std::string>{"event_id", "doc_id", "sentence", "sentence_span", "evidence",
                                      "trigger", "date", "date_precision", "source", "target",
                                      "cameo", "cameo_name", "quad_class", "goldstein", "plover",
                                      "location", "attribution", "modality", "issues", "rule",
                                      "reciprocal_of"}));
  EXPECT_EQ(j["event_id"], e.event_id);
  EXPECT_EQ(j["event_id"].get<std::string>().size(), 16u);
  EXPECT_EQ(j["doc_id"], "a1");
  EXPECT_EQ(j["sentence"], 3);
  EXPECT_EQ(j["sentence_span"], json::array({120, 233}));
  EXPECT_EQ(j["evidence"], e.evidence);
  EXPECT_EQ(j["trigger"]["text"], "accused");
  EXPECT_EQ(j["trigger"]["span"], json::array({161, 168}));
  EXPECT_EQ(j["date"], "2026-02-06");
  EXPECT_EQ(j["date_precision"], "day");
  const auto& src = j["source"];
  EXPECT_EQ(src["text"], "Russian Foreign Minister Sergei Lavrov");
  EXPECT_EQ(src["span"], json::array({120, 158}));
  EXPECT_EQ(src["code"], "RUSGOV");
  EXPECT_EQ(src["country"], "RUS");
  EXPECT_EQ(src["roles"], json::array({"GOV"}));
  EXPECT_EQ(src["entity"], "Sergei Lavrov");
  const auto& tgt = j["target"];
  EXPECT_EQ(tgt["code"], "UKR");
  EXPECT_EQ(tgt["roles"], json::array());
  EXPECT_TRUE(tgt["entity"].is_null());
  EXPECT_EQ(j["cameo"], "112");
  EXPECT_EQ(j["cameo_name"], "Accuse");
  EXPECT_EQ(j["quad_class"], 3);
  EXPECT_TRUE(j["goldstein"].is_number_float());
  EXPECT_DOUBLE_EQ(j["goldstein"].get<double>(), -2.0);
  EXPECT_NE(line.find("\"goldstein\":-2.0,"), std::string::npos);
  EXPECT_EQ(j["plover"]["type"], "ACCUSE");
  EXPECT_EQ(j["plover"]["mode"], "disapprove");
  EXPECT_EQ(j["plover"]["context"], json::array());
  EXPECT_EQ(j["location"]["text"], "Moscow");
  EXPECT_EQ(j["location"]["name"], "Moscow");
  EXPECT_EQ(j["location"]["country"], "RUS");
  EXPECT_DOUBLE_EQ(j["location"]["lat"].get<double>(), 55.75);
  EXPECT_DOUBLE_EQ(j["location"]["lon"].get<double>(), 37.62);
  EXPECT_EQ(j["location"]["geonameid"], 524901);
  EXPECT_EQ(j["attribution"]["text"], "the Kremlin");
  EXPECT_EQ(j["attribution"]["code"], "RUSGOV");
  EXPECT_EQ(j["attribution"]["span"], json::array({240, 251}));
  EXPECT_EQ(j["modality"], "claimed");
  EXPECT_EQ(j["issues"], json::array({"SECURITY", "NUCLEAR"}));
  EXPECT_EQ(j["rule"], "CAMEO.verbpatterns.150430.txt:9065");
}

TEST(EventWriterTest, AbsentPartsAreNull) {
  Event e;
  e.doc_id = "d";
  e.cameo = "190";
  FillCodeFields(CameoCodebook::Embedded(), PloverTable::Embedded(), &e);
  json j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["source"].is_null());
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_TRUE(j["location"].is_null());
  EXPECT_TRUE(j["attribution"].is_null());
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["date_precision"].is_null());
  EXPECT_TRUE(j["plover"]["mode"].is_null());  // 190 has a type and no mode
  EXPECT_EQ(j["plover"]["type"], "ASSAULT");
  EXPECT_EQ(j["plover"]["context"], json::array({"military"}));
  EXPECT_EQ(j["modality"], "asserted");
  EXPECT_EQ(j["issues"], json::array());
  EXPECT_TRUE(j["rule"].is_null());
  EXPECT_TRUE(j["reciprocal_of"].is_null());

  // An unresolved place: no coordinates or id rather than a fake (0, 0).
  e.location = Location{"the border town", "", "", 0, 0, 0};
  j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["location"]["lat"].is_null());
  EXPECT_TRUE(j["location"]["geonameid"].is_null());
  EXPECT_TRUE(j["location"]["country"].is_null());

  // A statement (01) has no PLOVER type.
  e.cameo = "010";
  FillCodeFields(CameoCodebook::Embedded(), PloverTable::Embedded(), &e);
  j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["plover"]["type"].is_null());
  EXPECT_EQ(j["quad_class"], 1);
}

TEST(EventWriterTest, NamesOfEnums) {
  EXPECT_STREQ(ModalityName(Modality::kAsserted), "asserted");
  EXPECT_STREQ(ModalityName(Modality::kClaimed), "claimed");
  EXPECT_STREQ(ModalityName(Modality::kHedged), "hedged");
  EXPECT_STREQ(ModalityName(Modality::kNegated), "negated");
  EXPECT_STREQ(ModalityName(Modality::kHypothetical), "hypothetical");
  EXPECT_STREQ(ModalityName(Modality::kFuture), "future");
  EXPECT_STREQ(DatePrecisionName(DatePrecision::kDay), "day");
  EXPECT_STREQ(DatePrecisionName(DatePrecision::kWeek), "week");
  EXPECT_STREQ(DatePrecisionName(DatePrecision::kMonth), "month");
  EXPECT_STREQ(DatePrecisionName(DatePrecision::kYear), "year");
  EXPECT_STREQ(DatePrecisionName(DatePrecision::kNone), "");
  Event e;
  e.date = "2026-02";
  e.date_precision = DatePrecision::kMonth;
  e.modality = Modality::kNegated;
  json j = json::parse(EventToJson(e));
  EXPECT_EQ(j["date_precision"], "month");
  EXPECT_EQ(j["modality"], "negated");
}

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST(JsonWriterTest, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Escaped("plain"), "\"plain\"");
  EXPECT_EQ(Escaped("say \"no\""), "\"say \\\"no\\\"\"");
  EXPECT_EQ(Escaped("a\\b"), "\"a\\\\b\"");
  EXPECT_EQ(Escaped("l1\nl2\r\tx"), "\"l1\\nl2\\r\\tx\"");
  EXPECT_EQ(Escaped(std::string("\b\f\x01\x1f", 4)), "\"\\b\\f\\u0001\\u001f\"");
  EXPECT_EQ(Escaped(std::string("nul\0byte", 8)), "\"nul\\u0000byte\"");
  EXPECT_EQ(Escaped(""), "\"\"");
}

TEST(JsonWriterTest, PassesValidUtf8AndReplacesInvalidBytes) {
  const std::string valid =
      "Kyiv \xE2\x80\x94 \xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2 \xF0\x9F\x98\x80 caf\xC3\xA9";
  EXPECT_EQ(Escaped(valid), "\"" + valid + "\"");
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(Escaped("a\xFFz"), "\"a" + fffd + "z\"");                    // never valid
  EXPECT_EQ(Escaped("a\x80z"), "\"a" + fffd + "z\"");                    // stray continuation
  EXPECT_EQ(Escaped("\xC0\xAF"), "\"" + fffd + fffd + "\"");             // overlong '/'
  EXPECT_EQ(Escaped("\xED\xA0\x80"), "\"" + fffd + fffd + fffd + "\"");  // surrogate
  EXPECT_EQ(Escaped("\xF4\x90\x80\x80"), "\"" + fffd + fffd + fffd + fffd + "\"");  // > 10FFFF
  EXPECT_EQ(Escaped("end\xE2\x80"), "\"end" + fffd + fffd + "\"");  // truncated at the end
  // Whatever the bytes, a strict parser accepts the result and gets the valid text back.
  std::string messy = "x\"\n\x07\xC3\xA9\xFE\xE2\x82\xAC";
  for (int c = 0; c < 256; ++c) messy.push_back(static_cast<char>(c));
  json j = json::parse(Escaped(messy));
  EXPECT_EQ(j.get<std::string>().substr(0, 6), "x\"\n\x07\xC3\xA9");
  // Through the event too.
  Event e;
  e.evidence = messy;
  e.doc_id = "q\"uote\\";
  json ev = json::parse(EventToJson(e));
  EXPECT_EQ(ev["doc_id"], "q\"uote\\");
}

TEST(JsonWriterTest, Numbers) {
  auto d = [](double v) {
    std::string s;
    AppendJsonDouble(v, &s);
    return s;
  };
  EXPECT_EQ(d(-2.0), "-2.0");
  EXPECT_EQ(d(0.0), "0.0");
  EXPECT_EQ(d(3.4), "3.4");
  EXPECT_EQ(d(55.75), "55.75");
  EXPECT_EQ(d(-10), "-10.0");
  EXPECT_EQ(d(1e300), "1e+300");
  EXPECT_EQ(d(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(d(std::numeric_limits<double>::infinity()), "null");
  std::string i;
  AppendInt(-42, &i);
  EXPECT_EQ(i, "-42");
}

// Splits one RFC 4180 record (no embedded newlines handled beyond quoting) into fields.
std::vector<std::string> ParseCsvRecord(std::string_view s) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"' && i + 1 < s.size() && s[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back().push_back(c);
    }
  }
  return fields;
}

TEST(EventWriterTest, CsvRowMatchesHeaderAndQuotes) {
  Event e = FullEvent();
  e.evidence = "He said, \"no\"\nand left.";
  std::vector<std::string> header = ParseCsvRecord(EventCsvHeader());
  std::vector<std::string> row = ParseCsvRecord(EventToCsv(e));
  ASSERT_EQ(header.size(), row.size());
  std::map<std::string, std::string> m;
  for (size_t i = 0; i < header.size(); ++i) m[header[i]] = row[i];
  EXPECT_EQ(m["event_id"], e.event_id);
  EXPECT_EQ(m["sentence_begin"], "120");
  EXPECT_EQ(m["source_code"], "RUSGOV");
  EXPECT_EQ(m["source_roles"], "GOV");
  EXPECT_EQ(m["target_text"], "Ukraine");
  EXPECT_EQ(m["cameo"], "112");
  EXPECT_EQ(m["goldstein"], "-2.0");
  EXPECT_EQ(m["plover_type"], "ACCUSE");
  EXPECT_EQ(m["location_geonameid"], "524901");
  EXPECT_EQ(m["attribution_code"], "RUSGOV");
  EXPECT_EQ(m["modality"], "claimed");
  EXPECT_EQ(m["issues"], "SECURITY;NUCLEAR");
  EXPECT_EQ(m["reciprocal_of"], "");
  EXPECT_EQ(m["evidence"], e.evidence);
  EXPECT_NE(EventToCsv(e).find("\"He said, \"\"no\"\"\nand left.\""), std::string::npos);

  Event empty;
  std::vector<std::string> row2 = ParseCsvRecord(EventToCsv(empty));
  ASSERT_EQ(row2.size(), header.size());

  std::string f;
  AppendCsvField("plain", &f);
  EXPECT_EQ(f, "plain");
  f.clear();
  AppendCsvField("a,b", &f);
  EXPECT_EQ(f, "\"a,b\"");
  f.clear();
  AppendCsvField(" padded", &f);
  EXPECT_EQ(f, "\" padded\"");
  f.clear();
  AppendCsvField("line\r\nbreak", &f);
  EXPECT_EQ(f, "\"line\r\nbreak\"");
}

TEST(EventIdTest, StableAndDocumentedLayout) {
  std::string id = MakeEventId("a1", 3, "RUSGOV", "UKR", "112", 161);
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(id, MakeEventId("a1", 3, "RUSGOV", "UKR", "112", 161));
  // The layout written in doc/formats/event_record.md, hashed independently.
  const std::string key = "2:a1|3|6:RUSGOV|3:UKR|3:112|161";
  char expect[17];
  std::snprintf(expect, sizeof(expect), "%016llx",
                static_cast<unsigned long long>(XXH3_64bits(key.data(), key.size())));
  EXPECT_EQ(id, expect);
  EXPECT_EQ(id, "90ea581a086aeda0");  // the example in doc/formats/event_record.md
  // Every input matters.
  EXPECT_NE(id, MakeEventId("a2", 3, "RUSGOV", "UKR", "112", 161));
  EXPECT_NE(id, MakeEventId("a1", 4, "RUSGOV", "UKR", "112", 161));
  EXPECT_NE(id, MakeEventId("a1", 3, "UKR", "RUSGOV", "112", 161));
  EXPECT_NE(id, MakeEventId("a1", 3, "RUSGOV", "UKR", "111", 161));
  EXPECT_NE(id, MakeEventId("a1", 3, "RUSGOV", "UKR", "112", 162));
  // Length prefixes keep field boundaries: moving bytes between fields changes the id.
  EXPECT_NE(MakeEventId("a", 1, "BC", "", "112", 0), MakeEventId("a", 1, "B", "C", "112", 0));
  EXPECT_EQ(MakeEventId("", 0, "", "", "", 0).size(), 16u);
}

TEST(EventFieldsTest, FillsFromCodeWithPrefixFallback) {
  const CameoCodebook& book = CameoCodebook::Embedded();
  const PloverTable& plover = PloverTable::Embedded();
  Event e;
  e.cameo = "1123";
  FillCodeFields(book, plover, &e);
  EXPECT_EQ(e.cameo_name, "Accuse of aggression");
  EXPECT_EQ(e.quad_class, 3);
  EXPECT_DOUBLE_EQ(e.goldstein, -2.0);
  EXPECT_EQ(e.plover.type, "ACCUSE");
  EXPECT_EQ(e.plover.mode, "allege");
  EXPECT_EQ(e.plover.context, std::vector<std::string>{"military"});

  e.cameo = "1952";  // later CAMEO extension: takes 195's values, code kept as given
  FillCodeFields(book, plover, &e);
  EXPECT_EQ(e.cameo, "1952");
  EXPECT_EQ(e.cameo_name, "Employ aerial weapons");
  EXPECT_DOUBLE_EQ(e.goldstein, -10.0);
  EXPECT_EQ(e.quad_class, 4);
  EXPECT_EQ(e.plover.type, "ASSAULT");

  e.cameo = "---";
  FillCodeFields(book, plover, &e);
  EXPECT_EQ(e.cameo_name, "");
  EXPECT_EQ(e.quad_class, 0);
  EXPECT_DOUBLE_EQ(e.goldstein, 0);
  EXPECT_EQ(e.plover.type, "");
  EXPECT_TRUE(e.plover.context.empty());
}

// A floor far below the measured rate (bench/event_writer_bench.cc) so a shared, loaded machine
// does not make it flaky, but a quadratic or allocation-heavy writer fails it.
}  // namespace
}  // namespace annal
