#include "eval/lenient_xml.h"

#include <gtest/gtest.h>

namespace annal::eval {
namespace {

using Kind = XmlToken::Kind;

std::vector<XmlToken> NonBlank(std::vector<XmlToken> tokens) {
  std::vector<XmlToken> out;
  for (auto& t : tokens) {
    if (t.kind == Kind::kText && t.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      continue;
    }
    out.push_back(std::move(t));
  }
  return out;
}

TEST(LenientXmlTest, TagsAttributesAndText) {
  auto t =
      NonBlank(TokenizeXml("<?xml version='1.0'?><A x=\"1\" y = 'two words'>hi &amp; bye</A><B/>"));
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].kind, Kind::kStartTag);
  EXPECT_EQ(t[0].name, "A");
  ASSERT_NE(t[0].Attribute("x"), nullptr);
  EXPECT_EQ(*t[0].Attribute("x"), "1");
  EXPECT_EQ(*t[0].Attribute("y"), "two words");
  EXPECT_EQ(t[0].Attribute("z"), nullptr);
  EXPECT_FALSE(t[0].self_closing);
  EXPECT_EQ(t[1].kind, Kind::kText);
  EXPECT_EQ(t[1].text, "hi & bye");
  EXPECT_EQ(t[2].kind, Kind::kEndTag);
  EXPECT_EQ(t[2].name, "A");
  EXPECT_EQ(t[3].name, "B");
  EXPECT_TRUE(t[3].self_closing);
}

TEST(LenientXmlTest, QuotesInsideOtherQuotesAndSpacesAroundEquals) {
  // PETR.UnitTest.records.xml writes new-actor codes as sourcecode='"INJURY TOLL"' and
  // noevents = "True".
  auto t = NonBlank(TokenizeXml("<E sourcecode='\"INJURY TOLL\"' noevents = \"True\"></E>"));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(*t[0].Attribute("sourcecode"), "\"INJURY TOLL\"");
  EXPECT_EQ(*t[0].Attribute("noevents"), "True");
}

TEST(LenientXmlTest, CommentsAreSkippedEvenWhenTheyHoldTags) {
  auto t = NonBlank(TokenizeXml("<A><!-- <B x='1'/> --><!--- <Parse>\n</Parse>-->x</A>"));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].name, "A");
  EXPECT_EQ(t[1].text, "x");
  EXPECT_EQ(t[2].kind, Kind::kEndTag);
}

TEST(LenientXmlTest, UnterminatedCommentRunsToTheEnd) {
  auto t = NonBlank(TokenizeXml("<A>text<!-- never closed <B/>"));
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].text, "text");
}

TEST(LenientXmlTest, BareLessThanAndUnclosedTagsStayText) {
  auto t = NonBlank(TokenizeXml("a < b <3 <C"));
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].kind, Kind::kText);
  EXPECT_EQ(t[0].text, "a < b <3 <C");
}

TEST(LenientXmlTest, DottedNameFromPetr2Header) {
  // PETR2_GSR_validation.xml's header says "the addition of <EventCoding...> records".
  auto t = NonBlank(TokenizeXml("# the addition of <EventCoding...> records #"));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].kind, Kind::kStartTag);
  EXPECT_EQ(t[1].name, "EventCoding...");
}

TEST(LenientXmlTest, CdataIsLiteral) {
  auto t = NonBlank(TokenizeXml("<A><![CDATA[x &amp; <y>]]></A>"));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[1].text, "x &amp; <y>");
}

TEST(LenientXmlTest, Entities) {
  EXPECT_EQ(DecodeXmlEntities("&lt;&gt;&quot;&apos;&amp;"), "<>\"'&");
  EXPECT_EQ(DecodeXmlEntities("&#65;&#x42;&#xe9;"), "AB\xC3\xA9");
  EXPECT_EQ(DecodeXmlEntities("&TIETYPE ties & more &unknown;"), "&TIETYPE ties & more &unknown;");
  EXPECT_EQ(DecodeXmlEntities("&#xFFFFFFFFF;"), "\xEF\xBF\xBD");
}

TEST(LenientXmlTest, OffsetsPointAtTokens) {
  std::string xml = "ab<C d='e'>f</C>";
  auto t = TokenizeXml(xml);
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].offset, 0u);
  EXPECT_EQ(t[1].offset, 2u);
  EXPECT_EQ(t[2].offset, 11u);
  EXPECT_EQ(t[3].offset, 12u);
}

}  // namespace
}  // namespace annal::eval
