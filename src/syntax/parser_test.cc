#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>

#include "syntax/model_trainer.h"

namespace annal::syntax {
namespace {

// A tiny treebank with passives, relative clauses, possessives, coordination and reported
// speech: the constructions the event coder cares about.
constexpr char kTinyTreebank[] =
    R"(1	Russia	Russia	PROPN	NNP	_	2	nsubj	_	_
2	accused	accuse	VERB	VBD	_	0	root	_	_
3	Ukraine	Ukraine	PROPN	NNP	_	2	obj	_	_
4	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	soldier	soldier	NOUN	NN	_	4	nsubj:pass	_	_
3	was	be	AUX	VBD	_	4	aux:pass	_	_
4	shot	shoot	VERB	VBN	_	0	root	_	_
5	by	by	ADP	IN	_	6	case	_	_
6	rebels	rebel	NOUN	NNS	_	4	obl:agent	_	_
7	.	.	PUNCT	.	_	4	punct	_	_

1	Russia	Russia	PROPN	NNP	_	4	nmod:poss	_	_
2	's	's	PART	POS	_	1	case	_	_
3	foreign	foreign	ADJ	JJ	_	4	amod	_	_
4	minister	minister	NOUN	NN	_	5	nsubj	_	_
5	said	say	VERB	VBD	_	0	root	_	_
6	the	the	DET	DT	_	7	det	_	_
7	army	army	NOUN	NN	_	8	nsubj	_	_
8	attacked	attack	VERB	VBD	_	5	ccomp	_	_
9	villages	village	NOUN	NNS	_	8	obj	_	_
10	that	that	PRON	WDT	_	11	nsubj	_	_
11	sheltered	shelter	VERB	VBD	_	9	acl:relcl	_	_
12	refugees	refugee	NOUN	NNS	_	11	obj	_	_
13	.	.	PUNCT	.	_	5	punct	_	_

1	Police	police	NOUN	NNS	_	2	nsubj	_	_
2	arrested	arrest	VERB	VBD	_	0	root	_	_
3	and	and	CCONJ	CC	_	4	cc	_	_
4	charged	charge	VERB	VBD	_	2	conj	_	_
5	two	two	NUM	CD	_	6	nummod	_	_
6	men	man	NOUN	NNS	_	2	obj	_	_
7	.	.	PUNCT	.	_	2	punct	_	_

1	They	they	PRON	PRP	_	4	nsubj	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	not	PART	RB	_	4	advmod	_	_
4	pick	pick	VERB	VB	_	0	root	_	_
5	up	up	ADP	RP	_	4	compound:prt	_	_
6	the	the	DET	DT	_	7	det	_	_
7	phone	phone	NOUN	NN	_	4	obj	_	_
8	.	.	PUNCT	.	_	4	punct	_	_

)";

std::vector<ConlluSentence> TinyTreebank() {
  std::vector<ConlluSentence> out;
  Status s = ParseConllu(kTinyTreebank, "tiny", &out);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return out;
}

std::unique_ptr<Model> TrainTiny() {
  ModelTrainOptions options;
  options.tagger.epochs = 30;
  options.parser.epochs = 40;
  options.jackknife_folds = 0;
  // Weights trained on five sentences are small; pruning is for treebank-sized models.
  options.prune_below = 0;
  auto model = TrainModel(TinyTreebank(), {}, options, nullptr);
  EXPECT_TRUE(model.ok());
  return model.ok() ? std::move(*model) : nullptr;
}

TEST(ParserTest, TinyTreebankIsLearnedPerfectly) {
  auto model = TrainTiny();
  ASSERT_NE(model, nullptr);
  Parser parser(*model);
  ParserScores scores = EvaluateParser(parser, TinyTreebank(), /*use_gold_tags=*/false);
  EXPECT_EQ(scores.words, 39u);
  EXPECT_DOUBLE_EQ(scores.upos, 1.0);
  EXPECT_DOUBLE_EQ(scores.uas, 1.0);
  EXPECT_DOUBLE_EQ(scores.las, 1.0);
  EXPECT_DOUBLE_EQ(scores.lemma, 1.0);

  std::vector<ParsedToken> out;
  parser.Parse(std::vector<std::string>{"The", "soldier", "was", "shot", "by", "rebels", "."},
               &out);
  ASSERT_EQ(out.size(), 7u);
  EXPECT_EQ(out[1].deprel, "nsubj:pass");
  EXPECT_EQ(out[1].head, 4);
  EXPECT_EQ(out[5].deprel, "obl:agent");
  EXPECT_EQ(out[3].lemma, "shoot");
  EXPECT_EQ(out[3].upos, "VERB");

  // Tag() gives the same tags as Parse(), without a tree.
  std::vector<std::string_view> words = {"The", "soldier", "was", "shot", "by", "rebels", "."};
  std::vector<std::string_view> tags;
  parser.Tag(words, &tags);
  ASSERT_EQ(tags.size(), out.size());
  for (size_t i = 0; i < tags.size(); ++i) EXPECT_EQ(tags[i], out[i].upos) << i;
  parser.Tag({}, &tags);
  EXPECT_TRUE(tags.empty());
}

bool IsTree(const std::vector<ParsedToken>& out);
void ExpectTreesOnRandomInput(const Model& model, unsigned seed, int trials, size_t max_words);

std::unique_ptr<Model> TrainTinyBeam(int beam) {
  ModelTrainOptions options;
  options.tagger.epochs = 30;
  options.parser.epochs = 40;
  options.parser.beam = beam;
  options.jackknife_folds = 0;
  options.prune_below = 0;
  auto model = TrainModel(TinyTreebank(), {}, options, nullptr);
  EXPECT_TRUE(model.ok());
  return model.ok() ? std::move(*model) : nullptr;
}

TEST(ParserTest, BeamTrainingLearnsTheTinyTreebank) {
  auto model = TrainTinyBeam(4);
  ASSERT_NE(model, nullptr);
  model->mutable_parser()->set_beam_width(4);
  Parser parser(*model);
  ParserScores scores = EvaluateParser(parser, TinyTreebank(), /*use_gold_tags=*/true);
  EXPECT_DOUBLE_EQ(scores.uas, 1.0);
  EXPECT_DOUBLE_EQ(scores.las, 1.0);
  // Deterministic given the seed, like greedy training.
  auto again = TrainTinyBeam(4);
  ASSERT_NE(again, nullptr);
  EXPECT_TRUE(model->ToBytes() == again->ToBytes());
  // And a different model from greedy training (the option is not ignored).
  auto greedy = TrainTiny();
  ASSERT_NE(greedy, nullptr);
  EXPECT_FALSE(model->ToBytes() == greedy->ToBytes());
}

TEST(ParserTest, BeamDecodingAlwaysGivesASingleRootedTree) {
  auto model = TrainTinyBeam(4);
  ASSERT_NE(model, nullptr);
  model->mutable_parser()->set_beam_width(8);
  ExpectTreesOnRandomInput(*model, /*seed=*/7, /*trials=*/200, /*max_words=*/40);
}

TEST(ParserTest, TrainingIsDeterministicGivenTheSeed) {
  auto a = TrainTiny();
  auto b = TrainTiny();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(a->ToBytes() == b->ToBytes()) << "two trainings with one seed differ";
}

bool IsTree(const std::vector<ParsedToken>& out) {
  int n = static_cast<int>(out.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    if (out[i].head < 0 || out[i].head > n || out[i].head == i + 1) return false;
    roots += out[i].head == 0;
  }
  if (roots != 1) return false;
  for (int i = 0; i < n; ++i) {
    int x = i + 1, steps = 0;
    while (x != 0 && steps++ <= n) x = out[x - 1].head;
    if (x != 0) return false;
  }
  return true;
}

// Parses `trials` random sentences of 1..max_words words from a small vocabulary (known and
// unknown words, punctuation, non-ASCII) and an empty one: every output must be one tree.
void ExpectTreesOnRandomInput(const Model& model, unsigned seed, int trials, size_t max_words) {
  Parser parser(model);
  std::mt19937 rng(seed);
  const std::vector<std::string> vocab = {"the", "Police", "said", ",",    "xyzzy", "attacked",
                                          "of",  "'s",     ".",    "2026", "É",     "and"};
  std::vector<ParsedToken> out;
  for (int trial = 0; trial < trials; ++trial) {
    std::vector<std::string> words(1 + rng() % max_words);
    for (auto& w : words) w = vocab[rng() % vocab.size()];
    parser.Parse(words, &out);
    ASSERT_EQ(out.size(), words.size());
    EXPECT_TRUE(IsTree(out)) << "trial " << trial;
  }
  parser.Parse(std::vector<std::string>{}, &out);
  EXPECT_TRUE(out.empty());
}

TEST(ParserTest, RandomInputAlwaysGivesASingleRootedTree) {
  auto model = TrainTiny();
  ASSERT_NE(model, nullptr);
  ExpectTreesOnRandomInput(*model, /*seed=*/5, /*trials=*/300, /*max_words=*/50);
}

TEST(ParserTest, LongSentenceInBoundedTime) {
  auto model = TrainTiny();
  ASSERT_NE(model, nullptr);
  Parser parser(*model);
  const std::vector<std::string> vocab = {"Police", "arrested", "two",  "men",  "and",
                                          ",",      "the",      "army", "said", "."};
  for (int n : {500, 2000, 8000}) {
    std::vector<std::string> words(n);
    for (int i = 0; i < n; ++i) words[i] = vocab[(i * 7) % vocab.size()];
    std::vector<ParsedToken> out;
    auto start = std::chrono::steady_clock::now();
    parser.Parse(words, &out);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(out.size(), words.size());
    EXPECT_TRUE(IsTree(out));
    // Linear: even a slow debug build parses thousands of words a second.
    EXPECT_LT(seconds, 0.5 + n / 2000.0) << n << " words";
  }
}

TEST(ParserTest, ShippedModelParsesLongSentencesInBoundedTime) {
  // Run-on text (lists, tables, sentence splitting failures) reaches the parser as one
  // "sentence" of hundreds or thousands of tokens: time must stay linear and the output a tree.
  std::string model_path = std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn";
  auto model = Model::Load(model_path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  Parser parser(**model);
  const std::vector<std::string> vocab = {
      "Police", "in",   "Kabul", "said",  "that", "rebels", "attacked", "a",      "convoy",
      ",",      "and",  "the",   "army",  "'s",   "chief",  "was",      "killed", "by",
      "a",      "bomb", "on",    "Friday", "(",   "AP",     ")",        ";",      "officials"};
  std::mt19937 rng(7);
  double per_word_500 = 0;
  for (int n : {500, 1000, 5000}) {
    std::vector<std::string> words(n);
    for (auto& w : words) w = vocab[rng() % vocab.size()];
    std::vector<ParsedToken> out;
    auto start = std::chrono::steady_clock::now();
    parser.Parse(words, &out);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(out.size(), words.size());
    EXPECT_TRUE(IsTree(out)) << n << " words";
    // Linear: a few thousand words a second even in a slow sanitised build on a loaded machine.
    EXPECT_LT(seconds, 1.0 + n / 2000.0) << n << " words";
    if (n == 500) per_word_500 = seconds / n;
    if (n == 5000 && per_word_500 > 0) {
      // Quadratic behaviour would make a word of the 5000-word sentence ~10x dearer.
      EXPECT_LT(seconds / n, 5 * per_word_500 + 1e-4) << "per-word time grows with length";
    }
  }
}

std::string SharedDir() { return ANNAL_TEST_SHARED_DIR; }

TEST(ParserTest, ShippedModelMeetsTargetsOnEwtDev) {
  std::string gz = SharedDir() + "/data/ud-english/en_ewt-ud-dev.conllu.gz";
  std::string model_path = std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn";
  if (!std::filesystem::exists(gz)) GTEST_SKIP() << "no " << gz << " (../shared absent)";
  // The tests link no gzip reader; decompress with the system's zcat into a temp file.
  std::string plain = testing::TempDir() + "/ewt_dev.conllu";
  std::string cmd = "zcat '" + gz + "' > '" + plain + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  std::vector<ConlluSentence> dev;
  Status s = ReadConlluFile(plain, &dev);
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto model = Model::Load(model_path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  Parser parser(**model);
  ParserScores scores = EvaluateParser(parser, dev, false);
  std::printf("EWT dev: UPOS=%.4f UAS=%.4f LAS=%.4f Lemma=%.4f\n", scores.upos, scores.uas,
              scores.las, scores.lemma);
  EXPECT_EQ(scores.words, 25147u);
  // A regression guard just under what the shipped model measures on dev (UPOS 0.948,
  // UAS 0.844, LAS 0.810, lemma 0.968). Of the issue's targets on test (UPOS 0.95, UAS 0.87,
  // LAS 0.84) only UPOS is met; see "Accuracy and speed" in doc/formats/parser_model.md.
  EXPECT_GE(scores.upos, 0.945);
  EXPECT_GE(scores.uas, 0.840);
  EXPECT_GE(scores.las, 0.805);
  EXPECT_GE(scores.lemma, 0.96);
}

TEST(ParserTest, ParseTreeGivesTheTreeOfParseTagged) {
  // The coder's fast path (no lemmas, no strings) must give exactly ParseTagged's tree, on the
  // shipped model and on random word salad (where a wrong index would show).
  std::string model_path = std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn";
  auto model = Model::Load(model_path);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  Parser parser(**model);
  const std::vector<std::string_view> vocab = {
      "Police", "in",  "Kabul", "said", "that",  "rebels", "attacked", "a",  "convoy", ",",
      "and",    "the", "army",  "'s",   "chief", "was",    "killed",   "by", "Friday", "."};
  std::mt19937 rng(11);
  std::vector<std::string_view> words, tags;
  std::vector<ParsedToken> full;
  ParsedTree tree;
  size_t non_root = 0;
  for (int trial = 0; trial < 200; ++trial) {
    words.assign(1 + rng() % 40, "");
    for (auto& w : words) w = vocab[rng() % vocab.size()];
    parser.Tag(words, &tags);
    parser.ParseTagged(words, tags, &full);
    parser.ParseTree(words, tags, &tree);
    ASSERT_EQ(tree.heads.size(), words.size());
    ASSERT_EQ(tree.deprels.size(), words.size());
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(tree.heads[i], full[i].head) << "trial " << trial << " word " << i;
      EXPECT_EQ(tree.deprels[i], full[i].deprel) << "trial " << trial << " word " << i;
      non_root += tree.heads[i] != 0;
    }
  }
  EXPECT_GT(non_root, 1000u);  // the trees are real trees, not all-root placeholders
  parser.ParseTree({}, {}, &tree);
  EXPECT_TRUE(tree.heads.empty());
  EXPECT_TRUE(tree.deprels.empty());
}

TEST(ParserTest, BeamOfWidthOneIsTheGreedyDecoder) {
  // Width 1 makes exactly the greedy decoder's choices (same tie-breaking), and a wider beam
  // still gives trees, on the shipped model and random word salad.
  std::string model_path = std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn";
  auto greedy_model = Model::Load(model_path);
  auto beam1_model = Model::Load(model_path);
  auto beam4_model = Model::Load(model_path);
  ASSERT_TRUE(greedy_model.ok() && beam1_model.ok() && beam4_model.ok());
  (*beam1_model)->mutable_parser()->set_beam_width(1);
  (*beam4_model)->mutable_parser()->set_beam_width(4);
  Parser greedy(**greedy_model), beam1(**beam1_model), beam4(**beam4_model);
  // BeamParseAtoms itself at width 1 (Parse takes the greedy path for width 1).
  const DependencyParser& dp = *(*greedy_model)->parser();
  const std::vector<std::string_view> vocab = {
      "Police", "in",  "Kabul", "said", "that",  "rebels", "attacked", "a",  "convoy", ",",
      "and",    "the", "army",  "'s",   "chief", "was",    "killed",   "by", "Friday", "."};
  std::mt19937 rng(13);
  std::vector<std::string_view> words, tags;
  std::vector<ParsedToken> a, b, c;
  std::vector<int> heads, labels;
  size_t differ = 0, total = 0;
  for (int trial = 0; trial < 150; ++trial) {
    words.assign(1 + rng() % 40, "");
    for (auto& w : words) w = vocab[rng() % vocab.size()];
    greedy.Tag(words, &tags);
    greedy.ParseTagged(words, tags, &a);
    beam1.ParseTagged(words, tags, &b);
    beam4.ParseTagged(words, tags, &c);
    dp.ParseWithBeam(words, tags, 1, &heads, &labels);
    ASSERT_TRUE(IsTree(c)) << "trial " << trial;
    for (size_t i = 0; i < words.size(); ++i) {
      EXPECT_EQ(a[i].head, b[i].head);
      EXPECT_EQ(a[i].head, heads[i]) << "trial " << trial << " word " << i;
      EXPECT_EQ(a[i].deprel, dp.LabelName(labels[i])) << "trial " << trial << " word " << i;
      differ += a[i].head != c[i].head;
      ++total;
    }
  }
  // Word salad is where a wider search finds other trees.
  EXPECT_GT(differ, 0u) << "of " << total;
}

}  // namespace
}  // namespace annal::syntax
