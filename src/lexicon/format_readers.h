// Internal: one reader per dictionary kind, each handling both the PETRARCH and the TABARI
// dialect of its format. dictionary_reader.cc picks the kind and dialect and calls these.
#ifndef ANNAL_LEXICON_FORMAT_READERS_H_
#define ANNAL_LEXICON_FORMAT_READERS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "lexicon/dictionary.h"

namespace annal::lexicon::internal {

// What every reader needs: where to put entries, which file this is, and its dialect.
struct ReadContext {
  DictionarySet* out = nullptr;
  uint32_t file = 0;      // index into out->files
  std::string filename;   // as given to ReadDictionary, for diagnostics
  bool tabari = false;    // TABARI dialect (stems, ';' comments) instead of PETRARCH

  void Diag(uint32_t line, std::string message) const {
    out->diagnostics.push_back(Diagnostic{filename, line, std::move(message)});
  }
  SourceLocation Where(uint32_t line) const { return SourceLocation{file, line}; }
};

// Parses the inside of one PETRARCH actor code block: "AFGGOV", "AFGGOV >011222",
// "HOB < 950601", "HOBGOV 950601 - 990815" (dates YYMMDD or YYYYMMDD). Returns false with
// `error` set when malformed.
bool ParseDatedCode(std::string_view inside, DatedCode* out, std::string* error);

void ReadVerbFile(std::string_view content, const ReadContext& ctx);
void ReadActorFile(std::string_view content, const ReadContext& ctx);
void ReadAgentFile(std::string_view content, const ReadContext& ctx);
void ReadDiscardFile(std::string_view content, const ReadContext& ctx);
void ReadIssueFile(std::string_view content, const ReadContext& ctx);
void ReadOptionsFile(std::string_view content, const ReadContext& ctx);

// Correction files (correction_reader.cc, doc/formats/corrections.md): "*.corrections.txt",
// read in the actor or agent group after the files they correct. ApplyCorrectionFile changes
// codes of the actors and agents already in ctx.out and adds no entry; a line that matches no
// entry becomes a diagnostic.
bool IsCorrectionFile(std::string_view filename);
void ApplyCorrectionFile(std::string_view content, const ReadContext& ctx);

// Verb correction files (verb_correction_reader.cc, doc/formats/verb_corrections.md): a
// "*.corrections.txt" file read in the verb group changes the default codes and patterns of
// verb blocks read before it, or drops patterns; it adds no block and no form. A line that
// matches nothing becomes a diagnostic.
void ApplyVerbCorrectionFile(std::string_view content, const ReadContext& ctx);

// For the verb corrections: one pattern body as a PETRARCH verb file writes it after the '-'
// and before the code ("* + FOR", "$ * DIPLOMATS"), parsed against the synsets already in
// ctx.out. False with `error` set when malformed or when it has '{ .. | .. }' alternatives.
bool ParsePatternText(std::string_view body, const ReadContext& ctx, VerbPattern* out,
                      std::string* error);
// The inside of a verb code block, "173" or "042:043" (see VerbPattern::code and alt_code).
bool ParseVerbCodeText(std::string_view inside, std::string* code, std::string* alt);

}  // namespace annal::lexicon::internal

#endif  // ANNAL_LEXICON_FORMAT_READERS_H_
