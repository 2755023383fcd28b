// Checking and writing one result inside the caller's transaction: the one
// place a result row is checked before it is stored, for SaveResult,
// SaveResults (results_sql.cc) and ResultImport (result_bulk.cc) alike.
#ifndef KIEMDEM_STORE_INTERNAL_RESULT_WRITE_H_
#define KIEMDEM_STORE_INTERNAL_RESULT_WRITE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/status.h"
#include "store/internal/sql.h"

namespace kiemdem::store::internal {

// Lookups that cannot change inside one transaction: each indicator is read
// and each unit checked once.
struct ResultLookups {
  std::map<std::string, std::optional<Indicator>> indicators;
  std::map<UnitId, bool> units;
};

// The indicator exists (NotFound, field "indicator"), the value fits it
// (ValidateObservation) and the unit is stored (NotFound, field "unit").
// `lookups` may be null (nothing is remembered).
Status CheckResult(Db db, const Observation& obs, ResultLookups* lookups);

// Checks `obs` (CheckResult) and creates it as a draft, or makes a new draft
// version of the stored result with its unit, indicator and period (the old
// one in its history; FailedPrecondition, field "status", when it is
// approved). Audited as `action`, or "update" for a "create" that updates.
// The result's id.
Result<int64_t> SaveResultInTx(Db db, const std::string& actor, const Observation& obs,
                               const std::string& action, ResultLookups* lookups);

// Saves `batch` as an import by `actor`: checks every row (CheckResult; the
// first refused row's error, and nothing of the batch is to be kept), then
// inserts the new rows in bulk (InsertNewResults) and saves the rest, stored
// already or repeated in the batch, one by one (SaveResultInTx).
Status SaveResultBatch(Db db, const std::string& actor, const std::vector<Observation>& batch,
                       ResultLookups* lookups);

// The audit log's JSON of a result's value.
std::string ResultJson(double value, const std::optional<double>& num, const std::optional<double>& den,
                       const std::string& status);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_RESULT_WRITE_H_
