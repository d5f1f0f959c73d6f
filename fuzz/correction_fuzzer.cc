// libFuzzer target: a correction file (*.corrections.txt, src/lexicon/correction_reader.cc) on
// arbitrary bytes, applied to a few actor and agent entries. It must never crash, add or remove
// an entry or a name, and must leave every code non-empty valid UTF-8 with the date ranges it
// had.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "dictionary_fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annal::lexicon;
  static constexpr std::string_view kActors =
      "UNITA_ [ANGREB]\n+NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_\n"
      "KENYA_ [KEN]\n+NAIROBI_\n[KENGOV 020101-021231]\n";
  static constexpr std::string_view kAgents = "DEPUTY [~COP]\nHUMAN_RIGHTS_BODY [NGO~]\n";
  DictionarySet set;
  fuzz::Check(ReadDictionary(kActors, "a.txt", DictionaryKind::kActors, DictionaryFormat::kPetrarch, &set).ok());
  fuzz::Check(ReadDictionary(kAgents, "g.txt", DictionaryKind::kAgents, DictionaryFormat::kPetrarch, &set).ok());
  const DictionarySet before = set;
  std::string_view content(reinterpret_cast<const char*>(data), size);
  fuzz::Check(ReadDictionary(content, "fuzz.corrections.txt", DictionaryKind::kAgents,
                             DictionaryFormat::kAuto, &set)
                  .ok());
  fuzz::Check(set.actors.size() == before.actors.size() && set.agents.size() == before.agents.size());
  for (size_t i = 0; i < set.actors.size(); ++i) {
    fuzz::Check(set.actors[i].names == before.actors[i].names);
    fuzz::Check(set.actors[i].codes.size() == before.actors[i].codes.size());
    for (size_t c = 0; c < set.actors[i].codes.size(); ++c) {
      const DatedCode& now = set.actors[i].codes[c];
      fuzz::Check(!now.code.empty() && fuzz::ValidUtf8(now.code));
      fuzz::Check(now.from_day == before.actors[i].codes[c].from_day &&
                  now.to_day == before.actors[i].codes[c].to_day);
    }
  }
  for (size_t i = 0; i < set.agents.size(); ++i) {
    fuzz::Check(set.agents[i].names == before.agents[i].names);
    fuzz::Check(!set.agents[i].code.empty() && fuzz::ValidUtf8(set.agents[i].code));
  }
  for (const Diagnostic& d : set.diagnostics) fuzz::Check(d.line >= 1 && fuzz::ValidUtf8(d.message));
  return 0;
}
