// Reads every real dictionary file the project knows of: the PETRARCH, PETRARCH-2 and TABARI
// files under ../shared/data/peers (skipped when that folder is absent) and the copies shipped
// in data/dictionaries. Counts are checked against the SOURCE.md descriptions (which count
// source lines) and every diagnostic is accounted for: each one is a genuinely malformed line
// in the file, listed in the test.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "lexicon/dictionary_reader.h"
#include "util/file.h"

namespace annal::lexicon {
namespace {

const std::string kPeers = std::string(ANNAL_TEST_SHARED_DIR) + "/data/peers/";
const std::string kShipped = std::string(ANNAL_TEST_DATA_DIR) + "/dictionaries/";

// Reads one file; the returned set is empty when the file is missing (the caller skips).
bool ReadOne(const std::string& path, DictionaryKind kind, DictionarySet* set) {
  std::string content;
  if (!ReadFileToString(path, &content).ok()) return false;
  Status s = ReadDictionary(content, path, kind, DictionaryFormat::kAuto, set);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return true;
}

#define READ_PEER_OR_SKIP(relative, kind, set)                                     \
  DictionarySet set;                                                               \
  if (!ReadOne(kPeers + (relative), (kind), &set)) {                               \
    GTEST_SKIP() << kPeers << relative << " not found (../shared absent?)";      \
  }

std::vector<uint32_t> DiagnosticLines(const DictionarySet& set) {
  std::vector<uint32_t> lines;
  for (const Diagnostic& d : set.diagnostics) lines.push_back(d.line);
  return lines;
}

size_t PatternCount(const DictionarySet& set) {
  size_t n = 0;
  for (const VerbBlock& b : set.verbs) n += b.patterns.size();
  return n;
}

size_t NameCount(const DictionarySet& set) {
  size_t n = 0;
  for (const ActorEntry& a : set.actors) n += a.names.size();
  return n;
}

// The entries and names the PETRARCH actor reader generates from a file's demonyms
// (actor_reader.cc, AddDemonymPlurals): one code-less "ETHNIC <demonym>" entry per entry with
// a demonym, and a plural name per demonym ("IRAQIS").
struct Generated {
  size_t ethnic_entries = 0, ethnic_names = 0;
};
Generated GeneratedEthnicGroups(const DictionarySet& set) {
  Generated g;
  for (const ActorEntry& a : set.actors) {
    if (!a.codes.empty() || a.names.empty() || a.names[0].size() != 2 ||
        a.names[0][0].text != "ETHNIC") {
      continue;
    }
    ++g.ethnic_entries;
    g.ethnic_names += a.names.size();
  }
  return g;
}

size_t DatedCodeCount(const DictionarySet& set) {
  size_t n = 0;
  for (const ActorEntry& a : set.actors) {
    for (const DatedCode& c : a.codes) n += (c.from_day != kDayMin || c.to_day != kDayMax);
  }
  return n;
}

// ------------------------------------------------------------------ verbs

TEST(PeerVerbsTest, Petrarch2Cameo) {
  READ_PEER_OR_SKIP("petrarch2/CAMEO.2.0.txt", DictionaryKind::kVerbs, set);
  // SOURCE.md: 40 synsets, 397 verb blocks, 4,668 pattern lines, 8 transformations.
  EXPECT_EQ(set.synsets.size(), 40u);
  EXPECT_EQ(set.verbs.size(), 397u);
  EXPECT_EQ(set.transformations.size(), 8u);
  // 4 pattern lines are malformed: "(WITH VISIT) VISIT)[042:043]" and "(ON ^) ^)[111]" have a
  // stray ')', and &WEATHER and &DEMONSTRATION are never defined.
  EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{2374, 7606, 8443, 8444}));
  EXPECT_EQ(PatternCount(set), 4668u - 4);
  // Every block has forms; spot-check one multi-word verb and a paired block code.
  for (const VerbBlock& b : set.verbs) EXPECT_FALSE(b.forms.empty()) << b.name;
  bool call_off = false;
  for (const VerbBlock& b : set.verbs) {
    for (const VerbBlock::Form& f : b.forms) {
      if (f.words.size() == 2 && f.words[0].text == "CALLED" && f.words[1].text == "OFF") {
        call_off = true;
        EXPECT_EQ(f.verb_word, 0);
        EXPECT_EQ(f.code, "160");
      }
    }
    if (b.name == "VISIT") {
      EXPECT_EQ(b.code, "042");
      EXPECT_EQ(b.alt_code, "043");
    }
  }
  EXPECT_TRUE(call_off);
}

TEST(PeerVerbsTest, Petrarch1VerbPatterns) {
  READ_PEER_OR_SKIP("petrarch/CAMEO.verbpatterns.150430.txt", DictionaryKind::kVerbs, set);
  // SOURCE.md: 38 synsets, 396 verb blocks, 11,010 pattern lines.
  EXPECT_EQ(set.synsets.size(), 38u);
  EXPECT_EQ(set.verbs.size(), 396u);
  // 2568 "BLOWING_UP+", 4387 and 10843 two '*', 5860 and 8733 no code, 8056 no '*',
  // 8394 stray '}', 12935 "-- + HAVE * BATTLES IN + [190]" (one of the 11,010 "- " lines).
  EXPECT_EQ(DiagnosticLines(set),
            (std::vector<uint32_t>{2568, 4387, 5860, 8056, 8394, 8733, 10843, 12935}));
  EXPECT_EQ(PatternCount(set), 11010u - 6);
}

TEST(PeerVerbsTest, TabariCameoMaster) {
  READ_PEER_OR_SKIP("TABARI-Code/CAMEO.091003.master.verbs", DictionaryKind::kVerbs, set);
  // SOURCE.md: 1,216 verb roots, 15,582 pattern lines; "{ A | B }" alternatives expand.
  EXPECT_EQ(set.verbs.size(), 1216u);
  // 6214 "*~_CLOSELY", 10190 and 16330 two '*', 13706 stray '}'.
  EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{6214, 10190, 13706, 16330}));
  EXPECT_GT(PatternCount(set), 15582u - 4);
  EXPECT_EQ(PatternCount(set), 16584u);
  for (const VerbBlock& b : set.verbs) {
    // One form per root, plus the regular endings of a root written as a whole word
    // ("DEPART_": DEPARTS, DEPARTED, DEPARTES, DEPARTEN, DEPARTING; four after a final E).
    ASSERT_GE(b.forms.size(), 1u) << b.name;
    if (b.forms.size() > 1) {
      EXPECT_TRUE(b.forms[0].words.size() == 1 && b.forms[0].words[0].exact) << b.name;
      EXPECT_LE(b.forms.size(), 6u) << b.name;
    }
    // A TABARI root without '_' is a stem ("ABUS" covers ABUSE, ABUSED).
    if (b.name == "ABUS") {
      EXPECT_FALSE(b.forms[0].words[0].exact);
    }
  }
}

TEST(PeerVerbsTest, SmallVerbFiles) {
  {
    READ_PEER_OR_SKIP("TABARI-Code/TABARI.Demo.verbs", DictionaryKind::kVerbs, set);
    EXPECT_EQ(set.verbs.size(), 283u);
    EXPECT_EQ(set.synsets.size(), 5u);
    EXPECT_EQ(PatternCount(set), 431u);
    // "+PESO_$"; the members made of other synsets (+&TIETYPES_MEMOS) are expanded.
    EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{7}));
  }
  {
    READ_PEER_OR_SKIP("petrarch2/PETR.Validate.verbs.txt", DictionaryKind::kVerbs, set);
    EXPECT_EQ(set.verbs.size(), 261u);
    EXPECT_EQ(set.synsets.size(), 17u);
    EXPECT_EQ(PatternCount(set), 473u);
    // "- * DIPLXMATIC  [" (unclosed code).
    EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{992}));
  }
}

// ------------------------------------------------------------------ actors

TEST(PeerActorsTest, PhoenixCountries) {
  READ_PEER_OR_SKIP("petrarch2/Phoenix.Countries.actors.txt", DictionaryKind::kActors, set);
  // SOURCE.md: 18,390 roots, 7,527 synonyms, 28,174 date-restricted code lines. The reader
  // adds 134 code-less "ETHNIC <demonym>" entries, 162 demonym plurals ("IRAQIS"), 2,099
  // first-and-last names of persons ("CARLOS MENEM" for CARLOS_SAUL_MENEM) and 2 names with a
  // plural possessive split as the text stage reads it (WORKERS' -> WORKERS 'S).
  Generated g = GeneratedEthnicGroups(set);
  EXPECT_EQ(g.ethnic_entries, 134u);
  // 37 roots follow a root without codes and join its entry (PETRARCH's reading).
  EXPECT_EQ(set.actors.size(), 18390u - 37 + g.ethnic_entries);
  EXPECT_EQ(NameCount(set) - g.ethnic_names, 18390u + 7527 - 1 + 162 + 2099 + 2);  // "+FAEROYENE]_" is malformed
  // Eight code lines have impossible dates (7-, 9- and 10-digit dates, a range ending before
  // it starts, two without '<', '>' or '-').
  EXPECT_EQ(DiagnosticLines(set),
            (std::vector<uint32_t>{2039, 14190, 15346, 18010, 22508, 22519, 31715, 43613, 51384}));
  // Of the 28,174 code lines 2,065 are undated "[CODE]" lines; two roots carry a dated code.
  EXPECT_EQ(DatedCodeCount(set), 26102u);
  size_t codes = 0;
  for (const ActorEntry& a : set.actors) codes += a.codes.size();
  EXPECT_EQ(codes, 28381u);
  // Karzai: [AFGGOV >011222] is the government from 22 Dec 2001 on.
  bool karzai = false;
  for (const ActorEntry& a : set.actors) {
    if (a.names[0].size() == 2 && a.names[0][0].text == "HAMID" && a.names[0][1].text == "KARZAI") {
      for (const DatedCode& c : a.codes) {
        if (c.code == "AFGGOV" && c.from_day == DaysFromCivil(2001, 12, 22) && c.to_day == kDayMax) karzai = true;
      }
    }
  }
  EXPECT_TRUE(karzai);
  // Every word is upper case and whole-word (PETRARCH semantics).
  for (const ActorEntry& a : set.actors) {
    for (const Phrase& p : a.names) {
      for (const PhraseWord& w : p) {
        ASSERT_TRUE(w.exact);
        for (char c : w.text) ASSERT_FALSE(c >= 'a' && c <= 'z') << w.text;
      }
    }
  }
}

TEST(PeerActorsTest, PhoenixInternationalAndMilNonState) {
  {
    READ_PEER_OR_SKIP("petrarch2/Phoenix.International.actors.txt", DictionaryKind::kActors, set);
    // SOURCE.md: 7,840 roots (one root line has no code and is counted here), 66 synonyms.
    EXPECT_EQ(GeneratedEthnicGroups(set).ethnic_entries, 0u);
    EXPECT_EQ(set.actors.size(), 7841u - 3);  // 3 roots join a root without codes
    // + 41 first-and-last names of officials, + 12 plural-possessive forms (WORKERS 'S)
    EXPECT_EQ(NameCount(set), 7841u + 66 + 41 + 12);
    // 40: a 7-digit date; 3696, 3726, 6605: tab-separated company data after the code.
    EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{40, 3696, 3726, 6605}));
  }
  {
    READ_PEER_OR_SKIP("petrarch2/Phoenix.MilNonState.actors.txt", DictionaryKind::kActors, set);
    EXPECT_EQ(set.actors.size(), 1021u);
    EXPECT_EQ(NameCount(set), 1021u + 772 + 8);  // + 8 plural-possessive forms
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("petrarch2/PETR.Validate.actors.txt", DictionaryKind::kActors, set);
    EXPECT_EQ(GeneratedEthnicGroups(set).ethnic_entries, 6u);
    EXPECT_EQ(set.actors.size(), 129u - 1 + 6);  // 1 root joins a root without codes
    EXPECT_TRUE(set.diagnostics.empty());
    bool lower_case_code = false;
    for (const ActorEntry& a : set.actors) {
      if (a.names[0] == Phrase{PhraseWord{"PALESTINIAN", true}}) {
        lower_case_code = a.codes.size() == 1 && a.codes[0].code == "PSE";  // "[pse]"
      }
    }
    EXPECT_TRUE(lower_case_code);
  }
}

TEST(PeerActorsTest, TabariActors) {
  {
    READ_PEER_OR_SKIP("TABARI-Code/TABARI.Demo.actors", DictionaryKind::kActors, set);
    EXPECT_EQ(set.actors.size(), 120u);  // "~~FINISH" ends the file
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("TABARI-Dictionaries/Internatnl.120521.actors", DictionaryKind::kActors, set);
    EXPECT_EQ(set.actors.size(), 7487u);  // SOURCE.md: 7,487 entries
    EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{2089, 2119, 4999}));  // company data
  }
}

TEST(PeerActorsTest, TabariCountryInfoZip) {
  const std::string zip = kPeers + "TABARI-Dictionaries/CountryInfo.120116.actors.zip";
  if (!std::filesystem::exists(zip)) GTEST_SKIP() << zip << " not found";
  const std::string dir = std::filesystem::temp_directory_path().string() + "/annal_lexicon_test_" +
                          std::to_string(static_cast<long>(std::chrono::steady_clock::now().time_since_epoch().count()));
  std::filesystem::create_directories(dir);
  const std::string command = "unzip -q -o '" + zip + "' -d '" + dir + "' >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) {
    std::filesystem::remove_all(dir);
    GTEST_SKIP() << "unzip not available";
  }
  DictionarySet set;
  bool read = ReadOne(dir + "/CountryInfo.120116.actors", DictionaryKind::kActors, &set);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(read);
  // SOURCE.md: 22,831 entry lines (one code per line, e.g. "AFGHAN_  [AFG]").
  EXPECT_EQ(set.actors.size(), 22829u);
  // One malformed phrase and ranges that end before they start even a century earlier.
  std::set<uint32_t> lines;
  for (const Diagnostic& d : set.diagnostics) lines.insert(d.line);
  EXPECT_TRUE(lines.count(15027));  // FAEROYENE]_
  EXPECT_TRUE(lines.count(5162));   // [BTNELI 730101-720721]
  EXPECT_LE(set.diagnostics.size(), 20u);
}

// ------------------------------------------------------------------ agents, lists, options

TEST(PeerAgentsTest, AllAgentFiles) {
  {
    READ_PEER_OR_SKIP("petrarch2/Phoenix.agents.txt", DictionaryKind::kAgents, set);
    EXPECT_EQ(set.agents.size(), 2243u);  // SOURCE.md: ~2,247 entries
    // 544 "[~ENV}", 1927 "ISLAMIC_EXTREMIST" without a code.
    EXPECT_EQ(DiagnosticLines(set), (std::vector<uint32_t>{544, 1927}));
    size_t prefix = 0;
    for (const AgentEntry& a : set.agents) prefix += !a.suffix;
    EXPECT_GT(prefix, 0u);
  }
  {
    READ_PEER_OR_SKIP("petrarch2/PETR.Validate.agents.txt", DictionaryKind::kAgents, set);
    EXPECT_EQ(set.agents.size(), 88u);
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("TABARI-Code/Validate.agents", DictionaryKind::kAgents, set);
    EXPECT_EQ(set.agents.size(), 86u);
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("TABARI-Dictionaries/PSU.120522.agents", DictionaryKind::kAgents, set);
    EXPECT_EQ(set.agents.size(), 2131u);  // SOURCE.md: 2,131 entries
    EXPECT_TRUE(set.diagnostics.empty());
  }
}

TEST(PeerListsTest, DiscardsIssuesOptions) {
  {
    READ_PEER_OR_SKIP("petrarch2/Phoenix.discards.txt", DictionaryKind::kDiscards, set);
    EXPECT_EQ(set.discards.size(), 506u);  // SOURCE.md: 506 phrases, 64 story-level
    size_t story = 0;
    for (const DiscardEntry& d : set.discards) story += d.whole_story;
    EXPECT_EQ(story, 64u);
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("petrarch2/PETR.Validate.discards.txt", DictionaryKind::kDiscards, set);
    EXPECT_EQ(set.discards.size(), 9u);
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("petrarch2/Phoenix.IssueCoding.txt", DictionaryKind::kIssues, set);
    std::set<std::string> categories;
    std::set<uint32_t> exclusion_lines;
    for (const IssueEntry& e : set.issues) {
      categories.insert(e.category);
      if (e.exclusion) exclusion_lines.insert(e.where.line);
    }
    // SOURCE.md: 52 <ISSUE> blocks; ELECTIONS is empty and KIDNAP has only lines without a
    // code ("v:kidnap"), which PETRARCH skips too.
    EXPECT_EQ(categories.size(), 50u);
    EXPECT_EQ(categories.count("KIDNAP"), 0u);
    EXPECT_EQ(exclusion_lines.size(), 181u - 1);  // 181 '~' lines; "~eu+ gene" is malformed
    EXPECT_EQ(set.issues.size(), 4909u);
    // 14 lines without a code (PETRARCH ignores them too), "~eu+ gene", and 4 lines with
    // text after the code.
    EXPECT_EQ(set.diagnostics.size(), 18u);
  }
  {
    READ_PEER_OR_SKIP("TABARI-Code/CAMEO.09b5.options", DictionaryKind::kOptions, set);
    EXPECT_EQ(set.labels.size(), 293u);  // SOURCE.md: 293 LABEL lines
    EXPECT_EQ(set.labels.front(), (std::pair<std::string, std::string>{"010", "Make statement"}));
    EXPECT_TRUE(set.diagnostics.empty());
  }
  {
    READ_PEER_OR_SKIP("TABARI-Code/Validate.options", DictionaryKind::kOptions, set);
    EXPECT_EQ(set.labels.size(), 89u);
    EXPECT_EQ(set.labels.front(), (std::pair<std::string, std::string>{"010", "YIELD"}));
    EXPECT_TRUE(set.diagnostics.empty());
  }
}

// ------------------------------------------------------------------ shipped dictionaries

TEST(ShippedDictionariesTest, ReadAllDefaults) {
  DictionaryFiles files;
  files.verbs = {kShipped + "CAMEO.2.0.txt", kShipped + "CAMEO.verbpatterns.150430.txt"};
  files.actors = {kShipped + "Phoenix.Countries.actors.txt", kShipped + "Phoenix.International.actors.txt",
                  kShipped + "Phoenix.MilNonState.actors.txt"};
  files.agents = {kShipped + "Phoenix.agents.txt"};
  files.discards = {kShipped + "Phoenix.discards.txt"};
  files.issues = {kShipped + "Phoenix.IssueCoding.txt"};
  DictionarySet set;
  auto start = std::chrono::steady_clock::now();
  Status s = ReadDictionaryFiles(files, &set);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::printf("read %zu shipped dictionary files in %.1f ms\n", set.files.size(), ms);
  EXPECT_EQ(set.files.size(), 8u);
  EXPECT_EQ(set.verbs.size(), 397u + 396);
  // The PETRARCH-1 file redefines 38 synsets of the same names; members are merged.
  EXPECT_EQ(set.synsets.size(), 40u);
  EXPECT_EQ(PatternCount(set), 4664u + 11004);
  // Roots that follow a root without codes join its entry, as PETRARCH reads them: 37 in the
  // Countries file (Gorbachev, Yeltsin, the SPLM, ...), 3 in the International one.
  EXPECT_EQ(set.actors.size(),
            18390u - 37 + 7841 - 3 + 1021 + GeneratedEthnicGroups(set).ethnic_entries);
  EXPECT_EQ(set.agents.size(), 2243u);
  EXPECT_EQ(set.discards.size(), 506u);
  EXPECT_EQ(set.issues.size(), 4909u);
  EXPECT_EQ(set.transformations.size(), 8u);
  EXPECT_EQ(set.diagnostics.size(), 4u + 8 + 9 + 4 + 0 + 2 + 0 + 18);
  // Every location points at a file that was read.
  for (const ActorEntry& a : set.actors) ASSERT_LT(a.where.file, set.files.size());
  for (const VerbBlock& v : set.verbs) ASSERT_LT(v.where.file, set.files.size());
}

}  // namespace
}  // namespace annal::lexicon
