#include "code/default_dictionaries.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

#include "context/actor_kb.h"

namespace annal::code {

DictionaryFiles DefaultDictionaryFiles(const std::string& data_dir) {
  const std::string d = data_dir + "/dictionaries/";
  DictionaryFiles f;
  // PETRARCH-1's verb patterns are in TABARI's token-sequence syntax, the natural fit for a
  // shallow coder; PETRARCH-2's CAMEO.2.0.txt adds its synonym sets and newer patterns.
  // The verb corrections (a correction file by its name, doc/formats/verb_corrections.md) come
  // last: they mend the PETRARCH blocks read before them.
  f.verbs = {d + "CAMEO.verbpatterns.150430.txt", d + "annal.verbs.txt",
             d + "annal.verb.corrections.txt"};
  f.actors = {d + "Phoenix.Countries.actors.txt", d + "Phoenix.International.actors.txt",
              d + "Phoenix.MilNonState.actors.txt", d + "annal.actors.txt"};
  // The actor knowledge base (data/actors/, doc/formats/actor_kb.md) after Phoenix, which
  // wins on names both have: first any .tsv a user dropped into the folder (sorted by name;
  // their rows win over the shipped ones), then the shipped files: the hand-written officials
  // first (current offices, which the generated REIGN rows would otherwise date wrongly).
  const std::string kb = data_dir + "/actors/";
  static constexpr const char* kShipped[] = {"officials.tsv", "reign_leaders.tsv",
                                             "ucdp_groups.tsv", "country_names.tsv",
                                             "country_demonyms.tsv"};
  std::vector<std::string> users;
  std::error_code ec;
  // Non-throwing iteration (increment(ec)): a missing or unreadable folder just adds nothing.
  for (std::filesystem::directory_iterator it(kb, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code type_ec;
    if (!it->is_regular_file(type_ec) || !context::IsActorKbFile(name)) continue;
    if (std::find(std::begin(kShipped), std::end(kShipped), name) != std::end(kShipped)) continue;
    users.push_back(it->path().string());
  }
  std::sort(users.begin(), users.end());
  f.actors.insert(f.actors.end(), users.begin(), users.end());
  for (const char* name : kShipped) f.actors.push_back(kb + name);
  // The corrections to the shipped Phoenix entries (annal.corrections.txt, a correction file
  // by its name) come last in the agent group, the last group that reads actors or agents, so
  // every entry they correct is read before them.
  f.agents = {d + "Phoenix.agents.txt", d + "annal.agents.txt", d + "annal.corrections.txt"};
  f.discards = {d + "Phoenix.discards.txt"};
  f.issues = {d + "Phoenix.IssueCoding.txt"};
  return f;
}

std::string DefaultCompiledDictionaryPath() {
  if (const char* env = std::getenv("ANNAL_DICT"); env != nullptr && *env) return env;
#ifdef ANNAL_DEFAULT_COMPILED_DICT
  std::error_code ec;
  if (std::filesystem::exists(ANNAL_DEFAULT_COMPILED_DICT, ec)) return ANNAL_DEFAULT_COMPILED_DICT;
#endif
  return "";
}

}  // namespace annal::code
