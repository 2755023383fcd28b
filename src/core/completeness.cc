#include "core/completeness.h"

#include <algorithm>
#include <set>
#include <string>

namespace kiemdem {

namespace {
int Clamp(int day) { return std::clamp(day, 1, 28); }
Date DayOf(int year, int month, int day) { return *Date::FromYmd(year, month, Clamp(day)); }
}  // namespace

ReportDeadline DeadlineOf(const Period& period, const DeadlineRule& rule) {
  ReportingRegime regime = rule.regime;
  regime.cutoff_day = Clamp(regime.cutoff_day);
  return {ReportingWindow(period, regime)->to, DayOf(period.year(), period.last_month(), rule.send_day)};
}

const char* ReportStateKey(ReportState s) {
  switch (s) {
    case ReportState::kNone: return "none";
    case ReportState::kReturned: return "returned";
    case ReportState::kDraft: return "draft";
    case ReportState::kSubmitted: return "submitted";
    case ReportState::kApproved: return "approved";
  }
  return "none";
}

const char* ReportStateNameVi(ReportState s) {
  switch (s) {
    case ReportState::kNone: return "Chưa báo cáo";
    case ReportState::kReturned: return "Bị trả lại";
    case ReportState::kDraft: return "Đang nhập";
    case ReportState::kSubmitted: return "Đã gửi";
    case ReportState::kApproved: return "Đã duyệt";
  }
  return "Chưa báo cáo";
}

const char* ReportStateNameEn(ReportState s) {
  switch (s) {
    case ReportState::kNone: return "Not reported";
    case ReportState::kReturned: return "Sent back";
    case ReportState::kDraft: return "Being entered";
    case ReportState::kSubmitted: return "Submitted";
    case ReportState::kApproved: return "Approved";
  }
  return "Not reported";
}

ReportState StateOf(const std::vector<FigureState>& figures) {
  if (figures.empty()) return ReportState::kNone;
  auto has = [&](FigureState f) { return std::find(figures.begin(), figures.end(), f) != figures.end(); };
  if (has(FigureState::kReturned)) return ReportState::kReturned;
  if (has(FigureState::kDraft)) return ReportState::kDraft;
  if (has(FigureState::kSubmitted)) return ReportState::kSubmitted;
  return ReportState::kApproved;
}

UnitReport ReportOf(const std::vector<FigureState>& figures, int expected, const ReportDeadline& deadline,
                    Date today, int due_days) {
  UnitReport r;
  r.present = static_cast<int>(figures.size());
  r.expected = expected;
  r.state = StateOf(figures);
  if (!IsSent(r.state)) {
    r.late = today > deadline.send_by;
    r.due = !r.late && (deadline.send_by - today) <= due_days;
  }
  return r;
}

int ExpectedIndicators(const std::vector<Plan>& plans, UnitId unit, int year, int catalogue_size) {
  std::set<std::string> targeted;
  for (const Plan& p : plans) {
    if (p.unit != unit) continue;
    for (const Target& t : p.targets) {
      if (t.year == year) targeted.insert(t.indicator);
    }
  }
  return targeted.empty() ? catalogue_size : static_cast<int>(targeted.size());
}

ReportCounts CountReports(const std::vector<UnitReport>& reports) {
  ReportCounts c;
  for (const UnitReport& r : reports) {
    ++c.by_state[static_cast<size_t>(r.state)];
    c.late += r.late ? 1 : 0;
    c.due += r.due ? 1 : 0;
    ++c.total;
  }
  return c;
}

std::vector<UnitId> RemindedUnits(const std::vector<Grant>& grants) {
  std::set<UnitId> units;
  for (const Grant& g : grants) {
    if (g.unit != kNoUnit && (g.role == Role::kReporter || g.role == Role::kApprover)) units.insert(g.unit);
  }
  return {units.begin(), units.end()};
}

}  // namespace kiemdem
