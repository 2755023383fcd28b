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

}  // namespace
}  // namespace kiemdem
