// Which shipped dictionaries a default Coder uses.
#ifndef ANNAL_CODE_DEFAULT_DICTIONARIES_H_
#define ANNAL_CODE_DEFAULT_DICTIONARIES_H_

#include <string>

#include "annal/options.h"

namespace annal::code {

// The PETRARCH dictionaries shipped in <data_dir>/dictionaries/ (see data/dictionaries/LICENSE).
DictionaryFiles DefaultDictionaryFiles(const std::string& data_dir);

// The compiled form of the defaults that the build writes (empty if this build has none).
// $ANNAL_DICT overrides it.
std::string DefaultCompiledDictionaryPath();

}  // namespace annal::code

#endif  // ANNAL_CODE_DEFAULT_DICTIONARIES_H_
