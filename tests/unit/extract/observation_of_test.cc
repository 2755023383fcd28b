#include "extract/observation_of.h"

#include <gtest/gtest.h>

namespace kiemdem::extract {
namespace {

std::vector<Indicator> Catalogue() {
  Indicator so_ho;
  so_ho.code = "HO_NGHEO";
  so_ho.name_vi = "Số hộ nghèo";
  so_ho.unit = "hộ";
  Indicator tdp;
  tdp.code = "TDP_VAN_HOA";
  tdp.name_vi = "Tỷ lệ tổ dân phố văn hoá";
  tdp.unit = "%";
  tdp.value_kind = ValueKind::kFraction;
  return {so_ho, tdp};
}

// A measure covering `quoted` inside `text`.
MeasureFact Measure(const std::string& text, const std::string& quoted, double value,
                    const std::string& unit) {
  MeasureFact m;
  m.span.begin = static_cast<uint32_t>(text.find(quoted));
  m.span.end = m.span.begin + static_cast<uint32_t>(quoted.size());
  m.value = value;
  m.unit = unit;
  m.period = "2018-01/2018-10";
  return m;
}

TEST(ObservationOf, ARateIsNeverStoredInACountAndTheMessageQuotesIt) {
  std::string text = "Tỷ lệ hộ nghèo giảm còn 1,2%.";
  MeasureFact m = Measure(text, "1,2%", 1.2, "%");
  Result<Observation> o = ObservationOf(m, {"HO_NGHEO", "", std::nullopt}, text, Catalogue(), "document:1");
  ASSERT_FALSE(o.ok());
  EXPECT_EQ(o.status().field(), "indicator");
  EXPECT_NE(o.status().message_vi().find("\"1,2%\" là tỷ lệ"), std::string::npos) << o.status().message_vi();
  EXPECT_NE(o.status().message_vi().find("Số hộ nghèo"), std::string::npos);
}

TEST(ObservationOf, AFractionKeepsItsPartsAndIsStoredAsTheirPercentage) {
  std::string text = "8/12 tổ dân phố đạt danh hiệu văn hoá.";
  MeasureFact m = Measure(text, "8/12", 8, "tổ");
  m.total = 12;
  m.span.end = m.span.begin + 4;
  Result<Observation> o =
      ObservationOf(m, {"TDP_VAN_HOA", "", std::nullopt}, text, Catalogue(), "document:7");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->numerator, 8);
  EXPECT_EQ(o->denominator, 12);
  EXPECT_NEAR(o->value, 66.6667, 1e-3);
  EXPECT_EQ(o->period.Key(), "2018-01/2018-10");
  EXPECT_EQ(o->provenance.kind, ProvenanceKind::kDocument);
  EXPECT_EQ(o->provenance.source, "document:7");
  EXPECT_EQ(o->provenance.span_begin, 0);
  EXPECT_EQ(o->provenance.span_end, 4);
}

// "kết nạp 12/10 đảng viên": the actual against its plan goes into a count as
// the count, never into a rate as 120%.
TEST(ObservationOf, AFractionAboveItsWholeIsStoredAsItsCount) {
  std::string text = "kết nạp 12/10 đảng viên mới, đạt 120% kế hoạch.";
  MeasureFact m = Measure(text, "12/10 đảng viên", 12, "đảng viên");
  m.total = 10;
  m.total_is_plan = true;
  std::vector<Indicator> catalogue = Catalogue();
  catalogue[0].code = "DANG_VIEN_MOI";
  catalogue[0].unit = "đảng viên";
  Result<Observation> o =
      ObservationOf(m, {"DANG_VIEN_MOI", "", std::nullopt}, text, catalogue, "document:2");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->value, 12);
  EXPECT_FALSE(o->numerator.has_value());
  EXPECT_FALSE(ObservationOf(m, {"TDP_VAN_HOA", "", std::nullopt}, text, catalogue, "document:2").ok());
}

// "8/12 tổ đạt 75%": the person keeps the stated 75, which is a percentage.
TEST(ObservationOf, AStatedValueForAFractionIsThePercentageKept) {
  std::string text = "8/12 tổ đạt 75%.";
  MeasureFact m = Measure(text, "8/12", 8, "tổ");
  m.total = 12;
  Result<Observation> o = ObservationOf(m, {"TDP_VAN_HOA", "", 75.0}, text, Catalogue(), "document:7");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->value, 75);
  EXPECT_FALSE(o->numerator);
  // ... and is then not a count either.
  EXPECT_EQ(ObservationOf(m, {"HO_NGHEO", "", 75.0}, text, Catalogue(), "d").status().field(), "indicator");
}

TEST(ObservationOf, ThePeriodChosenWinsAndOneIsNeeded) {
  std::string text = "có 12 hộ nghèo";
  MeasureFact m = Measure(text, "12 hộ", 12, "hộ");
  Result<Observation> o = ObservationOf(m, {"HO_NGHEO", "2018", std::nullopt}, text, Catalogue(), "d");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->period.Key(), "2018");
  m.period.clear();
  EXPECT_EQ(ObservationOf(m, {"HO_NGHEO", "", std::nullopt}, text, Catalogue(), "d").status().field(),
            "period");
}

TEST(ObservationOf, AnUnknownIndicatorIsNotFound) {
  std::string text = "có 12 hộ nghèo";
  MeasureFact m = Measure(text, "12 hộ", 12, "hộ");
  Result<Observation> o = ObservationOf(m, {"KHONG_CO", "", std::nullopt}, text, Catalogue(), "d");
  EXPECT_EQ(o.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(o.status().field(), "indicator");
}

}  // namespace
}  // namespace kiemdem::extract
