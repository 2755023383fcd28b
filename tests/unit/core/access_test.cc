#include "core/access.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

// 1 province > 2 city > {3 ward A, 4 ward B}
bool Within(UnitId unit, UnitId root) {
  for (UnitId u = unit; u != kNoUnit; u = u == 3 || u == 4 ? 2 : u == 2 ? 1 : kNoUnit) {
    if (u == root) return true;
  }
  return false;
}

TEST(Access, ReporterEntersOnlyItsOwnWard) {
  std::vector<Grant> g = {{Role::kReporter, 3}};
  EXPECT_TRUE(Allows(g, Action::kRead, 3, Within));
  EXPECT_TRUE(Allows(g, Action::kEnter, 3, Within));
  EXPECT_FALSE(Allows(g, Action::kRead, 4, Within));
  EXPECT_FALSE(Allows(g, Action::kEnter, 4, Within));
  EXPECT_FALSE(Allows(g, Action::kApprove, 3, Within));
  EXPECT_FALSE(Allows(g, Action::kRead, 2, Within));  // not up the tree
}

TEST(Access, ApproverApprovesBelowItButNotItsOwnUnit) {
  std::vector<Grant> g = {{Role::kApprover, 2}};
  EXPECT_TRUE(Allows(g, Action::kApprove, 3, Within));
  EXPECT_TRUE(Allows(g, Action::kApprove, 4, Within));
  EXPECT_FALSE(Allows(g, Action::kApprove, 2, Within));
  EXPECT_FALSE(Allows(g, Action::kApprove, 1, Within));
  EXPECT_TRUE(Allows(g, Action::kManage, 2, Within));
  EXPECT_FALSE(Allows(g, Action::kAdmin, 3, Within));
}

// The body above sets a unit's assigned targets and its directives'
// deadlines (review domain F18): the ward's own approver manages the ward
// but cannot assign to it.
TEST(Access, OnlyTheLevelAboveAssigns) {
  std::vector<Grant> ward = {{Role::kApprover, 3}};
  EXPECT_TRUE(Allows(ward, Action::kManage, 3, Within));
  EXPECT_FALSE(Allows(ward, Action::kAssign, 3, Within));
  std::vector<Grant> city = {{Role::kApprover, 2}};
  EXPECT_TRUE(Allows(city, Action::kAssign, 3, Within));
  EXPECT_FALSE(Allows(city, Action::kAssign, 2, Within));
  EXPECT_FALSE(Allows({{Role::kReporter, 2}}, Action::kAssign, 3, Within));
  EXPECT_TRUE(Allows({{Role::kAdmin, kNoUnit}}, Action::kAssign, 3, Within));
  EXPECT_STREQ(ActionKey(Action::kAssign), "assign");
}

TEST(Access, ViewerOnlyReadsAndAdminDoesAll) {
  std::vector<Grant> viewer = {{Role::kViewer, 1}};
  EXPECT_TRUE(Allows(viewer, Action::kRead, 4, Within));
  EXPECT_FALSE(Allows(viewer, Action::kEnter, 4, Within));
  std::vector<Grant> admin = {{Role::kAdmin, kNoUnit}};
  for (Action a : {Action::kRead, Action::kEnter, Action::kApprove, Action::kManage, Action::kAdmin}) {
    EXPECT_TRUE(Allows(admin, a, 3, Within)) << ActionKey(a);
    EXPECT_TRUE(Allows(admin, a, kNoUnit, Within)) << ActionKey(a);
  }
  EXPECT_FALSE(Allows({}, Action::kRead, 3, Within));
  EXPECT_FALSE(Allows(viewer, Action::kRead, kNoUnit, Within));
}

TEST(Access, RolesParse) {
  EXPECT_EQ(*ParseRole("approver"), Role::kApprover);
  EXPECT_EQ(ParseRole("root").status().field(), "role");
}

TEST(Access, SomewhereNeedsARoleThatCanDoIt) {
  EXPECT_FALSE(AllowsSomewhere({}, Action::kRead));
  EXPECT_FALSE(AllowsSomewhere({}, Action::kEnter));
  std::vector<Grant> viewer = {{Role::kViewer, 3}};
  EXPECT_TRUE(AllowsSomewhere(viewer, Action::kRead));
  EXPECT_FALSE(AllowsSomewhere(viewer, Action::kEnter));
  std::vector<Grant> mixed = {{Role::kViewer, 1}, {Role::kReporter, 4}};
  EXPECT_TRUE(AllowsSomewhere(mixed, Action::kEnter));
  EXPECT_FALSE(AllowsSomewhere(mixed, Action::kManage));
  EXPECT_TRUE(AllowsSomewhere({{Role::kApprover, 2}}, Action::kManage));
  EXPECT_FALSE(AllowsSomewhere({{Role::kApprover, 2}}, Action::kAdmin));
  EXPECT_TRUE(AllowsSomewhere({{Role::kAdmin, 3}}, Action::kAdmin));
}

}  // namespace
}  // namespace kiemdem
