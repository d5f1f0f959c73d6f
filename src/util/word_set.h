// A fixed set of short words with a membership test of a few instructions.
//
// The closed-class word lists of the shallow analysis (determiners, speech verbs, person nouns,
// ...) are asked about nearly every token of every sentence. A linear scan of a list cost
// several memcmp calls per token and an FNV hash one multiply per byte; this set rejects most
// words on their length alone (a bit mask of the lengths its words have) and hashes the rest
// from their length and three bytes, in an open-addressing table at most a quarter full, so a
// look-up is one or two slot compares. The lists themselves stay plain, readable arrays where
// they are defined.
//
// Thread-safe after construction (const only). Typical use, built once on first call:
//   static const WordSet kSet(kWordsArray);
//   if (kSet.Contains(token.norm)) ...
#ifndef ANNAL_UTIL_WORD_SET_H_
#define ANNAL_UTIL_WORD_SET_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace annal {

class WordSet {
 public:
  // `words` is any range of std::string_view (a std::array, a std::vector). The characters
  // must outlive the set (string literals do). Duplicates are allowed; empty words and words
  // of 64 bytes or more are never found, as if absent.
  template <typename Range>
  explicit WordSet(const Range& words) {
    size_t n = 0;
    for (std::string_view w : words) n += w.empty() ? 0 : 1;
    size_t capacity = 16;
    int bits = 4;
    while (capacity < 4 * n) {
      capacity *= 2;
      ++bits;
    }
    shift_ = 64 - bits;
    slots_.resize(capacity);
    for (std::string_view w : words) {
      if (w.empty() || w.size() >= 64) continue;
      lengths_ |= uint64_t{1} << w.size();
      size_t i = Slot(w);
      while (slots_[i].data() != nullptr && slots_[i] != w) i = (i + 1) & (capacity - 1);
      slots_[i] = w;
    }
  }

  // Whether `w` is one of the words (exact, case-sensitive byte comparison).
  bool Contains(std::string_view w) const {
    if (w.empty() || w.size() >= 64 || ((lengths_ >> w.size()) & 1) == 0) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = Slot(w);; i = (i + 1) & mask) {
      const std::string_view s = slots_[i];
      if (s.data() == nullptr) return false;
      if (s.size() == w.size() && s == w) return true;
    }
  }

 private:
  // REQUIRES: !w.empty(). Fibonacci hashing of (length, first, middle and last byte): closed
  // word lists rarely share all four, and a shared one only costs a probe.
  size_t Slot(std::string_view w) const {
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(w[i])}; };
    const uint64_t key =
        byte(0) | byte(w.size() / 2) << 8 | byte(w.size() - 1) << 16 | uint64_t{w.size()} << 24;
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }

  uint64_t lengths_ = 0;                 // bit k set: some word has k bytes
  int shift_ = 60;                       // 64 - log2(slots_.size())
  std::vector<std::string_view> slots_;  // empty slots have a null data()
};

}  // namespace annal

#endif  // ANNAL_UTIL_WORD_SET_H_
