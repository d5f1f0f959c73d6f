#include "syntax/arc_hybrid.h"

namespace annal::syntax {

void ArcHybridState::Init(int n) {
  n_ = n;
  buffer_ = 0;
  stack_.clear();
  in_stack_.assign(n + 1, 0);
  heads_.assign(n + 1, -1);
  labels_.assign(n + 1, -1);
  nodes_.assign(n + 1, Node{{-1, -1}, {-1, -1}, 0, 0, 0, 0});
}

bool ArcHybridState::Legal(Move m) const {
  switch (m) {
    case Move::kShift:
      return buffer_ < n_;
    case Move::kLeft:
      return !stack_.empty() && (buffer_ < n_ || stack_.size() == 1);
    case Move::kRight:
      return stack_.size() >= 2;
  }
  return false;
}

void ArcHybridState::ArcOf(Move m, int* head, int* dependent) const {
  *head = *dependent = -1;
  if (m == Move::kLeft) {
    *head = buffer_;
    *dependent = stack_.back();
  } else if (m == Move::kRight) {
    *head = stack_[stack_.size() - 2];
    *dependent = stack_.back();
  }
}

void ArcHybridState::AddArc(int head, int dependent, int label) {
  heads_[dependent] = head;
  labels_[dependent] = label;
  Node& h = nodes_[head];
  uint64_t bit = uint64_t{1} << (static_cast<unsigned>(label) & 63);
  if (dependent < head) {
    ++h.num_left;
    h.left_labels |= bit;
    if (h.left[0] == -1 || dependent < h.left[0]) {
      h.left[1] = h.left[0];
      h.left[0] = dependent;
    } else if (h.left[1] == -1 || dependent < h.left[1]) {
      h.left[1] = dependent;
    }
  } else {
    ++h.num_right;
    h.right_labels |= bit;
    if (h.right[0] == -1 || dependent > h.right[0]) {
      h.right[1] = h.right[0];
      h.right[0] = dependent;
    } else if (h.right[1] == -1 || dependent > h.right[1]) {
      h.right[1] = dependent;
    }
  }
}

void ArcHybridState::Apply(Move m, int label) {
  switch (m) {
    case Move::kShift:
      stack_.push_back(buffer_);
      in_stack_[buffer_] = 1;
      ++buffer_;
      break;
    case Move::kLeft: {
      int d = stack_.back();
      stack_.pop_back();
      in_stack_[d] = 0;
      AddArc(buffer_, d, label);
      break;
    }
    case Move::kRight: {
      int d = stack_.back();
      stack_.pop_back();
      in_stack_[d] = 0;
      AddArc(stack_.back(), d, label);
      break;
    }
  }
}

int ArcHybridState::Cost(Move m, const std::vector<int>& gold_heads,
                         const std::vector<std::vector<int>>& gold_children) const {
  int cost = 0;
  switch (m) {
    case Move::kShift: {
      // b0 goes onto the stack: it can no longer take a head from the stack below s0 (s0 can
      // still become its head by RIGHT), nor take any stack item as a dependent.
      int b = buffer_;
      int h = gold_heads[b];
      int s0 = Stack(0);
      if (h == n_) {
        // The root word must end up alone on the stack; shifting it onto other words buries
        // them, so its root arc is lost.
        if (!stack_.empty()) ++cost;
      } else if (h != s0 && in_stack_[h]) {
        ++cost;
      }
      for (int d : gold_children[b]) cost += in_stack_[d];
      break;
    }
    case Move::kLeft:
    case Move::kRight: {
      int s0 = Stack(0);
      int s1 = Stack(1);
      int h = gold_heads[s0];
      // s0 is popped: its head must be the one this move gives it, and its remaining
      // dependents in the buffer are lost.
      if (h == n_) {
        // A root arc is reachable only while s0 is the bottom of the stack (LEFT onto the root
        // needs s0 alone): count it only then, and only if this move does not make it.
        if (stack_.size() == 1 && buffer_ != n_) ++cost;
      } else if (m == Move::kLeft) {
        if (h != buffer_ && (h == s1 || h > buffer_)) ++cost;
      } else {
        if (h != s1 && h >= buffer_) ++cost;
      }
      for (int d : gold_children[s0]) cost += d >= buffer_;
      break;
    }
  }
  return cost;
}

}  // namespace annal::syntax
