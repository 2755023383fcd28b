#include "core/indicator.h"

#include <set>

#include "core/csv.h"

namespace kiemdem {
namespace {

template <typename E, size_t N>
Result<E> ParseEnum(std::string_view s, const std::pair<const char*, E> (&table)[N], const char* what_en,
                    const char* what_vi) {
  std::string allowed;
  for (const auto& [name, value] : table) {
    if (s == name) return value;
    allowed += (allowed.empty() ? "" : ", ") + std::string(name);
  }
  std::string v(s.substr(0, 40));
  return InvalidArgument("'" + v + "' is not a " + what_en + " (one of " + allowed + ")",
                         "'" + v + "' không phải là " + what_vi + " (một trong " + allowed + ")");
}

constexpr std::pair<const char*, ValueKind> kValueKinds[] = {{"number", ValueKind::kNumber},
                                                             {"percent", ValueKind::kPercent},
                                                             {"fraction", ValueKind::kFraction},
                                                             {"yes_no", ValueKind::kYesNo}};
constexpr std::pair<const char*, Direction> kDirections[] = {{"higher", Direction::kHigherIsBetter},
                                                             {"lower", Direction::kLowerIsBetter},
                                                             {"band", Direction::kTargetBand}};
constexpr std::pair<const char*, SpatialAggregation> kSpatial[] = {
    {"sum", SpatialAggregation::kSum},
    {"mean", SpatialAggregation::kMean},
    {"ratio", SpatialAggregation::kRatioOfSums},
    {"none", SpatialAggregation::kNone}};
constexpr std::pair<const char*, TimeAggregation> kTime[] = {{"flow", TimeAggregation::kFlow},
                                                             {"stock", TimeAggregation::kStock}};

template <typename E, size_t N>
const char* NameOf(E value, const std::pair<const char*, E> (&table)[N]) {
  for (const auto& [name, v] : table) {
    if (v == value) return name;
  }
  return "?";
}

}  // namespace

const char* ValueKindName(ValueKind v) { return NameOf(v, kValueKinds); }
const char* DirectionName(Direction d) { return NameOf(d, kDirections); }
const char* SpatialAggregationName(SpatialAggregation a) { return NameOf(a, kSpatial); }
const char* TimeAggregationName(TimeAggregation t) { return NameOf(t, kTime); }
Result<ValueKind> ParseValueKind(std::string_view s) {
  return ParseEnum(s, kValueKinds, "value kind", "loại giá trị");
}
Result<Direction> ParseDirection(std::string_view s) {
  return ParseEnum(s, kDirections, "direction", "chiều đánh giá");
}
Result<SpatialAggregation> ParseSpatialAggregation(std::string_view s) {
  return ParseEnum(s, kSpatial, "unit aggregation", "cách cộng dồn theo đơn vị");
}
Result<TimeAggregation> ParseTimeAggregation(std::string_view s) {
  return ParseEnum(s, kTime, "time aggregation", "cách cộng dồn theo thời gian");
}

Status Indicator::Validate() const {
  std::string where = code.empty() ? std::string("indicator") : "indicator " + code;
  std::string where_vi = code.empty() ? std::string("chỉ tiêu") : "chỉ tiêu " + code;
  if (code.empty()) {
    return InvalidArgument("an indicator needs a code", "chỉ tiêu phải có mã").WithField("code");
  }
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      return InvalidArgument(where + ": a code uses only A-Z, 0-9 and _",
                             where_vi + ": mã chỉ gồm A-Z, 0-9 và _")
          .WithField("code");
    }
  }
  if (name_vi.empty()) {
    return InvalidArgument(where + " needs a Vietnamese name", where_vi + " phải có tên tiếng Việt")
        .WithField("name_vi");
  }
  if (unit.empty()) {
    return InvalidArgument(where + " needs a unit of measure", where_vi + " phải có đơn vị tính")
        .WithField("unit");
  }
  if (spatial == SpatialAggregation::kRatioOfSums && value_kind != ValueKind::kFraction) {
    return InvalidArgument(where + ": a ratio of sums needs numerator and denominator (value kind fraction)",
                           where_vi + ": tỷ lệ cộng dồn cần tử số và mẫu số (loại giá trị fraction)")
        .WithField("spatial");
  }
  // Yes/no states add up to a count of the units that reached them.
  if (spatial == SpatialAggregation::kSum && value_kind != ValueKind::kNumber &&
      value_kind != ValueKind::kYesNo) {
    return InvalidArgument(where + ": percentages and fractions cannot be summed across units",
                           where_vi + ": không thể cộng tỷ lệ phần trăm hay phân số giữa các đơn vị")
        .WithField("spatial");
  }
  if (!weight_by.empty() && spatial != SpatialAggregation::kMean) {
    return InvalidArgument(where + ": only a mean is weighted (weight_by " + weight_by + ")",
                           where_vi + ": chỉ giá trị bình quân mới có trọng số (weight_by " + weight_by + ")")
        .WithField("weight_by");
  }
  if (!weight_by.empty() && weight_by == code) {
    return InvalidArgument(where + " cannot be weighted by itself",
                           where_vi + " không thể lấy chính nó làm trọng số")
        .WithField("weight_by");
  }
  return Status::Ok();
}

const Indicator* WeightOf(const Indicator& ind, const std::vector<Indicator>& catalogue) {
  if (ind.weight_by.empty() || ind.spatial != SpatialAggregation::kMean) return nullptr;
  for (const Indicator& i : catalogue) {
    if (i.code == ind.weight_by) return &i;
  }
  return nullptr;
}

std::vector<std::string> SplitAliases(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t bar = text.find('|', start);
    std::string_view a =
        text.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    if (!a.empty()) out.emplace_back(a);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

Result<std::vector<Indicator>> ParseIndicatorCatalogue(std::string_view csv_text) {
  ASSIGN_OR_RETURN(CsvTable table, ParseCsv(csv_text));
  RETURN_IF_ERROR(RequireColumns(table,
                                 {"code", "name_vi", "name_en", "unit", "group", "value_kind", "direction",
                                  "spatial", "time", "allow_negative", "aliases"},
                                 "indicator catalogue"));
  std::vector<Indicator> out;
  std::set<std::string> seen;
  std::string errors_en;
  std::string errors_vi;
  auto col = [&](const CsvRow& row, const char* name) -> std::string {
    int i = table.Column(name);
    return i < static_cast<int>(row.fields.size()) ? row.fields[static_cast<size_t>(i)] : std::string();
  };
  auto fail = [&](const CsvRow& row, const Status& s) {
    errors_en += "\nline " + std::to_string(row.line) + ": " + s.message();
    errors_vi += "\ndòng " + std::to_string(row.line) + ": " + s.message_vi();
  };
  for (const CsvRow& row : table.rows) {
    Indicator ind;
    ind.code = col(row, "code");
    ind.name_vi = col(row, "name_vi");
    ind.name_en = col(row, "name_en");
    ind.unit = col(row, "unit");
    ind.group = col(row, "group");
    Result<ValueKind> vk = ParseValueKind(col(row, "value_kind"));
    Result<Direction> dir = ParseDirection(col(row, "direction"));
    Result<SpatialAggregation> sp = ParseSpatialAggregation(col(row, "spatial"));
    Result<TimeAggregation> tm = ParseTimeAggregation(col(row, "time"));
    if (!vk.ok()) {
      fail(row, vk.status());
      continue;
    }
    if (!dir.ok()) {
      fail(row, dir.status());
      continue;
    }
    if (!sp.ok()) {
      fail(row, sp.status());
      continue;
    }
    if (!tm.ok()) {
      fail(row, tm.status());
      continue;
    }
    ind.value_kind = *vk;
    ind.direction = *dir;
    ind.spatial = *sp;
    ind.time = *tm;
    std::string neg = col(row, "allow_negative");
    ind.allow_negative = neg == "1" || neg == "true" || neg == "yes";
    ind.aliases = SplitAliases(col(row, "aliases"));
    if (table.Column("weight_by") >= 0) ind.weight_by = col(row, "weight_by");
    if (Status s = ind.Validate(); !s.ok()) {
      fail(row, s);
      continue;
    }
    if (!seen.insert(ind.code).second) {
      fail(row, AlreadyExists("indicator code " + ind.code + " appears twice",
                              "mã chỉ tiêu " + ind.code + " bị trùng"));
      continue;
    }
    out.push_back(std::move(ind));
  }
  for (const Indicator& ind : out) {
    if (!ind.weight_by.empty() && seen.count(ind.weight_by) == 0) {
      errors_en += "\nindicator " + ind.code + ": weight_by " + ind.weight_by + " is not in the catalogue";
      errors_vi += "\nchỉ tiêu " + ind.code + ": trọng số " + ind.weight_by + " không có trong danh mục";
    }
  }
  if (!errors_en.empty()) {
    return InvalidArgument("the indicator catalogue has errors:" + errors_en,
                           "danh mục chỉ tiêu có lỗi:" + errors_vi);
  }
  return out;
}

}  // namespace kiemdem
