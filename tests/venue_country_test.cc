// A one-sentence document's country for bare agents (DocumentCountry in src/code/coder.cc): a
// place named after a meeting word is the meeting's venue, not the agents' country.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "annal/coder.h"
#include "shipped_coder.h"

namespace annal {
namespace {

// The first event's source code, "" when there is none.
std::string FirstSource(const std::string& text) {
  std::vector<Event> events = testing_support::ShippedEvents(text, "2005-06-01");
  if (events.empty() || !events[0].source) return "";
  return events[0].source->code;
}

TEST(VenueCountryTest, MeetingVenueGivesNoCountry) {
  // Geneva is where they met: the rebels are not Swiss.
  std::string source = FirstSource("Rebels met envoys in Geneva on Sunday.");
  EXPECT_EQ(source.substr(0, 3), "REB") << source;
  source = FirstSource("Rebel leaders held talks with United Nations envoys in Geneva on Sunday.");
  EXPECT_EQ(source.substr(0, 3), "REB") << source;
}

TEST(VenueCountryTest, PlaceBeforeTheMeetingWordStillCounts) {
  // "Police in Cairo" are Egypt's police whatever they do next; a place where things happen
  // with no meeting keeps giving the country.
  EXPECT_EQ(FirstSource("Police in Cairo met protest leaders on Sunday."), "EGYCOP");
  EXPECT_EQ(FirstSource("Police arrested 40 students in Cairo on Sunday."), "EGYCOP");
}

}  // namespace
}  // namespace annal
