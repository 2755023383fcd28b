#include "core/term_path.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Indicator Poverty() {
  Indicator i;
  i.code = "TY_LE_HO_NGHEO";
  i.unit = "%";
  i.value_kind = ValueKind::kPercent;
  i.direction = Direction::kLowerIsBetter;
  i.time = TimeAggregation::kStock;
  return i;
}

// Nghị quyết Đại hội nhiệm kỳ 2021–2025: "đến năm 2025 tỷ lệ hộ nghèo dưới 1%".
Plan Term() {
  Plan p;
  p.unit = 7;
  p.body_kind = BodyKind::kPartyCommittee;
  p.first_year = 2021;
  p.last_year = 2025;
  p.targets = {{"TY_LE_HO_NGHEO", 2025, Comparator::kAtMost, 1, std::nullopt}};
  return p;
}

TEST(TermPath, AnEvenPathFromTheResultTheTermStartedFrom) {
  Plan plan = Term();
  // From 3,2% in 2020 to ≤ 1% in 2025: 0,44 points a year; 2022 needs ≤ 2,32%.
  TermPath p = *TermPathFor(Poverty(), plan, plan.targets[0], 2022, 3.2, 2.1);
  EXPECT_EQ(p.baseline_year, 2020);
  EXPECT_NEAR(p.level, 2.32, 1e-9);
  EXPECT_EQ(p.on_path, true);
  EXPECT_EQ(p.basis_vi, "lộ trình đều từ 3,2 (2020) đến ≤ 1 (2025): năm 2022 cần ≤ 2,32");
  EXPECT_EQ(p.basis_en, "even path from 3.2 (2020) to ≤ 1 (2025): 2022 needs ≤ 2.32");
  EXPECT_EQ(TermPathFor(Poverty(), plan, plan.targets[0], 2022, 3.2, 2.5)->on_path, false);
  EXPECT_FALSE(TermPathFor(Poverty(), plan, plan.targets[0], 2022, 3.2, std::nullopt)->on_path.has_value());
  // An at-least target: at or above the path is on it (at the tie precision).
  Indicator revenue;
  revenue.code = "THU_NS";
  Plan up = plan;
  up.targets = {{"THU_NS", 2025, Comparator::kAtLeast, 60, std::nullopt}};
  EXPECT_EQ(TermPathFor(revenue, up, up.targets[0], 2021, 40, 44)->on_path, true);  // path 44
  EXPECT_EQ(TermPathFor(revenue, up, up.targets[0], 2021, 40, 43.9)->on_path, false);
}

TEST(TermPath, OnlyEarlierYearsOfATermAndLevelTargetsHaveOne) {
  Plan plan = Term();
  EXPECT_EQ(TermPathFor(Poverty(), plan, plan.targets[0], 2025, 3.2, 1).status().field(), "year");
  EXPECT_EQ(TermPathFor(Poverty(), plan, plan.targets[0], 2020, 3.2, 1).status().field(), "year");
  Target growth = plan.targets[0];
  growth.form = TargetForm::kGrowthPercent;
  EXPECT_EQ(TermPathFor(Poverty(), plan, growth, 2022, 3.2, 1).status().field(), "form");
  Plan year = plan;
  year.first_year = year.last_year = 2025;
  EXPECT_FALSE(TermPathFor(Poverty(), year, year.targets[0], 2024, 3.2, 1).ok());
}

TEST(TermPath, TheTermTargetFoundIsTheNearestLaterMilestoneOfAPlanInForce) {
  std::vector<Plan> plans = {Term()};
  plans[0].targets.push_back({"TY_LE_HO_NGHEO", 2023, Comparator::kAtMost, 2, std::nullopt});
  TermTargetRef r = FindTermTarget(plans, 7, "TY_LE_HO_NGHEO", 2022);
  ASSERT_NE(r.target, nullptr);
  EXPECT_EQ(r.target->year, 2023);
  EXPECT_EQ(FindTermTarget(plans, 7, "TY_LE_HO_NGHEO", 2024).target->year, 2025);
  EXPECT_EQ(FindTermTarget(plans, 7, "TY_LE_HO_NGHEO", 2025).plan, nullptr);  // the target's own year
  EXPECT_EQ(FindTermTarget(plans, 8, "TY_LE_HO_NGHEO", 2022).plan, nullptr);  // another unit
  EXPECT_EQ(FindTermTarget(plans, 7, "THU_NS", 2022).plan, nullptr);
}

}  // namespace
}  // namespace kiemdem
