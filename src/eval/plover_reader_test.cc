#include <gtest/gtest.h>

#include "eval/suites.h"

namespace annal::eval {
namespace {

std::vector<GoldRecord> Parse(std::string_view json) {
  auto r = ParsePloverGsr(json);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().ToString());
  return r.ok() ? r.value() : std::vector<GoldRecord>();
}

TEST(PloverReaderTest, EveryGsrNameMapsToACurrentType) {
  // PLOVER 0.5b1 names occurring in PLOVER_GSR_CAMEO.txt, and the current type each gets.
  const std::pair<const char*, const char*> kCases[] = {
      {"AGREE", "AGREE"},        {"DEMAND", "REQUEST"},    {"REJECT", "REJECT"},
      {"THREATEN", "THREATEN"},  {"PROTEST", "PROTEST"},   {"COERCE", "COERCE"},
      {"FIGHT", "ASSAULT"},      {"DISAPPROVE", "ACCUSE"}, {"ASSAULT", "ASSAULT"},
      {"RETREAT", "RETREAT"},    {"SANCTION", "SANCTION"}, {"SUPPORT", "SUPPORT"},
      {"CONCEDE", "CONCEDE"},    {"CONSULT", "CONSULT"},   {"AID", "AID"},
      {"INVESTIGATE", "ACCUSE"}, {"MOBILIZE", "MOBILIZE"}, {"COOPERATE", "COOPERATE"},
      {"REQUEST", "REQUEST"},    {"ACCUSE", "ACCUSE"},     {" fight ", "ASSAULT"},
  };
  for (const auto& [gsr, current] : kCases) {
    EXPECT_EQ(PloverTypeFromGsrEvent(gsr), current) << gsr;
  }
  EXPECT_EQ(PloverTypeFromGsrEvent("DOCUMENT"), "");
  EXPECT_EQ(PloverTypeFromGsrEvent("YIELD"), "");
  EXPECT_EQ(PloverTypeFromGsrEvent(""), "");
}

constexpr std::string_view kGsr = R"json([
 {"id": "PLOVER-GSR01-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "docs"},
 {"id": "R-1", "date": "2000-01-01", "event": "DEMAND",
  "source": [{"actorText": "Sudanese rebels", "code": "SDNREB", "sector": "REB"}],
  "target": [{"actorText": "Khartoum", "code": "sdngov", "sector": "GOV"},
             {"actorText": "the UN", "code": "IGOUNO", "sector": "IGO"}],
  "text": "Sudanese rebels\n demanded that Khartoum and the UN act.",
  "textInfo": {"markup": "(SRC: Sudanese rebels) (EVT: demanded) ..."}},
 {"id": "R-2", "date": "2000-01-01", "event": "AGREE",
  "source": [{"actorText": "Hungarian", "code": "HUN", "sector": "GOV"},
             {"actorText": "Romanian", "code": "ROU", "sector": "GOV"}],
  "text": "Senior Hungarian and Romanian officials agreed.",
  "textInfo": {"markup": "Senior (SRC/TAR: Hungarian) and (SRC/TAR: Romanian) officials (EVT: agreed)."}},
 {"id": "R-3", "date": "2000-01-01", "event": "RETREAT", "target": "diplomatic",
  "source": [{"actorText": "Akayev", "code": "KGZ", "sector": "ELI"}],
  "text": "Ousted President Askar Akayev has agreed to resign.",
  "textInfo": {"markup": "(SRC: Ousted President Askar Akayev) has (EVT: agreed to resign)"}},
 {"id": "R-4", "date": "2000-01-01", "event": "FIGHT", "target": [],
  "source": [{"actorText": "U.S.", "code": "USA"}, {"actorText": "Russian", "code": "RUS"}],
  "text": "U.S. and Russian forces fought.", "textInfo": {"markup": "(SRC: U.S.) and (SRC: Russian)"}}
])json";

TEST(PloverReaderTest, RecordsAndTriples) {
  auto recs = Parse(kGsr);
  ASSERT_EQ(recs.size(), 4u);  // the DOCUMENT header is not a record
  const GoldRecord& r = recs[0];
  EXPECT_EQ(r.id, "R-1");
  EXPECT_EQ(r.date, "2000-01-01");
  EXPECT_EQ(r.category, "DEMAND");
  EXPECT_EQ(r.text, "Sudanese rebels demanded that Khartoum and the UN act.");
  // One source x two targets; codes cut to 3 letters and upper-cased; DEMAND -> REQUEST.
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0], (Triple{"SDN", "SDN", "REQUEST"}));
  EXPECT_EQ(r.events[1], (Triple{"SDN", "IGO", "REQUEST"}));
}

TEST(PloverReaderTest, SrcTarActorsWithoutTargetArePaired) {
  auto recs = Parse(kGsr);
  ASSERT_EQ(recs.size(), 4u);
  ASSERT_EQ(recs[1].events.size(), 2u);
  EXPECT_EQ(recs[1].events[0], (Triple{"HUN", "ROU", "AGREE"}));
  EXPECT_EQ(recs[1].events[1], (Triple{"ROU", "HUN", "AGREE"}));
}

TEST(PloverReaderTest, MissingTargetsGiveEmptyTargetTriples) {
  auto recs = Parse(kGsr);
  ASSERT_EQ(recs.size(), 4u);
  // A string where the list should be ("diplomatic") is no target.
  ASSERT_EQ(recs[2].events.size(), 1u);
  EXPECT_EQ(recs[2].events[0], (Triple{"KGZ", "", "RETREAT"}));
  // Two plain sources, empty target list: two triples, not paired (no SRC/TAR mark).
  ASSERT_EQ(recs[3].events.size(), 2u);
  EXPECT_EQ(recs[3].events[0], (Triple{"USA", "", "ASSAULT"}));
  EXPECT_EQ(recs[3].events[1], (Triple{"RUS", "", "ASSAULT"}));
}

TEST(PloverReaderTest, PreIsoCountryCodesAreNormalised) {
  auto recs = Parse(R"json([{"id": "S-6", "event": "SANCTION", "text": "Japan halted aid.",
    "source": [{"actorText": "Japan", "code": "JAP"}, {"actorText": "Italy", "code": "ITL"}],
    "target": [{"actorText": "Vietnamese", "code": "VTNMIL"}]}])json");
  ASSERT_EQ(recs.size(), 1u);
  ASSERT_EQ(recs[0].events.size(), 2u);
  EXPECT_EQ(recs[0].events[0], (Triple{"JPN", "VNM", "SANCTION"}));
  EXPECT_EQ(recs[0].events[1], (Triple{"ITA", "VNM", "SANCTION"}));
}

TEST(PloverReaderTest, Errors) {
  EXPECT_FALSE(ParsePloverGsr("not json").ok());
  EXPECT_FALSE(ParsePloverGsr("{\"id\": 1}").ok());
  EXPECT_FALSE(ParsePloverGsr("[]").ok());
  EXPECT_FALSE(ParsePloverGsr("[1, 2]").ok());
  auto unknown = ParsePloverGsr(R"json([{"id": "X-9", "event": "EXPLODE", "text": "t"}])json");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("X-9"), std::string::npos);
  EXPECT_NE(unknown.status().message().find("EXPLODE"), std::string::npos);
  EXPECT_FALSE(ParsePloverGsr("[{\"id\": \"a\", \"event\": \"AGREE\", \"text\": \"\xff\"}]").ok());
}

}  // namespace
}  // namespace annal::eval
