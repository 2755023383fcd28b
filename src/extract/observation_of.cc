#include "extract/observation_of.h"

#include "core/indicator_match.h"
#include "core/period.h"

namespace kiemdem::extract {
namespace {

Status CheckKindFits(const MeasureFact& m, bool value_given, const std::string& text, const Indicator& ind) {
  // A stated value given for a fraction is a percentage.
  // "12/10 đảng viên" is a count (12) against its plan (10).
  const bool fraction = m.total && !m.total_is_plan;
  MeasureKind kind = (fraction && value_given) ? MeasureKind::kPercent : KindOfMeasure(m.unit, fraction);
  if (KindFits(kind, m.unit, ind)) return Status::Ok();
  std::string quoted = m.span.end <= text.size() && m.span.begin <= m.span.end
                           ? text.substr(m.span.begin, m.span.end - m.span.begin)
                           : std::string();
  bool rate = kind != MeasureKind::kNumber;
  return InvalidArgument("\"" + quoted + "\" is " + (rate ? "a rate" : "a count or amount") +
                             " and cannot be stored in " + ind.code + " (" + ind.unit + ")",
                         "\"" + quoted + "\" là " + (rate ? "tỷ lệ" : "số đếm hoặc số tiền") +
                             ", không lưu được vào chỉ tiêu " + ind.name_vi + " (" + ind.unit + ")")
      .WithField("indicator");
}

}  // namespace

Result<Observation> ObservationOf(const MeasureFact& m, const MeasureChoice& choice, const std::string& text,
                                  const std::vector<Indicator>& indicators, const std::string& source) {
  const Indicator* indicator = nullptr;
  for (const Indicator& ind : indicators) {
    if (ind.code == choice.indicator) indicator = &ind;
  }
  if (indicator == nullptr) {
    return NotFound("no indicator " + choice.indicator, "không có chỉ tiêu " + choice.indicator)
        .WithField("indicator");
  }
  Result<Period> period = Period::Parse(choice.period.empty() ? m.period : choice.period);
  if (!period.ok()) {
    return InvalidArgument("the measure needs a period: " + period.status().message(),
                           "số liệu cần kỳ báo cáo: " + period.status().message_vi())
        .WithField("period");
  }
  RETURN_IF_ERROR(CheckKindFits(m, choice.value.has_value(), text, *indicator));
  Observation o;
  o.indicator = indicator->code;
  o.period = *period;
  o.value = choice.value.value_or(m.value);
  o.qualifier = m.qualifier;
  o.estimated = m.estimated;
  if (m.total && !m.total_is_plan && !choice.value) {
    o.numerator = m.value;
    o.denominator = *m.total;
    Result<double> pct = FractionPercent(m.value, *m.total);
    if (pct.ok()) o.value = *pct;
  }
  o.provenance.kind = ProvenanceKind::kDocument;
  o.provenance.source = source;
  o.provenance.span_begin = static_cast<int64_t>(m.span.begin);
  o.provenance.span_end = static_cast<int64_t>(m.span.end);
  return o;
}

}  // namespace kiemdem::extract
