// A unit's figure for a period on its own boundary, read from stored figures: a
// unit formed on 01/07/2025 (Phường Uông Bí) has for 2024 the figures of the
// units it was formed from, and for 2025 their first half joined to its own
// second half (core/reconstruction.h is the rule; this finds the figures).
//
//   SeriesReader series(figures, tree);
//   ASSIGN_OR_RETURN(UnitSeries s, series.Read(uong_bi, revenue, *Period::Year(2024)));
//   s.basis;        // SeriesBasis::kRebuilt
//   s.split_units;  // {Phường Trưng Vương}: split, no share set, not counted
#ifndef KIEMDEM_ANALYTICS_SERIES_H_
#define KIEMDEM_ANALYTICS_SERIES_H_

#include <optional>
#include <string>
#include <vector>

#include "analytics/figures.h"
#include "analytics/unit_tree.h"
#include "core/reconstruction.h"

namespace kiemdem::analytics {

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

// Reads figures of a unit and of the units it was formed from.
class SeriesReader {
 public:
  SeriesReader(FigureSource& figures, const UnitTree& tree, FigureFilter filter = {})
      : figures_(figures), tree_(tree), filter_(filter) {}

  // The value of stored unit `unit` for `period` on its own boundary. A
  // period the unit lived through with nothing absorbed later is its own
  // figure (kReported); a period (partly) before the unit was formed is
  // rebuilt from its predecessors. For a unit that ended before the period
  // ended, its own figures as stored.
  Result<UnitSeries> Read(UnitId unit, const Indicator& indicator, const Period& period);

 private:
  FigureSource& figures_;
  const UnitTree& tree_;
  FigureFilter filter_;
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_SERIES_H_
