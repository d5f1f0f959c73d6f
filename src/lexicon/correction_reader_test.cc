// Correction files (correction_reader.cc): codes of earlier actor and agent entries mended by
// name and old code, and the shipped corrections applied to the shipped Phoenix files.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "code/default_dictionaries.h"
#include "lexicon/dictionary_reader.h"
#include "lexicon/dictionary_text.h"
#include "lexicon/lexicon.h"

namespace annal::lexicon {
namespace {

constexpr std::string_view kActors =
    "UNITA_ [ANGREB] # a wrong country code\n"        // entry 0
    "+NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_\n"
    "TIGERS_ [SWZREB]\n"                               // entry 1
    "KENYA_ [KEN]\n"                                   // entry 2
    "+NAIROBI_\n"
    "[KENGOV 020101-021231]\n";
constexpr std::string_view kAgents =
    "DEPUTY [~COP]\n"
    "SHERIFF_DEPUTY [~COP]\n"
    "HUMAN_RIGHTS_BODY [NGO~]\n";

DictionarySet ReadBase() {
  DictionarySet set;
  EXPECT_TRUE(ReadDictionary(kActors, "a.txt", DictionaryKind::kActors, DictionaryFormat::kPetrarch,
                             &set)
                  .ok());
  EXPECT_TRUE(ReadDictionary(kAgents, "g.txt", DictionaryKind::kAgents, DictionaryFormat::kPetrarch,
                             &set)
                  .ok());
  return set;
}

Status Correct(std::string_view text, DictionarySet* set,
               DictionaryKind kind = DictionaryKind::kAgents) {
  return ReadDictionary(text, "mine.corrections.txt", kind, DictionaryFormat::kAuto, set);
}

TEST(CorrectionReaderTest, ActorCodeIsReplacedByAnyOfItsNames) {
  DictionarySet set = ReadBase();
  const size_t actors = set.actors.size();
  // By the synonym; the KENGOV code of another entry is untouched.
  ASSERT_TRUE(Correct("ACTOR NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA [ANGREB] -> [AGOREB]\n"
                      "actor tigers_ [swzreb] -> [lkareb]  # lower case is read as upper\n",
                      &set)
                  .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  EXPECT_EQ(set.actors.size(), actors);  // adds no entry
  EXPECT_EQ(set.actors[0].codes.at(0).code, "AGOREB");
  EXPECT_EQ(set.actors[1].codes.at(0).code, "LKAREB");
  EXPECT_EQ(set.actors[2].codes.at(1).code, "KENGOV");
}

TEST(CorrectionReaderTest, DatedCodeKeepsItsDates) {
  DictionarySet set = ReadBase();
  const DatedCode before = set.actors[2].codes.at(1);
  ASSERT_TRUE(Correct("ACTOR NAIROBI [KENGOV] -> [KENELI]\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty());
  EXPECT_EQ(set.actors[2].codes.at(1).code, "KENELI");
  EXPECT_EQ(set.actors[2].codes.at(1).from_day, before.from_day);
  EXPECT_EQ(set.actors[2].codes.at(1).to_day, before.to_day);
  EXPECT_EQ(set.actors[2].codes.at(0).code, "KEN");
}

TEST(CorrectionReaderTest, DatedOldCodeMatchesOnlyThoseDatesAndNewDatesReplaceThem) {
  DictionarySet set = ReadBase();
  int32_t d2002, d2003, d2001;
  ASSERT_TRUE(ParseDictionaryDate("20020101", &d2002));
  ASSERT_TRUE(ParseDictionaryDate("20030630", &d2003));
  ASSERT_TRUE(ParseDictionaryDate("20010101", &d2001));
  // Other dates than the entry's: nothing changes, and the line says so.
  ASSERT_TRUE(Correct("ACTOR KENYA [KENGOV 020101-031231] -> [KENGOV 20020101-20030630]\n", &set,
                      DictionaryKind::kActors)
                  .ok());
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_NE(set.diagnostics[0].message.find("matched no actor"), std::string::npos);
  EXPECT_EQ(set.actors[2].codes.at(1).from_day, d2002);
  // The entry's own dates (two-digit years, as Phoenix writes them): closed at the new end.
  ASSERT_TRUE(Correct("ACTOR KENYA [KENGOV 020101-021231] -> [KENGOV 20020101-20030630]\n", &set,
                      DictionaryKind::kActors)
                  .ok());
  EXPECT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.actors[2].codes.at(1).code, "KENGOV");
  EXPECT_EQ(set.actors[2].codes.at(1).from_day, d2002);
  EXPECT_EQ(set.actors[2].codes.at(1).to_day, d2003);
  // An undated old code still matches whatever the dates, and dates given in the new block
  // replace them.
  ASSERT_TRUE(
      Correct("ACTOR KENYA [KENGOV] -> [KENELI >20010101]\n", &set, DictionaryKind::kActors).ok());
  EXPECT_EQ(set.actors[2].codes.at(1).code, "KENELI");
  EXPECT_EQ(set.actors[2].codes.at(1).from_day, d2001);
  EXPECT_EQ(set.actors[2].codes.at(1).to_day, kDayMax);
}

TEST(CorrectionReaderTest, AddedDatedCodeGoesToEveryEntryOfThatName) {
  DictionarySet set = ReadBase();
  const size_t actors = set.actors.size();
  ASSERT_TRUE(Correct("ACTOR TIGERS_ + [LKAREB 19760505-20090518]  # a later office\n", &set,
                      DictionaryKind::kActors)
                  .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  EXPECT_EQ(set.actors.size(), actors);
  ASSERT_EQ(set.actors[1].codes.size(), 2u);
  EXPECT_EQ(set.actors[1].codes[0].code, "SWZREB");
  EXPECT_EQ(set.actors[1].codes[1].code, "LKAREB");
  int32_t from, to;
  ASSERT_TRUE(ParseDictionaryDate("19760505", &from));
  ASSERT_TRUE(ParseDictionaryDate("20090518", &to));
  EXPECT_EQ(set.actors[1].codes[1].from_day, from);
  EXPECT_EQ(set.actors[1].codes[1].to_day, to);
  EXPECT_EQ(set.actors[0].codes.size(), 1u);  // other entries untouched
}

TEST(CorrectionReaderTest, UndatedCodeIsAddedOnlyWhereThereIsNoDefault) {
  DictionarySet set;
  ASSERT_TRUE(ReadDictionary("OLAF_SCHOLZ_\n[DEUGOVLAB 080301-091031]\n", "a.txt",
                             DictionaryKind::kActors, DictionaryFormat::kPetrarch, &set)
                  .ok());
  ASSERT_TRUE(Correct("ACTOR OLAF_SCHOLZ_ + [DEUGOV 20211208-20250506]\n"
                      "ACTOR OLAF_SCHOLZ_ + [DEUELI]\n",
                      &set, DictionaryKind::kActors)
                  .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  ASSERT_EQ(set.actors[0].codes.size(), 3u);
  EXPECT_EQ(set.actors[0].codes[2].code, "DEUELI");
  EXPECT_EQ(set.actors[0].codes[2].from_day, kDayMin);
  EXPECT_EQ(set.actors[0].codes[2].to_day, kDayMax);
}

TEST(CorrectionReaderTest, MalformedAddsAreDiagnosed) {
  DictionarySet set = ReadBase();
  // Undated to an entry with a default, bad date, an agent add, an unknown name.
  ASSERT_TRUE(Correct("ACTOR TIGERS + [LKAREB]\n"
                      "ACTOR TIGERS + [LKAREB 20091399-]\n"
                      "AGENT DEPUTY + [~LEG 20010101-20020101]\n"
                      "ACTOR NOBODY_HERE + [XYZ >20010101]\n",
                      &set, DictionaryKind::kActors)
                  .ok());
  ASSERT_EQ(set.diagnostics.size(), 4u);
  EXPECT_NE(set.diagnostics[0].message.find("second default"), std::string::npos)
      << set.diagnostics[0].message;
  EXPECT_EQ(set.diagnostics[1].line, 2u);
  EXPECT_NE(set.diagnostics[2].message.find("correction needs"), std::string::npos);
  EXPECT_NE(set.diagnostics[3].message.find("matched no actor entry named NOBODY HERE"),
            std::string::npos)
      << set.diagnostics[3].message;
  EXPECT_EQ(set.actors[1].codes.size(), 1u);
}

TEST(CorrectionReaderTest, AgentCodeAndSideAreReplaced) {
  DictionarySet set = ReadBase();
  // By the generated plural; SHERIFF_DEPUTY (another entry, same code) is untouched.
  ASSERT_TRUE(Correct("AGENT DEPUTIES [~COP] -> [~LEG]\n"
                      "AGENT HUMAN_RIGHTS_BODY [NGO~] -> [~NGO]\n",
                      &set)
                  .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  EXPECT_EQ(set.agents[0].code, "LEG");
  EXPECT_TRUE(set.agents[0].suffix);
  EXPECT_EQ(set.agents[1].code, "COP");
  EXPECT_EQ(set.agents[2].code, "NGO");
  EXPECT_TRUE(set.agents[2].suffix);
}

TEST(CorrectionReaderTest, LineMatchingNothingIsADiagnosticNotAnError) {
  DictionarySet set = ReadBase();
  // Wrong old code, unknown name, agent code given for an actor: nothing changes, the file
  // still reads (a correction file adds no entry, so it is never "of the wrong kind").
  Status s = Correct(
      "ACTOR UNITA [XYZREB] -> [AGOREB]\n"
      "AGENT GENERAL [~MIL] -> [~GOV]\n"
      "ACTOR UNITA [ANGREB] -> [~AGO]\n"
      "ACTOR UNITA ANGREB -> AGOREB\n"
      "SYNONYM UNITA [ANGREB] -> [AGOREB]\n",
      &set, DictionaryKind::kActors);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(set.diagnostics.size(), 5u);
  EXPECT_EQ(set.diagnostics[0].line, 1u);
  EXPECT_NE(set.diagnostics[0].message.find("matched no actor entry named UNITA"), std::string::npos)
      << set.diagnostics[0].message;
  EXPECT_NE(set.diagnostics[1].message.find("matched no agent"), std::string::npos);
  EXPECT_EQ(set.actors[0].codes.at(0).code, "ANGREB");
}

TEST(CorrectionReaderTest, OnlyFilesNamedSoAreCorrections) {
  DictionarySet set = ReadBase();
  // The same line in an ordinary agent file is a malformed agent line, not a correction.
  Status s = ReadDictionary("AGENT DEPUTY [~COP] -> [~LEG]\n", "other.txt", DictionaryKind::kAgents,
                            DictionaryFormat::kPetrarch, &set);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(set.agents[0].code, "COP");
}

TEST(CorrectionReaderTest, NameIsAddedToTheOneEntryOfThatName) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(
      Correct("ACTOR NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_ + UNITA_MOVEMENT_\n"
              "actor kenya_ + republic of kenya  # blanks separate words too\n",
              &set)
          .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  ASSERT_EQ(set.actors[0].names.size(), 3u);
  EXPECT_EQ(internal::PhraseText(set.actors[0].names[2]), "UNITA MOVEMENT");
  ASSERT_EQ(set.actors[2].names.size(), 3u);
  EXPECT_EQ(internal::PhraseText(set.actors[2].names[2]), "REPUBLIC OF KENYA");
  EXPECT_EQ(set.actors[1].names.size(), 1u);  // TIGERS untouched
}

TEST(CorrectionReaderTest, NameThatWouldMergeOrRepeatEntriesIsRefused) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(ReadDictionary("TIGERS_ [LKAREB]\n", "b.txt", DictionaryKind::kActors,
                             DictionaryFormat::kPetrarch, &set)
                  .ok());
  const size_t diags = set.diagnostics.size();
  ASSERT_TRUE(Correct("ACTOR TIGERS_ + TAMIL_TIGERS_\n"  // two entries are named TIGERS
                      "ACTOR KENYA_ + UNITA_\n"          // UNITA names another entry
                      "ACTOR KENYA_ + NAIROBI_\n"        // already a name of this one
                      "ACTOR NOBODY_ + SOMEBODY_\n"      // no entry
                      "AGENT DEPUTY + SHERIFF_\n"        // agents take no names
                      "ACTOR KENYA_ + \n",               // no name
                      &set)
                  .ok());
  ASSERT_EQ(set.diagnostics.size(), diags + 6);
  EXPECT_NE(set.diagnostics[diags].message.find("names 2 actor entries"), std::string::npos);
  EXPECT_NE(set.diagnostics[diags + 1].message.find("UNITA already names an actor entry (a.txt:1)"),
            std::string::npos)
      << set.diagnostics[diags + 1].message;
  EXPECT_NE(set.diagnostics[diags + 2].message.find("NAIROBI already names"), std::string::npos);
  EXPECT_NE(set.diagnostics[diags + 3].message.find("matched no actor entry named NOBODY"),
            std::string::npos);
  EXPECT_NE(set.diagnostics[diags + 4].message.find("correction needs"), std::string::npos);
  EXPECT_NE(set.diagnostics[diags + 5].message.find("one phrase"), std::string::npos);
  EXPECT_EQ(set.actors[1].names.size(), 1u);
  EXPECT_EQ(set.actors[2].names.size(), 2u);
}

// The shipped corrections all apply to the shipped Phoenix files, and the corrected entries code
// what the corrections say.
TEST(CorrectionReaderTest, ShippedCorrectionsApply) {
  DictionarySet set;
  ASSERT_TRUE(ReadDictionaryFiles(code::DefaultDictionaryFiles(ANNAL_TEST_DATA_DIR), &set).ok());
  size_t corrections = set.files.size();
  for (size_t i = 0; i < set.files.size(); ++i) {
    if (set.files[i].ends_with("annal.corrections.txt")) corrections = i;
  }
  ASSERT_LT(corrections, set.files.size());
  for (const Diagnostic& d : set.diagnostics) {
    EXPECT_FALSE(d.file.ends_with("annal.corrections.txt")) << d.ToString();
  }
  auto actor_codes = [&](std::string_view name) {
    std::string codes;
    for (const ActorEntry& a : set.actors) {
      for (const Phrase& p : a.names) {
        if (internal::PhraseText(p) != name) continue;
        for (const DatedCode& c : a.codes) codes += c.code + " ";
      }
    }
    return codes;
  };
  EXPECT_EQ(actor_codes("UNITA"), "AGOREB ");
  EXPECT_EQ(actor_codes("TIGERS"), "LKAREB ");
  EXPECT_EQ(actor_codes("RUF"), "SLEREB ");
  for (const AgentEntry& a : set.agents) {
    for (const Phrase& p : a.names) {
      if (internal::PhraseText(p) == "DEPUTIES") {
        EXPECT_EQ(a.code, "LEG");
      }
      if (internal::PhraseText(p) == "SHERIFF 'S DEPUTIES") {
        EXPECT_EQ(a.code, "COP");
      }
    }
  }
}

}  // namespace
}  // namespace annal::lexicon
