#include "context/date_resolver.h"

#include <gtest/gtest.h>

#include <string>

#include "text/analyzer.h"

namespace annal::context {
namespace {

// Publication date used by most tests: Friday 2026-02-06.
const int32_t kPub = DayFromCivil(2026, 2, 6);

struct Case {
  std::string date;
  DatePrecision precision = DatePrecision::kNone;
  std::string words;  // the date words as written, empty when from the publication date
  bool from_text = false;
};

// Resolves the event date for the first sentence of `text` whose trigger is the first token
// equal (case-insensitively) to `trigger`.
Case Resolve(const std::string& text, const std::string& trigger, int32_t pub = kPub,
             DateDirection direction = DateDirection::kPast) {
  text::AnalyzedText a;
  text::AnalyzeText(text, &a);
  std::string want = text::NormalizeWord(trigger);
  for (const text::Sentence& s : a.sentences) {
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      if (a.tokens[t].norm != want) continue;
      ResolvedDate r = ResolveEventDate(a, text, s, t, pub, direction);
      return Case{r.date, r.precision, text.substr(r.begin, r.end - r.begin), r.from_text};
    }
  }
  ADD_FAILURE() << "trigger not found: " << trigger;
  return Case{};
}

TEST(CivilDaysTest, RoundTripsAndRejectsBadDates) {
  EXPECT_EQ(DayFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(FormatIsoDay(DayFromCivil(2024, 2, 29)), "2024-02-29");
  EXPECT_EQ(ParseIsoDay("2026-02-06"), kPub);
  EXPECT_FALSE(ParseIsoDay("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDay("2026-2-6").has_value());
  EXPECT_FALSE(ParseIsoDay("20260206xx").has_value());
}

TEST(DateResolverTest, WeekdayIsLatestNotAfterPublication) {
  // Publication is a Friday: "Friday" is that very day, "Thursday" the day before,
  // "Saturday" the previous week's.
  Case c = Resolve("Gunmen attacked a checkpoint on Friday.", "attacked");
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.precision, DatePrecision::kDay);
  EXPECT_EQ(c.words, "Friday");
  EXPECT_TRUE(c.from_text);
  EXPECT_EQ(Resolve("Gunmen attacked a checkpoint on Thursday.", "attacked").date, "2026-02-05");
  EXPECT_EQ(Resolve("Gunmen attacked a checkpoint on Saturday.", "attacked").date, "2026-01-31");
  EXPECT_EQ(Resolve("Gunmen attacked a checkpoint on Sunday.", "attacked").date, "2026-02-01");
}

TEST(DateResolverTest, EarlyFridayMorningAndFridayNight) {
  Case c = Resolve("A man was shot dead early Friday morning in the capital.", "shot");
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.words, "early Friday morning");
  // Publication on a Monday: Friday is three days back.
  int32_t monday = DayFromCivil(2026, 2, 9);
  c = Resolve("Protesters clashed with police Friday night.", "clashed", monday);
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.words, "Friday night");
  EXPECT_EQ(Resolve("Troops withdrew on Monday.", "withdrew", monday).date, "2026-02-09");
  EXPECT_EQ(Resolve("Troops withdrew last Monday.", "withdrew", monday).date, "2026-02-02");
}

TEST(DateResolverTest, NamesThatLookLikeDatesAreNot) {
  // Programme names: "Today", "Sunday" after a possessive.
  EXPECT_FALSE(
      Resolve("She told BBC Radio 4's Today programme that taxes would rise.", "told").from_text);
  EXPECT_FALSE(Resolve("Ms Hewitt told GMTV's Sunday programme about the plan.", "told").from_text);
  // A weekday with an explicit date takes the date.
  Case c = Resolve("The film is shown on Saturday 12 February at 2005 GMT.", "shown",
                   DayFromCivil(2005, 3, 18));
  EXPECT_EQ(c.date, "2005-02-12");
  EXPECT_EQ(c.words, "Saturday 12 February");
  c = Resolve("Rebels attacked on Friday, January 30.", "attacked");
  EXPECT_EQ(c.date, "2026-01-30");
}

TEST(DateResolverTest, TodayYesterdayLastNight) {
  EXPECT_EQ(Resolve("The minister resigned today.", "resigned").date, "2026-02-06");
  EXPECT_EQ(Resolve("Rockets hit the city tonight.", "hit").date, "2026-02-06");
  Case c = Resolve("Rebels attacked the base this morning.", "attacked");
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.words, "this morning");
  EXPECT_EQ(Resolve("The president resigned yesterday.", "resigned").date, "2026-02-05");
  c = Resolve("Police arrested two men last night.", "arrested");
  EXPECT_EQ(c.date, "2026-02-05");
  EXPECT_EQ(c.words, "last night");
}

TEST(DateResolverTest, LastWeekMonthYear) {
  Case c = Resolve("The two leaders met last week.", "met");
  EXPECT_EQ(c.date, "2026-01-26");  // Monday of the previous week
  EXPECT_EQ(c.precision, DatePrecision::kWeek);
  c = Resolve("The army shelled the town last month.", "shelled");
  EXPECT_EQ(c.date, "2026-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kMonth);
  c = Resolve("The army shelled the town last year.", "shelled");
  EXPECT_EQ(c.date, "2025-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kYear);
  c = Resolve("The army shelled the town earlier this month.", "shelled");
  EXPECT_EQ(c.date, "2026-02-01");
  EXPECT_EQ(c.precision, DatePrecision::kMonth);
  EXPECT_EQ(c.words, "earlier this month");
  c = Resolve("Talks collapsed earlier this year.", "collapsed");
  EXPECT_EQ(c.date, "2026-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kYear);
  c = Resolve("Talks collapsed this week.", "collapsed");
  EXPECT_EQ(c.date, "2026-02-02");
  EXPECT_EQ(c.precision, DatePrecision::kWeek);
}

TEST(DateResolverTest, MonthNamesWithAndWithoutDayAndYear) {
  Case c = Resolve("The ceasefire was signed on January 3.", "signed");
  EXPECT_EQ(c.date, "2026-01-03");
  EXPECT_EQ(c.precision, DatePrecision::kDay);
  c = Resolve("The ceasefire was signed on March 3, 2024.", "signed");
  EXPECT_EQ(c.date, "2024-03-03");
  EXPECT_EQ(c.words, "March 3, 2024");
  EXPECT_EQ(Resolve("The ceasefire was signed on 3 March 2024.", "signed").date, "2024-03-03");
  // A day later in the year than publication: last year's.
  EXPECT_EQ(Resolve("The ceasefire was signed on March 3.", "signed").date, "2025-03-03");
  c = Resolve("The ceasefire was signed in March.", "signed");
  EXPECT_EQ(c.date, "2025-03-01");
  EXPECT_EQ(c.precision, DatePrecision::kMonth);
  c = Resolve("The ceasefire was signed in January.", "signed");
  EXPECT_EQ(c.date, "2026-01-01");
  c = Resolve("The ceasefire was signed in March 2019.", "signed");
  EXPECT_EQ(c.date, "2019-03-01");
  EXPECT_EQ(c.precision, DatePrecision::kMonth);
  EXPECT_EQ(Resolve("The ceasefire was signed on Sept. 11, 2001.", "signed").date, "2001-09-11");
  // "May" the modal verb is not a month.
  c = Resolve("Officials said talks May resume.", "resume");
  EXPECT_FALSE(c.from_text);
}

TEST(DateResolverTest, YearBoundary) {
  int32_t pub = DayFromCivil(2026, 1, 2);  // a Friday
  EXPECT_EQ(Resolve("Troops entered the city on December 30.", "entered", pub).date, "2025-12-30");
  EXPECT_EQ(Resolve("Troops entered the city on Wednesday.", "entered", pub).date, "2025-12-31");
  EXPECT_EQ(Resolve("Troops entered the city last week.", "entered", pub).date, "2025-12-22");
  EXPECT_EQ(Resolve("Troops entered the city last month.", "entered", pub).date, "2025-12-01");
  EXPECT_EQ(Resolve("Troops entered the city in December.", "entered", pub).date, "2025-12-01");
  EXPECT_EQ(Resolve("Troops entered the city yesterday.", "entered", pub).date, "2026-01-01");
}

TEST(DateResolverTest, ExplicitYearsAndRanges) {
  Case c = Resolve("In 2016 the United States sanctioned him.", "sanctioned");
  EXPECT_EQ(c.date, "2016-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kYear);
  EXPECT_EQ(c.words, "2016");
  c = Resolve("He commanded the brigade between 2019 and 2020.", "commanded");
  EXPECT_EQ(c.date, "2019-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kYear);
  c = Resolve("Between 2019 and 2020, he commanded the brigade.", "commanded");
  EXPECT_EQ(c.date, "2019-01-01");
  c = Resolve("Russia has occupied Crimea since 2014.", "occupied");
  EXPECT_EQ(c.date, "2014-01-01");
  EXPECT_EQ(Resolve("The group was founded in early 2016.", "founded").date, "2016-01-01");
  // A bare number is not a year.
  EXPECT_FALSE(Resolve("Police detained 2016 protesters.", "detained").from_text);
}

TEST(DateResolverTest, AgoAndIso) {
  Case c = Resolve("The plane crashed two days ago.", "crashed");
  EXPECT_EQ(c.date, "2026-02-04");
  EXPECT_EQ(c.precision, DatePrecision::kDay);
  c = Resolve("The plane crashed three weeks ago.", "crashed");
  EXPECT_EQ(c.date, "2026-01-12");  // the Monday of the week 21 days back
  EXPECT_EQ(c.precision, DatePrecision::kWeek);
  EXPECT_EQ(Resolve("The plane crashed a year ago.", "crashed").date, "2025-01-01");
  EXPECT_EQ(Resolve("The plane crashed 2 months ago.", "crashed").date, "2025-12-01");
  c = Resolve("The plane crashed on 2025-11-20 near the border.", "crashed");
  EXPECT_EQ(c.date, "2025-11-20");
  EXPECT_EQ(c.words, "2025-11-20");
}

TEST(DateResolverTest, FallsBackToPublicationDate) {
  Case c = Resolve("Rebels attacked the base.", "attacked");
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.precision, DatePrecision::kDay);
  EXPECT_FALSE(c.from_text);
  EXPECT_EQ(c.words, "");
}

TEST(DateResolverTest, BackgroundEventsKeepTheirOwnDate) {
  // Two events in one sentence: today's accusation and the background sanctions.
  const std::string text =
      "Moscow accused Washington on Friday, after the United States sanctioned him in 2016.";
  Case accused = Resolve(text, "accused");
  EXPECT_EQ(accused.date, "2026-02-06");
  EXPECT_EQ(accused.words, "Friday");
  Case sanctioned = Resolve(text, "sanctioned");
  EXPECT_EQ(sanctioned.date, "2016-01-01");
  EXPECT_EQ(sanctioned.precision, DatePrecision::kYear);
}

TEST(DateResolverTest, PrefersDateAfterTriggerInClauseThenBefore) {
  // "On Monday" is before the trigger in the same clause; "in 2019" belongs to another clause.
  const std::string text = "On Monday the general resigned, which he had refused to do in 2019.";
  EXPECT_EQ(Resolve(text, "resigned").date, "2026-02-02");
  EXPECT_EQ(Resolve(text, "refused").date, "2019-01-01");
}

TEST(DateResolverTest, RelativeClauseKeepsItsDateToItself) {
  // The relative clause between commas tells an older story; the main verb has no date words,
  // so it takes the publication date, not May's.
  const std::string text = "The rebels, who attacked the army in May, met United Nations envoys.";
  Case met = Resolve(text, "met");
  EXPECT_EQ(met.date, "2026-02-06");
  EXPECT_FALSE(met.from_text);
  Case attacked = Resolve(text, "attacked");
  EXPECT_EQ(attacked.date, "2025-05-01");
  EXPECT_EQ(attacked.precision, DatePrecision::kMonth);
  // A relative clause that runs to the end of the sentence is not the main verb's either.
  EXPECT_FALSE(Resolve("Troops shelled Kharkiv, which they had captured in 2022.", "shelled")
                   .from_text);
  // A fronted date outside any relative clause still dates the event.
  EXPECT_EQ(Resolve("On Monday, troops shelled Kharkiv.", "shelled").date, "2026-02-02");
}

TEST(DateResolverTest, TomorrowAndNextPointForward) {
  // Publication is Friday 2026-02-06.
  Case c = Resolve("The ministers will meet tomorrow in Geneva.", "meet");
  EXPECT_EQ(c.date, "2026-02-07");
  EXPECT_EQ(c.words, "tomorrow");
  c = Resolve("China will send aid to Nepal next week.", "send");
  EXPECT_EQ(c.date, "2026-02-09");
  EXPECT_EQ(c.precision, DatePrecision::kWeek);
  EXPECT_EQ(Resolve("Talks resume next month.", "resume").date, "2026-03-01");
  EXPECT_EQ(Resolve("Elections are due next year.", "due").date, "2027-01-01");
  EXPECT_EQ(Resolve("The envoy visits next Friday.", "visits").date, "2026-02-13");
  EXPECT_EQ(Resolve("The envoy visits next Monday.", "visits").date, "2026-02-09");
  // A name, not a date: "Tomorrow" capitalised inside a sentence.
  EXPECT_FALSE(Resolve("He spoke to the Tomorrow programme.", "spoke").from_text);
}

TEST(DateResolverTest, AnnouncedEventsPointForward) {
  // Publication is Friday 2026-02-06; the coder asks for kFuture on future-tense events.
  const DateDirection f = DateDirection::kFuture;
  EXPECT_EQ(Resolve("The envoys will meet on Monday.", "meet", kPub, f).date, "2026-02-09");
  EXPECT_EQ(Resolve("The envoys will meet on Friday.", "meet", kPub, f).date, "2026-02-06");
  EXPECT_EQ(Resolve("The envoys will meet this Tuesday.", "meet", kPub, f).date, "2026-02-10");
  EXPECT_EQ(Resolve("Elections will be held on 3 January.", "held", kPub, f).date, "2027-01-03");
  EXPECT_EQ(Resolve("Elections will be held on March 3.", "held", kPub, f).date, "2026-03-03");
  Case c = Resolve("Troops will withdraw in January.", "withdraw", kPub, f);
  EXPECT_EQ(c.date, "2027-01-01");
  EXPECT_EQ(c.precision, DatePrecision::kMonth);
  // The same words in a report point back.
  EXPECT_EQ(Resolve("The envoys met on Monday.", "met").date, "2026-02-02");
  EXPECT_EQ(Resolve("Troops withdrew in January.", "withdrew").date, "2026-01-01");
  // Explicit years and "last"/"next" do not depend on the direction.
  EXPECT_EQ(Resolve("Troops will withdraw in 2025.", "withdraw", kPub, f).date, "2025-01-01");
  EXPECT_EQ(Resolve("Troops will withdraw next week.", "withdraw", kPub, f).date, "2026-02-09");
}

TEST(FindDateMentionsTest, FindsAllMentionsInOrder) {
  const std::string text = "Yesterday and last week, as in March 2019, troops moved.";
  text::AnalyzedText a;
  text::AnalyzeText(text, &a);
  auto ms = FindDateMentions(a, text, 0, static_cast<uint32_t>(a.tokens.size()), kPub);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[0].date, "2026-02-05");
  EXPECT_TRUE(ms[0].relative);
  EXPECT_EQ(ms[1].date, "2026-01-26");
  EXPECT_EQ(ms[1].precision, DatePrecision::kWeek);
  EXPECT_EQ(ms[2].date, "2019-03-01");
  EXPECT_FALSE(ms[2].relative);
  EXPECT_EQ(text.substr(ms[2].begin, ms[2].end - ms[2].begin), "March 2019");
}

}  // namespace
}  // namespace annal::context
