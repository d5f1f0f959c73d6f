// Discard lists, issue lists (PETRARCH) and TABARI .options files.
//
// Discards: one phrase a line; a leading '+' discards the whole story. PETRARCH matches them
// as strings: the last word is a stem unless it ends in '_' ("BASEBALL" also drops
// "BASEBALLS"), earlier words are whole words.
//
// Issues:
//   <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
//   n:teacher [TEACHERS]           n: the noun and its plural
//   ethnic v:purge [ID_ATROCITY]   v: the verb and its regular forms
//   pre+n:school [EARLY_CHILDHOOD_EDUCATION]   '+': written both as two words and hyphenated
//   ~a head start                  exclusion for the sentence; '~~' for the story
//   </ISSUE>
// PETRARCH expands n:, v: and '+' into separate strings when it reads the file and matches
// them as whole words; so does this reader (one IssueEntry per expanded phrase).
//
// Options: "LABEL: 010= Make statement" lines become labels; other "KEY: value" lines are kept
// as settings; "//" starts a comment line.
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"

namespace annal::lexicon::internal {

namespace {

constexpr size_t kMaxIssueForms = 64;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

void ReadDiscardFile(std::string_view content, const ReadContext& ctx) {
  CommentStyle style;
  style.hash_anywhere = true;
  std::vector<Line> lines = SplitContentLines(content, style);
  for (const Line& line : lines) {
    std::string_view t = line.text;
    DiscardEntry entry;
    if (t[0] == '+') {
      entry.whole_story = true;
      t = Trim(t.substr(1));
    }
    if (t.find_first_of("[]{}") != std::string_view::npos) {
      ctx.Diag(line.number, "discard phrases hold only words: '" + line.text + "'");
      continue;
    }
    entry.phrase = ParsePhrase(t, ctx.tabari ? WordMatch::kTabari : WordMatch::kFinalStem);
    if (entry.phrase.empty()) {
      ctx.Diag(line.number, "empty discard phrase");
      continue;
    }
    entry.where = ctx.Where(line.number);
    ctx.out->discards.push_back(std::move(entry));
  }
}

namespace {

// The word variants of one "n:" / "v:" / plain part of an issue token.
std::vector<std::string> IssuePartForms(std::string_view part) {
  std::string upper = UpperAscii(part);
  if (StartsWith(upper, "N:") && upper.size() > 2) {
    std::string noun = upper.substr(2);
    return {noun, NounPlural(noun)};
  }
  if (StartsWith(upper, "V:") && upper.size() > 2) {
    std::string verb = upper.substr(2);
    std::vector<std::string> forms{verb};
    for (std::string& f : RegularVerbForms(verb)) forms.push_back(std::move(f));
    return forms;
  }
  return {upper};
}

// Expands one whitespace-separated token into its written variants; each variant is one or
// more words ("PRE SCHOOL" or "PRE-SCHOOL").
bool ExpandIssueToken(std::string_view token, std::vector<std::string>* out) {
  std::vector<std::string> acc;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t plus = token.find('+', start);
    std::string_view part = token.substr(start, plus == std::string_view::npos ? std::string_view::npos : plus - start);
    if (part.empty()) return false;
    std::vector<std::string> forms = IssuePartForms(part);
    if (first) {
      acc = forms;
      first = false;
    } else {
      std::vector<std::string> next;
      for (const std::string& a : acc) {
        for (const std::string& f : forms) {
          next.push_back(a + " " + f);
          next.push_back(a + "-" + f);
        }
      }
      acc.swap(next);
    }
    if (acc.size() > kMaxIssueForms) return false;
    if (plus == std::string_view::npos) break;
    start = plus + 1;
  }
  *out = std::move(acc);
  return true;
}

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string upper = UpperAscii(tag);
  std::string key = std::string(name) + "=\"";
  size_t at = upper.find(key);
  if (at == std::string::npos) return "";
  size_t begin = at + key.size();
  size_t end = tag.find('"', begin);
  if (end == std::string_view::npos) return "";
  return std::string(Trim(tag.substr(begin, end - begin)));
}

}  // namespace

void ReadIssueFile(std::string_view content, const ReadContext& ctx) {
  CommentStyle style;
  style.hash_anywhere = true;
  style.semicolon = false;
  std::vector<Line> lines = SplitContentLines(content, style);
  std::string category;
  for (const Line& line : lines) {
    std::string_view t = line.text;
    std::string upper = UpperAscii(t);
    if (StartsWith(upper, "<ISSUE")) {
      category = Attribute(t, "CATEGORY");
      if (category.empty()) ctx.Diag(line.number, "<ISSUE> without a CATEGORY");
      continue;
    }
    if (StartsWith(upper, "</ISSUE")) {
      category.clear();
      continue;
    }
    IssueEntry proto;
    proto.category = category;
    proto.where = ctx.Where(line.number);
    std::string_view phrase_text;
    if (t[0] == '~') {
      proto.exclusion = true;
      proto.whole_story = t.size() > 1 && t[1] == '~';
      phrase_text = Trim(t.substr(proto.whole_story ? 2 : 1));
      if (phrase_text.find_first_of("[]") != std::string_view::npos) {
        ctx.Diag(line.number, "issue exclusion with a code: '" + line.text + "'");
        continue;
      }
    } else {
      size_t open = t.find('[');
      size_t close = open == std::string_view::npos ? open : t.find(']', open);
      if (open == std::string_view::npos || close == std::string_view::npos) {
        ctx.Diag(line.number, "issue line without a [code]: '" + line.text + "'");
        continue;
      }
      if (!Trim(t.substr(close + 1)).empty()) {
        // "a [X]b [X]": two entries run together. PETRARCH keeps the first; so do we.
        ctx.Diag(line.number, "text after the issue code ignored: '" + line.text + "'");
      }
      std::string_view code = Trim(t.substr(open + 1, close - open - 1));
      if (code.empty() || code.find_first_of(" \t[") != std::string_view::npos) {
        ctx.Diag(line.number, "bad issue code in '" + line.text + "'");
        continue;
      }
      proto.code = UpperAscii(code);
      phrase_text = Trim(t.substr(0, open));
    }
    // Lines outside an <ISSUE> block are kept with an empty category, as PETRARCH keeps them.
    // Expand token by token, then take every combination.
    std::vector<std::string> variants{""};
    bool ok = true;
    size_t i = 0;
    while (i < phrase_text.size() && ok) {
      while (i < phrase_text.size() && IsBlank(phrase_text[i])) ++i;
      size_t j = i;
      while (j < phrase_text.size() && !IsBlank(phrase_text[j])) ++j;
      if (j == i) break;
      std::vector<std::string> forms;
      if (!ExpandIssueToken(phrase_text.substr(i, j - i), &forms)) {
        ok = false;
        break;
      }
      std::vector<std::string> next;
      for (const std::string& v : variants) {
        for (const std::string& f : forms) next.push_back(v.empty() ? f : v + " " + f);
      }
      variants.swap(next);
      if (variants.size() > kMaxIssueForms) ok = false;
      i = j;
    }
    if (!ok) {
      ctx.Diag(line.number, "bad issue phrase '" + line.text + "'");
      continue;
    }
    bool any = false;
    for (const std::string& v : variants) {
      Phrase phrase = ParsePhrase(v, WordMatch::kAllExact);
      if (phrase.empty()) continue;
      IssueEntry entry = proto;
      entry.phrase = std::move(phrase);
      ctx.out->issues.push_back(std::move(entry));
      any = true;
    }
    if (!any) ctx.Diag(line.number, "issue line without a phrase");
  }
}

void ReadOptionsFile(std::string_view content, const ReadContext& ctx) {
  CommentStyle style;
  style.hash_at_start = false;
  style.semicolon = false;
  style.slashes = true;
  style.xml = false;
  std::vector<Line> lines = SplitContentLines(content, style);
  for (const Line& line : lines) {
    std::string_view t = line.text;
    if (StartsWith(t, "~~")) break;  // TABARI's end-of-file line ("~~~~~", "~~FINISH")
    size_t colon = t.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      ctx.Diag(line.number, "option line is not 'KEYWORD: value': '" + line.text + "'");
      continue;
    }
    std::string key = UpperAscii(Trim(t.substr(0, colon)));
    if (key.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ ") != std::string::npos) {
      ctx.Diag(line.number, "option line is not 'KEYWORD: value': '" + line.text + "'");
      continue;
    }
    std::string_view value = Trim(t.substr(colon + 1));
    if (key == "LABEL") {
      size_t eq = value.find('=');
      std::string_view code = eq == std::string_view::npos ? std::string_view() : Trim(value.substr(0, eq));
      if (code.empty() || code.find_first_of(" \t") != std::string_view::npos) {
        ctx.Diag(line.number, "LABEL needs 'code= name': '" + line.text + "'");
        continue;
      }
      ctx.out->labels.emplace_back(UpperAscii(code), std::string(Trim(value.substr(eq + 1))));
      continue;
    }
    ctx.out->settings.emplace_back(std::move(key), std::string(value));
  }
}

}  // namespace annal::lexicon::internal
