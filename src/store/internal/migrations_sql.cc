// Applying the schema's migrations (schema.cc), forward only, each in its own
// transaction, and reporting which are applied.
#include <map>

#include "store/internal/areas.h"

namespace kiemdem::store::internal {
namespace {

void EnsureMigrationsTable(soci::session& sql) {
  sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
         "applied_at TEXT NOT NULL)";
}

}  // namespace

Status Migrate(Db db) {
  return Guard("migrate", [&]() -> Status {
    soci::session& sql = db.sql;
    EnsureMigrationsTable(sql);
    for (const Migration& m : Migrations(db.dialect)) {
      WriteTx tr(db);
      int have = 0;
      sql << "SELECT COUNT(*) FROM schema_migrations WHERE version = :v", soci::use(m.version),
          soci::into(have);
      if (have > 0) continue;  // the transaction rolls back: nothing was written
      for (const std::string& stmt : m.statements) sql << stmt;
      std::string now = NowIso();
      sql << "INSERT INTO schema_migrations(version, name, applied_at) VALUES(:v, :n, :a)",
          soci::use(m.version), soci::use(m.name), soci::use(now);
      tr.Commit();
    }
    return Status::Ok();
  });
}

Result<std::vector<MigrationState>> MigrationStatus(Db db) {
  return Guard("db status", [&]() -> Result<std::vector<MigrationState>> {
    soci::session& sql = db.sql;
    EnsureMigrationsTable(sql);
    std::map<int, std::string> applied;
    int v = 0;
    std::string at;
    soci::statement st =
        (sql.prepare << "SELECT version, applied_at FROM schema_migrations", soci::into(v), soci::into(at));
    st.execute();
    while (st.fetch()) applied[v] = at;
    std::vector<MigrationState> out;
    for (const Migration& m : Migrations(db.dialect)) {
      auto it = applied.find(m.version);
      out.push_back({m.version, m.name, it != applied.end(), it != applied.end() ? it->second : ""});
    }
    return out;
  });
}

}  // namespace kiemdem::store::internal
