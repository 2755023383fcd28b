#include "io/xlsx.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "tests/support/xlsx_builder.h"

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

TEST(Xlsx, BrokenXmlNamesTheLine) {
  Result<io::Sheet> s = ReadXlsx(Workbook("<worksheet>\n<sheetData>\n<row></sheetData>"), "b.xlsx");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("the sheet is damaged (line 3"), std::string::npos)
      << s.status().message();
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
