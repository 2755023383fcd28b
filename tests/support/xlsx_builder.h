// Builds .xlsx files in memory for tests and fuzzers: a sheet's XML (and the
// shared strings, if any) zipped with the workbook parts Excel writes, so a
// test states the cells it means and the reader gets a real archive.
//
//   std::string bytes = testing_xlsx::Workbook(testing_xlsx::Sheet(R"(<row r="1"><c r="A1" ...)"));
#ifndef KIEMDEM_TESTS_SUPPORT_XLSX_BUILDER_H_
#define KIEMDEM_TESTS_SUPPORT_XLSX_BUILDER_H_

#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace testing_xlsx {

using Members = std::vector<std::pair<std::string, std::string>>;

// A zip archive of `members` (name, bytes), deflated (or stored as they are,
// which is faster for fuzzing); empty on a libzip error.
inline std::string Zip(const Members& members, bool deflate = true) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer == nullptr) return "";
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    zip_source_free(buffer);
    return "";
  }
  for (const auto& [name, bytes] : members) {
    zip_source_t* s = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
    zip_int64_t index = s == nullptr ? -1 : zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE);
    if (index < 0 || (!deflate && zip_set_file_compression(archive, static_cast<zip_uint64_t>(index),
                                                           ZIP_CM_STORE, 0) != 0)) {
      if (index < 0) zip_source_free(s);
      zip_discard(archive);
      zip_source_free(buffer);
      return "";
    }
  }
  std::string out;
  if (zip_close(archive) == 0 && zip_source_open(buffer) == 0) {
    char chunk[65536];
    zip_int64_t n = 0;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) out.append(chunk, static_cast<size_t>(n));
    zip_source_close(buffer);
  } else {
    zip_discard(archive);
  }
  zip_source_free(buffer);
  return out;
}

// <worksheet><sheetData>ROWS</sheetData></worksheet>
inline std::string Sheet(const std::string& rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
         rows + "</sheetData></worksheet>";
}

// <sst> of the given strings (already XML-escaped).
inline std::string SharedStrings(const std::vector<std::string>& strings) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const std::string& s : strings) out += "<si><t>" + s + "</t></si>";
  return out + "</sst>";
}

// The members of a one-sheet workbook ("Biểu 01") around `sheet_xml`.
inline Members WorkbookMembers(const std::string& sheet_xml, const std::string& shared_strings = "") {
  Members m = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"xl/workbook.xml",
       "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
       "<sheet name=\"Bi\xe1\xbb\x83u 01\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" "
       "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", sheet_xml},
  };
  if (!shared_strings.empty()) m.emplace_back("xl/sharedStrings.xml", shared_strings);
  return m;
}

inline std::string Workbook(const std::string& sheet_xml, const std::string& shared_strings = "",
                            bool deflate = true) {
  return Zip(WorkbookMembers(sheet_xml, shared_strings), deflate);
}

}  // namespace testing_xlsx

#endif  // KIEMDEM_TESTS_SUPPORT_XLSX_BUILDER_H_
