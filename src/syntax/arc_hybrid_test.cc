#include "syntax/arc_hybrid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <random>

namespace annal::syntax {
namespace {

// A random projective tree over words 0..n-1 with the root at n: built by recursively
// picking a head inside a span and splitting the rest into left and right parts.
void RandomProjectiveSpan(int begin, int end, int head, std::mt19937* rng,
                          std::vector<int>* heads) {
  if (begin >= end) return;
  int h = std::uniform_int_distribution<int>(begin, end - 1)(*rng);
  (*heads)[h] = head;
  // Dependents of h on each side form consecutive sub-spans.
  auto split = [&](int b, int e) {
    while (b < e) {
      int cut = std::uniform_int_distribution<int>(b + 1, e)(*rng);
      RandomProjectiveSpan(b, cut, h, rng, heads);
      b = cut;
    }
  };
  split(begin, h);
  split(h + 1, end);
}

std::vector<int> RandomProjectiveTree(int n, std::mt19937* rng) {
  std::vector<int> heads(n + 1, -1);
  RandomProjectiveSpan(0, n, n, rng, &heads);
  heads[n] = n;  // unused
  return heads;
}

std::vector<std::vector<int>> Children(const std::vector<int>& heads, int n) {
  std::vector<std::vector<int>> c(n + 1);
  for (int i = 0; i < n; ++i) c[heads[i]].push_back(i);
  return c;
}

bool IsSingleRootedTree(const ArcHybridState& st) {
  int n = st.n();
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    int h = st.head(i);
    if (h < 0 || h > n || h == i) return false;
    roots += h == n;
  }
  if (roots != 1) return false;
  for (int i = 0; i < n; ++i) {  // no cycles: every word reaches the root within n steps
    int x = i, steps = 0;
    while (x != n && steps <= n) {
      x = st.head(x);
      ++steps;
    }
    if (x != n) return false;
  }
  return true;
}

TEST(ArcHybridTest, StaticOracleReachesEveryProjectiveGoldTree) {
  std::mt19937 rng(7);
  for (int trial = 0; trial < 2000; ++trial) {
    int n = 1 + trial % 40;
    std::vector<int> gold = RandomProjectiveTree(n, &rng);
    auto children = Children(gold, n);
    ArcHybridState st;
    st.Init(n);
    int moves = 0;
    while (!st.Terminal()) {
      int chosen = -1;
      for (int m = 0; m < kNumMoves; ++m) {
        Move mv = static_cast<Move>(m);
        if (st.Legal(mv) && st.Cost(mv, gold, children) == 0) {
          chosen = m;
          break;
        }
      }
      ASSERT_GE(chosen, 0) << "no zero-cost move, trial " << trial;
      st.Apply(static_cast<Move>(chosen), 0);
      ++moves;
    }
    EXPECT_EQ(moves, 2 * n);
    for (int i = 0; i < n; ++i) EXPECT_EQ(st.head(i), gold[i]) << "trial " << trial;
  }
}

TEST(ArcHybridTest, RandomMovesAlwaysGiveASingleRootedTree) {
  std::mt19937 rng(11);
  for (int trial = 0; trial < 3000; ++trial) {
    int n = 1 + trial % 60;
    ArcHybridState st;
    st.Init(n);
    int moves = 0;
    while (!st.Terminal()) {
      std::vector<Move> legal;
      for (int m = 0; m < kNumMoves; ++m) {
        if (st.Legal(static_cast<Move>(m))) legal.push_back(static_cast<Move>(m));
      }
      ASSERT_FALSE(legal.empty()) << "stuck in a non-terminal state";
      st.Apply(legal[rng() % legal.size()], 1);
      ++moves;
    }
    EXPECT_EQ(moves, 2 * n);
    EXPECT_TRUE(IsSingleRootedTree(st)) << "trial " << trial;
  }
}

// Brute force: the most gold arcs any move sequence from `st` can still add (plus those
// already correct). Exponential, for tiny sentences only.
int BestReachable(const ArcHybridState& st, const std::vector<int>& gold) {
  if (st.Terminal()) {
    int correct = 0;
    for (int i = 0; i < st.n(); ++i) correct += st.head(i) == gold[i];
    return correct;
  }
  int best = 0;
  for (int m = 0; m < kNumMoves; ++m) {
    if (!st.Legal(static_cast<Move>(m))) continue;
    ArcHybridState next = st;
    next.Apply(static_cast<Move>(m), 0);
    best = std::max(best, BestReachable(next, gold));
  }
  return best;
}

// The dynamic oracle's cost must equal the loss in reachable gold arcs (exact for projective
// gold trees), from arbitrary states reached by random (often wrong) moves.
TEST(ArcHybridTest, DynamicOracleCostMatchesBruteForce) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 300; ++trial) {
    int n = 2 + trial % 6;
    std::vector<int> gold = RandomProjectiveTree(n, &rng);
    auto children = Children(gold, n);
    ArcHybridState st;
    st.Init(n);
    while (!st.Terminal()) {
      int here = BestReachable(st, gold);
      std::vector<Move> legal;
      for (int m = 0; m < kNumMoves; ++m) {
        Move mv = static_cast<Move>(m);
        if (!st.Legal(mv)) continue;
        legal.push_back(mv);
        ArcHybridState next = st;
        next.Apply(mv, 0);
        EXPECT_EQ(st.Cost(mv, gold, children), here - BestReachable(next, gold))
            << "trial " << trial << " move " << m;
      }
      st.Apply(legal[rng() % legal.size()], 0);
    }
  }
}

}  // namespace
}  // namespace annal::syntax
