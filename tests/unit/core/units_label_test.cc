#include "core/units_label.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiemdem {
namespace {

std::vector<UnitType> Many(std::initializer_list<std::pair<UnitType, int>> kinds) {
  std::vector<UnitType> out;
  for (auto [type, n] : kinds) out.insert(out.end(), static_cast<size_t>(n), type);
  return out;
}

Indicator Rule(SpatialAggregation spatial, ValueKind kind = ValueKind::kNumber) {
  Indicator ind;
  ind.spatial = spatial;
  ind.value_kind = kind;
  return ind;
}

TEST(UnitKindsPhraseTest, TheMostNumerousKindComesFirst) {
  // Thành phố Thanh Hóa before 2025: 20 phường, 17 xã.
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kCommune, 17}, {UnitType::kWard, 20}}), true), "phường, xã");
  // A rural district: "các xã, thị trấn".
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kTownship, 1}, {UnitType::kCommune, 18}}), true),
            "xã, thị trấn");
  // Thanh Hóa in 2026: 147 xã, 19 phường, 1 đặc khu.
  EXPECT_EQ(UnitKindsPhrase(
                Many({{UnitType::kWard, 19}, {UnitType::kSpecialZone, 1}, {UnitType::kCommune, 147}}), true),
            "xã, phường, đặc khu");
}

TEST(UnitKindsPhraseTest, TiesFollowTheLawAndEveryCityIsThanhPho) {
  EXPECT_EQ(UnitKindsPhrase({UnitType::kCommune, UnitType::kWard}, true), "phường, xã");
  // The country in 2026: 28 tỉnh, 6 thành phố trực thuộc trung ương.
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kCentralCity, 6}, {UnitType::kProvince, 28}}), true),
            "tỉnh, thành phố");
  // A province before 2025: huyện, then its provincial cities and the city of a town counted as one noun.
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kProvincialCity, 1},
                                  {UnitType::kRuralDistrict, 24},
                                  {UnitType::kTown, 1},
                                  {UnitType::kCityOfCentralCity, 1}}),
                            true),
            "huyện, thành phố, thị xã");
}

TEST(UnitKindsPhraseTest, EnglishListsWithAnd) {
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kWard, 3}}), false), "wards");
  EXPECT_EQ(UnitKindsPhrase(Many({{UnitType::kWard, 3}, {UnitType::kCommune, 2}}), false),
            "wards and communes");
  EXPECT_EQ(UnitKindsPhrase(
                Many({{UnitType::kCommune, 3}, {UnitType::kWard, 2}, {UnitType::kSpecialZone, 1}}), false),
            "communes, wards and special zones");
  EXPECT_EQ(UnitKindsPhrase({}, true), "đơn vị trực thuộc");
  EXPECT_EQ(UnitKindsPhrase({}, false), "units below");
}

TEST(AggregateOfUnitsLabelTest, NamesTheRuleAndTheUnitsNeverTheParent) {
  std::vector<UnitType> wards = Many({{UnitType::kWard, 16}});
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kSum), wards, true), "Tổng các phường");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kMean), wards, true), "Bình quân các phường");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kRatioOfSums, ValueKind::kFraction), wards, true),
            "Tỷ lệ chung các phường");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kSum, ValueKind::kYesNo), wards, true),
            "Số phường đạt");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kNone), wards, true), "");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kSum), wards, false), "Sum of the wards");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kRatioOfSums, ValueKind::kFraction), wards, false),
            "Overall rate of the wards");
  EXPECT_EQ(AggregateOfUnitsLabel(Rule(SpatialAggregation::kSum, ValueKind::kYesNo), wards, false),
            "Number of wards that reached it");
}

}  // namespace
}  // namespace kiemdem
