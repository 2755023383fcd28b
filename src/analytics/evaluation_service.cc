#include "analytics/evaluation_service.h"

#include <map>

#include "analytics/series.h"

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
  Period previous = period.SamePeriodLastYear();
  SeriesReader series(store, tree);
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
    // Both on the unit's own boundary: rebuilt from its predecessors for the
    // periods before it was formed ("tính theo địa giới mới").
    ASSIGN_OR_RETURN(row.actual_series, series.Read(unit, ind, period));
    ASSIGN_OR_RETURN(row.previous_series, series.Read(unit, ind, previous));
    row.months_reported = row.actual_series.months;
    const std::optional<Observation>& actual = row.actual_series.value;
    const std::optional<Observation>& before = row.previous_series.value;
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
      std::optional<Observation> v = ValueFromResults(u, ind, period, observations, &months);
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
