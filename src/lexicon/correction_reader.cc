// Correction files: fixes to the codes of actor and agent entries read from earlier files,
// so that errors in dictionaries annal ships unchanged (the Phoenix files) are mended in one
// small reviewed file instead of by editing the copies. See doc/formats/corrections.md.
//
//   ACTOR UNITA_ [ANGREB] -> [AGOREB]     every actor entry named UNITA: code ANGREB -> AGOREB
//   AGENT DEPUTY [~COP] -> [~LEG]          every agent entry named DEPUTY: ~COP -> ~LEG
//
// A correction names the entry by one of its names (PETRARCH phrase syntax, whole words) and
// the code it replaces, so it cannot change an entry nobody checked: when the dictionaries
// change and the old code is gone, the line matches nothing and says so in a diagnostic.
// Date restrictions of a corrected actor code stay as they were.
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"

namespace annal::lexicon::internal {

namespace {

bool HasName(const std::vector<Phrase>& names, const std::string& text) {
  for (const Phrase& p : names) {
    if (PhraseText(p) == text) return true;
  }
  return false;
}

// "[ABC]" -> "ABC", "[~COP]" -> "~COP" (blanks inside dropped, upper-cased); "" if malformed.
std::string BracketedCode(std::string_view s) {
  s = Trim(s);
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return "";
  std::string code;
  for (char c : s.substr(1, s.size() - 2)) {
    if (c == '[' || c == ']') return "";
    if (c != ' ' && c != '\t') code.push_back(c);
  }
  return UpperAscii(code);
}

// Splits an agent code as written ("~COP", "IGO~") into code and suffix flag.
bool SplitAgentCode(const std::string& written, std::string* code, bool* suffix) {
  if (written.size() > 1 && written.front() == '~' && written.find('~', 1) == std::string::npos) {
    *code = written.substr(1);
    *suffix = true;
    return true;
  }
  if (written.size() > 1 && written.back() == '~' && written.find('~') == written.size() - 1) {
    *code = written.substr(0, written.size() - 1);
    *suffix = false;
    return true;
  }
  return false;
}

}  // namespace

bool IsCorrectionFile(std::string_view filename) {
  static constexpr std::string_view kSuffix = ".corrections.txt";
  if (filename.size() < kSuffix.size()) return false;
  return UpperAscii(filename.substr(filename.size() - kSuffix.size())) == UpperAscii(kSuffix);
}

void ApplyCorrectionFile(std::string_view content, const ReadContext& ctx) {
  CommentStyle style;
  style.hash_anywhere = true;
  for (const Line& line : SplitContentLines(content, style)) {
    const std::string& t = line.text;
    const size_t space = t.find_first_of(" \t");
    const size_t open = t.find('[');
    const size_t arrow = t.find("->");
    if (space == std::string::npos || open == std::string::npos || arrow == std::string::npos ||
        arrow < open || open < space) {
      ctx.Diag(line.number, "correction needs 'ACTOR|AGENT phrase [old] -> [new]': '" + t + "'");
      continue;
    }
    const std::string kind = UpperAscii(std::string_view(t).substr(0, space));
    const Phrase phrase =
        ParsePhrase(Trim(std::string_view(t).substr(space, open - space)), WordMatch::kAllExact);
    const std::string old_code = BracketedCode(std::string_view(t).substr(open, arrow - open));
    const std::string new_code = BracketedCode(std::string_view(t).substr(arrow + 2));
    if (phrase.empty() || old_code.empty() || new_code.empty() ||
        (kind != "ACTOR" && kind != "AGENT")) {
      ctx.Diag(line.number, "correction needs 'ACTOR|AGENT phrase [old] -> [new]': '" + t + "'");
      continue;
    }
    const std::string name = PhraseText(phrase);
    int changed = 0;
    if (kind == "ACTOR") {
      if (old_code.find('~') != std::string::npos || new_code.find('~') != std::string::npos) {
        ctx.Diag(line.number, "an actor code has no '~': '" + t + "'");
        continue;
      }
      for (ActorEntry& a : ctx.out->actors) {
        if (!HasName(a.names, name)) continue;
        for (DatedCode& c : a.codes) {
          if (c.code == old_code) {
            c.code = new_code;
            ++changed;
          }
        }
      }
    } else {
      std::string old_agent, new_agent;
      bool old_suffix = true, new_suffix = true;
      if (!SplitAgentCode(old_code, &old_agent, &old_suffix) ||
          !SplitAgentCode(new_code, &new_agent, &new_suffix)) {
        ctx.Diag(line.number, "an agent code needs one '~' before or after it: '" + t + "'");
        continue;
      }
      for (AgentEntry& a : ctx.out->agents) {
        if (a.code != old_agent || a.suffix != old_suffix || !HasName(a.names, name)) continue;
        a.code = new_agent;
        a.suffix = new_suffix;
        ++changed;
      }
    }
    if (changed == 0) {
      ctx.Diag(line.number, "correction matched no " + std::string(kind == "ACTOR" ? "actor" : "agent") +
                                " entry named " + name + " with code [" + old_code + "]");
    }
  }
}

}  // namespace annal::lexicon::internal
