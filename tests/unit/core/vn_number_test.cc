#include "core/vn_number.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

double Parse(const char* s) { return ParseVietnameseNumber(s)->value; }

TEST(VietnameseNumber, ParsesReportFigures) {
  EXPECT_DOUBLE_EQ(Parse("2.317,8"), 2317.8);
  EXPECT_DOUBLE_EQ(Parse("19.885.177.001"), 19885177001.0);
  EXPECT_DOUBLE_EQ(Parse("10.144.992.938"), 10144992938.0);
  EXPECT_DOUBLE_EQ(Parse("1.500"), 1500);
  EXPECT_DOUBLE_EQ(Parse("5,5"), 5.5);
  EXPECT_DOUBLE_EQ(Parse("92,9"), 92.9);
  EXPECT_DOUBLE_EQ(Parse("0,24"), 0.24);
  EXPECT_DOUBLE_EQ(Parse("308"), 308);
  EXPECT_DOUBLE_EQ(Parse("-3"), -3);
  EXPECT_DOUBLE_EQ(Parse("2 317,8"), 2317.8);
  EXPECT_DOUBLE_EQ(Parse("22.5"), 22.5);  // typed with an English decimal point
}

TEST(VietnameseNumber, CountsDecimalsAsWritten) {
  EXPECT_EQ(ParseVietnameseNumber("66,66")->decimals, 2);
  EXPECT_EQ(ParseVietnameseNumber("88")->decimals, 0);
  EXPECT_EQ(ParseVietnameseNumber("98,4")->decimals, 1);
}

TEST(VietnameseNumber, RejectsMalformedTextWithReason) {
  EXPECT_EQ(ParseVietnameseNumber("").status().message(), "'' is not a number: it is empty");
  EXPECT_EQ(ParseVietnameseNumber("12,3,4").status().message(),
            "'12,3,4' is not a number: it has more than one decimal comma");
  EXPECT_EQ(ParseVietnameseNumber("1.23.4").status().message_vi(),
            "'1.23.4' không phải là số: phần nghìn phải nhóm ba chữ số bằng dấu '.' (ví dụ 19.885.177.001)");
  EXPECT_FALSE(ParseVietnameseNumber("abc").ok());
  EXPECT_FALSE(ParseVietnameseNumber("12a").ok());
  EXPECT_FALSE(ParseVietnameseNumber("1.2345,6").ok());
  EXPECT_FALSE(ParseVietnameseNumber("-").ok());
  EXPECT_FALSE(ParseVietnameseNumber("99999999999999999999999").ok());
}

TEST(VietnameseNumber, Formats) {
  EXPECT_EQ(FormatVietnameseNumber(2317.8), "2.317,8");
  EXPECT_EQ(FormatVietnameseNumber(19885177001.0), "19.885.177.001");
  EXPECT_EQ(FormatVietnameseNumber(88.2746), "88,27");
  EXPECT_EQ(FormatVietnameseNumber(120), "120");
  EXPECT_EQ(FormatVietnameseNumber(-1234.5), "-1.234,5");
  EXPECT_EQ(FormatVietnameseNumber(0.001), "0");
  EXPECT_EQ(FormatVietnameseNumber(-0.001), "0");
  EXPECT_EQ(FormatVietnameseFixed(88.2, 2), "88,20");
  EXPECT_EQ(FormatVietnamesePercent(66.6666), "66,67%");
  EXPECT_EQ(FormatVietnameseNumber(999), "999");
  EXPECT_EQ(FormatVietnameseNumber(1000), "1.000");
}

TEST(VietnameseNumber, RoundTrips) {
  for (double v : {0.0, 1.5, 2317.8, 19885177001.0, 45500000000.0, 0.24, 1234567.89}) {
    EXPECT_DOUBLE_EQ(Parse(FormatVietnameseNumber(v).c_str()), v) << v;
  }
}

TEST(VnNumber, AWorkedOutPercentKeepsOneDecimalOrTheTwoItHas) {
  EXPECT_EQ(FormatReportedPercent(107.5), "107,5%");
  EXPECT_EQ(FormatReportedPercent(96.969696), "97%");
  EXPECT_EQ(FormatReportedPercent(90.0990099), "90,1%");
  EXPECT_EQ(FormatReportedPercent(66.66), "66,66%");
  EXPECT_EQ(FormatPoints(-3.5),
            "\u2212"
            "3,5 điểm %");
  EXPECT_EQ(FormatPoints(0.43), "+0,43 điểm %");
  EXPECT_EQ(FormatPoints(0.001, false), "0 pts");
}

}  // namespace
}  // namespace kiemdem
