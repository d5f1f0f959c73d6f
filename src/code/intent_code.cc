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

// Cooperative act or intent prefix -> the rejection code of declining it (CAMEO 1.1b3, 12:
// 121 material cooperation, 122 aid, 123 political reform, 124 yielding, 125 meeting, 126
// mediation, 127 settlement). Longest prefix wins.
constexpr std::array<IntentRule, 50> kRefusalRules = {{
    // Intents (03).
    {"03", "120"},
    {"031", "121"},
    {"0311", "1211"},
    {"0312", "1212"},
    {"0313", "1213"},
    {"0314", "1214"},
    {"033", "122"},
    {"0331", "1221"},
    {"0332", "1222"},
    {"0333", "1223"},
    {"0334", "1224"},
    {"034", "123"},
    {"0341", "1231"},
    {"0342", "1232"},
    {"0343", "1233"},
    {"0344", "1234"},
    {"035", "124"},
    {"0351", "1241"},
    {"0352", "1242"},
    {"0353", "1243"},
    {"0354", "1244"},
    {"0355", "1245"},
    {"0356", "1246"},
    {"036", "125"},
    {"037", "127"},
    {"038", "126"},
    // Acts (04-08).
    {"04", "125"},
    {"05", "120"},
    {"06", "121"},
    {"061", "1211"},
    {"062", "1212"},
    {"063", "1213"},
    {"064", "1214"},
    {"07", "122"},
    {"071", "1221"},
    {"072", "1222"},
    {"073", "1223"},
    {"074", "1224"},
    {"08", "124"},
    {"081", "1241"},
    {"082", "1242"},
    {"083", "123"},
    {"0831", "1231"},
    {"0832", "1232"},
    {"0833", "1233"},
    {"0834", "1234"},
    {"084", "1243"},
    {"085", "1244"},
    {"086", "1245"},
    {"087", "1246"},
}};

template <size_t N>
std::string LongestPrefixRule(const std::array<IntentRule, N>& rules, std::string_view code) {
  std::string_view best;
  size_t best_len = 0;
  for (const IntentRule& r : rules) {
    if (r.act_prefix.size() > best_len && code.substr(0, r.act_prefix.size()) == r.act_prefix) {
      best = r.intent;
      best_len = r.act_prefix.size();
    }
  }
  return std::string(best);
}

}  // namespace

std::string RefusalCode(std::string_view code) {
  if (code.size() < 3 || code.find('-') != std::string_view::npos) return "";
  return LongestPrefixRule(kRefusalRules, code);
}

std::string IntentCode(std::string_view act_code) {
  return LongestPrefixRule(kIntentRules, act_code);
}

bool IsViolentCode(std::string_view code) {
  return code.starts_with("18") || code.starts_with("19") || code.starts_with("20");
}

}  // namespace annal::code
