#include "syntax/weight_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace annal::syntax {
namespace {

// Scores `batch` key by key with AddScores and at once with AddScoresBatch, each from
// `start` in every class, expects bit-identical sums, and returns them.
std::vector<float> ExpectBatchAsKeyByKey(const WeightTable& t, const std::vector<uint64_t>& batch,
                                         int classes, float start, const std::string& what) {
  std::vector<float> one(classes, start), all(classes, start);
  for (uint64_t k : batch) t.AddScores(k, one.data());
  t.AddScoresBatch(batch.data(), batch.size(), all.data());
  for (int c = 0; c < classes; ++c) EXPECT_EQ(one[c], all[c]) << what << " class " << c;
  return one;
}

// Saves `t`, reads it back into `loaded`, and expects the reloaded table to save the same
// bytes.
void ExpectSavedBytesRoundTrip(const WeightTable& t, WeightTable* loaded) {
  ByteWriter w;
  t.Serialize(&w);
  ByteReader r(w.data());
  ASSERT_TRUE(loaded->Deserialize(&r));
  ByteWriter w2;
  loaded->Serialize(&w2);
  EXPECT_EQ(w.data(), w2.data());
}

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

// A table with many classes and few non-zero weights per row is stored sparse once frozen;
// every way of reading it must give what the dense rows give.
TEST(WeightTableTest, SparseLayoutScoresAsDense) {
  constexpr int kClasses = 50;
  WeightTable t(kClasses);
  std::mt19937_64 rng(7);
  std::vector<uint64_t> keys(3000);
  for (auto& k : keys) k = rng() | 1;
  // Each key: +1 for one class, -1 for another (a perceptron update), and for every tenth key
  // a third class, so rows have two or three non-zero weights.
  auto cls = [](size_t i, int j) {
    return static_cast<int>((i * 7 + static_cast<size_t>(j) * 13) % kClasses);
  };
  for (size_t i = 0; i < keys.size(); ++i) {
    t.Update(keys[i], cls(i, 0), 1.0f, 0);
    t.Update(keys[i], cls(i, 1), -1.0f, 0);
    if (i % 10 == 0) t.Update(keys[i], cls(i, 2), 0.5f, 0);
  }
  t.Average(1);
  ASSERT_TRUE(t.sparse());
  ASSERT_EQ(t.num_rows(), keys.size());
  for (size_t i = 0; i < keys.size(); i += 37) {
    float s[kClasses] = {};
    t.AddScores(keys[i], s);
    for (int c = 0; c < kClasses; ++c) {
      float want = c == cls(i, 0) ? 1.0f : c == cls(i, 1) ? -1.0f : 0.0f;
      if (i % 10 == 0 && c == cls(i, 2)) want = 0.5f;
      EXPECT_NEAR(s[c], want, 1e-3) << i << " " << c;
    }
  }
  // The batch gives bit-identical sums to key-by-key scoring, unknown keys included, over
  // more keys than one internal chunk.
  std::vector<uint64_t> batch;
  for (size_t i = 0; i < 200; ++i)
    batch.push_back(i % 3 == 0 ? rng() | 1 : keys[(i * 11) % keys.size()]);
  ExpectBatchAsKeyByKey(t, batch, kClasses, 0.0f, "sparse");

  // Saving reads the sparse rows back: a reloaded table saves the same bytes and is sparse.
  WeightTable loaded;
  ExpectSavedBytesRoundTrip(t, &loaded);
  EXPECT_TRUE(loaded.sparse());
  // Copies keep the layout and the weights.
  WeightTable copy(loaded);
  float c1[kClasses] = {}, c2[kClasses] = {};
  copy.AddScores(keys[10], c1);
  loaded.AddScores(keys[10], c2);
  for (int c = 0; c < kClasses; ++c) EXPECT_EQ(c1[c], c2[c]);
  // Pruning works on sparse rows: only the rows with a third weight... all have |1| weights, so
  // a threshold above 1 drops everything and one below keeps everything.
  WeightTable keep(loaded);
  keep.Prune(0.9f);
  EXPECT_EQ(keep.num_rows(), keys.size());
  loaded.Prune(1.5f);
  EXPECT_EQ(loaded.num_rows(), 0u);
  float none[kClasses] = {};
  loaded.AddScores(keys[0], none);
  for (float x : none) EXPECT_EQ(x, 0.0f);
}

// A sparse table keeps its rows with many non-zero weights dense (kDenseRowMin); lookups,
// batches, saving and pruning see the same weights either way.
TEST(WeightTableTest, SparseTableWithDenseRows) {
  constexpr int kClasses = 51;
  WeightTable t(kClasses);
  std::mt19937_64 rng(11);
  std::vector<uint64_t> keys(4000);
  for (auto& k : keys) k = rng() | 1;
  std::vector<std::vector<float>> want(keys.size(), std::vector<float>(kClasses, 0.0f));
  for (size_t i = 0; i < keys.size(); ++i) {
    // Every eighth row gets 30 non-zero weights (stored dense), the others two.
    const int weights = i % 8 == 0 ? 30 : 2;
    for (int j = 0; j < weights; ++j) {
      const int c = static_cast<int>((i * 5 + static_cast<size_t>(j) * 7) % kClasses);
      const float delta = static_cast<float>(j % 5) - 2.5f;
      t.Update(keys[i], c, delta, 0);
      want[i][c] += delta;
    }
  }
  t.Average(1);
  ASSERT_TRUE(t.sparse());
  ASSERT_EQ(t.num_rows(), keys.size());
  for (size_t i = 0; i < keys.size(); i += 13) {
    float s[kClasses] = {};
    t.AddScores(keys[i], s);
    for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(s[c], want[i][c], 1e-3) << i << " " << c;
  }
  std::vector<uint64_t> batch;
  for (size_t i = 0; i < 300; ++i)
    batch.push_back(i % 5 == 0 ? rng() | 1 : keys[(i * 8 + i % 3) % keys.size()]);
  ExpectBatchAsKeyByKey(t, batch, kClasses, 0.0f, "sparse with dense rows");
  // Saving reads dense and sparse rows alike: the reloaded table saves the same bytes.
  WeightTable loaded;
  ExpectSavedBytesRoundTrip(t, &loaded);
  float reloaded[kClasses] = {};
  loaded.AddScores(keys[8], reloaded);
  for (int c = 0; c < kClasses; ++c) EXPECT_NEAR(reloaded[c], want[8][c], 1e-3) << c;
  // Every row's largest weight is -2.5 (j = 0): pruning below that keeps all, above drops all.
  WeightTable pruned(loaded);
  pruned.Prune(2.6f);
  EXPECT_EQ(pruned.num_rows(), 0u);
  pruned = loaded;
  pruned.Prune(2.4f);
  EXPECT_EQ(pruned.num_rows(), keys.size());
}

// Loading builds a wide table's sparse layout straight from the file (DeserializeSparse), not
// through the dense table that Average builds it from: every key, present or absent, scores
// bit-identically in the loaded table and in the one it was saved from, key by key and in
// batches. A wide table whose rows are mostly non-zero loads dense, as it was built, and a
// duplicated key is refused either way.
TEST(WeightTableTest, LoadedSparseTableScoresAsBuilt) {
  constexpr int kClasses = 40;
  std::mt19937_64 rng(5);
  for (const int weights_per_row : {3, kClasses}) {
    WeightTable t(kClasses);
    // 2,860 rows take 4,096 slots: then rows of every class are smaller dense.
    std::vector<uint64_t> keys(2860);
    for (auto& k : keys) k = rng() | 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      // Some rows of the sparse table get kDenseRowMin or more weights (kept dense).
      const int weights = weights_per_row == 3 && i % 7 == 0 ? 20 : weights_per_row;
      for (int j = 0; j < weights; ++j) {
        const int c = static_cast<int>((i * 3 + static_cast<size_t>(j) * 11) % kClasses);
        t.Update(keys[i], c, static_cast<float>(static_cast<int>(rng() % 9) - 4) + 0.5f, 0);
      }
    }
    t.Average(1);
    const bool sparse = weights_per_row == 3;
    ASSERT_EQ(t.sparse(), sparse);
    WeightTable loaded;
    ExpectSavedBytesRoundTrip(t, &loaded);
    EXPECT_EQ(loaded.sparse(), sparse);
    EXPECT_EQ(loaded.num_rows(), t.num_rows());
    // Present keys only: an absent key may match a row by its 16-bit fingerprint, and whether
    // it does depends on where rows sit, which depends on the order they were inserted in
    // (here: training order; loading: file order, as before).
    for (uint64_t k : keys) {
      std::vector<float> built(kClasses, 0.25f), reloaded(kClasses, 0.25f);
      t.AddScores(k, built.data());
      loaded.AddScores(k, reloaded.data());
      ASSERT_EQ(built, reloaded) << k;
    }
    std::vector<uint64_t> batch(keys.begin() + 100, keys.begin() + 300);
    EXPECT_EQ(ExpectBatchAsKeyByKey(t, batch, kClasses, 0.0f, "built"),
              ExpectBatchAsKeyByKey(loaded, batch, kClasses, 0.0f, "loaded"));
    for (int i = 0; i < 200; ++i) batch.push_back(rng() | 1);
    ExpectBatchAsKeyByKey(loaded, batch, kClasses, 0.0f, "loaded, with absent keys");

    // The same bytes with the second key replaced by the first are refused.
    ByteWriter w;
    t.Serialize(&w);
    std::string bytes = w.data();
    const size_t keys_at = 4 + 8 + 4;
    bytes.replace(keys_at + 8, 8, bytes.substr(keys_at, 8));
    ByteReader r(bytes);
    WeightTable dup;
    EXPECT_FALSE(dup.Deserialize(&r)) << weights_per_row;
  }
}

// Tables with few classes keep dense rows (the parser's move table: 3 classes, 8-byte rows).
TEST(WeightTableTest, FewClassesStayDense) {
  WeightTable t(3);
  t.Update(5, 1, 1.0f, 0);
  t.Average(1);
  EXPECT_FALSE(t.sparse());
  float batch[3] = {};
  const uint64_t keys[] = {5, 6, 5};
  t.AddScoresBatch(keys, 3, batch);
  EXPECT_NEAR(batch[1], 2.0f, 1e-3);
}

// AddScoresBatch on dense tables (its unrolled paths for 3 and 17 classes, the generic one,
// and training mode) gives bit-identical sums to AddScores key by key, unknown keys included,
// over more keys than one internal chunk.
TEST(WeightTableTest, DenseBatchScoresAsKeyByKey) {
  for (int classes : {3, 17, 5, 40}) {
    WeightTable t(classes);
    std::mt19937_64 rng(static_cast<uint64_t>(classes));
    std::vector<uint64_t> keys(5000);
    for (auto& k : keys) k = rng() | 1;
    for (size_t i = 0; i < keys.size(); ++i) {
      // Every weight of the 40-class rows (>64 bytes) is set, so that they stay dense.
      const int step = classes >= 32 ? 1 : 1 + static_cast<int>(i % 3);
      for (int c = 0; c < classes; c += step) {
        t.Update(keys[i], c, static_cast<float>(static_cast<int>(rng() % 200) - 100) / 7.0f,
                 static_cast<int64_t>(i));
      }
    }
    std::vector<uint64_t> batch;
    for (size_t i = 0; i < 700; ++i)
      batch.push_back(i % 4 == 0 ? rng() | 1 : keys[(i * 13) % keys.size()]);
    auto expect_same = [&](const WeightTable& table, const std::string& what) {
      const std::string label = what + " classes=" + std::to_string(classes);
      std::vector<float> sums = ExpectBatchAsKeyByKey(table, batch, classes, 0.25f, label);
      EXPECT_TRUE(std::any_of(sums.begin(), sums.end(), [](float x) { return x != 0.25f; }))
          << label;
    };
    expect_same(t, "training");
    t.Average(static_cast<int64_t>(keys.size()));
    ASSERT_FALSE(t.sparse()) << classes;
    expect_same(t, "frozen");
  }
}

}  // namespace
}  // namespace annal::syntax
