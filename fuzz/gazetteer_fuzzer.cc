// libFuzzer target: a gazetteer file (src/context/gazetteer.cc, `--gazetteer FILE`) and the check
// that picks the build's decompressed "ready copy" instead of the .zst file (ReadReadyCopy).
// The size check in the header would stop a byte mutator at once, so unless the input's first
// byte asks for its raw bytes, the target writes a header whose counts fit the input (entry and
// key counts from the input, the strings section the rest). Parsing must never crash; a
// gazetteer that parses must answer look-ups with in-range entries. The same bytes are then
// compressed into a .zst file (with the content checksum, or, when the input asks, the input
// itself is the .zst file) beside a candidate ready copy (the content, or it changed or cut
// short): ReadReadyCopy must take the copy exactly when it holds the content, and Gazetteer::Load
// of the .zst file must agree with FromBytes on its content.
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "context/gazetteer.h"

namespace {

using annal::context::Gazetteer;
using annal::context::PlaceCandidate;
using annal::context::PlaceEntry;

void Check(bool ok) {
  if (!ok) std::abort();
}

void PutU32(std::string* s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s->push_back(static_cast<char>(v >> (8 * i)));
}

void WriteFile(const std::string& path, std::string_view bytes) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  Check(f != nullptr);
  Check(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
  Check(std::fclose(f) == 0);
}

void CheckEntry(const Gazetteer& g, uint32_t i) {
  PlaceEntry e = g.entry(i);
  Check(e.index == i);
  Check(e.country_iso3.size() <= 3 && e.feature_code.size() <= 8 && e.admin1_code.size() <= 8);
  Check(static_cast<uint8_t>(e.kind) <= 3);
  volatile size_t sum = 0;  // reads every byte of the name (ASan checks the range)
  for (char c : e.name) sum = sum + static_cast<unsigned char>(c);
}

// Exercises a parsed gazetteer: every entry (up to a bound), look-ups of a few names and of
// the input's own words, countries and admin-1 regions.
void Exercise(const Gazetteer& g, std::string_view words) {
  const uint32_t n = static_cast<uint32_t>(std::min<size_t>(g.size(), 256));
  for (uint32_t i = 0; i < n; ++i) CheckEntry(g, i);
  std::vector<std::string_view> names = {"Kharkiv", "Paris", "São Paulo", "", "A", "Calif."};
  for (size_t start = 0; start < words.size() && names.size() < 24;) {
    size_t end = words.find(' ', start);
    if (end == std::string_view::npos) end = words.size();
    names.push_back(words.substr(start, std::min<size_t>(end - start, 64)));
    start = end + 1;
  }
  for (std::string_view name : names) {
    for (const PlaceCandidate& c : g.Lookup(name)) {
      Check(c.entry < g.size() && static_cast<uint8_t>(c.key_kind) <= 3);
      CheckEntry(g, c.entry);
    }
    std::string key = annal::context::NormalizePlaceName(name);
    for (const PlaceCandidate& c : g.LookupNormalized(key)) Check(c.entry < g.size());
    g.HasKeyWithPrefix(key);
    PlaceEntry country;
    if (g.FindCountry(name.substr(0, 3), &country)) {
      Check(country.index < g.size());
      PlaceEntry region;
      if (g.FindAdmin1(country.country_iso3, name.substr(std::min<size_t>(3, name.size())), &region)) {
        Check(region.index < g.size());
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 3) return 0;
  const uint8_t mode = data[0];
  std::string_view input(reinterpret_cast<const char*>(data + 3), size - 3);
  std::string content;
  if (mode & 1) {
    content.assign(input);
  } else {
    // Entry and key counts from the input, shrunk until their tables fit; the rest is strings.
    uint32_t entries = data[1], keys = data[2];
    while (entries * 44 + keys * 12 > input.size()) (entries > keys ? entries : keys)--;
    content.assign("ANNALGZT", 8);
    PutU32(&content, annal::context::kGazetteerVersion);
    PutU32(&content, entries);
    PutU32(&content, keys);
    PutU32(&content, static_cast<uint32_t>(input.size() - entries * 44 - keys * 12));
    content += input;
  }
  auto parsed = Gazetteer::FromBytes(content);
  if (parsed.ok()) {
    Exercise(**parsed, input);
  } else {
    Check(!parsed.status().message().empty());
  }

  // The ready-copy check. One pair of files per process (libFuzzer may run several).
  static const std::string dir = [] {
    const char* tmp = std::getenv("TMPDIR");
    return std::string(tmp != nullptr ? tmp : "/tmp") + "/gazetteer_fuzzer." +
           std::to_string(getpid());
  }();
  const std::string zst_path = dir + ".bin.zst", ready_path = dir + ".ready";
  std::string zst;
  if (mode & 2) {
    zst = content;  // arbitrary bytes where a frame header is expected
  } else {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    Check(ZSTD_isError(ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, (mode & 4) ? 0 : 1)) == 0);
    zst.resize(ZSTD_compressBound(content.size()));
    size_t n = ZSTD_compress2(cctx, zst.data(), zst.size(), content.data(), content.size());
    ZSTD_freeCCtx(cctx);
    Check(!ZSTD_isError(n));
    zst.resize(n);
  }
  std::string ready = content;
  if ((mode & 8) && !ready.empty()) ready[(mode >> 4) % ready.size()] ^= 1 + (mode >> 4);
  if ((mode & 0x30) == 0x30) ready.resize(ready.size() / 2);
  WriteFile(zst_path, zst);
  WriteFile(ready_path, ready);
  std::string out;
  const bool taken = annal::context::ReadReadyCopy(zst_path, ready_path, &out);
  if (taken) Check(out == ready);
  if (!(mode & 2)) {
    // A real frame: an unchanged copy is taken exactly when the frame has a checksum; a changed
    // one never is (short of a collision in XXH64's low 32 bits, odds 2^-32 per run).
    if (taken) Check(ready == content);
    if (ready == content) Check(taken == !(mode & 4));
    // Load decompresses the file (the build's own ready copy does not match it) and must agree.
    auto loaded = Gazetteer::Load(zst_path);
    Check(loaded.ok() == parsed.ok());
    if (loaded.ok()) Check((*loaded)->size() == (*parsed)->size());
  } else {
    if (taken) {
      Check(out.size() == ZSTD_getFrameContentSize(zst.data(), zst.size()));
    }
    auto loaded = Gazetteer::Load(zst_path);  // arbitrary .zst bytes: a Status, never a crash
    if (!loaded.ok()) Check(!loaded.status().message().empty());
  }
  std::remove(zst_path.c_str());
  std::remove(ready_path.c_str());
  return 0;
}
