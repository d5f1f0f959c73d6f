#include "syntax/conllu.h"

#include <gtest/gtest.h>

namespace annal::syntax {
namespace {

constexpr char kGood[] =
    "# sent_id = 1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4.1\tknew\tknow\tVERB\tVBD\t_\t_\t_\t4:conj\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n";  // no final blank line

TEST(ConlluTest, ReadsWordsSkipsRangesEmptyNodesAndComments) {
  std::vector<ConlluSentence> out;
  Status s = ParseConllu(kGood, "good.conllu", &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].words.size(), 5u);
  EXPECT_EQ(out[0].words[1].form, "do");
  EXPECT_EQ(out[0].words[2].lemma, "not");
  EXPECT_EQ(out[0].words[3].head, 0);
  EXPECT_EQ(out[0].words[3].deprel, "root");
  EXPECT_EQ(out[0].words[4].upos, "PUNCT");
  EXPECT_EQ(out[0].words[0].head, 4);
  ASSERT_EQ(out[1].words.size(), 1u);
  EXPECT_EQ(out[1].words[0].form, "Hi");
}

TEST(ConlluTest, WriteThenReadRoundTrips) {
  std::vector<ConlluSentence> in;
  ASSERT_TRUE(ParseConllu(kGood, "good", &in).ok());
  std::string text;
  for (const auto& s : in) AppendConllu(s, {"sent_id = x"}, &text);
  std::vector<ConlluSentence> again;
  ASSERT_TRUE(ParseConllu(text, "again", &again).ok());
  ASSERT_EQ(again.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    ASSERT_EQ(again[i].words.size(), in[i].words.size());
    for (size_t j = 0; j < in[i].words.size(); ++j) {
      EXPECT_EQ(again[i].words[j].form, in[i].words[j].form);
      EXPECT_EQ(again[i].words[j].head, in[i].words[j].head);
      EXPECT_EQ(again[i].words[j].deprel, in[i].words[j].deprel);
    }
  }
}

struct BadCase {
  const char* text;
  const char* expected_message;  // substring, including file:line
};

TEST(ConlluTest, MalformedLinesGiveFileAndLine) {
  const BadCase cases[] = {
      {"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n", "bad.conllu:1: expected 10 tab-separated columns"},
      {"# c\n1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\t_\n", "bad.conllu:2: more than 10"},
      {"x\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "bad.conllu:1: bad ID 'x'"},
      {"1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\ta\ta\tX\tX\t_\t1\tdep\t_\t_\n",
       "bad.conllu:2: ID 3 out of sequence"},
      {"1\tI\tI\tPRON\tPRP\t_\tzz\troot\t_\t_\n", "bad.conllu:1: bad HEAD 'zz'"},
      {"1\tI\tI\tPRON\tPRP\t_\t-2\troot\t_\t_\n", "bad.conllu:1: bad HEAD"},
      {"\n\n1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n2\ta\ta\tX\tX\t_\t7\tdep\t_\t_\n\n",
       "bad.conllu:4: HEAD 7 is outside the sentence"},
      {"1\t\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n", "bad.conllu:1: empty FORM"},
      {"1\tI\tI\tPRON\tPRP\t_\t99999999999999999999\troot\t_\t_\n", "bad.conllu:1: bad HEAD"},
  };
  for (const BadCase& c : cases) {
    std::vector<ConlluSentence> out;
    Status s = ParseConllu(c.text, "bad.conllu", &out);
    ASSERT_FALSE(s.ok()) << c.text;
    EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
    EXPECT_NE(s.message().find(c.expected_message), std::string::npos)
        << s.message() << " vs " << c.expected_message;
  }
}

TEST(ConlluTest, MissingFileIsIOError) {
  std::vector<ConlluSentence> out;
  Status s = ReadConlluFile("/nonexistent/x.conllu", &out);
  EXPECT_EQ(s.code(), Status::Code::kIOError);
}

TEST(ConlluTest, CrLfLinesAccepted) {
  std::vector<ConlluSentence> out;
  Status s = ParseConllu("1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\r\n\r\n", "crlf", &out);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].words[0].form, "Hi");
}

}  // namespace
}  // namespace annal::syntax
