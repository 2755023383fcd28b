#include "api/report_documents.h"

#include "analytics/evaluation_service.h"

namespace kiemdem::api {

Result<io::UnitReport> UnitReportOf(store::Store& store, const analytics::UnitTree& tree, UnitId unit,
                                    Period period, Date date, BodyKind body, bool include_unapproved) {
  analytics::StoreFigures figures(store);
  ASSIGN_OR_RETURN(
      analytics::UnitEvaluation e,
      analytics::EvaluateUnit(figures, tree, unit, period, {.include_unapproved = include_unapproved}));
  // The names as of the document's date, when the unit still exists then.
  const AdminUnit* u = tree.Get(unit);
  if (u == nullptr)
    return NotFound("no unit " + std::to_string(unit), "không có đơn vị " + std::to_string(unit));
  Date named = u->ValidOn(date) ? date : u->LastDayOr(date);
  const UnitVersion& v = u->VersionOn(named);
  std::string parent;
  if (const AdminUnit* p = tree.Get(tree.Parent(unit)); p != nullptr) {
    parent = p->VersionOn(p->ValidOn(named) ? named : p->LastDayOr(named)).full_name;
  }
  io::UnitReport report;
  ASSIGN_OR_RETURN(report.issuer, io::IssuerFor(body, v.name, v.full_name, parent, date));
  report.unit_full_name = v.full_name;
  report.period = period;
  report.summary = e.summary;
  if (e.summary_plan != nullptr) report.summary_plan = analytics::PlanLabel(*e.summary_plan, true);
  for (const analytics::EvaluationRow& row : e.rows) {
    if (!row.evaluation.target && !row.evaluation.actual) continue;
    bool partial = row.months_reported > 0 && row.months_reported < period.month_count();
    report.rows.push_back({row.indicator, row.evaluation, partial ? row.months_reported : 0});
  }
  return report;
}

Result<io::MeetingNotice> MeetingNoticeOf(store::Store& store, const analytics::UnitTree& tree, int64_t id,
                                          std::optional<Date> date) {
  io::MeetingNotice notice;
  ASSIGN_OR_RETURN(notice.meeting, store.GetMeeting(id));
  store::DirectiveFilter filter;
  filter.meeting = id;
  ASSIGN_OR_RETURN(notice.directives, store.ListDirectives(filter));
  notice.date = date.value_or(notice.meeting.held_on);
  Date held = notice.meeting.held_on;
  if (const AdminUnit* u = tree.Get(notice.meeting.unit); u != nullptr) {
    const UnitVersion& v = u->VersionOn(held);
    notice.unit_full_name = v.full_name;
    notice.place = v.name;
    // The host sits a level up: the place is the parent's name.
    if (const AdminUnit* p = tree.Get(tree.Parent(notice.meeting.unit)); p != nullptr) {
      notice.place = p->VersionOn(held).name;
    }
  }
  return notice;
}

}  // namespace kiemdem::api
