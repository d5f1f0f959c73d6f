#include "syntax/model.h"

#include <zstd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <utility>

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

// Decompresses the payload (one zstd frame of an announced size) front to back, so that the
// caller holds one section at a time instead of the whole payload, and drops the sections it
// does not want without keeping them anywhere.
class PayloadStream {
 public:
  PayloadStream(std::string_view compressed, uint64_t plain_size)
      : dctx_(ZSTD_createDCtx()),
        in_{compressed.data(), compressed.size(), 0},
        plain_size_(plain_size) {}
  ~PayloadStream() { ZSTD_freeDCtx(dctx_); }
  PayloadStream(const PayloadStream&) = delete;
  PayloadStream& operator=(const PayloadStream&) = delete;

  // False when the decompression context could not be made (out of memory).
  bool ok() const { return dctx_ != nullptr; }
  // True once the frame turned out damaged or of another size than announced.
  bool failed() const { return failed_; }
  // Announced bytes not yet read.
  uint64_t remaining() const { return plain_size_ - produced_; }

  // Reads the next `n` bytes into `dst`. False when fewer than `n` announced bytes remain
  // (failed() stays false: the content is wrong, not the frame) or the frame is damaged.
  bool Read(void* dst, size_t n) { return n <= remaining() && Fill(static_cast<char*>(dst), n); }
  // Reads the next `n` bytes into a buffer reused from call to call: `*out` is valid until the
  // next call. The buffer is not zero-filled first (decompression overwrites it).
  bool ReadSection(uint64_t n, std::string_view* out) {
    if (n > remaining()) return false;
    if (n > capacity_) {
      buffer_ = std::make_unique_for_overwrite<char[]>(n);
      capacity_ = n;
    }
    if (!Fill(buffer_.get(), n)) return false;
    *out = std::string_view(buffer_.get(), n);
    return true;
  }
  // Decompresses the next `n` bytes and drops them.
  bool Skip(uint64_t n) {
    if (n > remaining()) return false;
    char scratch[1 << 16];
    while (n > 0) {
      size_t chunk = static_cast<size_t>(std::min<uint64_t>(n, sizeof scratch));
      if (!Fill(scratch, chunk)) return false;
      n -= chunk;
    }
    return true;
  }
  // True when the frame ends exactly after the announced bytes, with no input after it.
  // REQUIRES: remaining() == 0.
  bool Finish() {
    char extra;
    while (!failed_ && !frame_done_) {
      ZSTD_outBuffer out{&extra, 1, 0};
      if (!Step(&out) || out.pos != 0) failed_ = true;  // bytes beyond the announced size
    }
    return !failed_ && in_.pos == in_.size;
  }

 private:
  bool Fill(char* dst, size_t n) {
    ZSTD_outBuffer out{dst, n, 0};
    while (out.pos < out.size) {
      if (failed_ || frame_done_ || !Step(&out)) {
        failed_ = true;  // the frame ended early or is damaged
        return false;
      }
    }
    produced_ += n;
    return true;
  }
  // One decompression call; false on an error or when the input has run out.
  bool Step(ZSTD_outBuffer* out) {
    const size_t in_before = in_.pos, out_before = out->pos;
    size_t hint = ZSTD_decompressStream(dctx_, out, &in_);
    if (ZSTD_isError(hint)) return false;
    if (hint == 0) {
      frame_done_ = true;
      return true;
    }
    return in_.pos != in_before || out->pos != out_before;
  }

  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer in_;
  uint64_t plain_size_;
  uint64_t produced_ = 0;
  bool failed_ = false;
  bool frame_done_ = false;
  std::unique_ptr<char[]> buffer_;
  uint64_t capacity_ = 0;
};

}  // namespace

void Model::TakeComponentsFrom(Model* other) {
  if (other->tagger_) set_tagger(std::move(other->tagger_));
  if (other->lemmatizer_) set_lemmatizer(std::move(other->lemmatizer_));
  if (other->parser_) set_parser(std::move(other->parser_));
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
    return Status::InvalidArgument(path +
                                   ": the tagger and the parser use different word clusters");
  }
  if (skipped_.tagger || skipped_.lemmatizer || skipped_.parser) {
    return Status::InvalidArgument(path + ": the model was loaded without its " +
                                   skipped_.ToString() + "; load it whole to save it");
  }
  return WriteStringToFile(path, ToBytes());
}

Result<std::unique_ptr<Model>> Model::Load(const std::string& path, ModelParts parts) {
  // One read into a buffer of the file's size (not zero-filled first): reading in small
  // chunks into a growing string copied the 14 MB file about three times over.
  std::error_code ec;
  const uintmax_t size = std::filesystem::file_size(path, ec);  // fails for a directory too
  if (ec) return Status::IOError(path + ": " + ec.message());
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return Status::IOError(path + ": " + std::strerror(errno));
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(f, &std::fclose);
  // A file over the payload limit is refused by FromBytes; read one byte past it, not all.
  const size_t want = static_cast<size_t>(std::min<uintmax_t>(size, kHeaderSize + kMaxPayload + 1));
  auto bytes = std::make_unique_for_overwrite<char[]>(want + 1);
  const size_t got = std::fread(bytes.get(), 1, want + 1, f);
  if (std::ferror(f) != 0) return Status::IOError(path + ": read error");
  // `got` differs from `want` only when the file changed size while being read: FromBytes then
  // sees what was there (and refuses it unless it is a whole model file).
  return FromBytes(std::string_view(bytes.get(), got), path, parts);
}

Result<std::unique_ptr<Model>> Model::FromBytes(std::string_view bytes, std::string_view name,
                                                ModelParts parts) {
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
  const Status kBadPayload = Corrupt(name, "payload does not decompress to the size in the header");
  // The payload is decompressed section by section into one reused buffer: the whole payload
  // never sits in memory at once, and sections not wanted are decompressed into a small scratch
  // buffer and dropped.
  // The header's payload size is not under the checksum; the zstd frame's own record of its
  // size is, and a partial load, which stops before the end of the frame, compares the two here
  // (a frame without the record is read to its end instead).
  const unsigned long long frame_size =
      ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  if (frame_size == ZSTD_CONTENTSIZE_ERROR ||
      (frame_size != ZSTD_CONTENTSIZE_UNKNOWN && frame_size != plain_size)) {
    return kBadPayload;
  }
  PayloadStream in(compressed, plain_size);
  if (!in.ok()) return kBadPayload;
  auto model = std::make_unique<Model>();
  model->name_ = std::string(name);
  model->skipped_ = {!parts.tagger, !parts.lemmatizer, !parts.parser};
  const bool whole = parts.tagger && parts.lemmatizer && parts.parser;
  std::shared_ptr<WordClusters> word_clusters;
  bool has_clusters = false;
  const bool want_clusters = parts.tagger || parts.parser;
  bool stopped_early = false;
  uint32_t count;
  if (!in.Read(&count, sizeof count)) return Corrupt(name, "missing section count");
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t tag;
    uint64_t size;
    if (!in.Read(&tag, sizeof tag) || !in.Read(&size, sizeof size) || size > in.remaining()) {
      return in.failed() ? kBadPayload : Corrupt(name, "truncated section table");
    }
    bool wanted = false;
    if (tag == kInfoTag) {
      wanted = true;
    } else if (tag == kTaggerTag) {
      wanted = parts.tagger;
    } else if (tag == kLemmatizerTag) {
      wanted = parts.lemmatizer;
    } else if (tag == kClustersTag) {
      has_clusters = true;
      wanted = want_clusters;
    } else if (tag == kParserTag) {
      wanted = parts.parser;
    }
    // Unknown tags (sections from a later minor addition) are skipped like unwanted ones.
    if (!wanted) {
      if (!in.Skip(size)) return kBadPayload;
      continue;
    }
    std::string_view section;
    if (!in.ReadSection(size, &section)) return kBadPayload;
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
    } else {
      model->parser_ = std::make_unique<DependencyParser>();
      ok = model->parser_->Deserialize(&r);
      what = "parser";
    }
    if (!ok || r.remaining() != 0) return Corrupt(name, "malformed " + what + " section");
    // A partial load stops once it has what it asked for and the clusters (the writer puts
    // the parser, most of the payload, last): decompressing the rest was most of the tagger-only
    // start-up. The checksum has covered the whole file already; the layout of the unread rest
    // is what goes unchecked.
    if (!whole && frame_size != ZSTD_CONTENTSIZE_UNKNOWN && (!parts.tagger || model->tagger_) &&
        (!parts.lemmatizer || model->lemmatizer_) && (!parts.parser || model->parser_) &&
        (!want_clusters || has_clusters || version == kModelFormatVersionWithoutClusters)) {
      stopped_early = true;
      break;
    }
  }
  if (!stopped_early) {
    if (in.remaining() != 0) return Corrupt(name, "trailing bytes after the last section");
    if (!in.Finish()) return kBadPayload;
  }
  if (has_clusters && version != kModelFormatVersion) {
    return Corrupt(name, "a version 2 file with a word cluster section");
  }
  if (!has_clusters && version == kModelFormatVersion && !stopped_early) {
    return Corrupt(name, "a version 3 file without its word cluster section");
  }
  if (word_clusters) {
    if (model->tagger_) model->tagger_->set_clusters(word_clusters);
    if (model->parser_) model->parser_->set_clusters(word_clusters);
  }
  return model;
}

Status Model::Check(ModelParts needed) const {
  auto missing = [&](bool skipped, std::string_view component) {
    std::string m = name_.empty() ? std::string("model") : name_;
    m += ": no ";
    m += component;
    if (skipped) {
      ModelParts loaded{tagger_ != nullptr, lemmatizer_ != nullptr, parser_ != nullptr};
      m += ": loaded with the " + loaded.ToString() + " only";
    } else {
      m += " in the model file";
    }
    return Status::InvalidArgument(m);
  };
  if (needed.tagger && !tagger_) return missing(skipped_.tagger, "tagger");
  if (needed.lemmatizer && !lemmatizer_) return missing(skipped_.lemmatizer, "lemmatiser");
  if (needed.parser && !parser_) return missing(skipped_.parser, "parser");
  return Status::OK();
}

std::string ModelParts::ToString() const {
  std::string s;
  for (auto [on, component] : {std::pair<bool, const char*>{tagger, "tagger"},
                               {lemmatizer, "lemmatiser"},
                               {parser, "parser"}}) {
    if (!on) continue;
    if (!s.empty()) s += ", ";
    s += component;
  }
  return s.empty() ? "nothing" : s;
}

}  // namespace annal::syntax
