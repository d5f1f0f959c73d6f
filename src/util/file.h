// Small file helpers shared by the stages.
#ifndef ANNAL_UTIL_FILE_H_
#define ANNAL_UTIL_FILE_H_

#include <string>

#include "annal/status.h"

namespace annal {

// Reads a whole file. Files ending in ".zst" are decompressed transparently.
Status ReadFileToString(const std::string& path, std::string* out);
// Writes atomically enough for our use: to path + ".tmp", then rename.
Status WriteStringToFile(const std::string& path, std::string_view data);

}  // namespace annal

#endif  // ANNAL_UTIL_FILE_H_
