// libFuzzer target: a parser model file (src/syntax/model.cc, doc/formats/parser_model.md) built
// from arbitrary bytes. A model is untrusted input (`--model FILE`), and the checksum in its
// header would stop a plain byte mutator at the first check, so the target writes a valid header
// (sizes, XXH3 checksum, zstd frame) around a payload made from the input: either the input
// itself, or a small trained model's payload with the input spliced in at an offset the input
// chooses (so the section readers see nearly valid sections), or that payload unchanged (mode
// bit 6). The same file is loaded whole,
// tagger only, and with one more combination of parts the input chooses (a partial load skips
// sections and stops decompressing early). Loading must never crash; a model that loads must
// tag and parse a sentence into a well-formed tree; a file that loads whole must load with any
// parts, and its partial tagger must tag exactly as the whole model's. Tagger::Incremental, asked
// for the tags in an order the input chooses (and reused across sentences), must give the tags
// of Tagger::Tag.
//
// Mode bit 5 instead reads the input as one serialized WeightTable with 32 to 95 classes (the
// parser's label table is that wide, and Deserialize builds such a table's sparse layout
// straight from the file: DeserializeSparse): a table that loads must score every key of the
// file as the file gives its row, key by key and in a batch.
#include <xxhash.h>
#include <zstd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/byte_io.h"
#include "syntax/conllu.h"
#include "syntax/hashing.h"
#include "syntax/model.h"
#include "syntax/model_trainer.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"
#include "syntax/weight_table.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

constexpr char kTreebank[] =
    "1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_\n"
    "2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_\n"
    "4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

// The uncompressed payload of a small model trained in-process (trained once).
const std::string& SmallPayload() {
  static const std::string* payload = [] {
    std::vector<annal::syntax::ConlluSentence> train;
    Check(annal::syntax::ParseConllu(kTreebank, "t", &train).ok());
    annal::syntax::ModelTrainOptions options;
    options.tagger.epochs = 2;
    options.parser.epochs = 2;
    options.jackknife_folds = 0;
    options.prune_below = 0;
    auto model = annal::syntax::TrainModel(train, {}, options, nullptr);
    Check(model.ok());
    std::string file = (*model)->ToBytes();
    uint64_t plain_size;
    std::memcpy(&plain_size, file.data() + 16, 8);
    auto* p = new std::string(plain_size, '\0');
    size_t n = ZSTD_decompress(p->data(), p->size(), file.data() + 40, file.size() - 40);
    Check(!ZSTD_isError(n) && n == plain_size);
    return p;
  }();
  return *payload;
}

void PutU32(std::string* s, uint32_t v) { s->append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string* s, uint64_t v) { s->append(reinterpret_cast<const char*>(&v), 8); }

// Tags `words` with Tagger::Tag and with `inc` (already used on other sentences, so stale
// buffers would show), asking the incremental tagger word by word in an order drawn from
// `seed`, some words twice; both must agree.
void CheckIncremental(const annal::syntax::Tagger& tagger,
                      const std::vector<std::string_view>& words, uint32_t seed,
                      annal::syntax::Tagger::Incremental* inc) {
  std::vector<int> full;
  tagger.Tag(words, &full);
  Check(full.size() == words.size());
  inc->Start(&tagger, &words);
  Check(inc->tagged() == 0);
  uint64_t state = seed;
  for (size_t n = 0; n < words.size() + 2 && !words.empty(); ++n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const size_t i = (state >> 33) % words.size();
    const size_t before = inc->tagged();
    Check(inc->TagAt(i) == full[i]);
    // Tags from the left, never further than asked.
    Check(inc->tagged() == std::max(before, i + 1));
  }
  for (size_t i = 0; i < words.size(); ++i) Check(inc->TagAt(i) == full[i]);
  Check(inc->tagged() == words.size());
}

// Mode bit 5: `input` after a one-byte class count is a WeightTable body. Builds the header
// (classes, rows from the input length, a scale) so that most inputs get past it and the row
// loop sees the keys and weights the fuzzer chooses.
void CheckWideTable(std::string_view input) {
  if (input.empty()) return;
  const uint32_t classes = 32 + static_cast<uint8_t>(input[0]) % 64;
  input.remove_prefix(1);
  const uint64_t row_bytes = 8 + 2 * static_cast<uint64_t>(classes);
  // Usually as many rows as the input holds; a short or empty input tests the bounds checks.
  const uint64_t rows = input.size() / row_bytes + (input.size() % row_bytes == 1 ? 1 : 0);
  std::string file;
  PutU32(&file, classes);
  PutU64(&file, rows);
  const float scale = 0.5f;
  file.append(reinterpret_cast<const char*>(&scale), 4);
  file.append(input);
  annal::syntax::WeightTable table;
  annal::syntax::ByteReader reader(file);
  if (!table.Deserialize(&reader)) return;
  Check(table.num_classes() == static_cast<int>(classes) && table.num_rows() == rows);
  auto key = [&](uint64_t r) {
    uint64_t k;
    std::memcpy(&k, input.data() + r * 8, 8);
    return k;
  };
  auto weight = [&](uint64_t c, uint64_t r) {
    int16_t w;
    std::memcpy(&w, input.data() + rows * 8 + (c * rows + r) * 2, 2);
    return w;
  };
  // Lookups compare 16-bit fingerprints (WeightTable::Fingerprint), so two keys that share one
  // may find each other's row: the exact check needs distinct fingerprints.
  std::vector<uint16_t> fingerprints;
  for (uint64_t r = 0; r < rows; ++r) {
    uint16_t f = static_cast<uint16_t>(annal::syntax::Mix64(key(r)) >> 48);
    fingerprints.push_back(f == 0 ? 1 : f);
  }
  std::sort(fingerprints.begin(), fingerprints.end());
  const bool distinct =
      std::adjacent_find(fingerprints.begin(), fingerprints.end()) == fingerprints.end();
  std::vector<uint64_t> keys;
  std::vector<float> one(classes), batch(classes, 0.0f), sum(classes, 0.0f);
  for (uint64_t r = 0; r < rows; ++r) {
    std::fill(one.begin(), one.end(), 0.0f);
    table.AddScores(key(r), one.data());
    for (uint32_t c = 0; c < classes; ++c) {
      if (distinct) Check(one[c] == scale * static_cast<float>(weight(c, r)));
      sum[c] += one[c];
    }
    keys.push_back(key(r));
  }
  // A key the file does not hold adds nothing unless its fingerprint is one of the file's.
  const uint64_t absent = rows == 0 ? 1 : key(0) ^ 0x5555555555555555ULL;
  bool absent_may_hit = false;
  for (uint64_t r = 0; r < rows; ++r) absent_may_hit |= key(r) == absent;
  uint16_t absent_fp = static_cast<uint16_t>(annal::syntax::Mix64(absent) >> 48);
  absent_fp = absent_fp == 0 ? 1 : absent_fp;
  absent_may_hit |= std::binary_search(fingerprints.begin(), fingerprints.end(), absent_fp);
  std::vector<float> none(classes, 0.0f);
  table.AddScores(absent, none.data());
  for (uint32_t c = 0; c < classes; ++c) {
    if (!absent_may_hit) Check(none[c] == 0.0f);
    sum[c] += none[c];
  }
  keys.push_back(absent);
  table.AddScoresBatch(keys.data(), keys.size(), batch.data());
  for (uint32_t c = 0; c < classes; ++c) Check(batch[c] == sum[c]);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 5) return 0;
  const uint8_t mode = data[0];
  uint32_t offset;
  std::memcpy(&offset, data + 1, 4);
  std::string_view input(reinterpret_cast<const char*>(data + 5), size - 5);
  if (mode & 32) {
    CheckWideTable(input);
    return 0;
  }
  std::string payload;
  if ((mode & 1) == 0) {
    payload.assign(input);
  } else {
    payload = SmallPayload();
    // Mode bit 6 keeps the trained model intact: the input is then only the words it tags.
    if ((mode & 64) == 0) {
      size_t at = payload.empty() ? 0 : offset % payload.size();
      payload.replace(at, std::min(input.size(), payload.size() - at), input);
    }
  }
  std::string compressed(ZSTD_compressBound(payload.size()), '\0');
  size_t n = ZSTD_compress(compressed.data(), compressed.size(), payload.data(), payload.size(), 1);
  Check(!ZSTD_isError(n));
  compressed.resize(n);
  std::string file(annal::syntax::kModelMagic);
  PutU32(&file, (mode & 2) ? annal::syntax::kModelFormatVersion
                           : annal::syntax::kModelFormatVersionWithoutClusters);
  PutU32(&file, 0);
  PutU64(&file, payload.size());
  PutU64(&file, compressed.size());
  PutU64(&file, XXH3_64bits(compressed.data(), compressed.size()));
  file += compressed;

  using annal::syntax::Model;
  using annal::syntax::ModelParts;
  const std::vector<std::string> words = {"Rebels", "attacked", "the", "town", "in", "Kharkiv", "."};
  const std::vector<std::string_view> views(words.begin(), words.end());
  // Tags `views` with the model's tagger (empty without one) and parses them; checks both.
  auto tag_and_parse = [&](const Model& model) {
    std::vector<int> tags;
    if (const annal::syntax::Tagger* tagger = model.tagger()) {
      tagger->Tag(views, &tags);
      Check(tags.size() == views.size());
      for (int t : tags) Check(t >= 0 && t < tagger->num_tags() && !tagger->TagName(t).empty());
      // Words of the input (split at blanks, at most 24) as a second sentence, tagged first so
      // the fixed sentence then reuses the incremental tagger's buffers.
      std::vector<std::string_view> input_words;
      for (size_t i = 0; i < input.size() && input_words.size() < 24;) {
        const size_t end = std::min(input.find(' ', i), input.size());
        if (end > i) input_words.push_back(input.substr(i, end - i));
        i = end + 1;
      }
      annal::syntax::Tagger::Incremental inc;
      CheckIncremental(*tagger, input_words, offset, &inc);
      CheckIncremental(*tagger, views, offset ^ 0x9e3779b9u, &inc);
    }
    annal::syntax::Parser parser(model);
    std::vector<annal::syntax::ParsedToken> out;
    parser.Parse(words, &out);
    Check(out.size() == words.size());
    for (const auto& t : out) Check(t.head >= 0 && t.head <= static_cast<int>(words.size()));
    return tags;
  };

  auto whole = Model::FromBytes(file, "fuzz.annalsyn");
  std::vector<int> whole_tags;
  if (whole.ok()) {
    whole_tags = tag_and_parse(**whole);
  } else {
    Check(!whole.status().ToString().empty());
  }
  const ModelParts extra{(mode & 4) != 0, (mode & 8) != 0, (mode & 16) != 0};
  for (const ModelParts parts : {ModelParts::TaggerOnly(), extra}) {
    auto model = Model::FromBytes(file, "fuzz.annalsyn", parts);
    // A partial load checks a subset of what a whole load checks.
    Check(model.ok() || !whole.ok());
    if (!model.ok()) {
      Check(!model.status().ToString().empty());
      continue;
    }
    Check(!(*model)->tagger() || parts.tagger);
    Check(!(*model)->lemmatizer() || parts.lemmatizer);
    Check(!(*model)->parser() || parts.parser);
    Check((*model)->skipped().tagger == !parts.tagger &&
          (*model)->skipped().lemmatizer == !parts.lemmatizer &&
          (*model)->skipped().parser == !parts.parser);
    // A component left out is reported as such, never as fine.
    if (!parts.parser) Check(!(*model)->Check({false, false, true}).ok());
    if (!parts.tagger) Check(!(*model)->Check({true, false, false}).ok());
    std::vector<int> tags = tag_and_parse(**model);
    if (whole.ok() && parts.tagger) {
      Check(((*whole)->tagger() != nullptr) == ((*model)->tagger() != nullptr));
      Check(tags == whole_tags);
    }
  }
  return 0;
}
