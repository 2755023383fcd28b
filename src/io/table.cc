#include "io/table.h"

#include "core/csv.h"
#include "core/text.h"

namespace kiemdem::io {

std::string CsvBytes(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  if (!sheet.title.empty()) out += CsvEscape(sheet.title) + "\r\n";
  for (const SheetRow& row : sheet.rows) {
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (c > 0) out += ',';
      out += CsvEscape(row.cells[c]);
    }
    out += "\r\n";
  }
  return out;
}

std::string SpreadsheetColumn(int index) {
  std::string out;
  int n = index + 1;
  while (n > 0) {
    int r = (n - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + r));
    n = (n - 1) / 26;
  }
  return out;
}

std::string LocatedTable::Cell(const SheetRow& row, const std::string& key) const {
  auto it = column.find(key);
  if (it == column.end() || it->second >= static_cast<int>(row.cells.size())) return "";
  std::string v = row.cells[static_cast<size_t>(it->second)];
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r')) v.pop_back();
  size_t start = v.find_first_not_of(" \t");
  return start == std::string::npos ? "" : v.substr(start);
}

std::string LocatedTable::ColumnLetter(const std::string& key) const {
  auto it = column.find(key);
  return it == column.end() ? "?" : SpreadsheetColumn(it->second);
}

Result<LocatedTable> LocateHeader(const Sheet& sheet, const std::vector<ColumnSpec>& columns) {
  for (size_t r = 0; r < sheet.rows.size() && r < 30; ++r) {
    const SheetRow& row = sheet.rows[r];
    std::map<std::string, int> found;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      std::string cell = FoldForSearch(row.cells[c]);
      if (cell.empty()) continue;
      for (const ColumnSpec& spec : columns) {
        for (const std::string& h : spec.headers) {
          if (cell == FoldForSearch(h) && !found.count(spec.key)) found[spec.key] = static_cast<int>(c);
        }
      }
    }
    bool all = true;
    for (const ColumnSpec& spec : columns) all = all && (!spec.required || found.count(spec.key));
    if (!all) continue;
    LocatedTable t;
    t.sheet = &sheet;
    t.header_row = row.number;
    t.column = std::move(found);
    for (size_t d = r + 1; d < sheet.rows.size(); ++d) {
      bool empty = true;
      for (const std::string& cell : sheet.rows[d].cells)
        empty = empty && cell.find_first_not_of(" \t\r") == std::string::npos;
      if (!empty) t.data.push_back(&sheet.rows[d]);
    }
    return t;
  }
  std::string missing;
  for (const ColumnSpec& spec : columns) {
    if (spec.required) missing += (missing.empty() ? "" : ", ") + spec.headers.back() + " (" + spec.key + ")";
  }
  return InvalidArgument(sheet.name + ": no header row with the columns " + missing,
                         sheet.name + ": không tìm thấy dòng tiêu đề có các cột " + missing);
}

Result<Sheet> ReadCsv(std::string_view text, const std::string& name, const ReadLimits& limits) {
  if (text.size() > limits.max_text_bytes) {
    std::string mib = std::to_string(limits.max_text_bytes >> 20) + " MiB";
    return ResourceExhausted(
        name + " is too large to import: more than " + mib + "; split it into smaller files",
        name + " quá lớn để nhập: hơn " + mib + "; hãy tách thành các tệp nhỏ hơn");
  }
  // Excel in a Vietnamese locale writes ';' separated CSV.
  size_t line_end = text.find('\n');
  std::string_view first = text.substr(0, line_end);
  size_t commas = 0;
  size_t semicolons = 0;
  for (char c : first) {
    commas += c == ',';
    semicolons += c == ';';
  }
  // The header row counts as a row here, as it does in a spreadsheet.
  CsvLimits csv_limits{limits.max_rows + 1, limits.max_cells};
  Result<CsvTable> csv = ParseCsv(text, semicolons > commas ? ';' : ',', csv_limits);
  if (!csv.ok()) {
    bool full = csv.status().code() == StatusCode::kResourceExhausted;
    std::string en = full ? " is too large to import: " : ": ", vi = full ? " quá lớn để nhập: " : ": ";
    return Status(csv.status().code(), name + en + csv.status().message(),
                  name + vi + csv.status().message_vi());
  }
  Sheet sheet;
  sheet.name = name;
  sheet.rows.push_back({1, csv->header});
  for (CsvRow& r : csv->rows) sheet.rows.push_back({r.line, std::move(r.fields)});
  return sheet;
}

}  // namespace kiemdem::io
