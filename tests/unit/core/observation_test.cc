#include "core/observation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace kiemdem {
namespace {

Indicator Cells() {
  Indicator i;
  i.code = "CHI_BO_TSVM";
  i.name_vi = "Tỷ lệ chi bộ đạt trong sạch vững mạnh";
  i.name_en = "Share of Party cells rated clean and strong";
  i.unit = "%";
  i.value_kind = ValueKind::kFraction;
  i.spatial = SpatialAggregation::kRatioOfSums;
  return i;
}

Observation Fraction(double num, double den) {
  Observation o;
  o.unit = 3;
  o.indicator = "CHI_BO_TSVM";
  o.period = *Period::Year(2016);
  o.numerator = num;
  o.denominator = den;
  o.value = den > 0 ? num / den * 100 : 0;
  return o;
}

// Quang Trung 2016: "10/20 chi bộ đạt trong sạch vững mạnh".
TEST(Observation, FractionsKeepNumeratorAndDenominator) {
  Observation o = Fraction(10, 20);
  EXPECT_TRUE(ValidateObservation(o, Cells()).ok());
  EXPECT_DOUBLE_EQ(o.value, 50);
  o.value = 60;
  EXPECT_EQ(ValidateObservation(o, Cells()).message(), "CHI_BO_TSVM 2016: the value 60 is not 10/20");
}

TEST(Observation, RejectsImpossibleValues) {
  EXPECT_EQ(ValidateObservation(Fraction(10, 0), Cells()).message(),
            "the denominator 0 must be greater than zero");
  EXPECT_EQ(ValidateObservation(Fraction(-1, 10), Cells()).field(), "value");
  Observation o = Fraction(1, 2);
  o.numerator.reset();
  EXPECT_EQ(ValidateObservation(o, Cells()).message(),
            "CHI_BO_TSVM 2016: a fraction needs both a numerator and a denominator (e.g. 10/20)");
  EXPECT_EQ(ValidateObservation(o, Cells()).field(), "numerator");
  o.denominator.reset();  // a rate reported alone: "đạt 73%"
  EXPECT_TRUE(ValidateObservation(o, Cells()).ok());
  o = Fraction(1, 2);
  o.value = std::nan("");
  EXPECT_EQ(ValidateObservation(o, Cells()).field(), "value");
  o = Fraction(1, 2);
  o.unit = kNoUnit;
  EXPECT_EQ(ValidateObservation(o, Cells()).field(), "unit");
  o = Fraction(1, 2);
  o.indicator = "OTHER";
  EXPECT_EQ(ValidateObservation(o, Cells()).field(), "indicator");
  o = Fraction(1, 2);
  o.provenance.kind = ProvenanceKind::kDocument;
  EXPECT_EQ(ValidateObservation(o, Cells()).field(), "span");
  o.provenance.span_begin = 100;
  o.provenance.span_end = 120;
  EXPECT_TRUE(ValidateObservation(o, Cells()).ok());
}

TEST(Observation, NegativeOnlyWhereAllowed) {
  Indicator growth;
  growth.code = "TANG";
  growth.name_vi = "Tăng trưởng";
  growth.unit = "%";
  growth.value_kind = ValueKind::kPercent;
  growth.spatial = SpatialAggregation::kNone;
  growth.allow_negative = true;
  Observation o;
  o.unit = 1;
  o.indicator = "TANG";
  o.value = -5;
  EXPECT_TRUE(ValidateObservation(o, growth).ok());
  growth.allow_negative = false;
  EXPECT_FALSE(ValidateObservation(o, growth).ok());
}

TEST(Observation, QualifierNames) {
  EXPECT_EQ(*ParseQualifier("over"), Qualifier::kOver);
  EXPECT_STREQ(QualifierKey(Qualifier::kAbout), "about");
  EXPECT_FALSE(ParseQualifier("maybe").ok());
  EXPECT_STREQ(ProvenanceKindKey(ProvenanceKind::kDocument), "document");
}

}  // namespace
}  // namespace kiemdem
