#include "io/xlsx.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kiemdem::io
