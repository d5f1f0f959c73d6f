// CAMEO codes for acts announced rather than done.
//
// CAMEO codes a statement that an actor will do something as the statement, not the act:
// "Syria is willing to withdraw its troops" is 0356 (express intent to de-escalate military
// engagement), not 087 (de-escalate), and "Greece plans to impose restrictions" is 1312
// (threaten with sanctions), not 163. Cooperative acts (CAMEO 04-08) become their "express
// intent" code under 03; hostile ones (14, 16-20) their "threaten" code under 13. PLOVER
// follows: the first are AGREE, the second THREATEN.
#ifndef ANNAL_CODE_INTENT_CODE_H_
#define ANNAL_CODE_INTENT_CODE_H_

#include <string>
#include <string_view>

namespace annal::code {

// The CAMEO code of announcing the act `act_code` ("087" -> "0356", "163" -> "1312",
// "190" -> "138"), or "" when CAMEO has no intent code for it: statements, appeals, intents
// and threats themselves (01-03, 13), investigations, demands, disapproval and rejection
// (09-12), and military posture (15), which already describes a state of readiness.
std::string IntentCode(std::string_view act_code);

// The CAMEO rejection code (12) of declaring that one will not do the cooperative act or
// intent `code`: "Syria will not accept any more refugees" (0333, intent to provide
// humanitarian aid, negated) is 1223 (reject request for humanitarian aid), "will not lift the
// sanctions" (085) 1244, "will not meet" (04) 125. Intents (03) and acts (04-08) map alike;
// "" for everything else (hostile acts, statements, appeals, rejections themselves): "will not
// attack" rejects nothing.
std::string RefusalCode(std::string_view code);

// Whether `code` is a CAMEO act of violence: 18 (assault), 19 (fight) or 20 (unconventional mass
// violence), with any sub-code.
bool IsViolentCode(std::string_view code);

}  // namespace annal::code

#endif  // ANNAL_CODE_INTENT_CODE_H_
