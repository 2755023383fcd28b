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
  kStanding,           // Thực hiện thường xuyên: an ongoing duty, never late
  kNoDeadline,         // Không thời hạn: open and no deadline was set
};

// "done_on_time", "done_late", "in_progress", "overdue", "standing", "no_deadline".
const char* DirectiveStateKey(DirectiveState s);
const char* DirectiveStateNameVi(DirectiveState s);  // "Hoàn thành đúng hạn", ...
const char* DirectiveStateNameEn(DirectiveState s);
Result<DirectiveState> ParseDirectiveState(std::string_view key);

// True for the two done states.
bool IsDone(DirectiveState s);

// The state on `today` of a directive with one deadline: done on or before
// the deadline is on time; open past the deadline is overdue; open without a
// deadline is "không thời hạn", or "thường xuyên" when it is `standing`.
DirectiveState DirectiveStateOn(std::optional<Date> deadline, std::optional<Date> completed_on, Date today,
                                bool standing = false);

// An intermediate deadline of a directive that carries several ("báo cáo
// trước 25/11, hoàn thành trước 31/12"): what is due, by when, and the day it
// was delivered.
struct Milestone {
  Date on;
  std::string what;  // "báo cáo kết quả"
  std::optional<Date> done_on;

  bool operator==(const Milestone&) const = default;
};

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
  std::optional<Date> deadline;          // the final deadline ("hoàn thành trước 31/12")
  // Deadlines before the final one, in date order ("báo cáo trước 25/11").
  std::vector<Milestone> milestones;
  // "thực hiện thường xuyên": an ongoing duty; it has no final deadline.
  bool standing = false;
  std::optional<Date> completed_on;
  std::string indicator;  // the indicator it is meant to move, if any
  std::vector<DirectiveProgress> progress;

  // Non-empty text and assignee; milestones dated, described, in order and
  // not after the final deadline; a standing duty has no final deadline.
  // Completion not before the issuing date is checked by the caller.
  Status Validate() const;
  // Open past any deadline not met (a milestone not delivered by its day,
  // or the final one) is overdue; done after any of them is done late.
  DirectiveState StateOn(Date today) const;
  // The deadline to chase on `today`: the first milestone not delivered,
  // else the final deadline; empty when done or without any.
  std::optional<Date> NextDeadline() const;
  // What the next deadline asks for: the milestone's words, or "" for the final one.
  std::string NextDue() const;
  // Open with its next deadline from `today` to `days` days after it
  // ("sắp đến hạn"); one already past is overdue, not coming.
  bool DueWithin(Date today, int days) const;
};

// Whether `b` asks the same of the same assignee as `a`: text, assignee,
// indicator, standing, final deadline and the milestones' days and words.
// Progress (completion, a milestone marked delivered) is not a change of task:
// the unit reports it; a change of task is the issuing body's (Action::kAssign).
bool SameTask(const Directive& a, const Directive& b);

// Whether changing `before` into `after` needs the issuing body's right
// (Action::kAssign over the unit its session reviewed): a working session's
// directive is the body above's, so its task changes only from above; the
// unit reports progress instead.
bool ChangeNeedsIssuer(const Directive& before, const Directive& after);

// The order a board chases directives in on `today`: overdue, in progress,
// standing duties, without deadline, done late, done on time; inside a
// state the nearest next deadline first.
bool ChaseBefore(const Directive& a, const Directive& b, Date today);

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

  // InvalidArgument without its host or its unit, or when it names a
  // document twice (field "documents"): a session considers each once.
  Status Validate() const;
  // A directive the session issues, before its words are read: issued by the
  // host, assigned to the unit reviewed.
  Directive NewDirective() const;
};

// The unit a directive belongs to (who may see and report on it, whose
// calendar holds it): its assignee's unit, else the unit reviewed by the
// session that issued it (`issued_by`, may be null); kNoUnit when neither.
UnitId UnitOfDirective(const Directive& d, const Meeting* issued_by);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_DIRECTIVE_H_
