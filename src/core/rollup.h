// Roll-ups: a unit's value from the units below it (by the indicator's
// spatial rule), a period's value from shorter periods (flow: sum of months;
// stock: latest), and a unit's value for a time before it existed, from the
// units it was formed of (the 2025 reorganisation).
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
  bool estimated = false;           // any input was estimated
  int expected = 0;                 // units (or months) that should contribute
  int reporting = 0;                // units (or months) that did
  std::vector<UnitId> missing;      // units without data
  std::vector<UnitId> split_units;  // predecessors split across several new units: not counted
  std::vector<int> missing_months;  // months of the period not covered (time roll-up)
};

// The observation of one unit for the indicator and period in question, or
// nullptr if it has none.
using ObservationLookup = std::function<const Observation*(UnitId)>;

// Rolls up over the children of `root` valid on `on`. A child with its own
// observation contributes it; one without contributes the roll-up of its own
// children if any of them reported. expected/reporting/missing count the
// direct children. A root with no children contributes its own observation.
// Fails for an indicator that does not aggregate (kNone) or an unknown root.
Result<Aggregate> RollUpUnits(const AdminRegistry& registry, UnitId root, Date on, const Indicator& indicator,
                              const ObservationLookup& lookup);

// Combines observations of one unit and indicator in shorter periods of the
// same year into `target`. Flow: an observation of exactly `target` if
// present, else the fewest observations that tile its months without overlap
// (e.g. 6 tháng + Q3 + tháng 10 = 10 tháng). Stock: the observation ending
// latest within `target` (missing_months lists the months after it).
// Observations of other units, indicators or years are ignored. A value is
// empty with the uncovered months listed when no tiling exists.
Result<Aggregate> RollUpTime(const Indicator& indicator, const Period& target,
                             const std::vector<Observation>& observations);

// The value of `unit` for `period` when `unit` did not exist then (a commune
// formed on 01/07/2025): the units that made it up at the period's end are
// found by walking the successions; those that went wholly into it are
// combined by the indicator's rule; a unit split across several new units is
// listed in split_units and never counted. For a unit that existed, its own
// observation.
Result<Aggregate> ReconstructFromPredecessors(const AdminRegistry& registry, UnitId unit,
                                              const Period& period, const Indicator& indicator,
                                              const ObservationLookup& lookup);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_ROLLUP_H_
