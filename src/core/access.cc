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

const char* ActionNameVi(Action a) {
  switch (a) {
    case Action::kRead: return "xem số liệu";
    case Action::kEnter: return "nhập và gửi số liệu";
    case Action::kApprove: return "duyệt số liệu";
    case Action::kManage: return "quản lý kế hoạch, buổi làm việc và chỉ đạo";
    case Action::kAssign: return "giao chỉ tiêu, nhiệm vụ và thời hạn";
    case Action::kAdmin: return "quản trị người dùng và danh mục";
  }
  return "xem số liệu";
}

const char* ActionNameEn(Action a) {
  switch (a) {
    case Action::kRead: return "read figures";
    case Action::kEnter: return "enter and submit figures";
    case Action::kApprove: return "approve figures";
    case Action::kManage: return "manage plans, sessions and directives";
    case Action::kAssign: return "assign targets, tasks and deadlines";
    case Action::kAdmin: return "administer users and reference data";
  }
  return "read figures";
}

const char* RoleNeededVi(Action a) {
  switch (a) {
    case Action::kRead: return "một vai trò bất kỳ ở đơn vị này hoặc cấp trên";
    case Action::kEnter: return "người nhập liệu (reporter) trở lên ở đơn vị này hoặc cấp trên";
    case Action::kApprove:
    case Action::kAssign: return "người duyệt (approver) của cấp trên đơn vị, hoặc quản trị viên (admin)";
    case Action::kManage: return "người duyệt (approver) trở lên ở đơn vị này hoặc cấp trên";
    case Action::kAdmin: return "quản trị viên (admin)";
  }
  return "quản trị viên (admin)";
}

const char* RoleNeededEn(Action a) {
  switch (a) {
    case Action::kRead: return "any role at this unit or above it";
    case Action::kEnter: return "reporter or above at this unit or above it";
    case Action::kApprove:
    case Action::kAssign: return "approver at a level above the unit, or admin";
    case Action::kManage: return "approver or above at this unit or above it";
    case Action::kAdmin: return "admin";
  }
  return "admin";
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
