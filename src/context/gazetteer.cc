#include "context/gazetteer.h"

#include <utf8proc.h>
#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>

#include "util/file.h"

namespace annal::context {
namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'A', 'L', 'G', 'Z', 'T'};
constexpr size_t kHeaderSize = 24;
constexpr size_t kEntrySize = 44;
constexpr size_t kKeySize = 12;

uint32_t U32(const unsigned char* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}
uint16_t U16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | p[1] << 8); }
int32_t I32(const unsigned char* p) { return static_cast<int32_t>(U32(p)); }

// A fixed-width, NUL-padded field.
std::string_view Fixed(const unsigned char* p, size_t width) {
  const char* c = reinterpret_cast<const char*>(p);
  size_t n = 0;
  while (n < width && c[n] != '\0') ++n;
  return std::string_view(c, n);
}

// Entry layout (little-endian, 44 bytes): geonameid u32, lat*1e5 i32, lon*1e5 i32, population u32,
// name offset u32, name length u16, kind u8, feature class char, iso3 char[3], feature code
// char[8], admin1 code char[8], pad.
constexpr size_t kOffLat = 4, kOffLon = 8, kOffPop = 12, kOffName = 16, kOffNameLen = 20,
                 kOffKind = 22, kOffClass = 23, kOffIso3 = 24, kOffCode = 27, kOffAdmin1 = 35;

void AppendCodepoint(int32_t c, std::string* out, bool* ok) {
  switch (c) {
    case 0x00F8:
    case 0x00D8:
      out->push_back('O');
      return;  // ø
    case 0x0142:
    case 0x0141:
      out->push_back('L');
      return;  // ł
    case 0x00DF:
      out->append("SS");
      return;  // ß
    case 0x00E6:
    case 0x00C6:
      out->append("AE");
      return;  // æ
    case 0x0153:
    case 0x0152:
      out->append("OE");
      return;  // œ
    case 0x0111:
    case 0x0110:
    case 0x00F0:
    case 0x00D0:
      out->push_back('D');
      return;
    case 0x0131:
      out->push_back('I');
      return;  // dotless i
    case 0x00FE:
    case 0x00DE:
      out->append("TH");
      return;  // þ
    case 0x2019:
    case 0x2018:
    case 0x02BC:
    case '`':
      out->push_back('\'');
      return;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
      out->push_back('-');
      return;
    default:
      break;
  }
  if (c < 0x80) {
    char ch = static_cast<char>(c);
    if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    out->push_back(ch);
    return;
  }
  *ok = false;
}

}  // namespace

std::string NormalizePlaceName(std::string_view name) {
  std::string out;
  if (std::all_of(name.begin(), name.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // ASCII (nearly every call, once per word of every capitalised run the geoparser reads):
    // what the general path below does to ASCII, without its per-character dispatch.
    out.resize(name.size());
    size_t n = 0;
    bool pending_space = false;
    for (char c : name) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        pending_space = n > 0;
        continue;
      }
      if (pending_space) out[n++] = ' ';
      pending_space = false;
      if (c == '`') {
        c = '\'';
      } else if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
      }
      out[n++] = c;
    }
    out.resize(n);
    return out;
  }
  out.reserve(name.size());
  bool ok = true;
  bool pending_space = false;
  auto emit = [&](int32_t c) {
    bool space =
        c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == '\f' || c == '\v';
    if (space) {
      pending_space = !out.empty();
      return;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendCodepoint(c, &out, &ok);
  };
  utf8proc_uint8_t* mapped = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(name.data()),
      static_cast<utf8proc_ssize_t>(name.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK));
  if (n < 0) return std::string();
  const utf8proc_uint8_t* p = mapped;
  utf8proc_ssize_t left = n;
  while (left > 0 && ok) {
    utf8proc_int32_t c;
    utf8proc_ssize_t len = utf8proc_iterate(p, left, &c);
    if (len <= 0) {
      ok = false;
      break;
    }
    emit(c);
    p += len;
    left -= len;
  }
  std::free(mapped);
  if (!ok) return std::string();
  return out;
}

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

bool ReadReadyCopy(const std::string& zst_path, const std::string& ready_path, std::string* out) {
  // The frame header (RFC 8878: magic, descriptor, ...) and the file's last four bytes, which
  // in a one-frame file with the checksum flag are the low half of XXH64(content).
  unsigned char header[18] = {};  // the largest frame header: magic and 14 bytes
  unsigned char tail[4] = {};
  std::FILE* z = std::fopen(zst_path.c_str(), "rb");
  if (z == nullptr) return false;
  const size_t header_size = std::fread(header, 1, sizeof header, z);
  const bool tail_ok = std::fseek(z, -4, SEEK_END) == 0 && std::fread(tail, 1, 4, z) == 4;
  std::fclose(z);
  if (!tail_ok || header_size < 5) return false;
  const unsigned long long size = ZSTD_getFrameContentSize(header, header_size);
  const bool has_checksum = (header[4] & 0x04) != 0;  // Content_Checksum_flag
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || !has_checksum) {
    return false;
  }
  std::FILE* f = std::fopen(ready_path.c_str(), "rb");
  if (f == nullptr) return false;
  bool ok = std::fseek(f, 0, SEEK_END) == 0 &&
            static_cast<unsigned long long>(std::ftell(f)) == size &&
            std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    out->resize(size);
    ok = std::fread(out->data(), 1, out->size(), f) == out->size();
  }
  std::fclose(f);
  return ok && static_cast<uint32_t>(XXH64(out->data(), out->size(), 0)) == U32(tail);
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::string& path) {
  std::string bytes;
#ifdef ANNAL_READY_GAZETTEER
  if (path.ends_with(".zst") && ReadReadyCopy(path, ANNAL_READY_GAZETTEER, &bytes)) {
    auto g = FromBytes(std::move(bytes));
    if (g.ok()) return g;
    bytes.clear();  // moved from; an unusable copy falls back to the file itself
  }
#endif
  Status s = ReadFileToString(path, &bytes);
  if (!s.ok()) return s;
  auto g = FromBytes(std::move(bytes));
  if (!g.ok()) return Status::Corruption(path + ": " + g.status().message());
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->bytes_ = std::move(bytes);
  Status s = g->Parse();
  if (!s.ok()) return s;
  return g;
}

Status Gazetteer::Parse() {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes_.data());
  if (bytes_.size() < kHeaderSize || std::memcmp(p, kMagic, sizeof kMagic) != 0) {
    return Status::Corruption("not an annal gazetteer (bad magic)");
  }
  version_ = U32(p + 8);
  if (version_ != kGazetteerVersion) {
    return Status::Corruption("gazetteer version " + std::to_string(version_) + ", expected " +
                              std::to_string(kGazetteerVersion));
  }
  entry_count_ = U32(p + 12);
  key_count_ = U32(p + 16);
  strings_size_ = U32(p + 20);
  uint64_t need = kHeaderSize + uint64_t{entry_count_} * kEntrySize +
                  uint64_t{key_count_} * kKeySize + strings_size_;
  if (need != bytes_.size()) {
    return Status::Corruption("gazetteer size " + std::to_string(bytes_.size()) +
                              " does not match its header (" + std::to_string(need) + ")");
  }
  entries_ = p + kHeaderSize;
  keys_ = entries_ + size_t{entry_count_} * kEntrySize;
  strings_ = reinterpret_cast<const char*>(keys_ + size_t{key_count_} * kKeySize);
  // Every offset is checked once here so that accessors need no checks.
  for (uint32_t i = 0; i < entry_count_; ++i) {
    const unsigned char* e = entries_ + size_t{i} * kEntrySize;
    if (uint64_t{U32(e + kOffName)} + U16(e + kOffNameLen) > strings_size_) {
      return Status::Corruption("gazetteer entry " + std::to_string(i) + ": name out of range");
    }
    uint8_t kind = e[kOffKind];
    if (kind > 3) return Status::Corruption("gazetteer entry " + std::to_string(i) + ": bad kind");
    if (kind == 0) {
      country_by_iso3_.push_back(i);
    } else if (kind == 1) {
      admin1_sorted_.push_back(i);
    }
  }
  // One pass over the keys checks them, finds the first key of each Bucket() (which never
  // decreases along sorted keys, so bucket_start_[b] is the first key whose bucket is b or more)
  // and the runs of keys sharing a Prefix4. Prefix4 never decreases along sorted keys either, and
  // a larger one means a larger key: only keys of one run need comparing to check the order.
  constexpr uint32_t kBuckets = 1 << 16;
  bucket_start_.assign(kBuckets + 1, key_count_);
  uint32_t next_bucket = 0;
  std::vector<PrefixRun> runs;
  std::string_view previous;
  for (uint32_t i = 0; i < key_count_; ++i) {
    const unsigned char* k = keys_ + size_t{i} * kKeySize;
    if (uint64_t{U32(k)} + U16(k + 4) > strings_size_ || k[6] > 3 || U32(k + 8) >= entry_count_) {
      return Status::Corruption("gazetteer key " + std::to_string(i) + " out of range");
    }
    const std::string_view key = KeyAt(i);
    const uint32_t prefix = Prefix4(key);
    if (i > 0 &&
        (prefix < runs.back().prefix || (prefix == runs.back().prefix && previous > key))) {
      return Status::Corruption("gazetteer keys are not sorted at " + std::to_string(i));
    }
    if (runs.empty() || runs.back().prefix != prefix) runs.push_back(PrefixRun{prefix, i, i});
    runs.back().end = i + 1;
    const uint32_t b = Bucket(key);
    while (next_bucket <= b) bucket_start_[next_bucket++] = i;
    previous = key;
  }
  // The runs in a table at most half full.
  size_t capacity = 16;
  while (capacity < runs.size() * 2) capacity *= 2;
  prefix_runs_.assign(capacity, PrefixRun{});
  prefix_mask_ = capacity - 1;
  for (const PrefixRun& run : runs) {
    size_t s = PrefixSlot(run.prefix) & prefix_mask_;
    while (prefix_runs_[s].end != 0) s = (s + 1) & prefix_mask_;
    prefix_runs_[s] = run;
  }
  country_count_ = country_by_iso3_.size();
  admin1_count_ = admin1_sorted_.size();
  auto iso_less = [this](uint32_t a, uint32_t b) {
    return entry(a).country_iso3 < entry(b).country_iso3;
  };
  std::sort(country_by_iso3_.begin(), country_by_iso3_.end(), iso_less);
  std::sort(admin1_sorted_.begin(), admin1_sorted_.end(), [this](uint32_t a, uint32_t b) {
    PlaceEntry x = entry(a), y = entry(b);
    if (x.country_iso3 != y.country_iso3) return x.country_iso3 < y.country_iso3;
    return x.admin1_code < y.admin1_code;
  });
  return Status::OK();
}

PlaceEntry Gazetteer::entry(uint32_t index) const {
  const unsigned char* e = entries_ + size_t{index} * kEntrySize;
  PlaceEntry out;
  out.index = index;
  out.geonameid = U32(e);
  out.lat = I32(e + kOffLat) / 1e5;
  out.lon = I32(e + kOffLon) / 1e5;
  out.population = U32(e + kOffPop);
  out.name = std::string_view(strings_ + U32(e + kOffName), U16(e + kOffNameLen));
  out.kind = static_cast<PlaceKind>(e[kOffKind]);
  out.feature_class = static_cast<char>(e[kOffClass]);
  out.country_iso3 = Fixed(e + kOffIso3, 3);
  out.feature_code = Fixed(e + kOffCode, 8);
  out.admin1_code = Fixed(e + kOffAdmin1, 8);
  return out;
}

// Keys of a smaller bucket (or prefix run) are smaller than `key` and keys of a larger one
// larger, so the lower bound within the key's window is the lower bound over all keys whenever
// some key equals `key` or starts with it.
size_t Gazetteer::Window(std::string_view key, size_t* lo, size_t* hi) const {
  if (key.size() >= 4 && !prefix_runs_.empty()) {
    const uint32_t prefix = Prefix4(key);
    for (size_t s = PrefixSlot(prefix) & prefix_mask_;; s = (s + 1) & prefix_mask_) {
      const PrefixRun& run = prefix_runs_[s];
      if (run.end == 0) break;
      if (run.prefix == prefix) {
        *lo = run.begin;
        *hi = run.end;
        return 4;
      }
    }
    *lo = *hi = 0;  // no key starts with these 4 bytes
    return 0;
  }
  const uint32_t b = Bucket(key);
  *lo = bucket_start_[b];
  *hi = bucket_start_[b + 1];
  return 0;
}

size_t Gazetteer::LowerBound(std::string_view key, size_t lo, size_t hi, size_t same) const {
  // KeyAt(i) < key, comparing from byte `same` on: keys are short and differ early, so a byte
  // loop beats a call to memcmp.
  auto less = [&](std::string_view k) {
    const size_t n = std::min(k.size(), key.size());
    for (size_t i = same; i < n; ++i) {
      if (k[i] != key[i]) {
        return static_cast<unsigned char>(k[i]) < static_cast<unsigned char>(key[i]);
      }
    }
    return k.size() < key.size();
  };
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (less(KeyAt(mid))) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

std::vector<PlaceCandidate> Gazetteer::LookupNormalized(std::string_view key) const {
  std::vector<PlaceCandidate> out;
  size_t lo, hi;
  const size_t same = Window(key, &lo, &hi);
  for (size_t i = LowerBound(key, lo, hi, same); i < hi && KeyAt(i) == key; ++i) {
    const unsigned char* k = keys_ + i * kKeySize;
    out.push_back(PlaceCandidate{U32(k + 8), static_cast<KeyKind>(k[6])});
  }
  return out;
}

std::vector<PlaceCandidate> Gazetteer::Lookup(std::string_view name) const {
  std::string key = NormalizePlaceName(name);
  if (key.empty()) return {};
  return LookupNormalized(key);
}

bool Gazetteer::HasKeyWithPrefix(std::string_view normalized_prefix) const {
  std::string probe(normalized_prefix);
  probe.push_back(' ');
  size_t lo, hi;
  const size_t same = Window(probe, &lo, &hi);
  lo = LowerBound(probe, lo, hi, same);
  return lo < hi && KeyAt(lo).starts_with(probe);
}

bool Gazetteer::FindCountry(std::string_view iso3, PlaceEntry* out) const {
  auto it = std::lower_bound(
      country_by_iso3_.begin(), country_by_iso3_.end(), iso3,
      [this](uint32_t a, std::string_view v) { return entry(a).country_iso3 < v; });
  if (it == country_by_iso3_.end() || entry(*it).country_iso3 != iso3) return false;
  *out = entry(*it);
  return true;
}

bool Gazetteer::FindAdmin1(std::string_view iso3, std::string_view admin1_code,
                           PlaceEntry* out) const {
  auto it = std::lower_bound(
      admin1_sorted_.begin(), admin1_sorted_.end(), std::make_pair(iso3, admin1_code),
      [this](uint32_t a, const std::pair<std::string_view, std::string_view>& v) {
        PlaceEntry x = entry(a);
        if (x.country_iso3 != v.first) return x.country_iso3 < v.first;
        return x.admin1_code < v.second;
      });
  if (it == admin1_sorted_.end()) return false;
  PlaceEntry x = entry(*it);
  if (x.country_iso3 != iso3 || x.admin1_code != admin1_code) return false;
  *out = x;
  return true;
}

}  // namespace annal::context
