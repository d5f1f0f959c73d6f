// Stable event ids.
#ifndef ANNAL_OUTPUT_EVENT_ID_H_
#define ANNAL_OUTPUT_EVENT_ID_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annal {

// Returns the event id: XXH3 64-bit (seed 0) of the canonical key below, as 16 lowercase hex
// digits. The same document coded twice gives the same ids; any change to which event it is
// (sentence, actors, code, trigger position) gives a different one. The trigger offset keeps
// two same-coded events in one sentence apart ("A hit B, then hit B again").
//
// Canonical key (doc/formats/event_record.md): each string as `<byte length>:<bytes>`, each
// integer in decimal, joined by '|':
//   <len>:<doc_id>|<sentence>|<len>:<source_code>|<len>:<target_code>|<len>:<cameo>|<trigger_begin>
// Length prefixes make the key unambiguous whatever bytes doc_id holds. Thread-safe.
std::string MakeEventId(std::string_view doc_id, int sentence, std::string_view source_code,
                        std::string_view target_code, std::string_view cameo,
                        uint32_t trigger_begin);

}  // namespace annal

#endif  // ANNAL_OUTPUT_EVENT_ID_H_
