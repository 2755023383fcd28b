#include "core/indicator_match.h"

#include <gtest/gtest.h>

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
  Indicator dn;
  dn.code = "DN_MOI";
  dn.name_vi = "Doanh nghiệp thành lập mới";
  dn.unit = "doanh nghiệp";
  return {thu, ngheo, dn};
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

}  // namespace
}  // namespace kiemdem
