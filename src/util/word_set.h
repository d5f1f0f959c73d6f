// A fixed set of short words, built at compile time, with a membership test of a few
// instructions.
//
// The closed-class word lists of the shallow analysis (determiners, speech verbs, person nouns,
// ...) are asked about nearly every token of every sentence. A linear scan of a list cost
// several memcmp calls per token, an FNV hash one multiply per byte and a table built on first
// use a thread-safe-static guard per call; this set is a constant (no guard, no start-up work)
// that rejects most words on their length alone (a bit mask of the lengths its words have) and
// hashes the rest from their length and three bytes into an open-addressing table at most a
// quarter full, so a look-up is one or two slot compares. The lists themselves stay plain,
// readable arrays where they are defined.
//
// Thread-safe (immutable). Typical use:
//   constexpr std::array<std::string_view, 3> kWords = {"HE", "SHE", "IT"};
//   static constexpr WordSet kSet(kWords);
//   if (kSet.Contains(token.norm)) ...
#ifndef ANNAL_UTIL_WORD_SET_H_
#define ANNAL_UTIL_WORD_SET_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annal {

// `N` is the most words the set holds.
template <size_t N>
class WordSet {
 public:
  // `words` is any range of std::string_view (a std::array, a std::vector). The characters
  // must outlive the set (string literals do). Duplicates are allowed; empty words and words
  // of 64 bytes or more are never found, as if absent.
  // REQUIRES: at most N words (further words are left out).
  template <typename Range>
  constexpr explicit WordSet(const Range& words) {
    size_t stored = 0;
    for (std::string_view w : words) {
      if (w.empty() || w.size() >= 64 || stored == N) continue;
      size_t i = Slot(w);
      while (slots_[i].data() != nullptr && slots_[i] != w) i = (i + 1) & (kSlots - 1);
      if (slots_[i].data() == nullptr) ++stored;
      slots_[i] = w;
      lengths_ |= uint64_t{1} << w.size();
    }
  }

  // Whether `w` is one of the words (exact, case-sensitive byte comparison).
  constexpr bool Contains(std::string_view w) const {
    if (w.empty() || w.size() >= 64 || ((lengths_ >> w.size()) & 1) == 0) return false;
    for (size_t i = Slot(w);; i = (i + 1) & (kSlots - 1)) {
      const std::string_view s = slots_[i];
      if (s.data() == nullptr) return false;
      if (s.size() == w.size() && s == w) return true;
    }
  }

 private:
  static constexpr int BitsFor(size_t n) {
    int bits = 4;
    while ((size_t{1} << bits) < 4 * n) ++bits;
    return bits;
  }
  static constexpr int kBits = BitsFor(N);
  static constexpr size_t kSlots = size_t{1} << kBits;  // >= 4N: a free slot always ends a probe

  // REQUIRES: !w.empty(). Fibonacci hashing of (length, first, middle and last byte): closed
  // word lists rarely share all four, and a shared one only costs a probe.
  static constexpr size_t Slot(std::string_view w) {
    const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(w[i])}; };
    const uint64_t key =
        byte(0) | byte(w.size() / 2) << 8 | byte(w.size() - 1) << 16 | uint64_t{w.size()} << 24;
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> (64 - kBits));
  }

  uint64_t lengths_ = 0;                          // bit k set: some word has k bytes
  std::array<std::string_view, kSlots> slots_{};  // empty slots have a null data()
};

template <size_t N>
WordSet(const std::array<std::string_view, N>&) -> WordSet<N>;

}  // namespace annal

#endif  // ANNAL_UTIL_WORD_SET_H_
