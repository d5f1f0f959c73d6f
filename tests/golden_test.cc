// Golden text tests: each tests/golden/*.txt file is one article and the events annal must code
// from it. One gtest case per file (GoldenTest.Files/<file stem>), so ctest lists them by name.
//
// File format (also in tests/golden/README.md):
//
//   # comment lines, anywhere in the header
//   date: 2026-02-06        publication date (optional; events then carry no date)
//   dict: default           dictionary set (optional; only "default" exists so far)
//   pending: <reason>       optional: the case is skipped with this reason (e.g. "coder")
//   syntax: shallow|parser  optional: which role analysis codes the case (default shallow)
//   <article text, one or more lines; the first line that is not a header line starts it>
//   ----
//   <expected events, one per line; '#' lines and blank lines are ignored>
//
// An expected event line is
//
//   SOURCE_CODE TARGET_CODE CAMEO [modality] [key=value ...]
//
// `-` for a code means null (no actor, or an actor without a code); modality is one of
// asserted (the default), claimed, hedged, negated, hypothetical, future. Keys, compared only when
// given: attribution=CODE (or - for none), location=NAME (matches the place's name or its text;
// - for none), date=YYYY-MM-DD (- for none), date_precision=day|week|month|year|none,
// trigger=WORD, source_text=..., target_text=..., source_entity=NAME / target_entity=NAME (- for
// none), source_resolution=KIND / target_resolution=KIND (how document context gave the actor:
// pronoun, description, short_name, apposition, document_country; - for its own words)
// Values with spaces are double-quoted ("..." with \" and \\ escapes). The expected lines and the
// events the Coder produces (default CoderOptions, shipped data) are compared as multisets:
// order does not matter, every expected line must match a distinct event and every event must
// be matched. An empty block after ---- means "no events". On failure the test prints the file,
// the expected lines and every event it got, in the same format, ready to paste.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annal/coder.h"
#include "annal/document.h"
#include "annal/event.h"
#include "util/file.h"

namespace annal {
namespace {

struct ExpectedEvent {
  std::string source;  // actor code, "" for null ("-" in the file)
  std::string target;
  std::string cameo;
  Modality modality = Modality::kAsserted;
  std::map<std::string, std::string> keys;  // attribution, location, date, trigger, ...
  int line = 0;                             // 1-based line in the file
  std::string text;                         // the line as written
};

struct GoldenCase {
  std::string date;
  std::string dict = "default";
  std::string pending;  // non-empty: skip with this reason
  std::string syntax = "shallow";
  std::string text;
  std::vector<ExpectedEvent> expected;
};

std::optional<Modality> ParseModality(std::string_view s) {
  for (Modality m : {Modality::kAsserted, Modality::kClaimed, Modality::kHedged, Modality::kNegated,
                     Modality::kHypothetical, Modality::kFuture}) {
    if (s == ModalityName(m)) return m;
  }
  return std::nullopt;
}

std::string LineError(std::string_view name, int line, std::string_view msg) {
  return std::string(name) + ":" + std::to_string(line) + ": " + std::string(msg);
}

// Splits an expected-event line into tokens: whitespace-separated, where a double-quoted part
// (with \" and \\ escapes) may contain spaces. key="a b" yields the token `key=a b`.
Status Tokenize(std::string_view line, std::string_view name, int line_no,
                std::vector<std::string>* tokens) {
  tokens->clear();
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size()) break;
    std::string tok;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') {
      if (line[i] != '"') {
        tok.push_back(line[i++]);
        continue;
      }
      ++i;  // opening quote
      bool closed = false;
      while (i < line.size()) {
        char c = line[i++];
        if (c == '\\' && i < line.size()) {
          tok.push_back(line[i++]);
        } else if (c == '"') {
          closed = true;
          break;
        } else {
          tok.push_back(c);
        }
      }
      if (!closed) return Status::InvalidArgument(LineError(name, line_no, "unclosed quote"));
    }
    tokens->push_back(std::move(tok));
  }
  return Status::OK();
}

Status ParseExpectedLine(std::string_view line, std::string_view name, int line_no,
                         ExpectedEvent* out) {
  std::vector<std::string> tok;
  Status s = Tokenize(line, name, line_no, &tok);
  if (!s.ok()) return s;
  if (tok.size() < 3) {
    return Status::InvalidArgument(
        LineError(name, line_no, "expected `SOURCE TARGET CAMEO [modality] [key=value ...]`"));
  }
  *out = ExpectedEvent();
  out->line = line_no;
  out->text = std::string(line);
  out->source = tok[0] == "-" ? "" : tok[0];
  out->target = tok[1] == "-" ? "" : tok[1];
  out->cameo = tok[2];
  if (out->cameo.empty() || out->cameo == "-" ||
      out->cameo.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(LineError(name, line_no, "bad CAMEO code '" + tok[2] + "'"));
  }
  size_t i = 3;
  if (i < tok.size() && tok[i].find('=') == std::string::npos) {
    std::optional<Modality> m = ParseModality(tok[i]);
    if (!m)
      return Status::InvalidArgument(LineError(name, line_no, "bad modality '" + tok[i] + "'"));
    out->modality = *m;
    ++i;
  }
  static const char* const kKeys[] = {
      "attribution",   "location",      "date",          "trigger",           "source_text",
      "target_text",   "source_entity", "target_entity", "source_resolution", "target_resolution",
      "date_precision"};
  for (; i < tok.size(); ++i) {
    size_t eq = tok[i].find('=');
    if (eq == std::string::npos) {
      return Status::InvalidArgument(
          LineError(name, line_no, "expected key=value, got '" + tok[i] + "'"));
    }
    std::string key = tok[i].substr(0, eq);
    if (std::find(std::begin(kKeys), std::end(kKeys), key) == std::end(kKeys)) {
      return Status::InvalidArgument(LineError(name, line_no, "unknown key '" + key + "'"));
    }
    if (out->keys.count(key)) {
      return Status::InvalidArgument(LineError(name, line_no, "key '" + key + "' given twice"));
    }
    out->keys[key] = tok[i].substr(eq + 1);
  }
  return Status::OK();
}

// Parses a golden file's content; `name` is used in error messages ("file:line: ...").
Status ParseGolden(std::string_view content, std::string_view name, GoldenCase* out) {
  *out = GoldenCase();
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < content.size();) {
    size_t nl = content.find('\n', pos);
    std::string_view l = content.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
  }
  size_t i = 0;
  // Header.
  for (; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    if (l.empty() || l[0] == '#') continue;
    size_t colon = l.find(':');
    std::string_view key = colon == std::string_view::npos ? "" : l.substr(0, colon);
    if (key != "date" && key != "dict" && key != "pending" && key != "syntax") break;
    std::string_view value = l.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    if (key == "date") {
      out->date = std::string(value);
    } else if (key == "dict") {
      out->dict = std::string(value);
    } else if (key == "syntax") {
      out->syntax = std::string(value);
    } else {
      out->pending = value.empty() ? "pending" : std::string(value);
    }
  }
  // Article text up to the ---- line.
  size_t text_begin = i;
  for (; i < lines.size() && lines[i] != "----"; ++i) {
  }
  if (i == lines.size()) {
    return Status::InvalidArgument(std::string(name) + ": no `----` line after the article text");
  }
  size_t text_end = i;
  while (text_end > text_begin && lines[text_end - 1].empty()) --text_end;
  for (size_t k = text_begin; k < text_end; ++k) {
    if (k > text_begin) out->text.push_back('\n');
    out->text.append(lines[k]);
  }
  if (out->text.empty()) return Status::InvalidArgument(std::string(name) + ": empty article text");
  // Expected events.
  for (++i; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t first = l.find_first_not_of(" \t");
    if (first == std::string_view::npos || l[first] == '#') continue;
    ExpectedEvent e;
    Status s = ParseExpectedLine(l, name, static_cast<int>(i) + 1, &e);
    if (!s.ok()) return s;
    out->expected.push_back(std::move(e));
  }
  return Status::OK();
}

std::string CodeOf(const std::optional<EventActor>& a) { return a ? a->code : ""; }

bool Matches(const ExpectedEvent& x, const Event& e) {
  if (x.source != CodeOf(e.source) || x.target != CodeOf(e.target) || x.cameo != e.cameo ||
      x.modality != e.modality) {
    return false;
  }
  for (const auto& [key, v] : x.keys) {
    if (key == "attribution") {
      if (v == "-" ? e.attribution.has_value() : (!e.attribution || e.attribution->code != v)) {
        return false;
      }
    } else if (key == "location") {
      if (v == "-") {
        if (e.location) return false;
      } else if (!e.location || (e.location->name != v && e.location->text != v)) {
        return false;
      }
    } else if (key == "date") {
      if (e.date != (v == "-" ? "" : v)) return false;
    } else if (key == "trigger") {
      if (e.trigger.text != v) return false;
    } else if (key == "source_text") {
      if (!e.source || e.source->text != v) return false;
    } else if (key == "target_text") {
      if (!e.target || e.target->text != v) return false;
    } else if (key == "source_entity" || key == "target_entity") {
      const auto& a = key == "source_entity" ? e.source : e.target;
      if (!a || a->entity != (v == "-" ? "" : v)) return false;
    } else if (key == "source_resolution" || key == "target_resolution") {
      const auto& a = key == "source_resolution" ? e.source : e.target;
      if (!a || a->resolution != (v == "-" ? "" : v)) return false;
    } else if (key == "date_precision") {
      std::string_view want = (v == "-" || v == "none") ? std::string_view() : std::string_view(v);
      if (DatePrecisionName(e.date_precision) != want) return false;
    }
  }
  return true;
}

// Multiset comparison: a perfect matching between expected lines and events (Kuhn's augmenting
// paths; the sets are small). Returns true when every expected line and every event is paired.
bool MatchAll(const std::vector<ExpectedEvent>& expected, const std::vector<Event>& got) {
  if (expected.size() != got.size()) return false;
  std::vector<int> owner(got.size(), -1);  // event -> expected index
  std::vector<char> seen;
  std::function<bool(size_t)> augment = [&](size_t x) {
    for (size_t g = 0; g < got.size(); ++g) {
      if (seen[g] || !Matches(expected[x], got[g])) continue;
      seen[g] = 1;
      if (owner[g] < 0 || augment(static_cast<size_t>(owner[g]))) {
        owner[g] = static_cast<int>(x);
        return true;
      }
    }
    return false;
  };
  for (size_t x = 0; x < expected.size(); ++x) {
    seen.assign(got.size(), 0);
    if (!augment(x)) return false;
  }
  return true;
}

std::string Quote(const std::string& v) {
  if (!v.empty() && v.find_first_of(" \t\"\\") == std::string::npos) return v;
  std::string s = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') s.push_back('\\');
    s.push_back(c);
  }
  return s + "\"";
}

// An event in the expected-line format, with every key it has.
std::string Render(const Event& e) {
  auto code = [](const std::optional<EventActor>& a) {
    return (a && !a->code.empty()) ? a->code : std::string("-");
  };
  std::string s = code(e.source) + " " + code(e.target) + " " + e.cameo;
  if (e.modality != Modality::kAsserted) s += std::string(" ") + ModalityName(e.modality);
  if (e.attribution)
    s += " attribution=" + Quote(e.attribution->code.empty() ? "-" : e.attribution->code);
  if (e.location)
    s += " location=" + Quote(e.location->name.empty() ? e.location->text : e.location->name);
  if (!e.date.empty()) s += " date=" + e.date;
  if (e.date_precision != DatePrecision::kNone) {
    s += std::string(" date_precision=") + DatePrecisionName(e.date_precision);
  }
  if (!e.trigger.text.empty()) s += " trigger=" + Quote(e.trigger.text);
  if (e.source) s += " source_text=" + Quote(e.source->text);
  if (e.target) s += " target_text=" + Quote(e.target->text);
  if (e.source && !e.source->entity.empty()) s += " source_entity=" + Quote(e.source->entity);
  if (e.target && !e.target->entity.empty()) s += " target_entity=" + Quote(e.target->entity);
  if (e.source && !e.source->resolution.empty()) {
    s += " source_resolution=" + e.source->resolution;
  }
  if (e.target && !e.target->resolution.empty()) {
    s += " target_resolution=" + e.target->resolution;
  }
  return s;
}

const std::string kGoldenDir = std::string(ANNAL_TEST_SOURCE_DIR) + "/tests/golden";

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(kGoldenDir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().filename().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// One Coder for every golden file: opening loads the dictionaries, which is the slow part.
struct SharedCoder {
  Status status;
  std::unique_ptr<Coder> coder;
};

SharedCoder* OpenSharedCoder(SyntaxMode syntax) {
  auto* s = new SharedCoder();
  CoderOptions options;  // defaults, including emit_partial_events / emit_unrealised_events
  options.data_dir = ANNAL_TEST_DATA_DIR;  // the shipped data, whatever $ANNAL_DATA_DIR says
  options.syntax = syntax;
  auto opened = Coder::Open(options);
  if (opened.ok()) {
    s->coder = std::move(opened).value();
  } else {
    s->status = opened.status();
  }
  return s;
}

const SharedCoder& GetSharedCoder(SyntaxMode syntax) {
  static const SharedCoder* shallow = OpenSharedCoder(SyntaxMode::kShallow);
  if (syntax == SyntaxMode::kShallow) return *shallow;
  static const SharedCoder* parser = OpenSharedCoder(SyntaxMode::kParser);
  return *parser;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, Files) {
  const std::string file = GetParam();
  std::string content;
  ASSERT_TRUE(ReadFileToString(kGoldenDir + "/" + file, &content).ok()) << file;
  GoldenCase c;
  Status parsed = ParseGolden(content, file, &c);
  ASSERT_TRUE(parsed.ok()) << parsed.ToString();
  if (!c.pending.empty()) GTEST_SKIP() << file << ": pending: " << c.pending;
  ASSERT_EQ(c.dict, "default") << file << ": unknown dict '" << c.dict << "'";
  ASSERT_TRUE(c.syntax == "shallow" || c.syntax == "parser") << file << ": unknown syntax";

  const SharedCoder& shared =
      GetSharedCoder(c.syntax == "parser" ? SyntaxMode::kParser : SyntaxMode::kShallow);
  ASSERT_TRUE(shared.coder != nullptr) << "Coder::Open: " << shared.status.ToString();
  const Coder& coder = *shared.coder;

  Document doc;
  doc.id = std::filesystem::path(file).stem().string();
  doc.date = c.date;
  doc.text = c.text;
  DocumentResult result;
  Status coded = coder.Code(doc, &result);
  ASSERT_TRUE(coded.ok()) << file << ": " << coded.ToString();

  if (!MatchAll(c.expected, result.events)) {
    std::string msg = "golden mismatch in tests/golden/" + file + "\nexpected (" +
                      std::to_string(c.expected.size()) + "):\n";
    for (const ExpectedEvent& x : c.expected) {
      msg += "  line " + std::to_string(x.line) + ": " + x.text + "\n";
    }
    msg += "got (" + std::to_string(result.events.size()) + "):\n";
    for (const Event& e : result.events) msg += "  " + Render(e) + "\n";
    for (const std::string& note : result.notes) msg += "  note: " + note + "\n";
    ADD_FAILURE() << msg;
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, GoldenTest, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).stem().string();
                           for (char& ch : name) {
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenTest);

// ---- The harness itself ----

TEST(GoldenFormatTest, ParsesHeaderTextAndExpectations) {
  const std::string file =
      "# a comment\n"
      "date: 2026-02-06\n"
      "dict: default\n"
      "\n"
      "MOSCOW - Russia accused Ukraine.\n"
      "Second line.\r\n"
      "\n"
      "----\n"
      "# expected\n"
      "RUSGOV UKR 112 trigger=accused\n"
      "- UKR 190 negated attribution=RUSGOV location=\"Kyiv Oblast\" source_text=\"a \\\"b\\\"\"\n"
      "\n";
  GoldenCase c;
  Status s = ParseGolden(file, "t.txt", &c);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(c.date, "2026-02-06");
  EXPECT_EQ(c.dict, "default");
  EXPECT_EQ(c.pending, "");
  EXPECT_EQ(c.text, "MOSCOW - Russia accused Ukraine.\nSecond line.");
  ASSERT_EQ(c.expected.size(), 2u);
  EXPECT_EQ(c.expected[0].source, "RUSGOV");
  EXPECT_EQ(c.expected[0].target, "UKR");
  EXPECT_EQ(c.expected[0].cameo, "112");
  EXPECT_EQ(c.expected[0].modality, Modality::kAsserted);
  EXPECT_EQ(c.expected[0].keys.at("trigger"), "accused");
  EXPECT_EQ(c.expected[0].line, 10);
  EXPECT_EQ(c.expected[1].source, "");
  EXPECT_EQ(c.expected[1].modality, Modality::kNegated);
  EXPECT_EQ(c.expected[1].keys.at("attribution"), "RUSGOV");
  EXPECT_EQ(c.expected[1].keys.at("location"), "Kyiv Oblast");
  EXPECT_EQ(c.expected[1].keys.at("source_text"), "a \"b\"");

  ASSERT_TRUE(ParseGolden("pending: coder\nText.\n----\n", "p.txt", &c).ok());
  EXPECT_EQ(c.pending, "coder");
  EXPECT_EQ(c.syntax, "shallow");
  GoldenCase with_syntax;
  ASSERT_TRUE(ParseGolden("syntax: parser\nText.\n----\n", "s.txt", &with_syntax).ok());
  EXPECT_EQ(with_syntax.syntax, "parser");
  EXPECT_EQ(with_syntax.text, "Text.");
  EXPECT_TRUE(c.expected.empty());  // an empty block means "no events"
}

TEST(GoldenFormatTest, RejectsMalformedFiles) {
  GoldenCase c;
  for (const std::string& bad : {
           std::string("Text without separator.\n"),
           std::string("----\nRUS UKR 112\n"),                    // no article text
           std::string("Text.\n----\nRUS UKR\n"),                 // too few fields
           std::string("Text.\n----\nRUS UKR 1x2\n"),             // bad code
           std::string("Text.\n----\nRUS UKR 112 certain\n"),     // bad modality
           std::string("Text.\n----\nRUS UKR 112 colour=red\n"),  // unknown key
           std::string("Text.\n----\nRUS UKR 112 date=1 date=2\n"),
           std::string("Text.\n----\nRUS UKR 112 location=\"Kyiv\n"),  // unclosed quote
       }) {
    Status s = ParseGolden(bad, "bad.txt", &c);
    EXPECT_FALSE(s.ok()) << bad;
    EXPECT_NE(s.message().find("bad.txt"), std::string::npos) << s.ToString();
  }
}

Event MakeEvent(std::string src, std::string tgt, std::string cameo,
                Modality m = Modality::kAsserted) {
  Event e;
  if (!src.empty()) e.source = EventActor{src + " text", {}, src, "", {}, "", ""};
  if (!tgt.empty()) e.target = EventActor{tgt + " text", {}, tgt, "", {}, "", ""};
  e.cameo = std::move(cameo);
  e.modality = m;
  return e;
}

TEST(GoldenFormatTest, MultisetMatching) {
  GoldenCase c;
  ASSERT_TRUE(ParseGolden("T.\n----\nRUS UKR 112\nRUS UKR 112\n- UKR 190 negated\n", "m", &c).ok());
  std::vector<Event> got = {MakeEvent("", "UKR", "190", Modality::kNegated),
                            MakeEvent("RUS", "UKR", "112"), MakeEvent("RUS", "UKR", "112")};
  EXPECT_TRUE(MatchAll(c.expected, got));  // order does not matter
  got.pop_back();
  EXPECT_FALSE(MatchAll(c.expected, got));  // multiplicity matters
  got.push_back(MakeEvent("RUS", "UKR", "111"));
  EXPECT_FALSE(MatchAll(c.expected, got));
  got.back() = MakeEvent("RUS", "UKR", "112", Modality::kClaimed);
  EXPECT_FALSE(MatchAll(c.expected, got));  // modality defaults to asserted

  // Keys are checked only when given; a general line must not steal a specific line's event.
  ASSERT_TRUE(
      ParseGolden("T.\n----\nRUS UKR 112\nRUS UKR 112 date=2026-01-02 trigger=blamed\n", "m", &c)
          .ok());
  Event a = MakeEvent("RUS", "UKR", "112");
  a.date = "2026-01-02";
  a.trigger.text = "blamed";
  Event b = MakeEvent("RUS", "UKR", "112");
  EXPECT_TRUE(MatchAll(c.expected, {a, b}));
  EXPECT_TRUE(MatchAll(c.expected, {b, a}));
  EXPECT_FALSE(MatchAll(c.expected, {b, b}));
  EXPECT_EQ(Render(a),
            "RUS UKR 112 date=2026-01-02 trigger=blamed source_text=\"RUS text\" "
            "target_text=\"UKR text\"");
  GoldenCase none;
  ASSERT_TRUE(ParseGolden("T.\n----\n", "n", &none).ok());

  // Entity, resolution and date precision keys.
  ASSERT_TRUE(ParseGolden("T.\n----\nRUS UKR 112 source_entity=\"Sergei Lavrov\" "
                          "source_resolution=pronoun target_entity=- target_resolution=- "
                          "date_precision=day\n",
                          "k", &c)
                  .ok());
  Event k = MakeEvent("RUS", "UKR", "112");
  k.source->entity = "Sergei Lavrov";
  k.source->resolution = "pronoun";
  k.date_precision = DatePrecision::kDay;
  EXPECT_TRUE(MatchAll(c.expected, {k}));
  k.date_precision = DatePrecision::kYear;
  EXPECT_FALSE(MatchAll(c.expected, {k}));
  k.date_precision = DatePrecision::kDay;
  k.source->resolution = "";
  EXPECT_FALSE(MatchAll(c.expected, {k}));
  k.source->resolution = "pronoun";
  k.target->entity = "Ukraine";
  EXPECT_FALSE(MatchAll(c.expected, {k}));
  EXPECT_TRUE(MatchAll(none.expected, {}));
  EXPECT_FALSE(MatchAll(none.expected, {b}));
}

}  // namespace
}  // namespace annal
