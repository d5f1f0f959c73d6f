#include "context/actor_kb.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "code/default_dictionaries.h"
#include "lexicon/dictionary_reader.h"

namespace annal::context {
namespace {

int32_t Day(const char* iso) {
  int32_t d = 0;
  EXPECT_TRUE(lexicon::ParseIsoDate(iso, &d)) << iso;
  return d;
}

TEST(ActorKbTest, ReadsRowsAndDates) {
  ActorKb kb;
  ParseActorKb(
      "# comment\n"
      "name\taliases\tcode\tcountry\tstart\tend\tsource\n"
      "Hamid Karzai\tKarzai|President Karzai\tAFGGOV\tAFG\t2001-12-22\t2014-09\treign:1\n"
      "Hamid Karzai\t\tAFGELI\tAFG\t\t\treign\n"
      "Ithil Front\t\tITHREB\tITH\t1999\t2003\t\n",
      "kb.tsv", &kb);
  ASSERT_TRUE(kb.diagnostics.empty()) << kb.diagnostics[0].ToString();
  ASSERT_EQ(kb.rows.size(), 3u);
  EXPECT_EQ(kb.rows[0].name, "Hamid Karzai");
  EXPECT_EQ(kb.rows[0].aliases, (std::vector<std::string>{"Karzai", "President Karzai"}));
  EXPECT_EQ(kb.rows[0].from_day, Day("2001-12-22"));
  EXPECT_EQ(kb.rows[0].to_day, Day("2014-09-30"));  // a month as an end is its last day
  EXPECT_EQ(kb.rows[0].line, 3u);
  EXPECT_EQ(kb.rows[1].from_day, lexicon::kDayMin);
  EXPECT_EQ(kb.rows[1].to_day, lexicon::kDayMax);
  EXPECT_EQ(kb.rows[2].from_day, Day("1999-01-01"));
  EXPECT_EQ(kb.rows[2].to_day, Day("2003-12-31"));
}

TEST(ActorKbTest, ColumnsByHeaderName) {
  ActorKb kb;
  ParseActorKb("code\tname\textra\nRUSGOV\tSergei Ivanov\twhatever\n", "kb.tsv", &kb);
  ASSERT_EQ(kb.rows.size(), 1u);
  EXPECT_EQ(kb.rows[0].name, "Sergei Ivanov");
  EXPECT_EQ(kb.rows[0].code, "RUSGOV");
}

TEST(ActorKbTest, BadLinesNamedByFileAndLine) {
  ActorKb kb;
  ParseActorKb(
      "name\taliases\tcode\tcountry\tstart\tend\tsource\n"
      "Good Name\t\tAFG\t\t\t\t\n"
      "\t\tAFG\t\t\t\t\n"
      "Bad Code\t\tafg gov\t\t\t\t\n"
      "Bad Date\t\tAFG\t\t2001-13-01\t\t\n"
      "Backwards\t\tAFG\t\t2005\t2001\t\n"
      "Short\n",
      "users.tsv", &kb);
  ASSERT_EQ(kb.rows.size(), 1u);
  ASSERT_EQ(kb.diagnostics.size(), 5u);
  EXPECT_EQ(kb.diagnostics[0].ToString().rfind("users.tsv:3: empty name", 0), 0u)
      << kb.diagnostics[0].ToString();
  EXPECT_EQ(kb.diagnostics[1].line, 4u);
  EXPECT_NE(kb.diagnostics[1].message.find("bad code"), std::string::npos);
  EXPECT_EQ(kb.diagnostics[2].line, 5u);
  EXPECT_NE(kb.diagnostics[2].message.find("bad start date"), std::string::npos);
  EXPECT_EQ(kb.diagnostics[3].line, 6u);
  EXPECT_EQ(kb.diagnostics[4].line, 7u);
}

TEST(ActorKbTest, MissingHeaderIsOneDiagnostic) {
  ActorKb kb;
  ParseActorKb("Hamid Karzai\t\tAFGGOV\n", "kb.tsv", &kb);
  EXPECT_TRUE(kb.rows.empty());
  ASSERT_EQ(kb.diagnostics.size(), 1u);
  EXPECT_EQ(kb.diagnostics[0].line, 1u);
}

TEST(ActorKbTest, NamePhraseUsesTheTokenizer) {
  lexicon::Phrase p = NamePhrase("Côte d'Ivoire");
  ASSERT_FALSE(p.empty());
  EXPECT_EQ(p[0].text, "COTE");
  // Not mistaken for a dateline ("MOSCOW -"): every word stays.
  lexicon::Phrase d = NamePhrase("TTP - MR");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].text, "TTP");
  EXPECT_EQ(d[2].text, "MR");
  lexicon::Phrase q = NamePhrase("Kim Jong-Un");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[1].text, "JONG-UN");
}

// Phoenix (an earlier entry) wins: a shared name is not added again; a tenure the earlier
// entry lacks is added to it when it is the same country; other countries' codes never are.
TEST(ActorKbTest, EarlierEntriesWinOnSharedNames) {
  lexicon::DictionarySet set;
  ASSERT_TRUE(lexicon::ReadDictionary("ARNOR_KING_ [ARNGOV 20010101-20051231]\n+ELENDIL_\n",
                                      "t.actors.txt", lexicon::DictionaryKind::kActors,
                                      lexicon::DictionaryFormat::kPetrarch, &set)
                  .ok());
  ASSERT_EQ(set.actors.size(), 1u);
  ActorKb kb;
  ParseActorKb(
      "name\taliases\tcode\tcountry\tstart\tend\tsource\n"
      "Elendil\t\tARNGOV\tARN\t2010\t2012\t\n"     // same country, new dates: appended
      "Elendil\t\tARNGOV\tARN\t2003\t2004\t\n"     // overlaps Phoenix's dates: dropped
      "Arnor King\t\tGONGOV\tGON\t2015\t2016\t\n"  // other country: dropped
      "Elendil\t\tARNELI\tARN\t\t\t\n"             // undated: Phoenix's default stands
      "Isildur\tElendil|Isildur the Tall\tARNMIL\tARN\t\t\t\n",  // alias taken, rest new
      "kb.tsv", &kb);
  ASSERT_TRUE(kb.diagnostics.empty());
  set.files.push_back("kb.tsv");
  ActorKbMergeStats stats = MergeActorKb(kb, 1, &set);
  ASSERT_EQ(set.actors.size(), 2u);
  ASSERT_EQ(set.actors[0].codes.size(), 2u);
  EXPECT_EQ(set.actors[0].codes[1].code, "ARNGOV");
  EXPECT_EQ(set.actors[0].codes[1].from_day, Day("2010-01-01"));
  EXPECT_EQ(stats.codes_added_to_existing, 1u);
  const lexicon::ActorEntry& isildur = set.actors[1];
  ASSERT_EQ(isildur.names.size(), 2u);  // ISILDUR, ISILDUR THE TALL; not ELENDIL
  EXPECT_EQ(isildur.names[0][0].text, "ISILDUR");
  EXPECT_EQ(isildur.where.file, 1u);
  EXPECT_EQ(isildur.where.line, 6u);
  EXPECT_EQ(stats.entries_added, 1u);
}

TEST(ActorKbTest, RowsWithOneNameFormOneEntry) {
  lexicon::DictionarySet set;
  ActorKb kb;
  ParseActorKb(
      "name\tcode\tstart\tend\n"
      "Falastur\tGONGOV\t1990\t1995\n"
      "Falastur\tGONGOV\t2000\t2004\n"
      "Falastur\tGONELI\t\t\n",
      "kb.tsv", &kb);
  set.files.push_back("kb.tsv");
  MergeActorKb(kb, 0, &set);
  ASSERT_EQ(set.actors.size(), 1u);
  EXPECT_EQ(set.actors[0].codes.size(), 3u);
}

TEST(ActorKbTest, ReadDictionaryTakesTsvActorFiles) {
  lexicon::DictionarySet set;
  Status s = lexicon::ReadDictionary("name\tcode\nFalastur\tGONGOV\nbroken line\n", "mine.tsv",
                                     lexicon::DictionaryKind::kActors,
                                     lexicon::DictionaryFormat::kAuto, &set);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(set.actors.size(), 1u);
  EXPECT_EQ(set.files[set.actors[0].where.file], "mine.tsv");
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.diagnostics[0].line, 3u);
}

TEST(ActorKbTest, ShippedKnowledgeBaseReadsCleanly) {
  for (const char* name :
       {"reign_leaders.tsv", "ucdp_groups.tsv", "country_names.tsv", "country_demonyms.tsv"}) {
    lexicon::DictionarySet set;
    DictionaryFiles files;
    files.actors = {std::string(ANNAL_TEST_DATA_DIR) + "/actors/" + name};
    ASSERT_TRUE(lexicon::ReadDictionaryFiles(files, &set).ok()) << name;
    EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
    EXPECT_GT(set.actors.size(), 5u) << name;
  }
}

// A user's .tsv dropped into data/actors/ joins the defaults after Phoenix and before the
// shipped knowledge base (so its rows win over the shipped ones).
TEST(ActorKbTest, DefaultsPickUpUserFilesInTheActorsFolder) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("annal_actor_kb_test_" + std::to_string(::getpid()));
  fs::create_directories(dir / "actors");
  std::ofstream(dir / "actors" / "zz_mine.tsv") << "name\tcode\nFalastur\tGONGOV\n";
  std::ofstream(dir / "actors" / "notes.txt") << "not a knowledge base\n";
  DictionaryFiles f = code::DefaultDictionaryFiles(dir.string());
  auto pos = [&](const std::string& tail) {
    for (size_t i = 0; i < f.actors.size(); ++i) {
      if (f.actors[i].size() >= tail.size() &&
          f.actors[i].compare(f.actors[i].size() - tail.size(), tail.size(), tail) == 0) {
        return static_cast<int>(i);
      }
    }
    return -1;
  };
  EXPECT_GT(pos("zz_mine.tsv"), pos("Phoenix.MilNonState.actors.txt"));
  EXPECT_LT(pos("zz_mine.tsv"), pos("reign_leaders.tsv"));
  EXPECT_EQ(pos("notes.txt"), -1);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace annal::context
