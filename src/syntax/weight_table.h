// WeightTable: the weights of an averaged multiclass perceptron over hashed features.
//
// Each feature key owns one row of `num_classes` weights. Rows live in an open-addressing table
// (linear probing) and the key is stored inline in front of its row, so scoring a feature costs
// one probe into one contiguous block: no std::map and no pointer chasing in the hot path.
// Rows are created only when training updates them, so unseen features cost nothing.
//
// A table lives in two modes. While training, weights are floats with the running sums needed
// for averaging. Average() ends training: weights are averaged and quantised to 16 bits with one
// scale per table, which halves the memory the parser touches per feature (it is memory-bound)
// and the model file; the rounding error (at most scale/2 per weight) does not change
// accuracy measurably.
#ifndef ANNAL_SYNTAX_WEIGHT_TABLE_H_
#define ANNAL_SYNTAX_WEIGHT_TABLE_H_

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

#include "syntax/byte_io.h"
#include "syntax/hashing.h"

namespace annal::syntax {

class WeightTable {
 public:
  // REQUIRES: num_classes >= 1.
  explicit WeightTable(int num_classes = 1);
  // Copyable (training snapshots are averaged copies); copies are deep.
  WeightTable(const WeightTable& other);
  WeightTable& operator=(const WeightTable& other);
  WeightTable(WeightTable&&) = default;
  WeightTable& operator=(WeightTable&&) = default;

  int num_classes() const { return num_classes_; }
  size_t num_rows() const { return size_; }
  // True when the frozen table is stored sparse (tables with many classes; see SparseSlot).
  bool sparse() const { return sparse_; }

  // Adds the weights of `key`'s row to scores[0..num_classes). No-op for unknown keys.
  // Thread-safe with other const calls.
  void AddScores(uint64_t key, float* scores) const {
    if (sparse_) {
      const SparseSlot* slot = FindSparse(key);
      if (slot != nullptr) AddSparseRow(*slot, scores);
      return;
    }
    if (frozen_stride_ != 0) {
      AddFrozenScores(key, scores);
      return;
    }
    size_t i = Slot(key);
    while (true) {
      const float* row = &data_[i * stride_];
      uint64_t k;
      std::memcpy(&k, row, sizeof k);
      if (k == key) {
        const float* w = row + 2;
        for (int c = 0; c < num_classes_; ++c) scores[c] += w[c];
        return;
      }
      if (k == 0) return;
      i = (i + 1) & mask_;
    }
  }
  // The same as AddScores for keys[0..n) in order (so the sums are bit-identical), with the
  // memory accesses of all keys overlapped: the hot path of parsing, which is memory-bound.
  void AddScoresBatch(const uint64_t* keys, size_t n, float* scores) const;

  // Training: adds `delta` to weight (key, cls) at time `now` (a counter that increases by one
  // per training instance), keeping the running sums needed for averaging.
  // REQUIRES: key != 0, 0 <= cls < num_classes, now never decreases, not yet averaged.
  void Update(uint64_t key, int cls, float delta, int64_t now);
  // Ends training: every weight becomes its average over time [0, now), rows that average to
  // zero are dropped, and the table is quantised (see above). Call once.
  void Average(int64_t now);

  // Drops the rows whose largest weight magnitude is below `min_abs_weight`: rare features
  // with small weights cost a cache miss each and change few decisions.
  // REQUIRES: averaged (or loaded).
  void Prune(float min_abs_weight);

  // REQUIRES: averaged (or loaded).
  void Serialize(ByteWriter* out) const;
  // Returns false on malformed input.
  bool Deserialize(ByteReader* in);

 private:
  size_t Slot(uint64_t key) const { return (key ^ (key >> 29)) & mask_; }
  // 16-bit fingerprint of a key stored in front of a frozen row (never 0, which marks an
  // empty slot). Mixed first so that structured keys (small integers in tests) spread too.
  static uint16_t Fingerprint(uint64_t key) {
    uint16_t f = static_cast<uint16_t>(Mix64(key) >> 48);
    return f == 0 ? 1 : f;
  }
  void AddFrozenScores(uint64_t key, float* scores) const {
    const int16_t fp = static_cast<int16_t>(Fingerprint(key));
    size_t i = Slot(key);
    while (true) {
      const int16_t* row = &frozen_[i * frozen_stride_];
      if (row[0] == fp) {
        const int16_t* w = row + 1;
        for (int c = 0; c < num_classes_; ++c) scores[c] += scale_ * static_cast<float>(w[c]);
        return;
      }
      if (row[0] == 0) return;
      i = (i + 1) & mask_;
    }
  }
  // Sparse frozen layout. Rows of averaged perceptron tables with many classes are mostly zero
  // (the shipped parser's label table: 4.2 non-zero weights of 51 on average, 104-byte dense
  // rows in a 27 MB table), so after freezing, a table whose rows are wider than a sparse one
  // keeps per slot only the fingerprint, the number of non-zero weights and where they start
  // in sparse_entries_ (class, weight). The slots are the dense table's, in the same places, so
  // a lookup probes the same fingerprints and finds the same row: scores are bit-identical
  // (the dropped terms were exact zeros). Lookups then touch an 8-byte slot and a few bytes of
  // entries instead of two or three cache lines of a table six times the size.
  //
  // Rows with many non-zero weights (kDenseRowMin or more: the features seen most, so the rows
  // most looked up) are kept dense instead, in sparse_dense_: adding a dense row is a loop the
  // compiler vectorises, while every sparse entry costs a scalar scatter-add, and such a row
  // takes little more memory dense. Scores stay equal: the added terms are exact zeros.
  struct SparseSlot {
    int16_t fingerprint;  // 0: empty
    uint16_t count;       // non-zero weights of the row, or kDenseRow
    uint32_t first;       // index of the first in sparse_entries_, or of the row in sparse_dense_
  };
  static constexpr uint16_t kDenseRow = 0xFFFF;  // never a count: num_classes <= 4096
  static constexpr int kDenseRowMin = 16;
  // Tables with fewer classes stay dense (see MaybeSparsify).
  static constexpr int kSparseMinClasses = 32;
  struct SparseEntry {
    uint16_t cls;
    int16_t weight;
  };
  const SparseSlot* FindSparse(uint64_t key) const {
    const int16_t fp = static_cast<int16_t>(Fingerprint(key));
    size_t i = Slot(key);
    while (true) {
      const SparseSlot* s = &sparse_slots_[i];
      if (s->fingerprint == fp) return s;
      if (s->fingerprint == 0) return nullptr;
      i = (i + 1) & mask_;
    }
  }
  void AddSparseRow(const SparseSlot& slot, float* scores) const {
    if (slot.count == kDenseRow) {
      const int16_t* w = &sparse_dense_[static_cast<size_t>(slot.first) * num_classes_];
      for (int c = 0; c < num_classes_; ++c) scores[c] += scale_ * static_cast<float>(w[c]);
      return;
    }
    const SparseEntry* e = &sparse_entries_[slot.first];
    for (uint32_t j = 0; j < slot.count; ++j) {
      scores[e[j].cls] += scale_ * static_cast<float>(e[j].weight);
    }
  }
  // AddScoresBatch for the dense frozen layout, with the row width fixed at compile time
  // (kClasses > 0) or read from num_classes_ (kClasses == 0).
  template <int kClasses>
  void AddFrozenBatch(const uint64_t* keys, size_t n, float* scores) const;
  // Frozen mode: the weights of the row in `slot`, dense, into out[0..num_classes).
  void FrozenRow(size_t slot, int16_t* out) const;
  // Frozen mode: switches to the sparse layout when it is smaller (tables with many classes).
  void MaybeSparsify();
  // Deserialize for a table of kSparseMinClasses or more: builds the sparse layout straight
  // from the file's keys and class columns (rows of each) when MaybeSparsify would choose it.
  // Returns false, changing nothing, when it would not (the caller then builds the dense
  // table), and false, leaving the table unusable, on a zero or duplicate key.
  bool DeserializeSparse(uint64_t rows, std::string_view key_bytes, std::string_view weight_bytes);
  // Frees the training-mode buffers (weights, averaging totals, stamps) once frozen.
  void ReleaseTrainingBuffers();
  // Frozen mode: the slot count for `rows` rows (a power of two, at most 70% full).
  static size_t CapacityFor(size_t rows);
  // Returns the row index for `key`, inserting an all-zero row if needed (training mode).
  size_t FindOrInsert(uint64_t key);
  void Rehash(size_t capacity);
  void Init(size_t capacity);
  // Frozen mode: sets up an empty table for `rows` rows.
  void InitFrozen(size_t rows);
  // Frozen mode: the slot for a new key, or SIZE_MAX if the key is already present.
  size_t InsertFrozen(uint64_t key);

  int num_classes_;
  size_t stride_;  // training: 2 floats for the key + num_classes weights
  size_t capacity_ = 0;
  size_t mask_ = 0;
  size_t size_ = 0;
  std::vector<float> data_;
  // Training only: per weight, the sum of its values over time up to stamp_, and stamp_.
  std::vector<double> totals_;
  std::vector<int64_t> stamps_;
  // Frozen mode: rows of one int16 key fingerprint and the quantised weights (weight =
  // scale_ * value): 8 bytes for the 3-class move table. Only the fingerprint is compared in the
  // hot path, so a feature absent from the table matches another's row with probability about
  // 2^-16 per probed slot: the usual price of hashed features, here paid for half the memory
  // traffic. The full keys (frozen_keys_, per slot) serve saving, pruning and duplicate checks.
  // The block is 2 MB aligned and marked for transparent huge pages: lookups are random over
  // tens of MB, and with 4 KB pages nearly every one would also miss the TLB.
  struct FreeDeleter {
    void operator()(int16_t* p) const { std::free(p); }
  };
  size_t frozen_stride_ = 0;
  size_t frozen_size_ = 0;  // in int16 values
  std::unique_ptr<int16_t[], FreeDeleter> frozen_;
  std::vector<uint64_t> frozen_keys_;
  float scale_ = 1.0f;
  // Sparse frozen layout (MaybeSparsify): frozen_ is then released.
  bool sparse_ = false;
  std::vector<SparseSlot> sparse_slots_;  // capacity_ slots
  std::vector<SparseEntry> sparse_entries_;
  // The dense rows (kDenseRow), num_classes_ weights each, then kDensePadding zeros: the batch
  // reads a row eight weights at a time, up to seven past its end.
  std::vector<int16_t> sparse_dense_;
  static constexpr size_t kDensePadding = 8;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_WEIGHT_TABLE_H_
