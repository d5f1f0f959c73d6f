// The compiled dictionary file (.annaldict): every dictionary a coder uses, in one versioned
// binary file that loads in milliseconds. Format: doc/formats/compiled_dictionary.md.
#ifndef ANNAL_LEXICON_COMPILED_DICTIONARY_H_
#define ANNAL_LEXICON_COMPILED_DICTIONARY_H_

#include <string>
#include <string_view>

#include "annal/status.h"
#include "lexicon/dictionary.h"

namespace annal::lexicon {

// Bumped whenever the encoding or the meaning of a field changes; older files are refused.
// 2: a phrase word's byte holds flags (exact, gap_before) instead of a bool.
// 3: a verb pattern carries its owner forms (VerbPattern::owner_forms).
constexpr uint32_t kCompiledDictionaryVersion = 3;

// Encodes `dict` (diagnostics excluded) into the file format.
std::string EncodeDictionary(const DictionarySet& dict);
// Decodes a file image. Returns Corruption for a bad magic, version, checksum or truncation;
// never reads out of bounds.
Status DecodeDictionary(std::string_view image, DictionarySet* dict);

Status SaveDictionary(const DictionarySet& dict, const std::string& path);
Status LoadDictionary(const std::string& path, DictionarySet* dict);

}  // namespace annal::lexicon

#endif  // ANNAL_LEXICON_COMPILED_DICTIONARY_H_
