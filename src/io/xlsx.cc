#include "io/xlsx.h"

#include <xlsxwriter.h>
#include <zip.h>

#include <cassert>
#include <charconv>
#include <cstdlib>
#include <memory>
#include <optional>
#include <pugixml.hpp>

#include "core/text.h"
#include "io/importer.h"

namespace kiemdem::io {
namespace {

Status NotXlsx(const std::string& file, const std::string& why) {
  return InvalidArgument(file + " is not a complete .xlsx file (" + why + "); save it again from Excel",
                         file + " không phải là tệp .xlsx hoàn chỉnh (" + why + "); hãy lưu lại từ Excel");
}

// Reads one member of the zip archive; empty optional when absent.
std::optional<std::string> ReadMember(zip_t* archive, const char* name) {
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) != 0) return std::nullopt;
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(archive, name, 0), zip_fclose);
  if (!f) return std::nullopt;
  std::string out(st.size, '\0');
  zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) return std::nullopt;
  return out;
}

// The last column and row a worksheet can have (Excel's own limits: XFD, 1 048 576).
constexpr int kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;
constexpr int kNoLetters = -1;  // ColumnIndex: the reference has no column letters
constexpr int kBeyondXfd = -2;  // ColumnIndex: more than three letters, or past XFD

// "C7" -> column index 2; kNoLetters or kBeyondXfd. At most three letters are
// read, so the arithmetic cannot overflow whatever the file says.
int ColumnIndex(std::string_view ref) {
  int col = 0;
  size_t letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return kBeyondXfd;
    col = col * 26 + (c - 'A' + 1);
  }
  if (letters == 0) return kNoLetters;
  if (col > kMaxColumns) return kBeyondXfd;
  return col - 1;
}

// The row number of a <row r="…">: 1..1 048 576, or 0 when it is not one.
int RowNumber(std::string_view text) {
  int row = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), row);
  if (ec != std::errc() || end != text.data() + text.size() || row < 1 || row > kMaxRows) return 0;
  return row;
}

}  // namespace

Result<Sheet> ReadSpreadsheet(std::string_view bytes, const std::string& file_name) {
  auto has_extension = [&](std::string_view ext) {
    if (file_name.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i) {
      char c = file_name[file_name.size() - ext.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != ext[i]) return false;
    }
    return true;
  };
  if (has_extension(".xlsx")) return ReadXlsx(bytes, file_name);
  if (has_extension(".csv")) return ReadCsv(bytes, file_name);
  return InvalidArgument(file_name + ": only .csv and .xlsx files can be imported",
                         file_name + ": chỉ nhập được tệp .csv và .xlsx");
}

Result<Sheet> ReadXlsx(std::string_view bytes, const std::string& file_name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) return NotXlsx(file_name, zip_error_strerror(&error));
  zip_t* raw = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (raw == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return NotXlsx(file_name, why);
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(raw, zip_discard);
  // The first sheet's part, through the workbook and its relationships.
  std::optional<std::string> workbook = ReadMember(archive.get(), "xl/workbook.xml");
  std::optional<std::string> rels = ReadMember(archive.get(), "xl/_rels/workbook.xml.rels");
  if (!workbook || !rels) return NotXlsx(file_name, "no workbook inside");
  pugi::xml_document wb;
  pugi::xml_document rel;
  if (!wb.load_buffer(workbook->data(), workbook->size()) || !rel.load_buffer(rels->data(), rels->size())) {
    return NotXlsx(file_name, "the workbook is damaged");
  }
  pugi::xml_node first = wb.child("workbook").child("sheets").child("sheet");
  if (!first) return NotXlsx(file_name, "the workbook has no sheet");
  std::string sheet_name = first.attribute("name").value();
  std::string rid = first.attribute("r:id").value();
  std::string target;
  for (pugi::xml_node r : rel.child("Relationships").children("Relationship")) {
    if (rid == r.attribute("Id").value()) target = r.attribute("Target").value();
  }
  if (target.empty()) return NotXlsx(file_name, "the first sheet has no part");
  std::string part = target.rfind("/xl/", 0) == 0 ? target.substr(1) : "xl/" + target;
  std::optional<std::string> sheet_xml = ReadMember(archive.get(), part.c_str());
  if (!sheet_xml) return NotXlsx(file_name, "the sheet " + sheet_name + " is missing");
  std::vector<std::string> shared;
  if (std::optional<std::string> ss = ReadMember(archive.get(), "xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!doc.load_buffer(ss->data(), ss->size())) return NotXlsx(file_name, "the shared strings are damaged");
    for (pugi::xml_node si : doc.child("sst").children("si")) {
      std::string text;
      for (pugi::xpath_node t : si.select_nodes(".//t")) text += t.node().text().get();
      shared.push_back(std::move(text));
    }
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(sheet_xml->data(), sheet_xml->size()))
    return NotXlsx(file_name, "the sheet is damaged");
  Sheet sheet;
  sheet.name = file_name + " [" + sheet_name + "]";
  for (pugi::xml_node row : doc.child("worksheet").child("sheetData").children("row")) {
    SheetRow r;
    r.number = static_cast<int>(sheet.rows.size()) + 1;
    if (pugi::xml_attribute number = row.attribute("r")) {
      r.number = RowNumber(number.value());
      if (r.number == 0) {
        return NotXlsx(file_name, "row '" + std::string(number.value()).substr(0, 20) +
                                      "' is not a row number from 1 to 1048576");
      }
    }
    for (pugi::xml_node c : row.children("c")) {
      std::string_view ref = c.attribute("r").value();
      int col = ColumnIndex(ref);
      if (col == kBeyondXfd) {
        return NotXlsx(file_name, "cell " + std::string(ref.substr(0, 20)) + " lies beyond column XFD");
      }
      if (col == kNoLetters) col = static_cast<int>(r.cells.size());
      if (col >= kMaxColumns)
        return NotXlsx(file_name, "row " + std::to_string(r.number) + " has more than 16384 cells");
      assert(col >= 0 && col < kMaxColumns);  // ColumnIndex bounds it
      if (static_cast<int>(r.cells.size()) <= col) r.cells.resize(static_cast<size_t>(col) + 1);
      std::string type = c.attribute("t").value();
      std::string v = c.child("v").text().get();
      std::string text;
      if (type == "s") {
        size_t index = static_cast<size_t>(std::strtoul(v.c_str(), nullptr, 10));
        if (index >= shared.size()) return NotXlsx(file_name, "a cell points to a missing string");
        text = shared[index];
      } else if (type == "inlineStr") {
        for (pugi::xpath_node t : c.select_nodes(".//t")) text += t.node().text().get();
      } else if (type == "str" || type == "b" || type == "e") {
        text = v;
      } else if (!v.empty()) {
        double number = 0;
        auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
        text = ec == std::errc() ? ExactVietnameseNumber(number) : v;
      }
      if (Status u = ValidateUtf8(text); !u.ok()) return NotXlsx(file_name, u.message());
      r.cells.at(static_cast<size_t>(col)) = std::move(text);
    }
    sheet.rows.push_back(std::move(r));
  }
  return sheet;
}

Status WriteXlsx(const Sheet& sheet, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Internal("cannot create " + path, "không tạo được " + path);
  std::string name = sheet.name.substr(0, 31);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.empty() ? nullptr : name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    const SheetRow& row = sheet.rows[r];
    for (size_t c = 0; c < row.cells.size(); ++c) {
      worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), row.cells[c].c_str(),
                             r == 0 ? bold : nullptr);
    }
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::string why = lxw_strerror(err);
    return Internal("cannot write " + path + ": " + why, "không ghi được " + path + ": " + why);
  }
  return Status::Ok();
}

}  // namespace kiemdem::io
