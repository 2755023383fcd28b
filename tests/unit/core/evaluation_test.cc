#include "core/evaluation.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Indicator Make(const char* code, Direction dir, TimeAggregation time = TimeAggregation::kFlow) {
  Indicator i;
  i.code = code;
  i.name_vi = code;
  i.name_en = code;
  i.unit = "đơn vị";
  i.direction = dir;
  i.time = time;
  return i;
}

Target T(const char* code, int year, double value, Comparator c = Comparator::kAtLeast) {
  Target t;
  t.indicator = code;
  t.year = year;
  t.value = value;
  t.comparator = c;
  return t;
}

Observation O(const char* code, const Period& p, double value, Qualifier q = Qualifier::kExact,
              bool est = false) {
  Observation o;
  o.unit = 1;
  o.indicator = code;
  o.period = p;
  o.value = value;
  o.qualifier = q;
  o.estimated = est;
  return o;
}

// Thanh Sơn 2021: "phát triển đảng viên mới được 12/10 đảng viên, đạt 120%, vượt chỉ tiêu".
TEST(Evaluation, ThanhSonNewPartyMembersExceeded) {
  Indicator ind = Make("DANG_VIEN_MOI", Direction::kHigherIsBetter);
  Period y = *Period::Year(2021);
  IndicatorEvaluation ev =
      *EvaluateIndicator(ind, y, T("DANG_VIEN_MOI", 2021, 10), O("DANG_VIEN_MOI", y, 12), std::nullopt);
  EXPECT_DOUBLE_EQ(*ev.percent_of_plan, 120);
  EXPECT_EQ(ev.status, Attainment::kExceeded);
  EXPECT_STREQ(AttainmentNameVi(ev.status), "vượt");
  EXPECT_FALSE(ev.percent_of_previous.has_value());
}

// Quảng Hưng: poor households, lower is better.
TEST(Evaluation, QuangHungPoorHouseholdsLowerIsBetter) {
  Indicator ind = Make("HO_NGHEO", Direction::kLowerIsBetter, TimeAggregation::kStock);
  Period p = *Period::FirstMonths(2018, 10);
  auto eval = [&](double target) {
    return *EvaluateIndicator(ind, p, T("HO_NGHEO", 2018, target, Comparator::kAtMost), O("HO_NGHEO", p, 115),
                              O("HO_NGHEO", p.SamePeriodLastYear(), 130));
  };
  EXPECT_EQ(eval(120).status, Attainment::kExceeded);  // fewer poor households than allowed
  EXPECT_EQ(eval(115).status, Attainment::kMet);
  IndicatorEvaluation missed = eval(100);
  EXPECT_EQ(missed.status, Attainment::kNotMet);
  EXPECT_DOUBLE_EQ(*missed.percent_of_plan, 115);
  EXPECT_NEAR(*missed.percent_of_previous, 88.4615, 1e-3);
  EXPECT_FALSE(missed.prorated);  // a stock is judged as it stands
}

// Quang Trung 2016: "thu ngân sách phường đạt trên 45 tỷ đồng, bằng 115% so với cùng kỳ".
TEST(Evaluation, QuangTrungSamePeriod) {
  Indicator ind = Make("THU_NS_XA", Direction::kHigherIsBetter);
  Period y = *Period::Year(2016);
  IndicatorEvaluation ev = *EvaluateIndicator(ind, y, std::nullopt, O("THU_NS_XA", y, 45e9, Qualifier::kOver),
                                              O("THU_NS_XA", *Period::Year(2015), 45e9 / 1.15));
  EXPECT_NEAR(*ev.percent_of_previous, 115, 1e-9);
  EXPECT_EQ(ev.status, Attainment::kNoData);  // no target given
}

// "giá trị sản xuất tiểu thủ công nghiệp đạt trên 46 tỷ đồng, bằng 100% kế hoạch".
TEST(Evaluation, QualifierDecidesTies) {
  Indicator ind = Make("GTSX_CN_XD", Direction::kHigherIsBetter);
  Period y = *Period::Year(2016);
  auto status = [&](Qualifier q) {
    return EvaluateIndicator(ind, y, T("GTSX_CN_XD", 2016, 46e9), O("GTSX_CN_XD", y, 46e9, q), std::nullopt)
        ->status;
  };
  EXPECT_EQ(status(Qualifier::kExact), Attainment::kMet);
  EXPECT_EQ(status(Qualifier::kOver), Attainment::kExceeded);
  EXPECT_EQ(status(Qualifier::kUnder), Attainment::kNotMet);
}

// Quảng Hưng 10 tháng 2018: "thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch" (annual plan 33).
TEST(Evaluation, PartYearFlowIsProrated) {
  Indicator ind = Make("DN_MOI", Direction::kHigherIsBetter);
  Period p = *Period::FirstMonths(2018, 10);
  IndicatorEvaluation ev =
      *EvaluateIndicator(ind, p, T("DN_MOI", 2018, 33), O("DN_MOI", p, 32), std::nullopt);
  EXPECT_NEAR(*ev.percent_of_plan, 96.97, 0.01);  // as reported: of the annual plan
  EXPECT_TRUE(ev.prorated);
  EXPECT_DOUBLE_EQ(*ev.judged_against, 27.5);
  EXPECT_EQ(ev.status, Attainment::kExceeded);  // ahead of the 10-month pace
}

// Thanh Sơn 2021: "ước đạt 2.317,8 tỷ đồng, đạt 93% so với kế hoạch".
TEST(Evaluation, EstimatesAreMarked) {
  Indicator ind = Make("GTSX_TONG", Direction::kHigherIsBetter);
  Period y = *Period::Year(2021);
  IndicatorEvaluation ev =
      *EvaluateIndicator(ind, y, T("GTSX_TONG", 2021, 2492.26e9),
                         O("GTSX_TONG", y, 2317.8e9, Qualifier::kExact, true), std::nullopt);
  EXPECT_TRUE(ev.estimated);
  EXPECT_NEAR(*ev.percent_of_plan, 93, 0.01);
  EXPECT_EQ(ev.status, Attainment::kNotMet);
}

TEST(Evaluation, BandsAndEquality) {
  Indicator growth = Make("TANG_DAN_SO", Direction::kTargetBand, TimeAggregation::kStock);
  Period y = *Period::Year(2020);
  Target band = T("TANG_DAN_SO", 2020, 0.8, Comparator::kBand);
  band.value_high = 1.2;
  EXPECT_EQ(EvaluateIndicator(growth, y, band, O("TANG_DAN_SO", y, 1.0), std::nullopt)->status,
            Attainment::kMet);
  EXPECT_EQ(EvaluateIndicator(growth, y, band, O("TANG_DAN_SO", y, 1.3), std::nullopt)->status,
            Attainment::kNotMet);
  Indicator quota = Make("GIAO_QUAN", Direction::kHigherIsBetter, TimeAggregation::kStock);
  Target hundred = T("GIAO_QUAN", 2020, 100, Comparator::kEqual);
  EXPECT_EQ(EvaluateIndicator(quota, y, hundred, O("GIAO_QUAN", y, 100), std::nullopt)->status,
            Attainment::kMet);
  EXPECT_EQ(EvaluateIndicator(quota, y, hundred, O("GIAO_QUAN", y, 95), std::nullopt)->status,
            Attainment::kNotMet);
}

TEST(Evaluation, NoDataAndZeroDivisors) {
  Indicator ind = Make("X", Direction::kHigherIsBetter);
  Period y = *Period::Year(2020);
  IndicatorEvaluation none = *EvaluateIndicator(ind, y, T("X", 2020, 5), std::nullopt, std::nullopt);
  EXPECT_EQ(none.status, Attainment::kNoData);
  EXPECT_STREQ(AttainmentNameVi(none.status), "chưa có số liệu");
  IndicatorEvaluation zero =
      *EvaluateIndicator(ind, y, T("X", 2020, 0), O("X", y, 3), O("X", *Period::Year(2019), 0));
  EXPECT_FALSE(zero.percent_of_plan.has_value());
  EXPECT_FALSE(zero.percent_of_previous.has_value());
  EXPECT_EQ(zero.status, Attainment::kExceeded);
  EXPECT_EQ(
      zero.note_en,
      "last year's figure is 0: % of same period is undefined; the target is 0: % of plan is undefined");
}

TEST(Evaluation, RejectsMismatchedInputs) {
  Indicator ind = Make("X", Direction::kHigherIsBetter);
  Period y = *Period::Year(2020);
  EXPECT_EQ(EvaluateIndicator(ind, y, T("Y", 2020, 1), std::nullopt, std::nullopt).status().message(),
            "the target given is for Y 2020, not X 2020");
  EXPECT_EQ(EvaluateIndicator(ind, y, std::nullopt, O("X", *Period::Year(2019), 1), std::nullopt)
                .status()
                .message(),
            "a result of 2019 was given for 2020");
  EXPECT_EQ(EvaluateIndicator(ind, y, std::nullopt, O("X", y, -4), std::nullopt).status().message(),
            "X 2020: -4 is negative; X cannot be negative");
  Target band = T("X", 2020, 5, Comparator::kBand);
  EXPECT_FALSE(EvaluateIndicator(ind, y, band, std::nullopt, std::nullopt).ok());
}

// Thanh Sơn 2021: "có 12/14 chỉ tiêu đạt và vượt kế hoạch".
TEST(EvaluationSummary, TwelveOfFourteen) {
  std::vector<IndicatorEvaluation> rows(15);
  for (int i = 0; i < 14; ++i) {
    rows[static_cast<size_t>(i)].target = Target{};
    rows[static_cast<size_t>(i)].status = i < 5    ? Attainment::kExceeded
                                          : i < 12 ? Attainment::kMet
                                                   : Attainment::kNotMet;
  }
  rows[14].status = Attainment::kNoData;  // no target: not counted
  EvaluationSummary s = Summarise(rows);
  EXPECT_EQ(s.with_target, 14);
  EXPECT_EQ(s.met_or_exceeded(), 12);
  EXPECT_EQ(s.ToVietnamese(), "12/14 chỉ tiêu đạt và vượt kế hoạch (vượt 5, đạt 7, không đạt 2)");
  EXPECT_EQ(s.ToEnglish(), "12 of 14 targets met or exceeded (5 exceeded, 7 met, 2 not met)");
}

}  // namespace
}  // namespace kiemdem
