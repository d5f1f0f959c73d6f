// A lemmatiser learned from a treebank: (word, UPOS) -> lemma.
//
// Every training pair becomes an edit script: "keep the case or lower-case the word, strip n
// bytes from its end, append s" ("running" VERB -> lower, strip 4, append "" -> "run").
// Known (word, UPOS) pairs use their most frequent script (the exceptions list); other words use
// the most frequent script of the longest known (suffix, UPOS), so "unfriended" VERB still finds
// the "-ed" rule.
#ifndef ANNAL_SYNTAX_LEMMATIZER_H_
#define ANNAL_SYNTAX_LEMMATIZER_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "syntax/byte_io.h"
#include "syntax/conllu.h"

namespace annal::syntax {

class Lemmatizer {
 public:
  // Learns from the FORM, UPOS and LEMMA columns (words whose lemma is "_" are ignored).
  void Train(const std::vector<ConlluSentence>& train);

  // The lemma of `form` tagged `upos`. Thread-safe.
  std::string Lemmatize(std::string_view form, std::string_view upos) const;

  bool empty() const { return exceptions_.empty() && rules_.empty(); }
  void Serialize(ByteWriter* out) const;
  bool Deserialize(ByteReader* in);

  // Longest suffix (in bytes) a rule may key on.
  static constexpr size_t kMaxSuffix = 6;

 private:
  // Encoded script: one byte mode ('K' keep case, 'L' lower-case), one byte strip count, then
  // the appended bytes.
  static std::string Script(std::string_view form, std::string_view lemma);
  static bool Apply(std::string_view form, std::string_view script, std::string* lemma);

  // "form\tUPOS" -> script (the form as written).
  std::unordered_map<std::string, std::string> exceptions_;
  // "suffix\tUPOS" -> script; the suffix is lower-cased, 0..kMaxSuffix bytes.
  std::unordered_map<std::string, std::string> rules_;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_LEMMATIZER_H_
