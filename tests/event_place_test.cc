// The event's `location` through the whole pipeline (shipped data): a word of an actor's own
// name is not where the event happened, even after "in" or "at" ("investors in Google": GeoNames
// lists Google as a name of Topeka), while a place that only qualifies a bare agent is ("police
// in Cairo"). Golden files compare codes only, so these look at the records.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annal/coder.h"
#include "shipped_coder.h"

namespace annal {
namespace {

// The events of `text` as an article of 2005-06-01.
std::vector<Event> Code(const std::string& text) {
  return testing_support::ShippedEvents(text, "2005-06-01");
}

TEST(EventPlaceTest, ACompanyNameIsNoPlace) {
  std::vector<Event> events =
      Code("Staff calling in sick at US Airways and computer failures at Comair left 30,000 "
           "passengers stranded.");
  ASSERT_FALSE(events.empty());
  for (const Event& e : events) {
    EXPECT_FALSE(e.location.has_value()) << e.location->text << " in: " << e.evidence;
  }
}

TEST(EventPlaceTest, APlaceAfterABareAgentStays) {
  std::vector<Event> events = Code("Police in Cairo arrested 40 protesters on Friday.");
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->name, "Cairo");
  EXPECT_EQ(events[0].location->country, "EGY");
}

}  // namespace
}  // namespace annal
