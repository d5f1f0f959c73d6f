#include "code/sentence_coder.h"

#include <gtest/gtest.h>

#include "lexicon/dictionary_reader.h"
#include "text/analyzer.h"

namespace annal::code {
namespace {

// A small PETRARCH-format dictionary written for these tests.
constexpr char kActors[] = R"(
RUSSIA_ [RUS]
+RUSSIAN_
UKRAINE_ [UKR]
+UKRAINIAN_
ISRAEL_ [ISR]
LEBANON_ [LBN]
CYPRUS_ [CYP]
SERGEI_LAVROV_
+LAVROV_
	[RUSGOV >20040309]
HAMID_KARZAI_
+KARZAI_
	[AFGELI 750101-000101]
	[AFGGOV >011222]
UNITED_NATIONS_ [IGOUNO]
ALEXEI_PETROV_
+PRESIDENT_PETROV_
	[RUSGOV 900101-931231]
	[RUSELI]
IVAN_PETROV_
+PRESIDENT_PETROV_
	[RUSELI 640101-001231]
	[RUSGOV 010101-081231]
	[RUSELI]
MOROCCO_ [MAR]
JORDAN_ [JOR]
HASSAN_
	[JORELI 650101-980714]
	[JORELI]
U.N._

SECURITY_COUNCIL_ [IGOUNO]
U.N._ [IGOUNO]
)";

constexpr char kAgents[] = R"(
ARMY_ [~MIL]
MILITARY [~MIL]
GENERAL_ [~MIL]
POLICE_ [~COP]
FOREIGN_MINISTRY_ [~GOV]
FOREIGN_MINISTER_ [~GOV]
OFFICIAL [~GOV]
SPOKESMAN [~GOV]
KING [~GOV]
PEOPLE [~PPL]
)";

constexpr char kVerbs[] = R"(
&NEGAUX
+WILL NOT
+DID N'T

####### VERB PATTERNS #######
--- CRITICIZE [111] ---
CRITICIZE
- &NEGAUX * OVER TALKS [122]

--- ACCUSE [112] ---
ACCUSE
- * + OF [112]

--- ATTACK [190] ---
ATTACK

--- MEET [040] ---
MEET {MEETS MET MEETING}

--- SAY [010] ---
SAY {SAYS SAID SAYING}
- * PULL OUT [087]

--- ARREST [173] ---
ARREST

--- URGE [020] ---
URGE
- NOT * [121]

--- REFUSE [---] ---
REFUSE

--- PLAN [---] ---
PLAN {PLANS PLANNED PLANNING}
- * TO [030]

--- PREPARE [---] ---
PREPARE
- IS * TO [030]

--- WITHDRAW [087] ---
WITHDRAW

--- IMPOSE [170] ---
IMPOSE
- * RESTRICTIONS [172]

--- REACH [---] ---
REACH
- % * CONSENSUS [037]

--- EXCHANGE [060] ---
EXCHANGE

--- HOST [043] ---
HOST

--- CHANGE [---] ---
CHANGE {CHANGES CHANGED}

--- PROPOSE [---] ---
PROPOSE {PROPOSES PROPOSED}

--- SUSPECT [---] ---
SUSPECT {SUSPECTS SUSPECTED}

--- LIFT [080] ---
LIFT {LIFTS LIFTED LIFTING}

--- EXPEL [174] ---
EXPEL
- $ * DIPLOMATS [174]

--- CARRY [---] ---
CARRY {CARRIES CARRIED CARRYING}

--- CONFINE [170] ---
HOLD {HOLDS HOLDING HELD} [---]
IMPRISON
- $ * + [173]  # IMPRISON <ab 31 Dec 2005>
- * TALKS (WITH +) [040]  # HOLD
)";

// A second verb dictionary, loaded after the first: its default fills the first one's "---".
constexpr char kOverlayVerbs[] = R"(
####### VERB PATTERNS #######
--- REJECT_DEFAULT [120] ---
REFUSE
)";

constexpr char kDiscards[] = R"(
+WORLD CUP
1988
YEARS AGO
)";

class SentenceCoderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    lexicon::DictionarySet set;
    using K = lexicon::DictionaryKind;
    using F = lexicon::DictionaryFormat;
    ASSERT_TRUE(lexicon::ReadDictionary(kActors, "t.actors.txt", K::kActors, F::kPetrarch, &set).ok());
    ASSERT_TRUE(lexicon::ReadDictionary(kAgents, "t.agents.txt", K::kAgents, F::kPetrarch, &set).ok());
    ASSERT_TRUE(lexicon::ReadDictionary(kVerbs, "t.verbs.txt", K::kVerbs, F::kPetrarch, &set).ok());
    ASSERT_TRUE(
        lexicon::ReadDictionary(kOverlayVerbs, "o.verbs.txt", K::kVerbs, F::kPetrarch, &set).ok());
    ASSERT_TRUE(
        lexicon::ReadDictionary(kDiscards, "t.discards.txt", K::kDiscards, F::kPetrarch, &set).ok());
    for (const auto& d : set.diagnostics) ADD_FAILURE() << d.ToString();
    auto lex = lexicon::Lexicon::Build(std::move(set));
    ASSERT_TRUE(lex.ok());
    lex_ = std::move(lex).value();
  }

  // Codes every sentence of `text`; returns "SRC TGT CODE modality" lines.
  std::vector<std::string> Code(const std::string& text, const char* date = "2026-02-06",
                                const TabariSettings* tabari = nullptr) {
    text::AnalyzedText a;
    text::AnalyzeText(text, &a);
    DocumentState state;
    lexicon::ParseIsoDate(date, &state.day);
    SentenceCoder coder(*lex_, nullptr, ParserUse::kTrees, tabari);
    std::vector<std::string> out;
    for (const auto& s : a.sentences) {
      std::vector<CandidateEvent> events;
      coder.Code(a.tokens.data() + s.first_token, s.size(), &state, &events);
      for (const auto& e : events) {
        out.push_back((e.source ? e.source->code : "-") + " " + (e.target ? e.target->code : "-") +
                      " " + e.code + " " + ModalityName(e.modality));
      }
    }
    return out;
  }

  std::unique_ptr<lexicon::Lexicon> lex_;
};


TEST_F(SentenceCoderTest, PatternAppliesOnlyToTheVerbItsCommentNames) {
  // "- $ * + [173]  # IMPRISON" was written for IMPRISON; HOLD shares its block but "held
  // talks" is no arrest.
  EXPECT_EQ(Code("Russia imprisoned Ukrainian activists."),
            std::vector<std::string>{"RUS UKR 173 asserted"});
  EXPECT_EQ(Code("Russia held talks with Ukraine."),
            std::vector<std::string>{"RUS UKR 040 asserted"});
  EXPECT_EQ(Code("Russia held Ukrainian activists."), std::vector<std::string>{});
}

TEST_F(SentenceCoderTest, ActiveSubjectVerbObject) {
  EXPECT_EQ(Code("Russia attacked Ukraine on Friday."),
            std::vector<std::string>{"RUS UKR 190 asserted"});
}

TEST_F(SentenceCoderTest, PassiveWithByPutsTargetFirst) {
  EXPECT_EQ(Code("Ukraine was attacked by Russia."),
            std::vector<std::string>{"RUS UKR 190 asserted"});
}

TEST_F(SentenceCoderTest, PatternBindsTarget) {
  EXPECT_EQ(Code("Russia accused Ukraine of shelling the border."),
            std::vector<std::string>{"RUS UKR 112 asserted"});
}

TEST_F(SentenceCoderTest, AgentsComposeWithCountry) {
  EXPECT_EQ(Code("A Russian army general met Ukrainian police."),
            std::vector<std::string>{"RUSMIL UKRCOP 040 asserted"});
  EXPECT_EQ(Code("Russia's foreign ministry accused Ukraine of lying."),
            std::vector<std::string>{"RUSGOV UKR 112 asserted"});
}

TEST_F(SentenceCoderTest, AppositionKeepsTheSubject) {
  EXPECT_EQ(Code("Sergei Lavrov, the Russian foreign minister, accused Ukraine of lying."),
            std::vector<std::string>{"RUSGOV UKR 112 asserted"});
}

TEST_F(SentenceCoderTest, CompoundActorsMakeOneEventEach) {
  EXPECT_EQ(Code("Israel and Lebanon attacked Ukraine."),
            (std::vector<std::string>{"ISR UKR 190 asserted", "LBN UKR 190 asserted"}));
}

TEST_F(SentenceCoderTest, CommaListWithItsCoordinatorAfterTheLastMemberIsOneGroup) {
  // "on Iran, Libya, Sudan, and with strings attached, Cuba": the "and" comes before an aside,
  // yet the bare-comma list before it is one compound target, and the member after the aside,
  // closing the sentence, is its last.
  EXPECT_EQ(Code("Russia attacked Ukraine, Israel, Lebanon, and after a long siege, Karzai."),
            (std::vector<std::string>{"RUS UKR 190 asserted", "RUS ISR 190 asserted",
                                      "RUS LBN 190 asserted", "RUS AFGGOV 190 asserted"}));
  // A member after the aside that does not close the sentence may start a clause of its own.
  EXPECT_EQ(Code("Russia attacked Ukraine, Israel, Lebanon, and after a siege, Karzai met Lavrov."),
            (std::vector<std::string>{"RUS UKR 190 asserted", "RUS ISR 190 asserted",
                                      "RUS LBN 190 asserted", "AFGGOV RUSGOV 040 asserted"}));
  // Two members: "X, Y, and ..." may be an apposition, as before.
  EXPECT_EQ(Code("Russia attacked Ukraine, Israel, and after a long siege, Karzai."),
            (std::vector<std::string>{"RUS UKR 190 asserted"}));
  // Words between the members: not a bare list.
  EXPECT_EQ(Code("Russia attacked Ukraine, but never Israel, Lebanon, and after a siege, Karzai."),
            (std::vector<std::string>{"RUS UKR 190 asserted"}));
}

TEST_F(SentenceCoderTest, NegationIsNeverAsserted) {
  EXPECT_EQ(Code("Russia did not attack Ukraine."),
            std::vector<std::string>{"RUS UKR 190 negated"});
  EXPECT_EQ(Code("Russia never attacked Ukraine."),
            std::vector<std::string>{"RUS UKR 190 negated"});
}

TEST_F(SentenceCoderTest, ReportedSpeechIsClaimed) {
  EXPECT_EQ(Code("Lavrov said Ukraine attacked Russia."),
            std::vector<std::string>{"UKR RUS 190 claimed"});
}

TEST_F(SentenceCoderTest, FutureAndHypothetical) {
  EXPECT_EQ(Code("Russia will attack Ukraine."), std::vector<std::string>{"RUS UKR 190 future"});
  EXPECT_EQ(Code("Russia could attack Ukraine."),
            std::vector<std::string>{"RUS UKR 190 hypothetical"});
}

TEST_F(SentenceCoderTest, DateRestrictedActorCode) {
  EXPECT_EQ(Code("Karzai met Lavrov.", "2005-06-01"),
            std::vector<std::string>{"AFGGOV RUSGOV 040 asserted"});
  EXPECT_EQ(Code("Karzai met Lavrov.", "1999-06-01"),
            std::vector<std::string>{"AFGELI RUSGOV 040 asserted"});
}

// Two persons share "President Petrov": the story's date picks the one whose term holds it,
// not the one listed first (the father's 1990-93 presidency against the son's elite years).
TEST_F(SentenceCoderTest, NamesakeChosenByTheTermThatHoldsTheDate) {
  EXPECT_EQ(Code("President Petrov met Ukraine.", "1992-06-01"),
            std::vector<std::string>{"RUSGOV UKR 040 asserted"});
  EXPECT_EQ(Code("President Petrov met Ukraine.", "2005-06-01"),
            std::vector<std::string>{"RUSGOV UKR 040 asserted"});
  // Only the son's broad elite range holds 1996: he is meant, as an elite.
  EXPECT_EQ(Code("President Petrov met Ukraine.", "1996-06-01"),
            std::vector<std::string>{"RUSELI UKR 040 asserted"});
}

// "the Russian side of the divided island of Cyprus": the country's side, and the place after
// "of" says where it is - no participant, and no barrier between the subject and its verb.
TEST_F(SentenceCoderTest, SideOfAPlaceIsTheCountrysSide) {
  EXPECT_EQ(Code("The Russian side of the divided island of Cyprus attacked Ukraine."),
            std::vector<std::string>{"RUS UKR 190 asserted"});
  EXPECT_EQ(Code("Israel attacked the Russian side of the island of Cyprus."),
            std::vector<std::string>{"ISR RUS 190 asserted"});
}

// A bare home role listed with actors of one country is of that country ("Israeli soldiers and
// police"), also after a quantity ("and a group of police"); not when the list names two.
TEST_F(SentenceCoderTest, BareHomeRoleTakesItsCoordinationsCountry) {
  EXPECT_EQ(Code("The Russian army and police attacked Israel."),
            (std::vector<std::string>{"RUSMIL ISR 190 asserted", "RUSCOP ISR 190 asserted"}));
  EXPECT_EQ(Code("Lavrov and a group of police attacked Israel."),
            (std::vector<std::string>{"RUSGOV ISR 190 asserted", "RUSCOP ISR 190 asserted"}));
  EXPECT_EQ(Code("Russia, Ukraine and police attacked Israel."),
            (std::vector<std::string>{"RUS ISR 190 asserted", "UKR ISR 190 asserted",
                                      "COP ISR 190 asserted"}));
}

// "official contact", "an official visit": the adjective before a common noun is no person; the
// noun ("an official said", "a Russian official accused") and "official spokesman" still are.
TEST_F(SentenceCoderTest, AdjectivalOfficialIsNoActor) {
  EXPECT_EQ(Code("Official reports accused Ukraine of lying."),
            std::vector<std::string>{"- UKR 112 asserted"});
  EXPECT_EQ(Code("A Russian official accused Ukraine of lying."),
            std::vector<std::string>{"RUSGOV UKR 112 asserted"});
  EXPECT_EQ(Code("The Russian official spokesman accused Ukraine of lying."),
            std::vector<std::string>{"RUSGOV UKR 112 asserted"});
}

TEST_F(SentenceCoderTest, DeterminerMakesVerbFormANoun) {
  EXPECT_TRUE(Code("The attack on Ukraine shocked Russia.").empty());
}

TEST_F(SentenceCoderTest, WholeStoryDiscard) {
  EXPECT_TRUE(Code("Russia beat Ukraine at the World Cup. Russia attacked Ukraine.").empty());
}

TEST_F(SentenceCoderTest, PronounResolvesToEarlierActor) {
  EXPECT_EQ(Code("Lavrov arrived in Kyiv. He accused Ukraine of lying."),
            std::vector<std::string>{"RUSGOV UKR 112 asserted"});
}

TEST_F(SentenceCoderTest, NegationSpelledOutByThePatternIsAsserted) {
  // "- NOT * [121]": the pattern turns "did not urge" into a rejection, which happened.
  EXPECT_EQ(Code("Russia has not urged Ukraine to negotiate."),
            std::vector<std::string>{"RUS UKR 121 asserted"});
  EXPECT_EQ(Code("Russia urged Ukraine to negotiate."),
            std::vector<std::string>{"RUS UKR 020 asserted"});
}

TEST_F(SentenceCoderTest, NegationInAPatternSynsetIsAsserted) {
  // "- &NEGAUX * OVER TALKS": the synset holds the negation, so the pattern codes it.
  EXPECT_EQ(Code("Russia will not criticize Ukraine over talks."),
            std::vector<std::string>{"RUS UKR 122 asserted"});
  // Without the pattern the same negation still negates the default code.
  EXPECT_EQ(Code("Russia will not criticize Ukraine."),
            std::vector<std::string>{"RUS UKR 111 negated"});
}

TEST_F(SentenceCoderTest, PrefixedActorAfterArticleModifiesTheNoun) {
  // "an anti- Ukraine attack": the verb form after the actor is a noun, the actor the object.
  EXPECT_EQ(Code("Russia criticized an anti- Ukraine attack."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
}

TEST_F(SentenceCoderTest, LaterDictionaryFillsAnEmptyDefault) {
  EXPECT_EQ(Code("Russia refused Ukraine's offer."),
            std::vector<std::string>{"RUS UKR 120 asserted"});
}

TEST(EntityNameTest, TitleCasesDictionaryRoots) {
  EXPECT_EQ(EntityName({{"HAMID", true}, {"KARZAI", true}}), "Hamid Karzai");
  EXPECT_EQ(EntityName({{"AL-QAEDA", false}}), "Al-Qaeda");
}

// TABARI compatibility (tabari_compat.h): positional roles, one coded verb per clause, no
// modality.
TEST_F(SentenceCoderTest, TabariCompatCodesTheFirstVerbOfEachClause) {
  TabariSettings tabari;
  tabari.minimum_words = 0;
  // A conjunction before a verb opens a clause that keeps the source.
  EXPECT_EQ(Code("Russia urged Ukraine and met Lebanon on Friday.", "2026-02-06", &tabari),
            (std::vector<std::string>{"RUS UKR 020 asserted", "RUS LBN 040 asserted"}));
  // The first verb that codes is the clause's only event: SAY here, not ATTACK.
  EXPECT_EQ(Code("Russia said Ukraine attacked Israel.", "2026-02-06", &tabari),
            (std::vector<std::string>{"RUS UKR 010 asserted"}));
  // TABARI has no negation of its own (only patterns such as "NOT *").
  EXPECT_EQ(Code("Russia did not attack Ukraine.", "2026-02-06", &tabari),
            (std::vector<std::string>{"RUS UKR 190 asserted"}));
  // Annal's own conventions differ on the same sentence.
  EXPECT_NE(Code("Russia said Ukraine attacked Israel."),
            (std::vector<std::string>{"RUS UKR 010 asserted"}));
}

TEST_F(SentenceCoderTest, TabariCompatSettings) {
  TabariSettings tabari;
  // Under the default MINIMUM WORDS = 8 a short sentence is not coded.
  EXPECT_TRUE(Code("Russia attacked Ukraine.", "2026-02-06", &tabari).empty());
  tabari.minimum_words = 0;
  tabari.default_target = "DEFTAR";
  tabari.default_after = true;
  EXPECT_EQ(Code("Russia attacked.", "2026-02-06", &tabari),
            (std::vector<std::string>{"RUS DEFTAR 190 asserted"}));
  tabari.code_by = TabariSettings::CodeBy::kAll;
  EXPECT_EQ(Code("Russia said Ukraine attacked Israel.", "2026-02-06", &tabari),
            (std::vector<std::string>{"RUS UKR 010 asserted", "RUS ISR 190 asserted"}));
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, BaseFormAfterCommonNounIsCompoundHead) {
  // "the border attack": no ATTACK event with Ukraine as its subject.
  EXPECT_EQ(Code("Russia met Ukraine after the border attack."),
            std::vector<std::string>{"RUS UKR 040 asserted"});
  // A plural subject keeps a present-tense verb: "soldiers attack".
  EXPECT_EQ(Code("Russian soldiers attack Ukraine."),
            std::vector<std::string>{"RUS UKR 190 asserted"});
}

TEST_F(SentenceCoderTest, YearDiscardDatesOnlyItsOwnClause) {
  EXPECT_EQ(Code("Russia met Ukraine after an army attacked Lebanon in 1988."),
            std::vector<std::string>{"RUS UKR 040 asserted"});
  EXPECT_TRUE(Code("Russia attacked Ukraine in 1988.").empty());
  EXPECT_TRUE(Code("In 1988, Russia attacked Ukraine.").empty());
  EXPECT_EQ(Code("Israel met Lebanon on Monday, years after Russia attacked Ukraine years ago."),
            std::vector<std::string>{"ISR LBN 040 asserted"});
}

TEST_F(SentenceCoderTest, PossessiveRoleObjectGivesWayToActorAfterIt) {
  EXPECT_EQ(Code("Russia met its army in Ukraine."), std::vector<std::string>{"RUS UKR 040 asserted"});
  // Without the possessive the place gives the role its country.
  EXPECT_EQ(Code("Russia met the army in Ukraine."),
            std::vector<std::string>{"RUS UKRMIL 040 asserted"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, StatedIntentionCodesTheAnnouncement) {
  // "is willing to withdraw": CAMEO 0356 (express intent to de-escalate), not 087.
  EXPECT_EQ(Code("Russia is willing to withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 0356 future"});
  // A plain future reports the act itself, as the PETRARCH gold codes it.
  EXPECT_EQ(Code("Russia will withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 087 future"});
}

TEST_F(SentenceCoderTest, BareIntentionTakesItsComplementsIntentCode) {
  // PLAN's "- * TO [030]" says only "intends to"; what is intended (IMPOSE's "- * RESTRICTIONS
  // [172]") makes it a threat: 132, threaten with administrative sanctions.
  EXPECT_EQ(Code("Russia plans to impose restrictions on Ukraine."),
            std::vector<std::string>{"RUS UKR 132 asserted"});
  // "is prepared to" is a stance, not a passive: Russia intends, it is not acted upon.
  EXPECT_EQ(Code("Russia is prepared to impose restrictions on Ukraine."),
            std::vector<std::string>{"RUS UKR 132 asserted"});
  // A complement coded only by its block's default says too little to refine the intention.
  EXPECT_EQ(Code("Russia plans to attack Ukraine."),
            std::vector<std::string>{"RUS UKR 030 asserted"});
}

TEST_F(SentenceCoderTest, CompoundPatternVerbGovernsItsInfinitive) {
  // "% * CONSENSUS": the members agree with each other; "to exchange" is what they agreed.
  EXPECT_EQ(Code("Israel and Lebanon reached a consensus to exchange prisoners."),
            (std::vector<std::string>{"ISR LBN 037 asserted", "LBN ISR 037 asserted"}));
}

TEST_F(SentenceCoderTest, ChainOfPurposeInfinitivesIsNoEvent) {
  EXPECT_EQ(Code("Russia refused the offer of Israel to host a summit to meet Ukraine."),
            std::vector<std::string>{"RUS ISR 120 asserted"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, CoordinatedPredicateKeepsItsSubjectOverAPatternSlot) {
  // "$ * DIPLOMATS" would take Lebanon, the nearest actor on the left, as the expeller; the
  // predicate after "and" shares Russia, the subject of "met".
  EXPECT_EQ(Code("Russia met Ukraine in Lebanon and expelled diplomats."),
            (std::vector<std::string>{"RUS UKR 040 asserted", "RUS - 174 asserted"}));
}

TEST_F(SentenceCoderTest, PassiveSubjectIsNoPatternSource) {
  // "$ * DIPLOMATS" on "Russia was expelled ...": the passive's subject is acted upon.
  EXPECT_EQ(Code("Russia was expelled by Ukraine with its diplomats."),
            std::vector<std::string>{"UKR RUS 174 asserted"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, SpeechPatternDoesNotCodeADemandedAct) {
  // "said Y must pull out": Lavrov demands (100) that Ukraine pull out; SAY's "- * PULL OUT
  // [087]" would code the pulling out as done.
  EXPECT_EQ(Code("Lavrov said Ukraine must pull out of Lebanon."),
            std::vector<std::string>{"RUSGOV UKR 100 asserted"});
  // Without the modal the pattern reads what was said.
  EXPECT_EQ(Code("Lavrov said Russia will pull out."),
            std::vector<std::string>{"RUSGOV RUS 087 asserted"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, ActAnnouncedByItsActorCodesTheAnnouncement) {
  // "said it will withdraw": the actor states its own coming act, CAMEO 0356 like "is willing
  // to withdraw"; the event stays future.
  EXPECT_EQ(Code("Russia said it will withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 0356 future"});
  // Reported speech moves "will" back to "would": still an announced, future act.
  EXPECT_EQ(Code("Russia said on Monday that it would withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 0356 future"});
  // "could" is no commitment: the act keeps its code and stays hypothetical.
  EXPECT_EQ(Code("Russia said it could withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 087 hypothetical"});
}

TEST_F(SentenceCoderTest, PronounBeforeAStatedIntentionIsItsSubject) {
  // "says it is willing to withdraw": "it" (Russia) holds the intention, though the pronoun
  // stands before "is willing", not right before the infinitive.
  EXPECT_EQ(Code("Russia says it is willing to withdraw its troops from Ukraine."),
            std::vector<std::string>{"RUS UKR 0356 future"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, FutureActAttributedToItsActorsOwnBodyIsAnnounced) {
  // A trailing attribution to the actor's own body: Russia announces its withdrawal.
  EXPECT_EQ(Code("Russia will withdraw its troops from Ukraine, the Russian foreign ministry said."),
            std::vector<std::string>{"RUS UKR 0356 future"});
  // Another actor only reports the coming act, which keeps its code.
  EXPECT_EQ(Code("Russia will withdraw its troops from Ukraine, Israel said."),
            std::vector<std::string>{"RUS UKR 087 future"});
}

}  // namespace
}  // namespace annal::code

namespace annal::code {
namespace {

TEST_F(SentenceCoderTest, BaseFormAfterDeterminerAndSingularNounIsANoun) {
  // "a border attack" is a noun phrase; "the army attacked" and "the rebels attack" are verbs.
  EXPECT_EQ(Code("Russia met Ukraine after a border attack."),
            std::vector<std::string>{"RUS UKR 040 asserted"});
  EXPECT_EQ(Code("Russia met Ukraine despite all border attack."),
            std::vector<std::string>{"RUS UKR 040 asserted"});
  EXPECT_EQ(Code("The Russian army attacked Ukraine."),
            std::vector<std::string>{"RUSMIL UKR 190 asserted"});
}

// "King Hassan of Morocco": the country of the "of" phrase is the person's, and the phrase is
// one actor (the subject before the verb, not a place after a preposition). A dictionary person
// of another country is a namesake: the phrase takes the named country and its own title.
TEST_F(SentenceCoderTest, PersonOfCountryIsThePersonsCountry) {
  EXPECT_EQ(Code("King Hassan of Morocco criticized Israel.", "1990-01-01"),
            std::vector<std::string>{"MARGOV ISR 111 asserted"});
  EXPECT_EQ(Code("King Hassan of Jordan criticized Israel.", "1990-01-01"),
            std::vector<std::string>{"JORELIGOV ISR 111 asserted"});
  EXPECT_EQ(Code("President Petrov of Russia criticized Israel.", "1992-06-01"),
            std::vector<std::string>{"RUSGOV ISR 111 asserted"});
  // A possessive country starts a phrase of its own; a country is no person (its "of" phrase
  // stays apart, a place after a preposition, and no subject).
  EXPECT_EQ(Code("Israel criticized King Hassan of Morocco's army.", "1990-01-01"),
            std::vector<std::string>{"ISR JORELIGOV 111 asserted"});
  EXPECT_EQ(Code("Lebanon of Morocco criticized Israel.", "1990-01-01"),
            std::vector<std::string>{"- ISR 111 asserted"});
}

// Phoenix lists "U.N." once without a code before its IGOUNO entry; the code-less entry must not
// hide the coded one of the same words.
TEST_F(SentenceCoderTest, CodelessEntryDoesNotHideTheSameNameWithACode) {
  EXPECT_EQ(Code("Russia criticized U.N. inspectors."),
            std::vector<std::string>{"RUS IGOUNO 111 asserted"});
}

// A meeting of the members of a compound subject is between them when what follows the verb
// only names a topic - also after words that describe it ("on missing people") - or ordinary
// people it is for ("for displaced people"); an actor it is for is still the target.
TEST_F(SentenceCoderTest, MeetingOnATopicIsBetweenTheCompoundsMembers) {
  const std::vector<std::string> between = {"RUS UKR 040 asserted", "UKR RUS 040 asserted"};
  EXPECT_EQ(Code("Russia and Ukraine met on missing people."), between);
  EXPECT_EQ(Code("Russia and Ukraine met for displaced people."), between);
  EXPECT_EQ(Code("Russia and Ukraine met for Israel."),
            (std::vector<std::string>{"RUS ISR 040 asserted", "UKR ISR 040 asserted"}));
}

// The object search stops at what is not done ("without informing X"), and at the subject of a
// clause a subordinator opens ("after X attacked ..."); "in defiance of X" names whom an act at
// a place is against, as "against X" does.
TEST_F(SentenceCoderTest, ObjectSearchStopsAtClausesOfTheirOwn) {
  EXPECT_EQ(Code("Russia could attack without informing Ukraine."),
            std::vector<std::string>{"RUS - 190 hypothetical"});
  EXPECT_EQ(Code("Russia criticized the plan after Ukraine attacked Israel."),
            (std::vector<std::string>{"RUS - 111 asserted", "UKR ISR 190 asserted"}));
  EXPECT_EQ(Code("Russia criticized the plan after a meeting with Ukraine."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
  EXPECT_EQ(Code("Russia attacked positions in Lebanon in defiance of Israel."),
            std::vector<std::string>{"RUS ISR 190 asserted"});
}

// "Russian police carrying rifles attacked Ukraine": a participle phrase with an object of its
// own, right after an actor, describes it; the actor is still the subject of the verb after it.
TEST_F(SentenceCoderTest, ParticiplePhraseAfterTheSubjectKeepsIt) {
  EXPECT_EQ(Code("Russian police carrying rifles attacked Ukraine."),
            std::vector<std::string>{"RUSCOP UKR 190 asserted"});
  // A participle the verb group follows is the subject's own head noun, not a phrase about it.
  EXPECT_EQ(Code("Russian police carrying was attacked by Ukraine."),
            std::vector<std::string>{"UKR - 190 asserted"});
}

TEST_F(SentenceCoderTest, DemonymBeforeLanguageIsNoActor) {
  // "the Russian language" is a language, not Russia: no target.
  EXPECT_EQ(Code("Ukraine lifted restrictions on the Russian language."),
            std::vector<std::string>{"UKR - 080 asserted"});
  EXPECT_EQ(Code("Ukraine lifted restrictions on the Russian and Ukrainian languages."),
            std::vector<std::string>{"UKR - 080 asserted"});
  // The demonym before another noun is still the country's.
  EXPECT_EQ(Code("Ukraine lifted restrictions on Russian diplomats."),
            std::vector<std::string>{"UKR RUS 080 asserted"});
}

TEST_F(SentenceCoderTest, ObjectFollowedByDescribingParticiple) {
  // "police suspected of spying": a bare participle before a preposition describes the object;
  // it does not start a clause with the object as its subject.
  EXPECT_EQ(Code("Russia arrested on Friday Ukrainian police suspected of spying."),
            std::vector<std::string>{"RUS UKRCOP 173 asserted"});
  // A verb with an object of its own after the actor still starts a new clause.
  EXPECT_EQ(Code("Russia criticized on Friday Ukrainian police suspected Israel."),
            std::vector<std::string>{"RUS - 111 asserted"});
}

TEST_F(SentenceCoderTest, DemonymBeforeVerbFormNounIsTheObject) {
  // "proposed Ukrainian changes": the demonym modifies the noun CHANGES, which is no verb here.
  EXPECT_EQ(Code("Russia criticized proposed Ukrainian changes to the treaty."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
}

TEST_F(SentenceCoderTest, ObjectAfterAsPredicate) {
  // "criticized as a provocation Ukraine's decision": the object comes after what the act
  // calls it.
  EXPECT_EQ(Code("Russia criticized as a provocation Ukraine's decision."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
  EXPECT_EQ(Code("Russia criticized as ``reckless'' Ukraine's decision."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
}

TEST_F(SentenceCoderTest, SubjectModifiedByAPlacePhrase) {
  // "police in Israel": the phrase describes the actor before it, which is the subject.
  EXPECT_EQ(Code("Ukrainian police in Israel attacked Lebanon."),
            std::vector<std::string>{"UKRCOP LBN 190 asserted"});
  // A chain through a place noun: "in the Russian town of ...".
  EXPECT_EQ(Code("Ukrainian police in the Russian town of Cyprus attacked Lebanon."),
            std::vector<std::string>{"UKRCOP LBN 190 asserted"});
  // A common noun head is no actor: no subject.
  EXPECT_EQ(Code("Supporters of Israel attacked Lebanon."),
            std::vector<std::string>{"- LBN 190 asserted"});
}

TEST_F(SentenceCoderTest, CurrencyAndLocativeBorderAreNoActors) {
  // "the Russian dollar" is money, no participant.
  EXPECT_EQ(Code("Ukraine criticized the Russian dollar."),
            std::vector<std::string>{"UKR - 111 asserted"});
  // A border after a locative preposition is where the act happened.
  EXPECT_EQ(Code("Russia attacked positions near the Ukrainian border."),
            std::vector<std::string>{"RUS - 190 asserted"});
  EXPECT_EQ(Code("Russia attacked positions along the western Ukrainian border."),
            std::vector<std::string>{"RUS - 190 asserted"});
  // A border acted upon keeps its country.
  EXPECT_EQ(Code("Russia attacked the Ukrainian border."),
            std::vector<std::string>{"RUS UKR 190 asserted"});
}

TEST_F(SentenceCoderTest, AdjectivalMilitaryIsNoActor) {
  // "a military attack": the adjective, not the armed forces; the one acted upon follows.
  EXPECT_EQ(Code("Russia criticized a military attack on Ukraine."),
            std::vector<std::string>{"RUS UKR 111 asserted"});
  // The noun stays an actor, and a country's military phrase keeps its role.
  EXPECT_EQ(Code("The military attacked Ukraine."),
            std::vector<std::string>{"MIL UKR 190 asserted"});
  EXPECT_EQ(Code("Russian military officials criticized Ukraine."),
            std::vector<std::string>{"RUSMILGOV UKR 111 asserted"});
}

}  // namespace

}  // namespace annal::code
