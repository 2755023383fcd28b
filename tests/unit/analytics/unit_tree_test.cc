// UnitTree::Load over stored units that do not fit together: each bad row
// is left out or kept as the header says, the rest loads, and problems()
// names the unit and why.
#include "analytics/unit_tree.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>

namespace kiemdem::analytics {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

UnitRecord Unit(const char* code, const char* name, UnitType type, const char* parent = "",
                std::optional<Date> from = std::nullopt, std::optional<Date> to = std::nullopt) {
  UnitRecord u;
  u.code = code;
  u.name = name;
  u.full_name = name;
  u.type = type;
  u.parent_code = parent;
  u.valid_from = from;
  u.valid_to = to;
  return u;
}

class UnitTreeLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("kiemdem_unit_tree_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    std::filesystem::remove(path_);
    store_ = std::move(store::Store::Open({.url = path_})).value();
    ASSERT_TRUE(store_->Migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  std::string path_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(UnitTreeLoadTest, AGoodTreeHasNoProblems) {
  ASSERT_TRUE(store_->units()
                  .PutUnits("test", {Unit("22", "Tỉnh Quảng Ninh", UnitType::kProvince),
                                     Unit("196", "Thành phố Uông Bí", UnitType::kProvincialCity, "22")})
                  .ok());
  Result<UnitTree> t = UnitTree::Load(*store_);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->problems().empty());
  EXPECT_EQ(t->skipped(), 0u);
}

TEST_F(UnitTreeLoadTest, AUnitWhoseParentCodeIsHeldByNoneThatDayIsKeptWithoutItAndListed) {
  ASSERT_TRUE(store_->units()
                  .PutUnits("test", {Unit("22", "Tỉnh Quảng Ninh", UnitType::kProvince),
                                     Unit("196", "Thành phố Uông Bí", UnitType::kProvincialCity, "22",
                                          D("01/01/2020"))})
                  .ok());
  // The province is then said to have ended before the city began.
  ASSERT_TRUE(store_->units()
                  .PutUnits("test", {Unit("22", "Tỉnh Quảng Ninh", UnitType::kProvince, "", std::nullopt,
                                          D("01/01/2019"))})
                  .ok());
  Result<UnitTree> t = UnitTree::Load(*store_);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  UnitId city = *store_->units().FindUnit("196", D("01/01/2021"));
  ASSERT_NE(t->Get(city), nullptr) << "the unit stays";
  EXPECT_EQ(t->Parent(city), kNoUnit);
  ASSERT_EQ(t->problems().size(), 1u);
  EXPECT_EQ(t->problems()[0].unit_code, "196");
  EXPECT_EQ(
      t->problems()[0].cause.message().rfind("unit 196 (01/01/2020) is kept without its parent 22: ", 0), 0u)
      << t->problems()[0].cause.message();
  EXPECT_EQ(t->problems()[0].cause.message_vi().rfind(
                "đơn vị 196 (01/01/2020) được giữ nhưng không có đơn vị cấp trên 22: ", 0),
            0u)
      << t->problems()[0].cause.message_vi();
  EXPECT_EQ(t->skipped(), 0u);
}

TEST_F(UnitTreeLoadTest, AUnitWhoseCodeOverlapsAnotherIsLeftOutAndListed) {
  ASSERT_TRUE(
      store_->units()
          .PutUnits("test", {Unit("06817", "Phường Quang Trung", UnitType::kWard),
                             Unit("06817", "Phường Quang Trung mới", UnitType::kWard, "", D("01/01/2020"))})
          .ok());
  Result<UnitTree> t = UnitTree::Load(*store_);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->skipped(), 1u);
  ASSERT_EQ(t->problems().size(), 1u);
  EXPECT_EQ(t->problems()[0].unit_code, "06817");
  EXPECT_EQ(t->problems()[0].cause.code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(t->problems()[0].cause.message().rfind("unit 06817 (01/01/2020) is left out: ", 0), 0u)
      << t->problems()[0].cause.message();
  EXPECT_EQ(t->problems()[0].cause.message_vi().rfind("đơn vị 06817 (01/01/2020) bị bỏ qua: ", 0), 0u)
      << t->problems()[0].cause.message_vi();
  EXPECT_TRUE(t->FindByCode("06817", D("01/01/2010")).ok()) << "the first one loads";
}

TEST_F(UnitTreeLoadTest, ASuccessionThatNoLongerFitsTheUnitsDatesIsLeftOutAndListed) {
  AdminRegistry reg;
  AdminUnit old_ward;
  old_ward.code = "06820";
  old_ward.valid_to = D("01/07/2025");
  old_ward.versions.push_back({Date(), "Phường Trưng Vương", "Phường Trưng Vương", UnitType::kWard});
  AdminUnit new_ward;
  new_ward.code = "06811";
  new_ward.valid_from = D("01/07/2025");
  new_ward.versions.push_back({D("01/07/2025"), "Phường Uông Bí", "Phường Uông Bí", UnitType::kWard});
  UnitId a = *reg.Add(old_ward);
  UnitId b = *reg.Add(new_ward);
  ASSERT_TRUE(reg.AddSuccession({a, b, D("01/07/2025"), Coverage::kFull, "", std::nullopt}).ok());
  ASSERT_TRUE(store_->units().SaveUnits("test", reg).ok());
  {
    Result<UnitTree> t = UnitTree::Load(*store_);
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    EXPECT_TRUE(t->problems().empty());
  }
  // The old ward is then said to have ended a year earlier.
  ASSERT_TRUE(store_->units()
                  .PutUnits("test", {Unit("06820", "Phường Trưng Vương", UnitType::kWard, "", std::nullopt,
                                          D("01/01/2024"))})
                  .ok());
  Result<UnitTree> t = UnitTree::Load(*store_);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->problems().size(), 1u);
  EXPECT_EQ(t->problems()[0].unit_code, "06820");
  EXPECT_EQ(t->problems()[0].cause.message().rfind(
                "the succession from 06820 to 06811 (01/07/2025) on 01/07/2025 is left out: ", 0),
            0u)
      << t->problems()[0].cause.message();
  EXPECT_EQ(t->problems()[0].cause.message_vi().rfind(
                "quan hệ kế thừa từ 06820 sang 06811 (01/07/2025) ngày 01/07/2025 bị bỏ qua: ", 0),
            0u)
      << t->problems()[0].cause.message_vi();
  EXPECT_NE(t->Get(*store_->units().FindUnit("06811", D("01/01/2026"))), nullptr) << "both units stay";
}

TEST_F(UnitTreeLoadTest, ASuccessionOfAUnitLeftOutIsListedToo) {
  AdminRegistry reg;
  AdminUnit old_ward;
  old_ward.code = "06820";
  old_ward.valid_to = D("01/07/2025");
  old_ward.versions.push_back({Date(), "Phường Trưng Vương", "Phường Trưng Vương", UnitType::kWard});
  AdminUnit new_ward;
  new_ward.code = "06811";
  new_ward.valid_from = D("01/07/2025");
  new_ward.versions.push_back({D("01/07/2025"), "Phường Uông Bí", "Phường Uông Bí", UnitType::kWard});
  UnitId a = *reg.Add(old_ward);
  UnitId b = *reg.Add(new_ward);
  ASSERT_TRUE(reg.AddSuccession({a, b, D("01/07/2025"), Coverage::kFull, "", std::nullopt}).ok());
  // An 06811 stored before, open since 2020, overlaps the new ward, which is then left out.
  ASSERT_TRUE(store_->units()
                  .PutUnits("test", {Unit("06811", "Phường Khác", UnitType::kWard, "", D("01/01/2020"))})
                  .ok());
  ASSERT_TRUE(store_->units().SaveUnits("test", reg).ok());
  Result<UnitTree> t = UnitTree::Load(*store_);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->problems().size(), 2u);
  EXPECT_EQ(t->problems()[0].cause.message().rfind("unit 06811 (01/07/2025) is left out: ", 0), 0u)
      << t->problems()[0].cause.message();
  EXPECT_EQ(t->problems()[1].unit_code, "06820");
  EXPECT_EQ(
      t->problems()[1].cause.message(),
      "the succession from 06820 to 06811 (01/07/2025) on 01/07/2025 is left out: one of its units is left "
      "out");
}

}  // namespace
}  // namespace kiemdem::analytics
