// Fuzzes the whole coding flow: arbitrary bytes as a document's text through Coder::Code
// (text stage, matcher, shallow roles, dates, places, event records). Invalid UTF-8 must be
// refused with a status; valid text must never crash, and every span must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "annal/annal.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static std::unique_ptr<annal::Coder> coder = [] {
    annal::CoderOptions options;
    options.english_only = false;
    auto c = annal::Coder::Open(options);
    if (!c.ok()) __builtin_trap();
    return std::move(c).value();
  }();
  if (size > (1 << 16)) return 0;
  annal::Document doc;
  doc.id = "fuzz";
  doc.date = "2026-02-06";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  annal::DocumentResult result;
  coder->Code(doc, &result);
  for (const annal::Event& e : result.events) {
    auto inside = [&](const annal::Span& s) { return s.begin <= s.end && s.end <= size; };
    if (!inside(e.sentence_span) || !inside(e.trigger.span)) __builtin_trap();
    if (e.source && !inside(e.source->span)) __builtin_trap();
    if (e.target && !inside(e.target->span)) __builtin_trap();
    if (annal::EventToJson(e).empty()) __builtin_trap();
  }
  return 0;
}
