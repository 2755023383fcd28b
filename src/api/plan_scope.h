// Who may set a plan's targets: the one rule the plan form (POST /plans) and
// the plan import (POST /imports/plans) both ask, unit by unit.
#ifndef KIEMDEM_API_PLAN_SCOPE_H_
#define KIEMDEM_API_PLAN_SCOPE_H_

#include <vector>

#include "api/call.h"
#include "core/plan.h"

namespace kiemdem::api {

// Ok when the caller may manage `plan`'s unit and, for targets the body above
// assigns (giao chỉ tiêu) or a plan that would replace such a one among
// `held` (the unit's stored plans), may also assign them: an approver above
// the unit or an administrator. PermissionDenied naming the role missing
// otherwise (field "assigned_by_superior" for the second).
Status MaySetPlan(const Call& call, const Plan& plan, const std::vector<Plan>& held);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_PLAN_SCOPE_H_
