// The store suites' fixture: a fresh database per test on SQLite or on a real
// PostgreSQL (tests/integration/with-postgres.sh starts one and sets KIEMDEM_TEST_PG_URL).
#ifndef KIEMDEM_TESTS_UNIT_STORE_STORE_FIXTURE_H_
#define KIEMDEM_TESTS_UNIT_STORE_STORE_FIXTURE_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <thread>

#include "store/store.h"

namespace kiemdem::store {

inline Date D(const char* s) { return *Date::Parse(s); }

// A fresh database per test: a temp SQLite file or a new PostgreSQL database.
struct TestDatabase {
  std::string url;
  std::string sqlite_path;

  static TestDatabase Make(const std::string& backend) {
    static std::atomic<int> counter{0};
    std::string name = "kiemdem_t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    TestDatabase db;
    if (backend == "sqlite") {
      db.sqlite_path = (std::filesystem::temp_directory_path() / (name + ".db")).string();
      std::filesystem::remove(db.sqlite_path);
      db.url = db.sqlite_path;
      return db;
    }
    std::string admin = std::getenv("KIEMDEM_TEST_PG_URL");
    PGconn* c = PQconnectdb(admin.c_str());
    PQclear(PQexec(c, ("CREATE DATABASE " + name).c_str()));
    PQfinish(c);
    db.url = admin.substr(0, admin.rfind('/') + 1) + name;
    return db;
  }

  // Runs raw SQL outside the Store; returns the database's error text or "".
  std::string RawExec(const std::string& sql) const {
    if (!sqlite_path.empty()) {
      sqlite3* h = nullptr;
      sqlite3_open(sqlite_path.c_str(), &h);
      char* err = nullptr;
      int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &err);
      std::string msg = rc == SQLITE_OK ? "" : (err ? err : "error");
      sqlite3_free(err);
      sqlite3_close(h);
      return msg;
    }
    PGconn* c = PQconnectdb(url.c_str());
    PGresult* r = PQexec(c, sql.c_str());
    ExecStatusType st = PQresultStatus(r);
    std::string msg = (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    return msg;
  }
};

inline AdminRegistry SmallRegistry() {
  AdminRegistry reg;
  auto unit = [&](std::string code, std::string name, UnitType type, UnitId parent, std::optional<Date> from,
                  std::optional<Date> to) {
    AdminUnit u;
    u.code = code;
    u.parent = parent;
    u.valid_from = from;
    u.valid_to = to;
    u.versions.push_back({from.value_or(Date()), name, name, type});
    return *reg.Add(u);
  };
  UnitId p = unit("22", "Tỉnh Quảng Ninh", UnitType::kProvince, kNoUnit, std::nullopt, std::nullopt);
  UnitId c = unit("196", "Thành phố Uông Bí", UnitType::kProvincialCity, p, std::nullopt, D("01/07/2025"));
  UnitId a = unit("06817", "Phường Quang Trung", UnitType::kWard, c, std::nullopt, D("01/07/2025"));
  UnitId b = unit("06811", "Phường Uông Bí", UnitType::kWard, p, D("01/07/2025"), std::nullopt);
  EXPECT_TRUE(reg.AddSuccession({a, b, D("01/07/2025"), Coverage::kFull, "test", std::nullopt}).ok());
  return reg;
}

// A user to store, with a placeholder hash (the store does not check it).
inline User TestUser(const std::string& name, const std::string& display) {
  User u;
  u.username = name;
  u.display_name = display;
  u.password_hash = "$argon2id$placeholder";
  return u;
}

inline Indicator Revenue() {
  Indicator i;
  i.code = "THU_NS";
  i.name_vi = "Thu ngân sách";
  i.name_en = "Budget revenue";
  i.unit = "đồng";
  return i;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql" && std::getenv("KIEMDEM_TEST_PG_URL") == nullptr) {
      if (std::getenv("KIEMDEM_REQUIRE_PG") != nullptr) FAIL() << "PostgreSQL was required but not started";
      GTEST_SKIP() << "run under tests/integration/with-postgres.sh for PostgreSQL";
    }
    db_ = TestDatabase::Make(GetParam());
    Result<std::unique_ptr<Store>> s = Store::Open({.url = db_.url});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    Status migrated = store_->Migrate();
    ASSERT_TRUE(migrated.ok()) << migrated.ToString();
    Status units = store_->SaveUnits("admin", SmallRegistry());
    ASSERT_TRUE(units.ok()) << units.ToString();
    Status indicators = store_->PutIndicators("admin", {Revenue()});
    ASSERT_TRUE(indicators.ok()) << indicators.ToString();
    ward_ = *store_->FindUnit("06817", D("01/01/2016"));
  }
  void TearDown() override {
    store_.reset();
    if (!db_.sqlite_path.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_.sqlite_path + suffix);
    }
  }
  Observation Obs(double value, const char* period = "2016") {
    Observation o;
    o.unit = ward_;
    o.indicator = "THU_NS";
    o.period = *Period::Parse(period);
    o.value = value;
    return o;
  }
  TestDatabase db_;
  std::unique_ptr<Store> store_;
  UnitId ward_ = kNoUnit;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_TESTS_UNIT_STORE_STORE_FIXTURE_H_
