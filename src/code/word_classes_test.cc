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

}  // namespace
}  // namespace annal::code
