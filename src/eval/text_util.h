// Small string helpers shared by the gold-suite readers.
#ifndef ANNAL_EVAL_TEXT_UTIL_H_
#define ANNAL_EVAL_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace annal::eval {

// `s` without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT).
std::string_view Trim(std::string_view s);

// Runs of ASCII whitespace become one space; the ends are trimmed.
std::string CollapseWhitespace(std::string_view s);

// Splits on '\n'; a trailing '\r' is dropped from each line. Views point into `s`.
std::vector<std::string_view> SplitLines(std::string_view s);

}  // namespace annal::eval

#endif  // ANNAL_EVAL_TEXT_UTIL_H_
