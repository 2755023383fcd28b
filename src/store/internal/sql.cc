#include "store/internal/sql.h"

#include <soci/postgresql/soci-postgresql.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <initializer_list>

namespace kiemdem::store::internal {

std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

namespace {

bool Has(const std::string& msg, std::initializer_list<const char*> parts) {
  for (const char* p : parts) {
    if (msg.find(p) != std::string::npos) return true;
  }
  return false;
}

// The connection to the server is gone or the server refuses work for now
// (restarting, shutting down, out of connections): PostgreSQL's SQLSTATE
// class 08, 57P01-57P03, 53300, and libpq's own words when no SQLSTATE came.
bool ConnectionLost(const std::exception& e, const std::string& msg) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    std::string state = pg->sqlstate();
    if (state.rfind("08", 0) == 0 || state == "57P01" || state == "57P02" || state == "57P03" ||
        state == "53300") {
      return true;
    }
  }
  if (const auto* se = dynamic_cast<const soci::soci_error*>(&e);
      se != nullptr && se->get_error_category() == soci::soci_error::connection_error) {
    return true;
  }
  return Has(msg, {"server closed the connection", "no connection to the server", "could not connect",
                   "Connection refused", "terminating connection", "the database system is",
                   "connection to server", "Cannot establish connection", "SSL SYSCALL error"});
}

// PostgreSQL refused a row for a unique key (SQLSTATE 23505, "duplicate key
// value violates unique constraint").
bool UniqueViolation(const std::exception& e, const std::string& msg) {
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e); pg != nullptr) {
    return pg->sqlstate() == "23505";
  }
  return Has(msg, {"duplicate key value violates unique constraint"});
}

}  // namespace

Status FromException(const std::exception& e, const std::string& what) {
  std::string msg = e.what();
  // SOCI ends its text with the statement's bound values (`… with :h="…"`):
  // password hashes, token hashes and figures are for nobody's log.
  if (size_t values = msg.find("\" with :"); values != std::string::npos) {
    msg = msg.substr(0, values + 1) + " (values not shown)";
  }
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  if (ConnectionLost(e, msg)) {
    return Status(StatusCode::kUnavailable,
                  what + ": the database cannot be reached, try again (" + msg + ")",
                  what + ": không kết nối được cơ sở dữ liệu, hãy thử lại (" + msg + ")");
  }
  if (Has(msg, {"database or disk is full", "disk I/O error"})) {
    return Status(StatusCode::kUnavailable,
                  what + ": the disk of the database is full or failing; nothing was written (" + msg + ")",
                  what + ": ổ đĩa của cơ sở dữ liệu đầy hoặc hỏng; chưa ghi gì (" + msg + ")");
  }
  if (Has(msg, {"readonly database", "read-only transaction"})) {
    return Status(StatusCode::kUnavailable,
                  what + ": the database is read-only just now; nothing was written (" + msg + ")",
                  what + ": cơ sở dữ liệu đang chỉ cho đọc; chưa ghi gì (" + msg + ")");
  }
  // Every insert reads its key first in the same transaction (and locks the
  // row FOR UPDATE when it exists) and turns a real duplicate into its own
  // error naming what exists (AlreadyExists, or an update of the stored row).
  // So a unique key that refuses a row on PostgreSQL (READ COMMITTED) means
  // another transaction inserted the same new key since that read: a second
  // try reads the row and updates it or says it exists. SQLite serialises
  // writers (BEGIN IMMEDIATE), so its "UNIQUE constraint failed" can be no
  // race: a bug, kInternal below.
  if (UniqueViolation(e, msg)) {
    return Status(
        StatusCode::kUnavailable,
        what + ": another change stored the same record at the same moment; try again (" + msg + ")",
        what + ": một thay đổi khác vừa lưu cùng bản ghi này; hãy thử lại (" + msg + ")");
  }
  if (Has(msg, {"locked", "busy", "could not serialize", "deadlock"})) {
    return Status(StatusCode::kUnavailable, what + ": the database is busy, try again (" + msg + ")",
                  what + ": cơ sở dữ liệu đang bận, hãy thử lại (" + msg + ")");
  }
  return Status(StatusCode::kInternal, what + ": " + msg, what + ": lỗi cơ sở dữ liệu: " + msg);
}

void WriteAudit(soci::session& sql, const std::string& actor, const std::string& action,
                const std::string& entity, const std::string& entity_id, const std::string& old_value,
                const std::string& new_value) {
  std::string at = NowIso();
  sql << "INSERT INTO audit_log(at, actor, action, entity, entity_id, old_value, new_value) "
         "VALUES(:a, :b, :c, :d, :e, :f, :g)",
      soci::use(at), soci::use(actor), soci::use(action), soci::use(entity), soci::use(entity_id),
      soci::use(old_value), soci::use(new_value);
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += (i == 0 ? ":c" : ", :c") + std::to_string(i);
  return out;
}

std::string SetList(std::string_view columns) {
  std::string out;
  size_t n = 0, start = 0;
  while (start < columns.size()) {
    size_t comma = columns.find(',', start);
    std::string_view name =
        columns.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    out += (n == 0 ? "" : ", ") + std::string(name) + " = :c" + std::to_string(n);
    ++n;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return out;
}

std::string Iso(const std::optional<Date>& d) { return d ? d->ToIso() : ""; }

Status Undecodable(std::string_view table, std::string_view id, std::string_view column,
                   std::string_view value) {
  std::string where = std::string(table) + " row " + std::string(id);
  std::string v(value.substr(0, 80));
  return Status(StatusCode::kDataLoss,
                "stored data is damaged: " + where + " has " + std::string(column) + " \"" + v +
                    "\", which kiemdem cannot read",
                "dữ liệu đã lưu bị hỏng: bảng " + std::string(table) + " dòng " + std::string(id) + " có " +
                    std::string(column) + " \"" + v + "\" không đọc được")
      .WithField(std::string(column));
}

Result<std::optional<Date>> DecodeDate(const std::string& text, soci::indicator ind, std::string_view table,
                                       std::string_view id, std::string_view column) {
  if (ind != soci::i_ok || text.empty()) return std::optional<Date>();
  Result<Date> d = Date::ParseIso(text);
  if (!d.ok()) return Undecodable(table, id, column, text);
  return std::optional<Date>(*d);
}

}  // namespace kiemdem::store::internal
