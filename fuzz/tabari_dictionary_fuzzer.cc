// libFuzzer target: the TABARI dictionary readers (and format detection) on arbitrary bytes,
// every kind. The first byte picks the kind; the rest is the file.
#include <cstddef>
#include <cstdint>

#include "dictionary_fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Odd lengths go through kAuto with a TABARI file name, so detection is fuzzed too.
  annal::lexicon::fuzz::ReadAndCheck(
      data, size, size % 2 ? annal::lexicon::DictionaryFormat::kAuto : annal::lexicon::DictionaryFormat::kTabari,
      "fuzz.verbs");
  return 0;
}
