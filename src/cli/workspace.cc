#include "cli/workspace.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/admin_loader.h"
#include "core/csv.h"
#include "core/vn_number.h"

namespace kiemdem::cli {

Date DemoCodeDate() { return *Date::FromYmd(2025, 6, 30); }

Date Today() {
  auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::FromDayNumber(days.time_since_epoch().count());
}

std::string Field(const CsvTable& t, const CsvRow& row, const char* name) {
  int i = t.Column(name);
  return i >= 0 && i < static_cast<int>(row.fields.size()) ? row.fields[static_cast<size_t>(i)] : "";
}

namespace {

Result<double> Number(const std::string& text) {
  ASSIGN_OR_RETURN(ParsedNumber n, ParseVietnameseNumber(text));
  return n.value;
}

struct RowErrors {
  std::string en;
  std::string vi;
  void Add(const std::string& file, const CsvRow& row, const Status& s) {
    en += "\n" + file + " line " + std::to_string(row.line) + ": " + s.message();
    vi += "\n" + file + " dòng " + std::to_string(row.line) + ": " + s.message_vi();
  }
  Status ToStatus() const {
    if (en.empty()) return Status::Ok();
    return InvalidArgument("the demo data has errors:" + en, "dữ liệu mẫu có lỗi:" + vi);
  }
};

Result<Observation> ParseResult(const Workspace& ws, const CsvTable& t, const CsvRow& row) {
  Observation o;
  ASSIGN_OR_RETURN(o.unit, ws.units.FindByCode(Field(t, row, "unit_code"), DemoCodeDate()));
  o.indicator = Field(t, row, "indicator");
  const Indicator* ind = ws.FindIndicator(o.indicator);
  if (ind == nullptr) {
    return NotFound("indicator " + o.indicator + " is not in the catalogue",
                    "chỉ tiêu " + o.indicator + " không có trong danh mục");
  }
  ASSIGN_OR_RETURN(o.period, Period::Parse(Field(t, row, "period")));
  ASSIGN_OR_RETURN(o.value, Number(Field(t, row, "value")));
  if (!Field(t, row, "numerator").empty()) {
    ASSIGN_OR_RETURN(o.numerator, Number(Field(t, row, "numerator")));
  }
  if (!Field(t, row, "denominator").empty()) {
    ASSIGN_OR_RETURN(o.denominator, Number(Field(t, row, "denominator")));
  }
  ASSIGN_OR_RETURN(o.qualifier, ParseQualifier(Field(t, row, "qualifier")));
  o.estimated = Field(t, row, "estimated") == "1";
  o.provenance.kind = ProvenanceKind::kImport;
  o.provenance.source = Field(t, row, "source");
  RETURN_IF_ERROR(ValidateObservation(o, *ind));
  return o;
}

}  // namespace

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string why = std::strerror(errno);
    return NotFound("cannot read " + path + ": " + why, "không đọc được " + path + ": " + why);
  }
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const Indicator* Workspace::FindIndicator(const std::string& code) const {
  for (const Indicator& i : indicators) {
    if (i.code == code) return &i;
  }
  return nullptr;
}

Status LoadReferenceData(const std::string& data_dir, Workspace* ws) {
  std::string dir = data_dir + "/admin-units/";
  AdminUnitFiles f;
  ASSIGN_OR_RETURN(f.pre2025_provinces, ReadFile(dir + "pre2025_provinces.csv"));
  ASSIGN_OR_RETURN(f.pre2025_districts, ReadFile(dir + "pre2025_districts.csv"));
  ASSIGN_OR_RETURN(f.pre2025_communes, ReadFile(dir + "pre2025_communes.csv"));
  ASSIGN_OR_RETURN(f.units_2025_provinces, ReadFile(dir + "units_2025_provinces.csv"));
  ASSIGN_OR_RETURN(f.units_2025_communes, ReadFile(dir + "units_2025_communes.csv"));
  ASSIGN_OR_RETURN(f.merge_provinces_2025, ReadFile(dir + "merge_provinces_2025.csv"));
  ASSIGN_OR_RETURN(f.merge_communes_2025, ReadFile(dir + "merge_communes_2025.csv"));
  ASSIGN_OR_RETURN(f.changes_after_2025_07_01, ReadFile(dir + "changes_after_2025-07-01.csv"));
  ASSIGN_OR_RETURN(f.code_aliases, ReadFile(dir + "code_aliases.csv"));
  RETURN_IF_ERROR(LoadAdminUnits(f, &ws->units).status());
  ASSIGN_OR_RETURN(std::string catalogue, ReadFile(data_dir + "/indicators/catalogue.csv"));
  ASSIGN_OR_RETURN(ws->indicators, ParseIndicatorCatalogue(catalogue));
  return Status::Ok();
}

namespace {

Status ReadDemoResults(const std::string& data_dir, const std::string& name, Workspace* ws,
                       RowErrors& errors) {
  ASSIGN_OR_RETURN(std::string results_text, ReadFile(data_dir + "/demo/" + name));
  ASSIGN_OR_RETURN(CsvTable results, ParseCsv(results_text));
  RETURN_IF_ERROR(RequireColumns(results,
                                 {"unit_code", "indicator", "period", "value", "numerator", "denominator",
                                  "qualifier", "estimated", "source"},
                                 name));
  for (const CsvRow& row : results.rows) {
    Result<Observation> o = ParseResult(*ws, results, row);
    if (o.ok()) {
      ws->results.push_back(std::move(o).value());
    } else {
      errors.Add(name, row, o.status());
    }
  }
  return Status::Ok();
}

Status ReadDemoPlans(const std::string& data_dir, const std::string& name, Workspace* ws, RowErrors& errors) {
  ASSIGN_OR_RETURN(std::string plans_text, ReadFile(data_dir + "/demo/" + name));
  ASSIGN_OR_RETURN(CsvTable plans, ParseCsv(plans_text));
  RETURN_IF_ERROR(RequireColumns(
      plans,
      {"unit_code", "body", "year", "indicator", "comparator", "target", "resolution", "stated_percent"},
      name));
  for (const CsvRow& row : plans.rows) {
    auto add = [&]() -> Status {
      ASSIGN_OR_RETURN(UnitId unit, ws->units.FindByCode(Field(plans, row, "unit_code"), DemoCodeDate()));
      ASSIGN_OR_RETURN(BodyKind body, ParseBodyKind(Field(plans, row, "body")));
      ASSIGN_OR_RETURN(double year, Number(Field(plans, row, "year")));
      Target t;
      t.indicator = Field(plans, row, "indicator");
      if (ws->FindIndicator(t.indicator) == nullptr) {
        return NotFound("indicator " + t.indicator + " is not in the catalogue",
                        "chỉ tiêu " + t.indicator + " không có trong danh mục");
      }
      t.year = static_cast<int>(year);
      ASSIGN_OR_RETURN(t.comparator, ParseComparator(Field(plans, row, "comparator")));
      ASSIGN_OR_RETURN(t.value, Number(Field(plans, row, "target")));
      // Optional: the level after an adjustment during the year, and the % the article states of it.
      if (std::string adjusted = Field(plans, row, "adjusted"); !adjusted.empty()) {
        ASSIGN_OR_RETURN(t.adjusted, Number(adjusted));
      }
      // One plan per unit, body and year.
      size_t index = ws->plans.size();
      for (size_t i = 0; i < ws->plans.size(); ++i) {
        const Plan& p = ws->plans[i];
        if (p.unit == unit && p.body_kind == body && p.first_year == t.year) index = i;
      }
      if (index == ws->plans.size()) {
        Plan p;
        p.id = static_cast<int64_t>(index + 1);
        p.unit = unit;
        p.body_kind = body;
        p.first_year = p.last_year = t.year;
        if (!Field(plans, row, "resolution").empty()) {
          ASSIGN_OR_RETURN(p.resolution, ParseDocumentCode(Field(plans, row, "resolution")));
        }
        ws->plans.push_back(p);
      }
      ws->plans[index].targets.push_back(t);
      RETURN_IF_ERROR(ws->plans[index].Validate());
      if (!Field(plans, row, "stated_percent").empty()) {
        ws->stated_percent[{index, t.indicator}] = Field(plans, row, "stated_percent");
      }
      if (!Field(plans, row, "adjusted_stated_percent").empty()) {
        ws->stated_percent_of_adjusted[{index, t.indicator}] = Field(plans, row, "adjusted_stated_percent");
      }
      return Status::Ok();
    };
    if (Status s = add(); !s.ok()) errors.Add(name, row, s);
  }
  return Status::Ok();
}

}  // namespace

Status LoadDemoData(const std::string& data_dir, Workspace* ws, DemoHistory history) {
  RowErrors errors;
  RETURN_IF_ERROR(ReadDemoResults(data_dir, "results.csv", ws, errors));
  RETURN_IF_ERROR(ReadDemoPlans(data_dir, "plans.csv", ws, errors));
  if (history == DemoHistory::kWith) {
    RETURN_IF_ERROR(ReadDemoResults(data_dir, "history_results.csv", ws, errors));
    RETURN_IF_ERROR(ReadDemoPlans(data_dir, "history_plans.csv", ws, errors));
  }
  return errors.ToStatus();
}

}  // namespace kiemdem::cli
