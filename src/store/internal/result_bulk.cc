// Inserting many new results at once: multi-row INSERTs of a few hundred rows,
// each with its audit rows, so that an import costs a few statements per
// hundred rows instead of three round trips per row.
#include <map>
#include <set>
#include <tuple>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"
#include "store/internal/result_row.h"

namespace kiemdem::store::internal {
namespace {

constexpr size_t kChunk = 400;  // 13 parameters a row: well under SQLite's and PostgreSQL's limits

using Key = std::tuple<long long, std::string, std::string>;  // unit, indicator, period

constexpr size_t kLookupChunk = 300;  // 3 parameters a key

// The keys of `rows` that are stored already (locked on PostgreSQL), looked
// up a few hundred at a time through the UNIQUE (unit_id, indicator_code,
// period) index: the cost follows the rows, not what the database holds.
std::set<Key> ExistingResultKeys(Db db, const std::vector<const Observation*>& rows) {
  std::set<Key> out;
  std::string for_update = db.dialect == Dialect::kPostgres ? " FOR UPDATE" : "";
  for (size_t begin = 0; begin < rows.size(); begin += kLookupChunk) {
    size_t n = std::min(kLookupChunk, rows.size() - begin);
    std::vector<long long> units(n);
    std::vector<std::string> indicators(n), periods(n);
    size_t counter = 0;
    auto param = [&]() {
      return db.dialect == Dialect::kSqlite ? std::string("?") : ":k" + std::to_string(counter++);
    };
    // An OR of equalities, not a row-value IN: SQLite then searches the
    // index once per key (MULTI-INDEX OR) instead of scanning the table.
    std::string sql = "SELECT unit_id, indicator_code, period FROM results WHERE ";
    for (size_t i = 0; i < n; ++i) {
      const Observation& o = *rows[begin + i];
      units[i] = o.unit;
      indicators[i] = o.indicator;
      periods[i] = o.period.Key();
      sql += i == 0 ? "(" : " OR (";
      sql += "unit_id = " + param();
      sql += " AND indicator_code = " + param();
      sql += " AND period = " + param() + ")";
    }
    sql += for_update;
    soci::statement st(db.sql);
    st.alloc();
    st.prepare(sql);
    for (size_t i = 0; i < n; ++i) {
      st.exchange(soci::use(units[i]));
      st.exchange(soci::use(indicators[i]));
      st.exchange(soci::use(periods[i]));
    }
    long long unit = 0;
    std::string indicator, period;
    st.exchange(soci::into(unit));
    st.exchange(soci::into(indicator));
    st.exchange(soci::into(period));
    st.define_and_bind();
    st.execute();
    while (st.fetch()) out.emplace(unit, indicator, period);
  }
  return out;
}

}  // namespace

std::vector<const Observation*> InsertNewResults(Db db, const std::string& actor, const std::string& action,
                                                 const std::vector<const Observation*>& rows) {
  std::set<Key> existing = ExistingResultKeys(db, rows);
  std::vector<const Observation*> fresh, rest;
  for (const Observation* o : rows) {
    Key k{o->unit, o->indicator, o->period.Key()};
    if (existing.insert(k).second) {
      fresh.push_back(o);
    } else {
      rest.push_back(o);  // stored already, or twice in this batch: updated one by one
    }
  }
  std::string now = NowIso();
  for (size_t begin = 0; begin < fresh.size(); begin += kChunk) {
    size_t n = std::min(kChunk, fresh.size() - begin);
    // Values the statement binds by reference must outlive it.
    std::vector<ResultRow> values;
    values.reserve(n);
    for (size_t i = 0; i < n; ++i) values.push_back(ResultRow::From(*fresh[begin + i]));
    // SQLite looks named parameters up by a linear scan: "?" keeps a
    // 5 600-parameter statement linear. PostgreSQL's SOCI backend wants names.
    size_t counter = 0;
    auto param = [&]() {
      return db.dialect == Dialect::kSqlite ? std::string("?") : ":p" + std::to_string(counter++);
    };
    std::string sql;
    sql = "INSERT INTO results(" + std::string(ResultRow::kKeyColumns) + ", " +
          std::string(ResultRow::kValueColumns) + ", status, version, updated_at, updated_by) VALUES ";
    counter = 0;
    for (size_t r = 0; r < n; ++r) {
      sql += r == 0 ? "(" : ", (";
      for (size_t c = 0; c < 14; ++c) {
        if (c == 12) sql += ", 'draft', 1";
        sql += (c == 0 ? "" : ", ") + param();
      }
      sql += ")";
    }
    sql += " RETURNING id, unit_id, indicator_code, period";
    soci::statement st(db.sql);
    st.alloc();
    st.prepare(sql);
    for (ResultRow& r : values) {
      r.UseKey(st);
      r.UseValues(st);
      st.exchange(soci::use(now));
      st.exchange(soci::use(actor));
    }
    long long id = 0, unit = 0;
    std::string indicator, period;
    st.exchange(soci::into(id));
    st.exchange(soci::into(unit));
    st.exchange(soci::into(indicator));
    st.exchange(soci::into(period));
    st.define_and_bind();
    st.execute();
    std::map<Key, long long> ids;
    while (st.fetch()) ids[{unit, indicator, period}] = id;

    // One audit row per result, as a single write would leave.
    std::vector<std::string> entity_ids(n), new_values(n);
    for (size_t i = 0; i < n; ++i) {
      const ResultRow& r = values[i];
      entity_ids[i] = std::to_string(ids[{r.unit, r.indicator, r.period}]);
      new_values[i] = JsonObject()
                          .Add("value", r.value)
                          .Add("numerator", r.num_ind == soci::i_ok ? std::optional(r.num) : std::nullopt)
                          .Add("denominator", r.den_ind == soci::i_ok ? std::optional(r.den) : std::nullopt)
                          .Add("status", "draft")
                          .str();
    }
    counter = 0;
    std::string audit =
        "INSERT INTO audit_log(at, actor, action, entity, entity_id, old_value, new_value) VALUES ";
    for (size_t i = 0; i < n; ++i) {
      audit += std::string(i == 0 ? "(" : ", (") + param() + ", " + param() + ", " + param() +
               ", 'result', " + param() + ", '', " + param() + ")";
    }
    soci::statement au(db.sql);
    au.alloc();
    au.prepare(audit);
    for (size_t i = 0; i < n; ++i) {
      au.exchange(soci::use(now));
      au.exchange(soci::use(actor));
      au.exchange(soci::use(action));
      au.exchange(soci::use(entity_ids[i]));
      au.exchange(soci::use(new_values[i]));
    }
    au.define_and_bind();
    au.execute(true);
  }
  return rest;
}

}  // namespace kiemdem::store::internal
