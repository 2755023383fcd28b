// The completeness board: for a unit and a period, where each unit directly
// below it stands with its report (none, sent back, draft, submitted,
// approved) against the period's Decree 09 deadline, which are late or due,
// and the tally. The rules are core's (core/completeness.h); this finds the
// units, their figures' states (one query for all of them) and their plans.
//
//   ASSIGN_OR_RETURN(Board b, BoardOf(index, store.results(), tree, city, *Period::Parse("2026-10"), today));
//   for (const UnitRow& u : b.units) if (NeedsReminder(u.report)) …
#ifndef KIEMDEM_ANALYTICS_COMPLETENESS_H_
#define KIEMDEM_ANALYTICS_COMPLETENESS_H_

#include <string>
#include <vector>

#include "analytics/figures.h"
#include "analytics/unit_tree.h"
#include "core/completeness.h"
#include "store/reminder_store.h"
#include "store/result_store.h"

namespace kiemdem::analytics {

// Decree 09's deadline by default; a report is due within 3 days of it.
struct BoardOptions {
  DeadlineRule rule;
  int due_days = 3;
};

// One unit below: its report, and when one of its figures last changed
// (ISO 8601; empty without figures).
struct UnitRow {
  UnitId unit = kNoUnit;
  UnitReport report;
  std::string last_change;
};

struct Board {
  UnitId parent = kNoUnit;
  Period period;
  ReportDeadline deadline;
  Date today;
  std::vector<UnitRow> units;  // the units below on the period's last day, in the tree's order
  ReportCounts counts;
};

// NotFound (field "unit") for a unit that does not exist. The units below
// are those of the period's last day; `expected` is ExpectedIndicators over
// the plans `figures` holds and its catalogue.
Result<Board> BoardOf(FigureSource& figures, store::ResultStore& results, const UnitTree& tree, UnitId parent,
                      const Period& period, Date today, const BoardOptions& options = {});

// The reminders a board sends: one to each unit below that is late or due
// (NeedsReminder), from the board's unit, for its period and deadline.
std::vector<store::Reminder> RemindersOf(const Board& board);

// A reminder as the reporters of its unit see it: the newest one for its
// unit and period, with that report's state now; `open` while not sent.
struct StandingReminder {
  store::Reminder reminder;
  ReportState state = ReportState::kNone;
  bool open = true;
};

// The newest reminder of each unit and period among the latest `limit`
// reminders to `units`, newest first, each with its report's state now
// (one figures query per period reminded of).
Result<std::vector<StandingReminder>> RemindersFor(store::ReminderStore& reminders,
                                                   store::ResultStore& results,
                                                   const std::vector<UnitId>& units, int limit);

// A stored figure's state as the board reads it: sent back (a draft with
// the approver's comment, not submitted again), draft, submitted, approved.
FigureState BoardState(const store::PeriodFigure& f);

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_COMPLETENESS_H_
