#include "lexicon/compiled_dictionary.h"

#include <gtest/gtest.h>

namespace annal::lexicon {
namespace {

DictionarySet Sample() {
  DictionarySet d;
  d.files = {"a.actors", "b.verbs"};
  ActorEntry karzai;
  karzai.names = {{{"HAMID", true}, {"KARZAI", true}}, {{"KARZAI", false}}};
  // A TABARI-style gapped phrase: the flag must survive the round trip.
  karzai.names.push_back({{"PRESIDENT", false}, {"KARZAI", true, /*gap_before=*/true}});
  karzai.codes = {{"AFGELI", DaysFromCivil(1975, 1, 1), DaysFromCivil(2000, 1, 1)},
                  {"AFGGOV", DaysFromCivil(2001, 12, 22), kDayMax}};
  karzai.where = {0, 150};
  d.actors.push_back(karzai);
  AgentEntry igo;
  igo.names = {{{"DELEGATION", true}}};
  igo.code = "IGO";
  igo.suffix = false;
  d.agents.push_back(igo);
  VerbBlock v;
  v.name = "ACCUSE";
  v.code = "112";
  v.forms = {{{{"ACCUSED", true}}, 0, ""}};
  VerbPattern p;
  p.after = {PatternElement{ElementKind::kTarget, {}, "", false, 0, false},
             PatternElement{ElementKind::kWord, {"OF", true}, "", true, 0, false}};
  p.code = "112";
  p.alt_code = "";
  v.patterns = {p};
  v.forms.push_back({{{"CHARGED", true}}, 0, ""});
  p.owner_forms = {1};  // written for CHARGED only
  v.patterns.push_back(p);
  d.verbs.push_back(v);
  d.synsets.push_back({"CURRENCY", {{{"DOLLAR", false}}}, {1, 3}});
  d.discards.push_back({{{"WORLD", true}, {"CUP", true}}, true, {1, 9}});
  IssueEntry issue;
  issue.phrase = {{"KINDERGARTEN", false}};
  issue.code = "EARLY";
  issue.category = "EDUCATION";
  issue.where = {1, 10};
  d.issues.push_back(issue);
  d.labels.push_back({"112", "Accuse"});
  return d;
}

TEST(CompiledDictionaryTest, RoundTrip) {
  DictionarySet in = Sample();
  std::string image = EncodeDictionary(in);
  DictionarySet out;
  ASSERT_TRUE(DecodeDictionary(image, &out).ok());
  ASSERT_EQ(out.actors.size(), 1u);
  EXPECT_EQ(out.actors[0].names, in.actors[0].names);
  ASSERT_EQ(out.actors[0].names.size(), 3u);
  EXPECT_TRUE(out.actors[0].names[2][1].gap_before);
  EXPECT_FALSE(out.actors[0].names[2][0].gap_before);
  EXPECT_FALSE(out.actors[0].names[0][1].gap_before);
  EXPECT_EQ(out.actors[0].codes[1].code, "AFGGOV");
  EXPECT_EQ(out.actors[0].codes[1].from_day, DaysFromCivil(2001, 12, 22));
  EXPECT_EQ(out.actors[0].codes[1].to_day, kDayMax);
  EXPECT_EQ(out.actors[0].where.line, 150u);
  EXPECT_FALSE(out.agents[0].suffix);
  ASSERT_EQ(out.verbs[0].patterns.size(), 2u);
  EXPECT_TRUE(out.verbs[0].patterns[0].owner_forms.empty());
  EXPECT_EQ(out.verbs[0].patterns[1].owner_forms, std::vector<uint32_t>{1});
  EXPECT_EQ(out.verbs[0].patterns[0].after[0].kind, ElementKind::kTarget);
  EXPECT_TRUE(out.verbs[0].patterns[0].after[1].adjacent);
  EXPECT_EQ(out.synsets[0].name, "CURRENCY");
  EXPECT_TRUE(out.discards[0].whole_story);
  EXPECT_EQ(out.issues[0].category, "EDUCATION");
  EXPECT_EQ(out.labels[0].second, "Accuse");
  EXPECT_EQ(out.files, in.files);
}

TEST(CompiledDictionaryTest, RefusesBadMagicVersionAndDamage) {
  std::string image = EncodeDictionary(Sample());
  DictionarySet out;
  std::string bad_magic = image;
  bad_magic[0] = 'X';
  EXPECT_EQ(DecodeDictionary(bad_magic, &out).code(), Status::Code::kCorruption);
  std::string old_version = image;
  old_version[8] = 0;  // version 0
  Status s = DecodeDictionary(old_version, &out);
  EXPECT_EQ(s.code(), Status::Code::kCorruption);
  EXPECT_NE(s.message().find("version"), std::string::npos);
  std::string version_1 = image;  // before phrase words carried the gap_before flag
  version_1[8] = 1;
  EXPECT_EQ(DecodeDictionary(version_1, &out).code(), Status::Code::kCorruption);
  std::string version_2 = image;  // before verb patterns carried their owner forms
  version_2[8] = 2;
  Status s2 = DecodeDictionary(version_2, &out);
  EXPECT_EQ(s2.code(), Status::Code::kCorruption);
  EXPECT_NE(s2.message().find("recompile it"), std::string::npos) << s2.message();
  for (size_t cut : {size_t{0}, size_t{10}, image.size() / 2, image.size() - 1}) {
    EXPECT_FALSE(DecodeDictionary(image.substr(0, cut), &out).ok()) << cut;
  }
  std::string flipped = image;
  flipped[image.size() - 3] ^= 0x55;
  EXPECT_FALSE(DecodeDictionary(flipped, &out).ok());
  EXPECT_TRUE(out.actors.empty());  // nothing half-decoded is left behind
}

}  // namespace
}  // namespace annal::lexicon
