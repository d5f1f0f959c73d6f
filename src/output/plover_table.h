// PloverTable: CAMEO event code -> PLOVER event type, mode and contexts.
//
// The mapping is annal's own, written from the PLOVER 2021 manual's definitions and kept in
// data/cameo/cameo_to_plover.tsv (format at the top of that file and in
// doc/formats/event_record.md); a copy is compiled in (plover_table_generated.cc, made by
// scripts/gen_cameo_table.py). Where it deliberately differs from the CAMEO-to-PLOVER table that
// accompanies the manual, plover_table_test.cc lists the difference and the reason.
#ifndef ANNAL_OUTPUT_PLOVER_TABLE_H_
#define ANNAL_OUTPUT_PLOVER_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annal/event.h"
#include "annal/status.h"

namespace annal {

struct PloverMapping {
  std::string code;  // the CAMEO code
  Plover plover;     // type empty when CAMEO has no PLOVER equivalent (01 statements)
};

class PloverTable {
 public:
  // The table compiled into the library. Never fails; built once, thread-safe.
  static const PloverTable& Embedded();
  // Reads `<data_dir>/cameo/cameo_to_plover.tsv`. NotFound if missing; Corruption naming file
  // and line for a malformed line (field count, bad code, unknown PLOVER type, duplicate).
  static Result<PloverTable> Load(const std::string& data_dir);
  // Parses text in the cameo_to_plover.tsv format; `origin` names it in error messages.
  static Result<PloverTable> Parse(std::string_view tsv, std::string_view origin);

  // The mapping of exactly `code`, or nullptr.
  const PloverMapping* Find(std::string_view code) const;
  // Like CameoCodebook::Resolve: the mapping of `code` or of its longest known prefix (at
  // least the 2-digit root), nullptr if none. Sets *exact (if given) to whether `code` itself
  // was found.
  const PloverMapping* Resolve(std::string_view code, bool* exact = nullptr) const;

  const std::vector<PloverMapping>& mappings() const { return mappings_; }
  size_t size() const { return mappings_.size(); }

 private:
  std::vector<PloverMapping> mappings_;
  std::vector<uint16_t> slot_;  // as in CameoCodebook: position + 1 per CameoCodeKey()

  bool Add(PloverMapping m);  // REQUIRES: well-formed code. False on a duplicate.
};

// True for the sixteen PLOVER event types of the 2021 manual.
bool IsPloverEventType(std::string_view type);

namespace internal {
// One row of the embedded table (plover_table_generated.cc); context is comma-separated.
struct PloverRow {
  const char* code;
  const char* type;
  const char* mode;
  const char* context;
};
extern const PloverRow kPloverRows[];
extern const size_t kPloverRowCount;
}  // namespace internal

}  // namespace annal

#endif  // ANNAL_OUTPUT_PLOVER_TABLE_H_
