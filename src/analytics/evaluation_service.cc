#include "analytics/evaluation_service.h"

#include <map>

namespace kiemdem::analytics {
namespace {

// Bodies whose targets a dashboard shows first: the Council's resolution is
// the plan of record, then the Party committee's, then the Committee's.
int BodyRank(BodyKind k) {
  switch (k) {
    case BodyKind::kPeoplesCouncil: return 0;
    case BodyKind::kPartyCommittee: return 1;
    case BodyKind::kPeoplesCommittee: return 2;
    default: return 3;
  }
}

// The value of one indicator for `period` from a unit's results: the exact
// period, or the shorter periods that tile it.
std::optional<Observation> ValueFor(UnitId unit, const Indicator& indicator, const Period& period,
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

}  // namespace

Result<UnitEvaluation> EvaluateUnit(store::Store& store, const UnitTree& tree, UnitId unit,
                                    const Period& period) {
  if (tree.Get(unit) == nullptr) {
    return NotFound("unit " + std::to_string(unit) + " does not exist",
                    "không có đơn vị số " + std::to_string(unit))
        .WithField("unit");
  }
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> records,
                   store.ListResultsInYears(unit, period.year() - 1, period.year()));
  UnitEvaluation out;
  out.unit = unit;
  out.period = period;
  ASSIGN_OR_RETURN(out.plans, store.ListPlans(unit));
  std::vector<Observation> observations;
  observations.reserve(records.size());
  for (const store::ResultRecord& r : records) observations.push_back(r.observation);
  Period previous = period.SamePeriodLastYear();
  for (const Indicator& ind : indicators) {
    EvaluationRow row;
    row.indicator = ind;
    row.other_targets = TargetsFor(out.plans, unit, ind.code, period.year());
    std::optional<Target> target;
    int best = 99;
    for (const TargetBySource& t : row.other_targets) {
      if (BodyRank(t.plan->body_kind) < best) {
        best = BodyRank(t.plan->body_kind);
        target = *t.target;
        row.target_body = BodyKindKey(t.plan->body_kind);
      }
    }
    int prev_months = 0;
    std::optional<Observation> actual = ValueFor(unit, ind, period, observations, &row.months_reported);
    std::optional<Observation> before = ValueFor(unit, ind, previous, observations, &prev_months);
    if (!target && !actual && !before) continue;  // nothing to say about it
    for (const store::ResultRecord& r : records) {
      if (r.observation.indicator == ind.code && r.observation.period == period) {
        row.result_id = r.id;
        row.result_status = store::ResultStatusKey(r.status);
      }
    }
    ASSIGN_OR_RETURN(row.evaluation, EvaluateIndicator(ind, period, target, actual, before));
    out.rows.push_back(std::move(row));
  }
  std::vector<IndicatorEvaluation> evals;
  evals.reserve(out.rows.size());
  for (const EvaluationRow& r : out.rows) evals.push_back(r.evaluation);
  out.summary = Summarise(evals);
  return out;
}

Result<std::vector<RollupRow>> RollUpSubtree(store::Store& store, const UnitTree& tree, UnitId root,
                                             const Period& period) {
  if (tree.Get(root) == nullptr) {
    return NotFound("unit " + std::to_string(root) + " does not exist",
                    "không có đơn vị số " + std::to_string(root))
        .WithField("unit");
  }
  Date on = EndOfMonth(period.year(), period.last_month());
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  // Every unit of the subtree's results for the year, turned into the period's values.
  std::map<std::pair<UnitId, std::string>, Observation> values;  // (registry unit, indicator)
  for (UnitId u : tree.SubtreeOn(root, on)) {
    ASSIGN_OR_RETURN(std::vector<store::ResultRecord> records,
                     store.ListResultsInYears(u, period.year(), period.year()));
    if (records.empty()) continue;
    std::vector<Observation> observations;
    observations.reserve(records.size());
    for (const store::ResultRecord& r : records) observations.push_back(r.observation);
    for (const Indicator& ind : indicators) {
      int months = 0;
      std::optional<Observation> v = ValueFor(u, ind, period, observations, &months);
      if (v) values[{tree.ToRegistry(u), ind.code}] = *v;
    }
  }
  std::vector<RollupRow> out;
  for (const Indicator& ind : indicators) {
    if (ind.spatial == SpatialAggregation::kNone) continue;
    ObservationLookup lookup = [&](UnitId registry_unit) -> const Observation* {
      auto it = values.find({registry_unit, ind.code});
      return it == values.end() ? nullptr : &it->second;
    };
    Result<Aggregate> a = RollUpUnits(tree.registry(), tree.ToRegistry(root), on, ind, lookup);
    if (!a.ok()) continue;
    if (!a->value && a->reporting == 0) continue;
    for (UnitId& m : a->missing) m = tree.ToStored(m);
    for (UnitId& m : a->split_units) m = tree.ToStored(m);
    out.push_back({ind, *a});
  }
  return out;
}

}  // namespace kiemdem::analytics
