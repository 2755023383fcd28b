// Plans and their targets in and out of sheets: one row per target.
#include <map>
#include <set>
#include <tuple>

#include "io/importer.h"
#include "io/internal/cells.h"

namespace kiemdem::io {

const std::vector<ColumnSpec>& PlanColumns() {
  static const auto* c = new std::vector<ColumnSpec>{
      {"unit_code", {"unit_code", "Mã ĐVHC", "Mã đơn vị"}, true},
      {"body", {"body", "Cơ quan giao", "Cơ quan"}, true},
      {"first_year", {"first_year", "Từ năm"}, true, CellKind::kYear},
      {"last_year", {"last_year", "Đến năm"}, false, CellKind::kYear},
      {"resolution", {"resolution", "Nghị quyết", "Số ký hiệu"}, false},
      {"resolution_date", {"resolution_date", "Ngày ban hành"}, false, CellKind::kDate},
      {"assigned_by_superior", {"assigned_by_superior", "Cấp trên giao"}, false},
      {"indicator", {"indicator", "Mã chỉ tiêu"}, true},
      {"year", {"year", "Năm"}, true, CellKind::kYear},
      {"comparator", {"comparator", "So sánh"}, false},
      {"value", {"value", "Chỉ tiêu", "Giá trị"}, true, CellKind::kNumber},
      {"value_high", {"value_high", "Cận trên"}, false, CellKind::kNumber},
      {"form", {"form", "Dạng chỉ tiêu"}, false},
      {"adjusted", {"adjusted", "Chỉ tiêu điều chỉnh", "Kế hoạch điều chỉnh"}, false, CellKind::kNumber},
      {"adjusted_by", {"adjusted_by", "Văn bản điều chỉnh"}, false}};
  return *c;
}

namespace {

// The form column as people write it: empty is a level; the words below or the API's keys.
constexpr const char* kGrowthWords = "% so với năm trước";
constexpr const char* kPointsWords = "điểm % so với năm trước";
constexpr const char* kAssignedWords = "% so với chỉ tiêu cấp trên giao";

Result<TargetForm> FormCell(const std::string& cell) {
  if (cell == kGrowthWords) return TargetForm::kGrowthPercent;
  if (cell == kPointsWords) return TargetForm::kChangePoints;
  if (cell == kAssignedWords) return TargetForm::kAboveAssigned;
  Result<TargetForm> f = ParseTargetForm(cell);
  if (f.ok()) return f;
  return InvalidArgument("the form is empty (a level), '" + std::string(kGrowthWords) + "', '" +
                             kPointsWords + "' or '" + kAssignedWords + "', not '" + cell + "'",
                         "dạng chỉ tiêu để trống (một mức), ghi '" + std::string(kGrowthWords) + "', '" +
                             kPointsWords + "' hoặc '" + kAssignedWords + "', không phải '" + cell + "'");
}

std::string FormWords(TargetForm f) {
  switch (f) {
    case TargetForm::kLevel: return "";
    case TargetForm::kGrowthPercent: return kGrowthWords;
    case TargetForm::kChangePoints: return kPointsWords;
    case TargetForm::kAboveAssigned: return kAssignedWords;
  }
  return "";
}

}  // namespace

Result<RowsRead<Plan>> ReadPlans(CodeResolver& resolver, const Sheet& sheet, const PlanReadOptions& options) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, PlanColumns()));
  RowsRead<Plan> read;
  ImportOutcome& outcome = read.outcome;
  outcome.rows = static_cast<int>(t.data.size());
  internal::Problems problems{&t, &PlanColumns(), &outcome};
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, resolver.Indicators());
  std::set<std::string> codes;
  for (const Indicator& i : indicators) codes.insert(i.code);
  std::map<std::tuple<UnitId, BodyKind, int, int>, Plan> plans;
  std::map<std::tuple<UnitId, BodyKind, int, int, std::string, int>, int> seen;
  std::map<std::tuple<UnitId, BodyKind, int, int, bool>, Status> allowed;  // may_set's answers
  for (const SheetRow* row : t.data) {
    size_t before = outcome.problem_count;
    Result<int> first = internal::WholeNumber(t.Cell(*row, "first_year"), 1945, 2200);
    if (!first.ok()) problems.Add(*row, "first_year", first.status());
    std::string last_text = t.Cell(*row, "last_year");
    Result<int> last = last_text.empty() && first.ok() ? first : internal::WholeNumber(last_text, 1945, 2200);
    if (!last.ok()) problems.Add(*row, "last_year", last.status());
    Result<BodyKind> body = ParseBodyKind(t.Cell(*row, "body"));
    if (!body.ok()) problems.Add(*row, "body", body.status());
    UnitId unit = kNoUnit;
    if (first.ok()) {
      std::string code = t.Cell(*row, "unit_code");
      Result<UnitId> u = resolver.FindUnit(code, EndOfMonth(*first, 12));
      if (!u.ok()) u = resolver.FindUnit(code, *Date::FromYmd(*first, 1, 1));
      if (!u.ok()) problems.Add(*row, "unit_code", u.status());
      if (u.ok()) unit = *u;
    }
    DocumentRef resolution;
    if (std::string r = t.Cell(*row, "resolution"); !r.empty()) {
      Result<DocumentRef> ref = ParseDocumentCode(r);
      if (!ref.ok()) problems.Add(*row, "resolution", ref.status());
      if (ref.ok()) resolution = *ref;
    }
    Result<std::optional<Date>> issued = internal::DateCell(t.Cell(*row, "resolution_date"));
    if (!issued.ok()) problems.Add(*row, "resolution_date", issued.status());
    Result<bool> assigned = internal::YesNo(t.Cell(*row, "assigned_by_superior"));
    if (!assigned.ok()) problems.Add(*row, "assigned_by_superior", assigned.status());
    Target target;
    target.indicator = t.Cell(*row, "indicator");
    if (codes.count(target.indicator) == 0) {
      problems.Add(*row, "indicator",
                   NotFound("indicator '" + target.indicator + "' is not in the catalogue",
                            "chỉ tiêu '" + target.indicator + "' không có trong danh mục"));
    }
    Result<int> year = internal::WholeNumber(t.Cell(*row, "year"), 1945, 2200);
    if (!year.ok()) problems.Add(*row, "year", year.status());
    std::string cmp = t.Cell(*row, "comparator");
    Result<Comparator> comparator =
        cmp.empty() ? Result<Comparator>(Comparator::kAtLeast) : ParseComparator(cmp);
    if (!comparator.ok()) problems.Add(*row, "comparator", comparator.status());
    Result<TargetForm> form = FormCell(t.Cell(*row, "form"));
    if (!form.ok()) problems.Add(*row, "form", form.status());
    Result<double> value = internal::Number(t.Cell(*row, "value"));
    if (!value.ok()) problems.Add(*row, "value", value.status());
    if (std::string high = t.Cell(*row, "value_high"); !high.empty()) {
      Result<double> h = internal::Number(high);
      if (!h.ok()) problems.Add(*row, "value_high", h.status());
      if (h.ok()) target.value_high = *h;
    }
    if (std::string adjusted = t.Cell(*row, "adjusted"); !adjusted.empty()) {
      Result<double> a = internal::Number(adjusted);
      if (!a.ok()) problems.Add(*row, "adjusted", a.status());
      if (a.ok()) target.adjusted = *a;
    }
    target.adjusted_by = t.Cell(*row, "adjusted_by");
    if (!target.adjusted && !target.adjusted_by.empty()) {
      problems.Add(
          *row, "adjusted",
          InvalidArgument(
              "the adjusting document '" + target.adjusted_by + "' is given without the adjusted value",
              "có văn bản điều chỉnh '" + target.adjusted_by + "' nhưng chưa ghi chỉ tiêu điều chỉnh"));
    }
    if (outcome.problem_count > before) continue;
    if (options.may_set) {
      auto scope_key = std::make_tuple(unit, *body, *first, *last, *assigned);
      auto answer = allowed.find(scope_key);
      if (answer == allowed.end()) {
        Plan header;
        header.unit = unit;
        header.body_kind = *body;
        header.first_year = *first;
        header.last_year = *last;
        header.assigned_by_superior = *assigned;
        answer = allowed.emplace(scope_key, options.may_set(header)).first;
      }
      if (!answer->second.ok()) {
        const std::string& field = answer->second.field();
        problems.Add(*row, t.column.count(field) != 0 ? field : "unit_code", answer->second);
        continue;
      }
    }
    if (*last < *first || *year < *first || *year > *last) {
      problems.Add(*row, "year",
                   InvalidArgument("year " + std::to_string(*year) + " is outside the plan's years " +
                                       std::to_string(*first) + "-" + std::to_string(*last),
                                   "năm " + std::to_string(*year) + " nằm ngoài kỳ kế hoạch " +
                                       std::to_string(*first) + "-" + std::to_string(*last)));
      continue;
    }
    target.year = *year;
    target.comparator = *comparator;
    target.value = *value;
    target.form = *form;
    if (Status v = target.Validate(); !v.ok()) {
      problems.Add(*row, v.field().empty() ? "value" : v.field(), v);
      continue;
    }
    auto key = std::make_tuple(unit, *body, *first, *last);
    auto target_key = std::make_tuple(unit, *body, *first, *last, target.indicator, target.year);
    if (auto dup = seen.find(target_key); dup != seen.end()) {
      problems.Add(*row, "indicator",
                   AlreadyExists("the same plan, indicator and year as row " + std::to_string(dup->second),
                                 "trùng kế hoạch, chỉ tiêu và năm với dòng " + std::to_string(dup->second)));
      continue;
    }
    seen[target_key] = row->number;
    Plan& plan = plans[key];
    if (plan.targets.empty()) {
      plan.unit = unit;
      plan.body_kind = *body;
      plan.first_year = *first;
      plan.last_year = *last;
      plan.resolution = resolution;
      plan.resolution.issued = *issued;
      plan.assigned_by_superior = *assigned;
    } else if (plan.resolution.code != resolution.code) {
      problems.Add(
          *row, "resolution",
          InvalidArgument("the plan's earlier rows name resolution '" + plan.resolution.code + "'",
                          "các dòng trên của kế hoạch này ghi nghị quyết '" + plan.resolution.code + "'"));
      continue;
    }
    plan.targets.push_back(target);
  }
  if (!outcome.problems.empty()) return read;
  read.rows.reserve(plans.size());
  for (auto& [key, plan] : plans) read.rows.push_back(std::move(plan));
  return read;
}

Result<Sheet> ExportPlans(CodeResolver& resolver, const std::vector<Plan>& plans,
                          const std::string& sheet_name) {
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Kế hoạch chỉ tiêu";
  sheet.kinds = internal::ColumnKinds(PlanColumns());
  sheet.rows.push_back(internal::HeaderRow(PlanColumns()));
  std::map<UnitId, std::string> codes;
  for (const Plan& p : plans) {
    if (!codes.count(p.unit)) {
      ASSIGN_OR_RETURN(codes[p.unit], resolver.UnitCode(p.unit));
    }
    for (const Target& t : p.targets) {
      sheet.rows.push_back({static_cast<int>(sheet.rows.size()) + 1,
                            {codes[p.unit], BodyKindNameVi(p.body_kind), std::to_string(p.first_year),
                             std::to_string(p.last_year), p.resolution.code,
                             p.resolution.issued ? p.resolution.issued->ToVietnamese() : "",
                             p.assigned_by_superior ? "có" : "không", t.indicator, std::to_string(t.year),
                             ComparatorSymbol(t.comparator), ExactVietnameseNumber(t.value),
                             t.value_high ? ExactVietnameseNumber(*t.value_high) : "", FormWords(t.form),
                             t.adjusted ? ExactVietnameseNumber(*t.adjusted) : "", t.adjusted_by}});
    }
  }
  return sheet;
}

}  // namespace kiemdem::io
