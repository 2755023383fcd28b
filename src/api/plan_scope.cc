#include "api/plan_scope.h"

#include <algorithm>

#include "api/router.h"

namespace kiemdem::api {

Status MaySetPlan(const Call& call, const Plan& plan, const std::vector<Plan>& held) {
  if (!Authorise(call, Action::kManage, plan.unit).ok()) {
    return PermissionDenied(
        "setting a unit's targets needs the approver role (or administrator) over that unit",
        "nhập chỉ tiêu kế hoạch của đơn vị này cần vai trò người duyệt (approver) hoặc quản trị viên của "
        "đơn vị");
  }
  // Targets the body above assigned (giao chỉ tiêu) are its to set and to
  // change: the unit itself cannot write them, nor replace them with its own.
  bool replaces_assigned = std::any_of(held.begin(), held.end(), [&](const Plan& h) {
    return h.unit == plan.unit && h.body_kind == plan.body_kind && h.first_year == plan.first_year &&
           h.last_year == plan.last_year && h.assigned_by_superior;
  });
  if ((plan.assigned_by_superior || replaces_assigned) && !Authorise(call, Action::kAssign, plan.unit).ok()) {
    return PermissionDenied(
               "these targets are assigned by the body above the unit: only an approver above it or an "
               "administrator may set or change them",
               "đây là chỉ tiêu cấp trên giao: chỉ người duyệt (approver) của cấp trên hoặc quản trị viên "
               "được "
               "giao hoặc sửa")
        .WithField("assigned_by_superior");
  }
  return Status::Ok();
}

}  // namespace kiemdem::api
