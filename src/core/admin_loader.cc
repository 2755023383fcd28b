#include "core/admin_loader.h"

#include <unordered_map>

#include "core/csv.h"

namespace kiemdem {
namespace {

using CodeMap = std::unordered_map<std::string, UnitId>;

Status AtLine(const char* file, const CsvRow& row, const Status& s) {
  std::string where = std::string(file) + " line " + std::to_string(row.line) + ": ";
  std::string where_vi = std::string(file) + " dòng " + std::to_string(row.line) + ": ";
  return Status(s.code(), where + s.message(), where_vi + s.message_vi());
}

struct Table {
  const char* file;
  CsvTable csv;
  std::string Get(const CsvRow& row, const char* column) const {
    int i = csv.Column(column);
    return i >= 0 && i < static_cast<int>(row.fields.size()) ? row.fields[static_cast<size_t>(i)]
                                                             : std::string();
  }
};

Result<Table> Open(const char* file, const std::string& text, const std::vector<std::string>& columns) {
  Result<CsvTable> csv = ParseCsv(text);
  if (!csv.ok()) {
    return Status(csv.status().code(), std::string(file) + ": " + csv.status().message(),
                  std::string(file) + ": " + csv.status().message_vi());
  }
  RETURN_IF_ERROR(RequireColumns(*csv, columns, file));
  return Table{file, std::move(csv).value()};
}

// Adds every row of a units file; `parent_column` (may be null) names the
// column holding the parent's code in `parents`.
Status AddUnits(const Table& t, const char* parent_column, const CodeMap* parents, std::optional<Date> from,
                std::optional<Date> to, AdminRegistry* reg, CodeMap* out, int* count) {
  for (const CsvRow& row : t.csv.rows) {
    Result<UnitType> type = ParseUnitType(t.Get(row, "unit_type"));
    if (!type.ok()) return AtLine(t.file, row, type.status());
    AdminUnit u;
    u.code = t.Get(row, "code");
    u.valid_from = from;
    u.valid_to = to;
    u.versions.push_back({from.value_or(Date()), t.Get(row, "name"), t.Get(row, "full_name"), *type});
    if (parent_column != nullptr) {
      std::string pc = t.Get(row, parent_column);
      auto it = parents->find(pc);
      if (it == parents->end()) {
        return AtLine(t.file, row,
                      NotFound("parent code " + pc + " of unit " + u.code + " is not in the list",
                               "mã cấp trên " + pc + " của đơn vị " + u.code + " không có trong danh sách"));
      }
      u.parent = it->second;
    }
    std::string code = u.code;
    Result<UnitId> id = reg->Add(std::move(u));
    if (!id.ok()) return AtLine(t.file, row, id.status());
    (*out)[code] = *id;
    ++*count;
  }
  return Status::Ok();
}

}  // namespace

Date ReformDate() { return *Date::FromYmd(2025, 7, 1); }

Result<AdminLoadStats> LoadAdminUnits(const AdminUnitFiles& files, AdminRegistry* reg) {
  AdminLoadStats stats;
  const Date reform = ReformDate();
  const std::vector<std::string> unit_cols = {"code", "name", "full_name", "unit_type"};

  ASSIGN_OR_RETURN(Table old_p, Open("pre2025_provinces.csv", files.pre2025_provinces, unit_cols));
  ASSIGN_OR_RETURN(Table old_d, Open("pre2025_districts.csv", files.pre2025_districts,
                                     {"code", "name", "full_name", "unit_type", "province_code"}));
  ASSIGN_OR_RETURN(Table old_c, Open("pre2025_communes.csv", files.pre2025_communes,
                                     {"code", "name", "full_name", "unit_type", "district_code"}));
  ASSIGN_OR_RETURN(Table new_p, Open("units_2025_provinces.csv", files.units_2025_provinces, unit_cols));
  ASSIGN_OR_RETURN(Table new_c, Open("units_2025_communes.csv", files.units_2025_communes,
                                     {"code", "name", "full_name", "unit_type", "province_code"}));
  ASSIGN_OR_RETURN(Table merge_p, Open("merge_provinces_2025.csv", files.merge_provinces_2025,
                                       {"old_province_code", "new_province_code"}));
  ASSIGN_OR_RETURN(Table merge_c, Open("merge_communes_2025.csv", files.merge_communes_2025,
                                       {"old_code", "old_level", "in_pre2025_list", "new_code", "coverage"}));
  ASSIGN_OR_RETURN(Table changes, Open("changes_after_2025-07-01.csv", files.changes_after_2025_07_01,
                                       {"effective_date", "basis", "level", "code", "field", "new_value"}));

  CodeMap op;
  CodeMap od;
  CodeMap oc;
  CodeMap np;
  CodeMap nc;
  RETURN_IF_ERROR(
      AddUnits(old_p, nullptr, nullptr, std::nullopt, reform, reg, &op, &stats.pre2025_provinces));
  RETURN_IF_ERROR(
      AddUnits(old_d, "province_code", &op, std::nullopt, reform, reg, &od, &stats.pre2025_districts));
  RETURN_IF_ERROR(
      AddUnits(old_c, "district_code", &od, std::nullopt, reform, reg, &oc, &stats.pre2025_communes));
  RETURN_IF_ERROR(AddUnits(new_p, nullptr, nullptr, reform, std::nullopt, reg, &np, &stats.provinces_2025));
  RETURN_IF_ERROR(
      AddUnits(new_c, "province_code", &np, reform, std::nullopt, reg, &nc, &stats.communes_2025));

  for (const CsvRow& row : merge_p.csv.rows) {
    auto from = op.find(merge_p.Get(row, "old_province_code"));
    auto to = np.find(merge_p.Get(row, "new_province_code"));
    if (from == op.end() || to == np.end()) {
      return AtLine(merge_p.file, row,
                    NotFound("a province code of this row is not in the lists",
                             "mã tỉnh của dòng này không có trong danh sách"));
    }
    RETURN_IF_ERROR(reg->AddSuccession(
        {from->second, to->second, reform, Coverage::kFull, "Nghị quyết 202/2025/QH15", std::nullopt}));
    ++stats.province_successions;
  }
  for (const CsvRow& row : merge_c.csv.rows) {
    std::string old_code = merge_c.Get(row, "old_code");
    const CodeMap& old_map = merge_c.Get(row, "old_level") == "district" ? od : oc;
    auto from = old_map.find(old_code);
    if (from == old_map.end()) {
      if (merge_c.Get(row, "in_pre2025_list") == "0") {
        ++stats.stale_pairs_skipped;
        continue;
      }
      return AtLine(merge_c.file, row,
                    NotFound("old code " + old_code + " is not in the pre-2025 lists",
                             "mã cũ " + old_code + " không có trong danh sách trước 2025"));
    }
    std::string new_code = merge_c.Get(row, "new_code");
    auto to = nc.find(new_code);
    if (to == nc.end()) {
      return AtLine(merge_c.file, row,
                    NotFound("new code " + new_code + " is not in the 2025 list",
                             "mã mới " + new_code + " không có trong danh sách 2025"));
    }
    Coverage cov = merge_c.Get(row, "coverage") == "partial" ? Coverage::kPartial : Coverage::kFull;
    RETURN_IF_ERROR(
        reg->AddSuccession({from->second, to->second, reform, cov,
                            "Nghị quyết của UBTVQH về sắp xếp ĐVHC cấp xã năm 2025", std::nullopt}));
    ++stats.commune_successions;
    ++(cov == Coverage::kFull ? stats.full_successions : stats.partial_successions);
  }

  // Changes after the reform: name and type changes of existing units, one
  // field per row; rows of the same unit and date form one new version.
  for (const CsvRow& row : changes.csv.rows) {
    const CodeMap& map = changes.Get(row, "level") == "province" ? np : nc;
    auto it = map.find(changes.Get(row, "code"));
    if (it == map.end()) {
      return AtLine(changes.file, row,
                    NotFound("code " + changes.Get(row, "code") + " is not a 2025 unit",
                             "mã " + changes.Get(row, "code") + " không phải đơn vị 2025"));
    }
    const AdminUnit* u = reg->Get(it->second);
    UnitVersion v = u->Current();
    std::string field = changes.Get(row, "field");
    std::string value = changes.Get(row, "new_value");
    if (field == "unit_type") {
      Result<UnitType> t = ParseUnitType(value);
      if (!t.ok()) return AtLine(changes.file, row, t.status());
      v.type = *t;
    } else if (field == "full_name") {
      v.full_name = value;
    } else if (field == "name") {
      v.name = value;
    } else {
      continue;  // other fields (e.g. codes of administrative seats) are not modelled
    }
    // A row without a date corrects the spelling of the current version.
    std::string date_text = changes.Get(row, "effective_date");
    if (date_text.empty()) {
      v.from = u->Current().from;
    } else {
      Result<Date> when = Date::ParseIso(date_text);
      if (!when.ok()) return AtLine(changes.file, row, when.status());
      v.from = *when;
    }
    if (Status s = reg->AddVersion(it->second, v); !s.ok()) return AtLine(changes.file, row, s);
    ++stats.changes_applied;
  }

  // Other codes for the same unit (both forms circulate in GSO letters).
  if (!files.code_aliases.empty()) {
    ASSIGN_OR_RETURN(Table aliases, Open("code_aliases.csv", files.code_aliases, {"code", "alias_code"}));
    for (const CsvRow& row : aliases.csv.rows) {
      std::string code = aliases.Get(row, "code");
      if (nc.find(code) == nc.end() && np.find(code) == np.end()) {
        return AtLine(
            aliases.file, row,
            NotFound("code " + code + " is not a 2025 unit", "mã " + code + " không phải đơn vị 2025"));
      }
      if (Status s = reg->AddCodeAlias(aliases.Get(row, "alias_code"), code); !s.ok()) {
        return AtLine(aliases.file, row, s);
      }
      ++stats.code_aliases;
    }
  }
  return stats;
}

}  // namespace kiemdem
