// libFuzzer target: a correction file (*.corrections.txt, src/lexicon/correction_reader.cc) on
// arbitrary bytes, applied to a few actor and agent entries (one with only dated codes, so the
// undated add form can apply). It must never crash, add or remove an entry, remove or change a
// name or remove a code; a name may only be appended ("ACTOR NAME + OTHER_NAME"), never one that
// named any entry before, so no two entries ever share a name the correction gave; every code
// stays non-empty valid UTF-8 with a date range that does not end before it starts, and no entry
// gains a second undated default code (doc/formats/corrections.md).
// Seeds: fuzz/seeds/correction/.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "dictionary_fuzz_common.h"
#include "lexicon/dictionary_text.h"

namespace {

size_t Defaults(const annal::lexicon::ActorEntry& a) {
  size_t n = 0;
  for (const annal::lexicon::DatedCode& c : a.codes) {
    n += c.from_day == annal::lexicon::kDayMin && c.to_day == annal::lexicon::kDayMax;
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace annal::lexicon;
  static constexpr std::string_view kActors =
      "UNITA_ [ANGREB]\n+NATIONAL_UNION_FOR_THE_TOTAL_INDEPENDENCE_OF_ANGOLA_\n"
      "KENYA_ [KEN]\n+NAIROBI_\n[KENGOV 020101-021231]\n"
      "JOE_BIDEN_\n+BIDEN_\n[USAGOV >090120]\n[USAELI 730103-090115]\n";
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
  std::set<std::string> old_names;
  for (const ActorEntry& a : before.actors) {
    for (const Phrase& p : a.names) old_names.insert(internal::PhraseText(p));
  }
  std::set<std::string> added_names;
  for (size_t i = 0; i < set.actors.size(); ++i) {
    const ActorEntry& now = set.actors[i];
    const ActorEntry& was = before.actors[i];
    fuzz::Check(now.names.size() >= was.names.size() &&
                std::equal(was.names.begin(), was.names.end(), now.names.begin()));
    for (size_t n = was.names.size(); n < now.names.size(); ++n) {
      const std::string text = internal::PhraseText(now.names[n]);
      fuzz::Check(!now.names[n].empty() && !old_names.count(text) &&
                  added_names.insert(text).second);
    }
    // Replacements keep a code's place; additions go after the codes read from the file.
    fuzz::Check(now.codes.size() >= was.codes.size());
    for (const DatedCode& c : now.codes) {
      fuzz::Check(!c.code.empty() && fuzz::ValidUtf8(c.code) && c.from_day <= c.to_day);
    }
    // An undated code is added only to an entry without one, and a replacement never drops a
    // code's dates.
    fuzz::Check(Defaults(now) <= std::max<size_t>(Defaults(was), 1));
    for (size_t c = 0; c < was.codes.size(); ++c) {
      const bool was_default = was.codes[c].from_day == kDayMin && was.codes[c].to_day == kDayMax;
      const bool is_default = now.codes[c].from_day == kDayMin && now.codes[c].to_day == kDayMax;
      fuzz::Check(was_default || !is_default);
    }
  }
  for (size_t i = 0; i < set.agents.size(); ++i) {
    fuzz::Check(set.agents[i].names == before.agents[i].names);
    fuzz::Check(!set.agents[i].code.empty() && fuzz::ValidUtf8(set.agents[i].code));
  }
  for (const Diagnostic& d : set.diagnostics) fuzz::Check(d.line >= 1 && fuzz::ValidUtf8(d.message));
  return 0;
}
