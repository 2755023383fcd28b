#include "core/csv.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(Csv, ParsesQuotesBomAndLineEnds) {
  Result<CsvTable> t = ParseCsv(
      "\xEF\xBB\xBF"
      "code,name\r\n01,\"Hà Nội, thủ đô\"\r\n02,\"say \"\"hi\"\"\"\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header, (std::vector<std::string>{"code", "name"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].fields[1], "Hà Nội, thủ đô");
  EXPECT_EQ(t->rows[1].fields[1], "say \"hi\"");
  EXPECT_EQ(t->rows[1].line, 3);
  EXPECT_EQ(t->Column("name"), 1);
  EXPECT_EQ(t->Column("nope"), -1);
}

TEST(Csv, MultiLineFieldKeepsLineNumbers) {
  Result<CsvTable> t = ParseCsv("a,b\n1,\"x\ny\"\n2,z\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].fields[1], "x\ny");
  EXPECT_EQ(t->rows[1].line, 4);
}

TEST(Csv, ReportsWhereItBreaks) {
  EXPECT_EQ(ParseCsv("a,b\n1,\"open\n2,3\n").status().message(), "line 2: a quoted field is never closed");
  EXPECT_EQ(ParseCsv("a\n\xff").status().message(), "invalid UTF-8 at byte 2");
  EXPECT_EQ(ParseCsv("").status().message(), "the file is empty: it has no header row");
}

TEST(Csv, RequireColumnsListsAllMissing) {
  CsvTable t = *ParseCsv("code\n1\n");
  Status s = RequireColumns(t, {"code", "name", "unit"}, "units.csv");
  EXPECT_EQ(s.message(), "units.csv: missing column(s) name, unit");
  EXPECT_EQ(s.message_vi(), "units.csv: thiếu cột name, unit");
}

TEST(Csv, EscapeRoundTrips) {
  std::string line = CsvEscape("a,b") + "," + CsvEscape("say \"x\"") + "," + CsvEscape("plain");
  CsvTable t = *ParseCsv("h1,h2,h3\n" + line + "\n");
  EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{"a,b", "say \"x\"", "plain"}));
}

}  // namespace
}  // namespace kiemdem
