// The store's areas beyond results and indicators, each in its own file:
// units as records, bodies and plans, documents, meetings and directives,
// users and sessions. SociStore forwards to these; each runs in `Guard`.
#ifndef KIEMDEM_STORE_INTERNAL_AREAS_H_
#define KIEMDEM_STORE_INTERNAL_AREAS_H_

#include <optional>
#include <string>
#include <vector>

#include "store/internal/sql.h"
#include "store/store.h"

namespace kiemdem::store::internal {

struct Db {
  soci::session& sql;
  Dialect dialect;
};

// units_sql.cc
Status PutUnitRecords(Db db, const std::string& actor, const std::vector<UnitRecord>& units);
Result<std::vector<UnitRecord>> ListUnitRecords(Db db);
Result<std::vector<Succession>> ListSuccessions(Db db);

// plans_sql.cc
Result<int64_t> SaveBody(Db db, const std::string& actor, const Body& body);
Result<std::vector<Body>> ListBodies(Db db, std::optional<UnitId> unit);
Status SavePlans(Db db, const std::string& actor, const std::vector<Plan>& plans);
Result<std::vector<Plan>> ListPlans(Db db, std::optional<UnitId> unit);

// documents_sql.cc
Result<int64_t> SaveDocument(Db db, const std::string& actor, const StoredDocument& doc);
Result<StoredDocument> GetDocument(Db db, int64_t id);
Result<std::vector<StoredDocument>> ListDocuments(Db db);

// meetings_sql.cc
Result<int64_t> SaveMeeting(Db db, const std::string& actor, const Meeting& meeting);
Result<Meeting> GetMeeting(Db db, int64_t id);
Result<std::vector<Meeting>> ListMeetings(Db db, std::optional<UnitId> unit);
Result<int64_t> SaveDirective(Db db, const std::string& actor, const Directive& directive);
Status AddDirectiveProgress(Db db, const std::string& actor, int64_t id, const DirectiveProgress& p);
Result<Directive> GetDirective(Db db, int64_t id);
Result<std::vector<Directive>> ListDirectives(Db db, const DirectiveFilter& filter);

// accounts_sql.cc
Result<int64_t> CreateUser(Db db, const std::string& actor, const User& user);
Status SetPassword(Db db, const std::string& actor, const std::string& username, const std::string& hash);
Status GrantRole(Db db, const std::string& actor, const std::string& username, const RoleGrant& grant);
Status RevokeRoles(Db db, const std::string& actor, const std::string& username);
Result<User> FindUser(Db db, const std::string& username);
Result<User> GetUser(Db db, int64_t id);
Result<std::vector<User>> ListUsers(Db db);
Status CreateSession(Db db, const std::string& actor, const SessionRecord& session);
Result<SessionRecord> FindSession(Db db, const std::string& token_hash);
Status RevokeSession(Db db, const std::string& actor, const std::string& token_hash);

// result_bulk.cc: inserts the rows whose unit, indicator and period are not
// stored yet, with their audit rows, inside the caller's transaction; returns
// the rest (stored already, or repeated in `rows`) for one-by-one updates.
std::vector<const Observation*> InsertNewResults(Db db, const std::string& actor, const std::string& action,
                                                 const std::vector<const Observation*>& rows);

// Lists joined with "\n" in one column, and back.
std::string JoinLines(const std::vector<std::string>& items);
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_AREAS_H_
