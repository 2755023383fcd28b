// RFC 4180 CSV text -> rows of fields, with the line each row starts on so
// that errors can say where. Pure parsing: the caller reads the file.
#ifndef KIEMDEM_CORE_CSV_H_
#define KIEMDEM_CORE_CSV_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kiemdem {

struct CsvRow {
  int line = 0;  // 1-based line of the file where the row starts
  std::vector<std::string> fields;
};

// A parsed table: the header row and the data rows.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<CsvRow> rows;

  // Index of a header column, or -1.
  int Column(std::string_view name) const;
};

// How many rows and fields a parse may keep (the header included); beyond
// them ParseCsv stops with kResourceExhausted naming the line. A field costs
// its text and a string object, so a line of commas is counted too.
struct CsvLimits {
  size_t max_rows = SIZE_MAX;
  size_t max_fields = SIZE_MAX;
};

// Parses UTF-8 CSV (a leading BOM is dropped; "\n" or "\r\n" line ends; "," or
// the given delimiter). Fails on invalid UTF-8 (naming the byte offset), an
// unterminated quote (naming its line), a file with no header, or a file
// beyond `limits`.
Result<CsvTable> ParseCsv(std::string_view text, char delimiter = ',', const CsvLimits& limits = {});

// Checks that every name in `required` is a header column; the error lists
// all missing ones.
Status RequireColumns(const CsvTable& table, const std::vector<std::string>& required,
                      std::string_view file_name);

// Quotes a field for CSV output where needed.
std::string CsvEscape(std::string_view field);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_CSV_H_
