#include "lexicon/dictionary.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon/dictionary_text.h"

namespace annal::lexicon {
namespace {

TEST(DaysFromCivilTest, KnownDays) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(2000, 2, 29), 11016);
  EXPECT_EQ(DaysFromCivil(2001, 12, 22), 11678);
  EXPECT_EQ(DaysFromCivil(1900, 1, 1), -25567);
  EXPECT_EQ(DaysFromCivil(1601, 1, 1), -134774);
}

TEST(DaysFromCivilTest, ConsecutiveDaysOverFourCenturies) {
  int32_t expected = DaysFromCivil(1800, 1, 1);
  for (int y = 1800; y < 2200; ++y) {
    for (unsigned m = 1; m <= 12; ++m) {
      static constexpr unsigned kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      unsigned days = kDays[m - 1];
      if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) days = 29;
      for (unsigned d = 1; d <= days; ++d) {
        ASSERT_EQ(DaysFromCivil(y, m, d), expected) << y << "-" << m << "-" << d;
        ++expected;
      }
    }
  }
}

TEST(ParseDictionaryDateTest, SixAndEightDigits) {
  int32_t day = 0;
  ASSERT_TRUE(ParseDictionaryDate("011222", &day));
  EXPECT_EQ(day, DaysFromCivil(2001, 12, 22));
  ASSERT_TRUE(ParseDictionaryDate("750101", &day));
  EXPECT_EQ(day, DaysFromCivil(1975, 1, 1));
  ASSERT_TRUE(ParseDictionaryDate("291231", &day));  // < 30: 20xx
  EXPECT_EQ(day, DaysFromCivil(2029, 12, 31));
  ASSERT_TRUE(ParseDictionaryDate("300101", &day));  // >= 30: 19xx
  EXPECT_EQ(day, DaysFromCivil(1930, 1, 1));
  ASSERT_TRUE(ParseDictionaryDate("20070101", &day));
  EXPECT_EQ(day, DaysFromCivil(2007, 1, 1));
  ASSERT_TRUE(ParseDictionaryDate("18970101", &day));
  EXPECT_EQ(day, DaysFromCivil(1897, 1, 1));
  ASSERT_TRUE(ParseDictionaryDate("000229", &day));  // 2000 is a leap year
  EXPECT_EQ(day, DaysFromCivil(2000, 2, 29));
}

TEST(ParseDictionaryDateTest, RejectsMalformed) {
  int32_t day = 0;
  for (const char* bad : {"", "0113", "9008223", "201005011", "011332", "011300", "010229",
                          "000431", "2001122a", "-11222", "20011322", "ab1222"}) {
    EXPECT_FALSE(ParseDictionaryDate(bad, &day)) << bad;
  }
}

TEST(ParseIsoDateTest, Basic) {
  int32_t day = 0;
  ASSERT_TRUE(ParseIsoDate("2014-02-28", &day));
  EXPECT_EQ(day, DaysFromCivil(2014, 2, 28));
  ASSERT_TRUE(ParseIsoDate("1970-01-01", &day));
  EXPECT_EQ(day, 0);
  EXPECT_FALSE(ParseIsoDate("2014-02-29", &day));
  EXPECT_FALSE(ParseIsoDate("2014-2-28", &day));
  EXPECT_FALSE(ParseIsoDate("2014/02/28", &day));
  EXPECT_FALSE(ParseIsoDate("2014-02-28T00", &day));
  EXPECT_FALSE(ParseIsoDate("", &day));
}

TEST(DiagnosticTest, ToString) {
  Diagnostic d{"dict/CAMEO.2.0.txt", 2374, "bad pattern"};
  EXPECT_EQ(d.ToString(), "dict/CAMEO.2.0.txt:2374: bad pattern");
}

using internal::NounPlural;
using internal::ParsePhrase;
using internal::RegularVerbForms;
using internal::WordMatch;

TEST(InflectionTest, RegularVerbForms) {
  using V = std::vector<std::string>;
  EXPECT_EQ(RegularVerbForms("STOP"), (V{"STOPS", "STOPPED", "STOPPING"}));
  EXPECT_EQ(RegularVerbForms("CARRY"), (V{"CARRIES", "CARRIED", "CARRYING"}));
  EXPECT_EQ(RegularVerbForms("DESTROY"), (V{"DESTROYS", "DESTROYED", "DESTROYING"}));
  EXPECT_EQ(RegularVerbForms("AGREE"), (V{"AGREES", "AGREED", "AGREEING"}));
  EXPECT_EQ(RegularVerbForms("ABANDON"), (V{"ABANDONS", "ABANDONNED", "ABANDONED", "ABANDONNING", "ABANDONING"}));
  EXPECT_EQ(RegularVerbForms("VISIT"), (V{"VISITS", "VISITTED", "VISITED", "VISITTING", "VISITING"}));
  EXPECT_EQ(RegularVerbForms("ACCUSE"), (V{"ACCUSES", "ACCUSED", "ACCUSING"}));
  EXPECT_EQ(RegularVerbForms("TIE"), (V{"TIES", "TIED", "TYING"}));
  EXPECT_EQ(RegularVerbForms("PUSH"), (V{"PUSHES", "PUSHED", "PUSHING"}));
  EXPECT_EQ(RegularVerbForms("FIX"), (V{"FIXES", "FIXED", "FIXING"}));
  EXPECT_EQ(RegularVerbForms("VETO"), (V{"VETOES", "VETOS", "VETOED", "VETOING"}));
  EXPECT_EQ(RegularVerbForms("ATTACK"), (V{"ATTACKS", "ATTACKED", "ATTACKING"}));
  EXPECT_TRUE(RegularVerbForms("").empty());
  EXPECT_TRUE(RegularVerbForms("U.N.").empty());
}

TEST(InflectionTest, NounPlural) {
  EXPECT_EQ(NounPlural("MINISTER"), "MINISTERS");
  EXPECT_EQ(NounPlural("BODY"), "BODIES");
  EXPECT_EQ(NounPlural("ATTORNEY"), "ATTORNEYS");
  EXPECT_EQ(NounPlural("CONGRESS"), "CONGRESSES");
  EXPECT_EQ(NounPlural("CHURCH"), "CHURCHES");
  EXPECT_EQ(NounPlural("TAX"), "TAXES");
}

TEST(ParsePhraseTest, SplitsAndMarksExactness) {
  Phrase p = ParsePhrase("islamic_Republic_of_IRAN", WordMatch::kAllExact);
  EXPECT_EQ(p, (Phrase{{"ISLAMIC", true}, {"REPUBLIC", true}, {"OF", true}, {"IRAN", true}}));
  p = ParsePhrase("AL GORE_", WordMatch::kTabari);
  EXPECT_EQ(p, (Phrase{{"AL", false}, {"GORE", true}}));
  p = ParsePhrase("UNITED_NATIONS", WordMatch::kTabari);
  EXPECT_EQ(p, (Phrase{{"UNITED", true}, {"NATIONS", false}}));
  p = ParsePhrase("MONTHS LATER", WordMatch::kFinalStem);
  EXPECT_EQ(p, (Phrase{{"MONTHS", true}, {"LATER", false}}));
  p = ParsePhrase("BASEBALL_", WordMatch::kFinalStem);
  EXPECT_EQ(p, (Phrase{{"BASEBALL", true}}));
  // Punctuation inside words stays; a possessive becomes its own word.
  p = ParsePhrase("U.N._AL-QAEDA ISRAEL'S_ARMY", WordMatch::kAllExact);
  EXPECT_EQ(p, (Phrase{{"U.N.", true}, {"AL-QAEDA", true}, {"ISRAEL", true}, {"'S", true}, {"ARMY", true}}));
  // A negation clitic splits as the text stage splits "don't" (DO + N'T), or no text could
  // ever match it.
  p = ParsePhrase("DON'T", WordMatch::kAllExact);
  EXPECT_EQ(p, (Phrase{{"DO", true}, {"N'T", true}}));
  p = ParsePhrase("WON'T", WordMatch::kTabari);
  EXPECT_EQ(p, (Phrase{{"WO", true}, {"N'T", false}}));
  EXPECT_TRUE(ParsePhrase(" _ _ ", WordMatch::kAllExact).empty());
}

}  // namespace
}  // namespace annal::lexicon
