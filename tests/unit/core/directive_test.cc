#include "core/directive.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace kiemdem {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(DirectiveState, FourStatesOfTheGovernmentOffice) {
  std::optional<Date> deadline = D("25/11/2018");
  EXPECT_EQ(DirectiveStateOn(deadline, D("25/11/2018"), D("01/12/2018")), DirectiveState::kDoneOnTime);
  EXPECT_EQ(DirectiveStateOn(deadline, D("26/11/2018"), D("01/12/2018")), DirectiveState::kDoneLate);
  EXPECT_EQ(DirectiveStateOn(deadline, std::nullopt, D("25/11/2018")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(DirectiveStateOn(deadline, std::nullopt, D("26/11/2018")), DirectiveState::kInProgressOverdue);
}

TEST(DirectiveState, NoDeadlineHasItsOwnStateNotInProgressForever) {
  // "không thời hạn": open, no deadline; never late, and not "trong hạn".
  EXPECT_EQ(DirectiveStateOn(std::nullopt, std::nullopt, D("01/01/2030")), DirectiveState::kNoDeadline);
  EXPECT_EQ(DirectiveStateOn(std::nullopt, D("01/01/2030"), D("01/01/2030")), DirectiveState::kDoneOnTime);
}

TEST(DirectiveState, AStandingDutyIsThuongXuyen) {
  // "Tiếp tục thực hiện thường xuyên công tác tuyên truyền…" (seed 1's kind of clause).
  Directive d;
  d.text = "Thường xuyên kiểm tra, đôn đốc công tác thu ngân sách";
  d.assignee.name = "UBND phường";
  d.standing = true;
  EXPECT_EQ(d.StateOn(D("01/01/2030")), DirectiveState::kStanding);
  EXPECT_EQ(DirectiveStateKey(DirectiveState::kStanding), std::string("standing"));
  EXPECT_EQ(DirectiveStateNameVi(DirectiveState::kStanding), std::string("Thực hiện thường xuyên"));
  EXPECT_FALSE(IsDone(DirectiveState::kStanding));
  d.completed_on = D("01/06/2029");
  EXPECT_EQ(d.StateOn(D("01/01/2030")), DirectiveState::kDoneOnTime);
}

TEST(DirectiveState, AStandingDutyHasNoFinalDeadline) {
  Directive d;
  d.text = "Thường xuyên rà soát hộ nghèo";
  d.assignee.name = "UBND phường";
  d.standing = true;
  d.deadline = D("31/12/2019");
  Status s = d.Validate();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "deadline");
}

// "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018; hoàn thành trước 31/12/2018."
Directive TwoDeadlines() {
  Directive d;
  d.text = "Rà soát, giải quyết dứt điểm các kiến nghị của cử tri";
  d.assignee.name = "UBND phường Quảng Hưng";
  d.milestones.push_back({D("25/11/2018"), "báo cáo Chủ tịch UBND thành phố", std::nullopt});
  d.deadline = D("31/12/2018");
  return d;
}

TEST(DirectiveState, AMissedMilestoneIsOverdueBeforeTheFinalDeadline) {
  Directive d = TwoDeadlines();
  ASSERT_TRUE(d.Validate().ok());
  EXPECT_EQ(d.StateOn(D("25/11/2018")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(*d.NextDeadline(), D("25/11/2018"));
  EXPECT_EQ(d.NextDue(), "báo cáo Chủ tịch UBND thành phố");
  EXPECT_EQ(d.StateOn(D("26/11/2018")), DirectiveState::kInProgressOverdue);
  // The report sent on the 24th: on time until the final deadline.
  d.milestones[0].done_on = D("24/11/2018");
  EXPECT_EQ(d.StateOn(D("26/11/2018")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(*d.NextDeadline(), D("31/12/2018"));
  EXPECT_EQ(d.NextDue(), "");
  EXPECT_EQ(d.StateOn(D("01/01/2019")), DirectiveState::kInProgressOverdue);
}

TEST(DirectiveState, DoneIsLateWhenAnyDeadlineWasMissed) {
  Directive d = TwoDeadlines();
  d.completed_on = D("20/12/2018");
  // Never marked: the report went with the whole task, after its day.
  EXPECT_EQ(d.StateOn(D("01/01/2019")), DirectiveState::kDoneLate);
  d.milestones[0].done_on = D("25/11/2018");
  EXPECT_EQ(d.StateOn(D("01/01/2019")), DirectiveState::kDoneOnTime);
  d.milestones[0].done_on = D("27/11/2018");
  EXPECT_EQ(d.StateOn(D("01/01/2019")), DirectiveState::kDoneLate);
  EXPECT_FALSE(d.NextDeadline().has_value());
}

TEST(Directive, DeliveringAMilestoneIsProgressMovingItIsAChangeOfTask) {
  Directive d = TwoDeadlines();
  Directive delivered = d;
  delivered.milestones[0].done_on = D("24/11/2018");
  delivered.completed_on = D("30/12/2018");
  EXPECT_TRUE(SameTask(d, delivered));
  Directive moved = d;
  moved.milestones[0].on = D("30/11/2018");
  EXPECT_FALSE(SameTask(d, moved));
  Directive longer = d;
  longer.deadline = D("31/01/2019");
  EXPECT_FALSE(SameTask(d, longer));
  Directive duty = d;
  duty.standing = true;
  EXPECT_FALSE(SameTask(d, duty));
}

TEST(Directive, TheBoardChasesOverdueFirstThenTheNearestDeadline) {
  Directive overdue = TwoDeadlines(), near = TwoDeadlines(), far = TwoDeadlines(), duty = TwoDeadlines();
  overdue.milestones.clear();
  overdue.deadline = D("01/11/2018");
  near.milestones.clear();
  near.deadline = D("20/11/2018");
  far.milestones[0].done_on = D("10/11/2018");  // next: the final 31/12
  duty.milestones.clear();
  duty.deadline.reset();
  duty.standing = true;
  std::vector<Directive> list = {duty, far, near, overdue};
  Date today = D("15/11/2018");
  std::stable_sort(list.begin(), list.end(),
                   [&](const Directive& a, const Directive& b) { return ChaseBefore(a, b, today); });
  EXPECT_EQ(list[0].deadline, D("01/11/2018"));
  EXPECT_EQ(list[1].deadline, D("20/11/2018"));
  EXPECT_EQ(list[2].deadline, D("31/12/2018"));
  EXPECT_TRUE(list[3].standing);
}

TEST(Directive, MilestonesAreDescribedInOrderAndNotAfterTheFinalDeadline) {
  Directive d = TwoDeadlines();
  d.milestones[0].what = "";
  EXPECT_EQ(d.Validate().field(), "milestones[0].what");
  d = TwoDeadlines();
  d.milestones.push_back({D("20/11/2018"), "gửi danh sách", std::nullopt});
  EXPECT_EQ(d.Validate().field(), "milestones[1].on");
  d = TwoDeadlines();
  d.milestones[0].on = D("05/01/2019");
  Status s = d.Validate();
  EXPECT_EQ(s.field(), "milestones[0].on");
  EXPECT_NE(s.message_vi().find("05/01/2019"), std::string::npos);
}

TEST(DirectiveState, ACompletionAfterTodayIsNotYetDone) {
  // Looking back at an earlier day, a later completion has not happened yet.
  EXPECT_EQ(DirectiveStateOn(D("25/11/2018"), D("20/11/2018"), D("10/11/2018")),
            DirectiveState::kInProgressOnTime);
}

TEST(DirectiveState, KeysRoundTripAndNamesAreVietnamese) {
  for (DirectiveState s :
       {DirectiveState::kStanding, DirectiveState::kNoDeadline, DirectiveState::kDoneOnTime,
        DirectiveState::kDoneLate, DirectiveState::kInProgressOnTime, DirectiveState::kInProgressOverdue}) {
    EXPECT_EQ(*ParseDirectiveState(DirectiveStateKey(s)), s);
  }
  EXPECT_STREQ(DirectiveStateNameVi(DirectiveState::kInProgressOverdue), "Đang thực hiện quá hạn");
  EXPECT_FALSE(ParseDirectiveState("late").ok());
}

TEST(Directive, NeedsTextAndAssignee) {
  Directive d;
  EXPECT_EQ(d.Validate().field(), "text");
  d.text = "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018";
  EXPECT_EQ(d.Validate().field(), "assignee");
  d.assignee = {AssigneeKind::kBody, "UBND phường Quang Trung", kNoUnit};
  EXPECT_TRUE(d.Validate().ok());
}

TEST(Meeting, NeedsHostAndUnit) {
  Meeting m;
  EXPECT_EQ(m.Validate().field(), "host");
  m.host = "Thường trực Thành ủy";
  EXPECT_EQ(m.Validate().field(), "unit");
  m.unit = 7;
  EXPECT_TRUE(m.Validate().ok());
}

TEST(Meeting, NamesEachDocumentOnce) {
  Meeting m;
  m.host = "Thường trực Thành ủy";
  m.unit = 7;
  m.documents = {12, 15};
  EXPECT_TRUE(m.Validate().ok());
  m.documents = {12, 15, 12};
  Status s = m.Validate();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "documents");
  EXPECT_EQ(s.message(), "document 12 is listed twice");
  EXPECT_EQ(s.message_vi(), "văn bản số 12 được nêu hai lần");
}

}  // namespace
}  // namespace kiemdem

namespace kiemdem {
namespace {

TEST(Directive, DueWithinLooksAtTheNextDeadlineFromToday) {
  Directive d;
  d.text = "Rà soát hồ sơ";
  d.deadline = Date::Parse("31/12/2018").value();
  d.milestones = {{Date::Parse("25/11/2018").value(), "báo cáo", std::nullopt}};
  EXPECT_TRUE(d.DueWithin(Date::Parse("18/11/2018").value(), 7));   // the 25th is 7 days away
  EXPECT_FALSE(d.DueWithin(Date::Parse("17/11/2018").value(), 7));  // 8 days away
  EXPECT_TRUE(d.DueWithin(Date::Parse("25/11/2018").value(), 7));   // due today
  EXPECT_FALSE(d.DueWithin(Date::Parse("26/11/2018").value(), 7));  // past: overdue, not coming
  d.milestones[0].done_on = Date::Parse("24/11/2018").value();
  EXPECT_FALSE(d.DueWithin(Date::Parse("20/11/2018").value(), 7));  // next is now 31/12
  EXPECT_TRUE(d.DueWithin(Date::Parse("28/12/2018").value(), 7));
  d.completed_on = Date::Parse("27/12/2018").value();
  EXPECT_FALSE(d.DueWithin(Date::Parse("28/12/2018").value(), 7));  // done
}

}  // namespace
}  // namespace kiemdem
