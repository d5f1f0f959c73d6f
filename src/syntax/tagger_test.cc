#include "syntax/tagger.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "syntax/model.h"

namespace annal::syntax {
namespace {

std::unique_ptr<Model> ShippedTagger() {
  auto model = Model::Load(std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn",
                           ModelParts::TaggerOnly());
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return model.ok() ? std::move(model).value() : nullptr;
}

TEST(TaggerTest, IncrementalGivesTheTagsOfTag) {
  // The coder tags a sentence only as far as it needs (Tagger::Incremental): every tag must be
  // the one Tag() gives the whole sentence, whatever the order positions are asked in, on word
  // salad where a wrong look-ahead or a wrong previous tag would show.
  auto model = ShippedTagger();
  ASSERT_NE(model, nullptr);
  const Tagger* tagger = model->tagger();
  ASSERT_NE(tagger, nullptr);
  const std::vector<std::string_view> vocab = {
      "Police", "in",  "Kabul", "said",  "that", "rebels",   "attacked", "a",      "convoy",
      ",",      "and", "the",   "army",  "'s",   "chief",    "was",      "killed", "by",
      "Friday", ".",   "tax",   "plans", "left", "campaign", "fire",     "talks",  "Blair"};
  std::mt19937 rng(7);
  std::vector<std::string_view> words;
  std::vector<int> full;
  Tagger::Incremental incremental;  // reused across sentences, as the coder does
  std::vector<bool> distinct(static_cast<size_t>(tagger->num_tags()), false);
  for (int trial = 0; trial < 300; ++trial) {
    words.assign(1 + rng() % 30, "");
    for (auto& w : words) w = vocab[rng() % vocab.size()];
    tagger->Tag(words, &full);
    ASSERT_EQ(full.size(), words.size());
    incremental.Start(tagger, &words);
    // A few positions in random order (later ones extend the prefix, earlier ones are cached),
    // then all of them.
    for (int k = 0; k < 3; ++k) {
      const size_t i = rng() % words.size();
      EXPECT_EQ(incremental.TagAt(i), full[i]) << "trial " << trial << " word " << i;
    }
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(incremental.TagAt(i), full[i]) << "trial " << trial << " word " << i;
      distinct[static_cast<size_t>(full[i])] = true;
    }
  }
  size_t tags_seen = 0;
  for (bool d : distinct) tags_seen += d;
  EXPECT_GE(tags_seen, 5u);  // real tagging, not one tag everywhere
}

TEST(TaggerTest, IncrementalTagsARealSentence) {
  auto model = ShippedTagger();
  ASSERT_NE(model, nullptr);
  const Tagger* tagger = model->tagger();
  const std::vector<std::string_view> words = {"Rebels", "attacked", "a",      "convoy", "near",
                                               "Kabul",  "on",       "Friday", "."};
  Tagger::Incremental incremental;
  incremental.Start(tagger, &words);
  EXPECT_EQ(tagger->TagName(incremental.TagAt(1)), "VERB");
  EXPECT_EQ(tagger->TagName(incremental.TagAt(3)), "NOUN");
  EXPECT_EQ(tagger->TagName(incremental.TagAt(0)), "NOUN");
  EXPECT_EQ(tagger->TagName(incremental.TagAt(5)), "PROPN");
  EXPECT_EQ(tagger->TagName(incremental.TagAt(8)), "PUNCT");
}

}  // namespace
}  // namespace annal::syntax
