#include "api/plan_scope.h"

#include "api/router.h"

namespace kiemdem::api {

Status MaySetPlan(const Call& call, const Plan& plan) {
  if (!Authorise(call, Action::kManage, plan.unit).ok()) {
    return PermissionDenied(
        "setting a unit's targets needs the approver role (or administrator) over that unit",
        "nhập chỉ tiêu kế hoạch của đơn vị này cần vai trò người duyệt (approver) hoặc quản trị viên của "
        "đơn vị");
  }
  if (plan.assigned_by_superior && !Authorise(call, Action::kAssign, plan.unit).ok()) {
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

store::PlanStore::MayAssign MayAssignFor(const Call& call) {
  return [&call](UnitId unit) { return Authorise(call, Action::kAssign, unit).ok(); };
}

}  // namespace kiemdem::api
