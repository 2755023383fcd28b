#include "core/admin_loader.h"

#include <gtest/gtest.h>

#include <map>

#include "core/indicator.h"
#include "real_units.h"

namespace kiemdem {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

AdminUnitFiles ShippedFiles() { return testing::ShippedUnitFiles(); }

class AdminLoaderTest : public ::testing::Test {
 protected:
  // Loads once for the suite; a failure fails every test (in SetUp), not skips it.
  static void SetUpTestSuite() {
    registry_ = new AdminRegistry();
    Result<AdminLoadStats> s = LoadAdminUnits(ShippedFiles(), registry_);
    load_error_ = s.ok() ? "" : s.status().ToString();
    if (s.ok()) stats_ = *s;
  }
  static void TearDownTestSuite() { delete registry_; }
  void SetUp() override { ASSERT_EQ(load_error_, ""); }
  static AdminRegistry* registry_;
  static AdminLoadStats stats_;
  static std::string load_error_;
};
AdminRegistry* AdminLoaderTest::registry_ = nullptr;
AdminLoadStats AdminLoaderTest::stats_;
std::string AdminLoaderTest::load_error_;

// The counts data/admin-units/SOURCE.md states.
TEST_F(AdminLoaderTest, CountsMatchTheDataSetReadme) {
  EXPECT_EQ(stats_.pre2025_provinces, 63);
  EXPECT_EQ(stats_.pre2025_districts, 696);
  EXPECT_EQ(stats_.pre2025_communes, 10035);
  EXPECT_EQ(stats_.provinces_2025, 34);
  EXPECT_EQ(stats_.communes_2025, 3321);
  EXPECT_EQ(stats_.province_successions, 63);
  // 10,604 pairs less those of the 12 stale codes.
  EXPECT_EQ(stats_.commune_successions + stats_.stale_pairs_skipped, 10604);
  EXPECT_EQ(stats_.full_successions + stats_.partial_successions, stats_.commune_successions);

  std::map<UnitType, int> before;
  std::map<UnitType, int> after;
  for (const TreeNode& n : *registry_->TreeAsOf(D("01/03/2025")))
    ++before[registry_->Get(n.id)->VersionOn(D("01/03/2025")).type];
  for (const TreeNode& n : *registry_->TreeAsOf(D("01/07/2025")))
    ++after[registry_->Get(n.id)->VersionOn(D("01/07/2025")).type];
  EXPECT_EQ(before[UnitType::kCentralCity], 6);
  EXPECT_EQ(before[UnitType::kProvince], 57);
  EXPECT_EQ(before[UnitType::kRuralDistrict], 508);
  EXPECT_EQ(before[UnitType::kProvincialCity], 86);
  EXPECT_EQ(before[UnitType::kTown], 52);
  EXPECT_EQ(before[UnitType::kUrbanDistrict], 49);
  EXPECT_EQ(before[UnitType::kCityOfCentralCity], 1);
  EXPECT_EQ(before[UnitType::kCommune], 7692);
  EXPECT_EQ(before[UnitType::kWard], 1726);
  EXPECT_EQ(before[UnitType::kTownship], 617);
  EXPECT_EQ(after[UnitType::kCentralCity], 6);
  EXPECT_EQ(after[UnitType::kProvince], 28);
  EXPECT_EQ(after[UnitType::kCommune], 2621);
  EXPECT_EQ(after[UnitType::kWard], 687);
  EXPECT_EQ(after[UnitType::kSpecialZone], 13);
  EXPECT_EQ(after[UnitType::kUrbanDistrict], 0);  // districts abolished
}

TEST_F(AdminLoaderTest, EveryNewCommuneHasPredecessors) {
  int single = 0;
  for (UnitId province : registry_->RootsOn(D("01/07/2025"))) {
    for (UnitId c : registry_->ChildrenOn(province, D("01/07/2025"))) {
      size_t n = registry_->PredecessorsOf(c).size();
      EXPECT_GE(n, 1u) << registry_->Get(c)->code;
      if (n == 1) ++single;
    }
  }
  EXPECT_EQ(single, 140);
}

TEST_F(AdminLoaderTest, DongNaiBecameACentralCity) {
  UnitId dong_nai = *registry_->FindByCode("75", D("01/05/2026"));
  const AdminUnit* u = registry_->Get(dong_nai);
  EXPECT_EQ(u->VersionOn(D("29/04/2026")).type, UnitType::kProvince);
  EXPECT_EQ(u->VersionOn(D("30/04/2026")).type, UnitType::kCentralCity);
  EXPECT_EQ(u->VersionOn(D("30/04/2026")).full_name, "Thành phố Đồng Nai");
  // An undated row corrects a spelling in place.
  EXPECT_EQ(registry_->Get(*registry_->FindByCode("00745", D("01/07/2025")))->Current().full_name,
            "Xã Phố Bảng");
  EXPECT_EQ(stats_.changes_applied, 23);
}

// code_aliases.csv: GSO letter 1027/CTK-CSCL's codes find the units too.
TEST_F(AdminLoaderTest, CodeAliasesAreLoaded) {
  EXPECT_EQ(stats_.code_aliases, 2);
  EXPECT_EQ(registry_->Get(*registry_->FindByCode("06970", D("01/01/2026")))->code, "06978");
  EXPECT_EQ(registry_->Get(*registry_->FindByCode("23737", D("01/01/2026")))->code, "23938");
  // Before the reform the alias is still the old unit's own code.
  EXPECT_EQ(registry_->Get(*registry_->FindByCode("06970", D("01/01/2025")))->Current().full_name,
            "Thị trấn Ba Chẽ");
  EXPECT_EQ(registry_->Get(*registry_->FindByCode("23737", D("01/01/2025")))->Current().full_name,
            "Xã Ia Mơ Nông");
}

TEST_F(AdminLoaderTest, SameCodeDifferentTerritory) {
  UnitId old_unit = *registry_->FindByCode("00004", D("30/06/2025"));
  UnitId new_unit = *registry_->FindByCode("00004", D("01/07/2025"));
  EXPECT_NE(old_unit, new_unit);
  EXPECT_EQ(registry_->Get(old_unit)->Current().full_name, "Phường Trúc Bạch");
  EXPECT_EQ(registry_->Get(new_unit)->Current().full_name, "Phường Ba Đình");
  std::vector<Ancestor> parts = *registry_->PredecessorsOn(new_unit, D("30/06/2025"));
  EXPECT_GE(parts.size(), 8u);
}

TEST_F(AdminLoaderTest, SearchFindsArticleWards) {
  std::vector<UnitId> found = registry_->Search("quang hung", D("01/01/2018"));
  bool thanh_hoa = false;
  for (UnitId id : found) {
    if (registry_->Get(id)->code == "14800") thanh_hoa = true;
  }
  EXPECT_TRUE(thanh_hoa);
  EXPECT_FALSE(registry_->Search("Long Biên", D("01/01/2021")).empty());
}

TEST(AdminLoader, ErrorsNameFileAndLine) {
  AdminUnitFiles f = ShippedFiles();
  f.pre2025_districts = "code,name,full_name,unit_type,province_code\n001,X,Quận X,Quận,99\n";
  AdminRegistry reg;
  Result<AdminLoadStats> s = LoadAdminUnits(f, &reg);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(),
            "pre2025_districts.csv line 2: parent code 99 of unit 001 is not in the list");

  f = ShippedFiles();
  f.units_2025_provinces = "code,name\n01,Hà Nội\n";
  AdminRegistry reg2;
  EXPECT_EQ(LoadAdminUnits(f, &reg2).status().message(),
            "units_2025_provinces.csv: missing column(s) full_name, unit_type");

  f = ShippedFiles();
  f.pre2025_provinces = "code,name,full_name,unit_type\n01,Hà Nội,Thành phố Hà Nội,Vương quốc\n";
  AdminRegistry reg3;
  EXPECT_EQ(LoadAdminUnits(f, &reg3).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kiemdem
