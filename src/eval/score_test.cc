#include "eval/score.h"

#include <gtest/gtest.h>

namespace annal::eval {
namespace {

Triple T(const char* s, const char* t, const char* c) { return Triple{s, t, c}; }

GoldRecord Record(std::string id, std::vector<Triple> events, bool open_ended = false) {
  GoldRecord r;
  r.id = std::move(id);
  r.text = "text of " + r.id;
  r.events = std::move(events);
  r.open_ended = open_ended;
  return r;
}

int Count(const RecordComparison& c, ErrorKind kind) {
  int n = 0;
  for (const TripleError& e : c.errors) n += e.kind == kind ? 1 : 0;
  return n;
}

TEST(ScoreTest, ExactMatch) {
  auto c = CompareTriples({T("A", "B", "010"), T("B", "A", "020")},
                          {T("B", "A", "020"), T("A", "B", "010")}, false);
  EXPECT_EQ(c.gold, 2);
  EXPECT_EQ(c.predicted, 2);
  EXPECT_EQ(c.matched, 2);
  EXPECT_TRUE(c.errors.empty());
  EXPECT_TRUE(c.correct);
}

TEST(ScoreTest, MultisetMatching) {
  // Predicted twice, expected once: one match, one extra.
  auto c = CompareTriples({T("A", "B", "010")}, {T("A", "B", "010"), T("A", "B", "010")}, false);
  EXPECT_EQ(c.matched, 1);
  EXPECT_EQ(c.predicted, 2);
  EXPECT_EQ(Count(c, ErrorKind::kExtra), 1);
  EXPECT_FALSE(c.correct);
  // Expected twice, predicted once: one match, one missed.
  auto d = CompareTriples({T("A", "B", "010"), T("A", "B", "010")}, {T("A", "B", "010")}, false);
  EXPECT_EQ(d.matched, 1);
  EXPECT_EQ(Count(d, ErrorKind::kMissed), 1);
  EXPECT_FALSE(d.correct);
}

TEST(ScoreTest, NearMissesAreClassified) {
  auto c = CompareTriples(
      {T("A", "B", "010"), T("C", "D", "020"), T("E", "F", "030"), T("G", "H", "040")},
      {T("A", "B", "011"), T("C", "X", "020"), T("Y", "F", "030"), T("P", "Q", "050")}, false);
  EXPECT_EQ(c.matched, 0);
  EXPECT_EQ(Count(c, ErrorKind::kWrongCode), 1);
  EXPECT_EQ(Count(c, ErrorKind::kWrongTarget), 1);
  EXPECT_EQ(Count(c, ErrorKind::kWrongSource), 1);
  EXPECT_EQ(Count(c, ErrorKind::kMissed), 1);  // G H 040
  EXPECT_EQ(Count(c, ErrorKind::kExtra), 1);   // P Q 050
  for (const TripleError& e : c.errors) {
    if (e.kind == ErrorKind::kWrongCode) {
      EXPECT_EQ(*e.gold, T("A", "B", "010"));
      EXPECT_EQ(*e.predicted, T("A", "B", "011"));
    }
    if (e.kind == ErrorKind::kMissed) {
      EXPECT_FALSE(e.predicted.has_value());
    }
    if (e.kind == ErrorKind::kExtra) {
      EXPECT_FALSE(e.gold.has_value());
    }
  }
  EXPECT_EQ(c.predicted, 4);
}

TEST(ScoreTest, OpenEndedIgnoresExtras) {
  auto c = CompareTriples({T("A", "B", "010")},
                          {T("A", "B", "010"), T("C", "D", "099"), T("E", "F", "098")}, true);
  EXPECT_EQ(c.matched, 1);
  EXPECT_EQ(c.predicted, 1);  // the unlisted extras do not count as predictions
  EXPECT_TRUE(c.errors.empty());
  EXPECT_TRUE(c.correct);
  // ... but a listed event still has to be found.
  auto d = CompareTriples({T("A", "B", "010")}, {T("A", "B", "011")}, true);
  EXPECT_FALSE(d.correct);
  EXPECT_EQ(Count(d, ErrorKind::kWrongCode), 1);
  EXPECT_EQ(d.predicted, 1);
}

TEST(ScoreTest, NoEventExpected) {
  auto ok = CompareTriples({}, {}, false);
  EXPECT_TRUE(ok.correct);
  EXPECT_EQ(ok.gold, 0);
  auto bad = CompareTriples({}, {T("A", "B", "010")}, false);
  EXPECT_FALSE(bad.correct);
  EXPECT_EQ(Count(bad, ErrorKind::kExtra), 1);
}

TEST(ScoreTest, HandComputedPrecisionRecallF1) {
  Scorer scorer(/*max_examples_per_kind=*/1);
  // r1: gold 2, predicted 3, matched 2 (one extra).
  scorer.Add(Record("r1", {T("A", "B", "010"), T("B", "A", "020")}),
             {T("A", "B", "010"), T("B", "A", "020"), T("Z", "Z", "190")});
  // r2: gold 2, predicted 1 wrong code -> matched 0.
  scorer.Add(Record("r2", {T("C", "D", "042"), T("D", "C", "043")}), {T("C", "D", "041")});
  // r3: no event expected, none predicted: correct.
  scorer.Add(Record("r3", {}), {});
  // r4: gold 1 matched.
  scorer.Add(Record("r4", {T("E", "F", "112")}), {T("E", "F", "112")});
  const Score& s = scorer.score();
  EXPECT_EQ(s.gold, 5);
  EXPECT_EQ(s.predicted, 5);
  EXPECT_EQ(s.matched, 3);
  EXPECT_DOUBLE_EQ(s.Precision(), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.Recall(), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.F1(), 0.6);
  EXPECT_EQ(s.records, 4);
  EXPECT_EQ(s.records_correct, 2);  // r3, r4
  EXPECT_DOUBLE_EQ(s.RecordAccuracy(), 0.5);
  EXPECT_EQ(s.errors[static_cast<int>(ErrorKind::kExtra)], 1);
  EXPECT_EQ(s.errors[static_cast<int>(ErrorKind::kWrongCode)], 1);
  EXPECT_EQ(s.errors[static_cast<int>(ErrorKind::kMissed)], 1);
  ASSERT_EQ(scorer.examples(ErrorKind::kWrongCode).size(), 1u);
  EXPECT_EQ(scorer.examples(ErrorKind::kWrongCode)[0].record_id, "r2");
  EXPECT_EQ(scorer.examples(ErrorKind::kWrongCode)[0].text, "text of r2");
  EXPECT_TRUE(scorer.examples(ErrorKind::kWrongSource).empty());

  EXPECT_EQ(FormatScoreLine("PETR_UNITTEST", s), "PETR_UNITTEST: P=0.60 R=0.60 F1=0.60 n=5");
  EXPECT_EQ(FormatRecordAccuracyLine("TABARI_VALIDATE", s),
            "TABARI_VALIDATE records: correct=2 total=4 accuracy=0.50");
}

TEST(ScoreTest, UnequalPrecisionAndRecall) {
  Scorer scorer;
  // gold 4, predicted 2, matched 2: P = 1, R = 0.5, F1 = 2/3.
  scorer.Add(Record("r", {T("A", "B", "1"), T("A", "C", "1"), T("A", "D", "1"), T("A", "E", "1")}),
             {T("A", "B", "1"), T("A", "C", "1")});
  EXPECT_DOUBLE_EQ(scorer.score().Precision(), 1.0);
  EXPECT_DOUBLE_EQ(scorer.score().Recall(), 0.5);
  EXPECT_NEAR(scorer.score().F1(), 2.0 / 3.0, 1e-12);
  EXPECT_EQ(FormatScoreLine("X", scorer.score()), "X: P=1.00 R=0.50 F1=0.67 n=4");
  EXPECT_TRUE(scorer.examples(ErrorKind::kMissed).empty());  // no examples kept by default
}

TEST(ScoreTest, EmptyScoreIsZeroNotNan) {
  Score s;
  EXPECT_EQ(s.Precision(), 0.0);
  EXPECT_EQ(s.Recall(), 0.0);
  EXPECT_EQ(s.F1(), 0.0);
  EXPECT_EQ(s.RecordAccuracy(), 0.0);
  EXPECT_EQ(FormatScoreLine("PLOVER_GSR", s), "PLOVER_GSR: P=0.00 R=0.00 F1=0.00 n=0");
}

TEST(ScoreTest, RoleAgreementIgnoresCodes) {
  // Gold A->B and C->D; predictions get A->B with the wrong code and C as a source only.
  auto c = CompareTriples({T("A", "B", "010"), T("C", "D", "020")},
                          {T("A", "B", "190"), T("C", "E", "020")}, false);
  EXPECT_EQ(c.roles.gold, 2);
  EXPECT_EQ(c.roles.source, 2);
  EXPECT_EQ(c.roles.target, 1);
  EXPECT_EQ(c.roles.both, 1);
  // A record with no prediction is not scored for roles (the miss shows in recall).
  auto none = CompareTriples({T("A", "B", "010")}, {}, false);
  EXPECT_EQ(none.roles.gold, 0);

  Scorer scorer;
  scorer.Add(Record("r1", {T("A", "B", "010"), T("C", "D", "020")}),
             {T("A", "B", "190"), T("C", "E", "020")});
  scorer.Add(Record("r2", {T("A", "B", "010")}), {T("B", "A", "010")});
  EXPECT_EQ(scorer.score().roles.gold, 3);
  EXPECT_EQ(scorer.score().roles.both, 1);
  EXPECT_EQ(FormatRoleAgreementLine("S", scorer.score()),
            "S roles: source=0.67 target=0.33 both=0.33 n=3");
}

TEST(ScoreTest, ErrorKindNames) {
  EXPECT_STREQ(ErrorKindName(ErrorKind::kWrongSource), "wrong source");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kWrongTarget), "wrong target");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kWrongCode), "wrong code");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kMissed), "missed event");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kExtra), "extra event");
}

}  // namespace
}  // namespace annal::eval
