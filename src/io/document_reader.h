// Streaming input of Documents: JSON Lines, plain-text files, directories and stdin.
//
// Bad input is the normal case for a batch of scraped news, so nothing here throws or stops the
// batch: each bad line or file is reported once through a callback and the rest goes on.
#ifndef ANNAL_IO_DOCUMENT_READER_H_
#define ANNAL_IO_DOCUMENT_READER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "annal/document.h"
#include "annal/status.h"

namespace annal::io {

// One skipped line or file.
struct InputProblem {
  std::string file;              // the input as named by the caller ("-" reads as "<stdin>")
  uint64_t line = 0;             // 1-based line of a JSON Lines input; 0 when not line-based
  uint64_t byte_offset = 0;      // byte in the file where the problem is (see has_byte_offset)
  bool has_byte_offset = false;  // byte_offset is meaningful
  std::string message;
  // "file:line: message", or "file: byte N: message" for a file-level problem at a known byte,
  // or "file: message".
  std::string ToString() const;
};

struct ReadOptions {
  // Publication date given to plain-text documents, YYYY-MM-DD. Empty: the file's modification
  // time as a UTC date (stdin then gets no date).
  std::string default_date;
  // Larger documents are skipped with a problem. A JSON line may be up to this plus 64 KiB (room
  // for the other fields); the reader never holds more than that of one line in memory.
  size_t max_document_bytes = 16 << 20;
};

using DocumentCallback = std::function<void(Document&&)>;
using ProblemCallback = std::function<void(const InputProblem&)>;

// Reads every input in order: files, directories (recursed; regular files in sorted path order;
// names starting with '.' are skipped) and "-" for stdin. Files ending in .jsonl, .ndjson or
// .json, and stdin or a pipe when its first non-blank byte is '{', are JSON Lines: one object per
// line with "text" (required, non-empty string) and optional string fields "id", "date"
// (YYYY-MM-DD), "title", "url", "source", "lang"; null counts as absent and unknown fields are
// ignored. A missing id becomes "<file>:<line>". Everything else is one plain-text document per
// file: id is the path relative to the directory given (or the file name for a file given
// directly), date comes from ReadOptions::default_date, text is the whole file without a UTF-8 byte
// order mark.
//
// Calls on_document for each good document in input order and on_problem for each bad line or
// file: invalid JSON, a line that is not an object, invalid UTF-8 (with its byte), missing or
// empty text, a non-string field, a malformed date, an over-long line or file, a binary file (NUL
// bytes) or an unreadable input. Never throws (unless a callback does).
// Returns OK when at least one input could be opened; otherwise (no inputs, or none exists or is
// readable) a non-OK Status naming the first failure. Thread-compatible; callbacks run on the
// calling thread.
Status ReadDocuments(const std::vector<std::string>& inputs, const ReadOptions& options,
                     const DocumentCallback& on_document, const ProblemCallback& on_problem);

// Reads JSON Lines held in memory, exactly as ReadDocuments reads a .jsonl file; `name` names
// the input in problems and generated ids. Returns the number of documents delivered. For tests,
// fuzzing and callers that already hold the bytes.
size_t ReadJsonLines(std::string_view data, std::string_view name, const ReadOptions& options,
                     const DocumentCallback& on_document, const ProblemCallback& on_problem);

// True when `date` is a valid calendar date written YYYY-MM-DD.
bool IsValidDate(std::string_view date);

}  // namespace annal::io

#endif  // ANNAL_IO_DOCUMENT_READER_H_
