#include "util/word_set.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace annal {
namespace {

TEST(WordSetTest, FindsExactlyItsWords) {
  static constexpr std::array<std::string_view, 6> kWords = {"SAID", "SAYS", "SAY",
                                                             "A",    "N'T",  "SAID"};
  static constexpr WordSet set(kWords);
  for (std::string_view w : kWords) EXPECT_TRUE(set.Contains(w)) << w;
  for (std::string_view w : {"", "S", "SAI", "SAIDS", "said", "SAYD", "N'", "AN", "B"}) {
    EXPECT_FALSE(set.Contains(w)) << w;
  }
}

TEST(WordSetTest, EmptyAndOverlongWordsAreNeverFound) {
  const std::string long_word(64, 'X');
  const std::vector<std::string_view> words = {"", long_word, "OK"};
  const WordSet<3> set(words);
  EXPECT_FALSE(set.Contains(""));
  EXPECT_FALSE(set.Contains(long_word));
  EXPECT_TRUE(set.Contains("OK"));
  const WordSet<0> empty(std::vector<std::string_view>{});
  EXPECT_FALSE(empty.Contains("OK"));
  EXPECT_FALSE(empty.Contains(""));
}

// Differential: random sets of words over a small alphabet (so many words share length, first,
// middle and last bytes and collide) against a linear scan.
TEST(WordSetTest, AgreesWithLinearScanOnCollidingWords) {
  std::mt19937 rng(7);
  auto random_word = [&] {
    std::string w(1 + rng() % 7, 'A');
    for (char& c : w) c = static_cast<char>('A' + rng() % 3);
    return w;
  };
  for (int round = 0; round < 50; ++round) {
    std::vector<std::string> storage;
    const size_t n = rng() % 200;
    for (size_t i = 0; i < n; ++i) storage.push_back(random_word());
    const std::vector<std::string_view> words(storage.begin(), storage.end());
    const WordSet<200> set(words);
    for (int q = 0; q < 500; ++q) {
      const std::string w = random_word();
      const bool expected = std::find(words.begin(), words.end(), w) != words.end();
      ASSERT_EQ(set.Contains(w), expected) << w << " in round " << round;
    }
  }
}

// More words than the set was sized for are left out rather than overrunning the table.
TEST(WordSetTest, WordsBeyondCapacityAreLeftOut) {
  const std::vector<std::string_view> words = {"ONE", "TWO", "ONE", "THREE"};
  const WordSet<2> set(words);
  EXPECT_TRUE(set.Contains("ONE"));
  EXPECT_TRUE(set.Contains("TWO"));
  EXPECT_FALSE(set.Contains("THREE"));
}

}  // namespace
}  // namespace annal
