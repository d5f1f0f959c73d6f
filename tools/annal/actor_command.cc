// annal actor "NAME" [--date D]: which actor entries a name matches, where they come from
// (file:line), their codes at a date, and why the name matched (exact, alias, transliteration,
// variant key, fuzzy with its edit distance).
#include <fmt/core.h>

#include <string>
#include <vector>

#include "annal/annal.h"
#include "code/default_dictionaries.h"
#include "code/sentence_coder.h"
#include "command.h"
#include "context/actor_kb.h"
#include "context/date_resolver.h"
#include "context/name_variants.h"
#include "lexicon/compiled_dictionary.h"
#include "lexicon/dictionary_reader.h"
#include "lexicon/lexicon.h"
#include "text/analyzer.h"
#include "util/file.h"

namespace annal::cli {
namespace {

struct ActorArgs {
  std::string name;
  std::string date;
  std::string compiled;
  std::string data_dir;
  std::vector<std::string> actor_files;
};

std::string DayText(int32_t day) {
  if (day == lexicon::kDayMin) return "-inf";
  if (day == lexicon::kDayMax) return "+inf";
  return context::FormatIsoDay(day);
}

Status LoadSet(const ActorArgs& a, lexicon::DictionarySet* set) {
  if (!a.compiled.empty()) return lexicon::LoadDictionary(a.compiled, set);
  if (!a.actor_files.empty()) {
    DictionaryFiles files;
    files.actors = a.actor_files;
    return lexicon::ReadDictionaryFiles(files, set);
  }
  std::string compiled = code::DefaultCompiledDictionaryPath();
  if (!compiled.empty() && lexicon::LoadDictionary(compiled, set).ok()) return Status::OK();
  set->actors.clear();
  return lexicon::ReadDictionaryFiles(code::DefaultDictionaryFiles(ResolveDataDir(a.data_dir)),
                                      set);
}

// Line `line` (1-based) of a text file, or "" when it cannot be read.
std::string FileLine(const std::string& path, uint32_t line) {
  std::string content;
  if (!ReadFileToString(path, &content).ok()) return "";
  size_t pos = 0;
  for (uint32_t n = 1; n < line; ++n) {
    pos = content.find('\n', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  size_t end = content.find('\n', pos);
  std::string s = content.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
  for (char& c : s) {
    if (c == '\t') c = ' ';
  }
  return s;
}

// Why token `t` carries dictionary word `w`.
std::string WordReason(const lexicon::Lexicon& lex, const text::Token& token,
                       const lexicon::PhraseWord& w) {
  if (token.norm == w.text) return fmt::format("{} exact", w.text);
  if (!w.exact && token.norm.compare(0, w.text.size(), w.text) == 0) {
    return fmt::format("{} stem of {}", w.text, token.norm);
  }
  const context::NameVariantIndex* v = lex.name_variants();
  if (v == nullptr) return w.text;
  context::VariantResolution r = v->Resolve(token.norm);
  std::string translit = r.transliterated ? fmt::format(" (ICU transliteration {})", r.form) : "";
  switch (r.how) {
    case context::VariantMatch::kTransliteration:
      return fmt::format("{} transliteration of {}", w.text, token.norm);
    case context::VariantMatch::kVariantKey:
      return fmt::format("{} variant key {} of {}{}", w.text, r.key, token.norm, translit);
    case context::VariantMatch::kFuzzy:
      return fmt::format("{} fuzzy: {} at edit distance {}{}", w.text, token.norm, r.distance,
                         translit);
    case context::VariantMatch::kNone:
      break;
  }
  return w.text;
}

int RunActor(const ActorArgs& a) {
  int32_t day = lexicon::kDayMin;
  if (!a.date.empty() && !lexicon::ParseIsoDate(a.date, &day)) {
    fmt::print(stderr, "annal actor: --date must be YYYY-MM-DD\n");
    return kExitFailure;
  }
  lexicon::DictionarySet set;
  Status s = LoadSet(a, &set);
  if (!s.ok()) {
    fmt::print(stderr, "annal actor: {}\n", s.ToString());
    return kExitFailure;
  }
  auto built = lexicon::Lexicon::Build(std::move(set));
  if (!built.ok()) {
    fmt::print(stderr, "annal actor: {}\n", built.status().ToString());
    return kExitFailure;
  }
  const lexicon::Lexicon& lex = **built;
  const lexicon::DictionarySet& dict = lex.dict();
  text::AnalyzedText analyzed;
  std::string query = a.name;
  text::AnalyzeText(query, &analyzed);
  if (analyzed.dateline.has_value()) {
    // "TTP - MR" would lose "TTP -" as a dateline; as in context::NamePhrase, a leading
    // lower-case word (then dropped) keeps every word of the name.
    query = "x " + a.name;
    analyzed = text::AnalyzedText();
    text::AnalyzeText(query, &analyzed);
    if (!analyzed.tokens.empty()) analyzed.tokens.erase(analyzed.tokens.begin());
  }
  lexicon::SentenceWords words;
  lex.LookupWords(analyzed.tokens.data(), analyzed.tokens.size(), &words);
  std::vector<lexicon::Match> matches;
  lex.FindMatches(words, &matches);

  int shown = 0;
  for (const auto& m : matches) {
    if (m.payload.kind != lexicon::EntryKind::kActor) continue;
    const lexicon::ActorEntry& actor = dict.actors[m.payload.index];
    // Which of the entry's names matched, and why each word did.
    size_t which = actor.names.size();
    std::vector<std::string> reasons;
    for (size_t k = 0; k < actor.names.size() && which == actor.names.size(); ++k) {
      const lexicon::Phrase& p = actor.names[k];
      if (p.size() != m.end - m.begin) continue;
      bool fits = true;
      for (size_t i = 0; i < p.size() && fits; ++i) {
        uint32_t id = lex.WordId(p[i].text, p[i].exact);
        fits = id != lexicon::Lexicon::kNoWord && words.Has(m.begin + static_cast<uint32_t>(i), id);
      }
      if (!fits) continue;
      which = k;
      for (size_t i = 0; i < p.size(); ++i) {
        reasons.push_back(WordReason(lex, analyzed.tokens[m.begin + i], p[i]));
      }
    }
    const uint32_t first_byte = analyzed.tokens[m.begin].begin;
    const std::string span = query.substr(first_byte, analyzed.tokens[m.end - 1].end - first_byte);
    const std::string file =
        actor.where.file < dict.files.size() ? dict.files[actor.where.file] : "?";
    fmt::print("actor \"{}\": entity {}\n", span, code::EntityName(actor.names[0]));
    fmt::print("  source: {}:{}\n", file, actor.where.line);
    if (context::IsActorKbFile(file)) {
      std::string row = FileLine(file, actor.where.line);
      if (!row.empty()) fmt::print("  row: {}\n", row);
    }
    if (which < actor.names.size()) {
      std::string name_text;
      for (const auto& w : actor.names[which]) name_text += (name_text.empty() ? "" : " ") + w.text;
      fmt::print("  matched: {} \"{}\"\n", which == 0 ? "name" : fmt::format("alias {}", which),
                 name_text);
      std::string why;
      for (const auto& r : reasons) why += (why.empty() ? "" : "; ") + r;
      fmt::print("  why: {}\n", why);
    }
    fmt::print("  code at {}: {}\n", a.date.empty() ? "no date" : a.date,
               CodeOrNone(code::SentenceCoder::ResolveActorCode(actor, day)));
    for (const auto& c : actor.codes) {
      bool valid = day == lexicon::kDayMin || (c.from_day <= day && day <= c.to_day);
      fmt::print("  [{} {}..{}]{}\n", c.code, DayText(c.from_day), DayText(c.to_day),
                 valid ? "" : "  (not valid at this date)");
    }
    ++shown;
  }
  if (shown == 0) fmt::print("no actor entry matches \"{}\"\n", a.name);
  return kExitOk;
}

void AddActorCommand(CLI::App& app, CommandContext* ctx) {
  auto args = std::make_shared<ActorArgs>();
  CLI::App* cmd = app.add_subcommand(
      "actor", "Show the actor entries a name matches, their codes at a date, and why it matched");
  cmd->add_option("name", args->name, "Name to look up, e.g. \"Hamid Karzai\"")->required();
  cmd->add_option("--date", args->date, "Resolve date-restricted codes at YYYY-MM-DD");
  cmd->add_option("--dict", args->compiled, "Compiled dictionary to use");
  cmd->add_option("--actors", args->actor_files,
                  "Actor dictionary or knowledge-base (.tsv) file(s) instead of the defaults");
  cmd->add_option("--data-dir", args->data_dir, "Directory of annal's shipped data");
  cmd->callback([args, ctx]() { ctx->exit_code = RunActor(*args); });
}

}  // namespace

ANNAL_REGISTER_COMMAND(actor, AddActorCommand);

}  // namespace annal::cli
