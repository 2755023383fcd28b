#include "core/completeness.h"

#include <algorithm>

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

UnitReport ReportOf(const std::vector<FigureState>& figures, int expected, const ReportDeadline& deadline,
                    Date today, int due_days) {
  UnitReport r;
  r.present = static_cast<int>(figures.size());
  r.expected = expected;
  if (!figures.empty()) {
    auto has = [&](FigureState f) { return std::find(figures.begin(), figures.end(), f) != figures.end(); };
    if (has(FigureState::kReturned)) {
      r.state = ReportState::kReturned;
    } else if (has(FigureState::kDraft)) {
      r.state = ReportState::kDraft;
    } else if (has(FigureState::kSubmitted)) {
      r.state = ReportState::kSubmitted;
    } else {
      r.state = ReportState::kApproved;
    }
  }
  const bool sent = r.state == ReportState::kSubmitted || r.state == ReportState::kApproved;
  if (!sent) {
    r.late = today > deadline.send_by;
    r.due = !r.late && (deadline.send_by - today) <= due_days;
  }
  return r;
}

}  // namespace kiemdem
