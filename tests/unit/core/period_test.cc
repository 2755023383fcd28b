#include "core/period.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(Period, KindsFollowFromMonths) {
  EXPECT_EQ(Period::Month(2018, 10)->kind(), PeriodKind::kMonth);
  EXPECT_EQ(Period::Quarter(2018, 3)->kind(), PeriodKind::kQuarter);
  EXPECT_EQ(Period::FirstMonths(2021, 6)->kind(), PeriodKind::kFirstHalf);
  EXPECT_EQ(Period::SecondHalf(2021)->kind(), PeriodKind::kSecondHalf);
  EXPECT_EQ(Period::FirstMonths(2018, 9)->kind(), PeriodKind::kCumulative);
  EXPECT_EQ(Period::FirstMonths(2018, 12)->kind(), PeriodKind::kYear);
  EXPECT_EQ(Period::Months(2018, 11, 12)->kind(), PeriodKind::kRange);
  EXPECT_EQ(*Period::Quarter(2020, 1), *Period::FirstMonths(2020, 3));
}

TEST(Period, LabelsAsReportsWriteThem) {
  EXPECT_EQ(Period::FirstMonths(2018, 10)->LabelVi(), "10 tháng năm 2018");
  EXPECT_EQ(Period::FirstMonths(2021, 6)->LabelVi(), "6 tháng đầu năm 2021");
  EXPECT_EQ(Period::SecondHalf(2021)->LabelVi(), "6 tháng cuối năm 2021");
  EXPECT_EQ(Period::Quarter(2018, 3)->LabelVi(), "quý III/2018");
  EXPECT_EQ(Period::Month(2020, 3)->LabelVi(), "tháng 3/2020");  // prose does not pad the month
  EXPECT_EQ(Period::Month(2020, 11)->LabelVi(), "tháng 11/2020");
  EXPECT_EQ(Period::Year(2016)->LabelVi(), "năm 2016");
  EXPECT_EQ(Period::Months(2018, 11, 12)->LabelVi(), "2 tháng cuối năm 2018");  // seed-1
  EXPECT_EQ(Period::Months(2018, 4, 5)->LabelVi(), "tháng 4-5/2018");
  EXPECT_EQ(Period::FirstMonths(2018, 9)->LabelEn(), "first 9 months of 2018");
  EXPECT_EQ(Period::Quarter(2018, 4)->LabelEn(), "Q4 2018");
}

TEST(Period, KeysRoundTrip) {
  for (const char* key :
       {"2018", "2018-10", "2018-Q3", "2018-H1", "2018-H2", "2018-01/2018-10", "2018-11/2018-12"}) {
    Result<Period> p = Period::Parse(key);
    ASSERT_TRUE(p.ok()) << key << ": " << p.status().ToString();
    EXPECT_EQ(p->Key(), key);
  }
  EXPECT_EQ(Period::Parse("2018-01/2018-12")->Key(), "2018");
  EXPECT_EQ(Period::Parse("2021-01/2021-06")->Key(), "2021-H1");
  EXPECT_EQ(Period::Parse("2018-10")->SpecKey(), "2018-10");
  EXPECT_EQ(Period::Parse("2018-Q1")->SpecKey(), "2018-01/2018-03");
}

TEST(Period, RejectsPeriodsOutsideAYear) {
  EXPECT_EQ(Period::Month(2018, 13).status().message(), "month 13 is not 1-12");
  EXPECT_EQ(Period::Quarter(2018, 5).status().message_vi(), "quý 5 không nằm trong 1-4");
  EXPECT_EQ(Period::Parse("2018-11/2019-02").status().message(),
            "'2018-11/2019-02' spans two years; a period lies in one year");
  EXPECT_FALSE(Period::Months(2018, 10, 3).ok());
  EXPECT_FALSE(Period::FirstMonths(2018, 0).ok());
  EXPECT_FALSE(Period::Year(1800).ok());
  EXPECT_FALSE(Period::Parse("").ok());
  EXPECT_FALSE(Period::Parse("2018-Q").ok());
  EXPECT_FALSE(Period::Parse("abcd").ok());
  EXPECT_FALSE(Period::Parse("2018-00").ok());
}

TEST(Period, SamePeriodLastYearAndContainment) {
  Period p = *Period::FirstMonths(2018, 10);
  EXPECT_EQ(p.SamePeriodLastYear().Key(), "2017-01/2017-10");
  EXPECT_TRUE(p.Contains(*Period::Quarter(2018, 3)));
  EXPECT_FALSE(p.Contains(*Period::Quarter(2018, 4)));
  EXPECT_FALSE(p.Contains(*Period::Quarter(2017, 3)));
  EXPECT_EQ(p.month_count(), 10);
}

TEST(ReportingWindow, FollowsDecree09CutOffs) {
  ReportingRegime decree09;
  auto window = [&](const Period& p) {
    DateRange r = *ReportingWindow(p, decree09);
    return r.from.ToVietnamese() + "-" + r.to.ToVietnamese();
  };
  EXPECT_EQ(window(*Period::Month(2019, 6)), "15/05/2019-14/06/2019");
  EXPECT_EQ(window(*Period::Month(2019, 1)), "15/12/2018-14/01/2019");
  EXPECT_EQ(window(*Period::Quarter(2019, 3)), "15/06/2019-14/09/2019");
  EXPECT_EQ(window(*Period::FirstMonths(2019, 6)), "15/12/2018-14/06/2019");
  EXPECT_EQ(window(*Period::SecondHalf(2019)), "15/06/2019-14/12/2019");
  EXPECT_EQ(window(*Period::Year(2019)), "15/12/2018-14/12/2019");
  EXPECT_EQ(window(*Period::FirstMonths(2019, 9)), "15/12/2018-14/09/2019");
}

TEST(ReportingWindow, StatisticalAndOtherRegimes) {
  ReportingRegime stat{ReportingRegime::Convention::kStatistical};
  DateRange r = *ReportingWindow(*Period::Month(2024, 2), stat);
  EXPECT_EQ(r.from.ToVietnamese(), "01/02/2024");
  EXPECT_EQ(r.to.ToVietnamese(), "29/02/2024");
  // The Government Inspectorate's 9-month report: 16 Dec -> 15 Sep.
  ReportingRegime inspection{ReportingRegime::Convention::kManagement, 15};
  r = *ReportingWindow(*Period::FirstMonths(2019, 9), inspection);
  EXPECT_EQ(r.from.ToVietnamese(), "16/12/2018");
  EXPECT_EQ(r.to.ToVietnamese(), "15/09/2019");
  ReportingRegime bad{ReportingRegime::Convention::kManagement, 31};
  EXPECT_EQ(ReportingWindow(*Period::Month(2019, 1), bad).status().message(), "cut-off day 31 is not 1-28");
}

}  // namespace
}  // namespace kiemdem
