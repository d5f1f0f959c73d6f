#include "syntax/weight_table.h"

#ifdef __linux__
#include <sys/mman.h>
#endif
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <new>

namespace annal::syntax {
namespace {

uint64_t RowKey(const float* row) {
  uint64_t k;
  std::memcpy(&k, row, sizeof k);
  return k;
}

constexpr size_t kMinCapacity = 16;

}  // namespace

namespace {

// Zeroed memory for `count` int16 values, 2 MB aligned, with huge pages requested on Linux.
int16_t* AllocateFrozen(size_t count) {
  constexpr size_t kHugePage = size_t{2} << 20;
  size_t bytes = (count * sizeof(int16_t) + kHugePage - 1) / kHugePage * kHugePage;
  if (bytes == 0) bytes = kHugePage;
  void* p = nullptr;
  if (posix_memalign(&p, kHugePage, bytes) != 0) return nullptr;
#ifdef __linux__
  madvise(p, bytes, MADV_HUGEPAGE);  // a hint only; failure just means small pages
#endif
  std::memset(p, 0, bytes);
  return static_cast<int16_t*>(p);
}

}  // namespace

WeightTable::WeightTable(const WeightTable& other)
    : num_classes_(other.num_classes_),
      stride_(other.stride_),
      capacity_(other.capacity_),
      mask_(other.mask_),
      size_(other.size_),
      data_(other.data_),
      totals_(other.totals_),
      stamps_(other.stamps_),
      frozen_stride_(other.frozen_stride_),
      frozen_size_(other.frozen_size_),
      frozen_keys_(other.frozen_keys_),
      scale_(other.scale_),
      sparse_(other.sparse_),
      sparse_slots_(other.sparse_slots_),
      sparse_entries_(other.sparse_entries_),
      sparse_dense_(other.sparse_dense_) {
  if (other.frozen_) {
    frozen_.reset(AllocateFrozen(frozen_size_));
    std::memcpy(frozen_.get(), other.frozen_.get(), frozen_size_ * sizeof(int16_t));
  }
}

WeightTable& WeightTable::operator=(const WeightTable& other) {
  if (this != &other) *this = WeightTable(other);
  return *this;
}

WeightTable::WeightTable(int num_classes)
    : num_classes_(num_classes), stride_(2 + static_cast<size_t>(num_classes)) {
  Init(kMinCapacity);
}

void WeightTable::Init(size_t capacity) {
  capacity_ = capacity;
  mask_ = capacity - 1;
  size_ = 0;
  data_.assign(capacity_ * stride_, 0.0f);
}

size_t WeightTable::FindOrInsert(uint64_t key) {
  if ((size_ + 1) * 10 > capacity_ * 7) Rehash(capacity_ * 2);
  size_t i = Slot(key);
  while (true) {
    float* row = &data_[i * stride_];
    uint64_t k = RowKey(row);
    if (k == key) return i;
    if (k == 0) {
      std::memcpy(row, &key, sizeof key);
      ++size_;
      return i;
    }
    i = (i + 1) & mask_;
  }
}

void WeightTable::Rehash(size_t capacity) {
  std::vector<float> old_data = std::move(data_);
  std::vector<double> old_totals = std::move(totals_);
  std::vector<int64_t> old_stamps = std::move(stamps_);
  size_t old_capacity = capacity_;
  bool training = !old_totals.empty();
  Init(capacity);
  if (training) {
    totals_.assign(capacity_ * num_classes_, 0.0);
    stamps_.assign(capacity_ * num_classes_, 0);
  }
  for (size_t r = 0; r < old_capacity; ++r) {
    const float* row = &old_data[r * stride_];
    uint64_t k = RowKey(row);
    if (k == 0) continue;
    size_t i = Slot(k);
    while (RowKey(&data_[i * stride_]) != 0) i = (i + 1) & mask_;
    std::memcpy(&data_[i * stride_], row, stride_ * sizeof(float));
    ++size_;
    if (training) {
      for (int c = 0; c < num_classes_; ++c) {
        totals_[i * num_classes_ + c] = old_totals[r * num_classes_ + c];
        stamps_[i * num_classes_ + c] = old_stamps[r * num_classes_ + c];
      }
    }
  }
}

void WeightTable::Update(uint64_t key, int cls, float delta, int64_t now) {
  if (totals_.empty()) {
    totals_.assign(capacity_ * num_classes_, 0.0);
    stamps_.assign(capacity_ * num_classes_, 0);
  }
  size_t r = FindOrInsert(key);
  size_t j = r * num_classes_ + cls;
  float& w = data_[r * stride_ + 2 + cls];
  totals_[j] += static_cast<double>(now - stamps_[j]) * w;
  stamps_[j] = now;
  w += delta;
}

size_t WeightTable::CapacityFor(size_t rows) {
  size_t capacity = kMinCapacity;
  while (capacity * 7 < rows * 10 + 10) capacity *= 2;
  return capacity;
}

void WeightTable::InitFrozen(size_t rows) {
  const size_t capacity = CapacityFor(rows);
  capacity_ = capacity;
  mask_ = capacity - 1;
  size_ = 0;
  frozen_stride_ = 1 + static_cast<size_t>(num_classes_);
  frozen_size_ = capacity * frozen_stride_;
  frozen_keys_.assign(capacity, 0);
  sparse_ = false;
  sparse_slots_.clear();
  sparse_slots_.shrink_to_fit();
  sparse_entries_.clear();
  sparse_entries_.shrink_to_fit();
  sparse_dense_.clear();
  sparse_dense_.shrink_to_fit();
  frozen_.reset(AllocateFrozen(frozen_size_));
  if (!frozen_) throw std::bad_alloc();  // as std::vector would
  ReleaseTrainingBuffers();
}

void WeightTable::ReleaseTrainingBuffers() {
  data_.clear();
  data_.shrink_to_fit();
  totals_.clear();
  totals_.shrink_to_fit();
  stamps_.clear();
  stamps_.shrink_to_fit();
}

size_t WeightTable::InsertFrozen(uint64_t key) {
  size_t i = Slot(key);
  while (true) {
    uint64_t k = frozen_keys_[i];
    if (k == key) return SIZE_MAX;
    if (k == 0) {
      frozen_keys_[i] = key;
      frozen_[i * frozen_stride_] = static_cast<int16_t>(Fingerprint(key));
      ++size_;
      return i;
    }
    i = (i + 1) & mask_;
  }
}

void WeightTable::Average(int64_t now) {
  if (frozen_stride_ != 0) return;
  if (now <= 0) now = 1;
  const bool training = !totals_.empty();
  // Average every row; keep the non-zero ones.
  std::vector<uint64_t> keys;
  std::vector<float> averaged;
  float max_abs = 0;
  for (size_t r = 0; r < capacity_; ++r) {
    uint64_t k = RowKey(&data_[r * stride_]);
    if (k == 0) continue;
    size_t first = averaged.size();
    bool nonzero = false;
    for (int c = 0; c < num_classes_; ++c) {
      double w = data_[r * stride_ + 2 + c];
      double avg = w;
      if (training) {
        size_t j = r * num_classes_ + c;
        avg = (totals_[j] + static_cast<double>(now - stamps_[j]) * w) / static_cast<double>(now);
      }
      averaged.push_back(static_cast<float>(avg));
      max_abs = std::max(max_abs, std::fabs(averaged.back()));
      if (std::fabs(averaged.back()) > 1e-6f) nonzero = true;
    }
    if (nonzero) {
      keys.push_back(k);
    } else {
      averaged.resize(first);
    }
  }
  scale_ = max_abs > 0 ? max_abs / 32767.0f : 1.0f;
  InitFrozen(keys.size());
  for (size_t r = 0; r < keys.size(); ++r) {
    size_t slot = InsertFrozen(keys[r]);
    int16_t* w = &frozen_[slot * frozen_stride_ + 1];
    for (int c = 0; c < num_classes_; ++c) {
      w[c] = static_cast<int16_t>(std::lround(averaged[r * num_classes_ + c] / scale_));
    }
  }
  MaybeSparsify();
}

void WeightTable::Prune(float min_abs_weight) {
  if (frozen_stride_ == 0) return;
  const float threshold = min_abs_weight / scale_;
  std::vector<uint64_t> keys;
  std::vector<int16_t> weights;
  std::vector<int16_t> row(num_classes_);
  for (size_t r = 0; r < capacity_; ++r) {
    uint64_t k = frozen_keys_[r];
    if (k == 0) continue;
    FrozenRow(r, row.data());
    const int16_t* w = row.data();
    int max_abs = 0;
    for (int c = 0; c < num_classes_; ++c) max_abs = std::max(max_abs, std::abs(int{w[c]}));
    if (static_cast<float>(max_abs) < threshold) continue;
    keys.push_back(k);
    weights.insert(weights.end(), w, w + num_classes_);
  }
  InitFrozen(keys.size());
  for (size_t r = 0; r < keys.size(); ++r) {
    size_t slot = InsertFrozen(keys[r]);
    std::memcpy(&frozen_[slot * frozen_stride_ + 1], &weights[r * num_classes_],
                num_classes_ * sizeof(int16_t));
  }
  MaybeSparsify();
}

void WeightTable::Serialize(ByteWriter* out) const {
  // Rows in key order, so equal tables give equal bytes whatever their insertion history.
  std::vector<std::pair<uint64_t, size_t>> rows;
  rows.reserve(size_);
  for (size_t r = 0; r < capacity_ && frozen_stride_ != 0; ++r) {
    if (frozen_keys_[r] != 0) rows.emplace_back(frozen_keys_[r], r);
  }
  std::sort(rows.begin(), rows.end());
  out->U32(static_cast<uint32_t>(num_classes_));
  out->U64(rows.size());
  out->F32(scale_);
  // Keys first, then the weights class by class: similar values sit together, which helps
  // the compressor.
  for (const auto& [k, r] : rows) out->U64(k);
  std::vector<int16_t> weights(rows.size() * num_classes_);
  for (size_t i = 0; i < rows.size(); ++i) FrozenRow(rows[i].second, &weights[i * num_classes_]);
  for (int c = 0; c < num_classes_; ++c) {
    for (size_t i = 0; i < rows.size(); ++i)
      out->Raw(&weights[i * num_classes_ + c], sizeof(int16_t));
  }
}

bool WeightTable::Deserialize(ByteReader* in) {
  uint32_t classes;
  uint64_t rows;
  float scale;
  if (!in->U32(&classes) || classes == 0 || classes > 4096 || !in->U64(&rows)) return false;
  if (!in->F32(&scale) || !std::isfinite(scale) || scale <= 0) return false;
  if (rows > in->remaining() / (8 + 2 * static_cast<uint64_t>(classes))) return false;
  num_classes_ = static_cast<int>(classes);
  stride_ = 2 + classes;
  scale_ = scale;
  // The keys, then each class's column of weights, read in place.
  std::string_view key_bytes, weight_bytes;
  if (!in->View(rows * sizeof(uint64_t), &key_bytes) ||
      !in->View(rows * classes * sizeof(int16_t), &weight_bytes)) {
    return false;
  }
  auto key = [&](uint64_t r) {
    uint64_t k;
    std::memcpy(&k, key_bytes.data() + r * sizeof k, sizeof k);
    return k;
  };
  auto weight = [&](uint32_t c, uint64_t r) {
    int16_t w;
    std::memcpy(&w, weight_bytes.data() + (c * rows + r) * sizeof w, sizeof w);
    return w;
  };
  if (num_classes_ >= kSparseMinClasses && DeserializeSparse(rows, key_bytes, weight_bytes)) {
    return true;
  }
  InitFrozen(rows);
  std::vector<size_t> slots(rows);
  for (uint64_t r = 0; r < rows; ++r) {
    const uint64_t k = key(r);
    if (k == 0) return false;
    slots[r] = InsertFrozen(k);
    if (slots[r] == SIZE_MAX) return false;  // duplicate key
  }
  // Scatter each class's column into the rows.
  for (uint32_t c = 0; c < classes; ++c) {
    for (uint64_t r = 0; r < rows; ++r) frozen_[slots[r] * frozen_stride_ + 1 + c] = weight(c, r);
  }
  MaybeSparsify();
  return true;
}

bool WeightTable::DeserializeSparse(uint64_t rows, std::string_view key_bytes,
                                    std::string_view weight_bytes) {
  // Builds the layout MaybeSparsify would make of the dense table, straight from the file's
  // columns: the dense table of the shipped parser's label table is 27 MB, and zeroing it,
  // filling it and scanning it again was a third of the model's load time. The slots (and so
  // every lookup and score) are the same; only where a row's entries sit in sparse_entries_
  // differs (file order instead of slot order), which nothing reads.
  const int classes = num_classes_;
  auto column = [&](int c) {
    return reinterpret_cast<const unsigned char*>(weight_bytes.data()) +
           static_cast<size_t>(c) * rows * sizeof(int16_t);
  };
  auto weight_at = [](const unsigned char* col, uint64_t r) {
    int16_t w;
    std::memcpy(&w, col + r * sizeof w, sizeof w);
    return w;
  };
  // Non-zero weights per row (at most 4096: classes <= 4096).
  std::vector<uint16_t> count(rows, 0);
  for (int c = 0; c < classes; ++c) {
    const unsigned char* col = column(c);
    for (uint64_t r = 0; r < rows; ++r) count[r] += weight_at(col, r) != 0;
  }
  size_t nonzero = 0, dense_rows = 0, sparse_weights = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    nonzero += count[r];
    if (count[r] >= kDenseRowMin) {
      ++dense_rows;
    } else {
      sparse_weights += count[r];
    }
  }
  // MaybeSparsify's test, on the sizes the dense table would have.
  const size_t capacity = CapacityFor(rows);
  const size_t dense_bytes = capacity * (1 + static_cast<size_t>(classes)) * sizeof(int16_t);
  const size_t sparse_bytes = capacity * sizeof(SparseSlot) + nonzero * sizeof(SparseEntry);
  if (sparse_bytes >= dense_bytes || nonzero > UINT32_MAX) return false;

  capacity_ = capacity;
  mask_ = capacity - 1;
  size_ = 0;
  frozen_stride_ = 1 + static_cast<size_t>(classes);
  frozen_size_ = capacity * frozen_stride_;
  frozen_.reset();
  frozen_keys_.assign(capacity, 0);
  ReleaseTrainingBuffers();
  sparse_ = true;
  sparse_slots_.assign(capacity, SparseSlot{0, 0, 0});
  sparse_entries_.assign(sparse_weights, SparseEntry{0, 0});
  sparse_entries_.shrink_to_fit();
  sparse_dense_.assign(dense_rows * static_cast<size_t>(classes) + kDensePadding, 0);
  sparse_dense_.shrink_to_fit();
  // Place the keys, and give each row its place in sparse_entries_ or sparse_dense_.
  std::vector<uint32_t> next(rows);  // the row's next free entry, or its dense row
  uint32_t entries = 0, dense = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t k;
    std::memcpy(&k, key_bytes.data() + r * sizeof k, sizeof k);
    if (k == 0) return false;
    size_t i = Slot(k);
    while (frozen_keys_[i] != 0) {
      if (frozen_keys_[i] == k) return false;  // duplicate key
      i = (i + 1) & mask_;
    }
    frozen_keys_[i] = k;
    ++size_;
    SparseSlot& s = sparse_slots_[i];
    s.fingerprint = static_cast<int16_t>(Fingerprint(k));
    if (count[r] >= kDenseRowMin) {
      s.count = kDenseRow;
      s.first = dense++;
      next[r] = s.first;
    } else {
      s.count = count[r];
      s.first = entries;
      next[r] = entries;
      entries += count[r];
    }
  }
  // Column by column, so each row's entries come in class order (as MaybeSparsify's do).
  for (int c = 0; c < classes; ++c) {
    const unsigned char* col = column(c);
    for (uint64_t r = 0; r < rows; ++r) {
      const int16_t w = weight_at(col, r);
      if (w == 0) continue;
      if (count[r] >= kDenseRowMin) {
        sparse_dense_[static_cast<size_t>(next[r]) * classes + c] = w;
      } else {
        sparse_entries_[next[r]++] = SparseEntry{static_cast<uint16_t>(c), w};
      }
    }
  }
  return true;
}

void WeightTable::FrozenRow(size_t slot, int16_t* out) const {
  if (!sparse_) {
    std::memcpy(out, &frozen_[slot * frozen_stride_ + 1], num_classes_ * sizeof(int16_t));
    return;
  }
  const SparseSlot& s = sparse_slots_[slot];
  if (s.count == kDenseRow) {
    std::memcpy(out, &sparse_dense_[static_cast<size_t>(s.first) * num_classes_],
                num_classes_ * sizeof(int16_t));
    return;
  }
  std::fill(out, out + num_classes_, int16_t{0});
  for (uint32_t j = 0; j < s.count; ++j) {
    const SparseEntry& e = sparse_entries_[s.first + j];
    out[e.cls] = e.weight;
  }
}

void WeightTable::MaybeSparsify() {
  // Only tables with wide rows: a dense row of up to ~64 bytes costs one or two cache lines
  // per lookup, the sparse layout two dependent misses (slot, then entries), which callers
  // that score key by key (AddScores) pay in full: with the tagger's 17 classes, tagging
  // measured slower sparse.
  if (frozen_stride_ == 0 || sparse_ || num_classes_ < kSparseMinClasses) return;
  size_t nonzero = 0;
  for (size_t r = 0; r < capacity_; ++r) {
    if (frozen_keys_[r] == 0) continue;
    const int16_t* w = &frozen_[r * frozen_stride_ + 1];
    for (int c = 0; c < num_classes_; ++c) nonzero += w[c] != 0;
  }
  const size_t dense_bytes = frozen_size_ * sizeof(int16_t);
  const size_t sparse_bytes = capacity_ * sizeof(SparseSlot) + nonzero * sizeof(SparseEntry);
  if (sparse_bytes >= dense_bytes || nonzero > UINT32_MAX) return;
  sparse_slots_.assign(capacity_, SparseSlot{0, 0, 0});
  sparse_entries_.clear();
  sparse_entries_.reserve(nonzero);
  sparse_dense_.clear();
  for (size_t r = 0; r < capacity_; ++r) {
    if (frozen_keys_[r] == 0) continue;
    const int16_t* row = &frozen_[r * frozen_stride_];
    SparseSlot& s = sparse_slots_[r];
    s.fingerprint = row[0];
    int count = 0;
    for (int c = 0; c < num_classes_; ++c) count += row[1 + c] != 0;
    if (count >= kDenseRowMin) {
      s.count = kDenseRow;
      s.first = static_cast<uint32_t>(sparse_dense_.size() / num_classes_);
      sparse_dense_.insert(sparse_dense_.end(), row + 1, row + 1 + num_classes_);
      continue;
    }
    s.first = static_cast<uint32_t>(sparse_entries_.size());
    for (int c = 0; c < num_classes_; ++c) {
      if (row[1 + c] != 0) sparse_entries_.push_back({static_cast<uint16_t>(c), row[1 + c]});
    }
    s.count = static_cast<uint16_t>(sparse_entries_.size() - s.first);
  }
  sparse_entries_.shrink_to_fit();
  sparse_dense_.insert(sparse_dense_.end(), kDensePadding, 0);
  sparse_dense_.shrink_to_fit();
  sparse_ = true;
  frozen_.reset();
}

template <int kClasses>
void WeightTable::AddFrozenBatch(const uint64_t* keys, size_t n, float* scores) const {
  // The lookups of AddFrozenScores, key by key in order (so the sums are bit-identical), with
  // the mode tests hoisted out of the loop, each key's slot computed once for its prefetch and
  // its probe, and the row added with fixed-width code for the parser's move table (3 classes)
  // and the tagger (17): the hot path of tagging and parsing, where the per-key overhead was
  // most of the instructions.
  const int classes = kClasses > 0 ? kClasses : num_classes_;
  const size_t stride = kClasses > 0 ? static_cast<size_t>(kClasses) + 1 : frozen_stride_;
  const size_t row_bytes = stride * sizeof(int16_t);
  const size_t mask = mask_;
  const float scale = scale_;
  const int16_t* table = frozen_.get();
  constexpr size_t kChunk = 256;  // more than any caller's feature count: one pass in practice
  size_t slots[kChunk];
  // Calls add(row) for the stored row of each of keys[0..n) in order (keys not in the table
  // are skipped). Keys go in chunks: first every key's home slot is computed and its row
  // prefetched, then the rows are probed, so the memory accesses of a chunk overlap. A row
  // that may cross a cache line (17 classes: 36 bytes) needs its other lines prefetched too;
  // the 8-byte rows of 3 classes are 8-byte aligned and never do.
  auto for_each_row = [&](auto&& add) {
    for (size_t start = 0; start < n; start += kChunk) {
      const size_t m = std::min(kChunk, n - start);
      const uint64_t* k = keys + start;
      for (size_t j = 0; j < m; ++j) {
        slots[j] = Slot(k[j]);
        const char* row = reinterpret_cast<const char*>(table + slots[j] * stride);
        __builtin_prefetch(row);
        if (kClasses == 0) {
          for (size_t b = 64; b < row_bytes; b += 64) __builtin_prefetch(row + b);
        }
        if (kClasses == 0 || kClasses > 3) __builtin_prefetch(row + row_bytes - 1);
      }
      for (size_t j = 0; j < m; ++j) {
        const int16_t fp = static_cast<int16_t>(Fingerprint(k[j]));
        size_t i = slots[j];
        const int16_t* row = table + i * stride;
        while (row[0] != fp && row[0] != 0) {
          i = (i + 1) & mask;
          row = table + i * stride;
        }
        if (row[0] != 0) add(row);
      }
    }
  };
#if defined(__SSE2__)
  // The sums live in SSE registers for the whole batch, each lane adding scale * weight in
  // the same order with the same single-precision operations as the scalar code (so the
  // results are bit-identical). A row is loaded whole with its fingerprint, which takes a lane
  // of its own whose sum is discarded.
  const __m128 sc = _mm_set1_ps(scale);
  // The low / high four int16 of v as floats (sign-extended by shifting).
  auto widen_lo = [](__m128i v) {
    return _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
  };
  auto widen_hi = [](__m128i v) {
    return _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
  };
  if constexpr (kClasses == 3) {
    __m128 acc = _mm_set_ps(scores[2], scores[1], scores[0], 0.0f);  // lanes: fp, c0, c1, c2
    for_each_row([&](const int16_t* row) {
      const __m128i v = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(row));
      acc = _mm_add_ps(acc, _mm_mul_ps(sc, widen_lo(v)));
    });
    alignas(16) float out[4];
    _mm_store_ps(out, acc);
    scores[0] = out[1];
    scores[1] = out[2];
    scores[2] = out[3];
    return;
  }
  if constexpr (kClasses == 17) {
    // Lanes c0-3, c4-7, c8-11, c12-15 in vectors; c16 scalar.
    __m128 a0 = _mm_loadu_ps(scores), a1 = _mm_loadu_ps(scores + 4);
    __m128 a2 = _mm_loadu_ps(scores + 8), a3 = _mm_loadu_ps(scores + 12);
    float a16 = scores[16];
    for_each_row([&](const int16_t* row) {
      const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 1));
      const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 9));
      a0 = _mm_add_ps(a0, _mm_mul_ps(sc, widen_lo(lo)));
      a1 = _mm_add_ps(a1, _mm_mul_ps(sc, widen_hi(lo)));
      a2 = _mm_add_ps(a2, _mm_mul_ps(sc, widen_lo(hi)));
      a3 = _mm_add_ps(a3, _mm_mul_ps(sc, widen_hi(hi)));
      a16 += scale * static_cast<float>(row[17]);
    });
    _mm_storeu_ps(scores, a0);
    _mm_storeu_ps(scores + 4, a1);
    _mm_storeu_ps(scores + 8, a2);
    _mm_storeu_ps(scores + 12, a3);
    scores[16] = a16;
    return;
  }
#endif
  for_each_row([&](const int16_t* row) {
    const int16_t* w = row + 1;
    for (int c = 0; c < classes; ++c) scores[c] += scale * static_cast<float>(w[c]);
  });
}

void WeightTable::AddScoresBatch(const uint64_t* keys, size_t n, float* scores) const {
  if (!sparse_) {
    if (frozen_stride_ == 0) {  // training mode
      for (size_t i = 0; i < n; ++i) AddScores(keys[i], scores);
      return;
    }
    switch (num_classes_) {
      case 3:  // the parser's moves
        AddFrozenBatch<3>(keys, n, scores);
        return;
      case 17:  // the tagger's UPOS tags
        AddFrozenBatch<17>(keys, n, scores);
        return;
      default:
        AddFrozenBatch<0>(keys, n, scores);
        return;
    }
  }
  // Three passes, so that the misses of one pass overlap: fetch every key's slot, then find
  // each row and fetch its entries, then add.
  constexpr size_t kChunk = 64;
  const SparseSlot* found[kChunk];
  const float scale = scale_;
  const int classes = num_classes_;
  const int16_t* dense = sparse_dense_.data();
  const SparseEntry* entries = sparse_entries_.data();
  // The sums: `scores` itself, or with SSE2 and up to kPaddedClasses classes a copy padded to
  // a multiple of eight classes, so that dense rows are added eight weights at a time.
  float* sums = scores;
#if defined(__SSE2__)
  constexpr int kPaddedClasses = 64;
  alignas(16) float padded_sums[kPaddedClasses];
  float* padded = nullptr;
  const __m128 sc = _mm_set1_ps(scale);
  if (classes <= kPaddedClasses) {
    padded = padded_sums;
    std::memcpy(padded, scores, classes * sizeof(float));
    std::fill(padded + classes, padded + kPaddedClasses, 0.0f);
    sums = padded;
  }
#endif
  for (size_t start = 0; start < n; start += kChunk) {
    const size_t m = std::min(kChunk, n - start);
    const uint64_t* k = keys + start;
    for (size_t j = 0; j < m; ++j) __builtin_prefetch(&sparse_slots_[Slot(k[j])]);
    for (size_t j = 0; j < m; ++j) {
      found[j] = FindSparse(k[j]);
      if (found[j] == nullptr || found[j]->count == 0) continue;
      if (found[j]->count == kDenseRow) {
        const char* w = reinterpret_cast<const char*>(
            &sparse_dense_[static_cast<size_t>(found[j]->first) * num_classes_]);
        const size_t bytes = num_classes_ * sizeof(int16_t);
        for (size_t b = 0; b < bytes; b += 64) __builtin_prefetch(w + b);
        __builtin_prefetch(w + bytes - 1);
      } else {
        const SparseEntry* e = &sparse_entries_[found[j]->first];
        __builtin_prefetch(e);
        __builtin_prefetch(e + found[j]->count - 1);
      }
    }
    // AddSparseRow's sums, with the scale and the row width in locals: read through members,
    // they might alias `scores`, and the dense rows' loop reloaded the scale for every weight.
    for (size_t j = 0; j < m; ++j) {
      if (found[j] == nullptr) continue;
      const SparseSlot& slot = *found[j];
      if (slot.count == kDenseRow) {
        const int16_t* w = &dense[static_cast<size_t>(slot.first) * classes];
#if defined(__SSE2__)
        if (padded != nullptr) {
          // Eight weights per load, into the padded sums: lanes past `classes` (the next
          // row's first weights, or sparse_dense_'s padding) land in sums that are dropped.
          // Each lane adds scale * weight with the scalar loop's single-precision operations,
          // so the sums are bit-identical.
          for (int c = 0; c < classes; c += 8) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(w + c));
            const __m128 lo = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpacklo_epi16(v, v), 16));
            const __m128 hi = _mm_cvtepi32_ps(_mm_srai_epi32(_mm_unpackhi_epi16(v, v), 16));
            _mm_store_ps(padded + c, _mm_add_ps(_mm_load_ps(padded + c), _mm_mul_ps(sc, lo)));
            _mm_store_ps(padded + c + 4,
                         _mm_add_ps(_mm_load_ps(padded + c + 4), _mm_mul_ps(sc, hi)));
          }
          continue;
        }
#endif
        for (int c = 0; c < classes; ++c) sums[c] += scale * static_cast<float>(w[c]);
        continue;
      }
      const SparseEntry* e = &entries[slot.first];
      for (uint32_t i = 0; i < slot.count; ++i) {
        sums[e[i].cls] += scale * static_cast<float>(e[i].weight);
      }
    }
  }
#if defined(__SSE2__)
  if (padded != nullptr) std::memcpy(scores, padded, classes * sizeof(float));
#endif
}

}  // namespace annal::syntax
