#include "code/tree_roles.h"

namespace annal::code {

bool IsNominalRelation(std::string_view rel) {
  std::string_view base = rel.substr(0, rel.find(':'));
  return base == "nsubj" || base == "obj" || base == "iobj" || base == "obl" || base == "nmod";
}

bool TreeView::HasDependent(uint32_t t, std::string_view rel) const {
  for (uint32_t c : children_[t]) {
    if (Rel(c) == rel) return true;
  }
  return false;
}

bool TreeView::HasSubject(uint32_t t) const {
  return HasDependent(t, "nsubj") || HasDependent(t, "nsubj:pass");
}

bool TreeView::HasObjectAfter(uint32_t verb) const {
  for (uint32_t c : children_[verb]) {
    if (c > verb && Rel(c) == "obj") return true;
  }
  return false;
}

std::vector<uint32_t> TreeView::NominalDependentsBefore(uint32_t verb) const {
  std::vector<uint32_t> out;
  for (uint32_t c : children_[verb]) {
    if (c >= verb) break;  // children are in sentence order
    if (IsNominalRelation(Rel(c))) out.push_back(c);
  }
  return out;
}

uint32_t TreeView::ObjectSharingConjunct(uint32_t verb) const {
  uint32_t conj = kNoToken;
  for (uint32_t c : children_[verb]) {
    if (c < verb) continue;
    std::string_view r = Rel(c);
    if (r == "conj") {
      if (conj == kNoToken)
        conj = c;  // a later one ("..., risking years in prison") is another act
    } else if (r != "punct" && r != "advmod" && r != "cc") {
      return kNoToken;  // something of its own after the verb
    }
  }
  if (conj == kNoToken || HasSubject(conj) || HasPassiveAuxiliary(conj)) return kNoToken;
  return conj;
}

uint32_t TreeView::ObjectAfter(uint32_t t) const {
  for (uint32_t c : children_[t]) {
    if (c > t && (Rel(c) == "obj" || Rel(c) == "iobj")) return c;
  }
  return kNoToken;
}

}  // namespace annal::code
