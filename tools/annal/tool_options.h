// Dictionary and data-directory flags shared by the commands that open a Coder.
#ifndef ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_
#define ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "annal/options.h"
#include "annal/status.h"

namespace annal::cli {

struct DictionaryArgs {
  std::string compiled;      // --dict FILE.annaldict
  DictionaryFiles files;     // --verbs/--actors/--agents/--discards/--issues/--options
  std::string data_dir;      // --data-dir
  bool all_languages = false;
  std::string syntax = "tagged";
  bool show_warnings = false;
  bool tabari_compat = false;  // --tabari-compat

  void AddTo(CLI::App* cmd);
  // Fills the coder options; InvalidArgument on a bad combination.
  Status Apply(CoderOptions* options) const;
};

// "shallow", "parser" or "tagged" (the --syntax values); false for anything else.
bool ParseSyntaxMode(std::string_view name, SyntaxMode* mode);
inline constexpr const char* kSyntaxHelp =
    "tagged (default: rule-based roles; verb candidates the tagger reads as nouns are dropped), "
    "shallow (rule-based roles, no model: faster) or parser (roles from dependency trees, rules "
    "as fallback)";

}  // namespace annal::cli

#endif  // ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_
