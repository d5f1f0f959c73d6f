#include "context/geoparser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "context/geoparser_given_names.h"
#include "text/analyzer.h"

namespace annal::context {
namespace {

class GeoparserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto g = Gazetteer::Load(std::string(ANNAL_TEST_DATA_DIR) + "/gazetteer/gazetteer.bin.zst");
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gazetteer_ = std::move(g).value().release();
  }
  static void TearDownTestSuite() {
    delete gazetteer_;
    gazetteer_ = nullptr;
  }

  std::vector<PlaceMention> Places(const std::string& text, GeoContext ctx = {}) {
    text_ = text;
    text::AnalyzeText(text_, &analyzed_);
    Geoparser geoparser(*gazetteer_);
    return geoparser.FindPlaces(analyzed_, text_, ctx);
  }

  // The mention whose text is `words`, or nullptr.
  const PlaceMention* Find(const std::vector<PlaceMention>& ms, const std::string& words) {
    for (const PlaceMention& m : ms) {
      if (m.text == words) return &m;
    }
    return nullptr;
  }

  static Gazetteer* gazetteer_;
  std::string text_;
  text::AnalyzedText analyzed_;
};

Gazetteer* GeoparserTest::gazetteer_ = nullptr;

TEST_F(GeoparserTest, ParisAloneIsFrance) {
  auto ms = Places("Thousands marched through Paris on Saturday.");
  const PlaceMention* p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "FRA");
  EXPECT_EQ(p->geonameid, 2988507u);
  EXPECT_GT(p->candidates, 1);
  EXPECT_EQ(text_.substr(p->begin, p->end - p->begin), "Paris");
}

// A state named three times beside another named once is where the story's towns are, though
// each name votes once: Marion is Indiana's (40.56, -85.66), not Ohio's bigger Marion.
TEST_F(GeoparserTest, StateNamedAgainAndAgainHoldsTheTowns) {
  auto ms = Places(
      "Indiana lawmakers met on Monday. The school board in Marion voted to close two schools. "
      "Indiana officials said the plan would save money. A consultant from Ohio disagreed. "
      "Indiana has lost students for a decade.");
  const PlaceMention* m = Find(ms, "Marion");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country_iso3, "USA");
  EXPECT_NEAR(m->lat, 40.56, 0.3);
  EXPECT_NEAR(m->lon, -85.66, 0.3);
  // A capital's own name keeps its default reading in such a story.
  ms = Places("Indiana voters. Indiana schools. Indiana roads. Then the mayor flew to Paris.");
  const PlaceMention* p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "FRA");
  // A place read outside the US stays there: a British story that names New York.
  ms = Places(
      "Dame Alicia Markova, who has died in Bath aged 94, was the UK's first prima ballerina. "
      "She danced in London and later in New York.");
  const PlaceMention* b = Find(ms, "Bath");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->country_iso3, "GBR");
}

// Joint coherence: two ambiguous towns and no state named. Each alone takes another reading
// (Hopkinton, Rhode Island; Concord, New Hampshire); together they are the pair that lies
// closest, Hopkinton and Concord in New Hampshire (15 km apart).
TEST_F(GeoparserTest, AmbiguousTownsTakeTheirClosestReadings) {
  auto ms = Places(
      "The Hopkinton school board met on Tuesday. A Concord lawyer spoke for the parents. The "
      "Hopkinton board will vote in May.");
  const PlaceMention* h = Find(ms, "Hopkinton");
  const PlaceMention* c = Find(ms, "Concord");
  ASSERT_NE(h, nullptr);
  ASSERT_NE(c, nullptr);
  EXPECT_LT(DistanceKm(h->lat, h->lon, c->lat, c->lon), 50.0);
  EXPECT_NEAR(h->lat, 43.19, 0.2);
  EXPECT_NEAR(h->lon, -71.68, 0.2);
}

// A region of a million people whose country the story names ("British") is the region, not a
// town named after it abroad that other names' namesakes lie near (Scotland, Pennsylvania, near
// Highland, Maryland).
TEST_F(GeoparserTest, MajorRegionOfANamedCountryIsNoTownAbroad) {
  auto ms = Places(
      "British ministers met union leaders at Highland Council on Monday. The minister met "
      "officials at Scotland Yard.");
  const PlaceMention* s = Find(ms, "Scotland");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->country_iso3, "GBR");
  EXPECT_EQ(s->kind, PlaceKind::kAdmin1);
}

// "Welsh" and "English" are the people of the United Kingdom's nations, not the towns of those
// names in Louisiana and Indiana; read as towns they made a British story American and sent
// "London" to a US namesake.
TEST_F(GeoparserTest, PeopleOfTheUkNationsAreNoTowns) {
  auto ms = Places("The Welsh singer played to English fans in London.");
  const PlaceMention* w = Find(ms, "Welsh");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->country_iso3, "GBR");
  EXPECT_TRUE(w->demonym);
  const PlaceMention* e = Find(ms, "English");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->country_iso3, "GBR");
  EXPECT_TRUE(e->demonym);
}

// A name that only spells a small town another way (Frankfort, Kentucky, for "Frankfurt") does
// not take the town for the story's other US names: the city ten times its size keeps it.
TEST_F(GeoparserTest, OtherSpellingOfASmallTownTakesNoCountryVotes) {
  auto ms = Places("Share prices fell in Frankfurt, New York and San Francisco.");
  const PlaceMention* f = Find(ms, "Frankfurt");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->country_iso3, "DEU");
}

// A story that names US counties is a US local story: a capital's name there is a namesake
// town unless the story names the capital's country.
TEST_F(GeoparserTest, CapitalsNameInACountyStoryIsAUsTown) {
  auto ms = Places(
      "Paris and Henry County is rich in history. The Henry County commission met in Paris on "
      "Monday.");
  const PlaceMention* p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "USA");
  ms = Places("The Henry County band will travel to Paris, and France will welcome it.");
  p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "FRA");
}

// A country's name is a town's beside a neighbouring town when the story is wholly in the
// town's country; a story that names another country keeps the country.
TEST_F(GeoparserTest, CountryNamedTownBesideItsNeighbour) {
  auto ms = Places(
      "The Jordan city council met Monday. A Shakopee contractor will build the new library.");
  const PlaceMention* j = Find(ms, "Jordan");
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->country_iso3, "USA");
  EXPECT_EQ(j->kind, PlaceKind::kPlace);
  ms = Places("Jordan and Israel signed a water deal. The talks were held in Shakopee.");
  j = Find(ms, "Jordan");
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->country_iso3, "JOR");
}

// With no state named, a county the gazetteer lacks stands at its namesake nearest to the
// story's towns: Henderson, Texas (100 km from Athens, Texas), not Henderson, Nevada.
TEST_F(GeoparserTest, CountyAtTheNamesakeNearTheStorysTowns) {
  auto ms = Places(
      "The Athens Police Department arrested a man on Monday. He was taken to the Henderson "
      "County Jail. Athens police said he had a gun.");
  const PlaceMention* a = Find(ms, "Athens");
  const PlaceMention* h = Find(ms, "Henderson County");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(a->country_iso3, "USA");
  EXPECT_TRUE(h->approximate);
  EXPECT_LT(DistanceKm(h->lat, h->lon, 32.2, -95.8), 161.0);
}

TEST_F(GeoparserTest, AdminContextPicksTheNamesake) {
  auto ms = Places("The storm hit Paris, Texas, late on Monday.");
  const PlaceMention* p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "USA");
  EXPECT_NEAR(p->lat, 33.66, 0.1);
  const PlaceMention* tx = Find(ms, "Texas");
  ASSERT_NE(tx, nullptr);
  EXPECT_EQ(tx->kind, PlaceKind::kAdmin1);

  ms = Places("A tanker caught fire in the port of Long Beach, California, officials said.");
  p = Find(ms, "Long Beach");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->geonameid, 5367929u);

  ms = Places("Police in Paris, Tenn., arrested a man.");
  p = Find(ms, "Paris");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country_iso3, "USA");
  EXPECT_NE(Find(ms, "Tenn."), nullptr);

  // One sense per discourse: the later bare "Paris" keeps the admin context.
  ms = Places("The fair opened in Paris, Texas. Later, Paris hosted a parade.");
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ(ms[2].text, "Paris");
  EXPECT_EQ(ms[2].country_iso3, "USA");
}

TEST_F(GeoparserTest, GeorgiaCountryOrStateByContext) {
  auto ms = Places("Georgia accused Russia of moving troops near Tbilisi.");
  const PlaceMention* g = Find(ms, "Georgia");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->country_iso3, "GEO");
  EXPECT_EQ(g->kind, PlaceKind::kCountry);

  ms = Places("Georgia recorded its highest jobless rate. Atlanta and Savannah lost jobs.");
  g = Find(ms, "Georgia");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->country_iso3, "USA");
  EXPECT_EQ(g->kind, PlaceKind::kAdmin1);

  // Without any context, the country.
  ms = Places("The delegation flew to Georgia.");
  g = Find(ms, "Georgia");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->country_iso3, "GEO");
}

TEST_F(GeoparserTest, CountryNamesNeverResolveToTowns) {
  // Namesake towns exist in the US (Jordan, Minnesota; Lebanon, Ohio; Mexico, Missouri), and
  // the document is full of US places: the country names still mean the countries.
  auto ms = Places(
      "Officials in Ohio and Minnesota met envoys from Jordan, Lebanon and Mexico in Columbus.");
  for (const char* name : {"Jordan", "Lebanon", "Mexico"}) {
    const PlaceMention* m = Find(ms, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->kind, PlaceKind::kCountry) << name;
  }
  EXPECT_EQ(Find(ms, "Jordan")->country_iso3, "JOR");
  EXPECT_EQ(Find(ms, "Mexico")->country_iso3, "MEX");
  // Capital-city alternate names do not steal the country: Kuwait is the country.
  ms = Places("Iraq invaded Kuwait in 1990.");
  ASSERT_NE(Find(ms, "Kuwait"), nullptr);
  EXPECT_EQ(Find(ms, "Kuwait")->kind, PlaceKind::kCountry);
}

TEST_F(GeoparserTest, WashingtonAloneIsTheCapital) {
  auto ms = Places("Washington imposed new sanctions on Tehran.");
  const PlaceMention* w = Find(ms, "Washington");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->geonameid, 4140963u);  // Washington, D.C.
  EXPECT_EQ(w->feature, "PPLC");
}

TEST_F(GeoparserTest, MoscowIsRussiasCapitalUnlessIdahoSaysOtherwise) {
  auto ms = Places("The talks in Moscow ended without agreement.");
  ASSERT_NE(Find(ms, "Moscow"), nullptr);
  EXPECT_EQ(Find(ms, "Moscow")->geonameid, 524901u);
  ms = Places("Students in Moscow, Idaho, held a vigil.");
  ASSERT_NE(Find(ms, "Moscow"), nullptr);
  EXPECT_EQ(Find(ms, "Moscow")->country_iso3, "USA");
}

TEST_F(GeoparserTest, LongestMatchWins) {
  auto ms = Places("He moved from New York City to Rio de Janeiro and then to South Africa.");
  EXPECT_NE(Find(ms, "New York City"), nullptr);
  EXPECT_NE(Find(ms, "Rio de Janeiro"), nullptr);
  const PlaceMention* sa = Find(ms, "South Africa");
  ASSERT_NE(sa, nullptr);
  EXPECT_EQ(sa->country_iso3, "ZAF");
  EXPECT_EQ(Find(ms, "York"), nullptr);
  EXPECT_EQ(Find(ms, "Africa"), nullptr);  // part of "South Africa"
}

TEST_F(GeoparserTest, PersonContextsAreNotPlaces) {
  auto ms = Places("Mr. Jordan said the plan was sound.");
  EXPECT_EQ(Find(ms, "Jordan"), nullptr);
  ms = Places("Reading the report, Gen. Austin frowned.");
  EXPECT_EQ(Find(ms, "Reading"), nullptr);
  EXPECT_EQ(Find(ms, "Austin"), nullptr);
  // A surname seen after a first name stays a person later on.
  ms = Places("Coach Bill Belmont resigned. Officials thanked Belmont for his work.");
  EXPECT_EQ(Find(ms, "Belmont"), nullptr);
}

TEST_F(GeoparserTest, DemonymsAreFlagged) {
  auto ms = Places("Russian troops shelled Kharkiv.");
  const PlaceMention* r = Find(ms, "Russian");
  ASSERT_NE(r, nullptr);
  EXPECT_TRUE(r->demonym);
  EXPECT_EQ(r->country_iso3, "RUS");
  const PlaceMention* k = Find(ms, "Kharkiv");
  ASSERT_NE(k, nullptr);
  EXPECT_FALSE(k->demonym);
  EXPECT_EQ(k->country_iso3, "UKR");

  Geoparser no_demonyms(*gazetteer_, GeoparserOptions{.include_demonyms = false});
  text::AnalyzeText(text_, &analyzed_);
  EXPECT_EQ(no_demonyms.FindPlaces(analyzed_, text_, {}).size(), 1u);
}

TEST_F(GeoparserTest, ContextHintsAndSmallPlaceFloor) {
  // Hints from outside the text (an actor's country) tip an ambiguous name.
  auto ms = Places("The rally in Alexandria drew thousands.", GeoContext{{"USA"}});
  ASSERT_NE(Find(ms, "Alexandria"), nullptr);
  EXPECT_EQ(Find(ms, "Alexandria")->country_iso3, "USA");
  ms = Places("The rally in Alexandria drew thousands.");
  ASSERT_NE(Find(ms, "Alexandria"), nullptr);
  EXPECT_EQ(Find(ms, "Alexandria")->country_iso3, "EGY");
}

TEST_F(GeoparserTest, DatelineIsContext) {
  text_ = "Officials in Alexandria said the vote was delayed.";
  text::AnalyzeText(text_, &analyzed_);
  Geoparser geoparser(*gazetteer_);
  auto ms = geoparser.FindPlaces(analyzed_, text_, {});
  ASSERT_NE(Find(ms, "Alexandria"), nullptr);
  EXPECT_EQ(Find(ms, "Alexandria")->country_iso3, "EGY");
  // The same sentence under a "WASHINGTON (AP) -" dateline (the text stage fills
  // AnalyzedText::dateline; the test splitter does not).
  analyzed_.dateline = text::Dateline{0, 0, "WASHINGTON"};
  ms = geoparser.FindPlaces(analyzed_, text_, {});
  ASSERT_NE(Find(ms, "Alexandria"), nullptr);
  EXPECT_EQ(Find(ms, "Alexandria")->country_iso3, "USA");
}

TEST_F(GeoparserTest, DatelinePlaceIsAMention) {
  // The text stage keeps "CHARLESTON, W.Va. -" out of the sentences and reports only the place
  // words as the dateline; the admin part after the comma is read from the text.
  auto ms = Places("CHARLESTON, W.Va. - Lawmakers passed the budget on Friday.");
  ASSERT_TRUE(analyzed_.dateline.has_value());
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].begin, 0u);
  EXPECT_EQ(ms[0].end, 10u);
  EXPECT_EQ(ms[0].name, "Charleston");
  EXPECT_EQ(ms[0].country_iso3, "USA");
  EXPECT_NEAR(ms[0].lat, 38.35, 0.1);  // Charleston, West Virginia, not South Carolina
  EXPECT_EQ(ms[0].first_token, 0u);
  EXPECT_EQ(ms[0].end_token, 0u);
  EXPECT_EQ(ms[1].text, "W.Va.");
  EXPECT_EQ(ms[1].feature, "ADM1");
  EXPECT_EQ(ms[1].country_iso3, "USA");
}

TEST_F(GeoparserTest, DatelineAdminPartDecidesTheDocument) {
  // "Ky." is an abbreviation the text stage splits ("Ky" "."); in the dateline and in running
  // text it is still admin context, and the dateline's reading carries to the body.
  auto ms = Places(
      "GLASGOW, Ky. (WBKO) -- One woman has died after being struck by a vehicle in "
      "Glasgow. The Glasgow Police Department says so.");
  const PlaceMention* dateline = Find(ms, "GLASGOW");
  ASSERT_NE(dateline, nullptr);
  EXPECT_EQ(dateline->country_iso3, "USA");
  ASSERT_NE(Find(ms, "Ky."), nullptr);
  EXPECT_EQ(Find(ms, "Ky.")->name, "Kentucky");
  ASSERT_NE(Find(ms, "Glasgow"), nullptr);
  EXPECT_EQ(Find(ms, "Glasgow")->country_iso3, "USA");

  // A date after the comma is no admin part.
  ms = Places("MOSCOW, Feb 6 (Reuters) - Talks went on.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].country_iso3, "RUS");

  ms = Places("When Lucy Lau was born in Churchill, Man. her parents did not know.");
  ASSERT_NE(Find(ms, "Churchill"), nullptr);
  EXPECT_EQ(Find(ms, "Churchill")->country_iso3, "CAN");
  ASSERT_NE(Find(ms, "Man."), nullptr);
  EXPECT_EQ(Find(ms, "Man.")->name, "Manitoba");
}

TEST_F(GeoparserTest, HomeTownReadingsOfCountryNames) {
  // "a Palestine man" names a town (a country takes its demonym), and the town reading holds for
  // the name's other mentions in the document.
  auto ms = Places("A 36-year-old Palestine man eluded authorities. Palestine police found him.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].kind, PlaceKind::kPlace);
  EXPECT_EQ(ms[0].country_iso3, "USA");
  EXPECT_EQ(ms[1].kind, PlaceKind::kPlace);
  // Without that phrasing the country name keeps meaning the country.
  ms = Places("Talks on Palestine resumed.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].kind, PlaceKind::kCountry);
}

TEST_F(GeoparserTest, FirmNamesAndCommonNounsAreNoPlaces) {
  // "Wal-Mart": a piece of a firm's name before a capitalised part is no town (Waal); "Home
  // Secretary", "Court of Human Rights", "Bank of America", "the 19th Century" are common nouns
  // GeoNames lists as towns or alternate names.
  auto ms = Places(
      "Wal-Mart and the Home Secretary went to the European Court of Human Rights with Bank of "
      "America over a 19th Century law.");
  EXPECT_EQ(Find(ms, "Wal"), nullptr);
  EXPECT_EQ(Find(ms, "Home"), nullptr);
  EXPECT_EQ(Find(ms, "Human"), nullptr);
  EXPECT_EQ(Find(ms, "Bank"), nullptr);
  EXPECT_EQ(Find(ms, "Century"), nullptr);
  // A country before a capitalised part still counts ("Israel-Gaza"), as before a lower-case
  // one ("Canada-wide").
  ms = Places("The Israel-Gaza talks and a Canada-wide strike went on.");
  EXPECT_NE(Find(ms, "Israel"), nullptr);
  EXPECT_NE(Find(ms, "Canada"), nullptr);
}

TEST_F(GeoparserTest, PartyAndHomeTown) {
  auto ms =
      Places("State Sen. Robert Ford, D-Charleston, said so. Rep. Jim Cooper, D-Tenn., agreed.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].text, "Charleston");
  EXPECT_EQ(ms[0].country_iso3, "USA");
  EXPECT_EQ(ms[1].text, "Tenn.");
  EXPECT_EQ(ms[1].name, "Tennessee");
  // "-- A Charleston man": a capitalised article is no part of a name.
  ms = Places("Taco Bell killer pleads guilty. CHARLESTON, W.Va. -- A Charleston man admitted it.");
  ASSERT_NE(Find(ms, "Charleston"), nullptr);
  EXPECT_NEAR(Find(ms, "Charleston")->lat, 38.35, 0.1);
}

TEST_F(GeoparserTest, CapitalInsideANameIsNoSurname) {
  // "Air Berlin" hides Berlin inside a name, but does not make "Berlin" a person's name later on.
  auto ms = Places(
      "He stepped off an Air Berlin plane. He boarded his return flight to Berlin, "
      "he said.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].name, "Berlin");
  EXPECT_EQ(ms[0].country_iso3, "DEU");
  // A smaller town's name after a first name still marks a surname ("Michael Moore").
  ms = Places("Michael Moore spoke. Moore said the film was done.");
  EXPECT_EQ(Find(ms, "Moore"), nullptr);
}

TEST_F(GeoparserTest, EmptyAndPunctuationOnlyInput) {
  EXPECT_TRUE(Places("").empty());
  EXPECT_TRUE(Places("... -- !!").empty());
  EXPECT_TRUE(Places("the quick brown fox").empty());
}

TEST_F(GeoparserTest, EveryPlacePartOfAHyphenatedCompound) {
  auto ms = Places("The killing was meant to damage Russia-Turkey ties and Egyptian-US relations, "
                   "and flooding hit Fargo-Moorhead from mid-Ohio westward.");
  const PlaceMention* russia = Find(ms, "Russia");
  ASSERT_NE(russia, nullptr);
  EXPECT_EQ(russia->country_iso3, "RUS");
  const PlaceMention* turkey = Find(ms, "Turkey");
  ASSERT_NE(turkey, nullptr);
  EXPECT_EQ(turkey->country_iso3, "TUR");
  EXPECT_EQ(text_.substr(turkey->begin, turkey->end - turkey->begin), "Turkey");
  const PlaceMention* us = Find(ms, "US");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->country_iso3, "USA");
  ASSERT_NE(Find(ms, "Moorhead"), nullptr);
  const PlaceMention* ohio = Find(ms, "Ohio");
  ASSERT_NE(ohio, nullptr);
  EXPECT_EQ(ohio->kind, PlaceKind::kAdmin1);
}

TEST_F(GeoparserTest, HyphenatedPersonNameIsNoPlace) {
  // Pierre, South Dakota, is a small town: a later part of a compound must be a country, a
  // region or a town of 15,000 people.
  auto ms = Places("The minister Jean-Pierre Dupont spoke on Tuesday.");
  EXPECT_EQ(Find(ms, "Pierre"), nullptr);
}

TEST_F(GeoparserTest, DatelineAdminPartOfAnUnknownPlace) {
  // Lanexa is not in the gazetteer; "Va." still names Virginia and sets the story's context.
  auto ms = Places("LANEXA, Va. (AP) - A man died after a crash near Richmond on Monday.");
  const PlaceMention* va = Find(ms, "Va.");
  ASSERT_NE(va, nullptr);
  EXPECT_EQ(va->name, "Virginia");
  EXPECT_EQ(va->kind, PlaceKind::kAdmin1);
  const PlaceMention* richmond = Find(ms, "Richmond");
  ASSERT_NE(richmond, nullptr);
  EXPECT_EQ(richmond->country_iso3, "USA");
  EXPECT_NEAR(richmond->lat, 37.55, 0.1);
}

TEST_F(GeoparserTest, TownInALocalInstitutionsName) {
  // Groton (Connecticut, 10,000 people) before a capitalised word would be taken for a first
  // name; "Town Council" names a local institution after its town.
  auto ms = Places("Bond resigns. Groton Town Council members met on Monday.");
  const PlaceMention* groton = Find(ms, "Groton");
  ASSERT_NE(groton, nullptr);
  EXPECT_EQ(groton->country_iso3, "USA");
  // Still a first name before other capitalised words.
  ms = Places("Smith spoke. Groton Smith met on Monday.");
  EXPECT_EQ(Find(ms, "Groton"), nullptr);
}

TEST_F(GeoparserTest, StateAbbreviationOutsideAdminContext) {
  auto ms = Places("Missing Ill. man found in stolen car. The family had moved to Mass.");
  const PlaceMention* ill = Find(ms, "Ill.");
  ASSERT_NE(ill, nullptr);
  EXPECT_EQ(ill->name, "Illinois");
  ASSERT_NE(Find(ms, "Mass."), nullptr);
  // A delegate's title, and an abbreviation before a capitalised word, are not states.
  ms = Places("Then Del. John Smith spoke. Mass. Concert Promoter buys theatre.");
  EXPECT_TRUE(ms.empty()) << ms[0].text;
}

TEST_F(GeoparserTest, TypographicPossessiveAndSaidBeforeACapital) {
  // The clitic "’s" starts with a non-ASCII byte but is no capitalised word: Samos is not taken
  // for a first name before it.
  auto ms = Places("With Samos’s economy in ruins, he said Damascus would work out a plan.");
  const PlaceMention* samos = Find(ms, "Samos");
  ASSERT_NE(samos, nullptr);
  EXPECT_EQ(samos->country_iso3, "GRC");
  // "said X" marks a surname, but not for a capital city.
  const PlaceMention* damascus = Find(ms, "Damascus");
  ASSERT_NE(damascus, nullptr);
  EXPECT_EQ(damascus->country_iso3, "SYR");
  ms = Places("The report was late, said Moore.");
  EXPECT_EQ(Find(ms, "Moore"), nullptr);
}

TEST_F(GeoparserTest, ContinentIsTheContinentNotATown) {
  // "Africa" is also an alternate name of Mahdia, Tunisia: the continent wins, even in a story
  // about Tunisia, and it does not vote for a country.
  auto ms = Places("Aid to Africa and Asia grew, officials in Tunisia said.");
  const PlaceMention* africa = Find(ms, "Africa");
  ASSERT_NE(africa, nullptr);
  EXPECT_EQ(africa->kind, PlaceKind::kContinent);
  EXPECT_EQ(africa->geonameid, 6255146u);
  EXPECT_EQ(africa->country_iso3, "");
  const PlaceMention* asia = Find(ms, "Asia");
  ASSERT_NE(asia, nullptr);
  EXPECT_EQ(asia->geonameid, 6255147u);
  ASSERT_NE(Find(ms, "Tunisia"), nullptr);
  // A continent's demonym is flagged like a country's.
  ms = Places("European leaders met in Brussels.");
  const PlaceMention* eu = Find(ms, "European");
  ASSERT_NE(eu, nullptr);
  EXPECT_TRUE(eu->demonym);
  EXPECT_EQ(eu->geonameid, 6255148u);
}

TEST_F(GeoparserTest, PlacesNamedTogetherLieTogether) {
  // "New York" is the state and the city; named with Newark and Yonkers (25 km from the city,
  // 300 km from the state's reference point), it is the city.
  auto ms = Places("The storm moved from New York to Newark and Yonkers.");
  const PlaceMention* ny = Find(ms, "New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->geonameid, 5128581u);  // New York City
  // Named alone, the admin-1 region keeps its default.
  ms = Places("The storm moved across New York.");
  ny = Find(ms, "New York");
  ASSERT_NE(ny, nullptr);
  EXPECT_EQ(ny->geonameid, 5128638u);  // the state
  // No state is named: Portland and Augusta, Maine (80 km apart), not the bigger Portland,
  // Oregon, and Augusta, Georgia.
  ms = Places("The bus runs between Portland and Augusta every day.");
  const PlaceMention* portland = Find(ms, "Portland");
  ASSERT_NE(portland, nullptr);
  EXPECT_EQ(portland->geonameid, 4975802u);  // Portland, Maine
}

TEST_F(GeoparserTest, NamesakesOfCapitalsAreNoNeighbours) {
  // Kentucky has a Paris, a London, a Lisbon and a Frankfort (its capital) within 150 km; a
  // story naming European capitals and Frankfurt is about Frankfurt am Main.
  auto ms = Places("Traders in London, Paris, Lisbon and Amsterdam watched Frankfurt closely.");
  const PlaceMention* frankfurt = Find(ms, "Frankfurt");
  ASSERT_NE(frankfurt, nullptr);
  EXPECT_EQ(frankfurt->country_iso3, "DEU");
  const PlaceMention* paris = Find(ms, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->country_iso3, "FRA");
}

// Regression: a BBC News story (../shared, not shipped) where US namesakes near each other
// (Chelsea, Massachusetts) outvoted the British reading before neighbours were limited to the
// document's countries.
TEST_F(GeoparserTest, NeighboursDoNotImportACountry) {
  const std::string dir = std::string(ANNAL_TEST_SHARED_DIR) + "/data/bbc-news/bbc/";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " is absent (needs ../shared)";
  for (const auto& [file, name] :
       {std::pair<std::string, std::string>{"sport/209.txt", "Chelsea"}}) {
    std::ifstream in(dir + file, std::ios::binary);
    ASSERT_TRUE(in) << file;
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto ms = Places(text);
    const PlaceMention* m = Find(ms, name);
    ASSERT_NE(m, nullptr) << file;
    EXPECT_EQ(m->country_iso3, "GBR") << file << ": " << m->name;
  }
}

TEST_F(GeoparserTest, MultiWordNameBeforeAHyphenSuffix) {
  auto ms = Places("He sued the Los Angeles-based brokerage firm.");
  const PlaceMention* la = Find(ms, "Los Angeles");
  ASSERT_NE(la, nullptr);
  EXPECT_EQ(la->geonameid, 5368361u);
  EXPECT_EQ(text_.substr(la->begin, la->end - la->begin), "Los Angeles");
  ms = Places("The Abu Dhabi-based agency said so.");
  ASSERT_NE(Find(ms, "Abu Dhabi"), nullptr);
}

TEST_F(GeoparserTest, SpeechVerbAfterALocativeIsNoPerson) {
  // "Jones said" is a person; "in Montpellier said" is the place.
  auto ms = Places("Doctors at the hospital in Montpellier said that the staff tried.");
  const PlaceMention* m = Find(ms, "Montpellier");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country_iso3, "FRA");
}

TEST_F(GeoparserTest, RoadNumberIsNoFirstName) {
  auto ms = Places("The road to the A429 Cirencester junction will close tonight.");
  const PlaceMention* m = Find(ms, "Cirencester");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country_iso3, "GBR");
}

TEST_F(GeoparserTest, FirstNamesAreNoTinyRegions) {
  // Michael is an Isle of Man parish and Paul a Cape Verde municipality, both admin-1 regions of
  // a few thousand people: before a surname they are first names (119 BBC News events were
  // placed in Michael, Isle of Man).
  auto ms = Places("Michael Rafferty, the project manager, said he looked forward to it. "
                   "Paul Myers agreed.");
  EXPECT_EQ(Find(ms, "Michael"), nullptr);
  EXPECT_EQ(Find(ms, "Paul"), nullptr);
  // A big region keeps its strength before a capitalised word ("Georgia Power").
  ms = Places("Texas Instruments said sales rose.");
  ASSERT_NE(Find(ms, "Texas"), nullptr);
}

TEST_F(GeoparserTest, CityShortFormsAndAnUndashedDateline) {
  auto ms = Places("The L.A. port has signed on, and NYC will follow.");
  const PlaceMention* la = Find(ms, "L.A.");
  ASSERT_NE(la, nullptr);
  EXPECT_EQ(la->name, "Los Angeles");
  const PlaceMention* nyc = Find(ms, "NYC");
  ASSERT_NE(nyc, nullptr);
  EXPECT_EQ(nyc->name, "New York City");
  ms = Places("DETROIT The U.S. Transportation Department said on Monday it would act.");
  const PlaceMention* detroit = Find(ms, "DETROIT");
  ASSERT_NE(detroit, nullptr);
  EXPECT_EQ(detroit->country_iso3, "USA");
  // An all-caps headline word elsewhere is still no place.
  ms = Places("Officials said the READING was fine.");
  EXPECT_EQ(Find(ms, "READING"), nullptr);
}

TEST_F(GeoparserTest, CountyWithoutANamesakeIsApproximatedByTheMainLocalPlace) {
  // No place is named Cooke: the county is placed at the story's main local place (Gainesville,
  // Texas, its seat here), with no GeoNames id.
  auto ms = Places("Cooke County deputies arrested a man in Gainesville, Texas, on Friday.");
  const PlaceMention* cooke = Find(ms, "Cooke County");
  ASSERT_NE(cooke, nullptr);
  EXPECT_TRUE(cooke->approximate);
  EXPECT_EQ(cooke->geonameid, 0u);
  EXPECT_NEAR(cooke->lat, 33.6, 0.2);
  EXPECT_NEAR(cooke->lon, -97.1, 0.2);
  // A county whatever person contexts its name has elsewhere in the story.
  ms = Places("He met Wesley Clark. Clark County deputies came from Las Vegas, Nevada.");
  const PlaceMention* clark = Find(ms, "Clark County");
  ASSERT_NE(clark, nullptr);
  EXPECT_NEAR(clark->lat, 36.2, 0.3);
  // With no local place to stand for it, it is left out.
  ms = Places("Cooke County deputies arrested a man on Friday.");
  EXPECT_EQ(Find(ms, "Cooke County"), nullptr);
}

TEST_F(GeoparserTest, CountyWithAStateButNoLocalPlaceStandsAtTheStatesPoint) {
  // Kentucky is named but no town in it: the county is put at the state's point, as an
  // approximation, rather than left out.
  auto ms = Places("Police in Henry County, Ky., said the road was closed.");
  const PlaceMention* henry = Find(ms, "Henry County");
  ASSERT_NE(henry, nullptr);
  EXPECT_TRUE(henry->approximate);
  EXPECT_EQ(henry->country_iso3, "USA");
  EXPECT_NEAR(henry->lat, 37.5, 1.0);
  EXPECT_NEAR(henry->lon, -85.0, 1.5);
}

TEST_F(GeoparserTest, CountyWithNoContextIsItsBiggestUsNamesake) {
  // Nothing says which state: "Orange County" is read at the most populous US Orange
  // (California), not left out.
  auto ms = Places("Orange County is one of the richest jurisdictions on earth.");
  const PlaceMention* orange = Find(ms, "Orange County");
  ASSERT_NE(orange, nullptr);
  EXPECT_TRUE(orange->approximate);
  EXPECT_NEAR(orange->lat, 33.8, 0.3);
  EXPECT_NEAR(orange->lon, -117.9, 0.3);
  // A US state in the story wins over a British town of the same weight (Gotham).
  ms = Places("A professor who studies Orange County says it is closer to Gotham than to "
              "Mayberry. California is changing.");
  orange = Find(ms, "Orange County");
  ASSERT_NE(orange, nullptr);
  EXPECT_NEAR(orange->lon, -117.9, 0.5);
  // A story about another country keeps its counties out of the US, even when a namesake in it
  // lies in a US state (Heathrow, Florida).
  ms = Places("The Kent County Council met in Maidstone, England.");
  for (const PlaceMention& m : ms) EXPECT_NE(m.country_iso3, "USA") << m.text;
  // A country's name before "County" names no county.
  ms = Places("Crews in Austin, Texas, repaired the U.S. County Road on Monday.");
  for (const PlaceMention& m : ms) EXPECT_FALSE(m.approximate) << m.text;
  const PlaceMention* us = Find(ms, "U.S.");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->kind, PlaceKind::kCountry);
  ms = Places("Flights from Heathrow rose in Britain. London, Luton and Glasgow agreed. The "
              "leader of Essex County Council spoke.");
  EXPECT_EQ(Find(ms, "Essex County"), nullptr);
}

TEST_F(GeoparserTest, CountiesAndParishesAreUsContext) {
  // Alone, Alexandria is the Egyptian city; next to a parish it is Alexandria, Louisiana (a
  // parish is Louisiana's county).
  auto ms = Places("Deputies arrested a man in Alexandria on Friday.");
  const PlaceMention* a = Find(ms, "Alexandria");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->country_iso3, "EGY");
  ms = Places("Rapides Parish deputies arrested a man in Alexandria on Friday.");
  a = Find(ms, "Alexandria");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->country_iso3, "USA");
  EXPECT_NEAR(a->lat, 31.3, 0.2);
  const PlaceMention* rapides = Find(ms, "Rapides Parish");
  ASSERT_NE(rapides, nullptr);
  EXPECT_NEAR(rapides->lon, -92.4, 0.3);
}

TEST_F(GeoparserTest, StreetNamedAfterAPlaceIsNoPlace) {
  auto ms = Places("The fire at 6016 Dublin Road was set on purpose, deputies in Alexandria said.");
  EXPECT_EQ(Find(ms, "Dublin"), nullptr);
  ms = Places("He lives on Paris St. near the school.");
  EXPECT_EQ(Find(ms, "Paris"), nullptr);
  // A lower-case street word is no street name; a state keeps its sense.
  ms = Places("A gunman opened fire on Paris' Champs-Elysees boulevard.");
  EXPECT_NE(Find(ms, "Paris"), nullptr);
  ms = Places("They marched down Massachusetts Avenue to the State House.");
  EXPECT_NE(Find(ms, "Massachusetts"), nullptr);
}

TEST_F(GeoparserTest, MetropolitanAndHistoricArePlaceModifiers) {
  auto ms = Places("He is president of United Way of Metropolitan Atlanta.");
  const PlaceMention* a = Find(ms, "Atlanta");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->country_iso3, "USA");
  ms = Places("The festival in Historic Savannah drew crowds.");
  EXPECT_NE(Find(ms, "Savannah"), nullptr);
}

TEST_F(GeoparserTest, StateAndProvinceDemonyms) {
  auto ms = Places("Texans and West Virginians joined Ontarians and a Minnesotan.");
  const PlaceMention* tx = Find(ms, "Texans");
  ASSERT_NE(tx, nullptr);
  EXPECT_TRUE(tx->demonym);
  EXPECT_EQ(tx->kind, PlaceKind::kAdmin1);
  EXPECT_EQ(tx->name, "Texas");
  const PlaceMention* wv = Find(ms, "West Virginians");
  ASSERT_NE(wv, nullptr);
  EXPECT_EQ(wv->name, "West Virginia");
  const PlaceMention* on = Find(ms, "Ontarians");
  ASSERT_NE(on, nullptr);
  EXPECT_EQ(on->country_iso3, "CAN");
  ASSERT_NE(Find(ms, "Minnesotan"), nullptr);
  // With demonyms switched off, none.
  text_ = "Texans and Ontarians met.";
  text::AnalyzeText(text_, &analyzed_);
  GeoparserOptions options;
  options.include_demonyms = false;
  EXPECT_TRUE(Geoparser(*gazetteer_, options).FindPlaces(analyzed_, text_, {}).empty());
}

TEST_F(GeoparserTest, SeatsOfGovernmentStandAtTheirCapitalAndOceansAreNoTowns) {
  auto ms = Places("The White House and the Kremlin said the Atlantic is wide.");
  const PlaceMention* wh = Find(ms, "White House");
  ASSERT_NE(wh, nullptr);
  EXPECT_EQ(wh->feature, "PPLC");
  EXPECT_NEAR(wh->lat, 38.9, 0.1);
  const PlaceMention* kremlin = Find(ms, "Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->country_iso3, "RUS");
  EXPECT_EQ(Find(ms, "Atlantic"), nullptr);
  ms = Places("Casinos in Atlantic City reopened.");
  EXPECT_NE(Find(ms, "Atlantic City"), nullptr);
}

TEST_F(GeoparserTest, SeasAndLatinAmericaAreNotTheirNamesakes) {
  auto ms = Places("Ships crossed the Indian Ocean and the South China Sea.");
  EXPECT_EQ(Find(ms, "Indian"), nullptr);
  EXPECT_EQ(Find(ms, "China"), nullptr);
  ms = Places("Latin America and Latin American leaders met Central American envoys.");
  const PlaceMention* la = Find(ms, "Latin America");
  ASSERT_NE(la, nullptr);
  EXPECT_EQ(la->kind, PlaceKind::kContinent);
  EXPECT_EQ(la->name, "South America");
  const PlaceMention* lam = Find(ms, "Latin American");
  ASSERT_NE(lam, nullptr);
  EXPECT_TRUE(lam->demonym);
  for (const PlaceMention& m : ms) EXPECT_NE(m.country_iso3, "USA") << m.text;
  ms = Places("Aides in the West Wing were told.");
  const PlaceMention* ww = Find(ms, "West Wing");
  ASSERT_NE(ww, nullptr);
  EXPECT_EQ(ww->country_iso3, "USA");
}

TEST_F(GeoparserTest, LegislatorsPartyTagNamesAUsPlace) {
  auto ms = Places("Senate Tax Chairman Tom Bakk, DFL-Cook, said Minnesota's share was due.");
  const PlaceMention* cook = Find(ms, "Cook");
  ASSERT_NE(cook, nullptr);
  EXPECT_EQ(cook->country_iso3, "USA");
  EXPECT_EQ(text_.substr(cook->begin, cook->end - cook->begin), "Cook");
  ms = Places("Sen. Robert Ford, D-Charleston, agreed.");
  const PlaceMention* ch = Find(ms, "Charleston");
  ASSERT_NE(ch, nullptr);
  EXPECT_EQ(ch->country_iso3, "USA");
}

TEST_F(GeoparserTest, ShortAcronymIsNoTown) {
  // Eu is a town in France; "EU" is the European Union. Country codes still count.
  auto ms = Places("The EU and the US signed the deal.");
  EXPECT_EQ(Find(ms, "EU"), nullptr);
  const PlaceMention* us = Find(ms, "US");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->country_iso3, "USA");
}

TEST_F(GeoparserTest, DatelinePlaceOutsideItsNamedRegion) {
  // The gazetteer's Hollidays are not in Missouri: the region is the only mention.
  auto ms = Places("HOLLIDAY, Mo. \u2014 A 25-year-old man was hurt on Monday.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "Mo.");
  EXPECT_EQ(ms[0].name, "Missouri");
}

TEST_F(GeoparserTest, GivenNameBeforeASurnameIsAPerson) {
  // "Gordon" and "Blair" are US towns, and a country's name keeps its sense inside other names;
  // but after a known given name a word is a surname, wherever it stands in the document (the
  // heading's "Blair" comes before "Tony Blair").
  auto ms = Places(
      "Blair rejects Iraq advice calls. Tony Blair has dismissed reports he told Gordon Brown "
      "he would quit.");
  EXPECT_EQ(Find(ms, "Blair"), nullptr);
  EXPECT_EQ(Find(ms, "Gordon"), nullptr);
  EXPECT_EQ(Find(ms, "Brown"), nullptr);
  ASSERT_NE(Find(ms, "Iraq"), nullptr);
  EXPECT_EQ(Find(ms, "Iraq")->country_iso3, "IRQ");

  ms = Places("King Abdullah of Jordan met Michael Jordan.");
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(ms[0].text, "Jordan");
  EXPECT_EQ(ms[0].country_iso3, "JOR");
  EXPECT_LT(ms[0].begin, 25u);  // the first Jordan, not the surname

  // A word the document puts after "in" stays a place, and a capital before a capitalised word
  // is no first name.
  ms = Places("Michael Jordan flew home. Fans in Jordan cheered.");
  EXPECT_NE(Find(ms, "Jordan"), nullptr);
  ms = Places("Sydney Harbour was closed.");
  ASSERT_NE(Find(ms, "Sydney"), nullptr);
  EXPECT_EQ(Find(ms, "Sydney")->country_iso3, "AUS");
}

TEST_F(GeoparserTest, GivenNameTableHoldsNamesNotTitles) {
  EXPECT_GT(GivenNameCount(), 1000u);
  EXPECT_TRUE(IsGivenName("MICHAEL"));
  EXPECT_TRUE(IsGivenName("GORDON"));
  EXPECT_FALSE(IsGivenName("SIR"));
  EXPECT_FALSE(IsGivenName("SHEIKH"));
  EXPECT_FALSE(IsGivenName("LONDON"));
  EXPECT_FALSE(IsGivenName("michael"));  // norms are upper case
  // Titles and organisation tags the actor dictionary writes first are no names.
  for (const char* title : {"AYATOLLAH", "LYONPO", "DATUK", "CROWN", "CPP", "KPA", "SAMDECH"}) {
    EXPECT_FALSE(IsGivenName(title)) << title;
  }
  // Common English given names of local news, which the world leaders' dictionary lacks.
  EXPECT_TRUE(IsGivenName("CRAIG"));
  EXPECT_TRUE(IsGivenName("BRETT"));
}

TEST_F(GeoparserTest, PossessiveAfterFromNamesAPerson) {
  // "from Jones' car" is no place a thing comes from: Jones stays the person it was introduced
  // as, and Jones, Oklahoma is not named.
  auto ms = Places(
      "Police said Jason Terrell Jones, 23, fled. Officers took a gun from Jones' car. Jones was "
      "charged.");
  EXPECT_EQ(Find(ms, "Jones"), nullptr);
  // Without the possessive "from" still marks a place.
  ms = Places("Mary Jones, 40, said she moved from Jones to Tulsa.");
  EXPECT_NE(Find(ms, "Jones"), nullptr);
}

TEST_F(GeoparserTest, GivenNameThatIsAForeignRegionBeforeASurname) {
  // Mary is a Turkmen region and a given name: before a surname it is the name.
  auto ms = Places("\"It is hard,\" said Mary Wheeler, a teacher in Springfield, Ill.");
  EXPECT_EQ(Find(ms, "Mary"), nullptr);
  // A US state keeps its sense before a capitalised word.
  ms = Places("Virginia Beach and Georgia Tech were mentioned.");
  EXPECT_NE(Find(ms, "Virginia Beach"), nullptr);
}

TEST_F(GeoparserTest, NameWrittenAloneElsewhereIsAPlaceBeforeACapitalisedWord) {
  // "Ozark Dodge" alone could be a person's name; the story also writes "Ozark police".
  auto ms = Places("Ozark police cordoned off Ozark Dodge on Monday.");
  int ozark = 0;
  for (const PlaceMention& m : ms) ozark += m.text == "Ozark";
  EXPECT_EQ(ozark, 2);
  ms = Places("Police cordoned off Ozark Dodge on Monday.");
  EXPECT_EQ(Find(ms, "Ozark"), nullptr);
}

TEST_F(GeoparserTest, OfficeAfterSaidNameMakesItATown) {
  auto ms = Places("The bridge is vital, said Monroe Mayor Robert Routson.");
  ASSERT_NE(Find(ms, "Monroe"), nullptr);
  EXPECT_EQ(Find(ms, "Monroe")->country_iso3, "USA");
  ms = Places("The bridge is vital, said Monroe.");
  EXPECT_EQ(Find(ms, "Monroe"), nullptr);
}

TEST_F(GeoparserTest, VillageVotesLessThanATown) {
  // Kalispell (Montana, 20,000 people) and Perham (Minnesota, 3,000): a county the gazetteer
  // lacks goes to the state of the town, whose vote outweighs the village's.
  auto ms = Places("Kalispell and Perham officials met about Laurel County.");
  const PlaceMention* county = Find(ms, "Laurel County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->country_iso3, "USA");
  EXPECT_LT(county->lon, -104.0) << county->name;  // Montana, west of Minnesota
  EXPECT_GT(county->lat, 44.0);
}

TEST_F(GeoparserTest, CapitalOfANamedCountryKeepsItsNameAgainstRegionVotes) {
  // Los Angeles votes for California, where a village is called London; the story names the
  // British, so "London" is the capital.
  auto ms = Places(
      "British stars flew in from Los Angeles. The awards take place at London's Odeon on "
      "Sunday.");
  const PlaceMention* london = Find(ms, "London");
  ASSERT_NE(london, nullptr);
  EXPECT_EQ(london->country_iso3, "GBR");
  // Admin context after the name still decides, and so do neighbours (Dublin beside Columbus
  // and Worthington is Dublin, Ohio, whatever "Irish" names).
  ms = Places(
      "British stars flew in from Los Angeles. The awards take place in London, Ky., on Sunday.");
  ASSERT_NE(Find(ms, "London"), nullptr);
  EXPECT_EQ(Find(ms, "London")->country_iso3, "USA");
  ms = Places("Officials in Columbus and Worthington said Dublin would host the Irish festival.");
  ASSERT_NE(Find(ms, "Dublin"), nullptr);
  EXPECT_EQ(Find(ms, "Dublin")->country_iso3, "USA");
}

TEST_F(GeoparserTest, StateNameIsTheStateNotATownOfAnotherState) {
  // Chicago votes for Illinois, where towns are called Oregon and Washington; the names still
  // mean the state and the capital.
  auto ms =
      Places("Officials in Chicago met governors from Oregon and Washington about the rail plan.");
  ASSERT_NE(Find(ms, "Oregon"), nullptr);
  EXPECT_EQ(Find(ms, "Oregon")->kind, PlaceKind::kAdmin1);
  ASSERT_NE(Find(ms, "Washington"), nullptr);
  EXPECT_NE(Find(ms, "Washington")->feature, "PPL");
  // Admin context and a town's word after the name still make it the town.
  ms = Places("Officials in Chicago met the mayor of Oregon, Ill., about the rail plan.");
  ASSERT_NE(Find(ms, "Oregon"), nullptr);
  EXPECT_EQ(Find(ms, "Oregon")->kind, PlaceKind::kPlace);
}

TEST_F(GeoparserTest, AllCapsDatelineAfterAHeadline) {
  // A dateline after the headline sentence: its comma makes it one even for a word that opens
  // sentences ("Fairfield"), and so does the control character a mis-decoded em dash leaves.
  auto ms = Places("Woman handcuffs self to husband. FAIRFIELD, Conn. -- Police say she tried.");
  ASSERT_NE(Find(ms, "FAIRFIELD"), nullptr);
  EXPECT_EQ(Find(ms, "FAIRFIELD")->country_iso3, "USA");
  ms = Places("Man fined after crash. NEWARK \u0097 It was classified as a motor vehicle.");
  EXPECT_NE(Find(ms, "NEWARK"), nullptr);
  // An all-caps word in running text is still no place.
  ms = Places("Man fined after crash. NEWARK It was classified as a motor vehicle.");
  EXPECT_EQ(Find(ms, "NEWARK"), nullptr);
}

TEST_F(GeoparserTest, CountyLiesInTheStateTheStoryNamesMost) {
  // "Illinois" is unambiguous and "Indiana" is also a town's name, so votes alone favour
  // Illinois; the story names Indiana three times, and its county is there.
  auto ms = Places(
      "Boone County schools will cut bus routes. Indiana lawmakers cut school funding, and "
      "Indiana districts must save money. Teachers in Indiana said Illinois pays more.");
  const PlaceMention* county = Find(ms, "Boone County");
  ASSERT_NE(county, nullptr);
  EXPECT_GT(county->lon, -88.1) << county->name;  // Indiana lies east of Illinois' line
  // Named as often as another state: the votes decide as before.
  ms = Places(
      "Boone County schools will cut bus routes. Indiana lawmakers cut school funding. "
      "Teachers said Illinois pays more.");
  county = Find(ms, "Boone County");
  ASSERT_NE(county, nullptr);
  EXPECT_LT(county->lon, -88.1) << county->name;
}

TEST_F(GeoparserTest, CountyNamedByACommonNoun) {
  // "Hall" and "Lake" are never places alone, but Hall County and Lake County are counties.
  auto ms = Places("Officials in Hall County, Ga., approved the new prison on Monday.");
  const PlaceMention* hall = Find(ms, "Hall County");
  ASSERT_NE(hall, nullptr);
  EXPECT_TRUE(hall->approximate);
  EXPECT_EQ(hall->country_iso3, "USA");
  EXPECT_EQ(Find(Places("The Hall was full on Monday."), "Hall"), nullptr);
}

TEST_F(GeoparserTest, CitySectionNeedsSupport) {
  // Driver is a suburb of Darwin (a GeoNames PPLX), and a headline's first word here.
  auto ms = Places("Driver injured in crash. A man was hurt on Friday night.");
  EXPECT_EQ(Find(ms, "Driver"), nullptr);
  // With its country in the story it is the suburb; a famous big section needs nothing.
  ms = Places("Floods in Australia cut off Darwin and the suburbs of Driver and Palmerston.");
  EXPECT_NE(Find(ms, "Driver"), nullptr);
  ms = Places("Hollywood studios cut jobs on Friday.");
  EXPECT_NE(Find(ms, "Hollywood"), nullptr);
}

TEST_F(GeoparserTest, CityBeforeATownOfficeIsTheTownsWord) {
  // "Dublin City" is only Dublin, Ireland's alternate name; before "Council" it is Dublin's
  // council, and Columbus and Worthington place that Dublin in Ohio.
  auto ms = Places(
      "The budget passed. Dublin City Council approved the plan on Monday, and officials in "
      "Columbus and Worthington agreed.");
  ASSERT_NE(Find(ms, "Dublin"), nullptr);
  EXPECT_EQ(Find(ms, "Dublin")->country_iso3, "USA");
  // A city whose shorter name is also a region keeps its "City".
  ms = Places("The budget passed. Quebec City Council approved the plan on Monday.");
  ASSERT_NE(Find(ms, "Quebec City"), nullptr);
  EXPECT_EQ(Find(ms, "Quebec City")->kind, PlaceKind::kPlace);
}

TEST_F(GeoparserTest, WaterBodiesNamedAfterAPlaceAreNotThePlace) {
  auto ms = Places("Oil spilled into the Gulf of Mexico near the Farallon Islands on Monday.");
  EXPECT_EQ(Find(ms, "Mexico"), nullptr);
  EXPECT_EQ(Find(ms, "Islands"), nullptr);
  ms = Places("Oil prices rose in Mexico on Monday.");
  EXPECT_NE(Find(ms, "Mexico"), nullptr);
}

TEST_F(GeoparserTest, NamesListedBeforeCountiesAreCounties) {
  // "Jackson and Barrow counties" beside Georgia: both are Georgia's counties, not Jackson,
  // Mississippi or Barrow, Alaska.
  auto ms = Places(
      "School districts in Northeast Georgia are changing policies. Officials in Jackson and "
      "Barrow counties said Georgia cut their funds.");
  for (const char* name : {"Jackson", "Barrow"}) {
    const PlaceMention* m = Find(ms, name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->country_iso3, "USA") << name;
    EXPECT_GT(m->lon, -86.0) << name << " " << m->name;  // Georgia lies east of Alabama
    EXPECT_LT(m->lat, 35.1) << name << " " << m->name;
  }
  // No list (no "and"), no county: "Barrow counties" is not read as one.
  ms = Places("Officials said Barrow counties had met on Monday.");
  for (const PlaceMention& m : ms) EXPECT_FALSE(m.approximate) << m.text;
}

}  // namespace
}  // namespace annal::context
