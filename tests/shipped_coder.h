// One default-mode Coder over the shipped data (repo data/), opened once per test binary and
// shared by its tests: opening loads every dictionary, so doing it per test would dominate.
#ifndef ANNAL_TESTS_SHIPPED_CODER_H_
#define ANNAL_TESTS_SHIPPED_CODER_H_

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "annal/coder.h"

namespace annal {
namespace testing_support {

// The shared coder. If the shipped data does not open, nothing in the binary can run, so it
// says why and aborts rather than hand out a null reference.
inline const Coder& ShippedCoder() {
  static const Coder* coder = [] {
    CoderOptions options;
    options.data_dir = ANNAL_TEST_DATA_DIR;  // the shipped data, whatever $ANNAL_DATA_DIR says
    auto opened = Coder::Open(options);
    if (!opened.ok()) {
      std::fprintf(stderr, "Coder::Open on the shipped data: %s\n",
                   opened.status().ToString().c_str());
      std::abort();
    }
    return std::move(opened).value().release();
  }();
  return *coder;
}

}  // namespace testing_support
}  // namespace annal

#endif  // ANNAL_TESTS_SHIPPED_CODER_H_
