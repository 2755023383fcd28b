// A unit's figure for a period on its own boundary, read from the store: a
// unit formed on 01/07/2025 (Phường Uông Bí) has for 2024 the figures of the
// units it was formed from, and for 2025 their first half joined to its own
// second half (core/reconstruction.h is the rule; this finds the figures).
//
//   SeriesReader series(store, tree);
//   ASSIGN_OR_RETURN(UnitSeries s, series.Read(uong_bi, revenue, *Period::Year(2024)));
//   s.basis;        // SeriesBasis::kRebuilt
//   s.split_units;  // {Phường Trưng Vương}: split, no share set, not counted
#ifndef KIEMDEM_ANALYTICS_SERIES_H_
#define KIEMDEM_ANALYTICS_SERIES_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analytics/unit_tree.h"
#include "core/reconstruction.h"
#include "store/store.h"

namespace kiemdem::analytics {

// The value of one indicator for `period` from a unit's results: the exact
// period, or the shorter periods that tile it; `months` is set to the months
// it stands for.
std::optional<Observation> ValueFromResults(UnitId unit, const Indicator& indicator, const Period& period,
                                            const std::vector<Observation>& observations, int* months);

// Which stored figures a reader sees: approved ones only (the default), or
// drafts and submitted ones too, on request.
struct FigureFilter {
  bool include_unapproved = false;
};

// One unit's part in a value, by stored id.
struct SeriesPartView {
  UnitId unit = kNoUnit;
  Period period = *Period::Year(2000);
  Coverage coverage = Coverage::kFull;
  std::optional<double> share;  // nullopt: split, no share set, not counted
  std::optional<double> value;  // as the unit reported it (before the share)
  bool counted = false;         // its share applied and it reported
};

struct UnitSeries {
  std::optional<Observation> value;  // of the unit, indicator and period asked
  SeriesBasis basis = SeriesBasis::kReported;
  std::vector<SeriesPartView> parts;  // empty for kReported
  std::vector<UnitId> split_units;    // stored ids: split, no share set, not counted
  std::vector<UnitId> missing;        // stored ids: counted units that did not report
  int months = 0;                     // months the value stands for (own figures)
  // Why there is no value on the unit's boundary (an indicator that does not
  // add up across units), or "".
  std::string note_en;
  std::string note_vi;
  bool rebuilt() const { return basis != SeriesBasis::kReported; }
};

// Reads figures of a unit and of the units it was formed from; each unit's
// results of a year are read once.
class SeriesReader {
 public:
  SeriesReader(store::Store& store, const UnitTree& tree, FigureFilter filter = {})
      : store_(store), tree_(tree), filter_(filter) {}

  // The value of stored unit `unit` for `period` on its own boundary. A
  // period the unit lived through with nothing absorbed later is its own
  // figure (kReported); a period (partly) before the unit was formed is
  // rebuilt from its predecessors. For a unit that ended before the period
  // ended, its own figures as stored.
  Result<UnitSeries> Read(UnitId unit, const Indicator& indicator, const Period& period);

 private:
  Result<const std::vector<Observation>*> Observations(UnitId stored, int year);

  store::Store& store_;
  const UnitTree& tree_;
  FigureFilter filter_;
  std::map<std::pair<UnitId, int>, std::vector<Observation>> cache_;  // (stored unit, year)
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_SERIES_H_
