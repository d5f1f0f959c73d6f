#include "output/cameo_codebook.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "util/file.h"

namespace annal {
namespace {

const std::string kShared = ANNAL_TEST_SHARED_DIR;

TEST(CameoCodebookTest, EmbeddedTableHasEveryRootAndKnownCodes) {
  const CameoCodebook& book = CameoCodebook::Embedded();
  EXPECT_EQ(book.size(), 313u);  // 311 codes of CAMEO 1.1b3 + 1213 and 1214 of 0.7b5
  for (int root = 1; root <= 20; ++root) {
    char code[3] = {static_cast<char>('0' + root / 10), static_cast<char>('0' + root % 10), 0};
    EXPECT_NE(book.Find(code), nullptr) << code;
  }
  const CameoCode* accuse = book.Find("112");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->name, "Accuse");
  EXPECT_DOUBLE_EQ(accuse->goldstein, -2.0);
  EXPECT_EQ(accuse->quad_class, 3);
  const CameoCode* aggression = book.Find("1123");
  ASSERT_NE(aggression, nullptr);
  EXPECT_EQ(aggression->name, "Accuse of aggression");
  const CameoCode* nuclear = book.Find("2042");
  ASSERT_NE(nuclear, nullptr);
  EXPECT_DOUBLE_EQ(nuclear->goldstein, -10.0);
  EXPECT_EQ(nuclear->quad_class, 4);
  EXPECT_EQ(book.Find("0234")->name, "Appeal for military protection or peacekeeping");
  EXPECT_EQ(book.Find("1213")->codebook, "0.7b5");
  EXPECT_EQ(book.Find("112")->codebook, "1.1b3");
}

TEST(CameoCodebookTest, FindIsExactAndRejectsMalformedCodes) {
  const CameoCodebook& book = CameoCodebook::Embedded();
  EXPECT_EQ(book.Find("0112"), nullptr);  // "011" exists, "0112" does not
  EXPECT_EQ(book.Find("2"), nullptr);
  EXPECT_EQ(book.Find("21"), nullptr);
  EXPECT_EQ(book.Find("00"), nullptr);
  EXPECT_EQ(book.Find("---"), nullptr);
  EXPECT_EQ(book.Find(""), nullptr);
  EXPECT_EQ(book.Find("11a"), nullptr);
  EXPECT_EQ(book.Find("11200"), nullptr);
  // "02", "020" and "0200" are different keys.
  EXPECT_EQ(book.Find("02")->name, "Appeal");
  EXPECT_EQ(book.Find("020")->name, "Make an appeal or request");
  EXPECT_EQ(book.Find("0200"), nullptr);
}

TEST(CameoCodebookTest, ResolveFallsBackToLongestKnownPrefix) {
  const CameoCodebook& book = CameoCodebook::Embedded();
  bool exact = true;
  // Codes the shipped dictionaries produce that are not codebook entries.
  const CameoCode* c = book.Resolve("1952", &exact);  // later CAMEO extension
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(exact);
  EXPECT_EQ(c->code, "195");
  EXPECT_EQ(book.Resolve("176")->code, "17");    // cyber attack, later extension
  EXPECT_EQ(book.Resolve("0110")->code, "011");  // dictionary typo
  EXPECT_EQ(book.Resolve("109")->code, "10");
  EXPECT_EQ(book.Resolve("0732")->code, "073");
  EXPECT_EQ(book.Resolve("10567")->code, "1056");  // too long: its 4-digit prefix
  c = book.Resolve("1056", &exact);
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(exact);
  EXPECT_EQ(c->name, "Demand de-escalation of military engagement");
  EXPECT_EQ(book.Resolve("---", &exact), nullptr);
  EXPECT_FALSE(exact);
  EXPECT_EQ(book.Resolve(""), nullptr);
  EXPECT_EQ(book.Resolve("21"), nullptr);
  EXPECT_EQ(book.Resolve("2"), nullptr);
}

TEST(CameoCodebookTest, QuadClassConventions) {
  // GDELT: 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.
  EXPECT_EQ(QuadClassGdelt("010"), 1);
  EXPECT_EQ(QuadClassGdelt("057"), 1);
  EXPECT_EQ(QuadClassGdelt("06"), 2);
  EXPECT_EQ(QuadClassGdelt("094"), 2);
  EXPECT_EQ(QuadClassGdelt("100"), 3);
  EXPECT_EQ(QuadClassGdelt("1454"), 3);
  EXPECT_EQ(QuadClassGdelt("150"), 4);
  EXPECT_EQ(QuadClassGdelt("2042"), 4);
  EXPECT_EQ(QuadClassGdelt("---"), 0);
  EXPECT_EQ(QuadClassGdelt("21"), 0);
  // Phoenix: 01 -> 0, 02-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4.
  EXPECT_EQ(QuadClassPhoenix("010"), 0);
  EXPECT_EQ(QuadClassPhoenix("020"), 1);
  EXPECT_EQ(QuadClassPhoenix("057"), 1);
  EXPECT_EQ(QuadClassPhoenix("0874"), 2);
  EXPECT_EQ(QuadClassPhoenix("090"), 3);
  EXPECT_EQ(QuadClassPhoenix("139"), 3);
  EXPECT_EQ(QuadClassPhoenix("141"), 4);
  EXPECT_EQ(QuadClassPhoenix("20"), 4);
  EXPECT_EQ(QuadClassPhoenix("xx"), -1);
  // The table's quad column is the GDELT convention for every code.
  for (const CameoCode& c : CameoCodebook::Embedded().codes()) {
    EXPECT_EQ(c.quad_class, QuadClassGdelt(c.code)) << c.code;
  }
}

TEST(CameoCodebookTest, EmbeddedTableEqualsDataFile) {
  // The generated .cc and the TSV must never drift (cameo_tables_generated_test.cc also
  // re-runs the generator; this check needs no Python).
  auto loaded = CameoCodebook::Load(ANNAL_TEST_DATA_DIR);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const CameoCodebook& embedded = CameoCodebook::Embedded();
  ASSERT_EQ(loaded->size(), embedded.size());
  for (size_t i = 0; i < embedded.size(); ++i) {
    const CameoCode& a = embedded.codes()[i];
    const CameoCode& b = loaded->codes()[i];
    EXPECT_EQ(a.code, b.code);
    EXPECT_EQ(a.name, b.name) << a.code;
    EXPECT_DOUBLE_EQ(a.goldstein, b.goldstein) << a.code;
    EXPECT_EQ(a.quad_class, b.quad_class) << a.code;
    EXPECT_EQ(a.codebook, b.codebook) << a.code;
  }
}

TEST(CameoCodebookTest, LoadMissingDirectoryIsNotFoundOrIOError) {
  auto r = CameoCodebook::Load("/nonexistent/annal-data");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().code(), Status::Code::kOk);
}

TEST(CameoCodebookTest, ParseReportsLineOfBadRows) {
  const std::string header = "# comment\ncode\tname\tgoldstein\tquad\tcodebook\n";
  auto ok = CameoCodebook::Parse(header + "112\tAccuse\t-2.0\t3\t1.1b3\r\n", "t.tsv");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->Find("112")->name, "Accuse");

  struct Case {
    std::string row;
    std::string message_part;
  };
  for (const Case& c : std::vector<Case>{
           {"112\tAccuse\t-2.0\t3\n", "fields"},
           {"1x2\tAccuse\t-2.0\t3\t1.1b3\n", "bad CAMEO code"},
           {"112\tAccuse\tminus two\t3\t1.1b3\n", "Goldstein"},
           {"112\tAccuse\t-12\t3\t1.1b3\n", "Goldstein"},
           {"112\tAccuse\t-2.0\t4\t1.1b3\n", "quad class"},
           {"112\t\t-2.0\t3\t1.1b3\n", "empty name"},
           {"113\tRally opposition against\t-2.0\t3\t1.1b3\n112\tAccuse\t-2.0\t3\t1.1b3\n"
            "112\tAccuse\t-2.0\t3\t1.1b3\n",
            "t.tsv:5: duplicate"},
       }) {
    auto r = CameoCodebook::Parse(header + c.row, "t.tsv");
    ASSERT_FALSE(r.ok()) << c.row;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    const bool names_line = r.status().message().find("t.tsv:3:") != std::string::npos ||
                            r.status().message().find("t.tsv:5:") != std::string::npos;
    EXPECT_TRUE(names_line) << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << r.status().ToString();
  }
  EXPECT_FALSE(CameoCodebook::Parse("112\tAccuse\t-2.0\t3\t1.1b3\n", "t").ok());  // no header
  EXPECT_FALSE(CameoCodebook::Parse(header, "t").ok());                           // no codes
}

// Every code of the published Goldstein table is in ours with the same value.
TEST(CameoCodebookSharedTest, MatchesPublishedGoldsteinTable) {
  const std::string path = kShared + "/data/cameo/CAMEO.goldsteinscale.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared absent: " << path;
  std::string text;
  ASSERT_TRUE(ReadFileToString(path, &text).ok());
  std::istringstream in(text);
  std::string line;
  int checked = 0;
  std::set<std::string> published;
  const CameoCodebook& book = CameoCodebook::Embedded();
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.rfind("CAMEOEVENTCODE", 0) == 0) continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string code = line.substr(0, tab);
    double value = std::stod(line.substr(tab + 1));
    published.insert(code);
    const CameoCode* c = book.Find(code);
    ASSERT_NE(c, nullptr) << "code " << code << " missing from cameo_codes.tsv";
    EXPECT_DOUBLE_EQ(c->goldstein, value) << code;
    EXPECT_EQ(c->codebook, "1.1b3") << code;
    ++checked;
  }
  EXPECT_EQ(checked, 311);
  // Our only extra codes are the two 0.7b5 ones, and they say so.
  for (const CameoCode& c : book.codes()) {
    if (!published.count(c.code)) {
      EXPECT_EQ(c.codebook, "0.7b5") << c.code;
    }
  }
}

// Names we use that differ from the LABEL lines of TABARI's CAMEO.09b5.options (CAMEO 0.7b5,
// 2007): (code, TABARI's label). Anything else that differs fails the test, and an entry that
// no longer differs fails it too, so this list stays exact.
struct KnownRenaming {
  const char* code;
  const char* tabari_label;
};
constexpr KnownRenaming kKnownRenamings[] = {
    // Spelling errors in the 0.7b5 labels.
    {"018", "Make empathetic commment"},
    {"055", "Apolgize"},
    {"1051", "Demand easing of adminstrative sanctions"},
    {"1444", "Ostruct passage to demand change in institutions, regime"},
    // Typographic quotes dropped from the name (Mac-Roman curly quotes in the file).
    {"044", "Meet at a \u201cthird\u201d location"},
    // Wording changed between 0.7b5 and 1.1b3; ours follows 1.1b3.
    {"0214", "Appeal for intelligence cooperation"},
    {"025", "Appeal for target to yield"},
    {"0252", "Appeal for easing of popular dissent"},
    {"028", "Appeal to engage mediation"},
    {"031", "Agree to engage in material cooperation"},
    {"034", "Express intent to bring political reform"},
    {"0354", "Express intent to ease economic sanctions, boycott, embargo"},
    {"045", "Engage in mediation"},
    {"0811", "Ease restrictions on freedoms of expression"},
    {"0863", "Allow delivery of humanitarian aid"},
    {"103", "Demand aid"},
    {"1052", "Demand easing of popular dissent"},
    {"1221", "Reject demand for economic aid"},
    {"1222", "Reject demand for military aid"},
    {"1223", "Reject demand for humanitarian aid"},
    {"1224", "Reject demand for military protection or peacekeeping"},
    {"1231", "Reject demand for change in leadership"},
    {"1232", "Reject demand for policy change"},
    {"1233", "Reject demand for rights"},
    {"1234", "Reject demand for change in institutions, regime"},
    {"124", "Decline to yield"},
    {"1241", "Decline to ease administrative sanctions"},
    {"1242", "Decline to ease popular dissent"},
    {"1243", "Decline to release persons or property"},
    {"1244", "Decline to ease economic sanctions, boycott, or embargo"},
    {"1245", "Decline to allow international involvement (non-mediation)"},
    {"1246", "Decline to de-escalate military engagement"},
    {"125", "Reject proposal to meet, discuss, negotiate"},
    {"1312", "Threaten to boycott, embargo, or sanction"},
    {"1321", "Threaten to impose restrictions on freedoms of speech and expression"},
    {"136", "Threaten to halt (expel or withdraw) international involvement (non-mediation)"},
    {"137", "Threaten with violent repression"},
    {"138", "Threaten to use military force"},
    {"1431", "Conduct strike or boycott for change in leadership"},
    {"1441", "Obstruct passage to demand change in leadership"},
    {"1451", "Engage in violent protest for change in leadership"},
    {"162", "Reduce or stop aid"},
    {"1721", "Impose restrictions on freedoms of speech and expression"},
    {"175", "Use violent repression"},
    {"181", "Abduct, hijack"},
    {"1832", "Carry out car bombing"},
};

// Decodes the few Mac-Roman bytes the options file holds (curly quotes) to UTF-8.
std::string MacRomanToUtf8(std::string_view s) {
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0xD2) {
      out += "\u201c";
    } else if (c == 0xD3) {
      out += "\u201d";
    } else if (c == 0xD4) {
      out += "\u2018";
    } else if (c == 0xD5) {
      out += "\u2019";
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string Trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

TEST(CameoCodebookSharedTest, NamesMatchTabariLabelsExceptKnownRenamings) {
  const std::string path = kShared + "/data/peers/TABARI-Code/CAMEO.09b5.options";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "../shared absent: " << path;
  std::string raw;
  ASSERT_TRUE(ReadFileToString(path, &raw).ok());
  std::map<std::string, std::string> renamed;
  for (const KnownRenaming& r : kKnownRenamings) renamed[r.code] = r.tabari_label;
  std::set<std::string> used;
  std::istringstream in(MacRomanToUtf8(raw));
  std::string line;
  int labels = 0;
  const CameoCodebook& book = CameoCodebook::Embedded();
  while (std::getline(in, line)) {
    if (line.rfind("LABEL:", 0) != 0) continue;
    size_t eq = line.find('=');
    ASSERT_NE(eq, std::string::npos) << line;
    std::string code = Trim(std::string_view(line).substr(6, eq - 6));
    std::string label = Trim(std::string_view(line).substr(eq + 1));
    ++labels;
    const CameoCode* c = book.Find(code);
    if (c == nullptr) {
      ADD_FAILURE() << "TABARI labels code " << code << " (" << label << "), we do not have it";
      continue;
    }
    if (c->name == label) continue;
    auto it = renamed.find(code);
    if (it != renamed.end() && it->second == label) {
      used.insert(code);
      continue;
    }
    ADD_FAILURE() << "name mismatch for " << code << ": ours \"" << c->name << "\", TABARI \""
                  << label << "\"";
  }
  EXPECT_EQ(labels, 293);
  for (const KnownRenaming& r : kKnownRenamings) {
    EXPECT_TRUE(used.count(r.code)) << "stale renaming entry " << r.code;
  }
}

}  // namespace
}  // namespace annal
