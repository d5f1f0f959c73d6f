// The embedded tables must be exactly what scripts/gen_cameo_table.py makes from the TSV files.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "util/file.h"

namespace annal {
namespace {

TEST(CameoTablesGeneratedTest, CheckedInFilesMatchGeneratorOutput) {
  if (std::system("python3 --version > /dev/null 2>&1") != 0) {
    GTEST_SKIP() << "python3 not available to run scripts/gen_cameo_table.py";
  }
  const std::string src = ANNAL_TEST_SOURCE_DIR;
  std::filesystem::path out =
      std::filesystem::temp_directory_path() / ("annal_gen_cameo_" + std::to_string(getpid()));
  std::filesystem::create_directories(out);
  std::string cmd =
      "python3 '" + src + "/scripts/gen_cameo_table.py' --out-dir '" + out.string() + "'";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  for (const char* name : {"cameo_codes_generated.cc", "plover_table_generated.cc"}) {
    std::string fresh, checked_in;
    ASSERT_TRUE(ReadFileToString((out / name).string(), &fresh).ok()) << name;
    ASSERT_TRUE(ReadFileToString(src + "/src/output/" + name, &checked_in).ok()) << name;
    EXPECT_EQ(fresh, checked_in) << "src/output/" << name
                                 << " is stale: run scripts/gen_cameo_table.py and commit it";
  }
  std::filesystem::remove_all(out);
}

}  // namespace
}  // namespace annal
