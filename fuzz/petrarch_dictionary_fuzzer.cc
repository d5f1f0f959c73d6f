// libFuzzer target: the PETRARCH dictionary readers on arbitrary bytes, every kind. The first
// byte picks the kind; the rest is the file. Readers must never crash, hang or read out of
// bounds, and what they store must be valid UTF-8 with the invariants the compiler relies on.
#include <cstddef>
#include <cstdint>

#include "dictionary_fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  annal::lexicon::fuzz::ReadAndCheck(data, size, annal::lexicon::DictionaryFormat::kPetrarch,
                                     "fuzz.txt");
  return 0;
}
