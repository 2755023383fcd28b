#include "core/rollup.h"

#include <algorithm>
#include <array>
#include <climits>

namespace kiemdem {
namespace {

// One input to a combination.
struct Contribution {
  double value;
  std::optional<double> numerator;
  std::optional<double> denominator;
  bool estimated;
  UnitId unit = kNoUnit;                        // who it comes from, when a unit
  std::optional<double> weight = std::nullopt;  // its base in a weighted mean (the unit's population)
};

Contribution FromObservation(const Observation& o, UnitId unit = kNoUnit) {
  return {o.value, o.numerator, o.denominator, o.estimated, unit, std::nullopt};
}

// A weighted mean reads each unit's base; a plain one has none.
bool Weighted(const Indicator& ind) {
  return ind.spatial == SpatialAggregation::kMean && !ind.weight_by.empty();
}

// What a ratio roll-up does with a unit that reported only the rate.
enum class BareRate {
  kRefuse,  // an error: the caller must have numerators and denominators
  kFlag,    // counted as reporting, left out of the ratio, listed in without_base
};

Status NotAggregable(const Indicator& ind) {
  return FailedPrecondition(
      "indicator " + ind.code + " (" + ind.name_en + ") does not add up across units",
      "chỉ tiêu " + ind.code + " (" + ind.name_vi + ") không cộng dồn được giữa các đơn vị");
}

// Combines contributions by the rule; `sum_rule` forces summing (time flows).
Status Combine(const Indicator& ind, SpatialAggregation rule, const std::vector<Contribution>& in,
               Aggregate* out, BareRate bare = BareRate::kRefuse) {
  if (in.empty()) return Status::Ok();
  double sum = 0;
  double num = 0;
  double den = 0;
  // Across units (the roll-up that flags) a mean with a base is weighted by
  // each unit's base; over time and over split shares it is a plain mean.
  const bool weighted = bare == BareRate::kFlag && rule == SpatialAggregation::kMean && Weighted(ind);
  for (const Contribution& c : in) {
    sum += c.value;
    out->estimated = out->estimated || c.estimated;
    if (weighted) {
      // Income per head over the wards is their total income over their
      // population: a unit without its base is flagged and left out.
      if (!c.weight || *c.weight <= 0) {
        out->without_base.push_back(c.unit);
        continue;
      }
      num += c.value * *c.weight;
      den += *c.weight;
    }
    if (rule == SpatialAggregation::kRatioOfSums) {
      if ((!c.numerator || !c.denominator) && bare == BareRate::kFlag) {
        out->without_base.push_back(c.unit);
        continue;
      }
      if (!c.numerator || !c.denominator) {
        return InvalidArgument("a result of " + ind.code +
                                   " lacks its numerator and denominator, so it "
                                   "cannot be added up",
                               "một kết quả của chỉ tiêu " + ind.code +
                                   " thiếu tử số và mẫu số nên không "
                                   "cộng dồn được");
      }
      num += *c.numerator;
      den += *c.denominator;
    }
  }
  switch (rule) {
    case SpatialAggregation::kSum: out->value = sum; break;
    case SpatialAggregation::kMean:
      if (!weighted) {
        out->value = sum / static_cast<double>(in.size());
        break;
      }
      if (den <= 0) break;  // no unit gave its base: no mean to give
      out->numerator = num;
      out->denominator = den;
      out->value = num / den;
      break;
    case SpatialAggregation::kRatioOfSums:
      if (den <= 0 && !out->without_base.empty()) break;  // only bare rates: no ratio to give
      out->numerator = num;
      out->denominator = den;
      if (den > 0) out->value = num / den * 100.0;
      break;
    case SpatialAggregation::kNone: return NotAggregable(ind);
  }
  return Status::Ok();
}

}  // namespace

Result<Aggregate> RollUpUnits(const AdminRegistry& registry, UnitId root, Date on, const Indicator& indicator,
                              const ObservationLookup& lookup, const ObservationLookup& base) {
  if (registry.Get(root) == nullptr) {
    return NotFound("unit id " + std::to_string(root) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(root));
  }
  Aggregate agg;
  std::vector<UnitId> children = registry.ChildrenOn(root, on);
  if (children.empty()) {
    agg.expected = 1;
    if (const Observation* o = lookup(root)) {
      agg.reporting = 1;
      RETURN_IF_ERROR(Combine(indicator, SpatialAggregation::kSum, {FromObservation(*o)}, &agg));
      agg.numerator = o->numerator;
      agg.denominator = o->denominator;
      if (Weighted(indicator)) {
        const Observation* w = base ? base(root) : nullptr;
        agg.numerator = w != nullptr ? std::optional<double>(o->value * w->value) : std::nullopt;
        agg.denominator = w != nullptr ? std::optional<double>(w->value) : std::nullopt;
      }
    } else {
      agg.missing.push_back(root);
    }
    return agg;
  }
  return RollUpChildren(registry, children, on, indicator, lookup, base);
}

Result<Aggregate> RollUpChildren(const AdminRegistry& registry, const std::vector<UnitId>& children, Date on,
                                 const Indicator& indicator, const ObservationLookup& lookup,
                                 const ObservationLookup& base) {
  if (indicator.spatial == SpatialAggregation::kNone) return NotAggregable(indicator);
  Aggregate agg;
  std::vector<Contribution> parts;
  for (UnitId child : children) {
    ++agg.expected;
    if (const Observation* o = lookup(child)) {
      parts.push_back(FromObservation(*o, child));
      if (Weighted(indicator)) {
        if (const Observation* w = base ? base(child) : nullptr) parts.back().weight = w->value;
      }
      ++agg.reporting;
      continue;
    }
    if (!registry.ChildrenOn(child, on).empty()) {
      ASSIGN_OR_RETURN(Aggregate sub, RollUpUnits(registry, child, on, indicator, lookup, base));
      agg.without_base.insert(agg.without_base.end(), sub.without_base.begin(), sub.without_base.end());
      if (sub.value) {
        // A sub-roll-up's base is the sum of its units' bases.
        std::optional<double> weight = Weighted(indicator) ? sub.denominator : std::nullopt;
        parts.push_back({*sub.value, sub.numerator, sub.denominator, sub.estimated || !sub.missing.empty(),
                         child, weight});
        ++agg.reporting;
        continue;
      }
      if (!sub.without_base.empty()) {
        ++agg.reporting;  // its units reported rates only: flagged, nothing to add
        continue;
      }
    }
    agg.missing.push_back(child);
  }
  // A ward that reported only its rate ("tỷ lệ 95%") is counted as reporting
  // and flagged; the ratio of the others stands.
  RETURN_IF_ERROR(Combine(indicator, indicator.spatial, parts, &agg, BareRate::kFlag));
  std::sort(agg.without_base.begin(), agg.without_base.end());
  return agg;
}

Result<Aggregate> RollUpTime(const Indicator& indicator, const Period& target,
                             const std::vector<Observation>& observations) {
  std::vector<const Observation*> inside;
  inside.reserve(observations.size());
  for (const Observation& o : observations) {
    if (o.indicator == indicator.code && target.Contains(o.period)) inside.push_back(&o);
  }
  Aggregate agg;
  agg.expected = target.month_count();
  for (const Observation* o : inside) {
    if (o->period == target) {
      agg.reporting = agg.expected;
      agg.value = o->value;
      agg.numerator = o->numerator;
      agg.denominator = o->denominator;
      agg.estimated = o->estimated;
      return agg;
    }
  }
  if (indicator.time == TimeAggregation::kStock) {
    const Observation* latest = nullptr;
    for (const Observation* o : inside) {
      if (latest == nullptr || o->period.last_month() > latest->period.last_month() ||
          (o->period.last_month() == latest->period.last_month() &&
           o->period.first_month() > latest->period.first_month())) {
        latest = o;
      }
    }
    if (latest == nullptr) {
      for (int m = target.first_month(); m <= target.last_month(); ++m) agg.missing_months.push_back(m);
      return agg;
    }
    agg.value = latest->value;
    agg.numerator = latest->numerator;
    agg.denominator = latest->denominator;
    agg.estimated = latest->estimated;
    agg.reporting = latest->period.last_month() - target.first_month() + 1;
    for (int m = latest->period.last_month() + 1; m <= target.last_month(); ++m)
      agg.missing_months.push_back(m);
    return agg;
  }
  // Flow: fewest observations tiling [first, last]. best[m]: tiles of months first..m-1.
  int first = target.first_month();
  int last = target.last_month();
  std::array<int, 14> best{};
  best.fill(INT_MAX);
  std::array<const Observation*, 14> via{};
  best[first] = 0;
  for (int m = first; m <= last; ++m) {
    if (best[m] == INT_MAX) continue;
    for (const Observation* o : inside) {
      if (o->period.first_month() != m) continue;
      int next = o->period.last_month() + 1;
      if (best[m] + 1 < best[next]) {
        best[next] = best[m] + 1;
        via[next] = o;
      }
    }
  }
  if (best[last + 1] == INT_MAX) {
    std::vector<bool> covered(13, false);
    for (const Observation* o : inside) {
      for (int m = o->period.first_month(); m <= o->period.last_month(); ++m) covered[m] = true;
    }
    for (int m = first; m <= last; ++m) {
      if (covered[m])
        ++agg.reporting;
      else
        agg.missing_months.push_back(m);
    }
    return agg;
  }
  std::vector<Contribution> parts;
  for (int m = last + 1; m > first; m = via[m]->period.first_month())
    parts.push_back(FromObservation(*via[m]));
  SpatialAggregation rule = indicator.value_kind == ValueKind::kFraction ? SpatialAggregation::kRatioOfSums
                                                                         : SpatialAggregation::kSum;
  RETURN_IF_ERROR(Combine(indicator, rule, parts, &agg));
  agg.reporting = agg.expected;
  return agg;
}

Status CombineWeighted(const Indicator& indicator, SpatialAggregation rule,
                       const std::vector<WeightedObservation>& inputs, Aggregate* out) {
  if (inputs.empty()) return Status::Ok();
  if (inputs.size() == 1 && inputs[0].weight == 1)
    rule = SpatialAggregation::kSum;  // one unit: its own figure
  std::vector<Contribution> parts;
  double weights = 0;
  double weighted = 0;
  for (const WeightedObservation& w : inputs) {
    const Observation& o = *w.observation;
    auto scale = [&](std::optional<double> v) {
      return v ? std::optional<double>(*v * w.weight) : std::nullopt;
    };
    parts.push_back(
        {o.value * w.weight, scale(o.numerator), scale(o.denominator), o.estimated || w.weight != 1});
    weights += w.weight;
    weighted += o.value * w.weight;
  }
  RETURN_IF_ERROR(Combine(indicator, rule, parts, out));
  if (rule == SpatialAggregation::kMean && weights > 0) out->value = weighted / weights;
  if (inputs.size() == 1 && inputs[0].weight == 1) {
    out->numerator = inputs[0].observation->numerator;
    out->denominator = inputs[0].observation->denominator;
  }
  return Status::Ok();
}

}  // namespace kiemdem
