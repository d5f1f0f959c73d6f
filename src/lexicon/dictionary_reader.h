// Readers for dictionary text files. Each appends to a DictionarySet; a malformed line is
// skipped with a Diagnostic ("file:line: message") and reading goes on. Non-UTF-8 bytes,
// CRLF line ends and 0x1A (DOS end-of-file) bytes in the old files are tolerated.
#ifndef ANNAL_LEXICON_DICTIONARY_READER_H_
#define ANNAL_LEXICON_DICTIONARY_READER_H_

#include <string_view>

#include "annal/options.h"
#include "annal/status.h"
#include "lexicon/dictionary.h"

namespace annal::lexicon {

enum class DictionaryKind { kVerbs, kActors, kAgents, kDiscards, kIssues, kOptions };
enum class DictionaryFormat { kAuto, kPetrarch, kTabari };

// Parses `content` (the whole file) named `filename` into `out`. Returns a non-OK status only
// when the file as a whole cannot be used (wrong kind); bad lines become diagnostics.
Status ReadDictionary(std::string_view content, std::string_view filename, DictionaryKind kind,
                      DictionaryFormat format, DictionarySet* out);

// Reads every file listed in `files` from disk (IOError names the file it could not read).
Status ReadDictionaryFiles(const DictionaryFiles& files, DictionarySet* out);

}  // namespace annal::lexicon

#endif  // ANNAL_LEXICON_DICTIONARY_READER_H_
