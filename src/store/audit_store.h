// The append-only audit log (who, when, what, old and new value) and the data
// versions read from it.
#ifndef KIEMDEM_STORE_AUDIT_STORE_H_
#define KIEMDEM_STORE_AUDIT_STORE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"

namespace kiemdem::store {

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

// One audit row as a follower needs it: which entity changed.
struct Change {
  int64_t id = 0;
  std::string entity;
  std::string entity_id;
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed).
class AuditStore {
 public:
  virtual ~AuditStore() = default;

  // The rows about one entity ("result", "42"), oldest first.
  virtual Result<std::vector<AuditEntry>> Audit(const std::string& entity, const std::string& entity_id) = 0;

  // How many rows the log holds.
  virtual Result<int64_t> AuditCount() = 0;

  // The highest audit row id: it changes with every write, so it versions the data.
  virtual Result<int64_t> DataVersion() = 0;

  // Up to `limit` audit rows with ids above `after_id`, oldest first: what
  // other writers changed since a follower last looked.
  virtual Result<std::vector<Change>> ChangesAfter(int64_t after_id, int limit) = 0;

  // The highest audit row id of a write to the units: it versions the unit tree.
  virtual Result<int64_t> UnitsVersion() = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_AUDIT_STORE_H_
