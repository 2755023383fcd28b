// Persistence of kiemdem's data: SQLite embedded by default, PostgreSQL for
// several servers, one interface. Every write is one transaction and leaves
// an append-only audit row (who, when, what, old and new value).
//
//   ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open({.url = "kiemdem.db"}));
//   RETURN_IF_ERROR(store->Migrate());
//   ASSIGN_OR_RETURN(int64_t id, store->SaveResult("alice", observation));
//
// A Store is one connection: use one per thread. Errors are Status values;
// no exception crosses this interface.
#ifndef KIEMDEM_STORE_STORE_H_
#define KIEMDEM_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_registry.h"
#include "core/indicator.h"
#include "core/observation.h"
#include "core/status.h"

namespace kiemdem::store {

struct StoreOptions {
  // "postgresql://user@host:port/db" (or "postgres://…") for PostgreSQL;
  // anything else is a SQLite file path ("kiemdem.db").
  std::string url = "kiemdem.db";
  // How long a writer waits for a lock before kUnavailable (SQLite busy timeout).
  int busy_timeout_ms = 10000;
};

enum class ResultStatus { kDraft, kSubmitted, kApproved };
const char* ResultStatusKey(ResultStatus s);  // "draft", "submitted", "approved"

// A stored result: the observation plus its workflow state.
struct ResultRecord {
  int64_t id = 0;
  Observation observation;
  ResultStatus status = ResultStatus::kDraft;
  int version = 1;
  std::string updated_by;
  std::string updated_at;  // ISO 8601, UTC
};

// An earlier value of a result, kept when it changes or is reopened.
struct ResultChange {
  int version;
  double value;
  std::string status;
  std::string changed_by;
  std::string changed_at;
  std::string reason;
};

struct AuditEntry {
  int64_t id;
  std::string at;
  std::string actor;
  std::string action;  // "create", "update", "submit", "approve", "reopen", "import", ...
  std::string entity;  // "result", "indicator", "unit", ...
  std::string entity_id;
  std::string old_value;  // JSON, empty when none
  std::string new_value;
};

struct MigrationState {
  int version;
  std::string name;
  bool applied;
  std::string applied_at;
};

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating a SQLite file if needed). Fails with a message naming the
  // URL when the database cannot be reached.
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);

  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // Applies pending migrations, each in its own transaction, forward only.
  virtual Status Migrate() = 0;
  virtual Result<std::vector<MigrationState>> MigrationStatus() = 0;

  // Units: adds the registry's units and successions that are not stored
  // yet (a unit is its code and valid_from), in one transaction.
  virtual Status SaveUnits(const std::string& actor, const AdminRegistry& registry) = 0;
  // The stored unit holding `code` on `on`; NotFound names both.
  virtual Result<UnitId> FindUnit(const std::string& code, Date on) = 0;
  // The code of a stored unit.
  virtual Result<std::string> UnitCode(UnitId unit) = 0;

  // Indicators: insert or update by code (audited with old and new value).
  virtual Status PutIndicators(const std::string& actor, const std::vector<Indicator>& indicators) = 0;
  virtual Result<std::vector<Indicator>> ListIndicators() = 0;

  // Results. Observation::unit is a stored unit id (FindUnit). SaveResult creates a draft or updates a
  // draft/submitted result (back to draft); an approved result is locked: FailedPrecondition until Reopen.
  // Every change keeps the previous value in the history.
  virtual Result<int64_t> SaveResult(const std::string& actor, const Observation& obs) = 0;
  virtual Status SubmitResult(const std::string& actor, int64_t id) = 0;
  virtual Status ApproveResult(const std::string& actor, int64_t id) = 0;
  virtual Status ReopenResult(const std::string& actor, int64_t id, const std::string& reason) = 0;
  virtual Result<ResultRecord> GetResult(int64_t id) = 0;
  virtual Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> unit = std::nullopt) = 0;
  virtual Result<std::vector<ResultChange>> ResultHistory(int64_t id) = 0;
  // Saves many results in one transaction: all or none.
  virtual Status SaveResults(const std::string& actor, const std::vector<Observation>& results,
                             const std::string& source) = 0;

  virtual Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& entity_id) = 0;
  virtual Result<int64_t> AuditCount() = 0;

  // A consistent copy of the database at `path` (SQLite: VACUUM INTO, online).
  // PostgreSQL answers kFailedPrecondition: use pg_dump.
  virtual Status Backup(const std::string& path) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_STORE_H_
