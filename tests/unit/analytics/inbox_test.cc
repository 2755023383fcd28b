// The approval inbox's groups: one per unit and period, only the units the
// reviewer may approve, the oldest submission first.
#include "analytics/inbox.h"

#include <gtest/gtest.h>

#include <set>

namespace kiemdem::analytics {
namespace {

store::ResultRecord Waiting(UnitId unit, const char* period, const char* indicator, const char* at) {
  store::ResultRecord r;
  r.observation.unit = unit;
  r.observation.period = *Period::Parse(period);
  r.observation.indicator = indicator;
  r.status = store::ResultStatus::kSubmitted;
  r.updated_at = at;
  return r;
}

bool Anyone(UnitId) { return true; }

TEST(GroupInbox, OneGroupPerUnitAndPeriodCountingItsFigures) {
  std::vector<InboxGroup> groups = GroupInbox({Waiting(7, "2026-Q1", "THU_NS", "2026-04-02T08:00:00Z"),
                                               Waiting(7, "2026-Q1", "CHI_NS", "2026-04-01T09:00:00Z"),
                                               Waiting(7, "2026-04", "THU_NS", "2026-05-03T10:00:00Z"),
                                               Waiting(9, "2026-Q1", "THU_NS", "2026-04-05T07:00:00Z")},
                                              Anyone);
  ASSERT_EQ(groups.size(), 3u);
  EXPECT_EQ(groups[0].unit, 7);
  EXPECT_EQ(groups[0].period.Key(), "2026-Q1");
  EXPECT_EQ(groups[0].count, 2);
  EXPECT_EQ(groups[0].oldest, "2026-04-01T09:00:00Z") << "the earlier of the two, whatever their order";
  EXPECT_EQ(groups[1].unit, 9);
  EXPECT_EQ(groups[1].count, 1);
  EXPECT_EQ(groups[2].unit, 7);
  EXPECT_EQ(groups[2].period.Key(), "2026-04");
}

TEST(GroupInbox, TheOldestSubmissionComesFirstAndTiesKeepUnitThenPeriodOrder) {
  std::vector<InboxGroup> groups = GroupInbox({Waiting(9, "2026-Q1", "THU_NS", "2026-04-01T08:00:00Z"),
                                               Waiting(3, "2026-Q2", "THU_NS", "2026-04-01T08:00:00Z"),
                                               Waiting(3, "2026-Q1", "THU_NS", "2026-04-01T08:00:00Z"),
                                               Waiting(5, "2026-Q1", "THU_NS", "2026-03-01T08:00:00Z")},
                                              Anyone);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].unit, 5);
  EXPECT_EQ(groups[1].unit, 3);
  EXPECT_EQ(groups[1].period.Key(), "2026-Q1");
  EXPECT_EQ(groups[2].unit, 3);
  EXPECT_EQ(groups[2].period.Key(), "2026-Q2");
  EXPECT_EQ(groups[3].unit, 9);
}

TEST(GroupInbox, KeepsOnlyUnitsTheReviewerMayApproveAskingOncePerUnit) {
  std::multiset<UnitId> asked;
  std::vector<InboxGroup> groups = GroupInbox({Waiting(7, "2026-Q1", "THU_NS", "2026-04-01T08:00:00Z"),
                                               Waiting(8, "2026-Q1", "THU_NS", "2026-04-01T08:00:00Z"),
                                               Waiting(7, "2026-Q2", "THU_NS", "2026-07-01T08:00:00Z"),
                                               Waiting(8, "2026-Q2", "CHI_NS", "2026-07-01T08:00:00Z")},
                                              [&](UnitId unit) {
                                                asked.insert(unit);
                                                return unit == 7;
                                              });
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].unit, 7);
  EXPECT_EQ(groups[1].unit, 7);
  EXPECT_EQ(asked, (std::multiset<UnitId>{7, 8}));
}

TEST(GroupInbox, NothingWaitingIsAnEmptyInbox) { EXPECT_TRUE(GroupInbox({}, Anyone).empty()); }

}  // namespace
}  // namespace kiemdem::analytics
