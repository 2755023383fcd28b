#include "analytics/series.h"

#include <algorithm>

namespace kiemdem::analytics {

Result<UnitSeries> SeriesReader::Read(UnitId unit, const Indicator& indicator, const Period& period) {
  UnitSeries out;
  const AdminUnit* u = tree_.Get(unit);
  if (u == nullptr) {
    return NotFound("unit " + std::to_string(unit) + " does not exist",
                    "không có đơn vị số " + std::to_string(unit))
        .WithField("unit");
  }
  auto own = [&]() -> Result<UnitSeries> {
    ASSIGN_OR_RETURN(OwnValue v, figures_.Own(unit, indicator, period, filter_));
    out.value = std::move(v.value);
    out.months = v.months;
    return out;
  };
  // A unit that ended before the period did: its own figures (it has none on
  // a boundary that no longer exists).
  if (u->valid_to && EndOfMonth(period.year(), period.last_month()) >= *u->valid_to) return own();

  Status lookup_error = Status::Ok();
  PeriodLookup lookup = [&](UnitId registry_unit, const Period& p) -> std::optional<Observation> {
    Result<OwnValue> v = figures_.Own(tree_.ToStored(registry_unit), indicator, p, filter_);
    if (!v.ok()) {
      if (lookup_error.ok()) lookup_error = v.status();
      return std::nullopt;
    }
    return std::move(v->value);
  };
  Result<Reconstruction> r = Reconstruct(tree_.registry(), tree_.ToRegistry(unit), period, indicator, lookup);
  RETURN_IF_ERROR(lookup_error);
  if (!r.ok()) {
    if (r.status().code() != StatusCode::kFailedPrecondition) return r.status();
    // Several units count but the indicator does not add up across units.
    out.basis = SeriesBasis::kRebuilt;
    out.note_en = r.status().message();
    out.note_vi = r.status().message_vi();
    return out;
  }
  if (r->basis == SeriesBasis::kReported) return own();
  out.basis = r->basis;
  for (const SeriesPart& p : r->parts) {
    SeriesPartView v{tree_.ToStored(p.unit), p.period, p.coverage, p.share, std::nullopt, false};
    if (p.value) v.value = p.value->value;
    v.counted = p.share.has_value() && p.value.has_value();
    out.parts.push_back(v);
  }
  for (UnitId s : r->aggregate.split_units) out.split_units.push_back(tree_.ToStored(s));
  for (UnitId m : r->aggregate.missing) out.missing.push_back(tree_.ToStored(m));
  if (r->aggregate.value) {
    Observation o;
    o.unit = unit;
    o.indicator = indicator.code;
    o.period = period;
    o.value = *r->aggregate.value;
    o.numerator = r->aggregate.numerator;
    o.denominator = r->aggregate.denominator;
    o.estimated = r->aggregate.estimated;
    out.value = o;
    out.months = period.month_count();
  }
  return out;
}

}  // namespace kiemdem::analytics
