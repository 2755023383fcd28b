// An indicator (chỉ tiêu): what is measured, in what unit, which way is
// better, and how its values add up across units and across months.
#ifndef KIEMDEM_CORE_INDICATOR_H_
#define KIEMDEM_CORE_INDICATOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kiemdem {

enum class ValueKind {
  kNumber,    // 308 tỷ đồng, 32 doanh nghiệp
  kPercent,   // 73% lao động qua đào tạo
  kFraction,  // 10/20 chi bộ: numerator and denominator are kept
  // A state reached or not: "phường đạt chuẩn an toàn vệ sinh thực phẩm",
  // "Đảng bộ đạt trong sạch vững mạnh". 1 is đạt, 0 chưa đạt; its target is
  // 1, met and never exceeded; summed over units it counts those that did.
  kYesNo,
};

enum class Direction {
  kHigherIsBetter,  // thu ngân sách
  kLowerIsBetter,   // hộ nghèo, vụ phạm pháp hình sự
  kTargetBand,      // tỷ lệ tăng dân số tự nhiên trong khoảng
};

// How values of several units combine into the value of their parent.
enum class SpatialAggregation {
  kSum,          // money, counts
  kMean,         // plain average of the units that reported
  kRatioOfSums,  // rates: sum of numerators over sum of denominators, never an average
  kNone,         // not meaningful above the unit (a ward's own rating)
};

// How monthly values combine into a longer period of one year.
enum class TimeAggregation {
  kFlow,   // sum of the months (revenue, dossiers processed)
  kStock,  // the latest value (poor households at the end of the period, rates)
};

struct Indicator {
  std::string code;     // "THU_NS"
  std::string name_vi;  // "Thu ngân sách nhà nước trên địa bàn"
  std::string name_en;
  std::string unit;   // "đồng", "%", "hộ", "doanh nghiệp"
  std::string group;  // "kinh-te", "van-hoa-xa-hoi", "quoc-phong-an-ninh", "xay-dung-dang"
  ValueKind value_kind = ValueKind::kNumber;
  Direction direction = Direction::kHigherIsBetter;
  SpatialAggregation spatial = SpatialAggregation::kSum;
  TimeAggregation time = TimeAggregation::kFlow;
  bool allow_negative = false;  // growth rates may be negative; counts may not
  // For a mean: the code of the indicator whose value weighs each unit (DAN_SO
  // for income per head: total income over total population); "" for a plain mean.
  std::string weight_by;
  // Synonyms used to match extracted subjects ("thu ngân sách", "thu NSNN").
  std::vector<std::string> aliases;

  // Checks the combination: a code of [A-Z0-9_]+, names present, a ratio of
  // sums needs a fraction kind, a percent cannot be summed, only a mean is
  // weighted, and never by itself.
  Status Validate() const;
};

// Stable text forms used in CSV, the API and the database.
const char* ValueKindName(ValueKind v);                    // "number", "percent", "fraction"
const char* DirectionName(Direction d);                    // "higher", "lower", "band"
const char* SpatialAggregationName(SpatialAggregation a);  // "sum", "mean", "ratio", "none"
const char* TimeAggregationName(TimeAggregation t);        // "flow", "stock"
Result<ValueKind> ParseValueKind(std::string_view s);
Result<Direction> ParseDirection(std::string_view s);
Result<SpatialAggregation> ParseSpatialAggregation(std::string_view s);
Result<TimeAggregation> ParseTimeAggregation(std::string_view s);

// The indicator of `catalogue` whose value weighs `ind`'s mean across units
// (DAN_SO for THU_NHAP_BQ), or nullptr for a plain mean or a base not found.
const Indicator* WeightOf(const Indicator& ind, const std::vector<Indicator>& catalogue);

// Splits "thu ngân sách|thu NSNN" into its aliases (empty ones dropped).
std::vector<std::string> SplitAliases(std::string_view text);

// Parses the indicator catalogue CSV (data/indicators/catalogue.csv): columns
// code, name_vi, name_en, unit, group, value_kind, direction, spatial, time,
// allow_negative, aliases ("|"-separated), and optionally weight_by. Every row
// is checked, and every weight_by names an indicator of the catalogue; the
// error lists every bad row by line.
Result<std::vector<Indicator>> ParseIndicatorCatalogue(std::string_view csv_text);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_INDICATOR_H_
