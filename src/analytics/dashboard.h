// What the dashboard shows besides a unit's evaluation: where it opens for a
// user (the home unit and its latest period), an indicator's trend over the
// years, and the units under a parent side by side for one indicator.
//
//   ASSIGN_OR_RETURN(std::optional<Home> home, FindHome(store, {ward}, 2026));
//   ASSIGN_OR_RETURN(std::vector<TrendPoint> points, Trend(store.results(), ward, "THU_NS", 2022, 2026));
#ifndef KIEMDEM_ANALYTICS_DASHBOARD_H_
#define KIEMDEM_ANALYTICS_DASHBOARD_H_

#include <optional>
#include <string>
#include <vector>

#include "analytics/evaluation_service.h"
#include "analytics/series.h"
#include "analytics/unit_tree.h"
#include "core/rollup.h"
#include "core/status.h"
#include "store/store.h"

namespace kiemdem::analytics {

// Where a dashboard opens: a unit, and its latest period with figures
// ("2020", "2018-01/2018-10"), empty when it has none.
struct Home {
  UnitId unit = kNoUnit;
  std::string period;
};

// The first of `own_units` (the units a user's roles are granted on) that has
// figures within the 30 years up to `this_year`, or the last one tried when
// none has; with no own units, the unit reviewed at the latest working
// session that has figures. At most 20 units are tried. nullopt when there
// is no unit to open on.
Result<std::optional<Home>> FindHome(store::Store& store, const std::vector<UnitId>& own_units,
                                     int this_year);

// The latest period `unit` has figures for within the 30 years up to
// `this_year`: latest end month first; of those ending together, the
// longest ("10 tháng" over "tháng 10"). Empty when it has none.
Result<std::string> LatestPeriod(store::ResultStore& results, UnitId unit, int this_year);

// One figure of a trend: stored, or rebuilt on the unit's boundary.
struct TrendPoint {
  Period period;
  double value = 0;
  // Of a rebuilt figure: approved when every figure it counts is, else draft.
  store::ResultStatus status = store::ResultStatus::kDraft;
  SeriesBasis basis = SeriesBasis::kReported;  // kRebuilt, kMixed: "tính theo địa giới mới"
  // Rebuilt: every counted unit reported and no split unit was left out.
  bool complete = true;
};

// The figures of `indicator` for `unit` in the years first_year..last_year,
// oldest period first. InvalidArgument (field "from") unless
// first_year <= last_year <= first_year + 30.
Result<std::vector<TrendPoint>> Trend(store::ResultStore& results, UnitId unit, const std::string& indicator,
                                      int first_year, int last_year);

// The same, and for a unit formed within those years (Phường Uông Bí on
// 01/07/2025) the periods before it was formed rebuilt from the units it was
// formed from (SeriesReader): every period they or the unit reported, in
// each year from first_year to the year it was formed (that year mixed:
// their months before the boundary, its own after). Drafts count (marked).
// An indicator not in the catalogue has only its stored figures.
Result<std::vector<TrendPoint>> Trend(store::Store& store, const UnitTree& tree, UnitId unit,
                                      const std::string& indicator, int first_year, int last_year);

// The day `unit` was formed if it falls within first_year..last_year (the
// boundary a trend marks), else nullopt.
std::optional<Date> BoundaryWithin(const UnitTree& tree, UnitId unit, int first_year, int last_year);

// One unit under a parent, evaluated for one indicator: nullopt when the
// indicator is not in its evaluation.
struct ComparedUnit {
  UnitId unit = kNoUnit;
  std::optional<EvaluationRow> row;
  std::optional<int> rank;  // 1, 2, … among the units with a figure, in order; none without one
};

// The units under `parent` (kCountry: the provinces) as of the period's last
// day, each evaluated for `indicator` in `period`, ranked: best actual first
// by the indicator's direction (for a band: nearest its middle), units
// without a figure last (and unranked), ties in tree order. NotFound (field "unit") for an
// unknown parent, InvalidArgument (field "indicator") for an unknown indicator.
Result<std::vector<ComparedUnit>> CompareChildren(FigureSource& figures, const UnitTree& tree, UnitId parent,
                                                  const Period& period, const std::string& indicator,
                                                  const EvaluationOptions& options = {});

// The units under a parent × indicators for a period, for ranking and
// export: each cell the unit's EvaluationRow (core's verdict, never judged
// again here), and for every indicator that adds up across units the units'
// counted results combined by core's roll-up (a sum, a mean, a ratio of
// sums), named by AggregateOfUnitsLabel ("tổng các phường, xã") — never the
// parent's own figure, which the parent need not have.
struct ComparisonRow {
  UnitId unit = kNoUnit;
  std::vector<std::optional<EvaluationRow>> cells;  // as ComparisonTable::indicators
};
struct ComparisonTable {
  UnitId parent = kNoUnit;
  Period period = *Period::Year(2000);
  std::vector<Indicator> indicators;           // catalogue order
  std::vector<ComparisonRow> units;            // as UnitTree::ChildrenOn the period's last day
  std::vector<std::optional<Aggregate>> sums;  // as indicators; set for those that add up across units
  std::vector<UnitType> kinds;                 // of the units below, for AggregateOfUnitsLabel
};

// `codes` names the indicators (catalogue order kept; an unknown code is
// InvalidArgument naming field "indicators"); empty: every indicator any unit
// below has something for. NotFound (field "unit") for an unknown parent.
// The types of the units under `parent` (kCountry: the provinces) on `on`.
std::vector<UnitType> KindsBelow(const UnitTree& tree, UnitId parent, Date on);

Result<ComparisonTable> CompareChildrenTable(FigureSource& figures, const UnitTree& tree, UnitId parent,
                                             const Period& period, const std::vector<std::string>& codes,
                                             const EvaluationOptions& options = {});

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_DASHBOARD_H_
