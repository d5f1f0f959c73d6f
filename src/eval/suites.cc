#include "eval/suites.h"

#include <cctype>

namespace annal::eval {
namespace {

std::string PeersDir(const std::string& shared_dir) { return shared_dir + "/data/peers/"; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

const std::vector<SuiteSpec>& AllSuites() {
  static const auto* suites = new std::vector<SuiteSpec>{
      {Suite::kTabariValidate, "TABARI_VALIDATE", "TABARI-Code/Validate.text",
       TripleMode::kCameoExact},
      {Suite::kPetrUnitTest, "PETR_UNITTEST", "petrarch2/PETR.UnitTest.records.xml",
       TripleMode::kCameoStripped},
      {Suite::kPloverGsr, "PLOVER_GSR", "PLOVER/PLOVER_GSR_CAMEO.txt", TripleMode::kPloverCountry},
      {Suite::kPetr2Gsr, "PETR2_GSR", "UniversalPetrarch/PETR2_GSR_validation.xml",
       TripleMode::kCameoStripped},
  };
  return *suites;
}

const SuiteSpec& GetSuiteSpec(Suite suite) {
  for (const SuiteSpec& s : AllSuites()) {
    if (s.suite == suite) return s;
  }
  return AllSuites().front();  // unreachable: every enumerator is listed
}

std::optional<Suite> SuiteFromName(std::string_view name) {
  for (const SuiteSpec& s : AllSuites()) {
    if (EqualsIgnoreCase(name, s.name)) return s.suite;
  }
  return std::nullopt;
}

std::string SuiteGoldPath(Suite suite, const std::string& shared_dir) {
  return PeersDir(shared_dir) + GetSuiteSpec(suite).gold_file;
}

DictionaryFiles SuiteDictionaryFiles(Suite suite, const std::string& shared_dir) {
  DictionaryFiles files;
  const std::string peers = PeersDir(shared_dir);
  switch (suite) {
    case Suite::kTabariValidate:
      // Validate.project: <actorsfile> TABARI.Demo.actors, <verbsfile> TABARI.Demo.verbs,
      // <optionsfile> Validate.options, <agentsfile> Validate.agents.
      files.actors.push_back(peers + "TABARI-Code/TABARI.Demo.actors");
      files.verbs.push_back(peers + "TABARI-Code/TABARI.Demo.verbs");
      files.agents.push_back(peers + "TABARI-Code/Validate.agents");
      files.options.push_back(peers + "TABARI-Code/Validate.options");
      break;
    case Suite::kPetrUnitTest:
      // The file's own <Environment> block names these, in the same folder.
      files.verbs.push_back(peers + "petrarch2/PETR.Validate.verbs.txt");
      files.actors.push_back(peers + "petrarch2/PETR.Validate.actors.txt");
      files.agents.push_back(peers + "petrarch2/PETR.Validate.agents.txt");
      files.discards.push_back(peers + "petrarch2/PETR.Validate.discards.txt");
      break;
    case Suite::kPloverGsr:
    case Suite::kPetr2Gsr:
      break;  // annal's shipped dictionaries
  }
  return files;
}

Result<std::vector<GoldRecord>> ReadSuite(Suite suite, const std::string& shared_dir) {
  const std::string path = SuiteGoldPath(suite, shared_dir);
  switch (suite) {
    case Suite::kTabariValidate:
      return ReadTabariValidation(path);
    case Suite::kPetrUnitTest:
      return ReadPetrUnitTest(path);
    case Suite::kPloverGsr:
      return ReadPloverGsr(path);
    case Suite::kPetr2Gsr:
      return ReadPetr2Gsr(path);
  }
  return Status::InvalidArgument("unknown suite");
}

}  // namespace annal::eval
