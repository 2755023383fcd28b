// Evaluation over stored data: a unit's indicators for a period against its
// plans and the same period last year; roll-ups over a subtree; the units
// under a parent side by side. Periods a unit did not report whole are built
// from shorter ones (months into a quarter, a half, 10 months, the year).
#ifndef KIEMDEM_ANALYTICS_EVALUATION_SERVICE_H_
#define KIEMDEM_ANALYTICS_EVALUATION_SERVICE_H_

#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "analytics/figures.h"
#include "analytics/series.h"
#include "analytics/unit_tree.h"
#include "core/evaluation.h"
#include "core/rollup.h"
#include "core/term_path.h"

namespace kiemdem::analytics {

// Which figures count (series.h): by default only approved ones; a draft or
// submitted figure is shown as such (EvaluationRow::unapproved_value) and left
// out of the verdict, the summary and the roll-ups; on request it counts, marked.
using EvaluationOptions = FigureFilter;

// One indicator of a unit's evaluation.
struct EvaluationRow {
  Indicator indicator;
  IndicatorEvaluation evaluation;
  std::string target_body;                    // the body whose target was used: "peoples_council", ...
  std::vector<TargetBySource> other_targets;  // every plan's target, side by side
  std::optional<int64_t> result_id;           // the stored result of exactly this period
  std::string result_status;                  // its workflow state
  int months_reported = 0;                    // when built from shorter periods
  // What the actual and the same period last year rest on: the unit's own
  // figures, or those of the units that made up its territory then.
  UnitSeries actual_series;
  UnitSeries previous_series;
  // The figure of exactly this period when it is not approved and was left
  // out (draft or submitted); the evaluation then has no actual.
  std::optional<double> unapproved_value;
  // An unapproved figure counted because EvaluationOptions asked for it.
  bool counts_unapproved = false;
  // Last year's whole result, read inside a year when a target is written as
  // a change from it ("tăng 10,5% so với năm trước").
  std::optional<double> last_year;
  // The level the body above assigned, which a target written against it
  // ("vượt 5% chỉ tiêu cấp trên giao") is worked out on.
  std::optional<double> assigned;
  // A term target for a later year of a plan in force (nhiệm kỳ 2021–2025):
  // where its even path from the term's starting result stands this year.
  std::optional<TermPath> term_path;
};

// The plan that judges a unit, as the reviewing body chooses it: by default,
// per indicator, the Council's resolution (the plan of record), else the
// Party committee's, else the Committee's, with the summary counted on the
// plan of record alone; or one body's plan only (`body`), or only the targets
// the level above assigned (`assigned`).
struct PlanChoice {
  std::optional<BodyKind> body;
  bool assigned = false;

  bool is_default() const { return !body && !assigned; }
  // "" (the default), a body kind key ("party_committee") or "assigned".
  std::string Key() const;
  static Result<PlanChoice> Parse(std::string_view key);
  bool Takes(const Plan& p) const;
};

// One plan's own summary of the unit ("theo Nghị quyết Đảng ủy: 12/14 chỉ tiêu đạt và vượt").
struct PlanSummary {
  const Plan* plan;  // into UnitEvaluation::plans
  EvaluationSummary summary;
};

struct UnitEvaluation {
  UnitId unit = kNoUnit;
  Period period = *Period::Year(2000);
  std::vector<EvaluationRow> rows;  // catalogue order
  // The "x/y chỉ tiêu" line: one plan's count, never targets of several plans
  // added up. With a chosen plan, against it; by default, against the plan of
  // record (`summary_plan`), while each row may still show another body's
  // target for an indicator that plan does not set.
  EvaluationSummary summary;
  const Plan* summary_plan = nullptr;  // into `plans`; null when no plan is in force
  PlanChoice plan_choice;
  std::vector<Plan> plans;  // what other_targets point into
  // Each plan in force for the period's year, judged on its own targets.
  std::vector<PlanSummary> by_plan;
};

// The target a figure of `indicator` in `year` is judged on by default, as
// EvaluateUnit picks it: the best-ranked body's (the Council's, then the
// Party committee's, then the Committee's), written as a level; empty when
// no plan sets one as a level.
std::optional<TargetBySource> DefaultLevelTarget(const std::vector<Plan>& plans, UnitId unit,
                                                 std::string_view indicator, int year);

// How a summary names its plan: "kế hoạch của HĐND (05/NQ-HĐND)",
// "chỉ tiêu cấp trên giao (…)"; English alike.
std::string PlanLabel(const Plan& plan, bool vi);

// `only` names the indicators wanted (codes); empty: the whole catalogue.
Result<UnitEvaluation> EvaluateUnit(FigureSource& figures, const UnitTree& tree, UnitId unit,
                                    const Period& period, const EvaluationOptions& options = {},
                                    const std::vector<std::string>& only = {}, const PlanChoice& plan = {});

// The root of a roll-up over the whole country: its provinces as children.
constexpr UnitId kCountry = kNoUnit;

// One indicator rolled up over a unit's subtree.
// A roll-up's lookup of each unit's own value of `ind` for the period (by
// registry id), as EvaluateUnit counts figures (`options`); the values are
// kept in `values`, and the first read error is left in `read_error`.
ObservationLookup OwnValueLookup(FigureSource& figures, const UnitTree& tree, const Indicator& ind,
                                 const Period& period, const EvaluationOptions& options,
                                 std::deque<Observation>* values, Status* read_error);

struct RollupRow {
  Indicator indicator;
  Aggregate aggregate;
};
// `root` may be kCountry; `only` as for EvaluateUnit. Indicators that do not
// add up across units (SpatialAggregation::kNone) and those no unit reported
// are left out. NotFound for an unknown root; a failure to read a figure or
// to roll one up (RollUpUnits) is returned, not skipped.
Result<std::vector<RollupRow>> RollUpSubtree(FigureSource& figures, const UnitTree& tree, UnitId root,
                                             const Period& period, const EvaluationOptions& options = {},
                                             const std::vector<std::string>& only = {});

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_EVALUATION_SERVICE_H_
