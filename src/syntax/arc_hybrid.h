// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta 2011) with its dynamic
// oracle (Goldberg and Nivre 2013).
//
// Words are 0..n-1 and the artificial root is n, placed at the end of the buffer. Moves:
//   SHIFT  push b0 onto the stack                       (b0 is not the root)
//   LEFT   b0 becomes the head of s0; pop s0            (if b0 is the root: only when s0 is alone)
//   RIGHT  s1 becomes the head of s0; pop s0            (needs two stack items)
// Every sentence takes exactly 2n moves, so parsing is linear in its length, and the root
// restriction makes every terminal state a single-rooted projective tree: whatever the scores,
// some move is always legal until the state is terminal.
#ifndef ANNAL_SYNTAX_ARC_HYBRID_H_
#define ANNAL_SYNTAX_ARC_HYBRID_H_

#include <cstdint>
#include <vector>

namespace annal::syntax {

enum class Move : int { kShift = 0, kLeft = 1, kRight = 2 };
constexpr int kNumMoves = 3;

class ArcHybridState {
 public:
  // Starts a sentence of n words. Reuses memory of earlier sentences.
  void Init(int n);

  bool Terminal() const { return stack_.empty() && buffer_ == n_; }
  bool Legal(Move m) const;
  // Applies a legal move; for LEFT and RIGHT the new arc gets `label`.
  // REQUIRES: Legal(m).
  void Apply(Move m, int label);
  // The arc a move would add, as (head, dependent); (-1, -1) for SHIFT.
  void ArcOf(Move m, int* head, int* dependent) const;

  int n() const { return n_; }
  int root() const { return n_; }
  // Stack item i from the top (0 = s0), or -1.
  int Stack(int i) const {
    int k = static_cast<int>(stack_.size()) - 1 - i;
    return k >= 0 ? stack_[k] : -1;
  }
  int stack_size() const { return static_cast<int>(stack_.size()); }
  // Buffer item i (0 = b0; the root counts as the last buffer item), or -1.
  int Buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : -1; }

  // Tree so far. head(i) is -1 until i is attached; the root is n().
  int head(int i) const { return heads_[i]; }
  int label(int i) const { return labels_[i]; }
  // Leftmost (k=0) and second leftmost (k=1) left dependents of i, or -1; same for right.
  int LeftChild(int i, int k) const { return nodes_[i].left[k]; }
  int RightChild(int i, int k) const { return nodes_[i].right[k]; }
  int NumLeft(int i) const { return nodes_[i].num_left; }
  int NumRight(int i) const { return nodes_[i].num_right; }
  // Bit sets of the labels (mod 64) of i's left and right dependents.
  uint64_t LeftLabels(int i) const { return nodes_[i].left_labels; }
  uint64_t RightLabels(int i) const { return nodes_[i].right_labels; }

  // Dynamic oracle: the number of gold arcs that become unreachable if `m` is applied.
  // gold_heads[i] is the gold head of word i (the root is n()); gold_children[h] lists the
  // gold dependents of h. Works for non-projective gold trees (arcs already lost don't count).
  // REQUIRES: Legal(m).
  int Cost(Move m, const std::vector<int>& gold_heads,
           const std::vector<std::vector<int>>& gold_children) const;

 private:
  struct Node {
    int left[2];
    int right[2];
    int num_left;
    int num_right;
    uint64_t left_labels;
    uint64_t right_labels;
  };
  void AddArc(int head, int dependent, int label);

  int n_ = 0;
  int buffer_ = 0;
  std::vector<int> stack_;
  std::vector<char> in_stack_;
  std::vector<int> heads_;
  std::vector<int> labels_;
  std::vector<Node> nodes_;
};

}  // namespace annal::syntax

#endif  // ANNAL_SYNTAX_ARC_HYBRID_H_
