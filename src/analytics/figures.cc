#include "analytics/figures.h"

#include "core/rollup.h"

namespace kiemdem::analytics {

std::optional<Observation> ValueFromResults(UnitId unit, const Indicator& indicator, const Period& period,
                                            const std::vector<Observation>& observations, int* months) {
  for (const Observation& o : observations) {
    if (o.indicator == indicator.code && o.period == period) {
      *months = period.month_count();
      return o;
    }
  }
  Result<Aggregate> a = RollUpTime(indicator, period, observations);
  if (!a.ok() || !a->value) return std::nullopt;
  *months = a->reporting;
  Observation o;
  o.unit = unit;
  o.indicator = indicator.code;
  o.period = period;
  o.value = *a->value;
  o.numerator = a->numerator;
  o.denominator = a->denominator;
  o.estimated = a->estimated;
  return o;
}

Result<std::shared_ptr<const std::vector<Indicator>>> StoreFigures::Indicators() {
  if (!indicators_) {
    ASSIGN_OR_RETURN(std::vector<Indicator> all, store_.ListIndicators());
    indicators_ = std::make_shared<const std::vector<Indicator>>(std::move(all));
  }
  return indicators_;
}

Result<std::vector<Plan>> StoreFigures::Plans(UnitId unit) { return store_.ListPlans(unit); }

Result<const std::vector<store::ResultRecord>*> StoreFigures::Records(UnitId unit, int year) {
  auto it = records_.find({unit, year});
  if (it != records_.end()) return &it->second;
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> records, store_.ListResultsInYears(unit, year, year));
  return &records_.emplace(std::make_pair(unit, year), std::move(records)).first->second;
}

Result<OwnValue> StoreFigures::Own(UnitId unit, const Indicator& indicator, const Period& period,
                                   FigureFilter filter) {
  ASSIGN_OR_RETURN(const std::vector<store::ResultRecord>* records, Records(unit, period.year()));
  std::vector<Observation> counted;
  for (const store::ResultRecord& r : *records) {
    if (r.observation.indicator != indicator.code) continue;
    if (filter.include_unapproved || r.status == store::ResultStatus::kApproved)
      counted.push_back(r.observation);
  }
  OwnValue out;
  out.value = ValueFromResults(unit, indicator, period, counted, &out.months);
  return out;
}

Result<StoredPeriod> StoreFigures::Stored(UnitId unit, const std::string& indicator, const Period& period) {
  ASSIGN_OR_RETURN(const std::vector<store::ResultRecord>* records, Records(unit, period.year()));
  StoredPeriod out;
  for (const store::ResultRecord& r : *records) {
    if (r.observation.indicator != indicator || !period.Contains(r.observation.period)) continue;
    if (r.observation.period == period) {
      out.id = r.id;
      out.status = r.status;
      out.value = r.observation.value;
    }
    if (r.status != store::ResultStatus::kApproved) out.unapproved_inside = true;
  }
  return out;
}

}  // namespace kiemdem::analytics
