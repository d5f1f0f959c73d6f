// Fuzzes the JSON Lines reader: any bytes are one .jsonl input, read from memory.
// Checks the reader's promises: every delivered document has non-empty valid UTF-8 text and a
// valid or empty date, and every problem points inside the input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/document_reader.h"
#include "text/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  annal::io::ReadOptions options;
  options.max_document_bytes = 2048;  // small, so the limits are exercised too
  size_t delivered = 0;
  size_t count = annal::io::ReadJsonLines(
      input, "fuzz.jsonl", options,
      [&](annal::Document&& doc) {
        ++delivered;
        if (doc.text.empty() || doc.text.size() > options.max_document_bytes) __builtin_trap();
        if (!annal::text::IsValidUtf8(doc.text)) __builtin_trap();
        if (!doc.date.empty() && !annal::io::IsValidDate(doc.date)) __builtin_trap();
        if (doc.id.empty()) __builtin_trap();
      },
      [&](const annal::io::InputProblem& p) {
        if (p.line == 0 || p.file != "fuzz.jsonl" || p.message.empty()) __builtin_trap();
        if (p.has_byte_offset && p.byte_offset > size) __builtin_trap();
      });
  if (count != delivered) __builtin_trap();
  return 0;
}
