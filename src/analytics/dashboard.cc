#include "analytics/dashboard.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <set>
#include <unordered_map>
#include <utility>

namespace kiemdem::analytics {

Result<std::string> LatestPeriod(store::ResultStore& results, UnitId unit, int this_year) {
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> stored,
                   results.ListResultsInYears(unit, this_year - 30, this_year));
  auto later = [](const Period& a, const Period& b) {
    return std::make_pair(a.year() * 12 + a.last_month(), a.month_count()) >
           std::make_pair(b.year() * 12 + b.last_month(), b.month_count());
  };
  const Period* latest = nullptr;
  for (const store::ResultRecord& r : stored) {
    if (latest == nullptr || later(r.observation.period, *latest)) latest = &r.observation.period;
  }
  return latest == nullptr ? "" : latest->Key();
}

Result<std::optional<Home>> FindHome(store::Store& store, const std::vector<UnitId>& own_units,
                                     int this_year) {
  std::vector<UnitId> candidates = own_units;
  if (candidates.empty()) {
    ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store.meetings().ListMeetings());
    std::sort(meetings.begin(), meetings.end(),
              [](const Meeting& a, const Meeting& b) { return b.held_on < a.held_on; });
    for (const Meeting& m : meetings) {
      if (m.unit != kNoUnit) candidates.push_back(m.unit);
    }
  }
  for (size_t i = 0; i < candidates.size() && i < 20; ++i) {
    ASSIGN_OR_RETURN(std::string period, LatestPeriod(store.results(), candidates[i], this_year));
    if (!period.empty() || i + 1 == candidates.size())
      return std::optional<Home>(Home{candidates[i], period});
  }
  return std::optional<Home>();
}

Result<std::vector<TrendPoint>> Trend(store::ResultStore& results, UnitId unit, const std::string& indicator,
                                      int first_year, int last_year) {
  if (last_year < first_year || last_year - first_year > 30) {
    return InvalidArgument("from..to must be at most 30 years, in order",
                           "khoảng năm from..to tối đa 30 năm, theo thứ tự")
        .WithField("from");
  }
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> stored,
                   results.ListResultsInYears(unit, first_year, last_year));
  std::vector<TrendPoint> out;
  for (const store::ResultRecord& r : stored) {
    if (r.observation.indicator == indicator)
      out.push_back({r.observation.period, r.observation.value, r.status});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TrendPoint& a, const TrendPoint& b) { return a.period < b.period; });
  return out;
}

std::optional<Date> BoundaryWithin(const UnitTree& tree, UnitId unit, int first_year, int last_year) {
  const AdminUnit* u = tree.Get(unit);
  if (u == nullptr || !u->valid_from || u->valid_from->year() < first_year ||
      u->valid_from->year() > last_year)
    return std::nullopt;
  if (tree.registry().PredecessorsOf(u->id).empty()) return std::nullopt;
  return *u->valid_from;
}

Result<std::vector<TrendPoint>> Trend(store::Store& store, const UnitTree& tree, UnitId unit,
                                      const std::string& indicator, int first_year, int last_year) {
  ASSIGN_OR_RETURN(std::vector<TrendPoint> out,
                   Trend(store.results(), unit, indicator, first_year, last_year));
  std::optional<Date> formed = BoundaryWithin(tree, unit, first_year, last_year);
  if (!formed) return out;
  const AdminUnit* u = tree.Get(unit);
  ASSIGN_OR_RETURN(std::vector<Indicator> catalogue, store.ListIndicators());
  auto found = std::find_if(catalogue.begin(), catalogue.end(),
                            [&](const Indicator& i) { return i.code == indicator; });
  if (found == catalogue.end()) return out;
  // The periods to rebuild: every one the predecessors reported up to the
  // boundary, and the unit's own kinds of period in the earlier years.
  int last_rebuilt = formed->year();
  std::set<Period> periods;
  ASSIGN_OR_RETURN(std::vector<Ancestor> before, tree.registry().PredecessorsOn(u->id, formed->AddDays(-1)));
  for (const Ancestor& a : before) {
    ASSIGN_OR_RETURN(std::vector<store::ResultRecord> stored,
                     store.results().ListResultsInYears(tree.ToStored(a.unit), first_year, last_rebuilt));
    for (const store::ResultRecord& r : stored) {
      if (r.observation.indicator == indicator) periods.insert(r.observation.period);
    }
  }
  for (const TrendPoint& p : out) {
    for (int y = first_year; y <= last_rebuilt; ++y) {
      Result<Period> same = Period::Months(y, p.period.first_month(), p.period.last_month());
      if (same.ok()) periods.insert(*same);
    }
  }
  std::set<Period> own;
  for (const TrendPoint& p : out) own.insert(p.period);
  StoreFigures figures(store);
  SeriesReader all(figures, tree, {.include_unapproved = true});
  SeriesReader approved(figures, tree);
  for (const Period& p : periods) {
    if (own.count(p) > 0) continue;
    ASSIGN_OR_RETURN(UnitSeries s, all.Read(unit, *found, p));
    if (!s.rebuilt() || !s.value) continue;
    ASSIGN_OR_RETURN(UnitSeries a, approved.Read(unit, *found, p));
    bool all_approved = a.value && a.value->value == s.value->value && a.missing.size() == s.missing.size();
    out.push_back({p, s.value->value,
                   all_approved ? store::ResultStatus::kApproved : store::ResultStatus::kDraft, s.basis,
                   s.missing.empty() && s.split_units.empty()});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TrendPoint& a, const TrendPoint& b) { return a.period < b.period; });
  return out;
}

namespace {

// The units under `parent` on `on`: the provinces for the country.
std::vector<UnitId> UnitsUnder(const UnitTree& tree, UnitId parent, Date on) {
  return parent == kCountry ? tree.RootsOn(on) : tree.ChildrenOn(parent, on);
}

Status CheckParent(const UnitTree& tree, UnitId parent) {
  if (parent == kCountry || tree.Get(parent) != nullptr) return Status::Ok();
  return NotFound("unit " + std::to_string(parent) + " does not exist",
                  "không có đơn vị số " + std::to_string(parent))
      .WithField("unit");
}

// Orders a ranking: the better actual first by the indicator's direction.
double RankKey(const Indicator& ind, const EvaluationRow& row) {
  double v = *row.evaluation.actual;
  switch (ind.direction) {
    case Direction::kHigherIsBetter: return -v;
    case Direction::kLowerIsBetter: return v;
    case Direction::kTargetBand: {
      const std::optional<Target>& t = row.evaluation.target;
      if (t && t->value_high) return std::abs(v - (t->value + *t->value_high) / 2);
      return t ? std::abs(v - t->value) : 0;
    }
  }
  return 0;
}

}  // namespace

std::vector<UnitType> KindsBelow(const UnitTree& tree, UnitId parent, Date on) {
  std::vector<UnitType> out;
  for (UnitId child : UnitsUnder(tree, parent, on)) {
    if (const AdminUnit* u = tree.Get(child)) out.push_back(u->VersionOn(on).type);
  }
  return out;
}

Result<std::vector<ComparedUnit>> CompareChildren(FigureSource& figures, const UnitTree& tree, UnitId parent,
                                                  const Period& period, const std::string& indicator,
                                                  const EvaluationOptions& options) {
  RETURN_IF_ERROR(CheckParent(tree, parent));
  ASSIGN_OR_RETURN(std::shared_ptr<const std::vector<Indicator>> shared, figures.Indicators());
  const std::vector<Indicator>& catalogue = *shared;
  auto found = std::find_if(catalogue.begin(), catalogue.end(),
                            [&](const Indicator& i) { return i.code == indicator; });
  if (found == catalogue.end()) {
    return InvalidArgument("no indicator " + indicator, "không có chỉ tiêu " + indicator)
        .WithField("indicator");
  }
  Date on = EndOfMonth(period.year(), period.last_month());
  std::vector<ComparedUnit> out;
  for (UnitId child : UnitsUnder(tree, parent, on)) {
    ComparedUnit c;
    c.unit = child;
    ASSIGN_OR_RETURN(UnitEvaluation e, EvaluateUnit(figures, tree, child, period, options, {indicator}));
    if (!e.rows.empty()) c.row = std::move(e.rows.front());
    out.push_back(std::move(c));
  }
  auto has = [](const ComparedUnit& c) { return c.row && c.row->evaluation.actual; };
  std::stable_sort(out.begin(), out.end(), [&](const ComparedUnit& a, const ComparedUnit& b) {
    if (has(a) != has(b)) return has(a);
    if (!has(a)) return false;
    return RankKey(*found, *a.row) < RankKey(*found, *b.row);
  });
  int rank = 0;
  for (ComparedUnit& c : out) {
    if (has(c)) c.rank = ++rank;
  }
  return out;
}

Result<ComparisonTable> CompareChildrenTable(FigureSource& figures, const UnitTree& tree, UnitId parent,
                                             const Period& period, const std::vector<std::string>& codes,
                                             const EvaluationOptions& options) {
  RETURN_IF_ERROR(CheckParent(tree, parent));
  ASSIGN_OR_RETURN(std::shared_ptr<const std::vector<Indicator>> shared, figures.Indicators());
  const std::vector<Indicator>& catalogue = *shared;
  for (const std::string& code : codes) {
    bool known =
        std::any_of(catalogue.begin(), catalogue.end(), [&](const Indicator& i) { return i.code == code; });
    if (!known) {
      return InvalidArgument("no indicator " + code, "không có chỉ tiêu " + code).WithField("indicators");
    }
  }
  Date on = EndOfMonth(period.year(), period.last_month());
  ComparisonTable out;
  out.parent = parent;
  out.period = period;
  std::vector<UnitId> children = UnitsUnder(tree, parent, on);
  std::vector<UnitEvaluation> evaluations;
  evaluations.reserve(children.size());
  std::set<std::string> present;
  out.kinds = KindsBelow(tree, parent, on);
  for (UnitId child : children) {
    ASSIGN_OR_RETURN(UnitEvaluation e, EvaluateUnit(figures, tree, child, period, options, codes));
    for (const EvaluationRow& r : e.rows) present.insert(r.indicator.code);
    evaluations.push_back(std::move(e));
  }
  for (const Indicator& ind : catalogue) {
    bool wanted = codes.empty() ? present.count(ind.code) > 0
                                : std::find(codes.begin(), codes.end(), ind.code) != codes.end();
    if (wanted) out.indicators.push_back(ind);
  }
  for (UnitEvaluation& e : evaluations) {
    ComparisonRow row{e.unit, std::vector<std::optional<EvaluationRow>>(out.indicators.size())};
    for (EvaluationRow& r : e.rows) {
      for (size_t i = 0; i < out.indicators.size(); ++i) {
        if (out.indicators[i].code != r.indicator.code) continue;
        row.cells[i] = std::move(r);
        break;
      }
    }
    out.units.push_back(std::move(row));
  }
  // The units' counted results combined by core's roll-up, as the parent's
  // roll-up combines them; a unit's figure left out (a draft) is missing.
  std::vector<UnitId> registry_children;
  registry_children.reserve(children.size());
  for (UnitId child : children) registry_children.push_back(tree.ToRegistry(child));
  for (size_t i = 0; i < out.indicators.size(); ++i) {
    const Indicator& ind = out.indicators[i];
    if (ind.spatial == SpatialAggregation::kNone) {
      out.sums.emplace_back(std::nullopt);
      continue;
    }
    std::unordered_map<UnitId, const Observation*> counted;
    for (const ComparisonRow& row : out.units) {
      const std::optional<EvaluationRow>& cell = row.cells[i];
      if (cell && cell->evaluation.actual && cell->actual_series.value) {
        counted[tree.ToRegistry(row.unit)] = &*cell->actual_series.value;
      }
    }
    ObservationLookup lookup = [&](UnitId unit) -> const Observation* {
      auto it = counted.find(unit);
      return it == counted.end() ? nullptr : it->second;
    };
    std::deque<Observation> bases;
    Status read_error = Status::Ok();
    const Indicator* base_ind = WeightOf(ind, catalogue);
    ObservationLookup base =
        base_ind == nullptr ? ObservationLookup()
                            : OwnValueLookup(figures, tree, *base_ind, period, options, &bases, &read_error);
    ASSIGN_OR_RETURN(Aggregate a, RollUpChildren(tree.registry(), registry_children, on, ind, lookup, base));
    RETURN_IF_ERROR(read_error);
    for (UnitId& m : a.missing) m = tree.ToStored(m);
    for (UnitId& m : a.without_base) m = tree.ToStored(m);
    out.sums.emplace_back(std::move(a));
  }
  return out;
}

}  // namespace kiemdem::analytics
