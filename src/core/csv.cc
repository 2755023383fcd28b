#include "core/csv.h"

#include "core/text.h"

namespace kiemdem {

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> ParseCsv(std::string_view text, char delimiter, const CsvLimits& limits) {
  RETURN_IF_ERROR(ValidateUtf8(text));
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string field;
  int line = 1;
  row.line = 1;
  bool in_quotes = false;
  int quote_line = 0;
  bool row_has_content = false;
  size_t i = 0;
  size_t fields = 0;  // kept in rows, and in the row being read
  Status full;
  auto over = [&](const std::string& en, const std::string& vi) {
    full = ResourceExhausted("line " + std::to_string(line) + ": the file has more than " + en,
                             "dòng " + std::to_string(line) + ": tệp có hơn " + vi);
  };
  auto end_field = [&]() {
    row.fields.push_back(std::move(field));
    field.clear();
    if (++fields > limits.max_fields)
      over(std::to_string(limits.max_fields) + " cells", std::to_string(limits.max_fields) + " ô");
  };
  auto end_row = [&]() {
    end_field();
    if (row_has_content || row.fields.size() > 1 || !row.fields[0].empty()) {
      rows.push_back(std::move(row));
      if (rows.size() > limits.max_rows)
        over(std::to_string(limits.max_rows - 1) + " rows", std::to_string(limits.max_rows - 1) + " dòng");
    } else {
      fields -= row.fields.size();
    }
    row = CsvRow();
    row_has_content = false;
  };
  while (i < text.size()) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          i += 2;
          continue;
        }
        in_quotes = false;
        ++i;
        continue;
      }
      if (c == '\n') ++line;
      field += c;
      ++i;
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
      row_has_content = true;
      ++i;
      continue;
    }
    if (c == delimiter) {
      end_field();
      if (!full.ok()) return full;
      ++i;
      continue;
    }
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (c == '\n') {
      end_row();
      if (!full.ok()) return full;
      ++line;
      row.line = line;
      ++i;
      continue;
    }
    field += c;
    ++i;
  }
  if (in_quotes) {
    return InvalidArgument("line " + std::to_string(quote_line) + ": a quoted field is never closed",
                           "dòng " + std::to_string(quote_line) + ": một ô trong ngoặc kép không được đóng");
  }
  if (!field.empty() || !row.fields.empty() || row_has_content) end_row();
  if (!full.ok()) return full;
  if (rows.empty()) {
    return InvalidArgument("the file is empty: it has no header row", "tệp trống: không có dòng tiêu đề");
  }
  CsvTable table;
  table.header = std::move(rows.front().fields);
  for (std::string& h : table.header) {
    while (!h.empty() && (h.back() == ' ' || h.back() == '\t')) h.pop_back();
    while (!h.empty() && (h.front() == ' ' || h.front() == '\t')) h.erase(0, 1);
  }
  rows.erase(rows.begin());
  table.rows = std::move(rows);
  return table;
}

Status RequireColumns(const CsvTable& table, const std::vector<std::string>& required,
                      std::string_view file_name) {
  std::string missing;
  for (const std::string& name : required) {
    if (table.Column(name) < 0) missing += (missing.empty() ? "" : ", ") + name;
  }
  if (missing.empty()) return Status::Ok();
  std::string f(file_name);
  return InvalidArgument(f + ": missing column(s) " + missing, f + ": thiếu cột " + missing);
}

std::string CsvEscape(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace kiemdem
