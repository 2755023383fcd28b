// Working sessions (buổi làm việc) and the directives (ý kiến chỉ đạo, kết
// luận) they issue, followed to done. A directive's state is one of the four
// the Government Office's task tracking uses, derived from its deadline and
// completion date as of a day.
#ifndef KIEMDEM_CORE_DIRECTIVE_H_
#define KIEMDEM_CORE_DIRECTIVE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/admin_unit.h"
#include "core/date.h"
#include "core/status.h"

namespace kiemdem {

enum class DirectiveState {
  kDoneOnTime,         // Hoàn thành đúng hạn
  kDoneLate,           // Hoàn thành quá hạn
  kInProgressOnTime,   // Đang thực hiện trong hạn
  kInProgressOverdue,  // Đang thực hiện quá hạn
};

const char* DirectiveStateKey(DirectiveState s);     // "done_on_time", "done_late", "in_progress", "overdue"
const char* DirectiveStateNameVi(DirectiveState s);  // "Hoàn thành đúng hạn", ...
const char* DirectiveStateNameEn(DirectiveState s);
Result<DirectiveState> ParseDirectiveState(std::string_view key);

// The state on `today`: done on or before the deadline is on time; open past
// the deadline is overdue; no deadline is never late.
DirectiveState DirectiveStateOn(std::optional<Date> deadline, std::optional<Date> completed_on, Date today);

// Who must carry a directive out.
enum class AssigneeKind { kUnit, kBody, kPerson };
const char* AssigneeKindKey(AssigneeKind k);  // "unit", "body", "person"
Result<AssigneeKind> ParseAssigneeKind(std::string_view key);

struct Assignee {
  AssigneeKind kind = AssigneeKind::kBody;
  std::string name;       // "UBND phường Quảng Hưng", "đồng chí Chủ tịch UBND phường"
  UnitId unit = kNoUnit;  // the unit it belongs to, when known
};

// A dated progress note; `completes` marks the directive done on `on`.
struct DirectiveProgress {
  Date on;
  std::string actor;
  std::string note;
  bool completes = false;
  std::optional<int64_t> evidence_document;
  std::optional<int64_t> evidence_result;
};

struct Directive {
  int64_t id = 0;
  int64_t meeting = 0;  // the working session that issued it; 0 when none
  std::string issuer;   // the issuing body: "Thường trực Thành ủy"
  std::string text;     // "Báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018"
  Assignee assignee;
  std::vector<std::string> cooperating;  // phối hợp
  std::optional<Date> deadline;
  std::optional<Date> completed_on;
  std::string indicator;  // the indicator it is meant to move, if any
  std::vector<DirectiveProgress> progress;

  // Non-empty text and assignee; completion not before the issuing date is checked by the caller.
  Status Validate() const;
  DirectiveState StateOn(Date today) const { return DirectiveStateOn(deadline, completed_on, today); }
};

// A working session: a body above reviews a unit.
struct Meeting {
  int64_t id = 0;
  Date held_on;
  std::string host;       // host body: "Ban Thường vụ Thành ủy"
  UnitId unit = kNoUnit;  // the unit reviewed
  std::string chair;      // "đồng chí Nguyễn Văn Thông, Bí thư Thành ủy"
  std::vector<std::string> attendees;
  std::vector<int64_t> documents;  // reports and documents considered
  std::string conclusions;

  Status Validate() const;
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_DIRECTIVE_H_
