#include "eval/gold.h"

#include <gtest/gtest.h>

namespace annal::eval {
namespace {

TEST(GoldDateTest, Shapes) {
  EXPECT_EQ(GoldDateToIso("950101"), "1995-01-01");
  EXPECT_EQ(GoldDateToIso("000423"), "2000-04-23");
  EXPECT_EQ(GoldDateToIso("490101"), "2049-01-01");
  EXPECT_EQ(GoldDateToIso("500101"), "1950-01-01");
  EXPECT_EQ(GoldDateToIso("19950101"), "1995-01-01");
  EXPECT_EQ(GoldDateToIso("20150609"), "2015-06-09");
  EXPECT_EQ(GoldDateToIso("186010029"), "1860-10-02");  // Validate.text YYYY-03
  EXPECT_EQ(GoldDateToIso("9501201"), "1995-01-20");    // Validate.text ACTORSYN-01
  EXPECT_EQ(GoldDateToIso("95010199"), "1995-01-01");   // not YYYYMMDD: read as YYMMDD
}

TEST(GoldDateTest, Invalid) {
  EXPECT_EQ(GoldDateToIso(""), "");
  EXPECT_EQ(GoldDateToIso("95011"), "");
  EXPECT_EQ(GoldDateToIso("951301"), "");
  EXPECT_EQ(GoldDateToIso("950230"), "");
  EXPECT_EQ(GoldDateToIso("2015-06-09"), "");
  EXPECT_EQ(GoldDateToIso("abcdef"), "");
}

TEST(TripleTest, ToStringAndOrder) {
  EXPECT_EQ(TripleToString(Triple{"ARN", "GON", "064"}), "ARN / GON / 064");
  EXPECT_LT((Triple{"A", "B", "1"}), (Triple{"A", "B", "2"}));
  EXPECT_EQ((Triple{"A", "B", "1"}), (Triple{"A", "B", "1"}));
}

}  // namespace
}  // namespace annal::eval
