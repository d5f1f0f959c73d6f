// Verb dictionaries: PETRARCH-2 (CAMEO.2.0.txt), PETRARCH-1 (CAMEO.verbpatterns.*.txt, TABARI
// pattern syntax in PETRARCH's block layout) and TABARI .verbs.
//
// Layout (PETRARCH):
//   &NAME            synset header; '+' lines follow with its members. A label ending in '_'
//   +MEMBER            (&AUXVERB1_) asks for no generated plurals; the name drops the '_'.
//   --- NAME [c] ---  verb block header with the block's default code ("[---]": no event)
//   VERB {FORMS} [c]  verb forms: irregular forms in {..} replace the generated regular ones
//   +CALL_OFF [c]     multi-word verb, '+' marks the verb word (RE_+ARREST: the second word)
//   - pre * post [c]  pattern; "[c:alt]" gives the paired event's code
//   ~ a (b ...) = ..  PETRARCH-2 transformation, kept verbatim
// Layout (TABARI): a root line "VERB [c]" opens a block; '-' patterns follow; `&` synsets may
// be wrapped in <SYNSETS>..</SYNSETS>; other <SECTION>..</SECTION> blocks (<TIME>) are not part
// of the model and are skipped; "~~FINISH" ends the file.
//
// Pattern elements: words, &SYNSET, $ source, + target, % compound, ^ skip a noun phrase,
// '*' the verb. A '_' joins its neighbours (the next element must directly follow; "WAS_*":
// the verb must directly follow WAS; "*_AND": AND directly follows the verb). In TABARI a word
// is a stem unless written with a trailing '_' (IN_ = exactly IN); PETRARCH matches whole
// words only. PETRARCH-2 groups: {..} a noun phrase, (..) a prepositional phrase (which may
// contain a {..} noun phrase: its words keep the prepositional group's id). TABARI
// disjunctions "{ WILL | WOULD }" are expanded into one pattern per alternative.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"

namespace annal::lexicon::internal {

namespace {

constexpr size_t kMaxExpansions = 256;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Parses the inside of "[042:043]" into code and alt code. Empty primary means no event.
bool ParseVerbCode(std::string_view text, std::string* code, std::string* alt) {
  text = Trim(text);
  if (text.empty()) return false;
  for (char c : text) {
    if (IsBlank(c) || c == '[' || c == ']') return false;
  }
  std::string upper = UpperAscii(text);
  size_t colon = upper.find(':');
  if (colon == std::string::npos) {
    *code = upper;
    alt->clear();
  } else {
    *code = upper.substr(0, colon);
    *alt = upper.substr(colon + 1);
    if (code->empty()) *code = "---";
    if (alt->find(':') != std::string::npos) return false;
    if (code->empty() && alt->empty()) return false;
  }
  return !code->empty();
}

// Splits "text [code]" at the last '['. `has_code` is false when there is no '['.
// Returns false when a '[' is not closed by a final ']'.
bool SplitTrailingCode(std::string_view line, std::string_view* before, std::string_view* code,
                       bool* has_code) {
  size_t open = line.rfind('[');
  if (open == std::string_view::npos) {
    *before = line;
    *has_code = false;
    return true;
  }
  size_t close = line.find(']', open);
  if (close == std::string_view::npos) return false;
  if (!Trim(line.substr(close + 1)).empty()) return false;
  *before = Trim(line.substr(0, open));
  *code = line.substr(open + 1, close - open - 1);
  *has_code = true;
  return true;
}

// Synset names as patterns refer to them: upper case, no '&', no trailing '_'.
std::string SynsetName(std::string_view raw) {
  std::string name = UpperAscii(Trim(raw));
  while (!name.empty() && name.back() == '_') name.pop_back();
  return name;
}

// Expands TABARI "{ A | B }" disjunctions (closed by '}' or, as some lines of the CAMEO file
// have it, ']') into one string per alternative.
bool ExpandDisjunctions(const std::string& text, std::vector<std::string>* out, std::string* error) {
  // Breadth first, so the variants come out in the order the alternatives are written.
  std::vector<std::string> work{text};
  out->clear();
  for (size_t next = 0; next < work.size(); ++next) {
    std::string s = std::move(work[next]);
    size_t open = std::string::npos, close = std::string::npos;
    for (size_t i = s.find('{'); i != std::string::npos; i = s.find('{', i + 1)) {
      size_t c = s.find_first_of("}]", i + 1);
      size_t bar = s.find('|', i + 1);
      if (bar == std::string::npos) break;
      if (c == std::string::npos) {
        *error = "unterminated '{ .. | .. }' alternative";
        return false;
      }
      if (bar < c) {
        open = i;
        close = c;
        break;
      }
    }
    if (open == std::string::npos) {
      if (s.find('|') != std::string::npos) {
        *error = "'|' outside a '{ .. }' alternative";
        return false;
      }
      out->push_back(std::move(s));
      if (out->size() > kMaxExpansions) {
        *error = "more than 256 alternatives";
        return false;
      }
      continue;
    }
    std::string_view inner(s.data() + open + 1, close - open - 1);
    size_t start = 0;
    while (true) {
      size_t bar = inner.find('|', start);
      std::string_view alt =
          Trim(inner.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
      work.push_back(s.substr(0, open) + std::string(alt) + s.substr(close + 1));
      if (work.size() - next + out->size() > kMaxExpansions) {
        *error = "more than 256 alternatives";
        return false;
      }
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
  }
  return true;
}

class VerbReader {
 public:
  VerbReader(std::string_view content, const ReadContext& ctx) : content_(content), ctx_(ctx) {}

  void Run();
  // Parses one pattern body ("* + FOR", no leading '-' and no code) against the synsets
  // already in ctx_.out, as a PETRARCH file would (see ParsePatternText).
  bool ParseStandalonePattern(std::string_view body, VerbPattern* p, std::string* error) {
    CollectSynsetNames({});
    std::vector<std::string> variants;
    if (!ExpandDisjunctions(std::string(body), &variants, error)) return false;
    if (variants.size() != 1) {
      *error = "a '{ .. | .. }' alternative names more than one pattern";
      return false;
    }
    return ParsePattern(variants[0], p, error);
  }

 private:
  bool IsDelimiter(char c) const {
    return IsBlank(c) || c == '_' || c == '(' || c == ')' || c == '{' || c == '}' || c == '*' ||
           c == '|' || c == '[' || c == ']';
  }
  void CollectSynsetNames(const std::vector<Line>& lines);
  void StartBlock(std::string name, std::string code, std::string alt, uint32_t line);
  void ReadBlockHeader(const Line& line);
  void ReadSynsetHeader(const Line& line);
  void ReadSynsetMember(const Line& line);
  bool ExpandComposedMember(std::string_view text, std::vector<Phrase>* out, std::string* error);
  void ReadPattern(const Line& line);
  bool ParsePattern(std::string_view text, VerbPattern* p, std::string* error);
  void ReadPetrarchForms(const Line& line);
  void ReadTabariRoot(const Line& line);
  void AddFormsFromText(std::string_view text, const std::string& code, const std::string& alt,
                        bool generate, uint32_t line);
  bool ParseFormPhrase(std::string_view text, VerbBlock::Form* form);
  // TABARI: forms [first, end) written as whole words ("DEPART_") also match with the regular
  // endings (DEPARTS, DEPARTED, DEPARTING ...); those written "BAN=" match only as written.
  void AddTabariVerbEndings(std::string_view written, size_t first,
                            std::vector<VerbBlock::Form>* forms);
  // The text after '#' on line `number` of content_ (SplitContentLines drops it), or empty.
  std::string_view RawComment(uint32_t number);
  // Remembers the verbs a PETRARCH pattern comment names, for ResolveOwners.
  void NoteOwner(const Line& line, size_t first_pattern);
  // Fills VerbPattern::owner_forms once every block has all its forms.
  void ResolveOwners();

  std::string_view content_;
  const ReadContext& ctx_;
  std::unordered_set<std::string> synset_names_;
  size_t max_name_length_ = 0;  // longest synset name: bounds the prefix search
  std::unordered_map<std::string, size_t> synset_index_;
  enum class Context { kNone, kSynset, kBlock } context_ = Context::kNone;
  size_t block_ = 0;   // index into out->verbs when context_ has been kBlock
  bool have_block_ = false;
  size_t synset_ = 0;  // index into out->synsets
  bool synset_no_plural_ = false;
  // Offsets in content_ where each line starts (built on first use by RawComment).
  std::vector<size_t> line_starts_;
  // Per block (index into out->verbs): the index of the first form of each verb line, so a
  // form's verb is the last line group starting at or before it.
  std::unordered_map<size_t, std::vector<uint32_t>> form_groups_;
  struct PendingOwner {
    size_t block;
    size_t first_pattern, end_pattern;  // the patterns one line produced
    std::vector<Phrase> names;          // the verbs its comment names
  };
  std::vector<PendingOwner> pending_owners_;
};

std::string_view VerbReader::RawComment(uint32_t number) {
  if (line_starts_.empty()) {
    // The same line ends as SplitContentLines: \n, \r\n and a lone \r.
    line_starts_.push_back(0);
    for (size_t i = 0; i < content_.size(); ++i) {
      if (content_[i] == '\r' && i + 1 < content_.size() && content_[i + 1] == '\n') ++i;
      if (content_[i] == '\n' || content_[i] == '\r') line_starts_.push_back(i + 1);
    }
  }
  if (number == 0 || number > line_starts_.size()) return {};
  const size_t begin = line_starts_[number - 1];
  size_t end = begin;
  while (end < content_.size() && content_[end] != '\n' && content_[end] != '\r') ++end;
  std::string_view raw = content_.substr(begin, end - begin);
  const size_t hash = raw.find('#');
  return hash == std::string_view::npos ? std::string_view() : Trim(raw.substr(hash + 1));
}

void VerbReader::NoteOwner(const Line& line, size_t first_pattern) {
  // "# STEP_UP , STEPPED_UP": a comma-separated list of verb forms. Other comments
  // ("# SHAN 6/28/93") name no form of the block and are dropped by ResolveOwners.
  // PETRARCH-1 signs its patterns after each verb: "# DEPORT <JON 5/9/95> , EXPEL <ab ..>".
  std::string comment;
  bool in_sign = false;
  for (char c : RawComment(line.number)) {
    if (c == '<') in_sign = true;
    if (!in_sign) comment += c;
    if (c == '>') in_sign = false;
  }
  if (Trim(comment).empty()) return;
  PendingOwner owner{block_, first_pattern, ctx_.out->verbs[block_].patterns.size(), {}};
  size_t i = 0;
  while (i <= comment.size()) {
    size_t comma = comment.find(',', i);
    if (comma == std::string_view::npos) comma = comment.size();
    std::string_view item = Trim(std::string_view(comment).substr(i, comma - i));
    while (!item.empty() && item.front() == '+') item.remove_prefix(1);
    if (!item.empty() && item.find_first_of("+{}[]()&*$%^|#:/") == std::string_view::npos) {
      Phrase name = ParsePhrase(item, WordMatch::kAllExact);
      if (!name.empty()) owner.names.push_back(std::move(name));
    }
    i = comma + 1;
  }
  if (!owner.names.empty()) pending_owners_.push_back(std::move(owner));
}

void VerbReader::ResolveOwners() {
  for (const PendingOwner& owner : pending_owners_) {
    VerbBlock& block = ctx_.out->verbs[owner.block];
    const std::vector<uint32_t>& starts = form_groups_[owner.block];
    auto group_of = [&](size_t form) {
      return static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), form) -
                                 starts.begin());  // 1-based: 0 means before any group
    };
    std::vector<bool> owned_group(starts.size() + 1, false);
    bool any = false;
    for (size_t f = 0; f < block.forms.size(); ++f) {
      for (const Phrase& name : owner.names) {
        if (block.forms[f].words == name) {
          owned_group[group_of(f)] = true;
          any = true;
        }
      }
    }
    if (!any) continue;
    std::vector<uint32_t> forms;
    for (size_t f = 0; f < block.forms.size(); ++f) {
      if (owned_group[group_of(f)]) forms.push_back(static_cast<uint32_t>(f));
    }
    if (forms.size() == block.forms.size()) continue;  // the block's only verb: no restriction
    for (size_t p = owner.first_pattern; p < owner.end_pattern; ++p) {
      block.patterns[p].owner_forms = forms;
    }
  }
}

void VerbReader::CollectSynsetNames(const std::vector<Line>& lines) {
  // A pattern may use a synset defined further down (PETRARCH-1 resolves them after reading),
  // and synset names contain '_', which is also the connector: knowing every name up front
  // lets "NEW_&TIETYPES_RELATIONS" split as NEW, &TIETYPES, RELATIONS.
  for (const Synset& s : ctx_.out->synsets) synset_names_.insert(s.name);
  for (size_t i = 0; i < ctx_.out->synsets.size(); ++i) synset_index_[ctx_.out->synsets[i].name] = i;
  for (const Line& l : lines) {
    if (l.text[0] != '&') continue;
    std::string_view t = l.text;
    size_t end = 1;
    while (end < t.size() && !IsBlank(t[end])) ++end;
    std::string name = SynsetName(t.substr(1, end - 1));
    if (!name.empty()) synset_names_.insert(name);
  }
  for (const std::string& name : synset_names_) max_name_length_ = std::max(max_name_length_, name.size());
}

void VerbReader::StartBlock(std::string name, std::string code, std::string alt, uint32_t line) {
  VerbBlock block;
  block.name = std::move(name);
  block.code = std::move(code);
  block.alt_code = std::move(alt);
  block.where = ctx_.Where(line);
  ctx_.out->verbs.push_back(std::move(block));
  block_ = ctx_.out->verbs.size() - 1;
  have_block_ = true;
  context_ = Context::kBlock;
}

void VerbReader::ReadBlockHeader(const Line& line) {
  std::string_view t = line.text;
  while (!t.empty() && t.front() == '-') t.remove_prefix(1);
  // The closing dashes, also when glued to the code ("--- DELAY [120]---  ---").
  while (!t.empty() && (t.back() == '-' || IsBlank(t.back()))) t.remove_suffix(1);
  t = Trim(t);
  std::string_view name_text, code_text;
  bool has_code;
  std::string code = "---", alt;
  if (!SplitTrailingCode(t, &name_text, &code_text, &has_code) ||
      (has_code && !ParseVerbCode(code_text, &code, &alt))) {
    ctx_.Diag(line.number, "malformed verb block header '" + line.text + "'");
    // Still open a block so the following patterns do not attach to the previous verb.
    StartBlock(UpperAscii(Trim(t)), "---", "", line.number);
    return;
  }
  std::string name = UpperAscii(Trim(name_text));
  if (name.empty()) {
    ctx_.Diag(line.number, "verb block header without a name");
  }
  StartBlock(std::move(name), std::move(code), std::move(alt), line.number);
}

void VerbReader::ReadSynsetHeader(const Line& line) {
  std::string_view t = line.text;
  size_t end = 1;
  while (end < t.size() && !IsBlank(t[end])) ++end;
  std::string_view raw = t.substr(1, end - 1);
  std::string name = SynsetName(raw);
  if (name.empty() || !Trim(t.substr(end)).empty()) {
    ctx_.Diag(line.number, "malformed synset header '" + line.text + "'");
    context_ = Context::kNone;
    return;
  }
  synset_no_plural_ = EndsWith(raw, "_");
  auto it = synset_index_.find(name);
  if (it != synset_index_.end()) {
    synset_ = it->second;  // a second definition adds members, as PETRARCH-2 does
  } else {
    Synset s;
    s.name = name;
    s.where = ctx_.Where(line.number);
    ctx_.out->synsets.push_back(std::move(s));
    synset_ = ctx_.out->synsets.size() - 1;
    synset_index_[name] = synset_;
  }
  context_ = Context::kSynset;
}

// A member built from other synsets ("+&TIETYPES_MEMOS", "+ASSURANCES_ON &TIETYPES", which
// TABARI allows) is expanded into every combination of the referenced synsets' members. Only
// synsets defined earlier, with members, can be used.
bool VerbReader::ExpandComposedMember(std::string_view text, std::vector<Phrase>* out,
                                      std::string* error) {
  std::vector<Phrase> acc{Phrase{}};
  size_t i = 0;
  while (i < text.size()) {
    if (IsBlank(text[i]) || text[i] == '_') {
      ++i;
      continue;
    }
    std::vector<Phrase> options;
    size_t j = i;
    if (text[i] == '&') {
      j = i + 1;
      while (j < text.size() && !IsBlank(text[j])) ++j;
      std::string raw = UpperAscii(text.substr(i + 1, j - i - 1));
      size_t take = std::string::npos;
      for (size_t len = std::min(raw.size(), max_name_length_ + 8); len > 0; --len) {
        if (len < raw.size() && raw[len] != '_') continue;
        auto it = synset_index_.find(SynsetName(std::string_view(raw).substr(0, len)));
        if (it != synset_index_.end() && it->second != synset_ &&
            !ctx_.out->synsets[it->second].members.empty()) {
          take = len;
          options = ctx_.out->synsets[it->second].members;
          break;
        }
      }
      if (take == std::string::npos) {
        *error = "refers to &" + SynsetName(raw) + ", which is not defined before it";
        return false;
      }
      j = i + 1 + take;
    } else {
      while (j < text.size() && !IsBlank(text[j]) && text[j] != '_' && text[j] != '&') ++j;
      const bool exact = !ctx_.tabari || (j < text.size() && text[j] == '_');
      Phrase word;
      AppendWord(text.substr(i, j - i), exact, &word);
      options.push_back(std::move(word));
    }
    std::vector<Phrase> next;
    for (const Phrase& a : acc) {
      for (const Phrase& o : options) {
        Phrase p = a;
        p.insert(p.end(), o.begin(), o.end());
        next.push_back(std::move(p));
        if (next.size() > kMaxExpansions) {
          *error = "more than 256 combinations";
          return false;
        }
      }
    }
    acc.swap(next);
    i = j;
  }
  *out = std::move(acc);
  return true;
}

void VerbReader::ReadSynsetMember(const Line& line) {
  std::string_view text = Trim(std::string_view(line.text).substr(1));
  if (text.find_first_of("[]{}()*|$%^") != std::string_view::npos) {
    ctx_.Diag(line.number, "synset member may hold only words and synsets: '" + line.text + "'");
    return;
  }
  if (text.find('&') != std::string_view::npos) {
    std::vector<Phrase> members;
    std::string error;
    if (!ExpandComposedMember(text, &members, &error)) {
      ctx_.Diag(line.number, "synset member " + error + ": '" + line.text + "'");
      return;
    }
    auto& dest = ctx_.out->synsets[synset_].members;
    for (Phrase& p : members) {
      if (!p.empty()) dest.push_back(std::move(p));
    }
    return;
  }
  Phrase phrase = ParsePhrase(text, ctx_.tabari ? WordMatch::kTabari : WordMatch::kAllExact);
  if (phrase.empty()) {
    ctx_.Diag(line.number, "empty synset member");
    return;
  }
  Synset& s = ctx_.out->synsets[synset_];
  // PETRARCH adds the regular plural of each member unless the label or member ends in '_'.
  // TABARI members are stems, which already cover regular plurals.
  const bool plural = !ctx_.tabari && !synset_no_plural_ && !EndsWith(text, "_");
  if (plural) {
    Phrase p = phrase;
    if (p.back().text != "'S") {
      p.back().text = NounPlural(p.back().text);
      s.members.push_back(std::move(phrase));
      s.members.push_back(std::move(p));
      return;
    }
  }
  s.members.push_back(std::move(phrase));
}

bool VerbReader::ParsePattern(std::string_view s, VerbPattern* p, std::string* error) {
  const bool tabari = ctx_.tabari;
  bool saw_verb = false;
  bool pending_adjacent = false;
  uint16_t next_group = 0;
  uint16_t group = 0;          // open group id, 0 none
  bool group_prep = false;
  bool inner_noun = false;     // a {..} open inside a (..)
  bool first_in_group = false;
  bool last_was_word = false;  // the previous token was a word with nothing in between
  bool stem_connector = false;  // a '~' just read: the coming '_' leaves the word a stem

  auto emit = [&](PatternElement e) {
    e.adjacent = pending_adjacent || (group != 0 && !first_in_group);
    e.group = group;
    e.group_is_prep = group != 0 && group_prep;
    (saw_verb ? p->after : p->before).push_back(std::move(e));
    pending_adjacent = false;
    first_in_group = false;
  };

  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (IsBlank(c)) {
      pending_adjacent = false;
      last_was_word = false;
      ++i;
      continue;
    }
    if (c == '~' && last_was_word && i + 1 < s.size() && s[i + 1] == '_') {
      // TABARI "REAL~_PLEASANT": '~' keeps the word a stem ("really") while the '_' still
      // ties the next element to it.
      stem_connector = true;
      ++i;
      continue;
    }
    if (c == '_') {
      // TABARI: the word before '_' is complete. Both dialects: what follows is adjacent
      // unless a blank intervenes ("IN_ $" only says IN is a whole word).
      std::vector<PatternElement>& side = saw_verb ? p->after : p->before;
      if (last_was_word && !stem_connector && !side.empty() &&
          side.back().kind == ElementKind::kWord) {
        side.back().word.exact = true;
      }
      stem_connector = false;
      pending_adjacent = true;
      last_was_word = false;
      ++i;
      continue;
    }
    last_was_word = false;
    if (c == '*') {
      if (saw_verb) {
        *error = "more than one '*'";
        return false;
      }
      if (group != 0) {
        *error = "'*' inside a group";
        return false;
      }
      while (i < s.size() && s[i] == '*') ++i;  // the PETRARCH docs write '**'
      p->verb_adjacent = pending_adjacent;
      pending_adjacent = false;
      saw_verb = true;
      continue;
    }
    if (c == '{') {
      if (group != 0 && group_prep && !inner_noun) {
        inner_noun = true;
      } else if (group != 0) {
        *error = "nested '{'";
        return false;
      } else if (next_group == UINT16_MAX) {
        *error = "too many groups";
        return false;
      } else {
        group = ++next_group;
        group_prep = false;
        first_in_group = true;
      }
      ++i;
      continue;
    }
    if (c == '}') {
      if (inner_noun) {
        inner_noun = false;
      } else if (group != 0 && !group_prep) {
        group = 0;
      } else {
        *error = "unbalanced '}'";
        return false;
      }
      ++i;
      continue;
    }
    if (c == '(') {
      if (group != 0) {
        *error = "nested '('";
        return false;
      }
      if (next_group == UINT16_MAX) {
        *error = "too many groups";
        return false;
      }
      group = ++next_group;
      group_prep = true;
      first_in_group = true;
      ++i;
      continue;
    }
    if (c == ')') {
      if (group == 0 || !group_prep || inner_noun) {
        *error = "unbalanced ')'";
        return false;
      }
      group = 0;
      ++i;
      continue;
    }
    if (c == '[' || c == ']' || c == '|') {
      *error = std::string("unexpected '") + c + "'";
      return false;
    }
    if (c == '~') {
      *error = "'~' in a pattern is not supported";
      return false;
    }
    const bool marker_end = i + 1 >= s.size() || IsDelimiter(s[i + 1]);
    if ((c == '$' || c == '+' || c == '%' || c == '^') && marker_end) {
      PatternElement e;
      e.kind = c == '$'   ? ElementKind::kSource
               : c == '+' ? ElementKind::kTarget
               : c == '%' ? ElementKind::kCompound
                          : ElementKind::kSkipNoun;
      emit(std::move(e));
      ++i;
      continue;
    }
    if (c == '&') {
      size_t j = i + 1;
      while (j < s.size() && !IsBlank(s[j]) && s[j] != '(' && s[j] != ')' && s[j] != '{' &&
             s[j] != '}' && s[j] != '*' && s[j] != '|') {
        ++j;
      }
      std::string raw = UpperAscii(s.substr(i + 1, j - i - 1));
      // Longest defined name that ends at the token end or at a '_'.
      size_t take = std::string::npos;
      std::string name;
      for (size_t len = std::min(raw.size(), max_name_length_ + 8); len > 0; --len) {
        if (len < raw.size() && raw[len] != '_') continue;
        std::string candidate = SynsetName(std::string_view(raw).substr(0, len));
        if (!candidate.empty() && synset_names_.count(candidate)) {
          take = len;
          name = candidate;
          break;
        }
      }
      if (take == std::string::npos) {
        *error = "undefined synset &" + SynsetName(raw);
        return false;
      }
      PatternElement e;
      e.kind = ElementKind::kSynset;
      e.synset = name;
      emit(std::move(e));
      i = i + 1 + take;
      continue;
    }
    size_t j = i;
    while (j < s.size() && !IsDelimiter(s[j]) &&
           !(s[j] == '~' && j + 1 < s.size() && s[j + 1] == '_')) {
      ++j;
    }
    Phrase words;
    AppendWord(s.substr(i, j - i), !tabari, &words);
    for (size_t k = 0; k < words.size(); ++k) {
      PatternElement e;
      e.kind = ElementKind::kWord;
      e.word = words[k];
      if (k > 0) pending_adjacent = true;  // the "'S" split from its word
      emit(std::move(e));
    }
    last_was_word = true;
    i = j;
  }
  if (group != 0) {
    *error = group_prep ? "unclosed '('" : "unclosed '{'";
    return false;
  }
  if (!saw_verb) {
    *error = "no '*' (verb position)";
    return false;
  }
  return true;
}

void VerbReader::ReadPattern(const Line& line) {
  if (StartsWith(line.text, "--")) {
    // "-- + HAVE * BATTLES IN + [190]": PETRARCH would read a word "-" that no token matches.
    ctx_.Diag(line.number, "pattern line starts with '--': '" + line.text + "'");
    return;
  }
  std::string_view t = Trim(std::string_view(line.text).substr(1));
  std::string_view body, code_text;
  bool has_code;
  std::string code, alt;
  if (!SplitTrailingCode(t, &body, &code_text, &has_code) || !has_code ||
      !ParseVerbCode(code_text, &code, &alt)) {
    ctx_.Diag(line.number, "pattern without a valid [code]: '" + line.text + "'");
    return;
  }
  if (!have_block_) {
    ctx_.Diag(line.number, "pattern outside a verb block");
    return;
  }
  std::vector<std::string> variants;
  std::string error;
  if (!ExpandDisjunctions(std::string(body), &variants, &error)) {
    ctx_.Diag(line.number, "bad pattern (" + error + "): '" + line.text + "'");
    return;
  }
  std::vector<VerbPattern> parsed;
  for (const std::string& v : variants) {
    VerbPattern p;
    p.code = code;
    p.alt_code = alt;
    p.where = ctx_.Where(line.number);
    if (!ParsePattern(v, &p, &error)) {
      ctx_.Diag(line.number, "bad pattern (" + error + "): '" + line.text + "'");
      return;
    }
    parsed.push_back(std::move(p));
  }
  auto& patterns = ctx_.out->verbs[block_].patterns;
  const size_t first = patterns.size();
  for (VerbPattern& p : parsed) patterns.push_back(std::move(p));
  if (!ctx_.tabari) NoteOwner(line, first);  // in TABARI '#' is no comment ("[###]")
}

// One verb form: words split on '_' (and blanks); a word written with a leading '+' is the
// verb proper, otherwise the first word is.
bool VerbReader::ParseFormPhrase(std::string_view text, VerbBlock::Form* form) {
  form->words.clear();
  form->verb_word = 0;
  bool found_plus = false;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '_' || IsBlank(text[i])) {
      ++i;
      continue;
    }
    bool plus = false;
    if (text[i] == '+') {
      plus = true;
      ++i;
    }
    size_t j = i;
    while (j < text.size() && text[j] != '_' && !IsBlank(text[j])) ++j;
    std::string_view w = text.substr(i, j - i);
    if (w.empty() || w.find_first_of("+{}[]()&*$%^|") != std::string_view::npos) return false;
    const bool exact = ctx_.tabari ? (j < text.size() && text[j] == '_') : true;
    if (plus) {
      if (found_plus || form->words.size() > 255) return false;
      found_plus = true;
      form->verb_word = static_cast<uint8_t>(form->words.size());
    }
    AppendWord(w, exact, &form->words);
    i = j;
  }
  return !form->words.empty();
}

void VerbReader::AddFormsFromText(std::string_view text, const std::string& code,
                                  const std::string& alt, bool generate, uint32_t line) {
  std::string_view main = text, braces;
  bool has_braces = false;
  size_t open = text.find('{');
  if (open != std::string_view::npos) {
    size_t close = text.find('}', open);
    if (close == std::string_view::npos || !Trim(text.substr(close + 1)).empty()) {
      ctx_.Diag(line, "verb forms: unbalanced '{ }'");
      return;
    }
    main = Trim(text.substr(0, open));
    braces = text.substr(open + 1, close - open - 1);
    has_braces = true;
  }
  std::vector<VerbBlock::Form> forms;
  VerbBlock::Form base;
  base.code = code;
  base.alt_code = alt;
  if (!main.empty()) {
    if (!ParseFormPhrase(main, &base)) {
      ctx_.Diag(line, "malformed verb form '" + std::string(main) + "'");
      return;
    }
    forms.push_back(base);
  }
  if (has_braces) {
    // Irregular forms: every form is written out, no regular forms are generated.
    size_t i = 0;
    while (i < braces.size()) {
      while (i < braces.size() && IsBlank(braces[i])) ++i;
      size_t j = i;
      while (j < braces.size() && !IsBlank(braces[j])) ++j;
      if (j > i) {
        VerbBlock::Form f;
        f.code = code;
        f.alt_code = alt;
        std::string_view w = braces.substr(i, j - i);
        if (!ParseFormPhrase(w, &f)) {
          ctx_.Diag(line, "malformed verb form '" + std::string(w) + "'");
        } else {
          // "WIRE_+TAP {WIRE_TAPS}": without its own '+', a form of the same shape keeps the
          // base's verb position.
          if (w.find('+') == std::string_view::npos && !forms.empty() &&
              f.words.size() == forms.front().words.size()) {
            f.verb_word = forms.front().verb_word;
          }
          forms.push_back(std::move(f));
        }
      }
      i = j;
    }
  } else if (generate && !forms.empty()) {
    const VerbBlock::Form b = forms.front();  // a copy: push_back below reallocates
    for (std::string& w : RegularVerbForms(b.words[b.verb_word].text)) {
      VerbBlock::Form f = b;
      f.words[f.verb_word].text = std::move(w);
      forms.push_back(std::move(f));
    }
  }
  if (forms.empty()) {
    ctx_.Diag(line, "verb line without a form");
    return;
  }
  auto& out = ctx_.out->verbs[block_].forms;
  form_groups_[block_].push_back(static_cast<uint32_t>(out.size()));
  for (VerbBlock::Form& f : forms) {
    // TABARI: an irregular form may repeat a generated ending ("ACT_" then "{ ACTING_ }").
    bool repeated = false;
    if (ctx_.tabari) {
      for (const VerbBlock::Form& g : out) repeated |= g.words == f.words;
    }
    if (!repeated) out.push_back(std::move(f));
  }
}

void VerbReader::ReadPetrarchForms(const Line& line) {
  // The code usually ends the line but may precede the forms ("SNUB [111] {SNUBS ..}"), which
  // PETRARCH-1 accepts.
  std::string rest = line.text;
  std::string code, alt;
  bool has_code = false;
  size_t open = rest.find('[');
  if (open != std::string::npos) {
    size_t close = rest.find(']', open);
    if (close == std::string::npos || rest.find('[', open + 1) != std::string::npos ||
        !ParseVerbCode(std::string_view(rest).substr(open + 1, close - open - 1), &code, &alt)) {
      ctx_.Diag(line.number, "malformed verb line '" + line.text + "'");
      return;
    }
    rest = std::string(Trim(std::string_view(rest).substr(0, open))) + " " +
           std::string(Trim(std::string_view(rest).substr(close + 1)));
    has_code = true;
  }
  std::string_view text = Trim(rest);
  if (context_ != Context::kBlock) {
    // A verb line with no "--- NAME ---" header before it (the layout of PETRARCH's own
    // documentation examples): it opens a block of its own.
    std::string name = UpperAscii(Trim(text.substr(0, text.find('{'))));
    StartBlock(name, has_code ? code : "---", has_code ? alt : "", line.number);
    code.clear();
    alt.clear();
  }
  AddFormsFromText(text, code, alt, /*generate=*/true, line.number);
}

void VerbReader::ReadTabariRoot(const Line& line) {
  std::string_view text, code_text;
  bool has_code;
  std::string code = "---", alt;
  if (!SplitTrailingCode(line.text, &text, &code_text, &has_code) ||
      (has_code && !ParseVerbCode(code_text, &code, &alt))) {
    ctx_.Diag(line.number, "malformed verb root line '" + line.text + "'");
    context_ = Context::kNone;
    have_block_ = false;  // its patterns would otherwise land on the previous verb
    return;
  }
  std::string_view name = Trim(text.substr(0, text.find('{')));
  StartBlock(UpperAscii(name), code, alt, line.number);
  // TABARI roots are stems ("ABUS" covers ABUSE, ABUSED); nothing to generate. A root written
  // "DEPART_" is a whole word that still takes the regular verb endings, one written "BAN="
  // takes none.
  std::string forms_text(text);
  std::vector<bool> no_endings;
  for (size_t i = 0; i < forms_text.size(); ++i) {
    if (forms_text[i] != '=') continue;
    bool word_end = i + 1 == forms_text.size() || IsBlank(forms_text[i + 1]) ||
                    forms_text[i + 1] == '}' || forms_text[i + 1] == '{';
    if (word_end) forms_text[i] = '_';
  }
  std::vector<VerbBlock::Form>& forms = ctx_.out->verbs[block_].forms;
  const size_t first_new = forms.size();
  AddFormsFromText(forms_text, "", "", /*generate=*/false, line.number);
  AddTabariVerbEndings(text, first_new, &forms);
}

void VerbReader::AddTabariVerbEndings(std::string_view written, size_t first,
                                      std::vector<VerbBlock::Form>* forms) {
  // Which written words ended in '=' (no endings): "BAN=" -> BAN.
  std::unordered_set<std::string> bare;
  size_t i = 0;
  while (i < written.size()) {
    size_t j = i;
    while (j < written.size() && !IsBlank(written[j]) && written[j] != '{' && written[j] != '}') {
      ++j;
    }
    if (j > i && written[j - 1] == '=') {
      bare.insert(UpperAscii(written.substr(i, j - i - 1)));
    }
    i = j + 1;
  }
  // Only the root takes endings: forms in braces are irregular forms, written out in full.
  const size_t end = std::min(forms->size(), first + 1);
  for (size_t f = first; f < end; ++f) {
    if ((*forms)[f].words.size() != 1) continue;
    const PhraseWord& w = (*forms)[f].words[0];
    if (!w.exact || bare.count(w.text) > 0 || w.text.empty()) continue;
    std::vector<std::string> endings;
    if (w.text.back() == 'E') {
      const std::string root = w.text.substr(0, w.text.size() - 1);
      endings = {w.text + "S", w.text + "D", w.text + "N", root + "ING"};
    } else {
      endings = {w.text + "S", w.text + "ED", w.text + "ES", w.text + "EN", w.text + "ING"};
    }
    for (std::string& e : endings) {
      bool present = false;
      for (const VerbBlock::Form& h : *forms) {
        present |= h.words.size() == 1 && h.words[0].text == e;
      }
      if (present) continue;  // "ACT_ { ACTING_ }"
      VerbBlock::Form g = (*forms)[f];
      g.words[0].text = std::move(e);
      forms->push_back(std::move(g));
    }
  }
}

void VerbReader::Run() {
  CommentStyle style;
  style.hash_anywhere = !ctx_.tabari;  // TABARI codes may contain '#' ("[###]")
  std::vector<Line> lines = SplitContentLines(content_, style);
  CollectSynsetNames(lines);
  std::string skip_until;  // closing tag of a skipped TABARI section
  uint32_t skip_from = 0;
  for (const Line& line : lines) {
    const std::string& t = line.text;
    if (!skip_until.empty()) {
      if (UpperAscii(t) == skip_until) skip_until.clear();
      continue;
    }
    if (t[0] == '<' && t.back() == '>' && t.find(' ') == std::string::npos) {
      std::string tag = UpperAscii(t);
      if (tag == "<SYNSETS>" || tag == "</SYNSETS>") continue;
      if (tag.size() > 2 && tag[1] != '/') {
        skip_until = "</" + tag.substr(1);
        skip_from = line.number;
        continue;
      }
      ctx_.Diag(line.number, "unexpected closing tag " + t);
      continue;
    }
    if (StartsWith(t, "~~")) {
      if (ctx_.tabari && StartsWith(UpperAscii(t), "~~FINISH")) break;
      ctx_.Diag(line.number, "unknown '~~' line '" + t + "'");
      continue;
    }
    if (StartsWith(t, "---")) {
      ReadBlockHeader(line);
    } else if (t[0] == '-') {
      ReadPattern(line);
    } else if (t[0] == '&') {
      ReadSynsetHeader(line);
    } else if (t[0] == '+') {
      if (context_ == Context::kSynset) {
        ReadSynsetMember(line);
      } else if (context_ == Context::kBlock && !ctx_.tabari) {
        ReadPetrarchForms(line);
      } else {
        ctx_.Diag(line.number, "'+' line outside a synset or verb block");
      }
    } else if (t[0] == '~') {
      if (ctx_.tabari) {
        ctx_.Diag(line.number, "transformation line in a TABARI file");
      } else {
        ctx_.out->transformations.push_back(Transformation{t, ctx_.Where(line.number)});
      }
    } else if (t[0] == '{') {
      if (context_ != Context::kBlock) {
        ctx_.Diag(line.number, "verb forms outside a verb block");
      } else {
        AddFormsFromText(t, "", "", /*generate=*/false, line.number);
      }
    } else if (ctx_.tabari) {
      ReadTabariRoot(line);
    } else {
      ReadPetrarchForms(line);
    }
  }
  if (!skip_until.empty()) {
    ctx_.Diag(skip_from, "section not closed by " + skip_until);
  }
  ResolveOwners();
}

}  // namespace

void ReadVerbFile(std::string_view content, const ReadContext& ctx) {
  VerbReader reader(content, ctx);
  reader.Run();
}

bool ParsePatternText(std::string_view body, const ReadContext& ctx, VerbPattern* out,
                      std::string* error) {
  VerbReader reader(std::string_view(), ctx);
  return reader.ParseStandalonePattern(body, out, error);
}

bool ParseVerbCodeText(std::string_view inside, std::string* code, std::string* alt) {
  return ParseVerbCode(inside, code, alt);
}

}  // namespace annal::lexicon::internal
