// Verb correction files: fixes to verb blocks and patterns read from earlier verb files, so that
// the verb dictionaries annal ships unchanged (PETRARCH's) are mended in one small reviewed file
// instead of by editing the copies. See doc/formats/verb_corrections.md.
//
//   VERB SUE [173] -> [115]                  the default code of every block listing SUE
//   PATTERN SUE - * + FOR [173] -> [115]     that pattern's code, in every block listing SUE
//   PATTERN EXPEL - * + [174] -> DROP        that pattern removed
//   PATTERN RECEIVE - $ * + [046] -> LAST    that pattern tried after all others of the verb
//
// Why a file of its own and not edits to annal.verbs.txt: a verb form listed in two files keeps
// the earlier block's patterns, tried first, so a catch-all pattern of PETRARCH's ("- * + [174]",
// the block's own code with any target) wins over every more specific pattern annal adds later.
// Dropping it, or moving it behind them (LAST), lets annal's patterns be tried. Like the actor
// corrections, a line names the code it replaces, so it cannot change a pattern nobody checked:
// when the dictionaries change, the line matches nothing and says so in a diagnostic.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/dictionary_text.h"
#include "lexicon/format_readers.h"

namespace annal::lexicon::internal {

namespace {

constexpr std::string_view kUsage =
    "verb correction needs 'VERB form [old] -> [new]', 'PATTERN form - pattern [old] -> [new]' "
    "or 'PATTERN form - pattern [old] -> DROP|LAST': '";

// The words of a verb form as a correction names it ("SUE", "CALL_OFF", "+CALL_OFF"): the '+'
// that marks the verb word in a verb file is allowed and ignored.
std::vector<std::string> FormWords(std::string_view text) {
  std::string cleaned;
  for (char c : text) {
    if (c != '+') cleaned.push_back(c);
  }
  std::vector<std::string> words;
  for (const PhraseWord& w : ParsePhrase(cleaned, WordMatch::kAllExact)) words.push_back(w.text);
  return words;
}

// Whether `form` is spelt `words` (stem and exact words alike: a TABARI block's root "ABUS"
// is named ABUS).
bool FormIs(const VerbBlock::Form& form, const std::vector<std::string>& words) {
  if (form.words.size() != words.size()) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (form.words[i].text != words[i]) return false;
  }
  return true;
}

// The forms of `block` spelt `words`; empty when the block does not list that verb.
std::vector<uint32_t> NamedForms(const VerbBlock& block, const std::vector<std::string>& words) {
  std::vector<uint32_t> forms;
  for (size_t f = 0; f < block.forms.size(); ++f) {
    if (FormIs(block.forms[f], words)) forms.push_back(static_cast<uint32_t>(f));
  }
  return forms;
}

bool SameElement(const PatternElement& a, const PatternElement& b) {
  // A word compares by its text: the correction is written in PETRARCH syntax, where every word
  // is whole, but may name a pattern of a TABARI file, where words are stems.
  return a.kind == b.kind && a.word.text == b.word.text && a.synset == b.synset &&
         a.adjacent == b.adjacent && a.group == b.group && a.group_is_prep == b.group_is_prep;
}

bool SameElements(const std::vector<PatternElement>& a, const std::vector<PatternElement>& b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), SameElement);
}

// Whether pattern `p` of a block serves one of `forms` (PETRARCH's "# VERB" comment restricts a
// pattern to the verbs it names; no restriction serves every verb of the block).
bool Serves(const VerbPattern& p, const std::vector<uint32_t>& forms) {
  if (p.owner_forms.empty()) return true;
  for (uint32_t f : forms) {
    if (std::binary_search(p.owner_forms.begin(), p.owner_forms.end(), f)) return true;
  }
  return false;
}

// "[173]" or "[042:043]" -> code and alt; false when malformed.
bool CodeBlock(std::string_view s, std::string* code, std::string* alt) {
  s = Trim(s);
  if (s.size() < 3 || s.front() != '[' || s.back() != ']') return false;
  return ParseVerbCodeText(s.substr(1, s.size() - 2), code, alt);
}

// The new code of a correction line: "[115]" or "[042:043]", or DROP or LAST (flag set).
bool NewCode(std::string_view s, std::string* code, std::string* alt, bool* drop, bool* last) {
  s = Trim(s);
  *drop = UpperAscii(s) == "DROP";
  *last = UpperAscii(s) == "LAST";
  return *drop || *last || CodeBlock(s, code, alt);
}

// "VERB form [old] -> [new]": the default code of every block that lists the verb. A form with
// a code of its own ("ABORT [160]" in a block) has that code changed instead, on every form of
// the block that carries it. Returns the number of codes changed.
int CorrectVerbDefault(const std::vector<std::string>& words, const std::string& old_code,
                       const std::string& old_alt, const std::string& new_code,
                       const std::string& new_alt, const ReadContext& ctx) {
  int changed = 0;
  for (VerbBlock& block : ctx.out->verbs) {
    const std::vector<uint32_t> named = NamedForms(block, words);
    if (named.empty()) continue;
    const VerbBlock::Form& form = block.forms[named.front()];
    if (!form.code.empty()) {
      if (form.code != old_code || form.alt_code != old_alt) continue;
      for (VerbBlock::Form& f : block.forms) {
        if (f.code != old_code || f.alt_code != old_alt) continue;
        f.code = new_code;
        f.alt_code = new_alt;
        ++changed;
      }
      continue;
    }
    if (block.code != old_code || block.alt_code != old_alt) continue;
    block.code = new_code;
    block.alt_code = new_alt;
    ++changed;
  }
  return changed;
}

// The forms of `to` spelt like the forms of `from` that pattern `p` serves; empty when they are
// all of `to`'s forms (no restriction), or when none is (the caller checks that `to` lists the
// verb).
std::vector<uint32_t> ServedFormsIn(const VerbBlock& from, const VerbPattern& p,
                                    const VerbBlock& to) {
  std::vector<uint32_t> forms;
  for (size_t t = 0; t < to.forms.size(); ++t) {
    for (size_t f = 0; f < from.forms.size(); ++f) {
      const bool served = p.owner_forms.empty() ||
                          std::binary_search(p.owner_forms.begin(), p.owner_forms.end(), f);
      if (served && from.forms[f].words == to.forms[t].words) {
        forms.push_back(static_cast<uint32_t>(t));
        break;
      }
    }
  }
  if (forms.size() == to.forms.size()) forms.clear();
  return forms;
}

// "PATTERN form - pattern [old] -> [new] | DROP | LAST": every pattern equal to `wanted`
// (elements and code) in a block that lists the verb, and that serves the verb. LAST moves it
// behind every pattern of the verb's blocks: to the end of the last block (in reading order) that
// lists the verb, serving there the verbs of that block it served before. Returns the number
// changed.
int CorrectPattern(const std::vector<std::string>& words, const VerbPattern& wanted,
                   const std::string& new_code, const std::string& new_alt, bool drop, bool last,
                   const SourceLocation& where, const ReadContext& ctx) {
  int changed = 0;
  size_t last_block = ctx.out->verbs.size();
  for (size_t b = 0; b < ctx.out->verbs.size(); ++b) {
    if (!NamedForms(ctx.out->verbs[b], words).empty()) last_block = b;
  }
  std::vector<VerbPattern> moved;
  for (VerbBlock& block : ctx.out->verbs) {
    const std::vector<uint32_t> named = NamedForms(block, words);
    if (named.empty()) continue;
    auto matches = [&](const VerbPattern& p) {
      return p.code == wanted.code && p.alt_code == wanted.alt_code &&
             p.verb_adjacent == wanted.verb_adjacent && SameElements(p.before, wanted.before) &&
             SameElements(p.after, wanted.after) && Serves(p, named);
    };
    if (last) {
      VerbBlock& dest = ctx.out->verbs[last_block];
      for (size_t i = 0; i < block.patterns.size();) {
        if (!matches(block.patterns[i])) {
          ++i;
          continue;
        }
        VerbPattern p = std::move(block.patterns[i]);
        block.patterns.erase(block.patterns.begin() + static_cast<std::ptrdiff_t>(i));
        p.owner_forms = ServedFormsIn(block, p, dest);
        p.where = where;
        moved.push_back(std::move(p));
        ++changed;
      }
      continue;
    }
    if (drop) {
      const size_t before = block.patterns.size();
      block.patterns.erase(std::remove_if(block.patterns.begin(), block.patterns.end(), matches),
                           block.patterns.end());
      changed += static_cast<int>(before - block.patterns.size());
      continue;
    }
    for (VerbPattern& p : block.patterns) {
      if (!matches(p)) continue;
      p.code = new_code;
      p.alt_code = new_alt;
      // The event's rule now names the line that chose its code.
      p.where = where;
      ++changed;
    }
  }
  if (!moved.empty()) {
    std::vector<VerbPattern>& dest = ctx.out->verbs[last_block].patterns;
    for (VerbPattern& p : moved) dest.push_back(std::move(p));
  }
  return changed;
}

}  // namespace

void ApplyVerbCorrectionFile(std::string_view content, const ReadContext& ctx) {
  CommentStyle style;
  style.hash_anywhere = true;
  for (const Line& line : SplitContentLines(content, style)) {
    const std::string& t = line.text;
    const size_t space = t.find_first_of(" \t");
    const size_t arrow = t.rfind("->");
    if (space == std::string::npos || arrow == std::string::npos || arrow < space) {
      ctx.Diag(line.number, std::string(kUsage) + t + "'");
      continue;
    }
    const std::string kind = UpperAscii(std::string_view(t).substr(0, space));
    std::string_view rest = Trim(std::string_view(t).substr(space, arrow - space));
    // The verb form: the next word.
    const size_t form_end = rest.find_first_of(" \t[");
    const std::vector<std::string> words =
        FormWords(rest.substr(0, form_end == std::string_view::npos ? rest.size() : form_end));
    rest = form_end == std::string_view::npos ? std::string_view() : Trim(rest.substr(form_end));
    // The old code: the last "[...]" before the arrow.
    const size_t open = rest.rfind('[');
    std::string old_code, old_alt, new_code, new_alt;
    bool drop = false, last = false;
    if ((kind != "VERB" && kind != "PATTERN") || words.empty() || open == std::string_view::npos ||
        !CodeBlock(rest.substr(open), &old_code, &old_alt) ||
        !NewCode(std::string_view(t).substr(arrow + 2), &new_code, &new_alt, &drop, &last)) {
      ctx.Diag(line.number, std::string(kUsage) + t + "'");
      continue;
    }
    const std::string_view body = Trim(rest.substr(0, open));
    std::string verb;
    for (const std::string& w : words) verb += (verb.empty() ? "" : "_") + w;
    int changed = 0;
    if (kind == "VERB") {
      if (!body.empty() || drop || last) {
        ctx.Diag(line.number,
                 "a VERB correction names a form and codes only (a block cannot be "
                 "dropped or moved): '" +
                     t + "'");
        continue;
      }
      changed = CorrectVerbDefault(words, old_code, old_alt, new_code, new_alt, ctx);
    } else {
      if (body.empty() || body.front() != '-' || StartsWith(body, "--")) {
        ctx.Diag(line.number,
                 "a PATTERN correction writes the pattern as a verb file does, "
                 "after one '-': '" +
                     t + "'");
        continue;
      }
      VerbPattern wanted;
      wanted.code = old_code;
      wanted.alt_code = old_alt;
      std::string error;
      if (!ParsePatternText(Trim(body.substr(1)), ctx, &wanted, &error)) {
        ctx.Diag(line.number, "bad pattern (" + error + "): '" + t + "'");
        continue;
      }
      changed =
          CorrectPattern(words, wanted, new_code, new_alt, drop, last, ctx.Where(line.number), ctx);
    }
    if (changed == 0) {
      ctx.Diag(line.number, "correction matched no " +
                                std::string(kind == "VERB" ? "verb block" : "pattern") +
                                " of the verb " + verb + " with code [" + old_code +
                                (old_alt.empty() ? "" : ":" + old_alt) + "]");
    }
  }
}

}  // namespace annal::lexicon::internal
