// Coder: runs the whole flow for one document.
//   text (sentences, tokens) -> lexicon matches -> SentenceCoder (roles, patterns)
//   -> Event records (spans, ids, CAMEO/PLOVER fields, date, modality).
#include "annal/coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>

#include "code/default_dictionaries.h"
#include "code/intent_code.h"
#include "code/sentence_coder.h"
#include "code/tabari_compat.h"
#include "code/word_classes.h"
#include "context/coreference.h"
#include "context/date_resolver.h"
#include "context/gazetteer.h"
#include "context/geoparser.h"
#include "lexicon/compiled_dictionary.h"
#include "lexicon/dictionary_reader.h"
#include "lexicon/lexicon.h"
#include "output/event_fields.h"
#include "output/event_id.h"
#include "syntax/model.h"
#include "syntax/parser.h"
#include "text/analyzer.h"
#include "text/language.h"
#include "util/word_set.h"

namespace annal {

struct Coder::Impl {
  CoderOptions options;
  std::unique_ptr<lexicon::Lexicon> lexicon;
  CameoCodebook codebook;
  PloverTable plover;
  // Places: optional (a data directory without the gazetteer codes events without locations).
  std::unique_ptr<context::Gazetteer> gazetteer;
  std::unique_ptr<context::Geoparser> geoparser;
  // Syntax: the trained tagger and parser when options.syntax is kParser.
  std::unique_ptr<syntax::Model> parser_model;
  std::unique_ptr<syntax::Parser> parser;
  std::vector<std::string> warnings;
  // TABARI conventions: the suite's .options settings plus options.tabari_settings.
  code::TabariSettings tabari;
};

Coder::Coder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Coder::~Coder() = default;

namespace {

std::string DataDir(const CoderOptions& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("ANNAL_DATA_DIR"); env != nullptr && *env) return env;
  return ANNAL_DEFAULT_DATA_DIR;
}

// International bodies and companies (IGOUNO, NGOAMN, MNCUSA...): a code with one of these
// heads names the body, not a part of a country.
bool IsBodyHead(std::string_view head) {
  return head == "IGO" || head == "NGO" || head == "IMG" || head == "MNC";
}

// Splits a CAMEO-style actor code into country and role chunks: "RUSGOVMIL" -> RUS, [GOV, MIL].
void SplitActorCode(const lexicon::Lexicon& lex, const std::string& code, std::string* country,
                    std::vector<std::string>* roles) {
  country->clear();
  roles->clear();
  size_t i = 0;
  if (code.size() >= 3 && lex.IsCountryCode(std::string_view(code).substr(0, 3)) &&
      code.compare(0, 3, "IGO") != 0) {
    *country = code.substr(0, 3);
    i = 3;
  } else if (IsBodyHead(std::string_view(code).substr(0, std::min<size_t>(3, code.size())))) {
    // International bodies: the whole code names the body; no country, no roles.
    return;
  }
  for (; i + 3 <= code.size(); i += 3) roles->push_back(code.substr(i, 3));
}

// The `country` and `roles` of an event actor (event.h: country is ISO 3166-1 alpha-3, CAMEO's
// own code where ISO has none) from its CAMEO code, after SplitActorCode split off the code's
// own country prefix:
//   - A republic of a former federation - USSR (USR), Yugoslavia (YUG), Serbia and Montenegro
//     (SCG) - is coded federation + republic by the Phoenix dates: "Georgia" in 1990 is USRGEO,
//     "Montenegro" in 2000 SCGMNE. Its country is the republic (GEO, MNE: the state that is
//     there now and what news and the gold records name), not a role.
//   - CAMEO kept TMP for East Timor, its ISO code until 2002; ISO now has TLS.
//   - An international body's agent placed before a country ("[IGO~]": "Bangladeshi
//     peacekeeping troops" -> IGOBGD) is that country's contingent: BGD. Other IGO codes name
//     the body alone (IGOUNO, IGOEUREEC) and keep no country.
// Coreference keeps the CAMEO prefix (it composes codes from it); only the record changes.
void EventCountry(const lexicon::Lexicon& lex, const std::string& code, std::string* country,
                  std::vector<std::string>* roles) {
  auto country_at = [&](size_t i) {
    return code.size() >= i + 3 && lex.IsCountryCode(std::string_view(code).substr(i, 3));
  };
  const std::string_view head = std::string_view(code).substr(0, std::min<size_t>(3, code.size()));
  if ((head == "USR" || head == "YUG" || head == "SCG") && country_at(3)) {
    *country = code.substr(3, 3);
    // SplitActorCode read the federation and the republic as roles when the federation is no
    // code of its own in the dictionaries (USR, YUG: [USR, GEO]), the republic alone when it
    // is (SCG: [MNE]).
    while (!roles->empty() && ((*roles)[0] == head || (*roles)[0] == *country)) {
      roles->erase(roles->begin());
    }
  } else if (country->empty() && code.size() == 6 && head == "IGO" && country_at(3)) {
    *country = code.substr(3);
  }
  if (*country == "TMP") *country = "TLS";
}

// The record's `country` and `roles` of an actor coded `code`: SplitActorCode, then EventCountry.
void RecordCountry(const lexicon::Lexicon& lex, const std::string& code, std::string* country,
                   std::vector<std::string>* roles) {
  SplitActorCode(lex, code, country, roles);
  EventCountry(lex, code, country, roles);
}

// Share of word tokens that are the commonest English function words. Around 0.2-0.3 in English
// news, near 0 in other languages (French "de", "la" are not in the list).
// Every word token of every document is looked up: a hashed set, not a scan of the list.
double EnglishFunctionWordShare(const text::AnalyzedText& analyzed) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "THE",  "OF", "AND", "TO", "IN",  "IS",   "WAS", "THAT", "FOR", "IT",
      "WITH", "ON", "HE",  "BY", "HAS", "HAVE", "ARE", "BE",   "AT",  "FROM"};
  static constexpr WordSet kSet(kWords);
  size_t words = 0, function_words = 0;
  for (const auto& t : analyzed.tokens) {
    if (!t.has(text::kWord)) continue;
    ++words;
    if (kSet.Contains(t.norm)) ++function_words;
  }
  return words == 0 ? 0.0 : static_cast<double>(function_words) / static_cast<double>(words);
}

// Whether place `p` is a word of the name of the entity `a` stands for while the entity belongs
// to another country (or to none): then the word names the entity, not a place. "investors in
// Google" (MNC; GeoNames lists "Google" as a name of Topeka), "Blair" of Tony Blair (GBR; Blair,
// Nebraska). "police in Cairo" (no entity) and "Moscow" standing for Russia's government (RUS)
// keep their place.
bool PlaceNamesAnotherEntity(const lexicon::Lexicon& lex, const context::PlaceMention& p,
                             const text::AnalyzedText& analyzed, const code::ActorRef& a) {
  if (a.entity.empty()) return false;
  std::string country;
  std::vector<std::string> roles;
  RecordCountry(lex, a.code, &country, &roles);
  if (!country.empty() && country == p.country_iso3) return false;
  // A territory coded under its state (USAPRI: Puerto Rico) is that place; a company's or
  // international body's country chunk (MNCUSA: US Airways) is not.
  const bool body = country.empty() || IsBodyHead(country);
  if (!body && std::find(roles.begin(), roles.end(), p.country_iso3) != roles.end()) return false;
  std::string_view word = analyzed.tokens[p.first_token].norm;
  std::string_view entity = a.entity;
  for (size_t i = 0; i < entity.size();) {
    size_t j = i;
    while (j < entity.size() && entity[j] != ' ' && entity[j] != '_') ++j;
    std::string_view w = entity.substr(i, j - i);
    if (w.size() == word.size() &&
        std::equal(w.begin(), w.end(), word.begin(), [](char x, char y) {
          return std::toupper(static_cast<unsigned char>(x)) == y;
        })) {
      return true;
    }
    i = j + 1;
  }
  return false;
}

// "central", "northern", "south-west": a word of direction before a place name ("in central
// Baghdad", "in northern Syria").
bool IsDirectionWord(std::string_view w) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "CENTRAL",      "NORTHERN",     "SOUTHERN",     "EASTERN",    "WESTERN",
      "NORTH",        "SOUTH",        "EAST",         "WEST",       "NORTHEASTERN",
      "NORTHWESTERN", "SOUTHEASTERN", "SOUTHWESTERN", "NORTH-EAST", "NORTH-WEST",
      "SOUTH-EAST",   "SOUTH-WEST",   "DOWNTOWN",     "RURAL"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Nouns of a place's kind, of its parts and of its features, and words of time: after a place
// name they leave it the place ("in Aceh province", "in the Gaza Strip border area", "Guantanamo
// Bay", "in London last week", "in Paris Tuesday").
bool IsPlaceOrTimeWord(std::string_view w) {
  static constexpr std::array<std::string_view, 60> kWords = {
      "PROVINCE", "PROVINCES", "REGION",    "REGIONS",  "STATE",     "STATES",    "COUNTY",
      "COUNTIES", "DISTRICT",  "DISTRICTS", "CITY",     "CITIES",    "TOWN",      "TOWNS",
      "VILLAGE",  "VILLAGES",  "AREA",      "AREAS",    "CAPITAL",   "BORDER",    "BORDERS",
      "COAST",    "ISLAND",    "ISLANDS",   "VALLEY",   "BAY",       "SEA",       "OCEAN",
      "RIVER",    "STRIP",     "PENINSULA", "GULF",     "SUBURB",    "SUBURBS",   "CAMP",
      "ALONE",    "LAST",      "NEXT",      "THIS",     "YESTERDAY", "TODAY",     "TONIGHT",
      "TOMORROW", "AGO",       "OVERNIGHT", "MONDAY",   "TUESDAY",   "WEDNESDAY", "THURSDAY",
      "FRIDAY",   "SATURDAY",  "SUNDAY",    "JANUARY",  "FEBRUARY",  "MARCH",     "APRIL",
      "JUNE",     "JULY",      "AUGUST",    "SEPTEMBER"};
  static constexpr std::array<std::string_view, 9> kMore = {
      "OCTOBER", "NOVEMBER", "DECEMBER", "AHEAD", "MUST", "ALIKE", "ABLE", "VIA", "AGED"};
  static constexpr WordSet kSet(kWords);
  static constexpr WordSet kMoreSet(kMore);
  return kSet.Contains(w) || kMoreSet.Contains(w);
}

// Whether place `p`, after the locative preposition `preposition`, modifies the noun right
// after it, so that the phrase names no place where anything happens: "a slowdown in the UK
// property market", "growth in the US economy", "number one in the UK charts", "reports in the
// Hollywood Reporter", "around Leicester Square". The next word is then a capitalised word of
// another name, or a common word that is no verb (the dictionaries' verb forms, -ed and -ing
// forms), adverb, closed-class word, number, possessive ("France's awards" are in France) or word
// of a place's kind or of time. After "at", "near" and the like the phrase is a venue, and a
// venue named after its town is in the town ("at the Geneva motor show", "at Dundee
// University", "at Prague airport"); one named after a country or a region is a body ("at US
// Airways", "at Scotland Yard", "at Highland Council"). `preposition` is empty for a place that
// is the trigger's object ("hit US airlines", "said Ulster man Humphreys"). On BBC News the rule
// took about 90 places away, about nine in ten of them wrong.
bool PlaceModifiesNoun(const lexicon::Lexicon& lex, const text::AnalyzedText& analyzed,
                       const text::Sentence& sentence, const context::PlaceMention& p,
                       std::string_view preposition) {
  if (p.end_token >= sentence.end_token) return false;
  const bool venue = preposition == "AT" || preposition == "NEAR" || preposition == "INSIDE" ||
                     preposition == "OUTSIDE";
  if (venue && p.kind == context::PlaceKind::kPlace) return false;
  const text::Token& next = analyzed.tokens[p.end_token];
  if (!next.has(text::kWord) || next.has(text::kPossessive) || next.has(text::kClitic) ||
      next.has(text::kHyphenated) || next.has(text::kAbbreviation)) {
    return false;
  }
  // A token glued to the name ("London-based" split at its hyphen) is no next word.
  if (analyzed.tokens[p.end_token - 1].end == next.begin) return false;
  std::string_view w = next.norm;
  if (code::IsFunctionWord(w) || code::IsNumberWord(w) || IsPlaceOrTimeWord(w) ||
      code::IsIrregularPast(w)) {
    return false;
  }
  if (next.has(text::kCapitalized)) return true;
  if (venue) return false;
  if (w.ends_with("ED") || w.ends_with("ING")) return false;
  lexicon::SentenceWords words;
  std::vector<lexicon::Match> matches;
  lex.LookupWords(&next, 1, &words);
  lex.FindMatches(words, &matches);
  for (const lexicon::Match& m : matches) {
    if (m.payload.kind == lexicon::EntryKind::kVerbForm) return false;
  }
  return true;
}

// Whether a clause opens between the trigger's end `from` and the place's preposition at `to`
// (token indices): the place is then where another clause's act happens ("he wants to work
// with firms that invest in Iraq", "urged the agency to close, which has an office in Baghdad",
// "farmers who were campaigning in Indonesia"). "As" is left out: it is more often "as part of"
// or "as students at Dundee University" than a clause. On BBC News about four in five places
// past such a word were wrong. A killing or an attack (`violent`) happens where what happened
// "when" or "while" it did ("three people were killed when a bomb went off in a market in
// Kabul"), so those two words open no other place for it.
bool InLaterClause(const text::AnalyzedText& analyzed, uint32_t from, uint32_t to, bool violent) {
  for (uint32_t t = from; t < to; ++t) {
    std::string_view w = analyzed.tokens[t].norm;
    if (w == "AS" || (violent && (w == "WHEN" || w == "WHILE"))) continue;
    if (code::IsClauseOpener(w)) return true;
  }
  return false;
}

// Where the event happened: a place named in its sentence after a locative preposition ("in
// Kharkiv", "near the Gaza Strip") nearest the trigger, else a place that is the trigger verb's
// own object ("visiting Beijing", "entered Iraq") and not an actor of one of the sentence's
// events, else the dateline. Other places in the sentence say nothing about where: they modify a
// noun ("the US dollar", "the Ballymena man", "the UK Independence Party"), are an actor ("Russia
// accused Ukraine"; in "France and Germany condemned Iran" Germany is not where France
// condemned) or an aside; on BBC News three in four such choices were wrong. Never a word of an
// actor's own name (PlaceNamesAnotherEntity).
const context::PlaceMention* EventPlace(const lexicon::Lexicon& lex,
                                        const std::vector<context::PlaceMention>& places,
                                        const text::AnalyzedText& analyzed,
                                        const text::Sentence& sentence,
                                        const code::CandidateEvent& c,
                                        const std::vector<code::CandidateEvent>& sentence_events,
                                        const context::PlaceMention* dateline) {
  const context::PlaceMention* best = nullptr;
  int best_score = 0;
  uint32_t trigger = sentence.first_token + c.trigger_begin;
  auto inside = [&](const context::PlaceMention& p, const std::optional<code::ActorRef>& a) {
    if (!a) return false;
    uint32_t b = sentence.first_token + a->begin, e = sentence.first_token + a->end;
    return p.first_token < e && b < p.end_token;
  };
  const bool violent = code::IsViolentCode(c.code);
  // A place the act is done to is where it happens for a visit ("visiting Moscow", and its
  // host) or an attack ("shelled Kharkiv"), not for "accused Ukraine".
  const bool act_on_place = c.code.starts_with("042") || c.code.starts_with("043") || violent;
  for (const auto& p : places) {
    if (p.demonym || p.first_token == p.end_token) continue;
    if (p.first_token < sentence.first_token || p.end_token > sentence.end_token) continue;
    // "in Kharkiv", "in the US", "in central Baghdad", "in the northern city of Mosul" is out of
    // reach: the preposition may stand before an article and a word of direction.
    uint32_t before = p.first_token;
    if (before > sentence.first_token + 1 && IsDirectionWord(analyzed.tokens[before - 1].norm)) {
      --before;
    }
    if (before > sentence.first_token + 1 && analyzed.tokens[before - 1].norm == "THE") --before;
    bool locative = before > sentence.first_token &&
                    code::IsLocativePreposition(analyzed.tokens[before - 1].norm);
    // A country or continent ("exports to Asia, eastern Europe and Mexico").
    const bool broad =
        p.kind == context::PlaceKind::kCountry || p.kind == context::PlaceKind::kContinent;
    // "protesters outside the embassy" are at it, but "sales outside the US" are anywhere but
    // there: OUTSIDE a country or continent names no place.
    if (locative && broad && analyzed.tokens[before - 1].norm == "OUTSIDE") continue;
    if (locative &&
        PlaceModifiesNoun(lex, analyzed, sentence, p, analyzed.tokens[before - 1].norm)) {
      continue;
    }
    if (locative &&
        InLaterClause(analyzed, sentence.first_token + c.trigger_end, before - 1, violent)) {
      continue;
    }
    bool entity_name = false;
    for (const code::CandidateEvent& other : sentence_events) {
      for (const auto* a : {&other.source, &other.target}) {
        entity_name |= inside(p, *a) && PlaceNamesAnotherEntity(lex, p, analyzed, **a);
      }
    }
    if (entity_name) continue;
    if (!locative) {
      // The verb's object: right after the trigger, or after its article.
      uint32_t object_at = sentence.first_token + c.trigger_end;
      if (object_at < p.first_token && analyzed.tokens[object_at].norm == "THE") ++object_at;
      if (p.first_token != object_at) continue;
      // "hit US airlines", "said Ulster man Humphreys": the object is the noun the place
      // modifies.
      if (PlaceModifiesNoun(lex, analyzed, sentence, p, "")) continue;
      // "match Birmingham's offer", "told Arsenal's website", "dominates Lebanon's stock
      // exchange": the object is the place's thing, and the act need not happen there. What a
      // visit or an attack is done to is in the place ("visited Kenya's biggest shantytown",
      // "shelled Gaza's main hospital").
      if (!act_on_place && p.end_token < sentence.end_token &&
          analyzed.tokens[p.end_token].has(text::kPossessive)) {
        continue;
      }
      bool is_actor = false;
      for (const code::CandidateEvent& other : sentence_events) {
        // (Its reverse, "Moscow hosts", shares the trigger.)
        if (act_on_place && other.trigger_begin == c.trigger_begin) continue;
        if (inside(p, other.source) || inside(p, other.target)) {
          is_actor = true;
          break;
        }
      }
      if (is_actor) continue;
    }
    uint32_t distance = p.first_token > trigger ? p.first_token - trigger : trigger - p.first_token;
    // A continent is no more specific than a country.
    int score = (locative ? 1000 : 0) + (broad ? 0 : 100) -
                static_cast<int>(std::min<uint32_t>(distance, 99));
    if (best == nullptr || score > best_score) {
      best = &p;
      best_score = score;
    }
  }
  return best != nullptr ? best : dateline;
}

// Words that end one noun phrase and begin another: "Syria's second city Aleppo" is one
// phrase, "a Kenyan town after Kenya ..." two.
bool IsPhraseBoundaryWord(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kWords = {
      "AFTER", "AGAINST", "AND", "AS", "AT", "BEFORE", "BUT", "BY", "FOR", "FROM", "IN", "INTO",
      "NEAR", "ON", "OR", "THAT", "TO", "WHEN", "WHICH", "WHILE", "WHO", "WITH"};
  static constexpr WordSet kSet(kWords);
  return kSet.Contains(w);
}

// Whether actor `a` has a country code at all (`any_country`) and one of them is `country`, an
// ISO code (`same`): under any of its codes, a republic after its federation (SCGSRB, USRGEO)
// and East Timor's TMP included.
void CodesOfCountry(const lexicon::Lexicon& lex, const lexicon::ActorEntry& a,
                    std::string_view country, bool* any_country, bool* same) {
  for (const lexicon::DatedCode& c : a.codes) {
    std::string_view head = std::string_view(c.code).substr(0, std::min<size_t>(3, c.code.size()));
    if (!lex.IsCountryCode(head) || head == "IGO") continue;
    *any_country = true;
    std::string_view republic =
        c.code.size() >= 6 ? std::string_view(c.code).substr(3, 3) : std::string_view();
    *same |= head == country ||
             ((head == "USR" || head == "YUG" || head == "SCG") && republic == country) ||
             (head == "TMP" && country == "TLS");
  }
}

// Whether `tokens` (one sentence) name a dictionary actor of another country than `country`
// (an ISO code, as the gazetteer gives). The gazetteer does not know every country name and
// demonym the actor dictionaries do ("Bosnian Croat and Moslem armed forces"), so a sentence
// whose places all point to one country may still name another through its actors. An actor
// of the country under any of its codes (SCGSRB, USRGEO: the republic after the federation)
// is not another; one that is named in lower case ("turkey") is no name.
bool ActorOfAnotherCountry(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                           std::string_view country) {
  lexicon::SentenceWords words;
  std::vector<lexicon::Match> matches;
  lex.LookupWords(tokens.data(), tokens.size(), &words);
  lex.FindMatches(words, &matches);
  for (const lexicon::Match& m : matches) {
    if (m.payload.kind != lexicon::EntryKind::kActor) continue;
    bool named = false;
    for (uint32_t t = m.begin; t < m.end; ++t) named |= tokens[t].has(text::kCapitalized);
    if (!named) continue;
    bool any_country = false, same = false;
    CodesOfCountry(lex, lex.dict().actors[m.payload.index], country, &any_country, &same);
    if (any_country && !same) return true;
  }
  return false;
}

// Whether an actor the dictionaries know lies within tokens [begin, end) of `tokens` (one
// sentence) and names `country` (an ISO code): the words of a mention name its country
// themselves ("Egyptian police", "Cairo's security chief"), not a rule that gave it one.
bool NamesCountryWithin(const lexicon::Lexicon& lex, const std::vector<text::Token>& tokens,
                        uint32_t begin, uint32_t end, std::string_view country) {
  lexicon::SentenceWords words;
  std::vector<lexicon::Match> matches;
  lex.LookupWords(tokens.data(), tokens.size(), &words);
  lex.FindMatches(words, &matches);
  for (const lexicon::Match& m : matches) {
    if (m.payload.kind != lexicon::EntryKind::kActor || m.begin < begin || m.end > end) continue;
    bool any_country = false, same = false;
    CodesOfCountry(lex, lex.dict().actors[m.payload.index], country, &any_country, &same);
    if (same) return true;
  }
  return false;
}

// A bare home role (code::IsHomeRole: "police", "opposition leader", "students") that the
// document's country did not place, in an event whose other participant has a country the
// sentence names alone - no place of another country and no actor of another country
// (ActorOfAnotherCountry) in it - is of that country: "Egyptian police opened fire to disperse
// demonstrators", "the minister allowed opposition leader X to ...", "Cairo's security chief
// warned that police ...". The other's country must be one the gazetteer knows as a country:
// the dictionaries also give three-letter codes to bodies ("BBC" is MED). Rewrites `bare` (code,
// country, roles, resolution) and returns true when it applies. `sentence_tokens` are the
// sentence's tokens and `places` its places.
//
// A religious community named without a country ("Moslem demonstrators", "Islamic
// fundamentalists", "Christian villagers": Phoenix's MUS, CHR, HIN, BUD and REL agents) is of
// that country too when the other participant is the country's state at home - its government,
// police, courts or legislature ("Egyptian police opened fire on Moslem demonstrators",
// "Islamic fundamentalists demanded the resignation of the Algerian president") - and the
// community is not the attacker (`bare_attacks`: the bare actor is the
// source of a CAMEO 18-20 event), since militants strike abroad as often as at home. Not JEW:
// "Jewish settlers" act among Palestinians.
//
// Two more pairs are of one country: a protest (CAMEO 14) by people named only by a civilian
// role (refugees, civilians, people) against a state ("refugees are on hunger strike in protest
// of the Russian government's refusal ..."), and a head of state or government named only by a
// title ("President Dos Sontas", whom the dictionaries do not know) facing a country's rebels,
// opposition or party ("conceded to demands from UNITA"): each side is the other's own. So are
// rebels or insurgents named only by their role facing a government ("accepted demands from
// Shona rebels", "rebels rejected an offer of talks from the Angolan government"): governments
// mostly deal with their own, and a foreign one's rebels are named with their country or place
// ("rebels in Darfur"). Not facing an army, nor in violence (CAMEO 18-20): troops fight rebels
// abroad as often as at home.
// `cameo` is the event's code and `bare_is_source` whether `bare` is its source.
bool ShareSentenceCountry(const lexicon::Lexicon& lex, const context::Gazetteer& gazetteer,
                          const std::vector<text::Token>& sentence_tokens,
                          const std::vector<const context::PlaceMention*>& places,
                          const EventActor& other, EventActor* bare, bool bare_attacks,
                          std::string_view cameo, bool bare_is_source) {
  // A named entity ("the BBC", coded by kind) is no bare role.
  if (!bare->country.empty() || !bare->resolution.empty() || !bare->entity.empty() ||
      bare->code.size() < 3 || bare->code.size() % 3 != 0) {
    return false;
  }
  const std::string_view head = std::string_view(bare->code).substr(0, 3);
  const bool religious =
      head == "MUS" || head == "CHR" || head == "HIN" || head == "BUD" || head == "REL";
  bool civilians = bare_is_source && cameo.starts_with("14");
  for (size_t i = 0; civilians && i < bare->code.size(); i += 3) {
    const std::string_view role = std::string_view(bare->code).substr(i, 3);
    civilians = role == "PPL" || role == "CVL" || role == "REF";
  }
  const bool titled_leader = bare->code == "GOV";
  bool insurgents = true;
  for (size_t i = 0; insurgents && i < bare->code.size(); i += 3) {
    const std::string_view role = std::string_view(bare->code).substr(i, 3);
    insurgents = role == "REB" || role == "INS";
  }
  if (!code::IsHomeRole(head) && !religious && !civilians && !titled_leader && !insurgents) {
    return false;
  }
  std::string cameo_country;
  std::vector<std::string> roles;
  SplitActorCode(lex, other.code, &cameo_country, &roles);
  auto other_has = [&](std::initializer_list<std::string_view> wanted) {
    for (const std::string& r : roles) {
      for (std::string_view w : wanted) {
        if (r == w) return true;
      }
    }
    return false;
  };
  if (religious && (bare_attacks || !other_has({"GOV", "COP", "JUD", "LEG"}))) return false;
  if (civilians && !other_has({"GOV", "COP", "JUD", "LEG"})) return false;
  if (titled_leader && !other_has({"REB", "OPP", "INS", "SEP", "PTY"})) return false;
  if (insurgents && (!other_has({"GOV"}) || other_has({"MIL"}) || code::IsViolentCode(cameo))) {
    return false;
  }
  context::PlaceEntry country_entry;
  if (cameo_country.empty() || other.country.empty() ||
      !gazetteer.FindCountry(other.country, &country_entry)) {
    return false;
  }
  for (const context::PlaceMention* p : places) {
    if (!p->country_iso3.empty() && p->country_iso3 != other.country) return false;
  }
  if (ActorOfAnotherCountry(lex, sentence_tokens, other.country)) return false;
  // The other's own words must name the country: one it got by a rule (a role anchored to a
  // country named after it, "protesters after Kenya suspended ...") is too weak to pass on.
  uint32_t begin = 0, end = 0;
  for (uint32_t t = 0; t < sentence_tokens.size(); ++t) {
    if (sentence_tokens[t].begin < other.span.begin) begin = t + 1;
    if (sentence_tokens[t].begin < other.span.end) end = t + 1;
  }
  if (!NamesCountryWithin(lex, sentence_tokens, begin, end, other.country)) return false;
  // "Rebels met envoys in Geneva": a government whose country is only a place after a locative
  // preposition ("envoys in Geneva" -> CHEGOV, the venue) says nothing about whose rebels meet it.
  if (insurgents) {
    for (uint32_t t = begin; t < end; ++t) {
      if (code::IsLocativePreposition(sentence_tokens[t].norm)) return false;
    }
  }
  bare->code = cameo_country + bare->code;
  RecordCountry(lex, bare->code, &bare->country, &bare->roles);
  bare->resolution = context::ResolutionName(context::Resolution::kSentenceCountry);
  return true;
}

// "Four children were killed in Israeli shelling in the Gaza Strip", "three civilians died in a
// bombing in Baghdad": people named only as civilians (CAMEO's PPL, CVL) who are the victims of
// violence (CAMEO 18-20) at a place the sentence names are that place's country's people, as
// CAMEO codes them (PSECVL). Only a place after the trigger (`trigger`, a document token):
// where it happened, not who reports it ("a UK-based group said eight people were killed").
// Not from a dateline ("KABUL -" names where the story was filed) or a place outside the
// sentence. Rewrites `victim` (code, country, roles, resolution).
void VictimsOfThePlace(const lexicon::Lexicon& lex, const context::PlaceMention& place,
                       const text::Sentence& sentence, uint32_t trigger, std::string_view cameo,
                       EventActor* victim) {
  if (victim == nullptr || !victim->country.empty() || !victim->resolution.empty() ||
      !victim->entity.empty() || victim->code.empty() || victim->code.size() % 3 != 0 ||
      !code::IsViolentCode(cameo)) {
    return;
  }
  for (size_t i = 0; i < victim->code.size(); i += 3) {
    const std::string_view role = std::string_view(victim->code).substr(i, 3);
    if (role != "PPL" && role != "CVL") return;
  }
  if (place.end_token <= place.first_token || place.first_token <= trigger ||
      place.first_token < sentence.first_token || place.first_token >= sentence.end_token ||
      !lex.IsCountryCode(place.country_iso3)) {
    return;
  }
  victim->code = place.country_iso3 + victim->code;
  RecordCountry(lex, victim->code, &victim->country, &victim->roles);
  victim->resolution = context::ResolutionName(context::Resolution::kSentenceCountry);
}

// Words of a meeting: a place named after one is the meeting's venue ("rebels met envoys in
// Geneva", "talks in Doha"), which says nothing about whose the participants are.
bool IsMeetingWord(std::string_view w) {
  static constexpr std::array<std::string_view, 15> kWords = {
      "MET",         "MEET",       "MEETS",        "MEETING",     "MEETINGS",
      "TALKS",       "NEGOTIATE",  "NEGOTIATED",   "NEGOTIATING", "NEGOTIATIONS",
      "SUMMIT",      "CONFERENCE", "CONSULTATIONS", "CONVENED",   "HOSTED"};
  static constexpr WordSet kSet(kWords);
  return kSet.Contains(w);
}

// Per country, how many sentences of a document name it through a dictionary actor of that one
// country whose words are capitalised ("the M23 rebel group", "Kinshasa", "Sergei Lavrov").
// The actors say whose the story is where place names do not: a ceasefire signed in Doha and
// mediated by Qatar names Qatar three times, but it is the Congolese army, the M23 rebels and
// Kinshasa that act in sentence after sentence. Places the gazetteer finds do not count here:
// in stories that name no country often, the names of persons and firms it reads as small
// towns ("Hardy", "Lewis") outnumber the real ones. Countries are ISO codes as RecordCountry
// gives them ("SCGMNE" -> MNE); international bodies count for none.
std::vector<std::pair<std::string, int>> ActorCountrySentences(const lexicon::Lexicon& lex,
                                                               const text::AnalyzedText& analyzed) {
  std::vector<std::pair<std::string, int>> counts;
  std::vector<std::string> named;  // this sentence's countries
  auto name = [&](std::string_view c) {
    if (!c.empty() && std::find(named.begin(), named.end(), c) == named.end())
      named.emplace_back(c);
  };
  lexicon::SentenceWords words;
  std::vector<lexicon::Match> matches;
  std::string country;
  std::vector<std::string> roles;
  for (const text::Sentence& sentence : analyzed.sentences) {
    named.clear();
    const text::Token* tokens = analyzed.tokens.data() + sentence.first_token;
    lex.LookupWords(tokens, sentence.size(), &words);
    matches.clear();
    lex.FindMatches(words, &matches);
    uint32_t covered = 0;  // the longest phrase at each position, as the coder reads them
    for (const lexicon::Match& m : matches) {
      if (m.begin < covered || (m.payload.kind != lexicon::EntryKind::kActor &&
                                m.payload.kind != lexicon::EntryKind::kAgent)) {
        continue;
      }
      covered = m.end;
      if (m.payload.kind != lexicon::EntryKind::kActor) continue;
      bool capitalised = false;
      for (uint32_t t = m.begin; t < m.end; ++t) capitalised |= tokens[t].has(text::kCapitalized);
      if (!capitalised) continue;
      std::string only;  // the entry's one country, "" when it has none
      bool several = false;
      for (const lexicon::DatedCode& c : lex.dict().actors[m.payload.index].codes) {
        RecordCountry(lex, c.code, &country, &roles);
        if (country.empty() || country == only) continue;
        several = !only.empty();
        if (several) break;
        only = country;
      }
      if (!several) name(only);
    }
    for (const std::string& c : named) {
      auto it =
          std::find_if(counts.begin(), counts.end(), [&](const auto& x) { return x.first == c; });
      if (it == counts.end()) {
        counts.emplace_back(c, 1);
      } else {
        ++it->second;
      }
    }
  }
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return counts;
}

// The document's own country, for bare agents ("police arrested 40 activists"): the dateline's
// country, else the country the article's places and demonyms point to when the choice is
// clear - in an article of two sentences or more, at least three mentions, and more than twice
// as many as any other country; in a one-sentence document, the one country of the places it
// names after a locative preposition ("police in Cairo") unless a meeting word comes before the
// place (a venue: "rebels met envoys in Geneva" are not Swiss rebels; "police in Cairo met ..."
// still are Egyptian), else the one country all its places and demonyms name when they name it
// at least twice ("the Serbian parliament ... opposition coalition ... Serbian cities"). "" when
// there is no clear country (a report from Brussels about three countries). Only CAMEO country
// codes count (an ISO code CAMEO lacks would make codes no dictionary uses). `tokens` are the
// document's tokens.
std::string DocumentCountry(const lexicon::Lexicon& lex,
                            const std::vector<context::PlaceMention>& places,
                            const context::PlaceMention* dateline,
                            const text::AnalyzedText& analyzed) {
  const std::vector<text::Token>& tokens = analyzed.tokens;
  const size_t sentences = analyzed.sentences.size();
  const bool has_dateline = dateline != nullptr && lex.IsCountryCode(dateline->country_iso3);
  if (has_dateline && sentences < 2) return dateline->country_iso3;
  // One sentence is no article, but a place it names as where things happen ("police in
  // Cairo", "clashes near Samarra") says whose its bare agents are when it names one country
  // so (the PLOVER gold codes them so). A place that is no location says nothing: "The
  // government thanked China" is not China's government, and the PETR-2 gold leaves the
  // insurgents of "... bombarded part of Syria's second city Aleppo" without a country.
  const bool one_sentence = sentences < 2;
  std::vector<std::pair<std::string_view, int>> counts;
  // One sentence: every country its places and demonyms name, however named. One mention of
  // one country says little ("The government thanked China", "US troops killed insurgents":
  // the other party is named by the country), but a sentence that names one country and no
  // other in two of its noun phrases is about that country ("Serbian parliament ... opposition
  // coalition ... Serbian cities", "Algeria's leading activist ... Algerian security forces").
  // Two names in one noun phrase ("Syria's second city Aleppo", "the Kenyan capital Nairobi")
  // are one mention, and the speaker of a closing attribution (", Syrian state media
  // reported") says where the report comes from, not whose the actors are.
  std::vector<std::pair<std::string_view, int>> all_counts;
  auto count = [](std::vector<std::pair<std::string_view, int>>* v, std::string_view country) {
    auto it = std::find_if(v->begin(), v->end(), [&](const auto& c) { return c.first == country; });
    if (it == v->end()) {
      v->emplace_back(country, 1);
    } else {
      ++it->second;
    }
  };
  uint32_t attribution_from = UINT32_MAX;  // first token of a closing ", X said" clause
  if (one_sentence) {
    for (uint32_t t = 0; t < tokens.size(); ++t) {
      if (tokens[t].norm != ",") continue;
      for (uint32_t u = t + 1; u < tokens.size(); ++u) {
        std::string_view w = tokens[u].norm;
        if (w == "," || w == ";") break;
        if (w == "SAID" || w == "SAYS" || w == "REPORTED" || w == "REPORTS" || w == "TOLD" ||
            w == "ACCORDING") {
          attribution_from = t;
          break;
        }
      }
      if (attribution_from != UINT32_MAX) break;
    }
  }
  std::vector<std::pair<std::string_view, uint32_t>> last_mention;  // country -> its end token
  for (const auto& p : places) {
    if (p.country_iso3.empty()) continue;
    if (one_sentence && p.first_token < attribution_from) {
      auto it = std::find_if(last_mention.begin(), last_mention.end(),
                             [&](const auto& m) { return m.first == p.country_iso3; });
      constexpr uint32_t kSamePhrase = 4;  // "Syria 's second city Aleppo"
      if (it == last_mention.end()) {
        count(&all_counts, p.country_iso3);
        last_mention.emplace_back(p.country_iso3, p.end_token);
      } else {
        bool same_phrase = p.first_token < it->second + kSamePhrase;
        for (uint32_t t = it->second; same_phrase && t < p.first_token; ++t) {
          same_phrase = !IsPhraseBoundaryWord(tokens[t].norm);
        }
        if (!same_phrase) count(&all_counts, p.country_iso3);
        it->second = p.end_token;
      }
    }
    if (one_sentence && (p.demonym || p.first_token == 0 ||
                         !code::IsLocativePreposition(tokens[p.first_token - 1].norm))) {
      continue;
    }
    if (one_sentence && std::any_of(tokens.begin(), tokens.begin() + p.first_token,
                                    [](const text::Token& t) { return IsMeetingWord(t.norm); })) {
      continue;
    }
    count(&counts, p.country_iso3);
  }
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (one_sentence) {
    std::string code;
    if (counts.size() == 1) {
      code = std::string(counts[0].first);
    } else if (counts.empty() && all_counts.size() == 1 && all_counts[0].second >= 2 &&
               !ActorOfAnotherCountry(lex, tokens, all_counts[0].first)) {
      code = std::string(all_counts[0].first);
    }
    return lex.IsCountryCode(code) ? code : "";
  }
  // Mentions of the dateline's country in the text; the dateline itself is no mention of what
  // the story is about (see below).
  int dateline_country = 0;
  if (has_dateline) {
    const bool dateline_listed = std::any_of(places.begin(), places.end(), [&](const auto& p) {
      return p.first_token == dateline->first_token;
    });
    for (auto& c : counts) {
      if (c.first != dateline->country_iso3) continue;
      if (dateline_listed) --c.second;
      dateline_country = c.second;
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
  }
  const bool dominant = !counts.empty() && counts[0].second >= 3 &&
                        (counts.size() == 1 || counts[0].second > 2 * counts[1].second);
  // When the place mentions leave the choice open (no country dominates them, or the dateline's
  // country is named again in the text), the country its actors name in at least three
  // sentences and in at least twice as many as any other - the dateline's included - is the
  // story's (ActorCountrySentences). "" when none does.
  auto named_in_most_sentences = [&]() -> std::string {
    const auto by_sentence = ActorCountrySentences(lex, analyzed);
    if (by_sentence.empty() || by_sentence[0].second < 3 ||
        (by_sentence.size() > 1 && by_sentence[0].second < 2 * by_sentence[1].second) ||
        !lex.IsCountryCode(by_sentence[0].first)) {
      return "";
    }
    return by_sentence[0].first;
  };
  if (has_dateline) {
    // A dateline says where the story was filed, usually where it happens. Not always: EU
    // sanctions on Belarus agreed in Brussels, a Nairobi correspondent's report on Somalia.
    // When the text names another country at least three times and more than twice as often
    // as any other, and names the dateline's own country at most once besides the dateline,
    // the story is about that country, and so are its bare agents ("opposition politicians").
    std::string code(counts.empty() ? "" : counts[0].first);
    if (dominant && code != dateline->country_iso3 && dateline_country <= 1 &&
        lex.IsCountryCode(code)) {
      return code;
    }
    if (dateline_country >= 2) {
      std::string most = named_in_most_sentences();
      if (!most.empty()) return most;
    }
    return dateline->country_iso3;
  }
  if (!dominant) return named_in_most_sentences();
  std::string code(counts[0].first);
  return lex.IsCountryCode(code) ? code : "";
}

}  // namespace

Result<std::unique_ptr<Coder>> Coder::Open(const CoderOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string data_dir = DataDir(options);

  lexicon::DictionarySet dict;
  if (!options.compiled_dictionary.empty()) {
    Status s = lexicon::LoadDictionary(options.compiled_dictionary, &dict);
    if (!s.ok()) return s;
  } else if (!options.dictionary_files.empty()) {
    Status s = lexicon::ReadDictionaryFiles(options.dictionary_files, &dict);
    if (!s.ok()) return s;
  } else {
    // The default: the compiled file the build produced, else compile the shipped sources.
    std::string compiled = code::DefaultCompiledDictionaryPath();
    Status s = compiled.empty() ? Status::NotFound("no compiled dictionary")
                                : lexicon::LoadDictionary(compiled, &dict);
    if (!s.ok()) {
      s = lexicon::ReadDictionaryFiles(code::DefaultDictionaryFiles(data_dir), &dict);
      if (!s.ok()) return s;
    }
  }
  for (const auto& d : dict.diagnostics) impl->warnings.push_back(d.ToString());
  auto lex = lexicon::Lexicon::Build(std::move(dict));
  if (!lex.ok()) return lex.status();
  impl->lexicon = std::move(lex).value();

  // The CAMEO and PLOVER tables from the data directory when it has them (users may edit
  // them), else the copies compiled into the library.
  auto codebook = CameoCodebook::Load(data_dir);
  impl->codebook = codebook.ok() ? std::move(codebook).value() : CameoCodebook::Embedded();
  auto plover = PloverTable::Load(data_dir);
  impl->plover = plover.ok() ? std::move(plover).value() : PloverTable::Embedded();

  // The tagger and parser model: parser mode needs it; tagged mode uses its tagger to check
  // verb candidates and codes by rules alone (with a warning) when the model is missing.
  if (options.syntax != SyntaxMode::kShallow) {
    std::string model_path = data_dir + "/models/en_ewt.annalsyn";
    // Tagged mode asks the tagger alone: the parser and lemmatiser are most of the file, and
    // skipping them takes about half the start-up time and most of the model's memory. No
    // mode lemmatises, so parser mode leaves the lemmatiser out too (18M instructions of
    // start-up).
    auto model = syntax::Model::Load(model_path, options.syntax == SyntaxMode::kParser
                                                     ? syntax::ModelParts::TaggerAndParser()
                                                     : syntax::ModelParts::TaggerOnly());
    if (model.ok()) {
      impl->parser_model = std::move(model).value();
      impl->parser = std::make_unique<syntax::Parser>(*impl->parser_model);
    } else if (options.syntax == SyntaxMode::kParser) {
      return model.status();
    } else {
      impl->warnings.push_back(model.status().ToString() +
                               "; verb candidates are not checked by the tagger");
    }
  }

  std::string gazetteer_path = data_dir + "/gazetteer/gazetteer.bin.zst";
  std::error_code ec;
  if (std::filesystem::exists(gazetteer_path, ec)) {
    auto gazetteer = context::Gazetteer::Load(gazetteer_path);
    if (!gazetteer.ok()) return gazetteer.status();
    impl->gazetteer = std::move(gazetteer).value();
    impl->geoparser = std::make_unique<context::Geoparser>(*impl->gazetteer);
  } else {
    impl->warnings.push_back(gazetteer_path + ": not found; events will have no location");
  }
  if (options.tabari_compat) {
    // TABARI's <TIME> records, which the dictionary reader leaves out (see tabari_compat.h).
    for (const std::string& path : options.dictionary_files.verbs) {
      std::ifstream in(path, std::ios::binary);
      if (!in) continue;  // the dictionary reader has read (or reported) it already
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      auto phrases = code::ReadTabariTimePhrases(text);
      impl->tabari.time_phrases.insert(impl->tabari.time_phrases.end(), phrases.begin(),
                                       phrases.end());
    }
    for (const auto& [keyword, value] : impl->lexicon->dict().settings) {
      code::ApplyTabariSetting(keyword, value, &impl->tabari);
    }
    for (const std::string& line : options.tabari_settings) {
      code::ApplyTabariSettingLine(line, &impl->tabari);
    }
  }
  return std::unique_ptr<Coder>(new Coder(std::move(impl)));
}

const std::vector<std::string>& Coder::warnings() const { return impl_->warnings; }

Status Coder::Code(const Document& doc, DocumentResult* out) const {
  *out = DocumentResult();
  const std::string& text = doc.text;
  if (text.empty()) {
    out->skipped = true;
    out->notes.push_back("document has no text");
    return Status::InvalidArgument("document " + doc.id + " has no text");
  }
  size_t bad = 0;
  if (!text::IsValidUtf8(text, &bad)) {
    out->skipped = true;
    out->notes.push_back("invalid UTF-8 at byte " + std::to_string(bad));
    return Status::InvalidArgument("document " + doc.id + ": invalid UTF-8 at byte " +
                                   std::to_string(bad));
  }
  text::AnalyzedText analyzed;
  text::AnalyzeText(text, &analyzed);
  out->sentences = static_cast<int>(analyzed.sentences.size());
  out->split_sentences = static_cast<int>(analyzed.forced_splits);
  if (impl_->options.english_only) {
    std::string lang = doc.lang;
    // English function words in running text settle the question cheaply (and CLD2, reading
    // the first 2 KB, can be fooled by an English sports story full of Italian names); CLD2
    // only runs on text where they are rare - a quarter of the coding time saved on news.
    if (lang.empty() && EnglishFunctionWordShare(analyzed) < 0.12) {
      text::LanguageGuess guess = text::DetectLanguage(text);
      if (guess.reliable && guess.code != "en") lang = guess.code;
    }
    if (!lang.empty() && lang != "en" && lang != "un") {
      out->skipped = true;
      out->notes.push_back("language is '" + lang + "', not English: skipped");
      return Status::OK();
    }
  }

  code::DocumentState state;
  int32_t day = lexicon::kDayMin;
  if (!doc.date.empty() && lexicon::ParseIsoDate(doc.date, &day)) state.day = day;

  std::vector<context::PlaceMention> places;
  if (impl_->geoparser) places = impl_->geoparser->FindPlaces(analyzed, text, context::GeoContext());
  const context::PlaceMention* dateline_place = nullptr;
  for (const auto& p : places) {
    if (p.first_token == p.end_token && !p.demonym) dateline_place = &p;
  }

  const lexicon::Lexicon& lex = *impl_->lexicon;
  state.coref.SetDocumentCountry(DocumentCountry(lex, places, dateline_place, analyzed));
  code::SentenceCoder coder(lex, impl_->parser.get(),
                            impl_->options.syntax == SyntaxMode::kParser
                                ? code::ParserUse::kTrees
                                : code::ParserUse::kTagsOnly,
                            impl_->options.tabari_compat ? &impl_->tabari : nullptr);
  state.text = text;
  state.roles_required = impl_->options.emit_partial_events ? 1 : 2;
  std::vector<code::CandidateEvent> candidates;
  for (size_t si = 0; si < analyzed.sentences.size(); ++si) {
    const text::Sentence& sentence = analyzed.sentences[si];
    const text::Token* tokens = analyzed.tokens.data() + sentence.first_token;
    candidates.clear();
    coder.Code(tokens, sentence.size(), &state, &candidates);
    if (state.story_discarded) {
      out->events.clear();
      out->notes.push_back("story discarded by a discard phrase");
      return Status::OK();
    }
    auto span_of = [&](uint32_t b, uint32_t e) {
      Span s;
      s.begin = tokens[b].begin;
      s.end = tokens[e > b ? e - 1 : b].end;
      return s;
    };
    auto actor_of = [&](const code::ActorRef& a) {
      EventActor ea;
      ea.span = span_of(a.begin, a.end);
      ea.text = text.substr(ea.span.begin, ea.span.end - ea.span.begin);
      ea.code = a.code;
      ea.entity = a.entity;
      ea.resolution = context::ResolutionName(a.resolution);
      RecordCountry(lex, a.code, &ea.country, &ea.roles);
      // An actor's own code whose head the lexicon does not count as a country because an
      // agent shares it (Mauritius, MUS, and the agent Muslim) is still that country.
      if (ea.country.empty() && a.actor_country && a.code.size() >= 3 && a.code.size() % 3 == 0 &&
          impl_->gazetteer) {
        context::PlaceEntry country;
        if (impl_->gazetteer->FindCountry(std::string_view(a.code).substr(0, 3), &country)) {
          ea.country = a.code.substr(0, 3);
          ea.roles.clear();
          for (size_t i = 3; i + 3 <= a.code.size(); i += 3) {
            ea.roles.push_back(a.code.substr(i, 3));
          }
        }
      }
      return ea;
    };
    // Violent events name who later "the attacker" and "the victim" are.
    for (const auto& c : candidates) {
      if (c.code.size() < 2 || (c.code[0] != '1' && c.code[0] != '2')) continue;  // not 18-20
      auto antecedent = [&](const std::optional<code::ActorRef>& a) {
        std::optional<context::Antecedent> out;
        if (!a) return out;
        std::vector<std::string> roles;
        out = context::Antecedent{a->code, a->entity, ""};
        SplitActorCode(lex, a->code, &out->country, &roles);
        return out;
      };
      state.coref.ObserveEvent(antecedent(c.source), antecedent(c.target), c.code);
    }
    const size_t sentence_events_begin = out->events.size();
    // Filled on first use by ShareSentenceCountry (few events have a bare role).
    std::vector<text::Token> sentence_tokens;
    std::vector<const context::PlaceMention*> sentence_places;
    std::vector<const code::CandidateEvent*> emitted;  // the candidate behind each event
    for (const auto& c : candidates) {
      if (!impl_->options.emit_partial_events && (!c.source || !c.target)) continue;
      if (!impl_->options.emit_unrealised_events &&
          (c.modality == Modality::kNegated || c.modality == Modality::kHypothetical ||
           c.modality == Modality::kFuture)) {
        continue;
      }
      Event e;
      e.doc_id = doc.id;
      e.sentence = static_cast<int>(si);
      e.sentence_span = {sentence.begin, sentence.end};
      e.evidence = text.substr(sentence.begin, sentence.end - sentence.begin);
      e.trigger.span = span_of(c.trigger_begin, c.trigger_end);
      e.trigger.text = text.substr(e.trigger.span.begin, e.trigger.span.end - e.trigger.span.begin);
      if (state.day != lexicon::kDayMin) {
        // The event's own date: date words in its clause ("on Friday", "in 2016") resolved
        // against the publication date, else the publication date itself.
        context::ResolvedDate d = context::ResolveEventDate(
            analyzed, text, sentence, sentence.first_token + c.trigger_begin, state.day,
            c.modality == Modality::kFuture ? context::DateDirection::kFuture
                                            : context::DateDirection::kPast);
        e.date = d.date;
        e.date_precision = d.precision;
      }
      if (c.source) e.source = actor_of(*c.source);
      if (c.target) e.target = actor_of(*c.target);
      if (e.source && e.target && impl_->gazetteer &&
          (e.source->country.empty() != e.target->country.empty())) {
        if (sentence_tokens.empty()) {
          sentence_tokens.assign(analyzed.tokens.begin() + sentence.first_token,
                                 analyzed.tokens.begin() + sentence.first_token + sentence.size());
          for (const auto& p : places) {
            if (p.end_token > p.first_token && p.first_token >= sentence.first_token &&
                p.first_token < sentence.first_token + sentence.size()) {
              sentence_places.push_back(&p);
            }
          }
        }
        const context::Gazetteer& g = *impl_->gazetteer;
        const bool violent = code::IsViolentCode(c.code);
        if (!ShareSentenceCountry(lex, g, sentence_tokens, sentence_places, *e.target, &*e.source,
                                  violent, c.code, /*bare_is_source=*/true)) {
          ShareSentenceCountry(lex, g, sentence_tokens, sentence_places, *e.source, &*e.target,
                               /*bare_attacks=*/false, c.code, /*bare_is_source=*/false);
        }
      }
      if (const context::PlaceMention* p =
              EventPlace(lex, places, analyzed, sentence, c, candidates, dateline_place)) {
        Location loc;
        loc.text = p->text;
        loc.name = p->name;
        loc.country = p->country_iso3;
        loc.lat = p->lat;
        loc.lon = p->lon;
        loc.geonameid = p->geonameid;
        e.location = loc;
        VictimsOfThePlace(lex, *p, sentence, sentence.first_token + c.trigger_begin, c.code,
                          e.target ? &*e.target : nullptr);
      }
      e.cameo = c.code;
      e.modality = c.modality;
      e.issues = c.issues;
      if (c.attribution) {
        Attribution at;
        if (c.attribution->end > c.attribution->begin) {
          at.span = span_of(c.attribution->begin, c.attribution->end);
          at.text = text.substr(at.span.begin, at.span.end - at.span.begin);
        }
        at.code = c.attribution->code;
        e.attribution = at;
      }
      FillCodeFields(impl_->codebook, impl_->plover, &e);
      if (c.pattern == code::CandidateEvent::kDeonticClauseRule) {
        e.rule = "annal:speech-verb+must-clause";
      } else {
        const auto& dict = lex.dict();
        const auto& block = dict.verbs[c.verb_block];
        const lexicon::SourceLocation& where =
            c.pattern >= 0 ? block.patterns[static_cast<size_t>(c.pattern)].where : block.where;
        std::string file = where.file < dict.files.size() ? dict.files[where.file] : "";
        if (size_t slash = file.find_last_of('/'); slash != std::string::npos) file.erase(0, slash + 1);
        e.rule = file + ":" + std::to_string(where.line);
      }
      e.event_id = MakeEventId(doc.id, e.sentence, e.source ? e.source->code : "",
                                       e.target ? e.target->code : "", e.cameo,
                                       e.trigger.span.begin);
      out->events.push_back(std::move(e));
      emitted.push_back(&c);
    }
    // A paired code's reverse event points at the event it reverses: same trigger, the
    // actors swapped, not itself a reverse.
    for (size_t i = 0; i < emitted.size(); ++i) {
      if (!emitted[i]->reciprocal) continue;
      Event& rev = out->events[sentence_events_begin + i];
      auto code_of = [](const std::optional<EventActor>& a) { return a ? a->code : std::string(); };
      for (size_t k = 0; k < emitted.size(); ++k) {
        const Event& fwd = out->events[sentence_events_begin + k];
        if (emitted[k]->reciprocal || fwd.trigger.span.begin != rev.trigger.span.begin ||
            code_of(fwd.source) != code_of(rev.target) ||
            code_of(fwd.target) != code_of(rev.source)) {
          continue;
        }
        rev.reciprocal_of = fwd.event_id;
        break;
      }
    }
  }
  if (analyzed.forced_splits > 0) {
    out->notes.push_back(std::to_string(analyzed.forced_splits) +
                         " run-on sentence(s) cut at 400 tokens");
  }
  return Status::OK();
}

}  // namespace annal
