// Stable event ids: XXH3-64 of a length-prefixed canonical key.
#include "output/event_id.h"

#include <xxhash.h>

#include <charconv>

namespace annal {
namespace {

void AppendNumber(int64_t v, std::string* out) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  out->append(buf, end);
}

void AppendField(std::string_view s, std::string* out) {
  AppendNumber(static_cast<int64_t>(s.size()), out);
  out->push_back(':');
  out->append(s);
}

}  // namespace

std::string MakeEventId(std::string_view doc_id, int sentence, std::string_view source_code,
                        std::string_view target_code, std::string_view cameo,
                        uint32_t trigger_begin) {
  std::string key;
  key.reserve(doc_id.size() + source_code.size() + target_code.size() + cameo.size() + 40);
  AppendField(doc_id, &key);
  key.push_back('|');
  AppendNumber(sentence, &key);
  key.push_back('|');
  AppendField(source_code, &key);
  key.push_back('|');
  AppendField(target_code, &key);
  key.push_back('|');
  AppendField(cameo, &key);
  key.push_back('|');
  AppendNumber(trigger_begin, &key);
  XXH64_hash_t h = XXH3_64bits(key.data(), key.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  for (int i = 15; i >= 0; --i) {
    id[i] = kHex[h & 0xF];
    h >>= 4;
  }
  return id;
}

}  // namespace annal
