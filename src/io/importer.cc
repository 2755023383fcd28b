#include "io/importer.h"

#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "core/csv.h"
#include "core/text.h"
#include "core/vn_number.h"
#include "io/internal/cells.h"

namespace kiemdem::io {
using internal::Number;
using internal::Problems;
using internal::YesNo;

std::string ImportProblem::ToString(const std::string& lang) const {
  bool vi = lang == "vi";
  std::string out = sheet + (vi ? ", dòng " : ", row ") + std::to_string(row);
  if (!column.empty()) out += (vi ? ", cột " : ", column ") + column;
  return out + ": " + (vi ? message_vi : message_en);
}

const std::vector<ColumnSpec>& ResultColumns() {
  static const auto* c =
      new std::vector<ColumnSpec>{{"unit_code", {"unit_code", "Mã ĐVHC", "Mã đơn vị"}, true},
                                  {"indicator", {"indicator", "Mã chỉ tiêu"}, true},
                                  {"period", {"period", "Kỳ", "Kỳ báo cáo"}, true},
                                  {"value", {"value", "Kết quả", "Giá trị"}, true, CellKind::kNumber},
                                  {"numerator", {"numerator", "Tử số"}, false, CellKind::kNumber},
                                  {"denominator", {"denominator", "Mẫu số"}, false, CellKind::kNumber},
                                  {"qualifier", {"qualifier", "Mức độ"}, false},
                                  {"estimated", {"estimated", "Ước tính"}, false},
                                  {"source", {"source", "Nguồn"}, false},
                                  {"unit_on", {"unit_on", "Ngày đơn vị"}, false}};
  return *c;
}

const std::vector<ColumnSpec>& IndicatorColumns() {
  static const auto* c =
      new std::vector<ColumnSpec>{{"code", {"code", "Mã chỉ tiêu"}, true},
                                  {"name_vi", {"name_vi", "Tên chỉ tiêu"}, true},
                                  {"name_en", {"name_en", "Tên tiếng Anh"}, false},
                                  {"unit", {"unit", "Đơn vị tính"}, true},
                                  {"group", {"group", "Nhóm"}, false},
                                  {"value_kind", {"value_kind", "Loại giá trị"}, true},
                                  {"direction", {"direction", "Chiều đánh giá"}, true},
                                  {"spatial", {"spatial", "Cộng theo đơn vị"}, true},
                                  {"time", {"time", "Cộng theo thời gian"}, true},
                                  {"allow_negative", {"allow_negative", "Cho phép âm"}, false},
                                  {"aliases", {"aliases", "Tên gọi khác"}, false}};
  return *c;
}

Result<ImportOutcome> ImportResults(store::Store& store, const std::string& actor, const Sheet& sheet,
                                    const ImportOptions& options) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, ResultColumns()));
  ImportOutcome outcome;
  outcome.rows = static_cast<int>(t.data.size());
  Problems problems{&t, &ResultColumns(), &outcome};
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  std::map<std::string, Indicator> by_code;
  for (const Indicator& i : indicators) by_code[i.code] = i;
  std::vector<Observation> rows;
  std::map<std::tuple<UnitId, std::string, std::string>, int> seen;
  // Files repeat a unit on many rows: look each (code, period, day) up once.
  std::map<std::tuple<std::string, std::string, int64_t>, Result<ResolvedUnit>> unit_cache;
  std::set<std::pair<std::string, UnitId>> noted;  // (code, unit) with a note already
  for (const SheetRow* row : t.data) {
    size_t before = outcome.problem_count;
    Observation o;
    Result<Period> period = Period::Parse(t.Cell(*row, "period"));
    if (!period.ok()) problems.Add(*row, "period", period.status());
    std::string ind = t.Cell(*row, "indicator");
    auto it = by_code.find(ind);
    if (it == by_code.end()) {
      problems.Add(*row, "indicator",
                   NotFound("indicator '" + ind + "' is not in the catalogue",
                            "chỉ tiêu '" + ind + "' không có trong danh mục"));
    }
    std::optional<Date> unit_on;
    Result<std::optional<Date>> on_cell = internal::DateCell(t.Cell(*row, "unit_on"));
    if (on_cell.ok()) {
      unit_on = *on_cell;
    } else {
      problems.Add(*row, "unit_on", on_cell.status());
    }
    if (period.ok()) {
      std::string code = t.Cell(*row, "unit_code");
      auto key = std::make_tuple(code, period->Key(), unit_on ? unit_on->day_number() : int64_t{-1});
      auto cached = unit_cache.find(key);
      if (cached == unit_cache.end()) {
        Result<ResolvedUnit> found = ResolvedUnit{};
        if (options.resolve_unit) {
          found = options.resolve_unit(code, *period, unit_on);
        } else {
          Result<UnitId> u =
              store.FindUnit(code, unit_on.value_or(EndOfMonth(period->year(), period->last_month())));
          found = u.ok() ? Result<ResolvedUnit>(ResolvedUnit{*u, "", ""}) : Result<ResolvedUnit>(u.status());
        }
        cached = unit_cache.emplace(key, std::move(found)).first;
      }
      const Result<ResolvedUnit>& unit = cached->second;
      if (!unit.ok()) problems.Add(*row, "unit_code", unit.status());
      if (unit.ok()) {
        o.unit = unit->unit;
        if (!unit_on && !unit->note_en.empty() && noted.insert({code, unit->unit}).second &&
            outcome.notes.size() < ImportOutcome::kMaxProblems) {
          outcome.notes.push_back({sheet.name, row->number, "", unit->note_en, unit->note_vi});
        }
      }
      if (unit.ok() && options.may_enter) {
        if (Status allowed = options.may_enter(unit->unit); !allowed.ok())
          problems.Add(*row, "unit_code", allowed);
      }
      o.period = *period;
    }
    Result<double> value = Number(t.Cell(*row, "value"));
    if (!value.ok()) problems.Add(*row, "value", value.status());
    for (const char* key : {"numerator", "denominator"}) {
      std::string text = t.Cell(*row, key);
      if (text.empty()) continue;
      Result<double> v = Number(text);
      if (!v.ok()) {
        problems.Add(*row, key, v.status());
      } else {
        (std::string(key) == "numerator" ? o.numerator : o.denominator) = *v;
      }
    }
    Result<Qualifier> q = ParseQualifier(t.Cell(*row, "qualifier"));
    if (!q.ok()) problems.Add(*row, "qualifier", q.status());
    Result<bool> est = YesNo(t.Cell(*row, "estimated"));
    if (!est.ok()) problems.Add(*row, "estimated", est.status());
    if (outcome.problem_count > before) continue;
    o.indicator = ind;
    o.value = *value;
    o.qualifier = *q;
    o.estimated = *est;
    o.provenance.kind = ProvenanceKind::kImport;
    o.provenance.source = t.Cell(*row, "source").empty() ? sheet.name : t.Cell(*row, "source");
    Status valid = ValidateObservation(o, it->second);
    if (!valid.ok()) {
      problems.Add(*row, valid.field() == "unit" ? "unit_code" : valid.field(), valid);
      continue;
    }
    auto key = std::make_tuple(o.unit, o.indicator, o.period.Key());
    if (auto dup = seen.find(key); dup != seen.end()) {
      problems.Add(*row, "",
                   AlreadyExists("the same unit, indicator and period as row " + std::to_string(dup->second),
                                 "trùng đơn vị, chỉ tiêu và kỳ với dòng " + std::to_string(dup->second)));
      continue;
    }
    seen[key] = row->number;
    rows.push_back(o);
  }
  if (!outcome.problems.empty() || options.check_only) return outcome;
  RETURN_IF_ERROR(store.SaveResults(actor, rows, sheet.name));
  outcome.stored = static_cast<int>(rows.size());
  return outcome;
}

Result<ImportOutcome> ImportIndicators(store::Store& store, const std::string& actor, const Sheet& sheet) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, IndicatorColumns()));
  ImportOutcome outcome;
  outcome.rows = static_cast<int>(t.data.size());
  Problems problems{&t, &IndicatorColumns(), &outcome};
  std::vector<Indicator> rows;
  std::map<std::string, int> seen;
  for (const SheetRow* row : t.data) {
    size_t before = outcome.problem_count;
    Indicator i;
    i.code = t.Cell(*row, "code");
    i.name_vi = t.Cell(*row, "name_vi");
    i.name_en = t.Cell(*row, "name_en");
    i.unit = t.Cell(*row, "unit");
    i.group = t.Cell(*row, "group");
    Result<ValueKind> vk = ParseValueKind(t.Cell(*row, "value_kind"));
    if (!vk.ok()) problems.Add(*row, "value_kind", vk.status());
    Result<Direction> dir = ParseDirection(t.Cell(*row, "direction"));
    if (!dir.ok()) problems.Add(*row, "direction", dir.status());
    Result<SpatialAggregation> sp = ParseSpatialAggregation(t.Cell(*row, "spatial"));
    if (!sp.ok()) problems.Add(*row, "spatial", sp.status());
    Result<TimeAggregation> tm = ParseTimeAggregation(t.Cell(*row, "time"));
    if (!tm.ok()) problems.Add(*row, "time", tm.status());
    Result<bool> neg = YesNo(t.Cell(*row, "allow_negative"));
    if (!neg.ok()) problems.Add(*row, "allow_negative", neg.status());
    if (outcome.problem_count > before) continue;
    i.value_kind = *vk;
    i.direction = *dir;
    i.spatial = *sp;
    i.time = *tm;
    i.allow_negative = *neg;
    i.aliases = SplitAliases(t.Cell(*row, "aliases"));
    Status valid = i.Validate();
    if (!valid.ok()) {
      problems.Add(*row, valid.field(), valid);
      continue;
    }
    if (auto dup = seen.find(i.code); dup != seen.end()) {
      problems.Add(*row, "code",
                   AlreadyExists("indicator " + i.code + " is also on row " + std::to_string(dup->second),
                                 "chỉ tiêu " + i.code + " trùng với dòng " + std::to_string(dup->second)));
      continue;
    }
    seen[i.code] = row->number;
    rows.push_back(i);
  }
  if (!outcome.problems.empty()) return outcome;
  RETURN_IF_ERROR(store.PutIndicators(actor, rows));
  outcome.stored = static_cast<int>(rows.size());
  return outcome;
}

std::string ExactVietnameseNumber(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return FormatVietnameseNumber(value, 6);
  std::string s(buf, end);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string out;
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += '.';
    out += int_part[i];
  }
  if (!frac.empty()) out += "," + frac;
  return (negative ? "-" : "") + out;
}

Result<Sheet> ExportResults(store::Store& store, const std::string& sheet_name) {
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> results, store.ListResults());
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Kết quả thực hiện chỉ tiêu";
  sheet.kinds = internal::ColumnKinds(ResultColumns());
  sheet.rows.push_back(internal::HeaderRow(ResultColumns()));
  std::map<UnitId, std::string> codes;
  for (const store::ResultRecord& r : results) {
    const Observation& o = r.observation;
    if (!codes.count(o.unit)) {
      ASSIGN_OR_RETURN(codes[o.unit], store.UnitCode(o.unit));
    }
    SheetRow row{static_cast<int>(sheet.rows.size()) + 1, {}};
    row.cells = {codes[o.unit],
                 o.indicator,
                 o.period.Key(),
                 ExactVietnameseNumber(o.value),
                 o.numerator ? ExactVietnameseNumber(*o.numerator) : "",
                 o.denominator ? ExactVietnameseNumber(*o.denominator) : "",
                 QualifierKey(o.qualifier),
                 o.estimated ? "có" : "không",
                 o.provenance.source,
                 ""};  // unit_on: a stored figure's period names its unit alone
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Result<Sheet> ExportIndicators(store::Store& store, const std::string& sheet_name) {
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Danh mục chỉ tiêu";
  sheet.kinds = internal::ColumnKinds(IndicatorColumns());
  sheet.rows.push_back(internal::HeaderRow(IndicatorColumns()));
  for (const Indicator& i : indicators) {
    std::string aliases;
    for (const std::string& a : i.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    sheet.rows.push_back({static_cast<int>(sheet.rows.size()) + 1,
                          {i.code, i.name_vi, i.name_en, i.unit, i.group, ValueKindName(i.value_kind),
                           DirectionName(i.direction), SpatialAggregationName(i.spatial),
                           TimeAggregationName(i.time), i.allow_negative ? "có" : "không", aliases}});
  }
  return sheet;
}

std::string SheetToCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  for (const SheetRow& row : sheet.rows) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvEscape(row.cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kiemdem::io
