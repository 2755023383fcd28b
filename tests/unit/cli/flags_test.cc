#include "cli/flags.h"

#include <gtest/gtest.h>

namespace kiemdem::cli {
namespace {

TEST(Flags, ValuesSwitchesAndPositionalArguments) {
  Flags f = ParseFlags({"14800", "--period", "2018-10", "--include-unapproved", "extra"},
                       {"--period", "--db"}, {"--include-unapproved"});
  EXPECT_TRUE(f.error.empty());
  EXPECT_EQ(f.rest, (std::vector<std::string>{"14800", "extra"}));
  EXPECT_EQ(f.Get("--period", ""), "2018-10");
  EXPECT_EQ(f.Get("--db", "kiemdem.db"), "kiemdem.db");
  EXPECT_TRUE(f.Has("--include-unapproved"));
  EXPECT_FALSE(f.Has("--db"));
}

TEST(Flags, AnUnknownOptionOrAMissingValueIsNamed) {
  EXPECT_EQ(ParseFlags({"--perod", "2018"}, {"--period"}).error, "unknown option --perod");
  EXPECT_EQ(ParseFlags({"--perod", "2018"}, {"--period"}).error_vi, "không có tùy chọn --perod");
  EXPECT_EQ(ParseFlags({"x", "--period"}, {"--period"}).error_vi, "--period cần một giá trị");
  EXPECT_EQ(ParseFlags({"x", "--period"}, {"--period"}).error, "--period needs a value");
}

}  // namespace
}  // namespace kiemdem::cli
