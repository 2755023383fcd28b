#include "core/rollup.h"

#include <gtest/gtest.h>

#include <map>

namespace kiemdem {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

AdminUnit Unit(std::string code, UnitType type, UnitId parent) {
  AdminUnit u;
  u.code = code;
  u.parent = parent;
  u.versions.push_back({Date(), code, code, type});
  return u;
}

Indicator Make(const char* code, ValueKind kind, SpatialAggregation spatial, TimeAggregation time) {
  Indicator i;
  i.code = code;
  i.name_vi = code;
  i.name_en = code;
  i.unit = "x";
  i.value_kind = kind;
  i.spatial = spatial;
  i.time = time;
  return i;
}

// A district with three wards; ward W3 has two residential groups.
class RollUpUnitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    district_ = *reg_.Add(Unit("D", UnitType::kUrbanDistrict, kNoUnit));
    w1_ = *reg_.Add(Unit("W1", UnitType::kWard, district_));
    w2_ = *reg_.Add(Unit("W2", UnitType::kWard, district_));
    w3_ = *reg_.Add(Unit("W3", UnitType::kWard, district_));
    t1_ = *reg_.Add(Unit("T1", UnitType::kResidentialGroup, w3_));
    t2_ = *reg_.Add(Unit("T2", UnitType::kResidentialGroup, w3_));
  }
  void Put(UnitId u, double v, std::optional<double> num = std::nullopt,
           std::optional<double> den = std::nullopt) {
    Observation o;
    o.unit = u;
    o.value = v;
    o.numerator = num;
    o.denominator = den;
    obs_[u] = o;
  }
  ObservationLookup Lookup() {
    return [this](UnitId id) -> const Observation* {
      auto it = obs_.find(id);
      return it == obs_.end() ? nullptr : &it->second;
    };
  }
  AdminRegistry reg_;
  std::map<UnitId, Observation> obs_;
  UnitId district_, w1_, w2_, w3_, t1_, t2_;
};

TEST_F(RollUpUnitsTest, SumCountsReportingAndMissing) {
  Indicator revenue = Make("R", ValueKind::kNumber, SpatialAggregation::kSum, TimeAggregation::kFlow);
  Put(w1_, 10);
  Put(t1_, 3);  // W3 has no own figure: its groups roll up
  Aggregate a = *RollUpUnits(reg_, district_, D("01/01/2024"), revenue, Lookup());
  EXPECT_DOUBLE_EQ(*a.value, 13);
  EXPECT_EQ(a.expected, 3);
  EXPECT_EQ(a.reporting, 2);
  EXPECT_EQ(a.missing, std::vector<UnitId>{w2_});
  EXPECT_TRUE(a.estimated);  // W3's figure lacks T2
}

TEST_F(RollUpUnitsTest, RatiosAreRecomputedNotAveraged) {
  Indicator cells =
      Make("C", ValueKind::kFraction, SpatialAggregation::kRatioOfSums, TimeAggregation::kStock);
  Put(w1_, 50, 10, 20);  // 10/20
  Put(w2_, 100, 2, 2);   // 2/2
  Put(w3_, 0, 0, 8);     // 0/8
  Aggregate a = *RollUpUnits(reg_, district_, D("01/01/2024"), cells, Lookup());
  EXPECT_DOUBLE_EQ(*a.numerator, 12);
  EXPECT_DOUBLE_EQ(*a.denominator, 30);
  EXPECT_DOUBLE_EQ(*a.value, 40);  // not (50+100+0)/3
}

// A ward that reported only its rate ("tỷ lệ … đạt 100%", no x/y) never makes the roll-up vanish:
// it counts as reporting, is flagged, and the ratio of the others stands.
TEST_F(RollUpUnitsTest, ABareRateIsFlaggedAndTheRatioOfTheOthersStands) {
  Indicator cells =
      Make("C", ValueKind::kFraction, SpatialAggregation::kRatioOfSums, TimeAggregation::kStock);
  Put(w1_, 50, 10, 20);
  Put(w2_, 100);  // a bare rate
  Put(w3_, 0, 0, 8);
  Aggregate a = *RollUpUnits(reg_, district_, D("01/01/2024"), cells, Lookup());
  ASSERT_TRUE(a.value.has_value());
  EXPECT_NEAR(*a.value, 10.0 / 28 * 100, 1e-9);
  EXPECT_EQ(a.reporting, 3);
  EXPECT_EQ(a.without_base, std::vector<UnitId>{w2_});
  EXPECT_TRUE(a.missing.empty());

  // Below a ward too: its group's bare rate is flagged up the tree.
  obs_.erase(w3_);
  Put(t1_, 90);
  Put(t2_, 25, 1, 4);
  a = *RollUpUnits(reg_, district_, D("01/01/2024"), cells, Lookup());
  EXPECT_NEAR(*a.value, 11.0 / 24 * 100, 1e-9);
  EXPECT_EQ(a.without_base, (std::vector<UnitId>{w2_, t1_}));

  // Only bare rates: counted as reporting, no ratio to give.
  obs_.clear();
  Put(w1_, 80);
  Put(w2_, 60);
  a = *RollUpUnits(reg_, district_, D("01/01/2024"), cells, Lookup());
  EXPECT_FALSE(a.value.has_value());
  EXPECT_EQ(a.reporting, 2);
  EXPECT_EQ(a.without_base, (std::vector<UnitId>{w1_, w2_}));
}

TEST_F(RollUpUnitsTest, MeanAndNone) {
  Indicator income = Make("I", ValueKind::kNumber, SpatialAggregation::kMean, TimeAggregation::kStock);
  Put(w1_, 60);
  Put(w2_, 80);
  EXPECT_DOUBLE_EQ(*RollUpUnits(reg_, district_, D("01/01/2024"), income, Lookup())->value, 70);
  Indicator rating = Make("N", ValueKind::kPercent, SpatialAggregation::kNone, TimeAggregation::kStock);
  Result<Aggregate> none = RollUpUnits(reg_, district_, D("01/01/2024"), rating, Lookup());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "indicator N (N) does not add up across units");
  // A leaf gives its own figure.
  EXPECT_DOUBLE_EQ(*RollUpUnits(reg_, w1_, D("01/01/2024"), rating, Lookup())->value, 60);
  EXPECT_FALSE(RollUpUnits(reg_, 999, D("01/01/2024"), rating, Lookup()).ok());
}

// Income per head over the wards is their total income over their population,
// not the plain mean of their figures; a ward without its population is
// flagged, counted as reporting, and left out; a ward rolled up from its
// groups weighs by the groups' population.
TEST_F(RollUpUnitsTest, AMeanWithABaseIsWeightedByIt) {
  Indicator income =
      Make("THU_NHAP_BQ", ValueKind::kNumber, SpatialAggregation::kMean, TimeAggregation::kStock);
  income.weight_by = "DAN_SO";
  std::map<UnitId, Observation> population;
  auto people = [&](UnitId u, double v) {
    population[u].unit = u;
    population[u].value = v;
  };
  ObservationLookup base = [&](UnitId id) -> const Observation* {
    auto it = population.find(id);
    return it == population.end() ? nullptr : &it->second;
  };
  Put(w1_, 60);  // 60 triệu/người/năm, 30.000 người
  Put(w2_, 40);  // 40 triệu, 10.000 người
  people(w1_, 30000);
  people(w2_, 10000);
  Put(t1_, 30);  // W3 from its groups: 30 triệu × 1.000 người, 50 triệu × 3.000 người
  Put(t2_, 50);
  people(t1_, 1000);
  people(t2_, 3000);
  Aggregate a = *RollUpUnits(reg_, district_, D("01/01/2020"), income, Lookup(), base);
  // (60·30000 + 40·10000 + 30·1000 + 50·3000) / 44000, not (60 + 40 + 45) / 3.
  EXPECT_NEAR(*a.value, (60.0 * 30000 + 40.0 * 10000 + 30.0 * 1000 + 50.0 * 3000) / 44000, 1e-9);
  EXPECT_EQ(a.denominator, 44000);
  EXPECT_EQ(a.reporting, 3);
  EXPECT_TRUE(a.without_base.empty());

  population.erase(w2_);
  Aggregate flagged = *RollUpUnits(reg_, district_, D("01/01/2020"), income, Lookup(), base);
  EXPECT_NEAR(*flagged.value, (60.0 * 30000 + 30.0 * 1000 + 50.0 * 3000) / 34000, 1e-9);
  EXPECT_EQ(flagged.reporting, 3);
  EXPECT_EQ(flagged.without_base, std::vector<UnitId>{w2_});

  // Without any base there is no mean to give, and every unit is named.
  Aggregate none = *RollUpUnits(reg_, district_, D("01/01/2020"), income, Lookup());
  EXPECT_FALSE(none.value.has_value());
  EXPECT_EQ(none.reporting, 3);
  EXPECT_EQ(none.without_base.size(), 4u);  // W1, W2 and W3's two groups

  // The same indicator without weight_by stays the plain mean.
  income.weight_by.clear();
  EXPECT_NEAR(*RollUpUnits(reg_, district_, D("01/01/2020"), income, Lookup(), base)->value,
              (60 + 40 + 40) / 3.0, 1e-9);
}

TEST_F(RollUpUnitsTest, NothingReported) {
  Indicator revenue = Make("R", ValueKind::kNumber, SpatialAggregation::kSum, TimeAggregation::kFlow);
  Aggregate a = *RollUpUnits(reg_, district_, D("01/01/2024"), revenue, Lookup());
  EXPECT_FALSE(a.value.has_value());
  EXPECT_EQ(a.missing.size(), 3u);
}

Observation O(const char* key, double v, std::optional<double> num = std::nullopt,
              std::optional<double> den = std::nullopt) {
  Observation o;
  o.unit = 1;
  o.indicator = "R";
  o.period = *Period::Parse(key);
  o.value = v;
  o.numerator = num;
  o.denominator = den;
  return o;
}

TEST(RollUpTime, FlowTilesWithFewestPieces) {
  Indicator revenue = Make("R", ValueKind::kNumber, SpatialAggregation::kSum, TimeAggregation::kFlow);
  std::vector<Observation> obs = {O("2018-H1", 60), O("2018-Q3", 30), O("2018-10", 12),  O("2018-07", 9),
                                  O("2018-08", 9),  O("2018-09", 9),  O("2017-10", 1000)};
  Aggregate a = *RollUpTime(revenue, *Period::FirstMonths(2018, 10), obs);
  EXPECT_DOUBLE_EQ(*a.value, 102);  // 60 + 30 + 12
  EXPECT_EQ(a.reporting, 10);
  // An exact report wins over any sum.
  obs.push_back(O("2018-01/2018-10", 101));
  EXPECT_DOUBLE_EQ(*RollUpTime(revenue, *Period::FirstMonths(2018, 10), obs)->value, 101);
}

TEST(RollUpTime, FlowWithAGapListsMissingMonths) {
  Indicator revenue = Make("R", ValueKind::kNumber, SpatialAggregation::kSum, TimeAggregation::kFlow);
  Aggregate a = *RollUpTime(revenue, *Period::Quarter(2018, 3), {O("2018-07", 1), O("2018-09", 1)});
  EXPECT_FALSE(a.value.has_value());
  EXPECT_EQ(a.missing_months, std::vector<int>{8});
  EXPECT_EQ(a.reporting, 2);
}

TEST(RollUpTime, StockTakesLatest) {
  Indicator poor = Make("R", ValueKind::kNumber, SpatialAggregation::kSum, TimeAggregation::kStock);
  Aggregate a = *RollUpTime(poor, *Period::Year(2018), {O("2018-H1", 130), O("2018-01/2018-10", 115)});
  EXPECT_DOUBLE_EQ(*a.value, 115);
  EXPECT_EQ(a.missing_months, (std::vector<int>{11, 12}));
  Aggregate none = *RollUpTime(poor, *Period::Quarter(2018, 1), {});
  EXPECT_FALSE(none.value.has_value());
  EXPECT_EQ(none.missing_months.size(), 3u);
}

TEST(RollUpTime, FractionFlowsSumNumeratorsAndDenominators) {
  Indicator resolved =
      Make("R", ValueKind::kFraction, SpatialAggregation::kRatioOfSums, TimeAggregation::kFlow);
  Aggregate a = *RollUpTime(resolved, *Period::FirstMonths(2018, 6),
                            {O("2018-Q1", 50, 5, 10), O("2018-Q2", 100, 30, 30)});
  EXPECT_DOUBLE_EQ(*a.numerator, 35);
  EXPECT_DOUBLE_EQ(*a.denominator, 40);
  EXPECT_DOUBLE_EQ(*a.value, 87.5);
}

}  // namespace
}  // namespace kiemdem
