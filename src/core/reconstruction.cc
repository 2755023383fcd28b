#include "core/reconstruction.h"

#include <algorithm>

namespace kiemdem {
namespace {

// The units standing for one month (or a run of months with the same units).
struct Segment {
  int first_month;
  int last_month;
  std::vector<Ancestor> units;  // by unit id
};

bool SameUnits(const std::vector<Ancestor>& a, const std::vector<Ancestor>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Ancestor& x, const Ancestor& y) {
    return x.unit == y.unit && x.coverage == y.coverage && x.share == y.share;
  });
}

}  // namespace

const char* SeriesBasisKey(SeriesBasis basis) {
  switch (basis) {
    case SeriesBasis::kReported: return "reported";
    case SeriesBasis::kRebuilt: return "rebuilt";
    case SeriesBasis::kMixed: return "mixed";
  }
  return "reported";
}

const char* SeriesBasisLabelVi(SeriesBasis basis) {
  return basis == SeriesBasis::kReported ? "số liệu báo cáo" : "tính theo địa giới mới";
}

const char* SeriesBasisLabelEn(SeriesBasis basis) {
  return basis == SeriesBasis::kReported ? "as reported" : "on the new boundary";
}

bool Reconstruction::uses_shares() const {
  return std::any_of(parts.begin(), parts.end(), [](const SeriesPart& p) {
    return p.coverage == Coverage::kPartial && p.share.has_value();
  });
}

Result<Reconstruction> Reconstruct(const AdminRegistry& registry, UnitId unit, const Period& period,
                                   const Indicator& indicator, const PeriodLookup& lookup) {
  const AdminUnit* u = registry.Get(unit);
  if (u == nullptr) {
    return NotFound("unit id " + std::to_string(unit) + " is unknown",
                    "không có đơn vị mã nội bộ " + std::to_string(unit));
  }
  // Months after the unit ended have no units on its boundary.
  if (u->valid_to && EndOfMonth(period.year(), period.last_month()) >= *u->valid_to) {
    return registry.CheckCoversPeriod(unit, period);
  }
  std::vector<Segment> segments;
  for (int m = period.first_month(); m <= period.last_month(); ++m) {
    ASSIGN_OR_RETURN(std::vector<Ancestor> units,
                     registry.PredecessorsOn(unit, EndOfMonth(period.year(), m)));
    if (!segments.empty() && SameUnits(segments.back().units, units)) {
      segments.back().last_month = m;
    } else {
      segments.push_back({m, m, std::move(units)});
    }
  }
  // A stock is the value at the period's end: only the last segment's units count.
  if (indicator.time == TimeAggregation::kStock) segments.erase(segments.begin(), segments.end() - 1);

  Reconstruction out;
  bool own = false;
  bool others = false;
  std::vector<Aggregate> pieces;  // one per segment
  std::vector<Observation> piece_values;
  for (const Segment& seg : segments) {
    ASSIGN_OR_RETURN(Period part_period, Period::Months(period.year(), seg.first_month, seg.last_month));
    std::vector<size_t> counted;  // indexes into out.parts
    for (const Ancestor& a : seg.units) {
      (a.unit == unit ? own : others) = true;
      SeriesPart part{a.unit, part_period, a.coverage, a.share, lookup(a.unit, part_period)};
      if (part.share) {
        ++out.aggregate.expected;
        if (part.value) {
          ++out.aggregate.reporting;
          counted.push_back(out.parts.size());
        } else {
          out.aggregate.missing.push_back(a.unit);
        }
      } else if (std::find(out.aggregate.split_units.begin(), out.aggregate.split_units.end(), a.unit) ==
                 out.aggregate.split_units.end()) {
        out.aggregate.split_units.push_back(a.unit);
      }
      out.parts.push_back(std::move(part));
    }
    std::vector<WeightedObservation> inputs;
    inputs.reserve(counted.size());
    for (size_t i : counted) inputs.push_back({&*out.parts[i].value, *out.parts[i].share});
    if (inputs.size() > 1 && indicator.spatial == SpatialAggregation::kNone) {
      return FailedPrecondition(
          "indicator " + indicator.code + " (" + indicator.name_en +
              ") does not add up across units, so it cannot be rebuilt from the units that made up this one",
          "chỉ tiêu " + indicator.code + " (" + indicator.name_vi +
              ") không cộng dồn được giữa các đơn vị nên không tính lại được theo địa giới mới");
    }
    Aggregate piece;
    RETURN_IF_ERROR(CombineWeighted(indicator, indicator.spatial, inputs, &piece));
    out.aggregate.estimated = out.aggregate.estimated || piece.estimated;
    pieces.push_back(piece);
  }
  out.basis = !others ? SeriesBasis::kReported : (own ? SeriesBasis::kMixed : SeriesBasis::kRebuilt);

  // Across segments flows add up.
  if (pieces.size() == 1) {
    const Aggregate& last = pieces.back();
    out.aggregate.value = last.value;
    out.aggregate.numerator = last.numerator;
    out.aggregate.denominator = last.denominator;
    return out;
  }
  std::vector<WeightedObservation> over_time;
  for (const Aggregate& p : pieces) {
    if (!p.value) return out;  // a segment with nothing: no value for the period
    Observation o;
    o.value = *p.value;
    o.numerator = p.numerator;
    o.denominator = p.denominator;
    piece_values.push_back(o);
  }
  over_time.reserve(piece_values.size());
  for (const Observation& o : piece_values) over_time.push_back({&o, 1});
  SpatialAggregation rule = indicator.value_kind == ValueKind::kFraction ? SpatialAggregation::kRatioOfSums
                                                                         : SpatialAggregation::kSum;
  Aggregate total;
  RETURN_IF_ERROR(CombineWeighted(indicator, rule, over_time, &total));
  out.aggregate.value = total.value;
  out.aggregate.numerator = total.numerator;
  out.aggregate.denominator = total.denominator;
  return out;
}

}  // namespace kiemdem
