#include "core/access.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

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

// A permission message names the role the action needs; that role, granted
// over the city, allows the action on a ward of it, and the role below it does not.
TEST(Access, TheRoleAMessageNamesIsTheOneThatAllowsTheAction) {
  const std::vector<Role> ladder{Role::kViewer, Role::kReporter, Role::kApprover, Role::kAdmin};
  for (Action a :
       {Action::kRead, Action::kEnter, Action::kApprove, Action::kManage, Action::kAssign, Action::kAdmin}) {
    std::string vi = RoleNeededVi(a);
    std::string en = RoleNeededEn(a);
    Role named = Role::kViewer;
    if (size_t open = vi.find('('); open != std::string::npos) {
      named = *ParseRole(vi.substr(open + 1, vi.find(')', open) - open - 1));
    }
    EXPECT_NE(en.find(a == Action::kRead ? "any role" : RoleKey(named)), std::string::npos) << en;
    EXPECT_FALSE(std::string(ActionNameVi(a)).empty());
    EXPECT_FALSE(std::string(ActionNameEn(a)).empty());
    UnitId root = named == Role::kAdmin ? kNoUnit : 2;
    EXPECT_TRUE(Allows({{named, root}}, a, 3, Within)) << ActionKey(a) << ": " << vi;
    if (named != Role::kViewer) {
      Role below =
          ladder[static_cast<size_t>(std::find(ladder.begin(), ladder.end(), named) - ladder.begin()) - 1];
      EXPECT_FALSE(Allows({{below, 2}}, a, 3, Within)) << ActionKey(a) << " with " << RoleKey(below);
    }
  }
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
