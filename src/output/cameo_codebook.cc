// CameoCodebook: loading, parsing and lookup of the CAMEO code table.
#include "output/cameo_codebook.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "util/file.h"

namespace annal {
namespace {

int RootOf(std::string_view code) {
  if (code.size() < 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') {
    return -1;
  }
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return (root >= 1 && root <= 20) ? root : -1;
}

std::string LineError(std::string_view origin, int line, std::string_view msg) {
  std::string s(origin);
  s += ':';
  s += std::to_string(line);
  s += ": ";
  s += msg;
  return s;
}

}  // namespace

int QuadClassGdelt(std::string_view code) {
  int root = RootOf(code);
  if (root < 0) return 0;
  if (root <= 5) return 1;
  if (root <= 9) return 2;
  if (root <= 14) return 3;
  return 4;
}

int QuadClassPhoenix(std::string_view code) {
  int root = RootOf(code);
  if (root < 0) return -1;
  if (root == 1) return 0;
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

bool IsWellFormedCameoCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 4 || RootOf(code) < 0) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int CameoCodeKey(std::string_view code) {
  if (!IsWellFormedCameoCode(code)) return -1;
  int value = 0;
  for (char c : code) value = value * 10 + (c - '0');
  switch (code.size()) {
    case 2:
      return value;
    case 3:
      return 100 + value;
    default:
      return 1100 + value;
  }
}

bool CameoCodebook::Add(CameoCode c) {
  if (slot_.empty()) slot_.assign(kCameoCodeKeys, 0);
  int key = CameoCodeKey(c.code);
  if (slot_[key] != 0) return false;
  codes_.push_back(std::move(c));
  slot_[key] = static_cast<uint16_t>(codes_.size());
  return true;
}

const CameoCode* CameoCodebook::Find(std::string_view code) const {
  int key = CameoCodeKey(code);
  if (key < 0 || slot_.empty() || slot_[key] == 0) return nullptr;
  return &codes_[slot_[key] - 1];
}

const CameoCode* CameoCodebook::Resolve(std::string_view code, bool* exact) const {
  if (exact != nullptr) *exact = false;
  // A code longer than four digits is not CAMEO; try its 4-digit prefix like any unknown code.
  std::string_view prefix = code.substr(0, 4);
  if (const CameoCode* hit = Find(prefix); hit != nullptr) {
    if (exact != nullptr) *exact = (prefix.size() == code.size());
    return hit;
  }
  while (prefix.size() > 2) {
    prefix.remove_suffix(1);
    if (const CameoCode* hit = Find(prefix); hit != nullptr) return hit;
  }
  return nullptr;
}

const CameoCodebook& CameoCodebook::Embedded() {
  static const CameoCodebook* const kBook = [] {
    auto* book = new CameoCodebook();
    for (size_t i = 0; i < internal::kCameoCodeRowCount; ++i) {
      const internal::CameoCodeRow& r = internal::kCameoCodeRows[i];
      // The generator checks codes are well formed and unique, so Add() cannot fail here.
      book->Add(CameoCode{r.code, r.name, r.goldstein, r.quad_class, r.codebook});
    }
    return book;
  }();
  return *kBook;
}

Result<CameoCodebook> CameoCodebook::Load(const std::string& data_dir) {
  std::string path = data_dir + "/cameo/cameo_codes.tsv";
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

Result<CameoCodebook> CameoCodebook::Parse(std::string_view tsv, std::string_view origin) {
  std::vector<std::pair<int, std::vector<std::string_view>>> rows;
  Status s =
      internal::ReadTsvRows(tsv, origin, {"code", "name", "goldstein", "quad", "codebook"}, &rows);
  if (!s.ok()) return s;
  CameoCodebook book;
  for (auto& [line, f] : rows) {
    CameoCode c;
    c.code = std::string(f[0]);
    if (!IsWellFormedCameoCode(c.code)) {
      return Status::Corruption(LineError(origin, line, "bad CAMEO code '" + c.code + "'"));
    }
    c.name = std::string(f[1]);
    if (c.name.empty()) return Status::Corruption(LineError(origin, line, "empty name"));
    auto [ptr, ec] = std::from_chars(f[2].data(), f[2].data() + f[2].size(), c.goldstein);
    if (ec != std::errc() || ptr != f[2].data() + f[2].size() || !std::isfinite(c.goldstein) ||
        c.goldstein < -10 || c.goldstein > 10) {
      return Status::Corruption(
          LineError(origin, line, "bad Goldstein value '" + std::string(f[2]) + "'"));
    }
    if (f[3].size() != 1 || f[3][0] - '0' != QuadClassGdelt(c.code)) {
      return Status::Corruption(LineError(
          origin, line,
          "quad class '" + std::string(f[3]) + "' is not the GDELT quad class of " + c.code));
    }
    c.quad_class = f[3][0] - '0';
    c.codebook = std::string(f[4]);
    std::string code = c.code;
    if (!book.Add(std::move(c))) {
      return Status::Corruption(LineError(origin, line, "duplicate code " + code));
    }
  }
  if (book.size() == 0) return Status::Corruption(std::string(origin) + ": no codes");
  return book;
}

namespace internal {

Status ReadTsvRows(std::string_view text, std::string_view origin,
                   const std::vector<std::string_view>& header,
                   std::vector<std::pair<int, std::vector<std::string_view>>>* rows) {
  rows->clear();
  bool header_seen = false;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = (nl == std::string_view::npos) ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // tolerate CRLF files
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (!header_seen) {
      if (fields != header) {
        return Status::Corruption(LineError(origin, line_no, "unexpected column header"));
      }
      header_seen = true;
      continue;
    }
    if (fields.size() != header.size()) {
      return Status::Corruption(LineError(origin, line_no,
                                          "expected " + std::to_string(header.size()) +
                                              " tab-separated fields, got " +
                                              std::to_string(fields.size())));
    }
    rows->emplace_back(line_no, std::move(fields));
  }
  if (!header_seen) return Status::Corruption(std::string(origin) + ": no column header");
  return Status::OK();
}

}  // namespace internal
}  // namespace annal
