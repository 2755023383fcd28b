#include "core/admin_registry.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

AdminUnit Unit(std::string code, std::string full_name, UnitType type, UnitId parent = kNoUnit,
               std::optional<Date> from = std::nullopt, std::optional<Date> to = std::nullopt) {
  AdminUnit u;
  u.code = std::move(code);
  u.parent = parent;
  u.valid_from = from;
  u.valid_to = to;
  u.versions.push_back({from.value_or(Date()), full_name, full_name, type});
  return u;
}

class AdminRegistryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Date reform = D("01/07/2025");
    province_ = *reg_.Add(Unit("22", "Tỉnh Quảng Ninh", UnitType::kProvince));
    city_ = *reg_.Add(
        Unit("196", "Thành phố Uông Bí", UnitType::kProvincialCity, province_, std::nullopt, reform));
    a_ = *reg_.Add(Unit("06811", "Phường Thanh Sơn", UnitType::kWard, city_, std::nullopt, reform));
    b_ = *reg_.Add(Unit("06817", "Phường Quang Trung", UnitType::kWard, city_, std::nullopt, reform));
    c_ = *reg_.Add(Unit("06820", "Phường Trưng Vương", UnitType::kWard, city_, std::nullopt, reform));
    merged_ = *reg_.Add(Unit("06811", "Phường Uông Bí", UnitType::kWard, province_, reform));
    other_ = *reg_.Add(Unit("06820", "Phường Vàng Danh", UnitType::kWard, province_, reform));
    tdp_ = *reg_.Add(Unit("TDP01", "Tổ dân phố 1", UnitType::kResidentialGroup, merged_, reform));
    ASSERT_TRUE(reg_.AddSuccession({a_, merged_, reform, Coverage::kFull, "", std::nullopt}).ok());
    ASSERT_TRUE(reg_.AddSuccession({b_, merged_, reform, Coverage::kFull, "", std::nullopt}).ok());
    ASSERT_TRUE(reg_.AddSuccession({c_, merged_, reform, Coverage::kPartial, "", std::nullopt}).ok());
    ASSERT_TRUE(reg_.AddSuccession({c_, other_, reform, Coverage::kPartial, "", std::nullopt}).ok());
  }
  AdminRegistry reg_;
  UnitId province_, city_, a_, b_, c_, merged_, other_, tdp_;
};

TEST_F(AdminRegistryTest, TreeAsOfADate) {
  std::vector<TreeNode> before = *reg_.TreeAsOf(D("31/12/2024"));
  ASSERT_EQ(before.size(), 5u);
  EXPECT_EQ(before[0].id, province_);
  EXPECT_EQ(before[1].id, city_);
  EXPECT_EQ(before[1].depth, 1);
  EXPECT_EQ(before[2].depth, 2);
  std::vector<TreeNode> after = *reg_.TreeAsOf(D("01/01/2026"));
  ASSERT_EQ(after.size(), 4u);
  EXPECT_EQ(after[1].id, merged_);
  EXPECT_EQ(after[2].id, tdp_);
  EXPECT_EQ(after[2].depth, 2);
  Result<std::vector<TreeNode>> gone = reg_.TreeAsOf(D("01/01/2026"), city_);
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().message(), "Thành phố Uông Bí (196) did not exist on 01/01/2026");
}

TEST_F(AdminRegistryTest, CodesAreResolvedByDate) {
  EXPECT_EQ(*reg_.FindByCode("06811", D("01/01/2020")), a_);
  EXPECT_EQ(*reg_.FindByCode("06811", D("01/07/2025")), merged_);
  EXPECT_EQ(reg_.AllWithCode("06811").size(), 2u);
  Result<UnitId> none = reg_.FindByCode("99999", D("01/01/2020"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "no administrative unit has code 99999 on 01/01/2020");
  EXPECT_EQ(none.status().message_vi(), "không có đơn vị hành chính mã 99999 vào ngày 01/01/2020");
}

TEST_F(AdminRegistryTest, WhichUnitsBecameX) {
  std::vector<Succession> preds = reg_.PredecessorsOf(merged_);
  ASSERT_EQ(preds.size(), 3u);
  EXPECT_EQ(reg_.SuccessorsOf(c_).size(), 2u);
  std::vector<Ancestor> on = *reg_.PredecessorsOn(merged_, D("31/12/2024"));
  ASSERT_EQ(on.size(), 3u);
  int full = 0;
  int partial = 0;
  for (const Ancestor& a : on) ++(a.coverage == Coverage::kFull ? full : partial);
  EXPECT_EQ(full, 2);
  EXPECT_EQ(partial, 1);
  // A unit that existed on the date is its own predecessor.
  std::vector<Ancestor> self = *reg_.PredecessorsOn(merged_, D("01/08/2025"));
  ASSERT_EQ(self.size(), 1u);
  EXPECT_EQ(self[0].unit, merged_);
  EXPECT_FALSE(reg_.PredecessorsOn(a_, D("01/08/2025")).ok());
}

TEST_F(AdminRegistryTest, SearchIgnoresDiacritics) {
  std::vector<UnitId> found = reg_.Search("quang trung", D("01/01/2020"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0], b_);
  EXPECT_TRUE(reg_.Search("quang trung", D("01/01/2026")).empty());
  EXPECT_EQ(reg_.Search("uong bi", D("01/01/2020")).size(), 1u);
  EXPECT_TRUE(reg_.Search("", D("01/01/2020")).empty());
}

TEST_F(AdminRegistryTest, RejectsBadUnits) {
  EXPECT_EQ(reg_.Add(Unit("", "X", UnitType::kWard)).status().message(), "a unit needs a code");
  EXPECT_EQ(
      reg_.Add(Unit("06811", "Phường Trùng", UnitType::kWard, province_, D("01/01/2026"))).status().code(),
      StatusCode::kAlreadyExists);
  EXPECT_EQ(reg_.Add(Unit("1", "Tỉnh Con", UnitType::kProvince, a_)).status().message(),
            "Phường Thanh Sơn (06811) cannot be the parent of Tỉnh Con (1): it is not at a higher level");
  EXPECT_EQ(reg_.Add(Unit("2", "X", UnitType::kWard, 999)).status().code(), StatusCode::kNotFound);
  EXPECT_FALSE(reg_.Add(Unit("3", "X", UnitType::kWard, kNoUnit, D("01/01/2026"), D("01/01/2025"))).ok());
  EXPECT_FALSE(reg_.AddSuccession({a_, a_, D("01/07/2025"), Coverage::kFull, "", std::nullopt}).ok());
  EXPECT_FALSE(reg_.AddSuccession({a_, 999, D("01/07/2025"), Coverage::kFull, "", std::nullopt}).ok());
  EXPECT_EQ(reg_.Get(12345), nullptr);
  EXPECT_FALSE(reg_.TreeAsOf(D("01/01/2020"), 12345).ok());
}

TEST_F(AdminRegistryTest, VersionsChangeNameAndType) {
  UnitVersion v = reg_.Get(province_)->Current();
  v.from = D("30/04/2026");
  v.full_name = "Thành phố Quảng Ninh";
  v.type = UnitType::kCentralCity;
  ASSERT_TRUE(reg_.AddVersion(province_, v).ok());
  EXPECT_EQ(reg_.Get(province_)->VersionOn(D("29/04/2026")).full_name, "Tỉnh Quảng Ninh");
  EXPECT_EQ(reg_.Get(province_)->VersionOn(D("30/04/2026")).type, UnitType::kCentralCity);
  v.from = D("01/01/2026");
  EXPECT_FALSE(reg_.AddVersion(province_, v).ok());
}

TEST(UnitType, ParsesVietnameseInAnySpelling) {
  EXPECT_EQ(*ParseUnitType("Phường"), UnitType::kWard);
  EXPECT_EQ(*ParseUnitType("Đặc khu tại hải đảo"), UnitType::kSpecialZone);
  EXPECT_EQ(*ParseUnitType("Thành phố thuộc tỉnh"), UnitType::kProvincialCity);
  EXPECT_EQ(*ParseUnitType("Thành phố trực thuộc trung ương"), UnitType::kCentralCity);
  EXPECT_EQ(*ParseUnitType("tổ dân phố"), UnitType::kResidentialGroup);
  EXPECT_EQ(*ParseUnitType("ward"), UnitType::kWard);
  EXPECT_EQ(LevelOf(UnitType::kTownship), UnitLevel::kCommune);
  EXPECT_FALSE(ParseUnitType("Làng").ok());
}

}  // namespace
}  // namespace kiemdem
