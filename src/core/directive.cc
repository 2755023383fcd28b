#include "core/directive.h"

namespace kiemdem {

const char* DirectiveStateKey(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "done_on_time";
    case DirectiveState::kDoneLate: return "done_late";
    case DirectiveState::kInProgressOnTime: return "in_progress";
    case DirectiveState::kInProgressOverdue: return "overdue";
  }
  return "in_progress";
}

const char* DirectiveStateNameVi(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "Hoàn thành đúng hạn";
    case DirectiveState::kDoneLate: return "Hoàn thành quá hạn";
    case DirectiveState::kInProgressOnTime: return "Đang thực hiện trong hạn";
    case DirectiveState::kInProgressOverdue: return "Đang thực hiện quá hạn";
  }
  return "";
}

const char* DirectiveStateNameEn(DirectiveState s) {
  switch (s) {
    case DirectiveState::kDoneOnTime: return "Done on time";
    case DirectiveState::kDoneLate: return "Done late";
    case DirectiveState::kInProgressOnTime: return "In progress, on time";
    case DirectiveState::kInProgressOverdue: return "In progress, overdue";
  }
  return "";
}

Result<DirectiveState> ParseDirectiveState(std::string_view key) {
  for (DirectiveState s : {DirectiveState::kDoneOnTime, DirectiveState::kDoneLate,
                           DirectiveState::kInProgressOnTime, DirectiveState::kInProgressOverdue}) {
    if (key == DirectiveStateKey(s)) return s;
  }
  return InvalidArgument("'" + std::string(key) +
                             "' is not a directive state (done_on_time, done_late, "
                             "in_progress, overdue)",
                         "'" + std::string(key) +
                             "' không phải trạng thái nhiệm vụ (done_on_time, "
                             "done_late, in_progress, overdue)")
      .WithField("state");
}

DirectiveState DirectiveStateOn(std::optional<Date> deadline, std::optional<Date> completed_on, Date today) {
  if (completed_on && *completed_on <= today) {
    return deadline && *completed_on > *deadline ? DirectiveState::kDoneLate : DirectiveState::kDoneOnTime;
  }
  return deadline && today > *deadline ? DirectiveState::kInProgressOverdue
                                       : DirectiveState::kInProgressOnTime;
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
  return Status::Ok();
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
  return Status::Ok();
}

}  // namespace kiemdem
