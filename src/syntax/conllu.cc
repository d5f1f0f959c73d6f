#include "syntax/conllu.h"

#include <charconv>

#include "util/file.h"

namespace annal::syntax {
namespace {

bool ParseInt(std::string_view s, int* value) {
  if (s.empty()) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *value);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Status LineError(std::string_view name, size_t line, std::string_view message) {
  std::string m(name);
  m += ':';
  m += std::to_string(line);
  m += ": ";
  m += message;
  return Status::InvalidArgument(m);
}

// Checks a finished sentence: every HEAD within 0..n.
Status FinishSentence(ConlluSentence* sentence, std::string_view name, size_t first_line,
                      std::vector<ConlluSentence>* out) {
  int n = static_cast<int>(sentence->words.size());
  for (int i = 0; i < n; ++i) {
    int head = sentence->words[i].head;
    if (head > n) {
      return LineError(name, first_line + i,
                       "HEAD " + std::to_string(head) + " is outside the sentence (1.." +
                           std::to_string(n) + ")");
    }
  }
  out->push_back(std::move(*sentence));
  *sentence = ConlluSentence();
  return Status::OK();
}

}  // namespace

Status ParseConllu(std::string_view text, std::string_view name, std::vector<ConlluSentence>* out) {
  ConlluSentence sentence;
  size_t line_number = 0;
  size_t first_word_line = 0;  // line of the sentence's first word line (for HEAD messages)
  size_t pos = 0;
  std::string_view fields[10];
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!sentence.words.empty()) {
        Status s = FinishSentence(&sentence, name, first_word_line, out);
        if (!s.ok()) return s;
      }
      continue;
    }
    if (line[0] == '#') continue;
    int count = 0;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      if (count == 10) {
        count = 11;
        break;
      }
      if (tab == std::string_view::npos) {
        fields[count++] = line.substr(start);
        break;
      }
      fields[count++] = line.substr(start, tab - start);
      start = tab + 1;
    }
    if (count != 10) {
      return LineError(name, line_number,
                       count > 10
                           ? "more than 10 tab-separated columns"
                           : "expected 10 tab-separated columns, found " + std::to_string(count));
    }
    std::string_view id = fields[0];
    if (id.find('-') != std::string_view::npos || id.find('.') != std::string_view::npos) {
      continue;  // multiword token range or empty node: not part of the basic tree
    }
    int id_value = 0;
    if (!ParseInt(id, &id_value)) {
      return LineError(name, line_number, "bad ID '" + std::string(id) + "'");
    }
    if (id_value != static_cast<int>(sentence.words.size()) + 1) {
      return LineError(name, line_number,
                       "ID " + std::to_string(id_value) + " out of sequence (expected " +
                           std::to_string(sentence.words.size() + 1) + ")");
    }
    if (sentence.words.empty()) first_word_line = line_number;
    ConlluWord word;
    word.form = fields[1];
    word.lemma = fields[2];
    word.upos = fields[3];
    word.xpos = fields[4];
    if (fields[6] == "_") {
      word.head = -1;  // unannotated; only legal when the caller does not need trees
    } else if (!ParseInt(fields[6], &word.head) || word.head < 0) {
      return LineError(name, line_number, "bad HEAD '" + std::string(fields[6]) + "'");
    }
    word.deprel = fields[7];
    if (word.form.empty()) return LineError(name, line_number, "empty FORM");
    sentence.words.push_back(std::move(word));
  }
  if (!sentence.words.empty()) {
    // A file may lack the final blank line; accept the last sentence anyway.
    ++line_number;
    Status s = FinishSentence(&sentence, name, first_word_line, out);
    if (!s.ok()) return s;
  }
  return Status::OK();
}

Status ReadConlluFile(const std::string& path, std::vector<ConlluSentence>* out) {
  std::string text;
  Status s = ReadFileToString(path, &text);
  if (!s.ok()) return s;
  return ParseConllu(text, path, out);
}

void AppendConllu(const ConlluSentence& sentence, const std::vector<std::string>& comments,
                  std::string* out) {
  auto field = [out](std::string_view v) {
    if (v.empty()) {
      out->push_back('_');
    } else {
      out->append(v);
    }
  };
  for (const std::string& c : comments) {
    out->append("# ");
    out->append(c);
    out->push_back('\n');
  }
  for (size_t i = 0; i < sentence.words.size(); ++i) {
    const ConlluWord& w = sentence.words[i];
    out->append(std::to_string(i + 1));
    out->push_back('\t');
    field(w.form);
    out->push_back('\t');
    field(w.lemma);
    out->push_back('\t');
    field(w.upos);
    out->push_back('\t');
    field(w.xpos);
    out->append("\t_\t");
    if (w.head < 0) {
      out->push_back('_');
    } else {
      out->append(std::to_string(w.head));
    }
    out->push_back('\t');
    field(w.deprel);
    out->append("\t_\t_\n");
  }
  out->push_back('\n');
}

}  // namespace annal::syntax
