// Document: one news article as annal receives it.
#ifndef ANNAL_DOCUMENT_H_
#define ANNAL_DOCUMENT_H_

#include <string>

namespace annal {

struct Document {
  std::string id;    // caller's id; copied into every event as doc_id
  std::string date;  // publication date, YYYY-MM-DD; may be empty (events then carry no date)
  std::string text;  // UTF-8 body; every span in the output is a byte offset into this string
  // Optional metadata, passed through.
  std::string title;
  std::string url;
  std::string source;
  std::string lang;  // ISO 639-1 if the caller knows it; otherwise annal detects it
};

}  // namespace annal

#endif  // ANNAL_DOCUMENT_H_
