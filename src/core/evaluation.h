// Evaluation of results against targets and the same period last year:
// % of plan, % of same period, status (vượt / đạt / không đạt / chưa có số
// liệu) and the summary line "12/14 chỉ tiêu đạt và vượt kế hoạch".
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

enum class Attainment {
  kExceeded,  // vượt
  kMet,       // đạt
  kNotMet,    // không đạt
  kNoData,    // chưa có số liệu
};
const char* AttainmentKey(Attainment a);     // "exceeded", "met", "not_met", "no_data"
const char* AttainmentNameVi(Attainment a);  // "vượt", "đạt", "không đạt", "chưa có số liệu"
const char* AttainmentNameEn(Attainment a);

struct IndicatorEvaluation {
  std::string indicator;
  std::optional<Target> target;
  std::optional<double> actual;
  std::optional<double> previous;             // same period last year
  std::optional<double> percent_of_plan;      // actual / target × 100, as reports state it
  std::optional<double> percent_of_previous;  // actual / previous × 100
  // The target the status was judged against: for a flow indicator in a
  // period shorter than the year, the annual target pro-rated by months.
  std::optional<double> judged_against;
  Attainment status = Attainment::kNoData;
  bool estimated = false;
  bool prorated = false;
  // Why a figure is missing ("the target is 0: % of plan is undefined").
  std::string note_en;
  std::string note_vi;
};

// Evaluates one indicator for a period. `target` is the target of the
// period's year; `actual` and `previous` the results of the period and of the
// same period last year (either may be absent). Fails if an observation is of
// another indicator or period, or a target is invalid. Never divides by zero:
// a zero target or previous value leaves that percentage empty with a note.
//
// Status: met when the result satisfies the target's comparator; exceeded
// when it is also strictly better in the indicator's direction (never for a
// band). "trên 45 tỷ" (over) against 45 tỷ counts as above it.
Result<IndicatorEvaluation> EvaluateIndicator(const Indicator& indicator, const Period& period,
                                              const std::optional<Target>& target,
                                              const std::optional<Observation>& actual,
                                              const std::optional<Observation>& previous);

struct EvaluationSummary {
  int with_target = 0;  // indicators that have a target
  int exceeded = 0;
  int met = 0;
  int not_met = 0;
  int no_data = 0;  // with a target but no result

  int met_or_exceeded() const { return exceeded + met; }
  // "12/14 chỉ tiêu đạt và vượt kế hoạch (vượt 5, đạt 7, không đạt 2)".
  std::string ToVietnamese() const;
  // "12 of 14 targets met or exceeded (5 exceeded, 7 met, 2 not met)".
  std::string ToEnglish() const;
};

EvaluationSummary Summarise(const std::vector<IndicatorEvaluation>& rows);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_EVALUATION_H_
