#include "syntax/weight_table.h"

#include <gtest/gtest.h>

#include <random>

namespace annal::syntax {
namespace {

TEST(WeightTableTest, AveragesQuantisesAndRoundTrips) {
  WeightTable t(3);
  // Key 11: +1 for class 0 over the whole time [0, 10): average 1. Key 22: +2 for class 2 from
  // time 5 on: average 1. Key 33: +1 for class 1 only at time 9: average 0.1.
  t.Update(11, 0, 1.0f, 0);
  t.Update(22, 2, 2.0f, 5);
  t.Update(33, 1, 1.0f, 9);
  t.Average(10);
  float s[3] = {0, 0, 0};
  t.AddScores(11, s);
  t.AddScores(22, s);
  t.AddScores(99, s);  // unknown: no effect
  EXPECT_NEAR(s[0], 1.0f, 1e-3);
  EXPECT_NEAR(s[1], 0.0f, 1e-3);
  EXPECT_NEAR(s[2], 1.0f, 1e-3);
  float u[3] = {0, 0, 0};
  t.AddScores(33, u);
  EXPECT_NEAR(u[1], 0.1f, 1e-3);

  ByteWriter w;
  t.Serialize(&w);
  WeightTable loaded;
  ByteReader r(w.data());
  ASSERT_TRUE(loaded.Deserialize(&r));
  EXPECT_EQ(r.remaining(), 0u);
  EXPECT_EQ(loaded.num_classes(), 3);
  EXPECT_EQ(loaded.num_rows(), 3u);
  float v[3] = {0, 0, 0};
  loaded.AddScores(22, v);
  EXPECT_NEAR(v[2], 1.0f, 1e-3);

  loaded.Prune(0.5f);  // drops key 33 only
  EXPECT_EQ(loaded.num_rows(), 2u);
  float x[3] = {0, 0, 0};
  loaded.AddScores(33, x);
  EXPECT_EQ(x[1], 0.0f);
  loaded.AddScores(11, x);
  EXPECT_NEAR(x[0], 1.0f, 1e-3);
}

TEST(WeightTableTest, ManyKeysSurviveGrowthAndReload) {
  WeightTable t(2);
  std::mt19937_64 rng(1);
  std::vector<uint64_t> keys(50000);
  for (auto& k : keys) k = rng() | 1;
  for (size_t i = 0; i < keys.size(); ++i) t.Update(keys[i], i % 2, 1.0f, 0);
  t.Average(1);
  ByteWriter w;
  t.Serialize(&w);
  WeightTable loaded;
  ByteReader r(w.data());
  ASSERT_TRUE(loaded.Deserialize(&r));
  ASSERT_EQ(loaded.num_rows(), keys.size());
  for (size_t i = 0; i < keys.size(); i += 97) {
    float s[2] = {0, 0};
    loaded.AddScores(keys[i], s);
    EXPECT_NEAR(s[i % 2], 1.0f, 1e-3);
    EXPECT_EQ(s[1 - i % 2], 0.0f);
  }
}

TEST(WeightTableTest, RejectsMalformedBytes) {
  WeightTable t(2);
  t.Update(5, 1, 1.0f, 0);
  t.Update(6, 0, 1.0f, 0);
  t.Average(1);
  ByteWriter w;
  t.Serialize(&w);
  std::string bytes = w.data();
  for (size_t len = 0; len < bytes.size(); ++len) {
    WeightTable u;
    ByteReader r(std::string_view(bytes).substr(0, len));
    EXPECT_FALSE(u.Deserialize(&r)) << len;
  }
  // Duplicate key: write key 5 twice.
  std::string dup = bytes;
  std::memcpy(&dup[16 + 8], &dup[16], 8);
  WeightTable u;
  ByteReader r(dup);
  EXPECT_FALSE(u.Deserialize(&r));
}

}  // namespace
}  // namespace annal::syntax
