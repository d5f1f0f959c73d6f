// Options for the coder. Each field says its default and what it trades.
#ifndef ANNAL_OPTIONS_H_
#define ANNAL_OPTIONS_H_

#include <string>
#include <vector>

namespace annal {

// Dictionary source files, in PETRARCH-2 or TABARI text formats. The format of each file is
// recognised from its content (TABARI files use `[code]` blocks and `.verbs`/`.actors` names).
struct DictionaryFiles {
  std::vector<std::string> verbs;     // CAMEO.2.0.txt, CAMEO.verbpatterns.*.txt, *.verbs
  std::vector<std::string> actors;    // Phoenix.*.actors.txt, *.actors
  std::vector<std::string> agents;    // Phoenix.agents.txt, *.agents
  std::vector<std::string> discards;  // Phoenix.discards.txt
  std::vector<std::string> issues;    // Phoenix.IssueCoding.txt
  std::vector<std::string> options;   // TABARI .options (labels, coding switches)
  bool empty() const {
    return verbs.empty() && actors.empty() && agents.empty() && discards.empty() && issues.empty() &&
           options.empty();
  }
};

enum class SyntaxMode {
  kShallow,  // rule-based chunks and roles: fastest, no model file
  kParser,   // trained tagger + dependency parser where a model is available, shallow otherwise
  kTagged,   // the default: shallow roles, but the model's tagger vetoes verb candidates it
             // reads as nouns ("an online campaign"): ~11% fewer events on news, nearly all
             // wrong ones, for ~20-35% more time; rules alone (with a warning) without the model
};

struct CoderOptions {
  // Compiled dictionary (.annaldict, see doc/formats/compiled_dictionary.md). Empty: use
  // `dictionary_files` if given, else the default compiled dictionary from `data_dir`.
  std::string compiled_dictionary;
  // Text dictionaries to compile in memory at Open() (slower to open: ~0.5 s for the defaults).
  DictionaryFiles dictionary_files;
  // Directory holding annal's shipped data (dictionaries, tables, models). Empty: the
  // directory the build was configured with, or $ANNAL_DATA_DIR if set.
  std::string data_dir;
  // Documents whose language is detected as something other than English are skipped with a
  // note. Default true; false codes everything as if it were English.
  bool english_only = true;
  SyntaxMode syntax = SyntaxMode::kTagged;
  // Emit events whose source or target is unknown (one side null). Default true: a researcher
  // would rather see "someone attacked X" than nothing; the gold-suite evaluations set it false.
  bool emit_partial_events = true;
  // Emit negated, hypothetical and future events (with their modality). Default true. When
  // false only asserted, claimed and hedged events are emitted.
  bool emit_unrealised_events = true;
  // Code the way TABARI does, for users of TABARI dictionaries who want TABARI's output (and
  // for TABARI's validation suite): the source is the first actor of the clause, the target the
  // first actor after the verb, one verb codes per clause, and negation or speech only count
  // where a pattern spells them out. Default false: annal's own role finding is better on news.
  bool tabari_compat = false;
  // TABARI .options lines ("SET: CODE ALL", "DEFAULT: SOURCE [X] PRIOR") applied after the
  // `dictionary_files.options` files; only read when tabari_compat is set.
  std::vector<std::string> tabari_settings;
};

}  // namespace annal

#endif  // ANNAL_OPTIONS_H_
