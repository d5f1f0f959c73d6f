#include "context/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "util/file.h"

namespace annal::context {
namespace {

const std::string kShipped = std::string(ANNAL_TEST_DATA_DIR) + "/gazetteer/gazetteer.bin.zst";

// A tiny gazetteer written per doc/formats/gazetteer.md, independent of the Python builder.
struct TinyEntry {
  uint32_t geonameid;
  std::string name, iso3, fcode, admin1;
  double lat, lon;
  uint32_t population;
  uint8_t kind;
  std::vector<std::pair<std::string, uint8_t>> keys;
};

void Put32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
void Put16(std::string* s, uint16_t v) {
  s->push_back(static_cast<char>(v & 0xFF));
  s->push_back(static_cast<char>(v >> 8));
}
void PutFixed(std::string* s, const std::string& v, size_t width) {
  std::string f = v;
  f.resize(width, '\0');
  s->append(f);
}

std::string TinyGazetteer(const std::vector<TinyEntry>& entries,
                          uint32_t version = kGazetteerVersion) {
  std::string strings, ents, keys;
  struct Key {
    std::string key;
    uint32_t entry;
    uint8_t kind;
  };
  std::vector<Key> all;
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const TinyEntry& e = entries[i];
    Put32(&ents, e.geonameid);
    Put32(&ents, static_cast<uint32_t>(static_cast<int32_t>(std::lround(e.lat * 1e5))));
    Put32(&ents, static_cast<uint32_t>(static_cast<int32_t>(std::lround(e.lon * 1e5))));
    Put32(&ents, e.population);
    Put32(&ents, static_cast<uint32_t>(strings.size()));
    Put16(&ents, static_cast<uint16_t>(e.name.size()));
    strings += e.name;
    ents.push_back(static_cast<char>(e.kind));
    ents.push_back(e.kind == 2 ? 'P' : e.kind == 3 ? 'L' : 'A');
    PutFixed(&ents, e.iso3, 3);
    PutFixed(&ents, e.fcode, 8);
    PutFixed(&ents, e.admin1, 8);
    ents.push_back('\0');
    for (const auto& [k, kind] : e.keys) all.push_back(Key{NormalizePlaceName(k), i, kind});
  }
  std::sort(all.begin(), all.end(), [](const Key& a, const Key& b) {
    return std::tie(a.key, a.entry) < std::tie(b.key, b.entry);
  });
  for (const Key& k : all) {
    Put32(&keys, static_cast<uint32_t>(strings.size()));
    Put16(&keys, static_cast<uint16_t>(k.key.size()));
    keys.push_back(static_cast<char>(k.kind));
    keys.push_back('\0');
    Put32(&keys, k.entry);
    strings += k.key;
  }
  std::string out = "ANNALGZT";
  Put32(&out, version);
  Put32(&out, static_cast<uint32_t>(entries.size()));
  Put32(&out, static_cast<uint32_t>(all.size()));
  Put32(&out, static_cast<uint32_t>(strings.size()));
  return out + ents + keys + strings;
}

std::vector<TinyEntry> TinyEntries() {
  return {
      {1, "Georgia", "GEO", "PCLI", "", 42, 43.5, 3700000, 0, {{"Georgia", 0}, {"Georgian", 3}}},
      {2, "Georgia", "USA", "ADM1", "GA", 32.75, -83.5, 10000000, 1, {{"Georgia", 0}, {"Ga.", 2}}},
      {3,
       "Tbilisi",
       "GEO",
       "PPLC",
       "TB",
       41.69,
       44.83,
       1100000,
       2,
       {{"Tbilisi", 0}, {"Tiflis", 1}}},
      {4, "São Paulo", "BRA", "PPLA", "27", -23.55, -46.63, 12000000, 2, {{"São Paulo", 0}}},
  };
}

TEST(NormalizePlaceNameTest, StripsMarksUppercasesAndCollapsesSpace) {
  EXPECT_EQ(NormalizePlaceName("São  Paulo"), "SAO PAULO");
  EXPECT_EQ(NormalizePlaceName("Düsseldorf"), "DUSSELDORF");
  EXPECT_EQ(NormalizePlaceName("Łódź"), "LODZ");
  EXPECT_EQ(NormalizePlaceName("Côte d\xE2\x80\x99Ivoire"), "COTE D'IVOIRE");
  EXPECT_EQ(NormalizePlaceName("U.S."), "U.S.");
  EXPECT_EQ(NormalizePlaceName("Москва"), "");  // not Latin script: no key can match
  // ASCII white space (leading, trailing, runs, tabs and line ends) and a backtick apostrophe.
  EXPECT_EQ(NormalizePlaceName(" \tnew \r\n  york\f\v "), "NEW YORK");
  EXPECT_EQ(NormalizePlaceName("Cote d`Ivoire"), "COTE D'IVOIRE");
  EXPECT_EQ(NormalizePlaceName("   "), "");
  // The same name with and without a non-ASCII character normalises alike.
  EXPECT_EQ(NormalizePlaceName("  St. John`s\t Wood "), NormalizePlaceName("  St. John’s\t Wood "));
}

TEST(GazetteerTest, TinyFileRoundTrips) {
  auto g = Gazetteer::FromBytes(TinyGazetteer(TinyEntries()));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->size(), 4u);
  EXPECT_EQ((*g)->country_count(), 1u);
  EXPECT_EQ((*g)->admin1_count(), 1u);
  auto c = (*g)->Lookup("georgia");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ((*g)->entry(c[0].entry).country_iso3, "GEO");
  EXPECT_EQ((*g)->entry(c[1].entry).admin1_code, "GA");
  c = (*g)->Lookup("Sao Paulo");
  ASSERT_EQ(c.size(), 1u);
  PlaceEntry e = (*g)->entry(c[0].entry);
  EXPECT_EQ(e.name, "São Paulo");
  EXPECT_NEAR(e.lat, -23.55, 1e-5);
  EXPECT_EQ(e.feature_code, "PPLA");
  EXPECT_EQ(e.population, 12000000u);
  c = (*g)->Lookup("Georgian");
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].key_kind, KeyKind::kDemonym);
  EXPECT_TRUE((*g)->Lookup("Atlanta").empty());
  EXPECT_TRUE((*g)->HasKeyWithPrefix("SAO"));
  EXPECT_FALSE((*g)->HasKeyWithPrefix("TBILISI"));
  PlaceEntry a;
  ASSERT_TRUE((*g)->FindAdmin1("USA", "GA", &a));
  EXPECT_EQ(a.geonameid, 2u);
  EXPECT_FALSE((*g)->FindAdmin1("USA", "TX", &a));
  ASSERT_TRUE((*g)->FindCountry("GEO", &a));
  EXPECT_EQ(a.geonameid, 1u);
  EXPECT_FALSE((*g)->FindCountry("RUS", &a));
}

// Look-ups bisect only the keys that share the probe's first four bytes (its first two when it is
// shorter): against a scan of all keys, on keys of one to three words over a small alphabet (many
// share a bucket or a 4-byte prefix, some are one byte long, some buckets and prefixes are empty).
TEST(GazetteerTest, BucketedLookupAgreesWithScanningAllKeys) {
  std::mt19937 rng(11);
  auto word = [&] {
    std::string w(1 + rng() % 3, 'A');
    for (char& c : w) c = "ABZ"[rng() % 3];
    return w;
  };
  auto name = [&] {
    std::string n = word();
    for (size_t k = rng() % 3; k > 0; --k) {
      n.push_back(' ');
      n.append(word());
    }
    return n;
  };
  TinyEntry e{9, "Place", "GEO", "PPL", "", 1, 1, 10, 2, {}};
  std::vector<std::string> keys;
  for (int i = 0; i < 300; ++i) {
    keys.push_back(name());
    e.keys.emplace_back(keys.back(), 0);
  }
  auto g = Gazetteer::FromBytes(TinyGazetteer({e}));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  for (int q = 0; q < 2000; ++q) {
    const std::string probe = q % 2 == 0 ? name() : keys[rng() % keys.size()];
    const size_t equal = std::count(keys.begin(), keys.end(), probe);
    ASSERT_EQ((*g)->LookupNormalized(probe).size(), equal) << probe;
    const bool prefix = std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
      return k.rfind(probe + " ", 0) == 0;
    });
    ASSERT_EQ((*g)->HasKeyWithPrefix(probe), prefix) << probe;
  }
  EXPECT_TRUE((*g)->LookupNormalized("").empty());
  EXPECT_TRUE((*g)->LookupNormalized("Q").empty());
}

// The 8-byte code fields of every length from empty to full, including non-ASCII bytes, read
// back as written.
TEST(GazetteerTest, FixedWidthCodesOfEveryLength) {
  std::vector<TinyEntry> entries;
  const std::string codes = "ABCDEFGH";
  for (uint32_t n = 0; n <= 8; ++n) {
    std::string admin1 = codes.substr(0, n);
    std::string fcode = codes.substr(8 - n);
    if (n >= 2) admin1[1] = static_cast<char>(0xC3);  // a byte with the high bit set
    entries.push_back({100 + n, "Place", "GEO", fcode, admin1, 1, 1, 10, 2, {{"Place", 0}}});
  }
  auto g = Gazetteer::FromBytes(TinyGazetteer(entries));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  for (uint32_t n = 0; n <= 8; ++n) {
    PlaceEntry e = (*g)->entry(n);
    EXPECT_EQ(e.admin1_code, entries[n].admin1) << n;
    EXPECT_EQ(e.feature_code, entries[n].fcode) << n;
    EXPECT_EQ(e.country_iso3, "GEO");
  }
}

TEST(GazetteerTest, CorruptionIsAStatus) {
  std::string good = TinyGazetteer(TinyEntries());
  ASSERT_TRUE(Gazetteer::FromBytes(good).ok());

  std::string bad_magic = good;
  bad_magic[0] = 'X';
  auto r = Gazetteer::FromBytes(bad_magic);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);

  // Version 1 files (no continents) are refused like any other version.
  r = Gazetteer::FromBytes(TinyGazetteer(TinyEntries(), /*version=*/1));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("version"), std::string::npos);

  for (size_t cut : {size_t{0}, size_t{5}, size_t{23}, good.size() / 2, good.size() - 1}) {
    r = Gazetteer::FromBytes(good.substr(0, cut));
    ASSERT_FALSE(r.ok()) << "cut at " << cut;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  }

  // A key pointing past the entries.
  std::string bad_key = good;
  size_t keys_at = 24 + 4 * 44;
  bad_key[keys_at + 8] = static_cast<char>(0x7F);
  r = Gazetteer::FromBytes(bad_key);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);

  // Keys out of order: each pair of adjacent keys that differ, swapped (some share their first
  // four bytes, "GEORGIA" / "GEORGIAN", some do not).
  auto u32 = [&](size_t at) {
    return uint32_t{static_cast<unsigned char>(good[at])} |
           uint32_t{static_cast<unsigned char>(good[at + 1])} << 8 |
           uint32_t{static_cast<unsigned char>(good[at + 2])} << 16 |
           uint32_t{static_cast<unsigned char>(good[at + 3])} << 24;
  };
  const uint32_t key_count = u32(16);
  const size_t strings_at = keys_at + size_t{key_count} * 12;
  auto key_text = [&](uint32_t i) {
    const size_t k = keys_at + size_t{i} * 12;
    const size_t length = static_cast<unsigned char>(good[k + 4]) |
                          static_cast<size_t>(static_cast<unsigned char>(good[k + 5])) << 8;
    return good.substr(strings_at + u32(k), length);
  };
  int swapped = 0;
  for (uint32_t i = 0; i + 1 < key_count; ++i) {
    if (key_text(i) == key_text(i + 1)) continue;
    std::string unsorted = good;
    for (size_t b = 0; b < 12; ++b) {
      std::swap(unsorted[keys_at + i * 12 + b], unsorted[keys_at + (i + 1) * 12 + b]);
    }
    r = Gazetteer::FromBytes(unsorted);
    ASSERT_FALSE(r.ok()) << key_text(i) << " / " << key_text(i + 1);
    EXPECT_NE(r.status().message().find("not sorted"), std::string::npos);
    ++swapped;
  }
  EXPECT_GE(swapped, 4);

  // A name offset past the string pool.
  std::string bad_name = good;
  bad_name[24 + 16 + 3] = static_cast<char>(0x7F);
  EXPECT_FALSE(Gazetteer::FromBytes(bad_name).ok());
}

TEST(GazetteerTest, ContinentEntriesLoadAndUnknownKindsAreCorruption) {
  std::vector<TinyEntry> entries = TinyEntries();
  entries.push_back({6255148, "Europe", "", "CONT", "", 48.69, 9.14, 0, 3,
                     {{"Europe", 0}, {"European", 3}}});
  auto g = Gazetteer::FromBytes(TinyGazetteer(entries));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto c = (*g)->Lookup("European");
  ASSERT_EQ(c.size(), 1u);
  PlaceEntry e = (*g)->entry(c[0].entry);
  EXPECT_EQ(e.kind, PlaceKind::kContinent);
  EXPECT_EQ(e.country_iso3, "");
  EXPECT_EQ((*g)->country_count(), 1u);  // a continent is no country
  entries.back().kind = 4;
  auto bad = Gazetteer::FromBytes(TinyGazetteer(entries));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kCorruption);
}

TEST(GazetteerTest, CorruptCompressedFileIsAStatus) {
  std::string good = TinyGazetteer(TinyEntries());
  std::string z(ZSTD_compressBound(good.size()), '\0');
  z.resize(ZSTD_compress(z.data(), z.size(), good.data(), good.size(), 3));
  auto dir = std::filesystem::temp_directory_path();
  std::string ok_path = (dir / "annal_gaz_ok.bin.zst").string();
  std::string bad_path = (dir / "annal_gaz_bad.bin.zst").string();
  ASSERT_TRUE(WriteStringToFile(ok_path, z).ok());
  ASSERT_TRUE(WriteStringToFile(bad_path, z.substr(0, z.size() / 2)).ok());
  EXPECT_TRUE(Gazetteer::Load(ok_path).ok());
  auto r = Gazetteer::Load(bad_path);
  EXPECT_FALSE(r.ok());
  r = Gazetteer::Load((dir / "annal_gaz_missing.bin.zst").string());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  std::filesystem::remove(ok_path);
  std::filesystem::remove(bad_path);
}

// zstd's one-shot ZSTD_compress writes no checksum; the ready copy needs one.
std::string CompressWithChecksum(const std::string& plain, bool checksum) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, checksum ? 1 : 0);
  std::string z(ZSTD_compressBound(plain.size()), '\0');
  z.resize(ZSTD_compress2(cctx, z.data(), z.size(), plain.data(), plain.size()));
  ZSTD_freeCCtx(cctx);
  return z;
}

TEST(GazetteerTest, ReadyCopyIsUsedOnlyWhenItsContentMatchesTheFrame) {
  const std::string good = TinyGazetteer(TinyEntries());
  auto dir = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid());
  const std::string zst = (dir / ("annal_ready_" + tag + ".bin.zst")).string();
  const std::string ready = (dir / ("annal_ready_" + tag + ".bin")).string();
  ASSERT_TRUE(WriteStringToFile(zst, CompressWithChecksum(good, true)).ok());
  ASSERT_TRUE(WriteStringToFile(ready, good).ok());
  std::string out;
  ASSERT_TRUE(ReadReadyCopy(zst, ready, &out));
  EXPECT_EQ(out, good);
  auto g = Gazetteer::FromBytes(out);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->size(), TinyEntries().size());

  std::string flipped = good;
  flipped[flipped.size() / 2] ^= 1;  // same size, other content
  ASSERT_TRUE(WriteStringToFile(ready, flipped).ok());
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
  ASSERT_TRUE(WriteStringToFile(ready, good.substr(0, good.size() - 1)).ok());
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
  ASSERT_TRUE(WriteStringToFile(ready, good + "x").ok());
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
  // A frame without a checksum cannot vouch for any copy.
  ASSERT_TRUE(WriteStringToFile(ready, good).ok());
  ASSERT_TRUE(WriteStringToFile(zst, CompressWithChecksum(good, false)).ok());
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
  ASSERT_TRUE(WriteStringToFile(zst, CompressWithChecksum(good, true)).ok());
  EXPECT_TRUE(ReadReadyCopy(zst, ready, &out));
  std::filesystem::remove(ready);
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
  std::filesystem::remove(zst);
  EXPECT_FALSE(ReadReadyCopy(zst, ready, &out));
}

TEST(ShippedGazetteerTest, LoadsWithExpectedVersionAndCounts) {
  auto t0 = std::chrono::steady_clock::now();
  auto g = Gazetteer::Load(kShipped);
  double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ((*g)->version(), kGazetteerVersion);
  // Counts of the file built by scripts/build_gazetteer.py from the shared GeoNames extracts;
  // a rebuild that changes them must update this test and doc/formats/gazetteer.md.
  EXPECT_EQ((*g)->country_count(), 250u);
  EXPECT_EQ((*g)->admin1_count(), 3748u);
  EXPECT_EQ((*g)->size(), 208590u);  // with 5 continents
  EXPECT_EQ((*g)->key_count(), 301445u);
  EXPECT_LT(ms, 2000.0) << "load took " << ms << " ms";  // ~100 ms in Release; slack for Debug
  EXPECT_LT(std::filesystem::file_size(kShipped), 15u * 1024 * 1024);
}

TEST(ShippedGazetteerTest, KnownPlaces) {
  auto g = Gazetteer::Load(kShipped);
  ASSERT_TRUE(g.ok());
  auto has = [&](std::string_view name, uint32_t geonameid) {
    for (const PlaceCandidate& c : (*g)->Lookup(name)) {
      if ((*g)->entry(c.entry).geonameid == geonameid) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("Moscow", 524901));
  EXPECT_TRUE(has("Moskva", 524901));
  EXPECT_TRUE(has("Russia", 2017370));
  EXPECT_TRUE(has("Russian Federation", 2017370));
  EXPECT_TRUE(has("Russian", 2017370));  // demonym
  EXPECT_TRUE(has("U.S.", 6252001));
  EXPECT_TRUE(has("California", 5332921));
  EXPECT_TRUE(has("Long Beach", 5367929));
  EXPECT_TRUE(has("São Paulo", 3448439));
  PlaceEntry e;
  ASSERT_TRUE((*g)->FindCountry("UKR", &e));
  EXPECT_EQ(e.name, "Ukraine");
  EXPECT_EQ(e.kind, PlaceKind::kCountry);
  ASSERT_TRUE((*g)->FindAdmin1("USA", "TX", &e));
  EXPECT_EQ(e.name, "Texas");
  EXPECT_GT(e.population, 10000000u);
  // Texas's reference point lies inside Texas.
  EXPECT_GT(e.lat, 26);
  EXPECT_LT(e.lat, 36);
  EXPECT_GT(e.lon, -106);
  EXPECT_LT(e.lon, -94);
  // A big region settled along one edge: its point is the middle of its settled extent including
  // the sparse far north (a 1% trim put Queensland's at -20.8, towards Brisbane at -27.5).
  ASSERT_TRUE((*g)->FindAdmin1("AUS", "04", &e));
  EXPECT_EQ(e.name, "Queensland");
  EXPECT_GT(e.lat, -20.3);
  EXPECT_LT(e.lat, -17);
  // GeoNames' own points (data/gazetteer/geonames_reference_points.tsv) replace the estimates:
  // the United States at 39.76,-98.5 (world-countries' 38,-97 is 235 km away), Canada at
  // 60.1,-113.6 (world-countries' is 1,031 km away), Alberta at GeoNames' point.
  ASSERT_TRUE((*g)->FindCountry("USA", &e));
  EXPECT_LT(DistanceKm(e.lat, e.lon, 39.76, -98.5), 1.0);
  ASSERT_TRUE((*g)->FindCountry("CAN", &e));
  EXPECT_LT(DistanceKm(e.lat, e.lon, 60.10867, -113.64258), 1.0);
  // A continent: no country, GeoNames feature code CONT, and its demonym.
  auto europe = (*g)->Lookup("Europe");
  ASSERT_FALSE(europe.empty());
  bool found_continent = false;
  for (const PlaceCandidate& c : europe) {
    PlaceEntry x = (*g)->entry(c.entry);
    if (x.kind != PlaceKind::kContinent) continue;
    found_continent = true;
    EXPECT_EQ(x.geonameid, 6255148u);
    EXPECT_EQ(x.country_iso3, "");
    EXPECT_EQ(x.feature_code, "CONT");
  }
  EXPECT_TRUE(found_continent);
  EXPECT_TRUE(has("Europeans", 6255148));
  // A region across the antimeridian (Chukotka, 172E to 171W) keeps its point in the region.
  ASSERT_TRUE((*g)->FindAdmin1("RUS", "15", &e));
  EXPECT_GT(std::abs(e.lon), 165);
}

}  // namespace
}  // namespace annal::context
