// What the server's background work cannot return to anyone is logged: the
// watcher's failures (once while they last), rows the unit tree could not
// take, and sessions it could not re-read.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <thread>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

class BackgroundLogTest : public ApiTest {
 protected:
  // Runs `sql` on a connection of its own, with CHECK constraints off (to
  // store what the store itself refuses).
  void Exec(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    std::string all = "PRAGMA ignore_check_constraints = ON; " + sql;
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, all.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }
  // The lines logged so far that hold `text`.
  std::vector<std::string> Logged(const std::string& text) const {
    std::vector<std::string> out;
    for (const std::string& line : logger_->lines()) {
      if (line.find(text) != std::string::npos) out.push_back(line);
    }
    return out;
  }
};

// A stored role the server does not know is kDataLoss when the user is read
// (store decode_test): not a grant dropped in silence.
TEST_F(BackgroundLogTest, AnUnknownStoredRoleEndsTheSessionsReadWithDataLoss) {
  Principal rep = User("rep", "reporter", ward_a_);
  Exec("UPDATE user_roles SET role = 'auditor'");
  app_->ForgetSession(rep.session_hash);
  Result<Principal> p = app_->Authenticate(rep.session_hash);
  EXPECT_EQ(p.status().code(), StatusCode::kDataLoss) << p.status().ToString();
}

TEST_F(BackgroundLogTest, AFailingDataVersionIsLoggedOnceWhileItLastsAndAgainWhenItComesBack) {
  Exec("ALTER TABLE audit_log RENAME TO audit_log_away");
  for (int i = 0; i < 20; ++i) app_->Touch();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // and the watcher's rounds
  std::vector<std::string> lines = Logged("event=data_version_failed");
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("code=internal"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("no such table: audit_log"), std::string::npos) << lines[0];
  // Not once per call: SQLite words the first failure on each connection
  // differently ("loadOne", then "prepare"), so a line per wording and
  // connection at most (the pool holds one or two here).
  EXPECT_LE(lines.size(), 5u) << ::testing::PrintToString(lines);

  Exec("ALTER TABLE audit_log_away RENAME TO audit_log");
  app_->Touch();  // a success: the next failure is news again
  Exec("ALTER TABLE audit_log RENAME TO audit_log_away");
  app_->Touch();
  EXPECT_GT(Logged("event=data_version_failed").size(), lines.size());
  Exec("ALTER TABLE audit_log_away RENAME TO audit_log");
}

TEST_F(BackgroundLogTest, AUnitTheTreeLeavesOutIsLoggedWhenTheTreeIsReloaded) {
  EXPECT_TRUE(Logged("event=unit_tree_problem").empty());
  UnitRecord u;
  u.code = "06817";
  u.name = "Quang Trung";
  u.full_name = "Phường Quang Trung";
  u.type = UnitType::kWard;
  u.parent_code = "196";
  u.valid_from = D("01/01/2020");  // overlaps the 06817 stored without dates
  {
    Result<StorePool::Lease> s = app_->pool().Acquire();
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->units().PutUnits("test", {u}).ok());
  }
  app_->Touch();  // units changed: the tree is reloaded
  std::vector<std::string> lines = Logged("event=unit_tree_problem");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0].find("unit=06817 problem=\"unit 06817 (01/01/2020) is left out: "), std::string::npos)
      << lines[0];
  EXPECT_NE(app_->tree()->Get(ward_a_), nullptr) << "the rest of the tree loads";
}

TEST_F(BackgroundLogTest, ASessionThatCannotBeReReadIsLoggedOnceWhileItLasts) {
  Principal rep = User("rep", "reporter", ward_a_);
  ASSERT_TRUE(app_->Authenticate(rep.session_hash).ok());  // from the cache: in use, so refreshed
  Exec("ALTER TABLE sessions RENAME TO sessions_away");
  // The watcher re-reads a used session 3 s after it was loaded.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
  while (Logged("event=session_refresh_failed").empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::seconds(1));  // ten more rounds of the watcher
  std::vector<std::string> lines = Logged("event=session_refresh_failed");
  Exec("ALTER TABLE sessions_away RENAME TO sessions");
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("no such table: sessions"), std::string::npos) << lines[0];
  // Not once per round (SQLite may word the first failure on a connection
  // differently from the next ones).
  EXPECT_LE(lines.size(), 2u) << ::testing::PrintToString(lines);
}

}  // namespace
}  // namespace kiemdem::api
