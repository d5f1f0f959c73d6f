#include "code/word_classes.h"

#include <gtest/gtest.h>

namespace annal::code {
namespace {

TEST(WordClassesTest, FunctionWordsCoverEveryClosedClass) {
  for (const char* w : {"THE", "OF", "TO", "WAS", "HAS", "DID", "WILL", "WOULD", "NOT",
                        "REPORTEDLY", "AGAIN", "THEY", "WHICH", "AND", "EVER", "YOU"}) {
    EXPECT_TRUE(IsFunctionWord(w)) << w;
  }
  for (const char* w : {"PEACE", "BORDER", "ENERGY", "RUSSIA", "ATTACK", ""}) {
    EXPECT_FALSE(IsFunctionWord(w)) << w;
  }
  EXPECT_TRUE(IsFunctionWord("QUICKLY"));  // -LY adverbs
}

TEST(WordClassesTest, IrregularPastAndNumberWords) {
  for (const char* w : {"LEFT", "MET", "SAID", "FOUGHT", "WITHDREW", "UNDERWENT"}) {
    EXPECT_TRUE(IsIrregularPast(w)) << w;
  }
  for (const char* w : {"LEAVE", "MEET", "ATTACKED", "SAY"}) EXPECT_FALSE(IsIrregularPast(w)) << w;
  EXPECT_TRUE(IsNumberWord("TWO"));
  EXPECT_TRUE(IsNumberWord("HUNDREDS"));
  EXPECT_FALSE(IsNumberWord("NATIONALIST"));
}

TEST(WordClassesTest, SpeechVerbLookupIsExact) {
  EXPECT_TRUE(IsSpeechVerb("SAID"));
  EXPECT_TRUE(IsSpeechVerb("ASSERTS"));
  EXPECT_TRUE(IsSpeechVerb("WARNED"));
  EXPECT_FALSE(IsSpeechVerb("SAI"));
  EXPECT_FALSE(IsSpeechVerb("SAIDS"));
  EXPECT_FALSE(IsSpeechVerb("ATTACKED"));
}

// Every class answers for its own words only; the sets are hashed, so near misses (a prefix, a
// plural, another length) must not slip through.
TEST(WordClassesTest, ClassesAreExactAndDistinct) {
  EXPECT_TRUE(IsDeterminer("THEIR"));
  EXPECT_FALSE(IsDeterminer("THEIRS"));
  EXPECT_TRUE(IsPreposition("TOWARDS"));
  EXPECT_FALSE(IsPreposition("TO"));
  EXPECT_TRUE(IsLocativePreposition("THROUGHOUT"));
  EXPECT_FALSE(IsLocativePreposition("OF"));
  EXPECT_TRUE(IsHypotheticalModal("'D"));
  EXPECT_FALSE(IsHypotheticalModal("D"));
  EXPECT_TRUE(IsNegation("N'T"));
  EXPECT_TRUE(IsQuantityNoun("THOUSANDS"));
  EXPECT_FALSE(IsQuantityNoun("THOUSAND"));
  EXPECT_TRUE(IsNumberWord("THOUSAND"));
  EXPECT_TRUE(IsDenialVerb("DENYING"));
  EXPECT_FALSE(IsSpeechVerb("DENYING"));
  EXPECT_TRUE(IsActorModifier("JUNIOR"));
  EXPECT_TRUE(IsClauseOpener("WHEREAS"));
  EXPECT_FALSE(IsSubjectPronoun("THEM"));
  EXPECT_TRUE(IsFunctionWord("THEM"));
  for (const char* w : {"", "X", "LONGERTHANANYCLOSEDCLASSWORDEVERWRITTENINENGLISHNEWSTEXT"}) {
    EXPECT_FALSE(IsDeterminer(w)) << w;
    EXPECT_FALSE(IsSpeechVerb(w)) << w;
    EXPECT_FALSE(IsIrregularPast(w)) << w;
    EXPECT_FALSE(IsFunctionWord(w)) << w;
  }
}

}  // namespace
}  // namespace annal::code
