#include "core/completeness.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Date D(int y, int m, int d) { return *Date::FromYmd(y, m, d); }
ReportDeadline Oct2018() { return DeadlineOf(*Period::Parse("2018-01/2018-10"), DeadlineRule{}); }

TEST(DeadlineOf, Decree09CutoffAndSendDayOfLastMonth) {
  ReportDeadline d = Oct2018();
  EXPECT_EQ(d.cutoff, D(2018, 10, 14));
  EXPECT_EQ(d.send_by, D(2018, 10, 25));
  ReportDeadline q =
      DeadlineOf(*Period::Quarter(2019, 3), DeadlineRule{.regime = {.cutoff_day = 15}, .send_day = 20});
  EXPECT_EQ(q.cutoff, D(2019, 9, 15));
  EXPECT_EQ(q.send_by, D(2019, 9, 20));
}

TEST(DeadlineOf, ClampsDaysToTheMonth) {
  ReportDeadline d =
      DeadlineOf(*Period::Month(2019, 2), DeadlineRule{.regime = {.cutoff_day = 0}, .send_day = 31});
  EXPECT_EQ(d.cutoff, D(2019, 2, 1));
  EXPECT_EQ(d.send_by, D(2019, 2, 28));
}

TEST(ReportOf, StateIsTheLeastAdvancedFigure) {
  using F = FigureState;
  Date t = D(2018, 10, 1);
  EXPECT_EQ(ReportOf({}, 14, Oct2018(), t, 3).state, ReportState::kNone);
  EXPECT_EQ(ReportOf({F::kApproved, F::kDraft}, 14, Oct2018(), t, 3).state, ReportState::kDraft);
  EXPECT_EQ(ReportOf({F::kDraft, F::kReturned}, 14, Oct2018(), t, 3).state, ReportState::kReturned);
  EXPECT_EQ(ReportOf({F::kApproved, F::kSubmitted}, 14, Oct2018(), t, 3).state, ReportState::kSubmitted);
  EXPECT_EQ(ReportOf({F::kApproved, F::kApproved}, 14, Oct2018(), t, 3).state, ReportState::kApproved);
  UnitReport r = ReportOf({F::kDraft, F::kDraft}, 14, Oct2018(), t, 3);
  EXPECT_EQ(r.present, 2);
  EXPECT_EQ(r.expected, 14);
  EXPECT_STREQ(ReportStateKey(ReportState::kReturned), "returned");
  EXPECT_STREQ(ReportStateNameVi(ReportState::kDraft), "Đang nhập");
  EXPECT_STREQ(ReportStateNameEn(ReportState::kNone), "Not reported");
}

TEST(ReportOf, LateAfterTheDeadlineUnlessSubmitted) {
  using F = FigureState;
  EXPECT_TRUE(ReportOf({}, 14, Oct2018(), D(2018, 10, 26), 3).late);
  EXPECT_TRUE(ReportOf({F::kDraft}, 14, Oct2018(), D(2018, 11, 2), 3).late);
  EXPECT_FALSE(ReportOf({}, 14, Oct2018(), D(2018, 10, 25), 3).late);  // the deadline day is in time
  UnitReport sent = ReportOf({F::kSubmitted}, 14, Oct2018(), D(2018, 12, 1), 3);
  EXPECT_FALSE(sent.late);
  EXPECT_FALSE(sent.due);
}

TEST(ReportOf, DueWithinNDaysOfTheDeadline) {
  EXPECT_TRUE(ReportOf({}, 14, Oct2018(), D(2018, 10, 22), 3).due);
  EXPECT_TRUE(ReportOf({}, 14, Oct2018(), D(2018, 10, 25), 3).due);
  EXPECT_FALSE(ReportOf({}, 14, Oct2018(), D(2018, 10, 21), 3).due);
  EXPECT_FALSE(ReportOf({}, 14, Oct2018(), D(2018, 10, 26), 3).due);  // late, not due
}

Plan PlanOf(UnitId unit, int first, int last, std::vector<Target> targets) {
  Plan p;
  p.unit = unit;
  p.first_year = first;
  p.last_year = last;
  p.targets = std::move(targets);
  return p;
}

Target T(const char* indicator, int year) {
  Target t;
  t.indicator = indicator;
  t.year = year;
  t.value = 1;
  return t;
}

TEST(ExpectedIndicators, TheIndicatorsTargetedThatYearEachOnce) {
  std::vector<Plan> plans{
      PlanOf(7, 2026, 2026, {T("THU_NSNN", 2026), T("CHI_NS", 2026)}),
      // The Party committee's term plan sets THU_NSNN again, and other years.
      PlanOf(7, 2021, 2026, {T("THU_NSNN", 2026), T("DN_MOI", 2025), T("HO_NGHEO", 2026)}),
      PlanOf(8, 2026, 2026, {T("VIEC_LAM", 2026)})};  // another unit's
  EXPECT_EQ(ExpectedIndicators(plans, 7, 2026, 40), 3);
  EXPECT_EQ(ExpectedIndicators(plans, 7, 2025, 40), 1);
  EXPECT_EQ(ExpectedIndicators(plans, 8, 2026, 40), 1);
}

TEST(ExpectedIndicators, TheWholeCatalogueWithoutATargetThatYear) {
  std::vector<Plan> plans{PlanOf(7, 2026, 2026, {T("THU_NSNN", 2026)})};
  EXPECT_EQ(ExpectedIndicators(plans, 7, 2027, 40), 40);
  EXPECT_EQ(ExpectedIndicators(plans, 9, 2026, 40), 40);
  EXPECT_EQ(ExpectedIndicators({}, 7, 2026, 40), 40);
}

TEST(CountReports, UnitsPerStateLateAndDue) {
  using F = FigureState;
  ReportDeadline d = Oct2018();
  Date t = D(2018, 10, 23);  // due: within 3 days of 25/10
  std::vector<UnitReport> reports{
      ReportOf({}, 14, d, t, 3), ReportOf({F::kDraft}, 14, d, t, 3), ReportOf({F::kApproved}, 14, d, t, 3),
      ReportOf({}, 14, d, D(2018, 11, 1), 3), ReportOf({F::kSubmitted, F::kApproved}, 14, d, t, 3)};
  ReportCounts c = CountReports(reports);
  EXPECT_EQ(c.total, 5);
  EXPECT_EQ(c.of(ReportState::kNone), 2);
  EXPECT_EQ(c.of(ReportState::kDraft), 1);
  EXPECT_EQ(c.of(ReportState::kSubmitted), 1);
  EXPECT_EQ(c.of(ReportState::kApproved), 1);
  EXPECT_EQ(c.of(ReportState::kReturned), 0);
  EXPECT_EQ(c.late, 1);
  EXPECT_EQ(c.due, 2);
  EXPECT_TRUE(NeedsReminder(reports[0]));
  EXPECT_TRUE(NeedsReminder(reports[3]));
  EXPECT_FALSE(NeedsReminder(reports[2]));
}

TEST(RemindedUnits, TheUnitsAUserEntersFiguresFor) {
  std::vector<Grant> grants{{Role::kReporter, 7}, {Role::kViewer, 8},      {Role::kApprover, 9},
                            {Role::kReporter, 7}, {Role::kAdmin, kNoUnit}, {Role::kApprover, kNoUnit}};
  EXPECT_EQ(RemindedUnits(grants), (std::vector<UnitId>{7, 9}));
  EXPECT_TRUE(RemindedUnits({}).empty());
}

TEST(StateOf, IsReportOfsStateAndSentMeansSubmittedOrApproved) {
  using F = FigureState;
  EXPECT_EQ(StateOf({F::kApproved, F::kReturned}), ReportState::kReturned);
  EXPECT_EQ(StateOf({}), ReportState::kNone);
  EXPECT_TRUE(IsSent(ReportState::kSubmitted));
  EXPECT_TRUE(IsSent(ReportState::kApproved));
  EXPECT_FALSE(IsSent(ReportState::kDraft));
  EXPECT_FALSE(IsSent(ReportState::kReturned));
}

}  // namespace
}  // namespace kiemdem
