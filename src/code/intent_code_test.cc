#include "code/intent_code.h"

#include <gtest/gtest.h>

namespace annal::code {
namespace {

TEST(IntentCodeTest, CooperativeActsBecomeExpressedIntent) {
  EXPECT_EQ(IntentCode("042"), "036");   // visit -> intent to meet
  EXPECT_EQ(IntentCode("045"), "039");   // mediate -> intent to mediate
  EXPECT_EQ(IntentCode("057"), "032");   // sign an agreement -> diplomatic cooperation
  EXPECT_EQ(IntentCode("064"), "0314");  // share intelligence
  EXPECT_EQ(IntentCode("072"), "0332");  // military aid
  EXPECT_EQ(IntentCode("075"), "033");   // asylum: the root's code
  EXPECT_EQ(IntentCode("0813"), "0351"); // ease curfew -> ease administrative sanctions
  EXPECT_EQ(IntentCode("0832"), "0342");
  EXPECT_EQ(IntentCode("0842"), "0353");
  EXPECT_EQ(IntentCode("087"), "0356");
  EXPECT_EQ(IntentCode("0871"), "0356");
}

TEST(IntentCodeTest, HostileActsBecomeThreats) {
  EXPECT_EQ(IntentCode("141"), "133");
  EXPECT_EQ(IntentCode("163"), "1312");
  EXPECT_EQ(IntentCode("1622"), "1311");
  EXPECT_EQ(IntentCode("173"), "137");
  EXPECT_EQ(IntentCode("1724"), "1324");
  EXPECT_EQ(IntentCode("181"), "1383");
  EXPECT_EQ(IntentCode("190"), "1384");
  EXPECT_EQ(IntentCode("191"), "1381");
  EXPECT_EQ(IntentCode("192"), "1382");
  EXPECT_EQ(IntentCode("202"), "138");
  EXPECT_EQ(IntentCode("204"), "1385");
}

TEST(IntentCodeTest, NoIntentCodeForStatementsIntentsAndPosture) {
  for (const char* code : {"010", "020", "030", "0356", "090", "100", "112", "120", "130",
                           "1384", "154", "", "---"}) {
    EXPECT_EQ(IntentCode(code), "") << code;
  }
}

TEST(RefusalCodeTest, DecliningCooperationIsRejection) {
  EXPECT_EQ(RefusalCode("0333"), "1223");  // will not accept (more) refugees
  EXPECT_EQ(RefusalCode("085"), "1244");   // will not lift sanctions
  EXPECT_EQ(RefusalCode("040"), "125");    // will not meet
  EXPECT_EQ(RefusalCode("0332"), "1222");
  EXPECT_EQ(RefusalCode("036"), "125");
  EXPECT_EQ(RefusalCode("038"), "126");
  EXPECT_EQ(RefusalCode("030"), "120");
  EXPECT_EQ(RefusalCode("057"), "120");
  EXPECT_EQ(RefusalCode("0871"), "1246");
  EXPECT_EQ(RefusalCode("0832"), "1232");
}

TEST(RefusalCodeTest, NothingToRejectInHostileActsOrStatements) {
  for (const char* code : {"010", "020", "090", "100", "112", "120", "1246", "130", "141", "163",
                           "173", "190", "", "---", "03"}) {
    EXPECT_EQ(RefusalCode(code), "") << code;
  }
}

TEST(IntentCodeTest, ViolentCodesAreAssaultFightAndMassViolence) {
  for (const char* code : {"18", "180", "1823", "190", "195", "20", "202"}) {
    EXPECT_TRUE(IsViolentCode(code)) << code;
  }
  for (const char* code : {"", "1", "17", "173", "120", "021", "0871"}) {
    EXPECT_FALSE(IsViolentCode(code)) << code;
  }
}

}  // namespace
}  // namespace annal::code
