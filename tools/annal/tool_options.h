// Dictionary and data-directory flags shared by the commands that open a Coder.
#ifndef ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_
#define ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_

#include <string>
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
  std::string syntax = "shallow";
  bool show_warnings = false;
  bool tabari_compat = false;  // --tabari-compat

  void AddTo(CLI::App* cmd);
  // Fills the coder options; InvalidArgument on a bad combination.
  Status Apply(CoderOptions* options) const;
};

}  // namespace annal::cli

#endif  // ANNAL_TOOLS_ANNAL_TOOL_OPTIONS_H_
