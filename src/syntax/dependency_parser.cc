#include "syntax/dependency_parser.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "syntax/hashing.h"
#include "syntax/word_shape.h"

namespace annal::syntax {

// Index n is the root; index n + 1 stands for "no such word" so feature code never branches.
struct DependencyParser::Atoms {
  int n = 0;
  std::vector<uint64_t> word;  // lower-cased form
  std::vector<uint64_t> tag;
  std::vector<uint64_t> word_tag;
  std::vector<uint64_t> suffix;  // last three bytes of the lower-cased form
  std::vector<uint64_t> is_punct;
  // Word-cluster atoms (fine level), filled only when the parser has clusters.
  std::vector<uint64_t> cluster;
  int At(int i) const { return i < 0 ? n + 1 : i; }
};

namespace {

constexpr uint64_t kRootAtom = 0x524f4f54ULL;
constexpr uint64_t kNoneAtom = 0x4e4f4e45ULL;
constexpr uint64_t kNoLabel = 0xfffULL;
constexpr uint64_t kNoCluster = 0x4e4f434cULL;

// Distance bucket between two positions: 1, 2, 3, 4, 5-6, 7-9, 10+ (0 when either is absent).
uint64_t Distance(int a, int b, int n) {
  if (a < 0 || b < 0 || a >= n || b >= n) return 0;
  int d = a > b ? a - b : b - a;
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 9) return 6;
  return 7;
}

uint64_t Valency(int v) { return static_cast<uint64_t>(std::min(v, 5)); }

enum MoveTemplate : uint32_t {
  // Single positions.
  kS0w,
  kS0p,
  kS0wp,
  kS1w,
  kS1p,
  kS1wp,
  kS2p,
  kS2wp,
  kB0w,
  kB0p,
  kB0wp,
  kB1w,
  kB1p,
  kB1wp,
  kB2w,
  kB2p,
  kB2wp,
  // Pairs.
  kS0wpB0wp,
  kS0wpB0w,
  kS0wB0wp,
  kS0wpB0p,
  kS0pB0wp,
  kS0wB0w,
  kS0pB0p,
  kB0pB1p,
  kS1wpS0wp,
  kS1wS0w,
  kS1pS0p,
  kS1wS0p,
  kS1pS0w,
  kS1pB0p,
  kS1wB0w,
  kS1wpB0p,
  kS1pB0wp,
  kS0pB1p,
  kS0wB1w,
  // Triples.
  kB0pB1pB2p,
  kS0pB0pB1p,
  kS1pS0pB0p,
  kS2pS1pS0p,
  kS1pS0wB0p,
  kS1wS0pB0p,
  kS1pS0pB0w,
  kS0pS0lpB0p,
  kS0pS0rpB0p,
  kS0pB0pB0lp,
  kS1pS1rpS0p,
  kS1pS1lpS0p,
  kS1pS0pS0lp,
  kS1pS0pS0rp,
  kS0pS0lpS0l2p,
  kS0pS0rpS0r2p,
  kB0pB0lpB0l2p,
  kS1pS1rpS1r2p,
  // Distances.
  kS0wD,
  kS0pD,
  kB0wD,
  kB0pD,
  kS0wB0wD,
  kS0pB0pD,
  kS1pS0pD1,
  kS1wS0wD1,
  kS1pB0pD2,
  // Valencies.
  kS0wVr,
  kS0pVr,
  kS0wVl,
  kS0pVl,
  kB0wVl,
  kB0pVl,
  kS1wVr,
  kS1pVr,
  kS1pVl,
  // Children.
  kS0lw,
  kS0lp,
  kS0ll,
  kS0rw,
  kS0rp,
  kS0rl,
  kB0lw,
  kB0lp,
  kB0ll,
  kS1rw,
  kS1rp,
  kS1rl,
  kS1lw,
  kS1lp,
  kS1ll,
  kS0l2w,
  kS0l2p,
  kS0l2l,
  kS0r2w,
  kS0r2p,
  kS0r2l,
  kB0l2w,
  kB0l2p,
  kB0l2l,
  // Label sets.
  kS0wSl,
  kS0pSl,
  kS0wSr,
  kS0pSr,
  kB0wSl,
  kB0pSl,
  kS1pSr,
  kS1pSl,
  // Suffixes and punctuation.
  kS0sufP,
  kB0sufP,
  kS1sufP,
  kS0sufB0suf,
  kPunctBetween,
  kS0pB0pPunct,
  // Buffer word pairs and label combinations of the second format version.
  kB0wB1w,
  kB0wB1p,
  kB0pB1w,
  kS0wB0pB1p,
  kS0pS0llS0rl,
  kB0pB0llB0l2l,
  kS1pS1rlS0p,
  kNumMoveTemplates
};

// Word-cluster move templates (only with clusters), numbered after the others so the keys of
// the templates above do not depend on whether clusters are used (Koo et al. 2008 style:
// cluster ids in the places of words, alone and paired with the other item's tag).
enum ClusterMoveTemplate : uint32_t {
  kS0c = kNumMoveTemplates,
  kB0c,
  kS1c,
  kS0cB0p,
  kS0pB0c,
  kEndClusterMoveTemplates
};
constexpr size_t kNumClusterMoveTemplates =
    static_cast<size_t>(kEndClusterMoveTemplates) - static_cast<size_t>(kNumMoveTemplates);

enum LabelTemplate : uint32_t {
  kLDw,
  kLDp,
  kLDwp,
  kLHw,
  kLHp,
  kLHwp,
  kLDpHp,
  kLDwHp,
  kLDpHw,
  kLDwHw,
  kLDpHpDist,
  kLDl1wl,
  kLDl1p,
  kLDl1lDp,
  kLDl1wDp,
  kLDr1lDp,
  kLDr1wl,
  kLDr1p,
  kLDl2lDl1lDp,
  kLDslDp,
  kLDsrDp,
  kLHslDp,
  kLHsrDp,
  kLHl1lDp,
  kLHr1lDp,
  kLDm1pDp,
  kLDp1pDp,
  kLHm1pHpDp,
  kLHp1pHpDp,
  kLDl1wHpDp,
  kLDwDl1w,
  kLDsufDp,
  kLHsufDp,
  kLDvalDp,
  kLHwDp,
  kLDwHpHsl,
  kNumLabelTemplates
};

enum ClusterLabelTemplate : uint32_t {
  kLDcHp = kNumLabelTemplates,
  kLHcDp,
  kEndClusterLabelTemplates
};
constexpr size_t kNumClusterLabelTemplates =
    static_cast<size_t>(kEndClusterLabelTemplates) - static_cast<size_t>(kNumLabelTemplates);

}  // namespace

void DependencyParser::ComputeAtoms(const std::vector<std::string_view>& forms,
                                    const std::vector<std::string_view>& tags, Atoms* atoms) const {
  int n = static_cast<int>(forms.size());
  atoms->n = n;
  atoms->word.resize(n + 2);
  atoms->tag.resize(n + 2);
  atoms->word_tag.resize(n + 2);
  atoms->suffix.resize(n + 2);
  atoms->is_punct.resize(n + 2);
  for (int i = 0; i < n; ++i) {
    std::string lower = AsciiLower(forms[i]);
    atoms->word[i] = HashBytes(lower);
    atoms->tag[i] = HashBytes(tags[i]);
    atoms->word_tag[i] = Mix64(atoms->word[i]) ^ atoms->tag[i];
    atoms->suffix[i] = HashBytes(Suffix(lower, 3));
    atoms->is_punct[i] = tags[i] == "PUNCT";
  }
  for (int i : {n, n + 1}) {
    uint64_t a = i == n ? kRootAtom : kNoneAtom;
    atoms->word[i] = atoms->tag[i] = atoms->word_tag[i] = atoms->suffix[i] = a;
    atoms->is_punct[i] = 0;
  }
  if (clusters_) {
    atoms->cluster.resize(n + 2);
    for (int i = 0; i < n; ++i) {
      const ClusterIds* c = clusters_->Find(atoms->word[i]);
      atoms->cluster[i] = c ? c->fine : kNoCluster;
    }
    for (int i : {n, n + 1}) atoms->cluster[i] = atoms->word[i];
  }
}

void DependencyParser::MoveFeatures(const ArcHybridState& st, const Atoms& a,
                                    std::vector<uint64_t>* keys) const {
  const int n = a.n;
  const int s0 = st.Stack(0), s1 = st.Stack(1), s2 = st.Stack(2);
  const int b0 = st.Buffer(0), b1 = st.Buffer(1), b2 = st.Buffer(2);
  auto child = [&](int i, bool left, int k) {
    if (i < 0) return -1;
    return left ? st.LeftChild(i, k) : st.RightChild(i, k);
  };
  const int s0l = child(s0, true, 0), s0l2 = child(s0, true, 1);
  const int s0r = child(s0, false, 0), s0r2 = child(s0, false, 1);
  const int s1l = child(s1, true, 0), s1r = child(s1, false, 0), s1r2 = child(s1, false, 1);
  const int b0l = child(b0, true, 0), b0l2 = child(b0, true, 1);
  auto w = [&](int i) { return a.word[a.At(i)]; };
  auto p = [&](int i) { return a.tag[a.At(i)]; };
  auto wp = [&](int i) { return a.word_tag[a.At(i)]; };
  auto l = [&](int i) { return i < 0 ? kNoLabel : static_cast<uint64_t>(st.label(i)); };
  auto vl = [&](int i) { return i < 0 ? 9 : Valency(st.NumLeft(i)); };
  auto vr = [&](int i) { return i < 0 ? 9 : Valency(st.NumRight(i)); };
  auto sl = [&](int i) { return i < 0 ? kNoneAtom : st.LeftLabels(i); };
  auto sr = [&](int i) { return i < 0 ? kNoneAtom : st.RightLabels(i); };
  const uint64_t d = Distance(s0, b0, n), d1 = Distance(s1, s0, n), d2 = Distance(s1, b0, n);
  // Written through a raw pointer into room for every template: push_back's capacity check
  // and out-of-line growth path cost a few percent of parsing time here.
  keys->resize(kNumMoveTemplates + (clusters_ ? kNumClusterMoveTemplates : 0));
  uint64_t* out = keys->data();
  auto add = [&out](uint64_t k) { *out++ = k; };
  const uint64_t s0w = w(s0), s0p = p(s0), s0wp = wp(s0), s1w = w(s1), s1p = p(s1), s1wp = wp(s1),
                 b0w = w(b0), b0p = p(b0), b0wp = wp(b0), b1p = p(b1);
  add(FeatureKey(kS0w, s0w));
  add(FeatureKey(kS0p, s0p));
  add(FeatureKey(kS0wp, s0wp));
  add(FeatureKey(kS1w, s1w));
  add(FeatureKey(kS1p, s1p));
  add(FeatureKey(kS1wp, s1wp));
  add(FeatureKey(kS2p, p(s2)));
  add(FeatureKey(kS2wp, wp(s2)));
  add(FeatureKey(kB0w, b0w));
  add(FeatureKey(kB0p, b0p));
  add(FeatureKey(kB0wp, b0wp));
  add(FeatureKey(kB1w, w(b1)));
  add(FeatureKey(kB1p, b1p));
  add(FeatureKey(kB1wp, wp(b1)));
  add(FeatureKey(kB2w, w(b2)));
  add(FeatureKey(kB2p, p(b2)));
  add(FeatureKey(kB2wp, wp(b2)));

  add(FeatureKey(kS0wpB0wp, s0wp, b0wp));
  add(FeatureKey(kS0wpB0w, s0wp, b0w));
  add(FeatureKey(kS0wB0wp, s0w, b0wp));
  add(FeatureKey(kS0wpB0p, s0wp, b0p));
  add(FeatureKey(kS0pB0wp, s0p, b0wp));
  add(FeatureKey(kS0wB0w, s0w, b0w));
  add(FeatureKey(kS0pB0p, s0p, b0p));
  add(FeatureKey(kB0pB1p, b0p, b1p));
  add(FeatureKey(kS1wpS0wp, s1wp, s0wp));
  add(FeatureKey(kS1wS0w, s1w, s0w));
  add(FeatureKey(kS1pS0p, s1p, s0p));
  add(FeatureKey(kS1wS0p, s1w, s0p));
  add(FeatureKey(kS1pS0w, s1p, s0w));
  add(FeatureKey(kS1pB0p, s1p, b0p));
  add(FeatureKey(kS1wB0w, s1w, b0w));
  add(FeatureKey(kS1wpB0p, s1wp, b0p));
  add(FeatureKey(kS1pB0wp, s1p, b0wp));
  add(FeatureKey(kS0pB1p, s0p, b1p));
  add(FeatureKey(kS0wB1w, s0w, w(b1)));

  add(FeatureKey(kB0pB1pB2p, b0p, b1p, p(b2)));
  add(FeatureKey(kS0pB0pB1p, s0p, b0p, b1p));
  add(FeatureKey(kS1pS0pB0p, s1p, s0p, b0p));
  add(FeatureKey(kS2pS1pS0p, p(s2), s1p, s0p));
  add(FeatureKey(kS1pS0wB0p, s1p, s0w, b0p));
  add(FeatureKey(kS1wS0pB0p, s1w, s0p, b0p));
  add(FeatureKey(kS1pS0pB0w, s1p, s0p, b0w));
  add(FeatureKey(kS0pS0lpB0p, s0p, p(s0l), b0p));
  add(FeatureKey(kS0pS0rpB0p, s0p, p(s0r), b0p));
  add(FeatureKey(kS0pB0pB0lp, s0p, b0p, p(b0l)));
  add(FeatureKey(kS1pS1rpS0p, s1p, p(s1r), s0p));
  add(FeatureKey(kS1pS1lpS0p, s1p, p(s1l), s0p));
  add(FeatureKey(kS1pS0pS0lp, s1p, s0p, p(s0l)));
  add(FeatureKey(kS1pS0pS0rp, s1p, s0p, p(s0r)));
  add(FeatureKey(kS0pS0lpS0l2p, s0p, p(s0l), p(s0l2)));
  add(FeatureKey(kS0pS0rpS0r2p, s0p, p(s0r), p(s0r2)));
  add(FeatureKey(kB0pB0lpB0l2p, b0p, p(b0l), p(b0l2)));
  add(FeatureKey(kS1pS1rpS1r2p, s1p, p(s1r), p(s1r2)));

  add(FeatureKey(kS0wD, s0w, d));
  add(FeatureKey(kS0pD, s0p, d));
  add(FeatureKey(kB0wD, b0w, d));
  add(FeatureKey(kB0pD, b0p, d));
  add(FeatureKey(kS0wB0wD, s0w, b0w, d));
  add(FeatureKey(kS0pB0pD, s0p, b0p, d));
  add(FeatureKey(kS1pS0pD1, s1p, s0p, d1));
  add(FeatureKey(kS1wS0wD1, s1w, s0w, d1));
  add(FeatureKey(kS1pB0pD2, s1p, b0p, d2));

  add(FeatureKey(kS0wVr, s0w, vr(s0)));
  add(FeatureKey(kS0pVr, s0p, vr(s0)));
  add(FeatureKey(kS0wVl, s0w, vl(s0)));
  add(FeatureKey(kS0pVl, s0p, vl(s0)));
  add(FeatureKey(kB0wVl, b0w, vl(b0)));
  add(FeatureKey(kB0pVl, b0p, vl(b0)));
  add(FeatureKey(kS1wVr, s1w, vr(s1)));
  add(FeatureKey(kS1pVr, s1p, vr(s1)));
  add(FeatureKey(kS1pVl, s1p, vl(s1)));

  add(FeatureKey(kS0lw, w(s0l)));
  add(FeatureKey(kS0lp, p(s0l)));
  add(FeatureKey(kS0ll, l(s0l)));
  add(FeatureKey(kS0rw, w(s0r)));
  add(FeatureKey(kS0rp, p(s0r)));
  add(FeatureKey(kS0rl, l(s0r)));
  add(FeatureKey(kB0lw, w(b0l)));
  add(FeatureKey(kB0lp, p(b0l)));
  add(FeatureKey(kB0ll, l(b0l)));
  add(FeatureKey(kS1rw, w(s1r)));
  add(FeatureKey(kS1rp, p(s1r)));
  add(FeatureKey(kS1rl, l(s1r)));
  add(FeatureKey(kS1lw, w(s1l)));
  add(FeatureKey(kS1lp, p(s1l)));
  add(FeatureKey(kS1ll, l(s1l)));
  add(FeatureKey(kS0l2w, w(s0l2)));
  add(FeatureKey(kS0l2p, p(s0l2)));
  add(FeatureKey(kS0l2l, l(s0l2)));
  add(FeatureKey(kS0r2w, w(s0r2)));
  add(FeatureKey(kS0r2p, p(s0r2)));
  add(FeatureKey(kS0r2l, l(s0r2)));
  add(FeatureKey(kB0l2w, w(b0l2)));
  add(FeatureKey(kB0l2p, p(b0l2)));
  add(FeatureKey(kB0l2l, l(b0l2)));

  add(FeatureKey(kS0wSl, s0w, sl(s0)));
  add(FeatureKey(kS0pSl, s0p, sl(s0)));
  add(FeatureKey(kS0wSr, s0w, sr(s0)));
  add(FeatureKey(kS0pSr, s0p, sr(s0)));
  add(FeatureKey(kB0wSl, b0w, sl(b0)));
  add(FeatureKey(kB0pSl, b0p, sl(b0)));
  add(FeatureKey(kS1pSr, s1p, sr(s1)));
  add(FeatureKey(kS1pSl, s1p, sl(s1)));

  add(FeatureKey(kS0sufP, a.suffix[a.At(s0)], s0p));
  add(FeatureKey(kB0sufP, a.suffix[a.At(b0)], b0p));
  add(FeatureKey(kS1sufP, a.suffix[a.At(s1)], s1p));
  add(FeatureKey(kS0sufB0suf, a.suffix[a.At(s0)], a.suffix[a.At(b0)]));
  // Is there punctuation between s0 and b0? (Only adjacent checks: the cheap, linear version.)
  uint64_t punct_between = 0;
  if (s0 >= 0 && b0 >= 0 && b0 < n && b0 - s0 > 1) {
    punct_between = a.is_punct[s0 + 1] | (a.is_punct[b0 - 1] << 1);
  }
  add(FeatureKey(kPunctBetween, punct_between));
  add(FeatureKey(kS0pB0pPunct, s0p, b0p, punct_between));

  const uint64_t b1w = w(b1);
  add(FeatureKey(kB0wB1w, b0w, b1w));
  add(FeatureKey(kB0wB1p, b0w, b1p));
  add(FeatureKey(kB0pB1w, b0p, b1w));
  add(FeatureKey(kS0wB0pB1p, s0w, b0p, b1p));
  add(FeatureKey(kS0pS0llS0rl, s0p, l(s0l), l(s0r)));
  add(FeatureKey(kB0pB0llB0l2l, b0p, l(b0l), l(b0l2)));
  add(FeatureKey(kS1pS1rlS0p, s1p, l(s1r), s0p));
  if (clusters_) out = ClusterMoveFeatures(st, a, out);
  keys->resize(static_cast<size_t>(out - keys->data()));
}

uint64_t* DependencyParser::ClusterMoveFeatures(const ArcHybridState& st, const Atoms& a,
                                                uint64_t* out) const {
  // Five templates only: each costs a table lookup per move, and the parser is memory-bound.
  const int s0 = a.At(st.Stack(0)), s1 = a.At(st.Stack(1)), b0 = a.At(st.Buffer(0));
  const uint64_t s0c = a.cluster[s0], b0c = a.cluster[b0];
  *out++ = FeatureKey(kS0c, s0c);
  *out++ = FeatureKey(kB0c, b0c);
  *out++ = FeatureKey(kS1c, a.cluster[s1]);
  *out++ = FeatureKey(kS0cB0p, s0c, a.tag[b0]);
  *out++ = FeatureKey(kS0pB0c, a.tag[s0], b0c);
  return out;
}

uint64_t* DependencyParser::ClusterLabelFeatures(const Atoms& a, int h, int dep,
                                                 uint64_t* out) const {
  const uint32_t dir = dep < h ? 1 : 2;
  h = a.At(h);
  dep = a.At(dep);
  *out++ = FeatureKey(kLDcHp * 4 + dir, a.cluster[dep], a.tag[h]);
  *out++ = FeatureKey(kLHcDp * 4 + dir, a.cluster[h], a.tag[dep]);
  return out;
}

void DependencyParser::LabelFeatures(const ArcHybridState& st, const Atoms& a, int h, int dep,
                                     std::vector<uint64_t>* keys) const {
  const int n = a.n;
  const uint64_t dir = dep < h ? 1 : 2;
  auto w = [&](int i) { return a.word[a.At(i)]; };
  auto p = [&](int i) { return a.tag[a.At(i)]; };
  auto wp = [&](int i) { return a.word_tag[a.At(i)]; };
  auto l = [&](int i) { return i < 0 ? kNoLabel : static_cast<uint64_t>(st.label(i)); };
  keys->resize(kNumLabelTemplates + (clusters_ ? kNumClusterLabelTemplates : 0));
  uint64_t* out = keys->data();
  auto add = [&](uint32_t templ, uint64_t x, uint64_t y = 0, uint64_t z = 0) {
    *out++ = FeatureKey(templ * 4 + static_cast<uint32_t>(dir), x, y, z);
  };
  const int dl1 = st.LeftChild(dep, 0), dl2 = st.LeftChild(dep, 1);
  const int dr1 = st.RightChild(dep, 0);
  const int hl1 = st.LeftChild(h, 0), hr1 = st.RightChild(h, 0);
  const uint64_t dw = w(dep), dp = p(dep), hw = w(h), hp = p(h);
  const uint64_t hsl = st.LeftLabels(h), hsr = st.RightLabels(h);
  auto neighbour_tag = [&](int i, int delta) {
    int j = i + delta;
    if (i >= n || j < 0 || j >= n) return kNoneAtom;
    return a.tag[j];
  };
  add(kLDw, dw);
  add(kLDp, dp);
  add(kLDwp, wp(dep));
  add(kLHw, hw);
  add(kLHp, hp);
  add(kLHwp, wp(h));
  add(kLDpHp, dp, hp);
  add(kLDwHp, dw, hp);
  add(kLDpHw, dp, hw);
  add(kLDwHw, dw, hw);
  add(kLDpHpDist, dp, hp, Distance(h, dep, n));
  add(kLDl1wl, w(dl1), l(dl1));
  add(kLDl1p, p(dl1));
  add(kLDl1lDp, l(dl1), dp);
  add(kLDl1wDp, w(dl1), dp);
  add(kLDr1lDp, l(dr1), dp);
  add(kLDr1wl, w(dr1), l(dr1));
  add(kLDr1p, p(dr1));
  add(kLDl2lDl1lDp, l(dl2), l(dl1), dp);
  add(kLDslDp, st.LeftLabels(dep), dp);
  add(kLDsrDp, st.RightLabels(dep), dp);
  add(kLHslDp, hsl, dp);
  add(kLHsrDp, hsr, dp);
  add(kLHl1lDp, l(hl1), dp);
  add(kLHr1lDp, l(hr1), dp);
  add(kLDm1pDp, neighbour_tag(dep, -1), dp);
  add(kLDp1pDp, neighbour_tag(dep, 1), dp);
  add(kLHm1pHpDp, neighbour_tag(h, -1), hp, dp);
  add(kLHp1pHpDp, neighbour_tag(h, 1), hp, dp);
  add(kLDl1wHpDp, w(dl1), hp, dp);
  add(kLDwDl1w, dw, w(dl1));
  add(kLDsufDp, a.suffix[a.At(dep)], dp);
  add(kLHsufDp, a.suffix[a.At(h)], hp, dp);
  add(kLDvalDp, Valency(st.NumLeft(dep)) * 8 + Valency(st.NumRight(dep)), dp);
  add(kLHwDp, hw, dp);
  add(kLDwHpHsl, dw, hp, hsl);
  if (clusters_) out = ClusterLabelFeatures(a, h, dep, out);
  keys->resize(static_cast<size_t>(out - keys->data()));
}

int DependencyParser::BestLabel(const std::vector<float>& scores, bool left) const {
  // Called for every arc: the loop keeps the best score in a register and reads the arrays
  // through raw pointers (indexing the vectors and reloading scores[best] made it about 15
  // instructions per label). The same choice: the first of the highest-scoring labels.
  const char* ok = (left ? left_ok_ : right_ok_).data();
  const float* s = scores.data();
  const int labels = num_labels(), root = root_label_;
  int best = -1;
  float best_score = 0.0f;
  for (int c = 0; c < labels; ++c) {
    if (c == root || !ok[c]) continue;
    if (best < 0 || s[c] > best_score) {
      best = c;
      best_score = s[c];
    }
  }
  if (best < 0) {
    // No label was ever seen in this direction (tiny training sets): take any non-root label.
    for (int c = 0; c < num_labels(); ++c) {
      if (c != root_label_ && (best < 0 || scores[c] > scores[best])) best = c;
    }
  }
  return best < 0 ? root_label_ : best;
}

void DependencyParser::ParseAtoms(const Atoms& atoms, ArcHybridState* state,
                                  std::vector<uint64_t>* keys,
                                  std::vector<float>* label_scores) const {
  state->Init(atoms.n);
  label_scores->resize(num_labels());
  while (!state->Terminal()) {
    MoveFeatures(*state, atoms, keys);
    float scores[kNumMoves] = {0, 0, 0};
    moves_.AddScoresBatch(keys->data(), keys->size(), scores);
    int best = -1;
    for (int m = 0; m < kNumMoves; ++m) {
      if (state->Legal(static_cast<Move>(m)) && (best < 0 || scores[m] > scores[best])) best = m;
    }
    Move move = static_cast<Move>(best);
    int label = -1;
    if (move != Move::kShift) {
      int h, d;
      state->ArcOf(move, &h, &d);
      if (h == state->root()) {
        label = root_label_;
      } else {
        LabelFeatures(*state, atoms, h, d, keys);
        std::fill(label_scores->begin(), label_scores->end(), 0.0f);
        labels_.AddScoresBatch(keys->data(), keys->size(), label_scores->data());
        label = BestLabel(*label_scores, d < h);
      }
    }
    state->Apply(move, label);
  }
}

int DependencyParser::PredictLabel(const ArcHybridState& state, const Atoms& atoms, Move move,
                                   std::vector<uint64_t>* keys,
                                   std::vector<float>* label_scores) const {
  if (move == Move::kShift) return -1;
  int h, d;
  state.ArcOf(move, &h, &d);
  if (h == state.root()) return root_label_;
  LabelFeatures(state, atoms, h, d, keys);
  label_scores->assign(num_labels(), 0.0f);
  labels_.AddScoresBatch(keys->data(), keys->size(), label_scores->data());
  return BestLabel(*label_scores, d < h);
}

namespace {

// A scored expansion of a beam item: item `item` followed by move `move`.
struct BeamCandidate {
  float score;
  int item;
  int move;
};

// Highest score first; ties go to the earlier item and the lower move, so a beam of width 1
// makes exactly the greedy decoder's choices.
bool BetterCandidate(const BeamCandidate& a, const BeamCandidate& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.item != b.item) return a.item < b.item;
  return a.move < b.move;
}

}  // namespace

void DependencyParser::BeamParseAtoms(const Atoms& atoms, int width, ArcHybridState* state) const {
  struct Item {
    ArcHybridState state;
    float score = 0;
  };
  std::vector<Item> beam(1), next;
  beam[0].state.Init(atoms.n);
  std::vector<BeamCandidate> candidates;
  std::vector<uint64_t> keys;
  keys.reserve(160);
  std::vector<float> label_scores;
  while (!beam[0].state.Terminal()) {
    candidates.clear();
    for (int i = 0; i < static_cast<int>(beam.size()); ++i) {
      MoveFeatures(beam[i].state, atoms, &keys);
      float scores[kNumMoves] = {0, 0, 0};
      moves_.AddScoresBatch(keys.data(), keys.size(), scores);
      for (int m = 0; m < kNumMoves; ++m) {
        if (beam[i].state.Legal(static_cast<Move>(m))) {
          candidates.push_back({beam[i].score + scores[m], i, m});
        }
      }
    }
    size_t k = std::min(candidates.size(), static_cast<size_t>(width));
    std::partial_sort(candidates.begin(), candidates.begin() + k, candidates.end(),
                      BetterCandidate);
    next.resize(k);
    for (size_t j = 0; j < k; ++j) {
      const BeamCandidate& c = candidates[j];
      const ArcHybridState& from = beam[c.item].state;
      Move move = static_cast<Move>(c.move);
      int label = PredictLabel(from, atoms, move, &keys, &label_scores);
      next[j].state = from;  // copy-assignment reuses next[j]'s buffers
      next[j].state.Apply(move, label);
      next[j].score = c.score;
    }
    std::swap(beam, next);
  }
  *state = beam[0].state;
}

void DependencyParser::Parse(const std::vector<std::string_view>& forms,
                             const std::vector<std::string_view>& tags, std::vector<int>* heads,
                             std::vector<int>* labels) const {
  Atoms atoms;
  ComputeAtoms(forms, tags, &atoms);
  ArcHybridState state;
  std::vector<uint64_t> keys;
  keys.reserve(160);
  std::vector<float> label_scores;
  if (beam_width_ > 1) {
    BeamParseAtoms(atoms, beam_width_, &state);
  } else {
    ParseAtoms(atoms, &state, &keys, &label_scores);
  }
  CopyTree(state, heads, labels);
}

void DependencyParser::ParseWithBeam(const std::vector<std::string_view>& forms,
                                     const std::vector<std::string_view>& tags, int width,
                                     std::vector<int>* heads, std::vector<int>* labels) const {
  Atoms atoms;
  ComputeAtoms(forms, tags, &atoms);
  ArcHybridState state;
  BeamParseAtoms(atoms, std::max(width, 1), &state);
  CopyTree(state, heads, labels);
}

void DependencyParser::CopyTree(const ArcHybridState& state, std::vector<int>* heads,
                                std::vector<int>* labels) {
  int n = state.n();
  heads->resize(n);
  labels->resize(n);
  for (int i = 0; i < n; ++i) {
    int h = state.head(i);
    (*heads)[i] = h == n ? 0 : h + 1;
    (*labels)[i] = state.label(i);
  }
}

// Structured-perceptron training of the move weights for beam search, one sentence at a
// time. The reference is the dynamic oracle's path: at each step the best-scoring move among
// those of least cost (so spurious ambiguity and non-projective gold trees need no special
// case); a beam hypothesis is "optimal" while all its moves had least cost. After decoding
// the whole sentence with the beam, the update is made at the step where the best
// hypothesis, not optimal, outscores the reference prefix by the most (max-violation, Huang,
// Fayong and Guo 2012): +1 for the reference prefix's features, -1 for the hypothesis's.
// The label weights are trained locally, on the reference path's correct arcs.
class BeamTrainer {
 public:
  BeamTrainer(DependencyParser* parser, int width) : p_(*parser), width_(width) {}

  // Returns true when the beam's best final hypothesis took only least-cost moves.
  bool TrainSentence(const DependencyParser::Atoms& atoms, const std::vector<int>& gold_heads,
                     const std::vector<int>& gold_labels,
                     const std::vector<std::vector<int>>& gold_children, int64_t* now) {
    const int n = atoms.n;
    gold_.Init(n);
    float gold_score = 0;
    gold_seq_.clear();
    beam_.resize(1);
    beam_[0].state.Init(n);
    beam_[0].score = 0;
    beam_[0].optimal = true;
    history_.clear();
    step_begin_.clear();
    float best_violation = 0;
    int best_t = -1;
    int t = 0;
    while (!gold_.Terminal()) {
      ++*now;
      // The reference path.
      float scores[kNumMoves];
      int costs[kNumMoves];
      int min_cost = Score(gold_, atoms, gold_heads, gold_children, scores, costs);
      int gm = -1;
      for (int m = 0; m < kNumMoves; ++m) {
        if (costs[m] == min_cost && (gm < 0 || scores[m] > scores[gm])) gm = m;
      }
      int label = GoldPathLabel(atoms, static_cast<Move>(gm), gold_heads, gold_labels, *now);
      gold_score += scores[gm];
      gold_seq_.push_back({-1, gm, label});
      gold_.Apply(static_cast<Move>(gm), label);
      // The beam.
      candidates_.clear();
      for (int i = 0; i < static_cast<int>(beam_.size()); ++i) {
        int item_min = Score(beam_[i].state, atoms, gold_heads, gold_children, scores, costs);
        for (int m = 0; m < kNumMoves; ++m) {
          if (costs[m] < 0) continue;
          candidates_.push_back({{beam_[i].score + scores[m], i, m},
                                 beam_[i].optimal && costs[m] == item_min});
        }
      }
      size_t k = std::min(candidates_.size(), static_cast<size_t>(width_));
      std::partial_sort(candidates_.begin(), candidates_.begin() + k, candidates_.end(),
                        [](const Candidate& a, const Candidate& b) {
                          return BetterCandidate(a.c, b.c);
                        });
      next_.resize(k);
      step_begin_.push_back(history_.size());
      for (size_t j = 0; j < k; ++j) {
        const Candidate& c = candidates_[j];
        const ArcHybridState& from = beam_[c.c.item].state;
        Move move = static_cast<Move>(c.c.move);
        int l = p_.PredictLabel(from, atoms, move, &keys_, &label_scores_);
        next_[j].state = from;
        next_[j].state.Apply(move, l);
        next_[j].score = c.c.score;
        next_[j].optimal = c.optimal;
        history_.push_back({c.c.item, c.c.move, l});
      }
      std::swap(beam_, next_);
      if (!beam_[0].optimal) {
        float v = beam_[0].score - gold_score;
        if (v > best_violation) {
          best_violation = v;
          best_t = t;
        }
      }
      ++t;
    }
    const bool correct = beam_[0].optimal;
    // Wrong in the end without ever outscoring the reference: update on the whole sentence.
    if (best_t < 0 && !correct) best_t = t - 1;
    if (best_t >= 0) {
      const size_t end = static_cast<size_t>(best_t) + 1;
      top_seq_.resize(end);
      int j = 0;  // the update is always against the beam's best item of its step
      for (int st = best_t; st >= 0; --st) {
        top_seq_[st] = history_[step_begin_[st] + j];
        j = top_seq_[st].parent;
      }
      // Before the two paths part, their features are the same and the updates cancel.
      size_t start = 0;
      while (start < end && gold_seq_[start].move == top_seq_[start].move &&
             gold_seq_[start].label == top_seq_[start].label) {
        ++start;
      }
      Replay(atoms, gold_seq_, start, end, 1.0f, *now);
      Replay(atoms, top_seq_, start, end, -1.0f, *now);
    }
    return correct;
  }

 private:
  struct Item {
    ArcHybridState state;
    float score = 0;
    bool optimal = true;
  };
  struct Step {
    int parent;  // index of the item in the previous step's beam (-1 on the reference path)
    int move;
    int label;
  };
  struct Candidate {
    BeamCandidate c;
    bool optimal;
  };

  // Move scores and costs (-1 = illegal) in `state`; returns the least cost.
  int Score(const ArcHybridState& state, const DependencyParser::Atoms& atoms,
            const std::vector<int>& gold_heads, const std::vector<std::vector<int>>& gold_children,
            float* scores, int* costs) {
    p_.MoveFeatures(state, atoms, &keys_);
    for (int m = 0; m < kNumMoves; ++m) scores[m] = 0;
    for (uint64_t k : keys_) p_.moves_.AddScores(k, scores);
    int min_cost = 1 << 30;
    for (int m = 0; m < kNumMoves; ++m) {
      Move mv = static_cast<Move>(m);
      costs[m] = state.Legal(mv) ? state.Cost(mv, gold_heads, gold_children) : -1;
      if (costs[m] >= 0) min_cost = std::min(min_cost, costs[m]);
    }
    return min_cost;
  }

  // The label of the reference path's arc, training the label weights on it when it is a gold
  // arc (then the gold label is kept, otherwise the model's).
  int GoldPathLabel(const DependencyParser::Atoms& atoms, Move move,
                    const std::vector<int>& gold_heads, const std::vector<int>& gold_labels,
                    int64_t now) {
    if (move == Move::kShift) return -1;
    int h, d;
    gold_.ArcOf(move, &h, &d);
    if (h == gold_.root()) return p_.root_label_;
    p_.LabelFeatures(gold_, atoms, h, d, &keys_);
    label_scores_.assign(p_.num_labels(), 0.0f);
    for (uint64_t k : keys_) p_.labels_.AddScores(k, label_scores_.data());
    int label = p_.BestLabel(label_scores_, d < h);
    if (gold_heads[d] != h) return label;
    int gold = gold_labels[d];
    if (label != gold) {
      for (uint64_t k : keys_) {
        p_.labels_.Update(k, gold, 1.0f, now);
        p_.labels_.Update(k, label, -1.0f, now);
      }
    }
    return gold;
  }

  // Re-runs moves [0, end) of `seq` from the start state, adding `delta` to the weights of
  // moves [start, end) for their features.
  void Replay(const DependencyParser::Atoms& atoms, const std::vector<Step>& seq, size_t start,
              size_t end, float delta, int64_t now) {
    replay_.Init(atoms.n);
    for (size_t st = 0; st < end; ++st) {
      if (st >= start) {
        p_.MoveFeatures(replay_, atoms, &keys_);
        for (uint64_t k : keys_) p_.moves_.Update(k, seq[st].move, delta, now);
      }
      replay_.Apply(static_cast<Move>(seq[st].move), seq[st].label);
    }
  }

  DependencyParser& p_;
  const int width_;
  ArcHybridState gold_, replay_;
  std::vector<Step> gold_seq_, top_seq_, history_;
  std::vector<size_t> step_begin_;
  std::vector<Item> beam_, next_;
  std::vector<Candidate> candidates_;
  std::vector<uint64_t> keys_;
  std::vector<float> label_scores_;
};

Result<std::unique_ptr<DependencyParser>> DependencyParser::Train(
    const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
    const TrainOptions& options, const ProgressCallback& progress) {
  auto parser = std::make_unique<DependencyParser>();
  // Usable sentences: every HEAD annotated.
  std::vector<const ConlluSentence*> usable;
  std::map<std::string, int> label_ids;
  for (const auto& s : train) {
    bool ok = !s.words.empty();
    for (const auto& w : s.words) ok = ok && w.head >= 0;
    if (!ok) continue;
    usable.push_back(&s);
    for (const auto& w : s.words) label_ids.emplace(w.head == 0 ? "root" : w.deprel, 0);
  }
  if (usable.empty()) return Status::InvalidArgument("parser training data has no usable trees");
  label_ids.emplace("root", 0);
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(parser->label_names_.size());
    parser->label_names_.push_back(name);
  }
  parser->root_label_ = label_ids["root"];
  parser->left_ok_.assign(parser->num_labels(), 0);
  parser->right_ok_.assign(parser->num_labels(), 0);
  for (const ConlluSentence* s : usable) {
    for (size_t i = 0; i < s->words.size(); ++i) {
      const auto& w = s->words[i];
      if (w.head == 0) continue;
      int id = label_ids[w.deprel];
      (static_cast<size_t>(w.head - 1) > i ? parser->left_ok_ : parser->right_ok_)[id] = 1;
    }
  }
  parser->moves_ = WeightTable(kNumMoves);
  parser->labels_ = WeightTable(parser->num_labels());
  parser->clusters_ = options.clusters;

  std::mt19937_64 rng(options.seed);
  std::uniform_real_distribution<double> coin(0.0, 1.0);
  std::vector<size_t> order(usable.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  int64_t now = 0;
  Atoms atoms;
  ArcHybridState state;
  std::vector<uint64_t> keys, label_keys;
  std::vector<float> label_scores(parser->num_labels());
  std::vector<int> gold_heads, gold_labels;
  std::vector<std::vector<int>> gold_children;
  std::vector<std::string_view> forms, tags;
  std::unique_ptr<BeamTrainer> beam_trainer;
  if (options.beam > 1) beam_trainer = std::make_unique<BeamTrainer>(parser.get(), options.beam);
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    DeterministicShuffle(&order, &rng);
    size_t correct_moves = 0, moves = 0, words = 0;
    for (size_t oi : order) {
      const ConlluSentence& s = *usable[oi];
      int n = static_cast<int>(s.words.size());
      forms.clear();
      tags.clear();
      gold_heads.assign(n + 1, n);
      gold_labels.assign(n + 1, parser->root_label_);
      gold_children.assign(n + 1, {});
      for (int i = 0; i < n; ++i) {
        const auto& w = s.words[i];
        forms.push_back(w.form);
        tags.push_back(w.upos);
        gold_heads[i] = w.head == 0 ? n : w.head - 1;
        gold_labels[i] = w.head == 0 ? parser->root_label_ : label_ids[w.deprel];
        gold_children[gold_heads[i]].push_back(i);
      }
      words += n;
      parser->ComputeAtoms(forms, tags, &atoms);
      if (beam_trainer) {
        // Progress counts sentences whose best final hypothesis is right.
        ++moves;
        correct_moves += beam_trainer->TrainSentence(atoms, gold_heads, gold_labels,
                                                     gold_children, &now);
        continue;
      }
      state.Init(n);
      while (!state.Terminal()) {
        ++now;
        parser->MoveFeatures(state, atoms, &keys);
        float scores[kNumMoves] = {0, 0, 0};
        for (uint64_t k : keys) parser->moves_.AddScores(k, scores);
        int costs[kNumMoves];
        int min_cost = 1 << 30;
        for (int m = 0; m < kNumMoves; ++m) {
          Move mv = static_cast<Move>(m);
          costs[m] = state.Legal(mv) ? state.Cost(mv, gold_heads, gold_children) : -1;
          if (costs[m] >= 0) min_cost = std::min(min_cost, costs[m]);
        }
        int guess = -1, best_gold = -1;
        for (int m = 0; m < kNumMoves; ++m) {
          if (costs[m] < 0) continue;
          if (guess < 0 || scores[m] > scores[guess]) guess = m;
          if (costs[m] == min_cost && (best_gold < 0 || scores[m] > scores[best_gold])) {
            best_gold = m;
          }
        }
        ++moves;
        if (costs[guess] != min_cost) {
          for (uint64_t k : keys) {
            parser->moves_.Update(k, best_gold, 1.0f, now);
            parser->moves_.Update(k, guess, -1.0f, now);
          }
        } else {
          ++correct_moves;
        }
        int follow = best_gold;
        if (epoch > 1 && costs[guess] != min_cost && coin(rng) < options.explore) follow = guess;
        Move move = static_cast<Move>(follow);
        int label = -1;
        if (move != Move::kShift) {
          int h, d;
          state.ArcOf(move, &h, &d);
          if (h == state.root()) {
            label = parser->root_label_;
          } else {
            parser->LabelFeatures(state, atoms, h, d, &label_keys);
            std::fill(label_scores.begin(), label_scores.end(), 0.0f);
            for (uint64_t k : label_keys) parser->labels_.AddScores(k, label_scores.data());
            label = parser->BestLabel(label_scores, d < h);
            if (gold_heads[d] == h) {
              int gold = gold_labels[d];
              if (label != gold) {
                for (uint64_t k : label_keys) {
                  parser->labels_.Update(k, gold, 1.0f, now);
                  parser->labels_.Update(k, label, -1.0f, now);
                }
              }
              // Later features see the gold label on a correct arc during the first epoch
              // and the model's own label afterwards, as at parse time.
              if (epoch == 1) label = gold;
            }
          }
        }
        state.Apply(move, label);
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EpochReport report;
    report.epoch = epoch;
    report.train_accuracy = moves ? static_cast<double>(correct_moves) / moves : 0;
    report.tokens_per_second = seconds > 0 ? words / seconds : 0;
    if (!dev.empty() && progress) {
      DependencyParser snapshot;
      snapshot.label_names_ = parser->label_names_;
      snapshot.root_label_ = parser->root_label_;
      snapshot.left_ok_ = parser->left_ok_;
      snapshot.right_ok_ = parser->right_ok_;
      snapshot.clusters_ = parser->clusters_;
      snapshot.beam_width_ = std::max(1, options.beam);
      snapshot.moves_ = parser->moves_;
      snapshot.moves_.Average(now);
      snapshot.labels_ = parser->labels_;
      snapshot.labels_.Average(now);
      size_t total = 0, uas = 0, las = 0;
      std::vector<int> heads, labels;
      for (const auto& s : dev) {
        forms.clear();
        tags.clear();
        for (const auto& w : s.words) {
          forms.push_back(w.form);
          tags.push_back(w.upos);
        }
        snapshot.Parse(forms, tags, &heads, &labels);
        for (size_t i = 0; i < heads.size(); ++i) {
          ++total;
          if (heads[i] == s.words[i].head) {
            ++uas;
            las += snapshot.LabelName(labels[i]) ==
                   (s.words[i].head == 0 ? std::string("root") : s.words[i].deprel);
          }
        }
      }
      report.dev_accuracy = total ? static_cast<double>(uas) / total : 0;
      report.dev_las = total ? static_cast<double>(las) / total : 0;
    }
    if (progress) progress(report);
  }
  parser->moves_.Average(now);
  parser->labels_.Average(now);
  return parser;
}

void DependencyParser::Serialize(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(label_names_.size()));
  for (size_t i = 0; i < label_names_.size(); ++i) {
    out->Str(label_names_[i]);
    out->U8(static_cast<uint8_t>((left_ok_[i] ? 1 : 0) | (right_ok_[i] ? 2 : 0)));
  }
  out->U32(static_cast<uint32_t>(root_label_));
  moves_.Serialize(out);
  labels_.Serialize(out);
}

bool DependencyParser::Deserialize(ByteReader* in) {
  uint32_t n;
  if (!in->U32(&n) || n == 0 || n > 4096) return false;
  label_names_.resize(n);
  left_ok_.assign(n, 0);
  right_ok_.assign(n, 0);
  for (uint32_t i = 0; i < n; ++i) {
    uint8_t dirs;
    if (!in->Str(&label_names_[i]) || !in->U8(&dirs)) return false;
    left_ok_[i] = (dirs & 1) != 0;
    right_ok_[i] = (dirs & 2) != 0;
  }
  uint32_t root;
  if (!in->U32(&root) || root >= n) return false;
  root_label_ = static_cast<int>(root);
  return moves_.Deserialize(in) && moves_.num_classes() == kNumMoves && labels_.Deserialize(in) &&
         labels_.num_classes() == static_cast<int>(n);
}

}  // namespace annal::syntax
