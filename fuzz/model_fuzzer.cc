// libFuzzer target: a parser model file (src/syntax/model.cc, doc/formats/parser_model.md) built
// from arbitrary bytes. A model is untrusted input (`--model FILE`), and the checksum in its
// header would stop a plain byte mutator at the first check, so the target writes a valid header
// (sizes, XXH3 checksum, zstd frame) around a payload made from the input: either the input
// itself, or a small trained model's payload with the input spliced in at an offset the input
// chooses (so the section readers see nearly valid sections). The same file is loaded whole,
// tagger only, and with one more combination of parts the input chooses (a partial load skips
// sections and stops decompressing early). Loading must never crash; a model that loads must
// tag and parse a sentence into a well-formed tree; a file that loads whole must load with any
// parts, and its partial tagger must tag exactly as the whole model's.
#include <xxhash.h>
#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/model.h"
#include "syntax/model_trainer.h"
#include "syntax/parser.h"

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 5) return 0;
  const uint8_t mode = data[0];
  uint32_t offset;
  std::memcpy(&offset, data + 1, 4);
  std::string_view input(reinterpret_cast<const char*>(data + 5), size - 5);
  std::string payload;
  if ((mode & 1) == 0) {
    payload.assign(input);
  } else {
    payload = SmallPayload();
    size_t at = payload.empty() ? 0 : offset % payload.size();
    payload.replace(at, std::min(input.size(), payload.size() - at), input);
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
