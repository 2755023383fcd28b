#include "io/internal/cells.h"

#include <charconv>

#include "core/text.h"
#include "core/vn_number.h"

namespace kiemdem::io::internal {

namespace {

// `text` cut to at most `max` bytes on a character boundary, with "…" when cut.
std::string Cut(const std::string& text, size_t max) {
  if (text.size() <= max) return text;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return text.substr(0, n) + "…";
}

}  // namespace

void Problems::Add(const SheetRow& row, const std::string& key, const Status& s) const {
  std::string column;
  if (!key.empty()) {
    std::string header = key;
    for (const ColumnSpec& c : *columns) {
      if (c.key == key) header = c.headers.back();
    }
    column = table->ColumnLetter(key) + " (" + header + ")";
  }
  ++out->problem_count;
  ++out->problems_by_column[column];
  if (out->problems.size() >= ImportOutcome::kMaxProblems) return;
  ImportProblem p;
  p.sheet = table->sheet->name;
  p.row = row.number;
  p.column = std::move(column);
  p.message_en = Cut(s.message(), kMaxProblemMessage);
  p.message_vi = Cut(s.message_vi(), kMaxProblemMessage);
  out->problems.push_back(std::move(p));
}

Result<double> Number(const std::string& text) {
  ASSIGN_OR_RETURN(ParsedNumber n, ParseVietnameseNumber(text));
  return n.value;
}

Result<bool> YesNo(const std::string& text) {
  std::string f = FoldForSearch(text);
  if (f.empty() || f == "0" || f == "khong" || f == "no" || f == "false") return false;
  if (f == "1" || f == "co" || f == "x" || f == "yes" || f == "true" || f == "uoc") return true;
  return InvalidArgument("'" + text + "' is not yes/no (có, không, 1, 0, x)",
                         "'" + text + "' không phải có/không (có, không, 1, 0, x)");
}

Result<double> Reached(const std::string& text) {
  std::string f = FoldForSearch(text);
  if (f == "dat") return 1.0;
  if (f == "chua dat" || f == "khong dat") return 0.0;
  return Number(text);
}

Result<std::optional<Date>> DateCell(const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  // A serial as Excel stores it ("45839": a date cell without a date style),
  // or typed with dots between groups of three digits ("45.839").
  std::string serial_text;
  bool serial_shape = text.find_first_not_of("0123456789.") == std::string::npos;
  size_t group = 0;
  for (size_t i = text.size(); serial_shape && i-- > 0;) {
    if (text[i] == '.') {
      serial_shape = group == 3 && i > 0;
      group = 0;
    } else {
      serial_text.insert(serial_text.begin(), text[i]);
      ++group;
    }
  }
  if (serial_shape && !serial_text.empty() && serial_text.size() <= 7) {
    int64_t serial = std::stoll(serial_text);
    // Excel counts days from 30/12/1899 (its 1900 leap-year bug makes every
    // serial from 61 on count from that day).
    if (serial >= 61 && serial < 2958466) {
      return std::optional<Date>(Date::FromDayNumber(-25569 + serial));
    }
  }
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    return InvalidArgument("'" + text + "' is not a date (dd/mm/yyyy): " + d.status().message(),
                           "'" + text + "' không phải ngày (dd/mm/yyyy): " + d.status().message_vi());
  }
  return std::optional<Date>(*d);
}

Result<int> WholeNumber(const std::string& text, int low, int high) {
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) {
    return InvalidArgument(
        "'" + text + "' is not a whole number from " + std::to_string(low) + " to " + std::to_string(high),
        "'" + text + "' không phải số nguyên từ " + std::to_string(low) + " đến " + std::to_string(high));
  }
  return v;
}

SheetRow HeaderRow(const std::vector<ColumnSpec>& columns) {
  SheetRow header{1, {}};
  for (const ColumnSpec& c : columns) header.cells.push_back(c.headers.back());
  return header;
}

std::vector<CellKind> ColumnKinds(const std::vector<ColumnSpec>& columns) {
  std::vector<CellKind> kinds;
  kinds.reserve(columns.size());
  for (const ColumnSpec& c : columns) kinds.push_back(c.kind);
  return kinds;
}

}  // namespace kiemdem::io::internal
