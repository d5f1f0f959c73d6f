// Filling an event's code-derived fields from its CAMEO code.
#ifndef ANNAL_OUTPUT_EVENT_FIELDS_H_
#define ANNAL_OUTPUT_EVENT_FIELDS_H_

#include "annal/event.h"
#include "output/cameo_codebook.h"
#include "output/plover_table.h"

namespace annal {

// Sets e->cameo_name, e->goldstein, e->quad_class (GDELT convention) and e->plover from
// e->cameo. A code that is not itself in the codebook takes the values of its longest known
// prefix (CameoCodebook::Resolve: "1952" gets the name and Goldstein value of "195"); e->cameo is
// left as the dictionary gave it. A code with no known root ("---", "") clears the fields:
// empty name and PLOVER type, quad class 0, Goldstein 0. REQUIRES: e != nullptr.
void FillCodeFields(const CameoCodebook& codebook, const PloverTable& plover, Event* e);

}  // namespace annal

#endif  // ANNAL_OUTPUT_EVENT_FIELDS_H_
