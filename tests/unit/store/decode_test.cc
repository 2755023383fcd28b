// Stored values that do not decode are kDataLoss naming the table, the row
// and the column, never a default (a bad period read as the year 2000).
#include "store/internal/pg_url.h"
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

TEST_P(StoreTest, ABadPeriodIsDataLossNotTheYear2000) {
  int64_t id = *store_->results().SaveResult("r", Obs(7));
  ASSERT_EQ(db_.RawExec("UPDATE results SET period = '20x6' WHERE id = " + std::to_string(id)), "");
  Result<ResultRecord> r = store_->results().GetResult(id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(r.status().message(), "stored data is damaged: results row " + std::to_string(id) +
                                      " has period \"20x6\", which kiemdem cannot read");
  EXPECT_EQ(r.status().field(), "period");
  EXPECT_EQ(store_->results().ListResults().status().code(), StatusCode::kDataLoss);
}

TEST_P(StoreTest, ABadStatusInAResultsHistoryIsDataLossNamingItsRow) {
  int64_t id = *store_->results().SaveResult("r", Obs(7));
  ASSERT_TRUE(store_->results().SaveResult("r", Obs(8)).ok());
  ASSERT_EQ(store_->results().ResultHistory(id)->at(0).status, ResultStatus::kDraft);
  ASSERT_EQ(
      db_.RawExec("UPDATE result_history SET status = 'pending' WHERE result_id = " + std::to_string(id)),
      "");
  Result<std::vector<ResultChange>> history = store_->results().ResultHistory(id);
  ASSERT_EQ(history.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(history.status().message().find("stored data is damaged: result_history row "), std::string::npos)
      << history.status().message();
  EXPECT_NE(history.status().message().find(" has status \"pending\", which kiemdem cannot read"),
            std::string::npos)
      << history.status().message();
  EXPECT_EQ(history.status().field(), "status");
}

TEST_P(StoreTest, AnUnknownStoredRoleIsDataLossForEveryReadOfItsUser) {
  User u = TestUser("vp_an", "Văn phòng");
  u.roles = {{Role::kReporter, ward_}};
  int64_t id = *store_->accounts().CreateUser("admin", u);
  // The CHECK constraint keeps such a role out; a database edited by hand may not have it.
  std::string edit = db_.sqlite_path.empty()
                         ? "ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check; "
                           "UPDATE user_roles SET role = 'auditor'"
                         : "PRAGMA ignore_check_constraints = ON; UPDATE user_roles SET role = 'auditor'";
  ASSERT_EQ(db_.RawExec(edit), "");
  Result<User> got = store_->accounts().GetUser(id);
  ASSERT_EQ(got.status().code(), StatusCode::kDataLoss);
  EXPECT_NE(got.status().message().find("stored data is damaged: user_roles row "), std::string::npos)
      << got.status().message();
  EXPECT_NE(got.status().message().find(" has role \"auditor\", which kiemdem cannot read"),
            std::string::npos)
      << got.status().message();
  EXPECT_EQ(got.status().field(), "role");
  EXPECT_EQ(store_->accounts().FindUser("vp_an").status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(store_->accounts().ListUsers().status().code(), StatusCode::kDataLoss);
}

TEST_P(StoreTest, AnUnknownSessionKindIsDataLossNamingTheSession) {
  int64_t id = *store_->accounts().CreateUser("admin", TestUser("vp_an", "Văn phòng"));
  ASSERT_TRUE(
      store_->accounts()
          .CreateSession("vp_an", {"0123456789abcdef", id, SessionKind::kApi, "", "máy", 1700000000, 0})
          .ok());
  EXPECT_EQ(store_->accounts().FindSession("0123456789abcdef")->kind, SessionKind::kApi);
  std::string edit =
      db_.sqlite_path.empty()
          ? "ALTER TABLE sessions DROP CONSTRAINT sessions_kind_check; UPDATE sessions SET kind = 'bot'"
          : "PRAGMA ignore_check_constraints = ON; UPDATE sessions SET kind = 'bot'";
  ASSERT_EQ(db_.RawExec(edit), "");
  Result<SessionRecord> got = store_->accounts().FindSession("0123456789abcdef");
  ASSERT_EQ(got.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(got.status().message(),
            "stored data is damaged: sessions row 0123456789ab has kind \"bot\", which kiemdem cannot read");
  EXPECT_EQ(store_->accounts().ListSessions(id).status().code(), StatusCode::kDataLoss);
}

TEST_P(StoreTest, BadWorkflowColumnsAreDataLoss) {
  int64_t id = *store_->results().SaveResult("r", Obs(7));
  std::string where = " WHERE id = " + std::to_string(id);
  ASSERT_EQ(db_.RawExec("UPDATE results SET qualifier = 'roughly'" + where), "");
  EXPECT_EQ(store_->results().GetResult(id).status().field(), "qualifier");
  ASSERT_EQ(db_.RawExec("UPDATE results SET qualifier = 'exact', provenance_kind = 'rumour'" + where), "");
  EXPECT_EQ(store_->results().GetResult(id).status().field(), "provenance_kind");
  ASSERT_EQ(db_.RawExec("UPDATE results SET provenance_kind = 'form'" + where), "");
  EXPECT_TRUE(store_->results().GetResult(id).ok());
}

TEST_P(StoreTest, ABadIndicatorIsDataLossForItsReadersAndWriters) {
  ASSERT_EQ(db_.RawExec("UPDATE indicators SET direction = 'sideways' WHERE code = 'THU_NS'"), "");
  Result<std::vector<Indicator>> all = store_->plans().ListIndicators();
  ASSERT_EQ(all.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(
      all.status().message(),
      "stored data is damaged: indicators row THU_NS has direction \"sideways\", which kiemdem cannot read");
  // A result cannot be checked against an indicator that does not decode.
  EXPECT_EQ(store_->results().SaveResult("r", Obs(7)).status().code(), StatusCode::kDataLoss);
  EXPECT_TRUE(store_->results().ListResults()->empty());
}

TEST_P(StoreTest, BadUnitAndSuccessionRowsAreDataLoss) {
  ASSERT_EQ(db_.RawExec("UPDATE units SET unit_type = 'kingdom' WHERE id = " + std::to_string(ward_)), "");
  Result<std::vector<UnitRecord>> units = store_->units().ListUnits();
  ASSERT_EQ(units.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(units.status().field(), "unit_type");
  ASSERT_EQ(db_.RawExec("UPDATE successions SET effective = '1st of July'"), "");
  Result<std::vector<Succession>> successions = store_->units().ListSuccessions();
  ASSERT_EQ(successions.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(successions.status().field(), "effective");
}

TEST_P(StoreTest, BadDatesOfDirectivesAreDataLoss) {
  Directive d;
  d.text = "Hoàn thành trước 30/6";
  d.assignee.name = "UBND phường";
  d.deadline = D("30/06/2026");
  int64_t id = *store_->meetings().SaveDirective("a", d);
  ASSERT_EQ(db_.RawExec("UPDATE directives SET deadline = '30/06/2026' WHERE id = " + std::to_string(id)),
            "");
  Result<Directive> got = store_->meetings().GetDirective(id);
  ASSERT_EQ(got.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(got.status().message(), "stored data is damaged: directives row " + std::to_string(id) +
                                        " has deadline \"30/06/2026\", which kiemdem cannot read");
  EXPECT_EQ(got.status().message_vi(), "dữ liệu đã lưu bị hỏng: bảng directives dòng " + std::to_string(id) +
                                           " có deadline \"30/06/2026\" không đọc được");
}

TEST_P(StoreTest, DamagedMilestonesOfADirectiveAreDataLoss) {
  Directive d;
  d.text = "Báo cáo trước 25/11, hoàn thành trước 31/12";
  d.assignee.name = "UBND phường";
  d.milestones = {{D("25/11/2026"), "báo cáo", std::nullopt}};
  d.deadline = D("31/12/2026");
  int64_t id = *store_->meetings().SaveDirective("a", d);
  ASSERT_EQ(
      db_.RawExec("UPDATE directives SET milestones = '25/11/2026 báo cáo' WHERE id = " + std::to_string(id)),
      "");
  Result<Directive> got = store_->meetings().GetDirective(id);
  ASSERT_EQ(got.status().code(), StatusCode::kDataLoss);
  EXPECT_EQ(got.status().field(), "milestones");
}

TEST(RedactedUrl, HidesAPasswordAndNothingElse) {
  EXPECT_EQ(RedactedUrl("postgresql://kd:s3cr@t@db.example:5433/kiemdem?sslmode=disable"),
            "postgresql://kd:***@db.example:5433/kiemdem?sslmode=disable");
  EXPECT_EQ(RedactedUrl("postgres://kd@db/kiemdem"), "postgres://kd@db/kiemdem");
  EXPECT_EQ(RedactedUrl("postgresql://db:5432/kiemdem"), "postgresql://db:5432/kiemdem");
  EXPECT_EQ(RedactedUrl("/var/lib/kiemdem/a@b:c.db"), "/var/lib/kiemdem/a@b:c.db");
}

TEST(StoreOpen, AFailedConnectionNamesTheUrlWithoutItsPassword) {
  Result<std::unique_ptr<Store>> s =
      Store::Open({.url = "postgresql://kd:mat-khau-bi-mat@127.0.0.1:1/kiemdem?connect_timeout=2"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().ToString().find("mat-khau-bi-mat"), std::string::npos) << s.status().ToString();
  EXPECT_NE(s.status().ToString().find("kd:***@127.0.0.1"), std::string::npos) << s.status().ToString();
}

TEST(PostgresConnInfo, SplitsAUrlIntoQuotedKeywords) {
  EXPECT_EQ(internal::PostgresConnInfo("postgresql://kd:s3cr%t@db.example:5433/kiemdem?sslmode=disable"),
            "host='db.example' port='5433' user='kd' password='s3cr%t' dbname='kiemdem' sslmode='disable'");
  EXPECT_EQ(internal::PostgresConnInfo("postgres://alice@localhost/kd"),
            "host='localhost' user='alice' dbname='kd'");
}

TEST(PostgresConnInfo, KeepsIpv6HostsAndQuotesOddPasswords) {
  EXPECT_EQ(internal::PostgresConnInfo("postgresql://u@[::1]/d"), "host='::1' user='u' dbname='d'");
  EXPECT_EQ(internal::PostgresConnInfo("postgresql://u@[fe80::1]:5433/d"),
            "host='fe80::1' port='5433' user='u' dbname='d'");
  // The last '@' ends the credentials; quotes and backslashes are escaped.
  EXPECT_EQ(internal::PostgresConnInfo("postgresql://u:p@'\\x@h:1/d"),
            "host='h' port='1' user='u' password='p@\\'\\\\x' dbname='d'");
  EXPECT_EQ(internal::PostgresConnInfo("postgresql:///d?host=/run/postgresql&port=5432"),
            "dbname='d' host='/run/postgresql' port='5432'");
}

}  // namespace
}  // namespace kiemdem::store
