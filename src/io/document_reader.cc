// Document input: JSON Lines and plain text, streamed with bounded memory.
//
// JSON is parsed with simdjson's DOM parser rather than nlohmann-json: one parser is reused for
// every line (no allocation per document once it has grown), it validates UTF-8 and escapes
// strictly, reports errors as codes without exceptions, and parses at GB/s, so input never shows
// up next to the text stage in a profile. Lines are read through a fixed-size buffer; a line over
// the limit is counted and skipped without being held in memory.
#include "io/document_reader.h"

#include <simdjson.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include "text/analyzer.h"

namespace annal::io {
namespace {

namespace fs = std::filesystem;

constexpr size_t kChunkBytes = 256 * 1024;
constexpr size_t kLineSlack = 64 * 1024;  // JSON fields around the text

// A source of bytes: a FILE* (files, stdin) or memory.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `cap` bytes; returns 0 at the end. Sets *error on a read error.
  virtual size_t Read(char* buf, size_t cap, std::string* error) = 0;
};

class FileSource : public ByteSource {
 public:
  explicit FileSource(FILE* f) : f_(f) {}
  size_t Read(char* buf, size_t cap, std::string* error) override {
    size_t r = std::fread(buf, 1, cap, f_);
    if (r == 0 && std::ferror(f_)) *error = std::strerror(errno);
    return r;
  }

 private:
  FILE* f_;
};

class MemorySource : public ByteSource {
 public:
  explicit MemorySource(std::string_view data) : data_(data) {}
  size_t Read(char* buf, size_t cap, std::string* error) override {
    size_t r = std::min(cap, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, r);
    pos_ += r;
    return r;
  }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Splits a byte source into lines with a bounded line buffer.
class LineReader {
 public:
  enum class Result { kLine, kTooLong, kEnd, kError };

  LineReader(ByteSource* src, size_t max_line) : src_(src), max_line_(max_line) {
    buf_.reset(new char[kChunkBytes]);
  }

  // Puts bytes already read ahead (the stdin sniffing) back in front of the stream.
  void Unread(std::string_view bytes) { pending_.assign(bytes); }

  // Reads the next line (without "\n" or "\r\n") into *line. For kTooLong, *line is empty and
  // *length is the full length of the skipped line. *start is the byte offset of the line.
  Result Next(std::string* line, uint64_t* start, uint64_t* length) {
    line->clear();
    *start = offset_;
    uint64_t len = 0;
    bool too_long = false;
    bool any = false;
    for (;;) {
      if (pos_ == end_ && !Fill()) {
        if (!error_.empty()) return Result::kError;
        if (!any) return Result::kEnd;
        break;  // last line without a newline
      }
      any = true;
      const char* b = buf_.get() + pos_;
      const char* nl = static_cast<const char*>(std::memchr(b, '\n', end_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - b) : end_ - pos_;
      if (!too_long) {
        if (line->size() + take > max_line_) {
          too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(b, take);
        }
      }
      len += take;
      pos_ += take;
      offset_ += take;
      if (nl) {
        ++pos_;
        ++offset_;
        break;
      }
    }
    *length = len;
    if (too_long) return Result::kTooLong;
    if (!line->empty() && line->back() == '\r') line->pop_back();
    return Result::kLine;
  }

  const std::string& error() const { return error_; }

 private:
  bool Fill() {
    pos_ = 0;
    end_ = 0;
    if (!pending_.empty()) {
      size_t r = std::min(kChunkBytes, pending_.size());
      std::memcpy(buf_.get(), pending_.data(), r);
      pending_.erase(0, r);
      end_ = r;
      return true;
    }
    end_ = src_->Read(buf_.get(), kChunkBytes, &error_);
    return end_ > 0;
  }

  ByteSource* src_;
  size_t max_line_;
  std::unique_ptr<char[]> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
  uint64_t offset_ = 0;
  std::string pending_;
  std::string error_;
};

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

std::string_view StripBom(std::string_view s) {
  if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return s;
}

const char* TypeName(simdjson::dom::element_type t) {
  switch (t) {
    case simdjson::dom::element_type::ARRAY:
      return "an array";
    case simdjson::dom::element_type::OBJECT:
      return "an object";
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return "a number";
    case simdjson::dom::element_type::STRING:
      return "a string";
    case simdjson::dom::element_type::BOOL:
      return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// Reads JSON Lines from `src`; `name` names the input. Returns the number of documents.
class JsonLinesReader {
 public:
  JsonLinesReader(std::string_view name, const ReadOptions& options,
                  const DocumentCallback& on_document, const ProblemCallback& on_problem)
      : name_(name), options_(options), on_document_(on_document), on_problem_(on_problem) {}

  size_t Read(ByteSource* src, std::string_view unread = {}) {
    LineReader reader(src, options_.max_document_bytes + kLineSlack);
    if (!unread.empty()) reader.Unread(unread);
    std::string line;
    uint64_t start = 0, length = 0, line_no = 0;
    size_t delivered = 0;
    for (;;) {
      LineReader::Result r = reader.Next(&line, &start, &length);
      if (r == LineReader::Result::kEnd) break;
      ++line_no;
      if (r == LineReader::Result::kError) {
        Problem(line_no, start, "read error: " + reader.error());
        break;
      }
      if (r == LineReader::Result::kTooLong) {
        Problem(line_no, start,
                "line of " + std::to_string(length) + " bytes is over the limit of " +
                    std::to_string(options_.max_document_bytes + kLineSlack) + " bytes; skipped");
        continue;
      }
      std::string_view view(line);
      size_t bom = 0;
      if (line_no == 1 && view.size() >= 3 && view.substr(0, 3) == "\xEF\xBB\xBF") bom = 3;
      view.remove_prefix(bom);
      if (IsBlank(view)) continue;
      Document doc;
      if (ParseLine(view, line_no, start + bom, &line, &doc)) {
        ++delivered;
        if (on_document_) on_document_(std::move(doc));
      }
    }
    return delivered;
  }

 private:
  void Problem(uint64_t line, uint64_t offset, std::string message) {
    if (!on_problem_) return;
    InputProblem p;
    p.file = std::string(name_);
    p.line = line;
    p.byte_offset = offset;
    p.has_byte_offset = true;
    p.message = std::move(message);
    on_problem_(p);
  }

  // Parses one non-blank line. `storage` owns the bytes of `view` and may grow for padding.
  bool ParseLine(std::string_view view, uint64_t line_no, uint64_t start, std::string* storage,
                 Document* doc) {
    size_t bad = 0;
    if (!text::IsValidUtf8(view, &bad)) {
      Problem(line_no, start + bad,
              "invalid UTF-8 at byte " + std::to_string(bad) + " of the line; skipped");
      return false;
    }
    // simdjson reads up to SIMDJSON_PADDING bytes past the end: give it allocated room.
    const size_t view_offset = static_cast<size_t>(view.data() - storage->data());
    storage->reserve(storage->size() + simdjson::SIMDJSON_PADDING);
    const char* data = storage->data() + view_offset;
    simdjson::dom::element root;
    simdjson::error_code err = parser_.parse(data, view.size(), false).get(root);
    if (err) {
      Problem(line_no, start,
              std::string("invalid JSON: ") + simdjson::error_message(err) + "; skipped");
      return false;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      Problem(line_no, start,
              std::string("expected a JSON object, got ") + TypeName(root.type()) + "; skipped");
      return false;
    }
    bool has_text = false;
    for (simdjson::dom::key_value_pair field : obj) {
      std::string* target = nullptr;
      if (field.key == "id") {
        target = &doc->id;
      } else if (field.key == "date") {
        target = &doc->date;
      } else if (field.key == "text") {
        target = &doc->text;
      } else if (field.key == "title") {
        target = &doc->title;
      } else if (field.key == "url") {
        target = &doc->url;
      } else if (field.key == "source") {
        target = &doc->source;
      } else if (field.key == "lang") {
        target = &doc->lang;
      } else {
        continue;  // unknown fields are the caller's business
      }
      if (field.value.is_null()) continue;
      std::string_view value;
      if (field.value.get_string().get(value)) {
        Problem(line_no, start,
                "field \"" + std::string(field.key) + "\" must be a string, got " +
                    TypeName(field.value.type()) + "; skipped");
        return false;
      }
      if (field.key == "text") has_text = true;
      target->assign(value);
    }
    if (!has_text) {
      Problem(line_no, start, "missing \"text\"; skipped");
      return false;
    }
    if (IsBlank(doc->text)) {
      Problem(line_no, start, "empty \"text\"; skipped");
      return false;
    }
    if (doc->text.size() > options_.max_document_bytes) {
      Problem(line_no, start,
              "\"text\" of " + std::to_string(doc->text.size()) + " bytes is over the limit of " +
                  std::to_string(options_.max_document_bytes) + " bytes; skipped");
      return false;
    }
    // simdjson rejects escaped lone surrogates ("\ud800") itself; this guards the contract that
    // every Document::text is valid UTF-8 should a parser version ever let one through.
    if (!text::IsValidUtf8(doc->text, &bad)) {
      Problem(line_no, start,
              "\"text\" is not valid UTF-8 after unescaping (byte " + std::to_string(bad) +
                  " of the text; a lone surrogate escape?); skipped");
      return false;
    }
    for (std::string* f :
         {&doc->id, &doc->date, &doc->title, &doc->url, &doc->source, &doc->lang}) {
      if (!text::IsValidUtf8(*f)) {
        Problem(line_no, start, "a field is not valid UTF-8 after unescaping; skipped");
        return false;
      }
    }
    if (!doc->date.empty() && !IsValidDate(doc->date)) {
      Problem(line_no, start,
              "bad \"date\" \"" + doc->date.substr(0, 40) + "\": expected YYYY-MM-DD; skipped");
      return false;
    }
    if (doc->id.empty()) doc->id = std::string(name_) + ":" + std::to_string(line_no);
    return true;
  }

  std::string_view name_;
  const ReadOptions& options_;
  const DocumentCallback& on_document_;
  const ProblemCallback& on_problem_;
  simdjson::dom::parser parser_;
};

bool IsJsonLinesPath(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".jsonl" || ext == ".ndjson" || ext == ".json";
}

std::string UtcDate(time_t t) {
  struct tm tm_utc;
  if (gmtime_r(&t, &tm_utc) == nullptr) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm_utc.tm_year + 1900, tm_utc.tm_mon + 1,
                tm_utc.tm_mday);
  return buf;
}

class Reader {
 public:
  Reader(const ReadOptions& options, const DocumentCallback& on_document,
         const ProblemCallback& on_problem)
      : options_(options), on_document_(on_document), on_problem_(on_problem) {}

  // Reads one input as named by the caller; false when it could not be opened at all.
  bool ReadInput(const std::string& input) {
    if (input == "-") return ReadSniffed(stdin, "<stdin>", "stdin");
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (!fs::exists(st)) {
      FileProblem(input, "no such file or directory");
      return false;
    }
    if (ec) {
      FileProblem(input, "cannot read: " + ec.message());
      return false;
    }
    if (fs::is_directory(st)) return ReadDirectory(input);
    std::string id = fs::path(input).filename().string();
    if (!fs::is_regular_file(st)) {
      // A pipe or device ("annal code <(zcat feed.jsonl.gz)"): no name to go by, so sniff.
      FILE* f = std::fopen(input.c_str(), "rb");
      if (f == nullptr) {
        FileProblem(input, std::string("cannot open: ") + std::strerror(errno));
        return false;
      }
      bool ok = ReadSniffed(f, input, id);
      std::fclose(f);
      return ok;
    }
    return ReadFile(input, id);
  }

  const std::string& first_failure() const { return first_failure_; }

 private:
  void FileProblem(const std::string& file, std::string message, bool has_offset = false,
                   uint64_t offset = 0) {
    if (first_failure_.empty()) first_failure_ = file + ": " + message;
    if (!on_problem_) return;
    InputProblem p;
    p.file = file;
    p.message = std::move(message);
    p.has_byte_offset = has_offset;
    p.byte_offset = offset;
    on_problem_(p);
  }

  bool ReadDirectory(const std::string& dir) {
    std::error_code ec;
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      FileProblem(dir, "cannot read directory: " + ec.message());
      return false;
    }
    for (fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        FileProblem(dir, "error while listing: " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      if (p.filename().string().rfind('.', 0) == 0) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file(ec)) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string id = p.lexically_relative(dir).generic_string();
      if (id.empty() || id == ".") id = p.filename().string();
      ReadFile(p.string(), id);
    }
    return true;
  }

  bool ReadFile(const std::string& path, const std::string& id) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (f == nullptr) {
      FileProblem(path, std::string("cannot open: ") + std::strerror(errno));
      return false;
    }
    if (IsJsonLinesPath(path)) {
      FileSource src(f);
      JsonLinesReader(path, options_, on_document_, on_problem_).Read(&src);
    } else {
      ReadPlainText(f, path, id, nullptr);
    }
    std::fclose(f);
    return true;
  }

  // Reads a stream whose format cannot be told from a name (stdin, pipes): JSON Lines when the
  // first non-blank byte is '{', otherwise one plain-text document.
  bool ReadSniffed(FILE* f, const std::string& name, const std::string& id) {
    FileSource src(f);
    std::string head;
    std::string error;
    char buf[4096];
    size_t first = std::string::npos;
    size_t scanned = 0;
    while (first == std::string::npos && head.size() <= options_.max_document_bytes) {
      size_t r = src.Read(buf, sizeof buf, &error);
      if (r == 0) break;
      head.append(buf, r);
      if (scanned == 0 && head.size() >= 3 && head.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        scanned = 3;
      }
      for (; scanned < head.size(); ++scanned) {
        if (!IsBlank(std::string_view(head).substr(scanned, 1))) {
          first = scanned;
          break;
        }
      }
    }
    if (!error.empty()) {
      FileProblem(name, "read error: " + error);
      return false;
    }
    if (first != std::string::npos && head[first] == '{') {
      JsonLinesReader(name, options_, on_document_, on_problem_).Read(&src, head);
    } else {
      ReadPlainText(f, name, id, &head);
    }
    return true;
  }

  // One plain-text document from `f`; `head` holds bytes already read from it.
  void ReadPlainText(FILE* f, const std::string& path, const std::string& id,
                     const std::string* head) {
    const size_t limit = options_.max_document_bytes;
    std::string text = head ? *head : std::string();
    std::string error;
    FileSource src(f);
    char buf[65536];
    bool too_long = text.size() > limit;
    uint64_t total = text.size();
    while (true) {
      size_t r = src.Read(buf, sizeof buf, &error);
      if (r == 0) break;
      total += r;
      if (!too_long) {
        if (text.size() + r > limit) {
          too_long = true;
          text.clear();
          text.shrink_to_fit();
        } else {
          text.append(buf, r);
        }
      }
    }
    if (!error.empty()) {
      FileProblem(path, "read error: " + error);
      return;
    }
    if (too_long) {
      FileProblem(path, "file of " + std::to_string(total) + " bytes is over the limit of " +
                            std::to_string(limit) + " bytes; skipped");
      return;
    }
    size_t bom = StripBom(text).size() == text.size() ? 0 : 3;
    if (const void* nul = std::memchr(text.data(), '\0', text.size())) {
      uint64_t at = static_cast<const char*>(nul) - text.data();
      FileProblem(path, "binary file (NUL byte); skipped", true, at);
      return;
    }
    size_t bad = 0;
    if (!text::IsValidUtf8(text, &bad)) {
      FileProblem(path, "invalid UTF-8; skipped", true, bad);
      return;
    }
    if (IsBlank(std::string_view(text).substr(bom))) {
      FileProblem(path, "empty file; skipped");
      return;
    }
    Document doc;
    doc.id = id;
    doc.date = options_.default_date;
    if (doc.date.empty() && head == nullptr) {
      struct stat st;
      if (fstat(fileno(f), &st) == 0) doc.date = UtcDate(st.st_mtime);
    }
    if (bom) text.erase(0, bom);
    doc.text = std::move(text);
    if (on_document_) on_document_(std::move(doc));
  }

  const ReadOptions& options_;
  const DocumentCallback& on_document_;
  const ProblemCallback& on_problem_;
  std::string first_failure_;
};

}  // namespace

std::string InputProblem::ToString() const {
  if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
  if (has_byte_offset) return file + ": byte " + std::to_string(byte_offset) + ": " + message;
  return file + ": " + message;
}

bool IsValidDate(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  int year = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
  int month = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0');
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) max = 29;
  return day <= max;
}

size_t ReadJsonLines(std::string_view data, std::string_view name, const ReadOptions& options,
                     const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  MemorySource src(data);
  return JsonLinesReader(name, options, on_document, on_problem).Read(&src);
}

Status ReadDocuments(const std::vector<std::string>& inputs, const ReadOptions& options,
                     const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  if (inputs.empty()) return Status::InvalidArgument("no inputs given");
  Reader reader(options, on_document, on_problem);
  bool any = false;
  for (const std::string& input : inputs) {
    if (reader.ReadInput(input)) any = true;
  }
  if (!any) return Status::NotFound(reader.first_failure());
  return Status::OK();
}

}  // namespace annal::io
