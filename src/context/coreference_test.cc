#include "context/coreference.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/analyzer.h"

namespace annal::context {
namespace {

// A document analysed by the text stage; mentions are written by hand as the sentence coder
// would make them from the dictionaries.
class Doc {
 public:
  explicit Doc(std::string text) : text_(std::move(text)) { text::AnalyzeText(text_, &a_); }
  size_t sentences() const { return a_.sentences.size(); }
  const text::Token* tokens(size_t s) const {
    return a_.tokens.data() + a_.sentences[s].first_token;
  }
  uint32_t size(size_t s) const { return a_.sentences[s].size(); }
  // Sentence-relative index of the `nth` token whose norm is `norm`.
  uint32_t At(size_t s, std::string_view norm, int nth = 0) const {
    for (uint32_t t = 0; t < size(s); ++t) {
      if (tokens(s)[t].norm == norm && nth-- == 0) return t;
    }
    ADD_FAILURE() << "no token " << norm << " in sentence " << s;
    return 0;
  }
  const std::string& text() const { return text_; }

 private:
  std::string text_;
  text::AnalyzedText a_;
};

CorefMention Actor(uint32_t begin, uint32_t end, std::string code, std::string country,
                   std::string entity = "", bool person = false) {
  CorefMention m;
  m.begin = begin;
  m.end = end;
  m.code = std::move(code);
  m.country = std::move(country);
  m.entity = std::move(entity);
  m.bare_actor = true;
  m.person_entry = person;
  return m;
}

CorefMention Agent(uint32_t begin, uint32_t end, std::string roles) {
  CorefMention m;
  m.begin = begin;
  m.end = end;
  m.code = std::move(roles);
  m.agent_only = true;
  return m;
}

// Runs one sentence through `c` and returns its resolved mentions.
std::vector<CorefMention> Sentence(Coreference* c, const Doc& d, size_t s,
                                   std::vector<CorefMention> mentions) {
  c->ResolveSentence(d.tokens(s), d.size(s), d.text(), &mentions);
  return mentions;
}

TEST(CoreferenceTest, PronounsAgreeInKind) {
  Doc d("Sergei Lavrov arrived in Turkey on Tuesday. He accused it of lying. They left.");
  Coreference c;
  auto m0 = Sentence(&c, d, 0,
                     {Actor(0, 2, "RUSGOV", "RUS", "Sergei Lavrov", true),
                      Actor(d.At(0, "TURKEY"), d.At(0, "TURKEY") + 1, "TUR", "TUR")});
  EXPECT_EQ(m0[0].kind, EntityKind::kPerson);
  EXPECT_EQ(m0[1].kind, EntityKind::kOrganisation);
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {});
  auto he = c.ResolvePronoun("HE", 0, m1);
  ASSERT_TRUE(he.has_value());
  EXPECT_EQ(he->code, "RUSGOV");  // Turkey is more recent but no "he"
  EXPECT_EQ(he->entity, "Sergei Lavrov");
  auto it = c.ResolvePronoun("IT", d.At(1, "IT"), m1);
  ASSERT_TRUE(it.has_value());
  EXPECT_EQ(it->code, "TUR");
  EXPECT_FALSE(c.ResolvePronoun("THEY", 0, m1).has_value());  // no group was named
  EXPECT_FALSE(c.ResolvePronoun("I", 0, m1).has_value());
}

TEST(CoreferenceTest, PronounsReachBackTwoSentencesOnly) {
  Doc d("Sergei Lavrov spoke. Rain fell. Snow fell. He left.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "RUSGOV", "RUS", "Sergei Lavrov", true)}));
  c.EndSentence(Sentence(&c, d, 1, {}));
  c.EndSentence(Sentence(&c, d, 2, {}));
  auto m3 = Sentence(&c, d, 3, {});
  EXPECT_FALSE(c.ResolvePronoun("HE", 0, m3).has_value());
}

// The history holds its entities by pointer: a copy must own its own, so that a pronoun chain
// in the copy (which marks the entity as mentioned again) leaves the original alone.
TEST(CoreferenceTest, CopyKeepsItsOwnHistory) {
  Doc d("Sergei Lavrov spoke. Rain fell. He left. He slept.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "RUSGOV", "RUS", "Sergei Lavrov", true)}));
  Coreference copy = c;
  for (Coreference* x : {&c, &copy}) x->EndSentence(Sentence(x, d, 1, {}));
  auto m2 = Sentence(&copy, d, 2, {});
  ASSERT_TRUE(copy.ResolvePronoun("HE", 0, m2).has_value());
  copy.EndSentence(m2);
  c.EndSentence(Sentence(&c, d, 2, {}));
  auto copy3 = Sentence(&copy, d, 3, {});
  EXPECT_TRUE(copy.ResolvePronoun("HE", 0, copy3).has_value());  // the chain kept Lavrov
  auto c3 = Sentence(&c, d, 3, {});
  EXPECT_FALSE(c.ResolvePronoun("HE", 0, c3).has_value());  // out of reach in the original
}

TEST(CoreferenceTest, PronounChainKeepsEntityCurrent) {
  Doc d("Sergei Lavrov spoke. He left. He returned. He slept.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "RUSGOV", "RUS", "Sergei Lavrov", true)}));
  for (size_t s = 1; s < 4; ++s) {
    auto m = Sentence(&c, d, s, {});
    EXPECT_TRUE(c.ResolvePronoun("HE", 0, m).has_value()) << s;
    c.EndSentence(m);
  }
}

TEST(CoreferenceTest, TheyTakesAGroup) {
  Doc d("Georgian police fired on Russia. They said so.");
  Coreference c;
  auto m0 = Sentence(&c, d, 0,
                     {Actor(0, 2, "GEOCOP", "GEO"),
                      Actor(d.At(0, "RUSSIA"), d.At(0, "RUSSIA") + 1, "RUS", "RUS")});
  m0[0].bare_actor = false;  // "Georgian" + agent "police"
  m0 = Sentence(&c, d, 0, m0);
  EXPECT_EQ(m0[0].kind, EntityKind::kGroup);
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {});
  auto they = c.ResolvePronoun("THEY", 0, m1);
  ASSERT_TRUE(they.has_value());
  EXPECT_EQ(they->code, "GEOCOP");
}

TEST(CoreferenceTest, TheGeneralNeedsAMilitaryPerson) {
  Doc d("Russian army general Ivan Petrov met President Ilves. The general said so.");
  Coreference c;
  CorefMention general = Actor(0, 5, "RUSMIL", "RUS");
  general.bare_actor = false;
  CorefMention president = Agent(d.At(0, "PRESIDENT"), d.At(0, "ILVES") + 1, "GOV");
  president.code = "ESTGOV";
  president.country = "EST";
  president.agent_only = false;
  c.EndSentence(Sentence(&c, d, 0, {general, president}));
  auto m1 = Sentence(&c, d, 1, {});
  ASSERT_EQ(m1.size(), 1u);         // "the general": no dictionary agent, added by coreference
  EXPECT_EQ(m1[0].code, "RUSMIL");  // not the more recent ESTGOV: no MIL role
  EXPECT_EQ(m1[0].begin, 0u);       // the span is "The general"
  EXPECT_EQ(m1[0].end, 2u);
  EXPECT_EQ(m1[0].resolution, Resolution::kDescription);
}

TEST(CoreferenceTest, UnresolvedDescriptionIsNoActor) {
  Doc d("Estonia protested. The general said so. The general election is near.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 1, "EST", "EST")}));
  EXPECT_TRUE(Sentence(&c, d, 1, {}).empty());
  c.EndSentence({});
  EXPECT_TRUE(Sentence(&c, d, 2, {}).empty());
}

TEST(CoreferenceTest, AgentDescriptionTakesTheAntecedentWithItsRole) {
  Doc d("Russia's foreign ministry summoned the envoy. The ministry said so.");
  Coreference c;
  CorefMention ministry = Actor(0, 4, "RUSGOV", "RUS");
  ministry.bare_actor = false;
  c.EndSentence(Sentence(&c, d, 0, {ministry}));
  uint32_t t = d.At(1, "MINISTRY");
  auto m1 = Sentence(&c, d, 1, {Agent(t, t + 1, "GOV")});
  ASSERT_EQ(m1.size(), 1u);
  EXPECT_EQ(m1[0].code, "RUSGOV");
  EXPECT_EQ(m1[0].begin, t - 1);
  EXPECT_EQ(m1[0].resolution, Resolution::kDescription);
}

TEST(CoreferenceTest, BareAgentTakesTheDocumentCountry) {
  Doc d("Police arrested 40 opposition activists.");
  Coreference c;
  c.SetDocumentCountry("GEO");
  uint32_t a = d.At(0, "OPPOSITION");
  auto m = Sentence(&c, d, 0, {Agent(0, 1, "COP"), Agent(a, a + 2, "OPP")});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "GEOCOP");
  EXPECT_EQ(m[0].resolution, Resolution::kDocumentCountry);
  EXPECT_EQ(m[1].code, "GEOOPP");

  Coreference none;  // no clear country: the agent keeps its roles only
  auto n = Sentence(&none, d, 0, {Agent(0, 1, "COP")});
  EXPECT_EQ(n[0].code, "COP");
  EXPECT_EQ(n[0].resolution, Resolution::kNone);
}

TEST(CoreferenceTest, TitleAppositionNamesAPersonForTheRestOfTheDocument) {
  Doc d(
      "Vladimir Alekseyev, deputy head of Russian military intelligence, was shot. "
      "Alekseyev survived. Mr Alekseyev left.");
  Coreference c;
  uint32_t b = d.At(0, "DEPUTY");
  CorefMention title = Actor(b, d.At(0, "INTELLIGENCE") + 1, "RUSMILSPY", "RUS");
  title.bare_actor = false;
  auto m0 = Sentence(&c, d, 0, {title});
  ASSERT_EQ(m0.size(), 2u);
  EXPECT_EQ(m0[0].begin, 0u);
  EXPECT_EQ(m0[0].end, 2u);
  EXPECT_EQ(m0[0].code, "RUSMILSPY");
  EXPECT_EQ(m0[0].entity, "Vladimir Alekseyev");
  EXPECT_EQ(m0[0].resolution, Resolution::kApposition);
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {});
  ASSERT_EQ(m1.size(), 1u);
  EXPECT_EQ(m1[0].code, "RUSMILSPY");
  EXPECT_EQ(m1[0].entity, "Vladimir Alekseyev");
  EXPECT_EQ(m1[0].resolution, Resolution::kShortName);
  c.EndSentence(m1);
  auto m2 = Sentence(&c, d, 2, {});
  ASSERT_EQ(m2.size(), 1u);
  EXPECT_EQ(m2[0].begin, 0u);  // "Mr Alekseyev"
  EXPECT_EQ(m2[0].end, 2u);
}

TEST(CoreferenceTest, AppositionNeedsAName) {
  // "On Friday, the deputy minister ..." is no apposition: FRIDAY is not a name.
  Doc d("On Friday, the deputy minister of Ruritania spoke.");
  Coreference c;
  uint32_t b = d.At(0, "DEPUTY");
  CorefMention title = Actor(b, d.At(0, "RURITANIA") + 1, "RURGOV", "RUR");
  title.bare_actor = false;
  auto m = Sentence(&c, d, 0, {title});
  EXPECT_EQ(m.size(), 1u);
}

TEST(CoreferenceTest, AppositionRefinesADictionaryPerson) {
  Doc d("John Roe, Ruritania's army chief, spoke. John Roe left.");
  Coreference c;
  uint32_t b = d.At(0, "RURITANIA");
  CorefMention title = Actor(b, d.At(0, "CHIEF") + 1, "RURMIL", "RUR");
  title.bare_actor = false;
  auto m0 = Sentence(&c, d, 0, {Actor(0, 2, "RUR", "RUR", "John Roe", true), title});
  EXPECT_EQ(m0[0].code, "RURMIL");
  EXPECT_EQ(m0[0].resolution, Resolution::kApposition);
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {Actor(0, 2, "RUR", "RUR", "John Roe", true)});
  EXPECT_EQ(m1[0].code, "RURMIL");  // the title stays attached
}

TEST(CoreferenceTest, PostInAnInternationalBodyNamesWhomAPersonActsFor) {
  Doc d("John Roe, the United Nations Relief Coordinator, spoke. Jane Doe, the UN, spoke.");
  Coreference c;
  CorefMention title = Actor(d.At(0, "UNITED"), d.At(0, "COORDINATOR") + 1, "IGOUNO", "");
  title.unknown_name = true;  // "Relief Coordinator": post words no dictionary knows
  auto m0 = Sentence(&c, d, 0, {Actor(0, 2, "RUR", "RUR", "John Roe", true), title});
  EXPECT_EQ(m0[0].code, "IGOUNO");
  EXPECT_EQ(m0[0].country, "");
  EXPECT_EQ(m0[0].resolution, Resolution::kApposition);
  c.EndSentence(m0);
  // The body alone names no post: the person keeps the dictionary's code.
  auto m1 = Sentence(&c, d, 1,
                     {Actor(0, 2, "RUR", "RUR", "Jane Doe", true),
                      Actor(d.At(1, "UN"), d.At(1, "UN") + 1, "IGOUNO", "")});
  EXPECT_EQ(m1[0].code, "RUR");
  EXPECT_EQ(m1[0].resolution, Resolution::kNone);
}

TEST(CoreferenceTest, PossessivePronounLendsItsCountry) {
  Doc d("Vladimir Putin said his troops would stay.");
  Coreference c;
  uint32_t t = d.At(0, "TROOPS");
  auto m = Sentence(&c, d, 0,
                    {Actor(0, 2, "RUSGOV", "RUS", "Vladimir Putin", true), Agent(t, t + 1, "MIL")});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].code, "RUSMIL");
  EXPECT_EQ(m[1].begin, t - 1);  // "his troops"
  EXPECT_EQ(m[1].resolution, Resolution::kPronoun);
}

TEST(CoreferenceTest, AttackerAndVictimComeFromViolentEvents) {
  Doc d("The attacker fled and the victim died.");
  Coreference c;
  c.ObserveEvent(Antecedent{"RUSMIL", "", "RUS"}, Antecedent{"UKRCVL", "", "UKR"}, "190");
  c.ObserveEvent(Antecedent{"FRA", "", "FRA"}, Antecedent{"DEU", "", "DEU"}, "042");  // no
  auto m = Sentence(&c, d, 0, {});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].code, "RUSMIL");
  EXPECT_EQ(m[1].code, "UKRCVL");
}

TEST(CoreferenceTest, SubjectsAreTheMostRecentAntecedents) {
  Doc d("Vladimir Putin met Recep Erdogan. He left.");
  Coreference c;
  uint32_t e = d.At(0, "RECEP");
  auto m0 = Sentence(&c, d, 0,
                     {Actor(0, 2, "RUSGOV", "RUS", "Vladimir Putin", true),
                      Actor(e, e + 2, "TURGOV", "TUR", "Recep Erdogan", true)});
  m0[0].subject = true;
  c.EndSentence(m0);
  auto he = c.ResolvePronoun("HE", 0, Sentence(&c, d, 1, {}));
  ASSERT_TRUE(he.has_value());
  EXPECT_EQ(he->code, "RUSGOV");
}

TEST(CoreferenceTest, UnknownTitledPersonBlocksPronouns) {
  Doc d("Gordon Brown spoke on Monday. Mr Balls told the BBC. He said so. Mr Brown left.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "GBRGOV", "GBR", "Gordon Brown", true)}));
  auto m1 = Sentence(&c, d, 1, {});
  // "He" in this sentence after "Mr Balls" is not Gordon Brown.
  EXPECT_FALSE(c.ResolvePronoun("HE", d.At(1, "TOLD"), m1).has_value());
  c.EndSentence(m1);
  auto m2 = Sentence(&c, d, 2, {});
  EXPECT_FALSE(c.ResolvePronoun("HE", 0, m2).has_value());  // nor in the next one
  EXPECT_TRUE(c.ResolvePronoun("IT", 0, m2) == std::nullopt);
  c.EndSentence(m2);
  // A titled short name of a known person is no blocker: "Mr Brown" is Gordon Brown.
  auto m3 = Sentence(&c, d, 3, {});
  ASSERT_EQ(m3.size(), 1u);
  EXPECT_EQ(m3[0].code, "GBRGOV");
  EXPECT_TRUE(c.ResolvePronoun("HE", d.size(3) - 1, m3).has_value());
}

TEST(CoreferenceTest, DocumentCountryOnlyForDomesticRoles) {
  Doc d("Tourists and police arrived.");
  Coreference c;
  c.SetDocumentCountry("CUB");
  uint32_t p = d.At(0, "POLICE");
  auto m = Sentence(&c, d, 0, {Agent(0, 1, "CVL"), Agent(p, p + 1, "COP")});
  EXPECT_EQ(m[0].code, "CVL");  // tourists in Cuba are mostly foreigners
  EXPECT_EQ(m[1].code, "CUBCOP");
}

TEST(CoreferenceTest, DistantInstitutionIsTheDocumentCountrys) {
  Doc d("The US government protested. Rain fell. Snow fell. The government said so.");
  Coreference c;
  CorefMention us = Actor(0, 3, "USAGOV", "USA");
  us.bare_actor = false;
  c.EndSentence(Sentence(&c, d, 0, {us}));
  c.EndSentence(Sentence(&c, d, 1, {}));
  c.EndSentence(Sentence(&c, d, 2, {}));
  uint32_t g = d.At(3, "GOVERNMENT");
  Coreference with_country = c;
  with_country.SetDocumentCountry("GBR");
  auto m = Sentence(&with_country, d, 3, {Agent(g, g + 1, "GOV")});
  EXPECT_EQ(m[0].code, "GBRGOV");
  EXPECT_EQ(m[0].resolution, Resolution::kDocumentCountry);
  auto n = Sentence(&c, d, 3, {Agent(g, g + 1, "GOV")});  // no document country: antecedent
  EXPECT_EQ(n[0].code, "USAGOV");
  EXPECT_EQ(n[0].resolution, Resolution::kDescription);
}

TEST(CoreferenceTest, ExpletiveIt) {
  Doc d(
      "It looks like a trap. It may be seen as weak. It is not clear. It attacked Chad. "
      "It is investigating. It seemed to threaten Chad. It is thought to have fired.");
  EXPECT_TRUE(IsExpletiveIt(d.tokens(0), d.size(0), 0));
  EXPECT_TRUE(IsExpletiveIt(d.tokens(1), d.size(1), 0));
  EXPECT_TRUE(IsExpletiveIt(d.tokens(2), d.size(2), 0));
  EXPECT_FALSE(IsExpletiveIt(d.tokens(3), d.size(3), 0));
  EXPECT_FALSE(IsExpletiveIt(d.tokens(4), d.size(4), 0));
  EXPECT_FALSE(IsExpletiveIt(d.tokens(5), d.size(5), 0));
  EXPECT_FALSE(IsExpletiveIt(d.tokens(6), d.size(6), 0));  // raising: "it" is the actor
}

TEST(CoreferenceTest, UnknownNameBlocksPronounsOfItsKinds) {
  Doc d(
      "Gordon Brown spoke. Iggy Fanlo replied. He said so. Russia left. Yukos said it would sue.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "GBRGOV", "GBR", "Gordon Brown", true)}));
  c.EndSentence(Sentence(&c, d, 1, {}));  // an untitled name no dictionary knows
  auto m2 = Sentence(&c, d, 2, {});
  EXPECT_FALSE(c.ResolvePronoun("HE", 0, m2).has_value());  // Iggy Fanlo, not Gordon Brown
  EXPECT_FALSE(c.ResolvePronoun("THEY", 0, m2).has_value());
  c.EndSentence(m2);
  c.EndSentence(Sentence(&c, d, 3, {Actor(0, 1, "RUS", "RUS")}));
  auto m4 = Sentence(&c, d, 4, {});
  EXPECT_FALSE(c.ResolvePronoun("IT", d.At(4, "IT"), m4).has_value());  // Yukos
}

TEST(CoreferenceTest, SubjectOutranksNearerNounPhrases) {
  Doc d(
      "Estonia rejected the bill and now it must change. "
      "Estonia could ease a shortage once its population grows.");
  Coreference c;
  auto m0 = Sentence(&c, d, 0, {Actor(0, 1, "EST", "EST")});
  // "it" after "the bill" is Estonia by position: the subject outranks nearer phrases (a
  // known limit: here it is the bill).
  auto it = c.ResolvePronoun("IT", d.At(0, "IT"), m0);
  ASSERT_TRUE(it.has_value());
  EXPECT_EQ(it->code, "EST");
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {Actor(0, 1, "EST", "EST")});
  auto its = c.ResolvePronoun("ITS", d.At(1, "ITS"), m1);
  ASSERT_TRUE(its.has_value());  // the sentence's subject outranks "a shortage"
  EXPECT_EQ(its->code, "EST");
}

TEST(CoreferenceTest, PluralNounPhraseBlocksThey) {
  Doc d("Georgian police fired on Russia. The new rules were strict and they hurt.");
  Coreference c;
  CorefMention police = Actor(0, 2, "GEOCOP", "GEO");
  police.bare_actor = false;
  c.EndSentence(Sentence(&c, d, 0, {police}));
  auto m1 = Sentence(&c, d, 1, {});
  EXPECT_FALSE(c.ResolvePronoun("THEY", d.At(1, "THEY"), m1).has_value());  // the rules
}

TEST(CoreferenceTest, BarePluralSubjectBlocksThey) {
  Doc d("Georgian police fired on Russia. Instead sites do not host files but they link.");
  Coreference c;
  CorefMention police = Actor(0, 2, "GEOCOP", "GEO");
  police.bare_actor = false;
  c.EndSentence(Sentence(&c, d, 0, {police}));
  auto m1 = Sentence(&c, d, 1, {});
  EXPECT_FALSE(c.ResolvePronoun("THEY", d.At(1, "THEY"), m1).has_value());  // the sites
}

TEST(CoreferenceTest, DescriptionPrefersThePersonNamedWithItsTitle) {
  Doc d("Prime Minister Tony Roe met Chancellor Gordon Doe. The chancellor said so.");
  Coreference c;
  uint32_t g = d.At(0, "GORDON");
  auto m0 = Sentence(&c, d, 0,
                     {Actor(2, 4, "GBRGOV", "GBR", "Tony Roe", true),
                      Actor(g, g + 2, "GBRGOV", "GBR", "Gordon Doe", true)});
  m0[0].subject = true;  // the subject would win without the title
  c.EndSentence(m0);
  auto m1 = Sentence(&c, d, 1, {});
  ASSERT_EQ(m1.size(), 1u);
  EXPECT_EQ(m1[0].entity, "Gordon Doe");
  EXPECT_EQ(m1[0].resolution, Resolution::kDescription);
}

TEST(CoreferenceTest, NoDocumentCountryForCompanyAgentsAndGenericPlurals) {
  Doc d("Zorvex's chief executive and governments and police met.");
  Coreference c;
  c.SetDocumentCountry("GEO");
  uint32_t ce = d.At(0, "CHIEF");
  uint32_t g = d.At(0, "GOVERNMENTS");
  uint32_t p = d.At(0, "POLICE");
  auto m = Sentence(&c, d, 0,
                    {Agent(ce, ce + 2, "GOV"), Agent(g, g + 1, "GOV"), Agent(p, p + 1, "COP")});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].code, "GOV");  // the company's
  EXPECT_EQ(m[1].code, "GOV");  // governments in general
  EXPECT_EQ(m[2].code, "GEOCOP");

  // A person's agents are the state's: "Mikheil Ivan Saakashvili's administration".
  Doc p2("Mikheil Ivan Saakashvili's administration met.");
  uint32_t adm = p2.At(0, "ADMINISTRATION");
  auto m2 = Sentence(&c, p2, 0, {Agent(adm, adm + 1, "GOV")});
  EXPECT_EQ(m2[0].code, "GEOGOV");
}

TEST(CoreferenceTest, MediaAreNoCountry) {
  Doc d("The BBC reported it. The country was calm.");
  Coreference c;
  // The coder gives a media outlet's [MED] no country (Lexicon::IsCountryCode: an agent's code).
  c.EndSentence(Sentence(&c, d, 0, {Actor(1, 2, "MED", "", "Bbc")}));
  auto m1 = Sentence(&c, d, 1, {});
  EXPECT_TRUE(m1.empty());  // "the country" is not the BBC
}

TEST(CoreferenceTest, SpeakerAfterAQuotationIsNoneItNames) {
  Doc d("Ivan Roe spoke. \"Gordon Doe will win,\" he said. Gordon Doe said he would win.");
  Coreference c;
  c.EndSentence(Sentence(&c, d, 0, {Actor(0, 2, "GBRGOV", "GBR", "Ivan Roe", true)}));
  uint32_t g = d.At(1, "GORDON");
  auto m1 = Sentence(&c, d, 1, {Actor(g, g + 2, "USAGOV", "USA", "Gordon Doe", true)});
  auto he = c.ResolvePronoun("HE", d.At(1, "HE"), m1);
  ASSERT_TRUE(he.has_value());
  EXPECT_EQ(he->entity, "Ivan Roe");  // the speaker, not Gordon Doe inside the quotation
  c.EndSentence(m1);
  auto m2 = Sentence(&c, d, 2, {Actor(0, 2, "USAGOV", "USA", "Gordon Doe", true)});
  he = c.ResolvePronoun("HE", d.At(2, "HE"), m2);
  ASSERT_TRUE(he.has_value());
  EXPECT_EQ(he->entity, "Gordon Doe");  // no quotation: the sentence's own subject
}

TEST(CoreferenceTest, LooksLikePersonEntry) {
  EXPECT_TRUE(LooksLikePersonEntry(2, true));
  EXPECT_FALSE(LooksLikePersonEntry(1, true));   // KREMLIN-like single words
  EXPECT_FALSE(LooksLikePersonEntry(2, false));  // institutions are undated
}

// A country's people named by a plural demonym ("Palestinians"), or by a country's adjective
// before a plural noun the dictionaries lack ("Palestinian leaders"), are "they"; a country
// whose own name is plural ("the United States") stays "it".
TEST(CoreferenceTest, PluralDemonymAndCountryAdjectiveBeforeAPluralAreGroups) {
  Doc d("Palestinians protested. Palestinian leaders met. The United States agreed.");
  Coreference c;
  auto people = Sentence(&c, d, 0, {Actor(0, 1, "PSE", "PSE", "Palestine")});
  EXPECT_EQ(people[0].kind, EntityKind::kGroup);
  auto leaders = Sentence(&c, d, 1, {Actor(0, 1, "PSE", "PSE", "Palestine")});
  EXPECT_EQ(leaders[0].kind, EntityKind::kGroup);
  auto usa = Sentence(
      &c, d, 2,
      {Actor(d.At(2, "UNITED"), d.At(2, "STATES") + 1, "USA", "USA", "United States Of America")});
  EXPECT_EQ(usa[0].kind, EntityKind::kOrganisation);
  c.EndSentence(leaders);
  auto they = c.ResolvePronoun("THEY", 0, {});
  ASSERT_TRUE(they.has_value());
  EXPECT_EQ(they->code, "PSE");
}

// "Palestinian militants killed Israeli soldiers when they opened fire": the subject of a clause
// after WHEN continues the main clause's subject, not the nearer object (Hobbs' order); without
// a subordinator ("and they") the nearest compatible mention still wins.
TEST(CoreferenceTest, PronounAfterSubordinatorIsMainClauseSubject) {
  // "he" after WHEN continues the main subject; after AND, and a plural "they" after WHEN
  // ("Police arrested two men after they attacked a bank"), take the nearest that fits.
  Doc d(
      "Russian President Putin criticised Ukrainian President Zelensky when he spoke. "
      "Russian President Putin criticised Ukrainian President Zelensky and he spoke. "
      "Russian police arrested Ukrainian soldiers when they opened fire.");
  for (size_t s = 0; s < 3; ++s) {
    Coreference c;
    const bool people = s < 2;
    std::vector<CorefMention> mentions = {
        Actor(0, people ? 3 : 2, people ? "RUSGOV" : "RUSCOP", "RUS",
              people ? "Vladimir Putin" : "", people),
        Actor(people ? 4 : 3, people ? 7 : 5, people ? "UKRGOV" : "UKRMIL", "UKR",
              people ? "Volodymyr Zelensky" : "", people)};
    for (auto& m : mentions) m.bare_actor = false;
    auto m = Sentence(&c, d, s, mentions);
    ASSERT_EQ(m.size(), 2u);
    const char* pronoun = s < 2 ? "HE" : "THEY";
    auto r = c.ResolvePronoun(pronoun, d.At(s, pronoun), m);
    ASSERT_TRUE(r.has_value()) << s;
    EXPECT_EQ(r->code, s == 0 ? "RUSGOV" : s == 1 ? "UKRGOV" : "UKRMIL") << s;
  }
}

}  // namespace
}  // namespace annal::context
