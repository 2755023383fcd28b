// The Store over SOCI, for SQLite and PostgreSQL alike: it owns the
// connection and hands out the areas (*_sql.cc), each working on it. The few
// differences between the backends are the connection, pragmas, the schema's
// placeholders, FOR UPDATE and backups.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <string>

#include "store/internal/areas.h"
#include "store/internal/pg_url.h"
#include "store/internal/sql.h"
#include "store/store.h"

namespace kiemdem::store {
namespace {

using internal::Db;
using internal::Dialect;

class SociStore final : public Store {
 public:
  SociStore(std::unique_ptr<soci::session> session, Dialect dialect)
      : sql_(std::move(session)),
        dialect_(dialect),
        units_(internal::NewUnitStore(db())),
        plans_(internal::NewPlanStore(db())),
        results_(internal::NewResultStore(db())),
        documents_(internal::NewDocumentStore(db())),
        meetings_(internal::NewMeetingStore(db())),
        accounts_(internal::NewAccountStore(db())),
        audit_(internal::NewAuditStore(db())),
        reminders_(internal::NewReminderStore(db())) {}

  std::string backend() const override { return dialect_ == Dialect::kSqlite ? "sqlite" : "postgresql"; }
  bool Connected(bool probe) override {
    if (dialect_ == Dialect::kSqlite) return true;
    // The backend is PostgreSQL here (its typeinfo is not exported: no dynamic_cast).
    auto* pg = static_cast<soci::postgresql_session_backend*>(sql_->get_backend());
    if (pg == nullptr || pg->conn_ == nullptr) return false;
    if (!probe) return PQstatus(pg->conn_) == CONNECTION_OK;
    if (sql_->is_connected()) return true;  // sends an empty query
    try {
      sql_->reconnect();
    } catch (const std::exception&) {
      return false;  // the server is still away: the pool opens a new one later
    }
    return sql_->is_connected();
  }

  Status Migrate() override { return internal::Migrate(db()); }
  Result<std::vector<MigrationState>> MigrationStatus() override { return internal::MigrationStatus(db()); }

  Status Backup(const std::string& path) override {
    if (dialect_ == Dialect::kPostgres) {
      return FailedPrecondition(
          "backups of PostgreSQL are made with pg_dump (e.g. pg_dump -Fc DBNAME > FILE)",
          "sao lưu PostgreSQL bằng pg_dump (ví dụ pg_dump -Fc TÊN_CSDL > TỆP)");
    }
    return internal::Guard("backup", [&]() -> Status {
      std::string quoted;
      for (char c : path) quoted += c == '\'' ? std::string("''") : std::string(1, c);
      *sql_ << "VACUUM INTO '" + quoted + "'";
      return Status::Ok();
    });
  }

  UnitStore& units() override { return *units_; }
  PlanStore& plans() override { return *plans_; }
  ResultStore& results() override { return *results_; }
  DocumentStore& documents() override { return *documents_; }
  MeetingStore& meetings() override { return *meetings_; }
  AccountStore& accounts() override { return *accounts_; }
  AuditStore& audit() override { return *audit_; }
  ReminderStore& reminders() override { return *reminders_; }

 private:
  Db db() { return {*sql_, dialect_}; }

  std::unique_ptr<soci::session> sql_;  // first: the areas below work on it
  Dialect dialect_;
  std::unique_ptr<UnitStore> units_;
  std::unique_ptr<PlanStore> plans_;
  std::unique_ptr<ResultStore> results_;
  std::unique_ptr<DocumentStore> documents_;
  std::unique_ptr<MeetingStore> meetings_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<AuditStore> audit_;
  std::unique_ptr<ReminderStore> reminders_;
};

}  // namespace

const char* ResultStatusKey(ResultStatus s) {
  switch (s) {
    case ResultStatus::kDraft: return "draft";
    case ResultStatus::kSubmitted: return "submitted";
    case ResultStatus::kApproved: return "approved";
  }
  return "draft";
}

Result<std::unique_ptr<Store>> Store::Open(const StoreOptions& options) {
  const std::string& url = options.url;
  bool pg = url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
  try {
    if (pg) {
      auto session = std::make_unique<soci::session>(soci::postgresql, internal::PostgresConnInfo(url));
      return std::unique_ptr<Store>(new SociStore(std::move(session), Dialect::kPostgres));
    }
    std::string conn =
        "db=" + url + " timeout=" + std::to_string(std::max(1, options.busy_timeout_ms / 1000));
    auto session = std::make_unique<soci::session>(soci::sqlite3, conn);
    // Durability and integrity: WAL with full sync, foreign keys enforced.
    *session << "PRAGMA journal_mode=WAL";
    *session << "PRAGMA synchronous=FULL";
    *session << "PRAGMA foreign_keys=ON";
    *session << "PRAGMA busy_timeout=" + std::to_string(options.busy_timeout_ms);
    if (options.sqlite_max_bytes > 0) {
      long long page_size = 4096;
      *session << "PRAGMA page_size", soci::into(page_size);
      long long pages = std::max<long long>(1, options.sqlite_max_bytes / std::max<long long>(1, page_size));
      *session << "PRAGMA max_page_count=" + std::to_string(pages);
    }
    return std::unique_ptr<Store>(new SociStore(std::move(session), Dialect::kSqlite));
  } catch (const std::exception& e) {
    std::string msg = e.what();
    std::string shown = RedactedUrl(url);
    return Status(StatusCode::kUnavailable, "cannot open the database " + shown + ": " + msg,
                  "không mở được cơ sở dữ liệu " + shown + ": " + msg);
  }
}

}  // namespace kiemdem::store
