#include "lexicon/compiled_dictionary.h"

#include <xxhash.h>
#include <zstd.h>

#include <cstring>

#include "util/file.h"

namespace annal::lexicon {
namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'A', 'L', 'D', 'I', 'C'};
constexpr size_t kHeaderSize = 8 + 4 + 8 + 8;  // magic, version, raw size, xxh64 of raw payload

class Encoder {
 public:
  void U64(uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<char>(v));
  }
  void I32(int32_t v) { U64(static_cast<uint32_t>(v)); }
  void Str(std::string_view s) {
    U64(s.size());
    out_.append(s);
  }
  void Bool(bool b) { out_.push_back(b ? 1 : 0); }
  void U8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  uint64_t U64() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      uint8_t b = static_cast<uint8_t>(in_[pos_++]);
      v |= uint64_t{b & 0x7fu} << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail();
  }
  int32_t I32() { return static_cast<int32_t>(static_cast<uint32_t>(U64())); }
  // A count of items, each at least one byte: bounded by what is left, so a corrupt count
  // cannot make us allocate gigabytes.
  size_t Count() {
    uint64_t n = U64();
    if (n > in_.size() - pos_) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  std::string Str() {
    size_t n = Count();
    if (!ok_) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  bool Bool() {
    if (pos_ >= in_.size()) return Fail() != 0;
    return in_[pos_++] != 0;
  }
  uint8_t U8() {
    if (pos_ >= in_.size()) return static_cast<uint8_t>(Fail());
    return static_cast<uint8_t>(in_[pos_++]);
  }
  // Marks the input corrupt (a value out of its range); every later read returns zero.
  void Invalid() { Fail(); }
  bool done() const { return pos_ == in_.size(); }

 private:
  uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void PutPhrase(Encoder& e, const Phrase& p) {
  e.U64(p.size());
  for (const auto& w : p) {
    e.Str(w.text);
    // One flags byte: bit 0 exact, bit 1 gap_before (format version 2).
    e.U8(static_cast<uint8_t>((w.exact ? 1 : 0) | (w.gap_before ? 2 : 0)));
  }
}
Phrase GetPhrase(Decoder& d) {
  Phrase p(d.Count());
  for (auto& w : p) {
    w.text = d.Str();
    const uint8_t flags = d.U8();
    if (flags > 3) d.Invalid();
    w.exact = (flags & 1) != 0;
    w.gap_before = (flags & 2) != 0;
  }
  return p;
}
void PutWhere(Encoder& e, const SourceLocation& w) {
  e.U64(w.file);
  e.U64(w.line);
}
SourceLocation GetWhere(Decoder& d) {
  SourceLocation w;
  w.file = static_cast<uint32_t>(d.U64());
  w.line = static_cast<uint32_t>(d.U64());
  return w;
}
void PutElements(Encoder& e, const std::vector<PatternElement>& v) {
  e.U64(v.size());
  for (const auto& x : v) {
    e.U64(static_cast<uint8_t>(x.kind));
    e.Str(x.word.text);
    e.Bool(x.word.exact);
    e.Str(x.synset);
    e.Bool(x.adjacent);
    e.U64(x.group);
    e.Bool(x.group_is_prep);
  }
}
std::vector<PatternElement> GetElements(Decoder& d) {
  std::vector<PatternElement> v(d.Count());
  for (auto& x : v) {
    uint64_t kind = d.U64();
    if (kind > static_cast<uint64_t>(ElementKind::kSkipNoun)) kind = 0;
    x.kind = static_cast<ElementKind>(kind);
    x.word.text = d.Str();
    x.word.exact = d.Bool();
    x.synset = d.Str();
    x.adjacent = d.Bool();
    x.group = static_cast<uint16_t>(d.U64());
    x.group_is_prep = d.Bool();
  }
  return v;
}

}  // namespace

std::string EncodeDictionary(const DictionarySet& dict) {
  Encoder e;
  e.U64(dict.files.size());
  for (const auto& f : dict.files) e.Str(f);
  e.U64(dict.actors.size());
  for (const auto& a : dict.actors) {
    e.U64(a.names.size());
    for (const auto& p : a.names) PutPhrase(e, p);
    e.U64(a.codes.size());
    for (const auto& c : a.codes) {
      e.Str(c.code);
      e.I32(c.from_day);
      e.I32(c.to_day);
    }
    PutWhere(e, a.where);
  }
  e.U64(dict.agents.size());
  for (const auto& a : dict.agents) {
    e.U64(a.names.size());
    for (const auto& p : a.names) PutPhrase(e, p);
    e.Str(a.code);
    e.Bool(a.suffix);
    PutWhere(e, a.where);
  }
  e.U64(dict.verbs.size());
  for (const auto& v : dict.verbs) {
    e.Str(v.name);
    e.Str(v.code);
    e.Str(v.alt_code);
    e.U64(v.forms.size());
    for (const auto& f : v.forms) {
      PutPhrase(e, f.words);
      e.U64(f.verb_word);
      e.Str(f.code);
      e.Str(f.alt_code);
    }
    e.U64(v.patterns.size());
    for (const auto& p : v.patterns) {
      PutElements(e, p.before);
      PutElements(e, p.after);
      e.Str(p.code);
      e.Str(p.alt_code);
      e.Bool(p.verb_adjacent);
      e.U64(p.owner_forms.size());
      for (uint32_t f : p.owner_forms) e.U64(f);
      PutWhere(e, p.where);
    }
    PutWhere(e, v.where);
  }
  e.U64(dict.synsets.size());
  for (const auto& s : dict.synsets) {
    e.Str(s.name);
    e.U64(s.members.size());
    for (const auto& p : s.members) PutPhrase(e, p);
    PutWhere(e, s.where);
  }
  e.U64(dict.transformations.size());
  for (const auto& t : dict.transformations) {
    e.Str(t.text);
    PutWhere(e, t.where);
  }
  e.U64(dict.discards.size());
  for (const auto& x : dict.discards) {
    PutPhrase(e, x.phrase);
    e.Bool(x.whole_story);
    PutWhere(e, x.where);
  }
  e.U64(dict.issues.size());
  for (const auto& x : dict.issues) {
    PutPhrase(e, x.phrase);
    e.Str(x.code);
    e.Str(x.category);
    e.Bool(x.exclusion);
    e.Bool(x.whole_story);
    PutWhere(e, x.where);
  }
  for (const auto* table : {&dict.labels, &dict.settings}) {
    e.U64(table->size());
    for (const auto& [k, v] : *table) {
      e.Str(k);
      e.Str(v);
    }
  }

  const std::string& raw = e.out();
  std::string out(kHeaderSize, '\0');
  std::memcpy(out.data(), kMagic, 8);
  uint32_t version = kCompiledDictionaryVersion;
  uint64_t raw_size = raw.size();
  uint64_t checksum = XXH64(raw.data(), raw.size(), 0);
  std::memcpy(out.data() + 8, &version, 4);
  std::memcpy(out.data() + 12, &raw_size, 8);
  std::memcpy(out.data() + 20, &checksum, 8);
  std::string packed(ZSTD_compressBound(raw.size()), '\0');
  size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), 9);
  packed.resize(ZSTD_isError(n) ? 0 : n);
  out += packed;
  return out;
}

Status DecodeDictionary(std::string_view image, DictionarySet* dict) {
  *dict = DictionarySet();
  if (image.size() < kHeaderSize || std::memcmp(image.data(), kMagic, 8) != 0) {
    return Status::Corruption("not an annal compiled dictionary (bad magic)");
  }
  uint32_t version;
  uint64_t raw_size, checksum;
  std::memcpy(&version, image.data() + 8, 4);
  std::memcpy(&raw_size, image.data() + 12, 8);
  std::memcpy(&checksum, image.data() + 20, 8);
  if (version != kCompiledDictionaryVersion) {
    return Status::Corruption("compiled dictionary format version " + std::to_string(version) +
                              ", this annal reads version " +
                              std::to_string(kCompiledDictionaryVersion) + "; recompile it");
  }
  if (raw_size > (uint64_t{1} << 31)) return Status::Corruption("compiled dictionary: bad size");
  std::string raw(raw_size, '\0');
  size_t got = ZSTD_decompress(raw.data(), raw.size(), image.data() + kHeaderSize,
                               image.size() - kHeaderSize);
  if (ZSTD_isError(got) || got != raw_size || XXH64(raw.data(), raw.size(), 0) != checksum) {
    return Status::Corruption("compiled dictionary: truncated or damaged (checksum mismatch)");
  }

  Decoder d(raw);
  dict->files.resize(d.Count());
  for (auto& f : dict->files) f = d.Str();
  dict->actors.resize(d.Count());
  for (auto& a : dict->actors) {
    a.names.resize(d.Count());
    for (auto& p : a.names) p = GetPhrase(d);
    a.codes.resize(d.Count());
    for (auto& c : a.codes) {
      c.code = d.Str();
      c.from_day = d.I32();
      c.to_day = d.I32();
    }
    a.where = GetWhere(d);
  }
  dict->agents.resize(d.Count());
  for (auto& a : dict->agents) {
    a.names.resize(d.Count());
    for (auto& p : a.names) p = GetPhrase(d);
    a.code = d.Str();
    a.suffix = d.Bool();
    a.where = GetWhere(d);
  }
  dict->verbs.resize(d.Count());
  for (auto& v : dict->verbs) {
    v.name = d.Str();
    v.code = d.Str();
    v.alt_code = d.Str();
    v.forms.resize(d.Count());
    for (auto& f : v.forms) {
      f.words = GetPhrase(d);
      f.verb_word = static_cast<uint8_t>(d.U64());
      f.code = d.Str();
      f.alt_code = d.Str();
    }
    v.patterns.resize(d.Count());
    for (auto& p : v.patterns) {
      p.before = GetElements(d);
      p.after = GetElements(d);
      p.code = d.Str();
      p.alt_code = d.Str();
      p.verb_adjacent = d.Bool();
      p.owner_forms.resize(d.Count());
      for (uint32_t& f : p.owner_forms) {
        const uint64_t form = d.U64();
        if (form >= v.forms.size()) d.Invalid();  // must name a form of this block
        f = static_cast<uint32_t>(form);
      }
      p.where = GetWhere(d);
    }
    v.where = GetWhere(d);
  }
  dict->synsets.resize(d.Count());
  for (auto& s : dict->synsets) {
    s.name = d.Str();
    s.members.resize(d.Count());
    for (auto& p : s.members) p = GetPhrase(d);
    s.where = GetWhere(d);
  }
  dict->transformations.resize(d.Count());
  for (auto& t : dict->transformations) {
    t.text = d.Str();
    t.where = GetWhere(d);
  }
  dict->discards.resize(d.Count());
  for (auto& x : dict->discards) {
    x.phrase = GetPhrase(d);
    x.whole_story = d.Bool();
    x.where = GetWhere(d);
  }
  dict->issues.resize(d.Count());
  for (auto& x : dict->issues) {
    x.phrase = GetPhrase(d);
    x.code = d.Str();
    x.category = d.Str();
    x.exclusion = d.Bool();
    x.whole_story = d.Bool();
    x.where = GetWhere(d);
  }
  for (auto* table : {&dict->labels, &dict->settings}) {
    table->resize(d.Count());
    for (auto& [k, v] : *table) {
      k = d.Str();
      v = d.Str();
    }
  }
  if (!d.ok() || !d.done()) {
    *dict = DictionarySet();
    return Status::Corruption("compiled dictionary: malformed payload");
  }
  // Indices stored in SourceLocation must point at a file.
  return Status::OK();
}

Status SaveDictionary(const DictionarySet& dict, const std::string& path) {
  return WriteStringToFile(path, EncodeDictionary(dict));
}

Status LoadDictionary(const std::string& path, DictionarySet* dict) {
  std::string image;
  Status s = ReadFileToString(path, &image);
  if (!s.ok()) return s;
  s = DecodeDictionary(image, dict);
  if (!s.ok()) return Status::Corruption(path + ": " + s.message());
  return s;
}

}  // namespace annal::lexicon
