#include "code/intent_code.h"

#include <array>

namespace annal::code {
namespace {

// Act code prefix -> intent code, per the CAMEO 1.1b3 codebook's "express intent" (03) and
// "threaten" (13) codes. The longest matching prefix wins, so the table lists the specific
// codes after their root's fallback for readability; lookup does not depend on order.
struct IntentRule {
  std::string_view act_prefix;
  std::string_view intent;
};
constexpr std::array<IntentRule, 45> kIntentRules = {{
    // 04 consult -> 036 meet or negotiate; 045 mediate -> 039.
    {"04", "036"},
    {"045", "039"},
    // 05 diplomatic cooperation -> 032.
    {"05", "032"},
    // 06 material cooperation -> 031 and its sub-codes.
    {"06", "031"},
    {"061", "0311"},
    {"062", "0312"},
    {"063", "0313"},
    {"064", "0314"},
    // 07 provide aid -> 033 and its sub-codes (075 asylum has none: 033).
    {"07", "033"},
    {"071", "0331"},
    {"072", "0332"},
    {"073", "0333"},
    {"074", "0334"},
    // 08 yield -> 035; the kinds of yielding have their own intent codes.
    {"08", "035"},
    {"081", "0351"},
    {"082", "0352"},
    {"083", "034"},
    {"0831", "0341"},
    {"0832", "0342"},
    {"0833", "0343"},
    {"0834", "0344"},
    {"084", "0353"},
    {"085", "0354"},
    {"086", "0355"},
    {"087", "0356"},
    // 14 protest -> 133 threaten with political dissent.
    {"14", "133"},
    // 16 reduce relations -> 131 threaten non-force.
    {"16", "131"},
    {"161", "1313"},
    {"162", "1311"},
    {"163", "1312"},
    {"164", "134"},
    {"165", "135"},
    {"166", "136"},
    // 17 coerce -> 137 threaten with repression; 172 administrative sanctions -> 132.
    {"17", "137"},
    {"172", "132"},
    {"1721", "1321"},
    {"1722", "1322"},
    {"1723", "1323"},
    {"1724", "1324"},
    // 18 unconventional violence -> 1383; 19 fight -> 1384 conventional attack, blockade and
    // occupation their own;
    // 20 mass violence -> 138, weapons of mass destruction 1385.
    {"18", "1383"},
    {"19", "1384"},
    {"191", "1381"},
    {"192", "1382"},
    {"20", "138"},
    {"204", "1385"},
}};

}  // namespace

std::string IntentCode(std::string_view act_code) {
  std::string_view best;
  size_t best_len = 0;
  for (const IntentRule& r : kIntentRules) {
    if (r.act_prefix.size() > best_len && act_code.substr(0, r.act_prefix.size()) == r.act_prefix) {
      best = r.intent;
      best_len = r.act_prefix.size();
    }
  }
  return std::string(best);
}

}  // namespace annal::code
