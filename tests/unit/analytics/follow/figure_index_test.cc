// The server's in-memory figures follow the database: writes through another
// connection (another server, the CLI) are picked up from the audit log, on
// SQLite and on a real PostgreSQL, including a transaction that commits
// after later ones (its audit id is read again until it appears).
#include "analytics/figure_index.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include "../../store/store_fixture.h"

namespace kiemdem::analytics {
namespace {

using store::ResultStatus;

class FigureIndexTest : public store::StoreTest {
 protected:
  std::unique_ptr<store::Store> Other() {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open({.url = db_.url});
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return std::move(s).value();
  }
  std::optional<double> Approved(FigureIndex& index, const char* period) {
    Result<OwnValue> v = index.Own(ward_, store::Revenue(), *Period::Parse(period), {});
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    if (!v.ok() || !v->value) return std::nullopt;
    return v->value->value;
  }
};

TEST_P(FigureIndexTest, WritesOfAnotherConnectionAreFollowed) {
  ASSERT_TRUE(store_->SaveResult("r", Obs(5, "2016-01")).ok());
  FigureIndex index;
  ASSERT_TRUE(index.Load(*store_).ok());
  EXPECT_EQ(index.size(), 1u);
  EXPECT_EQ(Approved(index, "2016-01"), std::nullopt);  // a draft does not count
  Result<OwnValue> all =
      index.Own(ward_, store::Revenue(), *Period::Parse("2016-01"), {.include_unapproved = true});
  ASSERT_TRUE(all.ok() && all->value);
  EXPECT_EQ(all->value->value, 5);

  std::unique_ptr<store::Store> other = Other();
  int64_t feb = *other->SaveResult("r", Obs(7, "2016-02"));
  int64_t jan = *other->SaveResult("r", Obs(6, "2016-01"));  // the same figure, changed
  ASSERT_TRUE(other->SubmitResult("r", jan).ok());
  ASSERT_TRUE(other->SubmitResult("r", feb).ok());
  ASSERT_TRUE(other->ApproveResult("boss", jan, 2).ok());
  ASSERT_TRUE(other->ApproveResult("boss", feb, 1).ok());
  // Not yet looked: the index still says what it read.
  EXPECT_EQ(Approved(index, "2016-01"), std::nullopt);

  ASSERT_TRUE(index.CatchUp(*store_).ok());
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(Approved(index, "2016-01"), 6);
  EXPECT_EQ(Approved(index, "2016-01/2016-02"), 13);  // two months tiled, worked out once
  StoredPeriod jan_stored = *index.Stored(ward_, "THU_NS", *Period::Parse("2016-01"));
  EXPECT_EQ(jan_stored.id, jan);
  EXPECT_EQ(jan_stored.status, ResultStatus::kApproved);

  // Reopened elsewhere: it no longer counts, and the kept two-month value is dropped.
  ASSERT_TRUE(other->ReopenResult("boss", feb, other->GetResult(feb)->version, "sai số").ok());
  ASSERT_TRUE(index.CatchUp(*store_).ok());
  EXPECT_EQ(Approved(index, "2016-01/2016-02"), std::nullopt);
  EXPECT_EQ(index.Stored(ward_, "THU_NS", *Period::Parse("2016-02"))->status, ResultStatus::kDraft);
  EXPECT_EQ(index.version(), *store_->DataVersion());
}

TEST_P(FigureIndexTest, PlansAndTheCatalogueAreFollowedToo) {
  FigureIndex index;
  ASSERT_TRUE(index.Load(*store_).ok());
  EXPECT_TRUE(index.Plans(ward_)->empty());
  Plan plan;
  plan.unit = ward_;
  plan.body_kind = BodyKind::kPeoplesCouncil;
  plan.first_year = plan.last_year = 2016;
  plan.targets.push_back({"THU_NS", 2016, Comparator::kAtLeast, 8, std::nullopt});
  ASSERT_TRUE(Other()->SavePlans("admin", {plan}).ok());
  Indicator second = store::Revenue();
  second.code = "DN_MOI";
  second.name_vi = "Doanh nghiệp mới";
  ASSERT_TRUE(Other()->PutIndicators("admin", {second}).ok());
  ASSERT_TRUE(index.CatchUp(*store_).ok());
  ASSERT_EQ(index.Plans(ward_)->size(), 1u);
  EXPECT_EQ(index.Plans(ward_)->front().targets.front().value, 8);
  EXPECT_EQ((*index.Indicators())->size(), 2u);
}

// PostgreSQL hands out audit ids when rows are inserted, not when they
// commit: a slow transaction's id can show up after later ones were read.
TEST_P(FigureIndexTest, ATransactionCommittedLateIsNotMissed) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "SQLite writes one transaction at a time";
  int64_t id = *store_->SaveResult("r", Obs(5, "2016-01"));
  ASSERT_TRUE(store_->SubmitResult("r", id).ok());
  ASSERT_TRUE(store_->ApproveResult("boss", id, 1).ok());
  FigureIndex index;
  ASSERT_TRUE(index.Load(*store_).ok());
  ASSERT_EQ(Approved(index, "2016-01"), 5);

  PGconn* slow = PQconnectdb(db_.url.c_str());
  ASSERT_EQ(PQstatus(slow), CONNECTION_OK);
  auto exec = [&](const std::string& sql) {
    PGresult* r = PQexec(slow, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK) << PQresultErrorMessage(r);
    PQclear(r);
  };
  exec("BEGIN");
  exec("UPDATE results SET value = 9 WHERE id = " + std::to_string(id));
  exec(
      "INSERT INTO audit_log(at, actor, action, entity, entity_id, old_value, new_value) VALUES "
      "('2016-02-01T00:00:00Z', 'slow', 'update', 'result', '" +
      std::to_string(id) + "', '', '')");
  // A later write commits first and is read.
  ASSERT_TRUE(Other()->SaveResult("r", Obs(7, "2016-02")).ok());
  ASSERT_TRUE(index.CatchUp(*store_).ok());
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(Approved(index, "2016-01"), 5);
  exec("COMMIT");
  PQfinish(slow);
  ASSERT_TRUE(index.CatchUp(*store_).ok());
  EXPECT_EQ(Approved(index, "2016-01"), 9);
  EXPECT_EQ(index.version(), *store_->DataVersion());
}

INSTANTIATE_TEST_SUITE_P(Backends, FigureIndexTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace kiemdem::analytics
