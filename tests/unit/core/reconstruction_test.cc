// The series of a new unit rebuilt from its predecessors, over the real
// mapping: Phường Uông Bí (06811) from Thanh Sơn, Quang Trung and Yên Thanh
// wholly and part of Trưng Vương; Phường Long Biên (00145) from parts of
// seven wards; Phường Quảng Phú (16522) from seven whole wards.
#include "core/reconstruction.h"

#include <gtest/gtest.h>

#include <map>

#include "real_units.h"

namespace kiemdem {
namespace {

using testing::Code;
using testing::D;
using testing::RealUnits;

Indicator Flow() {
  Indicator i;
  i.code = "THU_NS";
  i.name_vi = "Thu ngân sách";
  i.name_en = "Budget revenue";
  i.unit = "đồng";
  return i;
}

Indicator Rate(TimeAggregation time) {
  Indicator i = Flow();
  i.code = "TY_LE";
  i.unit = "%";
  i.value_kind = ValueKind::kFraction;
  i.spatial = SpatialAggregation::kRatioOfSums;
  i.time = time;
  return i;
}

// Figures by (unit code valid on the day, period key).
class Figures {
 public:
  explicit Figures(const AdminRegistry& reg) : reg_(reg) {}
  Figures& Add(const char* code, const char* day, const Period& p, double v, std::optional<double> num = {},
               std::optional<double> den = {}) {
    Observation o;
    o.unit = Code(reg_, code, day);
    o.period = p;
    o.value = v;
    o.numerator = num;
    o.denominator = den;
    values_[{o.unit, p.Key()}] = o;
    return *this;
  }
  PeriodLookup Lookup() const {
    return [this](UnitId u, const Period& p) -> std::optional<Observation> {
      auto it = values_.find({u, p.Key()});
      if (it == values_.end()) return std::nullopt;
      return it->second;
    };
  }

 private:
  const AdminRegistry& reg_;
  std::map<std::pair<UnitId, std::string>, Observation> values_;
};

const char* kOld = "01/01/2024";
const char* kNew = "01/01/2026";

Figures UongBi2024(const AdminRegistry& reg) {
  Figures f(reg);
  Period y = *Period::Year(2024);
  f.Add("06811", kOld, y, 10).Add("06817", kOld, y, 20).Add("06826", kOld, y, 5).Add("06820", kOld, y, 100);
  return f;
}

// Whole predecessors counted whole; the split one flagged, not counted.
TEST(Reconstruction, SamePeriodBeforeTheReformFromWholePredecessors) {
  const AdminRegistry& reg = RealUnits();
  UnitId uong_bi = Code(reg, "06811", kNew);
  Figures f = UongBi2024(reg);
  Reconstruction r = *Reconstruct(reg, uong_bi, *Period::Year(2024), Flow(), f.Lookup());
  EXPECT_EQ(r.basis, SeriesBasis::kRebuilt);
  EXPECT_STREQ(SeriesBasisLabelVi(r.basis), "tính theo địa giới mới");
  ASSERT_TRUE(r.aggregate.value.has_value());
  EXPECT_DOUBLE_EQ(*r.aggregate.value, 35);
  EXPECT_EQ(r.aggregate.expected, 3);
  EXPECT_EQ(r.aggregate.reporting, 3);
  ASSERT_EQ(r.aggregate.split_units.size(), 1u);
  EXPECT_EQ(reg.Get(r.aggregate.split_units[0])->Current().full_name, "Phường Trưng Vương");
  EXPECT_FALSE(r.complete());
  EXPECT_FALSE(r.uses_shares());
  ASSERT_EQ(r.parts.size(), 4u);
  for (const SeriesPart& p : r.parts) {
    EXPECT_EQ(p.period, *Period::Year(2024));
    EXPECT_EQ(p.share.has_value(), p.coverage == Coverage::kFull);
    EXPECT_TRUE(p.value.has_value());  // Trưng Vương's own figure is shown, though not counted
  }
}

// A share set by the user counts that much of the split ward, as an estimate.
TEST(Reconstruction, ASplitPredecessorCountsByTheShareSet) {
  std::unique_ptr<AdminRegistry> reg = testing::LoadRealUnits();
  UnitId uong_bi = Code(*reg, "06811", kNew);
  ASSERT_TRUE(reg->PutSuccession({Code(*reg, "06820", kOld), uong_bi, D("01/07/2025"), Coverage::kPartial,
                                  "Nghị quyết 1682/NQ-UBTVQH15", 0.25})
                  .ok());
  Figures f = UongBi2024(*reg);
  Reconstruction r = *Reconstruct(*reg, uong_bi, *Period::Year(2024), Flow(), f.Lookup());
  EXPECT_DOUBLE_EQ(*r.aggregate.value, 60);  // 35 + 25% of 100
  EXPECT_EQ(r.aggregate.expected, 4);
  EXPECT_TRUE(r.aggregate.split_units.empty());
  EXPECT_TRUE(r.complete());
  EXPECT_TRUE(r.uses_shares());
  EXPECT_TRUE(r.aggregate.estimated);
}

// 2025 = the first half under the old units + the second half under the new.
TEST(Reconstruction, TheYear2025JoinsOldAndNewHalves) {
  const AdminRegistry& reg = RealUnits();
  UnitId uong_bi = Code(reg, "06811", kNew);
  Period h1 = *Period::FirstMonths(2025, 6);
  Figures f(reg);
  f.Add("06811", "01/01/2025", h1, 4).Add("06817", "01/01/2025", h1, 6).Add("06826", "01/01/2025", h1, 1);
  f.Add("06811", kNew, *Period::SecondHalf(2025), 30);
  Reconstruction r = *Reconstruct(reg, uong_bi, *Period::Year(2025), Flow(), f.Lookup());
  EXPECT_EQ(r.basis, SeriesBasis::kMixed);
  EXPECT_DOUBLE_EQ(*r.aggregate.value, 41);
  ASSERT_EQ(r.parts.size(), 5u);
  EXPECT_EQ(r.parts.front().period, h1);
  EXPECT_EQ(r.parts.back().unit, uong_bi);
  EXPECT_EQ(r.parts.back().period, *Period::SecondHalf(2025));
  EXPECT_EQ(r.aggregate.split_units.size(), 1u);

  // Without its own second half the year has no value, and says who is missing.
  Figures only_old(reg);
  only_old.Add("06811", "01/01/2025", h1, 4)
      .Add("06817", "01/01/2025", h1, 6)
      .Add("06826", "01/01/2025", h1, 1);
  Reconstruction partial = *Reconstruct(reg, uong_bi, *Period::Year(2025), Flow(), only_old.Lookup());
  EXPECT_FALSE(partial.aggregate.value.has_value());
  EXPECT_EQ(partial.aggregate.missing, std::vector<UnitId>{uong_bi});

  // A stock is the value at the end of the period: the new ward's own.
  Figures stock(reg);
  stock.Add("06811", kNew, *Period::SecondHalf(2025), 12, 12, 100);
  Reconstruction s =
      *Reconstruct(reg, uong_bi, *Period::Year(2025), Rate(TimeAggregation::kStock), stock.Lookup());
  EXPECT_EQ(s.basis, SeriesBasis::kReported);
  EXPECT_DOUBLE_EQ(*s.aggregate.value, 12);
  EXPECT_STREQ(SeriesBasisLabelVi(s.basis), "số liệu báo cáo");
}

// After the reform a new unit's figures are its own.
TEST(Reconstruction, ANewUnitsOwnPeriodsAreAsReported) {
  const AdminRegistry& reg = RealUnits();
  UnitId uong_bi = Code(reg, "06811", kNew);
  Figures f(reg);
  f.Add("06811", kNew, *Period::Year(2026), 77);
  Reconstruction r = *Reconstruct(reg, uong_bi, *Period::Year(2026), Flow(), f.Lookup());
  EXPECT_EQ(r.basis, SeriesBasis::kReported);
  EXPECT_DOUBLE_EQ(*r.aggregate.value, 77);
  EXPECT_TRUE(r.complete());
  Reconstruction none = *Reconstruct(reg, uong_bi, *Period::Quarter(2026, 1), Flow(), f.Lookup());
  EXPECT_FALSE(none.aggregate.value.has_value());
  EXPECT_EQ(none.aggregate.missing.size(), 1u);
}

// New Phường Long Biên is made only of parts of seven wards: nothing counts
// until shares are set, and it says so.
TEST(Reconstruction, EverySplitPredecessorIsFlaggedWithTheShareCounted) {
  std::unique_ptr<AdminRegistry> reg = testing::LoadRealUnits();
  UnitId long_bien = Code(*reg, "00145", kNew);
  Figures f(*reg);
  Period y = *Period::Year(2024);
  for (const char* code : {"00130", "00139", "00145", "00148", "00151", "00154", "00583"})
    f.Add(code, kOld, y, 10);
  Reconstruction r = *Reconstruct(*reg, long_bien, y, Flow(), f.Lookup());
  EXPECT_FALSE(r.aggregate.value.has_value());
  EXPECT_EQ(r.aggregate.expected, 0);
  EXPECT_EQ(r.aggregate.split_units.size(), 7u);
  for (const SeriesPart& p : r.parts) {
    EXPECT_EQ(p.coverage, Coverage::kPartial);
    EXPECT_FALSE(p.share.has_value());
  }
  // A share on one of them: that part counts, the other six are still flagged.
  ASSERT_TRUE(
      reg->PutSuccession({Code(*reg, "00145", kOld), long_bien, D("01/07/2025"), Coverage::kPartial, "", 0.6})
          .ok());
  Reconstruction one = *Reconstruct(*reg, long_bien, y, Flow(), f.Lookup());
  EXPECT_DOUBLE_EQ(*one.aggregate.value, 6);
  EXPECT_EQ(one.aggregate.split_units.size(), 6u);
}

// Rates are recomputed from numerators and denominators, never averaged.
TEST(Reconstruction, RatesFromNumeratorsAndDenominators) {
  const AdminRegistry& reg = RealUnits();
  UnitId quang_phu = Code(reg, "16522", kNew);
  Period y = *Period::Year(2024);
  Figures f(reg);
  f.Add("14800", kOld, y, 50, 10, 20).Add("14806", kOld, y, 75, 30, 40);
  Reconstruction r = *Reconstruct(reg, quang_phu, y, Rate(TimeAggregation::kStock), f.Lookup());
  EXPECT_NEAR(*r.aggregate.value, 40.0 / 60.0 * 100, 1e-9);
  EXPECT_DOUBLE_EQ(*r.aggregate.numerator, 40);
  EXPECT_DOUBLE_EQ(*r.aggregate.denominator, 60);
  EXPECT_EQ(r.aggregate.expected, 7);
  EXPECT_EQ(r.aggregate.missing.size(), 5u);
  EXPECT_TRUE(r.aggregate.split_units.empty());

  // A flow rate over 2025: H1 of the old wards and H2 of the new, from sums.
  Period h1 = *Period::FirstMonths(2025, 6);
  Figures g(reg);
  g.Add("14800", "01/01/2025", h1, 50, 10, 20).Add("16522", kNew, *Period::SecondHalf(2025), 25, 20, 80);
  Reconstruction year =
      *Reconstruct(reg, quang_phu, *Period::Year(2025), Rate(TimeAggregation::kFlow), g.Lookup());
  EXPECT_EQ(year.basis, SeriesBasis::kMixed);
  EXPECT_NEAR(*year.aggregate.value, 30.0 / 100.0 * 100, 1e-9);
}

// A merged province's earlier years are the old provinces' sum.
TEST(Reconstruction, AMergedProvinceFromTheOldProvinces) {
  const AdminRegistry& reg = RealUnits();
  UnitId phu_tho = Code(reg, "25", kNew);
  Period y = *Period::Year(2024);
  Figures f(reg);
  f.Add("25", kOld, y, 100).Add("26", kOld, y, 200).Add("17", kOld, y, 50);
  Reconstruction r = *Reconstruct(reg, phu_tho, y, Flow(), f.Lookup());
  EXPECT_DOUBLE_EQ(*r.aggregate.value, 350);
  EXPECT_TRUE(r.complete());
}

TEST(Reconstruction, RefusesWhatCannotBeRebuilt) {
  const AdminRegistry& reg = RealUnits();
  Figures f(reg);
  // An old ward after it ended: the message names what it became.
  Result<Reconstruction> gone =
      Reconstruct(reg, Code(reg, "14800", kOld), *Period::Year(2026), Flow(), f.Lookup());
  ASSERT_FALSE(gone.ok());
  EXPECT_NE(gone.status().message_vi().find("đã nhập vào Phường Quảng Phú (16522)"), std::string::npos);
  // A ward's own rating does not add up over the wards it was formed of.
  Indicator rating = Flow();
  rating.spatial = SpatialAggregation::kNone;
  Period y = *Period::Year(2024);
  f.Add("14800", kOld, y, 1).Add("14806", kOld, y, 2);
  Result<Reconstruction> none = Reconstruct(reg, Code(reg, "16522", kNew), y, rating, f.Lookup());
  EXPECT_EQ(none.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(Reconstruct(reg, 999999, y, Flow(), f.Lookup()).ok());
}

}  // namespace
}  // namespace kiemdem
