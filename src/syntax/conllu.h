// Reading and writing CoNLL-U (https://universaldependencies.org/format.html), basic trees only.
//
// Only the word lines (integer IDs) matter to the tagger and parser: multiword-token range lines
// ("3-4") and empty nodes ("8.1", enhanced graphs) are skipped, comments are ignored.
#ifndef ANNAL_SYNTAX_CONLLU_H_
#define ANNAL_SYNTAX_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

#include "annal/status.h"

namespace annal::syntax {

// One word of a CoNLL-U sentence (columns FORM, LEMMA, UPOS, XPOS, HEAD, DEPREL).
struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = 0;  // 0 = root, else 1-based index of the head word in the sentence
  std::string deprel;
};

struct ConlluSentence {
  std::vector<ConlluWord> words;
};

// Parses CoNLL-U text. `name` is used in messages ("name:line: message").
// Returns InvalidArgument for a malformed word line (wrong column count, bad ID or HEAD, IDs out
// of sequence, a HEAD beyond the sentence). A sentence need not be a tree (cycles and several
// roots are accepted here; the trainer checks what it needs).
Status ParseConllu(std::string_view text, std::string_view name, std::vector<ConlluSentence>* out);

// Reads and parses a CoNLL-U file (".zst" files are decompressed).
Status ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out);

// Appends one sentence in CoNLL-U (10 columns, "_" for empty fields, blank line after).
// `comment` lines, if any, are written first prefixed with "# ".
void AppendConllu(const ConlluSentence& sentence, const std::vector<std::string>& comments,
                  std::string* out);

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_CONLLU_H_
