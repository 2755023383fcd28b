// Checks that a percentage stated in a report matches the figures it is
// stated for: "10.144.992.938/11.492.300.000đ bằng 88%" (88,27%: consistent at
// the precision stated), "8/12 tổ đạt 66,66%" (66,666…: consistent, truncated).
#ifndef KIEMDEM_CORE_CONSISTENCY_H_
#define KIEMDEM_CORE_CONSISTENCY_H_

#include <string>
#include <string_view>

#include "core/indicator.h"
#include "core/status.h"

namespace kiemdem {

struct PercentCheck {
  bool consistent = false;
  double computed = 0;  // part / whole × 100, unrounded
  double stated = 0;
  int stated_decimals = 0;
  // "stated 90% matches 45,5/50 = 91%" style explanation, both languages.
  std::string message_en;
  std::string message_vi;
};

// Whether `stated_percent`, written with `stated_decimals` digits after the
// comma, matches part/whole: it must equal the computed percentage rounded or
// truncated to that many digits (reports do both). Fails on a zero or
// negative whole, a negative part, or a non-finite number.
Result<PercentCheck> CheckStatedPercent(double part, double whole, double stated_percent,
                                        int stated_decimals);

// Same, with the stated percentage as written: "88%", "66,66", "98,4 %".
Result<PercentCheck> CheckStatedPercent(double part, double whole, std::string_view stated_text);

// What a report states of a figure against its year's plan, checked against
// a stored target level: "đạt 97% kế hoạch" (`over` false: 97% of it) or
// "vượt 5% kế hoạch" (`over`: 105% of it), with the % of plan computed as the
// evaluation does (target ÷ result for a lower-is-better indicator). The
// stated decimals are those of `stated_percent` (97 → 0, 98,4 → 1).
Result<PercentCheck> CheckStatedShareOfPlan(const Indicator& indicator, double value, double target,
                                            double stated_percent, bool over);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_CONSISTENCY_H_
