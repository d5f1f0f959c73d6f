// The annal CLI: one file per subcommand, each registering itself here. A command only parses
// its arguments and calls the library; it decides how to report errors (stderr, exit code).
#ifndef ANNAL_TOOLS_ANNAL_COMMAND_H_
#define ANNAL_TOOLS_ANNAL_COMMAND_H_

#include <string>

#include <CLI/CLI.hpp>

namespace annal::cli {

// Exit codes shared by all commands.
constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;    // nothing useful could be done (bad arguments, missing files)
constexpr int kExitSkipped = 2;    // the job ran, but some input was skipped (see stderr)

struct CommandContext {
  int exit_code = kExitOk;
};

// Adds a subcommand to `app`; the callback stores its exit status in ctx->exit_code.
using CommandFactory = void (*)(CLI::App& app, CommandContext* ctx);

struct CommandRegistrar {
  CommandRegistrar(const char* name, CommandFactory factory);
};

#define ANNAL_REGISTER_COMMAND(name, factory) \
  static ::annal::cli::CommandRegistrar annal_command_registrar_##name(#name, factory)

// The directory with annal's shipped data: `flag` if set, else $ANNAL_DATA_DIR, else the
// build-time default.
std::string ResolveDataDir(const std::string& flag);
// The directory with the shared test/evaluation data (../shared): `flag`, $ANNAL_SHARED_DIR,
// else the build-time default.
std::string ResolveSharedDir(const std::string& flag);

// An actor code for display: "(none)" for an entry that has no code at the date (Phoenix lists
// some people with dated offices only).
inline std::string CodeOrNone(const std::string& code) { return code.empty() ? "(none)" : code; }

}  // namespace annal::cli

#endif  // ANNAL_TOOLS_ANNAL_COMMAND_H_
