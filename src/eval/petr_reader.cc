// Reader for the PETRARCH validation XML files (PETR.UnitTest.records.xml and UniversalPetrarch's
// PETR2_GSR_validation.xml). See suites.h for the conventions and lenient_xml.h for why the
// files are read as a token stream.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "eval/lenient_xml.h"
#include "eval/suites.h"
#include "eval/text_util.h"
#include "util/file.h"

namespace annal::eval {
namespace {

std::string AttributeOr(const XmlToken& tok, std::string_view name) {
  const std::string* v = tok.Attribute(name);
  return v == nullptr ? std::string() : std::string(Trim(*v));
}

bool IsFalse(std::string_view v) {
  std::string lower;
  for (char c : Trim(v))
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return lower == "false";
}

// The parts of one <Sentence> gathered while streaming.
struct PendingSentence {
  GoldRecord record;
  std::string raw_text;
  std::string raw_parse;
  bool deactivated = false;
  std::string deactivated_reason;
  bool bad_parse = false;
};

// Rebuilds a sentence from the FORM column of a CoNLL-U parse: tokens joined by spaces,
// with no space before closing punctuation and clitics. "" when `parse` is not CoNLL-U.
std::string TextFromConllu(std::string_view parse) {
  std::string out;
  for (std::string_view line : SplitLines(parse)) {
    line = Trim(line);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    std::string_view id = line.substr(0, tab);
    if (!std::all_of(id.begin(), id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      continue;  // comments, multiword ranges "3-4", empty nodes "3.1"
    }
    size_t tab2 = line.find('\t', tab + 1);
    std::string_view form = line.substr(
        tab + 1, tab2 == std::string_view::npos ? std::string_view::npos : tab2 - tab - 1);
    if (form.empty()) continue;
    bool attach = form == "," || form == "." || form == ";" || form == ":" || form == "!" ||
                  form == "?" || form == ")" || form == "'s" || form == "n't" || form == "'";
    if (!out.empty() && !attach) out.push_back(' ');
    out.append(form);
  }
  return out;
}

void Finish(PendingSentence* s, const std::vector<std::string>& include,
            std::vector<GoldRecord>* out) {
  GoldRecord& r = s->record;
  r.text = CollapseWhitespace(s->raw_text);
  if (r.text.empty()) {
    // UniversalPetrarch's abc12_3 has an empty <Text> but a full CoNLL-U <Parse>.
    r.text = TextFromConllu(s->raw_parse);
    if (!r.text.empty()) r.notes.push_back("empty <Text>: text rebuilt from the CoNLL-U <Parse>");
  }
  if (s->deactivated) {
    r.scored = false;
    r.skip_reason = s->deactivated_reason;
  } else if (!include.empty() &&
             std::find(include.begin(), include.end(), r.category) == include.end()) {
    r.scored = false;
    r.skip_reason = fmt::format("category {} is not in the file's <Include> list", r.category);
  } else if (s->bad_parse) {
    r.scored = false;
    r.skip_reason =
        "error=bad_input_parse: the defect is in the <Parse> tree, which annal does not read";
  }
  out->push_back(std::move(r));
}

}  // namespace

Result<PetrValidationFile> ParsePetrValidationXml(std::string_view content) {
  std::vector<XmlToken> tokens = TokenizeXml(content);
  PetrValidationFile file;
  std::optional<PendingSentence> current;
  bool in_environment = false;
  bool in_text = false;
  bool in_parse = false;
  std::string* capture = nullptr;  // <Environment> child being read
  std::string include_text;
  std::string buffer;

  for (const XmlToken& tok : tokens) {
    switch (tok.kind) {
      case XmlToken::Kind::kStartTag: {
        const std::string& name = tok.name;
        if (name == "Environment") {
          in_environment = !tok.self_closing;
        } else if (in_environment &&
                   (name == "Verbfile" || name == "Actorfile" || name == "Agentfile" ||
                    name == "Discardfile" || name == "Include")) {
          capture = name == "Verbfile"      ? &file.verb_file
                    : name == "Actorfile"   ? &file.actor_file
                    : name == "Agentfile"   ? &file.agent_file
                    : name == "Discardfile" ? &file.discard_file
                                            : &include_text;
          buffer.clear();
          if (tok.self_closing) capture = nullptr;
        } else if (name == "Sentence") {
          if (current) Finish(&*current, file.include, &file.records);
          current.emplace();
          in_text = false;
          in_parse = false;
          GoldRecord& r = current->record;
          r.id = AttributeOr(tok, "id");
          if (r.id.empty()) r.id = fmt::format("offset-{}", tok.offset);
          r.date = GoldDateToIso(AttributeOr(tok, "date"));
          r.category = AttributeOr(tok, "category");
          if (const std::string* v = tok.Attribute("sentence"); v != nullptr && IsFalse(*v)) {
            current->deactivated = true;
            current->deactivated_reason = "deactivated test (sentence=\"false\")";
          }
          if (const std::string* v = tok.Attribute("evaluate"); v != nullptr && IsFalse(*v)) {
            current->deactivated = true;
            current->deactivated_reason = "deactivated test (evaluate=\"false\")";
          }
        } else if (name == "EventCoding" && current) {
          GoldRecord& r = current->record;
          ++r.expectation_entries;
          if (const std::string* err = tok.Attribute("error"); err != nullptr) {
            std::string kind(Trim(*err));
            r.notes.push_back("error=" + kind + ": no event expected");
            if (kind == "bad_input_parse") current->bad_parse = true;
          } else if (tok.Attribute("noevents") != nullptr) {
            r.notes.push_back("noevents: no event expected");
          } else {
            r.events.push_back(Triple{AttributeOr(tok, "sourcecode"),
                                      AttributeOr(tok, "targetcode"),
                                      AttributeOr(tok, "eventcode")});
          }
        } else if (name == "Text" && current) {
          in_text = !tok.self_closing;
        } else if (name == "Parse" && current) {
          in_parse = !tok.self_closing;
        }
        break;
      }
      case XmlToken::Kind::kEndTag: {
        const std::string& name = tok.name;
        if (name == "Environment") {
          in_environment = false;
          capture = nullptr;
        } else if (capture != nullptr &&
                   (name == "Verbfile" || name == "Actorfile" || name == "Agentfile" ||
                    name == "Discardfile" || name == "Include")) {
          *capture = std::string(Trim(buffer));
          if (capture == &include_text) {
            file.include.clear();
            std::string word;
            for (char c : include_text + " ") {
              if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',') {
                if (!word.empty()) file.include.push_back(word);
                word.clear();
              } else {
                word.push_back(c);
              }
            }
          }
          capture = nullptr;
        } else if (name == "Text") {
          in_text = false;
        } else if (name == "Parse") {
          in_parse = false;
        } else if (name == "Sentence" || name == "Sentences" || name == "Validation") {
          // A stray </Sentence> after a self-closed <Sentence/> ends that record.
          if (current) Finish(&*current, file.include, &file.records);
          current.reset();
          in_text = false;
          in_parse = false;
        }
        break;
      }
      case XmlToken::Kind::kText:
        if (capture != nullptr) {
          buffer += tok.text;
        } else if (in_text && current) {
          current->raw_text += tok.text;
          current->raw_text.push_back(' ');
        } else if (in_parse && current) {
          current->raw_parse += tok.text;
        }
        break;
    }
  }
  if (current) Finish(&*current, file.include, &file.records);
  if (file.records.empty())
    return Status::Corruption("PETRARCH validation XML: no <Sentence> records");
  return file;
}

namespace {

Result<std::vector<GoldRecord>> ReadPetrFile(const std::string& path) {
  std::string content;
  Status s = ReadFileToString(path, &content);
  if (!s.ok()) return s;
  auto file = ParsePetrValidationXml(content);
  if (!file.ok()) return Status::Corruption(path + ": " + file.status().message());
  return std::move(file.value().records);
}

}  // namespace

Result<std::vector<GoldRecord>> ReadPetrUnitTest(const std::string& path) {
  return ReadPetrFile(path);
}

Result<std::vector<GoldRecord>> ReadPetr2Gsr(const std::string& path) { return ReadPetrFile(path); }

}  // namespace annal::eval
