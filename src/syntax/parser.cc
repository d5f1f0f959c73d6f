#include "syntax/parser.h"

#include <chrono>

namespace annal::syntax {

void Parser::Parse(const std::vector<std::string>& words, std::vector<ParsedToken>* out) const {
  std::vector<std::string_view> views(words.begin(), words.end());
  Parse(views, out);
}

void Parser::Parse(const std::vector<std::string_view>& words,
                   std::vector<ParsedToken>* out) const {
  std::vector<std::string_view> tags;
  Tag(words, &tags);
  ParseTagged(words, tags, out);
}

void Parser::Tag(const std::vector<std::string_view>& words,
                 std::vector<std::string_view>* upos) const {
  upos->assign(words.size(), "_");
  const Tagger* tagger = model_.tagger();
  if (tagger == nullptr || words.empty()) return;
  std::vector<int> ids;
  tagger->Tag(words, &ids);
  for (size_t i = 0; i < ids.size(); ++i) (*upos)[i] = tagger->TagName(ids[i]);
}

bool Parser::MayBeOtherThanVerb(std::string_view word) const {
  const Tagger* tagger = model_.tagger();
  if (tagger == nullptr) return true;
  uint32_t seen = tagger->SeenTags(word);
  if (seen == 0) return true;
  uint32_t verbal = 0;
  for (std::string_view name : {"VERB", "AUX"}) {
    int id = tagger->TagId(name);
    if (id >= 0) verbal |= 1u << id;
  }
  return (seen & ~verbal) != 0;
}

void Parser::ParseTagged(const std::vector<std::string_view>& words,
                         const std::vector<std::string_view>& tags,
                         std::vector<ParsedToken>* out) const {
  out->resize(words.size());
  const Lemmatizer* lemmatizer = model_.lemmatizer();
  for (size_t i = 0; i < words.size(); ++i) {
    ParsedToken& t = (*out)[i];
    t.form.assign(words[i]);
    t.upos.assign(tags[i]);
    t.lemma = lemmatizer ? lemmatizer->Lemmatize(words[i], tags[i]) : t.form;
    t.head = 0;
    t.deprel.assign(1, '_');  // not = "_": works around a GCC 12 -Wrestrict false positive
  }
  const DependencyParser* parser = model_.parser();
  if (parser == nullptr || words.empty()) return;
  std::vector<int> heads, labels;
  parser->Parse(words, tags, &heads, &labels);
  for (size_t i = 0; i < words.size(); ++i) {
    (*out)[i].head = heads[i];
    (*out)[i].deprel = parser->LabelName(labels[i]);
  }
}

void Parser::ParseTree(const std::vector<std::string_view>& words,
                       const std::vector<std::string_view>& tags, ParsedTree* out) const {
  const size_t n = words.size();
  out->heads.assign(n, 0);
  out->deprels.assign(n, "_");
  const DependencyParser* parser = model_.parser();
  if (parser == nullptr || n == 0) return;
  std::vector<int> labels;
  parser->Parse(words, tags, &out->heads, &labels);
  for (size_t i = 0; i < n; ++i) out->deprels[i] = parser->LabelName(labels[i]);
}

ParserScores EvaluateParser(const Parser& parser, const std::vector<ConlluSentence>& gold,
                            bool use_gold_tags) {
  ParserScores scores;
  size_t upos = 0, lemma = 0, uas = 0, las = 0;
  std::vector<std::string_view> words, tags;
  std::vector<ParsedToken> out;
  double seconds = 0;
  for (const ConlluSentence& s : gold) {
    words.clear();
    tags.clear();
    for (const ConlluWord& w : s.words) {
      words.push_back(w.form);
      tags.push_back(w.upos);
    }
    auto start = std::chrono::steady_clock::now();
    if (use_gold_tags) {
      parser.ParseTagged(words, tags, &out);
    } else {
      parser.Parse(words, &out);
    }
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ++scores.sentences;
    for (size_t i = 0; i < out.size(); ++i) {
      const ConlluWord& g = s.words[i];
      ++scores.words;
      upos += out[i].upos == g.upos;
      lemma += out[i].lemma == g.lemma;
      if (out[i].head == g.head) {
        ++uas;
        las += out[i].deprel == g.deprel;
      }
    }
  }
  if (scores.words > 0) {
    double n = static_cast<double>(scores.words);
    scores.upos = upos / n;
    scores.lemma = lemma / n;
    scores.uas = uas / n;
    scores.las = las / n;
  }
  scores.seconds = seconds;
  return scores;
}

}  // namespace annal::syntax
