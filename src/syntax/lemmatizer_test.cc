#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

namespace annal::syntax {
namespace {

std::vector<ConlluSentence> Data() {
  constexpr char kText[] =
      "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
      "2\tsoldiers\tsoldier\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
      "3\twalked\twalk\tVERB\tVBD\t_\t0\troot\t_\t_\n"
      "4\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n"
      "5\ttalked\ttalk\tVERB\tVBD\t_\t3\tconj\t_\t_\n"
      "6\twith\twith\tADP\tIN\t_\t7\tcase\t_\t_\n"
      "7\tofficers\tofficer\tNOUN\tNNS\t_\t3\tobl\t_\t_\n"
      "8\twho\twho\tPRON\tWP\t_\t9\tnsubj\t_\t_\n"
      "9\twere\tbe\tAUX\tVBD\t_\t7\tacl:relcl\t_\t_\n"
      "10\ti\tI\tPRON\tPRP\t_\t9\tnsubj\t_\t_\n"
      "11\tI\tI\tPRON\tPRP\t_\t9\tnsubj\t_\t_\n"
      "12\tI\tI\tPRON\tPRP\t_\t9\tnsubj\t_\t_\n"
      "13\tLondon\tLondon\tPROPN\tNNP\t_\t9\tobl\t_\t_\n"
      "14\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_\n"
      "15\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\t_\n\n";
  std::vector<ConlluSentence> out;
  EXPECT_TRUE(ParseConllu(kText, "t", &out).ok());
  return out;
}

TEST(LemmatizerTest, ExceptionsCaseAndSuffixRules) {
  Lemmatizer l;
  l.Train(Data());
  EXPECT_EQ(l.Lemmatize("were", "AUX"), "be");
  EXPECT_EQ(l.Lemmatize("The", "DET"), "the");            // case folded though "the" is commoner
  EXPECT_EQ(l.Lemmatize("i", "PRON"), "I");               // the exact form wins
  EXPECT_EQ(l.Lemmatize("London", "PROPN"), "London");    // proper nouns keep their case
  EXPECT_EQ(l.Lemmatize("Walked", "VERB"), "walk");       // lower-cased known form
  EXPECT_EQ(l.Lemmatize("jumped", "VERB"), "jump");       // unseen: the "-ed" rule
  EXPECT_EQ(l.Lemmatize("generals", "NOUN"), "general");  // unseen: the "-rs" rule
  EXPECT_EQ(l.Lemmatize("xyz", "X"), "xyz");              // nothing known: the form itself

  ByteWriter w;
  l.Serialize(&w);
  Lemmatizer loaded;
  ByteReader r(w.data());
  ASSERT_TRUE(loaded.Deserialize(&r));
  EXPECT_EQ(loaded.Lemmatize("jumped", "VERB"), "jump");
}

}  // namespace
}  // namespace annal::syntax
