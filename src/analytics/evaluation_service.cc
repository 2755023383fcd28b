#include "analytics/evaluation_service.h"

#include <algorithm>
#include <deque>
#include <tuple>

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

bool Wanted(const Indicator& ind, const std::vector<std::string>& only) {
  return only.empty() || std::find(only.begin(), only.end(), ind.code) != only.end();
}

// The plan of record among the plans in force: the best-ranked body's (the
// Council's, then the Party committee's, then the Committee's), its own
// resolution before targets assigned from above, then the one that sets the
// most targets for the year.
const PlanSummary* PlanOfRecord(const std::vector<PlanSummary>& plans, int year) {
  const PlanSummary* best = nullptr;
  auto key = [year](const Plan& p) {
    int targets = 0;
    for (const Target& t : p.targets) targets += t.year == year ? 1 : 0;
    return std::make_tuple(BodyRank(p.body_kind), p.assigned_by_superior ? 1 : 0, -targets);
  };
  for (const PlanSummary& p : plans) {
    if (best == nullptr || key(*p.plan) < key(*best->plan)) best = &p;
  }
  return best;
}

// The level the body above assigned for an indicator and year, from the
// plans' targets side by side: the assigned plan's, as in force (adjusted).
std::optional<double> AssignedLevel(const std::vector<TargetBySource>& targets) {
  for (const TargetBySource& t : targets) {
    if (t.plan->assigned_by_superior && t.target->form == TargetForm::kLevel)
      return t.target->InForce().value;
  }
  return std::nullopt;
}

// The yearly path of a term target for a later year, read on the unit's own
// boundary; none for a flow inside the year (not comparable with a yearly
// level) or without the result of the year before the term.
Result<std::optional<TermPath>> TermPathOf(SeriesReader& series, const std::vector<Plan>& plans, UnitId unit,
                                           const Indicator& ind, const Period& period,
                                           std::optional<double> actual) {
  if (period.month_count() < 12 && ind.time == TimeAggregation::kFlow) return std::optional<TermPath>();
  TermTargetRef term = FindTermTarget(plans, unit, ind.code, period.year());
  if (term.plan == nullptr) return std::optional<TermPath>();
  ASSIGN_OR_RETURN(UnitSeries start, series.Read(unit, ind, *Period::Year(term.plan->first_year - 1)));
  if (!start.value) return std::optional<TermPath>();
  ASSIGN_OR_RETURN(TermPath path,
                   TermPathFor(ind, *term.plan, *term.target, period.year(), start.value->value, actual));
  return std::optional<TermPath>(std::move(path));
}

Status NoSuchUnit(UnitId unit) {
  return NotFound("unit " + std::to_string(unit) + " does not exist",
                  "không có đơn vị số " + std::to_string(unit))
      .WithField("unit");
}

}  // namespace

std::string PlanChoice::Key() const {
  if (assigned) return "assigned";
  return body ? BodyKindKey(*body) : "";
}

Result<PlanChoice> PlanChoice::Parse(std::string_view key) {
  PlanChoice c;
  if (key.empty() || key == "default") return c;
  if (key == "assigned") {
    c.assigned = true;
    return c;
  }
  Result<BodyKind> body = ParseBodyKind(key);
  if (!body.ok()) {
    return InvalidArgument(
               "plan '" + std::string(key) +
                   "' is default, assigned or a body kind (peoples_council, party_committee, …)",
               "kế hoạch '" + std::string(key) +
                   "' là default, assigned hoặc một loại cơ quan (peoples_council, party_committee, …)")
        .WithField("plan");
  }
  c.body = *body;
  return c;
}

bool PlanChoice::Takes(const Plan& p) const {
  if (assigned) return p.assigned_by_superior;
  return !body || p.body_kind == *body;
}

Result<UnitEvaluation> EvaluateUnit(FigureSource& figures, const UnitTree& tree, UnitId unit,
                                    const Period& period, const EvaluationOptions& options,
                                    const std::vector<std::string>& only, const PlanChoice& plan) {
  if (tree.Get(unit) == nullptr) return NoSuchUnit(unit);
  ASSIGN_OR_RETURN(std::shared_ptr<const std::vector<Indicator>> catalogue, figures.Indicators());
  const std::vector<Indicator>& indicators = *catalogue;
  UnitEvaluation out;
  out.unit = unit;
  out.period = period;
  out.plan_choice = plan;
  ASSIGN_OR_RETURN(out.plans, figures.Plans(unit));
  Period previous = period.SamePeriodLastYear();
  SeriesReader series(figures, tree, options);
  for (const Indicator& ind : indicators) {
    if (!Wanted(ind, only)) continue;
    EvaluationRow row;
    row.indicator = ind;
    row.other_targets = TargetsFor(out.plans, unit, ind.code, period.year());
    std::optional<Target> target;
    int best = 99;
    for (const TargetBySource& t : row.other_targets) {
      if (!plan.Takes(*t.plan)) continue;
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
    // Which stored figure the value came from: exactly this period's, else the shorter ones inside it.
    ASSIGN_OR_RETURN(StoredPeriod stored, figures.Stored(unit, ind.code, period));
    bool unapproved_inside = options.include_unapproved && stored.unapproved_inside;
    if (stored.id) {
      row.result_id = stored.id;
      row.result_status = store::ResultStatusKey(stored.status);
      bool approved = stored.status == store::ResultStatus::kApproved;
      if (!approved && !options.include_unapproved) row.unapproved_value = stored.value;
      row.counts_unapproved = actual && !approved && options.include_unapproved;
    } else {
      row.counts_unapproved = actual && unapproved_inside;
    }
    if (row.other_targets.empty() && !actual && !before && !row.unapproved_value) continue;  // nothing to say
    // A target written as a change from last year needs last year's whole result.
    bool change_target =
        std::any_of(row.other_targets.begin(), row.other_targets.end(), [](const TargetBySource& t) {
          return t.target->form == TargetForm::kGrowthPercent || t.target->form == TargetForm::kChangePoints;
        });
    // One written against the target the level above assigned ("vượt 5% chỉ tiêu cấp trên giao") needs that.
    row.assigned = AssignedLevel(row.other_targets);
    if (change_target && period.month_count() < 12) {
      ASSIGN_OR_RETURN(UnitSeries year_before, series.Read(unit, ind, *Period::Year(period.year() - 1)));
      if (year_before.value) row.last_year = year_before.value->value;
    }
    ASSIGN_OR_RETURN(row.evaluation, EvaluateIndicator(ind, period, target, actual, before, row.last_year,
                                                       row.months_reported, row.assigned));
    ASSIGN_OR_RETURN(row.term_path, TermPathOf(series, out.plans, unit, ind, period, row.evaluation.actual));
    out.rows.push_back(std::move(row));
  }
  std::vector<IndicatorEvaluation> evals;
  evals.reserve(out.rows.size());
  for (const EvaluationRow& r : out.rows) evals.push_back(r.evaluation);
  out.summary = Summarise(period, evals);
  // Every plan of the year on its own targets, so that the choice can be seen beside the others.
  std::vector<const Plan*> in_force;
  for (const Plan& p : out.plans) {
    if (p.first_year <= period.year() && p.last_year >= period.year()) in_force.push_back(&p);
  }
  // The usual case, one plan that judged the unit: its summary is the one just made.
  if (in_force.size() == 1 && plan.Takes(*in_force[0])) {
    out.by_plan.push_back({in_force[0], out.summary});
    out.summary_plan = in_force[0];
    return out;
  }
  for (const Plan* pp : in_force) {
    const Plan& p = *pp;
    std::vector<IndicatorEvaluation> own;
    for (const EvaluationRow& r : out.rows) {
      const Target* t = p.FindTarget(r.indicator.code, period.year());
      if (t == nullptr) {
        if (r.evaluation.actual) {
          IndicatorEvaluation untargeted;
          untargeted.indicator = r.indicator.code;
          untargeted.actual = r.evaluation.actual;
          untargeted.status = Attainment::kNoTarget;
          own.push_back(std::move(untargeted));
        }
        continue;
      }
      ASSIGN_OR_RETURN(
          IndicatorEvaluation ev,
          EvaluateIndicator(r.indicator, period, *t, r.actual_series.value, r.previous_series.value,
                            r.last_year, r.months_reported, r.assigned));
      own.push_back(std::move(ev));
    }
    out.by_plan.push_back({&p, Summarise(period, own)});
  }
  if (plan.is_default()) {
    // The plan of record counts: a per-indicator mix of several plans' targets
    // is a denominator that no resolution has.
    const PlanSummary* record = PlanOfRecord(out.by_plan, period.year());
    if (record != nullptr) {
      out.summary = record->summary;
      out.summary_plan = record->plan;
    }
  } else {
    // A chosen body with exactly one plan in force: that plan is named.
    const Plan* taken = nullptr;
    int count = 0;
    for (const Plan* p : in_force) {
      if (plan.Takes(*p)) {
        taken = p;
        ++count;
      }
    }
    if (count == 1) out.summary_plan = taken;
  }
  return out;
}

std::optional<TargetBySource> DefaultLevelTarget(const std::vector<Plan>& plans, UnitId unit,
                                                 std::string_view indicator, int year) {
  std::optional<TargetBySource> best;
  for (const TargetBySource& t : TargetsFor(plans, unit, indicator, year)) {
    if (t.target->form != TargetForm::kLevel || t.target->comparator == Comparator::kBand) continue;
    if (!best || BodyRank(t.plan->body_kind) < BodyRank(best->plan->body_kind)) best = t;
  }
  return best;
}

std::string PlanLabel(const Plan& plan, bool vi) {
  std::string label;
  if (plan.assigned_by_superior) {
    label = vi ? "chỉ tiêu cấp trên giao" : "targets assigned from above";
  } else {
    label = vi ? std::string("kế hoạch của ") + BodyKindNameVi(plan.body_kind)
               : std::string("the plan of the ") + BodyKindNameEn(plan.body_kind);
  }
  if (!plan.resolution.code.empty()) label += " (" + plan.resolution.code + ")";
  return label;
}

ObservationLookup OwnValueLookup(FigureSource& figures, const UnitTree& tree, const Indicator& ind,
                                 const Period& period, const EvaluationOptions& options,
                                 std::deque<Observation>* values, Status* read_error) {
  return [&figures, &tree, &ind, period, options, values,
          read_error](UnitId registry_unit) -> const Observation* {
    Result<OwnValue> v = figures.Own(tree.ToStored(registry_unit), ind, period, options);
    if (!v.ok()) {
      if (read_error->ok()) *read_error = v.status();
      return nullptr;
    }
    if (!v->value) return nullptr;
    values->push_back(std::move(*v->value));
    return &values->back();
  };
}

Result<std::vector<RollupRow>> RollUpSubtree(FigureSource& figures, const UnitTree& tree, UnitId root,
                                             const Period& period, const EvaluationOptions& options,
                                             const std::vector<std::string>& only) {
  if (root != kCountry && tree.Get(root) == nullptr) return NoSuchUnit(root);
  Date on = EndOfMonth(period.year(), period.last_month());
  ASSIGN_OR_RETURN(std::shared_ptr<const std::vector<Indicator>> catalogue, figures.Indicators());
  const std::vector<Indicator>& indicators = *catalogue;
  std::vector<UnitId> provinces;
  if (root == kCountry) {
    for (UnitId p : tree.RootsOn(on)) provinces.push_back(tree.ToRegistry(p));
  }
  std::vector<RollupRow> out;
  for (const Indicator& ind : indicators) {
    // An indicator that does not add up across units (kNone) has no roll-up:
    // left out here, so that any error the roll-up returns is a real one.
    if (ind.spatial == SpatialAggregation::kNone || !Wanted(ind, only)) continue;
    // Each unit's own value for the period, and a weighted mean's base
    // (population), read as the roll-up asks for them.
    std::deque<Observation> values;
    Status read_error = Status::Ok();
    ObservationLookup lookup = OwnValueLookup(figures, tree, ind, period, options, &values, &read_error);
    const Indicator* base_ind = WeightOf(ind, indicators);
    ObservationLookup base =
        base_ind == nullptr ? ObservationLookup()
                            : OwnValueLookup(figures, tree, *base_ind, period, options, &values, &read_error);
    Result<Aggregate> a = root == kCountry
                              ? RollUpChildren(tree.registry(), provinces, on, ind, lookup, base)
                              : RollUpUnits(tree.registry(), tree.ToRegistry(root), on, ind, lookup, base);
    RETURN_IF_ERROR(read_error);
    RETURN_IF_ERROR(a.status());
    if (!a->value && a->reporting == 0) continue;
    for (UnitId& m : a->missing) m = tree.ToStored(m);
    for (UnitId& m : a->split_units) m = tree.ToStored(m);
    for (UnitId& m : a->without_base) m = tree.ToStored(m);
    out.push_back({ind, *a});
  }
  return out;
}

}  // namespace kiemdem::analytics
