// Verb correction files (verb_correction_reader.cc, doc/formats/verb_corrections.md): default
// codes and patterns of earlier verb blocks changed or dropped by verb, pattern and old code,
// and the shipped corrections applied to the shipped PETRARCH verb file.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "code/default_dictionaries.h"
#include "lexicon/dictionary_reader.h"

namespace annal::lexicon {
namespace {

constexpr std::string_view kVerbs =
    "&DIPLO\n+ENVOY\n\n"
    "--- SUE [173] ---\n"
    "SUE\n"
    "- * + FOR [173]  # SUE\n"
    "- * + IN $ COURT [173]\n"
    "- MAY * [131]\n\n"
    "--- DEPORT [174] ---\n"
    "DEPORT\n"
    "EXPEL {EXPELS EXPELLING EXPELLED}\n"
    "- * &DIPLO [161]  # EXPEL\n"
    "- * + [174]  # EXPEL\n"
    "- * + [174]  # DEPORT\n"
    "- * FROM + [174]\n\n"
    "--- ABORT [---] ---\n"
    "ABORT [160]\n"
    "HALT\n";

DictionarySet ReadBase() {
  DictionarySet set;
  EXPECT_TRUE(
      ReadDictionary(kVerbs, "v.txt", DictionaryKind::kVerbs, DictionaryFormat::kPetrarch, &set)
          .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  return set;
}

Status Correct(std::string_view text, DictionarySet* set) {
  return ReadDictionary(text, "mine.verb.corrections.txt", DictionaryKind::kVerbs,
                        DictionaryFormat::kAuto, set);
}

const VerbBlock& Block(const DictionarySet& set, std::string_view name) {
  for (const VerbBlock& b : set.verbs) {
    if (b.name == name) return b;
  }
  ADD_FAILURE() << "no block " << name;
  return set.verbs.front();
}

TEST(VerbCorrectionReaderTest, DefaultCodeOfTheVerbsBlockChanges) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(Correct("VERB SUE [173] -> [115]  # a lawsuit\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  EXPECT_EQ(Block(set, "SUE").code, "115");
  EXPECT_EQ(Block(set, "DEPORT").code, "174");
  EXPECT_EQ(set.verbs.size(), 3u);  // adds no block
}

TEST(VerbCorrectionReaderTest, FormWithItsOwnCodeHasThatCodeChanged) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(Correct("verb abort [160] -> [161]\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  const VerbBlock& b = Block(set, "ABORT");
  EXPECT_EQ(b.code, "---");
  for (const VerbBlock::Form& f : b.forms) {
    if (f.words[0].text.rfind("ABORT", 0) == 0) {
      EXPECT_EQ(f.code, "161") << f.words[0].text;
    }
    if (f.words[0].text.rfind("HALT", 0) == 0) {
      EXPECT_EQ(f.code, "") << f.words[0].text;
    }
  }
}

TEST(VerbCorrectionReaderTest, PatternCodeChangesOnlyWhereWordsAndCodeMatch) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(Correct("PATTERN SUE - * + FOR [173] -> [115]\n"
                      "PATTERN SUE - * + IN $ COURT [173] -> [115:116]\n",
                      &set)
                  .ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  const VerbBlock& b = Block(set, "SUE");
  ASSERT_EQ(b.patterns.size(), 3u);
  EXPECT_EQ(b.patterns[0].code, "115");
  EXPECT_EQ(b.patterns[1].code, "115");
  EXPECT_EQ(b.patterns[1].alt_code, "116");
  EXPECT_EQ(b.patterns[2].code, "131");
  // The changed pattern now names the correction line as its origin.
  EXPECT_EQ(set.files.at(b.patterns[0].where.file), "mine.verb.corrections.txt");
  EXPECT_EQ(b.patterns[0].where.line, 1u);
}

TEST(VerbCorrectionReaderTest, DropRemovesOnlyThePatternServingTheVerb) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(Correct("PATTERN EXPEL - * + [174] -> DROP\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  const VerbBlock& b = Block(set, "DEPORT");
  // "- * + [174] # DEPORT" serves DEPORT only and stays; "- * &DIPLO" and "- * FROM +" too.
  ASSERT_EQ(b.patterns.size(), 3u);
  EXPECT_EQ(b.patterns[0].code, "161");
  EXPECT_EQ(b.patterns[1].after.size(), 1u);
  EXPECT_FALSE(b.patterns[1].owner_forms.empty());
  EXPECT_EQ(b.patterns[2].after.size(), 2u);
}

TEST(VerbCorrectionReaderTest, LastMovesThePatternBehindTheVerbsLaterBlock) {
  DictionarySet set = ReadBase();
  // A later file lists EXPEL again, with OUST, and a specific pattern of its own.
  ASSERT_TRUE(ReadDictionary("--- EXPEL_WHOM [---] ---\nOUST\nEXPEL {EXPELS EXPELLING EXPELLED}\n"
                             "- * INSPECTORS [1662]\n",
                             "mine.txt", DictionaryKind::kVerbs, DictionaryFormat::kPetrarch, &set)
                  .ok());
  ASSERT_TRUE(Correct("PATTERN EXPEL - * + [174] -> LAST\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  const VerbBlock& deport = Block(set, "DEPORT");
  ASSERT_EQ(deport.patterns.size(), 3u);  // "- * + [174] # DEPORT" stays
  const VerbBlock& mine = Block(set, "EXPEL_WHOM");
  ASSERT_EQ(mine.patterns.size(), 2u);
  EXPECT_EQ(mine.patterns[0].code, "1662");
  const VerbPattern& moved = mine.patterns[1];
  EXPECT_EQ(moved.code, "174");
  EXPECT_EQ(set.files.at(moved.where.file), "mine.verb.corrections.txt");
  // It served EXPEL's forms and still does, not OUST's.
  ASSERT_FALSE(moved.owner_forms.empty());
  for (uint32_t f : moved.owner_forms) {
    EXPECT_EQ(mine.forms.at(f).words[0].text.rfind("EXPEL", 0), 0u) << mine.forms[f].words[0].text;
  }
  EXPECT_EQ(moved.owner_forms.size(), 4u);  // EXPEL EXPELS EXPELLING EXPELLED
}

TEST(VerbCorrectionReaderTest, SynsetPatternIsNamedAsWritten) {
  DictionarySet set = ReadBase();
  ASSERT_TRUE(Correct("PATTERN EXPELLED - * &DIPLO [161] -> [1662]\n", &set).ok());
  EXPECT_TRUE(set.diagnostics.empty()) << set.diagnostics[0].ToString();
  EXPECT_EQ(Block(set, "DEPORT").patterns[0].code, "1662");
}

TEST(VerbCorrectionReaderTest, LineThatMatchesNothingIsADiagnosticAndChangesNothing) {
  DictionarySet set = ReadBase();
  const DictionarySet before = set;
  ASSERT_TRUE(Correct("VERB SUE [999] -> [115]\n"                     // wrong old code
                      "VERB ARREST [173] -> [115]\n"                  // no such verb
                      "PATTERN SUE - * + [173] -> [115]\n"            // no such pattern
                      "PATTERN DEPORT - * &DIPLO [161] -> DROP\n"     // serves EXPEL only
                      "PATTERN SUE - * &NOSUCH [173] -> DROP\n"       // undefined synset
                      "PATTERN SUE * + FOR [173] -> DROP\n"           // no '-'
                      "VERB SUE [173] -> DROP\n"                      // a block is not dropped
                      "ACTOR UNITA_ [ANGREB] -> [AGOREB]\n"           // not a verb correction
                      "PATTERN SUE - * + FOR [173] -> [1 5]\n"        // malformed new code
                      "PATTERN SUE - * {+ | $} FOR [173] -> DROP\n",  // two patterns
                      &set)
                  .ok());
  ASSERT_EQ(set.diagnostics.size(), 10u);
  for (uint32_t i = 0; i < 10; ++i) EXPECT_EQ(set.diagnostics[i].line, i + 1);
  EXPECT_NE(set.diagnostics[0].message.find("matched no verb block of the verb SUE"),
            std::string::npos)
      << set.diagnostics[0].message;
  EXPECT_NE(set.diagnostics[3].message.find("matched no pattern"), std::string::npos);
  EXPECT_NE(set.diagnostics[4].message.find("undefined synset &NOSUCH"), std::string::npos);
  ASSERT_EQ(set.verbs.size(), before.verbs.size());
  for (size_t b = 0; b < set.verbs.size(); ++b) {
    EXPECT_EQ(set.verbs[b].code, before.verbs[b].code);
    ASSERT_EQ(set.verbs[b].patterns.size(), before.verbs[b].patterns.size());
    for (size_t p = 0; p < set.verbs[b].patterns.size(); ++p) {
      EXPECT_EQ(set.verbs[b].patterns[p].code, before.verbs[b].patterns[p].code);
    }
  }
}

TEST(VerbCorrectionReaderTest, CorrectionFileInTheActorGroupIsNoVerbCorrection) {
  // The actor corrections reader gets it there and reports the VERB line as malformed.
  DictionarySet set = ReadBase();
  ASSERT_TRUE(ReadDictionary("VERB SUE [173] -> [115]\n", "mine.corrections.txt",
                             DictionaryKind::kAgents, DictionaryFormat::kAuto, &set)
                  .ok());
  EXPECT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(Block(set, "SUE").code, "173");
}

TEST(VerbCorrectionReaderTest, ShippedCorrectionsAllApplyToTheShippedVerbs) {
  DictionaryFiles files = code::DefaultDictionaryFiles(ANNAL_TEST_DATA_DIR);
  DictionaryFiles verbs;
  verbs.verbs = files.verbs;
  ASSERT_GE(verbs.verbs.size(), 2u);
  ASSERT_NE(verbs.verbs.back().find("annal.verb.corrections.txt"), std::string::npos);
  DictionarySet set;
  ASSERT_TRUE(ReadDictionaryFiles(verbs, &set).ok());
  for (const Diagnostic& d : set.diagnostics) {
    EXPECT_EQ(d.file.find("corrections"), std::string::npos) << d.ToString();
  }
  bool sue = false;
  for (const VerbBlock& b : set.verbs) {
    if (b.name == "SUE") {
      sue = true;
      EXPECT_EQ(b.code, "115");
    }
  }
  EXPECT_TRUE(sue);
}

}  // namespace
}  // namespace annal::lexicon
