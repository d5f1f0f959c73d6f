// Issue 3: roles from dependency trees (--syntax parser) must do no worse than the rule-based
// roles on any gold suite. The tree is preferred only where sentence_coder.cc says it is
// trustworthy; this test catches a change that lets it override good shallow roles.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <string>

#include "annal/options.h"
#include "eval/runner.h"
#include "eval/score.h"
#include "eval/suites.h"

namespace annal::eval {
namespace {

const std::string kShared = ANNAL_TEST_SHARED_DIR;

class ParserModeTest : public testing::TestWithParam<Suite> {};

TEST_P(ParserModeTest, NoWorseThanShallow) {
  const SuiteSpec& spec = GetSuiteSpec(GetParam());
  std::string gold_path = SuiteGoldPath(spec.suite, kShared);
  if (!std::filesystem::exists(gold_path)) {
    GTEST_SKIP() << gold_path << " absent: the gold suites live in ../shared";
  }
  std::string model = std::string(ANNAL_TEST_DATA_DIR) + "/models/en_ewt.annalsyn";
  if (!std::filesystem::exists(model)) GTEST_SKIP() << "no parser model " << model;

  CoderOptions shallow;
  shallow.data_dir = ANNAL_TEST_DATA_DIR;
  shallow.syntax = SyntaxMode::kShallow;
  CoderOptions parser = shallow;
  parser.syntax = SyntaxMode::kParser;
  auto a = RunSuiteFromSharedDir(spec.suite, kShared, shallow);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = RunSuiteFromSharedDir(spec.suite, kShared, parser);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  std::cout << "shallow " << FormatScoreLine(spec.name, a->score) << "\n"
            << "parser  " << FormatScoreLine(spec.name, b->score) << "\n";
  EXPECT_GT(b->score.gold, 0);
  EXPECT_GE(b->score.F1(), a->score.F1() - 1e-9)
      << spec.name << ": parser " << FormatScoreLine(spec.name, b->score) << " vs shallow "
      << FormatScoreLine(spec.name, a->score);
}

INSTANTIATE_TEST_SUITE_P(AllSuites, ParserModeTest,
                         testing::Values(Suite::kTabariValidate, Suite::kPetrUnitTest,
                                         Suite::kPloverGsr, Suite::kPetr2Gsr),
                         [](const testing::TestParamInfo<Suite>& info) {
                           std::string out;
                           for (char c : std::string(GetSuiteSpec(info.param).name)) {
                             if (c != '_') out.push_back(c);
                           }
                           return out;
                         });

}  // namespace
}  // namespace annal::eval
