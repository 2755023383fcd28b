#include "io/deadline_calendar.h"

namespace kiemdem::io {
namespace {

std::string Description(const Directive& d, const DirectiveSource& source) {
  std::string out = "Giao: " + d.assignee.name;
  if (!source.unit_name.empty()) out += "\nĐơn vị: " + source.unit_name;
  if (!d.issuer.empty()) out += "\nCơ quan chỉ đạo: " + d.issuer;
  if (source.meeting != nullptr) {
    out += "\nBuổi làm việc ngày " + source.meeting->held_on.ToVietnamese() + " — " + source.meeting->host;
  }
  out += "\n" + d.text;
  return out;
}

}  // namespace

std::vector<CalendarEvent> DeadlineEvents(const Directive& d, const DirectiveSource& source,
                                          std::string_view link) {
  std::vector<CalendarEvent> out;
  if (d.completed_on) return out;
  const std::string prefix = "directive-" + std::to_string(d.id) + "-";
  const std::string description = Description(d, source);
  for (size_t i = 0; i < d.milestones.size(); ++i) {
    const Milestone& m = d.milestones[i];
    if (m.done_on) continue;
    out.push_back({.uid = prefix + "m" + std::to_string(i) + "@kiemdem",
                   .date = m.on,
                   .summary = "Hạn báo cáo: " + m.what + " — " + d.text,
                   .description = description,
                   .url = std::string(link)});
  }
  if (d.deadline) {
    out.push_back({.uid = prefix + "final@kiemdem",
                   .date = *d.deadline,
                   .summary = "Hạn hoàn thành: " + d.text,
                   .description = description,
                   .url = std::string(link)});
  }
  return out;
}

}  // namespace kiemdem::io
