// Runs the four gold suites through the Coder, as `annal eval` does, and holds each to the
// minimum scores in tests/eval_thresholds.txt. Skips (with a message) when ../shared is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>

#include "eval/runner.h"
#include "eval/score.h"
#include "eval/suites.h"
#include "util/file.h"

namespace annal::eval {
namespace {

const std::string kShared = ANNAL_TEST_SHARED_DIR;
const std::string kThresholds = std::string(ANNAL_TEST_SOURCE_DIR) + "/tests/eval_thresholds.txt";

// KEY VALUE lines; '#' starts a comment. Fails the test on a malformed line.
std::map<std::string, double> ReadThresholds() {
  std::string content;
  Status s = ReadFileToString(kThresholds, &content);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::map<std::string, double> out;
  std::istringstream in(content);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    std::istringstream fields(line);
    std::string key;
    if (!(fields >> key)) continue;
    double value;
    std::string extra;
    if (!(fields >> value) || (fields >> extra) || value < 0 || value > 1) {
      ADD_FAILURE() << kThresholds << ":" << number
                    << ": expected 'KEY VALUE' with 0 <= VALUE <= 1";
      continue;
    }
    out[key] = value;
  }
  return out;
}

TEST(EvalThresholdsTest, EverySuiteHasAThreshold) {
  auto thresholds = ReadThresholds();
  for (const SuiteSpec& spec : AllSuites()) {
    EXPECT_TRUE(thresholds.count(spec.name)) << spec.name << " missing from " << kThresholds;
  }
  for (const auto& [key, value] : thresholds) {
    std::string suite = key.substr(0, key.find('.'));
    EXPECT_TRUE(SuiteFromName(suite).has_value())
        << "unknown suite in " << kThresholds << ": " << key;
  }
}

class EvalSuiteTest : public testing::TestWithParam<Suite> {};

TEST_P(EvalSuiteTest, MeetsThreshold) {
  const SuiteSpec& spec = GetSuiteSpec(GetParam());
  std::string gold_path = SuiteGoldPath(spec.suite, kShared);
  if (!std::filesystem::exists(gold_path)) {
    GTEST_SKIP() << gold_path << " absent: the gold suites live in ../shared";
  }
  auto thresholds = ReadThresholds();
  ASSERT_TRUE(thresholds.count(spec.name)) << spec.name << " missing from " << kThresholds;

  CoderOptions base;
  base.data_dir = ANNAL_TEST_DATA_DIR;
  auto report = RunSuiteFromSharedDir(spec.suite, kShared, base);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  const Score& score = report->score;
  std::cout << FormatRecordAccuracyLine(spec.name, score) << "\n"
            << FormatScoreLine(spec.name, score) << "  (" << report->records_scored << " of "
            << report->records_read << " records scored, " << report->seconds << " s)\n";

  EXPECT_GT(report->records_scored, 0);
  EXPECT_GT(score.gold, 0);
  EXPECT_EQ(report->coder_failures, 0) << "the coder rejected texts the readers produced";
  EXPECT_GE(score.F1(), thresholds[spec.name]) << FormatScoreLine(spec.name, score);
  std::string accuracy_key = std::string(spec.name) + ".record_accuracy";
  if (thresholds.count(accuracy_key)) {
    EXPECT_GE(score.RecordAccuracy(), thresholds[accuracy_key])
        << FormatRecordAccuracyLine(spec.name, score);
  }
}

INSTANTIATE_TEST_SUITE_P(AllSuites, EvalSuiteTest,
                         testing::Values(Suite::kTabariValidate, Suite::kPetrUnitTest,
                                         Suite::kPloverGsr, Suite::kPetr2Gsr),
                         [](const testing::TestParamInfo<Suite>& info) {
                           std::string name = GetSuiteSpec(info.param).name;
                           std::string out;
                           for (char c : name) {
                             if (c != '_') out.push_back(c);
                           }
                           return out;
                         });

}  // namespace
}  // namespace annal::eval
