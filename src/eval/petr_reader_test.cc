#include <gtest/gtest.h>

#include "eval/suites.h"

namespace annal::eval {
namespace {

PetrValidationFile Parse(std::string_view xml) {
  auto r = ParsePetrValidationXml(xml);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.status().ToString());
  return r.ok() ? r.value() : PetrValidationFile();
}

// Shaped like PETR.UnitTest.records.xml (well-formed).
constexpr std::string_view kUnitTest = R"(<Validation>
<!-- banner -->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Agentfile>PETR.Validate.agents.txt</Agentfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Include>valid DEMO ERROR</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Simple coding -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode=' ARN' targetcode='"INJURY TOLL"' eventcode="223 "></EventCoding>
<Text>
Arnor is about to restore full &amp;TIETYPE ties with Gondor almost
five years after crowds trashed its embassy.
</Text>
<Parse>
(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (NP (NNP Gondor)))))
</Parse>
</Sentence>
<Sentence date = "19950101" id ="NONE-01" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-04" category="DEMO" sentence="false">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>Deactivated.</Text>
</Sentence>
<Sentence date="19950101" id="COMPOUND-36" category="COMPOUNDx" sentence="true">
<EventCoding sourcecode="USAGOV" targetcode="GON" eventcode="064"></EventCoding>
<Text>Not included.</Text>
</Sentence>
<Sentence date="20080801" id="ERROR-01" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>CEBU CITY: -- Cordova Mayor filed a suit.</Text>
</Sentence>
<Sentence date="19950101" id="ERROR-02" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor is about to restore full diplomatic ties with Gondor.</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) </Parse>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrReaderTest, EnvironmentIsRead) {
  PetrValidationFile f = Parse(kUnitTest);
  EXPECT_EQ(f.verb_file, "PETR.Validate.verbs.txt");
  EXPECT_EQ(f.actor_file, "PETR.Validate.actors.txt");
  EXPECT_EQ(f.agent_file, "PETR.Validate.agents.txt");
  EXPECT_EQ(f.discard_file, "PETR.Validate.discards.txt");
  EXPECT_EQ(f.include, (std::vector<std::string>{"valid", "DEMO", "ERROR"}));
}

TEST(PetrReaderTest, SentencesCodingsAndText) {
  PetrValidationFile f = Parse(kUnitTest);
  ASSERT_EQ(f.records.size(), 6u);
  const GoldRecord& r = f.records[0];
  EXPECT_EQ(r.id, "DEMO-00");
  EXPECT_EQ(r.date, "1995-01-01");
  EXPECT_EQ(r.category, "DEMO");
  EXPECT_TRUE(r.scored);
  EXPECT_EQ(r.text,
            "Arnor is about to restore full &TIETYPE ties with Gondor almost five years after "
            "crowds trashed its embassy.");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_EQ(r.events[0], (Triple{"ARN", "GON", "064"}));
  EXPECT_EQ(r.events[1], (Triple{"ARN", "\"INJURY TOLL\"", "223"}));  // values trimmed
  EXPECT_EQ(r.expectation_entries, 2);
}

TEST(PetrReaderTest, NoEventsAndErrors) {
  PetrValidationFile f = Parse(kUnitTest);
  ASSERT_EQ(f.records.size(), 6u);
  EXPECT_EQ(f.records[1].id, "NONE-01");
  EXPECT_TRUE(f.records[1].scored);
  EXPECT_TRUE(f.records[1].events.empty());
  EXPECT_EQ(f.records[1].expectation_entries, 1);
  // A dateline error: PETRARCH codes nothing, and neither should annal.
  EXPECT_EQ(f.records[4].id, "ERROR-01");
  EXPECT_TRUE(f.records[4].scored);
  EXPECT_TRUE(f.records[4].events.empty());
  EXPECT_EQ(f.records[4].date, "2008-08-01");
  // A broken parse tree says nothing about the text annal codes.
  EXPECT_EQ(f.records[5].id, "ERROR-02");
  EXPECT_FALSE(f.records[5].scored);
  EXPECT_NE(f.records[5].skip_reason.find("bad_input_parse"), std::string::npos);
}

TEST(PetrReaderTest, DeactivatedAndExcludedSentencesAreNotScored) {
  PetrValidationFile f = Parse(kUnitTest);
  ASSERT_EQ(f.records.size(), 6u);
  EXPECT_EQ(f.records[2].id, "DEMO-04");
  EXPECT_FALSE(f.records[2].scored);
  EXPECT_EQ(f.records[2].events.size(), 1u);  // still read
  EXPECT_EQ(f.records[3].id, "COMPOUND-36");
  EXPECT_FALSE(f.records[3].scored);
  EXPECT_NE(f.records[3].skip_reason.find("Include"), std::string::npos);
}

// Shaped like UniversalPetrarch's PETR2_GSR_validation.xml, with its defects: a bare '#'
// header holding a literal "<EventCoding...>", self-closed <Sentence .../> start tags
// followed by content and a stray </Sentence>, a commented-out second <Parse>.
constexpr std::string_view kPetr2Gsr = R"(<?xml version='1.0' encoding='utf-8'?>
<Validation>

#######################################################
#   then the addition of <EventCoding...> records based on the PETR-2 output
#######################################################

<Environment>
    <Verbfile>CAMEO.2.0.txt</Verbfile>
    <Include>valid AFP VERB OTHER </Include>
</Environment>
<Sentences>
<Sentence category="AFP" date="20080804" id="AFP0808020625_4" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="USA" targetcode="CHN" />
<Text>
The stopover came as the US leader prepared to attend the Beijing Olympics.
</Text>
<Parse>
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
</Parse>
</Sentences>

<Sentence category="VERB" date="20150609" id="VERB_5" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
The USA tanks might want Obama to head back.
</Text>
<Parse>
1	The	the	DET	DT	_	3	det	_	_
</Parse>
<!---
<Parse>
1	The	the	DET	DT	_	3	det	_	_
</Parse>-->

</Sentence>
<Sentence category="OTHER" date="121108" id="abc12_3" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="NGAMUS" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	Number=Sing	2	name	_	_
2	Haram	Haram	PROPN	NNP	Number=Sing	4	nsubj	_	_
3	has	have	AUX	VBZ	_	4	aux	_	_
4	launched	launch	VERB	VBN	_	0	root	_	_
5	attacks	attack	NOUN	NNS	_	4	obj	_	_
6	,	,	PUNCT	,	_	4	punct	_	_
7	officials	official	NOUN	NNS	_	8	nsubj	_	_
8	said	say	VERB	VBD	_	4	parataxis	_	_
9	.	.	PUNCT	.	_	4	punct	_	_
</Parse></Sentence>
<Sentence category="AFP" date="20080806" id="AFP-2" evaluate="false"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<Text>Brazil and the United States are seeking a partnership.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrReaderTest, MalformedPetr2GsrIsReadLeniently) {
  PetrValidationFile f = Parse(kPetr2Gsr);
  ASSERT_EQ(f.records.size(), 4u);
  EXPECT_EQ(f.include, (std::vector<std::string>{"valid", "AFP", "VERB", "OTHER"}));

  const GoldRecord& a = f.records[0];
  EXPECT_EQ(a.id, "AFP0808020625_4");
  EXPECT_EQ(a.date, "2008-08-04");
  EXPECT_EQ(a.text, "The stopover came as the US leader prepared to attend the Beijing Olympics.");
  ASSERT_EQ(a.events.size(), 1u);
  EXPECT_EQ(a.events[0], (Triple{"USA", "CHN", "042"}));
  EXPECT_TRUE(a.scored);

  const GoldRecord& v = f.records[1];
  EXPECT_EQ(v.id, "VERB_5");
  EXPECT_TRUE(v.events.empty());
  EXPECT_EQ(v.expectation_entries, 1);
  EXPECT_EQ(v.text, "The USA tanks might want Obama to head back.");

  const GoldRecord& b = f.records[2];
  EXPECT_EQ(b.id, "abc12_3");
  EXPECT_EQ(b.date, "2012-11-08");                                        // 6-digit YYMMDD
  EXPECT_EQ(b.text, "Boko Haram has launched attacks, officials said.");  // from the CoNLL-U
  ASSERT_EQ(b.events.size(), 1u);
  EXPECT_EQ(b.events[0].code, "190");

  EXPECT_EQ(f.records[3].id, "AFP-2");
  EXPECT_FALSE(f.records[3].scored);  // evaluate="false"
}

TEST(PetrReaderTest, NoSentencesIsAnError) {
  EXPECT_FALSE(ParsePetrValidationXml("<Validation><Sentences></Sentences></Validation>").ok());
  EXPECT_FALSE(ParsePetrValidationXml("").ok());
}

TEST(PetrReaderTest, CodingsOutsideSentencesAreIgnored) {
  PetrValidationFile f = Parse(
      "<EventCoding sourcecode='A' targetcode='B' eventcode='010'/>"
      "<Sentence id='S1' date='20010101' category='X'><Text>t</Text></Sentence>"
      "<EventCoding sourcecode='C' targetcode='D' eventcode='020'/>");
  ASSERT_EQ(f.records.size(), 1u);
  EXPECT_TRUE(f.records[0].events.empty());
  EXPECT_TRUE(f.records[0].scored);  // no <Include>: everything counts
}

}  // namespace
}  // namespace annal::eval
