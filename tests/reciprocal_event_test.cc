// Paired CAMEO codes through the whole pipeline (shipped data): "A visited B" gives 042 A->B
// and its reverse 043 B->A, and the reverse names the event it reverses (Event::reciprocal_of).
// Golden files compare codes only, so this looks at the records.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annal/coder.h"
#include "shipped_coder.h"

namespace annal {
namespace {

// The events of `text` as an article of 2026-03-04.
std::vector<Event> Code(const std::string& text) {
  return testing_support::ShippedEvents(text, "2026-03-04");
}

TEST(ReciprocalEventTest, HostingIsTheReverseOfTheVisit) {
  std::vector<Event> events = Code("Taiwan's foreign minister visited Russia on Tuesday.");
  ASSERT_EQ(events.size(), 2u);
  const Event& visit = events[0];
  const Event& host = events[1];
  EXPECT_EQ(visit.cameo, "042");
  EXPECT_EQ(host.cameo, "043");
  EXPECT_EQ(host.source->code, "RUS");
  EXPECT_EQ(visit.reciprocal_of, "");
  EXPECT_EQ(host.reciprocal_of, visit.event_id);
}

TEST(ReciprocalEventTest, CompoundActorsAreNotReciprocal) {
  // Two events from a compound subject are two interactions, neither the other's reverse.
  std::vector<Event> events = Code("France and Germany condemned Iran.");
  ASSERT_EQ(events.size(), 2u);
  for (const Event& e : events) EXPECT_EQ(e.reciprocal_of, "") << e.source->code;
}

}  // namespace
}  // namespace annal
