#include "util/file.h"

#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace annal {

Status ReadFileToString(const std::string& path, std::string* out) {
  out->clear();
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(path + ": " + std::strerror(errno));
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IOError(path + ": read error");
  if (path.size() > 4 && path.compare(path.size() - 4, 4, ".zst") == 0) {
    unsigned long long size = ZSTD_getFrameContentSize(out->data(), out->size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 32)) {
      return Status::Corruption(path + ": not a zstd frame with a known size");
    }
    std::string plain(size, '\0');
    size_t got = ZSTD_decompress(plain.data(), plain.size(), out->data(), out->size());
    if (ZSTD_isError(got)) return Status::Corruption(path + ": " + ZSTD_getErrorName(got));
    plain.resize(got);
    out->swap(plain);
  }
  return Status::OK();
}

Status WriteStringToFile(const std::string& path, std::string_view data) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IOError(tmp + ": cannot open for writing");
    f.write(data.data(), static_cast<std::streamsize>(data.size()));
    if (!f) return Status::IOError(tmp + ": write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return Status::IOError(path + ": " + ec.message());
  return Status::OK();
}

}  // namespace annal
