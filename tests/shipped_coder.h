// For whole-pipeline tests that look at the event records: one default-mode Coder over the
// shipped data (repo data/), opened once per test binary and shared by its tests (opening loads
// every dictionary, so doing it per test would dominate), and a one-call way to code a text.
#ifndef ANNAL_TESTS_SHIPPED_CODER_H_
#define ANNAL_TESTS_SHIPPED_CODER_H_

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

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

// The events of a one-document article `text` published on `date` (YYYY-MM-DD), coded by the
// shared coder; a coding error fails the calling test.
inline std::vector<Event> ShippedEvents(const std::string& text, const std::string& date) {
  Document doc;
  doc.id = "t";
  doc.date = date;
  doc.text = text;
  DocumentResult result;
  Status s = ShippedCoder().Code(doc, &result);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return std::move(result.events);
}

}  // namespace testing_support
}  // namespace annal

#endif  // ANNAL_TESTS_SHIPPED_CODER_H_
