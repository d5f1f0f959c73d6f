// Parser: tag, lemmatise and parse tokenised sentences with a trained Model. Start here.
//
//   auto model = annal::syntax::Model::Load("data/models/en_ewt.annalsyn");
//   annal::syntax::Parser parser(**model);
//   std::vector<annal::syntax::ParsedToken> out;
//   parser.Parse({"Russia", "accused", "Ukraine", "."}, &out);
//   // out[1]: upos VERB, lemma "accuse", head 0, deprel "root"; out[0]: head 2, "nsubj".
//
// Input words are what the text stage produces (UD/PTB-like tokens: "'s" and "n't" split off,
// punctuation separate), in their original case: the models were trained on cased forms.
#ifndef ANNAL_SYNTAX_PARSER_H_
#define ANNAL_SYNTAX_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/model.h"

namespace annal::syntax {

struct ParsedToken {
  std::string form;
  std::string upos;    // "_" when the model has no tagger
  std::string lemma;   // the form itself when the model has no lemmatiser
  int head = 0;        // 0 = root, else 1-based index of the head token; 0 without a parser
  std::string deprel;  // UD relation with subtype ("nsubj:pass"); "_" without a parser
};

// A dependency tree without lemmas or owned strings: what callers that only walk the tree need.
struct ParsedTree {
  std::vector<int> heads;                 // 0 = root, else the 1-based index of the head
  std::vector<std::string_view> deprels;  // UD relations, views into the model
};

class Parser {
 public:
  // REQUIRES: `model` outlives the Parser. Cheap to construct; one Parser per thread or one
  // shared Parser (Parse is const and thread-safe) both work.
  explicit Parser(const Model& model) : model_(model) {}

  // Tags, lemmatises and parses one sentence. Any length works (linear time); an empty input
  // gives an empty output.
  void Parse(const std::vector<std::string>& words, std::vector<ParsedToken>* out) const;
  void Parse(const std::vector<std::string_view>& words, std::vector<ParsedToken>* out) const;
  // Tags only (no lemmas, no tree): upos->at(i) is the UPOS of words[i], a view into the
  // model that lives as long as it; all "_" when the model has no tagger.
  void Tag(const std::vector<std::string_view>& words, std::vector<std::string_view>* upos) const;
  // False when `word` was only ever tagged VERB or AUX in training (then tagging it in context
  // can hardly say otherwise); true for words also seen with other tags, rare and unseen words,
  // and when the model has no tagger.
  bool MayBeOtherThanVerb(std::string_view word) const;
  // The model's tagger, or null when it has none (for callers that tag on demand:
  // Tagger::Incremental).
  const Tagger* tagger() const { return model_.tagger(); }
  // The same with tags given (gold tags in evaluation): only lemmatises and parses.
  // REQUIRES: tags.size() == words.size().
  void ParseTagged(const std::vector<std::string_view>& words,
                   const std::vector<std::string_view>& tags, std::vector<ParsedToken>* out) const;
  // The same tree as ParseTagged without lemmatising or copying strings (the fast path for
  // coding, which reads heads and relations only). `out` is overwritten and may be reused
  // across calls; its views live as long as the model. Without a parser in the model every
  // head is 0 and every relation "_". REQUIRES: tags.size() == words.size().
  void ParseTree(const std::vector<std::string_view>& words,
                 const std::vector<std::string_view>& tags, ParsedTree* out) const;

 private:
  const Model& model_;
};

// Scores against a gold treebank with gold tokenisation (punctuation included, as in the
// CoNLL 2018 shared task).
struct ParserScores {
  size_t words = 0;
  size_t sentences = 0;
  double upos = 0;     // tag accuracy
  double lemma = 0;    // lemma accuracy (exact string match)
  double uas = 0;      // head accuracy
  double las = 0;      // head and relation (with subtype) accuracy
  double seconds = 0;  // time spent in tagging, lemmatising and parsing
};

// Parses every sentence of `gold` with `parser` (with the gold UPOS if `use_gold_tags`).
ParserScores EvaluateParser(const Parser& parser, const std::vector<ConlluSentence>& gold,
                            bool use_gold_tags);

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_PARSER_H_
