#include "syntax/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "syntax/hashing.h"
#include "syntax/training.h"
#include "syntax/word_shape.h"
#include "util/file.h"

namespace annal::syntax {
namespace {

constexpr uint32_t kBoundary = 0xffffffffu;

// x log x, tabulated for the small counts that dominate (larger ones are computed).
class XLogX {
 public:
  explicit XLogX(size_t size) : table_(size) {
    for (size_t x = 1; x < size; ++x) table_[x] = x * std::log(static_cast<double>(x));
  }
  double operator()(int64_t x) const {
    if (x < static_cast<int64_t>(table_.size())) return table_[x];
    return x * std::log(static_cast<double>(x));
  }

 private:
  std::vector<double> table_;
};

struct Item {
  uint64_t count = 0;
  std::vector<std::pair<uint32_t, uint32_t>> contexts;  // (context id, count), ascending id
};

// The exchange algorithm over `items` (each a bag of context ids) into `classes` classes:
// maximises sum_{k,c} T(M[k][c]) - 2 sum_c T(N[c]) where M[k][c] counts the occurrences of
// items of class c next to context k and N[c] the occurrences of class c (T = x log x; the
// factor 2 because every occurrence is counted once with its left and once with its right
// neighbour). Items start in class (rank by count) mod classes. Returns each item's class.
std::vector<int> Exchange(const std::vector<Item>& items, size_t num_contexts, int classes,
                          const ClusterTrainOptions& options, std::string_view level,
                          const ClusterProgress& progress) {
  const size_t n = items.size();
  std::vector<uint32_t> rank(n);
  for (size_t i = 0; i < n; ++i) rank[i] = static_cast<uint32_t>(i);
  std::stable_sort(rank.begin(), rank.end(),
                   [&](uint32_t a, uint32_t b) { return items[a].count > items[b].count; });
  std::vector<int> cls(n);
  for (size_t r = 0; r < n; ++r) cls[rank[r]] = static_cast<int>(r % classes);

  std::vector<int64_t> m(num_contexts * classes, 0);  // M[k][c], row-major by context
  std::vector<int64_t> total(classes, 0);             // N[c]
  uint64_t tokens = 0;
  for (size_t i = 0; i < n; ++i) {
    for (auto [k, c] : items[i].contexts) m[k * classes + cls[i]] += c;
    total[cls[i]] += static_cast<int64_t>(items[i].count);
    tokens += items[i].count;
  }
  XLogX t(1 << 20);
  auto objective = [&] {
    double f = 0;
    for (int64_t x : m) f += t(x);
    for (int64_t x : total) f -= 2 * t(x);
    return tokens ? f / (2.0 * tokens) : 0.0;
  };

  std::vector<uint32_t> order = rank;
  std::mt19937_64 rng(options.seed);
  DeterministicShuffle(&order, &rng);
  std::vector<double> gain(classes);
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    size_t moved = 0;
    for (uint32_t i : order) {
      const Item& item = items[i];
      const int from = cls[i];
      for (auto [k, c] : item.contexts) m[k * classes + from] -= c;
      total[from] -= static_cast<int64_t>(item.count);
      // Gain of adding the item to each class (the removal term is the same for all).
      std::fill(gain.begin(), gain.end(), 0.0);
      for (auto [k, c] : item.contexts) {
        const int64_t* row = &m[k * classes];
        for (int b = 0; b < classes; ++b) gain[b] += t(row[b] + c) - t(row[b]);
      }
      const int64_t w = static_cast<int64_t>(item.count);
      int best = from;
      double best_gain = gain[from] - 2 * (t(total[from] + w) - t(total[from]));
      for (int b = 0; b < classes; ++b) {
        double g = gain[b] - 2 * (t(total[b] + w) - t(total[b]));
        // Strictly better only (with a margin against rounding), so items do not flap.
        if (g > best_gain + 1e-9) {
          best_gain = g;
          best = b;
        }
      }
      for (auto [k, c] : item.contexts) m[k * classes + best] += c;
      total[best] += w;
      if (best != from) {
        cls[i] = best;
        ++moved;
      }
    }
    if (progress) progress(level, iteration, moved, objective());
    if (moved <= options.min_moves * n) break;
  }
  return cls;
}

// Sums the context bags of the items in each class: the items of the next level.
std::vector<Item> MergeByClass(const std::vector<Item>& items, const std::vector<int>& cls,
                               int classes, size_t num_contexts) {
  std::vector<Item> merged(classes);
  std::vector<uint64_t> dense(num_contexts);
  std::vector<std::vector<uint32_t>> members(classes);
  for (size_t i = 0; i < items.size(); ++i) members[cls[i]].push_back(static_cast<uint32_t>(i));
  for (int c = 0; c < classes; ++c) {
    std::fill(dense.begin(), dense.end(), 0);
    for (uint32_t i : members[c]) {
      merged[c].count += items[i].count;
      for (auto [k, n] : items[i].contexts) dense[k] += n;
    }
    for (size_t k = 0; k < num_contexts; ++k) {
      if (dense[k]) {
        merged[c].contexts.emplace_back(static_cast<uint32_t>(k),
                                        static_cast<uint32_t>(std::min<uint64_t>(dense[k],
                                                                                 UINT32_MAX)));
      }
    }
  }
  return merged;
}

}  // namespace

void WordClusters::Add(std::string_view word, ClusterIds ids) {
  Insert(HashBytes(AsciiLower(word)), ids);
}

void WordClusters::Insert(uint64_t key, ClusterIds ids) {
  if (key == 0) {
    has_zero_ = true;
    zero_ = ids;
    return;
  }
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<size_t>(64, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    size_ = 0;
    for (const Slot& slot : old) {
      if (slot.key != 0) Insert(slot.key, slot.ids);
    }
  }
  for (size_t i = Mix(key) & mask_;; i = (i + 1) & mask_) {
    Slot& slot = slots_[i];
    if (slot.key == key) {
      slot.ids = ids;
      return;
    }
    if (slot.key == 0) {
      slot.key = key;
      slot.ids = ids;
      ++size_;
      return;
    }
  }
}

Result<WordClusters> WordClusters::FromText(std::string_view text, std::string_view name) {
  WordClusters out;
  size_t line_no = 0;
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text = eol == std::string_view::npos ? std::string_view() : text.substr(eol + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    while (true) {
      size_t tab = line.find('\t');
      fields.push_back(line.substr(0, tab));
      if (tab == std::string_view::npos) break;
      line = line.substr(tab + 1);
    }
    auto bad = [&](std::string_view what) {
      return Status::InvalidArgument(std::string(name) + ":" + std::to_string(line_no) + ": " +
                                     std::string(what));
    };
    if (fields.size() < 4 || fields.size() > 5 || fields[0].empty()) {
      return bad("expected word TAB fine TAB mid TAB coarse [TAB count]");
    }
    uint64_t v[3];
    for (int f = 0; f < 3; ++f) {
      std::string_view s = fields[f + 1];
      if (s.empty() || s.size() > 6) return bad("cluster id is not a number");
      v[f] = 0;
      for (char ch : s) {
        if (ch < '0' || ch > '9') return bad("cluster id is not a number");
        v[f] = v[f] * 10 + static_cast<uint64_t>(ch - '0');
      }
    }
    if (v[0] > 0xffff || v[1] > 0xff || v[2] > 0xff) return bad("cluster id out of range");
    ClusterIds ids;
    ids.fine = static_cast<uint16_t>(v[0]);
    ids.mid = static_cast<uint8_t>(v[1]);
    ids.coarse = static_cast<uint8_t>(v[2]);
    out.Add(fields[0], ids);
  }
  return out;
}

Result<WordClusters> WordClusters::Load(const std::string& path) {
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) return s;
  return FromText(text, path);
}

void WordClusters::Serialize(ByteWriter* out) const {
  // Sorted so the file is deterministic.
  std::vector<std::pair<uint64_t, ClusterIds>> rows;
  rows.reserve(size());
  if (has_zero_) rows.emplace_back(0, zero_);
  for (const Slot& slot : slots_) {
    if (slot.key != 0) rows.emplace_back(slot.key, slot.ids);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  out->U64(rows.size());
  for (const auto& [key, ids] : rows) {
    out->U64(key);
    out->U32(static_cast<uint32_t>(ids.fine) | static_cast<uint32_t>(ids.mid) << 16 |
             static_cast<uint32_t>(ids.coarse) << 24);
  }
}

bool WordClusters::Deserialize(ByteReader* in) {
  uint64_t n;
  if (!in->U64(&n) || n > in->remaining() / 12) return false;
  *this = WordClusters();
  uint64_t previous = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t key;
    uint32_t packed;
    if (!in->U64(&key) || !in->U32(&packed)) return false;
    if (i > 0 && key <= previous) return false;  // ascending and distinct, as written
    previous = key;
    ClusterIds ids;
    ids.fine = static_cast<uint16_t>(packed & 0xffff);
    ids.mid = static_cast<uint8_t>(packed >> 16);
    ids.coarse = static_cast<uint8_t>(packed >> 24);
    Insert(key, ids);
  }
  return true;
}

void ClusterCorpus::AddSentence(const std::vector<std::string_view>& words) {
  if (words.empty()) return;
  for (std::string_view w : words) {
    std::string lower = AsciiLower(w);
    auto [it, inserted] = ids_.emplace(std::move(lower), static_cast<uint32_t>(words_.size()));
    if (inserted) {
      words_.push_back(it->first);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    stream_.push_back(it->second);
  }
  stream_.push_back(kBoundary);
  tokens_ += words.size();
  ++sentences_;
}

Result<std::vector<ClusterCorpus::Word>> ClusterCorpus::Cluster(
    const ClusterTrainOptions& options, const ClusterProgress& progress) const {
  if (options.fine < 2 || options.fine > 65536 || options.mid < 1 || options.mid > 256 ||
      options.mid > options.fine || options.coarse < 1 || options.coarse > 256 ||
      options.coarse > options.mid || options.min_count < 1 || options.max_iterations < 0) {
    return Status::InvalidArgument(
        "cluster sizes must satisfy 2 <= fine <= 65536, 1 <= coarse <= mid <= min(fine, 256)");
  }
  // Clustered words get item ids 0..V-1 in order of first occurrence (deterministic).
  std::vector<uint32_t> item_of(words_.size(), kBoundary);
  std::vector<uint32_t> word_of;
  for (uint32_t w = 0; w < words_.size(); ++w) {
    if (counts_[w] >= static_cast<uint64_t>(options.min_count)) {
      item_of[w] = static_cast<uint32_t>(word_of.size());
      word_of.push_back(w);
    }
  }
  const size_t v = word_of.size();
  if (v < static_cast<size_t>(options.fine)) {
    return Status::InvalidArgument("only " + std::to_string(v) + " words occur at least " +
                                   std::to_string(options.min_count) + " times; fewer than " +
                                   std::to_string(options.fine) + " classes");
  }
  // Context ids: left neighbours 0..v+1 (the clustered words, then "sentence boundary", then
  // "rare word"), right neighbours the same shifted by v + 2.
  const uint32_t side = static_cast<uint32_t>(v + 2);
  auto context = [&](uint32_t token) -> uint32_t {
    if (token == kBoundary) return static_cast<uint32_t>(v);
    return item_of[token] == kBoundary ? static_cast<uint32_t>(v + 1) : item_of[token];
  };
  std::unordered_map<uint64_t, uint32_t> pairs;
  pairs.reserve(stream_.size() * 2);
  uint32_t prev = kBoundary;
  for (size_t i = 0; i < stream_.size(); ++i) {
    uint32_t token = stream_[i];
    if (token == kBoundary) {
      prev = kBoundary;
      continue;
    }
    uint32_t item = item_of[token];
    if (item != kBoundary) {
      uint32_t next = i + 1 < stream_.size() ? stream_[i + 1] : kBoundary;
      ++pairs[static_cast<uint64_t>(item) << 32 | context(prev)];
      ++pairs[static_cast<uint64_t>(item) << 32 | (side + context(next))];
    }
    prev = token;
  }
  std::vector<std::pair<uint64_t, uint32_t>> sorted(pairs.begin(), pairs.end());
  pairs = {};
  std::sort(sorted.begin(), sorted.end());
  std::vector<Item> items(v);
  for (uint32_t i = 0; i < v; ++i) items[i].count = counts_[word_of[i]];
  for (const auto& [key, c] : sorted) {
    items[key >> 32].contexts.emplace_back(static_cast<uint32_t>(key & 0xffffffffu), c);
  }
  sorted = {};
  const size_t num_contexts = 2 * side;

  std::vector<int> fine = Exchange(items, num_contexts, options.fine, options, "fine", progress);
  std::vector<Item> fine_items = MergeByClass(items, fine, options.fine, num_contexts);
  items = {};
  std::vector<int> mid =
      Exchange(fine_items, num_contexts, options.mid, options, "mid", progress);
  std::vector<Item> mid_items = MergeByClass(fine_items, mid, options.mid, num_contexts);
  fine_items = {};
  std::vector<int> coarse =
      Exchange(mid_items, num_contexts, options.coarse, options, "coarse", progress);

  std::vector<Word> out(v);
  for (uint32_t i = 0; i < v; ++i) {
    Word& w = out[i];
    w.word = words_[word_of[i]];
    w.count = counts_[word_of[i]];
    w.ids.fine = static_cast<uint16_t>(fine[i]);
    w.ids.mid = static_cast<uint8_t>(mid[fine[i]]);
    w.ids.coarse = static_cast<uint8_t>(coarse[mid[fine[i]]]);
  }
  std::sort(out.begin(), out.end(), [](const Word& a, const Word& b) {
    if (a.ids.fine != b.ids.fine) return a.ids.fine < b.ids.fine;
    if (a.count != b.count) return a.count > b.count;
    return a.word < b.word;
  });
  return out;
}

std::string ClustersToText(const std::vector<ClusterCorpus::Word>& words) {
  std::string out;
  for (const auto& w : words) {
    out += w.word;
    out += '\t' + std::to_string(w.ids.fine) + '\t' + std::to_string(w.ids.mid) + '\t' +
           std::to_string(w.ids.coarse) + '\t' + std::to_string(w.count) + '\n';
  }
  return out;
}

}  // namespace annal::syntax
