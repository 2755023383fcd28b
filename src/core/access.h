// Who may do what where: roles granted over a unit subtree (viewer <
// reporter < approver < admin) and the one rule every request is checked
// against. Pure: the caller supplies the tree as "is `a` at or below `b`".
#ifndef KIEMDEM_CORE_ACCESS_H_
#define KIEMDEM_CORE_ACCESS_H_

#include <functional>
#include <string_view>
#include <vector>

#include "core/admin_unit.h"
#include "core/status.h"

namespace kiemdem {

enum class Role { kViewer, kReporter, kApprover, kAdmin };
const char* RoleKey(Role r);  // "viewer", "reporter", "approver", "admin"
Result<Role> ParseRole(std::string_view key);

struct Grant {
  Role role = Role::kViewer;
  UnitId unit = kNoUnit;  // root of the subtree; kNoUnit: every unit
};

enum class Action {
  kRead,     // see a unit's figures, drafts included
  kEnter,    // enter, change and submit results; post reports
  kApprove,  // approve, send back or reopen results
  kManage,   // plans, meetings and directives of the unit
  kAssign,   // what the body above sets a unit: assigned targets, directive deadlines and tasks
  kAdmin,    // users, roles, reference data
};
const char* ActionKey(Action a);
// What the action is, for a person: "duyệt số liệu" / "approve figures".
const char* ActionNameVi(Action a);
const char* ActionNameEn(Action a);
// The role the action needs, as Allows decides it, for a permission message:
// "người duyệt (approver) của cấp trên đơn vị, hoặc quản trị viên (admin)".
const char* RoleNeededVi(Action a);
const char* RoleNeededEn(Action a);

// Whether `unit` is `root` or below it (on any date the caller chooses).
using WithinSubtree = std::function<bool(UnitId unit, UnitId root)>;

// Read: any role whose subtree holds the unit. Enter: reporter and above.
// Approve: an approver over a unit strictly below its root (a ward's figures
// are approved above the ward), or an admin. Manage: approver and above over
// the unit. Assign: as Approve — an approver over a unit strictly below its
// root, or an admin — since the body above sets a unit's assigned targets
// and the deadlines of its directives; the unit itself reports progress and
// asks for more time. Admin: an admin over every unit, or over the unit for
// that unit.
// `unit` kNoUnit asks for the action anywhere (e.g. listing all users).
bool Allows(const std::vector<Grant>& grants, Action action, UnitId unit, const WithinSubtree& within);

// Whether `unit`'s figures belong to the history of `root`'s territory across
// reorganisations (AdminRegistry::CoversHistory).
using CoversHistoryOf = std::function<bool(UnitId unit, UnitId root)>;

// Allows, where reading also reaches the history of each grant's unit: a
// role on a ward formed on 01/07/2025 reads the figures of the wards it was
// formed of, a role on today's province those of the old provinces merged
// into it. Every other action stays within the grant's subtree; a role on an
// old unit covers that unit (for its valid dates) and not what it became.
bool Allows(const std::vector<Grant>& grants, Action action, UnitId unit, const WithinSubtree& within,
            const CoversHistoryOf& history);

// Whether `grants` allow `action` over at least one unit: checked before work
// that is authorised unit by unit later (an import checks each row's unit),
// so that a user who may do it nowhere is refused before anything is read.
bool AllowsSomewhere(const std::vector<Grant>& grants, Action action);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ACCESS_H_
