// A sheet of rows as officials' files have them: title rows, then a header
// row (Vietnamese or English names), then data. Read from CSV or .xlsx.
#ifndef KIEMDEM_IO_TABLE_H_
#define KIEMDEM_IO_TABLE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kiemdem::io {

struct SheetRow {
  int number = 0;  // 1-based row (CSV line or spreadsheet row) for messages
  std::vector<std::string> cells;
};

// How a writer stores a column's text cells: as text, as a number (the cell
// holds "2.317,8" in Vietnamese form), a percentage (the number 66,67 shown
// "66,67%", so SUM and a re-import see 66,67), a year ("2021"), or a date
// ("dd/mm/yyyy"). Readers give text whatever the kind.
enum class CellKind { kText, kNumber, kPercent, kYear, kDate };

struct Sheet {
  std::string name;  // file name for CSV, sheet name for .xlsx
  std::vector<SheetRow> rows;
  // For writers: a title above the rows (an .xlsx writes it in row 1, the
  // header then follows), and each column's kind (missing ones are text).
  // rows[0] is the header when `kinds` is set.
  std::string title;
  std::vector<CellKind> kinds;
};

// A column the importer needs: its key and the headers that name it.
struct ColumnSpec {
  std::string key;                   // "unit_code"
  std::vector<std::string> headers;  // {"unit_code", "Mã đơn vị"}; matched without case or diacritics
  bool required = true;
  CellKind kind = CellKind::kText;  // how exports write it
};

// The sheet with its header located: the first row that names every required
// column (rows above it are titles, merged cells and the like).
struct LocatedTable {
  const Sheet* sheet = nullptr;
  int header_row = 0;
  std::map<std::string, int> column;  // key -> index
  std::vector<const SheetRow*> data;  // rows below the header that are not empty

  // The cell of `key` in `row`, or "" (trimmed).
  std::string Cell(const SheetRow& row, const std::string& key) const;
  // "B" for index 1: the spreadsheet letter of a column.
  std::string ColumnLetter(const std::string& key) const;
};

// Fails, naming the sheet and every missing column, when no row is a header.
Result<LocatedTable> LocateHeader(const Sheet& sheet, const std::vector<ColumnSpec>& columns);

// How much a reader may take from one file before it refuses it with
// kResourceExhausted naming the limit: a spreadsheet is untrusted input, and
// what it says about itself (a zip's sizes, a cell's column) is checked, not
// believed. The defaults are the server's (one upload); the CLI reads files
// from its own disk with CommandLine().
struct ReadLimits {
  size_t max_rows = 200'000;                 // rows with at least one value
  size_t max_cells = 2'000'000;              // cells kept, counting empty cells left of a value in its row
  size_t max_text_bytes = size_t{64} << 20;  // the text of every cell and shared string together
  size_t max_sheet_bytes = size_t{64}
                           << 20;  // .xlsx: the sheet's XML, uncompressed, as read (not as claimed)
  size_t max_shared_bytes = size_t{32} << 20;  // .xlsx: sharedStrings.xml, uncompressed
  size_t max_part_bytes = size_t{1} << 20;     // .xlsx: the workbook and its relationships

  // Files an operator imports from the command line: 100 times as much
  // (national imports of millions of rows), still finite.
  static ReadLimits CommandLine();
};

// CSV text (UTF-8, "," or ";" separated, detected from the first lines).
Result<Sheet> ReadCsv(std::string_view text, const std::string& name, const ReadLimits& limits = {});

// The sheet as CSV for Excel: UTF-8 with a byte-order mark (so Vietnamese
// shows right), comma separated, CRLF line ends, fields quoted as needed;
// the title, when set, as a first line of its own.
std::string CsvBytes(const Sheet& sheet);

// "A", "B", …, "Z", "AA".
std::string SpreadsheetColumn(int index);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_TABLE_H_
