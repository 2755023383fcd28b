#include "core/plan.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Target T(const char* ind, int year, double v, Comparator c = Comparator::kAtLeast) {
  Target t;
  t.indicator = ind;
  t.year = year;
  t.value = v;
  t.comparator = c;
  return t;
}

TEST(Plan, PartyCouncilAndCommitteeTargetsSideBySide) {
  Plan party;
  party.unit = 7;
  party.body_kind = BodyKind::kPartyCommittee;
  party.first_year = party.last_year = 2021;
  party.resolution = *ParseDocumentCode("02-NQ/ĐU");
  party.targets = {T("DANG_VIEN_MOI", 2021, 10), T("THU_NS_XA", 2021, 40e9)};
  Plan council = party;
  council.body_kind = BodyKind::kPeoplesCouncil;
  council.resolution = *ParseDocumentCode("05/NQ-HĐND");
  council.targets = {T("THU_NS_XA", 2021, 42e9)};
  Plan superior = council;
  superior.unit = 7;
  superior.body_kind = BodyKind::kPeoplesCommittee;
  superior.assigned_by_superior = true;  // giao chỉ tiêu by the city
  superior.targets = {T("THU_NS_XA", 2021, 41e9)};
  Plan elsewhere = council;
  elsewhere.unit = 8;
  std::vector<Plan> plans = {party, council, superior, elsewhere};
  for (const Plan& p : plans) EXPECT_TRUE(p.Validate().ok());
  std::vector<TargetBySource> revenue = TargetsFor(plans, 7, "THU_NS_XA", 2021);
  ASSERT_EQ(revenue.size(), 3u);
  EXPECT_EQ(revenue[0].plan->body_kind, BodyKind::kPartyCommittee);
  EXPECT_DOUBLE_EQ(revenue[1].target->value, 42e9);
  EXPECT_TRUE(revenue[2].plan->assigned_by_superior);
  EXPECT_TRUE(TargetsFor(plans, 7, "THU_NS_XA", 2022).empty());
}

TEST(Plan, TermPlans) {
  Plan term;
  term.first_year = 2020;
  term.last_year = 2025;
  term.targets = {T("GD_VAN_HOA", 2025, 90), T("GD_VAN_HOA", 2022, 85)};
  EXPECT_TRUE(term.Validate().ok());
  EXPECT_DOUBLE_EQ(term.FindTarget("GD_VAN_HOA", 2022)->value, 85);
  EXPECT_EQ(term.FindTarget("GD_VAN_HOA", 2023), nullptr);
}

TEST(Plan, RejectsBadPlans) {
  Plan p;
  p.first_year = 2021;
  p.last_year = 2020;
  EXPECT_EQ(p.Validate().message(), "plan years 2021-2020 are not a valid span");
  p.last_year = 2021;
  p.targets = {T("A", 2022, 1)};
  EXPECT_EQ(p.Validate().message(), "the target for A is for 2022, outside the plan's years");
  p.targets = {T("A", 2021, 1), T("A", 2021, 2)};
  EXPECT_EQ(p.Validate().message_vi(), "kế hoạch đặt chỉ tiêu A năm 2021 hai lần");
  Target band = T("A", 2021, 5, Comparator::kBand);
  band.value_high = 4;
  EXPECT_EQ(band.Validate().field(), "value_high");
  EXPECT_FALSE(T("", 2021, 1).Validate().ok());
  EXPECT_FALSE(T("A", 2021, std::numeric_limits<double>::infinity()).Validate().ok());
}

TEST(Plan, NamesAndComparators) {
  EXPECT_STREQ(BodyKindNameVi(BodyKind::kPeoplesCouncil), "HĐND");
  EXPECT_EQ(*ParseBodyKind("party_committee"), BodyKind::kPartyCommittee);
  EXPECT_EQ(*ParseBodyKind("UBND"), BodyKind::kPeoplesCommittee);
  EXPECT_FALSE(ParseBodyKind("Quốc hội").ok());
  EXPECT_EQ(*ParseComparator("≥"), Comparator::kAtLeast);
  EXPECT_EQ(*ParseComparator("<="), Comparator::kAtMost);
  EXPECT_STREQ(ComparatorSymbol(Comparator::kAtMost), "≤");
  EXPECT_FALSE(ParseComparator("~").ok());
}

}  // namespace
}  // namespace kiemdem
