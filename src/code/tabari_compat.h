// TABARI-compatible coding conventions (CoderOptions::tabari_compat).
//
// TABARI (Schrodt's dictionary coder, the predecessor of PETRARCH) reads a sentence as a flat
// sequence of actors, verbs and other words, with no notion of grammatical subject:
//   - the sentence is cut into clauses at conjunctions ("and", "but", "or") that join
//     clauses rather than nouns ("X condemned Y and promised Z" is two clauses, "X and Y
//     condemned Z" one);
//   - each clause codes once: the first verb whose pattern or default gives a code;
//   - the source is the first actor of the clause before the verb (not the nearest one: in
//     "Arnor suggested Gondor should apply ..." Arnor is the source); a clause that starts
//     with its verb ("... or assail Arnor") inherits the previous clause's source;
//   - the target is the first actor after the verb that is not the source.
// annal's own coder finds grammatical roles instead, which is better on news; these rules
// reproduce TABARI's output for users of TABARI dictionaries. The functions here work on the
// shallow analysis' token -> mention and token -> verb maps (kNoIndex where none).
#ifndef ANNAL_CODE_TABARI_COMPAT_H_
#define ANNAL_CODE_TABARI_COMPAT_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "text/token.h"

namespace annal::code {

inline constexpr uint32_t kNoIndex = UINT32_MAX;

// The TABARI .options settings the compatibility mode follows.
struct TabariSettings {
  // "SET: CODE BY CLAUSE" (default): one coded verb per clause; "SET: CODE BY SENTENCE": one
  // per sentence; "SET: CODE ALL": every verb codes.
  enum class CodeBy { kClause, kSentence, kAll };
  CodeBy code_by = CodeBy::kClause;
  // "DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER": codes used when no actor fills a
  // role. PRIOR: the default source replaces a missing actor before the verb (without it the
  // first actor anywhere is the source); AFTER: the default target replaces a missing actor
  // after the verb (without it any other actor of the sentence is the target).
  std::string default_source, default_target;
  bool default_prior = false;
  bool default_after = false;
  // "SET: MINIMUM WORDS = n": sentences with fewer words are not coded (TABARI's default 8).
  int minimum_words = 8;
  // "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR": a sentence with at least that many verbs, or
  // conjunctions outside compound actors, or (NOACTPRIOR) no actor before its first coded
  // verb is "complex" and not coded. 0: no limit.
  int complex_verbs = 0;
  int complex_conjunctions = 0;
  bool complex_no_actor_prior = false;
  // "COMMA: MIN = 2 MAX = 10 EMIN = 2 EMAX = 10 BMIN = 255 BMAX = 0" (TABARI's defaults):
  // comma-delimited clauses of [MIN, MAX] words inside the sentence, of [EMIN, EMAX] words at
  // its end and of [BMIN, BMAX] words at its start are subordinate and deleted before coding.
  // "COMMA: OFF" keeps them all.
  bool comma_delete = true;
  int comma_min = 2, comma_max = 10, comma_end_min = 2, comma_end_max = 10;
  int comma_begin_min = 255, comma_begin_max = 0;
  // "SET: CONVERT AGENT = TRUE": an agent with no actor ("guerrillas", "security forces") is
  // coded as an actor of its own, "~" followed by its agent codes ("~REB"); by default TABARI
  // codes nothing from an agent alone.
  bool convert_agent = false;
  // "FORWARD: ^^*****NNN*SSS" (OFF: disabled): a subject pronoun with no actor of its own
  // sentence to stand for ("He has also asked Gondor") takes the first actor (its root actor
  // code, without agents) of the previous sentence of the story. The mask marks with 'S' the
  // characters of a record id that number the sentence inside a story: records whose ids
  // agree elsewhere are one story (TabariSameStory).
  bool forward = false;
  std::string forward_mask;
  // The <TIME> section of the .verbs file: phrases that shift an event's date ("YESTERDAY
  // [-1]"), or that code "###" (discard the sentence: "KAN_WA_MA_KAN [###]") or "+++" (the
  // sentence is complex: "WHEN_PEACE_COMES [+++]"). Only the last two change what codes; they
  // apply while time shifting is on: "SET: TIME SHIFT = TRUE/FALSE", by default on when the
  // dictionaries hold <TIME> records.
  struct TimePhrase {
    std::vector<std::string> words;  // upper case, adjacent in the text
    std::string code;
  };
  std::vector<TimePhrase> time_phrases;
  bool time_shift_set = false;
  bool time_shift = false;
};

// The <TIME>...</TIME> records of a TABARI .verbs file's text: "WORD_WORD [code]" lines
// (patterns, "- * ...", are left out). Comments after ';' are ignored.
std::vector<TabariSettings::TimePhrase> ReadTabariTimePhrases(std::string_view verbs_text);

// The code ("###" or "+++") of the first time phrase of `settings` that occurs in the
// sentence when time shifting is on, else "".
std::string TabariTimeSignal(const text::Token* tokens, uint32_t n, const TabariSettings& settings);

// True when the record ids `a` and `b` belong to one story under the FORWARD mask `mask`:
// they have the same length and agree at every position the mask does not mark 'S'.
bool TabariSameStory(std::string_view mask, std::string_view a, std::string_view b);

// Token ranges [first, second) of the comma-delimited clauses `settings` deletes (the clause's
// words, not its commas), ascending. Interior clauses are judged first; a deleted one takes its
// commas along, so the clause after (before) it is then no end (beginning) clause.
std::vector<std::pair<uint32_t, uint32_t>> TabariDeletedCommaClauses(
    const text::Token* tokens, uint32_t n, const TabariSettings& settings);

// Applies one .options line given as keyword and value ("SET", "CODE ALL"; "DEFAULT",
// "OFF"). Lines it does not know are ignored: TABARI has many output-only settings.
void ApplyTabariSetting(std::string_view keyword, std::string_view value, TabariSettings* s);
// Applies a whole line "KEYWORD: value" (as written in an .options file).
void ApplyTabariSettingLine(std::string_view line, TabariSettings* s);

// The sentence-relative token maps a TABARI clause split needs.
struct TabariSentenceView {
  const text::Token* tokens = nullptr;
  uint32_t n = 0;
  const std::vector<uint32_t>* mention_of = nullptr;  // token -> actor mention or kNoIndex
  const std::vector<uint32_t>* verb_of = nullptr;     // token -> verb or kNoIndex
  const std::vector<int>* mention_group = nullptr;    // mention -> coordination group
  // FORWARD: a subject pronoun stands for an actor (the previous sentence's), so it counts
  // as an actor for the NOACTPRIOR test.
  bool pronouns_are_actors = false;
};

// Start tokens of the clauses of the sentence, ascending; always holds 0 (for n > 0). A
// clause starts at a coordinating conjunction (AND, OR, BUT) that is followed, after
// determiners and adverbs, by a verb, or by an actor whose phrase is directly followed by a
// verb. A conjunction between actors or nouns ("Ithilen and Dagolath towns", "sheep and evil
// goats", "Elrond and Gondor urged") does not split.
std::vector<uint32_t> TabariClauseStarts(const TabariSentenceView& s);

// The first actor mention with a token in [begin, end), or kNoIndex.
uint32_t TabariFirstMention(const TabariSentenceView& s, uint32_t begin, uint32_t end);

// TABARI's COMPLEX test: true when the sentence has at least `complex_verbs` verbs (those
// that are not null-coded, as `coded(verb index)` says), at least `complex_conjunctions`
// conjunctions outside compound actors, or (NOACTPRIOR) no actor before its first coded verb.
bool TabariIsComplex(const TabariSentenceView& s, const TabariSettings& settings,
                     const std::function<bool(uint32_t)>& coded);

// TABARI's noun test for a dictionary verb at `tokens[word]`: it follows an article (THE, A,
// AN: "the restore", "an accord") or is capitalised inside the sentence ("about To Restore").
// Possessives do not count ("raised its voice" is a verb for TABARI).
bool TabariLooksLikeNoun(const text::Token* tokens, uint32_t word);

// True when `w` (a Token::norm) is a conjunction that can join clauses for TABARI.
bool IsTabariConjunction(std::string_view w);

}  // namespace annal::code

#endif  // ANNAL_CODE_TABARI_COMPAT_H_
