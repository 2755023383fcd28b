// Suggests catalogue indicators for a measure read from a report: the words
// of its subject against each indicator's name and aliases (without
// diacritics), with the unit of measure as a tie-breaker. A measure is only
// matched to indicators of its kind: a percentage or a fraction ("1,2%",
// "8/12 tổ") to a rate, a count or an amount to an indicator in its unit.
#ifndef KIEMDEM_CORE_INDICATOR_MATCH_H_
#define KIEMDEM_CORE_INDICATOR_MATCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/indicator.h"

namespace kiemdem {

struct IndicatorMatch {
  std::string code;
  double score = 0;  // 0..1: share of the best name's words found in the subject
};

// The best `limit` matches with a score above zero, best first; names alone
// (the unit only breaks ties), for text that is not a measure (a directive).
std::vector<IndicatorMatch> MatchIndicators(std::string_view subject, std::string_view unit,
                                            const std::vector<Indicator>& indicators, size_t limit = 3);

// What a figure read from a report is.
enum class MeasureKind {
  kNumber,    // 35 hộ, 12,5 tỷ đồng
  kPercent,   // 1,2%
  kFraction,  // 8/12 tổ
};

// "%" is a percentage, a figure with a total ("8/12") a fraction, else a number.
MeasureKind KindOfMeasure(std::string_view unit, bool has_total);

// Whether a figure of this kind may be stored as a value of the indicator: a
// percentage only in a percent or fraction indicator, a fraction only in a
// fraction indicator, a number never in a rate (a number without a unit is
// left to the person choosing).
bool KindFits(MeasureKind kind, std::string_view unit, const Indicator& indicator);

// MatchIndicators over the indicators the figure fits, and for numbers only
// those in the figure's unit ("đồng" fits "đồng/người/năm"): "tỷ lệ hộ nghèo
// còn 1,2%" is never suggested as the count of poor households.
std::vector<IndicatorMatch> MatchMeasure(std::string_view subject, std::string_view unit, bool has_total,
                                         const std::vector<Indicator>& indicators, size_t limit = 3);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_INDICATOR_MATCH_H_
