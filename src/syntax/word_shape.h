// Small per-word string helpers used to build features (ASCII-only case folding: non-ASCII
// bytes pass through unchanged, which is enough for English treebank features).
#ifndef ANNAL_SYNTAX_WORD_SHAPE_H_
#define ANNAL_SYNTAX_WORD_SHAPE_H_

#include <string>
#include <string_view>

namespace annal::syntax {

inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "Obama" -> "Xx", "U.S." -> "X.X.", "1,200" -> "d,d", "e-mail" -> "x-x": each byte mapped to
// a class letter, runs of the same class collapsed.
inline std::string WordShape(std::string_view s) {
  std::string out;
  char last = 0;
  for (unsigned char c : s) {
    char k;
    if (c >= 'A' && c <= 'Z') {
      k = 'X';
    } else if (c >= 'a' && c <= 'z') {
      k = 'x';
    } else if (c >= '0' && c <= '9') {
      k = 'd';
    } else if (c >= 0x80) {
      k = 'u';
    } else {
      k = static_cast<char>(c);
    }
    if (k != last) out.push_back(k);
    last = k;
  }
  return out;
}

// The last n bytes (or the whole string if shorter).
inline std::string_view Suffix(std::string_view s, size_t n) {
  return s.size() <= n ? s : s.substr(s.size() - n);
}

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_WORD_SHAPE_H_
