// annal: the command-line shell over the library. Subcommands live one per file.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "annal/annal.h"
#include "command.h"

namespace annal::cli {
namespace {

std::vector<std::pair<std::string, CommandFactory>>& Registry() {
  static auto* registry = new std::vector<std::pair<std::string, CommandFactory>>();
  return *registry;
}

}  // namespace

CommandRegistrar::CommandRegistrar(const char* name, CommandFactory factory) {
  Registry().emplace_back(name, factory);
}

std::string ResolveDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ANNAL_DATA_DIR"); env != nullptr && *env) return env;
  return ANNAL_DEFAULT_DATA_DIR;
}

std::string ResolveSharedDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("ANNAL_SHARED_DIR"); env != nullptr && *env) return env;
  return ANNAL_DEFAULT_SHARED_DIR;
}

}  // namespace annal::cli

int main(int argc, char** argv) {
  CLI::App app{"annal: news text in, coded events out (CAMEO and PLOVER, with evidence)"};
  app.set_version_flag("--version", annal::Version());
  app.require_subcommand(1);
  annal::cli::CommandContext ctx;
  auto& registry = annal::cli::Registry();
  std::sort(registry.begin(), registry.end());
  for (auto& [name, factory] : registry) factory(app, &ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return ctx.exit_code;
}
