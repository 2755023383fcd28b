// Suggests catalogue indicators for a measure read from a report: the words
// of its subject against each indicator's name and aliases (without
// diacritics), with the unit of measure as a tie-breaker.
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

// The best `limit` matches with a score above zero, best first.
std::vector<IndicatorMatch> MatchIndicators(std::string_view subject, std::string_view unit,
                                            const std::vector<Indicator>& indicators, size_t limit = 3);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_INDICATOR_MATCH_H_
