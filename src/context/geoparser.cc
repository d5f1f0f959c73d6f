#include "context/geoparser.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "context/geoparser_given_names.h"

namespace annal::context {
namespace {

using text::Token;

// Words that are never a one-word place name, wherever they stand (they are also GeoNames
// places somewhere: Of in Turkey, Police in Poland, March in England).
const std::unordered_set<std::string_view>& NeverPlace() {
  static const auto* s = new std::unordered_set<std::string_view>{"A",
                                                                  "AN",
                                                                  "THE",
                                                                  "OF",
                                                                  "IN",
                                                                  "ON",
                                                                  "AT",
                                                                  "TO",
                                                                  "BY",
                                                                  "FOR",
                                                                  "FROM",
                                                                  "WITH",
                                                                  "AND",
                                                                  "OR",
                                                                  "BUT",
                                                                  "I",
                                                                  "HE",
                                                                  "SHE",
                                                                  "IT",
                                                                  "WE",
                                                                  "THEY",
                                                                  "YOU",
                                                                  "HIS",
                                                                  "HER",
                                                                  "ITS",
                                                                  "OUR",
                                                                  "THEIR",
                                                                  "THIS",
                                                                  "THAT",
                                                                  "THESE",
                                                                  "THOSE",
                                                                  "MONDAY",
                                                                  "TUESDAY",
                                                                  "WEDNESDAY",
                                                                  "THURSDAY",
                                                                  "FRIDAY",
                                                                  "SATURDAY",
                                                                  "SUNDAY",
                                                                  "JANUARY",
                                                                  "FEBRUARY",
                                                                  "MARCH",
                                                                  "APRIL",
                                                                  "MAY",
                                                                  "JUNE",
                                                                  "JULY",
                                                                  "AUGUST",
                                                                  "SEPTEMBER",
                                                                  "OCTOBER",
                                                                  "NOVEMBER",
                                                                  "DECEMBER",
                                                                  "POLICE",
                                                                  "GOD",
                                                                  "CHRISTMAS",
                                                                  "EASTER",
                                                                  "MR",
                                                                  "MRS",
                                                                  "MS",
                                                                  "DR",
                                                                  "ST",
                                                                  "NO",
                                                                  "YES",
                                                                  "OK",
                                                                  "STREET",
                                                                  "CITY",
                                                                  "COUNCIL",
                                                                  "UNIVERSITY",
                                                                  "COLLEGE",
                                                                  "COURT",
                                                                  "CENTER",
                                                                  "CENTRE",
                                                                  "HALL",
                                                                  "NORTH",
                                                                  "SOUTH",
                                                                  "EAST",
                                                                  "WEST",
                                                                  "CENTRAL",
                                                                  "MAN",
                                                                  "LAW",
                                                                  "CHURCH",
                                                                  "SCHOOL",
                                                                  "ROAD",
                                                                  "AVENUE",
                                                                  "PARK",
                                                                  "OLYMPIC",
                                                                  "LIBERAL",
                                                                  "HYDRO",
                                                                  "JUSTICE",
                                                                  "SECRETARY",
                                                                  "ONE",
                                                                  "COMMERCE",
                                                                  "STATE",
                                                                  "COUNTY",
                                                                  "GOVERNMENT",
                                                                  "BOARD",
                                                                  "DEPARTMENT",
                                                                  "REPUBLICAN",
                                                                  "DEMOCRAT",
                                                                  "DEMOCRATIC",
                                                                  "HOUSE",
                                                                  "SENATE",
                                                                  "CONGRESS",
                                                                  "PRESIDENT",
                                                                  "GOVERNOR",
                                                                  "MAYOR",
                                                                  "CHIEF",
                                                                  "OFFICE",
                                                                  "STATION",
                                                                  "LAKE",
                                                                  "RIVER",
                                                                  "MOUNT",
                                                                  "BAY",
                                                                  "VALLEY",
                                                                  "ISLAND",
                                                                  "BEACH",
                                                                  "HARBOR",
                                                                  "PORT",
                                                                  "FORT",
                                                                  "AIRPORT",
                                                                  "HAMAS",
                                                                  "XINHUA",
                                                                  "GOOD",
                                                                  "BEST",
                                                                  "GREAT",
                                                                  "FIRST",
                                                                  "LAST",
                                                                  "NATIONAL",
                                                                  "INTERNATIONAL",
                                                                  "NORTHEAST",
                                                                  "NORTHWEST",
                                                                  "SOUTHEAST",
                                                                  "SOUTHWEST",
                                                                  "NORTHERN",
                                                                  "SOUTHERN",
                                                                  "EASTERN",
                                                                  "WESTERN",
                                                                  "METRO",
                                                                  "EARTH",
                                                                  "NONE",
                                                                  "SECTION",
                                                                  "ARAB",
                                                                  // Continents the gazetteer
                                                                  // has no GeoNames point for.
                                                                  "EURASIA",
                                                                  "OCEANIA",
                                                                  "ANTARCTICA",
                                                                  // Oceans (no gazetteer entry):
                                                                  // "the Atlantic" is no town in
                                                                  // Iowa.
                                                                  "ATLANTIC",
                                                                  "PACIFIC",
                                                                  "ARCTIC",
                                                                  // Common nouns that GeoNames
                                                                  // lists as towns or alternate
                                                                  // names: "Court of Human
                                                                  // Rights" is not Uman, "Bank of
                                                                  // America" not Bank (India),
                                                                  // "the 19th Century" not
                                                                  // Century, Florida; "Home
                                                                  // Office" not Home, Kansas.
                                                                  "HOME",
                                                                  "HUMAN",
                                                                  "BANK",
                                                                  "CENTURY",
                                                                  // "the Farallon Islands" is no
                                                                  // Hong Kong district.
                                                                  "ISLANDS"};
  return *s;
}

// Common English words that open sentences and are also place names ("Reading", "Mobile",
// "Split", "Nice"): not a place when they stand first in a sentence.
const std::unordered_set<std::string_view>& SentenceInitialCommon() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "AFTER",        "ALL",         "ALSO",        "ALTHOUGH", "AS",      "BEFORE",  "BEST",
      "BOTH",         "BUT",         "DURING",      "EACH",     "EARLY",   "EVEN",    "EVERY",
      "FEW",          "FIRST",       "GOOD",        "HERE",     "HOPE",    "HOW",     "HOWEVER",
      "IF",           "JUST",        "LAST",        "LATER",    "LIKE",    "MANY",    "MOBILE",
      "MORE",         "MOST",        "MUCH",        "NEW",      "NEXT",    "NICE",    "NOW",
      "ONCE",         "ONE",         "ONLY",        "OTHER",    "OVER",    "READING", "SINCE",
      "SO",           "SOME",        "SPLIT",       "STILL",    "SUCH",    "THEN",    "THERE",
      "THOUGH",       "THUS",        "TODAY",       "TWO",      "UNDER",   "UNION",   "UNTIL",
      "WHEN",         "WHERE",       "WHILE",       "WHO",      "WHY",     "YET",     "LIBERTY",
      "INDEPENDENCE", "ENTERPRISE",  "COMMERCE",    "INDUSTRY", "JUSTICE", "TRUTH",   "VICTORY",
      "WELCOME",      "SURPRISE",    "FAIRFIELD",   "CAUSE",    "AURORA",  "DEAL",    "MAIN",
      "OFFICIALS",    "PROSECUTORS", "AUTHORITIES", "RESIDENTS", "BRITS"};
  return *s;
}

// Titles before a person's name: "Mr. Jordan", "Gen. Lee", "President Lincoln".
const std::unordered_set<std::string_view>& PersonTitles() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "MR.",     "MR",        "MRS.",   "MRS",      "MS.",       "MS",    "DR.",
      "DR",      "MISS",      "SIR",    "DAME",     "LORD",      "LADY",  "SEN.",
      "SEN",     "SENATOR",   "REP.",   "REP",      "GOV.",      "GEN.",  "GEN",
      "GENERAL", "COL.",      "LT.",    "SGT.",     "CAPT.",     "REV.",  "PRESIDENT",
      "PRINCE",  "PRINCESS",  "KING",   "QUEEN",    "JUDGE",     "COACH", "OFFICER",
      "DEPUTY",  "DETECTIVE", "MAYOR",  "GOVERNOR", "PROFESSOR", "PROF.", "SAINT",
      "POPE",    "BISHOP",    "FATHER", "SISTER",   "BROTHER",   "UNCLE", "AUNT"};
  return *s;
}

// Capitalised words that may precede a place without making it part of another name.
const std::unordered_set<std::string_view>& PlaceModifiers() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "NORTH",        "SOUTH",        "EAST",       "WEST",         "NORTHERN",
      "SOUTHERN",     "EASTERN",      "WESTERN",    "CENTRAL",      "NORTHEAST",
      "NORTHWEST",    "SOUTHEAST",    "SOUTHWEST",  "NORTHEASTERN", "NORTHWESTERN",
      "SOUTHEASTERN", "SOUTHWESTERN", "GREATER",    "UPPER",        "LOWER",
      "DOWNTOWN",     "METRO",        "RURAL",      "SUBURBAN",     "COASTAL",
      "NEIGHBORING",  "NEIGHBOURING", "NATIONWIDE", "OCCUPIED",     "BESIEGED",
      "IN",           "AT",           "ON",         "TO",           "FROM",
      "NEAR",         "OUTSIDE",      "INSIDE",     "ACROSS",       "THROUGHOUT",
      "AND",          "OR",           "THE",        "OF",           "BY",
      "WITH",         "AGAINST",      "VISITED",    "FORMER",       "RUSSIAN-BACKED",
      "PRO-RUSSIAN",  "METROPOLITAN", "HISTORIC"};
  return *s;
}

// Capitalised words that may follow a place name and still leave it a place ("Moscow Mayor",
// "Texas Governor", "Baghdad Police", "U.S. President").
const std::unordered_set<std::string_view>& FollowingAllowed() {
  static const auto* s = new std::unordered_set<std::string_view>{"PRESIDENT",
                                                                  "PRIME",
                                                                  "MINISTER",
                                                                  "FOREIGN",
                                                                  "DEFENSE",
                                                                  "DEFENCE",
                                                                  "INTERIOR",
                                                                  "GOVERNOR",
                                                                  "GOV.",
                                                                  "MAYOR",
                                                                  "POLICE",
                                                                  "SHERIFF",
                                                                  "ARMY",
                                                                  "NAVY",
                                                                  "AIR",
                                                                  "FORCES",
                                                                  "TROOPS",
                                                                  "OFFICIALS",
                                                                  "AUTHORITIES",
                                                                  "GOVERNMENT",
                                                                  "STATE",
                                                                  "SECRETARY",
                                                                  "AMBASSADOR",
                                                                  "EMBASSY",
                                                                  "CONSULATE",
                                                                  "SENATOR",
                                                                  "SEN.",
                                                                  "REP.",
                                                                  "REPRESENTATIVE",
                                                                  "CONGRESSMAN",
                                                                  "CONGRESSWOMAN",
                                                                  "LEADER",
                                                                  "OFFICIAL",
                                                                  "CHIEF",
                                                                  "GEN.",
                                                                  "GENERAL",
                                                                  "SPECIAL",
                                                                  "JUSTICE",
                                                                  "ATTORNEY",
                                                                  "EMBASSADOR",
                                                                  "CITIZENS",
                                                                  "RESIDENTS",
                                                                  "TIME",
                                                                  "DEPUTY",
                                                                  "COMMISSIONER",
                                                                  "CAPITAL",
                                                                  "MILITARY",
                                                                  "PM",
                                                                  "FM",
                                                                  "PARLIAMENT",
                                                                  "CONGRESS",
                                                                  "LAWMAKERS",
                                                                  "PROSECUTORS",
                                                                  "COURT",
                                                                  "SUPREME",
                                                                  "CITY",
                                                                  "MEDIA",
                                                                  "TV",
                                                                  "ON",
                                                                  "IN",
                                                                  "AND",
                                                                  "OR",
                                                                  // Local institutions named
                                                                  // after their town ("Groton
                                                                  // Town Council", "Oakdale Fire
                                                                  // Department", "Crestwood
                                                                  // School Board").
                                                                  "TOWN",
                                                                  "TOWNSHIP",
                                                                  "VILLAGE",
                                                                  "COUNCIL",
                                                                  "COUNCILMAN",
                                                                  "COUNCILWOMAN",
                                                                  "SELECTMAN",
                                                                  "SELECTMEN",
                                                                  "ALDERMAN",
                                                                  "BOARD",
                                                                  "SCHOOL",
                                                                  "SCHOOLS",
                                                                  "HIGH",
                                                                  "MIDDLE",
                                                                  "ELEMENTARY",
                                                                  "EDUCATION",
                                                                  "FIRE",
                                                                  "VOLUNTEER",
                                                                  "RESCUE",
                                                                  "LIBRARY",
                                                                  "HOSPITAL",
                                                                  "MEDICAL",
                                                                  "PUBLIC",
                                                                  "COMMUNITY",
                                                                  "SENIOR",
                                                                  "CHAMBER",
                                                                  "ROTARY",
                                                                  "KIWANIS",
                                                                  "ELKS",
                                                                  "HISTORICAL",
                                                                  "PLANNING",
                                                                  "ZONING",
                                                                  "COMMISSION",
                                                                  "DEPARTMENT",
                                                                  "DISTRICT",
                                                                  "AREA",
                                                                  "REGIONAL",
                                                                  "HOUSING",
                                                                  "WATER",
                                                                  "UTILITIES",
                                                                  "PARKS",
                                                                  "RECREATION"};
  return *s;
}

// What follows an all-caps dateline place: a comma before its region, an agency's parenthesis,
// or a dash (also an en or em dash).
bool IsDatelineMark(std::string_view norm) {
  static constexpr std::string_view kMarks[] = {",",   "(",     "-",      "--",          ":",
                                                "---", "\u2013", "\u2014"};
  for (std::string_view m : kMarks) {
    if (norm == m) return true;
  }
  return false;
}

// Common nouns that never name a place alone but do name US counties ("Hall County", Georgia;
// "Lake County", "Bay County", "Centre County").
bool IsCountyNoun(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"HALL",   "LAKE",   "PARK",  "BAY",
                                                "VALLEY", "ISLAND", "CENTRE"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

// Words after a name that make it a town's ("Monroe Mayor", "Ozark police", "Groton residents"):
// offices and institutions a firm or a person does not have ("Mercedes chief executive").
bool IsTownOfficeWord(std::string_view norm) {
  static constexpr std::string_view kWords[] = {
      "MAYOR",    "POLICE",  "SHERIFF", "COUNCIL",     "CITY",      "TOWN",  "TOWNSHIP",
      "VILLAGE",  "FIRE",    "SCHOOL",  "SCHOOLS",     "RESIDENTS", "ALDERMAN", "SELECTMEN",
      "SELECTMAN", "COUNCILMAN", "COUNCILWOMAN", "LIBRARY", "PLANNING", "ZONING"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

// The people of a US state or Canadian province (annal's own table; the gazetteer's demonyms
// are countries' and continents'). Left out: forms that are also a country's people (Georgian),
// a newspaper's or a magazine's name (Oregonian, Oklahoman, Tennessean, New Yorker) or an ethnic
// group (Hawaiian).
struct RegionDemonym {
  std::string_view norm;  // Token::norm form; two words joined by one space
  std::string_view iso3;
  std::string_view admin1;  // GeoNames admin-1 code
};

const RegionDemonym* FindRegionDemonym(std::string_view norm) {
  static constexpr RegionDemonym kDemonyms[] = {
      {"ALABAMIAN", "USA", "AL"},         {"ALABAMIANS", "USA", "AL"},
      {"ALASKAN", "USA", "AK"},           {"ALASKANS", "USA", "AK"},
      {"ARIZONAN", "USA", "AZ"},          {"ARIZONANS", "USA", "AZ"},
      {"ARKANSAN", "USA", "AR"},          {"ARKANSANS", "USA", "AR"},
      {"CALIFORNIAN", "USA", "CA"},       {"CALIFORNIANS", "USA", "CA"},
      {"COLORADAN", "USA", "CO"},         {"COLORADANS", "USA", "CO"},
      {"DELAWAREAN", "USA", "DE"},        {"DELAWAREANS", "USA", "DE"},
      {"FLORIDIAN", "USA", "FL"},         {"FLORIDIANS", "USA", "FL"},
      {"IDAHOAN", "USA", "ID"},           {"IDAHOANS", "USA", "ID"},
      {"ILLINOISAN", "USA", "IL"},        {"ILLINOISANS", "USA", "IL"},
      {"HOOSIER", "USA", "IN"},           {"HOOSIERS", "USA", "IN"},
      {"IOWAN", "USA", "IA"},             {"IOWANS", "USA", "IA"},
      {"KANSAN", "USA", "KS"},            {"KANSANS", "USA", "KS"},
      {"KENTUCKIAN", "USA", "KY"},        {"KENTUCKIANS", "USA", "KY"},
      {"LOUISIANAN", "USA", "LA"},        {"LOUISIANANS", "USA", "LA"},
      {"LOUISIANIAN", "USA", "LA"},       {"LOUISIANIANS", "USA", "LA"},
      {"MAINER", "USA", "ME"},            {"MAINERS", "USA", "ME"},
      {"MARYLANDER", "USA", "MD"},        {"MARYLANDERS", "USA", "MD"},
      {"MICHIGANDER", "USA", "MI"},       {"MICHIGANDERS", "USA", "MI"},
      {"MINNESOTAN", "USA", "MN"},        {"MINNESOTANS", "USA", "MN"},
      {"MISSISSIPPIAN", "USA", "MS"},     {"MISSISSIPPIANS", "USA", "MS"},
      {"MISSOURIAN", "USA", "MO"},        {"MISSOURIANS", "USA", "MO"},
      {"MONTANAN", "USA", "MT"},          {"MONTANANS", "USA", "MT"},
      {"NEBRASKAN", "USA", "NE"},         {"NEBRASKANS", "USA", "NE"},
      {"NEVADAN", "USA", "NV"},           {"NEVADANS", "USA", "NV"},
      {"NEW HAMPSHIRITE", "USA", "NH"},   {"NEW HAMPSHIRITES", "USA", "NH"},
      {"NEW JERSEYAN", "USA", "NJ"},      {"NEW JERSEYANS", "USA", "NJ"},
      {"NEW MEXICAN", "USA", "NM"},       {"NEW MEXICANS", "USA", "NM"},
      {"NORTH CAROLINIAN", "USA", "NC"},  {"NORTH CAROLINIANS", "USA", "NC"},
      {"NORTH DAKOTAN", "USA", "ND"},     {"NORTH DAKOTANS", "USA", "ND"},
      {"OHIOAN", "USA", "OH"},            {"OHIOANS", "USA", "OH"},
      {"PENNSYLVANIAN", "USA", "PA"},     {"PENNSYLVANIANS", "USA", "PA"},
      {"RHODE ISLANDER", "USA", "RI"},    {"RHODE ISLANDERS", "USA", "RI"},
      {"SOUTH CAROLINIAN", "USA", "SC"},  {"SOUTH CAROLINIANS", "USA", "SC"},
      {"SOUTH DAKOTAN", "USA", "SD"},     {"SOUTH DAKOTANS", "USA", "SD"},
      {"TEXAN", "USA", "TX"},             {"TEXANS", "USA", "TX"},
      {"UTAHN", "USA", "UT"},             {"UTAHNS", "USA", "UT"},
      {"VERMONTER", "USA", "VT"},         {"VERMONTERS", "USA", "VT"},
      {"VIRGINIAN", "USA", "VA"},         {"VIRGINIANS", "USA", "VA"},
      {"WASHINGTONIAN", "USA", "WA"},     {"WASHINGTONIANS", "USA", "WA"},
      {"WEST VIRGINIAN", "USA", "WV"},    {"WEST VIRGINIANS", "USA", "WV"},
      {"WISCONSINITE", "USA", "WI"},      {"WISCONSINITES", "USA", "WI"},
      {"WYOMINGITE", "USA", "WY"},        {"WYOMINGITES", "USA", "WY"},
      {"ALBERTAN", "CAN", "01"},          {"ALBERTANS", "CAN", "01"},
      {"BRITISH COLUMBIAN", "CAN", "02"}, {"BRITISH COLUMBIANS", "CAN", "02"},
      {"MANITOBAN", "CAN", "03"},         {"MANITOBANS", "CAN", "03"},
      {"NEW BRUNSWICKER", "CAN", "04"},   {"NEW BRUNSWICKERS", "CAN", "04"},
      {"NEWFOUNDLANDER", "CAN", "05"},    {"NEWFOUNDLANDERS", "CAN", "05"},
      {"NOVA SCOTIAN", "CAN", "07"},      {"NOVA SCOTIANS", "CAN", "07"},
      {"ONTARIAN", "CAN", "08"},          {"ONTARIANS", "CAN", "08"},
      {"QUEBECER", "CAN", "10"},          {"QUEBECERS", "CAN", "10"},
      {"QUEBECKER", "CAN", "10"},         {"QUEBECKERS", "CAN", "10"},
      // The United Kingdom's nations: "English" is also a town in Indiana, "Welsh" one in
      // Louisiana, and read so they made a British story American.
      {"ENGLISH", "GBR", "ENG"},          {"SCOTTISH", "GBR", "SCT"},
      {"WELSH", "GBR", "WLS"},            {"NORTHERN IRISH", "GBR", "NIR"},
  };
  static const auto* by_norm = [] {
    auto* m = new std::unordered_map<std::string_view, const RegionDemonym*>();
    for (const RegionDemonym& d : kDemonyms) m->emplace(d.norm, &d);
    return m;
  }();
  auto it = by_norm->find(norm);
  return it == by_norm->end() ? nullptr : it->second;
}

// First words of the two-word forms above ("West Virginians").
bool StartsRegionDemonym(std::string_view norm) {
  return norm == "NEW" || norm == "NORTH" || norm == "SOUTH" || norm == "WEST" ||
         norm == "RHODE" || norm == "BRITISH" || norm == "NOVA" || norm == "NORTHERN";
}

// Seats of government that news names for the government and that the gazetteer lacks (or has
// only as a namesake town: White House, Tennessee): they stand at their capital.
struct Landmark {
  std::string_view norm;     // NormalizePlaceName form
  std::string_view capital;  // the capital's name key
  std::string_view iso3;
};
constexpr Landmark kLandmarks[] = {
    {"WHITE HOUSE", "WASHINGTON", "USA"},
    {"KREMLIN", "MOSCOW", "RUS"},
    {"WEST WING", "WASHINGTON", "USA"},  // the White House's
};

// "Indian Ocean", "South China Sea": a name before a sea's word is part of the sea's name.
bool IsSeaWord(std::string_view norm) {
  return norm == "OCEAN" || norm == "OCEANS" || norm == "SEA" || norm == "SEAS";
}

// Street types: "Dublin Road", "Paris St." name streets, not the towns.
bool IsStreetWord(std::string_view norm) {
  static constexpr std::string_view kWords[] = {
      "ROAD",      "RD",   "RD.",       "STREET", "ST.",      "AVENUE", "AVE", "AVE.",
      "DRIVE",     "LANE", "LN.",       "BOULEVARD", "BLVD",  "BLVD.",  "PIKE", "TURNPIKE",
      "TERRACE",   "CIRCLE"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

// Nouns of "a Lebanon man"-style home-town phrases.
const std::unordered_set<std::string_view>& HometownNouns() {
  static const auto* s = new std::unordered_set<std::string_view>{
      "MAN",      "WOMAN",   "RESIDENT", "RESIDENTS", "NATIVE", "COUPLE", "TEEN",
      "TEENAGER", "BOY",     "GIRL",     "FAMILY",    "YOUTH",  "MOTHER", "FATHER",
      "DRIVER",   "STUDENT", "RETIREE",  "VETERAN",   "WIDOW",  "TODDLER"};
  return *s;
}

// Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Rio de Janeiro").
bool IsInnerConnector(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"OF",  "DE",   "LA", "DEL", "DU", "DES", "AND",
                                                "THE", "UPON", "ON", "AM",  "-",  "DI",  "DA",
                                                "EL",  "AL",   "LE", "LES", "Y",  "EN",  "SUR"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

bool IsSpeechVerb(std::string_view norm) {
  static constexpr std::string_view kVerbs[] = {"SAID",  "SAYS",      "TOLD",  "ADDED", "WROTE",
                                                "ASKED", "EXPLAINED", "NOTED", "STATED"};
  for (std::string_view v : kVerbs) {
    if (norm == v) return true;
  }
  return false;
}

bool IsLocativePreposition(std::string_view norm) {
  static constexpr std::string_view kWords[] = {"IN",     "NEAR",       "OUTSIDE", "AROUND",
                                                "ACROSS", "THROUGHOUT", "INSIDE",  "FROM"};
  for (std::string_view w : kWords) {
    if (norm == w) return true;
  }
  return false;
}

bool StartsUpper(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || static_cast<unsigned char>(s[0]) >= 0xC0);
}

std::string_view Word(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// A possessive clitic ("’s") is no capitalised word, though its first byte is not ASCII.
bool IsCapitalizedWord(std::string_view text, const Token& t) {
  return t.has(text::kWord) && !t.has(text::kPossessive) && !t.has(text::kClitic) &&
         (t.has(text::kCapitalized) || StartsUpper(Word(text, t)));
}

// Whether token t follows a known given name: the capitalised, not all-caps token before it is
// in the given-name table, and is not a sentence's first word that is a common word there.
bool FollowsGivenName(std::string_view text, const std::vector<Token>& toks, uint32_t t,
                      uint32_t sentence_first) {
  if (t <= sentence_first) return false;
  const Token& prev = toks[t - 1];
  if (!IsCapitalizedWord(text, prev) || prev.has(text::kAllCaps) || !IsGivenName(prev.norm)) {
    return false;
  }
  return !(t - 1 == sentence_first && SentenceInitialCommon().contains(prev.norm));
}

// Whether token t is followed by a possessive ("Jones's", "Jones'"): "from Jones' underwear"
// names a person's belongings, not a place "from" which something comes.
bool BeforePossessive(std::string_view text, const std::vector<Token>& toks, uint32_t t,
                      uint32_t sentence_end) {
  if (t + 1 >= sentence_end || toks[t + 1].begin != toks[t].end) return false;
  const Token& next = toks[t + 1];
  std::string_view w = Word(text, next);
  return next.has(text::kPossessive) || w == "'" || w == "\xE2\x80\x99";
}

struct AdminContext {
  std::string iso3;
  std::string admin1;  // empty: the whole country
};

struct RawMention {
  uint32_t first = 0, end = 0;  // tokens
  std::vector<PlaceCandidate> candidates;
  bool demonym = false;
  bool county = false;       // "X County": candidates are places named X; needs admin support
  bool parish = false;       // a county written "X Parish": Louisiana's name for its counties
  bool before_name = false;  // followed by a capitalised non-place word ("Michael Moore")
  // Written as a home town ("a Palestine man", "Joyce Glover, 22, Palestine,"): a country is
  // never named so (that takes the demonym), so a country reading is dropped.
  bool hometown = false;
  uint32_t end_byte = 0;    // when nonzero, the name ends here inside its last token
  uint32_t begin_byte = 0;  // when nonzero, the name starts here inside its first token
  // In the dateline, which has no tokens: the place or its admin part ("GLASGOW, Ky."), at
  // bytes [span_begin, span_end).
  bool dateline = false;
  uint32_t span_begin = 0, span_end = 0;
  std::optional<AdminContext> admin;
};

// Neighbour evidence (see FindPlaces): the radius, the readings of a name considered, the most
// neighbours counted and the score of each. Chosen on GeoWebNews (the development set): radius
// 50/80/150 km and weight 0.5/1/1.5 gave 1,924-1,936 of its 2,401 toponyms, 150 km and 1 the
// most (1,932 without the rule); with the two guards against namesake clusters (capitals' names
// give only the capital's point; readings chosen by neighbours do not vote; no neighbours for
// a country nothing else in the document points to) 1,942.
constexpr double kNeighbourKm = 150;
constexpr size_t kMaxNeighbourReadings = 60;
constexpr int kMaxNeighbourVotes = 3;
constexpr double kNeighbourWeight = 1.0;

// Below this population an unambiguous (or dominant) place reading votes with half weight (see
// FindPlaces). 5,000 was the first value tried; on GWN (the development set) 2,000, 5,000 and
// 20,000 give the same count, so it is not tuned.
constexpr uint64_t kSmallPlacePopulation = 5000;

// Countries besides the US whose counties English news calls "X County" (Essex County
// Council, Nairobi County, Montserrado County, Yilan County).
bool IsCountyCountry(std::string_view iso3) {
  static constexpr std::string_view kCodes[] = {"GBR", "IRL", "KEN", "LBR",
                                                "CHN", "TWN", "NOR", "SWE"};
  for (std::string_view c : kCodes) {
    if (iso3 == c) return true;
  }
  return false;
}

// The country vote of an "X County" or "X Parish" mention (see FindPlaces).
constexpr double kCountyVoteWeight = 1.0;
// How close a town the story places must lie to a town named like a country for the name to
// mean the town (see FindPlaces' coherence pass): a neighbouring town, not a region away.
constexpr double kCountryTownKm = 40;
// The score a town in the US state a story names at least twice as often as any other gets on
// top of its admin votes (see FindPlaces' third pass).
constexpr double kNamedStateScore = 2.0;

// An admin-1 region of a few thousand people (the Isle of Man's parish Michael, Cape Verde's
// Paul) is as weak evidence as a village: person contexts and the population floor apply to it as
// to a place, so "Michael Rafferty said" names no place.
constexpr uint64_t kMinorRegionPopulation = 50000;
bool IsMinorRegion(const PlaceEntry& e) {
  return e.kind == PlaceKind::kAdmin1 && e.population < kMinorRegionPopulation;
}

std::string AdminKey(std::string_view iso3, std::string_view admin1) {
  std::string k(iso3);
  k.push_back('.');
  k.append(admin1);
  return k;
}

}  // namespace

Geoparser::Geoparser(const Gazetteer& gazetteer, GeoparserOptions options)
    : gazetteer_(gazetteer), options_(options) {}

std::vector<PlaceMention> Geoparser::FindPlaces(const text::AnalyzedText& analyzed,
                                                std::string_view text,
                                                const GeoContext& context) const {
  const std::vector<Token>& toks = analyzed.tokens;
  std::vector<RawMention> raws;

  // Longest key match starting at token t inside [t, end). Returns the end token or 0.
  // `cut_byte`, when given, receives the end of a name that stops at a hyphen inside its last
  // token ("Los Angeles-based": Los Angeles), else 0.
  auto longest = [&](uint32_t t, uint32_t end, bool allow_abbrev,
                     std::vector<PlaceCandidate>* cands, uint32_t* cut_byte = nullptr) -> uint32_t {
    uint32_t best = 0;
    if (cut_byte != nullptr) *cut_byte = 0;
    uint32_t limit = std::min<uint32_t>(end, t + static_cast<uint32_t>(options_.max_span_tokens));
    for (uint32_t j = t; j < limit; ++j) {
      const Token& tj = toks[j];
      if (j > t) {
        if (tj.has(text::kPossessive)) break;
        if (!IsCapitalizedWord(text, tj) && !IsInnerConnector(tj.norm)) break;
        size_t dash = Word(text, tj).find('-');
        if (cut_byte != nullptr && dash != std::string_view::npos && dash > 0) {
          // A compound on a multi-word name: "Los Angeles-based", "Abu Dhabi-led". The single-
          // word case ("Canada-wide") is read by the caller.
          std::string key = NormalizePlaceName(
              text.substr(toks[t].begin, tj.begin + dash - toks[t].begin));
          std::vector<PlaceCandidate> c = key.empty() ? std::vector<PlaceCandidate>()
                                                      : gazetteer_.LookupNormalized(key);
          std::erase_if(c, [](const PlaceCandidate& p) {
            return p.key_kind == KeyKind::kAbbreviation;
          });
          if (!c.empty()) {
            best = j + 1;
            *cands = std::move(c);
            *cut_byte = tj.begin + static_cast<uint32_t>(dash);
          }
          break;
        }
      }
      std::string key = NormalizePlaceName(text.substr(toks[t].begin, tj.end - toks[t].begin));
      if (key.empty()) break;
      std::vector<PlaceCandidate> c = gazetteer_.LookupNormalized(key);
      std::erase_if(c, [&](const PlaceCandidate& p) {
        if (p.key_kind == KeyKind::kAbbreviation) {
          // Dotted initialisms (S.C., D.C., W.Va.) are safe anywhere; other abbreviations only
          // as admin context.
          return !allow_abbrev && std::count(key.begin(), key.end(), '.') < 2;
        }
        if (p.key_kind == KeyKind::kDemonym) return !options_.include_demonyms;
        return false;
      });
      if (!c.empty()) {
        best = j + 1;
        *cands = std::move(c);
      }
      // The text stage splits the period off abbreviations it does not know ("Ky." -> "Ky" ".",
      // also "Man.", "Ill.", "Mass."): as admin context, the word and its glued period are one
      // abbreviation key.
      if (allow_abbrev && j + 1 < end && toks[j + 1].norm == "." && toks[j + 1].begin == tj.end) {
        std::vector<PlaceCandidate> d = gazetteer_.LookupNormalized(key + ".");
        std::erase_if(d,
                      [](const PlaceCandidate& p) { return p.key_kind != KeyKind::kAbbreviation; });
        if (!d.empty()) {
          best = j + 2;
          *cands = std::move(d);
          break;
        }
      }
      if (!gazetteer_.HasKeyWithPrefix(key)) break;
    }
    return best;
  };

  // Whether a part of a hyphenated token is unlikely to be a piece of a person's or a firm's
  // name ("Jean-Pierre", "Rolls-Royce", "Wal-Mart"): some reading is a country, an admin-1
  // region, a demonym or a town of 15,000 people under its own name.
  auto unlikely_name_piece = [&](const std::vector<PlaceCandidate>& cands) {
    return std::any_of(cands.begin(), cands.end(), [&](const PlaceCandidate& p) {
      PlaceEntry e = gazetteer_.entry(p.entry);
      return e.kind != PlaceKind::kPlace ||
             (p.key_kind == KeyKind::kName && e.population >= 15000);
    });
  };

  // Whether a mention is written as a place is: with admin context, as a home town, after "in"
  // (and the like), or before a town's office or institution ("Ozark police").
  auto PlaceLikeUse = [&](const RawMention& r) {
    if (r.dateline || r.county || r.before_name || r.end_byte != 0 || r.begin_byte != 0) {
      return false;
    }
    if (r.admin || r.hometown) return true;
    if (r.first > 0 && IsLocativePreposition(toks[r.first - 1].norm)) return true;
    if (r.end >= toks.size() || toks[r.end].has(text::kSentenceStart)) return false;
    return IsTownOfficeWord(toks[r.end].norm);  // in lower case too: "Ozark police"
  };

  // Whether every reading of a given name is a foreign admin-1 region or a small place (see
  // the caller): no country, no capital, no city of a million, no region of a country whose
  // regions English news names by themselves.
  auto RegionNamedLikePerson = [&](const std::vector<PlaceCandidate>& cands) {
    return std::none_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (c.key_kind == KeyKind::kDemonym) return true;
      if (e.kind == PlaceKind::kAdmin1) {
        return e.country_iso3 == "USA" || e.country_iso3 == "CAN" || e.country_iso3 == "AUS" ||
               e.country_iso3 == "GBR" || false;
      }
      return e.kind != PlaceKind::kPlace || e.feature_code == "PPLC" || e.population >= 1000000;
    });
  };

  // Later parts of a hyphenated compound that is not itself a name: "Russia-Turkey ties",
  // "Egyptian-US relations", "Fargo-Moorhead", "mid-Ohio", "made-in-China". The first part is
  // read by the main scan ("Canada-wide"). A later part counts only when it is unlikely to be a
  // piece of a name (unlikely_name_piece).
  auto AddCompoundParts = [&](uint32_t t, std::vector<RawMention>* out) {
    const Token& tok = toks[t];
    std::string_view w = Word(text, tok);
    if (w.find('-') == std::string_view::npos || !gazetteer_.Lookup(w).empty()) return;
    // "D-Charleston": the main scan reads a legislator's party and home town.
    if (w.size() > 2 && w[1] == '-' && (w[0] == 'D' || w[0] == 'R' || w[0] == 'I')) return;
    if (w.starts_with("DFL-")) return;
    size_t b = w.find('-') + 1;
    while (b < w.size()) {
      size_t e = std::min(w.find('-', b), w.size());
      std::string_view part = w.substr(b, e - b);
      std::string key = StartsUpper(part) ? NormalizePlaceName(part) : std::string();
      if (!key.empty() && !NeverPlace().contains(key)) {
        std::vector<PlaceCandidate> c = gazetteer_.LookupNormalized(key);
        std::erase_if(c, [](const PlaceCandidate& p) {
          return p.key_kind == KeyKind::kAbbreviation;
        });
        bool safe = unlikely_name_piece(c);
        if (!options_.include_demonyms) {
          std::erase_if(c, [](const PlaceCandidate& p) { return p.key_kind == KeyKind::kDemonym; });
        }
        if (safe && !c.empty()) {
          RawMention r;
          r.first = t;
          r.end = t + 1;
          r.candidates = std::move(c);
          r.begin_byte = tok.begin + static_cast<uint32_t>(b);
          r.end_byte = tok.begin + static_cast<uint32_t>(e);
          out->push_back(std::move(r));
        }
      }
      b = e + 1;
    }
  };

  std::unordered_set<std::string> person_names;  // surnames seen after a first name
  // Names seen right after a locative preposition ("in Edmonton") are places in this document,
  // whatever person-like contexts they also appear in.
  std::unordered_set<std::string_view> locative_names;
  for (const text::Sentence& sent : analyzed.sentences) {
    for (uint32_t t = sent.first_token + 1; t < sent.end_token; ++t) {
      if (IsLocativePreposition(toks[t - 1].norm) && IsCapitalizedWord(text, toks[t]) &&
          !BeforePossessive(text, toks, t, sent.end_token)) {
        locative_names.insert(toks[t].norm);
      }
      // A surname after a known given name is a person's anywhere in the document, also before
      // the full name is written ("Blair rejects ..." heading a story on Tony Blair).
      if (IsCapitalizedWord(text, toks[t]) && !toks[t].has(text::kAllCaps) &&
          FollowsGivenName(text, toks, t, sent.first_token)) {
        person_names.insert(toks[t].norm);
      }
    }
  }
  // "Navarro, Henderson and Ellis counties", "Geauga and Medina counties": every name of a list
  // before "counties" or "parishes" is a county, as "X County" is. First token of each name ->
  // its end token and whether the list is of parishes.
  std::map<uint32_t, std::pair<uint32_t, bool>> county_list_names;
  for (const text::Sentence& sent : analyzed.sentences) {
    for (uint32_t k = sent.first_token + 1; k < sent.end_token; ++k) {
      if (toks[k].norm != "COUNTIES" && toks[k].norm != "PARISHES") continue;
      std::vector<std::pair<uint32_t, uint32_t>> names;
      uint32_t j = k;  // one past the name being collected
      bool need_name = true, coordinated = false;
      while (j > sent.first_token) {
        if (need_name) {
          uint32_t b = j;
          while (b > sent.first_token && IsCapitalizedWord(text, toks[b - 1]) &&
                 !NeverPlace().contains(toks[b - 1].norm) && j - b < 3) {
            --b;
          }
          if (b == j) break;
          names.emplace_back(b, j);
          j = b;
          need_name = false;
        } else if (toks[j - 1].norm == ",") {
          --j;
          if (j > sent.first_token && (toks[j - 1].norm == "AND" || toks[j - 1].norm == "OR")) {
            --j;
            coordinated = true;
          }
          need_name = true;
        } else if (toks[j - 1].norm == "AND" || toks[j - 1].norm == "OR") {
          --j;
          coordinated = true;
          need_name = true;
        } else {
          break;
        }
      }
      // A list needs its "and": "the two counties" or "Smith counties" alone are no list.
      if (!coordinated || names.size() < 2) continue;
      for (const auto& [b, e] : names) county_list_names[b] = {e, toks[k].norm == "PARISHES"};
    }
  }
  for (const text::Sentence& sent : analyzed.sentences) {
    for (uint32_t t = sent.first_token; t < sent.end_token; ++t) {
      const Token& tok = toks[t];
      if (tok.norm.find('-') != std::string::npos) AddCompoundParts(t, &raws);
      if (!IsCapitalizedWord(text, tok)) continue;
      if (auto it = county_list_names.find(t); it != county_list_names.end()) {
        RawMention r;
        r.first = t;
        r.end = it->second.first;
        r.county = true;
        r.parish = it->second.second;
        r.candidates = gazetteer_.LookupNormalized(
            NormalizePlaceName(text.substr(tok.begin, toks[r.end - 1].end - tok.begin)));
        std::erase_if(r.candidates, [&](const PlaceCandidate& c) {
          return c.key_kind == KeyKind::kDemonym ||
                 gazetteer_.entry(c.entry).kind != PlaceKind::kPlace;
        });
        raws.push_back(std::move(r));
        t = it->second.first - 1;
        continue;
      }
      bool sentence_start =
          t == sent.first_token || tok.has(text::kSentenceStart) ||
          (t > sent.first_token && toks[t - 1].has(text::kQuote) && t - 1 == sent.first_token);
      std::vector<PlaceCandidate> cands;
      {
        // "the White House said", "the Kremlin": the capital's point (see kLandmarks).
        bool landmark = false;
        for (const Landmark& l : kLandmarks) {
          if (l.norm.substr(0, l.norm.find(' ')) != tok.norm) continue;
          uint32_t words = static_cast<uint32_t>(std::count(l.norm.begin(), l.norm.end(), ' ')) + 1;
          if (t + words > sent.end_token) continue;
          std::string key =
              NormalizePlaceName(text.substr(tok.begin, toks[t + words - 1].end - tok.begin));
          if (key != l.norm) continue;
          for (const PlaceCandidate& c : gazetteer_.LookupNormalized(l.capital)) {
            PlaceEntry e = gazetteer_.entry(c.entry);
            if (e.feature_code == "PPLC" && e.country_iso3 == l.iso3) {
              RawMention r;
              r.first = t;
              r.end = t + words;
              r.candidates = {c};
              raws.push_back(std::move(r));
              landmark = true;
              t += words - 1;
              break;
            }
          }
          if (landmark) break;
        }
        if (landmark) continue;
      }
      // After "Name," an abbreviation is admin context even when the name is unknown
      // ("Lanexa, Va."); only dotted forms, not postal codes that are also words (OR, IN).
      bool dotted =
          tok.norm.find('.') != std::string::npos ||
          (t + 1 < sent.end_token && toks[t + 1].norm == "." && toks[t + 1].begin == tok.end);
      bool after_name_comma = t >= sent.first_token + 2 && toks[t - 1].norm == "," &&
                              IsCapitalizedWord(text, toks[t - 2]) && dotted;
      uint32_t cut_byte = 0;
      uint32_t end = longest(t, sent.end_token, after_name_comma, &cands, &cut_byte);
      // "Dublin City Council" beside Columbus: before a town office "City" is the town's word
      // (as in "Groton Town Council"); a "X City" that is only some place's alternate name
      // (Dublin, Ireland's "Dublin City") yields to the name without it when that names towns
      // only. Names whose own name has "City" (Mexico City, Kansas City) and "Quebec City"
      // (whose shorter form is also the province) are kept.
      if (end > t + 1 && end < sent.end_token && cut_byte == 0 &&
          toks[end - 1].norm == "CITY" && IsTownOfficeWord(toks[end].norm) &&
          std::all_of(cands.begin(), cands.end(), [](const PlaceCandidate& c) {
            return c.key_kind == KeyKind::kAlternate;
          })) {
        std::vector<PlaceCandidate> shorter;
        uint32_t e2 = longest(t, end - 1, after_name_comma, &shorter);
        bool towns_only = std::all_of(shorter.begin(), shorter.end(), [&](const PlaceCandidate& c) {
          return gazetteer_.entry(c.entry).kind == PlaceKind::kPlace;
        });
        if (e2 == end - 1 && towns_only) {
          end = e2;
          cands = std::move(shorter);
        }
      }
      if (end == 0 && dotted && !after_name_comma) {
        // An AP state abbreviation with its period outside admin context: "Missing Ill. man
        // found", "Fla. economist", "moved to Mass.". Only before a word that is not capitalised
        // (so not "Del. John Smith", a delegate) or ending a sentence after "in"/"to"; "Del."
        // and "Ind." (delegate, independent) and "Miss." (a title) never.
        std::vector<PlaceCandidate> ab;
        uint32_t e2 = longest(t, sent.end_token, /*allow_abbrev=*/true, &ab);
        bool all_abbrev = e2 != 0 && std::all_of(ab.begin(), ab.end(), [](const PlaceCandidate& c) {
          return c.key_kind == KeyKind::kAbbreviation;
        });
        if (all_abbrev) {
          std::string key =
              NormalizePlaceName(text.substr(tok.begin, toks[e2 - 1].end - tok.begin));
          bool title = key == "DEL." || key == "IND." || key == "MISS.";
          // At a sentence end only after "in"/"to": the text stage may end a sentence at an
          // abbreviation's period ("Mass. Concert Promoter buys ...").
          bool next_ok = e2 < sent.end_token
                             ? !IsCapitalizedWord(text, toks[e2])
                             : t > sent.first_token && (IsLocativePreposition(toks[t - 1].norm) ||
                                                        toks[t - 1].norm == "TO");
          if (key.back() == '.' && !title && next_ok) {
            end = e2;
            cands = std::move(ab);
          }
        }
      }
      uint32_t end_byte = cut_byte;
      if (end == 0 && tok.norm.find('-') != std::string::npos) {
        // "Canada-wide", "U.S.-led": the part before the hyphen.
        size_t dash = Word(text, tok).find('-');
        std::string key = NormalizePlaceName(Word(text, tok).substr(0, dash));
        if (dash != std::string_view::npos && dash > 0 && !key.empty()) {
          cands = gazetteer_.LookupNormalized(key);
          std::erase_if(
              cands, [](const PlaceCandidate& p) { return p.key_kind == KeyKind::kAbbreviation; });
          // Before a capitalised part the first part may be a piece of a name, as later parts
          // may (AddCompoundParts): "Wal-Mart" is no town, "Israel-Gaza" and "Paris-Dakar" name
          // places; before a lower-case part ("Canada-wide", "U.S.-led") any reading counts.
          std::string_view rest = Word(text, tok).substr(dash + 1);
          if (StartsUpper(rest) && !unlikely_name_piece(cands)) cands.clear();
          if (!cands.empty()) {
            end = t + 1;
            end_byte = tok.begin + static_cast<uint32_t>(dash);
          }
        }
      }
      uint32_t begin_byte = 0;
      std::string_view word = Word(text, tok);
      // Minnesota's Democrats are the DFL: "Tom Bakk, DFL-Cook,".
      size_t party = word.size() > 3 && word[1] == '-' &&
                             (word[0] == 'D' || word[0] == 'R' || word[0] == 'I')
                         ? 2
                     : word.size() > 5 && word.starts_with("DFL-") ? 4
                                                                    : 0;
      if (end == 0 && party > 0 && StartsUpper(word.substr(party))) {
        // A legislator's party and home town or state: "Sen. Robert Ford, D-Charleston,",
        // "R-Tenn.". The part after the party letter is the place.
        std::string key = NormalizePlaceName(word.substr(party));
        cands = gazetteer_.LookupNormalized(key);
        bool dotted =
            t + 1 < sent.end_token && toks[t + 1].norm == "." && toks[t + 1].begin == tok.end;
        if (dotted) {
          std::vector<PlaceCandidate> d = gazetteer_.LookupNormalized(key + ".");
          if (!d.empty()) cands = std::move(d);
        }
        std::erase_if(cands,
                      [](const PlaceCandidate& p) { return p.key_kind == KeyKind::kDemonym; });
        // Party tags are a US convention: a US reading wins (D-Charleston is not in Australia).
        bool us = std::any_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
          return gazetteer_.entry(c.entry).country_iso3 == "USA";
        });
        if (us) {
          std::erase_if(cands, [&](const PlaceCandidate& c) {
            return gazetteer_.entry(c.entry).country_iso3 != "USA";
          });
        }
        if (!cands.empty()) {
          bool abbrev = cands[0].key_kind == KeyKind::kAbbreviation && dotted;
          end = abbrev ? t + 2 : t + 1;
          begin_byte = tok.begin + static_cast<uint32_t>(party);
        }
      }
      if (end == 0 && t + 1 < sent.end_token &&
          (toks[t + 1].norm == "COUNTY" || toks[t + 1].norm == "PARISH") &&
          (!NeverPlace().contains(tok.norm) || IsCountyNoun(tok.norm)) &&
          !PlaceModifiers().contains(tok.norm)) {
        // "Henry County" with no place named Henry: the gazetteer has no counties, so it is
        // approximated like a county whose namesake lies in another state (below).
        RawMention r;
        r.first = t;
        r.end = t + 2;
        r.county = true;
        r.parish = toks[t + 1].norm == "PARISH";
        raws.push_back(std::move(r));
        t = t + 1;
        continue;
      }
      if (options_.include_demonyms) {
        // "Texans", "a Minnesotan", "West Virginians": a state's or province's people name it
        // as "Russians" name Russia (the gazetteer's demonyms are countries' and continents').
        // A two-word form wins over a place its first word starts ("West", "New").
        const RegionDemonym* d = nullptr;
        if (StartsRegionDemonym(tok.norm) && t + 1 < sent.end_token) {
          d = FindRegionDemonym(tok.norm + " " + toks[t + 1].norm);
        }
        uint32_t d_end = t + 2;
        // A people's word wins over a one-word place name it spells ("Welsh", Louisiana).
        if (d == nullptr && (end == 0 || end == t + 1)) {
          d = FindRegionDemonym(tok.norm);
          d_end = t + 1;
        }
        PlaceEntry region;
        if (d != nullptr && gazetteer_.FindAdmin1(d->iso3, d->admin1, &region)) {
          RawMention r;
          r.first = t;
          r.end = d_end;
          r.candidates = {PlaceCandidate{region.index, KeyKind::kDemonym}};
          r.demonym = true;
          raws.push_back(std::move(r));
          t = d_end - 1;
          continue;
        }
      }
      if (end == 0) continue;
      if (end < sent.end_token && IsSeaWord(toks[end].norm)) {
        t = end - 1;
        continue;
      }
      // "the Gulf of Mexico", "Bay of Bengal", "Sea of Japan": a water body named after the
      // place, not the place (the gazetteer has no water bodies).
      if (t >= sent.first_token + 2 && toks[t - 1].norm == "OF" &&
          IsCapitalizedWord(text, toks[t - 2]) &&
          (toks[t - 2].norm == "GULF" || toks[t - 2].norm == "BAY" ||
           IsSeaWord(toks[t - 2].norm) || toks[t - 2].norm == "STRAIT")) {
        t = end - 1;
        continue;
      }
      if (t > sent.first_token && (toks[t - 1].norm == "LATIN" || toks[t - 1].norm == "CENTRAL") &&
          (tok.norm == "AMERICA" || tok.norm == "AMERICAN" || tok.norm == "AMERICANS")) {
        // "Latin America(n)" is South America's (the continent the gazetteer has); "Central
        // America(n)" has no entry. Neither is the United States.
        std::vector<PlaceCandidate> south;
        if (toks[t - 1].norm == "LATIN") {
          for (const PlaceCandidate& c : gazetteer_.Lookup("South America")) {
            if (gazetteer_.entry(c.entry).kind == PlaceKind::kContinent) south.push_back(c);
          }
        }
        if (!south.empty()) {
          RawMention r;
          r.first = t - 1;
          r.end = t + 1;
          r.candidates = std::move(south);
          if (tok.norm != "AMERICA") r.candidates[0].key_kind = KeyKind::kDemonym;
          raws.push_back(std::move(r));
        }
        continue;
      }
      // "6016 Dublin Road", "Orchard St.": a street named after the place. ("St" alone may be
      // "St Petersburg"'s start, so only with its period, which the text stage may split off.)
      // Only with the street word capitalised ("a Swedish road model", "Champs-Elysees
      // boulevard") and for plain places ("Massachusetts Avenue" stays in Massachusetts' reach).
      bool plain_only = std::all_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
        return c.key_kind != KeyKind::kDemonym &&
               gazetteer_.entry(c.entry).kind == PlaceKind::kPlace;
      });
      if (end < sent.end_token && plain_only && IsCapitalizedWord(text, toks[end]) &&
          (IsStreetWord(toks[end].norm) ||
           (toks[end].norm == "ST" && end + 1 < sent.end_token && toks[end + 1].norm == "." &&
            toks[end + 1].begin == toks[end].end))) {
        t = end - 1;
        continue;
      }
      bool single = end == t + 1;
      bool county_noun = IsCountyNoun(tok.norm) && end < sent.end_token &&
                         (toks[end].norm == "COUNTY" || toks[end].norm == "PARISH");
      if (single && NeverPlace().contains(tok.norm) && !county_noun) continue;
      // "the U.S. County Road": a country's name with no town reading names no county.
      bool country_only =
          std::none_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
            return gazetteer_.entry(c.entry).kind == PlaceKind::kPlace;
          }) &&
          std::any_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
            return gazetteer_.entry(c.entry).kind == PlaceKind::kCountry;
          });
      if (end < sent.end_token && !country_only &&
          (toks[end].norm == "COUNTY" || toks[end].norm == "PARISH")) {
        // "Douglas County": a county whatever person contexts "Douglas" has elsewhere; its
        // candidates are the places named Douglas (the gazetteer has no counties).
        RawMention r;
        r.first = t;
        r.end = end + 1;
        r.candidates = std::move(cands);
        std::erase_if(r.candidates, [&](const PlaceCandidate& c) {
          return gazetteer_.entry(c.entry).kind != PlaceKind::kPlace;
        });
        r.county = true;
        r.parish = toks[end].norm == "PARISH";
        raws.push_back(std::move(r));
        t = end;
        continue;
      }
      // An all-caps dateline is no sentence's first word ("FAIRFIELD, Conn. --").
      if (single && sentence_start && SentenceInitialCommon().contains(tok.norm) &&
          !(tok.has(text::kAllCaps) && end < sent.end_token && IsDatelineMark(toks[end].norm))) {
        continue;
      }
      bool strong = std::any_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
        PlaceEntry e = gazetteer_.entry(c.entry);
        return e.kind != PlaceKind::kPlace && !IsMinorRegion(e);
      });
      // All-caps words are headlines or acronyms (EU is not Eu in France); only country and
      // region codes (US, UK) and datelines
      // ("CHARLESTON, W.Va." / "BEIJING (AP) -") pass.
      // Two or three capitals are an acronym ("EU" is not Eu in France, "BA" not Ba in Fiji)
      // unless a country or region has them as a code (strong) or a city of a million as its
      // short form ("NYC").
      if (tok.has(text::kAllCaps) && single && tok.norm.size() <= 3 && !strong &&
          std::none_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
            return gazetteer_.entry(c.entry).population >= 1000000;
          })) {
        continue;
      }
      if (tok.has(text::kAllCaps) && single && tok.norm.size() > 3 && !strong &&
          tok.norm.find('.') == std::string::npos) {  // "L.A." is an abbreviation
        // The text stage drops the control character U+0097 (a mis-decoded em dash) between
        // the place and the story: "NEWARK \u0097 It was".
        bool dateline_like =
            end < sent.end_token &&
            (IsDatelineMark(toks[end].norm) ||
             text.substr(toks[end - 1].end, toks[end].begin - toks[end - 1].end)
                     .find("\u0097") != std::string_view::npos);
        // A dateline without its dash, first in the text: "LONDON The Latest on ...".
        if (t == 0 && end < sent.end_token && IsCapitalizedWord(text, toks[end]) &&
            !toks[end].has(text::kAllCaps)) {
          dateline_like = true;
        }
        if (!dateline_like) continue;
      }
      // Person contexts: a title before the name, a surname seen earlier after a first name,
      // or a speech verb right after a bare name ("Jones said").
      if (t > sent.first_token && PersonTitles().contains(toks[t - 1].norm)) {
        t = end - 1;
        continue;
      }
      bool locative = single && locative_names.contains(tok.norm);
      if (single && !strong && !locative && person_names.contains(tok.norm)) continue;
      // "Jones said", but not "doctors in Montpellier said".
      bool after_locative = t > sent.first_token && IsLocativePreposition(toks[t - 1].norm);
      if (single && !strong && !after_locative && end < sent.end_token &&
          IsSpeechVerb(toks[end].norm)) {
        continue;
      }
      // Part of a longer proper name: a capitalised word glued before it ("Michael Jordan",
      // "Main Street"), for plain places only; country and region names keep their sense
      // inside names ("Acting U.S. Attorney", "Georgia School Boards Association").
      bool demonym_only = std::all_of(cands.begin(), cands.end(), [](const PlaceCandidate& c) {
        return c.key_kind == KeyKind::kDemonym;
      });
      // After a known given name a single word is a surname whatever it also names, a country
      // included: "Michael Jordan", "Gordon Brown", "Ray Charles" (geoparser_given_names.h).
      // Not for a word the document also puts after "in" ("in Jordan").
      if (single && !demonym_only && !locative &&
          FollowsGivenName(text, toks, t, sent.first_token)) {
        person_names.insert(tok.norm);
        continue;
      }
      if (!demonym_only && !strong && !locative && t > sent.first_token) {
        const Token& prev = toks[t - 1];
        bool prev_start = t - 1 == sent.first_token;
        // A capital or a city of a million: "said Damascus would ...", "said Montreal Mayor".
        bool major = std::any_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
          PlaceEntry e = gazetteer_.entry(c.entry);
          return c.key_kind == KeyKind::kName &&
                 (e.feature_code == "PPLC" || e.population >= 1000000);
        });
        if (single && !major &&
            (prev.norm == "SAID" || prev.norm == "SAYS" || prev.norm == "ADDED" ||
             prev.norm == "WROTE") &&
            // "said Monroe Mayor Robert Routson": an office after the name makes it a town's.
            !(end < sent.end_token && IsTownOfficeWord(toks[end].norm))) {  // "said Moore"
          person_names.insert(tok.norm);
          continue;
        }
        // A road or a code is no first name: "the A429 Cirencester junction".
        bool code_like = std::any_of(prev.norm.begin(), prev.norm.end(),
                                     [](char ch) { return ch >= '0' && ch <= '9'; });
        if (IsCapitalizedWord(text, prev) && !prev.has(text::kAllCaps) && !code_like &&
            !PlaceModifiers().contains(prev.norm) && prev.norm.back() != '.' && prev.norm != "A" &&
            prev.norm != "AN" &&  // a missed sentence start: "-- A Paris man"
            !(prev_start &&
              (SentenceInitialCommon().contains(prev.norm) || NeverPlace().contains(prev.norm)))) {
          // "Air Berlin", "Middlesex-London": a capital or a city of a million is not taken for
          // a surname elsewhere in the document on this evidence alone.
          if (single && !prev_start && !major) person_names.insert(tok.norm);
          t = end - 1;
          continue;
        }
      }
      bool before_name = false;
      if (!demonym_only && end < sent.end_token) {
        const Token& next = toks[end];
        before_name = single && !strong && IsCapitalizedWord(text, next) &&
                      !next.has(text::kAllCaps) && !FollowingAllowed().contains(next.norm);
        // "Michael Moore said", "Mary Flores, 34,": a person for sure. So is a known given name
        // before a capitalised word ("Mark Paulsmeier", "Gordon Brown"), unless some reading is
        // a capital or a city of a million ("Sydney Harbour").
        bool given_name =
            before_name && IsGivenName(tok.norm) &&
            std::none_of(cands.begin(), cands.end(), [&](const PlaceCandidate& c) {
              PlaceEntry e = gazetteer_.entry(c.entry);
              return e.feature_code == "PPLC" || e.population >= 1000000;
            });
        // A given name that is also a foreign region's name ("Mary Wheeler": Mary, Turkmenistan;
        // "Patrick Smith") before a capitalised word is a person's, as for a plain place; a
        // country's name keeps its sense ("Georgia Tech", "Jordan Valley"), and so do English-
        // speaking countries' states and provinces ("Virginia Beach", "Victoria Street").
        if (single && strong && IsGivenName(tok.norm) && IsCapitalizedWord(text, next) &&
            !next.has(text::kAllCaps) && !FollowingAllowed().contains(next.norm) &&
            RegionNamedLikePerson(cands)) {
          person_names.insert(toks[end].norm);
          t = end;
          continue;
        }
        bool said_or_aged = before_name && end + 1 < sent.end_token &&
                            (IsSpeechVerb(toks[end + 1].norm) ||
                             (toks[end + 1].norm == "," && end + 2 < sent.end_token &&
                              toks[end + 2].has(text::kNumber)));
        if (given_name || said_or_aged) {
          person_names.insert(toks[end].norm);
          t = end;
          continue;
        }
      }
      RawMention r;
      r.first = t;
      r.end = end;
      r.candidates = std::move(cands);
      r.before_name = before_name;
      if (end < sent.end_token && t > sent.first_token) {
        const Token& prev = toks[t - 1];
        const Token& next = toks[end];
        auto article = [](const Token& x) { return x.norm == "A" || x.norm == "AN"; };
        // "a Lebanon woman", "a 36-year-old Palestine man"
        bool a_before = article(prev) || (prev.norm.ends_with("YEAR-OLD") &&
                                          t >= sent.first_token + 2 && article(toks[t - 2]));
        bool a_x_man = a_before && HometownNouns().contains(next.norm);
        bool age_x = next.norm == "," && prev.norm == "," && t >= sent.first_token + 2 &&
                     toks[t - 2].has(text::kNumber);
        r.hometown = a_x_man || age_x;
      }
      r.end_byte = end_byte;
      r.begin_byte = begin_byte;
      // Admin context: "Long Beach, California", "Paris, Tenn.", "Aleppo, Syria".
      if (end + 1 < sent.end_token && toks[end].norm == ",") {
        std::vector<PlaceCandidate> ctx;
        uint32_t cend = longest(end + 1, sent.end_token, /*allow_abbrev=*/true, &ctx);
        std::erase_if(ctx, [&](const PlaceCandidate& c) {
          return gazetteer_.entry(c.entry).kind == PlaceKind::kPlace ||
                 c.key_kind == KeyKind::kDemonym;
        });
        if (cend != 0 && !ctx.empty()) {
          // Which admin region: the one that contains a candidate of the name, preferring admin-1.
          std::optional<AdminContext> found;
          for (const PlaceCandidate& a : ctx) {
            PlaceEntry ae = gazetteer_.entry(a.entry);
            for (const PlaceCandidate& c : r.candidates) {
              PlaceEntry ce = gazetteer_.entry(c.entry);
              if (ce.country_iso3 != ae.country_iso3 || ce.index == ae.index) continue;
              if (ae.kind == PlaceKind::kAdmin1 && ce.admin1_code == ae.admin1_code) {
                found = AdminContext{std::string(ae.country_iso3), std::string(ae.admin1_code)};
              } else if (ae.kind == PlaceKind::kCountry && !found) {
                found = AdminContext{std::string(ae.country_iso3), ""};
              }
            }
          }
          if (found) {
            r.admin = found;
            raws.push_back(std::move(r));
            RawMention a;
            a.first = end + 1;
            a.end = cend;
            for (const PlaceCandidate& c : ctx) {
              PlaceEntry ce = gazetteer_.entry(c.entry);
              if (ce.country_iso3 == found->iso3 &&
                  (found->admin1.empty() ? ce.kind == PlaceKind::kCountry
                                         : ce.admin1_code == found->admin1)) {
                a.candidates.push_back(c);
              }
            }
            raws.push_back(std::move(a));
            t = cend - 1;
            continue;
          }
        }
      }
      raws.push_back(std::move(r));
      t = end - 1;
    }
  }

  // The dateline ("CHARLESTON, W.Va. -") is a mention of its own: the text stage keeps it out of
  // the sentences. "Name, Admin" in it is admin context as in running text.
  bool dateline_admin_only = false;  // the dateline gave only its admin part ("LANEXA, Va.")
  if (analyzed.dateline && analyzed.dateline->end <= text.size()) {
    const text::Dateline& dl = *analyzed.dateline;
    RawMention r;
    r.dateline = true;
    r.span_begin = dl.begin;
    r.span_end = dl.end;
    r.candidates = gazetteer_.Lookup(dl.place);
    std::erase_if(r.candidates, [](const PlaceCandidate& c) {
      return c.key_kind == KeyKind::kAbbreviation || c.key_kind == KeyKind::kDemonym;
    });
    // "LAUREL COUNTY, Ky. (WKYT) -": a county, read as in running text (places named Laurel).
    std::string dl_key = NormalizePlaceName(dl.place);
    for (std::string_view suffix : {std::string_view(" COUNTY"), std::string_view(" PARISH")}) {
      if (r.candidates.empty() && dl_key.size() > suffix.size() && dl_key.ends_with(suffix)) {
        r.candidates = gazetteer_.LookupNormalized(dl_key.substr(0, dl_key.size() - suffix.size()));
        std::erase_if(r.candidates, [&](const PlaceCandidate& c) {
          return c.key_kind == KeyKind::kDemonym ||
                 gazetteer_.entry(c.entry).kind != PlaceKind::kPlace;
        });
        r.county = !r.candidates.empty();
        r.parish = r.county && suffix == " PARISH";
      }
    }
    // The text stage gives the place words only; the admin part after the comma ("GLASGOW, Ky.
    // (WBKO) --", "KYIV, Ukraine -", but also "MOSCOW, Feb 6 (Reuters)") is read from the text
    // between the place and the agency or dash. Only a country or admin-1 region containing a
    // reading of the place counts; it is a mention of its own.
    std::optional<RawMention> admin_part;
    // An admin part whose place the gazetteer lacks ("LANEXA, Va. -") is still a mention and
    // says where the story is.
    std::vector<PlaceCandidate> admin_only;
    uint32_t admin_b = 0, admin_e = 0;
    if (dl.end < text.size() && text[dl.end] == ',') {
      size_t b = dl.end + 1;
      while (b < text.size() && text[b] == ' ') ++b;
      size_t e = b;
      const size_t limit = std::min(text.size(), b + 40);
      while (e < limit && text[e] != ',' && text[e] != '(' && text[e] != '\n' && text[e] != '\r' &&
             !(text[e] == ' ' && e + 1 < text.size() && text[e + 1] == '-') &&
             static_cast<unsigned char>(text[e]) != 0xE2) {  // U+2013/U+2014 dashes
        ++e;
      }
      while (e > b && text[e - 1] == ' ') --e;
      if (e > b && e < limit) {
        admin_b = static_cast<uint32_t>(b);
        admin_e = static_cast<uint32_t>(e);
        for (const PlaceCandidate& a : gazetteer_.Lookup(text.substr(b, e - b))) {
          PlaceEntry ae = gazetteer_.entry(a.entry);
          if (ae.kind == PlaceKind::kPlace || a.key_kind == KeyKind::kDemonym) continue;
          admin_only.push_back(a);
          for (const PlaceCandidate& c : r.candidates) {
            PlaceEntry ce = gazetteer_.entry(c.entry);
            if (ce.country_iso3 == ae.country_iso3 && ce.index != ae.index &&
                (ae.kind == PlaceKind::kCountry || ce.admin1_code == ae.admin1_code)) {
              AdminContext found{std::string(ae.country_iso3),
                                 ae.kind == PlaceKind::kCountry ? "" : std::string(ae.admin1_code)};
              // An admin-1 region beats its country ("Georgia": the US state over the country).
              if (!r.admin || (r.admin->admin1.empty() && !found.admin1.empty())) {
                r.admin = found;
                admin_part.emplace();
                admin_part->dateline = true;
                admin_part->span_begin = static_cast<uint32_t>(b);
                admin_part->span_end = static_cast<uint32_t>(e);
                admin_part->candidates = {a};
              }
            }
          }
        }
      }
    }
    // Unless the text stage left the dateline's words in a sentence and they were found there.
    bool seen = std::any_of(raws.begin(), raws.end(), [&](const RawMention& x) {
      return toks[x.first].begin < dl.end && dl.begin < toks[x.end - 1].end;
    });
    // "HOLLIDAY, Mo.": a region is named but no reading of the place lies in it, so the
    // readings found (Holliday, Texas) are other places; only the region is a mention.
    bool outside_region = !admin_part && !admin_only.empty();
    if (!r.candidates.empty() && !seen && !outside_region) {
      if (admin_part) raws.insert(raws.begin(), std::move(*admin_part));
      raws.insert(raws.begin(), std::move(r));
    } else if (outside_region && !seen) {
      RawMention a;
      a.dateline = true;
      a.span_begin = admin_b;
      a.span_end = admin_e;
      a.candidates = std::move(admin_only);
      dateline_admin_only = true;
      raws.insert(raws.begin(), std::move(a));
    }
  }
  auto raw_begin = [&](const RawMention& r) {
    if (r.dateline) return r.span_begin;
    return r.begin_byte != 0 ? r.begin_byte : toks[r.first].begin;
  };
  auto raw_end = [&](const RawMention& r) {
    if (r.dateline) return r.span_end;
    return r.end_byte != 0 ? r.end_byte : toks[r.end - 1].end;
  };

  // One sense per discourse: a name given admin context once ("Paris, Ill.") keeps it elsewhere
  // in the document.
  std::map<std::string, AdminContext> admin_by_key;
  std::vector<std::string> keys(raws.size());
  for (size_t i = 0; i < raws.size(); ++i) {
    const RawMention& r = raws[i];
    keys[i] = NormalizePlaceName(text.substr(raw_begin(r), raw_end(r) - raw_begin(r)));
    if (r.admin) admin_by_key.emplace(keys[i], *r.admin);
  }
  for (size_t i = 0; i < raws.size(); ++i) {
    if (raws[i].admin) continue;
    auto it = admin_by_key.find(keys[i]);
    if (it != admin_by_key.end()) raws[i].admin = it->second;
  }
  // A name used as a home town once is a town throughout the document ("a Lebanon woman" ...
  // "Lebanon schedules spring clean-up"): its country reading goes when a town reading exists.
  std::unordered_set<std::string> hometown_keys;
  for (size_t i = 0; i < raws.size(); ++i) {
    if (raws[i].hometown) hometown_keys.insert(keys[i]);
  }
  for (size_t i = 0; i < raws.size(); ++i) {
    if (!hometown_keys.contains(keys[i])) continue;
    std::vector<PlaceCandidate>& cs = raws[i].candidates;
    bool has_place = std::any_of(cs.begin(), cs.end(), [&](const PlaceCandidate& c) {
      return gazetteer_.entry(c.entry).kind == PlaceKind::kPlace && c.key_kind != KeyKind::kDemonym;
    });
    if (!has_place) continue;
    std::erase_if(cs, [&](const PlaceCandidate& c) {
      return gazetteer_.entry(c.entry).kind == PlaceKind::kCountry;
    });
  }

  // A continent's name means the continent ("Africa" is also an old name of Mahdia, "Europe" a
  // hamlet in Texas), as a country's name means the country.
  for (RawMention& r : raws) {
    bool continent = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const auto& c) {
      return gazetteer_.entry(c.entry).kind == PlaceKind::kContinent;
    });
    if (!continent) continue;
    std::erase_if(r.candidates, [&](const PlaceCandidate& c) {
      return gazetteer_.entry(c.entry).kind != PlaceKind::kContinent;
    });
    r.admin.reset();
  }

  // Document context: votes for countries and admin-1 regions. Pass 1 counts places that resolve
  // without context; pass 2 counts every pass-1 resolution (so "Georgia", resolved to the US state
  // by its neighbours, then supports "Gainesville" in Georgia).
  using Votes = std::map<std::string, double>;
  Votes base_country, base_admin;
  const RawMention* dateline_raw = nullptr;
  for (const RawMention& r : raws) {
    if (r.dateline && analyzed.dateline && r.span_begin == analyzed.dateline->begin) {
      dateline_raw = &r;
    }
  }
  if (dateline_raw && dateline_raw->admin) {
    // "GLASGOW, Ky.": the admin part says where the story is.
    base_country[dateline_raw->admin->iso3] += 3;
    if (!dateline_raw->admin->admin1.empty()) {
      base_admin[AdminKey(dateline_raw->admin->iso3, dateline_raw->admin->admin1)] += 2;
    }
  } else if (dateline_admin_only) {
    // Where the story is, as with a dateline place in that region; an admin-1 reading (the US
    // state Georgia) is preferred over a country reading of the same name.
    const RawMention& a = raws.front();
    std::optional<PlaceEntry> region;
    for (const PlaceCandidate& c : a.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (!region || (region->kind == PlaceKind::kCountry && e.kind == PlaceKind::kAdmin1)) {
        region = e;
      }
    }
    base_country[std::string(region->country_iso3)] += 3;
    if (region->kind == PlaceKind::kAdmin1) {
      base_admin[AdminKey(region->country_iso3, region->admin1_code)] += 2;
    }
  } else if (analyzed.dateline) {
    std::vector<PlaceCandidate> d = gazetteer_.Lookup(analyzed.dateline->place);
    uint64_t best_pop = 0;
    std::optional<PlaceEntry> best;
    for (const PlaceCandidate& c : d) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind == PlaceKind::kCountry) {
        best = e;
        break;
      }
      if (!best || e.population >= best_pop) {
        best_pop = e.population;
        best = e;
      }
    }
    if (best) {
      base_country[std::string(best->country_iso3)] += 3;
      if (best->kind != PlaceKind::kCountry) {
        base_admin[AdminKey(best->country_iso3, best->admin1_code)] += 2;
      }
    }
  }
  for (const std::string& iso3 : context.countries) base_country[iso3] += 2;

  struct Vote {
    std::string iso3, admin;
    double weight = 0;
  };
  auto confident = [&](const RawMention& r) -> Vote {
    if (r.admin) {
      return Vote{r.admin->iso3,
                  r.admin->admin1.empty() ? "" : AdminKey(r.admin->iso3, r.admin->admin1), 1};
    }
    // Counties and parishes are the US admin-2 level (the gazetteer has none, so a county says
    // nothing more precise): "Paris and Henry County" is a US story. A parish is in Louisiana.
    if (r.county) return Vote{"USA", r.parish ? "USA.LA" : "", kCountyVoteWeight};
    std::vector<PlaceEntry> es;
    // A continent says nothing about which country or region the document is about.
    if (std::any_of(r.candidates.begin(), r.candidates.end(), [&](const PlaceCandidate& c) {
          return gazetteer_.entry(c.entry).kind == PlaceKind::kContinent;
        })) {
      return Vote{};
    }
    for (const PlaceCandidate& c : r.candidates) es.push_back(gazetteer_.entry(c.entry));
    for (const PlaceEntry& e : es) {
      if (e.kind == PlaceKind::kCountry) {
        // Georgia: a country that shares its name with an admin-1 region votes for neither.
        bool shared = std::any_of(es.begin(), es.end(),
                                  [](const PlaceEntry& x) { return x.kind == PlaceKind::kAdmin1; });
        if (shared) return Vote{};
        return Vote{std::string(e.country_iso3), "", 1};
      }
    }
    std::sort(es.begin(), es.end(),
              [](const PlaceEntry& a, const PlaceEntry& b) { return a.population > b.population; });
    bool same_country = std::all_of(es.begin(), es.end(), [&](const PlaceEntry& e) {
      return e.country_iso3 == es[0].country_iso3;
    });
    bool dominant = es.size() == 1 || es[0].population > 20 * (es[1].population + 1000);
    if (!same_country && !dominant) return Vote{};
    // A dominant-population reading is a weaker vote than an unambiguous one.
    Vote v{std::string(es[0].country_iso3), "", same_country ? 1.0 : 0.5};
    bool same_admin = std::all_of(es.begin(), es.end(), [&](const PlaceEntry& e) {
      return e.country_iso3 == es[0].country_iso3 && e.admin1_code == es[0].admin1_code;
    });
    if (dominant || same_admin) v.admin = AdminKey(es[0].country_iso3, es[0].admin1_code);
    // A village's name is often a word or a name too ("Faith Regional Center", "Meadow
    // Grove"): its vote counts half, so one such word weighs less than a town in another region.
    if (es[0].kind == PlaceKind::kPlace && es[0].population < kSmallPlacePopulation) {
      v.weight *= 0.5;
    }
    return v;
  };

  // Places named together lie together: for each plain-place reading of a name, how many other
  // names of the document (each distinct name once) have a plain-place reading within
  // kNeighbourKm ("Dublin" with "Columbus": Dublin, Ohio; "Paris" with "Henry County": Paris,
  // Tennessee). Local stories often never name their state, and this is then the only evidence.
  // Readings of likely first names ("Michael Moore") and demonyms are no neighbours.
  std::vector<std::vector<int>> neighbours(raws.size());
  {
    struct Point {
      uint32_t entry;
      double lat, lon;
    };
    std::map<std::string, std::vector<Point>> points_by_key;
    for (size_t i = 0; i < raws.size(); ++i) {
      if (raws[i].before_name) continue;
      std::vector<Point>& ps = points_by_key[keys[i]];
      if (!ps.empty()) continue;
      std::vector<PlaceEntry> es;
      for (const PlaceCandidate& c : raws[i].candidates) {
        if (c.key_kind == KeyKind::kDemonym || c.key_kind == KeyKind::kAbbreviation) continue;
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (e.kind == PlaceKind::kPlace) es.push_back(e);
      }
      // The biggest readings only: a name with hundreds of namesakes is near everything.
      std::sort(es.begin(), es.end(), [](const PlaceEntry& a, const PlaceEntry& b) {
        return a.population > b.population;
      });
      if (es.size() > kMaxNeighbourReadings) es.resize(kMaxNeighbourReadings);
      // A name whose default reading is a national capital is evidence for the capital's
      // neighbourhood only: Kentucky's Paris, Frankfort, London and Versailles lie together, but
      // "Paris" and "Frankfurt" in one story are France and Germany.
      if (!es.empty() && es[0].feature_code == "PPLC") {
        es.resize(1);
      }
      for (const PlaceEntry& e : es) ps.push_back(Point{e.index, e.lat, e.lon});
    }
    for (size_t i = 0; i < raws.size(); ++i) {
      neighbours[i].assign(raws[i].candidates.size(), 0);
      if (raws[i].candidates.size() < 2) continue;
      for (size_t k = 0; k < raws[i].candidates.size(); ++k) {
        const PlaceCandidate& c = raws[i].candidates[k];
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (e.kind != PlaceKind::kPlace || c.key_kind == KeyKind::kDemonym) continue;
        for (const auto& [key, ps] : points_by_key) {
          if (key == keys[i]) continue;
          bool near = std::any_of(ps.begin(), ps.end(), [&](const Point& p) {
            // A cheap box test first: 1 degree of latitude is 111 km.
            return p.entry != e.index && std::abs(p.lat - e.lat) < kNeighbourKm / 111.0 &&
                   DistanceKm(p.lat, p.lon, e.lat, e.lon) < kNeighbourKm;
          });
          if (near) ++neighbours[i][k];
        }
      }
    }
  }

  // Countries the document names, or names the people of ("British"): a country or demonym
  // reading of some mention. A name shared with an admin-1 region ("Georgia") does not count.
  std::unordered_set<std::string_view> named_countries;
  for (const RawMention& r : raws) {
    bool region = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const auto& c) {
      return gazetteer_.entry(c.entry).kind == PlaceKind::kAdmin1;
    });
    if (region) continue;
    for (const PlaceCandidate& c : r.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind == PlaceKind::kCountry) named_countries.insert(e.country_iso3);
    }
  }

  const bool county_story =
      std::any_of(raws.begin(), raws.end(), [](const RawMention& r) { return r.county; });
  struct Choice {
    const PlaceCandidate* candidate = nullptr;
    bool admin_supported = false;  // admin context or admin-1 votes from other places
    bool supported = false;        // any document support, or not a plain place
    // Neighbours decided it: a less populous reading than another, with neighbour evidence.
    bool by_neighbours = false;
  };
  // `named_state`, when not empty, is the admin key of the US state the story names again and
  // again (MostNamedUsState): its towns get the score of an admin vote (see the third pass).
  auto resolve = [&](size_t i, const std::vector<Vote>& own, const Votes& country_votes,
                     const Votes& admin_votes, const std::string& named_state = {}) -> Choice {
    const RawMention& r = raws[i];
    auto votes_for = [&](const Votes& m, const std::string& k, bool self) -> double {
      auto it = m.find(k);
      double v = it == m.end() ? 0 : it->second;
      return std::max(0.0, self ? v - own[i].weight : v);
    };
    double total = 0;
    for (const auto& [k, v] : country_votes) total += v;
    double others = total - own[i].weight;
    std::optional<PlaceEntry> country;
    for (const PlaceCandidate& c : r.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind == PlaceKind::kCountry) country = e;
    }
    // The admin key of the name's reading as a major US state or Canadian province, if any.
    std::optional<std::string> region;
    for (const PlaceCandidate& c : r.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind == PlaceKind::kAdmin1 && c.key_kind == KeyKind::kName && !IsMinorRegion(e) &&
          (e.country_iso3 == "USA" || e.country_iso3 == "CAN")) {
        region = AdminKey(e.country_iso3, e.admin1_code);
      }
    }
    // Whether the story is about the region's country: it has at least half as many votes as
    // all the others' (a story on County Cavan's "Virginia" is not).
    bool region_in_story = false;
    if (region) {
      std::string iso3 = region->substr(0, 3);
      double region_cv = votes_for(country_votes, iso3, own[i].iso3 == iso3);
      region_in_story = (others <= 0 || region_cv >= 0.5 * others) &&
                        !(r.end < toks.size() && !r.dateline && IsTownOfficeWord(toks[r.end].norm));
    }
    // The name's reading as a region of a million people or more whose country the document
    // names or names the people of ("Scotland", "Wales" in a story that says "British"): like a
    // country's name, it means the region, not a town named after it abroad (Scotland,
    // Pennsylvania; Wales, Massachusetts).
    std::optional<std::string> major_region_country;
    for (const PlaceCandidate& c : r.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind == PlaceKind::kAdmin1 && c.key_kind == KeyKind::kName &&
          e.population >= 1000000 && named_countries.contains(e.country_iso3)) {
        major_region_country = std::string(e.country_iso3);
      }
    }
    Choice best;
    double best_score = -1e9;
    uint64_t top_population = 0;
    // The name's reading as a national capital under its own name ("London"), when the
    // document names the capital's country or its people ("British").
    std::optional<uint32_t> capital;
    for (const PlaceCandidate& c : r.candidates) {
      PlaceEntry e = gazetteer_.entry(c.entry);
      top_population = std::max<uint64_t>(top_population, e.population);
      if (e.feature_code == "PPLC" && c.key_kind == KeyKind::kName &&
          named_countries.contains(e.country_iso3)) {
        capital = e.index;
      }
    }
    // A national capital's own name ("Paris") keeps its default reading against a state the story
    // names often; admin votes from the state's other places still apply.
    bool capital_name = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const auto& c) {
      return c.key_kind == KeyKind::kName && gazetteer_.entry(c.entry).feature_code == "PPLC";
    });
    for (size_t k = 0; k < r.candidates.size(); ++k) {
      const PlaceCandidate& c = r.candidates[k];
      PlaceEntry e = gazetteer_.entry(c.entry);
      std::string iso3(e.country_iso3);
      std::string akey = AdminKey(e.country_iso3, e.admin1_code);
      int near = std::min(neighbours[i][k], kMaxNeighbourVotes);
      double cv = votes_for(country_votes, iso3, own[i].iso3 == iso3);
      // Neighbours choose among the readings in the document's countries; they never bring in a
      // country nothing else in the document points to (a British story's Westminster and
      // Chelsea are not the namesakes near each other in Colorado or Massachusetts).
      if (others > 0 && cv <= 0) near = 0;
      double av =
          e.kind == PlaceKind::kCountry ? 0 : votes_for(admin_votes, akey, own[i].admin == akey);
      // Such a capital's namesake gets no support from its region's other names: Los Angeles in
      // a story on British film awards does not make "London" London, California. Admin context
      // after the name still decides ("London, Ky."), and so may neighbours.
      if (capital && *capital != e.index) av = 0;
      double score = std::log10(static_cast<double>(e.population) + 1);
      if (e.kind == PlaceKind::kAdmin1) score += 0.5;
      // A capital is the default reading of its own name, not of its alternate names
      // (Charlotte Amalie is also "St. Thomas").
      // ... but not in a US local story (one that names a county or parish) that names neither
      // the capital's country nor its people: "Paris" beside "Henry County" is in Tennessee.
      if (e.feature_code == "PPLC" &&
          !(county_story && !named_countries.contains(e.country_iso3) && cv <= 0)) {
        score += c.key_kind == KeyKind::kName ? 2.5 : 0.5;
      }
      if (e.feature_code == "PPLG") score += 1.0;
      if (e.feature_code == "PPLA") score += 0.5;
      if (c.key_kind == KeyKind::kAlternate) score -= 0.7;
      // A town the name only spells another way (Frankfort, Kentucky, for "Frankfurt") takes no
      // country votes beside a reading of the name as a city of 100,000 and ten times its size:
      // "Frankfurt" in a story that also names New York is still Germany's.
      const bool other_spelling =
          c.key_kind == KeyKind::kAlternate && e.kind == PlaceKind::kPlace &&
          std::any_of(r.candidates.begin(), r.candidates.end(), [&](const PlaceCandidate& o) {
            if (o.key_kind != KeyKind::kName && o.key_kind != KeyKind::kAlternate) return false;
            PlaceEntry oe = gazetteer_.entry(o.entry);
            return oe.kind == PlaceKind::kPlace && oe.population >= 100000 &&
                   oe.population > 10 * e.population;
          });
      if (others > 0 && !other_spelling) score += 3.0 * cv / others;
      if (cv > 0 && !other_spelling) score += 1.0;
      if (av > 0) score += 4.0 + std::min(av, 3.0) * 0.5;
      score += kNeighbourWeight * near;
      if (!named_state.empty() && akey == named_state && e.kind == PlaceKind::kPlace &&
          c.key_kind != KeyKind::kDemonym && !capital_name) {
        score += kNamedStateScore;
      }
      bool admin_match = false;
      if (r.admin && r.admin->iso3 == iso3 &&
          (r.admin->admin1.empty() || r.admin->admin1 == e.admin1_code)) {
        admin_match = true;
        score += 20;
      }
      // A US state's or Canadian province's name means the region, not a town named after it
      // in another region ("Oregon" and "Washington" in a story on Chicago are no Illinois
      // towns); admin context after the name still decides ("Washington, Ill."), and the
      // national capital and cities of a million keep their names ("Washington", "New York").
      // Not in a story about another country, nor before a town's word ("Washington Township").
      if (region && region_in_story && !r.admin && e.kind == PlaceKind::kPlace &&
          e.feature_code != "PPLC" &&
          e.population < 1000000 && AdminKey(e.country_iso3, e.admin1_code) != *region) {
        continue;
      }
      if (major_region_country && !r.admin && e.kind == PlaceKind::kPlace &&
          e.population < 1000000 && e.country_iso3 != *major_region_country) {
        continue;
      }
      if (country && !r.admin) {
        // A country name means the country; only an admin-1 region of the same name whose
        // country the document is about may take it ("Georgia" in a story on Atlanta).
        if (e.kind == PlaceKind::kPlace) continue;
        if (e.kind == PlaceKind::kAdmin1) {
          double country_cv = votes_for(country_votes, std::string(country->country_iso3), false);
          if (!(cv > country_cv && cv > 0)) continue;
          score += 100;
        } else {
          score += 50;
        }
      }
      if (score > best_score) {
        best_score = score;
        best.candidate = &c;
        best.admin_supported = admin_match || av > 0;
        best.supported =
            best.admin_supported || cv > 0 || near > 0 || e.kind != PlaceKind::kPlace;
        best.by_neighbours = near > 0 && e.population < top_population;
      }
    }
    return best;
  };

  // Each distinct name votes once however often it is repeated, so that a repeated ambiguous
  // name cannot outvote the context it is read in. `own` holds what a mention itself added.
  auto tally = [&](std::vector<Vote>& own, Votes* cv, Votes* av) {
    std::map<std::string, size_t> first_of_key;
    for (size_t i = 0; i < raws.size(); ++i) {
      if (own[i].weight == 0) continue;
      auto [it, fresh] = first_of_key.emplace(keys[i], i);
      if (!fresh) continue;
      (*cv)[own[i].iso3] += own[i].weight;
      if (!own[i].admin.empty()) (*av)[own[i].admin] += own[i].weight;
    }
    // Repeats of a key share the first one's contribution: subtracting it is right for all.
    for (size_t i = 0; i < raws.size(); ++i) {
      auto it = first_of_key.find(keys[i]);
      if (it != first_of_key.end() && it->second != i) own[i] = own[it->second];
    }
  };
  std::vector<Vote> own(raws.size());
  Votes country_votes = base_country, admin_votes = base_admin;
  for (size_t i = 0; i < raws.size(); ++i) {
    if (!raws[i].before_name) own[i] = confident(raws[i]);  // a likely first name does not vote
  }
  tally(own, &country_votes, &admin_votes);
  std::vector<Choice> choices(raws.size());
  for (size_t i = 0; i < raws.size(); ++i) {
    choices[i] = resolve(i, own, country_votes, admin_votes);
  }
  // Whether a resolved plain place is dropped: too small with no support, or a likely first name
  // ("Michael Moore") whose own region is not in the document. Dropped mentions do not vote.
  // One sense per discourse: a name the document also writes in a place's context ("Ozark
  // police", "in Ozark", "Ozark, Mo.", "an Ozark man") is a place in its name-like uses too
  // ("Ozark Dodge"). Standing alone is not enough: firms and clubs do ("Real are ...", "at Tata").
  std::unordered_set<std::string> plain_keys;
  for (size_t i = 0; i < raws.size(); ++i) {
    if (PlaceLikeUse(raws[i])) plain_keys.insert(keys[i]);
  }
  auto dropped = [&](size_t i, const Choice& ch) {
    PlaceEntry e = gazetteer_.entry(ch.candidate->entry);
    if (e.kind != PlaceKind::kPlace && !IsMinorRegion(e)) return false;
    if (!ch.supported && e.population < options_.min_population_unsupported) return true;
    // A section of a city (GeoNames PPLX: Driver, a Darwin suburb; Sunset, in Vancouver) is a
    // neighbourhood's name, which news writes with its city or country around it; alone it is
    // more often a word ("Driver injured in crash"). Big ones keep their fame (Hollywood).
    if (!ch.supported && e.feature_code == "PPLX" && e.population < 100000 &&
        !(raws[i].first > 0 && !raws[i].dateline &&
          IsLocativePreposition(toks[raws[i].first - 1].norm))) {  // "in Monte Carlo"
      return true;
    }
    return raws[i].before_name && !ch.admin_supported && e.population < 100000 &&
           !plain_keys.contains(keys[i]);
  };
  std::vector<Vote> own2(raws.size());
  Votes country2 = base_country, admin2 = base_admin;
  for (size_t i = 0; i < raws.size(); ++i) {
    if (raws[i].county) {
      own2[i] = own[i];  // a county's vote does not depend on how its namesake resolves
      continue;
    }
    if (choices[i].candidate == nullptr) continue;
    if (dropped(i, choices[i])) continue;
    PlaceEntry e = gazetteer_.entry(choices[i].candidate->entry);
    if (choices[i].candidate->key_kind == KeyKind::kDemonym) continue;
    if (e.kind == PlaceKind::kContinent) continue;
    // A namesake read so only because other names have readings near it does not vote: its
    // region's votes would pull in the other namesakes there (Kentucky's Paris, Frankfort and
    // London). On GWN, no vote at all did better than a vote for the country only.
    if (choices[i].by_neighbours) continue;
    double w = own[i].weight > 0 ? own[i].weight : 0.5;
    own2[i] = Vote{std::string(e.country_iso3),
                   e.kind == PlaceKind::kCountry ? "" : AdminKey(e.country_iso3, e.admin1_code), w};
  }
  tally(own2, &country2, &admin2);
  for (size_t i = 0; i < raws.size(); ++i) {
    choices[i] = resolve(i, own2, country2, admin2);
  }

  // The US state the story names most often by its name or abbreviation ("Indiana" five times
  // beside one "Illinois"), if it is named at least twice as often as any other (a story on an
  // Iowa county that names Wisconsin three times and Illinois twice is not clearly anywhere). Votes count each name once
  // (a repeated ambiguous name must not outvote its context), but a state named again and again
  // is where a local story's counties are ("Boone County" in a story on Indiana's schools).
  auto MostNamedUsState = [&]() -> std::optional<std::string> {
    std::map<std::string, int> count;
    for (size_t i = 0; i < raws.size(); ++i) {
      if (choices[i].candidate == nullptr || raws[i].county) continue;
      PlaceEntry e = gazetteer_.entry(choices[i].candidate->entry);
      if (e.kind == PlaceKind::kAdmin1 && e.country_iso3 == "USA" && !IsMinorRegion(e)) {
        ++count[AdminKey(e.country_iso3, e.admin1_code)];
      }
    }
    std::optional<std::string> best;
    int first = 0, second = 0;
    for (const auto& [k, n] : count) {
      if (n > first) {
        second = first;
        first = n;
        best = k;
      } else if (n > second) {
        second = n;
      }
    }
    if (first < 2 * second || first == 0) return std::nullopt;
    return best;
  };

  // The document's main local place (for counties the gazetteer lacks).
  // main_admin: the most-voted admin-1 region; main_us_admin: the most-voted US state ("County"
  // and "Parish" name the gazetteer-less admin-2 level in the US: a British town the story also
  // names, Gotham, is no US county's context).
  int main_place = -1;
  std::string main_admin, main_us_admin;
  {
    double best_votes = 0, best_us_votes = 0;
    for (const auto& [k, v] : admin2) {
      if (v > best_votes) {
        best_votes = v;
        main_admin = k;
      }
      if (k.starts_with("USA.") && v > best_us_votes) {
        best_us_votes = v;
        main_us_admin = k;
      }
    }
    if (std::optional<std::string> named = MostNamedUsState()) main_us_admin = *named;
    const std::string& best_admin = main_us_admin;
    for (size_t i = 0; i < raws.size() && !best_admin.empty(); ++i) {
      if (choices[i].candidate == nullptr || raws[i].county) continue;
      PlaceEntry e = gazetteer_.entry(choices[i].candidate->entry);
      // "County" and "Parish" name the gazetteer-less admin-2 level in the US.
      if (e.kind == PlaceKind::kPlace && e.country_iso3 == "USA" &&
          AdminKey(e.country_iso3, e.admin1_code) == best_admin) {
        main_place = static_cast<int>(i);
        break;
      }
    }
  }
  // Where a county the gazetteer lacks is put when its namesake reading is not in the document's
  // state. Counties are about 50 km across, so any point in or next to one is within the 161 km
  // an evaluation allows; the state is what matters.
  //   1. the document's main local place (the first plain place in its most-voted US state);
  //   2. with a US state voted but no plain place in it ("Henry County, Ky."), a namesake of the
  //      county in that state, else the state's own point;
  //   3. with no US state voted at all, the US place named like the county with the most of the
  //      document's other names near it, else the most populous one ("Orange County" alone is Orange,
  //      California's county): "County" and "Parish" name the US admin-2 level, and the biggest
  //      namesake is the one news most often means.
  auto county_proxy = [&](size_t i) -> std::optional<PlaceEntry> {
    const RawMention& r = raws[i];
    // A story about another country whose counties English calls "X County" ("Essex County
    // Council" next to London and Luton) keeps them out of the US, even when a namesake it names
    // (Heathrow) lies in a US state.
    double usa = 0, top = 0;
    for (const auto& [k, v] : country2) {
      if (k == "USA") {
        usa = v;
      } else if (IsCountyCountry(k)) {
        top = std::max(top, v);
      }
    }
    if (usa < top) return std::nullopt;
    if (main_place >= 0) return gazetteer_.entry(choices[main_place].candidate->entry);
    if (!main_us_admin.empty()) {
      std::optional<PlaceEntry> best;
      for (const PlaceCandidate& c : r.candidates) {
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (e.kind == PlaceKind::kPlace &&
            AdminKey(e.country_iso3, e.admin1_code) == main_us_admin &&
            (!best || e.population > best->population)) {
          best = e;
        }
      }
      if (best) return best;
      PlaceEntry state;
      if (gazetteer_.FindAdmin1("USA", std::string_view(main_us_admin).substr(4), &state)) {
        return state;
      }
      return std::nullopt;
    }
    // The namesake nearest to a US town the story has placed, within kNeighbourKm (Henderson,
    // Texas, beside Athens, Texas): a local story's counties are around its towns.
    {
      std::optional<PlaceEntry> nearest;
      double nearest_km = kNeighbourKm;
      for (const PlaceCandidate& c : r.candidates) {
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (e.kind != PlaceKind::kPlace || c.key_kind == KeyKind::kDemonym ||
            e.country_iso3 != "USA") {
          continue;
        }
        for (size_t j = 0; j < raws.size(); ++j) {
          if (j == i || raws[j].county || choices[j].candidate == nullptr) continue;
          if (choices[j].candidate->key_kind == KeyKind::kDemonym || dropped(j, choices[j])) {
            continue;
          }
          PlaceEntry t = gazetteer_.entry(choices[j].candidate->entry);
          if (t.kind != PlaceKind::kPlace || t.country_iso3 != "USA") continue;
          double km = DistanceKm(t.lat, t.lon, e.lat, e.lon);
          if (km < nearest_km) {
            nearest_km = km;
            nearest = e;
          }
        }
      }
      if (nearest) return nearest;
    }

    // The namesake with the most of the document's other names near it (Henderson, Texas, next
    // to Athens, Texas), then the most populous.
    std::optional<PlaceEntry> best;
    int best_near = -1;
    for (size_t k = 0; k < r.candidates.size(); ++k) {
      const PlaceCandidate& c = r.candidates[k];
      PlaceEntry e = gazetteer_.entry(c.entry);
      if (e.kind != PlaceKind::kPlace || c.key_kind == KeyKind::kDemonym ||
          e.country_iso3 != "USA") {
        continue;
      }
      int near = k < neighbours[i].size() ? neighbours[i][k] : 0;
      if (!best || near > best_near || (near == best_near && e.population > best->population)) {
        best = e;
        best_near = near;
      }
    }
    return best;
  };
  // The US state the story names most (MostNamedUsState: at least twice as often as any other;
  // once is enough when it names no other) is where its ambiguous US towns are, as it is where
  // its counties are (above): "Marion" in a story that names Indiana five times and Ohio once is
  // Indiana's, though per-name votes count Indiana once, like Ohio. Only plain places already
  // read in the US and without admin context are resolved again (Bath, England, stays in a
  // British story that names New York), after the counties' anchor is chosen: a village read
  // into the state by this alone is no anchor for its counties.
  if (std::optional<std::string> named = MostNamedUsState()) {
    for (size_t i = 0; i < raws.size(); ++i) {
      if (raws[i].county || raws[i].admin || choices[i].candidate == nullptr) continue;
      PlaceEntry e = gazetteer_.entry(choices[i].candidate->entry);
      if (e.kind != PlaceKind::kPlace || e.country_iso3 != "USA") continue;
      choices[i] = resolve(i, own2, country2, admin2, *named);
    }
  }
  // Joint coherence: the readings chosen so far, each distinct name's once, are the story's
  // map. A town read without admin context or admin votes moves to another reading of its name
  // in the same country that more of those chosen towns lie near ("St. Cloud" beside the
  // Alexandria chosen in Minnesota): the neighbour count above asks only whether another name
  // has *some* reading near, which namesake clusters in other states also satisfy. Two rounds,
  // so that a move can support another.
  for (int round = 0; round < 2; ++round) {
    struct Chosen {
      std::string_view key;
      uint32_t entry;
      double lat, lon;
    };
    std::vector<Chosen> map;
    std::unordered_set<std::string_view> mapped;
    for (size_t i = 0; i < raws.size(); ++i) {
      if (choices[i].candidate == nullptr) continue;
      if (choices[i].candidate->key_kind == KeyKind::kDemonym || dropped(i, choices[i])) continue;
      PlaceEntry e = gazetteer_.entry(choices[i].candidate->entry);
      // A county stands at its namesake when that is in the document's main region (as in the
      // output below), else it is approximated and not on the map.
      if (raws[i].county && (!choices[i].admin_supported ||
                             AdminKey(e.country_iso3, e.admin1_code) != main_admin)) {
        continue;
      }
      if (e.kind != PlaceKind::kPlace || !mapped.insert(keys[i]).second) continue;
      map.push_back(Chosen{keys[i], e.index, e.lat, e.lon});
    }
    // How many chosen towns of other names lie within kNeighbourKm of e, and how far they are
    // in all (the tie-breaker: the tighter story).
    auto near_count = [&](const PlaceEntry& e, std::string_view own_key, double* km) {
      int n = 0;
      *km = 0;
      for (const Chosen& c : map) {
        if (c.key == own_key || c.entry == e.index) continue;
        if (std::abs(c.lat - e.lat) < kNeighbourKm / 111.0) {
          double d = DistanceKm(c.lat, c.lon, e.lat, e.lon);
          if (d < kNeighbourKm) {
            ++n;
            *km += d;
          }
        }
      }
      return n;
    };
    bool moved = false;
    // A country's name that is also a town's ("Jordan", "Lebanon") is the town when a town the
    // story has placed lies within kCountryTownKm of it, nothing else in the story is in or of
    // that country (no other place, no "Lebanese") and every other place of the story is in the
    // town's country: "Jordan" beside Shakopee, Minnesota.
    std::map<std::string_view, std::set<std::string_view>> keys_by_country;
    for (size_t i = 0; i < raws.size(); ++i) {
      if (choices[i].candidate == nullptr) continue;
      keys_by_country[gazetteer_.entry(choices[i].candidate->entry).country_iso3].insert(keys[i]);
    }
    for (size_t i = 0; i < raws.size(); ++i) {
      const RawMention& r = raws[i];
      if (r.admin || r.county || r.candidates.size() < 2 || choices[i].candidate == nullptr ||
          choices[i].candidate->key_kind != KeyKind::kName) {
        continue;
      }
      PlaceEntry cur = gazetteer_.entry(choices[i].candidate->entry);
      if (cur.kind != PlaceKind::kCountry || keys_by_country[cur.country_iso3].size() > 1) continue;
      const PlaceCandidate* best = nullptr;
      double best_km = kCountryTownKm;
      for (const PlaceCandidate& c : r.candidates) {
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (c.key_kind != KeyKind::kName || e.kind != PlaceKind::kPlace) continue;
        // And the story's other places are all in the town's country ("Jordan and Israel").
        bool elsewhere = std::any_of(
            keys_by_country.begin(), keys_by_country.end(), [&](const auto& kv) {
              return kv.first != e.country_iso3 && kv.first != cur.country_iso3;
            });
        if (elsewhere) continue;
        for (const Chosen& m : map) {
          if (m.key == keys[i] || std::abs(m.lat - e.lat) > best_km / 111.0) continue;
          double d = DistanceKm(m.lat, m.lon, e.lat, e.lon);
          if (d < best_km) {
            best_km = d;
            best = &c;
          }
        }
      }
      if (best != nullptr) {
        choices[i].candidate = best;
        choices[i].supported = true;
        moved = true;
        PlaceEntry e = gazetteer_.entry(best->entry);
        if (mapped.insert(keys[i]).second) map.push_back(Chosen{keys[i], e.index, e.lat, e.lon});
      }
    }
    for (size_t i = 0; i < raws.size(); ++i) {
      const RawMention& r = raws[i];
      if (r.county || r.admin || r.candidates.size() < 2 || choices[i].candidate == nullptr ||
          choices[i].admin_supported || choices[i].candidate->key_kind == KeyKind::kDemonym) {
        continue;
      }
      PlaceEntry cur = gazetteer_.entry(choices[i].candidate->entry);
      // Capitals and cities of a million keep their names, as elsewhere.
      if (cur.kind != PlaceKind::kPlace || cur.feature_code == "PPLC" ||
          cur.population >= 1000000) {
        continue;
      }
      double cur_km = 0, best_km = 0;
      const int cur_n = near_count(cur, keys[i], &cur_km);
      int best_n = cur_n;
      const PlaceCandidate* best = nullptr;
      for (const PlaceCandidate& c : r.candidates) {
        if (c.key_kind == KeyKind::kDemonym || c.entry == cur.index) continue;
        // Never from a town's own name to a place that only once had it (Kaliningrad, the old
        // name of Korolev near Moscow).
        if (c.key_kind != KeyKind::kName && choices[i].candidate->key_kind == KeyKind::kName) {
          continue;
        }
        PlaceEntry e = gazetteer_.entry(c.entry);
        if (e.kind != PlaceKind::kPlace || e.country_iso3 != cur.country_iso3) continue;
        double km = 0;
        int n = near_count(e, keys[i], &km);
        if (n > cur_n && (n > best_n || (n == best_n && km < best_km))) {
          best_n = n;
          best_km = km;
          best = &c;
        }
      }
      if (best != nullptr) {
        choices[i].candidate = best;
        choices[i].supported = true;
        moved = true;
        // The map follows at once, so that the next name sees this move.
        PlaceEntry e = gazetteer_.entry(best->entry);
        for (Chosen& c : map) {
          if (c.key == keys[i]) c = Chosen{c.key, e.index, e.lat, e.lon};
        }
      }
    }
    if (!moved) break;
  }
  std::vector<PlaceMention> out;
  for (size_t i = 0; i < raws.size(); ++i) {
    const RawMention& r = raws[i];
    const Choice& ch = choices[i];
    if (ch.candidate == nullptr && !r.county) continue;
    PlaceEntry e;
    if (ch.candidate != nullptr) e = gazetteer_.entry(ch.candidate->entry);
    bool approximate = false;
    if (r.county && (ch.candidate == nullptr || !ch.admin_supported ||
                     AdminKey(e.country_iso3, e.admin1_code) != main_admin)) {
      // "Laurel County" with no Laurel in the document's state: the county is approximated by
      // the document's main local place, the first plain place in its most-voted admin-1 region.
      std::optional<PlaceEntry> proxy = county_proxy(i);
      if (!proxy) continue;
      e = *proxy;
      approximate = true;
    }
    if (!approximate && dropped(i, ch)) continue;
    PlaceMention m;
    m.first_token = r.first;
    m.end_token = r.end;
    m.begin = raw_begin(r);
    m.end = raw_end(r);
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    m.geonameid = e.geonameid;
    m.name = std::string(e.name);
    m.country_iso3 = std::string(e.country_iso3);
    m.lat = e.lat;
    m.lon = e.lon;
    m.feature = std::string(e.feature_code);
    m.kind = e.kind;
    m.demonym = ch.candidate != nullptr && ch.candidate->key_kind == KeyKind::kDemonym;
    m.candidates = static_cast<int>(r.candidates.size());
    m.approximate = approximate;
    if (approximate) {
      m.geonameid = 0;
      m.name = m.text;
      m.feature = "ADM2";
    }
    out.push_back(std::move(m));
  }
  std::sort(out.begin(), out.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace annal::context
