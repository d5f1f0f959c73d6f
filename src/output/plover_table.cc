// PloverTable: loading, parsing and lookup of the CAMEO -> PLOVER mapping.
#include "output/plover_table.h"

#include <array>

#include "output/cameo_codebook.h"
#include "util/file.h"

namespace annal {
namespace {

constexpr std::array<std::string_view, 16> kPloverTypes = {
    "AGREE",  "CONSULT", "SUPPORT",  "CONCEDE", "COOPERATE", "AID",      "RETREAT", "REQUEST",
    "ACCUSE", "REJECT",  "THREATEN", "PROTEST", "SANCTION",  "MOBILIZE", "COERCE",  "ASSAULT"};

bool IsModeOrContextWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!((c >= 'a' && c <= 'z') || c == '_' || c == '-')) return false;
  }
  return true;
}

// Splits a comma-separated context list; false if an item is empty or malformed.
bool SplitContext(std::string_view s, std::vector<std::string>* out) {
  out->clear();
  if (s.empty()) return true;
  size_t start = 0;
  while (true) {
    size_t comma = s.find(',', start);
    std::string_view item =
        s.substr(start, comma == std::string_view::npos ? comma : comma - start);
    if (!IsModeOrContextWord(item)) return false;
    out->emplace_back(item);
    if (comma == std::string_view::npos) return true;
    start = comma + 1;
  }
}

std::string LineError(std::string_view origin, int line, std::string_view msg) {
  return std::string(origin) + ":" + std::to_string(line) + ": " + std::string(msg);
}

}  // namespace

bool IsPloverEventType(std::string_view type) {
  for (std::string_view t : kPloverTypes) {
    if (t == type) return true;
  }
  return false;
}

bool PloverTable::Add(PloverMapping m) {
  if (slot_.empty()) slot_.assign(kCameoCodeKeys, 0);
  int key = CameoCodeKey(m.code);
  if (slot_[key] != 0) return false;
  mappings_.push_back(std::move(m));
  slot_[key] = static_cast<uint16_t>(mappings_.size());
  return true;
}

const PloverMapping* PloverTable::Find(std::string_view code) const {
  int key = CameoCodeKey(code);
  if (key < 0 || slot_.empty() || slot_[key] == 0) return nullptr;
  return &mappings_[slot_[key] - 1];
}

const PloverMapping* PloverTable::Resolve(std::string_view code, bool* exact) const {
  if (exact != nullptr) *exact = false;
  std::string_view prefix = code.substr(0, 4);
  if (const PloverMapping* hit = Find(prefix); hit != nullptr) {
    if (exact != nullptr) *exact = (prefix.size() == code.size());
    return hit;
  }
  while (prefix.size() > 2) {
    prefix.remove_suffix(1);
    if (const PloverMapping* hit = Find(prefix); hit != nullptr) return hit;
  }
  return nullptr;
}

const PloverTable& PloverTable::Embedded() {
  static const PloverTable* const kTable = [] {
    auto* table = new PloverTable();
    for (size_t i = 0; i < internal::kPloverRowCount; ++i) {
      const internal::PloverRow& r = internal::kPloverRows[i];
      PloverMapping m;
      m.code = r.code;
      m.plover.type = r.type;
      m.plover.mode = r.mode;
      // The generator validated every row, so neither call can fail.
      SplitContext(r.context, &m.plover.context);
      table->Add(std::move(m));
    }
    return table;
  }();
  return *kTable;
}

Result<PloverTable> PloverTable::Load(const std::string& data_dir) {
  std::string path = data_dir + "/cameo/cameo_to_plover.tsv";
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) return s;
  return Parse(text, path);
}

Result<PloverTable> PloverTable::Parse(std::string_view tsv, std::string_view origin) {
  std::vector<std::pair<int, std::vector<std::string_view>>> rows;
  Status s = internal::ReadTsvRows(tsv, origin, {"code", "type", "mode", "context"}, &rows);
  if (!s.ok()) return s;
  PloverTable table;
  for (auto& [line, f] : rows) {
    PloverMapping m;
    m.code = std::string(f[0]);
    if (!IsWellFormedCameoCode(m.code)) {
      return Status::Corruption(LineError(origin, line, "bad CAMEO code '" + m.code + "'"));
    }
    if (!f[1].empty() && !IsPloverEventType(f[1])) {
      return Status::Corruption(
          LineError(origin, line, "unknown PLOVER event type '" + std::string(f[1]) + "'"));
    }
    if (f[1].empty() && (!f[2].empty() || !f[3].empty())) {
      return Status::Corruption(LineError(origin, line, "mode or context without a type"));
    }
    if (!f[2].empty() && !IsModeOrContextWord(f[2])) {
      return Status::Corruption(LineError(origin, line, "bad mode '" + std::string(f[2]) + "'"));
    }
    m.plover.type = std::string(f[1]);
    m.plover.mode = std::string(f[2]);
    if (!SplitContext(f[3], &m.plover.context)) {
      return Status::Corruption(
          LineError(origin, line, "bad context list '" + std::string(f[3]) + "'"));
    }
    std::string code = m.code;
    if (!table.Add(std::move(m))) {
      return Status::Corruption(LineError(origin, line, "duplicate code " + code));
    }
  }
  if (table.size() == 0) return Status::Corruption(std::string(origin) + ": no codes");
  return table;
}

}  // namespace annal
