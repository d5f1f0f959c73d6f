// Reader for TABARI's validation suite (Validate.text). See suites.h for the conventions;
// they follow TABARI's own ProcessorClass::readRecord and ::checkEvents.
#include <fmt/format.h>

#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "eval/suites.h"
#include "eval/text_util.h"
#include "util/file.h"

namespace annal::eval {
namespace {

enum class BlockKind { kEvent, kNoEventMarker, kOption };

struct Block {
  BlockKind kind;
  bool unchecked = false;  // written `-{...}`
  Triple triple;           // kEvent
  std::string text;        // the block's trimmed content
  size_t begin = 0;        // [begin, end) in the searched region, '-' prefix included
  size_t end = 0;
};

bool IsMarker(std::string_view content) {
  bool any = false;
  for (char c : content) {
    if (c == '+' || c == '-' || c == '#') {
      any = true;
    } else if (c != ' ' && c != '\t') {
      return false;
    }
  }
  return any;
}

// Classifies the content of one `{...}`; false for braces that are not an expectation
// (prose such as "coded in {}").
bool Classify(std::string_view content, Block* block) {
  std::string_view c = Trim(content);
  block->text = std::string(c);
  if (c.starts_with("OPTION:")) {
    block->kind = BlockKind::kOption;
    block->text = std::string(Trim(c.substr(7)));
    return true;
  }
  if (IsMarker(c)) {
    block->kind = BlockKind::kNoEventMarker;
    return true;
  }
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t slash = c.find('/', start);
    parts.push_back(
        Trim(c.substr(start, slash == std::string_view::npos ? c.npos : slash - start)));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() != 3) return false;
  for (std::string_view p : parts) {
    if (p.empty()) return false;
  }
  block->kind = BlockKind::kEvent;
  block->triple = Triple{std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
  return true;
}

// Finds the expectation blocks in `region`, in order. A block runs to its '}'; one whose '}'
// is missing on its line (e.g. `{ OPTION: SET: MINIMUM WORDS = 4  */`) ends at the "*/" or
// the end of the line.
std::vector<Block> FindBlocks(std::string_view region) {
  std::vector<Block> blocks;
  size_t pos = 0;
  while (true) {
    size_t open = region.find('{', pos);
    if (open == std::string_view::npos) break;
    size_t line_end = region.find('\n', open);
    if (line_end == std::string_view::npos) line_end = region.size();
    size_t close = region.find('}', open);
    size_t content_end;
    size_t next;
    if (close != std::string_view::npos && close < line_end) {
      content_end = close;
      next = close + 1;
    } else {
      size_t comment_end = region.find("*/", open);
      content_end =
          comment_end != std::string_view::npos && comment_end < line_end ? comment_end : line_end;
      next = content_end;
    }
    Block block;
    if (Classify(region.substr(open + 1, content_end - open - 1), &block)) {
      block.unchecked = open > 0 && region[open - 1] == '-';
      block.begin = block.unchecked ? open - 1 : open;
      block.end = next;
      blocks.push_back(std::move(block));
    }
    pos = next > open ? next : open + 1;
  }
  return blocks;
}

// Removes recognised blocks and stray comment closers from a piece of text outside comments
// (Validate.text's AGENTS-11 has a second block after its "*/").
std::string RemoveStrayBlocks(std::string_view text) {
  std::string out;
  std::vector<Block> blocks = FindBlocks(text);
  size_t pos = 0;
  for (const Block& b : blocks) {
    out.append(text.substr(pos, b.begin - pos));
    out.push_back(' ');
    pos = b.end;
  }
  out.append(text.substr(pos));
  std::string cleaned;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "*/") == 0) {
      cleaned.push_back(' ');
      ++i;
    } else {
      cleaned.push_back(out[i]);
    }
  }
  return cleaned;
}

// TABARI writes "\n" (backslash, n) as a display line break inside records.
std::string RemoveDisplayBreaks(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out.push_back(' ');
      ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

GoldRecord BuildRecord(std::string_view header, const std::vector<std::string_view>& body_lines) {
  GoldRecord rec;
  size_t digits = 0;
  while (digits < header.size() && std::isdigit(static_cast<unsigned char>(header[digits]))) {
    ++digits;
  }
  rec.date = GoldDateToIso(header.substr(0, digits));
  rec.id = CollapseWhitespace(header.substr(digits));
  // The feature under test is the id's prefix: "DEMO-04" -> DEMO, "PATTERN-33b" -> PATTERN.
  std::string_view last_token = rec.id;
  if (size_t space = last_token.rfind(' '); space != std::string_view::npos) {
    last_token.remove_prefix(space + 1);
  }
  rec.category = std::string(last_token.substr(0, last_token.find('-')));

  std::string body;
  for (size_t i = 0; i < body_lines.size(); ++i) {
    if (i > 0) body.push_back('\n');
    body.append(body_lines[i]);
  }

  // Text: everything outside /* ... */ comments (an unterminated comment runs to the end).
  std::string text;
  size_t first_comment = body.find("/*");
  size_t pos = 0;
  while (pos <= body.size()) {
    size_t open = body.find("/*", pos);
    std::string_view piece = std::string_view(body).substr(
        pos, open == std::string::npos ? std::string::npos : open - pos);
    text.append(pos > first_comment && first_comment != std::string::npos ? RemoveStrayBlocks(piece)
                                                                          : std::string(piece));
    text.push_back(' ');
    if (open == std::string::npos) break;
    size_t close = body.find("*/", open + 2);
    if (close == std::string::npos) break;
    pos = close + 2;
  }
  rec.text = CollapseWhitespace(RemoveDisplayBreaks(text));

  // Expectations: like TABARI, every block after the first "/*", in order.
  std::vector<Block> blocks;
  if (first_comment != std::string::npos) {
    blocks = FindBlocks(std::string_view(body).substr(first_comment + 2));
  }
  rec.expectation_entries = static_cast<int>(blocks.size());

  std::vector<std::string> options;
  const Block* first = nullptr;
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kOption) {
      options.push_back(b.text);
    } else if (first == nullptr) {
      first = &b;
    }
  }
  if (!options.empty()) {
    rec.scored = false;
    rec.skip_reason = "TABARI OPTION record (changes TABARI's settings; nothing to code)";
    for (const std::string& o : options) rec.notes.push_back("OPTION: " + o);
    return rec;
  }
  if (first == nullptr) {
    rec.scored = false;
    rec.skip_reason = "no expectation block";
    return rec;
  }
  if (first->unchecked) {
    rec.scored = false;
    rec.skip_reason = "deactivated: its first block is -{...}, which TABARI does not check";
    return rec;
  }
  if (first->kind == BlockKind::kNoEventMarker) {
    rec.notes.push_back(fmt::format("no event expected {{{}}}", first->text));
    if (blocks.size() > 1) {
      rec.notes.push_back("blocks after the no-event marker are not expected (TABARI semantics)");
    }
    return rec;
  }
  for (const Block& b : blocks) {
    if (b.unchecked) {
      rec.open_ended = true;
      rec.notes.push_back("listing incomplete (-{...}): extra events are not errors");
      break;
    }
    if (b.kind == BlockKind::kEvent) rec.events.push_back(b.triple);
  }
  return rec;
}

}  // namespace

Result<std::vector<GoldRecord>> ParseTabariValidation(std::string_view content,
                                                      const TabariReadOptions& options) {
  std::string data(content);
  for (char& c : data) {
    if (c == '\x1a') c = ' ';  // DOS end-of-file bytes scattered through the old file
  }
  std::vector<std::string_view> lines = SplitLines(data);

  std::vector<GoldRecord> records;
  bool found_last = false;
  size_t i = 0;
  while (i < lines.size()) {
    std::string_view line = lines[i];
    if (line.empty() || !std::isdigit(static_cast<unsigned char>(line[0]))) {
      ++i;
      continue;
    }
    std::vector<std::string_view> body;
    size_t j = i + 1;
    while (j < lines.size() && !Trim(lines[j]).empty()) body.push_back(lines[j++]);
    GoldRecord rec = BuildRecord(line, body);
    if (rec.id.empty()) rec.id = fmt::format("line-{}", i + 1);
    i = j;
    bool last = !options.last_id.empty() && rec.id == options.last_id;
    records.push_back(std::move(rec));
    if (last) {
      found_last = true;
      break;
    }
  }
  if (!options.last_id.empty() && !found_last) {
    return Status::Corruption(
        fmt::format("TABARI validation text: no record with id {}", options.last_id));
  }
  if (records.empty()) return Status::Corruption("TABARI validation text: no records");
  return records;
}

Result<std::vector<GoldRecord>> ReadTabariValidation(const std::string& path,
                                                     const TabariReadOptions& options) {
  std::string content;
  Status s = ReadFileToString(path, &content);
  if (!s.ok()) return s;
  auto records = ParseTabariValidation(content, options);
  if (!records.ok()) return Status::Corruption(path + ": " + records.status().message());
  return records;
}

}  // namespace annal::eval
