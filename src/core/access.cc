#include "core/access.h"

#include <string>

namespace kiemdem {

const char* RoleKey(Role r) {
  switch (r) {
    case Role::kViewer: return "viewer";
    case Role::kReporter: return "reporter";
    case Role::kApprover: return "approver";
    case Role::kAdmin: return "admin";
  }
  return "viewer";
}

Result<Role> ParseRole(std::string_view key) {
  for (Role r : {Role::kViewer, Role::kReporter, Role::kApprover, Role::kAdmin}) {
    if (key == RoleKey(r)) return r;
  }
  return InvalidArgument("'" + std::string(key) + "' is not a role (viewer, reporter, approver, admin)",
                         "'" + std::string(key) + "' không phải vai trò (viewer, reporter, approver, admin)")
      .WithField("role");
}

const char* ActionKey(Action a) {
  switch (a) {
    case Action::kRead: return "read";
    case Action::kEnter: return "enter";
    case Action::kApprove: return "approve";
    case Action::kManage: return "manage";
    case Action::kAssign: return "assign";
    case Action::kAdmin: return "admin";
  }
  return "read";
}

bool Allows(const std::vector<Grant>& grants, Action action, UnitId unit, const WithinSubtree& within) {
  for (const Grant& g : grants) {
    bool everywhere = g.unit == kNoUnit;
    bool covers = everywhere || (unit != kNoUnit && within(unit, g.unit));
    bool strictly_below = everywhere || (unit != kNoUnit && unit != g.unit && within(unit, g.unit));
    switch (action) {
      case Action::kRead:
        if (covers) return true;
        break;
      case Action::kEnter:
        if (covers && g.role >= Role::kReporter) return true;
        break;
      case Action::kApprove:
      case Action::kAssign:
        if (g.role == Role::kAdmin && covers) return true;
        if (g.role == Role::kApprover && strictly_below) return true;
        break;
      case Action::kManage:
        if (covers && g.role >= Role::kApprover) return true;
        break;
      case Action::kAdmin:
        if (g.role == Role::kAdmin && covers) return true;
        break;
    }
  }
  return false;
}

bool Allows(const std::vector<Grant>& grants, Action action, UnitId unit, const WithinSubtree& within,
            const CoversHistoryOf& history) {
  if (Allows(grants, action, unit, within)) return true;
  if (action != Action::kRead || unit == kNoUnit) return false;
  for (const Grant& g : grants) {
    if (g.unit != kNoUnit && history(unit, g.unit)) return true;
  }
  return false;
}

bool AllowsSomewhere(const std::vector<Grant>& grants, Action action) {
  for (const Grant& g : grants) {
    switch (action) {
      case Action::kRead: return true;
      case Action::kEnter:
        if (g.role >= Role::kReporter) return true;
        break;
      case Action::kApprove:
      case Action::kAssign:
      case Action::kManage:
        if (g.role >= Role::kApprover) return true;
        break;
      case Action::kAdmin:
        if (g.role == Role::kAdmin) return true;
        break;
    }
  }
  return false;
}

}  // namespace kiemdem
