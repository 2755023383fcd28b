// .xlsx in and out: the first sheet (or a named one) as rows of text cells,
// and sheets written with bold headers. A number cell comes back as text that
// every cell reader takes as that number: a whole number as plain digits
// ("2021" is a year and a period, "21500000000" a value), any other in exact
// Vietnamese form ("2.317,8"); a number cell with a date style (a serial) as
// "dd/mm/yyyy"; shared and inline strings as they are.
#ifndef KIEMDEM_IO_XLSX_H_
#define KIEMDEM_IO_XLSX_H_

#include <string>
#include <string_view>

#include "io/table.h"

namespace kiemdem::io {

// Reads the first worksheet of an .xlsx file held in memory. A file that is
// not a complete .xlsx (truncated, another format, a cell beyond XFD) is
// kInvalidArgument naming it; one that needs more than `limits` allow is
// kResourceExhausted naming the limit. The sheet and shared strings are
// streamed out of the zip through an XML parser, so memory follows what is
// kept (the cells with a value), not the size of the XML or what the zip
// claims; a DOCTYPE (entity tricks) is refused.
Result<Sheet> ReadXlsx(std::string_view bytes, const std::string& file_name, const ReadLimits& limits = {});

// A spreadsheet held in memory, read as .xlsx or CSV by its file name's
// extension (either case); any other extension is an error naming the file.
Result<Sheet> ReadSpreadsheet(std::string_view bytes, const std::string& file_name,
                              const ReadLimits& limits = {});

// Writes `sheet` as a one-sheet workbook at `path`.
Status WriteXlsx(const Sheet& sheet, const std::string& path);

// The same workbook as bytes (for a download), written through a private
// temporary file that is removed again.
Result<std::string> XlsxBytes(const Sheet& sheet);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_XLSX_H_
