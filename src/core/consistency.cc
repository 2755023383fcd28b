#include "core/consistency.h"

#include <algorithm>
#include <cmath>

#include "core/vn_number.h"

namespace kiemdem {

Result<PercentCheck> CheckStatedPercent(double part, double whole, double stated_percent,
                                        int stated_decimals) {
  if (!std::isfinite(part) || !std::isfinite(whole) || !std::isfinite(stated_percent)) {
    return InvalidArgument("the figures to check must be numbers", "các số liệu cần kiểm tra phải là số");
  }
  if (whole <= 0) {
    return InvalidArgument(
               "cannot check a percentage of " + FormatVietnameseNumber(whole) +
                   ": the whole must be greater than zero",
               "không kiểm tra được tỷ lệ trên " + FormatVietnameseNumber(whole) + ": mẫu số phải lớn hơn 0")
        .WithField("whole");
  }
  if (part < 0) {
    return InvalidArgument("the part " + FormatVietnameseNumber(part) + " is negative",
                           "tử số " + FormatVietnameseNumber(part) + " là số âm")
        .WithField("part");
  }
  if (stated_decimals < 0 || stated_decimals > 6) stated_decimals = stated_decimals < 0 ? 0 : 6;
  PercentCheck c;
  c.computed = part / whole * 100.0;
  c.stated = stated_percent;
  c.stated_decimals = stated_decimals;
  double scale = std::pow(10.0, stated_decimals);
  // A tiny slack absorbs binary rounding of values like 66,66 and 120.
  double eps = 1e-9 * std::max(1.0, std::fabs(c.computed)) * scale;
  double rounded = std::round(c.computed * scale + eps);
  double truncated = std::floor(c.computed * scale + eps);
  double stated_scaled = std::round(stated_percent * scale);
  c.consistent = stated_scaled == rounded || stated_scaled == truncated;
  std::string fraction = FormatVietnameseNumber(part, 3) + "/" + FormatVietnameseNumber(whole, 3);
  std::string computed = FormatVietnamesePercent(c.computed, std::max(2, stated_decimals + 1));
  std::string stated = FormatVietnameseFixed(stated_percent, stated_decimals) + "%";
  if (c.consistent) {
    c.message_en = "stated " + stated + " matches " + fraction + " = " + computed;
    c.message_vi = "tỷ lệ " + stated + " khớp với " + fraction + " = " + computed;
  } else {
    c.message_en = "stated " + stated + " but " + fraction + " = " + computed;
    c.message_vi = "ghi " + stated + " nhưng " + fraction + " = " + computed;
  }
  return c;
}

Result<PercentCheck> CheckStatedPercent(double part, double whole, std::string_view stated_text) {
  std::string_view s = stated_text;
  while (!s.empty() && (s.back() == ' ' || s.back() == '%')) s.remove_suffix(1);
  ASSIGN_OR_RETURN(ParsedNumber n, ParseVietnameseNumber(s));
  return CheckStatedPercent(part, whole, n.value, n.decimals);
}

Result<PercentCheck> CheckStatedShareOfPlan(const Indicator& indicator, double value, double target,
                                            double stated_percent, bool over) {
  // Written out and read back, the stated share keeps the decimals it was stated with.
  std::string share = FormatVietnameseNumber(over ? 100 + stated_percent : stated_percent, 3);
  if (indicator.direction == Direction::kLowerIsBetter) return CheckStatedPercent(target, value, share);
  return CheckStatedPercent(value, target, share);
}

}  // namespace kiemdem
