// libFuzzer target for the import readers: bytes read as CSV and as .xlsx,
// then located against the results columns, and as a document (.docx, PDF or
// text by its bytes). An error, a sheet or a text, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/document_text.h"
#include "io/importer.h"
#include "io/xlsx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (auto sheet : {kiemdem::io::ReadCsv(bytes, "fuzz.csv"), kiemdem::io::ReadXlsx(bytes, "fuzz.xlsx")}) {
    if (!sheet.ok()) continue;
    auto table = kiemdem::io::LocateHeader(*sheet, kiemdem::io::ResultColumns());
    if (!table.ok()) continue;
    for (const kiemdem::io::SheetRow* row : table->data) {
      for (const auto& spec : kiemdem::io::ResultColumns()) (void)table->Cell(*row, spec.key);
    }
  }
  (void)kiemdem::io::DocumentText(bytes, "fuzz.bin");
  return 0;
}
