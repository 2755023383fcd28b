// The store's areas, each in its own file and each made on the Store's one
// connection. SociStore (soci_store.cc) owns the connection and the areas;
// every method runs in `Guard`.
#ifndef KIEMDEM_STORE_INTERNAL_AREAS_H_
#define KIEMDEM_STORE_INTERNAL_AREAS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/internal/sql.h"
#include "store/store.h"

namespace kiemdem::store::internal {

std::unique_ptr<UnitStore> NewUnitStore(Db db);          // units_sql.cc
std::unique_ptr<PlanStore> NewPlanStore(Db db);          // plans_sql.cc (indicators in indicators_sql.cc)
std::unique_ptr<ResultStore> NewResultStore(Db db);      // results_sql.cc
std::unique_ptr<DocumentStore> NewDocumentStore(Db db);  // documents_sql.cc
std::unique_ptr<MeetingStore> NewMeetingStore(Db db);    // meetings_sql.cc
std::unique_ptr<AccountStore> NewAccountStore(Db db);    // accounts_sql.cc
std::unique_ptr<AuditStore> NewAuditStore(Db db);        // audit_sql.cc
std::unique_ptr<ReminderStore> NewReminderStore(Db db);  // reminders_sql.cc

// migrations_sql.cc: the schema's migrations, each in its own transaction.
Status Migrate(Db db);
Result<std::vector<MigrationState>> MigrationStatus(Db db);

// indicators_sql.cc, also used by results to check a value against its
// indicator: the catalogue's rows, inside the caller's Guard.
Status PutIndicators(Db db, const std::string& actor, const std::vector<Indicator>& indicators);
Result<std::vector<Indicator>> ListIndicators(Db db);
// The indicator with `code`, nullopt when there is none.
Result<std::optional<Indicator>> LoadIndicator(Db db, const std::string& code);

// result_bulk.cc: inserts the rows whose unit, indicator and period are not
// stored yet, with their audit rows, inside the caller's transaction; returns
// the rest (stored already, or repeated in `rows`) for one-by-one updates.
std::vector<const Observation*> InsertNewResults(Db db, const std::string& actor, const std::string& action,
                                                 const std::vector<const Observation*>& rows);
// result_bulk.cc: ResultImport on the store's connection (its transaction
// begins here). Used by PlanStore::BeginResultImport.
Result<std::unique_ptr<ResultImport>> BeginResultImport(Db db, const std::string& actor,
                                                        const std::string& source);

// Lists joined with "\n" in one column, and back.
std::string JoinLines(const std::vector<std::string>& items);
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_AREAS_H_
