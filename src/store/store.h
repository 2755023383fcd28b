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
#include "core/directive.h"
#include "core/indicator.h"
#include "core/observation.h"
#include "core/plan.h"
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

// A unit as stored and as imported or exported: its parent by code.
struct UnitRecord {
  int64_t id = 0;
  std::string code;
  std::string name;       // "Quảng Hưng"
  std::string full_name;  // "Phường Quảng Hưng"
  UnitType type = UnitType::kWard;
  std::string parent_code;  // empty for a province
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;
};

// A document: a report, a resolution, a conclusion notice, with its text.
struct StoredDocument {
  int64_t id = 0;
  std::string doc_type;  // "Báo cáo", "Nghị quyết", "Thông báo", ...
  std::string number;    // "06"
  std::string code;      // "06-NQ/TU"
  std::optional<Date> issued;
  std::string issuer;
  std::string title;
  std::string text;
  UnitId unit = kNoUnit;  // the unit it reports on, when known
  std::string created_at;
};

struct DirectiveFilter {
  std::optional<int64_t> meeting;
  std::optional<UnitId> assignee_unit;
  std::string assignee;  // exact assignee name
  std::string issuer;    // exact issuing body
  bool open_only = false;
};

// Roles, from least to most: viewer < reporter < approver < admin.
struct RoleGrant {
  std::string role;       // "viewer", "reporter", "approver", "admin"
  UnitId unit = kNoUnit;  // the root of the subtree it covers; kNoUnit: every unit
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;  // Argon2id encoded hash
  bool disabled = false;
  std::vector<RoleGrant> roles;
};

// A browser session or an API token; only the hash of its secret is stored.
struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  std::string kind;        // "session" or "api"
  std::string csrf;        // the CSRF token of a browser session
  std::string label;       // an API token's name
  int64_t created_at = 0;  // seconds since the epoch
  int64_t expires_at = 0;  // 0: never (API tokens until revoked)
  bool revoked = false;
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
  // Sends a submitted result back to its reporter as a draft, with a comment.
  virtual Status ReturnResult(const std::string& actor, int64_t id, const std::string& comment) = 0;
  virtual Result<ResultRecord> GetResult(int64_t id) = 0;
  virtual Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> unit = std::nullopt) = 0;
  virtual Result<std::vector<ResultChange>> ResultHistory(int64_t id) = 0;
  // The results of `unit` for periods in the years first_year..last_year.
  virtual Result<std::vector<ResultRecord>> ListResultsInYears(UnitId unit, int first_year,
                                                               int last_year) = 0;
  // The highest audit row id: it changes with every write, so it versions the data.
  virtual Result<int64_t> DataVersion() = 0;
  // The highest audit row id of a write to the units: it versions the unit tree.
  virtual Result<int64_t> UnitsVersion() = 0;
  // Saves many results in one transaction: all or none.
  virtual Status SaveResults(const std::string& actor, const std::vector<Observation>& results,
                             const std::string& source) = 0;

  // Units as records: inserted or updated by code and valid_from, in one
  // transaction; a parent is found by its code as of the unit's valid_from.
  virtual Status PutUnits(const std::string& actor, const std::vector<UnitRecord>& units) = 0;
  // Every stored unit, parents before children.
  virtual Result<std::vector<UnitRecord>> ListUnits() = 0;
  // Every stored succession (merges and splits), by stored unit ids.
  virtual Result<std::vector<Succession>> ListSuccessions() = 0;

  // Bodies: found by unit, kind and name, or created.
  virtual Result<int64_t> SaveBody(const std::string& actor, const Body& body) = 0;
  virtual Result<std::vector<Body>> ListBodies(std::optional<UnitId> unit = std::nullopt) = 0;

  // Plans: a plan is keyed by unit, body kind and years; saving replaces its
  // targets (old and new audited). Many plans are saved in one transaction.
  virtual Status SavePlans(const std::string& actor, const std::vector<Plan>& plans) = 0;
  virtual Result<std::vector<Plan>> ListPlans(std::optional<UnitId> unit = std::nullopt) = 0;

  virtual Result<int64_t> SaveDocument(const std::string& actor, const StoredDocument& doc) = 0;
  virtual Result<StoredDocument> GetDocument(int64_t id) = 0;
  // Without their text.
  virtual Result<std::vector<StoredDocument>> ListDocuments() = 0;

  // Meetings and directives: id 0 creates, otherwise updates (audited with old and new).
  virtual Result<int64_t> SaveMeeting(const std::string& actor, const Meeting& meeting) = 0;
  virtual Result<Meeting> GetMeeting(int64_t id) = 0;
  virtual Result<std::vector<Meeting>> ListMeetings(std::optional<UnitId> unit = std::nullopt) = 0;
  virtual Result<int64_t> SaveDirective(const std::string& actor, const Directive& directive) = 0;
  // Appends a dated note; a completing note sets the completion date.
  virtual Status AddDirectiveProgress(const std::string& actor, int64_t id, const DirectiveProgress& p) = 0;
  virtual Result<Directive> GetDirective(int64_t id) = 0;
  virtual Result<std::vector<Directive>> ListDirectives(const DirectiveFilter& filter) = 0;

  // Users, roles and sessions.
  virtual Result<int64_t> CreateUser(const std::string& actor, const User& user) = 0;
  virtual Status SetPassword(const std::string& actor, const std::string& username,
                             const std::string& hash) = 0;
  virtual Status GrantRole(const std::string& actor, const std::string& username, const RoleGrant& grant) = 0;
  virtual Status RevokeRoles(const std::string& actor, const std::string& username) = 0;
  virtual Result<User> FindUser(const std::string& username) = 0;
  virtual Result<User> GetUser(int64_t id) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  virtual Status CreateSession(const std::string& actor, const SessionRecord& session) = 0;
  virtual Result<SessionRecord> FindSession(const std::string& token_hash) = 0;
  virtual Status RevokeSession(const std::string& actor, const std::string& token_hash) = 0;

  virtual Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& entity_id) = 0;
  virtual Result<int64_t> AuditCount() = 0;

  // A consistent copy of the database at `path` (SQLite: VACUUM INTO, online).
  // PostgreSQL answers kFailedPrecondition: use pg_dump.
  virtual Status Backup(const std::string& path) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_STORE_H_
