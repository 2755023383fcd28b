// A term target (mục tiêu nhiệm kỳ, "đến năm 2025 tỷ lệ hộ nghèo dưới 1%")
// read in one of the term's earlier years: the level an even path from the
// result the term started from would have reached by then, and whether the
// year's result is on it. The path is a guide beside the year's own targets,
// never a verdict: the term target is judged in its own year.
#ifndef KIEMDEM_CORE_TERM_PATH_H_
#define KIEMDEM_CORE_TERM_PATH_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicator.h"
#include "core/plan.h"
#include "core/status.h"

namespace kiemdem {

struct TermPath {
  int first_year = 0;  // the term, from the plan
  int last_year = 0;
  Target term_target;     // as a level, for its year
  int baseline_year = 0;  // the year before the term
  double baseline = 0;    // the result the term started from
  int year = 0;           // the year read
  double level = 0;       // where an even path stands in `year`
  // Whether the year's result is on or ahead of the path (direction-aware);
  // empty without a result, or for an "=" target or a band.
  std::optional<bool> on_path;
  // "lộ trình đều từ 3,2 (2020) đến ≤ 1 (2025): năm 2022 cần ≤ 2,32"
  std::string basis_vi;
  std::string basis_en;
};

// The path of `term_target` (a level target of `plan`, for a year after
// `year`) in `year`, from `baseline`, the indicator's result in the year
// before the plan's first. Fails for a target that is not a level, a year
// outside the term or not before the target's, or a plan of one year.
Result<TermPath> TermPathFor(const Indicator& indicator, const Plan& plan, const Target& term_target,
                             int year, double baseline, std::optional<double> actual);

// The term target of `indicator` in the plans that a year inside their term
// but before the target's own year reads: the first plan in force for `year`
// with a level target for a later year of its term. Null when none.
struct TermTargetRef {
  const Plan* plan = nullptr;
  const Target* target = nullptr;
};
TermTargetRef FindTermTarget(const std::vector<Plan>& plans, UnitId unit, std::string_view indicator,
                             int year);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_TERM_PATH_H_
