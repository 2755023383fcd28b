// The dashboard's rules over a real (SQLite) store: where it opens, trends,
// and the units under a parent side by side.
#include "analytics/dashboard.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "analytics/figure_index.h"

namespace kiemdem::analytics {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

class DashboardTest : public ::testing::TestWithParam<const char*> {
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
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("kiemdem_dash_" + std::to_string(getpid()) + ".db"))
                .string();
    std::filesystem::remove(path_);
    store_ = std::move(store::Store::Open({.url = path_})).value();
    ASSERT_TRUE(store_->Migrate().ok());
    AdminRegistry reg;
    auto add = [&](const char* code, const char* name, UnitType type, UnitId parent) {
      AdminUnit u;
      u.code = code;
      u.parent = parent;
      u.versions.push_back({Date(), name, name, type});
      return *reg.Add(u);
    };
    UnitId p = add("22", "Tỉnh Quảng Ninh", UnitType::kProvince, kNoUnit);
    UnitId c = add("196", "Thành phố Uông Bí", UnitType::kProvincialCity, p);
    add("06817", "Phường Quang Trung", UnitType::kWard, c);
    add("06811", "Phường Uông Bí", UnitType::kWard, c);
    ASSERT_TRUE(store_->units().SaveUnits("admin", reg).ok());
    Indicator i;
    i.code = "THU_NS";
    i.name_vi = "Thu ngân sách";
    i.name_en = "Budget revenue";
    i.unit = "triệu đồng";
    ASSERT_TRUE(store_->plans().PutIndicators("admin", {i}).ok());
    city_ = *store_->units().FindUnit("196", D("01/01/2020"));
    a_ = *store_->units().FindUnit("06817", D("01/01/2020"));
    b_ = *store_->units().FindUnit("06811", D("01/01/2020"));
    tree_ = std::move(UnitTree::Load(*store_)).value();
  }
  void TearDown() override {
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }
  int64_t Save(UnitId unit, const char* period, double value) {
    Observation o;
    o.unit = unit;
    o.indicator = "THU_NS";
    o.period = *Period::Parse(period);
    o.value = value;
    Result<int64_t> id = store_->results().SaveResult("r", o);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }
  // Submitted by its reporter, approved by someone else.
  void Approve(int64_t id) {
    ASSERT_TRUE(store_->results().SubmitResult("r", id).ok());
    ASSERT_TRUE(store_->results().ApproveResult("a", id, 1).ok());
  }
  std::string path_;
  std::unique_ptr<store::Store> store_;
  std::optional<UnitTree> tree_;
  UnitId city_ = kNoUnit, a_ = kNoUnit, b_ = kNoUnit;
};

TEST_P(DashboardTest, LatestPeriodPrefersTheLatestEndThenTheLongest) {
  Save(a_, "2020-10", 1);
  Save(a_, "2020-01/2020-10", 10);
  Save(a_, "2019", 12);
  EXPECT_EQ(*LatestPeriod(store_->results(), a_, 2026), "2020-01/2020-10");
  EXPECT_EQ(*LatestPeriod(store_->results(), b_, 2026), "");
  // Older than 30 years does not count.
  EXPECT_EQ(*LatestPeriod(store_->results(), a_, 2051), "");
}

TEST_P(DashboardTest, HomeIsTheFirstOwnUnitWithFigures) {
  Save(b_, "2021", 5);
  std::optional<Home> home = *FindHome(*store_, {a_, b_}, 2026);
  ASSERT_TRUE(home);
  EXPECT_EQ(home->unit, b_);
  EXPECT_EQ(home->period, "2021");
  // No figures anywhere among them: the last one tried, with no period.
  home = *FindHome(*store_, {a_}, 2026);
  ASSERT_TRUE(home);
  EXPECT_EQ(home->unit, a_);
  EXPECT_EQ(home->period, "");
}

TEST_P(DashboardTest, HomeAboveEveryUnitIsTheLatestSessionsUnit) {
  EXPECT_FALSE(*FindHome(*store_, {}, 2026));
  Meeting older, newer;
  older.held_on = D("01/02/2021");
  older.host = "Thành ủy";
  older.unit = a_;
  newer = older;
  newer.held_on = D("01/03/2021");
  newer.unit = b_;
  ASSERT_TRUE(store_->meetings().SaveMeeting("a", older).ok());
  ASSERT_TRUE(store_->meetings().SaveMeeting("a", newer).ok());
  Save(a_, "2021-Q1", 3);
  std::optional<Home> home = *FindHome(*store_, {}, 2026);
  ASSERT_TRUE(home);
  EXPECT_EQ(home->unit, a_);  // the newest session's unit has no figures
  EXPECT_EQ(home->period, "2021-Q1");
}

TEST_P(DashboardTest, TrendIsOneIndicatorOldestFirst) {
  Save(a_, "2022", 30);
  Save(a_, "2020", 10);
  Save(a_, "2021-Q2", 4);
  Save(b_, "2021", 99);
  std::vector<TrendPoint> points = *Trend(store_->results(), a_, "THU_NS", 2020, 2021);
  ASSERT_EQ(points.size(), 2u);
  EXPECT_EQ(points[0].period.Key(), "2020");
  EXPECT_EQ(points[1].period.Key(), "2021-Q2");
  EXPECT_DOUBLE_EQ(points[1].value, 4);
  EXPECT_TRUE(Trend(store_->results(), a_, "KHAC", 2020, 2022)->empty());
  EXPECT_EQ(Trend(store_->results(), a_, "THU_NS", 2022, 2020).status().field(), "from");
  EXPECT_EQ(Trend(store_->results(), a_, "THU_NS", 1990, 2030).status().field(), "from");
}

TEST_P(DashboardTest, CompareEvaluatesEachChildForTheIndicator) {
  Approve(Save(a_, "2020", 10));
  std::vector<ComparedUnit> units =
      *CompareChildren(Figures(), *tree_, city_, *Period::Parse("2020"), "THU_NS");
  ASSERT_EQ(units.size(), 2u);
  const ComparedUnit& with = units[0].unit == a_ ? units[0] : units[1];
  const ComparedUnit& without = units[0].unit == a_ ? units[1] : units[0];
  ASSERT_TRUE(with.row);
  EXPECT_EQ(with.row->evaluation.actual, 10);
  EXPECT_TRUE(!without.row || !without.row->evaluation.actual);
  EXPECT_EQ(with.rank, 1);  // ranked among the units with a figure; the other is not ranked
  EXPECT_FALSE(without.rank);
  EXPECT_EQ(units[0].unit, a_);  // units with a figure first
  EXPECT_TRUE(CompareChildren(Figures(), *tree_, a_, *Period::Parse("2020"), "THU_NS")->empty());
}

// The table of the units below: each indicator combined over them by core's
// roll-up (counted figures only; a draft is missing), with the units' kinds
// for its label, never as the parent's own figure.
TEST_P(DashboardTest, TheTableCombinesTheUnitsCountedFiguresByCoresRollUp) {
  Approve(Save(a_, "2020", 10));
  Approve(Save(b_, "2020", 4.5));
  Period y = *Period::Parse("2020");
  ComparisonTable t = *CompareChildrenTable(Figures(), *tree_, city_, y, {});
  ASSERT_EQ(t.indicators.size(), 1u);
  ASSERT_TRUE(t.sums[0].has_value());
  EXPECT_EQ(t.sums[0]->value, 14.5);
  EXPECT_EQ(t.sums[0]->reporting, 2);
  EXPECT_EQ(t.sums[0]->expected, 2);
  EXPECT_EQ(t.kinds, (std::vector<UnitType>{UnitType::kWard, UnitType::kWard}));
  // The same as the city's roll-up of its subtree.
  std::vector<RollupRow> up = *RollUpSubtree(Figures(), *tree_, city_, y);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0].aggregate.value, t.sums[0]->value);

  Save(b_, "2021", 7);  // a draft: shown in its cell, not combined
  ComparisonTable next = *CompareChildrenTable(Figures(), *tree_, city_, *Period::Parse("2021"), {"THU_NS"});
  ASSERT_TRUE(next.sums[0].has_value());
  EXPECT_FALSE(next.sums[0]->value.has_value());
  EXPECT_EQ(next.sums[0]->reporting, 0);
  EXPECT_EQ(next.sums[0]->missing.size(), 2u);
  EXPECT_EQ(KindsBelow(*tree_, kCountry, D("01/01/2020")), std::vector<UnitType>{UnitType::kProvince});
}

// Only approved figures count by default: a draft is shown as such and left
// out of the verdict, the summary and the roll-up; on request it counts, marked.
TEST_P(DashboardTest, OnlyApprovedFiguresCountByDefault) {
  Plan plan;
  plan.unit = a_;
  plan.body_kind = BodyKind::kPeoplesCouncil;
  plan.first_year = plan.last_year = 2020;
  plan.targets.push_back({"THU_NS", 2020, Comparator::kAtLeast, 8, std::nullopt});
  ASSERT_TRUE(store_->plans().SavePlans("admin", {plan}).ok());
  int64_t draft = Save(a_, "2020", 10);
  Period y = *Period::Parse("2020");

  UnitEvaluation shown = *EvaluateUnit(Figures(), *tree_, a_, y);
  ASSERT_EQ(shown.rows.size(), 1u);
  const EvaluationRow& row = shown.rows[0];
  EXPECT_EQ(row.result_status, "draft");
  EXPECT_EQ(row.unapproved_value, 10);
  EXPECT_FALSE(row.evaluation.actual.has_value());
  EXPECT_EQ(row.evaluation.status, Attainment::kNoData);
  EXPECT_EQ(shown.summary.met_or_exceeded(), 0);
  EXPECT_TRUE(RollUpSubtree(Figures(), *tree_, city_, y)->empty());

  UnitEvaluation included = *EvaluateUnit(Figures(), *tree_, a_, y, {.include_unapproved = true});
  EXPECT_EQ(included.rows[0].evaluation.status, Attainment::kExceeded);
  EXPECT_TRUE(included.rows[0].counts_unapproved);
  EXPECT_FALSE(included.rows[0].unapproved_value.has_value());
  EXPECT_EQ(RollUpSubtree(Figures(), *tree_, city_, y, {.include_unapproved = true})->size(), 1u);

  Approve(draft);
  UnitEvaluation approved = *EvaluateUnit(Figures(), *tree_, a_, y);
  EXPECT_EQ(approved.rows[0].evaluation.status, Attainment::kExceeded);
  EXPECT_FALSE(approved.rows[0].counts_unapproved);
  EXPECT_EQ(approved.summary.ToVietnamese(),
            "1/1 chỉ tiêu đạt và vượt kế hoạch (vượt 1, đạt 0, không đạt 0)");
}

// The reviewing body chooses the plan a unit is judged on; every plan of the
// year is also judged on its own targets, so the choice is seen beside the others.
TEST_P(DashboardTest, TheReviewingBodyChoosesTheReferencePlan) {
  auto plan = [&](BodyKind kind, double target, bool assigned) {
    Plan p;
    p.unit = a_;
    p.body_kind = kind;
    p.assigned_by_superior = assigned;
    p.first_year = p.last_year = 2020;
    p.targets.push_back({"THU_NS", 2020, Comparator::kAtLeast, target, std::nullopt});
    return p;
  };
  // The Party committee's resolution asks for more than the Council's; the city assigned 9.
  ASSERT_TRUE(store_->plans()
                  .SavePlans("admin", {plan(BodyKind::kPartyCommittee, 12, false),
                                       plan(BodyKind::kPeoplesCouncil, 10, false),
                                       plan(BodyKind::kPeoplesCommittee, 9, true)})
                  .ok());
  Approve(Save(a_, "2020", 11));
  Period y = *Period::Parse("2020");

  UnitEvaluation by_default = *EvaluateUnit(Figures(), *tree_, a_, y);
  ASSERT_EQ(by_default.rows.size(), 1u);
  EXPECT_EQ(by_default.rows[0].target_body, "peoples_council");
  EXPECT_EQ(by_default.rows[0].evaluation.status, Attainment::kExceeded);
  EXPECT_TRUE(by_default.plan_choice.is_default());
  ASSERT_EQ(by_default.by_plan.size(), 3u);
  std::map<std::string, int> met;
  for (const PlanSummary& p : by_default.by_plan)
    met[BodyKindKey(p.plan->body_kind)] = p.summary.met_or_exceeded();
  EXPECT_EQ(met, (std::map<std::string, int>{
                     {"party_committee", 0}, {"peoples_council", 1}, {"peoples_committee", 1}}));

  UnitEvaluation party =
      *EvaluateUnit(Figures(), *tree_, a_, y, {}, {}, *PlanChoice::Parse("party_committee"));
  EXPECT_EQ(party.rows[0].target_body, "party_committee");
  EXPECT_EQ(party.rows[0].evaluation.status, Attainment::kNotMet);
  EXPECT_EQ(party.summary.ToVietnamese(), "0/1 chỉ tiêu đạt và vượt kế hoạch (vượt 0, đạt 0, không đạt 1)");

  UnitEvaluation assigned = *EvaluateUnit(Figures(), *tree_, a_, y, {}, {}, *PlanChoice::Parse("assigned"));
  EXPECT_EQ(assigned.rows[0].target_body, "peoples_committee");
  EXPECT_EQ(assigned.rows[0].evaluation.target->value, 9);

  // A plan without a target for the indicator: the figure has no target under it.
  UnitEvaluation front =
      *EvaluateUnit(Figures(), *tree_, a_, y, {}, {}, *PlanChoice::Parse("fatherland_front"));
  ASSERT_EQ(front.rows.size(), 1u);
  EXPECT_EQ(front.rows[0].evaluation.status, Attainment::kNoTarget);
  EXPECT_EQ(PlanChoice::Parse("nope").status().field(), "plan");
  EXPECT_EQ(PlanChoice::Parse("assigned")->Key(), "assigned");
}

// By default each row shows the best-ranked body's target for it, but the
// "x/y chỉ tiêu" line counts the plan of record alone: the Council's 1 target,
// not the Council's and the Party committee's added up to a 2/2 that no
// resolution has.
TEST_P(DashboardTest, TheDefaultSummaryCountsThePlanOfRecordOnly) {
  Indicator dn;
  dn.code = "DN_MOI";
  dn.name_vi = "Doanh nghiệp thành lập mới";
  dn.name_en = "New enterprises";
  dn.unit = "doanh nghiệp";
  ASSERT_TRUE(store_->plans().PutIndicators("admin", {dn}).ok());
  auto plan = [&](BodyKind kind, std::vector<Target> targets) {
    Plan p;
    p.unit = a_;
    p.body_kind = kind;
    p.first_year = p.last_year = 2020;
    p.resolution.code = kind == BodyKind::kPeoplesCouncil ? "05/NQ-HĐND" : "01-NQ/ĐU";
    p.targets = std::move(targets);
    return p;
  };
  ASSERT_TRUE(
      store_->plans()
          .SavePlans(
              "admin",
              {plan(BodyKind::kPartyCommittee, {{"THU_NS", 2020, Comparator::kAtLeast, 12, std::nullopt},
                                                {"DN_MOI", 2020, Comparator::kAtLeast, 5, std::nullopt}}),
               plan(BodyKind::kPeoplesCouncil, {{"THU_NS", 2020, Comparator::kAtLeast, 10, std::nullopt}})})
          .ok());
  Approve(Save(a_, "2020", 11));
  Observation o;
  o.unit = a_;
  o.indicator = "DN_MOI";
  o.period = *Period::Parse("2020");
  o.value = 6;
  Approve(*store_->results().SaveResult("r", o));
  // Tree and figures re-read: the catalogue changed.
  tree_ = std::move(UnitTree::Load(*store_)).value();

  UnitEvaluation e = *EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2020"));
  ASSERT_EQ(e.rows.size(), 2u);
  std::map<std::string, std::string> body;
  for (const EvaluationRow& r : e.rows) body[r.indicator.code] = r.target_body;
  EXPECT_EQ(body, (std::map<std::string, std::string>{{"DN_MOI", "party_committee"},
                                                      {"THU_NS", "peoples_council"}}));
  ASSERT_NE(e.summary_plan, nullptr);
  EXPECT_EQ(e.summary_plan->body_kind, BodyKind::kPeoplesCouncil);
  EXPECT_EQ(e.summary.with_target, 1);
  EXPECT_EQ(e.summary.met_or_exceeded(), 1);
  EXPECT_EQ(PlanLabel(*e.summary_plan, true), "kế hoạch của HĐND (05/NQ-HĐND)");
  EXPECT_EQ(PlanLabel(*e.summary_plan, false), "the plan of the People's Council (05/NQ-HĐND)");

  // Chosen, the Party committee's plan counts its own two.
  UnitEvaluation party = *EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2020"), {}, {},
                                       *PlanChoice::Parse("party_committee"));
  ASSERT_NE(party.summary_plan, nullptr);
  EXPECT_EQ(party.summary_plan->body_kind, BodyKind::kPartyCommittee);
  EXPECT_EQ(party.summary.with_target, 2);
  EXPECT_EQ(party.summary.met_or_exceeded(), 1);  // 11 of 12 is short; 6 of 5 is over
}

// "Vượt 5% chỉ tiêu cấp trên giao": the Party committee's target is worked
// out on the target the city assigned (100 → 105), in the row and in its plan's summary.
TEST_P(DashboardTest, ATargetAboveTheAssignedOneIsWorkedOutOnIt) {
  Plan assigned;
  assigned.unit = a_;
  assigned.body_kind = BodyKind::kPeoplesCommittee;
  assigned.assigned_by_superior = true;
  assigned.first_year = assigned.last_year = 2020;
  assigned.targets = {{"THU_NS", 2020, Comparator::kAtLeast, 100, std::nullopt}};
  Plan party = assigned;
  party.body_kind = BodyKind::kPartyCommittee;
  party.assigned_by_superior = false;
  party.targets = {{"THU_NS", 2020, Comparator::kAtLeast, 5, std::nullopt, TargetForm::kAboveAssigned}};
  ASSERT_TRUE(store_->plans().SavePlans("admin", {assigned, party}).ok());
  Approve(Save(a_, "2020", 104));
  UnitEvaluation e = *EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2020"), {}, {},
                                   *PlanChoice::Parse("party_committee"));
  ASSERT_EQ(e.rows.size(), 1u);
  const IndicatorEvaluation& ev = e.rows[0].evaluation;
  EXPECT_EQ(e.rows[0].assigned, 100);
  EXPECT_NEAR(ev.target->value, 105, 1e-9);
  EXPECT_EQ(ev.status, Attainment::kNotMet);
  std::map<std::string, int> met;
  for (const PlanSummary& p : e.by_plan) met[BodyKindKey(p.plan->body_kind)] = p.summary.met_or_exceeded();
  EXPECT_EQ(met, (std::map<std::string, int>{{"party_committee", 0}, {"peoples_committee", 1}}));
}

// A term plan (2021–2025) read in 2022: no target for the year, the term
// target's even path from 2020's result beside the figure, never a verdict.
TEST_P(DashboardTest, ATermTargetShowsItsYearlyPath) {
  Plan term;
  term.unit = a_;
  term.body_kind = BodyKind::kPartyCommittee;
  term.first_year = 2021;
  term.last_year = 2025;
  term.targets = {{"THU_NS", 2025, Comparator::kAtLeast, 60, std::nullopt}};
  ASSERT_TRUE(store_->plans().SavePlans("admin", {term}).ok());
  Approve(Save(a_, "2020", 40));
  Approve(Save(a_, "2022", 49));
  UnitEvaluation e = *EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2022"));
  ASSERT_EQ(e.rows.size(), 1u);
  ASSERT_TRUE(e.rows[0].term_path.has_value());
  EXPECT_NEAR(e.rows[0].term_path->level, 48, 1e-9);
  EXPECT_EQ(e.rows[0].term_path->on_path, true);
  EXPECT_EQ(e.rows[0].evaluation.status, Attainment::kNoTarget);
  // Inside the year a flow has no path; the term's own year is judged on the target itself.
  Save(a_, "2022-01/2022-06", 20);
  EXPECT_FALSE(EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2022-01/2022-06"))->rows.at(0).term_path);
  Approve(Save(a_, "2025", 61));
  UnitEvaluation last = *EvaluateUnit(Figures(), *tree_, a_, *Period::Parse("2025"));
  EXPECT_FALSE(last.rows.at(0).term_path);
  EXPECT_EQ(last.rows.at(0).evaluation.status, Attainment::kExceeded);
}

INSTANTIATE_TEST_SUITE_P(Sources, DashboardTest, ::testing::Values("store", "index"));

}  // namespace
}  // namespace kiemdem::analytics
