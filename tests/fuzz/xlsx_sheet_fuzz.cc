// libFuzzer target for the .xlsx reader, aware of its structure: the input
// is the text of a sheet's XML and, after a NUL byte, of the shared strings;
// the harness zips them inside a real workbook (tests/support/xlsx_builder.h),
// so every mutation reaches the XML reader and the cell rules instead of
// dying in the zip layer (a byte-level fuzzer almost never deflates a valid
// sheet: that is how review F1, a reference past XFD, went unseen).
//
// Besides never crashing, a sheet that reads must keep the reader's promises:
// rows within the limits, no row wider than XFD, cells only up to the last
// value of their row, and every cell valid UTF-8. Built and run by scripts/run-fuzz.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/text.h"
#include "io/importer.h"
#include "io/xlsx.h"
#include "tests/support/xlsx_builder.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kiemdem;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nul = in.find('\0');
  std::string sheet(in.substr(0, nul));
  std::string shared = nul == std::string_view::npos ? "" : std::string(in.substr(nul + 1));
  std::string zip = testing_xlsx::Workbook(sheet, shared, /*deflate=*/false);
  if (zip.empty()) return 0;
  // Small limits, so that the limit paths are reached too.
  io::ReadLimits limits;
  limits.max_rows = 50;
  limits.max_cells = 20000;
  limits.max_text_bytes = 64 << 10;
  limits.max_sheet_bytes = 64 << 10;
  limits.max_shared_bytes = 16 << 10;
  Result<io::Sheet> read = io::ReadXlsx(zip, "fuzz.xlsx", limits);
  if (!read.ok()) {
    Check(read.status().code() == StatusCode::kInvalidArgument ||
          read.status().code() == StatusCode::kResourceExhausted);
    return 0;
  }
  Check(read->rows.size() <= limits.max_rows);
  size_t cells = 0;
  for (const io::SheetRow& row : read->rows) {
    Check(row.number >= 1 && row.number <= 1048576);
    Check(!row.cells.empty() && row.cells.size() <= 16384);
    Check(!row.cells.back().empty());  // a row ends at its last value
    for (const std::string& cell : row.cells) Check(ValidateUtf8(cell).ok());
    cells += row.cells.size();
  }
  Check(cells <= limits.max_cells);
  if (Result<io::LocatedTable> t = io::LocateHeader(*read, io::ResultColumns()); t.ok()) {
    for (const io::SheetRow* row : t->data) {
      for (const auto& spec : io::ResultColumns()) (void)t->Cell(*row, spec.key);
    }
  }
  return 0;
}
