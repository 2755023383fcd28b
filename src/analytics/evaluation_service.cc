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

bool Counts(const store::ResultRecord& r, const EvaluationOptions& options) {
  return options.include_unapproved || r.status == store::ResultStatus::kApproved;
}

std::vector<Observation> Counted(const std::vector<store::ResultRecord>& records,
                                 const EvaluationOptions& options) {
  std::vector<Observation> out;
  out.reserve(records.size());
  for (const store::ResultRecord& r : records) {
    if (Counts(r, options)) out.push_back(r.observation);
  }
  return out;
}

}  // namespace

Result<UnitEvaluation> EvaluateUnit(store::Store& store, const UnitTree& tree, UnitId unit,
                                    const Period& period, const EvaluationOptions& options) {
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
  SeriesReader series(store, tree, options);
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
    // Which stored figures the value came from: exactly this period's, else the shorter ones inside it.
    const store::ResultRecord* exact = nullptr;
    bool unapproved_inside = false;
    for (const store::ResultRecord& r : records) {
      if (r.observation.indicator != ind.code || !period.Contains(r.observation.period)) continue;
      if (r.observation.period == period) exact = &r;
      if (r.status != store::ResultStatus::kApproved && Counts(r, options)) unapproved_inside = true;
    }
    if (exact != nullptr) {
      row.result_id = exact->id;
      row.result_status = store::ResultStatusKey(exact->status);
      bool approved = exact->status == store::ResultStatus::kApproved;
      if (!Counts(*exact, options)) row.unapproved_value = exact->observation.value;
      row.counts_unapproved = actual && !approved && Counts(*exact, options);
    } else {
      row.counts_unapproved = actual && unapproved_inside;
    }
    if (!target && !actual && !before && !row.unapproved_value) continue;  // nothing to say about it
    ASSIGN_OR_RETURN(row.evaluation, EvaluateIndicator(ind, period, target, actual, before));
    out.rows.push_back(std::move(row));
  }
  std::vector<IndicatorEvaluation> evals;
  evals.reserve(out.rows.size());
  for (const EvaluationRow& r : out.rows) evals.push_back(r.evaluation);
  out.summary = Summarise(period, evals);
  return out;
}

Result<std::vector<RollupRow>> RollUpSubtree(store::Store& store, const UnitTree& tree, UnitId root,
                                             const Period& period, const EvaluationOptions& options) {
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
    std::vector<Observation> observations = Counted(records, options);
    if (observations.empty()) continue;
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
    for (UnitId& m : a->without_base) m = tree.ToStored(m);
    out.push_back({ind, *a});
  }
  return out;
}

}  // namespace kiemdem::analytics
