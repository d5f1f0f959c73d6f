#include "code/tree_roles.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>
#include <vector>

namespace annal::code {
namespace {

// A tree written as (1-based head, relation) per token, with its children lists, as
// SentenceAnalysis::EnsureParsed builds them.
struct HandTree {
  syntax::ParsedTree tree;
  std::vector<std::vector<uint32_t>> children;

  explicit HandTree(const std::vector<std::pair<int, std::string_view>>& arcs) {
    for (const auto& [head, rel] : arcs) {
      tree.heads.push_back(head);
      tree.deprels.push_back(rel);
    }
    children.assign(arcs.size(), {});
    for (uint32_t i = 0; i < arcs.size(); ++i) {
      if (arcs[i].first > 0) children[arcs[i].first - 1].push_back(i);
    }
  }
};

TEST(IsNominalRelationTest, BaseRelationDecides) {
  EXPECT_TRUE(IsNominalRelation("nsubj"));
  EXPECT_TRUE(IsNominalRelation("nsubj:pass"));
  EXPECT_TRUE(IsNominalRelation("obl"));
  EXPECT_TRUE(IsNominalRelation("obl:tmod"));
  EXPECT_TRUE(IsNominalRelation("nmod:poss"));
  EXPECT_TRUE(IsNominalRelation("iobj"));
  EXPECT_FALSE(IsNominalRelation("advmod"));
  EXPECT_FALSE(IsNominalRelation("aux:pass"));
  EXPECT_FALSE(IsNominalRelation("cc"));
  EXPECT_FALSE(IsNominalRelation("conj"));
  EXPECT_FALSE(IsNominalRelation(""));
}

// "The building was demolished by protesters ." / "Its toll has risen ."
TEST(TreeViewTest, PassiveNeedsAPassiveAuxiliary) {
  HandTree passive({{2, "det"},
                    {4, "nsubj:pass"},
                    {4, "aux:pass"},
                    {0, "root"},
                    {6, "case"},
                    {4, "obl:agent"},
                    {4, "punct"}});
  TreeView p(passive.tree, passive.children);
  EXPECT_TRUE(p.HasPassiveAuxiliary(3));
  EXPECT_TRUE(p.HasSubject(3));
  EXPECT_EQ(p.Head(3), TreeView::kNoToken);
  EXPECT_EQ(p.Head(5), 3u);

  // The parser's nsubj:pass on an active perfect: no aux:pass, only aux.
  HandTree active({{2, "nmod:poss"}, {4, "nsubj:pass"}, {4, "aux"}, {0, "root"}, {4, "punct"}});
  TreeView a(active.tree, active.children);
  EXPECT_FALSE(a.HasPassiveAuxiliary(3));
  EXPECT_TRUE(a.HasSubject(3));
}

// "People blocked streets in Taiwan ." vs "People marched in Taiwan ."
TEST(TreeViewTest, ObjectAfterTheVerb) {
  HandTree blocked({{2, "nsubj"}, {0, "root"}, {2, "obj"}, {5, "case"}, {2, "obl"}, {2, "punct"}});
  TreeView b(blocked.tree, blocked.children);
  EXPECT_TRUE(b.HasObjectAfter(1));
  EXPECT_EQ(b.ObjectAfter(1), 2u);

  HandTree marched({{2, "nsubj"}, {0, "root"}, {4, "case"}, {2, "obl"}, {2, "punct"}});
  TreeView m(marched.tree, marched.children);
  EXPECT_FALSE(m.HasObjectAfter(1));
  EXPECT_EQ(m.ObjectAfter(1), TreeView::kNoToken);

  // An "object" before the verb is a misparse and does not count.
  HandTree before({{2, "obj"}, {0, "root"}, {2, "punct"}});
  TreeView o(before.tree, before.children);
  EXPECT_FALSE(o.HasObjectAfter(1));
  EXPECT_EQ(o.ObjectAfter(1), TreeView::kNoToken);
}

// "Engineers donated and personally delivered generators to Nepal ."
//   1 Engineers 2 donated 3 and 4 personally 5 delivered 6 generators 7 to 8 Nepal 9 .
TEST(TreeViewTest, ObjectSharingConjunct) {
  HandTree t({{2, "nsubj"},
              {0, "root"},
              {5, "cc"},
              {5, "advmod"},
              {2, "conj"},
              {5, "obj"},
              {8, "case"},
              {5, "obl"},
              {2, "punct"}});
  TreeView v(t.tree, t.children);
  EXPECT_EQ(v.ObjectSharingConjunct(1), 4u);
  EXPECT_EQ(v.ObjectAfter(4), 5u);
  EXPECT_TRUE(v.NominalDependentsBefore(4).empty());  // "and", "personally" only

  // A second conjunct after it (", risking years in prison") does not stop the first.
  HandTree two({{2, "nsubj"},
                {0, "root"},
                {4, "cc"},
                {2, "conj"},
                {4, "obj"},
                {7, "punct"},
                {2, "conj"},
                {7, "obl"},
                {2, "punct"}});
  TreeView w2(two.tree, two.children);
  EXPECT_EQ(w2.ObjectSharingConjunct(1), 3u);

  // "Engineers donated and Nepal received generators": the conjunct has a subject of its own.
  HandTree own(
      {{2, "nsubj"}, {0, "root"}, {5, "cc"}, {5, "nsubj"}, {2, "conj"}, {5, "obj"}, {2, "punct"}});
  TreeView w(own.tree, own.children);
  EXPECT_EQ(w.ObjectSharingConjunct(1), TreeView::kNoToken);

  // "The show beat rivals and took the award": the first verb has an object of its own.
  HandTree beat({{2, "det"},
                 {3, "nsubj"},
                 {0, "root"},
                 {3, "obj"},
                 {6, "cc"},
                 {3, "conj"},
                 {8, "det"},
                 {6, "obj"},
                 {3, "punct"}});
  TreeView b(beat.tree, beat.children);
  EXPECT_EQ(b.ObjectSharingConjunct(2), TreeView::kNoToken);

  // "It was released and has been downloaded by millions": a passive conjunct.
  HandTree passive({{3, "nsubj:pass"},
                    {3, "aux:pass"},
                    {0, "root"},
                    {7, "cc"},
                    {7, "aux"},
                    {7, "aux:pass"},
                    {3, "conj"},
                    {9, "case"},
                    {7, "obl:agent"}});
  TreeView p(passive.tree, passive.children);
  EXPECT_EQ(p.ObjectSharingConjunct(2), TreeView::kNoToken);

  // No conjunct at all.
  HandTree none({{2, "nsubj"}, {0, "root"}, {2, "punct"}});
  TreeView n(none.tree, none.children);
  EXPECT_EQ(n.ObjectSharingConjunct(1), TreeView::kNoToken);
}

// "Italy announced a suspension , one day after a jet shot down a helicopter ."
//   1 Italy 2 announced 3 a 4 suspension 5 , 6 one 7 day 8 after 9 a 10 jet 11 shot 12 down
//   13 a 14 helicopter 15 .   (the parser's misreading: "jet" an obl of "shot", "shot" a conj)
TEST(TreeViewTest, NominalDependentsBeforeAConjunct) {
  HandTree t({{2, "nsubj"},
              {0, "root"},
              {4, "det"},
              {2, "obj"},
              {7, "punct"},
              {7, "nummod"},
              {2, "obl"},
              {10, "case"},
              {10, "det"},
              {11, "obl"},
              {2, "conj"},
              {11, "compound:prt"},
              {14, "det"},
              {11, "obj"},
              {2, "punct"}});
  TreeView v(t.tree, t.children);
  EXPECT_EQ(v.NominalDependentsBefore(10), std::vector<uint32_t>{9});
  EXPECT_EQ(v.NominalDependentsBefore(1), std::vector<uint32_t>{0});
  EXPECT_TRUE(v.HasDependent(10, "compound:prt"));
  EXPECT_FALSE(v.HasSubject(10));
  EXPECT_EQ(v.Rel(10), "conj");
}

}  // namespace
}  // namespace annal::code
