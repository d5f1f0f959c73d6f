#include "syntax/model.h"

#include <gtest/gtest.h>
#include <zstd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>

#include "syntax/hashing.h"
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

// The partial loads the tests try: each component alone, and the tagger alone and the tagger
// with the parser, as the coder's tagged and parser modes ask.
std::vector<ModelParts> PartialLoads() {
  return {ModelParts::TaggerOnly(),
          {false, true, false},
          {false, false, true},
          ModelParts::TaggerAndParser()};
}

// Parser-mode coding loads the tagger and the parser without the lemmatiser, and tags and
// parses exactly as the whole model does.
TEST(ModelTest, TaggerAndParserLoadTagsAndParsesAsTheWholeModel) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  auto r = Model::FromBytes(bytes, "c.annalsyn", ModelParts::TaggerAndParser());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Model& partial = **r;
  EXPECT_NE(partial.tagger(), nullptr);
  EXPECT_EQ(partial.lemmatizer(), nullptr);
  EXPECT_NE(partial.parser(), nullptr);
  EXPECT_TRUE(partial.Check({true, false, true}).ok());
  EXPECT_FALSE(partial.Check(ModelParts::All()).ok());
  std::vector<std::string_view> words = {"The", "rebels", "attacked", "the", "town", "."};
  std::vector<std::string_view> want_tags, got_tags;
  Parser(*model).Tag(words, &want_tags);
  Parser(partial).Tag(words, &got_tags);
  EXPECT_EQ(got_tags, want_tags);
  ParsedTree want, got;
  Parser(*model).ParseTree(words, want_tags, &want);
  Parser(partial).ParseTree(words, got_tags, &got);
  EXPECT_EQ(got.heads, want.heads);
  EXPECT_EQ(got.deprels, want.deprels);
  ASSERT_EQ(got.heads.size(), words.size());
}

TEST(ModelTest, TaggerOnlyLoadHasTheTaggerAndItsClustersAlone) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  auto r = Model::FromBytes(bytes, "c.annalsyn", ModelParts::TaggerOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Model& tagger_only = **r;
  ASSERT_NE(tagger_only.tagger(), nullptr);
  EXPECT_EQ(tagger_only.lemmatizer(), nullptr);
  EXPECT_EQ(tagger_only.parser(), nullptr);
  EXPECT_EQ(tagger_only.description(), model->description());
  ASSERT_NE(tagger_only.tagger()->clusters(), nullptr);
  EXPECT_EQ(tagger_only.clusters()->size(), 4u);
  // Tags exactly as the whole model does.
  std::vector<std::string_view> words = {"The", "rebels", "attacked", "the", "town", "."};
  std::vector<std::string_view> want, got;
  Parser(*model).Tag(words, &want);
  Parser(tagger_only).Tag(words, &got);
  EXPECT_EQ(got, want);
  ASSERT_EQ(got.size(), words.size());
  EXPECT_EQ(got[2], "VERB");
}

TEST(ModelTest, TaggerOnlyModelSaysClearlyItHasNoParser) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  auto r = Model::FromBytes(model->ToBytes(), "m.annalsyn", ModelParts::TaggerOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Model& tagger_only = **r;
  EXPECT_TRUE(tagger_only.Check(ModelParts::TaggerOnly()).ok());
  Status s = tagger_only.Check({false, false, true});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(s.message(), "m.annalsyn: no parser: loaded with the tagger only");
  s = tagger_only.Check(ModelParts::All());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("no lemmatiser: loaded with the tagger only"), std::string::npos)
      << s.message();
  EXPECT_TRUE(tagger_only.skipped().parser);
  EXPECT_TRUE(tagger_only.skipped().lemmatizer);
  EXPECT_FALSE(tagger_only.skipped().tagger);
  // Parsing with it gives no tree (as Parser documents for a model without a parser).
  auto parsed = ParseWith(tagger_only, {"Rebels", "attacked", "the", "town", "."});
  ASSERT_EQ(parsed.size(), 5u);
  for (const ParsedToken& t : parsed) {
    EXPECT_EQ(t.head, 0);
    EXPECT_EQ(t.deprel, "_");
  }
  // Saving it would silently drop the parser and lemmatiser: refused.
  std::string path = testing::TempDir() + "/tagger_only.annalsyn";
  std::remove(path.c_str());
  s = tagger_only.Save(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("loaded without its lemmatiser, parser"), std::string::npos)
      << s.message();
  EXPECT_FALSE(std::ifstream(path).good()) << "wrote a file anyway";
  // A whole model passes every check; a file without a parser says so, not "loaded with".
  EXPECT_TRUE(model->Check(ModelParts::All()).ok());
  auto whole = Model::FromBytes(model->ToBytes(), "m.annalsyn");
  ASSERT_TRUE(whole.ok());
  (*whole)->set_parser(nullptr);
  s = (*whole)->Check({false, false, true});
  EXPECT_EQ(s.message(), "m.annalsyn: no parser in the model file");
}

TEST(ModelTest, EachPartialLoadMatchesTheWholeModel) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  std::string bytes = model->ToBytes();
  for (ModelParts parts : PartialLoads()) {
    SCOPED_TRACE(parts.ToString());
    auto r = Model::FromBytes(bytes, "c.annalsyn", parts);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    const Model& m = **r;
    EXPECT_EQ(m.tagger() != nullptr, parts.tagger);
    EXPECT_EQ(m.lemmatizer() != nullptr, parts.lemmatizer);
    EXPECT_EQ(m.parser() != nullptr, parts.parser);
    EXPECT_TRUE(m.Check(parts).ok());
    if (parts.parser) {
      ASSERT_NE(m.parser()->clusters(), nullptr) << "the parser needs the clusters too";
      // The same tree from the same gold tags.
      std::vector<std::string_view> words = {"The", "town", "was", "attacked", "."};
      std::vector<std::string_view> tags = {"DET", "NOUN", "AUX", "VERB", "PUNCT"};
      ParsedTree want, got;
      Parser(*model).ParseTree(words, tags, &want);
      Parser(m).ParseTree(words, tags, &got);
      EXPECT_EQ(got.heads, want.heads);
      EXPECT_EQ(got.deprels, want.deprels);
    }
    if (parts.lemmatizer) {
      EXPECT_EQ(m.lemmatizer()->Lemmatize("attacked", "VERB"),
                model->lemmatizer()->Lemmatize("attacked", "VERB"));
    }
  }
}

TEST(ModelTest, PartialLoadsRefuseDamagedAndOldFiles) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  const std::string bytes = model->ToBytes();
  for (ModelParts parts : PartialLoads()) {
    SCOPED_TRACE(parts.ToString());
    for (size_t len = 0; len < bytes.size(); len += 1 + len / 16) {
      EXPECT_FALSE(Model::FromBytes(std::string_view(bytes).substr(0, len), "cut", parts).ok())
          << "accepted a file cut to " << len;
    }
    EXPECT_FALSE(Model::FromBytes(bytes + "x", "padded", parts).ok());
    for (size_t pos = 8; pos < bytes.size(); pos += 1 + pos / 8) {
      std::string damaged = bytes;
      damaged[pos] = static_cast<char>(damaged[pos] ^ 0x5a);
      auto r = Model::FromBytes(damaged, "flipped", parts);
      EXPECT_FALSE(r.ok()) << "accepted a flip at byte " << pos;
      if (!r.ok()) {
        EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
      }
    }
    std::string old = bytes;
    old[kModelMagic.size()] = 1;
    auto r = Model::FromBytes(old, "v1.annalsyn", parts);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("v1.annalsyn: model format version 1"), std::string::npos)
        << r.status().message();
    std::string as_v2 = bytes;
    as_v2[kModelMagic.size()] = 2;
    r = Model::FromBytes(as_v2, "v2.annalsyn", parts);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find("version 2 file with a word cluster section"),
              std::string::npos)
        << r.status().message();
  }
}

// Rewrites a model file's payload with `edit` and gives it a matching header (sizes and
// checksum), as a writer with that payload would have: the checksum then cannot catch the change.
std::string Repack(const std::string& file, const std::function<void(std::string*)>& edit) {
  constexpr size_t kHeader = 40;
  uint64_t plain_size;
  std::memcpy(&plain_size, file.data() + 16, 8);
  std::string plain(plain_size, '\0');
  size_t got =
      ZSTD_decompress(plain.data(), plain.size(), file.data() + kHeader, file.size() - kHeader);
  EXPECT_EQ(got, plain_size);
  edit(&plain);
  std::string compressed(ZSTD_compressBound(plain.size()), '\0');
  compressed.resize(
      ZSTD_compress(compressed.data(), compressed.size(), plain.data(), plain.size(), 3));
  std::string out = file.substr(0, 16);
  uint64_t sizes[3] = {plain.size(), compressed.size(), HashBytes(compressed)};
  out.append(reinterpret_cast<const char*>(sizes), sizeof sizes);
  return out + compressed;
}

// The byte offset of the content of the section with tag `tag` in a payload, and its size.
std::pair<size_t, uint64_t> FindSection(const std::string& plain, std::string_view tag) {
  uint32_t count;
  std::memcpy(&count, plain.data(), 4);
  size_t pos = 4;
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t size;
    std::memcpy(&size, plain.data() + pos + 4, 8);
    if (plain.compare(pos, 4, tag) == 0) return {pos + 12, size};
    pos += 12 + size;
  }
  ADD_FAILURE() << "no section " << tag;
  return {0, 0};
}

TEST(ModelTest, SectionsNotAskedForAreNotDecoded) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  const std::string bytes = model->ToBytes();
  // The round trip through Repack itself changes nothing.
  ASSERT_TRUE(Model::FromBytes(Repack(bytes, [](std::string*) {}), "same").ok());
  // A parser section whose label count is out of range: a whole load refuses it, a tagger-only
  // load never decodes it.
  std::string bad_parser = Repack(bytes, [](std::string* plain) {
    auto [at, size] = FindSection(*plain, "PARS");
    ASSERT_GE(size, 4u);
    std::memset(plain->data() + at, 0xff, 4);
  });
  auto whole = Model::FromBytes(bad_parser, "p.annalsyn");
  ASSERT_FALSE(whole.ok());
  EXPECT_NE(whole.status().message().find("p.annalsyn: malformed parser section"),
            std::string::npos)
      << whole.status().message();
  auto tagger_only = Model::FromBytes(bad_parser, "p.annalsyn", ModelParts::TaggerOnly());
  ASSERT_TRUE(tagger_only.ok()) << tagger_only.status().ToString();
  EXPECT_NE((*tagger_only)->tagger(), nullptr);
  // A damaged tagger section is refused by a tagger-only load and ignored by a parser-only one.
  std::string bad_tagger = Repack(bytes, [](std::string* plain) {
    auto [at, size] = FindSection(*plain, "TAGR");
    ASSERT_GE(size, 4u);
    std::memset(plain->data() + at, 0xff, 4);
  });
  auto r = Model::FromBytes(bad_tagger, "t.annalsyn", ModelParts::TaggerOnly());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("t.annalsyn: malformed tagger section"), std::string::npos)
      << r.status().message();
  EXPECT_TRUE(Model::FromBytes(bad_tagger, "t.annalsyn", {false, false, true}).ok());
}

TEST(ModelTest, WholeLoadChecksThePayloadSizeAndTrailingBytes) {
  auto model = SmallClusterModel();
  ASSERT_NE(model, nullptr);
  const std::string bytes = model->ToBytes();
  // Bytes after the last section, in a payload whose header agrees.
  std::string trailing = Repack(bytes, [](std::string* plain) { plain->append("xyz"); });
  auto r = Model::FromBytes(trailing, "t.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("trailing bytes"), std::string::npos) << r.status().message();
  // A header announcing more (or fewer) payload bytes than the frame holds.
  for (int64_t delta : {-1, 1, 1000}) {
    std::string wrong = bytes;
    uint64_t plain_size;
    std::memcpy(&plain_size, wrong.data() + 16, 8);
    plain_size += delta;
    std::memcpy(wrong.data() + 16, &plain_size, 8);
    r = Model::FromBytes(wrong, "s.annalsyn");
    ASSERT_FALSE(r.ok()) << delta;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  }
  // A section table claiming more sections than there are.
  std::string more = Repack(bytes, [](std::string* plain) { (*plain)[0] += 1; });
  r = Model::FromBytes(more, "n.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("truncated section table"), std::string::npos)
      << r.status().message();
}

TEST(ModelTest, MissingFileIsIOError) {
  auto r = Model::Load("/nonexistent/model.annalsyn");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_NE(r.status().message().find("/nonexistent/model.annalsyn: "), std::string::npos);
  r = Model::Load(testing::TempDir(), ModelParts::TaggerOnly());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError) << r.status().ToString();
}

TEST(ModelTest, LoadReadsTheFileItSaved) {
  auto model = SmallModel();
  ASSERT_NE(model, nullptr);
  std::string path = testing::TempDir() + "/load_parts.annalsyn";
  ASSERT_TRUE(model->Save(path).ok());
  auto r = Model::Load(path, ModelParts::TaggerOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE((*r)->tagger(), nullptr);
  EXPECT_EQ((*r)->parser(), nullptr);
  EXPECT_EQ((*r)->Check({false, false, true}).message(),
            path + ": no parser: loaded with the tagger only");
  // An empty file and a cut one are refused as corrupt, not misread.
  std::string bytes = model->ToBytes();
  for (size_t len : {size_t{0}, size_t{20}, bytes.size() - 1}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), len);
    r = Model::Load(path);
    ASSERT_FALSE(r.ok()) << len;
    EXPECT_EQ(r.status().code(), Status::Code::kCorruption) << len;
  }
}

}  // namespace
}  // namespace annal::syntax
