#include "code/default_dictionaries.h"

#include <cstdlib>
#include <filesystem>

namespace annal::code {

DictionaryFiles DefaultDictionaryFiles(const std::string& data_dir) {
  const std::string d = data_dir + "/dictionaries/";
  DictionaryFiles f;
  // PETRARCH-1's verb patterns are in TABARI's token-sequence syntax, the natural fit for a
  // shallow coder; PETRARCH-2's CAMEO.2.0.txt adds its synonym sets and newer patterns.
  f.verbs = {d + "CAMEO.verbpatterns.150430.txt", d + "annal.verbs.txt"};
  f.actors = {d + "Phoenix.Countries.actors.txt", d + "Phoenix.International.actors.txt",
              d + "Phoenix.MilNonState.actors.txt"};
  // The actor knowledge base (data/actors/, doc/formats/actor_kb.md) after Phoenix, which
  // wins on names both have.
  const std::string kb = data_dir + "/actors/";
  for (const char* name : {"reign_leaders.tsv", "ucdp_groups.tsv", "country_names.tsv",
                           "country_demonyms.tsv"}) {
    f.actors.push_back(kb + name);
  }
  f.agents = {d + "Phoenix.agents.txt", d + "annal.agents.txt"};
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
