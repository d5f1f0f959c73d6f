#include "eval/runner.h"

#include <gtest/gtest.h>

namespace annal::eval {
namespace {

EventActor Actor(std::string code, std::string country) {
  EventActor a;
  a.code = std::move(code);
  a.country = std::move(country);
  return a;
}

Event MakeEvent(std::optional<EventActor> source, std::optional<EventActor> target,
                std::string cameo, std::string plover, Modality modality = Modality::kAsserted) {
  Event e;
  e.source = std::move(source);
  e.target = std::move(target);
  e.cameo = std::move(cameo);
  e.plover.type = std::move(plover);
  e.modality = modality;
  return e;
}

TEST(RunnerTest, CameoTriplesKeepOnlyAssertedAndClaimedEvents) {
  std::vector<Event> events = {
      MakeEvent(Actor("RUSGOV", "RUS"), Actor("UKR", "UKR"), "112", "ACCUSE"),
      MakeEvent(Actor("USA", "USA"), Actor("CHN", "CHN"), "042", "CONSULT", Modality::kClaimed),
      MakeEvent(Actor("ISR", "ISR"), Actor("PSE", "PSE"), "190", "ASSAULT", Modality::kNegated),
      MakeEvent(Actor("ISR", "ISR"), Actor("PSE", "PSE"), "190", "ASSAULT", Modality::kHedged),
      MakeEvent(Actor("ISR", "ISR"), Actor("PSE", "PSE"), "190", "ASSAULT", Modality::kFuture),
      MakeEvent(Actor("ISR", "ISR"), Actor("PSE", "PSE"), "190", "ASSAULT",
                Modality::kHypothetical),
      MakeEvent(Actor(" ARN ", ""), std::nullopt, " 064", ""),
  };
  auto exact = PredictedTriples(events, TripleMode::kCameoExact, ModalityPolicy::kRealisedOnly);
  ASSERT_EQ(exact.size(), 3u);
  EXPECT_EQ(exact[0], (Triple{"RUSGOV", "UKR", "112"}));
  EXPECT_EQ(exact[1], (Triple{"USA", "CHN", "042"}));
  EXPECT_EQ(exact[2], (Triple{" ARN ", "---", " 064"}));  // TABARI compares exactly
  auto stripped =
      PredictedTriples(events, TripleMode::kCameoStripped, ModalityPolicy::kRealisedOnly);
  ASSERT_EQ(stripped.size(), 3u);
  EXPECT_EQ(stripped[2], (Triple{"ARN", "---", "064"}));
}

TEST(RunnerTest, AllButNegatedPolicyKeepsUnrealisedEvents) {
  std::vector<Event> events = {
      MakeEvent(Actor("ARN", "ARN"), Actor("GON", "GON"), "064", "COOPERATE", Modality::kFuture),
      MakeEvent(Actor("ARN", "ARN"), Actor("GON", "GON"), "036", "AGREE", Modality::kHedged),
      MakeEvent(Actor("ARN", "ARN"), Actor("GON", "GON"), "190", "ASSAULT",
                Modality::kHypothetical),
      MakeEvent(Actor("ARN", "ARN"), Actor("GON", "GON"), "190", "ASSAULT", Modality::kNegated),
      MakeEvent(Actor("ARN", "ARN"), Actor("GON", "GON"), "042", "CONSULT"),
  };
  EXPECT_EQ(
      PredictedTriples(events, TripleMode::kCameoExact, ModalityPolicy::kRealisedOnly).size(),
      1u);
  auto all = PredictedTriples(events, TripleMode::kCameoExact);  // the default policy
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[0].code, "064");
  EXPECT_EQ(all[3].code, "042");
  EXPECT_TRUE(
      SuiteCoderOptions(Suite::kPetr2Gsr, "/s", CoderOptions(), ModalityPolicy::kAllButNegated)
          .emit_unrealised_events);
}

TEST(RunnerTest, PloverTriplesUseCountryThenCodePrefix) {
  std::vector<Event> events = {
      MakeEvent(Actor("RUSGOV", "RUS"), Actor("IGOUNO", ""), "112", "ACCUSE"),
      MakeEvent(Actor("hunmil", ""), Actor("KSV", "KSV"), "190", "ASSAULT"),
      MakeEvent(Actor("USA", "USA"), Actor("CHN", "CHN"), "010", ""),  // no PLOVER type
  };
  auto t = PredictedTriples(events, TripleMode::kPloverCountry);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0], (Triple{"RUS", "IGO", "ACCUSE"}));
  EXPECT_EQ(t[1], (Triple{"HUN", "KSV", "ASSAULT"}));
}

TEST(RunnerTest, PloverTriplesCountAPairedCodeOnce) {
  // "Taiwan visited Russia": 042 TWN->RUS and its reverse 043 RUS->TWN, both CONSULT in PLOVER.
  std::vector<Event> events = {
      MakeEvent(Actor("TWN", "TWN"), Actor("RUS", "RUS"), "042", "CONSULT"),
      MakeEvent(Actor("RUS", "RUS"), Actor("TWN", "TWN"), "043", "CONSULT"),
      MakeEvent(Actor("ISR", "ISR"), Actor("LBN", "LBN"), "0874", "RETREAT"),
      MakeEvent(Actor("LBN", "LBN"), Actor("ISR", "ISR"), "0XX", "CONCEDE"),
  };
  events[0].event_id = "visit";
  events[1].event_id = "host";
  events[1].reciprocal_of = "visit";
  events[2].event_id = "withdraw";
  events[3].event_id = "other";
  events[3].reciprocal_of = "withdraw";  // another PLOVER type: still its own event
  auto t = PredictedTriples(events, TripleMode::kPloverCountry);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0], (Triple{"TWN", "RUS", "CONSULT"}));
  EXPECT_EQ(t[1], (Triple{"ISR", "LBN", "RETREAT"}));
  EXPECT_EQ(t[2], (Triple{"LBN", "ISR", "CONCEDE"}));
  // CAMEO suites count both sides, as CAMEO codes them.
  EXPECT_EQ(PredictedTriples(events, TripleMode::kCameoExact).size(), 4u);
}

TEST(RunnerTest, NormalizeGoldTrimsOnlyInStrippedMode) {
  std::vector<Triple> gold = {Triple{" A", "B ", " 010 "}};
  EXPECT_EQ(NormalizeGold(gold, TripleMode::kCameoStripped)[0], (Triple{"A", "B", "010"}));
  EXPECT_EQ(NormalizeGold(gold, TripleMode::kCameoExact)[0], gold[0]);
  // PETRARCH's "---EDU" (an agent with no country) is annal's "EDU".
  EXPECT_EQ(NormalizeGold({Triple{"RUSCOP", "---EDU", "173"}}, TripleMode::kCameoStripped)[0],
            (Triple{"RUSCOP", "EDU", "173"}));
  // The PLOVER GSR's JAP is Japan (JPN); SCG and SRB both mean Serbia.
  EXPECT_EQ(NormalizeGold({Triple{"JAP", "SCG", "AGREE"}}, TripleMode::kPloverCountry)[0],
            (Triple{"JPN", "SRB", "AGREE"}));
}

TEST(RunnerTest, SuiteOptions) {
  CoderOptions base;
  base.data_dir = "/data";
  base.compiled_dictionary = "x.annaldict";
  CoderOptions tabari = SuiteCoderOptions(Suite::kTabariValidate, "/shared", base);
  EXPECT_FALSE(tabari.english_only);
  EXPECT_FALSE(tabari.emit_partial_events);
  EXPECT_TRUE(tabari.emit_unrealised_events);  // default policy: all but negated
  EXPECT_FALSE(SuiteCoderOptions(Suite::kTabariValidate, "/shared", base,
                                 ModalityPolicy::kRealisedOnly)
                   .emit_unrealised_events);
  EXPECT_EQ(tabari.data_dir, "/data");
  EXPECT_TRUE(tabari.compiled_dictionary.empty());
  ASSERT_EQ(tabari.dictionary_files.verbs.size(), 1u);
  EXPECT_EQ(tabari.dictionary_files.verbs[0], "/shared/data/peers/TABARI-Code/TABARI.Demo.verbs");
  EXPECT_EQ(tabari.dictionary_files.actors[0], "/shared/data/peers/TABARI-Code/TABARI.Demo.actors");
  EXPECT_EQ(tabari.dictionary_files.agents[0], "/shared/data/peers/TABARI-Code/Validate.agents");
  EXPECT_EQ(tabari.dictionary_files.options[0], "/shared/data/peers/TABARI-Code/Validate.options");

  CoderOptions petr = SuiteCoderOptions(Suite::kPetrUnitTest, "/shared", base);
  EXPECT_EQ(petr.dictionary_files.discards[0],
            "/shared/data/peers/petrarch2/PETR.Validate.discards.txt");

  CoderOptions plover = SuiteCoderOptions(Suite::kPloverGsr, "/shared", base);
  EXPECT_TRUE(plover.dictionary_files.empty());
  EXPECT_EQ(plover.compiled_dictionary, "x.annaldict");  // default dictionaries untouched
  EXPECT_FALSE(plover.emit_partial_events);
  EXPECT_TRUE(SuiteCoderOptions(Suite::kPetr2Gsr, "/s").dictionary_files.empty());
}

TEST(RunnerTest, SuiteNamesAndOrder) {
  const auto& all = AllSuites();
  ASSERT_EQ(all.size(), 4u);
  EXPECT_STREQ(all[0].name, "TABARI_VALIDATE");
  EXPECT_STREQ(all[1].name, "PETR_UNITTEST");
  EXPECT_STREQ(all[2].name, "PLOVER_GSR");
  EXPECT_STREQ(all[3].name, "PETR2_GSR");
  EXPECT_EQ(SuiteFromName("plover_gsr"), Suite::kPloverGsr);
  EXPECT_EQ(SuiteFromName("NOPE"), std::nullopt);
  EXPECT_EQ(SuiteGoldPath(Suite::kPetr2Gsr, "/s"),
            "/s/data/peers/UniversalPetrarch/PETR2_GSR_validation.xml");
}

// Whatever the coder predicts, the report counts the gold side of scored records only.
TEST(RunnerTest, RunSuiteScoresOnlyScoredRecords) {
  auto coder = Coder::Open(SuiteCoderOptions(Suite::kPloverGsr, "/nonexistent"));
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  std::vector<GoldRecord> gold(3);
  gold[0].id = "a";
  gold[0].date = "2000-01-01";
  gold[0].text = "Russia accused Ukraine of shelling the city.";
  gold[0].events = {Triple{"RUS", "UKR", "ACCUSE"}};
  gold[0].category = "DISAPPROVE";
  gold[1].id = "b";
  gold[1].text = "Nothing happened.";
  gold[2].id = "c";
  gold[2].text = "Not checked.";
  gold[2].events = {Triple{"X", "Y", "AID"}, Triple{"Y", "X", "AID"}};
  gold[2].scored = false;
  RunOptions options;
  options.max_examples_per_kind = 2;
  SuiteReport report = RunSuite(**coder, Suite::kPloverGsr, gold, options);
  EXPECT_EQ(report.name, "PLOVER_GSR");
  EXPECT_EQ(report.records_read, 3);
  EXPECT_EQ(report.records_scored, 2);
  EXPECT_EQ(report.score.gold, 1);
  EXPECT_EQ(report.score.records, 2);
  ASSERT_EQ(report.records.size(), 2u);
  EXPECT_EQ(report.records[0].id, "a");
  EXPECT_EQ(report.records[0].category, "DISAPPROVE");
  EXPECT_EQ(report.records[0].gold, gold[0].events);
  EXPECT_EQ(report.records[1].id, "b");
  EXPECT_LE(report.score.matched, 1);
  EXPECT_LE(report.examples[static_cast<int>(ErrorKind::kExtra)].size(), 2u);
}

}  // namespace
}  // namespace annal::eval
