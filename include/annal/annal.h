// annal: news text in, coded events out. Start here.
//
// The library turns a Document (id, publication date, text) into Events: who did what to whom,
// when, where, and who says so, coded in CAMEO and PLOVER, each with the byte spans of the
// sentence and words it came from.
//
//   coder.h     Coder::Open(options) then Code(document) -> events   (thread-safe)
//   options.h   CoderOptions: dictionaries, data directory, syntax mode
//   document.h  Document: the input article
//   event.h     Event: the output record, and its JSON / CSV forms
//   status.h    Status / Result<T>: errors without exceptions
#ifndef ANNAL_ANNAL_H_
#define ANNAL_ANNAL_H_

#include "annal/coder.h"
#include "annal/document.h"
#include "annal/event.h"
#include "annal/options.h"
#include "annal/status.h"

namespace annal {
// Library version, "MAJOR.MINOR.PATCH".
const char* Version();
}  // namespace annal

#endif  // ANNAL_ANNAL_H_
