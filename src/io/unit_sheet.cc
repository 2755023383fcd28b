// Units in and out of sheets.
#include <map>
#include <set>

#include "io/importer.h"
#include "io/internal/cells.h"

namespace kiemdem::io {

const std::vector<ColumnSpec>& UnitColumns() {
  static const auto* c = new std::vector<ColumnSpec>{
      {"code", {"code", "Mã ĐVHC", "Mã đơn vị"}, true},
      {"name", {"name", "Tên"}, true},
      {"full_name", {"full_name", "Tên đầy đủ"}, false},
      {"type", {"type", "Loại", "Cấp", "Loại đơn vị"}, true},
      {"parent_code", {"parent_code", "Mã cấp trên", "Mã đơn vị cấp trên"}, false},
      {"valid_from", {"valid_from", "Hiệu lực từ ngày", "Từ ngày"}, false, CellKind::kDate},
      {"valid_to", {"valid_to", "Đến ngày", "Hết hiệu lực từ ngày"}, false, CellKind::kDate}};
  return *c;
}

Result<RowsRead<UnitRecord>> ReadUnits(CodeResolver& codes, const Sheet& sheet) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, UnitColumns()));
  RowsRead<UnitRecord> read;
  ImportOutcome& outcome = read.outcome;
  outcome.rows = static_cast<int>(t.data.size());
  internal::Problems problems{&t, &UnitColumns(), &outcome};
  ASSIGN_OR_RETURN(std::vector<UnitRecord> stored, codes.Units());
  std::set<std::string> known;  // codes stored or earlier in the file
  std::multimap<std::string, const UnitRecord*> by_code;
  for (const UnitRecord& u : stored) {
    known.insert(u.code);
    by_code.emplace(u.code, &u);
  }
  std::set<std::string> in_file;
  std::vector<UnitRecord>& rows = read.rows;
  std::map<std::pair<std::string, std::string>, int> seen;
  for (const SheetRow* row : t.data) {
    size_t before = outcome.problem_count;
    UnitRecord u;
    u.code = t.Cell(*row, "code");
    if (u.code.empty() || u.code.find_first_not_of("0123456789") != std::string::npos || u.code.size() > 12) {
      problems.Add(*row, "code",
                   InvalidArgument("'" + u.code + "' is not a unit code (digits, as in the official list)",
                                   "'" + u.code + "' không phải mã đơn vị (chữ số, theo danh mục)"));
    }
    u.name = t.Cell(*row, "name");
    if (u.name.empty()) {
      problems.Add(*row, "name", InvalidArgument("the unit needs a name", "đơn vị cần có tên"));
    }
    Result<UnitType> type = ParseUnitType(t.Cell(*row, "type"));
    if (!type.ok()) problems.Add(*row, "type", type.status());
    u.parent_code = t.Cell(*row, "parent_code");
    if (!u.parent_code.empty() && known.count(u.parent_code) == 0) {
      problems.Add(
          *row, "parent_code",
          NotFound("parent unit " + u.parent_code + " is neither stored nor on an earlier row",
                   "đơn vị cấp trên " + u.parent_code + " chưa có trong cơ sở dữ liệu hay ở dòng trên"));
    }
    Result<std::optional<Date>> from = internal::DateCell(t.Cell(*row, "valid_from"));
    if (!from.ok()) problems.Add(*row, "valid_from", from.status());
    Result<std::optional<Date>> to = internal::DateCell(t.Cell(*row, "valid_to"));
    if (!to.ok()) problems.Add(*row, "valid_to", to.status());
    if (from.ok() && to.ok() && *from && *to && **to <= **from) {
      problems.Add(*row, "valid_to",
                   InvalidArgument("the unit ends on or before it begins",
                                   "ngày hết hiệu lực không sau ngày bắt đầu"));
    }
    if (outcome.problem_count > before) continue;
    if (!u.parent_code.empty() && in_file.count(u.parent_code) == 0 && (*from || *to)) {
      // A stored parent must exist on the unit's first day (or its last one).
      Date anchor = *from ? **from : (*to)->AddDays(-1);
      Result<UnitId> parent = codes.FindUnit(u.parent_code, anchor);
      if (!parent.ok()) {
        problems.Add(*row, "parent_code", parent.status());
        continue;
      }
    }
    // A code is held by one unit of a level at a time.
    for (auto [it, end] = by_code.equal_range(u.code); it != end; ++it) {
      const UnitRecord& other = *it->second;
      bool overlaps = (!other.valid_to || !*from || **from < *other.valid_to) &&
                      (!*to || !other.valid_from || *other.valid_from < **to);
      if (LevelOf(other.type) == LevelOf(*type) && other.valid_from != *from && overlaps) {
        problems.Add(*row, "code",
                     AlreadyExists(
                         "code " + u.code + " is already held by " + other.full_name + " over these dates",
                         "mã " + u.code + " đã thuộc về " + other.full_name + " trong khoảng thời gian này"));
        break;
      }
    }
    if (outcome.problem_count > before) continue;
    u.type = *type;
    // "Phường" + "Quảng Hưng"; a residential group's name is already whole ("Tổ 9").
    u.full_name = t.Cell(*row, "full_name");
    if (u.full_name.empty()) {
      u.full_name =
          LevelOf(u.type) == UnitLevel::kGrassroots ? u.name : UnitTypeNameVi(u.type) + (" " + u.name);
    }
    u.valid_from = *from;
    u.valid_to = *to;
    auto key = std::make_pair(u.code, u.valid_from ? u.valid_from->ToIso() : "");
    if (auto dup = seen.find(key); dup != seen.end()) {
      problems.Add(*row, "code",
                   AlreadyExists("unit " + u.code + " is also on row " + std::to_string(dup->second),
                                 "đơn vị " + u.code + " trùng với dòng " + std::to_string(dup->second)));
      continue;
    }
    seen[key] = row->number;
    known.insert(u.code);
    in_file.insert(u.code);
    rows.push_back(std::move(u));
  }
  return read;
}

Sheet ExportUnits(const std::vector<UnitRecord>& units, const std::string& sheet_name) {
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Danh mục đơn vị hành chính";
  sheet.kinds = internal::ColumnKinds(UnitColumns());
  sheet.rows.push_back(internal::HeaderRow(UnitColumns()));
  for (const UnitRecord& u : units) {
    sheet.rows.push_back(
        {static_cast<int>(sheet.rows.size()) + 1,
         {u.code, u.name, u.full_name, UnitTypeNameVi(u.type), u.parent_code,
          u.valid_from ? u.valid_from->ToVietnamese() : "", u.valid_to ? u.valid_to->ToVietnamese() : ""}});
  }
  return sheet;
}

}  // namespace kiemdem::io
