#include "core/directive.h"

#include <unordered_set>

namespace kiemdem {

const char* DirectiveStateKey(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "done_on_time";
    case DirectiveState::kDoneLate: return "done_late";
    case DirectiveState::kInProgressOnTime: return "in_progress";
    case DirectiveState::kInProgressOverdue: return "overdue";
    case DirectiveState::kStanding: return "standing";
    case DirectiveState::kNoDeadline: return "no_deadline";
  }
  return "in_progress";
}

const char* DirectiveStateNameVi(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "Hoàn thành đúng hạn";
    case DirectiveState::kDoneLate: return "Hoàn thành quá hạn";
    case DirectiveState::kInProgressOnTime: return "Đang thực hiện trong hạn";
    case DirectiveState::kInProgressOverdue: return "Đang thực hiện quá hạn";
    case DirectiveState::kStanding: return "Thực hiện thường xuyên";
    case DirectiveState::kNoDeadline: return "Không thời hạn";
  }
  return "";
}

const char* DirectiveStateNameEn(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "Done on time";
    case DirectiveState::kDoneLate: return "Done late";
    case DirectiveState::kInProgressOnTime: return "In progress, on time";
    case DirectiveState::kInProgressOverdue: return "In progress, overdue";
    case DirectiveState::kStanding: return "Standing duty";
    case DirectiveState::kNoDeadline: return "No deadline";
  }
  return "";
}

Result<DirectiveState> ParseDirectiveState(std::string_view key) {
  for (DirectiveState s :
       {DirectiveState::kDoneOnTime, DirectiveState::kDoneLate, DirectiveState::kInProgressOnTime,
        DirectiveState::kInProgressOverdue, DirectiveState::kStanding, DirectiveState::kNoDeadline}) {
    if (key == DirectiveStateKey(s)) return s;
  }
  return InvalidArgument("'" + std::string(key) +
                             "' is not a directive state (done_on_time, done_late, "
                             "in_progress, overdue, standing, no_deadline)",
                         "'" + std::string(key) +
                             "' không phải trạng thái nhiệm vụ (done_on_time, "
                             "done_late, in_progress, overdue, standing, no_deadline)")
      .WithField("state");
}

bool IsDone(DirectiveState s) { return s == DirectiveState::kDoneOnTime || s == DirectiveState::kDoneLate; }

DirectiveState DirectiveStateOn(std::optional<Date> deadline, std::optional<Date> completed_on, Date today,
                                bool standing) {
  Directive d;  // one rule: Directive::StateOn, without milestones
  d.deadline = deadline;
  d.completed_on = completed_on;
  d.standing = standing;
  return d.StateOn(today);
}

DirectiveState Directive::StateOn(Date today) const {
  if (completed_on && *completed_on <= today) {
    bool late = deadline && *completed_on > *deadline;
    for (const Milestone& m : milestones) {
      // A milestone never marked was delivered with the whole task at the latest.
      if (m.done_on.value_or(*completed_on) > m.on) late = true;
    }
    return late ? DirectiveState::kDoneLate : DirectiveState::kDoneOnTime;
  }
  bool pending = deadline.has_value();
  bool overdue = deadline && today > *deadline;
  for (const Milestone& m : milestones) {
    if (m.done_on && *m.done_on <= today) continue;
    pending = true;
    if (today > m.on) overdue = true;
  }
  if (overdue) return DirectiveState::kInProgressOverdue;
  if (pending) return DirectiveState::kInProgressOnTime;
  return standing ? DirectiveState::kStanding : DirectiveState::kNoDeadline;
}

std::optional<Date> Directive::NextDeadline() const {
  if (completed_on) return std::nullopt;
  for (const Milestone& m : milestones) {
    if (!m.done_on) return m.on;
  }
  return deadline;
}

std::string Directive::NextDue() const {
  if (completed_on) return "";
  for (const Milestone& m : milestones) {
    if (!m.done_on) return m.what;
  }
  return "";
}

bool Directive::DueWithin(Date today, int days) const {
  std::optional<Date> next = NextDeadline();
  return next && *next >= today && *next - today <= days;
}

const char* AssigneeKindKey(AssigneeKind k) {
  switch (k) {
    case AssigneeKind::kUnit: return "unit";
    case AssigneeKind::kBody: return "body";
    case AssigneeKind::kPerson: return "person";
  }
  return "body";
}

Result<AssigneeKind> ParseAssigneeKind(std::string_view key) {
  for (AssigneeKind k : {AssigneeKind::kUnit, AssigneeKind::kBody, AssigneeKind::kPerson}) {
    if (key == AssigneeKindKey(k)) return k;
  }
  return InvalidArgument(
             "'" + std::string(key) + "' is not an assignee kind (unit, body, person)",
             "'" + std::string(key) + "' không phải loại đối tượng được giao (unit, body, person)")
      .WithField("assignee.kind");
}

Status Directive::Validate() const {
  if (text.empty()) {
    return InvalidArgument("a directive needs its text", "ý kiến chỉ đạo cần có nội dung").WithField("text");
  }
  if (assignee.name.empty() && assignee.unit == kNoUnit) {
    return InvalidArgument("a directive needs an assignee (a unit, a body or a person)",
                           "ý kiến chỉ đạo cần có đơn vị, cơ quan hoặc người được giao")
        .WithField("assignee");
  }
  if (standing && deadline) {
    return InvalidArgument(
               "a standing duty (thường xuyên) has no final deadline; give its reports as milestones",
               "nhiệm vụ thường xuyên không có hạn hoàn thành; các hạn báo cáo ghi thành mốc")
        .WithField("deadline");
  }
  for (size_t i = 0; i < milestones.size(); ++i) {
    const Milestone& m = milestones[i];
    std::string field = "milestones[" + std::to_string(i) + "]";
    if (m.what.empty()) {
      return InvalidArgument(
                 "milestone " + std::to_string(i + 1) + " needs what is due by " + m.on.ToVietnamese(),
                 "mốc " + std::to_string(i + 1) + " cần ghi việc phải xong trước ngày " + m.on.ToVietnamese())
          .WithField(field + ".what");
    }
    if (i > 0 && m.on < milestones[i - 1].on) {
      return InvalidArgument("milestones go in date order: " + m.on.ToVietnamese() + " comes before " +
                                 milestones[i - 1].on.ToVietnamese(),
                             "các mốc ghi theo thứ tự ngày: " + m.on.ToVietnamese() + " trước " +
                                 milestones[i - 1].on.ToVietnamese())
          .WithField(field + ".on");
    }
    if (deadline && m.on > *deadline) {
      return InvalidArgument("milestone " + m.on.ToVietnamese() + " is after the final deadline " +
                                 deadline->ToVietnamese(),
                             "mốc " + m.on.ToVietnamese() + " sau hạn hoàn thành " + deadline->ToVietnamese())
          .WithField(field + ".on");
    }
  }
  return Status::Ok();
}

bool SameTask(const Directive& a, const Directive& b) {
  if (a.text != b.text || a.deadline != b.deadline || a.assignee.name != b.assignee.name ||
      a.assignee.unit != b.assignee.unit || a.indicator != b.indicator || a.standing != b.standing ||
      a.milestones.size() != b.milestones.size()) {
    return false;
  }
  for (size_t i = 0; i < a.milestones.size(); ++i) {
    if (a.milestones[i].on != b.milestones[i].on || a.milestones[i].what != b.milestones[i].what)
      return false;
  }
  return true;
}

namespace {

int ChaseRank(DirectiveState s) {
  switch (s) {
    case DirectiveState::kInProgressOverdue: return 0;
    case DirectiveState::kInProgressOnTime: return 1;
    case DirectiveState::kStanding: return 2;
    case DirectiveState::kNoDeadline: return 3;
    case DirectiveState::kDoneLate: return 4;
    case DirectiveState::kDoneOnTime: return 5;
  }
  return 6;
}

}  // namespace

bool ChaseBefore(const Directive& a, const Directive& b, Date today) {
  int ra = ChaseRank(a.StateOn(today)), rb = ChaseRank(b.StateOn(today));
  if (ra != rb) return ra < rb;
  Date far = Date::FromDayNumber(1 << 24);
  return a.NextDeadline().value_or(far) < b.NextDeadline().value_or(far);
}

Status Meeting::Validate() const {
  if (host.empty()) {
    return InvalidArgument("a working session needs its host body", "buổi làm việc cần có cơ quan chủ trì")
        .WithField("host");
  }
  if (unit == kNoUnit) {
    return InvalidArgument("a working session needs the unit it reviews",
                           "buổi làm việc cần có đơn vị được làm việc")
        .WithField("unit");
  }
  std::unordered_set<int64_t> seen;
  for (int64_t doc : documents) {
    if (!seen.insert(doc).second) {
      return InvalidArgument("document " + std::to_string(doc) + " is listed twice",
                             "văn bản số " + std::to_string(doc) + " được nêu hai lần")
          .WithField("documents");
    }
  }
  return Status::Ok();
}

Directive Meeting::NewDirective() const {
  Directive d;
  d.issuer = host;
  d.assignee.unit = unit;
  d.meeting = id;
  return d;
}

bool ChangeNeedsIssuer(const Directive& before, const Directive& after) {
  return before.meeting != 0 && !SameTask(before, after);
}

UnitId UnitOfDirective(const Directive& d, const Meeting* issued_by) {
  if (d.assignee.unit != kNoUnit) return d.assignee.unit;
  return issued_by == nullptr ? kNoUnit : issued_by->unit;
}

}  // namespace kiemdem
