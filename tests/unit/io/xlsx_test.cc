#include "io/xlsx.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>

#include "tests/support/xlsx_builder.h"
#include "tests/support/zip_member.h"

namespace kiemdem::io {
namespace {

using testing_xlsx::Sheet;
using testing_xlsx::Workbook;

std::string Cell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

Result<io::Sheet> Read(const std::string& rows) { return ReadXlsx(Workbook(Sheet(rows)), "t.xlsx"); }

TEST(Xlsx, ReadsCellsByTheirReference) {
  Result<io::Sheet> s = Read("<row r=\"2\">" + Cell("A2", "00145") + Cell("C2", "THU_NS") + "</row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->name, "t.xlsx [Biểu 01]");
  ASSERT_EQ(s->rows.size(), 1u);
  EXPECT_EQ(s->rows[0].number, 2);
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"00145", "", "THU_NS"}));
}

TEST(Xlsx, LastColumnXfdIsRead) {
  Result<io::Sheet> s = Read("<row r=\"1\">" + Cell("XFD1", "z") + "</row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].cells.size(), 16384u);
  EXPECT_EQ(s->rows[0].cells.back(), "z");
}

// The review's F1: references whose letters overflowed an int and wrote
// outside the row's cells (a crash, or a heap write at a chosen offset).
TEST(Xlsx, ReferencesBeyondXfdAreRefusedNotWritten) {
  for (const char* ref : {"ZZZZZZZZZZZZZZZZZZ1", "MWLQKWU1", "XFE1", "AAAA1"}) {
    Result<io::Sheet> s = Read("<row r=\"1\">" + Cell("A1", "x") + Cell(ref, "y") + "</row>");
    ASSERT_FALSE(s.ok()) << ref;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument) << ref;
    EXPECT_NE(s.status().message().find("lies beyond column XFD"), std::string::npos) << s.status().message();
    EXPECT_NE(s.status().message_vi().find("t.xlsx"), std::string::npos);
  }
}

TEST(Xlsx, RowNumbersOutsideTheSheetAreRefused) {
  for (const char* r : {"0", "-3", "1048577", "99999999999999999999", "7x"}) {
    Result<io::Sheet> s = Read(std::string("<row r=\"") + r + "\">" + Cell("A1", "x") + "</row>");
    ASSERT_FALSE(s.ok()) << r;
    EXPECT_NE(s.status().message().find("is not a row number"), std::string::npos) << s.status().message();
  }
  EXPECT_TRUE(Read("<row r=\"1048576\">" + Cell("A1048576", "x") + "</row>").ok());
}

TEST(Xlsx, CellsWithoutAReferenceFollowEachOther) {
  Result<io::Sheet> s =
      Read("<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].number, 1);
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"a", "b"}));
}

// A zip whose entry for `member` claims `claimed` bytes uncompressed (in the
// local header and in the central directory), as the review's SS-03 did.
std::string ClaimSize(std::string zip, const std::string& member, uint32_t claimed) {
  auto patch = [&](const std::string& sig, size_t name_len_at, size_t name_at, size_t size_at) {
    for (size_t pos = zip.find(sig); pos != std::string::npos; pos = zip.find(sig, pos + 4)) {
      size_t n = static_cast<unsigned char>(zip[pos + name_len_at]) |
                 static_cast<unsigned char>(zip[pos + name_len_at + 1]) << 8;
      if (zip.compare(pos + name_at, n, member) != 0) continue;
      for (int b = 0; b < 4; ++b) zip[pos + size_at + b] = static_cast<char>((claimed >> (8 * b)) & 0xFF);
    }
  };
  patch(std::string("PK\x03\x04", 4), 26, 30, 22);
  patch(std::string("PK\x01\x02", 4), 28, 46, 24);
  return zip;
}

std::string Rows(int n, const std::string& column) {
  std::string rows;
  for (int i = 1; i <= n; ++i) {
    std::string r = std::to_string(i);
    rows += "<row r=\"" + r + "\"><c r=\"" + column + r + "\"><v>1</v></c></row>";
  }
  return rows;
}

// The review's F2: what the file claims, and what it unpacks to, are both bounded.
TEST(Xlsx, AMemberClaimingMoreThanItsBudgetIsRefusedBeforeReading) {
  std::string zip = ClaimSize(Workbook(Sheet(Rows(1, "A"))), "xl/worksheets/sheet1.xml", 3u << 30);
  Result<io::Sheet> s = ReadXlsx(zip, "lie.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kResourceExhausted) << s.status().ToString();
  EXPECT_NE(s.status().message().find("sheet1.xml holds more than 64 MiB"), std::string::npos)
      << s.status().message();
}

TEST(Xlsx, WhatAMemberUnpacksToIsCountedAsItIsRead) {
  ReadLimits limits;
  limits.max_sheet_bytes = 1 << 20;
  std::string blank(3 << 20, ' ');  // a deflate bomb in small: 3 MiB of spaces
  std::string sheet = "<worksheet><sheetData>" + blank + "</sheetData></worksheet>";
  std::string zip = ClaimSize(Workbook(sheet), "xl/worksheets/sheet1.xml", 100);  // and it lies low
  Result<io::Sheet> s = ReadXlsx(zip, "bomb.xlsx", limits);
  ASSERT_FALSE(s.ok());
  // Either the budget stops it or libzip sees the lie; never 3 MiB kept.
  EXPECT_TRUE(s.status().code() == StatusCode::kResourceExhausted ||
              s.status().code() == StatusCode::kInvalidArgument)
      << s.status().ToString();
  s = ReadXlsx(Workbook(sheet), "bomb.xlsx", limits);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kResourceExhausted) << s.status().ToString();
}

TEST(Xlsx, AColumnBombRunsOutOfCellsNotMemory) {
  Result<io::Sheet> s = Read(Rows(2000, "XFD"));  // SS-02: 16 384 cells per 45-byte row
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.status().message().find("more than 2000000 cells"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("reaches column XFD"), std::string::npos) << s.status().message();
}

TEST(Xlsx, EmptyFormattedCellsAndRowsAreNotKept) {
  Result<io::Sheet> s = Read(
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"XFD1\" s=\"3\"/></row>"
      "<row r=\"2\" s=\"1\" customFormat=\"1\"/><row r=\"1048576\"><c r=\"B1048576\" s=\"2\"/></row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->rows.size(), 1u);
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"x"}));
}

TEST(Xlsx, SharedStringsCopiedIntoCellsCountAgainstTheTextBudget) {
  std::string rows;
  for (int i = 1; i <= 300; ++i) rows += "<row r=\"" + std::to_string(i) + "\"><c t=\"s\"><v>0</v></c></row>";
  std::string big(1 << 20, 'x');  // SS-05: one 1 MiB string in 300 cells
  Result<io::Sheet> s = ReadXlsx(Workbook(Sheet(rows), testing_xlsx::SharedStrings({big})), "sst.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(s.status().message().find("more than 64 MiB of text"), std::string::npos) << s.status().message();
}

TEST(Xlsx, RowsBeyondTheLimitAreRefused) {
  ReadLimits limits;
  limits.max_rows = 3;
  EXPECT_TRUE(ReadXlsx(Workbook(Sheet(Rows(3, "A"))), "r.xlsx", limits).ok());
  Result<io::Sheet> s = ReadXlsx(Workbook(Sheet(Rows(4, "A"))), "r.xlsx", limits);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("more than 3 rows"), std::string::npos) << s.status().message();
}

TEST(Xlsx, ADoctypeIsRefusedSoEntitiesCannotExpand) {
  std::string lol =
      "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&b;</t></is></c></row></sheetData></worksheet>";
  Result<io::Sheet> s = ReadXlsx(Workbook(lol), "lol.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("DOCTYPE"), std::string::npos) << s.status().message();
}

TEST(Xlsx, DeepNestingIsRefused) {
  std::string deep;
  for (int i = 0; i < 300000; ++i) deep += "<t>";  // SS-07
  Result<io::Sheet> s = Read("<row><c t=\"inlineStr\"><is>" + deep + "</is></c></row>");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("nests elements more than 64 deep"), std::string::npos)
      << s.status().message();
}

TEST(Xlsx, RichTextJoinsItsRunsAndLeavesOutPhoneticReadings) {
  std::string sst =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><r><t>Giá "
      "</t></r><r><t>trị</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ka</t></rPh></si></sst>";
  Result<io::Sheet> s =
      ReadXlsx(Workbook(Sheet("<row r=\"1\"><c r=\"B1\" t=\"s\"><v>0</v></c></row>"), sst), "r.xlsx");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"", "Giá trị"}));
}

TEST(Xlsx, PrefixedElementsAreRead) {
  std::string sheet =
      "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><x:sheetData>"
      "<x:row r=\"1\"><x:c r=\"A1\"><x:v>2317.8</x:v></x:c></x:row></x:sheetData></x:worksheet>";
  Result<io::Sheet> s = ReadXlsx(Workbook(sheet), "p.xlsx");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"2.317,8"}));
}

// Styles as LibreOffice writes them: style 0 General, 1 a custom date code,
// 2 the built-in date 14, 3 a number format, 4 a date code with a locale and
// quoted text, 5 a number code whose quoted text holds a "d".
std::string Styles() {
  return "<?xml version=\"1.0\"?><styleSheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"General\"/>"
         "<numFmt numFmtId=\"165\" formatCode=\"dd/mm/yyyy\"/>"
         "<numFmt numFmtId=\"166\" formatCode=\"[$-42A]&quot;ngày &quot;d mmmm yyyy\"/>"
         "<numFmt numFmtId=\"167\" formatCode=\"#,##0&quot; đ&quot;\"/></numFmts>"
         "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
         "<cellXfs count=\"6\"><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"14\"/>"
         "<xf numFmtId=\"3\"/><xf numFmtId=\"166\"/><xf numFmtId=\"167\"/></cellXfs></styleSheet>";
}

Result<io::Sheet> ReadStyled(const std::string& rows) {
  testing_xlsx::Members m = testing_xlsx::WorkbookMembers(Sheet(rows));
  m.emplace_back("xl/styles.xml", Styles());
  return ReadXlsx(testing_xlsx::Zip(m), "s.xlsx");
}

// Issue 12: a year typed as 2021 in LibreOffice is a number cell; read through
// the Vietnamese display form it was "2.021", which is no period.
TEST(Xlsx, WholeNumberCellsArePlainDigits) {
  Result<io::Sheet> s = ReadStyled(
      "<row r=\"1\"><c r=\"A1\" s=\"0\" t=\"n\"><v>2021</v></c><c r=\"B1\" s=\"3\"><v>21500000000</v></c>"
      "<c r=\"C1\"><v>2317.8</v></c><c r=\"D1\" s=\"5\"><v>-0.5</v></c><c r=\"E1\"><v>1E3</v></c></row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"2021", "21500000000", "2.317,8", "-0,5", "1000"}));
}

TEST(Xlsx, NumberCellsWithADateStyleAreDates) {
  Result<io::Sheet> s = ReadStyled(
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45839</v></c><c r=\"B1\" s=\"2\"><v>44378.75</v></c>"
      "<c r=\"C1\" s=\"4\"><v>61</v></c><c r=\"D1\" s=\"1\"><v>12</v></c><c r=\"E1\" "
      "s=\"99\"><v>45839</v></c>"
      "<c r=\"F1\" t=\"d\"><v>2021-07-01T00:00:00</v></c></row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  // 12 with a date style is before 1/3/1900, where Excel's serials are wrong: a number.
  // Style 99 does not exist: a number.
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"01/07/2025", "01/07/2021", "01/03/1900", "12",
                                                        "45839", "01/07/2021"}));
}

TEST(Xlsx, AWorkbookWithoutStylesReadsNumbersAsNumbers) {
  Result<io::Sheet> s = Read("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>45839</v></c></row>");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->rows[0].cells, (std::vector<std::string>{"45839"}));
}

TEST(Xlsx, DamagedStylesNameThePart) {
  testing_xlsx::Members m = testing_xlsx::WorkbookMembers(Sheet(""));
  m.emplace_back("xl/styles.xml", "<styleSheet><cellXfs>");
  Result<io::Sheet> s = ReadXlsx(testing_xlsx::Zip(m), "s.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("styles.xml is damaged"), std::string::npos) << s.status().message();
}

TEST(Xlsx, BrokenXmlNamesTheLine) {
  Result<io::Sheet> s = ReadXlsx(Workbook("<worksheet>\n<sheetData>\n<row></sheetData>"), "b.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("the sheet is damaged (line 3"), std::string::npos)
      << s.status().message();
}

std::string FileBytes(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return "";
  std::string out;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return out;
}

io::Sheet TypedSheet() {
  io::Sheet sheet;
  sheet.name = "results";
  sheet.title = "Kết quả thực hiện chỉ tiêu";
  sheet.kinds = {CellKind::kText, CellKind::kYear, CellKind::kNumber, CellKind::kDate};
  sheet.rows = {{1, {"Mã đơn vị", "Năm", "Giá trị", "Ngày"}},
                {2, {"00145", "2021", "19.885.177.001", "01/07/2025"}},
                {3, {"00145", "2022", "66,67", ""}},
                {4, {"00145", "2023", "chưa có", "không rõ"}}};
  return sheet;
}

// Issue 12: exported figures were text cells ("19.885.177.001"), so SUM gave 0.
TEST(XlsxWrite, NumbersYearsAndDatesAreTypedCells) {
  std::string path = testing::TempDir() + "typed.xlsx";
  ASSERT_TRUE(WriteXlsx(TypedSheet(), path).ok());
  std::string xml = testing_zip::MemberOfFile(path, "xl/worksheets/sheet1.xml");
  ASSERT_FALSE(xml.empty());
  // Row 1 is the title, row 2 the header; numbers carry no t="s".
  EXPECT_NE(xml.find("<c r=\"B3\" s=\""), std::string::npos) << xml;
  EXPECT_NE(xml.find("><v>2021</v></c>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("><v>19885177001</v></c>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("><v>66.67</v></c>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("><v>45839</v></c>"), std::string::npos) << xml;    // 01/07/2025
  EXPECT_NE(xml.find("<c r=\"A3\" t=\"s\""), std::string::npos) << xml;  // the code stays text
  EXPECT_NE(xml.find("<c r=\"C5\" t=\"s\""), std::string::npos) << xml;  // "chưa có" stays text
  EXPECT_NE(xml.find("<mergeCell ref=\"A1:D1\"/>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("topLeftCell=\"A3\""), std::string::npos) << xml;  // frozen under the header
  EXPECT_NE(xml.find("<col "), std::string::npos) << xml;               // widths
  std::string styles = testing_zip::MemberOfFile(path, "xl/styles.xml");
  for (const char* code : {"formatCode=\"#,##0\"", "formatCode=\"#,##0.00\"", "formatCode=\"dd/mm/yyyy\""}) {
    EXPECT_NE(styles.find(code), std::string::npos) << code << "\n" << styles;
  }
}

TEST(XlsxWrite, WhatIsWrittenReadsBackAsIt) {
  std::string path = testing::TempDir() + "back.xlsx";
  io::Sheet sheet = TypedSheet();
  ASSERT_TRUE(WriteXlsx(sheet, path).ok());
  Result<io::Sheet> back = ReadXlsx(FileBytes(path), "back.xlsx");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->rows.size(), 5u);
  EXPECT_EQ(back->rows[0].cells, (std::vector<std::string>{"Kết quả thực hiện chỉ tiêu"}));
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    std::vector<std::string> want = sheet.rows[r].cells;
    if (r == 1) want[2] = "19885177001";  // a whole number reads back as plain digits
    if (r == 2) want.pop_back();          // an empty last cell is not kept
    EXPECT_EQ(back->rows[r + 1].cells, want) << "row " << r + 1;
  }
}

// Percentages are number cells holding the figure (66,67, not 0,6667) shown with a "%": a SUM
// sees the figures and a re-import reads them as they were.
TEST(XlsxWrite, PercentagesAreNumbersShownWithAPercentSign) {
  io::Sheet sheet;
  sheet.name = "so-sanh";
  sheet.kinds = {CellKind::kText, CellKind::kPercent};
  sheet.rows = {{1, {"Đơn vị", "% KH"}}, {2, {"Phường Cửa Nam", "66,67"}}, {3, {"Phường Hàng Bạc", "115"}}};
  std::string path = testing::TempDir() + "percent.xlsx";
  ASSERT_TRUE(WriteXlsx(sheet, path).ok());
  std::string xml = testing_zip::MemberOfFile(path, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("><v>66.67</v></c>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("><v>115</v></c>"), std::string::npos) << xml;
  std::string styles = testing_zip::MemberOfFile(path, "xl/styles.xml");
  for (const char* code : {"formatCode=\"#,##0.00&quot;%&quot;\"", "formatCode=\"#,##0&quot;%&quot;\""}) {
    EXPECT_NE(styles.find(code), std::string::npos) << code << "\n" << styles;
  }
  Result<io::Sheet> back = ReadXlsx(FileBytes(path), "percent.xlsx");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->rows[1].cells, (std::vector<std::string>{"Phường Cửa Nam", "66,67"}));
  EXPECT_EQ(back->rows[2].cells, (std::vector<std::string>{"Phường Hàng Bạc", "115"}));
}

// Excel's limit of 31 counts characters: a cut at 31 bytes split "ệ" in two and
// left a workbook Excel calls damaged; "/" or ":" made libxlsxwriter refuse the
// name, so the sheet was called "Sheet1".
TEST(XlsxWrite, SheetNamesAreCutAt31CharactersAndLoseForbiddenOnes) {
  struct Case {
    std::string name;
    std::string sheet;
  };
  const std::vector<Case> cases = {
      {"Kết quả thực hiện chỉ tiêu phường Long Biên năm 2025", "Kết quả thực hiện chỉ tiêu phườ"},
      {"Kế hoạch 2025/2026: [dự kiến] *?\\", "Kế hoạch 20252026 dự kiến "},
      {"'đơn vị'", "đơn vị"},
  };
  for (const Case& c : cases) {
    io::Sheet sheet = TypedSheet();
    sheet.name = c.name;
    std::string path = testing::TempDir() + "named.xlsx";
    ASSERT_TRUE(WriteXlsx(sheet, path).ok()) << c.name;
    std::string workbook = testing_zip::MemberOfFile(path, "xl/workbook.xml");
    EXPECT_NE(workbook.find("<sheet name=\"" + c.sheet + "\""), std::string::npos) << c.name << "\n"
                                                                                   << workbook;
    Result<io::Sheet> back = ReadXlsx(FileBytes(path), "named.xlsx");
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_EQ(back->name, "named.xlsx [" + c.sheet + "]");
  }
}

TEST(XlsxWrite, BytesAreTheSameWorkbook) {
  io::Sheet sheet = TypedSheet();
  Result<std::string> bytes = XlsxBytes(sheet);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  ASSERT_EQ(bytes->substr(0, 2), "PK");
  Result<io::Sheet> back = ReadXlsx(*bytes, "bytes.xlsx");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->rows.size(), 5u);
}

TEST(Csv, AnExportStartsWithTheBomAndQuotesWhatNeedsIt) {
  io::Sheet sheet;
  sheet.title = "So sánh";
  sheet.rows = {{1, {"Đơn vị", "Kết quả"}}, {2, {"Phường Cửa Nam, Hà Nội", "2317.8"}}};
  EXPECT_EQ(io::CsvBytes(sheet),
            "\xEF\xBB\xBFSo sánh\r\nĐơn vị,Kết quả\r\n\"Phường Cửa Nam, Hà Nội\",2317.8\r\n");
}

TEST(Csv, FieldsAndRowsAreBounded) {
  ReadLimits limits;
  limits.max_cells = 10;
  Result<io::Sheet> s = ReadCsv(std::string(100, ','), "c.csv", limits);  // a line of commas
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(
      s.status().message().find("c.csv is too large to import: line 1: the file has more than 10 cells"),
      std::string::npos)
      << s.status().message();
  limits = ReadLimits();
  limits.max_rows = 2;
  EXPECT_TRUE(ReadCsv("a\n1\n2\n", "c.csv", limits).ok());
  s = ReadCsv("a\n1\n2\n3\n", "c.csv", limits);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("more than 2 rows"), std::string::npos) << s.status().message();
  limits.max_text_bytes = 4;
  EXPECT_EQ(ReadCsv("a\n1\n2\n", "c.csv", limits).status().code(), StatusCode::kResourceExhausted);
}

}  // namespace
}  // namespace kiemdem::io
