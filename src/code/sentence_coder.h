// SentenceCoder: dictionary matches + shallow roles -> candidate events for one sentence.
//
// The shallow analysis (until the trained parser lands) works on chunks:
//   1. actor noun phrases: longest dictionary actor/agent matches, composed within a noun
//      phrase ("Russian army general" -> RUSMIL, "Russia's foreign ministry" -> RUSGOV,
//      "ambassadors of Arnor" -> ARNGOV) and grouped by coordination ("Israel and Lebanon");
//   2. verb candidates: dictionary verb forms that the context does not mark as nouns
//      (after a determiner or possessive, capitalised mid-sentence, plural after an adjective);
//   3. per verb: the verb group to its left (auxiliaries, negation, modals), a verb pattern
//      match that may bind source and target, else the subject to the left (across
//      appositions and relative clauses; "by" agent for passives) and the first actor to the
//      right inside the clause; reported speech ("X said Y attacked Z") gives attribution.
#ifndef ANNAL_CODE_SENTENCE_CODER_H_
#define ANNAL_CODE_SENTENCE_CODER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annal/event.h"
#include "context/coreference.h"
#include "lexicon/lexicon.h"
#include "code/tabari_compat.h"
#include "syntax/parser.h"
#include "text/token.h"

namespace annal::code {

// A resolved actor: token range (sentence-relative) and its code.
struct ActorRef {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string code;
  std::string entity;         // dictionary name of the entity behind the mention, if known
  // How document context gave the code (kPronoun: the span is the pronoun; kDescription:
  // "the general"); kNone when the mention's own words did.
  context::Resolution resolution = context::Resolution::kNone;
  // The code's first three letters are the code of a dictionary actor (a country, a body), not
  // of an agent. Phoenix's MUS is both Mauritius and the agent Muslim, so the lexicon counts it
  // as no country code; an actor coded MUS is still Mauritius (the record's country).
  bool actor_country = false;
};

// Whether a CAMEO role code names a role a country's own people and institutions hold at home
// (police, opposition, students, workers, judges, parliament): a bare one ("police", "a group
// of deputies") is of the one country its coordination or its sentence names. Not the
// government or armed roles, which act abroad as often as at home ("The government thanked
// China", "US troops killed insurgents"), nor victims ("people", "civilians", "refugees"), nor
// the media: correspondents report from abroad ("three journalists were arrested in Minsk"
// says nothing of whose journalists they are), and outlets are named entities (the BBC).
bool IsHomeRole(std::string_view role);

struct CandidateEvent {
  std::optional<ActorRef> source;
  std::optional<ActorRef> target;
  std::string code;       // CAMEO (or whatever code system the dictionaries use)
  uint32_t trigger_begin = 0;  // sentence-relative tokens of the verb form
  uint32_t trigger_end = 0;
  Modality modality = Modality::kAsserted;
  std::optional<ActorRef> attribution;
  std::vector<std::string> issues;  // Phoenix issue codes found in the sentence
  // Where the code came from (the event's `rule`): verb block and pattern (-1 = block default).
  uint32_t verb_block = 0;
  int32_t pattern = -1;
  // `pattern` value for events made by annal's own rule "X said Y must V" -> 100 (demand).
  static constexpr int32_t kDeonticClauseRule = -2;
  // The reverse event of a paired code (the verb's alternative code, with source and target
  // swapped: "visited" 042 A->B gives 043 B->A): the same interaction from the other side.
  bool reciprocal = false;
};

// State carried from sentence to sentence within one document.
struct DocumentState {
  std::string_view text;               // the document text (tokens' offsets point into it)
  int32_t day = lexicon::kDayMin;      // publication day, kDayMin if unknown
  context::Coreference coref;          // discourse entities: antecedents for pronouns etc.
  bool story_discarded = false;
  // How many of source and target the caller needs for an event it keeps (2 unless partial
  // events are wanted): sentences that cannot give that many actors are not parsed.
  int roles_required = 2;
  // TABARI FORWARD: the root actor code of the previous sentence's first actor ("" for none).
  std::string tabari_forward;
};

// What the coder takes from the tagger and parser model.
enum class ParserUse {
  kTagsOnly,  // part-of-speech tags check the verb candidates; roles from the shallow rules
  kTrees,     // tags and dependency trees (roles from the tree, shallow rules as fallback)
};

class SentenceCoder {
 public:
  // `parser` may be null (shallow roles only). With a parser, sentences that hold a dictionary
  // verb and an actor are parsed, and the dependency tree gives subject, object, passive
  // agent and shared subjects; the shallow rules fill in where the tree gives nothing.
  // With `use` kTagsOnly only the tagger runs (on sentences with a verb candidate and an actor),
  // to drop verb candidates it tags as nouns. `tabari`: when not null, code with TABARI's
  // conventions and these settings (see tabari_compat.h); it must outlive the SentenceCoder.
  explicit SentenceCoder(const lexicon::Lexicon& lexicon, const syntax::Parser* parser = nullptr,
                         ParserUse use = ParserUse::kTrees, const TabariSettings* tabari = nullptr)
      : lex_(lexicon), parser_(parser), use_(use), tabari_(tabari) {}

  // Codes tokens [0, n) of one sentence. Appends to `out`. Thread-compatible: use one
  // SentenceCoder per thread (it keeps scratch buffers).
  void Code(const text::Token* tokens, uint32_t n, DocumentState* doc,
            std::vector<CandidateEvent>* out);

  // Resolves an actor entry's code at `day` (date-restricted codes).
  static const std::string& ResolveActorCode(const lexicon::ActorEntry& actor, int32_t day);

 private:
  const lexicon::Lexicon& lex_;
  const syntax::Parser* parser_;
  ParserUse use_;
  const TabariSettings* tabari_ = nullptr;
  syntax::ParsedTree tree_;
  std::vector<std::string_view> tags_;
  lexicon::SentenceWords words_;
  std::vector<lexicon::Match> matches_;
  std::vector<context::CorefMention> coref_;  // the sentence's mentions for coreference
};

// "HAMID_KARZAI" style dictionary root -> "Hamid Karzai".
std::string EntityName(const lexicon::Phrase& root);

}  // namespace annal::code

#endif  // ANNAL_CODE_SENTENCE_CODER_H_
