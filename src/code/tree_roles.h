// Questions the coder asks of one sentence's dependency tree (parser mode), kept apart from the
// role logic so that each can be tested on a hand-built tree.
//
// The tree is the parser's output mapped to sentence positions (SentenceAnalysis::EnsureParsed):
// tokens are 0-based, `heads[t]` is 0 for a root or a token outside the parsed span, else the
// 1-based position of t's head, and `children[t]` lists t's dependents in sentence order.
#ifndef ANNAL_CODE_TREE_ROLES_H_
#define ANNAL_CODE_TREE_ROLES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "syntax/parser.h"

namespace annal::code {

// A read-only view of one tree. REQUIRES: `tree` and `children` outlive the view and describe
// the same tokens (children[t] holds exactly the tokens whose head is t). Not copyable: it only
// borrows the sentence's buffers, which change from sentence to sentence.
// Whether `rel` attaches a nominal argument or modifier: nsubj, nsubj:pass, obj, iobj, obl
// (with subtypes such as obl:tmod), nmod.
bool IsNominalRelation(std::string_view rel);

class TreeView {
 public:
  static constexpr uint32_t kNoToken = UINT32_MAX;

  TreeView(const syntax::ParsedTree& tree, const std::vector<std::vector<uint32_t>>& children)
      : tree_(tree), children_(children) {}
  TreeView(const TreeView&) = delete;
  TreeView& operator=(const TreeView&) = delete;

  std::string_view Rel(uint32_t t) const { return tree_.deprels[t]; }
  // The head of t, or kNoToken for a root or an unparsed token.
  uint32_t Head(uint32_t t) const {
    int h = tree_.heads[t];
    return h <= 0 ? kNoToken : static_cast<uint32_t>(h - 1);
  }
  const std::vector<uint32_t>& Children(uint32_t t) const { return children_[t]; }

  // Whether t has a dependent with relation `rel`.
  bool HasDependent(uint32_t t, std::string_view rel) const;
  // Whether t has a subject of its own (nsubj or nsubj:pass).
  bool HasSubject(uint32_t t) const;
  // Whether the verb is passive by the tree's own evidence: a passive auxiliary ("was
  // killed"). EWT's parser also labels subjects nsubj:pass without one ("Eriador's death and
  // injury toll has risen": "death"), where the clause is active.
  bool HasPassiveAuxiliary(uint32_t verb) const { return HasDependent(verb, "aux:pass"); }
  // Whether the verb has a direct object after it ("blocked streets in Hong Kong"): a
  // locative phrase beside it then says where the act happened, not whom it was aimed at.
  bool HasObjectAfter(uint32_t verb) const;
  // The verb's nominal dependents (subjects, objects, obliques, nominal modifiers) before it, in
  // sentence order. A verb coordinated with an earlier one ("X condemned ... and promised")
  // usually has none, only "and", auxiliaries and adverbs; see RolesFromTree for one that has.
  std::vector<uint32_t> NominalDependentsBefore(uint32_t verb) const;
  // "donated and personally delivered $50,000 worth of goods to ...": the verb coordinated
  // after `verb` whose object is both verbs' object, or kNoToken. That takes a verb with
  // nothing after it but the conjunct (and punctuation, adverbs) - no object, oblique or clause
  // of its own ("beat The Office ... and took the people's choice award", "was released by
  // Microsoft and has been downloaded by six million people") - and an active conjunct with no
  // subject of its own.
  uint32_t ObjectSharingConjunct(uint32_t verb) const;
  // The first direct or indirect object of t after it, or kNoToken.
  uint32_t ObjectAfter(uint32_t t) const;

 private:
  const syntax::ParsedTree& tree_;
  const std::vector<std::vector<uint32_t>>& children_;
};

}  // namespace annal::code

#endif  // ANNAL_CODE_TREE_ROLES_H_
