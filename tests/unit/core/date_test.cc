#include "core/date.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(Date, ParsesVietnameseAndIsoForms) {
  EXPECT_EQ(Date::Parse("25/11/2018")->ToIso(), "2018-11-25");
  EXPECT_EQ(Date::Parse("27/2/2020")->ToIso(), "2020-02-27");
  EXPECT_EQ(Date::Parse("17-9-2019")->ToIso(), "2019-09-17");
  EXPECT_EQ(Date::Parse("2021-01-19")->ToVietnamese(), "19/01/2021");
  EXPECT_EQ(Date::Parse(" 05/02/2025 ")->ToVietnamese(), "05/02/2025");
}

TEST(Date, WritesTheDateLineOfADecree30Document) {
  // Only days below 10 and the months 1 and 2 take a leading zero.
  EXPECT_EQ(Date::Parse("05/02/2025")->ToDecree30(), "ngày 05 tháng 02 năm 2025");
  EXPECT_EQ(Date::Parse("02/03/2026")->ToDecree30(), "ngày 02 tháng 3 năm 2026");
  EXPECT_EQ(Date::Parse("25/11/2018")->ToDecree30(), "ngày 25 tháng 11 năm 2018");
  EXPECT_EQ(Date::Parse("10/01/2019")->ToDecree30(), "ngày 10 tháng 01 năm 2019");
}

TEST(Date, RejectsImpossibleDatesWithReason) {
  Result<Date> d = Date::Parse("31/02/2021");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), "day 31 does not exist in 2/2021");
  EXPECT_EQ(d.status().message_vi(), "ngày 31 không có trong tháng 2/2021");
  EXPECT_EQ(Date::Parse("12/13/2021").status().message(), "month 13 is not 1-12");
  EXPECT_FALSE(Date::Parse("").ok());
  EXPECT_FALSE(Date::Parse("hôm nay").ok());
  EXPECT_FALSE(Date::Parse("1/1/21").ok());
  EXPECT_FALSE(Date::Parse("99999999999/1/2020").ok());
  EXPECT_EQ(Date::Parse("abc").status().message(), "'abc' is not a date; write dd/mm/yyyy, e.g. 25/11/2018");
}

TEST(Date, LeapYearsAndMonthEnds) {
  EXPECT_TRUE(Date::FromYmd(2024, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(2023, 2, 29).ok());
  EXPECT_TRUE(Date::FromYmd(2000, 2, 29).ok());
  EXPECT_FALSE(Date::FromYmd(1900, 2, 29).ok());
  EXPECT_EQ(EndOfMonth(2024, 2).ToIso(), "2024-02-29");
  EXPECT_EQ(EndOfMonth(2018, 12).ToIso(), "2018-12-31");
}

TEST(Date, ArithmeticAndOrder) {
  Date a = *Date::Parse("30/06/2025");
  Date b = *Date::Parse("01/07/2025");
  EXPECT_LT(a, b);
  EXPECT_EQ(b - a, 1);
  EXPECT_EQ(a.AddDays(1), b);
  EXPECT_EQ(Date::FromDayNumber(0).ToIso(), "1970-01-01");
  EXPECT_EQ(b.year(), 2025);
  EXPECT_EQ(b.month(), 7);
  EXPECT_EQ(b.day(), 1);
}

}  // namespace
}  // namespace kiemdem
