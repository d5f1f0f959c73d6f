#include "syntax/model.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "syntax/model_trainer.h"
#include "syntax/parser.h"

namespace annal::syntax {
namespace {

constexpr char kTreebank[] =
    R"(1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	the	the	DET	DT	_	4	det	_	_
4	town	town	NOUN	NN	_	2	obj	_	_
5	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	town	town	NOUN	NN	_	4	nsubj:pass	_	_
3	was	be	AUX	VBD	_	4	aux:pass	_	_
4	attacked	attack	VERB	VBN	_	0	root	_	_
5	.	.	PUNCT	.	_	4	punct	_	_

)";

std::unique_ptr<Model> SmallModel() {
  std::vector<ConlluSentence> train;
  EXPECT_TRUE(ParseConllu(kTreebank, "t", &train).ok());
  ModelTrainOptions options;
  options.tagger.epochs = 10;
  options.parser.epochs = 10;
  options.jackknife_folds = 0;
  options.prune_below = 0;
  auto model = TrainModel(train, {}, options, nullptr);
  EXPECT_TRUE(model.ok());
  if (!model.ok()) return nullptr;
  (*model)->set_description("test model");
  return std::move(*model);
}

std::vector<ParsedToken> ParseWith(const Model& model, const std::vector<std::string>& words) {
  Parser parser(model);
  std::vector<ParsedToken> out;
  parser.Parse(words, &out);
  return out;
}

// Both models tag, lemmatise and parse a sentence the same way.
void ExpectSameParses(const Model& a_model, const Model& b_model) {
  std::vector<std::string> words = {"The", "rebels", "attacked", "the", "town", "."};
  auto a = ParseWith(a_model, words);
  auto b = ParseWith(b_model, words);
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].upos, b[i].upos);
    EXPECT_EQ(a[i].lemma, b[i].lemma);
    EXPECT_EQ(a[i].head, b[i].head);
    EXPECT_EQ(a[i].deprel, b[i].deprel);
  }
}

TEST(ModelTest, SaveLoadRoundTripGivesIdenticalOutput) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string path = testing::TempDir() + "/round_trip.annalsyn";
  ASSERT_TRUE(model->Save(path).ok());
  auto loaded = Model::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->description(), "test model");
  ASSERT_NE((*loaded)->tagger(), nullptr);
  ASSERT_NE((*loaded)->lemmatizer(), nullptr);
  ASSERT_NE((*loaded)->parser(), nullptr);
  EXPECT_TRUE((*loaded)->ToBytes() == model->ToBytes()) << "bytes differ after a round trip";
  ExpectSameParses(*model, **loaded);
}

TEST(ModelTest, RefusesWrongMagic) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  bytes[0] = 'X';
  auto r = Model::FromBytes(bytes, "m.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("m.annalsyn: not an annal syntax model"), std::string::npos);
  EXPECT_FALSE(Model::FromBytes("", "empty").ok());
  EXPECT_FALSE(
      Model::FromBytes("hello world, not a model at all......................", "text").ok());
}

TEST(ModelTest, RefusesOtherFormatVersion) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  bytes[kModelMagic.size()] = static_cast<char>(kModelFormatVersion + 1);
  auto r = Model::FromBytes(bytes, "old.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("format version"), std::string::npos) << r.status().message();
}

TEST(ModelTest, RefusesFilesOfTheFirstFormatVersion) {
  // Version 1 files had fewer parser feature templates: their weights would silently mean other
  // features, so they must be refused.
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  bytes[kModelMagic.size()] = 1;
  auto r = Model::FromBytes(bytes, "v1.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("model format version 1"), std::string::npos)
      << r.status().message();
}

TEST(ModelTest, RefusesEveryTruncation) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  for (size_t len = 0; len < bytes.size(); len += 1 + len / 16) {
    auto r = Model::FromBytes(std::string_view(bytes).substr(0, len), "cut");
    EXPECT_FALSE(r.ok()) << "accepted a file cut to " << len << " of " << bytes.size();
  }
  EXPECT_FALSE(Model::FromBytes(bytes + "x", "padded").ok());
}

TEST(ModelTest, RefusesFlippedBytes) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  for (size_t pos = 8; pos < bytes.size(); pos += 1 + pos / 8) {
    std::string damaged = bytes;
    damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5a);
    auto r = Model::FromBytes(damaged, "flipped");
    EXPECT_FALSE(r.ok()) << "accepted a flip at byte " << pos;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
    }
  }
}

std::unique_ptr<Model> SmallClusterModel() {
  std::vector<ConlluSentence> train;
  EXPECT_TRUE(ParseConllu(kTreebank, "t", &train).ok());
  auto clusters = WordClusters::FromText(
      "rebels\t0\t0\t0\ntown\t0\t0\t0\nthe\t1\t1\t0\nattacked\t2\t1\t0\n", "c");
  EXPECT_TRUE(clusters.ok());
  if (!clusters.ok()) return nullptr;
  ModelTrainOptions options;
  options.tagger.epochs = 10;
  options.parser.epochs = 10;
  options.tagger.clusters = options.parser.clusters =
      std::make_shared<const WordClusters>(std::move(*clusters));
  options.jackknife_folds = 0;
  options.prune_below = 0;
  auto model = TrainModel(train, {}, options, nullptr);
  EXPECT_TRUE(model.ok());
  return model.ok() ? std::move(*model) : nullptr;
}

TEST(ModelTest, ClusterModelIsVersion3AndRoundTrips) {
  auto plain = SmallModel();
  auto model = SmallClusterModel();
  ASSERT_NE(plain, nullptr);
  ASSERT_NE(model, nullptr);
  EXPECT_EQ(plain->clusters(), nullptr);
  ASSERT_NE(model->clusters(), nullptr);
  std::string plain_bytes = plain->ToBytes();
  std::string bytes = model->ToBytes();
  EXPECT_EQ(plain_bytes[kModelMagic.size()], 2) << "no clusters: still a version-2 file";
  EXPECT_EQ(bytes[kModelMagic.size()], 3);
  auto loaded = Model::FromBytes(bytes, "c.annalsyn");
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_NE((*loaded)->tagger()->clusters(), nullptr);
  EXPECT_EQ((*loaded)->tagger()->clusters(), (*loaded)->parser()->clusters());
  EXPECT_EQ((*loaded)->clusters()->size(), 4u);
  EXPECT_TRUE((*loaded)->ToBytes() == bytes);
  ExpectSameParses(*model, **loaded);
  // The cluster features are really used: without the table the same weights score otherwise.
  // (Checked on the tagger's weights through the file: a version-3 file claiming version 2
  // is refused, so old builds never read cluster weights as if they had no clusters.)
  std::string as_v2 = bytes;
  as_v2[kModelMagic.size()] = 2;
  auto r = Model::FromBytes(as_v2, "v2.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("version 2 file with a word cluster section"),
            std::string::npos)
      << r.status().message();
  std::string as_v3 = plain_bytes;
  as_v3[kModelMagic.size()] = 3;
  EXPECT_FALSE(Model::FromBytes(as_v3, "v3.annalsyn").ok());
}

TEST(ModelTest, SaveRefusesDifferentClustersForTaggerAndParser) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  EXPECT_TRUE(model->ClustersConsistent());
  // A parser without clusters next to a tagger with them cannot be written as one file.
  std::vector<ConlluSentence> train;
  ASSERT_TRUE(ParseConllu(kTreebank, "t", &train).ok());
  TrainOptions options;
  options.epochs = 2;
  auto parser = DependencyParser::Train(train, {}, options, nullptr);
  ASSERT_TRUE(parser.ok());
  model->set_parser(std::move(*parser));
  EXPECT_FALSE(model->ClustersConsistent());
  Status s = model->Save(testing::TempDir() + "/mixed.annalsyn");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("different word clusters"), std::string::npos) << s.message();
}

TEST(ModelTest, MissingFileIsIOError) {
  auto r = Model::Load("/nonexistent/model.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
}

}  // namespace
}  // namespace annal::syntax
