// Where the analytics read stored figures, plans and the catalogue: through
// the store (StoreFigures: queries per unit and year, for the CLI and
// reports) or from the server's FigureIndex (figure_index.h, in memory and
// kept current). Both give the same answers; the rules stay in core and here.
#ifndef KIEMDEM_ANALYTICS_FIGURES_H_
#define KIEMDEM_ANALYTICS_FIGURES_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"
#include "core/plan.h"
#include "store/store.h"

namespace kiemdem::analytics {

// Which stored figures a reader sees: approved ones only (the default), or
// drafts and submitted ones too, on request.
struct FigureFilter {
  bool include_unapproved = false;
};

// The value of one indicator for `period` from a unit's results: the exact
// period, or the shorter periods that tile it; `months` is set to the months
// it stands for.
std::optional<Observation> ValueFromResults(UnitId unit, const Indicator& indicator, const Period& period,
                                            const std::vector<Observation>& observations, int* months);

// A unit's own value of an indicator for a period (ValueFromResults over
// the figures the filter counts), with the months it stands for.
struct OwnValue {
  std::optional<Observation> value;
  int months = 0;
};

// What is stored for exactly one period of a unit and indicator, and
// whether a figure inside it is not approved.
struct StoredPeriod {
  std::optional<int64_t> id;  // the result of exactly this period
  store::ResultStatus status = store::ResultStatus::kDraft;
  double value = 0;
  bool unapproved_inside = false;  // a draft or submitted figure of the period or shorter ones in it
};

class FigureSource {
 public:
  virtual ~FigureSource() = default;

  // The catalogue, in its order (shared: it changes rarely).
  virtual Result<std::shared_ptr<const std::vector<Indicator>>> Indicators() = 0;
  // The plans that hold targets of `unit`.
  virtual Result<std::vector<Plan>> Plans(UnitId unit) = 0;
  // The value of stored unit `unit` from its own figures.
  virtual Result<OwnValue> Own(UnitId unit, const Indicator& indicator, const Period& period,
                               FigureFilter filter) = 0;
  virtual Result<StoredPeriod> Stored(UnitId unit, const std::string& indicator, const Period& period) = 0;
};

// Reads through a store; each unit's results of a year are read once for
// the reader's life.
class StoreFigures final : public FigureSource {
 public:
  explicit StoreFigures(store::Store& store) : store_(store) {}

  Result<std::shared_ptr<const std::vector<Indicator>>> Indicators() override;
  Result<std::vector<Plan>> Plans(UnitId unit) override;
  Result<OwnValue> Own(UnitId unit, const Indicator& indicator, const Period& period,
                       FigureFilter filter) override;
  Result<StoredPeriod> Stored(UnitId unit, const std::string& indicator, const Period& period) override;

 private:
  Result<const std::vector<store::ResultRecord>*> Records(UnitId unit, int year);

  store::Store& store_;
  std::shared_ptr<const std::vector<Indicator>> indicators_;
  std::map<std::pair<UnitId, int>, std::vector<store::ResultRecord>> records_;  // (unit, year)
};

}  // namespace kiemdem::analytics

#endif  // KIEMDEM_ANALYTICS_FIGURES_H_
