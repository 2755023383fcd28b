// Who may set a plan's targets, as the plan import asks it row by row before
// anything is saved; the store decides the targets assigned from above again
// inside its transaction (PlanStore::SavePlans with MayAssignFor).
#ifndef KIEMDEM_API_PLAN_SCOPE_H_
#define KIEMDEM_API_PLAN_SCOPE_H_

#include "api/call.h"
#include "core/plan.h"
#include "store/plan_store.h"

namespace kiemdem::api {

// Ok when the caller may manage `plan`'s unit (approver or administrator over
// it) and, for targets the body above assigns (giao chỉ tiêu), may assign
// them there (an approver above the unit or an administrator).
// PermissionDenied naming the role missing otherwise (field
// "assigned_by_superior" for the second). A plan replacing assigned targets
// is refused by the store, which alone sees what is kept when it writes.
Status MaySetPlan(const Call& call, const Plan& plan);

// The store's check of the right to assign, for the caller.
store::PlanStore::MayAssign MayAssignFor(const Call& call);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_PLAN_SCOPE_H_
