#include "core/directive.h"

#include <gtest/gtest.h>

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

TEST(DirectiveState, NoDeadlineIsNeverLate) {
  EXPECT_EQ(DirectiveStateOn(std::nullopt, std::nullopt, D("01/01/2030")), DirectiveState::kInProgressOnTime);
  EXPECT_EQ(DirectiveStateOn(std::nullopt, D("01/01/2030"), D("01/01/2030")), DirectiveState::kDoneOnTime);
}

TEST(DirectiveState, ACompletionAfterTodayIsNotYetDone) {
  // Looking back at an earlier day, a later completion has not happened yet.
  EXPECT_EQ(DirectiveStateOn(D("25/11/2018"), D("20/11/2018"), D("10/11/2018")),
            DirectiveState::kInProgressOnTime);
}

TEST(DirectiveState, KeysRoundTripAndNamesAreVietnamese) {
  for (DirectiveState s : {DirectiveState::kDoneOnTime, DirectiveState::kDoneLate,
                           DirectiveState::kInProgressOnTime, DirectiveState::kInProgressOverdue}) {
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

}  // namespace
}  // namespace kiemdem
