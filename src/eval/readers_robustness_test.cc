// The gold readers on damaged input: every prefix of a sample and seeded random byte edits
// must give a value or a Status, never a crash or an exception (run under ANNAL_SANITIZE to
// also catch out-of-bounds reads).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "eval/lenient_xml.h"
#include "eval/suites.h"

namespace annal::eval {
namespace {

constexpr std::string_view kTabari =
    "950103  DEMO-04\nDagolath's minister left for \x1a Minas Tirith.\n"
    "/*\\n-----\n\\n{ DAG / GON / 032 } 950103\n\\n -{ GON / DAG / 033 }\n"
    "\\n{ OPTION: SET: X = 4  */\n\\n{+++} */\ntail text\n\n"
    "990101  FINAL-01\nEnd.\n";

constexpr std::string_view kXml =
    "<Validation># <EventCoding...> header\n<Environment><Include>valid A</Include>"
    "</Environment><Sentences><Sentence date=\"19950101\" id=\"S-1\" category=\"A\"/>"
    "<EventCoding sourcecode='\"X Y\"' targetcode=\"GON\" eventcode=\"064\"/>"
    "<EventCoding noevents = \"True\"></EventCoding><!-- c --><Text>A &amp; B &#x41;</Text>"
    "<Parse>1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n</Parse></Sentence></Sentences></Validation>";

constexpr std::string_view kJson =
    R"json([{"event":"DOCUMENT"},{"id":"R","date":"2000-01-01","event":"FIGHT",)json"
    R"json("source":[{"code":"USA"},{"code":"RUS"}],"target":"","text":"t",)json"
    R"json("textInfo":{"markup":"(SRC/TAR: a)"}}])json";

void ParseAll(std::string_view input) {
  TabariReadOptions all;
  all.last_id = "";
  (void)ParseTabariValidation(input, all);
  (void)ParseTabariValidation(input);
  (void)ParsePetrValidationXml(input);
  (void)ParsePloverGsr(input);
  (void)TokenizeXml(input);
}

TEST(ReadersRobustnessTest, EveryPrefix) {
  for (std::string_view sample : {kTabari, kXml, kJson}) {
    for (size_t n = 0; n <= sample.size(); ++n) ParseAll(sample.substr(0, n));
  }
}

TEST(ReadersRobustnessTest, RandomEdits) {
  std::mt19937 rng(20261125);
  const std::string specials = "<>/{}-*\\n\"'&;#\x1a\n\r \t[]:,";
  for (std::string_view sample : {kTabari, kXml, kJson}) {
    for (int round = 0; round < 400; ++round) {
      std::string s(sample);
      int edits = 1 + static_cast<int>(rng() % 6);
      for (int e = 0; e < edits && !s.empty(); ++e) {
        size_t pos = rng() % s.size();
        switch (rng() % 4) {
          case 0:
            s[pos] = specials[rng() % specials.size()];
            break;
          case 1:
            s.erase(pos, 1 + rng() % 8);
            break;
          case 2:
            s.insert(pos, 1, static_cast<char>(rng() % 256));
            break;
          default:
            s.insert(pos, s.substr(rng() % s.size(), rng() % 16));
            break;
        }
      }
      ParseAll(s);
    }
  }
}

TEST(ReadersRobustnessTest, SamplesStillParse) {
  // The undamaged samples are valid, so the fuzzing above starts from meaningful input.
  TabariReadOptions all;
  all.last_id = "";
  auto t = ParseTabariValidation(kTabari, all);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->size(), 2u);
  auto x = ParsePetrValidationXml(kXml);
  ASSERT_TRUE(x.ok());
  ASSERT_EQ(x->records.size(), 1u);
  EXPECT_EQ(x->records[0].text, "A & B A");
  auto j = ParsePloverGsr(kJson);
  ASSERT_TRUE(j.ok());
  ASSERT_EQ(j->size(), 1u);
  EXPECT_EQ((*j)[0].events.size(), 2u);
}

}  // namespace
}  // namespace annal::eval
