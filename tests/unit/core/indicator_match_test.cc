#include "core/indicator_match.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_data.h"

namespace kiemdem {
namespace {

std::vector<Indicator> Catalogue() {
  Indicator thu;
  thu.code = "THU_NSNN";
  thu.name_vi = "Thu ngân sách nhà nước trên địa bàn";
  thu.unit = "đồng";
  thu.aliases = {"thu ngân sách", "thu NSNN"};
  Indicator ngheo;
  ngheo.code = "TY_LE_HO_NGHEO";
  ngheo.name_vi = "Tỷ lệ hộ nghèo";
  ngheo.unit = "%";
  ngheo.value_kind = ValueKind::kFraction;
  ngheo.aliases = {"tỷ lệ hộ nghèo"};
  Indicator so_ho;
  so_ho.code = "HO_NGHEO";
  so_ho.name_vi = "Số hộ nghèo";
  so_ho.unit = "hộ";
  so_ho.aliases = {"hộ nghèo", "số hộ nghèo"};
  Indicator thu_nhap;
  thu_nhap.code = "THU_NHAP_BQ";
  thu_nhap.name_vi = "Thu nhập bình quân đầu người";
  thu_nhap.unit = "đồng/người/năm";
  Indicator tdp;
  tdp.code = "TDP_VAN_HOA";
  tdp.name_vi = "Tỷ lệ tổ dân phố văn hoá";
  tdp.unit = "%";
  tdp.value_kind = ValueKind::kFraction;
  tdp.aliases = {"tổ dân phố văn hoá"};
  Indicator dn;
  dn.code = "DN_MOI";
  dn.name_vi = "Doanh nghiệp thành lập mới";
  dn.unit = "doanh nghiệp";
  return {thu, so_ho, ngheo, dn, thu_nhap, tdp};
}

TEST(MatchIndicators, FindsTheIndicatorFromTheSubjectWithOrWithoutDiacritics) {
  std::vector<IndicatorMatch> m = MatchIndicators("thu ngân sách phường", "đồng", Catalogue());
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].code, "THU_NSNN");
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  m = MatchIndicators("ty le ho ngheo", "%", Catalogue());
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].code, "TY_LE_HO_NGHEO");
}

TEST(MatchIndicators, NothingForAnUnrelatedSubject) {
  EXPECT_TRUE(MatchIndicators("tổ chức lễ hội", "", Catalogue()).empty());
  EXPECT_TRUE(MatchIndicators("", "", Catalogue()).empty());
}

std::vector<std::string> Codes(const std::vector<IndicatorMatch>& m) {
  std::vector<std::string> out;
  out.reserve(m.size());
  for (const IndicatorMatch& x : m) out.push_back(x.code);
  return out;
}

TEST(MatchMeasure, APercentageIsNeverACount) {
  // "tỷ lệ hộ nghèo giảm còn 1,2%": both names match in full, only the rate fits.
  std::vector<std::string> codes = Codes(MatchMeasure("tỷ lệ hộ nghèo", "%", false, Catalogue()));
  ASSERT_FALSE(codes.empty());
  EXPECT_EQ(codes[0], "TY_LE_HO_NGHEO");
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "HO_NGHEO"), 0);
  // Names alone offer the count too, if only second (a directive's text has no kind).
  codes = Codes(MatchIndicators("tỷ lệ hộ nghèo", "%", Catalogue()));
  EXPECT_EQ(std::count(codes.begin(), codes.end(), "HO_NGHEO"), 1);
}

TEST(MatchMeasure, ACountIsNeverARateAndKeepsItsUnit) {
  EXPECT_EQ(Codes(MatchMeasure("hộ nghèo", "hộ", false, Catalogue())), std::vector<std::string>{"HO_NGHEO"});
  EXPECT_TRUE(MatchMeasure("hộ nghèo", "doanh nghiệp", false, Catalogue()).empty());
  EXPECT_EQ(Codes(MatchMeasure("thu nhập bình quân đầu người", "đồng", false, Catalogue())),
            std::vector<std::string>{"THU_NHAP_BQ"});
}

TEST(MatchMeasure, AFractionGoesToAFractionIndicatorWhateverItCounts) {
  EXPECT_EQ(Codes(MatchMeasure("tổ dân phố văn hoá", "tổ", true, Catalogue())),
            std::vector<std::string>{"TDP_VAN_HOA"});
  // "5/120 hộ nghèo" is a share of households, not a count.
  EXPECT_EQ(Codes(MatchMeasure("hộ nghèo", "hộ", true, Catalogue())),
            std::vector<std::string>{"TY_LE_HO_NGHEO"});
}

// The seeds' figures that had no indicator find theirs in the shipped
// catalogue, not a neighbour's ("gia đình kiểu mẫu" is not "gia đình văn hóa").
TEST(MatchMeasure, TheSeedsFiguresFindTheirIndicatorsInTheShippedCatalogue) {
  Result<std::vector<Indicator>> cat = ParseIndicatorCatalogue(testing::DataFile("indicators/catalogue.csv"));
  ASSERT_TRUE(cat.ok()) << cat.status().ToString();
  struct Case {
    const char* subject;
    const char* unit;
    const char* code;
  };
  for (const Case& c : std::vector<Case>{{"gia đình kiểu mẫu", "%", "GD_KIEU_MAU"},
                                         {"công dân kiểu mẫu", "%", "CD_KIEU_MAU"},
                                         {"đạt chuẩn gia đình văn hoá", "%", "GD_VAN_HOA"},
                                         {"hộ tái nghèo", "hộ", "HO_TAI_NGHEO"},
                                         {"hộ nghèo", "hộ", "HO_NGHEO"},
                                         {"xây dựng nhà đại đoàn kết", "nhà", "NHA_DAI_DOAN_KET"},
                                         {"cấp phát thẻ bảo hiểm xã hội", "thẻ", "THE_BHXH_BHYT"},
                                         {"trường đạt chuẩn quốc gia mức độ 2", "trường", "TRUONG_CHUAN_MD2"},
                                         {"chi bộ hoàn thành tốt nhiệm vụ", "%", "CHI_BO_HTT_NV"}}) {
    std::vector<IndicatorMatch> m = MatchMeasure(c.subject, c.unit, false, *cat);
    ASSERT_FALSE(m.empty()) << c.subject;
    EXPECT_EQ(m[0].code, c.code) << c.subject;
  }
}

TEST(KindFits, TheRulesOfConfirming) {
  std::vector<Indicator> c = Catalogue();
  const Indicator& so_ho = c[1];
  const Indicator& ty_le = c[2];
  EXPECT_FALSE(KindFits(MeasureKind::kPercent, "%", so_ho));
  EXPECT_TRUE(KindFits(MeasureKind::kPercent, "%", ty_le));
  EXPECT_FALSE(KindFits(MeasureKind::kFraction, "tổ", so_ho));
  EXPECT_TRUE(KindFits(MeasureKind::kFraction, "tổ", ty_le));
  EXPECT_FALSE(KindFits(MeasureKind::kNumber, "hộ", ty_le));
  EXPECT_TRUE(KindFits(MeasureKind::kNumber, "", ty_le));  // a bare number: the person chooses
  EXPECT_TRUE(KindFits(MeasureKind::kNumber, "hộ", so_ho));
  EXPECT_EQ(KindOfMeasure("%", false), MeasureKind::kPercent);
  EXPECT_EQ(KindOfMeasure("tổ", true), MeasureKind::kFraction);
  EXPECT_EQ(KindOfMeasure("hộ", false), MeasureKind::kNumber);
}

}  // namespace
}  // namespace kiemdem
