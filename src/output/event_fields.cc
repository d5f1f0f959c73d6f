// FillCodeFields: CAMEO code -> name, Goldstein value, quad class, PLOVER.
#include "output/event_fields.h"

namespace annal {

void FillCodeFields(const CameoCodebook& codebook, const PloverTable& plover, Event* e) {
  const CameoCode* c = codebook.Resolve(e->cameo);
  if (c != nullptr) {
    e->cameo_name = c->name;
    e->goldstein = c->goldstein;
    e->quad_class = c->quad_class;
  } else {
    e->cameo_name.clear();
    e->goldstein = 0;
    e->quad_class = 0;
  }
  const PloverMapping* p = plover.Resolve(e->cameo);
  e->plover = (p != nullptr) ? p->plover : Plover{};
}

}  // namespace annal
