#include "code/sentence_coder.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "code/intent_code.h"
#include "code/tabari_compat.h"
#include "code/tree_roles.h"
#include "code/word_classes.h"
#include "context/geoparser_given_names.h"

namespace annal::code {
namespace {

using lexicon::ElementKind;
using lexicon::EntryKind;
using lexicon::Match;

constexpr uint32_t kNone = UINT32_MAX;
// How far role and pattern searches look, in tokens. News clauses rarely put a subject more
// than ~20 tokens before its verb; further than that we are in another clause.
constexpr uint32_t kSubjectWindow = 25;
constexpr uint32_t kObjectWindow = 18;
constexpr uint32_t kPatternGap = 10;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// An actor noun phrase in the sentence.
struct Mention {
  uint32_t begin = 0, end = 0;  // whole phrase, sentence-relative
  ActorRef actor;
  int group = -1;  // coordination group; mentions sharing it are one compound actor
  // Agents of an "agent of/in/from actor" head ("ambassadors of Arnor, Osgiliath and Gondor"):
  // they distribute over the other actors of the coordination.
  std::vector<const lexicon::AgentEntry*> head_agents;
  bool bare_actor = false;  // a dictionary actor with no agent of its own
  bool agent_only = false;  // roles without an actor: "police", "its troops"
  std::vector<const lexicon::AgentEntry*> agents;  // the phrase's own agents
  const lexicon::ActorEntry* entry = nullptr;  // the actor entry `actor.entity` comes from
  bool suffix_agents_only = false;  // suffix role agents only, no country or entity ("police")
  bool unknown_name = false;  // absorbed capitalised words no dictionary knows ("Falastur")
  std::string root_code;  // the first actor's own code, without agents (TABARI FORWARD)
};

struct Verb {
  uint32_t begin = 0, end = 0;  // the verb form's tokens
  uint32_t word = 0;            // the verb proper
  uint32_t group_begin = 0;     // start of the verb group (auxiliaries, negation, modals)
  uint32_t block = 0;
  uint32_t form = 0;
  // The same words as a form of other verb blocks (a later dictionary adding to an earlier
  // one): their patterns are tried after the primary block's, and their default code is used
  // when the primary block has none ("---").
  std::vector<std::pair<uint32_t, uint32_t>> alternates;
  bool passive = false;
  bool infinitive = false;      // preceded by TO
  // The infinitive of a stated intention: "is willing to", "plans to", "vowed to" (not "is
  // about to" or "is expected to", which report a coming act, not its announcement).
  bool intended = false;
  // "RUF announced it will return the weapons", "Iraq said it would allow the inspectors
  // back": the actor reports its own coming act (a future modal, or "would" backshifted in
  // reported speech, after a pronoun subject naming the speaker). CAMEO codes the statement as
  // an intent (03) or a threat (13), like "is willing to".
  bool announced = false;
  bool will = false;  // under a future modal ("will", "shall", "'ll")
  bool speech = false;          // a speech verb ("said", "announced"): IsSpeechVerb
  Modality modality = Modality::kAsserted;
};

// Code composition: a country or entity code plus role codes, without repeating a role.
std::string ComposeCode(const std::string& base, const std::vector<const lexicon::AgentEntry*>& agents) {
  std::string code = base;
  std::string prefix;
  for (const auto* a : agents) {
    if (a->suffix) {
      // Append three-letter role chunks the code does not have yet. The first chunk counts
      // too: no agent code is a country code (Lexicon::IsCountryCode), and a base may be a
      // kind of actor itself ("the BBC reporters": BBC is [MED], reporters ~MED -> MED).
      for (size_t i = 0; i + 3 <= a->code.size(); i += 3) {
        std::string chunk = a->code.substr(i, 3);
        bool present = false;
        for (size_t j = 0; j + 3 <= code.size(); j += 3) {
          if (code.compare(j, 3, chunk) == 0) present = true;
        }
        if (!present) code += chunk;
      }
    } else if (prefix.empty() && code.rfind(a->code, 0) != 0) {
      prefix = a->code;
    }
  }
  return prefix + code;
}

// A dictionary actor or agent match that BuildMentions composes into a noun phrase.
struct Piece {
  uint32_t begin, end;
  bool actor;
  uint32_t index;  // into the actor or agent entries
};

class SentenceAnalysis {
 public:
  SentenceAnalysis(const lexicon::Lexicon& lex, const text::Token* tokens, uint32_t n,
                   const lexicon::SentenceWords& words, const std::vector<Match>& matches,
                   DocumentState* doc, const syntax::Parser* parser, ParserUse use,
                   syntax::ParsedTree* tree, std::vector<std::string_view>* tags,
                   const TabariSettings* tabari, std::vector<context::CorefMention>* coref)
      : lex_(lex), dict_(lex.dict()), tok_(tokens), n_(n), words_(words), matches_(matches),
        doc_(doc), parser_(parser), use_(use), tree_(tree), tags_(tags), tabari_(tabari),
        coref_(*coref) {}

  void Run(std::vector<CandidateEvent>* out);
  // TABARI conventions (tabari_compat.h): clauses, one coded verb each, positional roles.
  void RunTabari(std::vector<CandidateEvent>* out);
  void RunTabariSentence(std::vector<CandidateEvent>* out);
  // The sentence's mentions as coreference saw them (for DocumentState::coref.EndSentence).
  // Empty when the sentence was discarded before its mentions were built.
  const std::vector<context::CorefMention>& coref_mentions() const {
    static const std::vector<context::CorefMention> kNone;
    return coref_applied_ ? coref_ : kNone;
  }

 private:
  std::string_view W(uint32_t i) const { return tok_[i].norm; }
  bool IsPunct(uint32_t i) const { return tok_[i].has(text::kPunct); }

  void CheckTitleCase();
  void CollectIssues();
  // Dependency-tree roles (when parsed). ParseSentence only decides whether the sentence may
  // be parsed (the gate); the tagger and the parser run on first use (EnsureTagged,
  // EnsureParsed), so a sentence none of whose verbs asks for tags or a tree costs nothing. The
  // output is the same as parsing up front: a parse depends on the sentence's words only.
  void ParseSentence();
  void EnsureTagged();
  void EnsureParsed();
  bool MayBeNoun(const Verb& v) const;
  // False when the tree would hardly change this verb's roles, so that it need not be parsed
  // for them. `bound_source` is the pattern's source mention or kNone.
  bool TreeMayHelp(const Verb& v, uint32_t bound_source) const;
  bool TaggedAsNonVerb(const Verb& v);
  std::string_view Rel(uint32_t t) const { return tree_->deprels[t]; }
  uint32_t Head(uint32_t t) const {
    int h = tree_->heads[t];
    return h <= 0 ? kNone : static_cast<uint32_t>(h - 1);
  }
  // The mention behind a tree node (see the definition). With `participants_only`, the search
  // does not go down into modifiers that name a place or topic ("over", "about", "in", ...).
  uint32_t TreeMention(uint32_t token, int depth, bool participants_only = false) const;
  // The word of the node's "case" child ("in" of "in Cairo"), or "" when it has none.
  std::string_view CaseWord(uint32_t token) const;
  struct TreeRoles {
    uint32_t subject = kNone, object = kNone, agent = kNone;
    bool passive = false;
  };
  TreeRoles RolesFromTree(const Verb& v);
  void BuildMentions();
  // An agent match that is the adjective "official" ("official figures") or "military"
  // ("military aid"): no actor.
  bool AdjectivalOfficial(const Match& m) const;
  // A surname after another person's given name ("Jill Rutte"): no actor.
  bool OtherBearerOfSurname(const Match& m) const;
  // An actor match that names a language, not a country: "the Russian language", "Arabic and
  // English languages".
  bool NamesALanguage(const Match& m) const;
  // An actor match that only qualifies an amount of money ("US $50 million", "Hong Kong
  // dollars") or a border as a location ("on the Thai border", "near the Afghan frontier").
  bool NamesACurrencyOrBorder(const Match& m) const;
  // Whether pieces [p, q] name a person (a dated actor entry, or a title before a name) and
  // the next piece is the bare country of an "of" phrase right after them: "King Hassan of
  // Morocco", "President Jacques Chirac of France". The country belongs to the person's phrase.
  bool PersonOfCountry(const std::vector<Piece>& pieces, size_t p, size_t q) const;
  // Mentions [first, last] are one coordination: bare home roles take the others' one country.
  void ShareGroupCountry(size_t first, size_t last);
  // "supporters of former President Ahmed Ben Bella", "militants loyal to Zarqawi", "forces
  // loyal to President Gbagbo": a group named by its allegiance to an actor becomes one
  // mention of the actor's country with the group's role. Rewrites mentions_, mention_of_.
  void FollowersOfLeader();
  // Document context for the mentions (context/coreference.h): descriptions, appositions,
  // short names, bare agents; rewrites mentions_ and mention_of_.
  void ApplyCoreference();
  void BuildVerbs();
  bool LooksLikeNoun(uint32_t word) const;
  bool IsCompoundHead(const Match& m, uint32_t word) const;
  bool IsReducedRelative(const Verb& v) const;
  // A discard phrase that only dates something: a year ("1988") or "... AGO/LATER/EARLIER".
  static bool IsTimeReference(const lexicon::Phrase& phrase);
  // Per verb: whether a time reference (token positions) puts it in the past (not coded).
  std::vector<bool> HistoricalVerbs(const std::vector<uint32_t>& time_refs) const;
  // A role-only object ("troops", "refugees") takes the actor named after it in its phrase.
  // The anchor is never one of the event's `sources` ("journalists were arrested in Minsk").
  void AnchorRoleTarget(uint32_t mention, const std::vector<ActorRef>& sources,
                        std::vector<ActorRef>* targets) const;
  void AnalyzeVerbGroup(Verb* v) const;
  // The first token of a trailing attribution (", officials in Nairobi said on Monday.",
  // ", according to a report by X.") that closes the sentence, or n_ when there is none.
  // The actors named there are the source of the report, never a participant in the events
  // reported before it.
  uint32_t TrailingAttributionStart() const;
  // Where the clause demanded or appealed for by verb `v` ends (its verbs are what is asked
  // for, not events): the first comma, semicolon or relative pronoun after it, else n_.
  uint32_t DemandedClauseEnd(const Verb& v) const;
  // For an agreement or intention (CAMEO 03) followed by a THAT clause of what should be done
  // ("agreed on Wednesday that their countries should cooperate"): DemandedClauseEnd, the end
  // of what is agreed; else 0.
  uint32_t AgreedClauseEnd(const Verb& v) const;
  // "refugees fleeing the war" after an earlier verb: a participle describing a noun of that
  // verb's predicate (see Run).
  bool IsNounModifyingParticiple(const Verb& v) const;
  // "a ship in the Beagle Channel, disputed by Argentina and Chile": a past participle right
  // after a comma, with no auxiliary and its agent after "by", describes the noun before the
  // comma. When that noun is a thing, not an actor, the act has no one it is done to and is no
  // event of the sentence (nor is the nearest actor to its left its subject).
  bool IsParticipleAfterThing(const Verb& v) const;
  // ", accused by Kenya of fraud", ", disputed by Argentina": a past participle right after a
  // comma, with no auxiliary, whose agent follows with "by": a passive describing the noun before
  // the comma. REQUIRES: an earlier verb of the sentence is in verbs_.
  bool IsAppositiveParticipleWithAgent(const Verb& v) const;
  // "The PKK issued a declaration demanding that ...": for a participle right after a statement
  // noun (IsStatementNoun) in the predicate of verb vi - 1, the subject mention of that verb
  // (who issued the text); kNone otherwise.
  uint32_t StatementIssuer(size_t vi) const;
  // Whether verb vi is such a participle (whoever issued the text).
  bool IsStatementParticiple(size_t vi) const;
  // CAMEO 13 (threaten) with no target: the one named in its "unless" / "if" condition.
  // "Israel threatened to ban voting in East Jerusalem if Hamas ran": a place of the source's
  // own country counts as no target (IsOwnPlaceTarget).
  uint32_t ConditionActor(const Verb& v) const;
  // The only target is a place of the source's own country ("Algerians demonstrated in
  // Algiers"): where the act happened, not whom it is aimed at (an event from an actor to
  // itself is never emitted).
  bool IsOwnPlaceTarget(const std::vector<ActorRef>& sources,
                        const std::vector<ActorRef>& targets) const;
  // CAMEO 14 (protest) with one side unnamed: a domestic protest (see the definition).
  // A curfew, state of emergency or martial law imposed, threatened or eased (CAMEO 1723, 1724,
  // 1323, 1324, 0813, 0814) with no one named it is aimed at falls on the source's own country:
  // "the interim government is prepared to impose martial law" is IRQGOV -> IRQ (its people
  // when the source is the bare country, "Iraq imposed a curfew": IRQ -> IRQPPL).
  void DomesticMeasureTarget(const std::string& code, const std::vector<ActorRef>& sources,
                             std::vector<ActorRef>* targets) const;
  void ImplicitProtestRoles(const Verb& v, const std::string& code, std::vector<ActorRef>* sources,
                            std::vector<ActorRef>* targets) const;

  uint32_t MentionAt(uint32_t token) const { return mention_of_[token]; }
  bool VerbStartsAt(uint32_t token) const { return verb_of_[token] != kNone; }
  std::vector<ActorRef> Group(uint32_t mention) const;
  // Whether a dictionary verb form starts at token t / ends just before token t.
  bool VerbFormAt(uint32_t t) const {
    for (const Match& m : matches_) {
      if (m.begin == t && m.payload.kind == EntryKind::kVerbForm) return true;
    }
    return false;
  }
  bool VerbFormEndingAt(uint32_t t) const {
    for (const Match& m : matches_) {
      if (m.end == t && m.payload.kind == EntryKind::kVerbForm) return true;
    }
    return false;
  }
  size_t GroupSize(uint32_t mention) const;
  // Whether mentions_[first..last], separated by bare commas only, are a list whose
  // coordinator comes after its last member: "to Iran, Libya, North Korea, Sudan, and with
  // strings attached, Cuba". Three members at least, so that "X, Y, and ..." (an apposition)
  // stays apart.
  bool CommaListEndsInCoordinator(size_t first, size_t last) const;
  // For such a list ending at mention `last`: the member after its coordinator and a short
  // aside between commas, when it closes the clause - "..., Sudan, and with strings attached,
  // Cuba." - else kNone.
  uint32_t LastMemberAfterAside(size_t last) const;

  // Whether `target`, found after the verb of a meeting or agreement between the members of a
  // compound subject, only says where it happens or what it is about: a place after a locative
  // ("met in Cairo"), a topic ("talks on an Israeli troop pullback", "agreed to share
  // information on missing people"), or the people it is for ("agreed to allow access for
  // people in need"). The agreement is then between the members themselves.
  bool PlaceOrTopicOfAgreement(const ActorRef& target) const;

  // Role finding. Return a mention index or kNone.
  uint32_t FindSubject(uint32_t from, bool allow_cross_verb) const;
  // The actor mention that a prepositional phrase starting at token `preposition` modifies
  // ("the military government" in "the military government of President Avril"), walking back
  // over a chain of such phrases; kNone when the phrase modifies a common noun ("The attack on
  // Kyiv").
  uint32_t ActorModifiedByPhrase(uint32_t preposition) const;
  uint32_t FindObject(uint32_t from, const Verb& v) const;
  // Whether the verb at token `e`, right after an object mention, describes that object rather
  // than starting a clause of its own: a bare past participle before a preposition ("officials
  // suspected of taking kickbacks", "rebels hidden in the hills", "troops sent to Iraq").
  bool ParticipleDescribesObject(uint32_t e) const;
  // Whether mention `m` is one demonym used as an adjective ("Israeli", "Russian"): it cannot be
  // a subject on its own, so a verb form after it is the noun it modifies ("Israeli changes",
  // "Russian demands").
  bool AdjectivalDemonym(uint32_t m) const;
  // "Rwanda, which U.N. experts have accused of backing the M23": in a relative clause that has
  // a subject of its own (between the pronoun and the verb group) and nothing after the verb
  // before a preposition, the relative pronoun is the verb's object, so the antecedent (Rwanda)
  // is the target. kNone otherwise.
  uint32_t RelativizedObject(const Verb& v) const;
  // Whether mention `m` opens a clause of its own after a subordinator ("after", "before",
  // "until", "since", "once"), as its subject: "after a special court cleared him".
  bool SubjectOfSubordinateClause(uint32_t m) const;
  uint32_t FindByAgent(const Verb& v) const;
  // The actor of an "against X" phrase in the clause after token `from`, or kNone.
  uint32_t AgainstActorAfter(uint32_t from) const;
  uint32_t DeonticClauseSubject(const Verb& v) const;
  std::optional<ActorRef> FindSpeaker(const Verb& v, uint32_t subject_begin, bool* denied) const;
  std::optional<ActorRef> ResolvePronoun(uint32_t token) const;

  // Pattern matching: on success fills the bound slots and returns true.
  struct Binding {
    uint32_t source = kNone, target = kNone;
    // TABARI: a subject pronoun the pattern's '$' matched ("- SAID $ *": "said he regretted").
    uint32_t source_pronoun = kNone;
    bool compound = false;
    uint32_t last_token = 0;  // last token a pattern word consumed (verbs there are used up)
  };
  // The code a verb takes: the first of its blocks' patterns that matches (most specific first;
  // `bind` gets its slots), else the first non-null default code of its blocks.
  struct VerbCode {
    int32_t pattern = -1;            // pattern index, -1 for a block default
    bool pattern_has_words = false;  // the pattern names words besides the verb
    uint32_t block = 0;              // the verb block the code came from
    std::string code, alt_code;
  };
  VerbCode ChooseVerbCode(const Verb& v, Binding* bind) const;
  // The first non-null default code of the verb's blocks (no pattern).
  VerbCode DefaultVerbCode(const Verb& v) const;
  // A future act ("will withdraw", "is willing to withdraw", "plans to impose") is coded as
  // its announcement (intent_code.h), unless the chosen pattern names the future itself
  // ("- WILL * [0333]": its author chose the code for the announcement).
  void AnnouncedActCode(const Verb& v, VerbCode* vc) const;
  // "plans to impose restrictions", "is ready to contribute troops": a verb coded as a bare
  // intention (030) whose infinitive complement follows takes the intent code of what is
  // intended (intent_code.h) - 137 (threaten with repression) for the restrictions, 0334 for
  // the troops - when CAMEO has one. `vi` indexes verbs_.
  void IntendedActCode(size_t vi, VerbCode* vc) const;
  // "Syria will not accept any more refugees", "will not lift the sanctions": declaring that
  // one will not do a cooperative act is a rejection (RefusalCode), an asserted event. Returns
  // whether `vc` was changed so.
  bool DeclaredRefusalCode(const Verb& v, VerbCode* vc) const;
  // "- * + IN $ [190]" on "British troops killed four Iraqis in Basra": in an active clause, a
  // '$' after the verb, right after a locative preposition, on which the pattern ends, is where
  // the act happened, not who did it ("in Israeli air strikes", a modifier, keeps its source).
  // In a passive, a violent act (CAMEO 18-20, `code`) "in" a place is no act of the place's
  // state: "three civilians were killed in a car bombing in central Baghdad" names no attacker.
  bool SourceIsPlace(const Verb& v, const Binding& bind, std::string_view code = {}) const;
  // Whether mention `m` follows a locative preposition within a few lower-case words ("in
  // central Baghdad", "near the town of Samarra").
  bool VenueAfterLocative(uint32_t m) const;
  // "The EC may halt mediation efforts if cooperation founders", "Russia will cut gas supplies
  // unless Ukraine pays": a hostile act under a modal, with an "if" / "unless" condition after
  // it, is a threat made now (its CAMEO 13 code, IntentCode), an asserted event. Returns
  // whether `vc` was changed so.
  bool ConditionalThreatCode(const Verb& v, VerbCode* vc) const;
  // Whether pattern `pattern` of verb block `block` (-1: none) spells out a negation ("- NOT *
  // [121]", or a synset with "DID N'T", "WILL NOT", ...): the code it gives is for the negated
  // words, an asserted event.
  bool PatternNamesNegation(uint32_t block, int32_t pattern) const;
  bool MatchPattern(const lexicon::CompiledPattern& p, const Verb& v, Binding* b) const;
  // `stop_at_verbs`: the element may not be found past another verb of the sentence.
  bool MatchElementForward(const lexicon::CompiledElement& e, uint32_t* pos, uint32_t limit,
                           bool stop_at_verbs, Binding* b) const;
  bool MatchElementBackward(const lexicon::CompiledElement& e, uint32_t* pos, Binding* b) const;
  // Whether pattern word `e` is the role noun that ends the actor phrase at token t, the
  // phrase starting at `pos` or after an article or number ("expelled two Russian diplomats" for
  // "- * DIPLOMATS"): the head of a country-and-role phrase is the common noun a pattern names,
  // as the bare role phrase's is ("expelled diplomats").
  bool HeadRoleWordMatches(const lexicon::CompiledElement& e, uint32_t t, uint32_t pos) const;
  bool SynsetAt(uint32_t synset, uint32_t token, uint32_t* end) const;
  // Binds mention `m` to a $ / + / % slot; false when '%' meets a single actor.
  bool BindSlot(ElementKind kind, uint32_t m, Binding* b) const;
  // TABARI: a subject pronoun at token `t` fills a '$' slot (Binding::source_pronoun).
  bool TabariPronounSlot(ElementKind kind, uint32_t t, Binding* b) const {
    if (tabari_ == nullptr || kind != ElementKind::kSource || b->source != kNone ||
        b->source_pronoun != kNone || !IsSubjectPronoun(W(t))) {
      return false;
    }
    b->source_pronoun = t;
    return true;
  }
  bool SynsetEndingAt(uint32_t synset, uint32_t token, uint32_t* begin) const;

  // `reciprocal`: the events are the reverse side of a paired code (CandidateEvent::reciprocal).
  void Emit(const Verb& v, const std::string& code, const std::vector<ActorRef>& sources,
            const std::vector<ActorRef>& targets, Modality modality,
            const std::optional<ActorRef>& speaker, int32_t pattern,
            std::vector<CandidateEvent>* out, bool reciprocal = false) const;

  const lexicon::Lexicon& lex_;
  const lexicon::DictionarySet& dict_;
  const text::Token* tok_;
  uint32_t n_;
  const lexicon::SentenceWords& words_;
  const std::vector<Match>& matches_;
  DocumentState* doc_;
  const syntax::Parser* parser_;
  ParserUse use_;
  syntax::ParsedTree* tree_;
  std::vector<std::string_view>* tags_;  // UPOS per token when tagged_
  const TabariSettings* tabari_;  // null: annal's own conventions
  bool parsed_ = false;
  bool tagged_ = false;  // tags_ holds the tagger's UPOS (set by a parse too)
  // Parser mode: the sentence passed the gate (ParseSentence).
  bool parse_wanted_ = false;
  bool tag_tried_ = false, parse_tried_ = false;
  // The span [span_begin_, span_end_) to parse and the words [tag_begin_, ...) to tag.
  uint32_t span_begin_ = 0, span_end_ = 0, tag_begin_ = 0;
  std::vector<std::string_view> tag_words_;
  std::vector<std::string_view> span_tags_;  // the tags of tag_words_ (EnsureTagged)
  // Tagged mode: tag_words_ are tagged on demand, as far as TaggedAsNonVerb asks.
  bool tag_on_demand_ = false;
  // The words it tags are window_words_, tag_words_ from window_start_ on (see
  // TaggedAsNonVerb); until a verb asks for a window of its own, tag_words_ themselves.
  syntax::Tagger::Incremental incremental_tags_;
  uint32_t window_start_ = 0;  // in tag_words_
  std::vector<std::string_view> window_words_;
  uint32_t emit_block_ = UINT32_MAX;  // the verb block whose rule coded the current verb
  // Pattern slots bind no mention that starts at or after this token (the current verb's
  // clause ends there; see TrailingAttributionStart). n_ when unrestricted.
  uint32_t roles_end_ = UINT32_MAX;
  uint32_t attribution_start_ = UINT32_MAX;  // TrailingAttributionStart() once Run computed it
  std::vector<std::vector<uint32_t>> children_;  // token -> dependents (0-based)

  bool title_case_ = false;
  std::vector<std::string> issues_;
  std::vector<uint32_t> sentence_word_ids_;  // sorted: every word id of the sentence
  // Bit id % 4096 of every sentence word id: most patterns' required words fail this test,
  // which is cheaper than bisecting sentence_word_ids_ (SAY alone has 347 patterns).
  std::array<uint64_t, 64> word_id_filter_{};
  // ChooseVerbCode's buffer: the patterns of a large block the sentence's words may match.
  mutable std::vector<uint32_t> gated_candidates_;
  bool MayHaveWord(uint32_t id) const { return (word_id_filter_[(id >> 6) & 63] >> (id & 63)) & 1; }
  std::vector<Mention> mentions_;
  // Parallel to mentions_; the SentenceCoder's buffer, reused so that its strings keep their
  // capacity from sentence to sentence.
  std::vector<context::CorefMention>& coref_;
  bool coref_applied_ = false;
  std::vector<uint32_t> mention_of_;  // token -> mention index or kNone
  std::vector<Verb> verbs_;
  std::vector<uint32_t> verb_of_;     // token -> verb index (at its form's tokens) or kNone
};

void SentenceAnalysis::ParseSentence() {
  if (parser_ == nullptr || verbs_.empty() || mentions_.empty() || doc_->text.empty()) return;
  bool trees = use_ == ParserUse::kTrees;
  // Parsing is most of the coding time in parser mode, so parse only sentences that can give
  // an event the caller keeps: with both roles required, that takes two actors - two mentions,
  // or a mention and a pronoun that resolves to an earlier one. On BBC News this leaves 61% of
  // the sentences with a verb and an actor, 66% of their tokens.
  if (trees && doc_->roles_required == 2) {
    size_t actors = mentions_.size();
    for (uint32_t i = 0; i < n_ && actors < 2; ++i) {
      if (IsSubjectPronoun(W(i))) ++actors;
    }
    if (actors < 2) return;
  }
  auto form = [&](uint32_t i) {
    return doc_->text.substr(tok_[i].begin, tok_[i].end - tok_[i].begin);
  };
  if (!trees) {
    // Tags only for what TaggedAsNonVerb asks: single-word verb forms that training saw with
    // other tags too ("campaign", "tax", "left"; not "said"), in the words from two before the
    // first such verb to two after the last (the tagger's own context). The tagging itself
    // waits for TaggedAsNonVerb: a verb that codes nothing, or whose pattern names more
    // words, costs none.
    const syntax::Tagger* tagger = parser_->tagger();
    if (tagger == nullptr) return;
    uint32_t lo = n_, hi = 0;
    for (const Verb& v : verbs_) {
      if (!MayBeNoun(v) || !parser_->MayBeOtherThanVerb(form(v.word))) continue;
      lo = std::min(lo, v.word);
      hi = std::max(hi, v.word + 1);
    }
    if (lo >= hi) return;
    tag_begin_ = lo >= 2 ? lo - 2 : 0;
    const uint32_t tag_end = std::min(n_, hi + 2);
    tag_words_.reserve(tag_end - tag_begin_);
    for (uint32_t i = tag_begin_; i < tag_end; ++i) tag_words_.push_back(form(i));
    incremental_tags_.Start(tagger, &tag_words_);
    tag_on_demand_ = true;
    return;
  }
  // Only the span the roles can come from is parsed: from the first actor mention or verb group
  // to the last, with the punctuation that ends the sentence (the parser was trained on whole
  // sentences, which end so). Leading adverbials ("On Monday, ...") and trailing clauses after
  // the last actor can attach nothing RolesFromTree reads, and on BBC News this span is about
  // 70% of the tokens of a gated sentence.
  uint32_t lo = n_, hi = 0;
  for (const Mention& m : mentions_) {
    lo = std::min(lo, m.begin);
    hi = std::max(hi, m.end);
  }
  for (const Verb& v : verbs_) {
    lo = std::min(lo, v.group_begin);
    hi = std::max(hi, v.end);
  }
  hi = std::min(hi, n_);
  if (lo >= hi) return;
  uint32_t end = hi;
  while (end < n_ && IsPunct(end)) ++end;
  if (end == n_) hi = n_;
  // The tagger looks two words either side, so the span is tagged with two more words of
  // context each way: a verb form opening the span ("Accurate figures for ...") is then tagged
  // as in the whole sentence.
  span_begin_ = lo;
  span_end_ = hi;
  tag_begin_ = lo >= 2 ? lo - 2 : 0;
  const uint32_t tag_end = std::min(n_, hi + 2);
  tag_words_.reserve(tag_end - tag_begin_);
  for (uint32_t i = tag_begin_; i < tag_end; ++i) tag_words_.push_back(form(i));
  parse_wanted_ = true;
}

void SentenceAnalysis::EnsureTagged() {
  if (!parse_wanted_ || tag_tried_) return;
  tag_tried_ = true;
  parser_->Tag(tag_words_, &span_tags_);
  if (span_tags_.size() != tag_words_.size()) return;
  tags_->assign(n_, "_");
  std::copy(span_tags_.begin(), span_tags_.end(), tags_->begin() + tag_begin_);
  tagged_ = true;
}

void SentenceAnalysis::EnsureParsed() {
  if (!parse_wanted_ || parse_tried_) return;
  parse_tried_ = true;
  EnsureTagged();
  if (!tagged_) return;
  const auto from = tag_words_.begin() + (span_begin_ - tag_begin_);
  const uint32_t m = span_end_ - span_begin_;
  std::vector<std::string_view> words(from, from + m);
  std::vector<std::string_view> tags(tags_->begin() + span_begin_, tags_->begin() + span_end_);
  parser_->ParseTree(words, tags, tree_);
  if (tree_->heads.size() != m) return;
  // Span positions to sentence positions (backwards, in place: i + span_begin_ >= i); words
  // outside the span hang from nothing and have no relation.
  tree_->heads.resize(n_);
  tree_->deprels.resize(n_);
  for (uint32_t i = m; i-- > 0;) {
    int h = tree_->heads[i];
    tree_->heads[span_begin_ + i] = h == 0 ? 0 : h + static_cast<int>(span_begin_);
    tree_->deprels[span_begin_ + i] = tree_->deprels[i];
  }
  for (uint32_t i = 0; i < n_; ++i) {
    if (i >= span_begin_ && i < span_begin_ + m) continue;
    tree_->heads[i] = 0;
    tree_->deprels[i] = "_";
  }
  children_.assign(n_, {});
  for (uint32_t i = 0; i < n_; ++i) {
    uint32_t h = Head(i);
    if (h != kNone && h < n_) children_[h].push_back(i);
  }
  parsed_ = true;
}

bool SentenceAnalysis::TreeMayHelp(const Verb& v, uint32_t bound_source) const {
  // A subject pronoun right before the verb group ("he said", "they later attacked") with no
  // actor the rules would take instead: the tree's subject is then that pronoun, which names
  // no mention, and the rules resolve it anyway. On BBC News the tree named a subject for
  // 111 of 4,092 such verbs (often a pronoun object read as the subject: "made it clear"),
  // and skipping them leaves 7.5% fewer tokens to parse, with every gold suite's scores
  // unchanged (annal eval --syntax parser, all lines).
  if (!parse_wanted_) return false;  // no tree to ask
  if (bound_source != kNone) return true;
  uint32_t k = v.group_begin;
  while (k > 0 && (IsAdverbLike(W(k - 1)) || W(k - 1) == ",")) --k;
  if (k == 0 || !IsSubjectPronoun(W(k - 1))) return true;
  return FindSubject(v.group_begin, v.infinitive) != kNone;
}

// The actor behind a tree node: the mention that contains it, else one among its modifiers
// ("thousands of demonstrators", "the government of Gondor").
// With tags, the tagger settles what the context rules of BuildVerbs guess: "a 50% tax
// band", "an online campaign", "dial-up phone connection" are nouns, not verbs. A pattern whose
// verb word the tagger calls a noun would code a noun phrase as an event.
bool SentenceAnalysis::MayBeNoun(const Verb& v) const {
  // An auxiliary, modal or negation before the word ("has hit", "will not fire"), "to" or a
  // subject pronoun ("they fire") make it a verb whatever a tagger says.
  return v.end - v.begin == 1 && v.group_begin == v.begin && !v.infinitive &&
         !(v.begin > 0 && IsSubjectPronoun(W(v.begin - 1)));
}

bool SentenceAnalysis::TaggedAsNonVerb(const Verb& v) {
  if (!MayBeNoun(v)) return false;
  // Parser mode: a form training only ever saw as a verb ("said") stays one, as in tagged
  // mode: tagging the sentence for it alone would cost a tagger pass and, on BBC News, change
  // no event.
  if (parse_wanted_ && !parser_->MayBeOtherThanVerb(doc_->text.substr(
                           tok_[v.word].begin, tok_[v.word].end - tok_[v.word].begin))) {
    return false;
  }
  std::string_view upos;
  if (tag_on_demand_) {
    const uint32_t i = v.word - tag_begin_;  // wraps for a word before the window
    if (i >= tag_words_.size()) return false;
    // The tagger reads the verb in a window from two words before it (its own context) to two
    // after the sentence's last such verb, going on with the window of a verb asked about
    // before when that has reached this one's start: about three words tagged a verb. On BBC
    // News, one window from the sentence's first such verb tags 1.8 times the words and codes
    // 8 events differently (4 more in all: "as concern grows", "the Shortlist prize", "more
    // talk from Gordon Brown", "the G7 meeting taking place" and the verbs "a return that passes
    // Roddick", "people express emotions"; not "hit presenters", "US hopes"); every eval line
    // is the same.
    const syntax::Tagger* tagger = parser_->tagger();
    const uint32_t start = i >= 2 ? i - 2 : 0;
    if (start > window_start_ + incremental_tags_.tagged()) {
      window_words_.assign(tag_words_.begin() + start, tag_words_.end());
      incremental_tags_.Start(tagger, &window_words_);
      window_start_ = start;
    }
    upos = tagger->TagName(incremental_tags_.TagAt(i - window_start_));
  } else {
    EnsureTagged();
    if (!tagged_) return false;
    upos = (*tags_)[v.word];
  }
  // Participles the tagger calls adjectives ("getting injured", "areas involved") still report
  // the act.
  if (upos == "ADJ") return !EndsWith(W(v.word), "ED") && !EndsWith(W(v.word), "EN");
  return upos == "NOUN" || upos == "PROPN" || upos == "NUM";
}

std::string_view SentenceAnalysis::CaseWord(uint32_t token) const {
  for (uint32_t c : children_[token]) {
    if (Rel(c) == "case") return W(c);
  }
  return {};
}

uint32_t SentenceAnalysis::TreeMention(uint32_t token, int depth, bool participants_only) const {
  if (token == kNone || token >= n_) return kNone;
  if (mention_of_[token] != kNone) return mention_of_[token];
  if (depth <= 0) return kNone;
  for (uint32_t c : children_[token]) {
    std::string_view r = Rel(c);
    if (r == "nmod" && participants_only) {
      std::string_view p = CaseWord(c);
      if (IsLocativePreposition(p) || p == "OVER" || p == "ABOUT" || p == "ON") continue;
    }
    if (r == "nmod" || r == "compound" || r == "flat" || r == "appos" || r == "nmod:poss" ||
        r == "amod") {
      uint32_t m = TreeMention(c, depth - 1, participants_only);
      // An adjective that only names a role ("military support", "a strict Islamic state",
      // "each prison place") describes the thing, it is no participant; a country adjective
      // ("Israeli settlements") still names one. On the gold suites this dropped one wrong
      // PETR2_GSR event, on BBC News two wrong ones, and changed nothing else.
      if (m != kNone && participants_only && r == "amod" &&
          (mentions_[m].agent_only || mentions_[m].suffix_agents_only)) {
        continue;
      }
      if (m != kNone) return m;
    }
  }
  return kNone;
}

SentenceAnalysis::TreeRoles SentenceAnalysis::RolesFromTree(const Verb& v) {
  TreeRoles roles;
  EnsureParsed();
  if (!parsed_) return roles;
  const TreeView tree(*tree_, children_);
  const uint32_t verb = v.word;
  uint32_t obl = kNone;
  for (uint32_t c : children_[verb]) {
    std::string_view r = Rel(c);
    if (r == "nsubj" && roles.subject == kNone) {
      roles.subject = TreeMention(c, 2);
    } else if (r == "nsubj:pass") {
      // The tree's passive needs a passive auxiliary or a "by" agent (or the rules' own
      // passive): EWT's parser also marks the subject of an active perfect nsubj:pass
      // ("Eriador's death and injury toll has risen in the dispute with Osgiliath", on BBC News
      // "the UN's Food & Agriculture Organisation has warned"), which would swap the roles.
      roles.passive =
          tree.HasPassiveAuxiliary(verb) || tree.HasDependent(verb, "obl:agent") || v.passive;
      if (roles.subject == kNone) roles.subject = TreeMention(c, 2);
    } else if (r == "obl:agent") {
      roles.agent = TreeMention(c, 2);
    } else if ((r == "obj" || r == "iobj") && roles.object == kNone && c > verb) {
      // The tree is preferred for objects only where English puts them: after the verb (an
      // "object" before it is a misparse, "European Community ministers agreed" with
      // "Community" as the object). Below the object, a modifier naming a topic or place does
      // not stand for it: "a veto over any settlement" is not the settlement.
      roles.object = TreeMention(c, 2, /*participants_only=*/true);
    } else if (r == "obl" && obl == kNone && c > verb && CaseWord(c) != "ACCORDING") {
      // A role word in a locative phrase is a place, not a participant ("risking years in
      // prison"); a country there stays the target ("arrived in Gondor") - unless the verb has
      // a direct object: "blocked streets in Hong Kong in defiance of Chinese authorities" acts
      // in Hong Kong (the rules then find whom it defies).
      uint32_t m = TreeMention(c, 1);
      if (m != kNone && !(IsLocativePreposition(CaseWord(c)) &&
                          (mentions_[m].agent_only || mentions_[m].suffix_agents_only ||
                           tree.HasObjectAfter(verb)))) {
        obl = m;
      }
    }
  }
  if (roles.object == kNone) roles.object = obl;
  // "donated and personally delivered $50,000 worth of goods to Baghdad University": a verb
  // with no object of its own shares the object of the verb coordinated after it, when that
  // one has no subject of its own (the same actor does both). On the gold suites this gave
  // PLOVER_GSR one more event and changed nothing else.
  if (roles.object == kNone) {
    if (uint32_t conj = tree.ObjectSharingConjunct(verb); conj != TreeView::kNoToken) {
      if (uint32_t o = tree.ObjectAfter(conj); o != TreeView::kNoToken) {
        // Only an actor: a bare role there ("assess and enforce child support payments") is
        // more often a noun the parser split off a compound than a participant.
        uint32_t m = TreeMention(o, 2, /*participants_only=*/true);
        if (m != kNone && !mentions_[m].agent_only && !mentions_[m].suffix_agents_only) {
          roles.object = m;
        }
      }
    }
  }
  // No subject of its own: a coordinated or controlled verb shares its head verb's
  // ("X condemned ... and promised", "X agreed to meet"). Not when the tree gives it a subject
  // that names no actor ("The USA helped the two exiled dissidents": "two" is the subject of
  // "exiled"), nor when an actor hangs from it before it: "Italy announced a suspension ...,
  // one day after a Serbian army jet shot down a helicopter" - the parser makes "jet" an
  // oblique of "shot" and "shot" a conj of "announced", but a verb with a participant of its
  // own before it heads a clause of its own, whatever its relation, and Italy shot nothing down.
  uint32_t k = verb;
  for (int hops = 0; roles.subject == kNone && hops < 3; ++hops) {
    if (tree.HasSubject(k)) break;
    std::string_view r = Rel(k);
    if (r != "conj" && r != "xcomp") break;
    bool own_participant = false;
    for (uint32_t d : tree.NominalDependentsBefore(k)) {
      own_participant |= TreeMention(d, 1) != kNone;
    }
    if (own_participant) break;
    k = Head(k);
    if (k == kNone) break;
    for (uint32_t c : children_[k]) {
      if (Rel(c) == "nsubj") roles.subject = TreeMention(c, 2);
    }
  }
  return roles;
}

void SentenceAnalysis::CollectIssues() {
  // An issue phrase marks the sentence unless an exclusion phrase of the same issue code
  // overlaps it ("head start" is education, "a head start" is not).
  for (const Match& m : matches_) {
    if (m.payload.kind != EntryKind::kIssue) continue;
    const auto& issue = dict_.issues[m.payload.index];
    if (issue.exclusion) continue;
    bool excluded = false;
    for (const Match& x : matches_) {
      if (x.payload.kind != EntryKind::kIssue || !dict_.issues[x.payload.index].exclusion) continue;
      if (dict_.issues[x.payload.index].code == issue.code && x.begin < m.end && m.begin < x.end) {
        excluded = true;
      }
    }
    if (!excluded && std::find(issues_.begin(), issues_.end(), issue.code) == issues_.end()) {
      issues_.push_back(issue.code);
    }
  }
}

void SentenceAnalysis::CheckTitleCase() {
  uint32_t words = 0, caps = 0;
  for (uint32_t i = 0; i < n_; ++i) {
    if (!tok_[i].has(text::kWord)) continue;
    ++words;
    if (tok_[i].has(text::kCapitalized)) ++caps;
  }
  // Headlines and all-caps wire copy: capitalisation says nothing about word class there.
  title_case_ = words >= 3 && caps * 10 >= words * 6;
}

std::string EntityFromActor(const lexicon::ActorEntry& a) {
  return a.names.empty() ? std::string() : EntityName(a.names[0]);
}

// A noun for one party of a dispute or a negotiation, named by its country: "the Turkish
// side", "the Greek and Turkish sides". No agent: it adds no role to the country.
bool IsSideNoun(std::string_view w) { return w == "SIDE" || w == "SIDES"; }

// How closely the dated codes of actor `a` place it at `day`: the length in days of the
// shortest dated (bounded) code whose range holds `day`, or INT64_MAX when none does (or there
// is no date). Namesakes share a name ("PRESIDENT BUSH" is George Bush, USAGOV 1989-93, and
// George W. Bush, USAELI 1964-2001 and USAGOV 2001-09); the one whose own term holds the
// story's date is the one meant, and a term is a closer fit than a broad elite range.
int64_t DatedFit(const lexicon::ActorEntry& a, int32_t day) {
  int64_t best = INT64_MAX;
  if (day == lexicon::kDayMin) return best;
  for (const auto& c : a.codes) {
    if (c.from_day == lexicon::kDayMin && c.to_day == lexicon::kDayMax) continue;
    if (c.from_day > day || day > c.to_day) continue;
    best = std::min(best, static_cast<int64_t>(c.to_day) - c.from_day);
  }
  return best;
}

// "official figures show", "an official visit", "official approvals": the singular OFFICIAL
// before a common noun is the adjective, not a person (annal.agents.txt's OFFICIAL [~GOV] is
// the noun: "a METI official said", "the official, speaking to ...", "election official will").
// The next word is a common noun when it is a lower-case word that is no function word or
// number, and no past tense or speech verb ("an official said", "the official warned"): many
// such nouns are verb forms too ("official contact", "an official visit").
// "Jill Biden", "Robert Rutte": a person's surname alone (an entry's one-word name that ends its
// root, "BIDEN" of JOE_BIDEN_) after a given name that starts none of the entry's names is
// another bearer of the surname, not that person. "George Bush" keeps GEORGE_W_BUSH_ (its root
// starts with GEORGE); "President Biden" has no given name.
bool SentenceAnalysis::OtherBearerOfSurname(const Match& m) const {
  // (In a headline every word is capitalised, but a given name is still one.)
  if (m.payload.kind != EntryKind::kActor || m.end != m.begin + 1 || m.begin == 0) return false;
  const uint32_t given = m.begin - 1;
  if (!tok_[given].has(text::kCapitalized) || !tok_[given].has(text::kWord) ||
      !context::IsGivenName(W(given))) {
    return false;
  }
  const lexicon::ActorEntry& a = dict_.actors[m.payload.index];
  if (a.names.empty() || a.names[0].size() < 2 || a.names[0].back().text != W(m.begin)) {
    return false;
  }
  for (const lexicon::Phrase& name : a.names) {
    if (name.size() >= 2 && name.front().text == W(given)) return false;
  }
  return true;
}

bool SentenceAnalysis::AdjectivalOfficial(const Match& m) const {
  if (m.payload.kind != EntryKind::kAgent || m.end != m.begin + 1 || m.end >= n_ || title_case_) {
    return false;
  }
  // "offering further military support to Lebanon", "promised to continue military aid to
  // Mozambique": MILITARY before a common noun is the adjective too - when no name comes before
  // it, whose forces a phrase like "Israeli military operations" would be.
  if (W(m.begin) == "MILITARY") {
    const text::Token* prev = m.begin > 0 ? &tok_[m.begin - 1] : nullptr;
    if (prev != nullptr && ((prev->has(text::kCapitalized) && !prev->has(text::kSentenceStart)) ||
                            prev->has(text::kPossessive))) {
      return false;
    }
  } else if (W(m.begin) != "OFFICIAL") {
    return false;
  }
  const uint32_t t = m.end;
  const std::string_view w = W(t);
  if (!tok_[t].has(text::kWord) || tok_[t].has(text::kCapitalized) || IsPunct(t) ||
      tok_[t].has(text::kNumber) || IsFunctionWord(w) || IsNumberWord(w)) {
    return false;
  }
  const bool predicate = VerbFormAt(t) && (EndsWith(w, "ED") || IsIrregularPast(w) ||
                                           IsSpeechVerb(w));
  if (predicate) return false;
  // "the prime minister's official spokesman": a role word after it keeps the phrase whole.
  for (const Match& other : matches_) {
    if (other.begin == t && (other.payload.kind == EntryKind::kAgent ||
                             other.payload.kind == EntryKind::kActor)) {
      return false;
    }
  }
  return true;
}

// "cancelled restrictions on the use of the Russian language", "a ban on the Kurdish language",
// "broadcasts in the Arabic and English languages": a demonym before LANGUAGE names the
// language, which is no participant (Phoenix lists the demonyms as their country). Also the
// first demonym of a pair before LANGUAGES. Not in TABARI mode, which matches actors as written.
bool SentenceAnalysis::NamesALanguage(const Match& m) const {
  if (m.payload.kind != EntryKind::kActor || tabari_ != nullptr) return false;
  auto language_at = [&](uint32_t t) {
    return t < n_ && (W(t) == "LANGUAGE" || W(t) == "LANGUAGES");
  };
  if (language_at(m.end)) return true;
  // "the Arabic and English languages": one word after the coordinator, then LANGUAGES.
  return m.end + 2 < n_ && (W(m.end) == "AND" || W(m.end) == "OR") && W(m.end + 2) == "LANGUAGES";
}

// "misusing up to US $50 million", "50 million US dollars", "the Singapore dollar": the country
// names the currency, and the amount is no participant ("US" became the target of "accused").
// "captured a stronghold on the Thai border", "fighting near the Afghan frontier": after a
// locative preposition the border is where, not who; a border acted upon ("closed the Thai
// border") keeps its country.
bool SentenceAnalysis::NamesACurrencyOrBorder(const Match& m) const {
  if (m.payload.kind != EntryKind::kActor || tabari_ != nullptr || m.end >= n_) return false;
  const std::string_view next = W(m.end);
  if (next == "$" || next == "DOLLAR" || next == "DOLLARS" || next == "CENTS") return true;
  if (next != "BORDER" && next != "BORDERS" && next != "FRONTIER") return false;
  uint32_t b = m.begin;
  while (b > 0 && (IsDeterminer(W(b - 1)) || IsAdverbLike(W(b - 1)) ||
                   (tok_[b - 1].has(text::kWord) && !tok_[b - 1].has(text::kCapitalized) &&
                    EndsWith(W(b - 1), "ERN")))) {  // "the eastern Thai border"
    --b;
  }
  if (b == 0) return false;
  const std::string_view before = W(b - 1);
  return IsLocativePreposition(before) || before == "ON" || before == "ALONG";
}

bool SentenceAnalysis::PersonOfCountry(const std::vector<Piece>& pieces, size_t p, size_t q) const {
  if (tabari_ != nullptr || q + 1 >= pieces.size() || !pieces[q].actor || !pieces[q + 1].actor) {
    return false;
  }
  // The words between: OF, or OF THE ("of the United States").
  uint32_t t = pieces[q].end;
  if (t >= n_ || W(t) != "OF") return false;
  ++t;
  if (t < n_ && W(t) == "THE") ++t;
  if (t != pieces[q + 1].begin) return false;
  // A person: the name's entry has dated codes (offices held), or a title comes before it.
  const lexicon::ActorEntry& name = dict_.actors[pieces[q].index];
  bool person = p < q && !pieces[q - 1].actor && pieces[q - 1].end == pieces[q].begin;
  for (const auto& c : name.codes) {
    person |= c.from_day != lexicon::kDayMin || c.to_day != lexicon::kDayMax;
  }
  if (!person) return false;
  // A bare country: a three-letter country code, not a body without a state (IGO, NGO ...).
  const std::string& code =
      SentenceCoder::ResolveActorCode(dict_.actors[pieces[q + 1].index], doc_->day);
  if (code.size() != 3 || !lex_.IsCountryCode(code) || code == "IGO" || code == "NGO" ||
      code == "MNC" || code == "IMG") {
    return false;
  }
  // "accused Blair of Britain's ...", "King Hassan of Morocco's government": a possessive
  // country starts a phrase of its own.
  const uint32_t after = pieces[q + 1].end;
  return after >= n_ || !tok_[after].has(text::kPossessive);
}

void SentenceAnalysis::BuildMentions() {
  // 1. Longest actor/agent match at each position, left to right, no overlaps.
  std::vector<Piece> pieces;
  uint32_t i = 0;
  size_t m = 0;
  while (i < n_) {
    while (m < matches_.size() && matches_[m].begin < i) ++m;
    const Match* best = nullptr;
    for (size_t k = m; k < matches_.size() && matches_[k].begin == i; ++k) {
      const Match& c = matches_[k];
      if (c.payload.kind != EntryKind::kActor && c.payload.kind != EntryKind::kAgent) continue;
      // TABARI matches actors whatever their case.
      if (c.payload.kind == EntryKind::kActor && !title_case_ && tabari_ == nullptr) {
        // Actors are names: at least one capitalised token (or a number, an acronym). This
        // keeps "chad" or "turkey" in running text from becoming countries.
        bool named = false;
        for (uint32_t t = c.begin; t < c.end; ++t) {
          if (tok_[t].has(text::kCapitalized) || !tok_[t].has(text::kWord)) named = true;
        }
        if (!named) continue;
      }
      const bool same_span_actors = best != nullptr && c.end == best->end &&
                                    c.payload.kind == EntryKind::kActor &&
                                    best->payload.kind == EntryKind::kActor;
      if (best == nullptr || c.end > best->end ||
          (c.end == best->end && c.payload.kind == EntryKind::kActor &&
           best->payload.kind == EntryKind::kAgent)) {
        best = &c;
      } else if (same_span_actors && dict_.actors[best->payload.index].codes.empty() &&
                 !dict_.actors[c.payload.index].codes.empty()) {
        // A code-less entry blocks a shorter match on purpose ("ethnic Albanians" is no
        // Albania), but not an entry of the same words that has a code: Phoenix also lists
        // "U.N." bare (a stray root line after "UN_ [IGOUNO]") before its IGOUNO entry, and
        // the bare one, read first, made every "U.N." nobody.
        best = &c;
      } else if (c.end == best->end && c.payload.kind == EntryKind::kActor &&
                 best->payload.kind == EntryKind::kActor &&
                 DatedFit(dict_.actors[c.payload.index], doc_->day) <
                     DatedFit(dict_.actors[best->payload.index], doc_->day)) {
        // Entries that share the name: the one whose dated code fits the story's date best
        // (DatedFit); otherwise the first (OrderNamesakesByRecency put the recent person there).
        best = &c;
      }
    }
    if (best != nullptr && (AdjectivalOfficial(*best) || OtherBearerOfSurname(*best) ||
                            NamesALanguage(*best) || NamesACurrencyOrBorder(*best))) {
      best = nullptr;
    }
    if (best != nullptr) {
      pieces.push_back({best->begin, best->end, best->payload.kind == EntryKind::kActor,
                        best->payload.index});
      i = best->end;
    } else {
      ++i;
    }
  }

  // 2. Compose pieces into noun phrases.
  mention_of_.assign(n_, kNone);
  size_t p = 0;
  while (p < pieces.size()) {
    size_t q = p;
    size_t home_country = SIZE_MAX;  // the piece of a "<person> of <country>" (PersonOfCountry)
    size_t settler_place = SIZE_MAX;  // the first piece of a settlers' "in <place>"
    // Extend while the next piece attaches to this noun phrase.
    while (q + 1 < pieces.size()) {
      if (home_country == SIZE_MAX && PersonOfCountry(pieces, p, q)) {
        home_country = ++q;
        break;
      }
      uint32_t gap_begin = pieces[q].end, gap_end = pieces[q + 1].begin;
      bool attach = true;
      bool saw_of = false;
      for (uint32_t t = gap_begin; t < gap_end && attach; ++t) {
        std::string_view w = W(t);
        if (tok_[t].has(text::kPossessive) || w == "THE" || IsActorModifier(w)) continue;
        if ((w == "OF" || w == "IN" || w == "FROM") && !saw_of) {
          // "ambassadors of Arnor", "officials in Kabul": an agent head with a country.
          saw_of = true;
          bool agent_head = true;
          for (size_t r = p; r <= q; ++r) agent_head &= !pieces[r].actor;
          // "withdrew its troops from Lebanon", "their embassy in Tehran": a possessive says
          // whose the role is; the place after it is not its country.
          uint32_t before = pieces[p].begin;
          while (before > 0 && IsActorModifier(W(before - 1)) && W(before - 1) != "ITS") --before;
          std::string_view owner = before > 0 ? W(before - 1) : std::string_view();
          bool owned = owner == "ITS" || owner == "THEIR" || owner == "HIS" || owner == "HER";
          attach = agent_head && pieces[q + 1].actor && !owned;
          // "Jewish settlers in the West Bank": settlers live where they are not from; the
          // place after IN belongs to the phrase but is no country of theirs.
          for (uint32_t s = pieces[p].begin; s < pieces[q].end && attach && w == "IN"; ++s) {
            if (W(s) == "SETTLER" || W(s) == "SETTLERS") settler_place = q + 1;
          }
          continue;
        }
        if (tok_[t].has(text::kCapitalized) && !tok_[t].has(text::kSentenceStart) &&
            !title_case_ && tok_[t].has(text::kWord) && !IsPunct(t)) {
          continue;  // an unknown name inside the phrase: "Prime Minister Falastur"
        }
        // "Irish nationalist guerrillas", "Afghan rebel leaders": one modifier word between a
        // country and a role word belongs to the phrase.
        if (gap_end - gap_begin == 1 && pieces[q].actor && !pieces[q + 1].actor &&
            !title_case_ && tok_[t].has(text::kWord) && !tok_[t].has(text::kCapitalized) &&
            !tok_[t].has(text::kNumber) && !IsNumberWord(w) && !IsFunctionWord(w) &&
            !VerbFormAt(t)) {
          continue;
        }
        attach = false;
      }
      if (!attach) break;
      ++q;
    }
    Mention mention;
    mention.begin = pieces[p].begin;
    mention.end = pieces[q].end;
    // Absorb trailing unknown capitalised name words ("Foreign Minister Falastur").
    while (mention.end < n_ && !title_case_ && tok_[mention.end].has(text::kCapitalized) &&
           tok_[mention.end].has(text::kWord) && mention_of_[mention.end] == kNone &&
           lex_.dict().verbs.size() > 0) {
      bool next_is_piece = q + 1 < pieces.size() && pieces[q + 1].begin == mention.end;
      if (next_is_piece) break;
      ++mention.end;
      mention.unknown_name = true;
    }
    // "The Turkish and Greek sides of the divided island of Cyprus have agreed": a country
    // named alone before a "side" noun (IsSideNoun) is that country's side, and an "of"
    // phrase after the noun says where the sides are - its place is no participant, and the
    // side is still the subject of the verb after it.
    size_t last_piece = q;
    if (p == q && pieces[p].actor && !title_case_ && mention.end + 1 < n_ &&
        IsSideNoun(W(mention.end))) {
      ++mention.end;
      if (W(mention.end) == "OF") {
        // The place phrase: "of the divided Mediterranean island of Cyprus" - its actors
        // (Mediterranean, Cyprus) up to the last one within reach, before any punctuation,
        // verb (a participle after a determiner is an adjective: "the divided island") or
        // role word.
        constexpr uint32_t kPlaceReach = 7;
        const uint32_t reach_end = std::min(n_, mention.end + 1 + kPlaceReach);
        for (uint32_t t = mention.end + 1; t < reach_end; ++t) {
          if (IsPunct(t) || (VerbFormAt(t) && !IsDeterminer(W(t - 1)))) break;
          if (last_piece + 1 < pieces.size() && pieces[last_piece + 1].begin == t) {
            if (!pieces[last_piece + 1].actor) break;
            ++last_piece;
            mention.end = pieces[last_piece].end;
            t = mention.end - 1;
          }
        }
      }
    }
    // A one-word agent that is a title modifier ("deputy" is a COP agent: a deputy sheriff)
    // inside a longer phrase only qualifies it: "deputy head of Russian military
    // intelligence" is MILSPY, "deputy foreign minister" GOV.
    auto modifier_piece = [&](size_t r) {
      return !pieces[r].actor && p < q && pieces[r].end == pieces[r].begin + 1 &&
             IsActorModifier(W(pieces[r].begin));
    };
    // Leading modifiers belong to the phrase text ("senior official"), determiners do not.
    while (mention.begin > 0 && IsActorModifier(W(mention.begin - 1))) --mention.begin;

    // Compose the code. Candidates: the first actor with the phrase's agents ("Ithilen's
    // minister Calimehtar" -> ITH + GOV), and the most specific actor on its own (a person's
    // own code, "Sergei Lavrov" -> RUSGOV); the second wins only when strictly more specific.
    const lexicon::ActorEntry* first = nullptr;
    const lexicon::ActorEntry* specific = nullptr;
    std::string first_code, specific_code;
    std::vector<const lexicon::AgentEntry*> agents;
    bool agent_before_actor = false;
    for (size_t r = p; r <= q; ++r) {
      if (r == home_country || r >= settler_place) continue;
      if (pieces[r].actor) {
        const auto& a = dict_.actors[pieces[r].index];
        const std::string& code = SentenceCoder::ResolveActorCode(a, doc_->day);
        if (code.empty()) continue;
        if (first == nullptr) {
          first = &a;
          first_code = code;
        }
        if (specific == nullptr || code.size() >= specific_code.size()) {
          specific = &a;
          specific_code = code;
        }
      } else if (!modifier_piece(r)) {
        agents.push_back(&dict_.agents[pieces[r].index]);
        if (first == nullptr) agent_before_actor = true;
      }
    }
    if (first != nullptr) {
      std::string composed = ComposeCode(first_code, agents);
      bool use_specific = specific_code.size() > composed.size();
      mention.actor.code = use_specific ? specific_code : composed;
      mention.root_code = first_code;
      // The entity is the most specific actor named whenever its own code says as much as the
      // composition: "Russian Foreign Minister Sergei Lavrov" is Sergei Lavrov, not Russia.
      mention.entry = specific_code.size() >= composed.size() ? specific : first;
      mention.actor.entity = EntityFromActor(*mention.entry);
      // No agent placed before the actor's code ("[IGO~]": IGOBGD) changed its head.
      auto same_head = [&](const std::string& c) {
        return c.size() >= 3 && mention.actor.code.compare(0, 3, c, 0, 3) == 0;
      };
      mention.actor.actor_country = same_head(first_code) || same_head(specific_code);
      if (home_country != SIZE_MAX) {
        // "King Hassan of Morocco": the country the text names is the person's. A dictionary
        // person of another country is a namesake (Phoenix's HASSAN is Jordan's prince): the
        // phrase is coded from the named country and its own titles, without the namesake's.
        const std::string& country =
            SentenceCoder::ResolveActorCode(dict_.actors[pieces[home_country].index], doc_->day);
        if (mention.actor.code.compare(0, 3, country) != 0) {
          mention.actor.code = ComposeCode(country, agents);
          mention.root_code = country;
          mention.actor.entity.clear();
          mention.actor.actor_country = same_head(country);
        }
      }
      mention.bare_actor = agents.empty();
      mention.agents = agents;
      if (agent_before_actor && p < q && pieces[q].actor) mention.head_agents = agents;
    } else if (!agents.empty() && (tabari_ == nullptr || tabari_->convert_agent)) {
      // Agent only ("police", "the government"): roles without a country. (TABARI codes
      // no actor from an agent alone, unless CONVERT AGENT makes it "~" + its agent codes.)
      mention.agent_only = true;
      mention.agents = agents;
      std::string code = tabari_ != nullptr ? "~" : "";
      for (const auto* a : agents) {
        if (code.find(a->code) == std::string::npos) code += a->code;
      }
      mention.actor.code = code;
      mention.root_code = code;
      mention.suffix_agents_only = std::all_of(agents.begin(), agents.end(),
                                       [](const lexicon::AgentEntry* a) { return a->suffix; });
      // "Jewish settlers" (Phoenix: JEWISH [~JEW], SETTLER [~CVL]) in the territories Israel
      // occupies are Israel's civilians (PLOVER codes them ISR CVL).
      bool jewish = false, settler = false;
      for (uint32_t t = mention.begin; t < mention.end && tabari_ == nullptr; ++t) {
        jewish |= W(t) == "JEWISH";
        settler |= W(t) == "SETTLER" || W(t) == "SETTLERS";
      }
      if (jewish && settler) {
        mention.actor.code = "ISR" + code;
        mention.root_code = "ISR";
        mention.actor.actor_country = true;
        mention.agent_only = false;
        mention.suffix_agents_only = false;
      }
    }
    if (!mention.actor.code.empty() && mention.actor.code != "---") {
      mention.actor.begin = mention.begin;
      mention.actor.end = mention.end;
      uint32_t idx = static_cast<uint32_t>(mentions_.size());
      for (uint32_t t = mention.begin; t < mention.end; ++t) mention_of_[t] = idx;
      mentions_.push_back(std::move(mention));
    }
    p = last_piece + 1;
  }
  FollowersOfLeader();
  ApplyCoreference();

  // 3. Coordination groups: mentions separated only by "and", "or", commas and "the".
  // TABARI also reads "neither X nor Y" as a compound actor.
  auto coordinator = [&](std::string_view w) {
    return IsCoordinator(w) || (tabari_ != nullptr && w == "NOR");
  };
  int next_group = 0;
  for (size_t k = 0; k < mentions_.size(); ++k) {
    if (mentions_[k].group >= 0) continue;
    mentions_[k].group = next_group;
    size_t last = k;
    for (size_t r = k + 1; r < mentions_.size(); ++r) {
      bool joined = true, saw_joiner = false;
      for (uint32_t t = mentions_[last].end; t < mentions_[r].begin && joined; ++t) {
        std::string_view w = W(t);
        if (coordinator(w) || w == ",") {
          saw_joiner = true;
        } else if (w != "THE" && w != "BOTH" &&
                   !(saw_joiner && tok_[t].has(text::kWord) && !tok_[t].has(text::kCapitalized) &&
                     verb_of_.empty() && !IsPreposition(w) && !IsClauseOpener(w) &&
                     // "close its embassy and would expel Ukrainian diplomats": a verb group
                     // after the joiner starts a new predicate, not an adjective of the actor.
                     !VerbFormAt(t) && !IsFutureModal(w) && !IsHypotheticalModal(w) &&
                     !IsBeAuxiliary(w) && !IsHaveAuxiliary(w) && !IsDoAuxiliary(w) &&
                     // "and suspended aid to the country": a description is no list member
                     mentions_[r].actor.resolution == context::Resolution::kNone) &&
                   // "Laurent Fabius and a group of deputies", "X and dozens of students": a
                   // quantity of the next member, not a phrase of its own.
                   !(saw_joiner && w == "OF" && t > mentions_[last].end &&
                     IsQuantityNoun(W(t - 1)))) {
          // Adjectives may sit between the joiner and the next actor ("and the awful Gondor").
          joined = false;
        }
      }
      if (!joined || !saw_joiner) break;
      // "arrested journalists and the army detained activists": an object, then the subject of
      // a new clause - not one compound actor.
      if (VerbFormAt(mentions_[r].end) && k > 0 && mentions_[k].begin > 0) {
        uint32_t before = mentions_[k].begin;
        while (before > 0 && IsDeterminer(W(before - 1))) --before;
        if (before > 0 && VerbFormEndingAt(before)) break;
      }
      // "X, Y said": a comma alone before a mention that is followed by a verb is a new
      // clause, not a list. Require "and"/"or" somewhere in the list.
      mentions_[r].group = next_group;
      last = r;
    }
    // A list must contain a coordinator; otherwise undo (appositions use commas too).
    bool has_coordinator = false;
    for (uint32_t t = mentions_[k].end; t < mentions_[last].begin; ++t) {
      if (coordinator(W(t))) has_coordinator = true;
    }
    if (!has_coordinator && !CommaListEndsInCoordinator(k, last)) {
      for (size_t r = k + 1; r <= last; ++r) mentions_[r].group = -1;
      last = k;
    } else if (!has_coordinator) {
      if (uint32_t r = LastMemberAfterAside(last); r != kNone) {
        mentions_[r].group = next_group;
        last = r;
      }
    }
    // "US and British activists": adjectival actors before "and" share the last member's agents.
    if (last > k && mentions_[last].head_agents.empty() && !mentions_[last].agents.empty()) {
      for (size_t r = k; r < last; ++r) {
        const Mention& m = mentions_[r];
        std::string_view w = W(m.end - 1);
        bool adjectival = m.bare_actor && m.end - m.begin == 1 &&
                          (EndsWith(w, "AN") || EndsWith(w, "ESE") || EndsWith(w, "ISH") ||
                           EndsWith(w, "I") || tok_[m.begin].has(text::kAllCaps) ||
                           tok_[m.begin].has(text::kAbbreviation));
        if (adjectival) {
          mentions_[r].actor.code = ComposeCode(m.actor.code, mentions_[last].agents);
        }
      }
    }
    // "The ambassadors of Arnor, Osgiliath and Gondor": the head's agents apply to every actor
    // of the list, not just the first.
    // (Not in TABARI: "the agent AMBASSADORS is not carried through to the other actors".)
    if (!mentions_[k].head_agents.empty() && tabari_ == nullptr) {
      for (size_t r = k + 1; r <= last; ++r) {
        if (mentions_[r].bare_actor) {
          mentions_[r].actor.code = ComposeCode(mentions_[r].actor.code, mentions_[k].head_agents);
        }
      }
    }
    ShareGroupCountry(k, last);
    ++next_group;
  }
  for (size_t k = 0; k < mentions_.size(); ++k) coref_[k].code = mentions_[k].actor.code;
}

// "French National Assembly president Laurent Fabius and a group of deputies", "Israeli soldiers
// and police": a bare home role (police, opposition, students, workers, media, judges,
// parliament) listed with actors that all have one country is of that country. Not armed roles
// or the government, which a list names beside a foreign party as often as beside its own
// ("US troops and insurgents"); and nothing when the members' countries differ.
void SentenceAnalysis::ShareGroupCountry(size_t first, size_t last) {
  if (last <= first || tabari_ != nullptr) return;
  std::string_view country;
  for (size_t r = first; r <= last; ++r) {
    const Mention& m = mentions_[r];
    if (m.agent_only || m.actor.code.size() < 3) continue;
    std::string_view head = std::string_view(m.actor.code).substr(0, 3);
    // Three-letter actor codes that name no state: bodies (IGO, NGO, IMG, MNC), the media
    // (MED: "BBC"), elites and religions (ELI, MOS, SUN, BAH).
    static constexpr std::array<std::string_view, 9> kNoState = {
        "IGO", "NGO", "IMG", "MNC", "MED", "ELI", "MOS", "SUN", "BAH"};
    if (std::find(kNoState.begin(), kNoState.end(), head) != kNoState.end() ||
        !lex_.IsCountryCode(head) || m.actor.resolution != context::Resolution::kNone) {
      return;
    }
    if (!country.empty() && head != country) return;
    country = head;
  }
  if (country.empty()) return;
  const std::string prefix(country);
  for (size_t r = first; r <= last; ++r) {
    Mention& m = mentions_[r];
    if (!m.agent_only || !m.suffix_agents_only || m.actor.code.size() < 3 ||
        m.actor.resolution != context::Resolution::kNone ||
        !IsHomeRole(std::string_view(m.actor.code).substr(0, 3))) {
      continue;
    }
    m.actor.code = prefix + m.actor.code;
    m.agent_only = false;
    m.suffix_agents_only = false;
  }
}

namespace {

// Plural nouns of people who back an actor without arms ("supporters of", "followers of"). Not
// the singular: "he became a leading supporter of Nixon" says what one person is.
bool IsSupporterNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 6> kNouns = {"SUPPORTERS", "FOLLOWERS", "LOYALISTS",
                                                             "PARTISANS",  "ADHERENTS", "BACKERS"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

// Nouns of an armed group outside a state's forces ("militants loyal to").
bool IsIrregularFighterNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kNouns = {
      "MILITANTS", "GUNMEN",     "FIGHTERS",  "MILITIAMEN", "MILITIA",
      "MILITIAS",  "GUERRILLAS", "GUERILLAS", "REBELS",     "INSURGENTS"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

// Nouns of regular armed forces ("forces loyal to", "troops loyal to").
bool IsForcesNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 6> kNouns = {"FORCES", "TROOPS", "SOLDIERS",
                                                             "UNITS",  "ARMY",   "GUARDS"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

// Whether an actor code carries a role chunk (three letters at a multiple of three after the
// country): "DZAOPP" has OPP.
bool HasRoleChunk(std::string_view code, std::string_view role) {
  for (size_t i = 3; i + 3 <= code.size(); i += 3) {
    if (code.substr(i, 3) == role) return true;
  }
  return false;
}

}  // namespace

void SentenceAnalysis::FollowersOfLeader() {
  if (tabari_ != nullptr || title_case_) return;
  for (size_t k = 0; k < mentions_.size(); ++k) {
    const Mention& leader = mentions_[k];
    const std::string& code = leader.actor.code;
    // The leader: an actor of a state with a role, not a bare country alone ("supporters of
    // Iraq" are no group of Iraq's); a country that starts a longer phrase is the leader's
    // ("loyal to Afghan warlord Gulbuddin Hekmatyar", "loyal to Iraq's Al-Qaeda frontman").
    if (leader.agent_only) continue;
    // Its country: the code's, else the first actor's the phrase names ("Iraq's Al-Qaeda" is
    // coded as Al-Qaeda, IMGMUSALQ, and is Iraq's).
    auto state = [&](std::string_view c) {
      return c.size() >= 3 && lex_.IsCountryCode(c.substr(0, 3)) && c.substr(0, 3) != "IGO" &&
             c.substr(0, 3) != "NGO" && c.substr(0, 3) != "IMG" && c.substr(0, 3) != "MNC";
    };
    if (!state(code) && !state(leader.root_code)) continue;
    const std::string country = state(code) ? code.substr(0, 3) : leader.root_code.substr(0, 3);
    uint32_t t = leader.begin;
    if (t > 0 && W(t - 1) == "THE") --t;
    const bool loyal = t >= 3 && W(t - 1) == "TO" && W(t - 2) == "LOYAL";
    const bool of = !loyal && t >= 2 && W(t - 1) == "OF";
    if (!loyal && !of) continue;
    const uint32_t head = loyal ? t - 3 : t - 2;
    const std::string_view h = W(head);
    // The leader's phrase runs on over the mentions that a few plain words join to it ("Iraq's
    // Al-Qaeda frontman Abu Musab al-Zarqawi"), not over punctuation, verbs or function words.
    size_t last = k;
    while (last + 1 < mentions_.size()) {
      const uint32_t gap_begin = mentions_[last].end, gap_end = mentions_[last + 1].begin;
      bool joined = gap_end - gap_begin <= 2;
      for (uint32_t g = gap_begin; g < gap_end && joined; ++g) {
        joined = tok_[g].has(text::kWord) && !IsPunct(g) && !VerbFormAt(g) &&
                 !IsFunctionWord(W(g)) && !IsCoordinator(W(g));
      }
      if (!joined) break;
      ++last;
    }
    if (code.size() < 6 && last == k) continue;
    // A leader out of office, or in opposition or rebellion, makes a group that opposes.
    auto out_of_office = [](std::string_view w) {
      return w == "FORMER" || w == "OUSTED" || w == "DEPOSED" || w == "EXILED" || w == "JAILED";
    };
    const bool former =
        out_of_office(W(leader.begin)) || (leader.begin > 0 && out_of_office(W(leader.begin - 1)));
    bool opposing = former;
    for (size_t r = k; r <= last; ++r) {
      const std::string& c = mentions_[r].actor.code;
      opposing |= HasRoleChunk(c, "OPP") || HasRoleChunk(c, "REB") || HasRoleChunk(c, "INS") ||
                  HasRoleChunk(c, "UAF");
    }
    std::string role;
    if (IsSupporterNoun(h)) {
      // CAMEO: backers of a leader out of power are the opposition (PLOVER's "supporters of
      // former President Ahmed Ben Bella" are DZA OPP); of one in power, civilians.
      role = opposing ? "OPP" : "CVL";
    } else if (loyal && IsIrregularFighterNoun(h)) {
      role = "REB";  // "militants loyal to Iraq's Al-Qaeda frontman": IRQ REB
    } else if (loyal && IsForcesNoun(h)) {
      role = opposing ? "REB" : "MIL";  // a state's forces, or a faction's in arms
    } else {
      continue;
    }
    // The group's phrase: the head's own mention when it is a bare role ("militants",
    // "forces"), else from the head word (with the determiners and numbers before it).
    uint32_t begin = head;
    const uint32_t own = mention_of_[head];
    if (own != kNone) {
      if (!mentions_[own].agent_only || mentions_[own].end != head + 1) continue;
      begin = mentions_[own].begin;
    }
    Mention group;
    group.begin = group.actor.begin = begin;
    group.end = group.actor.end = mentions_[last].end;
    group.actor.code = country + role;
    group.actor.actor_country = true;
    group.root_code = country;
    const size_t first_replaced = own != kNone ? own : k;
    mentions_.erase(mentions_.begin() + first_replaced, mentions_.begin() + last + 1);
    mentions_.insert(mentions_.begin() + first_replaced, std::move(group));
    k = first_replaced;
    mention_of_.assign(n_, kNone);
    for (size_t r = 0; r < mentions_.size(); ++r) {
      for (uint32_t t = mentions_[r].begin; t < mentions_[r].end; ++t) {
        mention_of_[t] = static_cast<uint32_t>(r);
      }
    }
  }
}

void SentenceAnalysis::ApplyCoreference() {
  coref_applied_ = true;
  coref_.resize(mentions_.size());
  for (size_t k = 0; k < mentions_.size(); ++k) {
    const Mention& m = mentions_[k];
    context::CorefMention& c = coref_[k];
    c.begin = m.begin;
    c.end = m.end;
    c.code = m.actor.code;
    c.entity = m.actor.entity;
    c.country.clear();
    if (c.code.size() >= 3 && c.code.compare(0, 3, "IGO") != 0 &&
        lex_.IsCountryCode(std::string_view(c.code).substr(0, 3))) {
      c.country.assign(c.code, 0, 3);
    }
    c.bare_actor = m.bare_actor;
    c.person_entry = false;
    c.kind = context::EntityKind::kOrganisation;
    c.resolution = context::Resolution::kNone;
    c.subject = false;
    if (m.entry != nullptr && !m.entry->names.empty()) {
      bool dated = false;
      for (const auto& dc : m.entry->codes) {
        dated |= dc.from_day != lexicon::kDayMin || dc.to_day != lexicon::kDayMax;
      }
      c.person_entry = context::LooksLikePersonEntry(m.entry->names[0].size(), dated);
    }
    c.agent_only = m.suffix_agents_only;
    c.unknown_name = m.unknown_name;
    c.id = static_cast<uint32_t>(k);
  }
  doc_->coref.ResolveSentence(tok_, n_, doc_->text, &coref_);
  bool changed = coref_.size() != mentions_.size();
  for (size_t k = 0; !changed && k < coref_.size(); ++k) {
    const context::CorefMention& c = coref_[k];
    const Mention& m = mentions_[k];
    changed = c.id != k || c.begin != m.begin || c.end != m.end || c.code != m.actor.code ||
              c.entity != m.actor.entity;
  }
  if (!changed) return;  // most sentences: nothing to rewrite
  std::vector<Mention> resolved;
  resolved.reserve(coref_.size());
  for (const auto& c : coref_) {
    Mention m = c.id < mentions_.size() ? std::move(mentions_[c.id]) : Mention();
    if (c.id >= mentions_.size()) m.bare_actor = true;  // a name or description: no agents
    m.begin = m.actor.begin = c.begin;
    m.end = m.actor.end = c.end;
    if (c.code != m.actor.code) m.actor.actor_country = false;  // a code from context
    m.actor.code = c.code;
    m.actor.entity = c.entity;
    m.actor.resolution = c.resolution;
    // A role phrase coreference gave an actor ("the ministry" -> RUSGOV) is a role phrase no
    // more; "its troops" stays one (the owner's own forces, see FindObject).
    if (m.suffix_agents_only && !c.agent_only && c.resolution != context::Resolution::kPronoun) {
      m.agent_only = false;
    }
    m.suffix_agents_only = c.agent_only;
    resolved.push_back(std::move(m));
  }
  mentions_ = std::move(resolved);
  mention_of_.assign(n_, kNone);
  for (size_t k = 0; k < mentions_.size(); ++k) {
    coref_[k].id = static_cast<uint32_t>(k);
    for (uint32_t t = mentions_[k].begin; t < mentions_[k].end; ++t) {
      mention_of_[t] = static_cast<uint32_t>(k);
    }
  }
}

std::vector<ActorRef> SentenceAnalysis::Group(uint32_t mention) const {
  std::vector<ActorRef> out;
  int g = mentions_[mention].group;
  for (const auto& m : mentions_) {
    if (m.group != g) continue;
    // "rioted at a jail in Israel, police sources said": no member from a trailing attribution.
    if (m.begin >= roles_end_ && mentions_[mention].begin < roles_end_) continue;
    // A dictionary code "FRO/BIL/SAM" names several actors at once ("the Shire").
    std::string_view code = m.actor.code;
    size_t start = 0;
    while (true) {
      size_t slash = code.find('/', start);
      ActorRef r = m.actor;
      r.code = std::string(code.substr(start, slash == std::string_view::npos ? slash : slash - start));
      if (!r.code.empty()) out.push_back(std::move(r));
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
  }
  return out;
}

bool SentenceAnalysis::CommaListEndsInCoordinator(size_t first, size_t last) const {
  if (last < first + 2) return false;
  // Bare commas only: "local people, rather than officials, run hospitals and ..." is no list.
  for (size_t r = first; r < last; ++r) {
    for (uint32_t t = mentions_[r].end; t < mentions_[r + 1].begin; ++t) {
      if (W(t) != "," && W(t) != "THE") return false;
    }
  }
  uint32_t t = mentions_[last].end;
  if (t < n_ && W(t) == ",") ++t;
  return t < n_ && IsCoordinator(W(t));
}

uint32_t SentenceAnalysis::LastMemberAfterAside(size_t last) const {
  if (last + 1 >= mentions_.size()) return kNone;
  uint32_t t = mentions_[last].end;
  if (t < n_ && W(t) == ",") ++t;
  if (t >= n_ || !IsCoordinator(W(t))) return kNone;
  ++t;
  // The aside: a few words, no actor and no clause of its own, closed by a comma.
  constexpr uint32_t kAsideWords = 6;
  const uint32_t aside = t;
  while (t < n_ && t < aside + kAsideWords && W(t) != "," && mention_of_[t] == kNone &&
         !IsPunct(t) && !IsSubjectPronoun(W(t)) && !IsClauseOpener(W(t))) {
    ++t;
  }
  if (t == aside || t + 1 >= n_ || W(t) != ",") return kNone;
  const uint32_t r = mention_of_[t + 1];
  if (r == kNone || r != last + 1 || mentions_[r].begin != t + 1) return kNone;
  // The member closes the clause: the sentence's end or its final punctuation.
  const uint32_t e = mentions_[r].end;
  if (e < n_ && !(IsPunct(e) && (W(e) == "." || W(e) == ";" || W(e) == "!" || W(e) == "?"))) {
    return kNone;
  }
  return r;
}

size_t SentenceAnalysis::GroupSize(uint32_t mention) const {
  size_t n = 0;
  for (const auto& m : mentions_) n += m.group == mentions_[mention].group ? 1 : 0;
  return n;
}

bool SentenceAnalysis::LooksLikeNoun(uint32_t word) const {
  std::string_view w = W(word);
  std::string_view prev = word > 0 ? W(word - 1) : std::string_view();
  if (tabari_ != nullptr) {
    // "Estonia donate's cash": a word with a possessive is a noun for TABARI.
    if (word + 1 < n_ && tok_[word + 1].has(text::kPossessive)) return true;
    return TabariLooksLikeNoun(tok_, word);
  }
  if (prev == "TO") {
    // "an end to fighting", "a halt to shelling": after these nouns TO is a preposition and
    // the -ING word names the activity; it is no act of the sentence's subject.
    if (word > 1 && EndsWith(w, "ING")) {
      std::string_view noun = W(word - 2);
      if (noun == "END" || noun == "HALT" || noun == "STOP") return true;
    }
    return false;
  }
  if (word > 0) {
    if (IsDeterminer(prev) || tok_[word - 1].has(text::kPossessive) ||
        tok_[word - 1].has(text::kNumber)) {
      return true;
    }
    if (IsPreposition(prev) && !EndsWith(w, "ING")) return true;
    // "new air defence systems", "fresh strikes", "the latest attack": adjectives that only
    // stand before a noun (unlike "many" or "further", which can come before a verb). Not a
    // past tense: in "the former aimed at ..." the adjective is a pronoun.
    static constexpr std::string_view kNounOnlyAdjectives[] = {
        "NEW", "FRESH", "RECENT", "LATEST", "FORMER", "MAJOR", "VARIOUS"};
    for (std::string_view a : kNounOnlyAdjectives) {
      if (prev == a && !EndsWith(w, "ED")) return true;
    }
    // "a peace-keeping force", "law-abiding citizens": a hyphenated -ING word is an adjective.
    if (EndsWith(prev, "ING") && prev.find('-') != std::string_view::npos) return true;
    // "a border dispute", "the arms embargo": a determiner and one plain singular noun before
    // a base form. After a singular subject a finite verb carries -S or a past form ("the army
    // attacks", "the army attacked"), and a plural subject ends in -S itself.
    if (word > 1 &&
        (W(word - 2) == "A" || W(word - 2) == "AN" || W(word - 2) == "THE" ||
         W(word - 2) == "ALL" || W(word - 2) == "ANY" || W(word - 2) == "EVERY" ||
         W(word - 2) == "EACH") &&
        mention_of_[word - 1] == kNone && tok_[word - 1].has(text::kWord) &&
        !tok_[word - 1].has(text::kCapitalized) && !IsFunctionWord(prev) &&
        !IsAdverbLike(prev) && !EndsWith(prev, "S") && !EndsWith(prev, "ED") &&
        !EndsWith(prev, "ING") && !EndsWith(w, "S") && !EndsWith(w, "ED") &&
        !EndsWith(w, "ING") && !IsIrregularPast(w) && !IsSpeechVerb(w) &&
        !VerbFormEndingAt(word)) {
      return true;
    }
  }
  if (!title_case_ && tok_[word].has(text::kCapitalized) && !tok_[word].has(text::kSentenceStart)) {
    return true;
  }
  // "rejected proposed Israeli changes", "condemned alleged Serbian atrocities": a participle
  // right after a verb and right before an actor modifies the noun the actor begins; two verbs
  // in a row with no auxiliary between them are no verb group.
  // (Not after an -ING word: in "online training helped people" the -ING word is the noun.)
  if (word > 0 && word + 1 < n_ && EndsWith(w, "ED") && !EndsWith(prev, "ING") &&
      verb_of_[word - 1] != kNone && mention_of_[word + 1] != kNone &&
      mentions_[mention_of_[word + 1]].begin == word + 1 && !IsSpeechVerb(prev)) {
    return true;
  }
  // "rejected a United Nations appeal", "an Indian proposal": an actor after an indefinite
  // article modifies the noun that follows it; it is no subject of a verb. A prefix written
  // apart from the actor ("an anti- Gondor parade") belongs to the same modifier.
  // "a Russian peace plan": one plain noun may sit between the actor and the word.
  uint32_t modifier_end = word;
  if (word > 1 && mention_of_[word - 1] == kNone && mention_of_[word - 2] != kNone &&
      tok_[word - 1].has(text::kWord) && !tok_[word - 1].has(text::kCapitalized) &&
      !IsFunctionWord(W(word - 1)) && !VerbFormEndingAt(word)) {
    modifier_end = word - 1;
  }
  if (modifier_end > 0 && mention_of_[modifier_end - 1] != kNone) {
    uint32_t b = mentions_[mention_of_[modifier_end - 1]].begin;
    if (b > 0 && W(b - 1).size() > 1 && W(b - 1).back() == '-') {
      --b;
    } else if (b > 1 && W(b - 1) == "-" && tok_[b - 2].has(text::kWord)) {
      b -= 2;
    }
    if (b > 0 && (W(b - 1) == "A" || W(b - 1) == "AN" || W(b - 1) == "ANOTHER") &&
        !EndsWith(w, "ED") && !IsIrregularPast(w) && !IsSpeechVerb(w)) {
      return true;
    }
  }
  // "after fierce fighting with guerrillas", "because of fighting between ...": an -ING form
  // after a preposition or a modifier, with no object of its own, is the activity noun.
  if (EndsWith(w, "ING") && word > 0 && word + 1 < n_ && mention_of_[word - 1] == kNone &&
      (IsPreposition(prev) || (tok_[word - 1].has(text::kWord) &&
                               !tok_[word - 1].has(text::kCapitalized) && !IsFunctionWord(prev) &&
                               !VerbFormEndingAt(word)))) {
    std::string_view next = W(word + 1);
    if (IsPunct(word + 1) || IsPreposition(next) || IsCoordinator(next)) return true;
  }
  // "according to" is a preposition, never the verb "accord"; so are "including", "regarding",
  // "concerning" and "following" before a noun phrase ("following the attack").
  if (w == "ACCORDING" && word + 1 < n_ && W(word + 1) == "TO") return true;
  if (w == "INCLUDING" || w == "REGARDING" || w == "CONCERNING" || w == "EXCLUDING") return true;
  if (w == "FOLLOWING" && word + 1 < n_ && (IsDeterminer(W(word + 1)) || word == 0)) return true;
  // "Russian forces attacked": a plural right before a finite verb is that verb's subject.
  if (EndsWith(w, "S") && word + 1 < n_) {
    std::string_view next = W(word + 1);
    if (EndsWith(next, "ED") || IsBeAuxiliary(next) || IsHaveAuxiliary(next) ||
        IsFutureModal(next) || IsHypotheticalModal(next) || next == "DID") {
      return true;
    }
  }
  if (EndsWith(w, "S") && !EndsWith(w, "SS") && word > 0) {
    // "attacks": a verb after its subject, a noun after an adjective.
    uint32_t k = word - 1;
    while (k > 0 && IsAdverbLike(W(k))) --k;
    bool subject_before = mention_of_[k] != kNone || IsSubjectPronoun(W(k)) ||
                          W(k) == "WHO" || W(k) == "WHICH" || W(k) == "THAT" ||
                          tok_[k].has(text::kCapitalized);
    if (!subject_before) return true;
  }
  return false;
}

bool SentenceAnalysis::IsReducedRelative(const Verb& v) const {
  // "the curfew imposed in Sudan", "weapons seized last year from ...", "talks aimed at ending
  // the war": a participle right after a common noun, with no auxiliary and no object of its
  // own, after the sentence's main verb, describes that noun: a passive. "after a coup toppled
  // the government" has an object and stays active.
  if (v.group_begin != v.begin || v.begin == 0 || v.begin + 1 >= n_ || v.end >= n_) return false;
  std::string_view w = W(v.word);
  if (!(EndsWith(w, "ED") || IsIrregularPast(w)) || IsSpeechVerb(w)) return false;
  const uint32_t p = v.begin - 1;
  std::string_view prev = W(p);
  if (!tok_[p].has(text::kWord) || tok_[p].has(text::kCapitalized) || mention_of_[p] != kNone ||
      IsFunctionWord(prev) || IsSubjectPronoun(prev)) {
    return false;
  }
  std::string_view next = W(v.end);
  return IsPunct(v.end) || IsPreposition(next) || next == "TO" || IsAdverbLike(next) ||
         next == "LAST" || next == "YESTERDAY";
}

bool SentenceAnalysis::IsCompoundHead(const Match& m, uint32_t word) const {
  // "an energy research center", "the peace deal", "a car bomb": the base form of a verb right
  // after a lower-case content word that is neither an actor, a function word nor part of a
  // verb is the head of a noun compound. A finite base form needs a plural or pronoun subject
  // ("rebels fight", "they fight"), a modal or TO, or a verb before it ("help defend").
  // (TABARI has no such test: a dictionary verb is a verb unless TabariLooksLikeNoun.)
  if (title_case_ || tabari_ != nullptr || word != m.begin || word == 0) return false;
  // Cheap token tests first: this runs for every verb candidate.
  const uint32_t p = word - 1;
  if (!tok_[p].has(text::kWord) || tok_[p].has(text::kCapitalized) || tok_[p].has(text::kPunct) ||
      mention_of_[p] != kNone || verb_of_[p] != kNone) {  // "help defend": a verb's complement
    return false;
  }
  std::string_view prev = W(p);
  if (EndsWith(prev, "S") || EndsWith(prev, "MEN") || prev == "PEOPLE" || prev == "POLICE" ||
      prev == "CHILDREN") {
    return false;
  }
  const auto& block = dict_.verbs[m.payload.index];
  const auto& form = block.forms[m.payload.sub];
  const auto& base = block.forms.front();
  if (form.words.size() != 1 || base.words.empty() ||
      W(word) != base.words[base.verb_word].text) {
    return false;  // "vowed" matching the stem VOW: not the base form of the verb
  }
  return !IsFunctionWord(prev) && !IsIrregularPast(W(word)) && !IsFunctionWord(W(word)) &&
         !IsSpeechVerb(W(word));
}

void SentenceAnalysis::BuildVerbs() {
  verb_of_.assign(n_, kNone);
  uint32_t covered_until = 0;
  for (const Match& m : matches_) {  // ordered by begin, longest first
    if (m.payload.kind != EntryKind::kVerbForm || m.begin < covered_until) continue;
    bool overlaps_actor = false;
    for (uint32_t t = m.begin; t < m.end; ++t) overlaps_actor |= mention_of_[t] != kNone;
    if (overlaps_actor) continue;
    const auto& form = dict_.verbs[m.payload.index].forms[m.payload.sub];
    uint32_t word = m.begin + std::min<uint32_t>(form.verb_word, m.end - m.begin - 1);
    if (!tok_[word].has(text::kWord) || LooksLikeNoun(word) || IsCompoundHead(m, word)) continue;
    Verb v;
    v.begin = m.begin;
    v.end = m.end;
    v.word = word;
    v.block = m.payload.index;
    v.form = m.payload.sub;
    for (const Match& o : matches_) {
      if (&o != &m && o.begin == m.begin && o.end == m.end &&
          o.payload.kind == EntryKind::kVerbForm && o.payload.index != m.payload.index) {
        v.alternates.push_back({o.payload.index, o.payload.sub});
      }
    }
    AnalyzeVerbGroup(&v);
    v.speech = IsSpeechVerb(W(v.word));
    if (!verbs_.empty() && (IsReducedRelative(v) || IsAppositiveParticipleWithAgent(v))) {
      v.passive = true;
    }
    uint32_t idx = static_cast<uint32_t>(verbs_.size());
    for (uint32_t t = m.begin; t < m.end; ++t) verb_of_[t] = idx;
    verbs_.push_back(v);
    covered_until = m.end;
  }
}

void SentenceAnalysis::AnalyzeVerbGroup(Verb* v) const {
  bool negated = false, future = false, hypothetical = false, hedged = false, be = false;
  bool would = false, modal_seen = false, other_hypothetical = false;
  uint32_t k = v->begin;
  while (k > 0) {
    std::string_view w = W(k - 1);
    if (IsNegation(w) && w != "NO") {
      negated = true;
    } else if (IsFutureModal(w)) {
      future = true;
      modal_seen = true;
      v->will = true;
    } else if (w == "WOULD" || w == "'D") {
      hypothetical = true;
      would = true;
      modal_seen = true;
    } else if (IsHypotheticalModal(w)) {
      hypothetical = true;
      other_hypothetical = true;
    } else if (IsHedge(w)) {
      hedged = true;
    } else if (IsBeAuxiliary(w) || w == "GET" || w == "GOT" || w == "GETS") {
      be = true;
    } else if (IsHaveAuxiliary(w) || IsDoAuxiliary(w) || IsAdverbLike(w)) {
      // part of the group
    } else if (w == "TO" && !v->infinitive && k == v->begin) {
      v->infinitive = true;
      // "is to", "plans to", "is about to", "threatened to": look at the controlling words.
      if (k >= 2) {
        std::string_view c = W(k - 2);
        // A commitment ("vowed to", "is willing to", "pledged to") announces the act as much
        // as a plan does.
        if (c == "PLANS" || c == "PLAN" || c == "PLANNED" || c == "INTENDS" || c == "INTENDED" ||
            c == "IS" || c == "ARE" || c == "ABOUT" || c == "GOING" || c == "EXPECTED" ||
            c == "SET" || c == "SCHEDULED" || c == "PREPARING" || c == "READY" ||
            c == "WILLING" || c == "PREPARED" || c == "VOWED" || c == "VOWS" || c == "PROMISED" ||
            c == "PROMISES" || c == "PLEDGED" || c == "PLEDGES" || c == "SWORN" || c == "SWORE") {
          future = true;
          v->intended = c == "PLANS" || c == "PLAN" || c == "PLANNED" || c == "INTENDS" ||
                        c == "INTENDED" || c == "READY" || c == "WILLING" ||
                        // "is prepared to" (willing), not "prepared to attend" (got ready)
                        (c == "PREPARED" && k >= 3 && IsBeAuxiliary(W(k - 3))) ||
                        c == "VOWED" || c == "VOWS" || c == "PROMISED" || c == "PROMISES" ||
                        c == "PLEDGED" || c == "PLEDGES" || c == "SWORN" || c == "SWORE";
        } else if (c == "THREATENED" || c == "THREATENS" || c == "WANTS" || c == "WANT" ||
                   c == "HOPES" || c == "SEEKS" || c == "ATTEMPTED" || c == "TRIED" ||
                   c == "REFUSED" || c == "FAILED") {
          hypothetical = true;
          if (c == "REFUSED" || c == "FAILED") negated = true;
        }
      }
    } else {
      break;
    }
    --k;
  }
  v->group_begin = k;
  std::string_view w = W(v->word);
  // Passive: a form of "be" in the group and a participle that is not the base or -ING form.
  // Irregular participles too: "held", "laid", "paid", "told", "made", "struck", "hung".
  v->passive = be && !EndsWith(w, "ING") && !v->infinitive &&
               (EndsWith(w, "D") || EndsWith(w, "EN") || EndsWith(w, "T") || EndsWith(w, "N") ||
                w == "MADE" || w == "STRUCK" || w == "STUCK" || w == "HUNG");
  // "he is prepared to lift the ban", "is committed to opening up", "the US, which is opposed
  // to ending the ban": an adjective of stance before an infinitive or a gerund; its subject is
  // the one who holds the stance, not a patient.
  if (v->passive && v->end < n_ && W(v->end) == "TO" &&
      (w == "PREPARED" || w == "DETERMINED" || w == "COMMITTED" || w == "OPPOSED")) {
    v->passive = false;
  }
  // "announced it will return", "said (that) they would meet": a modal right after a pronoun
  // that a speech verb introduces. Only the modal's own group: "said it could" or "said it
  // might" is speculation, not a commitment.
  if (modal_seen && !negated && !other_hypothetical && !v->infinitive && k >= 2 &&
      IsSubjectPronoun(W(k - 1))) {
    // "said on Wednesday they would meet", "announced today that it will": a day between the
    // speech verb and its clause.
    auto day_word = [](std::string_view w) {
      return w == "TODAY" || w == "YESTERDAY" || w == "ON" || w == "LATE" || w == "EARLY" ||
             w == "MONDAY" || w == "TUESDAY" || w == "WEDNESDAY" || w == "THURSDAY" ||
             w == "FRIDAY" || w == "SATURDAY" || w == "SUNDAY";
    };
    uint32_t s = k - 2;
    if (W(s) == "THAT" && s > 0) --s;
    for (int steps = 0; steps < 3 && s > 0 && day_word(W(s)); ++steps) --s;
    // "he said it would lead to ...": a pronoun speaker other than the clause's subject speaks
    // of something else.
    uint32_t speaker = s;
    while (speaker > 0 && (IsHaveAuxiliary(W(speaker - 1)) || IsAdverbLike(W(speaker - 1)))) {
      --speaker;
    }
    const bool other_pronoun = speaker > 0 && IsSubjectPronoun(W(speaker - 1)) &&
                               W(speaker - 1) != W(k - 1);
    if (IsSpeechVerb(W(s)) && !other_pronoun) {
      v->announced = true;
      // Reported speech moves "will" back to "would": the act is still a coming one.
      if (would) hypothetical = false, future = true;
    }
  }
  if (negated) {
    v->modality = Modality::kNegated;
  } else if (hypothetical) {
    v->modality = Modality::kHypothetical;
  } else if (future) {
    v->modality = Modality::kFuture;
  } else if (hedged) {
    v->modality = Modality::kHedged;
  }
  // A conditional clause anywhere before the verb makes the event hypothetical.
  if (v->modality == Modality::kAsserted) {
    for (uint32_t t = 0; t < v->begin; ++t) {
      if (W(t) == "IF" || W(t) == "UNLESS") v->modality = Modality::kHypothetical;
    }
  }
}

std::optional<ActorRef> SentenceAnalysis::ResolvePronoun(uint32_t token) const {
  // The most recent compatible actor earlier in this sentence, else in the last sentences.
  if (W(token) == "IT" && context::IsExpletiveIt(tok_, n_, token)) return std::nullopt;
  std::optional<context::Antecedent> a = doc_->coref.ResolvePronoun(W(token), token, coref_);
  if (!a) return std::nullopt;
  ActorRef r;
  r.begin = token;
  r.end = token + 1;
  r.code = std::move(a->code);
  r.entity = std::move(a->entity);
  r.resolution = context::Resolution::kPronoun;
  return r;
}

// Nouns of a place named after an actor that is a region or country: "the West Bank city of
// Hebron", "the Kurdish town of Halabja".
bool IsPlaceNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 10> kNouns = {
      "CITY",    "TOWN",     "VILLAGE", "REGION", "PROVINCE",
      "CAPITAL", "DISTRICT", "AREA",    "PORT",   "ENCLAVE"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

uint32_t SentenceAnalysis::ActorModifiedByPhrase(uint32_t preposition) const {
  // Only the prepositions that make a phrase part of a noun's own description ("officials of",
  // "settlers in", "judges at", "rebels from"); "support for the government", "a spokesman
  // for", "Seychelles before Mauritius take on" attach elsewhere or open a clause.
  const std::string_view p = W(preposition);
  if (p != "OF" && p != "IN" && p != "AT" && p != "FROM") return kNone;
  // The head is the actor right before the preposition, or one before a place noun ("the West
  // Bank city of Hebron"). A common noun head ("The attack on Kyiv", "Russia's invasion of
  // Ukraine") is no actor: its phrase is no subject.
  uint32_t k = preposition;
  if (k > 0 && mention_of_[k - 1] == kNone && IsPlaceNoun(W(k - 1))) --k;
  if (k == 0 || mention_of_[k - 1] == kNone) return kNone;
  const uint32_t m = mention_of_[k - 1];
  // A country takes no "of" phrase of its own ("Lebanon of Morocco" are two phrases); roles
  // do ("the military government of President Avril").
  if (p == "OF" && k == preposition && mentions_[m].bare_actor) return kNone;
  uint32_t mb = mentions_[m].begin;
  while (mb > 0 && IsDeterminer(W(mb - 1))) --mb;
  // A chain of phrases: "settlers in the West Bank city of Hebron".
  if (mb > 0 && IsPreposition(W(mb - 1)) && W(mb - 1) != "BY" &&
      !(W(mb - 1) == "OF" && mb > 1 && IsQuantityNoun(W(mb - 2)))) {
    return ActorModifiedByPhrase(mb - 1);
  }
  return m;
}

uint32_t SentenceAnalysis::FindSubject(uint32_t from, bool allow_cross_verb) const {
  uint32_t t = from;
  uint32_t steps = 0;
  while (t > 0 && steps++ < kSubjectWindow) {
    --t;
    std::string_view w = W(t);
    if (mention_of_[t] != kNone) {
      uint32_t m = mention_of_[t];
      // "The attack on Kyiv shocked ...": an actor inside a prepositional phrase is not the
      // subject; the head noun before the preposition is (and it is no actor).
      uint32_t mb = mentions_[m].begin;
      // "Russian aircraft including helicopter gunships killed": the included members are an
      // insertion; the subject is the phrase they belong to.
      if (mb > 0 && W(mb - 1) == "INCLUDING") {
        t = mb - 1;
        continue;
      }
      // "after Ukraine attacked Israel", "since Bush came to office": after a subordinator of
      // time past, a phrase right before the verb is the subject of the clause it opens. (Not
      // "before" and "until": "before Britain takes over the EU presidency" is a scheduled act,
      // in the present tense, that the verb group does not mark as future.)
      const std::string_view before_phrase = mb > 0 ? W(mb - 1) : std::string_view();
      if ((before_phrase == "AFTER" || before_phrase == "SINCE") && mentions_[m].end == from) {
        return m;
      }
      if (mb > 0 && IsPreposition(W(mb - 1)) && W(mb - 1) != "BY" &&
          !(W(mb - 1) == "OF" && mb > 1 && IsQuantityNoun(W(mb - 2)))) {
        // "The military government of President Prosper Avril declared", "Jewish settlers in
        // the West Bank city of Hebron set fire": the phrase the preposition modifies may be an
        // actor itself, the subject.
        return ActorModifiedByPhrase(mb - 1);
      }
      // Apposition: "X, the foreign minister, accused": prefer the phrase before the comma
      // when it is an actor too (the name), else this one.
      uint32_t b = mentions_[m].begin;
      if (b >= 2 && W(b - 1) == "," && mention_of_[b - 2] != kNone) {
        uint32_t before = mention_of_[b - 2];
        if (mentions_[before].group != mentions_[m].group) return before;
      }
      return m;
    }
    if (w == ",") {
      // Skip an inserted phrase ", who ...," or ", the general," when a matching comma exists.
      uint32_t k = t;
      uint32_t limit = 15;
      while (k > 0 && limit-- > 0 && W(k - 1) != ",") --k;
      if (k > 0 && W(k - 1) == ",") {
        // The insertion is tokens [k, t). If it holds an actor and nothing before it does, the
        // loop will find it anyway; jump to just before the opening comma and keep looking,
        // remembering an actor inside the insertion as a fallback.
        uint32_t inside = kNone;
        for (uint32_t x = k; x < t; ++x) {
          if (mention_of_[x] != kNone) inside = mention_of_[x];
        }
        uint32_t outer = FindSubject(k - 1, allow_cross_verb);
        if (outer != kNone) return outer;
        return inside;
      }
      continue;  // a lone comma, e.g. after a fronted adverbial
    }
    if (w == ";" || w == ":" || w == "--") return kNone;
    if (w == "WHO" || w == "WHICH" || w == "THAT") {
      // Relative clause: its subject is the phrase just before the pronoun.
      uint32_t k = t;
      if (k > 0 && W(k - 1) == ",") --k;
      if (k > 0 && mention_of_[k - 1] != kNone) return mention_of_[k - 1];
      return kNone;
    }
    if (IsSubjectPronoun(w)) return kNone;  // handled by the caller (pronoun resolution)
    if (verb_of_[t] != kNone && !allow_cross_verb) {
      // Another verb: its own clause. Only coordinated verbs share a subject
      // ("X attacked and killed Y") - keep going past "and" + verb.
      if (t > 0 && IsCoordinator(W(verb_of_[t] == kNone ? t : verbs_[verb_of_[t]].begin))) {
        continue;
      }
      // "British aircraft using guided missiles killed ...": a present participle with no
      // auxiliary right after an actor, with an object of its own, describes that actor, which
      // is the subject. ("The Russian building was demolished": a noun before the verb group.)
      const Verb& other = verbs_[verb_of_[t]];
      const std::string_view after = other.end < n_ ? W(other.end) : std::string_view();
      if (EndsWith(W(other.word), "ING") && other.group_begin == other.begin && other.begin > 0 &&
          mention_of_[other.begin - 1] != kNone && other.end < from && !IsPunct(other.end) &&
          !IsBeAuxiliary(after) && !IsHaveAuxiliary(after) && !IsFutureModal(after) &&
          !IsHypotheticalModal(after) && verb_of_[other.end] == kNone &&
          !LooksLikeNoun(other.word)) {
        t = other.begin;
        continue;
      }
      return kNone;
    }
  }
  return kNone;
}

bool SentenceAnalysis::PlaceOrTopicOfAgreement(const ActorRef& target) const {
  // Back over the phrase's determiners and modifiers: "the", "senior", and lower-case words
  // that describe the noun ("missing people", "displaced civilians").
  uint32_t k = target.begin;
  for (int steps = 0; k > 0 && steps < 3; ++steps) {
    const uint32_t w = k - 1;
    const std::string_view word = W(w);
    const bool describing = !title_case_ && tok_[w].has(text::kWord) &&
                            !tok_[w].has(text::kCapitalized) && !tok_[w].has(text::kNumber) &&
                            !IsFunctionWord(word) && !IsPreposition(word) && !IsNumberWord(word);
    if (!IsDeterminer(word) && !IsActorModifier(word) && !describing) break;
    --k;
  }
  if (k == 0) return false;
  std::string_view p = W(k - 1);
  if (IsLocativePreposition(p) || p == "ON" || p == "OVER" || p == "ABOUT" || p == "REGARDING" ||
      p == "CONCERNING") {
    return true;
  }
  // "for people in need", "for refugees": those the agreed act is for are no party to it - when
  // they are named only by a role of ordinary people (no country, no institution).
  if (p != "FOR" || target.code.empty() || target.code.size() % 3 != 0) return false;
  for (size_t i = 0; i < target.code.size(); i += 3) {
    const std::string_view role = std::string_view(target.code).substr(i, 3);
    if (role != "PPL" && role != "CVL" && role != "REF") return false;
  }
  return true;
}

bool SentenceAnalysis::SubjectOfSubordinateClause(uint32_t m) const {
  uint32_t b = mentions_[m].begin;
  while (b > 0 && (IsDeterminer(W(b - 1)) || IsActorModifier(W(b - 1)) ||
                   (tok_[b - 1].has(text::kWord) && !tok_[b - 1].has(text::kCapitalized) &&
                    !IsFunctionWord(W(b - 1)) && !IsPreposition(W(b - 1)) &&
                    verb_of_[b - 1] == kNone && b + 3 > mentions_[m].begin))) {
    --b;
  }
  if (b == 0) return false;
  const std::string_view sub = W(b - 1);
  if (sub != "AFTER" && sub != "BEFORE" && sub != "UNTIL" && sub != "SINCE" && sub != "ONCE") {
    return false;
  }
  // Its verb right after it: a past tense ("cleared", "took") or a dictionary verb form that
  // is no noun; "after a meeting with Russia" has none.
  const uint32_t e = mentions_[m].end;
  if (e >= n_ || !tok_[e].has(text::kWord) || tok_[e].has(text::kCapitalized)) return false;
  const std::string_view w = W(e);
  if (IsHaveAuxiliary(w) || IsBeAuxiliary(w) || IsFutureModal(w)) return true;
  return ((EndsWith(w, "ED") && w.size() > 4) || IsIrregularPast(w)) ||
         (verb_of_[e] != kNone && !LooksLikeNoun(e));
}

uint32_t SentenceAnalysis::AgainstActorAfter(uint32_t from) const {
  const uint32_t limit = std::min({n_, from + 12, roles_end_});
  for (uint32_t t = from; t < limit; ++t) {
    std::string_view w = W(t);
    if (w == "," || w == ";" || w == ":" || w == "--" || IsClauseOpener(w)) return kNone;
    if (verb_of_[t] != kNone && !LooksLikeNoun(t)) return kNone;
    // "in defiance of Chinese authorities" names whom the act is against as "against" does.
    const bool defiance =
        w == "DEFIANCE" && t > 0 && W(t - 1) == "IN" && t + 1 < limit && W(t + 1) == "OF";
    if (w != "AGAINST" && !defiance) continue;
    if (defiance) ++t;
    for (uint32_t k = t + 1; k < std::min(limit, t + 5); ++k) {
      if (mention_of_[k] != kNone) return mention_of_[k];
      if (verb_of_[k] != kNone && !LooksLikeNoun(k)) return kNone;
    }
    return kNone;
  }
  return kNone;
}

uint32_t SentenceAnalysis::RelativizedObject(const Verb& v) const {
  if (v.passive || v.group_begin == 0) return kNone;
  // Back from the verb group over the clause's own subject ("U.N. experts", "Congo"): a few
  // words, at least one of them an actor's, no verb and no punctuation.
  constexpr uint32_t kMaxSubjectWords = 5;
  uint32_t k = v.group_begin;
  bool has_subject = false;
  while (k > 0 && v.group_begin - k < kMaxSubjectWords) {
    const std::string_view w = W(k - 1);
    // Not THAT: after a verb of speech it opens a complement ("told Reuters that the company
    // was planning"), not a relative clause.
    if (w == "WHICH" || w == "WHOM" || w == "WHO") break;
    if (IsPunct(k - 1) || verb_of_[k - 1] != kNone) return kNone;
    has_subject |= mention_of_[k - 1] != kNone;
    --k;
  }
  if (!has_subject || k < 2) return kNone;
  const std::string_view pronoun = W(k - 1);
  if (pronoun != "WHICH" && pronoun != "WHOM" && pronoun != "WHO") return kNone;
  uint32_t before = k - 1;  // the antecedent ends here, or before a comma
  if (W(before - 1) == ",") --before;
  if (before == 0 || mention_of_[before - 1] == kNone) return kNone;
  // The verb has no object of its own: after it come at most a few adverbial words ("last
  // week") before a preposition, "to" or the end of the clause, and no actor.
  constexpr uint32_t kMaxAdverbialWords = 4;
  for (uint32_t t = v.end; t < n_ && t < v.end + kMaxAdverbialWords; ++t) {
    if (mention_of_[t] != kNone) return kNone;
    if (IsPunct(t) || IsPreposition(W(t)) || W(t) == "TO") return mention_of_[before - 1];
  }
  return v.end >= n_ ? mention_of_[before - 1] : kNone;
}

bool SentenceAnalysis::ParticipleDescribesObject(uint32_t e) const {
  if (e >= n_ || verb_of_[e] == kNone) return false;
  const Verb& other = verbs_[verb_of_[e]];
  if (other.begin != e || other.group_begin != other.begin || other.end >= n_) return false;
  const std::string_view w = W(other.word);
  if (!(EndsWith(w, "ED") || IsIrregularPast(w)) || IsSpeechVerb(w)) return false;
  const std::string_view next = W(other.end);
  return IsPreposition(next) || next == "TO";
}

bool SentenceAnalysis::AdjectivalDemonym(uint32_t m) const {
  const Mention& mention = mentions_[m];
  if (!mention.bare_actor || mention.end != mention.begin + 1 || title_case_) return false;
  const std::string_view w = W(mention.begin);
  return EndsWith(w, "AN") || EndsWith(w, "ESE") || EndsWith(w, "ISH") || EndsWith(w, "I");
}

uint32_t SentenceAnalysis::FindObject(uint32_t from, const Verb& v) const {
  uint32_t limit = std::min({n_, from + kObjectWindow, roles_end_});
  for (uint32_t t = from; t < limit; ++t) {
    std::string_view w = W(t);
    // "agreed to resign without returning to Kyrgyzstan": what is not done names no one the
    // act is done to.
    if (w == "WITHOUT" && t + 1 < n_ && EndsWith(W(t + 1), "ING")) return kNone;
    if (mention_of_[t] != kNone) {
      uint32_t m = mention_of_[t];
      // "demanded elections after a special court cleared him": the subject of a clause that
      // a subordinator opens is no object of the verb before it.
      if (SubjectOfSubordinateClause(m)) return kNone;
      // A place in a locative phrase ("attacked positions near Bakhmut") stays the target, as
      // in CAMEO practice: the country where it happened is the one acted upon.
      // "X met Y's minister" is fine; an actor directly followed by a verb is a new subject.
      // Not when the verb describes the object ("officials suspected of ...") or the actor is
      // a demonym before a noun that is also a verb form ("rejected proposed Israeli changes").
      uint32_t e = mentions_[m].end;
      if (e < n_ && verb_of_[e] != kNone && !LooksLikeNoun(e) &&
          !EndsWith(W(verbs_[verb_of_[e]].word), "ING") && t > from &&
          !ParticipleDescribesObject(e) && !AdjectivalDemonym(m)) {
        return kNone;
      }
      // "offered its troops to Lebanon", "withdrew their forces from Chad": the subject's own
      // people are what is given or moved, the one acted upon comes after them.
      uint32_t b = mentions_[m].begin;
      auto possessive = [](std::string_view w) {
        return w == "ITS" || w == "THEIR" || w == "HIS" || w == "HER";
      };
      if (mentions_[m].agent_only && (possessive(W(b)) || (b > 0 && possessive(W(b - 1))))) {
        limit = std::min(n_, std::max(limit, e + 8));
        t = e - 1;
        continue;
      }
      // "rallied outside parliament in Tbilisi on Sunday against the government": a place or
      // building is the target only when the clause names no one the act is against.
      if (b > 0 && IsLocativePreposition(W(b - 1))) {
        uint32_t against = AgainstActorAfter(e);
        if (against != kNone) return against;
      }
      return m;
    }
    if (w == "THAT" && !IsSpeechVerb(W(v.word)) && t <= from + 3) {
      // "X demanded (on Friday) that Y ...": the one asked is the subject of the clause.
      for (uint32_t k = t + 1; k < std::min(n_, t + 5); ++k) {
        if (mention_of_[k] != kNone) return mention_of_[k];
        if (verb_of_[k] != kNone) break;
      }
      return kNone;
    }
    // "denounced as an ugly crime Serbia's suppression of ...", "condemned as a provocation
    // the expulsion of", "condemned as ``unacceptable'' allegations by Rwanda": AS with an
    // indefinite article or a quotation right after the verb says what the act is called; the
    // object follows it.
    if (w == "AS" && t == from && t + 1 < n_ &&
        (W(t + 1) == "A" || W(t + 1) == "AN" || W(t + 1) == "``" || W(t + 1) == "\"" ||
         W(t + 1) == "\u201c")) {
      continue;
    }
    if (w == ";" || w == ":" || IsClauseOpener(w)) return kNone;
    if (w == "," && t + 1 < n_ &&
        (IsClauseOpener(W(t + 1)) || IsSpeechVerb(W(t + 1)) || W(t + 1) == "ACCORDING")) {
      return kNone;
    }
    if (verb_of_[t] != kNone && t > from) {
      const Verb& other = verbs_[verb_of_[t]];
      // A following verb with its own subject or auxiliary right before it starts another
      // clause ("X met Y, who then attacked Z"). An infinitive complement ("agreed to lift
      // sanctions on Iran"), a participle ("roads leading into Mordor") or a verb-like noun
      // ("a trade protocol") carries on the object search.
      if (!other.infinitive && other.group_begin > 0 && other.group_begin > from) {
        uint32_t k = other.group_begin - 1;
        std::string_view prev = W(k);
        bool own_subject = mention_of_[k] != kNone || IsSubjectPronoun(prev) || prev == "WHO" ||
                           prev == "WHICH" || prev == "THAT";
        bool has_auxiliary = other.group_begin < other.begin;
        if (own_subject || has_auxiliary) return kNone;
      }
    }
  }
  return kNone;
}

uint32_t SentenceAnalysis::DeonticClauseSubject(const Verb& v) const {
  uint32_t t = v.end;
  uint32_t limit = std::min(n_, v.end + 6);
  while (t < limit && mention_of_[t] == kNone) {
    std::string_view w = W(t);
    if (verb_of_[t] != kNone || w == ";" || w == ",") return kNone;
    ++t;
  }
  if (t >= limit) return kNone;
  uint32_t m = mention_of_[t];
  uint32_t e = mentions_[m].end;
  // "that the Sudanese government and the rebels in Darfur must": the list's last member
  // stands before the modal.
  for (const Mention& other : mentions_) {
    if (other.group == mentions_[m].group && other.end > e) e = other.end;
  }
  if (e < n_ && (W(e) == "MUST" || W(e) == "SHOULD" ||
                 (e + 1 < n_ && (W(e) == "HAS" || W(e) == "HAVE" || W(e) == "NEEDS" ||
                                 W(e) == "NEED") && W(e + 1) == "TO"))) {
    return m;
  }
  return kNone;
}

uint32_t SentenceAnalysis::FindByAgent(const Verb& v) const {
  uint32_t limit = std::min({n_, v.end + 8, roles_end_});
  for (uint32_t t = v.end; t < limit; ++t) {
    if (W(t) == "BY" && t + 1 < n_) {
      for (uint32_t k = t + 1; k < std::min(n_, t + 5); ++k) {
        if (mention_of_[k] != kNone) return mention_of_[k];
        if (W(k) == "," || verb_of_[k] != kNone) break;
      }
      return kNone;
    }
    if (W(t) == "," || W(t) == ";" || verb_of_[t] != kNone) break;
  }
  return kNone;
}

std::optional<ActorRef> SentenceAnalysis::FindSpeaker(const Verb& v, uint32_t subject_begin,
                                                      bool* denied) const {
  *denied = false;
  // "X said (that) Y attacked": a speech verb to the left of the event's clause.
  uint32_t t = std::min(subject_begin, v.group_begin);
  uint32_t steps = 0;
  while (t > 0 && steps++ < 12) {
    --t;
    std::string_view w = W(t);
    if (w == ";") break;
    if (IsSpeechVerb(w) || W(t) == "ACCUSED" || W(t) == "ACCUSES") {
      *denied = IsDenialVerb(w);
      uint32_t speaker = FindSubject(t, false);
      if (speaker == kNone && t > 0 && IsSubjectPronoun(W(t - 1))) return ResolvePronoun(t - 1);
      if (speaker != kNone) return mentions_[speaker].actor;
      ActorRef unknown;  // speaker not in the dictionaries: still a claim
      unknown.begin = t;
      unknown.end = t;
      return unknown;
    }
    // Crossing another content verb means the speech verb (if any) is not ours.
    if (verb_of_[t] != kNone && verbs_[verb_of_[t]].word == t) break;
  }
  // "according to X" anywhere in the sentence.
  for (uint32_t k = 0; k + 2 < n_; ++k) {
    if (W(k) == "ACCORDING" && W(k + 1) == "TO") {
      for (uint32_t x = k + 2; x < std::min(n_, k + 8); ++x) {
        if (mention_of_[x] != kNone) return mentions_[mention_of_[x]].actor;
      }
      ActorRef unknown;
      unknown.begin = k;
      unknown.end = k + 2;
      return unknown;
    }
  }
  // A trailing attribution after the verb (TrailingAttributionStart): ", relief officials in
  // Nairobi said on Monday." - its first actor, else an unknown speaker.
  if (attribution_start_ < n_ && v.end <= attribution_start_) {
    uint32_t speech = kNone;
    for (uint32_t x = attribution_start_ + 1; x < n_; ++x) {
      if (IsSpeechVerb(W(x))) {
        speech = x;
        break;
      }
    }
    if (speech != kNone) {
      for (uint32_t x = attribution_start_ + 1; x < n_; ++x) {
        if (mention_of_[x] != kNone) return mentions_[mention_of_[x]].actor;
      }
      ActorRef unknown;
      unknown.begin = speech;
      unknown.end = speech + 1;
      return unknown;
    }
  }
  // Trailing ", X said." / ", said X."
  for (uint32_t k = v.end; k + 1 < n_; ++k) {
    if (W(k) != ",") continue;
    uint32_t x = k + 1;
    while (x + 1 < n_ && (IsDeterminer(W(x)) || IsActorModifier(W(x)))) ++x;
    if (IsSpeechVerb(W(x))) {
      for (uint32_t y = x + 1; y < std::min(n_, x + 6); ++y) {
        if (mention_of_[y] != kNone) return mentions_[mention_of_[y]].actor;
      }
      ActorRef unknown;
      unknown.begin = x;
      unknown.end = x + 1;
      return unknown;
    }
    if (mention_of_[x] != kNone) {
      uint32_t e = mentions_[mention_of_[x]].end;
      if (e < n_ && IsSpeechVerb(W(e))) return mentions_[mention_of_[x]].actor;
    }
  }
  return std::nullopt;
}

bool SentenceAnalysis::SynsetAt(uint32_t synset, uint32_t token, uint32_t* end) const {
  for (const Match& m : matches_) {
    if (m.begin == token && m.payload.kind == EntryKind::kSynsetMember &&
        m.payload.index == synset) {
      *end = m.end;
      return true;
    }
  }
  return false;
}

bool SentenceAnalysis::SynsetEndingAt(uint32_t synset, uint32_t token, uint32_t* begin) const {
  for (const Match& m : matches_) {
    if (m.end == token + 1 && m.payload.kind == EntryKind::kSynsetMember &&
        m.payload.index == synset) {
      *begin = m.begin;
      return true;
    }
  }
  return false;
}

bool SentenceAnalysis::BindSlot(ElementKind kind, uint32_t m, Binding* b) const {
  if (mentions_[m].begin >= roles_end_) return false;
  // '%' needs a real compound ("Israel and Lebanon"), not a single actor.
  if (kind == ElementKind::kCompound && GroupSize(m) < 2) return false;
  if (kind == ElementKind::kTarget) {
    b->target = m;
  } else {
    b->source = m;
    if (kind == ElementKind::kCompound) b->compound = true;
  }
  return true;
}

bool SentenceAnalysis::MatchElementForward(const lexicon::CompiledElement& e, uint32_t* pos,
                                           uint32_t limit, bool stop_at_verbs, Binding* b) const {
  // TABARI: a non-adjacent element may be anywhere in the rest of the sentence.
  const uint32_t gap = tabari_ != nullptr ? n_ : kPatternGap;
  uint32_t last = e.adjacent ? std::min(limit, *pos + 1) : std::min(limit, *pos + gap);
  uint32_t synset_end = 0;
  for (uint32_t t = *pos; t < last; ++t) {
    if (t > *pos && (W(t) == ";" || W(t) == ".")) return false;
    // A word the element does not match, but a verb of its own clause: "Hungary said it will
    // support a resolution that aims to tighten sanctions" is not "SAID * SANCTIONS".
    if (stop_at_verbs && verb_of_[t] != kNone && !(e.kind == ElementKind::kWord && words_.Has(t, e.id))) {
      return false;
    }
    // As in TABARI, an actor phrase is one unit for patterns: words inside it are not pattern
    // words, and a slot takes it whole.
    // A role-only phrase right after the previous pattern word ("mobilized army reservists") is
    // the exception: its words are the common nouns that patterns such as "MOBILISE * &MILITARY"
    // name. Further away they belong to some other phrase of the clause.
    // A possessive or article inside the phrase ("strengthened its forces", "reinforced their
    // troops") does not hide the role word after it.
    auto element_at = [&](uint32_t k) {
      return (e.kind == ElementKind::kWord && words_.Has(k, e.id)) ||
             (e.kind == ElementKind::kSynset && e.id != UINT32_MAX && SynsetAt(e.id, k, &synset_end));
    };
    bool role_word = false;
    if (mention_of_[t] != kNone && t <= *pos + 3 && mentions_[mention_of_[t]].agent_only) {
      uint32_t k = t;
      while (k + 1 < mentions_[mention_of_[t]].end && IsDeterminer(W(k)) && !element_at(k)) ++k;
      if (element_at(k)) {
        role_word = true;
        t = k;
      }
    }
    if (!role_word && HeadRoleWordMatches(e, t, *pos)) {
      // The phrase the pattern names is the one acted upon ("expelled two Russian diplomats
      // based in Geneva": RUS), unless a later '+' of the pattern binds another.
      if (b->target == kNone) BindSlot(ElementKind::kTarget, mention_of_[t], b);
      role_word = true;
      t = mentions_[mention_of_[t]].end - 1;
    }
    if (mention_of_[t] != kNone && !role_word && e.kind != ElementKind::kSource &&
        e.kind != ElementKind::kTarget && e.kind != ElementKind::kCompound &&
        !(tabari_ != nullptr && e.kind == ElementKind::kSkipNoun)) {
      uint32_t skip_to = mentions_[mention_of_[t]].end;
      if (e.adjacent) return false;
      last = std::min(limit, last + (skip_to - t));
      t = skip_to - 1;
      continue;
    }
    switch (e.kind) {
      case ElementKind::kWord:
        if (words_.Has(t, e.id)) {
          *pos = t + 1;
          b->last_token = std::max(b->last_token, t);
          return true;
        }
        break;
      case ElementKind::kSynset: {
        uint32_t end;
        if (e.id != UINT32_MAX && SynsetAt(e.id, t, &end)) {
          *pos = end;
          b->last_token = std::max(b->last_token, end - 1);
          return true;
        }
        break;
      }
      case ElementKind::kSource:
      case ElementKind::kTarget:
      case ElementKind::kCompound:
        if (mention_of_[t] != kNone) {
          uint32_t m = mention_of_[t];
          if (!BindSlot(e.kind, m, b)) return false;
          *pos = mentions_[m].end;
          return true;
        }
        if (TabariPronounSlot(e.kind, t, b)) {
          *pos = t + 1;
          return true;
        }
        break;
      case ElementKind::kSkipNoun: {
        uint32_t k = t;
        if (mention_of_[k] != kNone) {
          *pos = mentions_[mention_of_[k]].end;
          return true;
        }
        // TABARI's '^' skips an actor: the words before it are passed over.
        if (tabari_ != nullptr) continue;
        while (k < n_ && (IsDeterminer(W(k)) || IsAdverbLike(W(k)))) ++k;
        if (k < n_ && tok_[k].has(text::kWord)) {
          *pos = k + 1;
          return true;
        }
        return false;
      }
    }
    if (e.kind == ElementKind::kSkipNoun) break;
  }
  return false;
}

bool SentenceAnalysis::HeadRoleWordMatches(const lexicon::CompiledElement& e, uint32_t t,
                                           uint32_t pos) const {
  if (tabari_ != nullptr || e.kind != ElementKind::kWord || mention_of_[t] == kNone) return false;
  const Mention& m = mentions_[mention_of_[t]];
  // Only the phrase's first token opens it, and only a phrase that ends in one of its own
  // roles: "Russian diplomats" (RUS + GOV), not "the Russian Federation" or "Mr Lavrov".
  // A bare role phrase ("police forces", "the High Court") has its own rule in
  // MatchElementForward: its first word is the pattern's ("join forces" is no "join police").
  // Its country must come from its own words, not from the document ("police forces").
  if (t != m.begin || m.agents.empty() || m.agent_only || m.suffix_agents_only ||
      m.actor.resolution != context::Resolution::kNone || m.end <= m.begin + 1) {
    return false;
  }
  // Right after the previous pattern word, past an article or a number at most ("expelled
  // the two diplomats"): further on, the phrase belongs to some other part of the clause ("more
  // open elections - the German Embassy").
  for (uint32_t k = pos; k < m.begin; ++k) {
    if (!IsDeterminer(W(k)) && !IsNumberWord(W(k))) return false;
  }
  return words_.Has(m.end - 1, e.id);
}

bool SentenceAnalysis::MatchElementBackward(const lexicon::CompiledElement& e, uint32_t* pos,
                                            Binding* b) const {
  // *pos is one past the token to examine first, moving left.
  uint32_t steps = e.adjacent ? 1 : (tabari_ != nullptr ? n_ : kPatternGap);
  for (uint32_t t = *pos; t > 0 && steps-- > 0;) {
    --t;
    if (W(t) == ";") return false;
    switch (e.kind) {
      case ElementKind::kWord:
        if (words_.Has(t, e.id)) {
          *pos = t;
          return true;
        }
        break;
      case ElementKind::kSynset: {
        uint32_t begin;
        if (e.id != UINT32_MAX && SynsetEndingAt(e.id, t, &begin)) {
          *pos = begin;
          return true;
        }
        break;
      }
      case ElementKind::kSource:
      case ElementKind::kTarget:
      case ElementKind::kCompound:
        if (mention_of_[t] != kNone) {
          uint32_t m = mention_of_[t];
          if (!BindSlot(e.kind, m, b)) return false;
          *pos = mentions_[m].begin;
          return true;
        }
        if (TabariPronounSlot(e.kind, t, b)) {
          *pos = t;
          return true;
        }
        break;
      case ElementKind::kSkipNoun:
        if (mention_of_[t] != kNone) {
          *pos = mentions_[mention_of_[t]].begin;
          return true;
        }
        if (tok_[t].has(text::kWord)) {
          *pos = t;
          return true;
        }
        return false;
    }
  }
  return false;
}

bool SentenceAnalysis::MatchPattern(const lexicon::CompiledPattern& p, const Verb& v,
                                    Binding* b) const {
  *b = Binding();
  b->last_token = v.end - 1;
  uint32_t pos = v.end;
  // A speech verb's pattern ("SAID * SANCTIONS ON") reads the words of what was said; once the
  // reported clause has a verb of its own, that verb codes the event.
  const bool stop_at_verbs = v.speech;
  // In the passive, "by X" names the one who acts: a pattern that puts the target there
  // ("- * BY + [141]", written for the active "attack by ...") reads "was struck by Israeli
  // aircraft" backwards. (TABARI reads patterns literally.)
  if (v.passive && tabari_ == nullptr) {
    for (size_t i = 1; i < p.after.size(); ++i) {
      if (p.after[i].kind != ElementKind::kTarget || p.after[i - 1].kind != ElementKind::kWord) {
        continue;
      }
      const uint32_t id = p.after[i - 1].id;
      if (id == lex_.WordId("BY", true) || id == lex_.WordId("BY", false)) return false;
    }
  }
  for (size_t i = 0; i < p.after.size(); ++i) {
    const lexicon::CompiledElement& e = p.after[i];
    const uint32_t from = pos;
    if (!MatchElementForward(e, &pos, n_, stop_at_verbs, b)) return false;
    // A slot after a preposition of the pattern ("- + &AUXVERB1 * &PREPOSIT1 $", "... * IN $")
    // names an actor of the verb's own clause: in "were killed on Monday when a village in
    // southern Lebanon was struck" neither the village nor Lebanon is the killer.
    const bool slot = e.kind == ElementKind::kSource || e.kind == ElementKind::kTarget ||
                      e.kind == ElementKind::kCompound;
    // Any slot: no clause opener between where its search began and the actor it took.
    if (slot && tabari_ == nullptr && from < pos && mention_of_[pos - 1] != kNone) {
      const bool after_preposition =
          i > 0 && from > 0 &&
          (p.after[i - 1].kind == ElementKind::kWord ||
           p.after[i - 1].kind == ElementKind::kSynset) &&
          IsPreposition(W(from - 1));
      const uint32_t begin = mentions_[mention_of_[pos - 1]].begin;
      for (uint32_t k = after_preposition ? v.end : from; k < begin; ++k) {
        std::string_view w = W(k);
        // "claimed that X ...", "denounced as a crime X's ...": THAT and AS open the verb's own
        // complement, whose subject a slot right after the verb rightly reads; a preposition
        // of the pattern past them belongs to that clause ("demanded that Hamas renounce its
        // struggle against Israel" is no demand "against" Israel).
        if ((IsClauseOpener(w) && (after_preposition || (w != "THAT" && w != "AS"))) ||
            (k >= from && after_preposition && (w == "," || w == ";" || w == ":"))) {
          return false;
        }
      }
    }
  }
  uint32_t back = v.begin;
  // Words before the verb may sit before its auxiliaries ("WILL * ") unless the pattern ties
  // the last one to the verb ("IS_*").
  for (size_t i = p.before.size(); i-- > 0;) {
    // A target before the verb ("- + * &PREPOSIT1 $") only reads right in the passive
    // ("+ was arrested in $"); in the active voice the word before the verb is its subject.
    // (TABARI reads patterns literally: "ANTI- + *" finds the target before PARADE.)
    if (p.before[i].kind == ElementKind::kTarget && !v.passive && tabari_ == nullptr) return false;
    // And a source there reads wrong in the passive ("people were killed" did not kill),
    // unless the pattern spells out the passive itself with a word between them.
    if (p.before[i].kind == ElementKind::kSource && v.passive && tabari_ == nullptr &&
        i + 1 == p.before.size()) {
      return false;
    }
    // `adjacent` ties an element to the one on its left, so walking leftwards the tie that
    // matters is the one of the element to our right (or the verb's).
    lexicon::CompiledElement e = p.before[i];
    e.adjacent = i + 1 == p.before.size() ? p.verb_adjacent : p.before[i + 1].adjacent;
    const uint32_t right = back;  // the element to the right begins here (or the verb)
    if (!MatchElementBackward(e, &back, b)) return false;
    // A word of the pattern before the verb belongs to the verb's own clause: STRIKE's "ON *"
    // ("went on strike") does not read "killed on Monday when a village was struck".
    if (tabari_ == nullptr &&
        (e.kind == ElementKind::kWord || e.kind == ElementKind::kSynset)) {
      for (uint32_t k = back + 1; k < right; ++k) {
        if (IsClauseOpener(W(k))) return false;
      }
    }
  }
  return true;
}

void SentenceAnalysis::Emit(const Verb& v, const std::string& code,
                            const std::vector<ActorRef>& sources,
                            const std::vector<ActorRef>& targets, Modality modality,
                            const std::optional<ActorRef>& speaker, int32_t pattern,
                            std::vector<CandidateEvent>* out, bool reciprocal) const {
  const size_t out_begin = out->size();
  auto emit_one = [&](const ActorRef* s, const ActorRef* t) {
    if (s != nullptr && t != nullptr && s->code == t->code) return;  // no self-events
    // "expelled inspectors of the International Atomic Energy Agency, or IAEA": two mentions
    // of one actor make one event, not two identical ones from the same words.
    for (size_t i = out_begin; i < out->size(); ++i) {
      const CandidateEvent& o = (*out)[i];
      if (o.trigger_begin == v.begin && o.code == code && o.source.has_value() == (s != nullptr) &&
          o.target.has_value() == (t != nullptr) && (s == nullptr || o.source->code == s->code) &&
          (t == nullptr || o.target->code == t->code)) {
        return;
      }
    }
    CandidateEvent e;
    if (s != nullptr) e.source = *s;
    if (t != nullptr) e.target = *t;
    e.code = code;
    e.trigger_begin = v.begin;
    e.trigger_end = v.end;
    e.modality = modality;
    e.attribution = speaker;
    e.verb_block = emit_block_ == UINT32_MAX ? v.block : emit_block_;
    e.pattern = pattern;
    e.issues = issues_;
    e.reciprocal = reciprocal;
    out->push_back(std::move(e));
  };
  if (sources.empty() && targets.empty()) return;
  if (sources.empty()) {
    for (const auto& t : targets) emit_one(nullptr, &t);
  } else if (targets.empty()) {
    for (const auto& s : sources) emit_one(&s, nullptr);
  } else {
    for (const auto& s : sources) {
      for (const auto& t : targets) emit_one(&s, &t);
    }
  }
}

bool SentenceAnalysis::IsTimeReference(const lexicon::Phrase& phrase) {
  if (phrase.empty()) return false;
  const std::string& last = phrase.back().text;
  if (last == "AGO" || last == "LATER" || last == "EARLIER") return true;
  // "officers murdered during World War Two": the war dates its own clause like a year does;
  // "Poland demanded an admission by Moscow that ..." before it is today's news.
  for (size_t i = 0; i + 1 < phrase.size(); ++i) {
    if (phrase[i].text == "WORLD" && phrase[i + 1].text == "WAR") return true;
  }
  if (phrase.size() != 1 || last.size() != 4) return false;
  return std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<bool> SentenceAnalysis::HistoricalVerbs(const std::vector<uint32_t>& time_refs) const {
  // PETRARCH drops every sentence that names a past year or "N weeks ago", losing the news in
  // "Libya offered to hand over two nationals suspected of blowing up a plane in 1988". The
  // reference dates only the verb of its own clause: the closest verb before it within a few
  // tokens and no clause break between ("blowing up ... in 1988", "who entered the country two
  // years ago"), or, when it opens the sentence before any verb ("In 1990, Iraq invaded"), the
  // first verb after it.
  std::vector<bool> historical(verbs_.size(), false);
  constexpr uint32_t kReach = 10;
  for (uint32_t t : time_refs) {
    size_t before = verbs_.size();
    for (size_t i = 0; i < verbs_.size() && verbs_[i].begin < t; ++i) before = i;
    bool marked = false;
    if (before < verbs_.size() && t - verbs_[before].end <= kReach) {
      bool clause_break = false;
      for (uint32_t k = verbs_[before].end; k < t; ++k) {
        std::string_view w = W(k);
        clause_break |= w == "," || w == ";" || w == ":" || IsClauseOpener(w);
      }
      if (!clause_break) {
        historical[before] = true;
        marked = true;
      }
    }
    if (!marked && before == verbs_.size()) {
      for (size_t i = 0; i < verbs_.size(); ++i) {
        if (verbs_[i].begin > t) {
          historical[i] = true;
          break;
        }
      }
    }
  }
  return historical;
}

void SentenceAnalysis::AnchorRoleTarget(uint32_t mention, const std::vector<ActorRef>& sources,
                                        std::vector<ActorRef>* targets) const {
  // "provided military intelligence to Macedonia", "food aid to refugees fleeing the war in
  // Liberia", "arrested militants in Gaza": a bare role word as the object says nothing about
  // who is acted upon; the actor named in the rest of its phrase does. After TO / FOR / INTO /
  // WITH / AGAINST (or for "its troops", the subject's own) that actor is the target itself;
  // after IN / FROM / OF / ON / AT / NEAR it locates the role ("refugees" of Liberia: LBRREF).
  const Mention& m = mentions_[mention];
  if (!m.agent_only || m.actor.code.find('/') != std::string::npos) return;
  std::string_view first_prep;
  const uint32_t limit = std::min({n_, m.end + 10, roles_end_});
  for (uint32_t t = m.end; t < limit; ++t) {
    std::string_view w = W(t);
    if (w == "," || w == ";" || w == ":" || w == "--" || IsClauseOpener(w)) return;
    if (first_prep.empty() && (IsPreposition(w) || w == "TO")) first_prep = w;
    if (mention_of_[t] == kNone) continue;
    const Mention& anchor = mentions_[mention_of_[t]];
    if (anchor.agent_only || t == 0 || first_prep.empty()) return;
    for (const ActorRef& src : sources) {
      if (src.begin == anchor.begin && src.end == anchor.end) return;
    }
    std::string_view owner = W(m.begin);
    bool theme = first_prep == "TO" || first_prep == "FOR" || first_prep == "INTO" ||
                 first_prep == "WITH" || first_prep == "AGAINST" || first_prep == "TOWARD" ||
                 first_prep == "TOWARDS" || owner == "ITS" || owner == "THEIR" ||
                 (m.begin > 0 && (W(m.begin - 1) == "ITS" || W(m.begin - 1) == "THEIR"));
    if (theme) {
      *targets = Group(mention_of_[t]);
    } else {
      if (anchor.actor.code.find('/') != std::string::npos || GroupSize(mention_of_[t]) > 1) return;
      for (ActorRef& r : *targets) {
        r.code = ComposeCode(anchor.actor.code, m.agents);
      }
    }
    return;
  }
}

uint32_t SentenceAnalysis::TrailingAttributionStart() const {
  // The sentence's last segment after a comma, without the closing punctuation.
  uint32_t end = n_;
  while (end > 0 && IsPunct(end - 1) && W(end - 1) != ",") --end;
  uint32_t c = end;
  while (c > 0 && W(c - 1) != ",") {
    --c;
    if (W(c) == ";" || W(c) == ":" || W(c) == "--") return n_;
  }
  if (c == 0) return n_;
  const uint32_t comma = c - 1;
  if (comma + 3 < end && W(comma + 1) == "ACCORDING" && W(comma + 2) == "TO") return comma;
  // ", officials in Nairobi said on Monday." / ", said a spokesman.": a speech verb within a
  // short noun phrase of the comma, and after it nothing that could be a clause of its own
  // (", the army said it had shelled X" reports an event there; its roles stay available).
  uint32_t speech = kNone;
  for (uint32_t x = c; x < end && x < c + 12; ++x) {
    if (IsClauseOpener(W(x))) return n_;
    if (IsSpeechVerb(W(x)) && W(x) != "SAYING") {
      speech = x;
      break;
    }
  }
  if (speech == kNone) return n_;
  for (uint32_t x = speech + 1; x < end; ++x) {
    if (W(x) == "THAT" || IsSubjectPronoun(W(x))) return n_;
    if (verb_of_[x] != kNone && !EndsWith(W(x), "ED")) return n_;  // "in remarks published"
  }
  return comma;
}

uint32_t SentenceAnalysis::AgreedClauseEnd(const Verb& v) const {
  // "agreed (on Wednesday) that their countries should cooperate": THAT within a few words,
  // no verb before it.
  // Only a clause of what should be done: in "promised that it would provide aid" the
  // promised act is coded by its own verb, as announced.
  for (uint32_t t = v.end; t < std::min(n_, v.end + 4); ++t) {
    if (W(t) == "THAT") {
      for (uint32_t k = t + 1; k < std::min(n_, t + 8) && verb_of_[k] == kNone; ++k) {
        if (W(k) == "SHOULD" || W(k) == "MUST" || W(k) == "OUGHT") return DemandedClauseEnd(v);
      }
      return 0;
    }
    if (verb_of_[t] != kNone || W(t) == ",") break;
  }
  return 0;
}

uint32_t SentenceAnalysis::DemandedClauseEnd(const Verb& v) const {
  bool verb_seen = false;
  for (uint32_t t = v.end; t < n_; ++t) {
    std::string_view w = W(t);
    if (w == "," || w == ";" || w == ":" || w == "--" || w == "WHO" || w == "WHICH" ||
        w == "WHOSE" || w == "WHERE" || w == "WHILE" || w == "BECAUSE" || w == "AFTER") {
      return t;
    }
    // "that" opening the demanded clause comes before its verb; after the verb it opens a
    // relative clause ("return a helicopter that was captured by ...") that asserts a fact.
    if (w == "THAT" && verb_seen) return t;
    if (verb_of_[t] != kNone && !LooksLikeNoun(t)) verb_seen = true;
  }
  return n_;
}

// "issued a statement condemning the attack", "a declaration demanding that ...": a text whose
// participle says what it does. The participle is the act of whoever issued the text, not a
// description of background (as in "aid to refugees fleeing the war").
bool IsStatementNoun(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kNouns = {
      "STATEMENT",   "STATEMENTS", "DECLARATION", "DECLARATIONS", "COMMUNIQUE",
      "COMMUNIQUES", "LETTER",     "LETTERS",     "RESOLUTION",   "RESOLUTIONS",
      "MEMORANDUM",  "PETITION",   "REMINDER",    "NOTE"};
  return std::find(kNouns.begin(), kNouns.end(), w) != kNouns.end();
}

bool SentenceAnalysis::IsNounModifyingParticiple(const Verb& v) const {
  if (!EndsWith(W(v.word), "ING") || v.group_begin != v.begin || v.infinitive || v.begin < 2) {
    return false;
  }
  const uint32_t p = v.begin - 1;
  std::string_view prev = W(p);
  // The noun: an actor mention or a common noun (not a function word, not capitalised
  // mid-sentence, not a verb form of its own).
  uint32_t noun_begin = p;
  if (mention_of_[p] != kNone) {
    noun_begin = mentions_[mention_of_[p]].begin;
  } else if (!tok_[p].has(text::kWord) || IsFunctionWord(prev) || IsSubjectPronoun(prev) ||
             IsAdverbLike(prev) || verb_of_[p] != kNone || IsNumberWord(prev) ||
             IsStatementNoun(prev)) {
    return false;
  }
  // An earlier verb whose predicate holds the noun: the noun is no subject of the participle.
  for (const Verb& other : verbs_) {
    if (other.end > noun_begin) break;
    if (!other.speech) {
      for (uint32_t k = other.end; k < noun_begin; ++k) {
        std::string_view w = W(k);
        if (w == "," || w == ";" || w == ":" || IsClauseOpener(w) || w == "AND") return false;
      }
      return true;
    }
  }
  return false;
}

bool SentenceAnalysis::IsAppositiveParticipleWithAgent(const Verb& v) const {
  if (v.group_begin != v.begin || v.infinitive || v.begin < 2 || v.end + 1 >= n_ ||
      W(v.begin - 1) != "," || W(v.end) != "BY") {
    return false;
  }
  std::string_view w = W(v.word);
  // The sentence's own verb comes before it ("Backed by Rwanda, the rebels ..." has no comma
  // before the participle anyway).
  return (EndsWith(w, "ED") || IsIrregularPast(w)) && !verbs_.empty() &&
         verbs_.front().begin < v.begin;
}

bool SentenceAnalysis::IsParticipleAfterThing(const Verb& v) const {
  if (!IsAppositiveParticipleWithAgent(v)) return false;
  const uint32_t noun = v.begin - 2;
  return tok_[noun].has(text::kWord) && mention_of_[noun] == kNone && verb_of_[noun] == kNone &&
         !IsFunctionWord(W(noun)) && !IsSubjectPronoun(W(noun));
}

bool SentenceAnalysis::IsStatementParticiple(size_t vi) const {
  if (vi == 0) return false;
  const Verb& v = verbs_[vi];
  const Verb& issuing = verbs_[vi - 1];
  if (!EndsWith(W(v.word), "ING") || v.group_begin != v.begin || v.begin < 1 ||
      !IsStatementNoun(W(v.begin - 1)) || issuing.end >= v.begin) {
    return false;
  }
  for (uint32_t k = issuing.end; k + 1 < v.begin; ++k) {
    std::string_view w = W(k);
    if (w == "," || w == ";" || w == ":" || IsClauseOpener(w) || w == "AND") return false;
  }
  return true;
}

uint32_t SentenceAnalysis::StatementIssuer(size_t vi) const {
  if (!IsStatementParticiple(vi) || verbs_[vi - 1].passive) return kNone;
  return FindSubject(verbs_[vi - 1].group_begin, verbs_[vi - 1].infinitive);
}

// What a text can do: say, appeal, intend, endorse, demand, criticise, reject, threaten (CAMEO
// 01-03, 05, 10-13). "a statement calling Davis an icon" is no telephone call (041).
bool IsVerbalActCode(std::string_view code) {
  if (code.size() < 2) return false;
  std::string_view root = code.substr(0, 2);
  return root == "01" || root == "02" || root == "03" || root == "05" || root == "10" ||
         root == "11" || root == "12" || root == "13";
}

// "Russia threatened to stop negotiations if the United States goes ahead", "will boycott the
// elections unless the president agrees to step down": a threat is made to the one whose act
// its condition names - the subject of the "unless" / "if" clause that follows the threatening
// verb in the same sentence, before any trailing attribution. kNone when there is no such
// clause or its subject is no actor.
uint32_t SentenceAnalysis::ConditionActor(const Verb& v) const {
  for (uint32_t t = v.end; t < roles_end_; ++t) {
    std::string_view w = W(t);
    if (w == ";" || w == ":") return kNone;
    if (w != "UNLESS" && w != "IF") continue;
    for (uint32_t k = t + 1; k < std::min(roles_end_, t + 6); ++k) {
      if (mention_of_[k] != kNone) return mention_of_[k];
      if (verb_of_[k] != kNone || W(k) == ",") return kNone;
    }
    return kNone;
  }
  return kNone;
}

bool SentenceAnalysis::IsOwnPlaceTarget(const std::vector<ActorRef>& sources,
                                        const std::vector<ActorRef>& targets) const {
  if (targets.size() != 1 || sources.empty()) return false;
  const ActorRef& place = targets.front();
  const std::string& source = sources.front().code;
  if (source.size() != 3 || place.code != source || !lex_.IsCountryCode(source)) return false;
  // "in Kirkuk", "in the northern city of Kirkuk": a locative preposition shortly before.
  for (uint32_t k = place.begin; k > 0 && k + 6 > place.begin; --k) {
    if (IsLocativePreposition(W(k - 1))) return true;
    if (W(k - 1) == "," || verb_of_[k - 1] != kNone || mention_of_[k - 1] != kNone) break;
  }
  return false;
}

// A protest that names no one it is against ("opposition parties in Nepal organized a general
// strike", "Algerians demonstrated") is, in CAMEO and PLOVER practice, directed at the
// protesters' own state: the target is their country, named by the protesters' own mention (its
// country part). Protesters that no dictionary names, demonstrating in a country ("ethnic
// Albanians demonstrated in Serbia"), are that country's residents protesting to its government.
// Only for CAMEO 141-145 (the generic 140 is mostly "demonstrated a new phone"), and only when
// the protesters are people of a country: not the state itself (GOV, MIL, COP, JUD, ... or a
// country named by its name, "France"), not a body without a country (an IGO, "media"), and not
// sources of different countries (whose state would be the target is then unclear).
void SentenceAnalysis::DomesticMeasureTarget(const std::string& code,
                                             const std::vector<ActorRef>& sources,
                                             std::vector<ActorRef>* targets) const {
  static constexpr std::array<std::string_view, 6> kDomesticMeasures = {"1723", "1724", "1323",
                                                                        "1324", "0813", "0814"};
  if (!targets->empty() || sources.empty() ||
      std::find(kDomesticMeasures.begin(), kDomesticMeasures.end(), code) ==
          kDomesticMeasures.end()) {
    return;
  }
  // Only a state imposes them on its country: its government, forces, police or courts, or the
  // country itself. Rebels, parties and bodies have no country of their own to put under curfew.
  const ActorRef& source = sources.front();
  if (source.code.size() < 3 || source.code.size() % 3 != 0 ||
      !lex_.IsCountryCode(std::string_view(source.code).substr(0, 3))) {
    return;
  }
  for (size_t k = 3; k < source.code.size(); k += 3) {
    std::string_view role = std::string_view(source.code).substr(k, 3);
    if (role != "GOV" && role != "MIL" && role != "COP" && role != "JUD" && role != "SPY" &&
        role != "LEG" && role != "ELI") {
      return;
    }
  }
  const std::string country = source.code.substr(0, 3);
  ActorRef target = source;
  target.entity.clear();
  target.code = source.code == country ? country + "PPL" : country;
  targets->push_back(std::move(target));
}

void SentenceAnalysis::ImplicitProtestRoles(const Verb& v, const std::string& code,
                                            std::vector<ActorRef>* sources,
                                            std::vector<ActorRef>* targets) const {
  if (code.size() < 3 || code.compare(0, 2, "14") != 0 || code[2] < '1' || code[2] > '5') return;
  static constexpr std::array<std::string_view, 16> kNotCountries = {
      "IGO", "NGO", "IMG", "MNC", "MED", "UAF", "REB", "INS",
      "OPP", "BUS", "CVL", "EDU", "PPL", "AGR", "LAB", "REF"};
  auto country_of = [&](const std::string& c) -> std::string {
    if (c.size() < 3 || !lex_.IsCountryCode(std::string_view(c).substr(0, 3))) return "";
    for (std::string_view no : kNotCountries) {
      if (c.compare(0, 3, no) == 0) return "";
    }
    return c.substr(0, 3);
  };
  // The state as the target: the bare country code, or its government when the protesters'
  // code is the bare country too (an event from an actor to itself is never emitted).
  auto state_of = [](const ActorRef& from, const std::string& country) {
    ActorRef state = from;
    state.entity.clear();
    state.code = from.code == country ? country + "GOV" : country;
    return state;
  };
  // People of the country, not its state: a role that is not the state's, or a bare country
  // named by a plural demonym ("Algerians", "Iraqis", "Kurds"), not by its name ("France", "the
  // United States": the entity's name ends with the mention's last word).
  auto people_of = [&](const ActorRef& a, const std::string& country) {
    if (a.code.size() > 3) {
      for (size_t k = 3; k + 3 <= a.code.size(); k += 3) {
        std::string_view role = std::string_view(a.code).substr(k, 3);
        if (role == "GOV" || role == "MIL" || role == "COP" || role == "JUD" || role == "SPY" ||
            role == "LEG") {
          return false;
        }
      }
      return true;
    }
    if (a.code != country || a.end <= a.begin) return false;
    // "Iraqi Kurds", "Tibetan monks": the country's adjective before a plural noun that no
    // dictionary codes names people of the country.
    if (a.end < roles_end_ && verb_of_[a.end] == kNone && mention_of_[a.end] == kNone &&
        tok_[a.end].has(text::kWord) && !IsFunctionWord(W(a.end)) && W(a.end).size() >= 4 &&
        W(a.end).back() == 'S' && !EndsWith(W(a.end - 1), "S")) {
      return true;
    }
    std::string_view last = W(a.end - 1);
    if (last.size() < 4 || last.back() != 'S') return false;
    std::string entity = a.entity;
    for (char& ch : entity) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return !(entity.size() >= last.size() &&
             entity.compare(entity.size() - last.size(), last.size(), last) == 0);
  };
  // "Hundreds of thousands of people blocked streets in Hong Kong": protesters named only by a
  // civilian role take the country of the place where they protest (the first "in <place>" of
  // the clause after the verb), as "opposition parties in Nepal" takes Nepal's.
  static constexpr std::array<std::string_view, 7> kCivilianRoles = {"PPL", "CVL", "OPP", "LAB",
                                                                     "EDU", "AGR", "REF"};
  auto civilian_role_only = [&](const ActorRef& a) {
    if (a.code.empty() || a.code.size() % 3 != 0) return false;
    for (size_t k = 0; k < a.code.size(); k += 3) {
      std::string_view role = std::string_view(a.code).substr(k, 3);
      if (std::find(kCivilianRoles.begin(), kCivilianRoles.end(), role) == kCivilianRoles.end()) {
        return false;
      }
    }
    return true;
  };
  if (!sources->empty() && civilian_role_only(sources->front())) {
    std::string place_country;
    for (uint32_t t = v.end; t + 1 < roles_end_ && place_country.empty(); ++t) {
      std::string_view w = W(t);
      if (w == ";" || w == ":" || (t > v.end && verb_of_[t] != kNone)) break;
      if (w != "IN") continue;
      uint32_t k = t + 1;
      while (k < roles_end_ && IsDeterminer(W(k))) ++k;
      if (k < roles_end_ && mention_of_[k] != kNone && mentions_[mention_of_[k]].begin == k) {
        place_country = country_of(mentions_[mention_of_[k]].actor.code);
      }
    }
    if (!place_country.empty()) {
      for (ActorRef& src : *sources) {
        if (civilian_role_only(src)) src.code = place_country + src.code;
      }
    }
  }
  // "Algerians demonstrated in Algiers", "Iraqi Kurds demonstrated in Kirkuk": a place of the
  // protesters' own country names where they protest, not whom (no event would be left at all).
  if ((targets->empty() || IsOwnPlaceTarget(*sources, *targets)) && !sources->empty()) {
    const std::string country = country_of(sources->front().code);
    if (country.empty()) return;
    for (const ActorRef& s : *sources) {
      if (country_of(s.code) != country || !people_of(s, country)) return;
    }
    targets->clear();
    targets->push_back(state_of(sources->front(), country));
  } else if (sources->empty() && targets->size() == 1) {
    // Only the verbs that name a demonstration: "marches on in Mexico" is no protest.
    std::string_view verb = W(v.word);
    if (verb.rfind("DEMONSTRAT", 0) != 0 && verb.rfind("PROTEST", 0) != 0 &&
        verb.rfind("RALL", 0) != 0 && verb.rfind("RIOT", 0) != 0) {
      return;
    }
    const ActorRef& place = targets->front();
    const std::string country = country_of(place.code);
    if (country.empty() || place.begin == 0 || !IsLocativePreposition(W(place.begin - 1))) {
      return;
    }
    ActorRef residents = place;
    residents.entity.clear();
    sources->push_back(residents);
    targets->front() = state_of(place, country);
  }
}

SentenceAnalysis::VerbCode SentenceAnalysis::ChooseVerbCode(const Verb& v, Binding* bind) const {
  VerbCode vc;
  vc.block = v.block;
  // The verb's own block, then its alternates (no vector: this runs for every verb).
  for (size_t k = 0; k <= v.alternates.size(); ++k) {
    const auto [b, f] =
        k == 0 ? std::pair<uint32_t, uint32_t>{v.block, v.form} : v.alternates[k - 1];
    const auto& patterns = lex_.patterns(b);
    // Pattern i of the block, whose gate word the sentence may have: true when it matches.
    // b and f are captured by copy: clang before 16 cannot capture structured bindings.
    auto try_pattern = [&, b = b, f = f](size_t i) {
      const auto& cp = patterns[i];
      for (uint32_t id : cp.required_words) {
        if (!MayHaveWord(id) ||
            !std::binary_search(sentence_word_ids_.begin(), sentence_word_ids_.end(), id)) {
          return false;
        }
      }
      const auto& pattern = dict_.verbs[b].patterns[cp.pattern_index];
      // A pattern written for another verb of the block does not apply: "- $ * + [173]
      // # IMPRISON" does not make "held talks" an arrest. (Measured against letting such a
      // pattern apply when its code family is the verb's own, or when no pattern written
      // for the verb ties with it, or, as PETRARCH does, to every verb no pattern was written
      // for: all scored lower on PLOVER_GSR and PETR2_GSR.)
      if (!pattern.owner_forms.empty() &&
          !std::binary_search(pattern.owner_forms.begin(), pattern.owner_forms.end(), f)) {
        return false;
      }
      if (!MatchPattern(cp, v, bind)) return false;
      vc.pattern = static_cast<int32_t>(cp.pattern_index);
      vc.pattern_has_words = !cp.required_words.empty();
      vc.block = b;
      vc.code = pattern.code;
      vc.alt_code = pattern.alt_code;
      return true;
    };
    if (const lexicon::Lexicon::GateIndex* index = lex_.gate_index(b)) {
      // A large block: the patterns gated by the sentence's words (and the ungated ones), in
      // the block's order, found by looking the sentence's words up among the gates.
      std::vector<uint32_t>& candidates = gated_candidates_;
      candidates.clear();
      auto w = index->words.begin();
      uint32_t last = lexicon::Lexicon::kNoWord;
      for (uint32_t id : sentence_word_ids_) {  // ascending, so the search only moves on
        if (id == last || !index->MayBeGate(id)) continue;
        last = id;
        w = std::lower_bound(w, index->words.end(), id);
        if (w == index->words.end()) break;
        if (*w != id) continue;
        const size_t g = static_cast<size_t>(w - index->words.begin());
        candidates.insert(candidates.end(), index->positions.begin() + index->begin[g],
                          index->positions.begin() + index->begin[g + 1]);
      }
      candidates.insert(candidates.end(), index->ungated.begin(), index->ungated.end());
      std::sort(candidates.begin(), candidates.end());
      for (uint32_t i : candidates) {
        if (try_pattern(i)) return vc;
      }
      continue;
    }
    const uint32_t* gates = lex_.pattern_gates(b).data();
    for (size_t i = 0, n = patterns.size(); i < n; ++i) {
      // The cheap test first: most patterns stop at their rarest word's filter bit.
      const uint32_t g = gates[i];
      if (g != lexicon::Lexicon::kNoWord && !MayHaveWord(g)) continue;
      if (try_pattern(i)) return vc;
    }
  }
  *bind = Binding();  // a pattern that failed half-way must leave no slots bound
  return DefaultVerbCode(v);
}

SentenceAnalysis::VerbCode SentenceAnalysis::DefaultVerbCode(const Verb& v) const {
  VerbCode vc;
  vc.block = v.block;
  std::vector<std::pair<uint32_t, uint32_t>> blocks = {{v.block, v.form}};
  blocks.insert(blocks.end(), v.alternates.begin(), v.alternates.end());
  for (const auto& [b, f] : blocks) {
    const auto& bl = dict_.verbs[b];
    const auto& form = bl.forms[f];
    vc.code = form.code.empty() ? bl.code : form.code;
    vc.alt_code = form.code.empty() ? bl.alt_code : form.alt_code;
    vc.block = b;
    if (!vc.code.empty() && vc.code != "---") break;
  }
  return vc;
}

void SentenceAnalysis::AnnouncedActCode(const Verb& v, VerbCode* vc) const {
  if (vc->pattern >= 0) {
    const auto& p = dict_.verbs[vc->block].patterns[static_cast<size_t>(vc->pattern)];
    auto future_word = [](std::string_view w) {
      return IsFutureModal(w) || w == "WILL_" || w == "PLAN" || w == "PLANS" || w == "TO";
    };
    for (const auto& e : p.before) {
      if (e.kind == ElementKind::kWord && future_word(e.word.text)) return;
      if (e.kind == ElementKind::kSynset) {
        for (const auto& s : dict_.synsets) {
          if (s.name != e.synset) continue;
          for (const auto& member : s.members) {
            for (const auto& w : member) {
              if (future_word(w.text)) return;
            }
          }
        }
      }
    }
  }
  std::string intent = IntentCode(vc->code);
  if (intent.empty()) return;
  vc->code = std::move(intent);
  // Only the one who announces expresses an intention: "Norway is willing to send troops to
  // Lebanon" says nothing of Lebanon's (the paired 086 of "send" is no longer an event).
  vc->alt_code.clear();
}

bool SentenceAnalysis::PatternNamesNegation(uint32_t block, int32_t pattern) const {
  if (pattern < 0) return false;
  const auto& p = dict_.verbs[block].patterns[static_cast<size_t>(pattern)];
  auto negating_word = [](std::string_view w) {
    return IsNegation(w) || w == "NOT_" || w.rfind("NEVER", 0) == 0;
  };
  auto negating_synset = [&](std::string_view name) {
    for (const auto& s : dict_.synsets) {
      if (s.name != name) continue;
      for (const auto& member : s.members) {
        for (const auto& w : member) {
          if (negating_word(w.text)) return true;
        }
      }
    }
    return false;
  };
  for (const auto* side : {&p.before, &p.after}) {
    for (const auto& e : *side) {
      if ((e.kind == ElementKind::kWord && negating_word(e.word.text)) ||
          (e.kind == ElementKind::kSynset && negating_synset(e.synset))) {
        return true;
      }
    }
  }
  return false;
}

bool SentenceAnalysis::ConditionalThreatCode(const Verb& v, VerbCode* vc) const {
  if (v.modality == Modality::kNegated || v.modality == Modality::kAsserted || v.passive ||
      v.infinitive) {
    return false;
  }
  // "will", "would", "may": a stated course of action. "could" and "might" speculate ("it
  // could take an interesting turn if ...").
  bool modal = false;
  for (uint32_t k = v.group_begin; k < v.begin; ++k) {
    std::string_view w = W(k);
    modal |= IsFutureModal(w) || w == "WOULD" || w == "MAY";
  }
  if (!modal) return false;
  // The condition follows in the same clause ("if" before the verb makes the verb itself
  // the conditional one).
  bool condition = false;
  for (uint32_t t = v.end; t < n_ && !condition; ++t) {
    std::string_view w = W(t);
    if (w == ";" || w == ":" || w == "--") break;
    condition = w == "IF" || w == "UNLESS";
  }
  if (!condition) return false;
  std::string threat = IntentCode(vc->code);
  if (threat.rfind("13", 0) != 0) return false;
  vc->code = std::move(threat);
  vc->alt_code.clear();
  return true;
}

bool SentenceAnalysis::SourceIsPlace(const Verb& v, const Binding& bind,
                                     std::string_view code) const {
  if (bind.source == kNone || bind.compound) return false;
  const Mention& m = mentions_[bind.source];
  const bool violent = IsViolentCode(code);
  if (v.passive && violent) {
    // "were killed in a suicide car bombing in central Baghdad": a bare place after a locative
    // preposition, after the verb.
    return m.bare_actor && m.begin >= v.end && m.begin > 0 && bind.last_token < m.end &&
           VenueAfterLocative(bind.source);
  }
  // A passive keeps it: "were arrested in Argentina" is Argentina's arrest (PETRARCH's and
  // CAMEO's reading of a state's own territory).
  if (v.passive) return false;
  if (m.begin < v.end || m.begin == 0 || !IsLocativePreposition(W(m.begin - 1)) ||
      bind.last_token >= m.end) {
    return false;
  }
  // The actor is the whole noun phrase ("in Basra", "in Basra on Sunday"), not the modifier of
  // a noun ("in Israeli air strikes": Israel struck).
  if (m.end >= n_ || !tok_[m.end].has(text::kWord)) return true;
  std::string_view next = W(m.end);
  return IsPreposition(next) || IsFunctionWord(next) || IsCoordinator(next) || IsAdverbLike(next);
}

bool SentenceAnalysis::VenueAfterLocative(uint32_t m) const {
  constexpr uint32_t kReach = 4;  // "in central Baghdad", "near the town of Samarra"
  const uint32_t b = mentions_[m].begin;
  for (uint32_t k = b; k > 0 && k + kReach > b; --k) {
    const std::string_view w = W(k - 1);
    if (IsLocativePreposition(w)) return true;
    if (IsPunct(k - 1) || mention_of_[k - 1] != kNone || verb_of_[k - 1] != kNone ||
        (IsPreposition(w) && w != "OF") || tok_[k - 1].has(text::kCapitalized)) {
      return false;
    }
  }
  return false;
}

bool SentenceAnalysis::DeclaredRefusalCode(const Verb& v, VerbCode* vc) const {
  // A pattern that spells out the negation ("- WILL NOT * + [125]") coded the refusal itself.
  // Only a pattern's words say what is declined: a bare block default is too rough ("will not
  // come as news" is no rejected visit). "will not have to pay" (an infinitive) and "will not be
  // affected" (a passive) decline nothing.
  if (!v.will || v.modality != Modality::kNegated || v.infinitive || v.passive ||
      !vc->pattern_has_words || PatternNamesNegation(vc->block, vc->pattern)) {
    return false;
  }
  std::string refusal = RefusalCode(vc->code);
  if (refusal.empty()) return false;
  vc->code = std::move(refusal);
  vc->alt_code.clear();  // "will not send troops to X" says nothing of X's acts
  return true;
}

void SentenceAnalysis::IntendedActCode(size_t vi, VerbCode* vc) const {
  if (vi + 1 >= verbs_.size()) return;
  const Verb& v = verbs_[vi];
  const Verb& c = verbs_[vi + 1];
  // The complement right after the verb ("plans to", "is ready to", "agreed on Monday to").
  if (!c.infinitive || c.group_begin < v.end || c.group_begin > v.end + 3) return;
  Binding unused;
  VerbCode complement = ChooseVerbCode(c, &unused);
  // Only a pattern's words say enough: a bare block default is too rough ("agreed to take the
  // job" is not "take" as 192, occupy territory).
  if (!complement.pattern_has_words) return;
  std::string intent = IntentCode(complement.code);
  if (intent.empty()) return;
  vc->code = std::move(intent);
  vc->alt_code.clear();
}

void SentenceAnalysis::Run(std::vector<CandidateEvent>* out) {
  // Discards: a sports or historical phrase drops the sentence, or the whole story. A time
  // reference ("1988", "two weeks ago") only marks its own clause as history (below).
  std::vector<uint32_t> time_refs;
  for (const Match& m : matches_) {
    if (m.payload.kind != EntryKind::kDiscard) continue;
    const auto& discard = dict_.discards[m.payload.index];
    if (!discard.whole_story && IsTimeReference(discard.phrase)) {
      time_refs.push_back(m.begin);
      continue;
    }
    if (discard.whole_story) doc_->story_discarded = true;
    return;
  }
  CheckTitleCase();
  BuildMentions();
  BuildVerbs();
  std::vector<bool> historical = HistoricalVerbs(time_refs);
  CollectIssues();
  ParseSentence();
  sentence_word_ids_ = words_.ids;
  std::sort(sentence_word_ids_.begin(), sentence_word_ids_.end());
  word_id_filter_.fill(0);
  for (uint32_t id : sentence_word_ids_) {
    word_id_filter_[(id >> 6) & 63] |= uint64_t{1} << (id & 63);
  }
  if (tabari_) {
    RunTabari(out);
    return;
  }

  // "is willing to send material to help defend Saudi Arabia": an infinitive of purpose of an
  // intended act is intended too (and future), though "send material" itself codes nothing.
  for (size_t vi = 1; vi < verbs_.size(); ++vi) {
    Verb& v = verbs_[vi];
    const Verb& prev = verbs_[vi - 1];
    if (!v.infinitive || v.intended || !prev.intended || prev.modality != Modality::kFuture ||
        v.modality != Modality::kAsserted || v.group_begin < prev.end ||
        v.group_begin > prev.end + 6) {
      continue;
    }
    bool same_clause = true;
    for (uint32_t k = prev.end; k < v.group_begin; ++k) {
      std::string_view w = W(k);
      if (w == "," || w == ";" || w == ":" || w == "--" || IsClauseOpener(w) ||
          verb_of_[k] != kNone) {
        same_clause = false;
      }
    }
    if (!same_clause) continue;
    v.intended = true;
    v.modality = Modality::kFuture;
  }
  // "to help him oust General Aoun", "let them return": the bare infinitive after HELP or LET
  // (and its object) is that verb's complement, an infinitive like "to oust"; its subject is
  // not the object before it.
  for (size_t vi = 1; vi < verbs_.size(); ++vi) {
    Verb& v = verbs_[vi];
    const Verb& prev = verbs_[vi - 1];
    std::string_view pw = W(prev.word);
    if (v.infinitive || v.group_begin != v.begin || v.begin < prev.end ||
        !(pw == "HELP" || pw == "HELPS" || pw == "HELPED" || pw == "HELPING" || pw == "LET" ||
          pw == "LETS")) {
      continue;
    }
    bool object_only = v.begin == prev.end;
    if (v.begin == prev.end + 1) {
      std::string_view o = W(prev.end);
      object_only = o == "HIM" || o == "HER" || o == "THEM" || o == "US" || o == "ME" ||
                    mention_of_[prev.end] != kNone;
    } else if (v.begin > prev.end && mention_of_[prev.end] != kNone) {
      object_only = mentions_[mention_of_[prev.end]].end == v.begin;
    }
    if (object_only) v.infinitive = true;
  }

  uint32_t consumed_until = 0;  // tokens used by a previous verb's pattern
  bool subject_recorded = false;
  // Sources of the previous verb, for coordinated predicates ("X condemned ... and promised").
  std::vector<ActorRef> previous_sources;
  bool previous_passive = false;
  size_t previous_sources_verb = SIZE_MAX - 1;  // index of the verb that set previous_sources
  uint32_t last_coded_end = kNone;  // end of the last verb that produced an event
  const uint32_t attribution = TrailingAttributionStart();
  attribution_start_ = attribution;
  uint32_t demand_content_end = 0;  // end of the clause a coded demand or appeal governs
  for (size_t vi = 0; vi < verbs_.size(); ++vi) {
    const Verb& v = verbs_[vi];
    if (v.begin < consumed_until || historical[vi]) continue;
    // A verb before a trailing ", officials said" takes no role from that attribution.
    roles_end_ = v.begin < attribution ? attribution : n_;
    // "demanded that the US cancel plans to sell weapons to Taiwan", "said Sudan must return
    // the helicopter": what is demanded is the content of the coded demand, not an event.
    if (v.begin < demand_content_end) continue;
    // "food aid to refugees fleeing the civil war", "a helicopter carrying truce monitors": a
    // present participle right after a noun in an earlier verb's predicate describes that noun;
    // it is background, not an event the sentence reports.
    if (IsNounModifyingParticiple(v) || IsParticipleAfterThing(v)) continue;
    // "agreed to lift", "offered to hand over": the complement belongs to the coded verb
    // before it, which already took its object; coding both would double-count the event.
    if (v.infinitive && last_coded_end != kNone && v.group_begin <= last_coded_end + 3 &&
        v.group_begin >= last_coded_end) {
      continue;
    }
    // "met Berlusconi and Schroeder to talk about Turkey", "opened fire to disperse the
    // demonstrators": an infinitive of purpose in the clause of a coded verb says why that act
    // was done; the act itself is the event.
    if (v.infinitive && last_coded_end != kNone && v.group_begin > last_coded_end) {
      bool same_clause = true;
      for (uint32_t k = last_coded_end; k < v.group_begin; ++k) {
        std::string_view w = W(k);
        // A verb word inside the coded verb's own pattern ("began a hunger strike") is used up.
        // An infinitive on the way ("rejected an offer to host a summit to hammer out a
        // deal") is one more link of the same chain of purposes.
        if (w == "," || w == ";" || w == ":" || w == "--" || IsClauseOpener(w) ||
            (verb_of_[k] != kNone && k >= consumed_until && !LooksLikeNoun(k) &&
             !verbs_[verb_of_[k]].infinitive)) {
          same_clause = false;
        }
      }
      if (same_clause) continue;
    }
    // "accused Pakistan of sheltering militants": the gerund is the content of the accusation
    // (or request, or praise) already coded, not a second event.
    if (last_coded_end != kNone && EndsWith(W(v.word), "ING") && v.begin > 0 &&
        (W(v.begin - 1) == "OF" || W(v.begin - 1) == "FOR") && v.begin <= last_coded_end + 8) {
      continue;
    }

    // 1. A verb pattern, most specific first.
    Binding bind;
    VerbCode vc = ChooseVerbCode(v, &bind);
    // "announced that Kagame must agree to constitutional changes": what the speaker says Y
    // must do is demanded (CAMEO 10, step 3 below), not done; a speech pattern reading the
    // words of that clause ("ANNOUNCE * AGREE") would code the demanded act as the event.
    // (A pattern that already codes an appeal or a demand, "suggested * SHOULD [020]", stays.)
    if (v.speech && vc.pattern >= 0 && vc.code.rfind("02", 0) != 0 &&
        vc.code.rfind("10", 0) != 0) {
      const uint32_t addressee = DeonticClauseSubject(v);
      if (addressee != kNone && bind.last_token >= mentions_[addressee].end) {
        bind = Binding();
        vc = DefaultVerbCode(v);
      }
    }
    // "Hungary has said it will support a resolution": a speech pattern that reads the verb of
    // an announced clause ("SAY * SUPPORT") codes the act as done; the clause's own verb codes
    // it as announced (below).
    if (v.speech && vc.pattern >= 0 && vc.code.rfind("02", 0) != 0 &&
        vc.code.rfind("10", 0) != 0 && vi + 1 < verbs_.size() && verbs_[vi + 1].announced &&
        verbs_[vi + 1].begin <= bind.last_token) {
      bind = Binding();
      vc = DefaultVerbCode(v);
    }
    if ((v.intended || v.announced) && v.modality == Modality::kFuture) AnnouncedActCode(v, &vc);
    if (SourceIsPlace(v, bind, vc.code)) bind.source = kNone;
    if (vc.code == "030" || vc.code == "03") IntendedActCode(vi, &vc);
    const bool refusal = DeclaredRefusalCode(v, &vc) || ConditionalThreatCode(v, &vc);
    const int32_t pattern = vc.pattern;
    const std::string& code = vc.code;
    std::string& alt_code = vc.alt_code;  // cleared below where the reverse event is not wanted
    const bool pattern_has_words = vc.pattern_has_words;
    const uint32_t code_block = vc.block;
    // A noun by the tagger is no verb - unless the dictionary itself vouches for the verb reading
    // with more words: a multi-word verb form ("wire tap") or a pattern's words ("left for").
    // An event noun with the one it is aimed at ("Palestinian riots against Israeli military
    // policies", "protests against the government") still reports the event.
    // A verb that codes nothing and used no pattern (so consumes no words) is passed over
    // whatever its tag: it is not worth tagging.
    const bool aimed_noun = v.end + 1 < n_ && W(v.end) == "AGAINST";
    const bool codes_nothing = code.empty() || code == "---" || code.find('-') != std::string::npos;
    if (!pattern_has_words && !aimed_noun && !(codes_nothing && pattern < 0) &&
        TaggedAsNonVerb(v)) {
      continue;
    }
    if (pattern >= 0) consumed_until = std::max(consumed_until, bind.last_token + 1);
    emit_block_ = code_block;
    bool speech = v.speech;
    if (codes_nothing) continue;

    // 2. Roles.
    std::vector<ActorRef> sources, targets;
    uint32_t subject = kNone;
    uint32_t subject_begin = v.group_begin;
    if (bind.source != kNone) {
      sources = Group(bind.source);
      if (bind.compound) targets = sources;
    }
    uint32_t target_mention = bind.target;  // the mention behind `targets` after the verb
    if (bind.target != kNone) {
      // A pattern's '+' after a locative ("- * OUTSIDE +", "- * IN + CAPITAL") is a place; an
      // "against X" in the same clause names the one acted upon (as FindObject prefers it).
      const uint32_t tb = mentions_[bind.target].begin;
      if (tb > 0 && IsLocativePreposition(W(tb - 1)) && !bind.compound) {
        uint32_t against = AgainstActorAfter(mentions_[bind.target].end);
        if (against != kNone && against != bind.source) target_mention = bind.target = against;
      }
      targets = Group(bind.target);
    }
    // Empty when the sentence is not parsed, and not asked for when a pattern bound both roles
    // (the tree would go unused: the sentence may then need no parse at all) or when the rules'
    // roles are not in doubt (TreeMayHelp).
    TreeRoles tree = (bind.source != kNone && bind.target != kNone) || !TreeMayHelp(v, bind.source)
                         ? TreeRoles{}
                         : RolesFromTree(v);
    for (uint32_t* role : {&tree.subject, &tree.object, &tree.agent}) {
      if (*role != kNone && mentions_[*role].begin >= roles_end_) *role = kNone;
    }
    bool coordinated = false;
    uint32_t subject_from = v.group_begin;  // where the search for the subject starts
    if (v.group_begin > 0) {
      uint32_t k = v.group_begin - 1;
      // The token right before the verb group is "and": the verb shares the earlier subject
      // ("X and Y attacked" would have Y there instead).
      // Only when the verb it coordinates with is the one that gave `previous_sources`: in
      // "a resolution that aims to tighten sanctions and impose a blockade" the partner is the
      // uncoded "tighten", not the "said" before it.
      const bool after_and = IsCoordinator(W(k)) || W(k) == "BUT";
      coordinated = after_and && previous_sources_verb + 1 == vi;
      if (after_and && !coordinated && vi > 0 && verbs_[vi - 1].end <= k) {
        // The partner coded nothing. "... to tighten sanctions and impose a blockade": the
        // verb belongs to the same infinitive phrase and is no event either. "it would
        // prohibit aid and would deny entry": the partner's subject is this verb's too.
        const Verb& partner = verbs_[vi - 1];
        if (partner.infinitive) continue;
        subject_from = partner.group_begin;
      }
    }
    // "..., killing 20 people", "..., urging the counterpart to sign": a participle right after
    // a comma, with no auxiliary, is an adjunct of the coded clause before it and shares its
    // subject (the nearest actor to its left is usually that clause's object).
    const bool adjunct_participle = EndsWith(W(v.word), "ING") && v.group_begin == v.begin &&
                                    !v.infinitive && v.begin > 0 && W(v.begin - 1) == "," &&
                                    last_coded_end != kNone;
    // A pattern's '$' found left of the participle ("- $ * +") is the nearest actor of the
    // clause before the comma - usually its object or a place ("attacked a checkpoint near
    // Kandahar, killing four soldiers"), not the one who killed.
    const bool source_from_previous_clause =
        bind.source != kNone && !bind.compound && mentions_[bind.source].end <= v.begin;
    // An uncoded partner ("would close its embassy in Kiev and would expel ...") lends its
    // subject (subject_from above), not the '$' the pattern found in its clause.
    if (subject_from != v.group_begin && source_from_previous_clause) {
      bind.source = kNone;
      sources.clear();
    }
    // The same holds for a coordinated predicate ("said it would close its embassy in Kiev and
    // would expel ...": Kiev is no expeller).
    if ((bind.source == kNone ||
         ((adjunct_participle || coordinated) && source_from_previous_clause)) &&
        (coordinated || adjunct_participle) && !previous_sources.empty() && !previous_passive) {
      sources = previous_sources;
    } else if (bind.source == kNone) {
      subject = FindSubject(subject_from, v.infinitive);
      // The tree's subject is preferred, unless it is a bare role ("activists", "police") where
      // the rules found an actor ("activists from the Fatah Party"): the head noun of the
      // subject phrase then only names the role of the actor the rules picked.
      auto bare_role = [&](uint32_t m) {
        return mentions_[m].agent_only || mentions_[m].suffix_agents_only;
      };
      if (tree.subject != kNone &&
          !(subject != kNone && subject != tree.subject && bare_role(tree.subject) &&
            !bare_role(subject))) {
        subject = tree.subject;
      }
      std::optional<ActorRef> pronoun;
      if (subject == kNone) {
        // A pronoun right before the verb group: "he said", "they attacked".
        uint32_t k = subject_from;
        // "he is prepared to lift", "it would be ready to host": the pronoun is the subject of
        // the words that state the intention, before the infinitive's group.
        if (v.intended && k > 0) {
          uint32_t c = k - 1;  // the controlling word (READY, WILLING, PLANS, VOWED ...)
          while (c > 0 && (IsBeAuxiliary(W(c - 1)) || IsHaveAuxiliary(W(c - 1)) ||
                           IsFutureModal(W(c - 1)) || IsHypotheticalModal(W(c - 1)) ||
                           IsAdverbLike(W(c - 1)))) {
            --c;
          }
          k = c;
        }
        while (k > 0 && (IsAdverbLike(W(k - 1)) || W(k - 1) == ",")) --k;
        if (k > 0 && IsSubjectPronoun(W(k - 1))) pronoun = ResolvePronoun(k - 1);
      } else {
        subject_begin = mentions_[subject].begin;
      }
      if (v.passive || tree.passive) {
        uint32_t agent = tree.agent != kNone ? tree.agent : FindByAgent(v);
        if (agent != kNone) sources = Group(agent);
        if (bind.target == kNone) {
          if (subject != kNone) targets = Group(subject);
          else if (pronoun) targets = {*pronoun};
        }
      } else if (subject != kNone) {
        sources = Group(subject);
      } else if (pronoun) {
        sources = {*pronoun};
      }
    }
    // "Rwanda, which U.N. experts have accused of backing the M23": the relative pronoun is the
    // accused; an actor a pattern binds after "of" names what the charge is about, and one after
    // the comma that closes the relative clause ("The minister, who Russia expelled last week,
    // met the French ambassador") belongs to the main clause.
    const uint32_t relativized = RelativizedObject(v);
    if (relativized != kNone && bind.target != kNone && !bind.compound &&
        mentions_[bind.target].begin > v.end) {
      bool beyond_clause = W(v.end) == "OF";
      for (uint32_t t = v.end; !beyond_clause && t < mentions_[bind.target].begin; ++t) {
        beyond_clause = W(t) == ",";
      }
      if (beyond_clause) bind.target = kNone;
    }
    if (bind.target == kNone && !(v.passive && bind.source == kNone)) {
      uint32_t object = tree.object;
      if (object == kNone) object = relativized;
      if (object == kNone) object = FindObject(v.end, v);
      if (object != kNone && !(bind.source != kNone && object == bind.source)) {
        // A compound pattern ("% * OF": "X and Y accused each other") with a separate object
        // ("X and Y accused Z of") is an ordinary event from each member to the object.
        if (bind.compound && mentions_[object].group != mentions_[bind.source].group) {
          bind.compound = false;
          alt_code.clear();
        }
        if (!bind.compound) {
          targets = Group(object);
          target_mention = object;
        }
      }
    }
    if (target_mention != kNone && !bind.compound) {
      AnchorRoleTarget(target_mention, sources, &targets);
    }
    // "Israeli and Palestinian negotiators met in Cairo": a meeting or agreement between the
    // members of a compound subject, with at most a place after the verb, is between them.
    if (!bind.compound && sources.size() > 1 && !v.passive &&
        (code.rfind("03", 0) == 0 || code.rfind("04", 0) == 0 || code.rfind("05", 0) == 0 ||
         code.rfind("06", 0) == 0)) {
      // "renewed negotiations on an Israeli troop pullback": a topic is no participant either.
      bool places_only = true;
      for (const auto& t : targets) places_only &= PlaceOrTopicOfAgreement(t);
      if (places_only) {
        bind.compound = true;
        targets = sources;
        alt_code.clear();
      }
    }
    if (bind.compound && targets.size() > 1) {
      // "% * TALKS": members of the compound act on each other.
      std::vector<ActorRef> members = targets;
      for (const auto& s : members) {
        for (const auto& t : members) {
          if (s.code != t.code) Emit(v, code, {s}, {t}, v.modality, std::nullopt, pattern, out);
        }
      }
      // The verb is coded like any other: "reached a consensus to exchange information",
      // "signed an agreement to increase trade" - the infinitive is the content of what was
      // agreed (the rules at the top of the loop), and "met and agreed" shares the members.
      if (!members.empty()) {
        if (code.rfind("03", 0) == 0) {
          demand_content_end = std::max(demand_content_end, AgreedClauseEnd(v));
        }
        last_coded_end = v.end;
        previous_sources = members;
        previous_sources_verb = vi;
        previous_passive = v.passive;
      }
      continue;
    }

    if (IsStatementParticiple(vi)) {
      if (!IsVerbalActCode(code)) continue;
      if (uint32_t issuer = StatementIssuer(vi); issuer != kNone && sources.empty()) {
        sources = Group(issuer);
      }
    }
    if (!bind.compound) ImplicitProtestRoles(v, code, &sources, &targets);
    DomesticMeasureTarget(code, sources, &targets);
    if ((targets.empty() || IsOwnPlaceTarget(sources, targets)) && !sources.empty() &&
        code.compare(0, 2, "13") == 0) {
      if (uint32_t m = ConditionActor(v); m != kNone) {
        targets.clear();
        std::vector<ActorRef> named = Group(m);
        for (const ActorRef& t : named) {
          bool own = false;  // "X threatened to quit unless it got Y": no threat to itself
          for (const ActorRef& s : sources) own |= s.code == t.code;
          if (!own) targets.push_back(t);
        }
      }
    }

    // 3. Speech verbs introducing a clause do not make an event of their own unless a
    // pattern said so; the clause's events carry the speaker as attribution instead. A
    // trailing ", the Kremlin said" only attributes what came before it.
    if (speech && last_coded_end != kNone && last_coded_end <= v.group_begin) {
      uint32_t k = subject != kNone ? mentions_[subject].begin : v.group_begin;
      while (k > 0 && (IsDeterminer(W(k - 1)) || IsActorModifier(W(k - 1)))) --k;
      if (k > 0 && W(k - 1) == ",") continue;
    }
    if (speech && pattern < 0) {
      bool clause_follows = false;
      for (uint32_t t = v.end; t < std::min(n_, v.end + 6); ++t) {
        if (W(t) == "THAT" || verb_of_[t] != kNone) clause_follows = true;
      }
      // "X said (that) Y must / should V": X demands something of Y (CAMEO 10).
      uint32_t addressee = DeonticClauseSubject(v);
      if (addressee != kNone && !sources.empty() && !IsDenialVerb(W(v.word))) {
        Emit(v, "100", sources, Group(addressee), v.modality, std::nullopt,
             CandidateEvent::kDeonticClauseRule, out);
        last_coded_end = v.end;
        demand_content_end = DemandedClauseEnd(v);
        continue;
      }
      if (clause_follows || targets.empty()) continue;
    }

    // 4. Modality and attribution. A pattern that spells out the negation ("- NOT * [121]":
    // "has not urged" is a rejection) already coded it: the event it names is asserted. The
    // negation may also sit in a synset of the pattern ("- &NEGATVAUXVRB * OVER EFFORTS", whose
    // members are "DID N'T", "WILL NOT", ...).
    Modality modality = refusal ? Modality::kAsserted : v.modality;
    if (modality == Modality::kNegated && PatternNamesNegation(code_block, pattern)) {
      modality = Modality::kAsserted;
    }
    bool denied = false;
    std::optional<ActorRef> speaker = FindSpeaker(v, subject_begin, &denied);
    if (speaker && speaker->code.empty() && speaker->begin == speaker->end) {
      // Unknown speaker of "said" - keep the claim but no actor.
    }
    // "The United Nations will provide food aid to Liberia, the World Food Program said": the
    // actor's own body (a code that extends the source's, or that the source's extends)
    // announces the act. (A speaker of unknown or other affiliation only reports a coming act:
    // PETRARCH's validation codes "Arnor will contribute ..., a senior official said" as 071.)
    // Only a trailing attribution (TrailingAttributionStart): a speaker elsewhere ("X, who will
    // unveil his plans, said ...") is usually the source itself, speaking of something else; a
    // relative clause ("an airline that will serve as a catalyst") describes, it announces nothing.
    if (v.will && !v.announced && !v.intended && modality == Modality::kFuture && speaker &&
        !speaker->code.empty() && attribution < n_ && v.end <= attribution &&
        speaker->begin >= attribution && sources.size() == 1 && v.group_begin > 0 &&
        W(v.group_begin - 1) != "WHO" && W(v.group_begin - 1) != "WHICH" &&
        W(v.group_begin - 1) != "THAT") {
      const std::string& a = speaker->code;
      const std::string& b = sources.front().code;
      if (!b.empty() && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0)) AnnouncedActCode(v, &vc);
    }
    if (denied) {
      modality = Modality::kNegated;
    } else if (speaker && modality == Modality::kAsserted) {
      modality = Modality::kClaimed;
    }
    if (!subject_recorded && !sources.empty()) {
      // The subject is the likeliest antecedent of the next sentence's "he" or "it".
      if (uint32_t m = MentionAt(sources.front().begin);
          m != kNone && sources.front().resolution != context::Resolution::kPronoun) {
        coref_[m].subject = true;
      }
      subject_recorded = true;
    }
    previous_sources = sources;
    previous_sources_verb = vi;
    previous_passive = v.passive;
    if (!sources.empty() || !targets.empty()) {
      last_coded_end = v.end;
      // CAMEO 02 (appeal) and 10 (demand): the clause after the verb says what is asked for.
      if (!targets.empty() && modality != Modality::kNegated &&
          (code.rfind("02", 0) == 0 || code.rfind("10", 0) == 0)) {
        demand_content_end = DemandedClauseEnd(v);
      }
      // "agreed that their countries should cooperate": what is agreed is no event either.
      if (code.rfind("03", 0) == 0) {
        demand_content_end = std::max(demand_content_end, AgreedClauseEnd(v));
      }
    }
    Emit(v, code, sources, targets, modality, speaker, pattern, out);
    if (!alt_code.empty() && alt_code != "---" && !sources.empty() && !targets.empty()) {
      Emit(v, alt_code, targets, sources, modality, speaker, pattern, out, /*reciprocal=*/true);
    }
  }
}


void SentenceAnalysis::RunTabari(std::vector<CandidateEvent>* out) {
  // FORWARD: the sentence's first actor is what the next sentence's pronouns stand for,
  // whether or not this sentence codes.
  std::string first_actor;
  for (const Mention& m : mentions_) {
    if (!m.root_code.empty() && m.root_code != "---") {
      first_actor = m.root_code;
      break;
    }
  }
  RunTabariSentence(out);
  doc_->tabari_forward = std::move(first_actor);
}

void SentenceAnalysis::RunTabariSentence(std::vector<CandidateEvent>* out) {
  std::vector<int> groups;
  for (const Mention& m : mentions_) groups.push_back(m.group);
  const bool forward = tabari_->forward && !doc_->tabari_forward.empty();
  const TabariSentenceView view{tok_, n_, &mention_of_, &verb_of_, &groups, forward};
  int words = 0;
  for (uint32_t t = 0; t < n_; ++t) {
    words += tok_[t].has(text::kWord) && !tok_[t].has(text::kPossessive) &&
             !tok_[t].has(text::kClitic);
  }
  if (words < tabari_->minimum_words) return;  // TABARI's MINIMUM WORDS filter
  // Subordinate comma-delimited clauses are invisible to coding, unless that would leave the
  // sentence without a verb ("Elrond, suspicious as ever of Mordor, brushed aside ...").
  const auto comma_clauses = TabariDeletedCommaClauses(tok_, n_, *tabari_);
  std::vector<bool> deleted(n_, false);
  for (const auto& [b, e] : comma_clauses) {
    std::fill(deleted.begin() + b, deleted.begin() + e, true);
  }
  bool verb_kept = false;
  for (uint32_t t = 0; t < n_; ++t) verb_kept |= !deleted[t] && verb_of_[t] != kNone;
  for (const auto& [b, e] : comma_clauses) {
    bool has_verb = false;
    for (uint32_t t = b; t < e; ++t) has_verb |= verb_of_[t] != kNone;
    if (has_verb && !verb_kept) continue;
    for (uint32_t t = b; t < e; ++t) mention_of_[t] = verb_of_[t] = kNone;
  }
  // A time phrase coded "###" (discard) or "+++" (complex) stops the sentence.
  if (!TabariTimeSignal(tok_, n_, *tabari_).empty()) return;
  // Actor codes "###" (discard) and "+++" (complex) stop the sentence.
  for (const Mention& m : mentions_) {
    if (m.actor.code == "###" || m.actor.code == "+++") return;
  }
  if (TabariIsComplex(view, *tabari_, [&](uint32_t verb) {
        const Verb& v = verbs_[verb];
        const auto& bl = dict_.verbs[v.block];
        const auto& form = bl.forms[v.form];
        const std::string& c = form.code.empty() ? bl.code : form.code;
        return !c.empty() && c != "---" && c.back() != '?';
      })) {
    return;
  }
  const size_t first_event = out->size();
  const bool code_all = tabari_->code_by == TabariSettings::CodeBy::kAll;
  const std::vector<uint32_t> starts = tabari_->code_by == TabariSettings::CodeBy::kSentence
                                           ? std::vector<uint32_t>{0}
                                           : TabariClauseStarts(view);
  auto default_actor = [&](const std::string& code, const Verb& v) {
    ActorRef r;
    r.code = code;
    r.begin = v.begin;
    r.end = v.end;
    return std::vector<ActorRef>{r};
  };
  std::vector<ActorRef> previous_sources;
  uint32_t consumed_until = 0;
  for (size_t c = 0; c < starts.size(); ++c) {
    const uint32_t clause_begin = starts[c];
    const uint32_t clause_end = c + 1 < starts.size() ? starts[c + 1] : n_;
    // A coordination never reaches across a clause boundary ("in Ithilen or assail Arnor").
    auto in_clause = [&](std::vector<ActorRef> g) {
      std::erase_if(g, [&](const ActorRef& a) {
        return a.begin < clause_begin || a.begin >= clause_end;
      });
      return g;
    };
    for (const Verb& v : verbs_) {
      if (v.begin < clause_begin || v.begin >= clause_end || v.begin < consumed_until) continue;
      // The rule: the first pattern that matches, most specific first, else the default code.
      Binding bind;
      const VerbCode vc = ChooseVerbCode(v, &bind);
      const int32_t pattern = vc.pattern;
      const std::string& code = vc.code;
      const std::string& alt_code = vc.alt_code;
      const uint32_t code_block = vc.block;
      // A null-coded verb lets the next one code; so does a verb whose default code ends in
      // '?' (TABARI's subordinate "SAID [023?]": "X said it would act" codes ACT).
      if (code.empty() || code == "---" || (pattern < 0 && code.back() == '?')) continue;
      emit_block_ = code_block;
      if (pattern >= 0) consumed_until = std::max(consumed_until, bind.last_token + 1);

      std::vector<ActorRef> sources, targets;
      if (bind.source != kNone) {
        sources = Group(bind.source);
        if (bind.compound) targets = sources;
      } else if (bind.source_pronoun != kNone &&
                 (!previous_sources.empty() || ResolvePronoun(bind.source_pronoun))) {
        // "said he regretted": the pronoun '$' matched stands for its antecedent.
        if (!previous_sources.empty()) {
          sources = previous_sources;
        } else {
          sources = {*ResolvePronoun(bind.source_pronoun)};
        }
      } else {
        uint32_t m = TabariFirstMention(view, clause_begin, v.group_begin);
        // A pronoun before it stands in for an actor ("and then it requested that Elrond").
        for (uint32_t t = clause_begin; m != kNone && t < mentions_[m].begin; ++t) {
          if (IsSubjectPronoun(W(t)) && !previous_sources.empty()) m = kNone;
        }
        if (m != kNone && bind.target != kNone &&
            mentions_[m].group == mentions_[bind.target].group) {
          // The actor before the verb is the pattern's target ("- + WAS * DEAD": "An
          // Eriadorian was shot dead in Osgiliath"): the source is the clause's first other
          // actor after the verb.
          for (uint32_t t = v.end; t < clause_end && sources.empty(); ++t) {
            uint32_t o = mention_of_[t];
            if (o != kNone && mentions_[o].group != mentions_[bind.target].group) {
              sources = in_clause(Group(o));
            }
          }
        } else if (m != kNone) {
          sources = in_clause(Group(m));
        } else if (m == kNone) {
          // TABARI: a pronoun stands for the previous clause's source ("... and then she
          // asked Gondor"), else the last actor of the story.
          for (uint32_t t = clause_begin; t < v.group_begin && sources.empty(); ++t) {
            if (!IsSubjectPronoun(W(t))) continue;
            if (!previous_sources.empty()) {
              sources = previous_sources;
            } else if (forward) {
              ActorRef r;  // FORWARD: the previous sentence's first actor
              r.code = doc_->tabari_forward;
              r.begin = t;
              r.end = t + 1;
              r.resolution = context::Resolution::kPronoun;
              sources = {r};
            } else if (auto p = ResolvePronoun(t)) {
              sources = {*p};
            }
          }
          if (sources.empty()) sources = previous_sources;
        }
      }
      uint32_t target_from = v.end;
      if (sources.empty() && !tabari_->default_source.empty()) {
        // DEFAULT: without PRIOR the first actor after the verb is the source.
        uint32_t m = tabari_->default_prior ? kNone : TabariFirstMention(view, v.end, clause_end);
        if (m != kNone) {
          sources = {mentions_[m].actor};  // "with Gondor and Bree": Gondor acts on Bree
          target_from = mentions_[m].end;
        } else {
          sources = default_actor(tabari_->default_source, v);
        }
      }
      if (bind.target != kNone) {
        targets = Group(bind.target);
      } else if (!bind.compound) {
        int source_group = bind.source != kNone ? mentions_[bind.source].group : -1;
        if (target_from > v.end) source_group = -1;
        for (uint32_t t = target_from; t < clause_end; ++t) {
          uint32_t m = mention_of_[t];
          // "Gondor asked him": an object pronoun stands for the previous clause's source.
          if (m == kNone && (W(t) == "HIM" || W(t) == "HER" || W(t) == "THEM") &&
              !previous_sources.empty() && !sources.empty() &&
              previous_sources.front().code != sources.front().code) {
            targets = previous_sources;
            break;
          }
          if (m == kNone || mentions_[m].group == source_group) continue;
          std::vector<ActorRef> g = in_clause(Group(m));
          bool same = !sources.empty() && g.size() == 1 && g[0].code == sources[0].code &&
                      sources.size() == 1;
          if (same) {
            t = mentions_[m].end - 1;
            continue;
          }
          targets = std::move(g);
          break;
        }
      }
      if (targets.empty() && !bind.compound && !sources.empty()) {
        // No actor after the verb: it acts on the clause's other actor ("it requested that
        // Elrond assist"; under CODE ALL "restore ties with Gondor after crowds burned ...").
        for (uint32_t t = clause_begin; t < v.begin && targets.empty(); ++t) {
          uint32_t m = mention_of_[t];
          if (m == kNone) continue;
          bool is_source = false;
          for (const ActorRef& a : sources) is_source |= a.code == mentions_[m].actor.code;
          if (is_source) continue;
          if (mentions_[m].begin < t) continue;
          targets = {mentions_[m].actor};
        }
      }
      if (targets.empty() && !bind.compound && !tabari_->default_target.empty()) {
        // DEFAULT: without AFTER another actor of the source's compound is the target.
        if (!tabari_->default_after && sources.size() > 1) {
          targets.assign(sources.begin() + 1, sources.end());
          sources.resize(1);
        } else {
          targets = default_actor(tabari_->default_target, v);
        }
      }
      // "Eriador was opposed by Osgiliath": a passive verb whose pattern bound no actor swaps
      // the positional roles.
      if (v.passive && bind.source == kNone && bind.target == kNone) std::swap(sources, targets);
      previous_sources = sources;
      if (bind.compound && targets.size() > 1) {
        for (const auto& s : targets) {
          for (const auto& t : targets) {
            if (s.code == t.code) continue;
            Emit(v, code, {s}, {t}, Modality::kAsserted, std::nullopt, pattern, out);
            // A paired code ("% * [044:045]"): each pair also codes the reverse event.
            if (!alt_code.empty() && alt_code != "---") {
              Emit(v, alt_code, {t}, {s}, Modality::kAsserted, std::nullopt, pattern, out,
                   /*reciprocal=*/true);
            }
          }
        }
      } else {
        Emit(v, code, sources, targets, Modality::kAsserted, std::nullopt, pattern, out);
        if (!alt_code.empty() && alt_code != "---" && !sources.empty() && !targets.empty()) {
          Emit(v, alt_code, targets, sources, Modality::kAsserted, std::nullopt, pattern, out,
               /*reciprocal=*/true);
        }
      }
      if (!code_all) break;  // one coded verb per clause
    }
  }
  // TABARI writes an event once per sentence ("Arnor and Gondor Defense Ministers Arnor and
  // Gondor appealed" names Gondor twice).
  for (size_t i = first_event + 1; i < out->size();) {
    const CandidateEvent& e = (*out)[i];
    bool seen = false;
    for (size_t j = first_event; j < i && !seen; ++j) {
      const CandidateEvent& f = (*out)[j];
      seen = f.code == e.code && f.source.has_value() == e.source.has_value() &&
             f.target.has_value() == e.target.has_value() &&
             (!e.source || f.source->code == e.source->code) &&
             (!e.target || f.target->code == e.target->code);
    }
    if (seen) {
      out->erase(out->begin() + static_cast<std::ptrdiff_t>(i));
    } else {
      ++i;
    }
  }
  // A rule coded "###" discards the sentence, one coded "+++" marks it complex.
  for (size_t i = first_event; i < out->size(); ++i) {
    if ((*out)[i].code == "###" || (*out)[i].code == "+++") {
      out->resize(first_event);
      break;
    }
  }
}

}  // namespace

std::string EntityName(const lexicon::Phrase& root) {
  std::string out;
  for (const auto& w : root) {
    if (!out.empty()) out += ' ';
    bool start = true;
    for (char c : w.text) {
      unsigned char u = static_cast<unsigned char>(c);
      if (u >= 0x80) {
        out += c;
        start = false;
        continue;
      }
      out += start ? static_cast<char>(std::toupper(u)) : static_cast<char>(std::tolower(u));
      start = !std::isalpha(u) && c != '\'';
    }
  }
  return out;
}

bool IsHomeRole(std::string_view role) {
  return role == "COP" || role == "OPP" || role == "EDU" || role == "LAB" || role == "JUD" ||
         role == "LEG";
}

const std::string& SentenceCoder::ResolveActorCode(const lexicon::ActorEntry& actor, int32_t day) {
  static const std::string kEmpty;
  const lexicon::DatedCode* undated = nullptr;
  const lexicon::DatedCode* dated = nullptr;
  for (const auto& c : actor.codes) {
    bool unbounded = c.from_day == lexicon::kDayMin && c.to_day == lexicon::kDayMax;
    if (unbounded) {
      if (undated == nullptr) undated = &c;
    } else if (day != lexicon::kDayMin && c.from_day <= day && day <= c.to_day) {
      if (dated == nullptr) dated = &c;
    }
  }
  if (dated != nullptr) return dated->code;
  if (undated != nullptr) return undated->code;
  // Only dated codes and none fits (or no date): the latest-starting one is the best guess
  // for current news, unless we have a date before all of them.
  const lexicon::DatedCode* best = nullptr;
  for (const auto& c : actor.codes) {
    if (best == nullptr || c.from_day > best->from_day) best = &c;
  }
  return best != nullptr ? best->code : kEmpty;
}

void SentenceCoder::Code(const text::Token* tokens, uint32_t n, DocumentState* doc,
                         std::vector<CandidateEvent>* out) {
  if (n == 0 || doc->story_discarded) return;
  lex_.LookupWords(tokens, n, &words_);
  matches_.clear();
  lex_.FindMatches(words_, &matches_);
  SentenceAnalysis analysis(lex_, tokens, n, words_, matches_, doc, parser_, use_, &tree_, &tags_,
                            tabari_, &coref_);
  analysis.Run(out);
  doc->coref.EndSentence(analysis.coref_mentions());
}

}  // namespace annal::code
