#include "syntax/word_clusters.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "syntax/hashing.h"

namespace annal::syntax {
namespace {

std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t sp = s.find(' ');
    out.push_back(s.substr(0, sp));
    s = sp == std::string_view::npos ? std::string_view() : s.substr(sp + 1);
  }
  return out;
}

// Determiners, nouns and verbs in the frame "DET NOUN VERB ." : each group is
// interchangeable, so a three-class clustering must find exactly the groups.
ClusterCorpus Frames() {
  ClusterCorpus corpus;
  const char* dets[] = {"the", "a", "this", "The"};
  const char* nouns[] = {"cat", "dog", "bird", "horse"};
  const char* verbs[] = {"sleeps", "runs", "eats", "sings"};
  for (int rep = 0; rep < 3; ++rep) {
    for (const char* d : dets) {
      for (const char* n : nouns) {
        for (const char* v : verbs) {
          std::string s = std::string(d) + " " + n + " " + v;
          corpus.AddSentence(Split(s));
        }
      }
    }
  }
  return corpus;
}

TEST(WordClustersTest, ExchangeFindsInterchangeableGroups) {
  ClusterCorpus corpus = Frames();
  EXPECT_EQ(corpus.tokens(), 3u * 64 * 3);
  ClusterTrainOptions options;
  options.fine = 3;
  options.mid = 2;
  options.coarse = 1;
  auto words = corpus.Cluster(options, nullptr);
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  ASSERT_EQ(words->size(), 11u);  // "The" and "the" are one word
  std::map<std::string, int> fine;
  for (const auto& w : *words) {
    fine[w.word] = w.ids.fine;
    EXPECT_EQ(w.ids.coarse, 0);
  }
  EXPECT_EQ(fine["the"], fine["a"]);
  EXPECT_EQ(fine["the"], fine["this"]);
  EXPECT_EQ(fine["cat"], fine["dog"]);
  EXPECT_EQ(fine["cat"], fine["horse"]);
  EXPECT_EQ(fine["sleeps"], fine["sings"]);
  EXPECT_NE(fine["the"], fine["cat"]);
  EXPECT_NE(fine["cat"], fine["sleeps"]);
  EXPECT_NE(fine["the"], fine["sleeps"]);
  EXPECT_EQ((*words)[0].word, "the") << "the most frequent word of the first cluster comes first";
  EXPECT_EQ((*words)[0].count, 96u);
}

TEST(WordClustersTest, DeterministicGivenTheSeed) {
  ClusterCorpus corpus = Frames();
  ClusterTrainOptions options;
  options.fine = 4;
  options.mid = 2;
  options.coarse = 2;
  auto a = corpus.Cluster(options, nullptr);
  auto b = corpus.Cluster(options, nullptr);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(ClustersToText(*a), ClustersToText(*b));
}

TEST(WordClustersTest, RefusesTooFewWordsAndBadSizes) {
  ClusterCorpus corpus = Frames();
  ClusterTrainOptions options;
  options.fine = 12;  // only 11 words
  options.mid = 4;
  options.coarse = 2;
  EXPECT_FALSE(corpus.Cluster(options, nullptr).ok());
  options.fine = 3;
  options.mid = 4;  // more groups than classes
  EXPECT_FALSE(corpus.Cluster(options, nullptr).ok());
  options.mid = 2;
  options.min_count = 1000;  // nothing that frequent
  EXPECT_FALSE(corpus.Cluster(options, nullptr).ok());
}

TEST(WordClustersTest, TextRoundTripAndLookupIgnoresCase) {
  ClusterCorpus corpus = Frames();
  ClusterTrainOptions options;
  options.fine = 3;
  options.mid = 2;
  options.coarse = 1;
  auto words = corpus.Cluster(options, nullptr);
  ASSERT_TRUE(words.ok());
  auto table = WordClusters::FromText(ClustersToText(*words), "c.tsv");
  ASSERT_TRUE(table.ok()) << table.status().ToString();
  EXPECT_EQ(table->size(), 11u);
  const ClusterIds* cat = table->Find(HashBytes("cat"));
  const ClusterIds* dog = table->Find(HashBytes("dog"));
  ASSERT_NE(cat, nullptr);
  ASSERT_NE(dog, nullptr);
  EXPECT_EQ(cat->fine, dog->fine);
  EXPECT_EQ(table->Find(HashBytes("Cat")), nullptr) << "keys are lower-cased hashes";
  EXPECT_EQ(table->Find(HashBytes("unicorn")), nullptr);

  ByteWriter w;
  table->Serialize(&w);
  WordClusters copy;
  ByteReader r(w.data());
  ASSERT_TRUE(copy.Deserialize(&r));
  EXPECT_EQ(r.remaining(), 0u);
  ASSERT_NE(copy.Find(HashBytes("cat")), nullptr);
  EXPECT_EQ(copy.Find(HashBytes("cat"))->fine, cat->fine);
  EXPECT_EQ(copy.Find(HashBytes("the"))->mid, table->Find(HashBytes("the"))->mid);
  // Truncated binary tables are refused.
  std::string cut = w.data().substr(0, w.data().size() - 1);
  ByteReader rc(cut);
  EXPECT_FALSE(WordClusters().Deserialize(&rc));
}

TEST(WordClustersTest, FromTextRefusesMalformedLines) {
  auto ok = WordClusters::FromText("#\t1\t2\t3\nWord\t65535\t255\t0\t17\n\n", "ok");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->size(), 2u);
  ASSERT_NE(ok->Find(HashBytes("word")), nullptr);
  EXPECT_EQ(ok->Find(HashBytes("word"))->fine, 65535);
  EXPECT_NE(ok->Find(HashBytes("#")), nullptr) << "'#' is a word, not a comment";
  auto few = WordClusters::FromText("a\t1\t2\n", "few.tsv");
  ASSERT_FALSE(few.ok());
  EXPECT_NE(few.status().message().find("few.tsv:1"), std::string::npos);
  EXPECT_FALSE(WordClusters::FromText("a\t1\t2\t3\nb\tx\t2\t3\n", "nan").ok());
  EXPECT_FALSE(WordClusters::FromText("a\t65536\t2\t3\n", "big").ok());
  EXPECT_FALSE(WordClusters::FromText("a\t1\t256\t3\n", "big mid").ok());
  EXPECT_FALSE(WordClusters::FromText("\t1\t2\t3\n", "no word").ok());
}

}  // namespace
}  // namespace annal::syntax
