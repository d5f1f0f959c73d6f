#include "tool_options.h"

#include "command.h"

namespace annal::cli {

void DictionaryArgs::AddTo(CLI::App* cmd) {
  cmd->add_option("--dict", compiled, "Compiled dictionary (.annaldict) instead of the defaults");
  cmd->add_option("--verbs", files.verbs, "Verb dictionary text file(s) (PETRARCH or TABARI)");
  cmd->add_option("--actors", files.actors, "Actor dictionary text file(s)");
  cmd->add_option("--agents", files.agents, "Agent dictionary text file(s)");
  cmd->add_option("--discards", files.discards, "Discard list(s)");
  cmd->add_option("--issues", files.issues, "Issue coding file(s)");
  cmd->add_option("--options", files.options, "TABARI .options file(s)");
  cmd->add_option("--data-dir", data_dir, "Directory of annal's shipped data");
  cmd->add_flag("--all-languages", all_languages, "Code documents whatever their language");
  cmd->add_option("--syntax", syntax, kSyntaxHelp);
  cmd->add_flag("--dict-warnings", show_warnings, "Print skipped dictionary lines");
  cmd->add_flag("--tabari-compat", tabari_compat,
                "Code like TABARI (first actor is the source, one verb per clause)");
}

Status DictionaryArgs::Apply(CoderOptions* options) const {
  if (!compiled.empty() && !files.empty()) {
    return Status::InvalidArgument("--dict and text dictionary files cannot be combined");
  }
  options->compiled_dictionary = compiled;
  options->dictionary_files = files;
  options->data_dir = ResolveDataDir(data_dir);
  options->english_only = !all_languages;
  options->tabari_compat = tabari_compat;
  if (!ParseSyntaxMode(syntax, &options->syntax)) {
    return Status::InvalidArgument("--syntax must be shallow, parser or tagged");
  }
  return Status::OK();
}

bool ParseSyntaxMode(std::string_view name, SyntaxMode* mode) {
  if (name == "shallow") {
    *mode = SyntaxMode::kShallow;
  } else if (name == "parser") {
    *mode = SyntaxMode::kParser;
  } else if (name == "tagged") {
    *mode = SyntaxMode::kTagged;
  } else {
    return false;
  }
  return true;
}

}  // namespace annal::cli
