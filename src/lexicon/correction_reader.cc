// Correction files: fixes to the codes of actor and agent entries read from earlier files,
// so that errors in dictionaries annal ships unchanged (the Phoenix files) are mended in one
// small reviewed file instead of by editing the copies. See doc/formats/corrections.md.
//
//   ACTOR UNITA_ [ANGREB] -> [AGOREB]     every actor entry named UNITA: code ANGREB -> AGOREB
//   ACTOR JOE_BIDEN_ [USAGOV >20090120] -> [USAGOV 20090120-20170120]
//                                         that code with exactly those dates: new code and dates
//   ACTOR ANTONIO_GUTERRES_ + [IGOUNO >20170101]
//                                         every actor entry named so gains a dated code
//   ACTOR JOE_BIDEN_ + BIDEN_             the one actor entry named so gains a name
//   AGENT DEPUTY [~COP] -> [~LEG]          every agent entry named DEPUTY: ~COP -> ~LEG
//
// A correction names the entry by one of its names (PETRARCH phrase syntax, whole words) and
// the code it replaces, so it cannot change an entry nobody checked: when the dictionaries
// change and the old code is gone, the line matches nothing and says so in a diagnostic.
// An old code written without dates matches that code whatever its dates, and keeps them.
// Dated codes exist because the Phoenix files end in the mid-2010s: a leader's open-ended
// tenure ("[USAGOV >090120]") must be closed, and a later office added, for current news.
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

// One actor code block as written, "[USAGOV]" or "[USAGOV >20090120]"; `dated` tells whether
// it gave dates. False (with a diagnostic) when malformed or when it holds a '~'.
bool ActorCodeBlock(std::string_view s, const Line& line, const ReadContext& ctx, DatedCode* out,
                    bool* dated) {
  s = Trim(s);
  std::string error;
  if (s.size() < 3 || s.front() != '[' || s.back() != ']' ||
      s.substr(1, s.size() - 2).find_first_of("[]") != std::string_view::npos) {
    error = "malformed code block";
  } else if (s.find('~') != std::string_view::npos) {
    error = "an actor code has no '~'";
  } else if (ParseDatedCode(s.substr(1, s.size() - 2), out, &error)) {
    *dated = out->from_day != kDayMin || out->to_day != kDayMax;
    return true;
  }
  ctx.Diag(line.number, error + ": '" + line.text + "'");
  return false;
}

// "[old] -> [new]" on every actor entry named `name`: an undated old code matches the code
// whatever its dates and keeps them unless the new block gives dates; a dated one matches
// only those dates. Returns the number of codes changed, -1 when malformed.
int ReplaceActorCode(std::string_view old_block, std::string_view new_block,
                     const std::string& name, const Line& line, const ReadContext& ctx) {
  DatedCode old_code, new_code;
  bool old_dated = false, new_dated = false;
  if (!ActorCodeBlock(old_block, line, ctx, &old_code, &old_dated) ||
      !ActorCodeBlock(new_block, line, ctx, &new_code, &new_dated)) {
    return -1;
  }
  int changed = 0;
  for (ActorEntry& a : ctx.out->actors) {
    if (!HasName(a.names, name)) continue;
    for (DatedCode& c : a.codes) {
      if (c.code != old_code.code) continue;
      if (old_dated && (c.from_day != old_code.from_day || c.to_day != old_code.to_day)) continue;
      c.code = new_code.code;
      if (new_dated) {
        c.from_day = new_code.from_day;
        c.to_day = new_code.to_day;
      }
      ++changed;
    }
  }
  return changed;
}

// "+ [code dates]": a code appended to every actor entry named `name`. A dated code wins over the
// entry's undated default wherever its dates cover the article's date, so its place in the list
// does not matter unless it overlaps another dated code (where the older one wins). An undated
// code is added only to an entry that has no undated default (Phoenix lists some people with
// dated offices only, which leaves them without a code between and after those offices); entries
// of that name that have one are left as they are.
// Returns the number of entries changed, -1 when malformed.
int AddActorCode(std::string_view block, const std::string& name, const Line& line,
                 const ReadContext& ctx) {
  DatedCode code;
  bool dated = false;
  if (!ActorCodeBlock(block, line, ctx, &code, &dated)) return -1;
  int changed = 0;
  int with_default = 0;
  for (ActorEntry& a : ctx.out->actors) {
    if (!HasName(a.names, name)) continue;
    if (!dated) {
      bool has_default = false;
      for (const DatedCode& c : a.codes) {
        has_default |= c.from_day == kDayMin && c.to_day == kDayMax;
      }
      if (has_default) {
        ++with_default;
        continue;
      }
    }
    a.codes.push_back(code);
    ++changed;
  }
  if (changed == 0 && with_default > 0) {
    ctx.Diag(line.number, "an added undated code would be a second default of every entry named " +
                              name + ": '" + line.text + "'");
    return -1;
  }
  return changed;
}

// "+ NAME": another name for the one actor entry named `name` (a surname used alone, which
// Phoenix seldom lists). Refused with a diagnostic when `name` names several entries (the new
// name would merge them) or when the new name already names an entry (it would become
// ambiguous, or repeat). Returns 1 when added, 0 when no entry is named `name`, -1 when refused.
int AddActorName(std::string_view new_name_text, const std::string& name, const Line& line,
                 const ReadContext& ctx) {
  const Phrase added = ParsePhrase(new_name_text, WordMatch::kAllExact);
  if (added.empty() || new_name_text.find_first_of("[]+") != std::string_view::npos) {
    ctx.Diag(line.number, "an added name must be one phrase: '" + line.text + "'");
    return -1;
  }
  const std::string added_text = PhraseText(added);
  ActorEntry* target = nullptr;
  size_t named = 0;
  for (ActorEntry& a : ctx.out->actors) {
    if (HasName(a.names, added_text)) {
      const std::string& file =
          a.where.file < ctx.out->files.size() ? ctx.out->files[a.where.file] : "?";
      ctx.Diag(line.number, added_text + " already names an actor entry (" + file + ":" +
                                std::to_string(a.where.line) + "): '" + line.text + "'");
      return -1;
    }
    if (HasName(a.names, name)) {
      target = &a;
      ++named;
    }
  }
  if (named > 1) {
    ctx.Diag(line.number, name + " names " + std::to_string(named) +
                              " actor entries; a name is added to one entry only: '" + line.text +
                              "'");
    return -1;
  }
  if (target == nullptr) return 0;
  target->names.push_back(added);
  return 1;
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
  static constexpr std::string_view kUsage =
      "correction needs 'ACTOR|AGENT phrase [old] -> [new]', 'ACTOR phrase + [code dates]' or "
      "'ACTOR phrase + another_phrase': '";
  for (const Line& line : SplitContentLines(content, style)) {
    const std::string& t = line.text;
    const size_t space = t.find_first_of(" \t");
    const size_t open = t.find('[');
    const size_t arrow = t.find("->");
    const size_t plus = t.find('+');
    if (space != std::string::npos && open == std::string::npos && arrow == std::string::npos &&
        plus != std::string::npos && plus > space) {
      // "ACTOR NAME + OTHER_NAME": a name added to an entry.
      const std::string kind = UpperAscii(std::string_view(t).substr(0, space));
      const Phrase phrase =
          ParsePhrase(Trim(std::string_view(t).substr(space, plus - space)), WordMatch::kAllExact);
      if (kind != "ACTOR" || phrase.empty()) {
        ctx.Diag(line.number, std::string(kUsage) + t + "'");
        continue;
      }
      const std::string name = PhraseText(phrase);
      const int added = AddActorName(Trim(std::string_view(t).substr(plus + 1)), name, line, ctx);
      if (added == 0) ctx.Diag(line.number, "correction matched no actor entry named " + name);
      continue;
    }
    if (space == std::string::npos || open == std::string::npos || open < space) {
      ctx.Diag(line.number, std::string(kUsage) + t + "'");
      continue;
    }
    const std::string kind = UpperAscii(std::string_view(t).substr(0, space));
    std::string_view name_text = Trim(std::string_view(t).substr(space, open - space));
    // "ACTOR NAME + [CODE DATES]": the name ends in a lone '+'.
    const bool add = arrow == std::string::npos && !name_text.empty() && name_text.back() == '+';
    if (add) name_text = Trim(name_text.substr(0, name_text.size() - 1));
    if ((!add && (arrow == std::string::npos || arrow < open)) || (add && kind != "ACTOR")) {
      ctx.Diag(line.number, std::string(kUsage) + t + "'");
      continue;
    }
    const Phrase phrase = ParsePhrase(name_text, WordMatch::kAllExact);
    if (phrase.empty() || (kind != "ACTOR" && kind != "AGENT")) {
      ctx.Diag(line.number, std::string(kUsage) + t + "'");
      continue;
    }
    const std::string name = PhraseText(phrase);
    int changed = 0;
    if (kind == "ACTOR") {
      changed = add ? AddActorCode(std::string_view(t).substr(open), name, line, ctx)
                    : ReplaceActorCode(std::string_view(t).substr(open, arrow - open),
                                       std::string_view(t).substr(arrow + 2), name, line, ctx);
      if (changed < 0) continue;  // malformed; already reported
    } else {
      const std::string old_code = BracketedCode(std::string_view(t).substr(open, arrow - open));
      const std::string new_code = BracketedCode(std::string_view(t).substr(arrow + 2));
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
      const std::string code(
          Trim(std::string_view(t).substr(open, (add ? t.size() : arrow) - open)));
      ctx.Diag(line.number, "correction matched no " +
                                std::string(kind == "ACTOR" ? "actor" : "agent") + " entry named " +
                                name + " with code " + code);
    }
  }
}

}  // namespace annal::lexicon::internal
