#include "context/coreference.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "context/geoparser_given_names.h"
#include "util/word_set.h"

namespace annal::context {
namespace {

// The word sets below are small and sorted for reading. In<kSet>(w) is called for nearly every
// token of every sentence, so each set is also compiled into a WordSet (util/word_set.h): a
// length mask rejects most words, a hash of four bytes finds the rest in a probe or two.
template <const auto& kSet>
bool In(std::string_view w) {
  static constexpr WordSet kTable(kSet);
  return kTable.Contains(w);
}

// Singular nouns that name one person: a mention headed by (or holding) one is a "he"/"she".
constexpr std::array<std::string_view, 62> kPersonNouns = {
    "ACTIVIST", "ADVISER",   "ADVISOR",    "AMBASSADOR",   "ASSAILANT",   "ATTACKER",
    "BISHOP",   "BOMBER",    "CAPTAIN",    "CHAIRMAN",     "CHAIRWOMAN",  "CHANCELLOR",
    "CHIEF",    "CLERIC",    "COLONEL",    "COMMANDER",    "DEPUTY",      "DICTATOR",
    "DIPLOMAT", "DIRECTOR",  "EMIR",       "ENVOY",        "GENERAL",     "GOVERNOR",
    "GUNMAN",   "HEAD",      "IMAM",       "JOURNALIST",   "JUDGE",       "KING",
    "LAWMAKER", "LEADER",    "LIEUTENANT", "MAN",          "MAYOR",       "MINISTER",
    "MONARCH",  "MP",        "NEGOTIATOR", "OFFICER",      "OFFICIAL",    "POPE",
    "PREMIER",  "PRESIDENT", "PRIEST",     "PRINCE",       "PROSECUTOR",  "QUEEN",
    "REPORTER", "SECRETARY", "SENATOR",    "SERGEANT",     "SHEIKH",      "SHOOTER",
    "SOLDIER",  "SPEAKER",   "SPOKESMAN",  "SPOKESPERSON", "SPOKESWOMAN", "SUSPECT",
    "VICTIM",   "WOMAN",
};
// Plural words without a final S, and collectives that take "they" ("police said they ...").
constexpr std::array<std::string_view, 9> kGroupNouns = {
    "CHILDREN", "CLERGY", "GUNMEN", "MEN", "MILITIAMEN", "PEOPLE", "POLICE", "POLICEMEN", "WOMEN",
};
static_assert(std::none_of(kGroupNouns.begin(), kGroupNouns.end(),
                           [](std::string_view w) { return w.ends_with('S'); }),
              "IsPluralNoun looks up only words without a final S");
// Words that introduce a person's name without being part of it ("Mr Alekseyev").
constexpr std::array<std::string_view, 10> kPersonTitles = {
    "DR", "DR.", "MR", "MR.", "MRS", "MRS.", "MS", "MS.", "PROF", "PROF.",
};
constexpr std::array<std::string_view, 16> kNameTitles = {
    "COL.", "COLONEL", "DR",  "DR.",  "GEN", "GEN.", "GENERAL",   "LT.",
    "MR",   "MR.",     "MRS", "MRS.", "MS",  "MS.",  "PRESIDENT", "SIR",
};
// Capitalised words that are not names (sentence openers, dates).
constexpr std::array<std::string_view, 44> kNotNames = {
    "A",         "AFTER",     "AN",       "AND",      "APRIL",  "AT",   "AUGUST",   "BEFORE",
    "BUT",       "DECEMBER",  "EARLIER",  "FEBRUARY", "FRIDAY", "HE",   "HOWEVER",  "IF",
    "IN",        "IT",        "JANUARY",  "JULY",     "JUNE",   "LAST", "MARCH",    "MAY",
    "MEANWHILE", "MONDAY",    "NOVEMBER", "OCTOBER",  "ON",     "OR",   "SATURDAY", "SEPTEMBER",
    "SHE",       "SUNDAY",    "THAT",     "THE",      "THEY",   "THIS", "THURSDAY", "TUESDAY",
    "WE",        "WEDNESDAY", "WHEN",     "WHILE",
};

// Words that make a capitalised run an organisation, not a person ("Wells Fargo Bank").
constexpr std::array<std::string_view, 32> kOrganisationWords = {
    "AGENCY",  "AIRLINES",   "ASSOCIATION", "BANK",         "BOARD",        "CENTRE", "CENTER",
    "CHAMBER", "CLUB",       "COMMISSION",  "COMMITTEE",    "COMPANY",      "CORP",   "CORPORATION",
    "COUNCIL", "DEPARTMENT", "FOUNDATION",  "FUND",         "GROUP",        "INC",    "INSTITUTE",
    "LTD",     "NETWORK",    "OFFICE",      "ORGANISATION", "ORGANIZATION", "PARTY",  "PLC",
    "SERVICE", "SOCIETY",    "UNION",       "UNIVERSITY",
};

// Words that may follow the head of a noun phrase: prepositions, conjunctions, relative
// pronouns, auxiliaries and common irregular past tenses.
constexpr std::array<std::string_view, 58> kAfterNounPhrase = {
    "ABOUT", "AFTER", "AGAINST", "ALSO",   "AND",    "AS",   "AT",    "BEFORE",  "BUT",   "BY",
    "CAN",   "COULD", "DID",     "DOES",   "DURING", "FLED", "FOR",   "FROM",    "HAD",   "HAS",
    "HIT",   "IN",    "INSIDE",  "INTO",   "IS",     "KEPT", "LATER", "LEFT",    "MAY",   "MET",
    "MIGHT", "MUST",  "NEAR",    "NOW",    "OF",     "ON",   "OR",    "OUTSIDE", "OVER",  "SAID",
    "SAW",   "SENT",  "SHOT",    "SHOULD", "THAT",   "THEN", "TO",    "TOLD",    "UNDER", "WAS",
    "WHEN",  "WHICH", "WHO",     "WHOM",   "WHOSE",  "WILL", "WITH",  "WOULD",
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Called for nearly every lower-case word (FindNonActors): the suffix test comes first, and
// only words without a final S are looked up among the group nouns (none of which ends in S).
bool IsPluralNoun(std::string_view w) {
  if (w.empty() || w.back() != 'S') return In<kGroupNouns>(w);
  if (w.size() <= 3) return false;
  const char before = w[w.size() - 2];
  return before != 'S' && before != 'U' && before != 'I' && before != '\'';
}

// One definite description head: what its antecedent must be.
struct DescriptionWord {
  std::string_view word;
  std::string_view roles;  // role chunks the antecedent's code must have
  EntityKind kind;
  int event_role;  // 0 none, 1 attacker (source of recent violence), 2 victim (its target)
  bool country_only;
};
// Heads of definite descriptions. The agents dictionary gives most role words a code of their
// own ("the ministry" -> GOV), which is used as is; this table adds heads it lacks ("the
// general"), the event roles ("the attacker") and "the country".
constexpr std::array<DescriptionWord, 27> kDescriptions = {{
    {"GENERAL", "MIL", EntityKind::kPerson, 0, false},
    {"COMMANDER", "MIL", EntityKind::kPerson, 0, false},
    {"COLONEL", "MIL", EntityKind::kPerson, 0, false},
    {"PRESIDENT", "GOV", EntityKind::kPerson, 0, false},
    {"PREMIER", "GOV", EntityKind::kPerson, 0, false},
    {"MINISTER", "GOV", EntityKind::kPerson, 0, false},
    {"CHANCELLOR", "GOV", EntityKind::kPerson, 0, false},
    {"MINISTRY", "GOV", EntityKind::kOrganisation, 0, false},
    {"GOVERNMENT", "GOV", EntityKind::kOrganisation, 0, false},
    {"ADMINISTRATION", "GOV", EntityKind::kOrganisation, 0, false},
    {"ARMY", "MIL", EntityKind::kOrganisation, 0, false},
    {"MILITARY", "MIL", EntityKind::kOrganisation, 0, false},
    {"TROOPS", "MIL", EntityKind::kGroup, 0, false},
    {"SOLDIERS", "MIL", EntityKind::kGroup, 0, false},
    {"POLICE", "COP", EntityKind::kGroup, 0, false},
    {"REBELS", "REB", EntityKind::kGroup, 0, false},
    {"COUNTRY", "", EntityKind::kOrganisation, 0, true},
    {"ATTACKER", "", EntityKind::kPerson, 1, false},
    {"ATTACKERS", "", EntityKind::kGroup, 1, false},
    {"GUNMAN", "", EntityKind::kPerson, 1, false},
    {"GUNMEN", "", EntityKind::kGroup, 1, false},
    {"ASSAILANT", "", EntityKind::kPerson, 1, false},
    {"ASSAILANTS", "", EntityKind::kGroup, 1, false},
    {"SHOOTER", "", EntityKind::kPerson, 1, false},
    {"BOMBER", "", EntityKind::kPerson, 1, false},
    {"VICTIM", "", EntityKind::kPerson, 2, false},
    {"VICTIMS", "", EntityKind::kGroup, 2, false},
}};

const DescriptionWord* FindDescriptionWord(std::string_view w) {
  for (const auto& d : kDescriptions) {
    if (d.word == w) return &d;
  }
  return nullptr;
}

// Whether every three-letter role chunk of `roles` is among the role chunks of `code` after
// its `country` prefix ("MIL" fits "RUSMILSPY").
bool HasRoles(std::string_view code, std::string_view country, std::string_view roles) {
  std::string_view own = code.substr(std::min(code.size(), country.size()));
  for (size_t i = 0; i + 3 <= roles.size(); i += 3) {
    bool found = false;
    for (size_t j = 0; j + 3 <= own.size(); j += 3) {
      if (own.substr(j, 3) == roles.substr(i, 3)) found = true;
    }
    if (!found) return false;
  }
  return true;
}

// The head word of a mention's tokens: the last word before an inner "of/in/from" ("head of
// Russian military intelligence" -> HEAD), else the last word.
uint32_t HeadToken(const text::Token* tok, const CorefMention& m) {
  uint32_t head = m.end - 1;
  for (uint32_t t = m.begin + 1; t < m.end; ++t) {
    std::string_view w = tok[t].norm;
    // "militants loyal to Zarqawi": the group, not the leader, heads the phrase.
    if (w == "OF" || w == "IN" || w == "FROM" || (w == "LOYAL" && t + 1 < m.end)) {
      head = t - 1;
      break;
    }
  }
  while (head > m.begin && !tok[head].has(text::kWord)) --head;
  return head;
}

// Whether a bare actor mention names a country's people by a plural demonym ("Palestinians",
// "Iraqis": they, not it), rather than by a name that is plural itself ("the United States",
// "the Philippines": the word is one of the entity's own name, "United States Of America").
bool PluralDemonym(const text::Token* tok, const CorefMention& m) {
  if (m.end <= m.begin || m.country.empty() || m.entity.empty()) return false;
  const std::string_view last = tok[m.end - 1].norm;
  if (last.size() < 5 || last.back() != 'S' || !IsPluralNoun(last)) return false;
  std::string_view rest = m.entity;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    const std::string_view word = rest.substr(0, space);
    bool same = word.size() == last.size();
    for (size_t i = 0; same && i < word.size(); ++i) {
      same = std::toupper(static_cast<unsigned char>(word[i])) == last[i];
    }
    if (same) return false;
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
  }
  return true;
}

EntityKind Classify(const text::Token* tok, const CorefMention& m) {
  if (m.bare_actor && !m.person_entry && PluralDemonym(tok, m)) return EntityKind::kGroup;
  if (m.bare_actor) return m.person_entry ? EntityKind::kPerson : EntityKind::kOrganisation;
  uint32_t head = HeadToken(tok, m);
  if (IsPluralNoun(tok[head].norm)) return EntityKind::kGroup;
  if (m.person_entry) return EntityKind::kPerson;
  for (uint32_t t = m.begin; t <= head; ++t) {
    if (In<kPersonNouns>(tok[t].norm)) return EntityKind::kPerson;
  }
  return EntityKind::kOrganisation;
}

std::optional<EntityKind> PronounKind(std::string_view p) {
  if (p == "HE" || p == "SHE" || p == "HIM" || p == "HIS" || p == "HER") return EntityKind::kPerson;
  if (p == "IT" || p == "ITS") return EntityKind::kOrganisation;
  if (p == "THEY" || p == "THEM" || p == "THEIR") return EntityKind::kGroup;
  return std::nullopt;
}

// Roles whose holders belong to the country they act in: the state, its forces and its
// politics. Only these take the document's country; business people, journalists, tourists
// and "the victims" in an article about one country are often foreigners.
constexpr std::array<std::string_view, 12> kDomesticRoles = {
    "COP", "GOV", "INS", "JUD", "LEG", "MIL", "OPP", "PTY", "REB", "SEP", "SPY", "UAF",
};

// Agent words that are no actor of the document's country: plurals of bodies a country has
// one of ("against governments", "in which courts") speak of such bodies in general, and
// GOVERNANCE [~GOV] is an abstract noun.
constexpr std::array<std::string_view, 13> kNoDocumentCountry = {
    "ADMINISTRATIONS", "ARMIES",       "COURTS",     "GOVERNANCE", "GOVERNMENTS",
    "JUDICIARIES",     "LEGISLATURES", "MILITARIES", "MINISTRIES", "PARLIAMENTS",
    "CABINETS",        "REGIMES",      "STATES",
};

bool IsPossessivePronoun(std::string_view w) {
  return w == "HIS" || w == "HER" || w == "ITS" || w == "THEIR";
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Whether `word` is one of the blank-separated words of `text`.
bool HasWord(std::string_view text, std::string_view word) {
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    if (text.substr(i, j - i) == word) return true;
    i = j + 1;
  }
  return false;
}

// The last word of a person's name in norm form: "Vladimir Alekseyev" -> "ALEKSEYEV".
std::string ShortName(std::string_view entity) {
  size_t space = entity.find_last_of(' ');
  if (space == std::string_view::npos) return std::string();  // one word: no shorter form
  return Upper(entity.substr(space + 1));
}

bool IsCapitalizedWord(const text::Token& t) {
  return t.has(text::kWord) && t.has(text::kCapitalized) && !t.has(text::kNumber);
}

// Whether token t can end a noun phrase: what follows is punctuation, a function word or a
// verb ("the general said", "the general, who", "the general on Friday"), not another noun.
bool EndsNounPhrase(const text::Token* tok, uint32_t n, uint32_t t) {
  if (t + 1 >= n) return true;
  const text::Token& next = tok[t + 1];
  if (next.has(text::kPossessive)) return false;
  if (!next.has(text::kWord) || In<kAfterNounPhrase>(next.norm)) return true;
  std::string_view w = next.norm;
  return !next.has(text::kCapitalized) &&
         (EndsWith(w, "ED") || (EndsWith(w, "S") && !EndsWith(w, "SS")));
}

// Words that name a body of the state ("the Russian Foreign Ministry", "the Home Office").
constexpr std::array<std::string_view, 30> kStateBodyWords = {
    "ADMINISTRATION", "AFFAIRS",   "ARMY",       "ASSEMBLY", "CABINET",    "COMMISSION",
    "COMMONS",        "CONGRESS",  "COUNCIL",    "COURT",    "DEFENCE",    "DEFENSE",
    "DEPARTMENT",     "EXCHEQUER", "FORCE",      "FORCES",   "GOVERNMENT", "GUARD",
    "INTELLIGENCE",   "INTERIOR",  "LORDS",      "MINISTRY", "NAVY",       "OFFICE",
    "PARLIAMENT",     "POLICE",    "PRESIDENCY", "SECURITY", "SENATE",     "TREASURY",
};

void InsertSorted(CorefMention m, std::vector<CorefMention>* mentions) {
  auto it = std::lower_bound(mentions->begin(), mentions->end(), m.begin,
                             [](const CorefMention& a, uint32_t b) { return a.begin < b; });
  mentions->insert(it, std::move(m));
}

// Sentence token -> whether a mention covers it.
bool Covered(const std::vector<CorefMention>& mentions, uint32_t t) {
  for (const auto& m : mentions) {
    if (m.begin <= t && t < m.end) return true;
  }
  return false;
}

// Whether an agent belongs to a name no dictionary knows, most often a company:
// "Parmalat's chief executive", "representatives of BASF", "the chairman of Yukos". Its
// holders are that organisation's, not the state's.
bool OfUnknownOrganisation(const text::Token* tok, uint32_t n, const CorefMention& m,
                           const std::vector<CorefMention>& mentions) {
  uint32_t b = m.begin;
  while (b > 0 && (tok[b - 1].norm == "THE" || tok[b - 1].norm == "A")) --b;
  if (b >= 2 && tok[b - 1].has(text::kPossessive) && tok[b - 2].has(text::kCapitalized) &&
      !Covered(mentions, b - 2)) {
    // "George W Bush's administration": a capitalised run of several words without a company
    // word is a person's name, and a person's agents are the state's.
    uint32_t s = b - 2;
    bool organisation = In<kOrganisationWords>(tok[s].norm);
    while (s > 0 && tok[s - 1].has(text::kCapitalized) && tok[s - 1].has(text::kWord) &&
           !Covered(mentions, s - 1)) {
      --s;
      organisation |= In<kOrganisationWords>(tok[s].norm);
    }
    return organisation || s == b - 2;
  }
  uint32_t t = m.end;
  if (t < n && (tok[t].norm == "OF" || tok[t].norm == "FOR" || tok[t].norm == "AT")) {
    ++t;
    if (t < n && tok[t].norm == "THE") ++t;
    return t < n && tok[t].has(text::kWord) && tok[t].has(text::kCapitalized) &&
           !Covered(mentions, t) && !In<kPersonTitles>(tok[t].norm);
  }
  return false;
}

// The kinds of pronoun a noun phrase can be the antecedent of, as a bit set.
constexpr uint8_t KindBit(EntityKind k) {
  return static_cast<uint8_t>(1u << static_cast<unsigned>(k));
}
constexpr uint8_t kItBit = KindBit(EntityKind::kOrganisation);
constexpr uint8_t kHeBit = KindBit(EntityKind::kPerson);
constexpr uint8_t kTheyBit = KindBit(EntityKind::kGroup);

// Words that open a noun phrase ("the bill", "many consumers", "its population").
constexpr std::array<std::string_view, 23> kDeterminers = {
    "A",    "AN",  "ANOTHER", "BOTH",  "EACH", "EVERY", "FEW",     "HER",
    "HIS",  "ITS", "MANY",    "MOST",  "MY",   "OUR",   "SEVERAL", "SOME",
    "SUCH", "THE", "THEIR",   "THESE", "THIS", "THOSE", "YOUR",
};
// Verbs that follow a plural subject ("the new rules were", "the figures are").
constexpr std::array<std::string_view, 6> kPluralVerbs = {"ARE",  "HAVE", "REMAIN",
                                                          "SEEM", "SHOW", "WERE"};
// Verbs and auxiliaries that show the plural before them is a subject ("sites do not").
constexpr std::array<std::string_view, 14> kBarePluralVerbs = {
    "CAN",  "COULD", "DID", "DO",     "HAD",  "MAY",  "MIGHT",
    "MUST", "SAID",  "SAY", "SHOULD", "WANT", "WILL", "WOULD",
};
// Heads of noun phrases that measure time or quantity: no pronoun refers to them in news
// ("at the end of the month it said", "a lot of", "the rest").
constexpr std::array<std::string_view, 36> kNotAntecedents = {
    "AFTERNOON", "BIT",    "CENTURY", "DAY",   "DAYS",   "DECADE",   "END",    "EVENING", "FEW",
    "HALF",      "HOUR",   "HOURS",   "KIND",  "LOT",    "MAJORITY", "MINUTE", "MINUTES", "MOMENT",
    "MONTH",     "MONTHS", "MORNING", "NIGHT", "NUMBER", "PART",     "PERIOD", "QUARTER", "REST",
    "SORT",      "START",  "TIME",    "TIMES", "TYPE",   "WAY",      "WEEK",   "WEEKS",   "YEAR",
};
// Words that end an unknown name run or cannot start one: openers, pronouns, titles of
// address already handled as blockers ("Mr Balls").
constexpr std::array<std::string_view, 12> kNotNameStarts = {
    "ALSO", "AS", "BY", "FOR", "FROM", "I", "OF", "SO", "TO", "US", "WITH", "YOU",
};
// Words that open a sentence-initial adverbial ("In 2004, ...", "After the vote, ...").
constexpr std::array<std::string_view, 18> kClauseOpeners = {
    "AFTER", "ALTHOUGH", "AS",   "AT", "BECAUSE", "BEFORE", "DESPITE", "DURING", "FOR",
    "IF",    "IN",       "LAST", "ON", "SINCE",   "THOUGH", "UNDER",   "WHEN",   "WHILE",
};

// Where the sentence's subject starts: after leading conjunctions and quotes, and after a
// leading adverbial clause closed by a comma.
uint32_t SubjectStart(const text::Token* tok, uint32_t n) {
  auto skip = [&](uint32_t t) {
    while (t < n && (tok[t].has(text::kQuote) || tok[t].norm == "," || tok[t].norm == "BUT" ||
                     tok[t].norm == "AND" || tok[t].norm == "SO" || tok[t].norm == "YET" ||
                     tok[t].norm == "HOWEVER" || tok[t].norm == "MEANWHILE")) {
      ++t;
    }
    return t;
  };
  uint32_t t = skip(0);
  if (t < n && In<kClauseOpeners>(tok[t].norm)) {
    for (uint32_t c = t + 1; c < n && c <= t + 12; ++c) {
      if (tok[c].norm == ",") return skip(c + 1);
    }
  }
  return t;
}

// Words before a title that make it another office or a past one.
constexpr std::array<std::string_view, 10> kOtherOffice = {
    "ACTING", "ASSISTANT", "DEPUTY", "EX", "FORMER", "JUNIOR", "LATE", "SHADOW", "UNDER", "VICE",
};

// The title a description head names: "MINISTER" and "SECRETARY" with the word before them
// ("PRIME MINISTER", "FOREIGN MINISTER" are different people), other heads alone.
std::string TitleKey(const text::Token* tok, uint32_t head) {
  std::string key = tok[head].norm;
  if ((key == "MINISTER" || key == "SECRETARY") && head > 0 && tok[head - 1].has(text::kWord) &&
      tok[head - 1].norm != "THE" && tok[head - 1].norm != "A") {
    key = tok[head - 1].norm + " " + key;
  }
  return key;
}

}  // namespace

const char* ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kNone:
      return "";
    case Resolution::kPronoun:
      return "pronoun";
    case Resolution::kDescription:
      return "description";
    case Resolution::kShortName:
      return "short_name";
    case Resolution::kApposition:
      return "apposition";
    case Resolution::kDocumentCountry:
      return "document_country";
    case Resolution::kSentenceCountry:
      return "sentence_country";
  }
  return "";
}

bool IsExpletiveIt(const text::Token* tok, uint32_t n, uint32_t it) {
  static constexpr std::array<std::string_view, 20> kVerbGroup = {
      "IS", "WAS",  "'S",  "WILL", "WOULD", "MAY", "MIGHT", "COULD", "CAN", "SHOULD",
      "BE", "BEEN", "HAS", "HAD",  "NOT",   "N'T", "ALSO",  "STILL", "NOW", "ALREADY"};
  static constexpr std::array<std::string_view, 30> kExpletiveHeads = {
      "SEEMS",     "SEEMED",  "APPEARS", "APPEARED", "LOOKS",      "LOOKED",
      "CLEAR",     "UNCLEAR", "LIKELY",  "UNLIKELY", "POSSIBLE",   "IMPOSSIBLE",
      "IMPORTANT", "TIME",    "THOUGHT", "BELIEVED", "UNDERSTOOD", "EXPECTED",
      "REPORTED",  "SAID",    "FEARED",  "HOPED",    "NECESSARY",  "DIFFICULT",
      "HARD",      "EASY",    "TRUE",    "SEEN",     "ESTIMATED",  "CERTAIN"};
  for (uint32_t t = it + 1; t < n && t <= it + 5; ++t) {
    std::string_view w = tok[t].norm;
    if (In<kVerbGroup>(w)) continue;
    if (!In<kExpletiveHeads>(w)) return false;
    // "it seems that", "it looks like" - but "it seemed to threaten Kyiv" is the army.
    if (t < it + 2 &&
        (w.rfind("SEEM", 0) == 0 || w.rfind("APPEAR", 0) == 0 || w.rfind("LOOK", 0) == 0)) {
      return t + 1 < n && (tok[t + 1].norm == "THAT" || tok[t + 1].norm == "LIKE" ||
                           tok[t + 1].norm == "AS" || tok[t + 1].norm == ",");
    }
    // "it is likely to attack", "it is thought to have fired": raising, "it" is the actor.
    bool raising = w == "LIKELY" || w == "UNLIKELY" || w == "CERTAIN" || w == "THOUGHT" ||
                   w == "BELIEVED" || w == "UNDERSTOOD" || w == "EXPECTED" || w == "REPORTED" ||
                   w == "SAID" || w == "FEARED" || w == "SEEN" || w == "ESTIMATED";
    return !(raising && t + 1 < n && tok[t + 1].norm == "TO");
  }
  return false;
}

bool LooksLikePersonEntry(size_t root_words, bool has_dated_code) {
  return has_dated_code && root_words >= 2 && root_words <= 4;
}

std::optional<Coreference::Description> Coreference::DescriptionOf(std::string_view head,
                                                                   std::string_view code,
                                                                   bool agent_only) {
  const DescriptionWord* d = FindDescriptionWord(head);
  if (d != nullptr) {
    return Description{d->roles, d->kind, static_cast<EventRole>(d->event_role), d->country_only};
  }
  // Any other role word of the agents dictionary after "the": its own code is the role the
  // antecedent must have ("the foreign ministry" -> GOV).
  if (agent_only && !code.empty()) {
    return Description{code, EntityKind::kOrganisation, EventRole::kNone, false};
  }
  return std::nullopt;
}

std::optional<Coreference::Entity> Coreference::FindDescribed(
    const Description& d, const std::vector<CorefMention>& mentions, size_t before, uint32_t reach,
    std::string_view holder, const std::vector<std::string_view>& other_holders) const {
  auto fits_code = [&](std::string_view code, std::string_view country, EntityKind kind,
                       bool agent_only) {
    if (code.empty() || agent_only) return false;
    if (d.country_only) return !country.empty() && code == country;
    return kind == d.kind && HasRoles(code, country, d.roles) && code.size() > d.roles.size();
  };
  auto fits = [&](std::string_view code, std::string_view country, EntityKind kind, bool agent_only,
                  std::string_view entity) {
    if (!fits_code(code, country, kind, agent_only)) return false;
    return entity == holder || entity.empty() ||
           std::find(other_holders.begin(), other_holders.end(), entity) == other_holders.end();
  };
  // Earlier in this sentence first ("Russian troops crossed the border and the troops ..."),
  // then back through the history in reach. `only_holder`: only the person the document
  // named with this very title.
  auto search = [&](bool only_holder) -> std::optional<Entity> {
    for (size_t i = before; i-- > 0;) {
      const CorefMention& m = mentions[i];
      if ((!only_holder || m.entity == holder) &&
          fits(m.code, m.country, m.kind, m.agent_only, m.entity)) {
        Entity e;
        e.code = m.code;
        e.entity = m.entity;
        e.country = m.country;
        e.kind = m.kind;
        return e;
      }
    }
    for (size_t i = history_.size(); i-- > 0;) {
      const Entity& e = *history_[i];
      if (e.sentence + reach < sentence_) break;
      if ((!only_holder || e.entity == holder) &&
          fits(e.code, e.country, e.kind, e.agent_only, e.entity)) {
        return e;
      }
    }
    return std::nullopt;
  };
  if (!holder.empty()) {
    if (std::optional<Entity> e = search(/*only_holder=*/true)) return e;
  }
  return search(/*only_holder=*/false);
}

void Coreference::Attach(const std::string& entity, const std::string& code,
                         const std::string& country) {
  if (entity.empty()) return;
  for (auto& a : attached_) {
    if (a.entity == entity) {
      a.code = code;
      a.country = country;
      return;
    }
  }
  attached_.push_back({entity, code, country});
}

namespace {
// Whether a title names its holder's organisation and that is none the dictionaries know as a
// body of the state: "president of Sony Computer Entertainment America", "Chief Executive of
// AOL UK", "chief US economist for Wells Fargo Bank". The dictionaries code such titles by
// their generic words (PRESIDENT -> GOV, ECONOMIST -> EDU), which says nothing about a company
// man; his name keeps no code rather than a wrong one.
bool TitleOfOtherOrganisation(const text::Token* tok, uint32_t n, const CorefMention& title,
                              const std::vector<CorefMention>& mentions) {
  const uint32_t limit = std::min(n, title.end + 4);
  for (uint32_t p = title.begin; p < limit; ++p) {
    if (p >= title.end && (tok[p].norm == "," || tok[p].norm == ".")) return false;
    const std::string_view w = tok[p].norm;
    if (w != "OF" && w != "FOR" && w != "AT") continue;
    uint32_t t = p + 1;
    for (uint32_t lower = 0; t < n && lower < 3; ++t) {
      if (tok[t].norm == "THE") continue;
      if (tok[t].has(text::kCapitalized) || !tok[t].has(text::kWord)) break;
      ++lower;  // "organisers MCD Promoters", "net provider AOL"
    }
    uint32_t e = t;
    bool state = false, unknown = false;
    while (e < n && e < t + 6 && IsCapitalizedWord(tok[e])) {
      state |= In<kStateBodyWords>(tok[e].norm);
      unknown |= !Covered(mentions, e) || In<kOrganisationWords>(tok[e].norm);
      ++e;
    }
    if (e == t || state) return false;
    // "of the UK's Confederation of British Industry": the body the country owns.
    if (e + 1 < n && tok[e].has(text::kPossessive) && IsCapitalizedWord(tok[e + 1])) {
      uint32_t owned = e + 1;
      while (owned < n && owned < e + 7 && IsCapitalizedWord(tok[owned])) {
        if (In<kStateBodyWords>(tok[owned].norm)) return false;
        ++owned;
      }
      return true;
    }
    // After the title: a name with words no mention covers or a company word ("Wells Fargo
    // Bank": Wells is an English city). Inside it: more than one capitalised word (one is
    // most often the country that gave the code: "president of Russia").
    if (t >= title.end) return unknown;
    return e - t >= 2;
  }
  return false;
}
}  // namespace

bool Coreference::BodyTitleApposition(const text::Token* tok, uint32_t n, size_t i,
                                      std::vector<CorefMention>* mentions) {
  const CorefMention& title = (*mentions)[i];
  // An international body with the words of a post: role words or title words no dictionary
  // knows ("the United Nations Emergency Relief Coordinator"), not the body alone ("Japan,
  // the UN's biggest donor" names no post).
  if (i == 0 || title.code.rfind("IGO", 0) != 0 || title.resolution != Resolution::kNone ||
      (title.bare_actor && !title.unknown_name)) {
    return false;
  }
  uint32_t k = title.begin;
  while (k > 0 && (tok[k - 1].norm == "THE" || tok[k - 1].norm == "A" || tok[k - 1].norm == "AN")) {
    --k;
  }
  if (k < 2 || tok[k - 1].norm != "," || (title.end < n && tok[title.end].norm != ","))
    return false;
  CorefMention& name = (*mentions)[i - 1];
  if (name.end != k - 1 || !name.bare_actor || !name.person_entry ||
      name.resolution != Resolution::kNone || name.code.rfind("IGO", 0) == 0) {
    return false;
  }
  name.code = title.code;
  name.country.clear();
  name.resolution = Resolution::kApposition;
  Attach(name.entity, name.code, name.country);
  (*mentions)[i].entity = name.entity;  // the title is the same person
  return true;
}

void Coreference::FindAppositions(const text::Token* tok, uint32_t n, std::string_view text,
                                  std::vector<CorefMention>* mentions) {
  // "NAME, TITLE," where TITLE is a person mention with role words: the name is that person.
  for (size_t i = 0; i < mentions->size(); ++i) {
    const CorefMention title = (*mentions)[i];
    if (BodyTitleApposition(tok, n, i, mentions)) continue;
    // The title must name its country itself: "president of manufacturer Toshiba" is only
    // GOV by the agents dictionary, and the document's country says nothing about him.
    if (title.bare_actor || title.kind != EntityKind::kPerson || title.code.empty() ||
        title.country.empty() || title.resolution != Resolution::kNone ||
        TitleOfOtherOrganisation(tok, n, title, *mentions)) {
      continue;
    }
    uint32_t k = title.begin;
    while (k > 0 &&
           (tok[k - 1].norm == "THE" || tok[k - 1].norm == "A" || tok[k - 1].norm == "AN")) {
      --k;
    }
    if (k < 2 || tok[k - 1].norm != ",") continue;
    // The apposition closes with a comma, a verb or the sentence end, not with more noun words.
    if (title.end < n && tok[title.end].norm != "," && tok[title.end].has(text::kCapitalized)) {
      continue;
    }
    uint32_t comma = k - 1;
    // Case 1: a dictionary person right before the comma; the title refines its code when it
    // agrees on the country and says more ("Sergei Lavrov" RUS... -> the title's roles).
    if (i > 0 && (*mentions)[i - 1].end == comma) {
      CorefMention& name = (*mentions)[i - 1];
      // Case 1b: a place name swallowed a person's name ("Vladimir Alekseyev": Vladimir is a
      // Russian city): a bare country code with unknown capitalised words is that person.
      if (name.bare_actor && !name.person_entry && name.unknown_name && name.code == name.country &&
          name.end - name.begin >= 2 && !title.country.empty()) {
        uint32_t first_name = name.begin;
        while (first_name + 1 < name.end && In<kNameTitles>(tok[first_name].norm)) ++first_name;
        name.code = title.code;
        name.country = title.country;
        name.entity = std::string(
            text.substr(tok[first_name].begin, tok[name.end - 1].end - tok[first_name].begin));
        name.kind = EntityKind::kPerson;
        name.person_entry = true;
        name.resolution = Resolution::kApposition;
        Attach(name.entity, name.code, name.country);
        (*mentions)[i].entity = name.entity;  // the title is the same person
        continue;
      }
      if (name.bare_actor && name.person_entry && name.code != title.code &&
          title.code.size() > name.code.size() && !title.country.empty() &&
          (name.country.empty() || name.country == title.country)) {
        name.code = title.code;
        name.country = title.country;
        name.resolution = Resolution::kApposition;
        Attach(name.entity, name.code, name.country);
      }
      if (name.bare_actor && name.person_entry) (*mentions)[i].entity = name.entity;
      continue;
    }
    // Case 2: capitalised words no dictionary knows, right before the comma.
    uint32_t s = comma;
    while (s > 0 && comma - s < 4 && IsCapitalizedWord(tok[s - 1]) && !Covered(*mentions, s - 1) &&
           !In<kNotNames>(tok[s - 1].norm)) {
      --s;
    }
    if (s == comma) continue;
    if (s > 0 && IsCapitalizedWord(tok[s - 1])) continue;  // part of a longer capitalised run
    uint32_t first_name = s;
    while (first_name < comma && In<kNameTitles>(tok[first_name].norm)) ++first_name;
    bool titled = first_name > s;
    if (first_name == comma || (comma - first_name < 2 && !titled)) continue;
    CorefMention name;
    name.begin = s;
    name.end = comma;
    name.code = title.code;
    name.country = title.country;
    name.entity =
        std::string(text.substr(tok[first_name].begin, tok[comma - 1].end - tok[first_name].begin));
    name.kind = EntityKind::kPerson;
    name.person_entry = true;
    name.resolution = Resolution::kApposition;
    Attach(name.entity, name.code, name.country);
    (*mentions)[i].entity = name.entity;  // the title is the same person
    InsertSorted(std::move(name), mentions);
    ++i;  // the title moved one place right
  }
}

void Coreference::FindShortNames(const text::Token* tok, uint32_t n,
                                 std::vector<CorefMention>* mentions) {
  // The persons with a short name, most recent first (a handful per document).
  std::vector<const Entity*>& people = short_name_scratch_;
  people.clear();
  for (size_t i = history_.size(); i-- > 0;) {
    const Entity& e = *history_[i];
    if (e.kind == EntityKind::kPerson && !e.short_name.empty()) people.push_back(&e);
  }
  const bool short_names = !people.empty();
  for (uint32_t t = 0; t < n; ++t) {
    if (!IsCapitalizedWord(tok[t])) continue;
    const bool titled = t > 0 && In<kPersonTitles>(tok[t - 1].norm);
    if ((!titled && !short_names) || Covered(*mentions, t)) continue;
    // The person whose surname this is, most recent first; a title-attached code wins.
    const Entity* found = nullptr;
    for (const Entity* e : people) {
      if (e->short_name == tok[t].norm) {
        found = e;
        break;
      }
    }
    if ((found == nullptr && !titled) || In<kNotNames>(tok[t].norm)) continue;
    // "Mr Balls", "Dr Reddy": a person the dictionaries do not know. Later pronouns more
    // likely mean them than the last person the dictionaries knew: they block resolution.
    if (titled && found == nullptr && !Covered(*mentions, t - 1)) {
      blockers_.push_back({t - 1, tok[t].norm});
    }
    if (found == nullptr) continue;
    // "His wife, Jill Rutte": a given name that is none of the person's own names is another
    // bearer of the surname.
    if (t > 0 && IsCapitalizedWord(tok[t - 1]) && IsGivenName(tok[t - 1].norm) &&
        !HasWord(Upper(found->entity), tok[t - 1].norm)) {
      continue;
    }
    CorefMention m;
    m.begin = t;
    m.end = t + 1;
    // "Vladimir Alekseyev" again, or "Mr Alekseyev": the name's other words and a title
    // belong to the mention.
    std::string upper_entity = Upper(found->entity);
    while (m.begin > 0 && IsCapitalizedWord(tok[m.begin - 1]) && !Covered(*mentions, m.begin - 1) &&
           (In<kNameTitles>(tok[m.begin - 1].norm) ||
            upper_entity.find(tok[m.begin - 1].norm) != std::string::npos)) {
      --m.begin;
    }
    if (m.begin < t && !IsCapitalizedWord(tok[t - 1])) m.begin = t;
    m.code = found->code;
    m.entity = found->entity;
    m.country = found->country;
    m.kind = EntityKind::kPerson;
    m.person_entry = true;
    m.bare_actor = true;
    m.resolution = Resolution::kShortName;
    InsertSorted(std::move(m), mentions);
  }
}

void Coreference::FindDescriptions(const text::Token* tok, uint32_t n,
                                   std::vector<CorefMention>* mentions) {
  // "the general", "the attacker": heads the agents dictionary does not know.
  for (uint32_t t = 1; t < n; ++t) {
    if (tok[t - 1].norm != "THE" || Covered(*mentions, t)) continue;
    const DescriptionWord* d = FindDescriptionWord(tok[t].norm);
    if (d == nullptr) continue;
    // The head must end the noun phrase: "the general election", "the General Assembly" and
    // "the attacker's car" are no descriptions of a person.
    if (!EndsNounPhrase(tok, n, t)) continue;
    if (t + 1 < n && tok[t + 1].has(text::kPossessive)) continue;
    CorefMention m;
    m.begin = t;
    m.end = t + 1;
    m.kind = d->kind;
    InsertSorted(std::move(m), mentions);  // resolved (or dropped) by ResolveSentence
  }
}

void Coreference::ResolveSentence(const text::Token* tok, uint32_t n, std::string_view text,
                                  std::vector<CorefMention>* mentions) {
  blockers_.clear();
  non_actors_.clear();
  subject_token_ = UINT32_MAX;
  FindQuotations(tok, n);
  FindClauseSubjectPronouns(tok, n);
  FindDescriptions(tok, n, mentions);
  for (size_t i = 0; i < mentions->size(); ++i) {
    CorefMention& m = (*mentions)[i];
    if (m.code.empty()) continue;  // a description head added above; kind already set
    // "a Russian army general": a person head the agents dictionary lacks, right after a
    // mention with a country, makes it that person and adds the head's role (RUS -> RUSMIL).
    if (m.end < n && !m.country.empty() && !m.person_entry &&
        (i + 1 == mentions->size() || (*mentions)[i + 1].begin > m.end) &&
        !tok[m.end].has(text::kCapitalized) && EndsNounPhrase(tok, n, m.end)) {
      const DescriptionWord* d = FindDescriptionWord(tok[m.end].norm);
      if (d != nullptr && d->kind == EntityKind::kPerson && !d->roles.empty()) {
        if (!HasRoles(m.code, m.country, d->roles)) m.code += d->roles;
        ++m.end;
        m.bare_actor = false;
        m.kind = EntityKind::kPerson;
        continue;
      }
    }
    m.kind = Classify(tok, m);
    // "Palestinian leaders said they would ...": a plural common noun the dictionaries lack,
    // right after a country's adjective, makes the phrase a group ("they"), as a person head
    // above makes a person.
    if (m.bare_actor && !m.person_entry && m.kind == EntityKind::kOrganisation && m.end < n &&
        !m.country.empty() && (i + 1 == mentions->size() || (*mentions)[i + 1].begin > m.end) &&
        tok[m.end].has(text::kWord) && !tok[m.end].has(text::kCapitalized) &&
        !tok[m.end].has(text::kNumber) && IsPluralNoun(tok[m.end].norm) &&
        EndsNounPhrase(tok, n, m.end)) {
      m.kind = EntityKind::kGroup;
    }
    // A code the document attached to this entity earlier ("Alekseyev" the spy chief).
    if (!m.entity.empty()) {
      for (const auto& a : attached_) {
        if (a.entity == m.entity && a.code != m.code) {
          m.code = a.code;
          m.country = a.country;
          m.resolution = Resolution::kApposition;
        }
      }
    }
  }
  for (size_t i = 0; i < mentions->size(); ++i) {
    CorefMention& m = (*mentions)[i];
    if (!m.code.empty() && !m.agent_only) continue;
    std::string_view before = m.begin > 0 ? std::string_view(tok[m.begin - 1].norm) : "";
    // "his troops", "its army": the possessor's country with the agent's roles. The sentence
    // coder may have taken "its" into the phrase already (a title modifier like "senior").
    uint32_t possessive = m.begin > 0 ? m.begin - 1 : UINT32_MAX;
    if (m.begin + 1 < m.end && IsPossessivePronoun(tok[m.begin].norm)) possessive = m.begin;
    if (possessive != UINT32_MAX && IsPossessivePronoun(tok[possessive].norm) && !m.code.empty()) {
      if (auto a = ResolvePronoun(tok[possessive].norm, possessive, *mentions);
          a && !a->country.empty()) {
        m.code = a->country + m.code;
        m.country = a->country;
        m.agent_only = false;
        m.begin = possessive;
        m.resolution = Resolution::kPronoun;
        continue;
      }
    }
    if (before == "THE") {
      const uint32_t head = m.code.empty() ? m.begin : HeadToken(tok, m);
      std::optional<Description> d = DescriptionOf(tok[head].norm, m.code, m.agent_only);
      if (d && m.agent_only && !FindDescriptionWord(tok[head].norm)) d->kind = m.kind;
      std::optional<Entity> e;
      if (d && d->event_role != EventRole::kNone) {
        const auto& a = d->event_role == EventRole::kAttacker ? last_attacker_ : last_victim_;
        if (a) {
          e.emplace();
          e->code = a->code;
          e->entity = a->entity;
          e->country = a->country;
        }
      } else if (d) {
        // A description reaches further back than a pronoun: "the general" can name a man
        // last mentioned paragraphs ago. But an institution ("the government", "the police")
        // not named in this or the last sentence is the document's own when it has a
        // country: a BBC story on British politics that mentioned the US government earlier
        // still means London by "the government".
        constexpr uint32_t kDescriptionReach = 10;
        bool institution =
            d->kind != EntityKind::kPerson && m.agent_only && !document_country_.empty();
        std::string_view holder;
        std::vector<std::string_view> other_holders;
        if (d->kind == EntityKind::kPerson) {
          const std::string key = TitleKey(tok, head);
          // "the minister" alone may be any minister; "the chancellor" is not the man the
          // story named "Prime Minister".
          const bool generic = key == "MINISTER" || key == "SECRETARY";
          for (const auto& [title, entity] : title_holders_) {
            if (title == key) {
              holder = entity;
            } else if (!generic) {
              other_holders.push_back(entity);
            }
          }
        }
        e = FindDescribed(*d, *mentions, i, institution ? 1 : kDescriptionReach, holder,
                          other_holders);
      }
      if (e) {
        m.code = e->code;
        m.entity = e->entity;
        m.country = e->country.empty() ? m.country : e->country;
        m.agent_only = false;
        m.begin -= 1;  // the span is the words that refer: "the general"
        m.resolution = Resolution::kDescription;
        continue;
      }
    }
    // A bare agent with no antecedent: the document's country, when it has one clear country
    // and the agent's role is a domestic one (police, government, army, opposition).
    if (m.agent_only && !document_country_.empty() && m.code.size() >= 3 &&
        In<kDomesticRoles>(std::string_view(m.code).substr(0, 3)) &&
        !In<kNoDocumentCountry>(tok[HeadToken(tok, m)].norm) &&
        !OfUnknownOrganisation(tok, n, m, *mentions)) {
      m.code = document_country_ + m.code;
      m.country = document_country_;
      m.agent_only = false;
      m.resolution = Resolution::kDocumentCountry;
    }
  }
  // Description heads that found no antecedent are no actors.
  mentions->erase(std::remove_if(mentions->begin(), mentions->end(),
                                 [](const CorefMention& m) { return m.code.empty(); }),
                  mentions->end());
  FindAppositions(tok, n, text, mentions);
  FindShortNames(tok, n, mentions);
  FindNonActors(tok, n, *mentions);
  RecordTitles(tok, n, *mentions);
}

void Coreference::FindQuotations(const text::Token* tok, uint32_t n) {
  quotations_.clear();
  std::vector<uint32_t> marks;
  for (uint32_t t = 0; t < n; ++t) {
    if (tok[t].has(text::kQuote)) marks.push_back(t);
  }
  // An odd count: the first mark closes a quotation opened in an earlier sentence.
  size_t i = 0;
  uint32_t open = 0;
  bool inside = marks.size() % 2 == 1;
  for (; i < marks.size(); ++i) {
    if (!inside) {
      open = marks[i];
      inside = true;
      continue;
    }
    inside = false;
    uint32_t slot = marks[i] + 1;
    if (slot < n && tok[slot].norm == ",") ++slot;  // '"...", he said'
    if (slot < n) quotations_.emplace_back(open, slot);
  }
}

void Coreference::RecordTitles(const text::Token* tok, uint32_t n,
                               const std::vector<CorefMention>& mentions) {
  for (const auto& m : mentions) {
    if (m.kind != EntityKind::kPerson || m.entity.empty() || m.code.empty()) continue;
    // A title word right before a capitalised name, in or just before the mention.
    const uint32_t from = m.begin >= 2 ? m.begin - 2 : 0;
    for (uint32_t t = from; t + 1 < m.end && t + 1 < n; ++t) {
      const DescriptionWord* d = FindDescriptionWord(tok[t].norm);
      const bool title = tok[t].norm == "SECRETARY" ||
                         (d != nullptr && d->kind == EntityKind::kPerson && !d->roles.empty());
      if (!title) continue;
      if (!tok[t + 1].has(text::kCapitalized) || FindDescriptionWord(tok[t + 1].norm) != nullptr) {
        continue;
      }
      std::string key = TitleKey(tok, t);
      // "Deputy Prime Minister John Prescott", "former President Clinton": another office,
      // or no longer this one.
      const uint32_t first = key.find(' ') != std::string::npos ? t - 1 : t;
      if (first > 0 && In<kOtherOffice>(tok[first - 1].norm)) break;
      auto same = std::find_if(title_holders_.begin(), title_holders_.end(),
                               [&](const auto& x) { return x.first == key; });
      if (same != title_holders_.end()) {
        same->second = m.entity;
      } else {
        title_holders_.emplace_back(std::move(key), m.entity);
      }
      break;
    }
  }
}

void Coreference::FindNonActors(const text::Token* tok, uint32_t n,
                                const std::vector<CorefMention>& mentions) {
  non_actors_.clear();
  // Covered() for every token at once: the loops below ask about nearly every token.
  std::vector<uint8_t>& covered = covered_scratch_;
  covered.assign(n, 0);
  for (const auto& m : mentions) {
    for (uint32_t t = m.begin; t < m.end && t < n; ++t) covered[t] = 1;
  }
  // Common noun phrases: a determiner, up to five words, a head that ends the phrase.
  for (uint32_t d = 0; d + 1 < n; ++d) {
    if (!In<kDeterminers>(tok[d].norm) && !tok[d].has(text::kNumber)) continue;
    if (covered[d]) continue;
    uint32_t head = UINT32_MAX;
    for (uint32_t t = d + 1; t < n && t <= d + 5; ++t) {
      if (!tok[t].has(text::kWord) || In<kAfterNounPhrase>(tok[t].norm) ||
          In<kDeterminers>(tok[t].norm)) {
        break;
      }
      if (EndsNounPhrase(tok, n, t)) {
        // "the new rules were strict": a plural after an adjective reads like a verb to
        // EndsNounPhrase; it is the head when a verb or a function word follows it.
        if (t + 1 < n && IsPluralNoun(tok[t + 1].norm) && !tok[t + 1].has(text::kCapitalized) &&
            (t + 2 >= n || !tok[t + 2].has(text::kWord) || In<kAfterNounPhrase>(tok[t + 2].norm) ||
             In<kPluralVerbs>(tok[t + 2].norm))) {
          head = t + 1;
          break;
        }
        head = t;
        break;
      }
    }
    if (head == UINT32_MAX) continue;
    // An actor at the head is the phrase itself ("the Russian army"); one before the head
    // only modifies it ("the Lisbon targets").
    if (covered[head] || In<kNotAntecedents>(tok[head].norm)) {
      d = head;
      continue;
    }
    NonActor a;
    a.begin = d;
    a.end = head + 1;
    const std::string_view w = tok[head].norm;
    a.pronouns = In<kPersonNouns>(w) ? kHeBit : IsPluralNoun(w) ? kTheyBit : kItBit;
    a.subject = false;
    a.name = tok[head].norm;
    non_actors_.push_back(std::move(a));
    d = head;
  }
  // Bare plurals before a verb: "instead sites host a link", "critics say".
  for (uint32_t t = 0; t + 1 < n; ++t) {
    const std::string_view w = tok[t].norm;
    if (!tok[t].has(text::kWord) || tok[t].has(text::kCapitalized) || !IsPluralNoun(w) ||
        covered[t] || In<kNotAntecedents>(w)) {
      continue;
    }
    if (t > 0 && (In<kDeterminers>(tok[t - 1].norm) || tok[t - 1].has(text::kNumber))) continue;
    if (!In<kPluralVerbs>(tok[t + 1].norm) && !In<kBarePluralVerbs>(tok[t + 1].norm)) continue;
    NonActor a;
    a.begin = t;
    a.end = t + 1;
    a.pronouns = kTheyBit;
    a.subject = false;
    a.name = tok[t].norm;
    non_actors_.push_back(std::move(a));
  }
  // Unknown names: runs of capitalised words no mention covers ("Yukos", "Iggy Fanlo").
  for (uint32_t t = 0; t < n; ++t) {
    if (!IsCapitalizedWord(tok[t]) || covered[t] || In<kNotNames>(tok[t].norm) ||
        In<kNotNameStarts>(tok[t].norm)) {
      continue;
    }
    if (t > 0 && (In<kDeterminers>(tok[t - 1].norm) || tok[t - 1].has(text::kNumber))) {
      continue;  // inside a determiner phrase, found above ("the European Policy Centre")
    }
    uint32_t e = t + 1;
    while (e < n && e < t + 5 && IsCapitalizedWord(tok[e]) && !covered[e] &&
           !In<kNotNames>(tok[e].norm)) {
      ++e;
    }
    const uint32_t last = e - 1;
    const std::string_view before = t > 0 ? std::string_view(tok[t - 1].norm) : "";
    const bool initial =
        t == 0 || tok[t - 1].has(text::kQuote) || before == ":" || before == "(" || before == "-";
    NonActor a;
    a.begin = t;
    a.end = e;
    a.subject = false;
    a.name = tok[last].norm;
    t = last;
    if (!EndsNounPhrase(tok, n, last)) continue;  // a modifier: "Kok report", "US court"
    if (initial && e == a.begin + 1) {
      // One capitalised word opening the sentence may be a common word: "Politicians
      // rejected" is a plural, "Sensible leaders" no phrase at all; "Yukos has said" and
      // "Delta, the airline," are names (a function word or a comma follows).
      std::string_view w = tok[a.begin].norm;
      if (IsPluralNoun(w)) {
        a.pronouns = kTheyBit | kItBit;  // or a name in -s: "Yukos said it"
      } else if (e < n && (In<kAfterNounPhrase>(tok[e].norm) || tok[e].norm == "," ||
                           tok[e].has(text::kPossessive))) {
        a.pronouns = kHeBit | kItBit;
      } else {
        continue;
      }
    } else {
      bool organisation = false;
      for (uint32_t k = a.begin; k < e; ++k) organisation |= In<kOrganisationWords>(tok[k].norm);
      bool titled = In<kPersonTitles>(tok[a.begin].norm);
      a.pronouns = organisation ? kItBit : titled ? kHeBit : kHeBit | kItBit;
    }
    non_actors_.push_back(std::move(a));
  }
  std::sort(non_actors_.begin(), non_actors_.end(),
            [](const NonActor& x, const NonActor& y) { return x.begin < y.begin; });
  // The sentence's subject: the first noun phrase where the subject starts.
  const uint32_t start = SubjectStart(tok, n);
  uint32_t first = UINT32_MAX;
  for (const auto& m : mentions) {
    if (m.begin >= start) first = std::min(first, m.begin);
  }
  for (const auto& a : non_actors_) {
    if (a.begin >= start) first = std::min(first, a.begin);
  }
  subject_token_ = first != UINT32_MAX && first <= start + 2 ? first : UINT32_MAX;
  for (auto& a : non_actors_) a.subject = a.begin == subject_token_;
}

// Subordinators that open an adverbial clause of time or cause after a main clause. Not AS:
// "fighting with workers as they struggled to lock the gates" describes the object as often.
constexpr std::array<std::string_view, 8> kAdverbialSubordinators = {
    "WHEN", "WHILE", "AFTER", "BEFORE", "UNTIL", "ONCE", "BECAUSE", "WHENEVER"};

void Coreference::FindClauseSubjectPronouns(const text::Token* tok, uint32_t n) {
  clause_subject_pronouns_.clear();
  // "readers complaining that while they had seen ...", "a village, which ... when it": after
  // a complement or relative clause opens, or a quotation, the clause the subordinator
  // attaches to has a subject of its own; the rule stops there.
  for (uint32_t t = 1; t + 1 < n; ++t) {
    std::string_view w = tok[t].norm;
    if (w == "THAT" || w == "WHO" || w == "WHICH" || w == "WHOM" || w == "WHOSE" || w == ";" ||
        w == ":" || tok[t].has(text::kQuote)) {
      break;
    }
    // Singular pronouns only: "Police arrested two men after they attacked a bank" means the
    // men as often as "bombers killed 12 people when they blew themselves up" means the bombers,
    // so a plural keeps the nearest fitting antecedent.
    if ((w == "HE" || w == "SHE" || w == "IT") && In<kAdverbialSubordinators>(tok[t - 1].norm)) {
      clause_subject_pronouns_.push_back(t);
    }
  }
}

std::optional<Antecedent> Coreference::ResolvePronoun(std::string_view pronoun, uint32_t token,
                                                      const std::vector<CorefMention>& mentions) {
  // "We" and "I" are the speaker of a quote, whom the sentence rarely names before them.
  std::optional<EntityKind> kind = PronounKind(pronoun);
  if (!kind) return std::nullopt;
  auto fits = [&](EntityKind k, const std::string& code) {
    return !code.empty() && (!kind || k == *kind);
  };
  // The latest unknown titled person before the pronoun ("Mr Balls ... he").
  uint32_t blocker = UINT32_MAX;
  for (const auto& b : blockers_) {
    if (b.token < token) blocker = b.token;
  }
  const bool person = kind == EntityKind::kPerson;
  const uint8_t bit = KindBit(*kind);
  // '"..., Mr Yushchenko can say so," he told the BBC': the speaker is none of those the
  // quotation names; nothing from the quotation's start on is an antecedent.
  uint32_t limit = token;
  for (const auto& [open, slot] : quotations_) {
    if (slot == token) limit = open;
  }
  // The nearest noun phrase before the pronoun that is no actor but could be what it means.
  const NonActor* other = nullptr;
  for (size_t i = non_actors_.size(); i-- > 0;) {
    if (non_actors_[i].end <= limit && (non_actors_[i].pronouns & bit) != 0) {
      other = &non_actors_[i];
      break;
    }
  }
  // "Mandela backed Brown when he urged ...": the singular subject of a clause that follows
  // the main clause continues its subject (a subject-to-subject preference), when the main
  // subject is an actor that fits the pronoun; else the nearest.
  if (subject_token_ != UINT32_MAX &&
      std::find(clause_subject_pronouns_.begin(), clause_subject_pronouns_.end(), token) !=
          clause_subject_pronouns_.end()) {
    for (const CorefMention& m : mentions) {
      if (m.begin != subject_token_) continue;
      if (m.end < token && m.end <= limit && fits(m.kind, m.code) &&
          (!person || blocker == UINT32_MAX || m.begin > blocker)) {
        return Antecedent{m.code, m.entity, m.country};
      }
      break;
    }
  }
  for (size_t i = mentions.size(); i-- > 0;) {
    const CorefMention& m = mentions[i];
    if (person && blocker != UINT32_MAX && m.end <= blocker) return std::nullopt;
    if (m.end <= limit && fits(m.kind, m.code)) {
      // "Yukos has said it will sue", "rejected the bill and now it must": a nearer phrase
      // that is no actor is what the pronoun means - unless the actor is the sentence's
      // subject and that phrase is not ("Turkey could ease a shortage once its population").
      if (other != nullptr && other->end > m.end &&
          !(m.begin == subject_token_ && other->begin != subject_token_)) {
        return std::nullopt;
      }
      return Antecedent{m.code, m.entity, m.country};
    }
  }
  if (person && blocker != UINT32_MAX) return std::nullopt;
  if (other != nullptr) return std::nullopt;
  // Pronouns reach back two sentences: further back, the person meant is more often someone
  // the dictionaries do not know than the last one they did.
  constexpr uint32_t kPronounReach = 2;
  for (size_t i = history_.size(); i-- > 0;) {
    Entity& e = *history_[i];
    if (e.sentence + kPronounReach < sentence_) break;
    if (e.code.empty()) {  // an unknown name or a common noun phrase: no actor
      if ((e.pronouns & bit) == 0) continue;
      e.sentence = sentence_;  // "Jaynes ... He ... He ...": the chain stays on it
      return std::nullopt;
    }
    if (fits(e.kind, e.code)) {
      e.sentence = sentence_;  // "He ... He ...": a chain of pronouns keeps the entity current
      return Antecedent{e.code, e.entity, e.country};
    }
  }
  // No person in reach: the dictionaries do not type every name ("Galadriel urged Bree ...
  // and then she asked Gondor"), so "he"/"she" falls back on the sentence's subject position,
  // its first mention, when that is a named actor.
  if (kind == EntityKind::kPerson && !mentions.empty() && mentions[0].end <= limit &&
      mentions[0].bare_actor && !mentions[0].code.empty()) {
    return Antecedent{mentions[0].code, mentions[0].entity, mentions[0].country};
  }
  return std::nullopt;
}

void Coreference::ObserveEvent(const std::optional<Antecedent>& source,
                               const std::optional<Antecedent>& target, std::string_view cameo) {
  bool violent =
      cameo.rfind("18", 0) == 0 || cameo.rfind("19", 0) == 0 || cameo.rfind("20", 0) == 0;
  if (!violent) return;
  if (source && !source->code.empty()) last_attacker_ = source;
  if (target && !target->code.empty()) last_victim_ = target;
}

void Coreference::EndSentence(const std::vector<CorefMention>& mentions) {
  // Text order, but subjects last: "Putin met Erdogan. He said ..." is more often Putin. The
  // noun phrases that are no actors take their places among them.
  std::vector<HistoryItem>& order = order_scratch_;
  order.clear();
  for (const auto& m : mentions) {
    order.push_back({m.begin, static_cast<uint32_t>(order.size()),
                     m.subject || m.begin == subject_token_, &m, nullptr});
  }
  for (const auto& a : non_actors_) {
    order.push_back({a.begin, static_cast<uint32_t>(order.size()), a.subject, nullptr, &a});
  }
  // A stable sort by (subject, begin): the index breaks ties, so no merge buffer is needed.
  std::sort(order.begin(), order.end(), [](const HistoryItem& x, const HistoryItem& y) {
    if (x.subject != y.subject) return y.subject;
    return x.begin != y.begin ? x.begin < y.begin : x.index < y.index;
  });
  // Moves the no-actor entity named `name` to the back of the history, or adds it there.
  auto touch_non_actor = [&](const std::string& name, EntityKind kind, uint8_t pronouns) {
    auto same = std::find_if(history_.begin(), history_.end(),
                             [&](const auto& x) { return x->code.empty() && x->entity == name; });
    std::unique_ptr<Entity> e;
    if (same != history_.end()) {
      e = std::move(*same);
      history_.erase(same);
      *e = Entity();  // as if new: only the fields set below
    } else {
      e = std::make_unique<Entity>();
    }
    e->entity = name;
    e->kind = kind;
    e->pronouns = pronouns;
    e->sentence = sentence_;
    history_.push_back(std::move(e));
  };
  for (const HistoryItem& item : order) {
    if (item.non_actor != nullptr) {
      touch_non_actor(item.non_actor->name, EntityKind::kOrganisation, item.non_actor->pronouns);
      continue;
    }
    const CorefMention& m = *item.mention;
    if (m.code.empty()) continue;
    // The same entity mentioned again moves to the most recent place.
    auto same = std::find_if(history_.begin(), history_.end(), [&](const auto& x) {
      return x->kind == m.kind && x->code == m.code && x->entity == m.entity;
    });
    if (same != history_.end()) {
      (*same)->sentence = sentence_;
      (*same)->agent_only = m.agent_only;
      std::rotate(same, same + 1, history_.end());
      continue;
    }
    auto e = std::make_unique<Entity>();
    e->code = m.code;
    e->entity = m.entity;
    e->country = m.country;
    e->kind = m.kind;
    e->agent_only = m.agent_only;
    e->sentence = sentence_;
    if (e->kind == EntityKind::kPerson) e->short_name = ShortName(e->entity);
    history_.push_back(std::move(e));
  }
  // Unknown titled persons: in the history without a code.
  for (const auto& b : blockers_) touch_non_actor(b.name, EntityKind::kPerson, kHeBit);
  blockers_.clear();
  non_actors_.clear();
  // Phrases that are no actors only matter to pronouns, which reach two sentences back.
  history_.erase(
      std::remove_if(history_.begin(), history_.end(),
                     [&](const auto& e) { return e->code.empty() && e->sentence + 2 < sentence_; }),
      history_.end());
  // A document names a few dozen actors; older ones are out of reach anyway. The phrases
  // that are no actors do not count: they leave by age alone.
  constexpr size_t kMaxActors = 32;
  size_t actors = 0;
  for (const auto& e : history_) actors += e->code.empty() ? 0 : 1;
  for (auto it = history_.begin(); actors > kMaxActors && it != history_.end();) {
    if ((*it)->code.empty()) {
      ++it;
    } else {
      it = history_.erase(it);
      --actors;
    }
  }
  subject_token_ = UINT32_MAX;
  ++sentence_;
}

}  // namespace annal::context
