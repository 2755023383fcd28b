#include "core/consistency.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kiemdem {
namespace {

// Long Biên 2020: "Tổng chi ngân sách phường ước đạt: 10.144.992.938/11.492.300.000đ bằng 88%".
TEST(StatedPercent, LongBienBudgetSpending) {
  PercentCheck c = *CheckStatedPercent(10144992938.0, 11492300000.0, "88%");
  EXPECT_TRUE(c.consistent);
  EXPECT_NEAR(c.computed, 88.2765, 1e-3);
  EXPECT_EQ(c.message_en, "stated 88% matches 10.144.992.938/11.492.300.000 = 88,28%");
  EXPECT_EQ(c.message_vi, "tỷ lệ 88% khớp với 10.144.992.938/11.492.300.000 = 88,28%");
}

// Long Biên 2020: "Tỷ lệ tổ dân phố văn hoá 8/12 tổ đạt 66,66%" (truncated, not rounded).
TEST(StatedPercent, TruncatedDecimalsAreConsistent) {
  EXPECT_TRUE(CheckStatedPercent(8, 12, "66,66%")->consistent);
  EXPECT_TRUE(CheckStatedPercent(8, 12, "66,67%")->consistent);
  EXPECT_TRUE(CheckStatedPercent(8, 12, "67%")->consistent);
  EXPECT_TRUE(CheckStatedPercent(8, 12, "66,6%")->consistent);  // truncated to one decimal
  EXPECT_TRUE(CheckStatedPercent(8, 12, "66,7%")->consistent);  // rounded to one decimal
}

// Thanh Sơn: "12/10 đảng viên, đạt 120%"; Long Biên: "18/18 Đại hội chi bộ".
TEST(StatedPercent, WholeNumbers) {
  EXPECT_TRUE(CheckStatedPercent(12, 10, "120%")->consistent);
  EXPECT_TRUE(CheckStatedPercent(18, 18, "100")->consistent);
  EXPECT_TRUE(CheckStatedPercent(10, 20, 50, 0)->consistent);
}

// Quảng Hưng: "45,5 tỷ đồng, đạt 90% kế hoạch" against a 50 tỷ plan is 91%.
TEST(StatedPercent, MismatchNamesBothNumbers) {
  PercentCheck c = *CheckStatedPercent(45.5, 50, "90%");
  EXPECT_FALSE(c.consistent);
  EXPECT_EQ(c.message_en, "stated 90% but 45,5/50 = 91%");
  EXPECT_EQ(c.message_vi, "ghi 90% nhưng 45,5/50 = 91%");
  EXPECT_FALSE(CheckStatedPercent(8, 12, "66,68%")->consistent);
  EXPECT_FALSE(CheckStatedPercent(10144992938.0, 11492300000.0, "89%")->consistent);
}

TEST(StatedPercent, BadInputIsAnError) {
  EXPECT_EQ(CheckStatedPercent(5, 0, "10%").status().message(),
            "cannot check a percentage of 0: the whole must be greater than zero");
  EXPECT_EQ(CheckStatedPercent(-5, 10, "10%").status().message(), "the part -5 is negative");
  EXPECT_FALSE(CheckStatedPercent(5, 10, "mười").ok());
  EXPECT_FALSE(CheckStatedPercent(5, 10, "").ok());
  EXPECT_FALSE(CheckStatedPercent(5, std::nan(""), 50, 0).ok());
}

}  // namespace
}  // namespace kiemdem

namespace kiemdem {
namespace {

// "32 doanh nghiệp mới, đạt 97% kế hoạch" against a stored 33; "vượt 5% kế
// hoạch" is 105% of it; a lower-is-better figure's share is target ÷ result.
TEST(StatedShareOfPlan, TheReportsWordsAgainstTheStoredTarget) {
  Indicator dn;
  dn.code = "DN_MOI";
  PercentCheck ok = *CheckStatedShareOfPlan(dn, 32, 33, 97, false);
  EXPECT_TRUE(ok.consistent) << ok.message_en;
  EXPECT_NEAR(ok.computed, 96.97, 0.01);
  PercentCheck off = *CheckStatedShareOfPlan(dn, 32, 30, 97, false);
  EXPECT_FALSE(off.consistent);
  EXPECT_EQ(off.message_vi, "ghi 97% nhưng 32/30 = 106,67%");
  EXPECT_TRUE(CheckStatedShareOfPlan(dn, 42, 40, 5, true)->consistent);
  EXPECT_FALSE(CheckStatedShareOfPlan(dn, 42, 40, 6, true)->consistent);
  EXPECT_TRUE(CheckStatedShareOfPlan(dn, 98.4, 100, 98.4, false)->consistent);  // one decimal stated
  Indicator poor;
  poor.code = "HO_NGHEO";
  poor.direction = Direction::kLowerIsBetter;
  EXPECT_TRUE(CheckStatedShareOfPlan(poor, 115, 100, 87, false)->consistent);  // 100 ÷ 115
  EXPECT_FALSE(CheckStatedShareOfPlan(dn, 32, 0, 97, false).ok());
}

}  // namespace
}  // namespace kiemdem
