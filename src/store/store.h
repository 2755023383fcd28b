// Persistence of kiemdem's data: SQLite embedded by default, PostgreSQL for
// several servers. Every write is one transaction and leaves an append-only
// audit row (who, when, what, old and new value).
//
// A Store is one connection that hands out one interface per area; a caller
// takes only the area it needs (an analytics function takes a ResultStore&,
// not the whole Store):
//
//   ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open({.url = "kiemdem.db"}));
//   RETURN_IF_ERROR(store->Migrate());
//   ASSIGN_OR_RETURN(int64_t id, store->results().SaveResult("alice", observation));
//
//   units()      UnitStore      units, successions            (unit_store.h)
//   plans()      PlanStore      indicators, bodies, plans     (plan_store.h)
//   results()    ResultStore    results and their workflow    (result_store.h)
//   documents()  DocumentStore  reports, resolutions, notices (document_store.h)
//   meetings()   MeetingStore   working sessions, directives  (meeting_store.h)
//   accounts()   AccountStore   users, roles, sessions        (account_store.h)
//   audit()      AuditStore     the audit log, data versions  (audit_store.h)
//   reminders()  ReminderStore  reminders to late units       (reminder_store.h)
//
// A Store and the interfaces it hands out are one connection: use them from
// one thread at a time, and not after the Store is gone. Errors are Status
// values; no exception crosses these interfaces. Every method may fail with
// kUnavailable (busy database: retry) or kInternal (the database failed), and
// a read with kDataLoss naming the table and row of a stored value that
// cannot be decoded.
#ifndef KIEMDEM_STORE_STORE_H_
#define KIEMDEM_STORE_STORE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/account_store.h"
#include "store/audit_store.h"
#include "store/document_store.h"
#include "store/meeting_store.h"
#include "store/plan_store.h"
#include "store/reminder_store.h"
#include "store/result_store.h"
#include "store/unit_store.h"

namespace kiemdem::store {

struct StoreOptions {
  // "postgresql://user@host:port/db" (or "postgres://…") for PostgreSQL;
  // anything else is a SQLite file path ("kiemdem.db").
  std::string url = "kiemdem.db";
  // How long a writer waits for a lock before kUnavailable (SQLite busy timeout).
  int busy_timeout_ms = 10000;
  // SQLite only: the most the file may grow to, in bytes (0: as far as the
  // disk allows). Past it a write fails as on a full disk: kUnavailable,
  // nothing of it stored.
  int64_t sqlite_max_bytes = 0;
};

struct MigrationState {
  int version;
  std::string name;
  bool applied;
  std::string applied_at;
};

// A database URL fit for logs and messages: a PostgreSQL password is
// replaced by "***" ("postgresql://kd:***@db/kiemdem"); a file path as is.
std::string RedactedUrl(const std::string& url);

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating a SQLite file if needed). kUnavailable with a message
  // naming the URL (its password redacted) when the database cannot be reached.
  static Result<std::unique_ptr<Store>> Open(const StoreOptions& options);

  // "sqlite" or "postgresql".
  virtual std::string backend() const = 0;

  // Whether the connection still works. Without `probe` only what is known
  // already (a PostgreSQL connection that lost its server in the last call);
  // with `probe` it asks the server (one round trip) and, when the connection
  // is gone, reconnects once. SQLite's file is always there: true.
  virtual bool Connected(bool probe) = 0;

  // Applies pending migrations, each in its own transaction, forward only.
  virtual Status Migrate() = 0;
  // Every migration this build knows, applied or not.
  virtual Result<std::vector<MigrationState>> MigrationStatus() = 0;

  // A consistent copy of the database at `path` (SQLite: VACUUM INTO, online).
  // PostgreSQL answers kFailedPrecondition: use pg_dump.
  virtual Status Backup(const std::string& path) = 0;

  // The areas, each valid as long as this Store.
  virtual UnitStore& units() = 0;
  virtual PlanStore& plans() = 0;
  virtual ResultStore& results() = 0;
  virtual DocumentStore& documents() = 0;
  virtual MeetingStore& meetings() = 0;
  virtual AccountStore& accounts() = 0;
  virtual AuditStore& audit() = 0;
  virtual ReminderStore& reminders() = 0;

  // Transitional: the areas' methods on the Store itself, each forwarding to
  // its area, so that callers move to the accessors above one at a time.
  // New code calls the accessors; these go once no caller is left.
  Status SaveUnits(const std::string& a, const AdminRegistry& r) { return units().SaveUnits(a, r); }
  Result<UnitId> FindUnit(const std::string& code, Date on) { return units().FindUnit(code, on); }
  Result<std::string> UnitCode(UnitId u) { return units().UnitCode(u); }
  Status PutUnits(const std::string& a, const std::vector<UnitRecord>& u) { return units().PutUnits(a, u); }
  Result<std::vector<UnitRecord>> ListUnits() { return units().ListUnits(); }
  Result<std::vector<Succession>> ListSuccessions() { return units().ListSuccessions(); }

  Status PutIndicators(const std::string& a, const std::vector<Indicator>& i) {
    return plans().PutIndicators(a, i);
  }
  Result<std::vector<Indicator>> ListIndicators() { return plans().ListIndicators(); }
  Result<int64_t> SaveBody(const std::string& a, const Body& b) { return plans().SaveBody(a, b); }
  Result<std::vector<Body>> ListBodies(std::optional<UnitId> u = std::nullopt) {
    return plans().ListBodies(u);
  }
  Status SavePlans(const std::string& a, const std::vector<Plan>& p,
                   const PlanStore::MayAssign& may = PlanStore::MayAssign()) {
    return plans().SavePlans(a, p, may);
  }
  Result<std::vector<Plan>> ListPlans(std::optional<UnitId> u = std::nullopt) { return plans().ListPlans(u); }

  Result<int64_t> SaveResult(const std::string& a, const Observation& o) {
    return results().SaveResult(a, o);
  }
  Status SaveResults(const std::string& a, const std::vector<Observation>& r, const std::string& source) {
    return results().SaveResults(a, r, source);
  }
  Status SubmitResult(const std::string& a, int64_t id) { return results().SubmitResult(a, id); }
  Status ApproveResult(const std::string& a, int64_t id, int version) {
    return results().ApproveResult(a, id, version);
  }
  Status ReopenResult(const std::string& a, int64_t id, int version, const std::string& reason) {
    return results().ReopenResult(a, id, version, reason);
  }
  Status ReturnResult(const std::string& a, int64_t id, int version, const std::string& comment) {
    return results().ReturnResult(a, id, version, comment);
  }
  Result<ResultRecord> GetResult(int64_t id) { return results().GetResult(id); }
  Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> u = std::nullopt) {
    return results().ListResults(u);
  }
  Result<std::vector<ResultChange>> ResultHistory(int64_t id) { return results().ResultHistory(id); }
  Result<std::vector<ResultRecord>> ListResultsInYears(UnitId u, int first_year, int last_year) {
    return results().ListResultsInYears(u, first_year, last_year);
  }

  Result<int64_t> SaveDocument(const std::string& a, const StoredDocument& d) {
    return documents().SaveDocument(a, d);
  }
  Result<StoredDocument> GetDocument(int64_t id) { return documents().GetDocument(id); }
  Result<std::vector<StoredDocument>> ListDocuments() { return documents().ListDocuments(); }

  Result<int64_t> SaveMeeting(const std::string& a, const Meeting& m) { return meetings().SaveMeeting(a, m); }
  Result<MeetingWithDirectives> SaveMeetingWithDirectives(const std::string& a,
                                                          const MeetingWithDirectives& m) {
    return meetings().SaveMeetingWithDirectives(a, m);
  }
  Result<Meeting> GetMeeting(int64_t id) { return meetings().GetMeeting(id); }
  Result<std::vector<Meeting>> ListMeetings(std::optional<UnitId> u = std::nullopt) {
    return meetings().ListMeetings(u);
  }
  Result<int64_t> SaveDirective(const std::string& a, const Directive& d) {
    return meetings().SaveDirective(a, d);
  }
  Status AddDirectiveProgress(const std::string& a, int64_t id, const DirectiveProgress& p) {
    return meetings().AddDirectiveProgress(a, id, p);
  }
  Result<Directive> GetDirective(int64_t id) { return meetings().GetDirective(id); }
  Result<std::vector<Directive>> ListDirectives(const DirectiveFilter& f) {
    return meetings().ListDirectives(f);
  }

  Result<int64_t> CreateUser(const std::string& a, const User& u) { return accounts().CreateUser(a, u); }
  Status SetPassword(const std::string& a, const std::string& user, const std::string& hash) {
    return accounts().SetPassword(a, user, hash);
  }
  Status GrantRole(const std::string& a, const std::string& user, const RoleGrant& g) {
    return accounts().GrantRole(a, user, g);
  }
  Status RevokeRoles(const std::string& a, const std::string& user) {
    return accounts().RevokeRoles(a, user);
  }
  Result<User> FindUser(const std::string& user) { return accounts().FindUser(user); }
  Result<User> GetUser(int64_t id) { return accounts().GetUser(id); }
  Result<std::vector<User>> ListUsers() { return accounts().ListUsers(); }
  Status CreateSession(const std::string& a, const SessionRecord& s) {
    return accounts().CreateSession(a, s);
  }
  Result<SessionRecord> FindSession(const std::string& hash) { return accounts().FindSession(hash); }
  Status RevokeSession(const std::string& a, const std::string& hash) {
    return accounts().RevokeSession(a, hash);
  }

  Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& id) {
    return audit().Audit(entity, id);
  }
  Result<int64_t> AuditCount() { return audit().AuditCount(); }
  Result<int64_t> DataVersion() { return audit().DataVersion(); }
  Result<int64_t> UnitsVersion() { return audit().UnitsVersion(); }
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_STORE_H_
