// A measure read from a report as the figure to store, once a person has
// chosen its indicator: the measure's kind must fit the indicator (a rate
// never goes into a count), a fraction keeps its parts and their percentage,
// and "12/10 đảng viên" (the actual against its plan) is stored as its count.
//
//   MeasureChoice c{"TL_TDP_VH", "", std::nullopt};
//   Result<Observation> o = ObservationOf(facts.measures[3], c, text, catalogue, "document:7");
#ifndef KIEMDEM_EXTRACT_OBSERVATION_OF_H_
#define KIEMDEM_EXTRACT_OBSERVATION_OF_H_

#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/status.h"
#include "extract/extract.h"

namespace kiemdem::extract {

// What a person chose for one measure of a report.
struct MeasureChoice {
  std::string indicator;        // the indicator's code
  std::string period;           // SPEC form; empty: the measure's own
  std::optional<double> value;  // the value to keep instead of the measure's: a fraction's stated
                                // percentage ("8/12 tổ, đạt 75%": 75), or a corrected figure
};

// The figure for `m`, read from `text`, as `choice` says; the unit is left
// for the caller. Errors: InvalidArgument (field "period") when neither the
// choice nor the measure has a period; InvalidArgument (field "indicator")
// when the measure's kind does not fit the indicator's ("tỷ lệ hộ nghèo
// 1,2%" is not 1,2 poor households), quoting the measure; NotFound (field
// "indicator") for a code not in `indicators`. A fraction given without a
// value keeps numerator and denominator and is stored as their percentage;
// with a value given, that value is the percentage.
Result<Observation> ObservationOf(const MeasureFact& m, const MeasureChoice& choice, const std::string& text,
                                  const std::vector<Indicator>& indicators, const std::string& source);

}  // namespace kiemdem::extract

#endif  // KIEMDEM_EXTRACT_OBSERVATION_OF_H_
