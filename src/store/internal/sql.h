// What every part of the SOCI store shares: the clock, exceptions turned into
// Status values, write transactions, the audit row and date columns.
#ifndef KIEMDEM_STORE_INTERNAL_SQL_H_
#define KIEMDEM_STORE_INTERNAL_SQL_H_

#include <soci/soci.h>

#include <optional>
#include <string>

#include "core/date.h"
#include "core/status.h"
#include "store/internal/schema.h"

namespace kiemdem::store::internal {

// "2026-11-22T09:15:02.123Z".
std::string NowIso();

// A database error as a Status: locks, serialisation failures and unique-key
// races are a retryable kUnavailable; anything else is kInternal.
Status FromException(const std::exception& e, const std::string& what);

// Runs `f` and turns any exception into a Status.
template <typename F>
auto Guard(const std::string& what, F f) -> decltype(f()) {
  try {
    return f();
  } catch (const std::exception& e) {
    return FromException(e, what);
  }
}

// A write transaction. SQLite takes the write lock at BEGIN IMMEDIATE, so two
// writers never deadlock upgrading read locks; PostgreSQL rows are locked
// with SELECT … FOR UPDATE where they are read to be changed.
class WriteTx {
 public:
  WriteTx(soci::session& sql, Dialect d) : sql_(sql) {
    sql_ << (d == Dialect::kSqlite ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  ~WriteTx() {
    if (done_) return;
    try {
      sql_ << "ROLLBACK";
    } catch (...) {  // NOLINT(bugprone-empty-catch): nothing more to undo
    }
  }
  WriteTx(const WriteTx&) = delete;
  WriteTx& operator=(const WriteTx&) = delete;
  void Commit() {
    sql_ << "COMMIT";
    done_ = true;
  }

 private:
  soci::session& sql_;
  bool done_ = false;
};

// Appends one audit row (the caller's transaction makes it atomic with the change).
void WriteAudit(soci::session& sql, const std::string& actor, const std::string& action,
                const std::string& entity, const std::string& entity_id, const std::string& old_value,
                const std::string& new_value);

// Date columns are ISO text or NULL.
std::string Iso(const std::optional<Date>& d);
std::optional<Date> DateColumn(const std::string& text, soci::indicator ind);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_SQL_H_
