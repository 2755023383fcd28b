// libFuzzer target for CSV imports, aware of their structure: the first byte
// picks the separator and the header's language, the harness writes a valid
// results header, and the rest of the input is the data, so every mutation
// reaches the rows and the cell rules (numbers, periods, yes/no, dates) the
// importer applies instead of failing on a missing header.
//
// Besides never crashing: the reader keeps within its limits, every row
// number grows, and each cell reads as a number, a period or a problem with
// a message. Built and run by scripts/run-fuzz.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/period.h"
#include "io/importer.h"
#include "io/internal/cells.h"
#include "io/table.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace kiemdem;
  if (size == 0) return 0;
  uint8_t choice = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  char sep = (choice & 1) != 0 ? ';' : ',';
  bool vi = (choice & 2) != 0;
  std::string header = vi ? "Mã đơn vị;Mã chỉ tiêu;Kỳ báo cáo;Giá trị;Tử số;Mẫu số;Ước tính"
                          : "unit_code;indicator;period;value;numerator;denominator;estimated";
  for (char& c : header) {
    if (c == ';') c = sep;
  }
  std::string text = ((choice & 4) != 0 ? "\xEF\xBB\xBF" : "") + header + ((choice & 8) != 0 ? "\r\n" : "\n");
  text.append(rest);
  io::ReadLimits limits;
  limits.max_rows = 200;
  limits.max_cells = 2000;
  limits.max_text_bytes = 1 << 16;
  Result<io::Sheet> sheet = io::ReadCsv(text, "fuzz.csv", limits);
  if (!sheet.ok()) {
    Check(!sheet.status().message().empty());
    return 0;
  }
  Check(sheet->rows.size() <= limits.max_rows + 1);
  for (size_t i = 1; i < sheet->rows.size(); ++i) Check(sheet->rows[i].number > sheet->rows[i - 1].number);
  Result<io::LocatedTable> t = io::LocateHeader(*sheet, io::ResultColumns());
  if (!t.ok()) return 0;  // the separator guess can differ when the data's first line holds more ';' than ','
  for (const io::SheetRow* row : t->data) {
    Result<Period> p = Period::Parse(t->Cell(*row, "period"));
    Check(p.ok() || !p.status().message().empty());
    for (const char* key : {"value", "numerator", "denominator"}) {
      Result<double> v = io::internal::Number(t->Cell(*row, key));
      Check(v.ok() || !v.status().message().empty());
    }
    Result<bool> est = io::internal::YesNo(t->Cell(*row, "estimated"));
    Check(est.ok() || !est.status().message().empty());
  }
  return 0;
}
