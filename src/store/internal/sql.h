// What every part of the SOCI store shares: the connection, the clock,
// exceptions turned into Status values, write transactions, the audit row,
// SELECTs bound to a row mapper, and decoding stored values (a value that
// does not decode is kDataLoss naming its table, row and column, never a
// default).
#ifndef KIEMDEM_STORE_INTERNAL_SQL_H_
#define KIEMDEM_STORE_INTERNAL_SQL_H_

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"
#include "store/internal/schema.h"

namespace kiemdem::store::internal {

// The connection an area works on, owned by the Store that made the area.
struct Db {
  soci::session& sql;
  Dialect dialect;

  // " FOR UPDATE" on PostgreSQL (rows read to be changed are locked); SQLite
  // locks the whole database at BEGIN IMMEDIATE.
  std::string ForUpdate() const { return dialect == Dialect::kPostgres ? " FOR UPDATE" : ""; }
};

// "2026-11-22T09:15:02.123Z".
std::string NowIso();

// A database error as a Status: a lost connection or a server that is
// restarting, a full or read-only database, locks, serialisation failures
// and unique-key races on PostgreSQL (sql.cc says why a duplicate key there
// is a race) are a retryable kUnavailable; anything else, SQLite's unique
// constraint included, is kInternal. The driver's text stays in the
// message, for the log.
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
  explicit WriteTx(Db db) : WriteTx(db.sql, db.dialect) {}
  // Not committed: rolled back. This runs while the error that ended the
  // transaction (an exception unwinding to Guard, or a Status the caller
  // returns) is on its way out, and that error is what the caller gets. A
  // ROLLBACK that fails means the connection is gone, and the server has
  // undone the transaction with it: there is nothing more to undo, and
  // throwing from here would end the process.
  ~WriteTx() {
    if (done_) return;
    try {
      sql_ << "ROLLBACK";
    } catch (...) {  // NOLINT(bugprone-empty-catch): see above
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

// One statement with its parameters bound by Use() in order and its columns
// into plain values (Into) or a row mapper (IntoRow: a struct with
// `void Into(soci::statement&)` binding its columns in order):
//
//   ResultRow row;
//   Query q(sql, "SELECT " + std::string(ResultRow::kColumns) + " FROM results WHERE id = :id");
//   q.Use(id).IntoRow(row).Execute();
//   while (q.Next()) { ASSIGN_OR_RETURN(ResultRecord r, row.Decode()); … }
//
// Bound values must outlive the Query.
class Query {
 public:
  Query(soci::session& sql, const std::string& text) : st_(sql) {
    st_.alloc();
    st_.prepare(text);
  }
  template <typename T>
  Query& Use(const T& value) {
    st_.exchange(soci::use(value));
    return *this;
  }
  template <typename T>
  Query& Use(const T& value, soci::indicator& ind) {
    st_.exchange(soci::use(value, ind));
    return *this;
  }
  template <typename T>
  Query& Into(T& value) {
    st_.exchange(soci::into(value));
    return *this;
  }
  template <typename T>
  Query& Into(T& value, soci::indicator& ind) {
    st_.exchange(soci::into(value, ind));
    return *this;
  }
  template <typename Row>
  Query& IntoRow(Row& row) {
    row.Into(st_);
    return *this;
  }
  // Starts a SELECT whose rows are read with Next().
  void Execute() {
    st_.define_and_bind();
    st_.execute(false);
  }
  // Runs a write, or a SELECT of at most one row; true when a row was read.
  bool Run() {
    st_.define_and_bind();
    return st_.execute(true);
  }
  bool Next() { return st_.fetch(); }
  // For a row mapper's Use*() methods.
  soci::statement& statement() { return st_; }

 private:
  soci::statement st_;
};

// ":c0, :c1, …" for n parameters, and "a = :c0, b = :c1" for a column list.
std::string Placeholders(size_t n);
std::string SetList(std::string_view columns);

// kDataLoss: the stored `column` of row `id` of `table` holds `value`, which
// does not decode.
Status Undecodable(std::string_view table, std::string_view id, std::string_view column,
                   std::string_view value);

// A stored key as parsed by one of core's Parse* functions, or
// kDataLoss naming the row.
template <typename T>
Result<T> DecodeKey(Result<T> parsed, std::string_view table, std::string_view id, std::string_view column,
                    std::string_view value) {
  if (parsed.ok()) return parsed;
  return Undecodable(table, id, column, value);
}

// Date columns are ISO text or NULL (an empty text is no date too); any
// other text is kDataLoss naming the row.
std::string Iso(const std::optional<Date>& d);
Result<std::optional<Date>> DecodeDate(const std::string& text, soci::indicator ind, std::string_view table,
                                       std::string_view id, std::string_view column);

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_SQL_H_
