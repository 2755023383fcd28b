// The store suite for results, indicators, units, audit, backup and
// concurrency, run on SQLite and on a real PostgreSQL.
#include <libpq-fe.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

TEST_P(StoreTest, MigrationsAreRecordedAndIdempotent) {
  EXPECT_EQ(store_->backend(), GetParam());
  ASSERT_TRUE(store_->Migrate().ok());
  std::vector<MigrationState> states = *store_->MigrationStatus();
  ASSERT_EQ(states.size(), 12u);
  for (const MigrationState& m : states) EXPECT_TRUE(m.applied) << m.name;
}

// Version 12 rebuilds SQLite's targets table to widen a CHECK: run again on
// stored targets, it keeps every row, id and column, and the new form saves.
TEST_P(StoreTest, TheTargetFormMigrationKeepsTheStoredTargets) {
  Plan plan;
  plan.unit = ward_;
  plan.body_kind = BodyKind::kPartyCommittee;
  plan.first_year = plan.last_year = 2026;
  Target t{"THU_NS", 2026, Comparator::kAtLeast, 40e9, std::nullopt};
  t.adjusted = 38e9;
  t.adjusted_by = "15/NQ-HĐND";
  plan.targets = {t};
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  ASSERT_EQ(db_.RawExec("DELETE FROM schema_migrations WHERE version = 12"), "");
  ASSERT_TRUE(store_->Migrate().ok());
  std::vector<Plan> plans = *store_->ListPlans(ward_);
  ASSERT_EQ(plans.size(), 1u);
  ASSERT_EQ(plans[0].targets.size(), 1u);
  EXPECT_EQ(plans[0].targets[0].value, 40e9);
  EXPECT_EQ(plans[0].targets[0].adjusted, 38e9);
  EXPECT_EQ(plans[0].targets[0].adjusted_by, "15/NQ-HĐND");
  // "vượt 5% chỉ tiêu cấp trên giao" is now a form the table takes.
  plan.targets[0] = {"THU_NS", 2026, Comparator::kAtLeast, 5, std::nullopt, TargetForm::kAboveAssigned};
  ASSERT_TRUE(store_->SavePlans("admin", {plan}).ok());
  EXPECT_EQ(store_->ListPlans(ward_)->at(0).targets.at(0).form, TargetForm::kAboveAssigned);
  EXPECT_NE(db_.RawExec("UPDATE targets SET form = 'nonsense'"), "");
}

TEST_P(StoreTest, UnitsAreFoundByCodeAndDate) {
  UnitId old_ward = *store_->FindUnit("06811", D("01/08/2025"));
  EXPECT_NE(old_ward, ward_);
  Result<UnitId> none = store_->FindUnit("06811", D("01/01/2020"));
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().message(), "no administrative unit has code 06811 on 01/01/2020");
  ASSERT_TRUE(store_->SaveUnits("admin", SmallRegistry()).ok());  // saving again adds nothing
  EXPECT_EQ(*store_->FindUnit("06817", D("01/01/2016")), ward_);
}

TEST_P(StoreTest, ResultWorkflowKeepsHistoryAndAudit) {
  int64_t id = *store_->SaveResult("reporter", Obs(45e9));
  EXPECT_EQ(*store_->SaveResult("reporter", Obs(46e9)), id);  // same unit, indicator, period
  ASSERT_TRUE(store_->SubmitResult("reporter", id).ok());
  EXPECT_EQ(store_->SubmitResult("reporter", id).code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store_->ApproveResult("approver", id, 2).ok());
  Status locked = store_->SaveResult("reporter", Obs(50e9)).status();
  EXPECT_EQ(locked.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(locked.message(),
            "result " + std::to_string(id) + " (THU_NS 2016) is approved; reopen it before changing it");
  EXPECT_EQ(store_->ReopenResult("approver", id, 2, "").field(), "reason");
  ASSERT_TRUE(store_->ReopenResult("approver", id, 2, "số liệu quyết toán").ok());
  ASSERT_TRUE(store_->SaveResult("reporter", Obs(47e9)).ok());
  ResultRecord r = *store_->GetResult(id);
  EXPECT_DOUBLE_EQ(r.observation.value, 47e9);
  EXPECT_EQ(r.status, ResultStatus::kDraft);
  EXPECT_EQ(r.version, 3);
  std::vector<ResultChange> history = *store_->ResultHistory(id);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_DOUBLE_EQ(history[0].value, 45e9);
  EXPECT_EQ(history[1].status, ResultStatus::kApproved);
  EXPECT_EQ(history[1].reason, "số liệu quyết toán");
  EXPECT_DOUBLE_EQ(history[2].value, 46e9);
  std::vector<AuditEntry> audit = *store_->Audit("result", std::to_string(id));
  std::vector<std::string> actions;
  for (const AuditEntry& e : audit) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "update", "submit", "approve", "reopen", "update"}));
  EXPECT_EQ(audit[2].actor, "reporter");
  EXPECT_EQ(audit[3].actor, "approver");
  EXPECT_NE(audit[1].old_value.find("45000000000"), std::string::npos);
  EXPECT_NE(audit[1].new_value.find("46000000000"), std::string::npos);
}

// Four eyes, inside the approving transaction: whoever entered, changed or
// submitted a figure cannot approve it, whatever the caller checked before.
TEST_P(StoreTest, NobodyApprovesAFigureTheyWrote) {
  ResultStore& results = store_->results();
  int64_t id = *results.SaveResult("reporter", Obs(5));
  ASSERT_TRUE(results.SubmitResult("reporter", id).ok());
  Status own = results.ApproveResult("reporter", id, 1);
  EXPECT_EQ(own.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(own.message(), "you entered or submitted this figure, so someone else must approve it");
  // An approver who changed the figure (and so sent it back to draft) cannot
  // approve what the reporter then resubmits.
  ASSERT_TRUE(results.SaveResult("approver", Obs(6)).ok());
  ASSERT_TRUE(results.SubmitResult("reporter", id).ok());
  EXPECT_EQ(results.ApproveResult("approver", id, 2).code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(results.ApproveResult("chief", id, 2).ok());
  EXPECT_EQ(results.GetResult(id)->status, ResultStatus::kApproved);
}

// The approver approves the version they reviewed, never a figure changed
// behind their back (F12).
TEST_P(StoreTest, ApprovalPinsTheVersionReviewed) {
  ResultStore& results = store_->results();
  int64_t id = *results.SaveResult("reporter", Obs(5));
  ASSERT_TRUE(results.SubmitResult("reporter", id).ok());
  int reviewed = results.GetResult(id)->version;  // the approver reads 5
  ASSERT_TRUE(results.SaveResult("reporter", Obs(500)).ok());
  ASSERT_TRUE(results.SubmitResult("reporter", id).ok());
  int64_t audit_before = *store_->AuditCount();
  Status stale = results.ApproveResult("approver", id, reviewed);
  EXPECT_EQ(stale.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(stale.field(), "version");
  EXPECT_EQ(stale.message(),
            "result " + std::to_string(id) +
                " changed after you read it (version 1, now 2); read it again before you approve it");
  EXPECT_EQ(results.GetResult(id)->status, ResultStatus::kSubmitted);
  EXPECT_EQ(*store_->AuditCount(), audit_before);
  EXPECT_EQ(results.ReturnResult("approver", id, reviewed, "sai").field(), "version");
  ASSERT_TRUE(results.ApproveResult("approver", id, reviewed + 1).ok());
  EXPECT_EQ(results.ReopenResult("approver", id, reviewed, "quyết toán").field(), "version");
  ASSERT_TRUE(results.ReopenResult("approver", id, reviewed + 1, "quyết toán").ok());
}

TEST_P(StoreTest, AuditLogIsAppendOnlyInTheDatabaseItself) {
  ASSERT_TRUE(store_->SaveResult("reporter", Obs(1)).ok());
  int64_t before = *store_->AuditCount();
  EXPECT_NE(db_.RawExec("UPDATE audit_log SET actor = 'mallory'").find("append-only"), std::string::npos);
  EXPECT_NE(db_.RawExec("DELETE FROM audit_log").find("append-only"), std::string::npos);
  EXPECT_EQ(*store_->AuditCount(), before);
}

TEST_P(StoreTest, ImportIsAllOrNothing) {
  int64_t audit_before = *store_->AuditCount();
  Observation bad = Obs(5, "2017");
  bad.indicator = "NO_SUCH";
  Status s = store_->SaveResults("importer", {Obs(1, "2016"), Obs(2, "2017-Q1"), bad}, "file.csv");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "indicator NO_SUCH is not in the catalogue");
  EXPECT_TRUE(store_->ListResults()->empty());
  EXPECT_EQ(*store_->AuditCount(), audit_before);
  ASSERT_TRUE(store_->SaveResults("importer", {Obs(1, "2016"), Obs(2, "2017-Q1")}, "file.csv").ok());
  EXPECT_EQ(store_->ListResults()->size(), 2u);
  EXPECT_EQ(store_->Audit("results", "file.csv")->size(), 1u);
}

TEST_P(StoreTest, BadValuesAreRefusedWithReasons) {
  Observation negative = Obs(-5);
  EXPECT_EQ(store_->SaveResult("r", negative).status().message(),
            "THU_NS 2016: -5 is negative; Budget revenue cannot be negative");
  Observation nowhere = Obs(5);
  nowhere.unit = 99999;
  EXPECT_EQ(store_->SaveResult("r", nowhere).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->GetResult(12345).status().code(), StatusCode::kNotFound);
  Indicator bad = Revenue();
  bad.code = "bad code";
  EXPECT_FALSE(store_->PutIndicators("admin", {bad}).ok());
  EXPECT_TRUE(store_->ListResults()->empty());
}

TEST_P(StoreTest, IndicatorsRoundTripAndUpdatesAreAudited) {
  Indicator i = Revenue();
  i.aliases = {"thu ngân sách", "thu NSNN"};
  i.name_en = "State budget revenue";
  ASSERT_TRUE(store_->PutIndicators("admin", {i}).ok());
  std::vector<Indicator> all = *store_->ListIndicators();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].name_en, "State budget revenue");
  EXPECT_EQ(all[0].aliases, i.aliases);
  std::vector<AuditEntry> audit = *store_->Audit("indicator", "THU_NS");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit[1].action, "update");
  EXPECT_NE(audit[1].old_value.find("Budget revenue"), std::string::npos);
}

TEST_P(StoreTest, Backup) {
  ASSERT_TRUE(store_->SaveResult("r", Obs(7)).ok());
  std::string path =
      (std::filesystem::temp_directory_path() / ("backup_" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(path);
  Status s = store_->Backup(path);
  if (GetParam() == "postgresql") {
    EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(s.message().find("pg_dump"), std::string::npos);
    return;
  }
  ASSERT_TRUE(s.ok()) << s.ToString();
  std::unique_ptr<Store> copy = std::move(Store::Open({.url = path})).value();
  EXPECT_EQ(copy->ListResults()->size(), 1u);
  copy.reset();
  std::filesystem::remove(path);
}

// 8 writers and 8 readers, each on its own connection, for
// KIEMDEM_CONCURRENCY_SECONDS (default 30). Writers all update one shared
// result and their own ones; a busy database is retried, any other error
// fails. No update may be lost: the shared result's version, its history
// and its audit rows must all agree with the count of successful writes.
TEST_P(StoreTest, ConcurrentWritersLoseNoUpdate) {
  const char* env = std::getenv("KIEMDEM_CONCURRENCY_SECONDS");
  const int seconds = env != nullptr ? std::atoi(env) : 30;
  int64_t shared = *store_->SaveResult("setup", Obs(0, "2016"));
  std::atomic<int64_t> shared_writes{1}, own_writes{0}, reads{0}, retries{0};
  std::mutex errors_mu;
  std::vector<std::string> errors;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  auto record = [&](const Status& s) {
    if (s.code() == StatusCode::kUnavailable) {
      ++retries;
      return false;
    }
    std::lock_guard<std::mutex> lock(errors_mu);
    errors.push_back(s.ToString());
    return true;
  };
  std::vector<std::thread> threads;
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      std::unique_ptr<Store> s = std::move(Store::Open({.url = db_.url})).value();
      for (int n = 0; std::chrono::steady_clock::now() < deadline; ++n) {
        Observation o = Obs(w * 1e6 + n, n % 2 == 0 ? "2016" : "2017");
        if (n % 2 == 1) o.period = *Period::Month(2018, 1 + (w + n) % 12);
        Result<int64_t> r = s->SaveResult("writer" + std::to_string(w), o);
        if (r.ok()) {
          ++(n % 2 == 0 ? shared_writes : own_writes);
        } else if (record(r.status())) {
          return;
        }
      }
    });
  }
  for (int r = 0; r < 8; ++r) {
    threads.emplace_back([&] {
      std::unique_ptr<Store> s = std::move(Store::Open({.url = db_.url})).value();
      while (std::chrono::steady_clock::now() < deadline) {
        Result<ResultRecord> one = s->GetResult(shared);
        Result<std::vector<ResultRecord>> all = s->ListResults();
        if (!one.ok() && record(one.status())) return;
        if (!all.ok() && record(all.status())) return;
        ++reads;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_TRUE(errors.empty()) << errors.front();
  ResultRecord r = *store_->GetResult(shared);
  EXPECT_EQ(r.version, shared_writes.load());
  EXPECT_EQ(static_cast<int64_t>(store_->ResultHistory(shared)->size()), shared_writes.load() - 1);
  EXPECT_EQ(static_cast<int64_t>(store_->Audit("result", std::to_string(shared))->size()),
            shared_writes.load());
  EXPECT_GT(own_writes.load(), 0);
  EXPECT_GT(reads.load(), 0);
  std::printf("[ %s ] %d s: %lld shared writes, %lld other writes, %lld reads, %lld busy retries\n",
              GetParam().c_str(), seconds, static_cast<long long>(shared_writes.load()),
              static_cast<long long>(own_writes.load()), static_cast<long long>(reads.load()),
              static_cast<long long>(retries.load()));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace kiemdem::store
