#include "core/indicator.h"

#include <gtest/gtest.h>

#include "test_data.h"

namespace kiemdem {
namespace {

Indicator Revenue() {
  Indicator i;
  i.code = "THU_NS";
  i.name_vi = "Thu ngân sách";
  i.name_en = "Budget revenue";
  i.unit = "đồng";
  return i;
}

TEST(Indicator, ValidatesCombinations) {
  EXPECT_TRUE(Revenue().Validate().ok());
  Indicator bad = Revenue();
  bad.code = "thu ns";
  EXPECT_EQ(bad.Validate().message(), "indicator thu ns: a code uses only A-Z, 0-9 and _");
  bad = Revenue();
  bad.unit = "";
  EXPECT_EQ(bad.Validate().field(), "unit");
  bad = Revenue();
  bad.value_kind = ValueKind::kPercent;
  EXPECT_EQ(bad.Validate().message(),
            "indicator THU_NS: percentages and fractions cannot be summed across units");
  bad = Revenue();
  bad.spatial = SpatialAggregation::kRatioOfSums;
  EXPECT_EQ(bad.Validate().field(), "spatial");
  bad = Revenue();
  bad.code = "";
  EXPECT_EQ(bad.Validate().message_vi(), "chỉ tiêu phải có mã");
}

TEST(Indicator, EnumNamesRoundTrip) {
  EXPECT_EQ(*ParseDirection(DirectionName(Direction::kLowerIsBetter)), Direction::kLowerIsBetter);
  EXPECT_EQ(*ParseSpatialAggregation("ratio"), SpatialAggregation::kRatioOfSums);
  EXPECT_EQ(*ParseTimeAggregation("stock"), TimeAggregation::kStock);
  EXPECT_EQ(*ParseValueKind("fraction"), ValueKind::kFraction);
  EXPECT_EQ(ParseDirection("up").status().message(), "'up' is not a direction (one of higher, lower, band)");
}

TEST(IndicatorCatalogue, ShippedCatalogueLoads) {
  Result<std::vector<Indicator>> cat = ParseIndicatorCatalogue(testing::DataFile("indicators/catalogue.csv"));
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  EXPECT_GE(cat->size(), 30u);
  auto find = [&](const std::string& code) -> const Indicator* {
    for (const Indicator& i : *cat) {
      if (i.code == code) return &i;
    }
    return nullptr;
  };
  const Indicator* poor = find("HO_NGHEO");
  ASSERT_NE(poor, nullptr);
  EXPECT_EQ(poor->direction, Direction::kLowerIsBetter);
  EXPECT_EQ(poor->time, TimeAggregation::kStock);
  const Indicator* cells = find("CHI_BO_TSVM");
  ASSERT_NE(cells, nullptr);
  EXPECT_EQ(cells->spatial, SpatialAggregation::kRatioOfSums);
  for (const char* code :
       {"THU_NSNN", "CHI_NS", "DOANH_THU_TMDV", "GTSX_TONG", "DN_MOI", "HO_CAN_NGHEO", "GD_VAN_HOA",
        "LD_QUA_DAO_TAO", "DANG_VIEN_MOI", "HS_TTHC", "DON_THU_NHAN", "DON_THU_GQ"}) {
    EXPECT_NE(find(code), nullptr) << code;
  }
  EXPECT_FALSE(find("DN_MOI")->aliases.empty());
  // Income per head is weighted by population over units, never a plain mean.
  ASSERT_NE(find("THU_NHAP_BQ"), nullptr);
  EXPECT_EQ(find("THU_NHAP_BQ")->weight_by, "DAN_SO");
  ASSERT_NE(find("DAN_SO"), nullptr);
  EXPECT_EQ(find("DAN_SO")->spatial, SpatialAggregation::kSum);
  EXPECT_EQ(find("DAN_SO")->time, TimeAggregation::kStock);
}

TEST(IndicatorCatalogue, AWeightIsAnIndicatorOfTheCatalogueAndOnlyForAMean) {
  std::string head =
      "code,name_vi,name_en,unit,group,value_kind,direction,spatial,time,allow_negative,aliases,weight_by\n";
  std::string pop = "DAN_SO,Dân số,Population,người,g,number,higher,sum,stock,0,,\n";
  Result<std::vector<Indicator>> ok = ParseIndicatorCatalogue(
      head + pop + "TN,Thu nhập bình quân,Income,đồng,g,number,higher,mean,stock,0,,DAN_SO\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ((*ok)[1].weight_by, "DAN_SO");
  Result<std::vector<Indicator>> bad =
      ParseIndicatorCatalogue(head + pop + "TN,Thu nhập,Income,đồng,g,number,higher,mean,stock,0,,NO_SUCH\n" +
                              "TS,Tổng,Total,đồng,g,number,higher,sum,flow,0,,DAN_SO\n" +
                              "TT,Tự,Self,đồng,g,number,higher,mean,flow,0,,TT\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "the indicator catalogue has errors:\n"
            "line 4: indicator TS: only a mean is weighted (weight_by DAN_SO)\n"
            "line 5: indicator TT cannot be weighted by itself\n"
            "indicator TN: weight_by NO_SUCH is not in the catalogue");
}

TEST(IndicatorCatalogue, ListsEveryBadRow) {
  std::string csv =
      "code,name_vi,name_en,unit,group,value_kind,direction,spatial,time,allow_negative,aliases\n"
      "A,Một,One,hộ,g,number,higher,sum,flow,0,\n"
      "B,Hai,Two,%,g,percent,upward,none,stock,0,\n"
      "A,Ba,Three,hộ,g,number,higher,sum,flow,0,\n";
  Result<std::vector<Indicator>> cat = ParseIndicatorCatalogue(csv);
  ASSERT_FALSE(cat.ok());
  EXPECT_EQ(cat.status().message(),
            "the indicator catalogue has errors:\n"
            "line 3: 'upward' is not a direction (one of higher, lower, band)\n"
            "line 4: indicator code A appears twice");
  EXPECT_FALSE(ParseIndicatorCatalogue("code,name_vi\nA,B\n").ok());
}

}  // namespace
}  // namespace kiemdem
