// Coder: turns documents into events. The one class most users need.
//
//   annal::CoderOptions options;
//   auto coder = annal::Coder::Open(options);
//   if (!coder.ok()) { ... coder.status().ToString() ... }
//   annal::DocumentResult result;
//   annal::Status s = (*coder)->Code(doc, &result);
//   for (const annal::Event& e : result.events) std::puts(annal::EventToJson(e).c_str());
#ifndef ANNAL_CODER_H_
#define ANNAL_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "annal/document.h"
#include "annal/event.h"
#include "annal/options.h"
#include "annal/status.h"

namespace annal {

struct DocumentResult {
  std::vector<Event> events;
  int sentences = 0;                // sentences the document was split into
  bool skipped = false;             // true when the document was not coded (language, empty)
  std::vector<std::string> notes;   // human-readable remarks (why skipped, sentences cut, ...)
  int split_sentences = 0;          // run-on sentences cut at 400 tokens (also in notes)
};

class Coder {
 public:
  // Builds a coder: loads or compiles dictionaries and tables. Returns a non-OK status naming
  // the file and line when a dictionary cannot be read at all; malformed single lines are
  // skipped and listed in warnings().
  static Result<std::unique_ptr<Coder>> Open(const CoderOptions& options);

  virtual ~Coder();
  // Not copyable: holds large immutable tables shared by every thread.
  Coder(const Coder&) = delete;
  Coder& operator=(const Coder&) = delete;

  // Codes one document into `out` (cleared first). Thread-safe: any number of threads may call
  // Code() on one Coder at once. Returns InvalidArgument for a document that cannot be coded
  // (no text, invalid UTF-8); `out->notes` says why.
  Status Code(const Document& doc, DocumentResult* out) const;

  // Dictionary lines that were skipped while opening, as "file:line: message".
  const std::vector<std::string>& warnings() const;

  struct Impl;

 private:
  explicit Coder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace annal

#endif  // ANNAL_CODER_H_
