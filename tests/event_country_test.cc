// The `country` field of event actors through the whole pipeline (shipped data): the ISO code
// for CAMEO's retired ones, a former federation's republic, an IGO contingent's nationality,
// and the one-sentence location country of bare agents. Golden files compare codes only, so these look at the records.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "annal/coder.h"
#include "shipped_coder.h"

namespace annal {
namespace {

// The first event's source and target as "CODE/COUNTRY" each, "" for none.
std::pair<std::string, std::string> FirstEvent(const std::string& text, const std::string& date) {
  std::vector<Event> events = testing_support::ShippedEvents(text, date);
  if (events.empty()) return {"", ""};
  const Event& e = events[0];
  auto side = [](const std::optional<EventActor>& a) {
    return a ? a->code + "/" + a->country : std::string();
  };
  return {side(e.source), side(e.target)};
}

TEST(EventCountryTest, EastTimorIsTls) {
  // Phoenix codes East Timor TMP (CAMEO kept ISO's pre-2002 code); the record says TLS.
  auto [source, target] = FirstEvent("Indonesia accused East Timor of harbouring rebels.", "2005-06-01");
  EXPECT_EQ(source, "IDN/IDN");
  EXPECT_EQ(target, "TMP/TLS");
}

TEST(EventCountryTest, PeacekeepingContingentKeepsItsNationality) {
  // PEACEKEEPING_TROOPS [IGO~] puts IGO before the country: IGOBGD, Bangladesh's contingent.
  auto [source, target] =
      FirstEvent("Bangladeshi peacekeeping troops attacked rebels in Freetown.", "2000-06-01");
  EXPECT_EQ(source, "IGOBGD/BGD");
}

TEST(EventCountryTest, RepublicOfAFormerFederationIsItsOwnCountry) {
  // Phoenix dates: Georgia is USRGEO in 1990, Montenegro YUGMNE then and SCGMNE in 2000.
  std::vector<Event> events = testing_support::ShippedEvents(
      "Georgia accused Montenegro of harbouring rebels.", "1990-06-01");
  ASSERT_FALSE(events.empty());
  const Event& e = events[0];
  ASSERT_TRUE(e.source && e.target);
  EXPECT_EQ(e.source->code, "USRGEO");
  EXPECT_EQ(e.source->country, "GEO");
  EXPECT_TRUE(e.source->roles.empty());
  EXPECT_EQ(e.target->code, "YUGMNE");
  EXPECT_EQ(e.target->country, "MNE");
  auto [source, target] =
      FirstEvent("The Serbian government accused Montenegro of harbouring rebels.", "2000-06-01");
  EXPECT_EQ(source, "SCGSRBGOV/SRB");
  EXPECT_EQ(target, "SCGMNE/MNE");
}

TEST(EventCountryTest, KindsOfActorAreNoCountry) {
  // MED, ELI and the other agent codes, and the bodies' heads (MNC), are kinds of actor, not
  // countries: a media outlet, a firm or a bare agent gets no country, and a role its base
  // already has is not repeated ("The BBC reporters": BBC is [MED], reporters ~MED).
  auto [source, target] =
      FirstEvent("The BBC reporters criticised the Russian government.", "2005-06-01");
  EXPECT_EQ(source, "MED/");
  EXPECT_EQ(target, "RUSGOV/RUS");
  std::tie(source, target) = FirstEvent("Islamic clerics accused Israel of aggression.", "2005-06-01");
  EXPECT_EQ(source.substr(source.find('/')), "/");
  EXPECT_EQ(target, "ISR/ISR");
  std::tie(source, target) = FirstEvent("Google accused Microsoft of stealing its code.", "2005-06-01");
  EXPECT_EQ(source.substr(source.find('/')), "/");
  EXPECT_EQ(target.substr(target.find('/')), "/");
}

TEST(EventCountryTest, MauritiusKeepsItsCountryThoughMuslimSharesItsCode) {
  // Phoenix codes Mauritius MUS, and the agent Muslim ~MUS: the agent is no country, the country
  // actor is.
  auto [source, target] = FirstEvent("Mauritius criticized India on Monday.", "2005-06-01");
  EXPECT_EQ(source, "MUS/MUS");
  std::tie(source, target) = FirstEvent("India criticized Moslem clerics on Monday.", "2005-06-01");
  EXPECT_EQ(target.substr(target.find('/')), "/");
}

TEST(EventCountryTest, InternationalBodyHasNoCountry) {
  auto [source, target] = FirstEvent("The United Nations accused Israel of violating the truce.", "2005-06-01");
  EXPECT_EQ(source.substr(0, 3), "IGO");
  EXPECT_EQ(source.back(), '/');  // no country
}

TEST(EventCountryTest, OneSentenceLocationCountryForBareAgents) {
  auto [source, target] = FirstEvent("Police arrested 40 students in Cairo on Sunday.", "2005-06-01");
  EXPECT_EQ(source, "EGYCOP/EGY");
  // Two countries located: no country for the bare agent.
  auto [source2, target2] =
      FirstEvent("Police arrested 40 students in Cairo and in Amman on Sunday.", "2005-06-01");
  EXPECT_EQ(source2, "COP/");
}

// A bare home role (police, opposition, students, ...) takes the one country its sentence names
// through the event's other participant; not when the sentence names another country, not
// from a body coded with a three-letter role ("BBC" is MED), and not for victims of violence.
TEST(EventCountryTest, BareHomeRoleTakesTheSentencesOneCountry) {
  std::vector<Event> events =
      testing_support::ShippedEvents("Egyptian police arrested opposition leaders.", "2005-06-01");
  ASSERT_FALSE(events.empty());
  ASSERT_TRUE(events[0].source && events[0].target);
  EXPECT_EQ(events[0].source->code, "EGYCOP");
  EXPECT_EQ(events[0].target->code, "EGYOPP");
  EXPECT_EQ(events[0].target->country, "EGY");
  EXPECT_EQ(events[0].target->resolution, "sentence_country");
  EXPECT_EQ(events[0].source->resolution, "");

  // Another country named by an actor of the sentence: whose opposition is unclear.
  auto [source, target] = FirstEvent(
      "Egyptian diplomats met opposition leaders, Syrian officials said.", "2005-06-01");
  EXPECT_EQ(target, "OPP/");
  auto [source2, target2] = FirstEvent("The BBC criticised the police.", "2005-06-01");
  EXPECT_EQ(target2, "COP/");
  auto [source3, target3] = FirstEvent("Egyptian troops killed civilians.", "2005-06-01");
  EXPECT_EQ(target3, "CVL/");
}

}  // namespace
}  // namespace annal
