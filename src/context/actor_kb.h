// The actor knowledge base: a tab-separated file of names, codes and date ranges that users can
// extend (format: doc/formats/actor_kb.md). annal ships one generated from REIGN, UCDP and
// country-name lists in data/actors/; it is read as additional actor entries after the Phoenix
// dictionaries, and Phoenix wins wherever both have the same name.
#ifndef ANNAL_CONTEXT_ACTOR_KB_H_
#define ANNAL_CONTEXT_ACTOR_KB_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/dictionary.h"

namespace annal::context {

// One row of a knowledge-base file.
struct ActorKbRow {
  std::string name;                  // as written ("Hamid Karzai")
  std::vector<std::string> aliases;  // the '|'-separated `aliases` column
  std::string code;                  // CAMEO actor code ("AFGGOV")
  std::string country;               // CAMEO/ISO country code, informational ("AFG"), may be empty
  int32_t from_day = lexicon::kDayMin;  // inclusive; kDayMin when `start` is empty
  int32_t to_day = lexicon::kDayMax;    // inclusive; kDayMax when `end` is empty
  std::string source;                   // provenance ("reign:A2.9-7771"), may be empty
  uint32_t line = 0;                    // 1-based line in the file
};

struct ActorKb {
  std::vector<ActorKbRow> rows;
  // Malformed lines, skipped ("file:line: message"); the other rows are still read.
  std::vector<lexicon::Diagnostic> diagnostics;
};

// True when `filename` names a knowledge-base file (extension .tsv, optionally .tsv.zst), the
// way the dictionary readers tell this format from PETRARCH/TABARI actor files.
bool IsActorKbFile(std::string_view filename);

// Parses a whole knowledge-base file into `out` (appending). Never fails as a whole: bad lines
// become diagnostics naming `filename` and the line. A file without the header line yields one
// diagnostic and no rows.
void ParseActorKb(std::string_view content, std::string_view filename, ActorKb* out);

// Splits a name into the upper-case matching words the text stage gives the same words in an
// article ("Côte d'Ivoire" -> COTE D'IVOIRE), so the entry matches exactly what is tokenized.
lexicon::Phrase NamePhrase(std::string_view name);

// What merging a knowledge base into a dictionary set did.
struct ActorKbMergeStats {
  size_t rows = 0;
  size_t entries_added = 0;            // new ActorEntry values
  size_t names_added = 0;              // phrases of those entries
  size_t codes_added_to_existing = 0;  // dated codes appended to an entry that had the name
  size_t names_already_known = 0;      // names an earlier entry has (that entry wins)
};

// Adds the knowledge base to `set` as actor entries. Rows with the same name (same matching
// words) form one entry: all their names, their codes in file order. For a name some earlier
// entry of `set` already has (a Phoenix name, say), the earlier entry wins: the name is not
// added again, and the row's dated codes are appended to that entry only when its codes are
// for the same country and no dated code of it overlaps the row's dates (so a Phoenix leader
// gains a tenure Phoenix lacks, and nothing Phoenix says is overridden). `file_index` is the
// index of the knowledge-base file in set->files, for the entries' SourceLocation.
ActorKbMergeStats MergeActorKb(const ActorKb& kb, uint32_t file_index, lexicon::DictionarySet* set);

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_ACTOR_KB_H_
