#include <gtest/gtest.h>

#include "eval/suites.h"

namespace annal::eval {
namespace {

TabariReadOptions All() {
  TabariReadOptions o;
  o.last_id = "";
  return o;
}

std::vector<GoldRecord> Parse(std::string_view text, const TabariReadOptions& o = All()) {
  auto r = ParseTabariValidation(text, o);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().ToString());
  return r.ok() ? r.value() : std::vector<GoldRecord>();
}

// Written like Validate.text: literal "\n" display breaks inside the comment block.
constexpr std::string_view kTwoRecords = R"(
##################################################
#   banner lines are not records
##################################################

950103  DEMO-04
Dagolath's first Deputy Prime Minister Telemar left for 
Minas Tirith on Wednesday. 
/*\n------------------------------------------------------------------
\n[Paired events: LEFT_ generates a "visit" and "receive visit" events]
\n{ DAG / GON / 032 } 950103      
\n { GON / DAG / 033 } (RECEIVE)  */   

000101  START-00
Validation suite; program should code nothing here.
/*\n---------
\n[the events that should be coded in {}]
\n{+++}  */
)";

TEST(TabariReaderTest, RecordsEventsAndText) {
  auto recs = Parse(kTwoRecords);
  ASSERT_EQ(recs.size(), 2u);
  const GoldRecord& r = recs[0];
  EXPECT_EQ(r.id, "DEMO-04");
  EXPECT_EQ(r.category, "DEMO");
  EXPECT_EQ(r.date, "1995-01-03");
  EXPECT_EQ(r.text,
            "Dagolath's first Deputy Prime Minister Telemar left for Minas Tirith on Wednesday.");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0], (Triple{"DAG", "GON", "032"}));
  EXPECT_EQ(r.events[1], (Triple{"GON", "DAG", "033"}));  // "\n {" with a space, trailing note
  EXPECT_TRUE(r.scored);
  EXPECT_FALSE(r.open_ended);
  EXPECT_EQ(r.expectation_entries, 2);
}

TEST(TabariReaderTest, PlusMarkerMeansNoEventAndProseBracesAreIgnored) {
  auto recs = Parse(kTwoRecords);
  ASSERT_EQ(recs.size(), 2u);
  const GoldRecord& r = recs[1];
  EXPECT_EQ(r.id, "START-00");
  EXPECT_EQ(r.date, "2000-01-01");
  EXPECT_TRUE(r.scored);
  EXPECT_TRUE(r.events.empty());
  EXPECT_EQ(r.expectation_entries, 1);  // "{}" in the prose is not a block
}

TEST(TabariReaderTest, OtherNoEventMarkers) {
  auto recs = Parse(R"(950101  A-01
Text one.
/*\n--
\nNo events {---} */

950101  A-02
Text two.
/*\n--
\n{###} */
)");
  ASSERT_EQ(recs.size(), 2u);
  for (const GoldRecord& r : recs) {
    EXPECT_TRUE(r.scored) << r.id;
    EXPECT_TRUE(r.events.empty()) << r.id;
  }
}

TEST(TabariReaderTest, StripsDosEofBytes) {
  std::string text =
      "000423   DEBUG-21\nmedals:\n\x1a\x1a\x1aGondor\x1a\x1a\x1a"
      "3\x1a\x1a"
      "7\n"
      "/*\\n--\n\\n{+++}*/\n";
  auto recs = Parse(text);
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].id, "DEBUG-21");
  EXPECT_EQ(recs[0].text, "medals: Gondor 3 7");
  EXPECT_EQ(recs[0].text.find('\x1a'), std::string::npos);
}

TEST(TabariReaderTest, LeadingDashBlockDeactivatesTheRecord) {
  auto recs = Parse(R"(950101  DEMO-05
Arnor is about to restore fxll diplomatic ties with Gondor.
/*\n---
\n[Complex coding from a phrase; may require setting COMPLEX=1]
\n-{ARN / GON / 064  } */
)");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_FALSE(recs[0].scored);
  EXPECT_NE(recs[0].skip_reason.find("-{"), std::string::npos);
  EXPECT_TRUE(recs[0].events.empty());
  EXPECT_EQ(recs[0].expectation_entries, 1);
}

TEST(TabariReaderTest, DashBlockAfterEventsMakesTheListingOpenEnded) {
  auto recs = Parse(R"(950104  COMPOUND-07
Mordor and Fornost welcomed a resumption of ties between Minas Tirith and Osgiliath.
/*\n---
\n{  ORC / GON / 041 } (PRAISE)    WELCOMED 
\n{  FRO / OSG / 041 } (PRAISE)    WELCOMED 
\n-{ --- / --- / 000 }
*/
)");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_TRUE(recs[0].scored);
  EXPECT_TRUE(recs[0].open_ended);
  ASSERT_EQ(recs[0].events.size(), 2u);
  EXPECT_EQ(recs[0].events[1], (Triple{"FRO", "OSG", "041"}));
  EXPECT_EQ(recs[0].expectation_entries, 3);
}

TEST(TabariReaderTest, FirstBlockDecidesLikeTabari) {
  // DEBUG-11: {+++} first, then the events another setting would produce.
  auto recs = Parse(R"(830809  DEBUG-11
The recent flare-up in fighting between Eriador and Osgiliath has alarmed Gondor.
/*\n---
\n{+++}
\n{ ERI / OSG / 223  }
\n{ GON / ERI / 022  }*/
)");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_TRUE(recs[0].scored);
  EXPECT_TRUE(recs[0].events.empty());
  EXPECT_EQ(recs[0].expectation_entries, 3);
}

TEST(TabariReaderTest, OptionRecordsAreNotScored) {
  auto recs = Parse(R"(950101  TIME-Modify
Changing .options file command.
/*\n---
\n{ OPTION: SET: TIME SHIFT = FALSE } */    

950101  MINWRD-ACTIVATE
Minimum words.
/*\n---
\n{ OPTION: SET: MINIMUM WORDS = 4  */    
)");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_FALSE(recs[0].scored);
  ASSERT_EQ(recs[0].notes.size(), 1u);
  EXPECT_EQ(recs[0].notes[0], "OPTION: SET: TIME SHIFT = FALSE");
  EXPECT_FALSE(recs[1].scored);
  ASSERT_EQ(recs[1].notes.size(), 1u);
  EXPECT_EQ(recs[1].notes[0], "OPTION: SET: MINIMUM WORDS = 4");  // '}' missing in the file
}

TEST(TabariReaderTest, RecordWithoutBlocksIsNotScored) {
  auto recs = Parse("990101  FINAL-01\nThis is the end of the standard validation records.\n");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_FALSE(recs[0].scored);
  EXPECT_EQ(recs[0].text, "This is the end of the standard validation records.");
}

TEST(TabariReaderTest, TextAfterAMidRecordCommentIsKept) {
  // DEBUG-08b puts its comment in the middle of the text; AGENTS-11 has a block after "*/".
  auto recs = Parse(R"(950112  DEBUG-08b
A choice of drinks 
/*\n**
\n{+++}
\n** */
divided Bosnian soldiers.

950101  950101  AGENTS-11
White House security officials are about to restore ties with Gondor and Arnor. 
/*\n---
\n{ USAGOV / GON / 064 } */    
\n{ USAGOV / ARN / 064 } */    
)");
  ASSERT_EQ(recs.size(), 2u);
  EXPECT_EQ(recs[0].text, "A choice of drinks divided Bosnian soldiers.");
  EXPECT_TRUE(recs[0].events.empty());
  EXPECT_EQ(recs[1].id, "950101 AGENTS-11");
  EXPECT_EQ(recs[1].category, "AGENTS");
  EXPECT_EQ(recs[1].text,
            "White House security officials are about to restore ties with Gondor and Arnor.");
  ASSERT_EQ(recs[1].events.size(), 2u);
  EXPECT_EQ(recs[1].events[1], (Triple{"USAGOV", "ARN", "064"}));
}

TEST(TabariReaderTest, UnterminatedCommentStillYieldsBlocks) {
  // COMPOUND-06 closes its comment with "/*" instead of "*/".
  auto recs = Parse(R"(950104  COMPOUND-06
Fornost and Gondor welcomed talks.
/*\n---
\n{ FOR / GON / 044 } 950104      
\n{ GON / FOR / 045 }   /*
)");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].text, "Fornost and Gondor welcomed talks.");
  EXPECT_EQ(recs[0].events.size(), 2u);
}

TEST(TabariReaderTest, DatesInEveryShapeTheFileUses) {
  auto recs = Parse(R"(20150607 YYYY-01
Text.
/*\n{ FOR / GON / 064 } */

186010029 YYYY-03
Text.
/*\n{ FOR / GON / 064 } */

9501201  ACTORSYN-01
Text.
/*\n{ HOB / GON / 064 } */
)");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].date, "2015-06-07");
  EXPECT_EQ(recs[1].date, "1860-10-02");
  EXPECT_EQ(recs[1].id, "YYYY-03");
  EXPECT_EQ(recs[2].date, "1995-01-20");
  EXPECT_EQ(recs[2].id, "ACTORSYN-01");
}

TEST(TabariReaderTest, StopsAtLastIdInclusive) {
  std::string text = std::string(kTwoRecords) + "\n990101  FINAL-01\nEnd.\n\n950101  DEBUG-99\nx\n";
  TabariReadOptions o;
  o.last_id = "FINAL-01";
  auto recs = Parse(text, o);
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs.back().id, "FINAL-01");
  EXPECT_EQ(Parse(text).size(), 4u);
}

TEST(TabariReaderTest, MissingLastIdIsAnError) {
  TabariReadOptions o;
  o.last_id = "FINAL-01";
  auto r = ParseTabariValidation(kTwoRecords, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("FINAL-01"), std::string::npos);
}

TEST(TabariReaderTest, EmptyInputIsAnError) {
  EXPECT_FALSE(ParseTabariValidation("# nothing\n", All()).ok());
}

TEST(TabariReaderTest, CrlfLineEnds) {
  auto recs = Parse("950101  A-01\r\nArnor met Gondor.\r\n/*\\n{ ARN / GON / 031 } */\r\n\r\n");
  ASSERT_EQ(recs.size(), 1u);
  EXPECT_EQ(recs[0].text, "Arnor met Gondor.");
  ASSERT_EQ(recs[0].events.size(), 1u);
  EXPECT_EQ(recs[0].events[0].code, "031");
}

}  // namespace
}  // namespace annal::eval
