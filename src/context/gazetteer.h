// Gazetteer: GeoNames continents, countries, admin-1 regions and populated places, looked up by
// name.
//
// The data comes from data/gazetteer/gazetteer.bin.zst (format: doc/formats/gazetteer.md, built by
// scripts/build_gazetteer.py). Loading decompresses the file once and checks every offset; lookups
// are binary searches over a sorted key table, narrowed by a small index of key prefixes built
// in one pass at load, so a load takes tens of milliseconds.
#ifndef ANNAL_CONTEXT_GAZETTEER_H_
#define ANNAL_CONTEXT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annal/status.h"

namespace annal::context {

// The file format version this code reads.
// Version 2 added continents (PlaceKind::kContinent).
constexpr uint32_t kGazetteerVersion = 2;

// kContinent entries have no country (empty country_iso3 and admin1_code).
enum class PlaceKind : uint8_t { kCountry = 0, kAdmin1 = 1, kPlace = 2, kContinent = 3 };

// How a key names its entry; decides where a match may be used.
enum class KeyKind : uint8_t {
  kName = 0,          // the entry's own name
  kAlternate = 1,     // an alternate or ASCII spelling ("Moskva", "Russian Federation")
  kAbbreviation = 2,  // "Calif.", "TX": only valid as admin context after a comma
  kDemonym = 3,       // "Russian" -> Russia (countries only)
};

// One gazetteer entry, viewing the loaded Gazetteer's memory (valid while it lives).
struct PlaceEntry {
  uint32_t index = 0;  // position in the gazetteer, stable for one file
  uint32_t geonameid = 0;
  PlaceKind kind = PlaceKind::kPlace;
  std::string_view name;          // GeoNames name, UTF-8
  std::string_view country_iso3;  // ISO 3166-1 alpha-3; empty for continents
  std::string_view admin1_code;  // GeoNames admin-1 code ("CA" for California); empty for countries
  std::string_view feature_code;  // GeoNames feature code: PCLI, ADM1, PPL, PPLC, PPLA, ...
  char feature_class = 'P';       // GeoNames feature class: A (area) or P (populated place)
  double lat = 0;
  double lon = 0;
  uint64_t population = 0;  // for admin-1 regions: the sum over its populated places
};

struct PlaceCandidate {
  uint32_t entry = 0;  // index into the gazetteer
  KeyKind key_kind = KeyKind::kName;
};

class Gazetteer {
 public:
  // Loads a gazetteer file (".zst" files are decompressed). Corruption (bad magic, another
  // version, truncation, an offset out of range) is a Status, never a crash. A ".zst" file
  // whose content the build's decompressed copy holds (see ReadReadyCopy) is read from that
  // copy instead: decompressing the shipped file costs ~350M instructions, the check ~10M.
  static Result<std::unique_ptr<Gazetteer>> Load(const std::string& path);
  // Same from the decompressed bytes (takes ownership).
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);

  // Not copyable: entries view the owned buffer.
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // All entries whose name key equals NormalizePlaceName(name). Empty when none. Thread-safe.
  std::vector<PlaceCandidate> Lookup(std::string_view name) const;
  // Same for an already-normalised key (no normalisation cost).
  std::vector<PlaceCandidate> LookupNormalized(std::string_view key) const;
  // True when some key starts with `prefix` followed by a space (for longest-match scanning).
  bool HasKeyWithPrefix(std::string_view normalized_prefix) const;

  PlaceEntry entry(uint32_t index) const;
  size_t size() const { return entry_count_; }
  size_t key_count() const { return key_count_; }
  uint32_t version() const { return version_; }
  size_t country_count() const { return country_count_; }
  size_t admin1_count() const { return admin1_count_; }

  // The country entry for an ISO3 code, or nullptr-like false return.
  bool FindCountry(std::string_view iso3, PlaceEntry* out) const;
  // The admin-1 entry of a country, e.g. ("USA", "CA") -> California.
  bool FindAdmin1(std::string_view iso3, std::string_view admin1_code, PlaceEntry* out) const;

 private:
  Gazetteer() = default;
  Status Parse();
  // Key i of the key table (12 bytes: string offset u32, length u16, kind u8, pad, entry u32;
  // little-endian): inline, since load and look-ups read keys in tight loops.
  std::string_view KeyAt(size_t i) const {
    const unsigned char* k = keys_ + i * 12;
    const uint32_t offset =
        uint32_t{k[0]} | uint32_t{k[1]} << 8 | uint32_t{k[2]} << 16 | uint32_t{k[3]} << 24;
    return std::string_view(strings_ + offset, size_t{k[4]} | size_t{k[5]} << 8);
  }
  // The keys are sorted; keys sharing their first two bytes form one bucket. A look-up bisects
  // only its key's bucket: [bucket_start_[b], bucket_start_[b + 1]) for bucket b = Bucket(key).
  static uint32_t Bucket(std::string_view key) {
    if (key.empty()) return 0;
    return uint32_t{static_cast<unsigned char>(key[0])} << 8 |
           (key.size() > 1 ? uint32_t{static_cast<unsigned char>(key[1])} : 0);
  }
  // The first 4 bytes of a key as a big-endian number, zero-padded when shorter. Zero is the
  // smallest byte, so the prefix never decreases along sorted keys: keys sharing it are one run.
  static uint32_t Prefix4(std::string_view key) {
    if (key.size() >= 4) {
      return uint32_t{static_cast<unsigned char>(key[0])} << 24 |
             uint32_t{static_cast<unsigned char>(key[1])} << 16 |
             uint32_t{static_cast<unsigned char>(key[2])} << 8 |
             uint32_t{static_cast<unsigned char>(key[3])};
    }
    uint32_t p = 0;
    for (size_t i = 0; i < 4; ++i) {
      p = p << 8 | (i < key.size() ? uint32_t{static_cast<unsigned char>(key[i])} : 0);
    }
    return p;
  }
  // The keys that can equal `key` or start with it: the run of keys sharing its Prefix4 when it
  // has 4 bytes or more (empty when no key does), else its Bucket. A bisection inside
  // [*lo, *hi) finds what one over all keys would. Returns how many leading bytes every key of
  // the window shares with `key` (4 in a run, else 0), which comparisons may skip.
  size_t Window(std::string_view key, size_t* lo, size_t* hi) const;
  // The first index in [lo, hi) at which KeyAt(i) >= key, or hi; every key in [lo, hi) agrees
  // with `key` on its first `same` bytes (or is a prefix of them).
  size_t LowerBound(std::string_view key, size_t lo, size_t hi, size_t same) const;

  std::string bytes_;
  const unsigned char* entries_ = nullptr;
  const unsigned char* keys_ = nullptr;
  const char* strings_ = nullptr;
  uint32_t version_ = 0;
  uint32_t entry_count_ = 0;
  uint32_t key_count_ = 0;
  uint32_t strings_size_ = 0;
  size_t country_count_ = 0;
  size_t admin1_count_ = 0;
  std::vector<uint32_t> country_by_iso3_;  // entry indices of countries, sorted by ISO3
  std::vector<uint32_t> admin1_sorted_;    // entry indices of admin-1 regions, by (iso3, code)
  std::vector<uint32_t> bucket_start_;     // 65,537 entries: first key of each Bucket() and up
  // Open-addressing table of the runs of keys sharing a Prefix4 (~10 keys each instead of a
  // bucket's thousands): a look-up of a name of 4 bytes or more bisects only its run. Built at
  // load in one pass over the keys (~5M instructions); end == 0 marks an empty slot.
  struct PrefixRun {
    uint32_t prefix = 0;
    uint32_t begin = 0;
    uint32_t end = 0;
  };
  std::vector<PrefixRun> prefix_runs_;
  size_t prefix_mask_ = 0;
  static size_t PrefixSlot(uint32_t prefix) {
    return static_cast<size_t>((uint64_t{prefix} * 0x9E3779B97F4A7C15ull) >> 32);
  }
};

// Reads into *out the file `ready_path` when it holds exactly the content of the one-frame zstd
// file `zst_path`: its size is the frame's content size and its XXH64 agrees with the frame's
// content checksum. False (and *out unspecified) otherwise: either file missing, a frame
// without a checksum or a known size, or another content. The build writes such a copy of the
// shipped gazetteer (ANNAL_READY_GAZETTEER), so loading it needs no decompression; a copy
// left over from other data is never used.
bool ReadReadyCopy(const std::string& zst_path, const std::string& ready_path, std::string* out);

// The matching key of a place name: diacritics removed, ASCII upper case, runs of white space
// collapsed to one space, typographic apostrophes and dashes mapped to ASCII. Returns an empty
// string when the name is not Latin script (no key can match it). Agrees with normalize() in
// scripts/build_gazetteer.py.
std::string NormalizePlaceName(std::string_view name);

// Great-circle distance in kilometres.
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_GAZETTEER_H_
