// Feature hashing shared by the tagger and the parser.
//
// A feature is a template id plus up to three atoms (word hashes, tag ids, labels, distances),
// mixed into one 64-bit key. Keys are looked up in a WeightTable; a key of 0 is reserved.
#ifndef ANNAL_SYNTAX_HASHING_H_
#define ANNAL_SYNTAX_HASHING_H_

#include <xxhash.h>

#include <cstdint>
#include <string_view>

namespace annal::syntax {

inline uint64_t HashBytes(std::string_view s) { return XXH3_64bits(s.data(), s.size()); }

// A fast 64-bit mixer (the splitmix64 finaliser): good avalanche, a few cycles.
[[gnu::always_inline]] inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Always inlined: the parser computes about 130 keys per move in one function, where the
// compiler otherwise calls them out of line (the call, and the template id multiplied at run
// time instead of folded, were a third of the instructions of making the parser's keys: on
// BBC politics 1,059M -> 710M).
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t templ, uint64_t a) {
  uint64_t k = Mix64(a + 0x9e3779b97f4a7c15ULL * (templ + 1));
  return k == 0 ? 1 : k;
}
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b) {
  return FeatureKey(templ, Mix64(a) ^ (b * 0xd6e8feb86659fd93ULL + 0x3c6ef372fe94f82bULL));
}
[[gnu::always_inline]] inline uint64_t FeatureKey(uint32_t templ, uint64_t a, uint64_t b,
                                                  uint64_t c) {
  return FeatureKey(templ,
                    Mix64(Mix64(a) ^ b) ^ (c * 0xd6e8feb86659fd93ULL + 0x3c6ef372fe94f82bULL));
}

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_HASHING_H_
