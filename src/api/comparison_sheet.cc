#include "api/comparison_sheet.h"

#include "api/evaluation_sheet.h"
#include "core/units_label.h"

namespace kiemdem::api {

std::string ComparisonSumLabel(const analytics::ComparisonTable& t, bool vi) {
  return AggregateOfUnitsLabel(Indicator{}, t.kinds, vi);
}

io::Sheet ComparisonSheet(const analytics::ComparisonTable& t, const analytics::UnitTree& tree, bool vi,
                          bool vn_numbers) {
  Date on = EndOfMonth(t.period.year(), t.period.last_month());
  io::Sheet sheet;
  sheet.name = vi ? "So sánh" : "Comparison";
  const AdminUnit* parent = tree.Get(t.parent);
  std::string parent_name = parent == nullptr ? "" : parent->VersionOn(on).full_name;
  sheet.title = (vi ? "So sánh các đơn vị trực thuộc " : "The units below ") + parent_name + " — " +
                (vi ? t.period.LabelVi() : t.period.LabelEn());
  if (vi) {
    sheet.rows.push_back({1,
                          {"Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả",
                           "Kế hoạch", "% KH", "% cùng kỳ", "Đánh giá", "Đã duyệt"}});
  } else {
    sheet.rows.push_back({1,
                          {"Unit code", "Unit", "Indicator code", "Indicator", "Measure", "Result", "Target",
                           "% of plan", "% of same period", "Verdict", "Approved"}});
  }
  using io::CellKind;
  sheet.kinds = {CellKind::kText,    CellKind::kText,   CellKind::kText,   CellKind::kText,
                 CellKind::kText,    CellKind::kNumber, CellKind::kNumber, CellKind::kPercent,
                 CellKind::kPercent, CellKind::kText,   CellKind::kText};
  auto number = [&](const std::optional<double>& v, int decimals) {
    return SheetNumber(v, decimals, vn_numbers);
  };
  int line = 2;
  for (const analytics::ComparisonRow& row : t.units) {
    const AdminUnit* u = tree.Get(row.unit);
    std::string code = u == nullptr ? "" : u->code;
    std::string name = u == nullptr ? "" : u->VersionOn(on).full_name;
    for (size_t i = 0; i < t.indicators.size(); ++i) {
      const Indicator& ind = t.indicators[i];
      std::vector<std::string> cells{code, name, ind.code, vi ? ind.name_vi : ind.name_en, ind.unit};
      if (const std::optional<analytics::EvaluationRow>& r = row.cells[i]) {
        const IndicatorEvaluation& ev = r->evaluation;
        std::optional<double> target;
        if (ev.target) target.emplace(ev.target->value);
        cells.push_back(number(ev.actual, 6));
        cells.push_back(number(target, 6));
        cells.push_back(number(ev.percent_of_plan, 2));
        cells.push_back(number(ev.percent_of_previous, 2));
        cells.emplace_back(vi ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status));
        bool approved = ev.actual.has_value() && !r->counts_unapproved;
        cells.emplace_back(!ev.actual ? "" : approved ? (vi ? "có" : "yes") : (vi ? "chưa" : "no"));
      } else {
        cells.insert(
            cells.end(),
            {"", "", "", "",
             vi ? AttainmentNameVi(Attainment::kNoData) : AttainmentNameEn(Attainment::kNoData), ""});
      }
      sheet.rows.push_back({line++, std::move(cells)});
    }
  }
  for (size_t i = 0; i < t.indicators.size(); ++i) {
    if (!t.sums[i]) continue;
    const Indicator& ind = t.indicators[i];
    const Aggregate& sum = *t.sums[i];
    std::string label = AggregateOfUnitsLabel(ind, t.kinds, vi);
    std::string reporting = std::to_string(sum.reporting) + "/" + std::to_string(sum.expected) +
                            (vi ? " đơn vị báo cáo" : " units reporting");
    sheet.rows.push_back({line++,
                          {"", label, ind.code, vi ? ind.name_vi : ind.name_en, ind.unit,
                           number(sum.value, 6), "", "", "", reporting, ""}});
  }
  return sheet;
}

}  // namespace kiemdem::api
