// Roll-ups: a unit's value from the units below it (by the indicator's
// spatial rule) and a period's value from shorter periods (flow: sum of
// months; stock: latest). A unit's value across a reorganisation is
// core/reconstruction.h's.
#ifndef KIEMDEM_CORE_ROLLUP_H_
#define KIEMDEM_CORE_ROLLUP_H_

#include <functional>
#include <optional>
#include <vector>

#include "core/admin_registry.h"
#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"

namespace kiemdem {

// An aggregated value with what went into it.
struct Aggregate {
  std::optional<double> value;  // empty when nothing reported
  std::optional<double> numerator;
  std::optional<double> denominator;
  bool estimated = false;       // any input was estimated
  int expected = 0;             // units (or months) that should contribute
  int reporting = 0;            // units (or months) that did
  std::vector<UnitId> missing;  // units without data
  std::vector<UnitId>
      split_units;  // predecessors split across several new units with no share set: not counted
  std::vector<int> missing_months;  // months of the period not covered (time roll-up)
  // Units that reported a rate without its numerator and denominator: they
  // count as reporting but are left out of a ratio roll-up (flagged, never
  // dropping the roll-up).
  std::vector<UnitId> without_base;
};

// The observation of one unit for the indicator and period in question, or
// nullptr if it has none.
using ObservationLookup = std::function<const Observation*(UnitId)>;

// Rolls up over the children of `root` valid on `on`. A child with its own
// observation contributes it; one without contributes the roll-up of its own
// children if any of them reported. expected/reporting/missing count the
// direct children. A root with no children contributes its own observation.
// For a ratio, a child with a bare rate is counted as reporting, listed in
// without_base and left out of the ratio. A mean with a base
// (Indicator::weight_by) is weighted by each child's base, read by `base`
// (income per head by population: numerator the total, denominator the
// population); a child without one is flagged in without_base the same way.
// Fails for an indicator that does not aggregate (kNone) or an unknown root.
Result<Aggregate> RollUpUnits(const AdminRegistry& registry, UnitId root, Date on, const Indicator& indicator,
                              const ObservationLookup& lookup, const ObservationLookup& base = nullptr);

// The same over a given list of units valid on `on` (the provinces, for the
// whole country): expected/reporting/missing count them.
Result<Aggregate> RollUpChildren(const AdminRegistry& registry, const std::vector<UnitId>& children, Date on,
                                 const Indicator& indicator, const ObservationLookup& lookup,
                                 const ObservationLookup& base = nullptr);

// Combines observations of one unit and indicator in shorter periods of the
// same year into `target`. Flow: an observation of exactly `target` if
// present, else the fewest observations that tile its months without overlap
// (e.g. 6 tháng + Q3 + tháng 10 = 10 tháng). Stock: the observation ending
// latest within `target` (missing_months lists the months after it).
// Observations of other units, indicators or years are ignored. A value is
// empty with the uncovered months listed when no tiling exists.
Result<Aggregate> RollUpTime(const Indicator& indicator, const Period& target,
                             const std::vector<Observation>& observations);

// One input to CombineWeighted: an observation counted with `weight` (the
// share of a split unit: its value, numerator and denominator are scaled).
struct WeightedObservation {
  const Observation* observation = nullptr;
  double weight = 1;
};

// Combines observations of several units (or periods) by `rule`, as
// RollUpUnits combines children: a sum, a mean (weighted by the weights, never
// by the units' base: this combines shares of one unit or periods), or
// a ratio of summed numerators and denominators. A weight other than 1 marks
// the result estimated. Fails for kNone with more than one input, or a ratio
// input without its numerator and denominator.
Status CombineWeighted(const Indicator& indicator, SpatialAggregation rule,
                       const std::vector<WeightedObservation>& inputs, Aggregate* out);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ROLLUP_H_
