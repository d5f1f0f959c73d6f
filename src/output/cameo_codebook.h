// CameoCodebook: the CAMEO event codes with their names, Goldstein values and quad classes.
//
// The table lives in data/cameo/cameo_codes.tsv (format described at the top of that file and in
// doc/formats/event_record.md). A copy is compiled into the library
// (cameo_codes_generated.cc, made by scripts/gen_cameo_table.py), so Embedded() always works;
// Load() reads the TSV from a data directory so users can fix or extend names without rebuilding.
#ifndef ANNAL_OUTPUT_CAMEO_CODEBOOK_H_
#define ANNAL_OUTPUT_CAMEO_CODEBOOK_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annal/status.h"

namespace annal {

struct CameoCode {
  std::string code;      // "112", "1123", "02"
  std::string name;      // "Accuse"
  double goldstein = 0;  // -10 (most conflictual) .. +10 (most cooperative)
  int quad_class = 0;    // GDELT convention, see QuadClassGdelt()
  std::string codebook;  // "1.1b3", or "0.7b5" for the older codes 1213 and 1214
};

// Quad class of a CAMEO code from its 2-digit root, GDELT convention: 01-05 verbal cooperation
// (1), 06-09 material cooperation (2), 10-14 verbal conflict (3), 15-20 material conflict (4).
// Returns 0 when `code` does not start with a root 01..20.
int QuadClassGdelt(std::string_view code);
// Phoenix convention: 01 neutral (0), 02-05 verbal cooperation (1), 06-08 material cooperation
// (2), 09-13 verbal conflict (3), 14-20 material conflict (4). Returns -1 when `code` does not
// start with a root 01..20 (0 is a real class here).
int QuadClassPhoenix(std::string_view code);

class CameoCodebook {
 public:
  // The table compiled into the library. Never fails; built once, thread-safe.
  static const CameoCodebook& Embedded();
  // Reads `<data_dir>/cameo/cameo_codes.tsv`. Returns NotFound if the file is missing and
  // Corruption naming file and line for a malformed line (wrong field count, bad code,
  // duplicate code, unparsable Goldstein value).
  static Result<CameoCodebook> Load(const std::string& data_dir);
  // Parses TSV text in the cameo_codes.tsv format; `origin` names it in error messages.
  static Result<CameoCodebook> Parse(std::string_view tsv, std::string_view origin);

  // The entry for exactly `code`, or nullptr.
  const CameoCode* Find(std::string_view code) const;
  // The entry for `code` or, when `code` is not itself in the codebook, for its longest prefix
  // of at least two digits that is. Verb dictionaries produce such codes: later CAMEO
  // extensions (176 -> 17, 1952 -> 195) and typos (0110 -> 011, 109 -> 10); their name and
  // Goldstein value are then those of the nearest ancestor. Sets *exact (if given) to whether
  // the code itself was found. Returns nullptr when not even the root is known ("---", "", "21").
  const CameoCode* Resolve(std::string_view code, bool* exact = nullptr) const;

  // All entries in table order.
  const std::vector<CameoCode>& codes() const { return codes_; }
  size_t size() const { return codes_.size(); }

 private:
  std::vector<CameoCode> codes_;
  // Position in codes_ + 1 for each code key (see CameoCodeKey()), 0 when absent: a flat array
  // because codes are at most four digits, so lookup is one index operation.
  std::vector<uint16_t> slot_;

  // Appends an entry. REQUIRES: IsWellFormedCameoCode(c.code). Returns false on a duplicate.
  bool Add(CameoCode c);
};

// True when `code` is 2 to 4 ASCII digits starting with a root 01..20.
bool IsWellFormedCameoCode(std::string_view code);
// A dense key for a well-formed code, distinct for "02", "020" and "0200": [0, kCameoCodeKeys).
// Returns -1 for a code that is not well formed.
int CameoCodeKey(std::string_view code);
inline constexpr int kCameoCodeKeys = 100 + 1000 + 10000;

namespace internal {
// One row of the embedded table (cameo_codes_generated.cc).
struct CameoCodeRow {
  const char* code;
  const char* name;
  double goldstein;
  int quad_class;
  const char* codebook;
};
extern const CameoCodeRow kCameoCodeRows[];
extern const size_t kCameoCodeRowCount;

// Splits TSV text into data rows (comment lines starting with '#' and blank lines skipped,
// first remaining line checked against `header`). Shared with the PLOVER table reader.
// On success `rows` holds (line number, fields).
Status ReadTsvRows(std::string_view text, std::string_view origin,
                   const std::vector<std::string_view>& header,
                   std::vector<std::pair<int, std::vector<std::string_view>>>* rows);
}  // namespace internal

}  // namespace annal

#endif  // ANNAL_OUTPUT_CAMEO_CODEBOOK_H_
