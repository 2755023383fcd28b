#include "analytics/completeness.h"

#include <map>
#include <set>

namespace kiemdem::analytics {

FigureState BoardState(const store::PeriodFigure& f) {
  switch (f.status) {
    case store::ResultStatus::kDraft: return f.returned ? FigureState::kReturned : FigureState::kDraft;
    case store::ResultStatus::kSubmitted: return FigureState::kSubmitted;
    case store::ResultStatus::kApproved: return FigureState::kApproved;
  }
  return FigureState::kDraft;
}

Result<Board> BoardOf(FigureSource& figures, store::ResultStore& results, const UnitTree& tree, UnitId parent,
                      const Period& period, Date today, const BoardOptions& options) {
  if (tree.Get(parent) == nullptr) {
    return NotFound("unit " + std::to_string(parent) + " does not exist",
                    "không có đơn vị số " + std::to_string(parent))
        .WithField("unit");
  }
  Board board{parent, period, DeadlineOf(period, options.rule), today, {}, {}};
  std::vector<UnitId> children = tree.ChildrenOn(parent, EndOfMonth(period.year(), period.last_month()));
  ASSIGN_OR_RETURN(std::vector<store::PeriodFigure> stored, results.PeriodFigures(children, period));
  struct Seen {
    std::vector<FigureState> states;
    std::string last_change;
  };
  std::map<UnitId, Seen> by_unit;
  for (const store::PeriodFigure& f : stored) {
    Seen& s = by_unit[f.unit];
    s.states.push_back(BoardState(f));
    if (f.updated_at > s.last_change) s.last_change = f.updated_at;
  }
  ASSIGN_OR_RETURN(std::shared_ptr<const std::vector<Indicator>> catalogue, figures.Indicators());
  std::vector<UnitReport> reports;
  for (UnitId child : children) {
    ASSIGN_OR_RETURN(std::vector<Plan> plans, figures.Plans(child));
    int expected = ExpectedIndicators(plans, child, period.year(), static_cast<int>(catalogue->size()));
    const Seen& s = by_unit[child];
    UnitReport r = ReportOf(s.states, expected, board.deadline, today, options.due_days);
    board.units.push_back({child, r, s.last_change});
    reports.push_back(r);
  }
  board.counts = CountReports(reports);
  return board;
}

std::vector<store::Reminder> RemindersOf(const Board& board) {
  std::vector<store::Reminder> out;
  for (const UnitRow& row : board.units) {
    if (!NeedsReminder(row.report)) continue;
    out.push_back({.unit = row.unit,
                   .period = board.period,
                   .from_unit = board.parent,
                   .late = row.report.late,
                   .send_by = board.deadline.send_by});
  }
  return out;
}

Result<std::vector<StandingReminder>> RemindersFor(store::ReminderStore& reminders,
                                                   store::ResultStore& results,
                                                   const std::vector<UnitId>& units, int limit) {
  ASSIGN_OR_RETURN(std::vector<store::Reminder> sent, reminders.RemindersTo(units, limit));
  std::vector<StandingReminder> out;
  std::set<std::pair<UnitId, Period>> seen;
  std::map<Period, std::vector<UnitId>> by_period;
  for (store::Reminder& r : sent) {
    if (!seen.insert({r.unit, r.period}).second) continue;  // an older one of the same unit and period
    by_period[r.period].push_back(r.unit);
    out.push_back({std::move(r), ReportState::kNone, true});
  }
  std::map<std::pair<UnitId, Period>, std::vector<FigureState>> states;
  for (const auto& [period, reminded] : by_period) {
    ASSIGN_OR_RETURN(std::vector<store::PeriodFigure> figures, results.PeriodFigures(reminded, period));
    for (const store::PeriodFigure& f : figures) states[{f.unit, period}].push_back(BoardState(f));
  }
  for (StandingReminder& s : out) {
    s.state = StateOf(states[{s.reminder.unit, s.reminder.period}]);
    s.open = !IsSent(s.state);
  }
  return out;
}

}  // namespace kiemdem::analytics
