#include "syntax/tagger.h"

#include <algorithm>
#include <chrono>
#include <map>

#include "syntax/hashing.h"
#include "syntax/word_shape.h"

namespace annal::syntax {

namespace {

// Atoms of the padding positions before the sentence start and after its end.
constexpr uint64_t kStartPad = 0x5354415254ULL;
constexpr uint64_t kEndPad = 0x454e44ULL;
constexpr int kNoTag = 63;  // "previous tag" before the sentence start
constexpr uint64_t kNoCluster = 0x4e4f434cULL;
constexpr uint64_t kMidCluster = uint64_t{1} << 20;  // offset of mid-level cluster atoms

enum Template : uint32_t {
  kBias,
  kLower,
  kForm,
  kSuffix1,
  kSuffix2,
  kSuffix3,
  kSuffix4,
  kPrefix,
  kShape,
  kLowerM1,
  kLowerP1,
  kLowerM2,
  kLowerP2,
  kSuffix3M1,
  kSuffix3P1,
  kShapeP1,
  kShapeM1,
  kTagM1,
  kTagM2M1,
  kTagM1Lower,
  kLowerM1Lower,
  kLowerLowerP1,
  kAmb,
  kAmbP1,
  kAmbP2,
  kAmbAmbP1,
  kTagM1Amb,
  kLowerAmbP1,
  kTagM1AmbP1,
  kFirstShape,
  kLowerM1LowerP1,
  kTagM1Suffix3,
  kAmbM1Amb,
  kPrefix2,
  kPrefix3,
  kTagM1Shape,
  kFormM1,
  kFormP1,
  kLowerP1LowerP2,
  kAmbP1AmbP2,
  kTagM1LowerP1,
  kShapeSuffix3,
  kNumTemplates
};

// Word-cluster templates (used only by a tagger with clusters), numbered after the others so
// the keys of the templates above do not depend on whether clusters are used.
enum ClusterTemplate : uint32_t {
  kCluster = kNumTemplates,
  kClusterMid,
  kClusterM1,
  kClusterP1,
  kClusterMidP2,
  kTagM1Cluster,
  kClusterClusterMidP1,
  kClusterMidM1Cluster,
  kEndClusterTemplates
};
constexpr size_t kNumClusterTemplates =
    static_cast<size_t>(kEndClusterTemplates) - static_cast<size_t>(kNumTemplates);

}  // namespace

int Tagger::TagId(std::string_view name) const {
  for (size_t i = 0; i < tag_names_.size(); ++i) {
    if (tag_names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

uint32_t Tagger::SeenTags(std::string_view word) const {
  auto it = tag_dictionary_.find(HashBytes(AsciiLower(word)));
  return it == tag_dictionary_.end() ? 0 : it->second;
}

void Tagger::ComputeAtom(std::string_view word, WordAtoms* a) const {
  std::string lower = AsciiLower(word);
  a->lower = HashBytes(lower);
  a->form = HashBytes(word);
  for (int k = 0; k < 4; ++k) a->suffix[k] = HashBytes(Suffix(lower, k + 1)) + k;
  a->prefix = HashBytes(std::string_view(lower).substr(0, 1));
  a->prefix2 = HashBytes(std::string_view(lower).substr(0, 2));
  a->prefix3 = HashBytes(std::string_view(lower).substr(0, 3));
  a->shape = HashBytes(WordShape(word));
  auto it = tag_dictionary_.find(a->lower);
  a->ambiguity = it == tag_dictionary_.end() ? 0 : it->second;
  if (clusters_) {
    const ClusterIds* c = clusters_->Find(a->lower);
    a->cluster = c ? c->fine : kNoCluster;
    a->cluster_mid = c ? kMidCluster + c->mid : kNoCluster;
  }
}

void Tagger::ComputeAtoms(const std::vector<std::string_view>& words,
                          std::vector<WordAtoms>* atoms) const {
  atoms->resize(words.size());
  for (size_t i = 0; i < words.size(); ++i) ComputeAtom(words[i], &(*atoms)[i]);
}

void Tagger::Features(const std::vector<WordAtoms>& atoms, size_t i, int prev, int prev2,
                      std::vector<uint64_t>* keys) const {
  const WordAtoms& w = atoms[i];
  auto lower_at = [&](long j) -> uint64_t {
    if (j < 0) return kStartPad;
    if (j >= static_cast<long>(atoms.size())) return kEndPad;
    return atoms[j].lower;
  };
  auto amb_at = [&](long j) -> uint64_t {
    if (j < 0) return kStartPad;
    if (j >= static_cast<long>(atoms.size())) return kEndPad;
    return atoms[j].ambiguity;
  };
  long li = static_cast<long>(i);
  uint64_t lm1 = lower_at(li - 1), lp1 = lower_at(li + 1);
  uint64_t sm1 = li >= 1 ? atoms[i - 1].suffix[2] : kStartPad;
  uint64_t sp1 = i + 1 < atoms.size() ? atoms[i + 1].suffix[2] : kEndPad;
  uint64_t shm1 = li >= 1 ? atoms[i - 1].shape : kStartPad;
  uint64_t shp1 = i + 1 < atoms.size() ? atoms[i + 1].shape : kEndPad;
  uint64_t amb = w.ambiguity, ambp1 = amb_at(li + 1);
  // Written through a raw pointer into room for every template (push_back's capacity check and
  // out-of-line growth path are measurable here).
  keys->resize(kNumTemplates + (clusters_ ? kNumClusterTemplates : 0));
  uint64_t* out = keys->data();
  auto add = [&out](uint64_t k) { *out++ = k; };
  add(FeatureKey(kBias, 0));
  add(FeatureKey(kLower, w.lower));
  add(FeatureKey(kForm, w.form));
  add(FeatureKey(kSuffix1, w.suffix[0]));
  add(FeatureKey(kSuffix2, w.suffix[1]));
  add(FeatureKey(kSuffix3, w.suffix[2]));
  add(FeatureKey(kSuffix4, w.suffix[3]));
  add(FeatureKey(kPrefix, w.prefix));
  add(FeatureKey(kShape, w.shape));
  add(FeatureKey(kLowerM1, lm1));
  add(FeatureKey(kLowerP1, lp1));
  add(FeatureKey(kLowerM2, lower_at(li - 2)));
  add(FeatureKey(kLowerP2, lower_at(li + 2)));
  add(FeatureKey(kSuffix3M1, sm1));
  add(FeatureKey(kSuffix3P1, sp1));
  add(FeatureKey(kShapeP1, shp1));
  add(FeatureKey(kShapeM1, shm1));
  add(FeatureKey(kTagM1, prev));
  add(FeatureKey(kTagM2M1, prev, prev2));
  add(FeatureKey(kTagM1Lower, prev, w.lower));
  add(FeatureKey(kLowerM1Lower, lm1, w.lower));
  add(FeatureKey(kLowerLowerP1, w.lower, lp1));
  add(FeatureKey(kAmb, amb));
  add(FeatureKey(kAmbP1, ambp1));
  add(FeatureKey(kAmbP2, amb_at(li + 2)));
  add(FeatureKey(kAmbAmbP1, amb, ambp1));
  add(FeatureKey(kTagM1Amb, prev, amb));
  add(FeatureKey(kLowerAmbP1, w.lower, ambp1));
  add(FeatureKey(kTagM1AmbP1, prev, ambp1));
  add(FeatureKey(kFirstShape, i == 0, w.shape));
  add(FeatureKey(kLowerM1LowerP1, lm1, lp1));
  add(FeatureKey(kTagM1Suffix3, prev, w.suffix[2]));
  add(FeatureKey(kAmbM1Amb, amb_at(li - 1), amb));
  add(FeatureKey(kPrefix2, w.prefix2));
  add(FeatureKey(kPrefix3, w.prefix3));
  add(FeatureKey(kTagM1Shape, prev, w.shape));
  add(FeatureKey(kFormM1, li >= 1 ? atoms[i - 1].form : kStartPad));
  add(FeatureKey(kFormP1, i + 1 < atoms.size() ? atoms[i + 1].form : kEndPad));
  add(FeatureKey(kLowerP1LowerP2, lp1, lower_at(li + 2)));
  add(FeatureKey(kAmbP1AmbP2, ambp1, amb_at(li + 2)));
  add(FeatureKey(kTagM1LowerP1, prev, lp1));
  add(FeatureKey(kShapeSuffix3, w.shape, w.suffix[2]));
  if (clusters_) out = ClusterFeatures(atoms, i, prev, out);
  keys->resize(static_cast<size_t>(out - keys->data()));
}

uint64_t* Tagger::ClusterFeatures(const std::vector<WordAtoms>& atoms, size_t i, int prev,
                                  uint64_t* out) const {
  const long li = static_cast<long>(i), n = static_cast<long>(atoms.size());
  auto fine = [&](long j) -> uint64_t {
    if (j < 0) return kStartPad;
    return j >= n ? kEndPad : atoms[j].cluster;
  };
  auto mid = [&](long j) -> uint64_t {
    if (j < 0) return kStartPad;
    return j >= n ? kEndPad : atoms[j].cluster_mid;
  };
  const uint64_t c = atoms[i].cluster;
  *out++ = FeatureKey(kCluster, c);
  *out++ = FeatureKey(kClusterMid, atoms[i].cluster_mid);
  *out++ = FeatureKey(kClusterM1, fine(li - 1));
  *out++ = FeatureKey(kClusterP1, fine(li + 1));
  *out++ = FeatureKey(kClusterMidP2, mid(li + 2));
  *out++ = FeatureKey(kTagM1Cluster, prev, c);
  *out++ = FeatureKey(kClusterClusterMidP1, c, mid(li + 1));
  *out++ = FeatureKey(kClusterMidM1Cluster, mid(li - 1), c);
  return out;
}

int Tagger::BestTag(const std::vector<uint64_t>& keys, std::vector<float>* scores) const {
  scores->assign(static_cast<size_t>(num_tags()), 0.0f);
  weights_.AddScoresBatch(keys.data(), keys.size(), scores->data());
  return static_cast<int>(std::max_element(scores->begin(), scores->end()) - scores->begin());
}

void Tagger::Tag(const std::vector<std::string_view>& words, std::vector<int>* tags) const {
  std::vector<WordAtoms> atoms;
  ComputeAtoms(words, &atoms);
  tags->assign(words.size(), 0);
  std::vector<uint64_t> keys;
  keys.reserve(64);
  std::vector<float> scores;
  int prev = kNoTag, prev2 = kNoTag;
  for (size_t i = 0; i < words.size(); ++i) {
    Features(atoms, i, prev, prev2, &keys);
    const int best = BestTag(keys, &scores);
    (*tags)[i] = best;
    prev2 = prev;
    prev = best;
  }
}

void Tagger::Incremental::Start(const Tagger* tagger, const std::vector<std::string_view>* words) {
  tagger_ = tagger;
  words_ = words;
  atoms_.resize(words->size());
  atoms_done_ = 0;
  tags_.clear();
}

int Tagger::Incremental::TagAt(size_t i) {
  const size_t n = words_->size();
  while (tags_.size() <= i) {
    const size_t k = tags_.size();
    // Features(k) reads the atoms of words k - 2 .. k + 2.
    for (const size_t need = std::min(n, k + 3); atoms_done_ < need; ++atoms_done_) {
      tagger_->ComputeAtom((*words_)[atoms_done_], &atoms_[atoms_done_]);
    }
    const int prev = k >= 1 ? tags_[k - 1] : kNoTag;
    const int prev2 = k >= 2 ? tags_[k - 2] : kNoTag;
    tagger_->Features(atoms_, k, prev, prev2, &keys_);
    tags_.push_back(tagger_->BestTag(keys_, &scores_));
  }
  return tags_[i];
}

Result<std::unique_ptr<Tagger>> Tagger::Train(const std::vector<ConlluSentence>& train,
                                              const std::vector<ConlluSentence>& dev,
                                              const TrainOptions& options,
                                              const ProgressCallback& progress) {
  auto tagger = std::make_unique<Tagger>();
  // Tag inventory in sorted order so ids do not depend on the order of the data.
  std::map<std::string, int> names;
  size_t total_words = 0;
  for (const auto& s : train) {
    for (const auto& w : s.words) names.emplace(w.upos, 0);
    total_words += s.words.size();
  }
  if (total_words == 0) return Status::InvalidArgument("tagger training data has no words");
  if (names.size() > 32) {
    return Status::InvalidArgument("tagger supports at most 32 tags, training data has " +
                                   std::to_string(names.size()));
  }
  for (auto& [name, id] : names) {
    id = static_cast<int>(tagger->tag_names_.size());
    tagger->tag_names_.push_back(name);
  }
  // Tag dictionary from words seen at least twice (rarer words look like unseen ones, as they
  // will at test time).
  std::unordered_map<uint64_t, std::pair<int, uint32_t>> counts;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      auto& c = counts[HashBytes(AsciiLower(w.form))];
      ++c.first;
      c.second |= 1u << names[w.upos];
    }
  }
  for (const auto& [key, c] : counts) {
    if (c.first >= 2) tagger->tag_dictionary_[key] = c.second;
  }
  tagger->weights_ = WeightTable(tagger->num_tags());
  tagger->clusters_ = options.clusters;

  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  int64_t now = 0;
  std::vector<WordAtoms> atoms;
  std::vector<uint64_t> keys;
  std::vector<float> scores(tagger->num_tags());
  std::vector<std::string_view> words;
  std::vector<int> gold;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    auto start = std::chrono::steady_clock::now();
    DeterministicShuffle(&order, &rng);
    size_t correct = 0, seen = 0;
    for (size_t si : order) {
      const ConlluSentence& s = train[si];
      words.clear();
      gold.clear();
      for (const auto& w : s.words) {
        words.push_back(w.form);
        gold.push_back(names[w.upos]);
      }
      tagger->ComputeAtoms(words, &atoms);
      int prev = kNoTag, prev2 = kNoTag;
      for (size_t i = 0; i < words.size(); ++i) {
        ++now;
        tagger->Features(atoms, i, prev, prev2, &keys);
        std::fill(scores.begin(), scores.end(), 0.0f);
        for (uint64_t k : keys) tagger->weights_.AddScores(k, scores.data());
        int guess =
            static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
        if (guess != gold[i]) {
          for (uint64_t k : keys) {
            tagger->weights_.Update(k, gold[i], 1.0f, now);
            tagger->weights_.Update(k, guess, -1.0f, now);
          }
        } else {
          ++correct;
        }
        ++seen;
        // Condition on the gold history (the standard choice for greedy perceptron taggers;
        // it trains faster and loses nothing measurable here).
        prev2 = prev;
        prev = gold[i];
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EpochReport report;
    report.epoch = epoch;
    report.train_accuracy = seen ? static_cast<double>(correct) / seen : 0;
    report.tokens_per_second = seconds > 0 ? seen / seconds : 0;
    if (!dev.empty() && progress) {
      // Evaluate a copy averaged so far so the report reflects what would be saved.
      Tagger snapshot;
      snapshot.tag_names_ = tagger->tag_names_;
      snapshot.tag_dictionary_ = tagger->tag_dictionary_;
      snapshot.clusters_ = tagger->clusters_;
      WeightTable averaged = tagger->weights_;
      averaged.Average(now);
      snapshot.weights_ = std::move(averaged);
      size_t dev_correct = 0, dev_total = 0;
      std::vector<int> tags;
      for (const auto& s : dev) {
        words.clear();
        for (const auto& w : s.words) words.push_back(w.form);
        snapshot.Tag(words, &tags);
        for (size_t i = 0; i < tags.size(); ++i) {
          dev_correct += snapshot.tag_names_[tags[i]] == s.words[i].upos;
          ++dev_total;
        }
      }
      report.dev_accuracy = dev_total ? static_cast<double>(dev_correct) / dev_total : 0;
    }
    if (progress) progress(report);
  }
  tagger->weights_.Average(now);
  return tagger;
}

void Tagger::Serialize(ByteWriter* out) const {
  out->U32(static_cast<uint32_t>(tag_names_.size()));
  for (const auto& n : tag_names_) out->Str(n);
  // Sorted so the file is deterministic.
  std::vector<std::pair<uint64_t, uint32_t>> dict(tag_dictionary_.begin(), tag_dictionary_.end());
  std::sort(dict.begin(), dict.end());
  out->U64(dict.size());
  for (const auto& [k, v] : dict) {
    out->U64(k);
    out->U32(v);
  }
  weights_.Serialize(out);
}

bool Tagger::Deserialize(ByteReader* in) {
  uint32_t n;
  if (!in->U32(&n) || n == 0 || n > 32) return false;
  tag_names_.resize(n);
  for (auto& name : tag_names_) {
    if (!in->Str(&name)) return false;
  }
  uint64_t entries;
  if (!in->U64(&entries) || entries > in->remaining() / 12) return false;
  tag_dictionary_.clear();
  tag_dictionary_.reserve(entries);
  for (uint64_t i = 0; i < entries; ++i) {
    uint64_t k;
    uint32_t v;
    if (!in->U64(&k) || !in->U32(&v)) return false;
    tag_dictionary_[k] = v;
  }
  return weights_.Deserialize(in) && weights_.num_classes() == static_cast<int>(n);
}

}  // namespace annal::syntax
