// The rules by which reports and review meetings judge results
// (VIETNAM.md § f), with the seed articles' sentences as cases.
#include "core/evaluation.h"

#include <gtest/gtest.h>

#include "core/observation.h"

namespace kiemdem {
namespace {

Indicator Make(const char* code, Direction dir, TimeAggregation time = TimeAggregation::kFlow,
               ValueKind kind = ValueKind::kNumber) {
  Indicator i;
  i.code = code;
  i.name_vi = code;
  i.name_en = code;
  i.unit = kind == ValueKind::kNumber ? "đơn vị" : "%";
  i.direction = dir;
  i.time = time;
  i.value_kind = kind;
  return i;
}

Indicator Rate(const char* code, Direction dir = Direction::kHigherIsBetter,
               TimeAggregation time = TimeAggregation::kStock) {
  return Make(code, dir, time, ValueKind::kPercent);
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

const Period kTenMonths2018 = *Period::FirstMonths(2018, 10);

IndicatorEvaluation Eval(const Indicator& ind, const Period& p, const std::optional<Target>& t,
                         const std::optional<Observation>& actual,
                         const std::optional<Observation>& previous = std::nullopt) {
  Result<IndicatorEvaluation> ev = EvaluateIndicator(ind, p, t, actual, previous);
  EXPECT_TRUE(ev.ok()) << ev.status().message();
  return ev.ok() ? *ev : IndicatorEvaluation{};
}

// Thanh Sơn 2021: "phát triển đảng viên mới được 12/10 đảng viên, đạt 120%, vượt chỉ tiêu".
TEST(Evaluation, ThanhSonNewPartyMembersExceeded) {
  Indicator ind = Make("DANG_VIEN_MOI", Direction::kHigherIsBetter);
  Period y = *Period::Year(2021);
  IndicatorEvaluation ev = Eval(ind, y, T("DANG_VIEN_MOI", 2021, 10), O("DANG_VIEN_MOI", y, 12));
  EXPECT_DOUBLE_EQ(*ev.percent_of_plan, 120);
  EXPECT_EQ(ev.status, Attainment::kExceeded);
  EXPECT_STREQ(AttainmentNameVi(ev.status), "vượt");
  EXPECT_TRUE(ev.year_verdict);
  EXPECT_FALSE(ev.pace.has_value());  // the year has no pace
  EXPECT_FALSE(ev.percent_of_previous.has_value());
}

// Quảng Hưng 10 tháng 2018: "thành lập 32 doanh nghiệp mới, đạt 97% kế hoạch"
// (the year's plan is 33). % of the year's plan, not yet reached: chưa đạt,
// never vượt and never không đạt; the pace is a separate value with its basis.
TEST(Evaluation, PartYearIsMeasuredAgainstTheYearsPlanAndNotYetJudged) {
  Indicator ind = Make("DN_MOI", Direction::kHigherIsBetter);
  IndicatorEvaluation ev = Eval(ind, kTenMonths2018, T("DN_MOI", 2018, 33), O("DN_MOI", kTenMonths2018, 32));
  EXPECT_NEAR(*ev.percent_of_plan, 96.97, 0.01);  // as reported: of the annual plan, not pro-rated
  EXPECT_EQ(ev.status, Attainment::kInProgress);
  EXPECT_STREQ(AttainmentNameVi(ev.status), "chưa đạt");
  EXPECT_FALSE(ev.year_verdict);
  ASSERT_TRUE(ev.pace.has_value());
  EXPECT_EQ(ev.pace->pace, Pace::kAhead);  // 97% of the year after 10 of 12 months
  EXPECT_NEAR(ev.pace->expected_percent, 83.33, 0.01);
  EXPECT_EQ(ev.pace->basis_vi, "bình quân 10/12 tháng: 83,3% KH năm");
  EXPECT_EQ(ev.pace->basis_en, "even pace, 10 of 12 months: 83.3% of the year's plan");
  EXPECT_STREQ(PaceNameVi(ev.pace->pace), "nhanh");
}

// The same 32 as the year's figure misses the plan; a year estimate ("ước cả
// năm") is judged as the year and marked.
TEST(Evaluation, TheVerdictBelongsToTheYearActualOrEstimate) {
  Indicator ind = Make("DN_MOI", Direction::kHigherIsBetter);
  Period y = *Period::Year(2018);
  IndicatorEvaluation actual = Eval(ind, y, T("DN_MOI", 2018, 33), O("DN_MOI", y, 32));
  EXPECT_EQ(actual.status, Attainment::kNotMet);
  EXPECT_STREQ(AttainmentNameVi(actual.status), "không đạt");
  IndicatorEvaluation estimate =
      Eval(ind, y, T("DN_MOI", 2018, 33), O("DN_MOI", y, 35, Qualifier::kExact, /*est=*/true));
  EXPECT_EQ(estimate.status, Attainment::kExceeded);
  EXPECT_TRUE(estimate.estimated);
  EXPECT_TRUE(estimate.year_verdict);
}

// Seed-1 "Đến nay, phường còn 115 hộ nghèo, cận nghèo": a stock known to month
// 10 stands for the year 2018 only as "số liệu đến tháng 10", with no year
// verdict; so does a sum of 10 months; an estimate of the whole year is judged.
TEST(Evaluation, AFigureForFewerMonthsThanTheYearGetsNoYearVerdict) {
  Period y = *Period::Year(2018);
  Indicator poor = Make("HO_NGHEO", Direction::kLowerIsBetter, TimeAggregation::kStock);
  Result<IndicatorEvaluation> stock =
      EvaluateIndicator(poor, y, T("HO_NGHEO", 2018, 100, Comparator::kAtMost), O("HO_NGHEO", y, 115),
                        std::nullopt, std::nullopt, /*actual_months=*/10);
  ASSERT_TRUE(stock.ok());
  EXPECT_FALSE(stock->year_verdict);
  EXPECT_EQ(stock->status, Attainment::kInProgress) << "not yet under the ceiling, and the year is not known";
  Indicator firms = Make("DN_MOI", Direction::kHigherIsBetter);
  Result<IndicatorEvaluation> sum =
      EvaluateIndicator(firms, y, T("DN_MOI", 2018, 33), O("DN_MOI", y, 32), std::nullopt, std::nullopt, 10);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(sum->status, Attainment::kInProgress);
  ASSERT_TRUE(sum->pace.has_value()) << "paced on the 10 months it stands for";
  EXPECT_EQ(sum->pace->pace, Pace::kAhead);
  EXPECT_NE(sum->pace->basis_vi.find("10/12 tháng"), std::string::npos) << sum->pace->basis_vi;
  Result<IndicatorEvaluation> whole =
      EvaluateIndicator(firms, y, T("DN_MOI", 2018, 33), O("DN_MOI", y, 32), std::nullopt, std::nullopt, 12);
  EXPECT_EQ(whole->status, Attainment::kNotMet);
  Result<IndicatorEvaluation> estimate =
      EvaluateIndicator(firms, y, T("DN_MOI", 2018, 33), O("DN_MOI", y, 35, Qualifier::kExact, /*est=*/true),
                        std::nullopt, std::nullopt, 10);
  EXPECT_TRUE(estimate->year_verdict);
  EXPECT_EQ(estimate->status, Attainment::kExceeded);
}

// Seed-1 "phường đạt chuẩn an toàn vệ sinh thực phẩm", seed-0 "Đảng bộ phường
// đạt tiêu chuẩn trong sạch vững mạnh": reached or not, no percentages;
// reached is đạt (never vượt), counted in x/y; not reached inside the year is
// chưa đạt and, the year over, không đạt.
TEST(Evaluation, AYesNoTargetIsMetOrNotAndCountsInTheSummary) {
  Indicator food =
      Make("ATVSTP_DAT_CHUAN", Direction::kHigherIsBetter, TimeAggregation::kStock, ValueKind::kYesNo);
  Period y = *Period::Year(2018);
  IndicatorEvaluation reached =
      Eval(food, y, T("ATVSTP_DAT_CHUAN", 2018, 1, Comparator::kEqual), O("ATVSTP_DAT_CHUAN", y, 1),
           O("ATVSTP_DAT_CHUAN", y.SamePeriodLastYear(), 0));
  EXPECT_EQ(reached.status, Attainment::kMet);
  EXPECT_FALSE(reached.percent_of_plan || reached.points_from_plan || reached.percent_of_previous ||
               reached.points_from_previous);
  IndicatorEvaluation not_yet =
      Eval(food, kTenMonths2018, T("ATVSTP_DAT_CHUAN", 2018, 1), O("ATVSTP_DAT_CHUAN", kTenMonths2018, 0));
  EXPECT_EQ(not_yet.status, Attainment::kInProgress);
  IndicatorEvaluation missed = Eval(food, y, T("ATVSTP_DAT_CHUAN", 2018, 1), O("ATVSTP_DAT_CHUAN", y, 0));
  EXPECT_EQ(missed.status, Attainment::kNotMet);
  EvaluationSummary s = Summarise(y, {reached, missed});
  EXPECT_EQ(s.with_target, 2);
  EXPECT_EQ(s.met, 1);
  EXPECT_EQ(s.exceeded, 0);
  // Only 1 or 0 is a value.
  Observation two = O("ATVSTP_DAT_CHUAN", y, 2);
  two.unit = 1;
  Status bad = ValidateObservation(two, food);
  EXPECT_EQ(bad.field(), "value");
  EXPECT_NE(bad.message_vi().find("chỉ có đạt (1) hoặc chưa đạt (0)"), std::string::npos) << bad.message_vi();
  // Summed over units it counts those that reached it.
  food.spatial = SpatialAggregation::kSum;
  EXPECT_TRUE(food.Validate().ok());
}

// A target the cumulative figure has already passed is reached for good ("về đích sớm").
TEST(Evaluation, AnAmountPastItsYearTargetInTheYearIsReached) {
  Indicator ind = Make("DN_MOI", Direction::kHigherIsBetter);
  IndicatorEvaluation early =
      Eval(ind, kTenMonths2018, T("DN_MOI", 2018, 33), O("DN_MOI", kTenMonths2018, 36));
  EXPECT_EQ(early.status, Attainment::kExceeded);
  IndicatorEvaluation exact =
      Eval(ind, kTenMonths2018, T("DN_MOI", 2018, 33), O("DN_MOI", kTenMonths2018, 33));
  EXPECT_EQ(exact.status, Attainment::kMet);
}

// Pace: even months as the basis, compared in whole percents as reports state them.
TEST(Evaluation, PaceIsAheadOnOrBehindTheEvenPace) {
  Indicator ind = Make("THU_NS_XA", Direction::kHigherIsBetter);
  Period h1 = *Period::FirstMonths(2018, 6);
  auto pace = [&](double value) {
    return Eval(ind, h1, T("THU_NS_XA", 2018, 100), O("THU_NS_XA", h1, value)).pace->pace;
  };
  EXPECT_EQ(pace(50.2), Pace::kOnPace);
  EXPECT_EQ(pace(40), Pace::kBehind);
  EXPECT_EQ(pace(60), Pace::kAhead);
  EXPECT_EQ(Eval(ind, h1, T("THU_NS_XA", 2018, 100), O("THU_NS_XA", h1, 40)).status, Attainment::kInProgress);
}

// "hoàn thành 100% chỉ tiêu giao quân" in quarter 1 against "= 100%": a rate is
// a level, judged as it stands, never against 25%. No pace for rates.
TEST(Evaluation, RatesAreNeverProrated) {
  Indicator quota = Rate("GIAO_QUAN", Direction::kHigherIsBetter, TimeAggregation::kFlow);
  Period q1 = *Period::Quarter(2019, 1);
  IndicatorEvaluation ev =
      Eval(quota, q1, T("GIAO_QUAN", 2019, 100, Comparator::kEqual), O("GIAO_QUAN", q1, 100));
  EXPECT_EQ(ev.status, Attainment::kMet);
  EXPECT_FALSE(ev.pace.has_value());
  EXPECT_DOUBLE_EQ(*ev.points_from_plan, 0);
  // "tiếp nhận 45 đơn thư, đã giải quyết 38" (84,4%) against 90%: not yet, 5,6 points short.
  Indicator resolved = Rate("DON_THU_GQ", Direction::kHigherIsBetter, TimeAggregation::kFlow);
  IndicatorEvaluation gq = Eval(resolved, kTenMonths2018, T("DON_THU_GQ", 2018, 90),
                                O("DON_THU_GQ", kTenMonths2018, 38.0 / 45 * 100));
  EXPECT_EQ(gq.status, Attainment::kInProgress);
  EXPECT_NEAR(*gq.points_from_plan, -5.56, 0.01);
  EXPECT_FALSE(gq.pace.has_value());
}

// "tỷ lệ lao động qua đào tạo đạt 73%" against 85%, 70% last year: compared in
// percentage points, not as ratios of ratios.
TEST(Evaluation, RatesAreComparedInPercentagePoints) {
  Indicator ind = Rate("LD_QUA_DAO_TAO");
  Period y = *Period::Year(2018);
  IndicatorEvaluation ev = Eval(ind, y, T("LD_QUA_DAO_TAO", 2018, 85), O("LD_QUA_DAO_TAO", y, 73),
                                O("LD_QUA_DAO_TAO", *Period::Year(2017), 70));
  EXPECT_DOUBLE_EQ(*ev.points_from_plan, -12);
  EXPECT_DOUBLE_EQ(*ev.points_from_previous, 3);
  EXPECT_FALSE(ev.percent_of_plan.has_value());
  EXPECT_FALSE(ev.percent_of_previous.has_value());
  EXPECT_EQ(ev.status, Attainment::kNotMet);
  // "tỷ lệ hộ nghèo giảm 0,43%": 0,43 points, lower is better.
  Indicator poor = Rate("TY_LE_HO_NGHEO", Direction::kLowerIsBetter);
  IndicatorEvaluation p = Eval(poor, y, T("TY_LE_HO_NGHEO", 2018, 2, Comparator::kAtMost),
                               O("TY_LE_HO_NGHEO", y, 1.57), O("TY_LE_HO_NGHEO", *Period::Year(2017), 2.0));
  EXPECT_NEAR(*p.points_from_previous, -0.43, 1e-9);
  EXPECT_EQ(p.status, Attainment::kExceeded);
}

// Poor households against "≤ 100": 115 is not met and its % of plan says so
// (100 ÷ 115 = 87%, not "115% KH, đạt"); against "≤ 120" it is better than
// asked (104,3%).
TEST(Evaluation, LowerIsBetterPercentAndVerdictAgree) {
  Indicator ind = Make("HO_NGHEO", Direction::kLowerIsBetter, TimeAggregation::kStock);
  Period y = *Period::Year(2018);
  auto eval = [&](double target) {
    return Eval(ind, y, T("HO_NGHEO", 2018, target, Comparator::kAtMost), O("HO_NGHEO", y, 115),
                O("HO_NGHEO", *Period::Year(2017), 130));
  };
  IndicatorEvaluation missed = eval(100);
  EXPECT_EQ(missed.status, Attainment::kNotMet);
  EXPECT_NEAR(*missed.percent_of_plan, 86.96, 0.01);
  EXPECT_TRUE(missed.percent_inverse);
  EXPECT_NEAR(*missed.percent_of_previous, 88.4615, 1e-3);
  IndicatorEvaluation better = eval(120);
  EXPECT_EQ(better.status, Attainment::kExceeded);
  EXPECT_NEAR(*better.percent_of_plan, 104.35, 0.01);
  EXPECT_EQ(eval(115).status, Attainment::kMet);
  // Seed-1, 10 months: "còn 115 hộ nghèo" is a stock, judged as it stands, not yet the year's.
  IndicatorEvaluation now = Eval(ind, kTenMonths2018, T("HO_NGHEO", 2018, 100, Comparator::kAtMost),
                                 O("HO_NGHEO", kTenMonths2018, 115));
  EXPECT_EQ(now.status, Attainment::kInProgress);
  EXPECT_FALSE(now.pace.has_value());
}

// "xảy ra 17 vụ phạm pháp hình sự" in 10 months against a ceiling of 23 for
// the year: an amount under a ceiling is open until the year ends.
TEST(Evaluation, AnAmountUnderACeilingIsOpenUntilTheYearEnds) {
  Indicator ind = Make("PHAM_PHAP_HS", Direction::kLowerIsBetter);
  IndicatorEvaluation ev = Eval(ind, kTenMonths2018, T("PHAM_PHAP_HS", 2018, 23, Comparator::kAtMost),
                                O("PHAM_PHAP_HS", kTenMonths2018, 17));
  EXPECT_EQ(ev.status, Attainment::kInProgress);
  EXPECT_FALSE(ev.pace.has_value());
  Period y = *Period::Year(2018);
  EXPECT_EQ(Eval(ind, y, T("PHAM_PHAP_HS", 2018, 23, Comparator::kAtMost), O("PHAM_PHAP_HS", y, 17)).status,
            Attainment::kExceeded);
}

// Quang Trung 2016: "giá trị sản xuất tiểu thủ công nghiệp địa phương đạt trên
// 46 tỷ đồng, bằng 100% kế hoạch" is đạt: a qualifier does not break a tie,
// and vượt needs the figure above the plan at the stated precision (0,1%).
TEST(Evaluation, TiesAtTheStatedPrecisionAreMet) {
  Indicator ind = Make("GTSX_CN_XD", Direction::kHigherIsBetter);
  Period y = *Period::Year(2016);
  auto status = [&](double value, Qualifier q) {
    return Eval(ind, y, T("GTSX_CN_XD", 2016, 46e9), O("GTSX_CN_XD", y, value, q)).status;
  };
  EXPECT_EQ(status(46e9, Qualifier::kOver), Attainment::kMet);
  EXPECT_EQ(status(46e9, Qualifier::kExact), Attainment::kMet);
  EXPECT_EQ(status(46e9, Qualifier::kUnder), Attainment::kMet);
  EXPECT_EQ(status(46.02e9, Qualifier::kExact), Attainment::kMet);       // 100,04%: reads 100,0%
  EXPECT_EQ(status(46.03e9, Qualifier::kExact), Attainment::kExceeded);  // 100,07%: reads 100,1%
  EXPECT_EQ(status(45.98e9, Qualifier::kExact), Attainment::kMet);
  EXPECT_EQ(status(45.9e9, Qualifier::kExact), Attainment::kNotMet);
}

// Quang Trung 2016: "thu ngân sách phường đạt trên 45 tỷ đồng, bằng 115% so với
// cùng kỳ" — a figure with no target is "không giao chỉ tiêu", not "chưa có số liệu".
TEST(Evaluation, AFigureWithoutATargetIsNoTargetSet) {
  Indicator ind = Make("THU_NS_XA", Direction::kHigherIsBetter);
  Period y = *Period::Year(2016);
  IndicatorEvaluation ev = Eval(ind, y, std::nullopt, O("THU_NS_XA", y, 45e9, Qualifier::kOver),
                                O("THU_NS_XA", *Period::Year(2015), 45e9 / 1.15));
  EXPECT_NEAR(*ev.percent_of_previous, 115, 1e-9);
  EXPECT_EQ(ev.status, Attainment::kNoTarget);
  EXPECT_STREQ(AttainmentNameVi(ev.status), "không giao chỉ tiêu");
  IndicatorEvaluation none = Eval(ind, y, T("THU_NS_XA", 2016, 5), std::nullopt);
  EXPECT_EQ(none.status, Attainment::kNoData);
  EXPECT_STREQ(AttainmentNameVi(none.status), "chưa có số liệu");
}

// Thanh Sơn 2021: "ước đạt 2.317,8 tỷ đồng, đạt 93% so với kế hoạch".
TEST(Evaluation, EstimatesAreMarked) {
  Indicator ind = Make("GTSX_TONG", Direction::kHigherIsBetter);
  Period y = *Period::Year(2021);
  IndicatorEvaluation ev =
      Eval(ind, y, T("GTSX_TONG", 2021, 2492.26e9), O("GTSX_TONG", y, 2317.8e9, Qualifier::kExact, true));
  EXPECT_TRUE(ev.estimated);
  EXPECT_NEAR(*ev.percent_of_plan, 93, 0.01);
  EXPECT_EQ(ev.status, Attainment::kNotMet);
}

TEST(Evaluation, BandsAndEquality) {
  Indicator growth = Rate("TANG_DAN_SO", Direction::kTargetBand);
  Period y = *Period::Year(2020);
  Target band = T("TANG_DAN_SO", 2020, 0.8, Comparator::kBand);
  band.value_high = 1.2;
  EXPECT_EQ(Eval(growth, y, band, O("TANG_DAN_SO", y, 1.0)).status, Attainment::kMet);
  EXPECT_EQ(Eval(growth, y, band, O("TANG_DAN_SO", y, 1.3)).status, Attainment::kNotMet);
  Indicator quota = Rate("GIAO_QUAN");
  Target hundred = T("GIAO_QUAN", 2020, 100, Comparator::kEqual);
  EXPECT_EQ(Eval(quota, y, hundred, O("GIAO_QUAN", y, 100)).status, Attainment::kMet);
  EXPECT_EQ(Eval(quota, y, hundred, O("GIAO_QUAN", y, 95)).status, Attainment::kNotMet);
}

// Seed-0: "không có hộ tái nghèo" — a zero target, lower is better.
TEST(Evaluation, ZeroTargetsAndZeroDivisors) {
  Indicator relapse = Make("TAI_NGHEO", Direction::kLowerIsBetter, TimeAggregation::kStock);
  Period y = *Period::Year(2016);
  IndicatorEvaluation none =
      Eval(relapse, y, T("TAI_NGHEO", 2016, 0, Comparator::kAtMost), O("TAI_NGHEO", y, 0));
  EXPECT_EQ(none.status, Attainment::kMet);
  EXPECT_FALSE(none.percent_of_plan.has_value());
  EXPECT_EQ(Eval(relapse, y, T("TAI_NGHEO", 2016, 0, Comparator::kAtMost), O("TAI_NGHEO", y, 2)).status,
            Attainment::kNotMet);
  Indicator ind = Make("X", Direction::kHigherIsBetter);
  Period y20 = *Period::Year(2020);
  IndicatorEvaluation zero = Eval(ind, y20, T("X", 2020, 0), O("X", y20, 3), O("X", *Period::Year(2019), 0));
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

std::vector<IndicatorEvaluation> Rows(int exceeded, int met, int rest, Attainment rest_status) {
  std::vector<IndicatorEvaluation> rows;
  auto add = [&](int n, Attainment a) {
    for (int i = 0; i < n; ++i) {
      IndicatorEvaluation r;
      r.target = Target{};
      r.actual = 1;
      r.status = a;
      rows.push_back(r);
    }
  };
  add(exceeded, Attainment::kExceeded);
  add(met, Attainment::kMet);
  add(rest, rest_status);
  return rows;
}

// Thanh Sơn 2021: "có 12/14 chỉ tiêu đạt và vượt kế hoạch".
TEST(EvaluationSummary, TwelveOfFourteenForTheYear) {
  std::vector<IndicatorEvaluation> rows = Rows(5, 7, 2, Attainment::kNotMet);
  IndicatorEvaluation no_target;
  no_target.actual = 3;
  no_target.status = Attainment::kNoTarget;
  rows.push_back(no_target);  // not counted in x/y
  EvaluationSummary s = Summarise(*Period::Year(2021), rows);
  EXPECT_EQ(s.with_target, 14);
  EXPECT_EQ(s.met_or_exceeded(), 12);
  EXPECT_EQ(s.no_target, 1);
  EXPECT_EQ(s.ToVietnamese(), "12/14 chỉ tiêu đạt và vượt kế hoạch (vượt 5, đạt 7, không đạt 2)");
  EXPECT_EQ(s.ToEnglish(), "12 of 14 targets met or exceeded (5 exceeded, 7 met, 2 not met)");
}

// A part-year summary says so: the year's plan, and "chưa đạt" for the rest.
TEST(EvaluationSummary, PartYearFollowsThePeriod) {
  EvaluationSummary s = Summarise(kTenMonths2018, Rows(2, 7, 5, Attainment::kInProgress));
  EXPECT_TRUE(s.part_year);
  EXPECT_EQ(s.in_progress, 5);
  EXPECT_EQ(s.ToVietnamese(),
            "10 tháng năm 2018: 9/14 chỉ tiêu đã đạt kế hoạch năm (vượt 2, đạt 7, chưa đạt 5)");
  EXPECT_EQ(
      s.ToEnglish(),
      "first 10 months of 2018: 9 of 14 targets have reached the year's plan (2 exceeded, 7 met, 5 not yet)");
}

TEST(EvaluationSummary, EstimatesAndMissingFiguresAreCounted) {
  std::vector<IndicatorEvaluation> rows = Rows(1, 1, 0, Attainment::kMet);
  rows[0].estimated = true;
  IndicatorEvaluation missing;
  missing.target = Target{};
  missing.status = Attainment::kNoData;
  rows.push_back(missing);
  EvaluationSummary s = Summarise(*Period::Year(2020), rows);
  EXPECT_EQ(s.ToVietnamese(),
            "2/3 chỉ tiêu đạt và vượt kế hoạch (vượt 1, đạt 1, không đạt 0, chưa có số liệu 1; 1 chỉ tiêu "
            "theo số ước)");
}

}  // namespace
}  // namespace kiemdem

namespace kiemdem {
namespace {

// Seed-4: "Tổng chi ngân sách phường ước đạt: 10.144.992.938/11.492.300.000đ bằng 88% kế hoạch pháp
// lệnh và đạt 98,4% sau điều chỉnh bổ sung". Spending is judged against its estimate as a band.
TEST(Evaluation, SpendingIsJudgedAgainstItsEstimateAsABandNeverExceeded) {
  Indicator spend = Make("CHI_NS", Direction::kTargetBand);
  Period year = *Period::Year(2021);
  IndicatorEvaluation adjusted =
      Eval(spend, year, T("CHI_NS", 2021, 10310000000), O("CHI_NS", year, 10144992938));
  EXPECT_EQ(adjusted.status, Attainment::kMet);  // 98,4% of the adjusted estimate
  EXPECT_NEAR(*adjusted.percent_of_plan, 98.4, 0.05);
  EXPECT_TRUE(adjusted.note_vi.empty()) << adjusted.note_vi;

  IndicatorEvaluation statutory =
      Eval(spend, year, T("CHI_NS", 2021, 11492300000), O("CHI_NS", year, 10144992938));
  EXPECT_EQ(statutory.status, Attainment::kNotMet);  // 88%: under-executed
  EXPECT_NE(statutory.note_vi.find("thực hiện 88,3% dự toán"), std::string::npos) << statutory.note_vi;

  IndicatorEvaluation over = Eval(spend, year, T("CHI_NS", 2021, 100), O("CHI_NS", year, 112));
  EXPECT_EQ(over.status, Attainment::kNotMet) << "an overrun is not 'vượt'";
  EXPECT_NE(over.note_vi.find("chi vượt dự toán (112%)"), std::string::npos) << over.note_vi;

  // Inside the year spending is in progress, whatever its share so far; an overrun is flagged already.
  Period half = *Period::FirstMonths(2021, 6);
  EXPECT_EQ(Eval(spend, half, T("CHI_NS", 2021, 100), O("CHI_NS", half, 60)).status, Attainment::kInProgress);
  EXPECT_NE(Eval(spend, half, T("CHI_NS", 2021, 100), O("CHI_NS", half, 120)).note_vi.find("vượt dự toán"),
            std::string::npos);

  // Both estimates on one target: judged on the adjusted one, the share of the first kept beside it.
  Target both = T("CHI_NS", 2021, 11492300000);
  both.adjusted = 10310000000;
  both.adjusted_by = "15/NQ-HĐND";
  IndicatorEvaluation two = Eval(spend, year, both, O("CHI_NS", year, 10144992938));
  EXPECT_EQ(two.status, Attainment::kMet);
  EXPECT_NEAR(*two.percent_of_plan, 98.4, 0.05);
  EXPECT_DOUBLE_EQ(two.target->value, 10310000000);
  EXPECT_FALSE(two.target->adjusted);
  EXPECT_DOUBLE_EQ(*two.first_set_value, 11492300000);
  EXPECT_NEAR(*two.percent_of_first_set, 88.3, 0.05);
  EXPECT_EQ(two.adjusted_by, "15/NQ-HĐND");
  EXPECT_TRUE(two.note_vi.empty()) << two.note_vi;  // the under-execution note belongs to the first estimate
  // A rate adjusted: points from each.
  Target rate = T("BHYT", 2021, 90);
  rate.adjusted = 88;
  IndicatorEvaluation r = Eval(Rate("BHYT"), year, rate, O("BHYT", year, 89));
  EXPECT_EQ(r.status, Attainment::kExceeded);
  EXPECT_NEAR(*r.points_from_plan, 1, 1e-9);
  EXPECT_NEAR(*r.points_from_first_set, -1, 1e-9);
  // Only a level can be adjusted.
  Target band = T("CHI_NS", 2021, 90, Comparator::kBand);
  band.value_high = 110;
  band.adjusted = 95;
  EXPECT_EQ(band.Validate().field(), "adjusted");

  // A ceiling written as such ("≤ 12 tỷ") keeps its meaning: within it is đạt.
  EXPECT_EQ(
      Eval(spend, year, T("CHI_NS", 2021, 12000000000, Comparator::kAtMost), O("CHI_NS", year, 10144992938))
          .status,
      Attainment::kMet);
}

}  // namespace
}  // namespace kiemdem

namespace kiemdem {
namespace {

Target Growth(const char* code, int year, double percent, TargetForm form = TargetForm::kGrowthPercent,
              Comparator c = Comparator::kAtLeast) {
  Target t = T(code, year, percent, c);
  t.form = form;
  return t;
}

// "Thu ngân sách tăng 10% so với năm 2017": the year's level is last year's × 1,1.
TEST(GrowthTargets, AYearIsJudgedOnLastYearTimesTheGrowth) {
  Indicator thu = Make("THU_NS", Direction::kHigherIsBetter);
  Period y2018 = *Period::Year(2018);
  IndicatorEvaluation ev = Eval(thu, y2018, Growth("THU_NS", 2018, 10), O("THU_NS", y2018, 112),
                                O("THU_NS", *Period::Year(2017), 100));
  ASSERT_TRUE(ev.target.has_value());
  EXPECT_NEAR(ev.target->value, 110, 1e-9);
  EXPECT_EQ(ev.target->form, TargetForm::kLevel);
  ASSERT_TRUE(ev.written_target.has_value());
  EXPECT_EQ(ev.written_target->value, 10);
  EXPECT_NEAR(*ev.percent_of_plan, 112.0 / 110 * 100, 1e-9);
  EXPECT_EQ(ev.status, Attainment::kExceeded);
  EXPECT_NE(ev.note_vi.find("chỉ tiêu tăng 10% so với năm 2017: 110"), std::string::npos) << ev.note_vi;
  // 10,5% growth reached exactly at the stated precision is đạt.
  ev = Eval(thu, y2018, Growth("THU_NS", 2018, 10.5), O("THU_NS", y2018, 110.5),
            O("THU_NS", *Period::Year(2017), 100));
  EXPECT_EQ(ev.status, Attainment::kMet);
}

TEST(GrowthTargets, InsideTheYearLastYearsWholeResultGivesTheLevel) {
  Indicator thu = Make("THU_NS", Direction::kHigherIsBetter);
  Result<IndicatorEvaluation> ev = EvaluateIndicator(thu, kTenMonths2018, Growth("THU_NS", 2018, 10),
                                                     O("THU_NS", kTenMonths2018, 99), std::nullopt, 100.0);
  ASSERT_TRUE(ev.ok());
  EXPECT_NEAR(*ev->percent_of_plan, 90, 1e-9);
  EXPECT_EQ(ev->status, Attainment::kInProgress);
}

TEST(GrowthTargets, WithoutLastYearNothingIsJudgedAndTheReasonIsGiven) {
  Indicator thu = Make("THU_NS", Direction::kHigherIsBetter);
  Period y2018 = *Period::Year(2018);
  IndicatorEvaluation ev = Eval(thu, y2018, Growth("THU_NS", 2018, 10), O("THU_NS", y2018, 112));
  EXPECT_EQ(ev.status, Attainment::kNoData);
  EXPECT_FALSE(ev.percent_of_plan.has_value());
  EXPECT_NE(ev.note_vi.find("cần kết quả năm 2017"), std::string::npos) << ev.note_vi;
  EvaluationSummary s = Summarise(y2018, {ev});
  EXPECT_EQ(s.with_target, 1);
  EXPECT_EQ(s.no_data, 1);
}

// "Giảm tỷ lệ hộ nghèo 0,43 điểm %" from 2,5%: at most 2,07%; compared in points.
TEST(GrowthTargets, ARateTargetWrittenAsAChangeInPoints) {
  Indicator poor = Rate("TL_HO_NGHEO", Direction::kLowerIsBetter);
  Period y2019 = *Period::Year(2019);
  IndicatorEvaluation ev =
      Eval(poor, y2019, Growth("TL_HO_NGHEO", 2019, -0.43, TargetForm::kChangePoints, Comparator::kAtMost),
           O("TL_HO_NGHEO", y2019, 2.0), O("TL_HO_NGHEO", *Period::Year(2018), 2.5));
  EXPECT_NEAR(ev.target->value, 2.07, 1e-9);
  EXPECT_NEAR(*ev.points_from_plan, -0.07, 1e-9);
  EXPECT_EQ(ev.status, Attainment::kExceeded);
  EXPECT_EQ(ev.written_target->FormVi(), "giảm 0,43 điểm % so với năm 2018");
}

TEST(GrowthTargets, FormsRoundTripAndAFallOfAllIsRefused) {
  for (TargetForm f : {TargetForm::kLevel, TargetForm::kGrowthPercent, TargetForm::kChangePoints,
                       TargetForm::kAboveAssigned}) {
    EXPECT_EQ(*ParseTargetForm(TargetFormKey(f)), f);
  }
  EXPECT_EQ(*ParseTargetForm(""), TargetForm::kLevel);
  EXPECT_EQ(ParseTargetForm("percent").status().field(), "form");
  EXPECT_EQ(Growth("THU_NS", 2018, -100).Validate().field(), "value");
  Target band = Growth("THU_NS", 2018, 5, TargetForm::kGrowthPercent, Comparator::kBand);
  band.value_high = 10;
  Result<Target> level = LevelOf(band, {.last_year = 200});
  ASSERT_TRUE(level.ok());
  EXPECT_NEAR(level->value, 210, 1e-9);
  EXPECT_NEAR(*level->value_high, 220, 1e-9);
  EXPECT_EQ(LevelOf(band, {}).status().code(), StatusCode::kFailedPrecondition);
}

// "Kết nạp đảng viên mới vượt 5% chỉ tiêu cấp trên giao": the level is the
// assigned target × 1,05, whatever last year was.
TEST(AssignedShareTargets, TheLevelIsTheAssignedTargetTimesTheShare) {
  Indicator dv = Make("DANG_VIEN_MOI", Direction::kHigherIsBetter);
  Period y = *Period::Year(2020);
  Target above = Growth("DANG_VIEN_MOI", 2020, 5, TargetForm::kAboveAssigned);
  EXPECT_EQ(above.FormVi(), "vượt 5% chỉ tiêu cấp trên giao");
  EXPECT_EQ(above.FormEn(), "5% above the target assigned from above");
  EXPECT_EQ(Growth("DANG_VIEN_MOI", 2020, -10, TargetForm::kAboveAssigned).FormVi(),
            "thấp hơn 10% chỉ tiêu cấp trên giao");
  auto eval = [&](double actual) {
    Result<IndicatorEvaluation> ev =
        EvaluateIndicator(dv, y, above, O("DANG_VIEN_MOI", y, actual), std::nullopt, std::nullopt, 0, 20.0);
    EXPECT_TRUE(ev.ok());
    return *ev;
  };
  IndicatorEvaluation short_of = eval(20);  // the assigned 20 is reached, the committee's own 21 is not
  EXPECT_NEAR(short_of.target->value, 21, 1e-9);
  EXPECT_EQ(short_of.written_target->form, TargetForm::kAboveAssigned);
  EXPECT_EQ(short_of.status, Attainment::kNotMet);
  EXPECT_NE(short_of.note_vi.find("chỉ tiêu vượt 5% chỉ tiêu cấp trên giao: 21"), std::string::npos)
      << short_of.note_vi;
  EXPECT_EQ(eval(21).status, Attainment::kMet);
  EXPECT_EQ(eval(23).status, Attainment::kExceeded);
  // Last year's result is no basis for it; without the assigned target nothing is judged, and why.
  IndicatorEvaluation none =
      Eval(dv, y, above, O("DANG_VIEN_MOI", y, 23), O("DANG_VIEN_MOI", *Period::Year(2019), 18));
  EXPECT_EQ(none.status, Attainment::kNoData);
  EXPECT_NE(none.note_vi.find("cần chỉ tiêu cấp trên giao năm 2020"), std::string::npos) << none.note_vi;
  EXPECT_EQ(Growth("DANG_VIEN_MOI", 2020, -100, TargetForm::kAboveAssigned).Validate().field(), "value");
  // The assigned plan cannot be written against itself.
  Plan assigned;
  assigned.first_year = assigned.last_year = 2020;
  assigned.assigned_by_superior = true;
  assigned.targets = {above};
  EXPECT_EQ(assigned.Validate().field(), "form");
  assigned.assigned_by_superior = false;
  EXPECT_TRUE(assigned.Validate().ok());
}

}  // namespace
}  // namespace kiemdem
