// Coreference within one document: who "he", "the general", "Lavrov" and "police" are.
//
// The sentence coder finds actor mentions sentence by sentence from the dictionaries. Many
// mentions carry no code of their own, or only part of one:
//   - pronouns ("he", "it", "they", "his troops") and definite descriptions ("the general",
//     "the ministry", "the attacker") refer to an actor named earlier;
//   - short names ("Alekseyev" after "Vladimir Alekseyev") and names the dictionaries do not
//     know, introduced by a title apposition ("Vladimir Alekseyev, deputy head of Russian
//     military intelligence," -> RUSMILSPY), keep that code for the rest of the document;
//   - bare agents ("police arrested 40 activists") belong to the document's country when the
//     document has one clear country (its dateline, or the country its places point to).
// Coreference keeps the document's discourse entities (most recent first) and resolves those
// mentions to the most recent compatible one. Compatibility is by kind ("he"/"she" -> a person,
// "it" -> an organisation or country, "they" -> a group) and, for descriptions, by role: the
// description's own agent code ("the general" -> MIL) must be among the antecedent's roles.
// Pronouns also see the noun phrases that are no actors: names the dictionaries do not know
// ("Yukos", "Iggy Fanlo") and common nouns ("the bill", "the figures"). When the nearest
// compatible antecedent is one of those, the pronoun means it, and resolves to nothing rather
// than skipping back to an older actor.
//
// Thread-compatible: one Coreference per document being coded.
#ifndef ANNAL_CONTEXT_COREFERENCE_H_
#define ANNAL_CONTEXT_COREFERENCE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/token.h"

namespace annal::context {

// What a mention names, for agreement with pronouns and descriptions.
enum class EntityKind : uint8_t {
  kOrganisation,  // countries, governments, ministries, armed groups: "it"
  kPerson,        // "he", "she", "the general"
  kGroup,         // plural agents ("police", "demonstrators", "troops"): "they"
};

// How a mention got its code from the document rather than from its own words.
enum class Resolution : uint8_t {
  kNone,             // the mention's own words (dictionary match)
  kPronoun,          // "he", "it", "they", "his troops"
  kDescription,      // "the general", "the ministry", "the attacker"
  kShortName,        // "Alekseyev" after "Vladimir Alekseyev"
  kApposition,       // "Vladimir Alekseyev, deputy head of ...": the name takes the title's code
  kDocumentCountry,  // "police" -> GEOCOP in a Tbilisi-datelined story
  // "Egyptian police ... demonstrators" -> EGY: a bare home role takes the one country its
  // sentence names (set on the event record by the coder, not by Coreference).
  kSentenceCountry,
};
// "pronoun", "description", "short_name", "apposition", "document_country",
// "sentence_country"; "" for kNone.
const char* ResolutionName(Resolution r);

// An actor mention of one sentence as coreference sees it. The sentence coder fills the
// first block; Coreference fills `kind` and may rewrite code, entity, span and `resolution`.
struct CorefMention {
  uint32_t begin = 0, end = 0;  // sentence-relative token range, [begin, end)
  std::string code;             // actor code ("RUSGOV"); roles only ("COP") when agent_only
  std::string entity;           // named entity behind it ("Sergei Lavrov"), may be empty
  std::string country;          // the code's country prefix when it has one ("RUS"), else ""
  bool bare_actor = false;      // a dictionary actor with no agent words ("Russia", "Lavrov")
  bool person_entry = false;    // the dictionary actor is a person (see LooksLikePersonEntry)
  bool agent_only = false;      // role words only, no country, entity or prefix role ("police")
  bool unknown_name = false;    // ends in capitalised words no dictionary knows ("Vladimir
                                // Alekseyev" read as the Russian city Vladimir + a name)
  bool subject = false;         // subject of a coded event: the likeliest antecedent next sentence
  uint32_t id = UINT32_MAX;     // the caller's own index, kept through ResolveSentence; new
                                // mentions (names, descriptions) get UINT32_MAX
  // Filled by Coreference.
  EntityKind kind = EntityKind::kOrganisation;
  Resolution resolution = Resolution::kNone;
};

// The antecedent a pronoun resolves to.
struct Antecedent {
  std::string code;
  std::string entity;
  std::string country;  // the code's country prefix, "" when it has none
};

// Whether a dictionary actor entry names a person: its root name has two to four words and at
// least one of its codes is bounded in time (Phoenix gives persons codes by term of office;
// institutions like "KREMLIN" [RUSGOV] are undated).
bool LooksLikePersonEntry(size_t root_words, bool has_dated_code);

// Whether "it" at sentence token `it` is an expletive that refers to nothing: "it seems",
// "it looks like", "it is (not) clear", "it may be seen", "it was thought".
bool IsExpletiveIt(const text::Token* tokens, uint32_t n, uint32_t it);

class Coreference {
 public:
  Coreference() = default;

  // The document's country (a CAMEO country code) for bare agents, "" for none. Call before
  // the first sentence.
  void SetDocumentCountry(std::string code) { document_country_ = std::move(code); }
  const std::string& document_country() const { return document_country_; }

  // Resolves one sentence's mentions in place: classifies each mention's kind, applies codes
  // attached earlier to its entity, resolves definite descriptions, possessive pronouns before
  // agents and bare agents, and adds mentions the dictionaries missed (appositive names,
  // short names, descriptions like "the general" whose head is no dictionary agent).
  // `mentions` must be sorted by `begin` and non-overlapping; they stay so. `text` is the
  // document text the tokens' byte offsets point into (for entity names as written).
  // Call once per sentence, then EndSentence().
  void ResolveSentence(const text::Token* tokens, uint32_t n, std::string_view text,
                       std::vector<CorefMention>* mentions);

  // The antecedent of the pronoun at sentence token `token` ("HE", "SHE", "IT", "THEY", "WE",
  // norm form): the most recent compatible mention before it in the sentence, else the most
  // recent compatible entity of the previous two sentences (which then counts as mentioned
  // in this sentence, so "He ... He ..." chains). A subject pronoun right after a subordinator
  // ("when they", "after he") means the main clause's subject when that is a compatible
  // actor, not the nearer object. `mentions` are the sentence's mentions after
  // ResolveSentence(). "WE", "I" and other words resolve to nothing.
  std::optional<Antecedent> ResolvePronoun(std::string_view pronoun, uint32_t token,
                                           const std::vector<CorefMention>& mentions);

  // Records an event's actors (after the sentence is coded): sources of material conflict
  // (CAMEO 18-20) are what later "the attacker" refers to, their targets "the victim".
  void ObserveEvent(const std::optional<Antecedent>& source,
                    const std::optional<Antecedent>& target, std::string_view cameo);

  // Adds the sentence's mentions to the discourse history.
  void EndSentence(const std::vector<CorefMention>& mentions);

 private:
  struct Entity {
    std::string code;  // empty for a noun phrase that is no actor (see NonActor)
    std::string entity;
    std::string country;
    std::string short_name;  // last word of a person's name, norm form ("ALEKSEYEV")
    EntityKind kind = EntityKind::kOrganisation;
    uint8_t pronouns = 0;  // without a code: the kinds of pronoun it can be (KindBit)
    bool agent_only = false;
    uint32_t sentence = 0;  // last sentence it was mentioned in
  };
  // A named entity whose code the document refined (title apposition).
  struct AttachedCode {
    std::string entity;
    std::string code;
    std::string country;
  };
  enum class EventRole : uint8_t { kNone, kAttacker, kVictim };
  struct Description {
    std::string_view roles;  // role chunks the antecedent must have ("MIL"), may be empty
    EntityKind kind;
    EventRole event_role;
    bool country_only;  // "the country": a bare country
  };

  static std::optional<Description> DescriptionOf(std::string_view head, std::string_view code,
                                                  bool agent_only);
  // The most recent entity a description fits: mentions[0, before) of this sentence, then the
  // history of the last `reach` sentences.
  // `holder` is the entity the document named with the description's title ("Chancellor
  // Gordon Brown" for "the chancellor"), "" for none: it wins over more recent fits.
  // `other_holders` are persons the document named with another title ("Prime Minister Tony
  // Blair" is not "the chancellor"): they never fit.
  std::optional<Entity> FindDescribed(const Description& d,
                                      const std::vector<CorefMention>& mentions, size_t before,
                                      uint32_t reach, std::string_view holder,
                                      const std::vector<std::string_view>& other_holders) const;
  // Records the persons this sentence names with a title before their name ("Prime Minister
  // Tony Blair"): later "the prime minister" is that person.
  void RecordTitles(const text::Token* tokens, uint32_t n,
                    const std::vector<CorefMention>& mentions);
  void FindAppositions(const text::Token* tokens, uint32_t n, std::string_view text,
                       std::vector<CorefMention>* mentions);
  // "Kenzo Oshima, the United Nations Emergency Relief Coordinator,": a dictionary person (coded
  // by nationality, or by an older post) named with a post in an international body acts for
  // the body. Applies it to mentions[i - 1] when mentions[i] is such a title; returns whether
  // it did.
  bool BodyTitleApposition(const text::Token* tokens, uint32_t n, size_t i,
                           std::vector<CorefMention>* mentions);
  void FindShortNames(const text::Token* tokens, uint32_t n, std::vector<CorefMention>* mentions);
  void FindDescriptions(const text::Token* tokens, uint32_t n, std::vector<CorefMention>* mentions);
  void Attach(const std::string& entity, const std::string& code, const std::string& country);

  // An unknown person introduced by a title ("Mr Balls") in the current sentence.
  struct Blocker {
    uint32_t token;    // the title's sentence token
    std::string name;  // the name's norm form
  };
  // A noun phrase of the current sentence that is no actor: an unknown name ("Yukos", "Iggy
  // Fanlo") or a common noun phrase ("the bill", "many consumers"). A pronoun whose nearest
  // compatible antecedent is one of these refers to no actor.
  struct NonActor {
    uint32_t begin, end;  // sentence tokens
    uint8_t pronouns;     // KindBit of the kinds of pronoun it can be
    bool subject;         // the sentence's first noun phrase
    std::string name;     // its head or name, norm form (to recognise it again)
  };
  // Fills non_actors_ from the sentence's tokens not covered by `mentions`; sets the
  // positional subject (first noun phrase) in subject_token_.
  void FindNonActors(const text::Token* tokens, uint32_t n,
                     const std::vector<CorefMention>& mentions);

  std::string document_country_;
  std::vector<Blocker> blockers_;     // this sentence's, moved to history_ by EndSentence
  std::vector<NonActor> non_actors_;  // this sentence's, moved to history_ by EndSentence
  // Quotations of this sentence followed by their speaker's slot ("...," he said): a pronoun in
  // that slot is the speaker, whom the quotation does not name. Pairs of (first quoted token,
  // the slot's token).
  std::vector<std::pair<uint32_t, uint32_t>> quotations_;
  void FindQuotations(const text::Token* tokens, uint32_t n);
  uint32_t subject_token_ = UINT32_MAX;            // where this sentence's first noun phrase starts
  // Subject pronouns of this sentence that open an adverbial clause after the main clause's
  // subject ("the bombers killed 23 people when they blew themselves up"): sentence tokens.
  std::vector<uint32_t> clause_subject_pronouns_;
  void FindClauseSubjectPronouns(const text::Token* tokens, uint32_t n);
  std::vector<const Entity*> short_name_scratch_;  // FindShortNames' buffer, reused
  std::vector<uint8_t> covered_scratch_;           // FindNonActors' token -> covered, reused
  // Entities held by pointer (they carry four strings, and moving one to the back of the
  // history shifted all after it), copied deeply so that a Coreference stays copyable.
  struct EntityList : std::vector<std::unique_ptr<Entity>> {
    EntityList() = default;
    EntityList(EntityList&&) = default;
    EntityList& operator=(EntityList&&) = default;
    EntityList(const EntityList& other) : std::vector<std::unique_ptr<Entity>>() {
      reserve(other.size());
      for (const auto& e : other) push_back(std::make_unique<Entity>(*e));
    }
    EntityList& operator=(const EntityList& other) {
      EntityList copy(other);
      swap(copy);
      return *this;
    }
  };
  EntityList history_;  // oldest first; an entity mentioned again moves to the back
  // One mention or no-actor phrase of the sentence, in the order EndSentence records them.
  struct HistoryItem {
    uint32_t begin;
    uint32_t index;  // order of insertion, to sort stably
    bool subject;
    const CorefMention* mention;  // else non_actor
    const NonActor* non_actor;
  };
  std::vector<HistoryItem> order_scratch_;  // EndSentence's buffer, reused
  std::vector<AttachedCode> attached_;
  // Title ("PRIME MINISTER", "CHANCELLOR") -> the entity last named with it.
  std::vector<std::pair<std::string, std::string>> title_holders_;
  std::optional<Antecedent> last_attacker_, last_victim_;
  uint32_t sentence_ = 0;  // sentences ended so far
};

}  // namespace annal::context

#endif  // ANNAL_CONTEXT_COREFERENCE_H_
