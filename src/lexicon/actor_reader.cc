// Actor and agent dictionaries, PETRARCH and TABARI dialects.
//
// Actors:
//   AFGHANISTAN_  [AFG]            root phrase with its default (undated) code
//   +AFGHAN_                       synonym of the root above
//   \t[AFGGOV >011222]             date-restricted code: after (>), before (<) or within
//   \t[AFGELI 750101-000101]         (d1-d2) a date, all inclusive; YYMMDD or YYYYMMDD
//   ALBRIGHT [USAGOV 991201-010114] [---]   TABARI: several code blocks on the root line
//   <NOUN> .. </NOUN>, <ADJECTIVE> ..       TABARI word lists outside the model: skipped
// Agents:
//   !PERSON! = MAN, MEN, WOMAN      substitution macro; CONGRESS!PERSON! expands to each
//   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]   explicit plurals ({} = none)
//   HUMAN_RIGHTS_BODY [NGO~]        '~' after the code: the code goes before the country
//   PRESIDENT_ [ ~GOVPRS]           TABARI
//
// Word matching. TABARI matches a word as a stem unless it is written with a trailing '_'
// ("ARGENTIN" matches ARGENTINA, "AFGHAN_" only AFGHAN). PETRARCH (both versions) splits
// every phrase on '_' and blanks and matches whole tokens only: PETRreader.read_actor_dictionary
// builds a tree of complete words and the coder looks tokens up in it, so "PLA" in
// Phoenix.Countries never matched "PLAN". The Phoenix files were generated in TABARI layout and
// 1,658 of their phrases end in a bare word (PLA, GOA, KRG, MI5); reading those as stems would
// change what the dictionaries code, so PETRARCH files are read with PETRARCH's semantics: every
// word exact. PETRARCH instead adds the regular plural of each agent ({..} overrides it), which
// is reproduced here.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"

namespace annal::lexicon::internal {

namespace {

constexpr size_t kMaxMacroExpansions = 256;

// The word forms of a TABARI stem that the Phoenix agents file still ends phrases with, though
// no English word is that stem (29 phrases end in MINIST: HEALTH_MINIST, DEFENCE_MINIST);
// nullptr for any other word. Found by listing the file's phrase-final words that are proper
// prefixes of other words and no word themselves (SPOKES only appears as SPOKES!PERSON!).
const std::vector<std::string_view>* TruncatedStemForms(std::string_view word) {
  static const std::vector<std::string_view> kMinist = {"MINISTER", "MINISTERS", "MINISTRY",
                                                        "MINISTRIES"};
  return word == "MINIST" ? &kMinist : nullptr;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

CommentStyle EntryCommentStyle(bool tabari) {
  CommentStyle style;
  // TABARI codes may contain '#' ("[### <890101]"), so there '#' only comments a whole line.
  style.hash_anywhere = !tabari;
  return style;
}

// Skips TABARI <SECTION> .. </SECTION> blocks; returns true when `line` is consumed.
class SectionSkipper {
 public:
  bool Consume(const Line& line, const ReadContext& ctx) {
    const std::string& t = line.text;
    if (!close_.empty()) {
      if (UpperAscii(t) == close_) close_.clear();
      return true;
    }
    if (t.size() > 2 && t[0] == '<' && t.back() == '>' && t.find(' ') == std::string::npos) {
      if (t[1] == '/') {
        ctx.Diag(line.number, "unexpected closing tag " + t);
      } else {
        close_ = "</" + UpperAscii(t.substr(1));
        open_line_ = line.number;
      }
      return true;
    }
    return false;
  }
  void Finish(const ReadContext& ctx) const {
    if (!close_.empty()) ctx.Diag(open_line_, "section not closed by " + close_);
  }

 private:
  std::string close_;
  uint32_t open_line_ = 0;
};

// ParseDictionaryDate, forgiving one slip that is common in the generated CountryInfo files:
// a day 29-31 past the end of its month ("040931", "100631") is meant as the month's last day.
bool ParseRestrictionDate(std::string_view s, int32_t* day) {
  if (ParseDictionaryDate(s, day)) return true;
  if (s.size() != 6 && s.size() != 8) return false;
  const size_t d = s.size() - 2;
  if (s.substr(d) != "29" && s.substr(d) != "30" && s.substr(d) != "31") return false;
  for (std::string_view last : {"30", "29", "28"}) {
    std::string fixed = std::string(s.substr(0, d)) + std::string(last);
    if (ParseDictionaryDate(fixed, day)) return true;
  }
  return false;
}

}  // namespace

bool ParseDatedCode(std::string_view inside, DatedCode* out, std::string* error) {
  inside = Trim(inside);
  size_t sp = 0;
  while (sp < inside.size() && !IsBlank(inside[sp])) ++sp;
  std::string_view code = inside.substr(0, sp);
  std::string_view rest = Trim(inside.substr(sp));
  // A restriction glued to the code ("[AFG>011222]") is not a code.
  if (code.empty() || code.find_first_of("<>") != std::string_view::npos ||
      (code[0] >= '0' && code[0] <= '9' && code.find_first_not_of("0123456789-") == std::string_view::npos)) {
    *error = "code block without a code";
    return false;
  }
  out->code = UpperAscii(code);
  out->from_day = kDayMin;
  out->to_day = kDayMax;
  if (rest.empty()) return true;
  int32_t d1, d2;
  if (rest[0] == '<' || rest[0] == '>') {
    if (!ParseRestrictionDate(Trim(rest.substr(1)), &d1)) {
      *error = "bad date '" + std::string(Trim(rest.substr(1))) + "'";
      return false;
    }
    if (rest[0] == '<') {
      out->to_day = d1;
    } else {
      out->from_day = d1;
    }
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) {
    *error = "bad date restriction '" + std::string(rest) + "'";
    return false;
  }
  std::string_view a = Trim(rest.substr(0, dash)), b = Trim(rest.substr(dash + 1));
  if (!ParseRestrictionDate(a, &d1)) {
    *error = "bad date '" + std::string(a) + "'";
    return false;
  }
  if (!ParseRestrictionDate(b, &d2)) {
    *error = "bad date '" + std::string(b) + "'";
    return false;
  }
  // A two-digit start year is read as 20xx below 30 and 19xx otherwise, but CountryInfo also
  // lists elites whose terms began a century earlier ("[AFGELI 270101-730717]" = 1927-1973,
  // "[USAELI 950101-370722]" = 1895-1937): a start that would fall after its end is one of those
  // when the span it gives is a plausible lifetime (at most 80 years; "750101-700101" is an error).
  if (d2 < d1 && a.size() == 6) {
    constexpr int32_t kMaxSpan = 80 * 366;
    for (const char* century : {"19", "18"}) {
      int32_t earlier;
      if (ParseRestrictionDate(century + std::string(a), &earlier) && earlier < d1 && earlier <= d2 &&
          d2 - earlier <= kMaxSpan) {
        d1 = earlier;
        break;
      }
    }
  }
  if (d2 < d1) {
    *error = "date range ends before it starts";
    return false;
  }
  out->from_day = d1;
  out->to_day = d2;
  return true;
}

namespace {

// Parses every "[..]" block in `text` (which starts at the first '['). Bad blocks become
// diagnostics; good ones are appended to `codes`.
void ParseCodeBlocks(std::string_view text, const Line& line, const ReadContext& ctx,
                     std::vector<DatedCode>* codes) {
  size_t i = 0;
  while (i < text.size()) {
    if (IsBlank(text[i])) {
      ++i;
      continue;
    }
    if (text[i] != '[') {
      ctx.Diag(line.number, "unexpected text after code: '" + std::string(text.substr(i)) + "'");
      return;
    }
    size_t close = text.find(']', i);
    if (close == std::string_view::npos) {
      ctx.Diag(line.number, "unclosed '[' in '" + line.text + "'");
      return;
    }
    DatedCode dc;
    std::string error;
    if (ParseDatedCode(text.substr(i + 1, close - i - 1), &dc, &error)) {
      codes->push_back(std::move(dc));
    } else {
      ctx.Diag(line.number, error + " in '" + line.text + "'");
    }
    i = close + 1;
  }
}

// Whether the one-word name `w` is a demonym noun of the place name `place`, both of one
// actor entry: the country name (or all of it but its final vowel) plus -N, -AN, -IAN, -EAN
// or -I ("IRAQ" IRAQI, "ISRAEL" ISRAELI, "NIGERIA" NIGERIAN, "MEXICO" MEXICAN, "GHANA"
// GHANAIAN, "CHILE" CHILEAN), or the demonym begins the country name, which adds a
// country-name ending ("SERB" SERBIA, "AFGHAN" AFGHANISTAN, "TURK" TURKEY, "THAI" THAILAND). Demonyms in -ESE, -ISH and -CH ("the Chinese", "the
// British", "the French") are their own plurals and fail the test on purpose; so do cities,
// whose names do not relate to the country's this way.
bool IsDemonymOf(std::string_view w, std::string_view place) {
  // A name ending in S ("TUNIS", "SWISS") has no regular plural.
  if (w.size() < 4 || place.size() < 4 || w == place || EndsWith(w, "S")) return false;
  if (w.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") != std::string_view::npos) return false;
  size_t common = 0;
  while (common < w.size() && common < place.size() && w[common] == place[common]) ++common;
  if (common < 4) return false;
  // The whole country name, or all of it but its final vowel, then a demonym ending.
  if (common + 1 >= place.size() && place.size() < w.size()) {
    std::string_view added = w.substr(common);
    // "KENYA" KENYAN; but "SWEDE" SWEDEN is a demonym before its country.
    if ((added == "N" && EndsWith(place, "A")) || added == "AN" || added == "IAN" ||
        added == "EAN" || added == "I") {
      return true;
    }
  }
  if (common != w.size()) return false;
  std::string_view ending = place.substr(w.size());
  return ending == "IA" || ending == "ISTAN" || ending == "EY" || ending == "LAND";
}

// Every name of actors[first_entry..], words joined by ' ' (PhraseText), to keep generated
// names from repeating one the file has.
std::unordered_set<std::string> NamesFrom(const std::vector<ActorEntry>& actors,
                                          size_t first_entry) {
  std::unordered_set<std::string> names;
  for (size_t e = first_entry; e < actors.size(); ++e) {
    for (const Phrase& p : actors[e].names) names.insert(PhraseText(p));
  }
  return names;
}

// PETRARCH files name a nationality by its adjective ("IRAQI_", "NIGERIAN_") but rarely by its
// plural noun, which news uses for the people of a country ("Iraqis demonstrated", "four
// Liberians were deported"). For every one-word name of an entry that is a demonym of
// another one-word name of the same entry (IsDemonymOf), adds the regular plural (+S) as a
// further name of that entry, unless some entry of the file has that name already.
//
// "Ethnic" before a demonym names an ethnic group, usually a minority in another country
// ("ethnic Albanians in Macedonia", "ethnic Russians in Ukraine"), not the country's actors.
// For each demonym this also adds one entry without a code for "ETHNIC <demonym>" and
// "ETHNIC <plural>": the longer match keeps the demonym from coding the country, and what
// follows it still codes as an agent ("ethnic Albanian guerrillas" -> REB, without ALB).
void AddDemonymPlurals(size_t first_entry, const ReadContext& ctx) {
  std::vector<ActorEntry>& actors = ctx.out->actors;
  std::unordered_set<std::string> names = NamesFrom(actors, first_entry);
  std::vector<ActorEntry> ethnic_groups;
  for (size_t e = first_entry; e < actors.size(); ++e) {
    ActorEntry& entry = actors[e];
    std::vector<std::string> plurals;
    ActorEntry ethnic;
    ethnic.where = entry.where;
    for (const Phrase& w : entry.names) {
      if (w.size() != 1 || !w[0].exact) continue;
      bool demonym = false;
      for (const Phrase& place : entry.names) {
        if (place.size() == 1 && IsDemonymOf(w[0].text, place[0].text)) demonym = true;
      }
      if (!demonym) continue;
      std::string plural = w[0].text + "S";
      for (const std::string& form : {w[0].text, plural}) {
        Phrase group{PhraseWord{"ETHNIC", true}, PhraseWord{form, true}};
        if (names.insert(PhraseText(group)).second) ethnic.names.push_back(std::move(group));
      }
      if (names.insert(plural).second) plurals.push_back(std::move(plural));
    }
    for (std::string& p : plurals) entry.names.push_back(Phrase{PhraseWord{std::move(p), true}});
    if (!ethnic.names.empty()) ethnic_groups.push_back(std::move(ethnic));
  }
  for (ActorEntry& g : ethnic_groups) actors.push_back(std::move(g));
}

// Whether `w` can be a given name or surname word of a generated person name: whole word,
// letters (an apostrophe or hyphen allowed: O'NEILL), no particle ("AL", "VON") that joins the
// next word, no suffix ("JR", "III").
bool IsNameWord(const PhraseWord& w) {
  static constexpr std::string_view kParticles[] = {
      "AL", "EL", "BIN", "BEN", "IBN", "ABU", "ABD", "ABDUL", "BINT", "DE", "DA", "DI", "DEL",
      "DELLA", "DOS", "DU", "LA", "LE", "VAN", "VON", "DER", "DEN", "TER", "MAC", "MC", "ST",
      "SAN", "SANTA", "Y", "E", "BA", "OULD", "WA"};
  static constexpr std::string_view kSuffixes[] = {"JR", "JR.", "SR", "SR.", "II", "III", "IV"};
  auto in = [](std::string_view x, const auto& list) {
    for (std::string_view y : list) {
      if (x == y) return true;
    }
    return false;
  };
  if (!w.exact || w.text.size() < 2 || in(w.text, kParticles) || in(w.text, kSuffixes)) {
    return false;
  }
  for (char c : w.text) {
    if (!((c >= 'A' && c <= 'Z') || c == '\'' || c == '-')) return false;
  }
  return true;
}

// Whether `a` names a person as the Phoenix files do: a root of two words or more and only role
// codes (RUSGOV, never a bare country code), at least one of them dated by term of office.
bool IsPersonEntry(const ActorEntry& a) {
  if (a.names.empty() || a.names[0].size() < 2 || a.codes.empty()) return false;
  bool dated = false;
  for (const DatedCode& c : a.codes) {
    if (c.code.size() <= 3) return false;
    dated |= c.from_day != kDayMin || c.to_day != kDayMax;
  }
  return dated;
}

// How many roots of actors[first_entry..] end in each word: a surname many entries share
// ("MOORE", "SMITH", "AHMED") is a common name, and "Michael Moore" or "President Moore" in the
// news is rarely the one of the files.
std::unordered_map<std::string, int> SurnameRoots(const std::vector<ActorEntry>& actors,
                                                  size_t first_entry) {
  std::unordered_map<std::string, int> roots;
  for (size_t e = first_entry; e < actors.size(); ++e) {
    if (!actors[e].names.empty() && !actors[e].names[0].empty()) {
      ++roots[actors[e].names[0].back().text];
    }
  }
  return roots;
}

// News names a person by first and last name far more often than by the full name the
// PETRARCH files list ("Carlos Menem" for CARLOS_SAUL_MENEM, "Laurent Gbagbo" for
// LAURENT_KOUDOU_GBAGBO). For an entry that names a person (IsPersonEntry) with a root of three
// words, adds the root's first and last word as a name, unless its surname is a common one
// (SurnameRoots), some entry of the file has that name already, or another person's root gives
// the same two words (then neither gets it). Not for names whose middle word joins the last
// ("Abu Bakr AL BAGHDADI", "Ursula VON DER Leyen"), ends a suffix ("JR", "III") or are not
// all letters (IsNameWord).
void AddFirstLastNames(size_t first_entry, const ReadContext& ctx) {
  std::vector<ActorEntry>& actors = ctx.out->actors;
  const std::unordered_set<std::string> names = NamesFrom(actors, first_entry);
  std::unordered_map<std::string, int> surname_roots = SurnameRoots(actors, first_entry);
  // Short name -> the one entry that gives it, or SIZE_MAX when two persons give it.
  std::unordered_map<std::string, size_t> short_names;
  for (size_t e = first_entry; e < actors.size(); ++e) {
    const ActorEntry& a = actors[e];
    if (!IsPersonEntry(a) || a.names[0].size() != 3) continue;
    const Phrase& root = a.names[0];
    if (!IsNameWord(root[0]) || !IsNameWord(root[1]) || !IsNameWord(root[2])) continue;
    std::string name = root[0].text + " " + root[2].text;
    if (names.count(name) != 0 || surname_roots[root[2].text] != 1) continue;
    auto [it, inserted] = short_names.emplace(name, e);
    if (!inserted) it->second = SIZE_MAX;
  }
  for (const auto& [name, e] : short_names) {
    if (e == SIZE_MAX) continue;
    const Phrase& root = actors[e].names[0];
    actors[e].names.push_back(Phrase{root[0], root[2]});
  }
}

// Two persons of one file may share names: George Bush and George W. Bush are both
// "PRESIDENT BUSH" and "THE BUSH ADMINISTRATION". The matcher takes the first entry in file
// order for a name, whatever the story's date, so every "President Bush" of 2001-2009 was the
// father (USAELI then) and never the president in office. Without the date at build time, the
// better default is the one ResolveActorCode already takes for dated codes: current news is
// about the more recent person. So among person entries (IsPersonEntry) that share a name, the
// entry whose latest term begins last comes first; the entries keep their own names and codes,
// and other entries keep their places. The matcher still reports every namesake, and the coder
// takes the one whose dated code holds the story's date when one does (DatedFit in
// code/sentence_coder.cc: a story of 1990 gets the father); this order decides otherwise.
void OrderNamesakesByRecency(size_t first_entry, const ReadContext& ctx) {
  std::vector<ActorEntry>& actors = ctx.out->actors;
  auto latest_start = [](const ActorEntry& a) -> std::optional<int32_t> {
    if (!IsPersonEntry(a)) return std::nullopt;
    int32_t latest = kDayMin;
    for (const DatedCode& c : a.codes) {
      if (c.from_day != kDayMin || c.to_day != kDayMax) latest = std::max(latest, c.from_day);
    }
    return latest;
  };
  // Name -> the person entries that have it, in file order.
  std::unordered_map<std::string, std::vector<size_t>> holders;
  for (size_t e = first_entry; e < actors.size(); ++e) {
    if (!latest_start(actors[e])) continue;
    for (const Phrase& p : actors[e].names) {
      std::vector<size_t>& h = holders[PhraseText(p)];
      if (h.empty() || h.back() != e) h.push_back(e);
    }
  }
  // Each group of namesakes: the slots they hold in the file, refilled most recent first.
  std::unordered_set<size_t> done;
  for (auto& [name, group] : holders) {
    if (group.size() < 2) continue;
    // An entry already reordered with the namesakes of another name stays where it went.
    bool moved = false;
    for (size_t e : group) moved |= done.count(e) != 0;
    if (moved) continue;
    // Only distinct persons: a file that lists one person twice under the same root keeps its
    // order (the matcher's choice between the copies is the file's).
    if (PhraseText(actors[group[0]].names[0]) == PhraseText(actors[group[1]].names[0])) continue;
    std::vector<size_t> slots = group;
    std::vector<ActorEntry> entries;
    for (size_t e : slots) entries.push_back(std::move(actors[e]));
    std::stable_sort(entries.begin(), entries.end(), [&](const ActorEntry& a, const ActorEntry& b) {
      return *latest_start(a) > *latest_start(b);
    });
    for (size_t i = 0; i < slots.size(); ++i) {
      actors[slots[i]] = std::move(entries[i]);
      done.insert(slots[i]);
    }
  }
}

// The text stage reads the apostrophe of a plural possessive as the possessive token 'S
// ("Kurdistan Workers' Party" is KURDISTAN WORKERS 'S PARTY), so a name the dictionary writes
// with it (KURDISTAN_WORKERS'_PARTY, 28 Phoenix names) never matched. Returns the name with
// each such word split that way, or nothing when the name has none. The name as written stays
// the entry's (its root names the entity).
std::optional<Phrase> PluralPossessiveForm(const Phrase& phrase) {
  Phrase out;
  bool split = false;
  for (const PhraseWord& w : phrase) {
    if (w.text.size() > 2 && EndsWith(w.text, "S'")) {
      PhraseWord noun = w;
      noun.text.pop_back();
      noun.exact = true;
      out.push_back(std::move(noun));
      out.push_back(PhraseWord{"'S", w.exact});
      split = true;
    } else {
      out.push_back(w);
    }
  }
  if (!split) return std::nullopt;
  return out;
}

}  // namespace

void ReadActorFile(std::string_view content, const ReadContext& ctx) {
  const WordMatch match = ctx.tabari ? WordMatch::kTabari : WordMatch::kAllExact;
  std::vector<Line> lines = SplitContentLines(content, EntryCommentStyle(ctx.tabari));
  SectionSkipper sections;
  const size_t first_entry = ctx.out->actors.size();
  bool have_entry = false;  // out->actors.back() is the entry of this file being built
  bool entry_has_code_line = false;  // it has a code block, even one that could not be read
  for (const Line& line : lines) {
    const std::string& t = line.text;
    if (ctx.tabari && StartsWith(t, "~~")) break;  // TABARI's end-of-file line
    if (sections.Consume(line, ctx)) continue;
    if (t[0] == '[') {
      if (!have_entry) {
        ctx.Diag(line.number, "code line without an actor before it");
        continue;
      }
      ParseCodeBlocks(t, line, ctx, &ctx.out->actors.back().codes);
      entry_has_code_line = true;
      continue;
    }
    const bool synonym = t[0] == '+';
    std::string_view body = synonym ? std::string_view(t).substr(1) : std::string_view(t);
    size_t bracket = body.find('[');
    std::string_view phrase_text = Trim(body.substr(0, bracket));
    if (phrase_text.find_first_of("]{}") != std::string_view::npos) {
      ctx.Diag(line.number, "malformed actor phrase '" + t + "'");
      if (!synonym) have_entry = false;  // its code lines must not go to the previous actor
      continue;
    }
    // TABARI: "MOUSE=" is a whole word without noun endings; "LIBYA_" a whole word that
    // also matches with the plural ending (LIBYAS; "LIBYA'S" splits into LIBYA + 'S anyway).
    std::string tabari_text;
    bool no_endings = false;
    if (ctx.tabari && EndsWith(phrase_text, "=")) {
      tabari_text = std::string(phrase_text.substr(0, phrase_text.size() - 1)) + "_";
      phrase_text = tabari_text;
      no_endings = true;
    }
    // TABARI lets other words come between actor words written with a blank (see
    // PhraseWord::gap_before); PETRARCH does not.
    Phrase phrase = ParsePhrase(phrase_text, match, /*blank_gaps=*/ctx.tabari);
    std::optional<Phrase> plural;
    if (ctx.tabari && !no_endings && !phrase.empty() && phrase.back().exact &&
        EndsWith(phrase_text, "_") && phrase.back().text != "'S") {
      plural = phrase;
      plural->back().text += "S";
    }
    if (phrase.empty()) {
      ctx.Diag(line.number, "actor line without a phrase: '" + t + "'");
      if (!synonym) have_entry = false;
      continue;
    }
    std::optional<Phrase> possessive = PluralPossessiveForm(phrase);
    // PETRARCH gives a root that follows a root still without codes the same codes: the two
    // are one actor, and the code lines after the last root serve them all (Phoenix lists
    // MIKHAIL_GORBACHEV_, EX-SOVIET_PRESIDENT_MIKHAIL_GORBACHEV, ... GENERAL_SECRETARY_GORBACHEV
    // and then their dated codes once). Read as separate entries, every root but the last
    // would have no code at all. An entry whose code line could not be read (a malformed date)
    // is not codeless in that sense: the next root is another actor.
    const bool joins_codeless_root = !synonym && !ctx.tabari && have_entry &&
                                     !entry_has_code_line && ctx.out->actors.back().codes.empty();
    if (synonym || joins_codeless_root) {
      if (!have_entry) {
        ctx.Diag(line.number, "synonym without an actor before it");
        continue;
      }
      ActorEntry& entry = ctx.out->actors.back();
      entry.names.push_back(std::move(phrase));
      if (possessive) entry.names.push_back(std::move(*possessive));
      if (plural) entry.names.push_back(std::move(*plural));
      if (bracket != std::string_view::npos) {
        // A code on a synonym line applies to the whole entry, as in PETRARCH-1.
        ParseCodeBlocks(body.substr(bracket), line, ctx, &entry.codes);
        entry_has_code_line = true;
      }
      continue;
    }
    ActorEntry entry;
    entry.names.push_back(std::move(phrase));
    if (plural) entry.names.push_back(std::move(*plural));
    if (possessive) entry.names.push_back(std::move(*possessive));
    entry.where = ctx.Where(line.number);
    entry_has_code_line = bracket != std::string_view::npos;
    if (entry_has_code_line) ParseCodeBlocks(body.substr(bracket), line, ctx, &entry.codes);
    ctx.out->actors.push_back(std::move(entry));
    have_entry = true;
  }
  sections.Finish(ctx);
  if (!ctx.tabari) {
    AddDemonymPlurals(first_entry, ctx);  // TABARI: "IRAQI_" matches IRAQIS already
    AddFirstLastNames(first_entry, ctx);
    OrderNamesakesByRecency(first_entry, ctx);
  }
}

namespace {

// Expands every "!NAME!" in `text` with the macro's alternatives (all combinations).
bool ExpandMacros(const std::string& text,
                  const std::unordered_map<std::string, std::vector<std::string>>& macros,
                  std::vector<std::string>* out, std::string* error) {
  // Breadth first, so the expansions come out in the order the alternatives are written.
  std::vector<std::string> work{text};
  out->clear();
  for (size_t next = 0; next < work.size(); ++next) {
    // A marker whose alternatives hold the marker itself ("!P! = !P! X") expands forever with
    // one alternative, and the count below never grows: bound the steps as well (a text with
    // kMaxMacroExpansions results and a few markers takes far fewer).
    if (next >= 4 * kMaxMacroExpansions) {
      *error = "too many substitutions (a marker that contains itself?)";
      return false;
    }
    std::string s = std::move(work[next]);
    size_t a = s.find('!');
    if (a == std::string::npos) {
      out->push_back(std::move(s));
      continue;
    }
    size_t b = s.find('!', a + 1);
    if (b == std::string::npos) {
      *error = "unterminated substitution marker";
      return false;
    }
    std::string name = UpperAscii(s.substr(a + 1, b - a - 1));
    auto it = macros.find(name);
    if (it == macros.end()) {
      *error = "undefined substitution marker !" + name + "!";
      return false;
    }
    for (const std::string& alt : it->second) {
      work.push_back(s.substr(0, a) + alt + s.substr(b + 1));
    }
    if (work.size() - next + out->size() > kMaxMacroExpansions) {
      *error = "too many substitutions";
      return false;
    }
  }
  return true;
}

}  // namespace

void ReadAgentFile(std::string_view content, const ReadContext& ctx) {
  const WordMatch match = ctx.tabari ? WordMatch::kTabari : WordMatch::kAllExact;
  std::vector<Line> lines = SplitContentLines(content, EntryCommentStyle(ctx.tabari));
  std::unordered_map<std::string, std::vector<std::string>> macros;
  for (const Line& line : lines) {
    const std::string& t = line.text;
    if (ctx.tabari && StartsWith(t, "~~")) break;  // TABARI's end-of-file line
    size_t bracket = t.find('[');
    if (t[0] == '!' && bracket == std::string::npos && t.find('=') != std::string::npos) {
      // !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
      size_t b = t.find('!', 1);
      size_t eq = t.find('=');
      std::string name = b == std::string::npos ? "" : UpperAscii(Trim(std::string_view(t).substr(1, b - 1)));
      if (name.empty() || eq < b || !Trim(std::string_view(t).substr(b + 1, eq - b - 1)).empty()) {
        ctx.Diag(line.number, "malformed substitution marker definition '" + t + "'");
        continue;
      }
      std::vector<std::string> alts;
      std::string_view rest = std::string_view(t).substr(eq + 1);
      size_t start = 0;
      while (start <= rest.size()) {
        size_t comma = rest.find(',', start);
        std::string_view item = Trim(rest.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (!item.empty()) alts.push_back(UpperAscii(item));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
      }
      if (alts.empty()) {
        ctx.Diag(line.number, "substitution marker !" + name + "! has no alternatives");
        continue;
      }
      macros[name] = std::move(alts);
      continue;
    }
    size_t close = bracket == std::string::npos ? std::string::npos : t.find(']', bracket);
    if (bracket == std::string::npos || close == std::string::npos ||
        !Trim(std::string_view(t).substr(close + 1)).empty()) {
      ctx.Diag(line.number, "agent line without a [code]: '" + t + "'");
      continue;
    }
    std::string code;
    for (char c : std::string_view(t).substr(bracket + 1, close - bracket - 1)) {
      if (!IsBlank(c)) code.push_back(c);
    }
    code = UpperAscii(code);
    AgentEntry entry;
    entry.where = ctx.Where(line.number);
    if (code.size() > 1 && code.front() == '~' && code.find('~', 1) == std::string::npos) {
      entry.code = code.substr(1);
      entry.suffix = true;
    } else if (code.size() > 1 && code.back() == '~' && code.find('~') == code.size() - 1) {
      entry.code = code.substr(0, code.size() - 1);
      entry.suffix = false;
    } else {
      ctx.Diag(line.number, "agent code needs one '~' before or after it: '" + t + "'");
      continue;
    }

    std::string_view head = Trim(std::string_view(t).substr(0, bracket));
    std::string_view main = head, plurals;
    bool has_braces = false;
    size_t open = head.find('{');
    if (open != std::string_view::npos) {
      size_t cb = head.find('}', open);
      if (cb == std::string_view::npos || !Trim(head.substr(cb + 1)).empty()) {
        ctx.Diag(line.number, "agent plural needs '{..}' at the end of the phrase: '" + t + "'");
        continue;
      }
      main = Trim(head.substr(0, open));
      plurals = head.substr(open + 1, cb - open - 1);
      has_braces = true;
    }
    if (main.find_first_of("{}]") != std::string_view::npos) {
      ctx.Diag(line.number, "malformed agent phrase '" + t + "'");
      continue;
    }
    std::vector<std::string> texts;
    std::string error;
    if (!ExpandMacros(std::string(main), macros, &texts, &error)) {
      ctx.Diag(line.number, error + " in '" + t + "'");
      continue;
    }
    const bool macro = main.find('!') != std::string_view::npos;
    for (const std::string& text : texts) {
      Phrase phrase = ParsePhrase(text, match);
      if (phrase.empty()) continue;
      // PETRARCH adds the regular plural unless {..} gives the plurals or the phrase came from
      // a substitution marker (whose alternatives list both numbers already). TABARI words are
      // stems and need no plural.
      if (!ctx.tabari && !has_braces && !macro && phrase.back().exact &&
          TruncatedStemForms(phrase.back().text) != nullptr) {
        // A TABARI-era stem left in the Phoenix agents ("HEALTH_MINIST", "DEFENCE_MINIST"):
        // PETRARCH's whole-word matching never matched it; its words are what it was written for.
        for (std::string_view form : *TruncatedStemForms(phrase.back().text)) {
          Phrase full = phrase;
          full.back().text = std::string(form);
          entry.names.push_back(std::move(full));
        }
      } else if (!ctx.tabari && !has_braces && !macro && phrase.back().text != "'S") {
        Phrase plural = phrase;
        plural.back().text = NounPlural(plural.back().text);
        entry.names.push_back(std::move(phrase));
        entry.names.push_back(std::move(plural));
      } else if (ctx.tabari && !has_braces && phrase.back().exact &&
                 phrase.back().text != "'S" && Trim(text).ends_with("_")) {
        // TABARI: a whole word ("AMBASSADOR_") still takes the plural ending, as actors do.
        Phrase plural = phrase;
        plural.back().text += "S";
        entry.names.push_back(std::move(phrase));
        entry.names.push_back(std::move(plural));
      } else {
        entry.names.push_back(std::move(phrase));
      }
    }
    if (has_braces) {
      size_t i = 0;
      while (i < plurals.size()) {
        while (i < plurals.size() && IsBlank(plurals[i])) ++i;
        size_t j = i;
        while (j < plurals.size() && !IsBlank(plurals[j])) ++j;
        if (j > i) {
          std::vector<std::string> ptexts;
          if (!ExpandMacros(std::string(plurals.substr(i, j - i)), macros, &ptexts, &error)) {
            ctx.Diag(line.number, error + " in '" + t + "'");
          } else {
            for (const std::string& p : ptexts) {
              Phrase phrase = ParsePhrase(p, match);
              if (!phrase.empty()) entry.names.push_back(std::move(phrase));
            }
          }
        }
        i = j;
      }
    }
    if (entry.names.empty()) {
      ctx.Diag(line.number, "agent line without a phrase: '" + t + "'");
      continue;
    }
    ctx.out->agents.push_back(std::move(entry));
  }
}

}  // namespace annal::lexicon::internal
