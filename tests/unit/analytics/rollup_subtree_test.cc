// RollUpSubtree over a real (SQLite) store: an indicator that does not add
// up across units is left out before it is rolled up, so the others roll up
// and nothing else is skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "analytics/evaluation_service.h"

namespace kiemdem::analytics {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

TEST(RollUpSubtree, AnIndicatorThatDoesNotAddUpIsLeftOutAndTheOthersRollUp) {
  std::string path =
      (std::filesystem::temp_directory_path() / ("kiemdem_rollup_" + std::to_string(getpid()) + ".db"))
          .string();
  std::filesystem::remove(path);
  {
    std::unique_ptr<store::Store> store = std::move(store::Store::Open({.url = path})).value();
    ASSERT_TRUE(store->Migrate().ok());
    AdminRegistry reg;
    auto add = [&](const char* code, const char* name, UnitType type, UnitId parent) {
      AdminUnit u;
      u.code = code;
      u.parent = parent;
      u.versions.push_back({Date(), name, name, type});
      return *reg.Add(u);
    };
    UnitId c = add("196", "Thành phố Uông Bí", UnitType::kProvincialCity, kNoUnit);
    add("06817", "Phường Quang Trung", UnitType::kWard, c);
    add("06811", "Phường Uông Bí", UnitType::kWard, c);
    ASSERT_TRUE(store->units().SaveUnits("admin", reg).ok());
    Indicator sum;
    sum.code = "THU_NS";
    sum.name_vi = "Thu ngân sách";
    sum.name_en = "Budget revenue";
    sum.unit = "triệu đồng";
    Indicator rank = sum;
    rank.code = "XEP_HANG";
    rank.name_vi = "Xếp hạng";
    rank.name_en = "Rank";
    rank.unit = "hạng";
    rank.spatial = SpatialAggregation::kNone;
    ASSERT_TRUE(store->plans().PutIndicators("admin", {sum, rank}).ok());
    UnitId city = *store->units().FindUnit("196", D("01/01/2020"));
    for (const char* ward : {"06817", "06811"}) {
      for (const char* indicator : {"THU_NS", "XEP_HANG"}) {
        Observation o;
        o.unit = *store->units().FindUnit(ward, D("01/01/2020"));
        o.indicator = indicator;
        o.period = *Period::Parse("2020");
        o.value = 5;
        ASSERT_TRUE(store->results().SaveResult("r", o).ok());
      }
    }
    UnitTree tree = std::move(UnitTree::Load(*store)).value();
    StoreFigures figures(*store);
    Result<std::vector<RollupRow>> rows =
        RollUpSubtree(figures, tree, city, *Period::Parse("2020"), {.include_unapproved = true});
    ASSERT_TRUE(rows.ok()) << rows.status().ToString();
    ASSERT_EQ(rows->size(), 1u);
    EXPECT_EQ((*rows)[0].indicator.code, "THU_NS");
    EXPECT_EQ((*rows)[0].aggregate.value, 10);
    EXPECT_EQ((*rows)[0].aggregate.reporting, 2);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

}  // namespace
}  // namespace kiemdem::analytics
