#include "code/tabari_compat.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace annal::code {
namespace {

TEST(TabariSettingsTest, ParsesCodeByDefaultsAndMinimumWords) {
  TabariSettings s;
  EXPECT_EQ(s.code_by, TabariSettings::CodeBy::kClause);
  EXPECT_EQ(s.minimum_words, 8);
  ApplyTabariSettingLine("SET: CODE ALL", &s);
  EXPECT_EQ(s.code_by, TabariSettings::CodeBy::kAll);
  ApplyTabariSettingLine("SET: CODE BY SENTENCE", &s);
  EXPECT_EQ(s.code_by, TabariSettings::CodeBy::kSentence);
  ApplyTabariSettingLine("SET: MINIMUM WORDS = 4  ", &s);
  EXPECT_EQ(s.minimum_words, 4);
  ApplyTabariSettingLine(" DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER ", &s);
  EXPECT_EQ(s.default_source, "DEFSRC");
  EXPECT_EQ(s.default_target, "DEFTAR");
  EXPECT_TRUE(s.default_prior);
  EXPECT_TRUE(s.default_after);
  ApplyTabariSettingLine("DEFAULT: OFF", &s);
  EXPECT_TRUE(s.default_source.empty());
  ApplyTabariSettingLine("DEFAULT: SOURCE [X]  TARGET [Y] AFTER", &s);
  EXPECT_FALSE(s.default_prior);
  EXPECT_TRUE(s.default_after);
  ApplyTabariSettingLine("OUTPUT: ID STORY SENT", &s);  // output-only: ignored
  EXPECT_EQ(s.default_source, "X");
}

TEST(TabariSettingsTest, ParsesConvertAgentAndForward) {
  TabariSettings s;
  EXPECT_FALSE(s.convert_agent);
  EXPECT_FALSE(s.forward);
  ApplyTabariSettingLine("SET: CONVERT AGENT = TRUE", &s);
  EXPECT_TRUE(s.convert_agent);
  ApplyTabariSettingLine("SET: CONVERT AGENT = FALSE", &s);
  EXPECT_FALSE(s.convert_agent);
  ApplyTabariSettingLine("FORWARD: ^^*****NNN*SSS ", &s);
  EXPECT_TRUE(s.forward);
  EXPECT_EQ(s.forward_mask, "^^*****NNN*SSS");
  ApplyTabariSettingLine("FORWARD: ^^*****NNN*SSS OFF", &s);
  EXPECT_FALSE(s.forward);
  ApplyTabariSettingLine("FORWARD: ^^*****NNN*SSS", &s);
  ApplyTabariSettingLine("FORWARD: ^^*****NNN*SSS DOC OFF", &s);
  EXPECT_FALSE(s.forward);
}

TEST(TabariSettingsTest, SameStoryIgnoresOnlySentencePositions) {
  const std::string mask = "^^*****NNN*SSS";
  EXPECT_TRUE(TabariSameStory(mask, "FRWD-001-001", "FRWD-001-002"));
  EXPECT_FALSE(TabariSameStory(mask, "FRWD-001-005", "FRWD-002-001"));
  EXPECT_FALSE(TabariSameStory(mask, "FRWD-001-001", "FRWD-001-0011"));  // lengths differ
  EXPECT_FALSE(TabariSameStory(mask, "ABCD-001-001", "FRWD-001-001"));
}

TEST(TabariSettingsTest, TimePhrasesDiscardOrMarkComplexWhileShiftIsOn) {
  TabariSettings s;
  s.time_phrases = ReadTabariTimePhrases(
      "ABANDON [345]\n<TIME>\nKAN_WA_MA_KAN [###] ; comment\nYESTERDAY [-1]\n"
      "- * AND A WEEK [+8]\nWHEN_PEACE_COMES [+++]\n</TIME>\nACCORD [---]\n");
  ASSERT_EQ(s.time_phrases.size(), 3u);
  EXPECT_EQ(s.time_phrases[0].words, (std::vector<std::string>{"KAN", "WA", "MA", "KAN"}));
  EXPECT_EQ(s.time_phrases[0].code, "###");
  EXPECT_EQ(s.time_phrases[1].code, "-1");
  EXPECT_EQ(s.time_phrases[2].code, "+++");
  auto tokens = [](const std::vector<std::string>& words) {
    std::vector<text::Token> out;
    for (const auto& w : words) {
      text::Token t;
      t.norm = w;
      t.flags = text::kWord;
      out.push_back(t);
    }
    return out;
  };
  const auto peace = tokens({"WHEN", "PEACE", "COMES", ",", "ARNOR", "WILL", "ACT"});
  const auto split = tokens({"WHEN", "PEACE", "FINALLY", "COMES"});
  const auto yesterday = tokens({"YESTERDAY", "ARNOR", "ACTED"});
  // On by default: the dictionaries hold <TIME> records.
  EXPECT_EQ(TabariTimeSignal(peace.data(), 7, s), "+++");
  EXPECT_EQ(TabariTimeSignal(split.data(), 4, s), "");      // the words must be adjacent
  EXPECT_EQ(TabariTimeSignal(yesterday.data(), 3, s), "");  // a date shift codes nothing
  ApplyTabariSettingLine("SET: TIME SHIFT = FALSE", &s);
  EXPECT_EQ(TabariTimeSignal(peace.data(), 7, s), "");
  ApplyTabariSettingLine("SET: TIME SHIFT = TRUE", &s);
  EXPECT_EQ(TabariTimeSignal(peace.data(), 7, s), "+++");
}

// Builds a view over words; `mentions` and `verbs` give the token index of each one-token
// actor (all in their own coordination group unless `group` says otherwise) and verb.
struct Sentence {
  std::vector<text::Token> tokens;
  std::vector<uint32_t> mention_of, verb_of;
  std::vector<int> groups;
  Sentence(const std::vector<std::string>& words, const std::vector<uint32_t>& mentions,
           const std::vector<uint32_t>& verbs, const std::vector<int>& group) {
    for (const auto& w : words) {
      text::Token t;
      t.norm = w;
      t.flags = text::kWord;
      tokens.push_back(t);
    }
    mention_of.assign(words.size(), kNoIndex);
    verb_of.assign(words.size(), kNoIndex);
    for (size_t i = 0; i < mentions.size(); ++i) mention_of[mentions[i]] = static_cast<uint32_t>(i);
    for (size_t i = 0; i < verbs.size(); ++i) verb_of[verbs[i]] = static_cast<uint32_t>(i);
    groups = group;
  }
  TabariSentenceView View() const {
    return {tokens.data(), static_cast<uint32_t>(tokens.size()), &mention_of, &verb_of, &groups};
  }
};

TEST(TabariClauseTest, ConjunctionBeforeVerbOrNewSubjectSplits) {
  // GONDOR CONDEMNED ITHILEN AND PROMISED AID BUT DAGOLATH REFUSED
  Sentence s({"GONDOR", "CONDEMNED", "ITHILEN", "AND", "PROMISED", "AID", "BUT", "DAGOLATH",
              "REFUSED"},
             {0, 2, 7}, {1, 4, 8}, {0, 1, 2});
  EXPECT_EQ(TabariClauseStarts(s.View()), (std::vector<uint32_t>{0, 3, 6}));
  EXPECT_EQ(TabariFirstMention(s.View(), 3, 9), 2u);
  EXPECT_EQ(TabariFirstMention(s.View(), 3, 7), kNoIndex);
}

TEST(TabariClauseTest, ConjunctionBeforeSubjectPronounSplits) {
  // CALENARDHON URGED BREE AND THEN IT REQUESTED THAT ELROND ASSIST: "requested" is no
  // dictionary verb, the pronoun alone starts the clause.
  Sentence s({"CALENARDHON", "URGED", "BREE", "AND", "THEN", "IT", "REQUESTED", "THAT", "ELROND",
              "ASSIST"},
             {0, 2, 8}, {1, 9}, {0, 1, 2});
  EXPECT_EQ(TabariClauseStarts(s.View()), (std::vector<uint32_t>{0, 3}));
  // CALENARDHON URGED BREE AND ITHILEN: no subject pronoun, no verb: one clause.
  Sentence t({"CALENARDHON", "URGED", "BREE", "AND", "ITHILEN"}, {0, 2, 4}, {1}, {0, 1, 1});
  EXPECT_EQ(TabariClauseStarts(t.View()), (std::vector<uint32_t>{0}));
}

TEST(TabariClauseTest, CompoundActorsDoNotSplit) {
  // ELROND AND GONDOR URGED BREE ; GONDOR MET ITHILEN AND DAGOLATH OFFICIALS
  Sentence a({"ELROND", "AND", "GONDOR", "URGED", "BREE"}, {0, 2, 4}, {3}, {0, 0, 1});
  EXPECT_EQ(TabariClauseStarts(a.View()), (std::vector<uint32_t>{0}));
  Sentence b({"GONDOR", "MET", "ITHILEN", "AND", "DAGOLATH", "OFFICIALS"}, {0, 2, 4}, {1},
             {0, 1, 1});
  EXPECT_EQ(TabariClauseStarts(b.View()), (std::vector<uint32_t>{0}));
}

TEST(TabariCommaTest, DeletesSubordinateClausesByLength) {
  // "A B, C D E, F G H ." with MIN=2..MAX=10 inside and EMIN=2..EMAX=10 at the end.
  std::vector<text::Token> tokens;
  for (const char* w : {"A", "B", ",", "C", "D", "E", ",", "F", "G", "H", "."}) {
    text::Token t;
    t.norm = w;
    t.flags = (w[0] == ',' || w[0] == '.') ? text::kPunct : text::kWord;
    tokens.push_back(t);
  }
  TabariSettings s;
  using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;
  // The interior clause goes with both its commas, so "F G H" is no longer comma-delimited.
  EXPECT_EQ(TabariDeletedCommaClauses(tokens.data(), 11, s), (Ranges{{3, 6}}));
  ApplyTabariSettingLine("COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 2 BMAX = 8", &s);
  EXPECT_EQ(s.comma_min, 4);
  EXPECT_EQ(s.comma_end_min, 3);
  EXPECT_EQ(s.comma_begin_max, 8);
  // "C D E" is too short to be deleted: "A B" and "F G H" stay comma-delimited.
  EXPECT_EQ(TabariDeletedCommaClauses(tokens.data(), 11, s), (Ranges{{0, 2}, {7, 10}}));
  ApplyTabariSettingLine("COMMA: OFF", &s);
  EXPECT_TRUE(TabariDeletedCommaClauses(tokens.data(), 11, s).empty());
}

}  // namespace
}  // namespace annal::code
