// Evaluation of results against targets and the same period last year, the
// way Vietnamese reports and review meetings judge them (VIETNAM.md § f):
//
// - % of plan is the cumulative result over the YEAR's target, as reports
//   write it ("10 tháng … 32 doanh nghiệp, đạt 97% kế hoạch"); nothing is
//   pro-rated. For a lower-is-better indicator it is target ÷ result, so that
//   the % and the verdict agree (115 hộ nghèo against ≤ 100 is 87%).
// - The verdict vượt / đạt / không đạt belongs to the year (the actual or the
//   "ước cả năm" estimate). Inside the year a target not yet reached is "chưa
//   đạt", never "không đạt"; one already reached is đạt / vượt ("về đích sớm").
// - Pace ("tiến độ": nhanh / đúng / chậm, with its basis) is a separate value,
//   for amounts and counts that accrue over the year, never the verdict.
// - Rates and shares are levels: judged as they stand, compared in percentage
//   points with the target and with last year.
// - Ties at the stated precision: a result whose % of plan is 100,0% is đạt,
//   whatever its qualifier ("trên 46 tỷ, bằng 100% kế hoạch" is đạt).
// - A figure without a target is "không giao chỉ tiêu"; no figure is "chưa
//   có số liệu".
#ifndef KIEMDEM_CORE_EVALUATION_H_
#define KIEMDEM_CORE_EVALUATION_H_

#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"
#include "core/plan.h"

namespace kiemdem {

// -1, 0 or +1: how `actual` compares with `reference` at the precision a
// report states (the tie rule above: within 0,05% of it is equal).
int CompareWithTarget(double actual, double reference);

enum class Attainment {
  kExceeded,    // vượt
  kMet,         // đạt
  kInProgress,  // chưa đạt: inside the year, the year's target not reached yet
  kNotMet,      // không đạt: the year is judged and the target was missed
  kNoTarget,    // không giao chỉ tiêu: a figure and no target
  kNoData,      // chưa có số liệu: no figure
};
// "exceeded", "met", "in_progress", "not_met", "no_target", "no_data".
const char* AttainmentKey(Attainment a);
// "vượt", "đạt", "chưa đạt", "không đạt", "không giao chỉ tiêu", "chưa có số liệu".
const char* AttainmentNameVi(Attainment a);
const char* AttainmentNameEn(Attainment a);

// Pace against the calendar inside the year: only for amounts and counts
// that accrue (flows of numbers) with an at-least target, higher is better.
enum class Pace {
  kAhead,   // nhanh hơn tiến độ
  kOnPace,  // đúng tiến độ
  kBehind,  // chậm tiến độ
};
const char* PaceKey(Pace p);     // "ahead", "on_pace", "behind"
const char* PaceNameVi(Pace p);  // "nhanh", "đúng", "chậm"
const char* PaceNameEn(Pace p);  // "ahead", "on pace", "behind"

struct PaceCheck {
  Pace pace = Pace::kOnPace;
  // The share of the year's target the period would have at an even pace:
  // the months elapsed over 12 ("bình quân": 10 tháng = 83,3% KH năm).
  double expected_percent = 0;
  std::string basis_vi;  // "bình quân 10/12 tháng: 83,3% KH năm"
  std::string basis_en;  // "even pace, 10 of 12 months: 83.3% of the year's plan"
};

struct IndicatorEvaluation {
  std::string indicator;
  // The target of the period's year, as a level: a growth or points target
  // ("tăng 10,5% so với năm trước") worked out on last year's result.
  std::optional<Target> target;
  std::optional<Target> written_target;  // that target as written, when it is not a level
  // An adjusted target (Target::adjusted) is judged on its adjusted level
  // (`target`, `percent_of_plan`); the level first set and the result's share
  // of it are kept here ("88% kế hoạch pháp lệnh").
  std::optional<double> first_set_value;
  std::optional<double> percent_of_first_set;
  std::optional<double> points_from_first_set;
  std::string adjusted_by;  // the adjusting document, when the target was adjusted
  std::optional<double> actual;
  std::optional<double> previous;  // same period last year
  // Result ÷ the year's target × 100 (target ÷ result for lower-is-better:
  // `percent_inverse`). Empty for rates and shares (see points_from_plan)
  // and when a divisor is 0 (with a note).
  std::optional<double> percent_of_plan;
  bool percent_inverse = false;
  // Result ÷ same period last year × 100, for amounts and counts.
  std::optional<double> percent_of_previous;
  // Rates and shares: the difference in percentage points ("giảm 0,43 điểm %").
  std::optional<double> points_from_plan;
  std::optional<double> points_from_previous;
  Attainment status = Attainment::kNoData;
  // True when the period is the whole year: the verdict is the year's.
  bool year_verdict = false;
  std::optional<PaceCheck> pace;
  bool estimated = false;  // "ước đạt": a year estimate is judged as the year, marked
  // Why a figure is missing ("the target is 0: % of plan is undefined").
  std::string note_en;
  std::string note_vi;
};

// Evaluates one indicator for a period by the rules above. `target` is the
// target of the period's year; `actual` and `previous` the results of the
// period and of the same period last year (either may be absent). Fails if an
// observation is of another indicator or period, or a target is invalid.
// Never divides by zero: a zero divisor leaves that percentage empty, with a note.
// A target written as a change from last year is worked out on `last_year`,
// the previous year's whole-year result (for a year period, `previous` when
// not given); one written against the target assigned from above on
// `assigned`, that target's level; without it the target stands as written
// and nothing is judged ("chưa có số liệu", with the reason).
// `actual_months` is how many months of the period `actual` stands for when
// fewer (a stock known to month 10, the sum of 10 months; 0: all): such a
// figure is not the year's, so a year gets no year verdict from it (unless
// it is an estimate of the whole year, "ước cả năm") and its pace is
// measured on those months.
Result<IndicatorEvaluation> EvaluateIndicator(const Indicator& indicator, const Period& period,
                                              const std::optional<Target>& target,
                                              const std::optional<Observation>& actual,
                                              const std::optional<Observation>& previous,
                                              std::optional<double> last_year = std::nullopt,
                                              int actual_months = 0,
                                              std::optional<double> assigned = std::nullopt);

struct EvaluationSummary {
  std::string period_vi = "năm 2000";  // "10 tháng năm 2018"
  std::string period_en = "2000";
  bool part_year = false;  // the period is shorter than the year
  int with_target = 0;     // indicators that have a target
  int exceeded = 0;
  int met = 0;
  int in_progress = 0;  // chưa đạt (part of the year)
  int not_met = 0;      // không đạt (the year)
  int no_data = 0;      // with a target but no result
  int no_target = 0;    // a result and no target: not in x/y
  int estimated = 0;    // verdicts on an estimate ("ước")

  int met_or_exceeded() const { return exceeded + met; }
  // Year: "12/14 chỉ tiêu đạt và vượt kế hoạch (vượt 5, đạt 7, không đạt 2)".
  // Part of the year: "10 tháng năm 2018: 9/14 chỉ tiêu đã đạt kế hoạch năm
  // (vượt 2, đạt 7, chưa đạt 5)". Counts of no data and estimates follow.
  std::string ToVietnamese() const;
  // "12 of 14 targets met or exceeded (…)"; "first 10 months of 2018: 9 of 14
  // targets have reached the year's plan (…)".
  std::string ToEnglish() const;
};

EvaluationSummary Summarise(const Period& period, const std::vector<IndicatorEvaluation>& rows);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_EVALUATION_H_
