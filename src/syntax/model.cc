#include "syntax/model.h"

#include <zstd.h>

#include <bit>
#include <cstring>

#include "syntax/byte_io.h"
#include "syntax/hashing.h"
#include "util/file.h"

namespace annal::syntax {
namespace {

static_assert(std::endian::native == std::endian::little,
              "the model format is little-endian; add byte swapping for big-endian hosts");

constexpr size_t kHeaderSize = 40;
constexpr uint64_t kMaxPayload = uint64_t{1} << 31;  // 2 GB: anything bigger is corrupt
constexpr int kCompressionLevel = 9;                 // 19 is ~1% smaller and minutes slower

// Section tags.
constexpr uint32_t Tag(const char (&s)[5]) {
  return static_cast<uint32_t>(s[0]) | static_cast<uint32_t>(s[1]) << 8 |
         static_cast<uint32_t>(s[2]) << 16 | static_cast<uint32_t>(s[3]) << 24;
}
constexpr uint32_t kInfoTag = Tag("INFO");
constexpr uint32_t kTaggerTag = Tag("TAGR");
constexpr uint32_t kLemmatizerTag = Tag("LEMM");
constexpr uint32_t kParserTag = Tag("PARS");
constexpr uint32_t kClustersTag = Tag("CLUS");

Status Corrupt(std::string_view name, std::string_view what) {
  std::string m(name);
  m += ": ";
  m += what;
  return Status::Corruption(m);
}

}  // namespace

void Model::TakeComponentsFrom(Model* other) {
  if (other->tagger_) tagger_ = std::move(other->tagger_);
  if (other->lemmatizer_) lemmatizer_ = std::move(other->lemmatizer_);
  if (other->parser_) parser_ = std::move(other->parser_);
}

std::shared_ptr<const WordClusters> Model::clusters() const {
  if (tagger_ && tagger_->clusters()) return tagger_->clusters();
  return parser_ ? parser_->clusters() : nullptr;
}

bool Model::ClustersConsistent() const {
  return !tagger_ || !parser_ || tagger_->clusters() == parser_->clusters();
}

std::string Model::ToBytes() const {
  ByteWriter payload;
  std::vector<std::pair<uint32_t, std::string>> sections;
  {
    ByteWriter w;
    w.Str(description_);
    sections.emplace_back(kInfoTag, std::move(w.data()));
  }
  const std::shared_ptr<const WordClusters> word_clusters = clusters();
  if (word_clusters) {
    ByteWriter w;
    word_clusters->Serialize(&w);
    sections.emplace_back(kClustersTag, std::move(w.data()));
  }
  if (tagger_) {
    ByteWriter w;
    tagger_->Serialize(&w);
    sections.emplace_back(kTaggerTag, std::move(w.data()));
  }
  if (lemmatizer_) {
    ByteWriter w;
    lemmatizer_->Serialize(&w);
    sections.emplace_back(kLemmatizerTag, std::move(w.data()));
  }
  if (parser_) {
    ByteWriter w;
    parser_->Serialize(&w);
    sections.emplace_back(kParserTag, std::move(w.data()));
  }
  payload.U32(static_cast<uint32_t>(sections.size()));
  for (const auto& [tag, bytes] : sections) {
    payload.U32(tag);
    payload.U64(bytes.size());
    payload.Raw(bytes.data(), bytes.size());
  }
  const std::string& plain = payload.data();
  std::string compressed(ZSTD_compressBound(plain.size()), '\0');
  size_t size = ZSTD_compress(compressed.data(), compressed.size(), plain.data(), plain.size(),
                              kCompressionLevel);
  // Compression of an in-memory buffer into a buffer of ZSTD_compressBound bytes cannot fail
  // except on allocation failure, which we treat like any other allocation failure.
  compressed.resize(ZSTD_isError(size) ? 0 : size);

  ByteWriter file;
  file.Raw(kModelMagic.data(), kModelMagic.size());
  file.U32(word_clusters ? kModelFormatVersion : kModelFormatVersionWithoutClusters);
  file.U32(0);  // flags, reserved
  file.U64(plain.size());
  file.U64(compressed.size());
  file.U64(XXH3_64bits(compressed.data(), compressed.size()));
  file.Raw(compressed.data(), compressed.size());
  return std::move(file.data());
}

Status Model::Save(const std::string& path) const {
  if (!ClustersConsistent()) {
    return Status::InvalidArgument(path + ": the tagger and the parser use different word clusters");
  }
  return WriteStringToFile(path, ToBytes());
}

Result<std::unique_ptr<Model>> Model::Load(const std::string& path) {
  std::string bytes;
  Status s = ReadFileToString(path, &bytes);
  if (!s.ok()) return s;
  return FromBytes(bytes, path);
}

Result<std::unique_ptr<Model>> Model::FromBytes(std::string_view bytes, std::string_view name) {
  if (bytes.size() < kModelMagic.size() ||
      std::memcmp(bytes.data(), kModelMagic.data(), kModelMagic.size()) != 0) {
    return Corrupt(name, "not an annal syntax model (bad magic number)");
  }
  if (bytes.size() < kHeaderSize) return Corrupt(name, "truncated header");
  ByteReader header(bytes.substr(kModelMagic.size()));
  uint32_t version, flags;
  uint64_t plain_size, compressed_size, checksum;
  header.U32(&version);
  header.U32(&flags);
  header.U64(&plain_size);
  header.U64(&compressed_size);
  header.U64(&checksum);
  if (version != kModelFormatVersion && version != kModelFormatVersionWithoutClusters) {
    return Corrupt(name, "model format version " + std::to_string(version) +
                             ", this build reads versions " +
                             std::to_string(kModelFormatVersionWithoutClusters) + " and " +
                             std::to_string(kModelFormatVersion) +
                             "; retrain or use a matching "
                             "annal");
  }
  if (flags != 0) return Corrupt(name, "unknown header flags (damaged, or a newer format)");
  if (compressed_size != bytes.size() - kHeaderSize) {
    return Corrupt(name, "truncated or padded: header says " + std::to_string(compressed_size) +
                             " payload bytes, file has " +
                             std::to_string(bytes.size() - kHeaderSize));
  }
  std::string_view compressed = bytes.substr(kHeaderSize);
  if (XXH3_64bits(compressed.data(), compressed.size()) != checksum) {
    return Corrupt(name, "checksum mismatch (the file is damaged)");
  }
  if (plain_size > kMaxPayload) return Corrupt(name, "implausible payload size");
  std::string plain(plain_size, '\0');
  size_t got = ZSTD_decompress(plain.data(), plain.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(got) || got != plain_size) {
    return Corrupt(name, "payload does not decompress to the size in the header");
  }
  auto model = std::make_unique<Model>();
  std::shared_ptr<WordClusters> word_clusters;
  ByteReader in(plain);
  uint32_t count;
  if (!in.U32(&count)) return Corrupt(name, "missing section count");
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t tag;
    uint64_t size;
    if (!in.U32(&tag) || !in.U64(&size) || size > in.remaining()) {
      return Corrupt(name, "truncated section table");
    }
    std::string section(size, '\0');
    in.Raw(section.data(), size);
    ByteReader r(section);
    bool ok = true;
    std::string what;
    if (tag == kInfoTag) {
      ok = r.Str(&model->description_);
      what = "INFO";
    } else if (tag == kTaggerTag) {
      model->tagger_ = std::make_unique<Tagger>();
      ok = model->tagger_->Deserialize(&r);
      what = "tagger";
    } else if (tag == kLemmatizerTag) {
      model->lemmatizer_ = std::make_unique<Lemmatizer>();
      ok = model->lemmatizer_->Deserialize(&r);
      what = "lemmatizer";
    } else if (tag == kClustersTag) {
      word_clusters = std::make_shared<WordClusters>();
      ok = word_clusters->Deserialize(&r);
      what = "word cluster";
    } else if (tag == kParserTag) {
      model->parser_ = std::make_unique<DependencyParser>();
      ok = model->parser_->Deserialize(&r);
      what = "parser";
    } else {
      continue;  // a section from a later minor addition: skip it
    }
    if (!ok || r.remaining() != 0) return Corrupt(name, "malformed " + what + " section");
  }
  if (in.remaining() != 0) return Corrupt(name, "trailing bytes after the last section");
  if ((word_clusters != nullptr) != (version == kModelFormatVersion)) {
    return Corrupt(name, word_clusters ? "a version 2 file with a word cluster section"
                                       : "a version 3 file without its word cluster section");
  }
  if (word_clusters) {
    if (model->tagger_) model->tagger_->set_clusters(word_clusters);
    if (model->parser_) model->parser_->set_clusters(word_clusters);
  }
  return model;
}

}  // namespace annal::syntax
