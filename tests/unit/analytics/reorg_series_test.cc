// The 2025 reorganisation over a real (SQLite) store holding the shipped
// units and merge mapping (data/admin-units/): a new ward's figures rebuilt
// from its predecessors, codes read by period or by day, and what a reused
// code named at other times.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "../core/real_units.h"
#include "analytics/evaluation_service.h"
#include "analytics/figure_index.h"
#include "analytics/series.h"

namespace kiemdem::analytics {
namespace {

using kiemdem::testing::D;

// The fixture saves drafts; the series rules do not depend on approval.
constexpr FigureFilter kAllFigures{.include_unapproved = true};

class ReorgSeriesTest : public ::testing::TestWithParam<const char*> {
 protected:
  // The figures as the analytics read them: through the store, or from a
  // FigureIndex loaded once and brought up to date before each use (the
  // test's writes are followed from the audit log, as the server does).
  FigureSource& Figures() {
    if (std::string(GetParam()) == "store") {
      through_store_ = std::make_unique<StoreFigures>(*store_);
      return *through_store_;
    }
    if (!index_) {
      index_ = std::make_unique<FigureIndex>();
      EXPECT_TRUE(index_->Load(*store_).ok());
    }
    EXPECT_TRUE(index_->CatchUp(*store_).ok());
    return *index_;
  }
  std::unique_ptr<StoreFigures> through_store_;
  std::unique_ptr<FigureIndex> index_;
  static void SetUpTestSuite() {
    path_ = new std::string(
        (std::filesystem::temp_directory_path() / ("kiemdem_reorg_" + std::to_string(getpid()) + ".db"))
            .string());
    std::filesystem::remove(*path_);
    store_ = std::move(store::Store::Open({.url = *path_})).value().release();
    ASSERT_TRUE(store_->Migrate().ok());
    ASSERT_TRUE(store_->units().SaveUnits("admin", kiemdem::testing::RealUnits()).ok());
    Indicator i;
    i.code = "THU_NS";
    i.name_vi = "Thu ngân sách";
    i.name_en = "Budget revenue";
    i.unit = "triệu đồng";
    ASSERT_TRUE(store_->plans().PutIndicators("admin", {i}).ok());
    tree_ = new UnitTree(std::move(UnitTree::Load(*store_)).value());
    auto at = [](const char* code, const char* day) { return *store_->units().FindUnit(code, D(day)); };
    uong_bi_ = at("06811", "01/01/2026");
    thanh_son_ = at("06811", "01/01/2024");
    quang_trung_ = at("06817", "01/01/2024");
    trung_vuong_ = at("06820", "01/01/2024");
    yen_thanh_ = at("06826", "01/01/2024");
    for (auto [unit, y2024, h1] : {std::tuple{thanh_son_, 100.0, 60.0},
                                   {quang_trung_, 200.0, 110.0},
                                   {yen_thanh_, 300.0, 160.0},
                                   {trung_vuong_, 50.0, 30.0}}) {
      Save(unit, "2024", y2024);
      Save(unit, "2025-H1", h1);
    }
    Save(uong_bi_, "2025-H2", 400);
    Save(uong_bi_, "2026", 900);
  }
  static void TearDownTestSuite() {
    delete tree_;
    delete store_;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(*path_ + suffix);
    delete path_;
  }
  static void Save(UnitId unit, const char* period, double value) {
    Observation o;
    o.unit = unit;
    o.indicator = "THU_NS";
    o.period = *Period::Parse(period);
    o.value = value;
    ASSERT_TRUE(store_->results().SaveResult("r", o).ok());
  }
  static Indicator Revenue() { return std::move(store_->ListIndicators()).value().front(); }

  static std::string* path_;
  static store::Store* store_;
  static UnitTree* tree_;
  static UnitId uong_bi_, thanh_son_, quang_trung_, trung_vuong_, yen_thanh_;
};
std::string* ReorgSeriesTest::path_ = nullptr;
store::Store* ReorgSeriesTest::store_ = nullptr;
UnitTree* ReorgSeriesTest::tree_ = nullptr;
UnitId ReorgSeriesTest::uong_bi_ = kNoUnit, ReorgSeriesTest::thanh_son_ = kNoUnit,
       ReorgSeriesTest::quang_trung_ = kNoUnit, ReorgSeriesTest::trung_vuong_ = kNoUnit,
       ReorgSeriesTest::yen_thanh_ = kNoUnit;

TEST_P(ReorgSeriesTest, TheShippedUnitsLoadWithoutProblems) {
  for (const UnitTree::Problem& p : tree_->problems())
    ADD_FAILURE() << p.unit_code << ": " << p.cause.message();
  EXPECT_EQ(tree_->skipped(), 0u);
}

TEST_P(ReorgSeriesTest, TheYearBeforeTheReformFromTheWholePredecessorsWithTheSplitOneLeftOut) {
  SeriesReader series(Figures(), *tree_, kAllFigures);
  UnitSeries s = *series.Read(uong_bi_, Revenue(), *Period::Year(2024));
  EXPECT_EQ(s.basis, SeriesBasis::kRebuilt);
  ASSERT_TRUE(s.value.has_value());
  EXPECT_DOUBLE_EQ(s.value->value, 600);  // Thanh Sơn + Quang Trung + Yên Thanh
  EXPECT_EQ(s.value->unit, uong_bi_);
  EXPECT_EQ(s.split_units, std::vector<UnitId>{trung_vuong_});
  ASSERT_EQ(s.parts.size(), 4u);
  for (const SeriesPartView& p : s.parts) {
    EXPECT_EQ(p.counted, p.unit != trung_vuong_) << p.unit;
    EXPECT_EQ(p.coverage == Coverage::kPartial, p.unit == trung_vuong_) << p.unit;
  }
}

TEST_P(ReorgSeriesTest, TwentyTwentyFiveJoinsTheOldFirstHalfToTheNewSecondHalf) {
  SeriesReader series(Figures(), *tree_, kAllFigures);
  UnitSeries s = *series.Read(uong_bi_, Revenue(), *Period::Year(2025));
  EXPECT_EQ(s.basis, SeriesBasis::kMixed);
  ASSERT_TRUE(s.value.has_value());
  EXPECT_DOUBLE_EQ(s.value->value, 60 + 110 + 160 + 400);
  // Its own year 2026 is as reported.
  UnitSeries own = *series.Read(uong_bi_, Revenue(), *Period::Year(2026));
  EXPECT_EQ(own.basis, SeriesBasis::kReported);
  EXPECT_TRUE(own.parts.empty());
  EXPECT_DOUBLE_EQ(own.value->value, 900);
}

TEST_P(ReorgSeriesTest, TheEvaluationComparesWithTheRebuiltSamePeriod) {
  UnitEvaluation e = *EvaluateUnit(Figures(), *tree_, uong_bi_, *Period::Year(2026), kAllFigures);
  ASSERT_EQ(e.rows.size(), 1u);
  const EvaluationRow& r = e.rows[0];
  EXPECT_EQ(r.previous_series.basis, SeriesBasis::kMixed);
  EXPECT_DOUBLE_EQ(*r.evaluation.previous, 730);
  EXPECT_NEAR(*r.evaluation.percent_of_previous, 900.0 / 730 * 100, 1e-9);
  // An old ward is evaluated on its own figures.
  UnitEvaluation old = *EvaluateUnit(Figures(), *tree_, thanh_son_, *Period::Year(2024), kAllFigures);
  ASSERT_EQ(old.rows.size(), 1u);
  EXPECT_EQ(old.rows[0].actual_series.basis, SeriesBasis::kReported);
  EXPECT_DOUBLE_EQ(*old.rows[0].evaluation.actual, 100);
}

TEST_P(ReorgSeriesTest, AReusedCodeIsReadByPeriodOrByDay) {
  EXPECT_EQ(*tree_->ResolveCode("06811", *Period::Year(2024), std::nullopt), thanh_son_);
  EXPECT_EQ(*tree_->ResolveCode("06811", *Period::Year(2026), std::nullopt), uong_bi_);
  Result<UnitId> both =
      tree_->ResolveCode("06811", *Period::Year(2025), std::nullopt, {"ghi cột X", "fill X"});
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message_vi().find("Phường Thanh Sơn"), std::string::npos)
      << both.status().message_vi();
  EXPECT_NE(both.status().message_vi().find("Phường Uông Bí"), std::string::npos)
      << both.status().message_vi();
  EXPECT_NE(both.status().message_vi().find("ghi cột X"), std::string::npos) << both.status().message_vi();
  // Today's 06811 has no figures for 2024: they are its predecessors'.
  Result<UnitId> early = tree_->ResolveCode("06811", *Period::Year(2024), D("01/01/2026"));
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(early.status().message_vi().find("Phường Quang Trung"), std::string::npos)
      << early.status().message_vi();
  EXPECT_EQ(*tree_->ResolveCode("06811", *Period::Parse("2025-H2"), D("01/07/2025")), uong_bi_);
}

TEST_P(ReorgSeriesTest, WhatElseACodeNamedAndAnEndedWardsSuccessor) {
  std::optional<UnitTree::Note> note = tree_->OtherHolders("06811", thanh_son_);
  ASSERT_TRUE(note.has_value());
  EXPECT_EQ(note->vi, "mã 06811 là Phường Uông Bí, Tỉnh Quảng Ninh từ 01/07/2025");
  EXPECT_FALSE(tree_->OtherHolders("06817", quang_trung_).has_value());  // never reused
  Result<UnitId> ended =
      tree_->FindByCode("14800", D("01/01/2026"), {"dùng --on dd/mm/yyyy", "use --on dd/mm/yyyy"});
  ASSERT_FALSE(ended.ok());
  EXPECT_NE(ended.status().message_vi().find("đã nhập vào Phường Quảng Phú (16522) từ 01/07/2025; dùng --on"),
            std::string::npos)
      << ended.status().message_vi();
}

INSTANTIATE_TEST_SUITE_P(Sources, ReorgSeriesTest, ::testing::Values("store", "index"));

}  // namespace
}  // namespace kiemdem::analytics
