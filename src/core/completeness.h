// Completeness of a period's reports: the Decree 09 deadline of a period and
// the reporting state of one unit from its figures' workflow states.
//
//   ReportDeadline d = DeadlineOf(*Period::Parse("2018-01/2018-10"), DeadlineRule{});
//   // d.cutoff = 14/10/2018, d.send_by = 25/10/2018
//   UnitReport r = ReportOf({kApproved, kDraft}, /*expected=*/14, d, today, 3);
//   r.state == ReportState::kDraft; r.late when today > 25/10/2018.
#ifndef KIEMDEM_CORE_COMPLETENESS_H_
#define KIEMDEM_CORE_COMPLETENESS_H_

#include <array>
#include <vector>

#include "core/access.h"
#include "core/date.h"
#include "core/period.h"
#include "core/plan.h"

namespace kiemdem {

// The data cut-off is the regime's (ReportingRegime, period.h: Decree 09
// Art. 12, the 14th of the period's last month for management reports, the
// month's end for statistical ones). Art. 13: "thời hạn gửi báo cáo ... chậm
// nhất vào ngày 25 tháng cuối kỳ báo cáo" (to the Government; provinces
// cascade earlier days to the levels below, so a deployment may set its own
// `send_day`).
struct DeadlineRule {
  ReportingRegime regime;  // the data cut-off (cutoff_day 1..28)
  int send_day = 25;       // sending deadline in the period's last month (Art. 13), 1..28
};

struct ReportDeadline {
  Date cutoff;   // data cut-off
  Date send_by;  // sending deadline, inclusive
};

// Days out of range are clamped to 1..28.
ReportDeadline DeadlineOf(const Period& period, const DeadlineRule& rule);

// A figure's workflow state as the board reads it.
enum class FigureState { kDraft, kSubmitted, kApproved, kReturned };

// A unit's state for a period, from the least advanced of its figures:
// none (no figure), returned (one sent back, not submitted again), draft
// (one not submitted), submitted (all submitted or approved), approved (all).
enum class ReportState { kNone, kReturned, kDraft, kSubmitted, kApproved };
const char* ReportStateKey(ReportState s);  // "none", "returned", "draft", "submitted", "approved"
// "Chưa báo cáo", "Bị trả lại", "Đang nhập", "Đã gửi", "Đã duyệt".
const char* ReportStateNameVi(ReportState s);
const char* ReportStateNameEn(ReportState s);  // "Not reported", "Sent back", "Being entered", …

struct UnitReport {
  ReportState state = ReportState::kNone;
  int present = 0;    // figures present
  int expected = 0;   // indicators expected
  bool late = false;  // deadline passed, not submitted
  bool due = false;   // not submitted, deadline within `due_days` days (not passed)
};

UnitReport ReportOf(const std::vector<FigureState>& figures, int expected, const ReportDeadline& deadline,
                    Date today, int due_days);
// The state alone, as ReportOf gives it.
ReportState StateOf(const std::vector<FigureState>& figures);
// Submitted or approved: the report is sent, neither late nor due.
inline bool IsSent(ReportState s) { return s == ReportState::kSubmitted || s == ReportState::kApproved; }

// How many indicators `unit` is expected to report in `year`: those it has a
// target for in that year in any of its plans (an indicator once, however
// many bodies set it), or, without any target that year, the whole
// catalogue (`catalogue_size`).
int ExpectedIndicators(const std::vector<Plan>& plans, UnitId unit, int year, int catalogue_size);

// The board's tally: units per state (indexed by ReportState), late and due.
struct ReportCounts {
  std::array<int, 5> by_state{};
  int late = 0;
  int due = 0;
  int total = 0;
  int of(ReportState s) const { return by_state[static_cast<size_t>(s)]; }
};
ReportCounts CountReports(const std::vector<UnitReport>& reports);

// A unit is reminded when its report is late or due.
inline bool NeedsReminder(const UnitReport& r) { return r.late || r.due; }

// The units whose reminders a user sees: those they enter figures for, the
// units of their reporter and approver grants (not the units below them,
// which have their own reporters; not an everywhere grant).
std::vector<UnitId> RemindedUnits(const std::vector<Grant>& grants);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_COMPLETENESS_H_
