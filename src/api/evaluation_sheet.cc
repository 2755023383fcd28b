#include "api/evaluation_sheet.h"

#include <array>
#include <cstdio>

#include "core/units_label.h"
#include "core/vn_number.h"
#include "io/xlsx.h"

namespace kiemdem::api {
namespace {

std::string PeriodLabel(const Period& p, bool vi) { return vi ? p.LabelVi() : p.LabelEn(); }

// A stored figure's workflow state as the entry page names it.
std::string FigureStateName(const std::string& key, bool vi) {
  if (key == "draft") return vi ? "đang nhập" : "draft";
  if (key == "submitted") return vi ? "đã gửi" : "submitted";
  if (key == "approved") return vi ? "đã duyệt" : "approved";
  return key;
}

}  // namespace

std::string SheetNumber(const std::optional<double>& v, int decimals, bool vn_numbers) {
  if (!v) return "";
  if (vn_numbers) return FormatVietnameseNumber(*v, decimals);
  std::array<char, 40> buf{};
  std::snprintf(buf.data(), buf.size(), "%.15g", *v);  // "." decimals, no grouping, for CSV readers
  return buf.data();
}

Result<std::string> DownloadFormat(const Call& call) {
  std::string format = call.Query("format");
  if (format.empty()) return std::string("json");
  if (format == "json" || format == "xlsx" || format == "csv") return format;
  return InvalidArgument("query parameter 'format' is json, xlsx or csv",
                         "tham số 'format' phải là json, xlsx hoặc csv")
      .WithField("format");
}

Status ReplySheet(Call& call, const std::string& format, const std::string& stem,
                  const std::function<io::Sheet(bool vn_numbers)>& sheet_for) {
  if (format == "xlsx") {
    ASSIGN_OR_RETURN(call.response, io::XlsxBytes(sheet_for(true)));
    call.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  } else {
    call.response = io::CsvBytes(sheet_for(false));
    call.content_type = "text/csv; charset=utf-8";
  }
  call.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + stem + "." + format + "\"");
  call.status = 200;
  return Status::Ok();
}

io::Sheet EvaluationSheet(const analytics::UnitEvaluation& e, const analytics::UnitTree& tree, bool vi,
                          bool vn_numbers) {
  Date on = EndOfMonth(e.period.year(), e.period.last_month());
  const AdminUnit* u = tree.Get(e.unit);
  std::string unit_name = u == nullptr ? "" : u->VersionOn(on).full_name;
  io::Sheet sheet;
  sheet.name = vi ? "Đánh giá" : "Evaluation";
  // A part-year summary names its period itself ("10 tháng năm 2018: 9/14 chỉ tiêu …").
  sheet.title = (vi ? "Kết quả thực hiện chỉ tiêu — " : "Results against targets — ") + unit_name +
                (e.summary.part_year ? "" : ", " + PeriodLabel(e.period, vi)) + ": " +
                (vi ? e.summary.ToVietnamese() : e.summary.ToEnglish()) +
                (e.summary_plan == nullptr
                     ? ""
                     : (vi ? " (theo " : " (on ") + analytics::PlanLabel(*e.summary_plan, vi) + ")");
  if (vi) {
    sheet.rows.push_back({1,
                          {"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Kế hoạch năm", "% KH năm",
                           "Cùng kỳ năm trước", "% cùng kỳ", "Điểm % so với KH", "Đánh giá", "Tiến độ",
                           "Trạng thái số liệu", "Số liệu mới có của số tháng"}});
  } else {
    sheet.rows.push_back({1,
                          {"Indicator code", "Indicator", "Measure", "Result", "Year's target",
                           "% of year plan", "Same period last year", "% of same period", "Points from plan",
                           "Verdict", "Pace", "Figure's state", "Months the figure stands for"}});
  }
  using io::CellKind;
  sheet.kinds = {CellKind::kText,   CellKind::kText,    CellKind::kText,   CellKind::kNumber,
                 CellKind::kNumber, CellKind::kPercent, CellKind::kNumber, CellKind::kPercent,
                 CellKind::kNumber, CellKind::kText,    CellKind::kText,   CellKind::kText,
                 CellKind::kNumber};
  int line = 2;
  for (const analytics::EvaluationRow& r : e.rows) {
    const IndicatorEvaluation& ev = r.evaluation;
    std::optional<double> target;
    if (ev.target) target.emplace(ev.target->value);
    std::string pace;
    if (ev.pace) pace = vi ? PaceNameVi(ev.pace->pace) : PaceNameEn(ev.pace->pace);
    std::string state = FigureStateName(r.result_status, vi);
    if (ev.actual && r.counts_unapproved) state += vi ? " (tính cả số chưa duyệt)" : " (unapproved, counted)";
    // Filled only for a figure that stands for fewer months than the period (a stock known to March).
    std::optional<double> months;
    if (ev.actual && r.months_reported > 0 && r.months_reported < e.period.month_count()) {
      months.emplace(r.months_reported);
    }
    sheet.rows.push_back(
        {line++,
         {r.indicator.code, vi ? r.indicator.name_vi : r.indicator.name_en, r.indicator.unit,
          SheetNumber(ev.actual, 6, vn_numbers), SheetNumber(target, 6, vn_numbers),
          SheetNumber(ev.percent_of_plan, 2, vn_numbers), SheetNumber(ev.previous, 6, vn_numbers),
          SheetNumber(ev.percent_of_previous, 2, vn_numbers), SheetNumber(ev.points_from_plan, 2, vn_numbers),
          vi ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status), pace, state,
          SheetNumber(months, 0, vn_numbers)}});
  }
  return sheet;
}

io::Sheet RollupSheet(const std::vector<analytics::RollupRow>& rows, const std::vector<UnitType>& kinds,
                      const std::string& unit_name, const Period& period, bool vi, bool vn_numbers) {
  io::Sheet sheet;
  sheet.name = vi ? "Tổng hợp" : "Roll-up";
  sheet.title = (vi ? "Tổng hợp các đơn vị trực thuộc — " : "Roll-up of the units below — ") + unit_name +
                ", " + PeriodLabel(period, vi);
  if (vi) {
    sheet.rows.push_back(
        {1,
         {"Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Giá trị", "Tử số", "Mẫu số", "Số đơn vị báo cáo",
          "Số đơn vị phải báo cáo", "Có số ước tính",
          "Số đơn vị thiếu tử số, mẫu số hoặc quyền số (không tính vào giá trị chung)", "Giá trị là"}});
  } else {
    sheet.rows.push_back({1,
                          {"Indicator code", "Indicator", "Measure", "Value", "Numerator", "Denominator",
                           "Units reporting", "Units expected", "Estimated",
                           "Units without numerator and denominator or weight (left out)", "The value is"}});
  }
  using io::CellKind;
  sheet.kinds = {CellKind::kText,   CellKind::kText,   CellKind::kText,   CellKind::kNumber,
                 CellKind::kNumber, CellKind::kNumber, CellKind::kNumber, CellKind::kNumber,
                 CellKind::kText,   CellKind::kNumber, CellKind::kText};
  int line = 2;
  for (const analytics::RollupRow& r : rows) {
    const Aggregate& a = r.aggregate;
    sheet.rows.push_back(
        {line++,
         {r.indicator.code, vi ? r.indicator.name_vi : r.indicator.name_en, r.indicator.unit,
          SheetNumber(a.value, 6, vn_numbers), SheetNumber(a.numerator, 6, vn_numbers),
          SheetNumber(a.denominator, 6, vn_numbers), std::to_string(a.reporting), std::to_string(a.expected),
          a.estimated ? (vi ? "có" : "yes") : "", std::to_string(a.without_base.size()),
          AggregateOfUnitsLabel(r.indicator, kinds, vi)}});
  }
  return sheet;
}

}  // namespace kiemdem::api
