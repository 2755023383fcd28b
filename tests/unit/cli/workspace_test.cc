#include "cli/workspace.h"

#include <gtest/gtest.h>

#include "core/consistency.h"

namespace kiemdem::cli {
namespace {

// The shipped demo data loads, and every percentage of plan that an article
// states matches the target derived for it.
TEST(DemoData, LoadsAndReproducesTheArticlesPercentages) {
  Workspace ws;
  Status s = LoadReferenceData(KIEMDEM_DATA_DIR, &ws);
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = LoadDemoData(KIEMDEM_DATA_DIR, &ws);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_GE(ws.results.size(), 30u);
  EXPECT_GE(ws.plans.size(), 4u);
  ASSERT_FALSE(ws.stated_percent.empty());
  for (const auto& [key, stated] : ws.stated_percent) {
    const Plan& plan = ws.plans[key.first];
    const Target* target = plan.FindTarget(key.second, plan.first_year);
    ASSERT_NE(target, nullptr);
    const Observation* result = nullptr;
    for (const Observation& o : ws.results) {
      if (o.unit == plan.unit && o.indicator == key.second && o.period.year() == plan.first_year) result = &o;
    }
    ASSERT_NE(result, nullptr) << key.second;
    PercentCheck c = *CheckStatedPercent(result->value, target->value, stated + "%");
    EXPECT_TRUE(c.consistent) << key.second << ": " << c.message_en;
  }
  // Long Biên 2020: "bằng 88% kế hoạch pháp lệnh và đạt 98,4% sau điều chỉnh bổ sung".
  ASSERT_EQ(ws.stated_percent_of_adjusted.size(), 1u);
  for (const auto& [key, stated] : ws.stated_percent_of_adjusted) {
    const Plan& plan = ws.plans[key.first];
    const Target* target = plan.FindTarget(key.second, plan.first_year);
    ASSERT_TRUE(target != nullptr && target->adjusted) << key.second;
    const Observation* result = nullptr;
    for (const Observation& o : ws.results) {
      if (o.unit == plan.unit && o.indicator == key.second && o.period.year() == plan.first_year) result = &o;
    }
    ASSERT_NE(result, nullptr) << key.second;
    PercentCheck c = *CheckStatedPercent(result->value, *target->adjusted, stated + "%");
    EXPECT_TRUE(c.consistent) << key.second << ": " << c.message_en;
  }
}

TEST(Workspace, MissingFilesSayWhich) {
  Workspace ws;
  Status s = LoadReferenceData("/nonexistent", &ws);
  EXPECT_EQ(s.message(),
            "cannot read /nonexistent/admin-units/pre2025_provinces.csv: No such file or directory");
}

}  // namespace
}  // namespace kiemdem::cli
