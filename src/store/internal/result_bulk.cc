// Inserting many new results at once: multi-row INSERTs of a few hundred rows,
// each with its audit rows, so that an import costs a few statements per
// hundred rows instead of three round trips per row.
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"
#include "store/internal/result_row.h"
#include "store/internal/result_write.h"

namespace kiemdem::store::internal {
namespace {

constexpr size_t kChunk = 400;  // 13 parameters a row: well under SQLite's and PostgreSQL's limits

using Key = std::tuple<long long, std::string, std::string>;  // unit, indicator, period

// The keys of `rows` that are stored already (locked on PostgreSQL): for
// each unit of `rows`, the stored rows within the rows' range of period keys,
// read through results_unit_period by one statement prepared once. The cost
// follows the rows, not what the database holds for other periods.
std::set<Key> ExistingResultKeys(Db db, const std::vector<const Observation*>& rows) {
  std::set<Key> out;
  std::map<long long, std::pair<std::string, std::string>> ranges;  // unit -> first, last period key
  for (const Observation* o : rows) {
    std::string key = o->period.Key();
    auto [it, fresh] = ranges.try_emplace(o->unit, key, key);
    if (!fresh) {
      if (key < it->second.first) it->second.first = key;
      if (key > it->second.second) it->second.second = key;
    }
  }
  if (ranges.empty()) return out;
  long long unit = 0;
  std::string first, last, indicator, period;
  soci::statement st =
      (db.sql.prepare << "SELECT indicator_code, period FROM results WHERE unit_id = :u "
                         "AND period >= :f AND period <= :l" +
                             db.ForUpdate(),
       soci::use(unit), soci::use(first), soci::use(last), soci::into(indicator), soci::into(period));
  for (const auto& [u, range] : ranges) {
    unit = u;
    first = range.first;
    last = range.second;
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

namespace {

// ResultStore::SaveResults as batches of one transaction: each row checked
// and, when stored already, updated by result_write.h, as SaveResults does.
class SqlResultImport final : public ResultImport {
 public:
  SqlResultImport(Db db, std::string actor, std::string source)
      : db_(db), tx_(db), actor_(std::move(actor)), source_(std::move(source)) {}

  Status Add(const std::vector<Observation>& batch) override {
    if (!error_.ok()) return error_;
    Status s =
        Guard("import results", [&]() -> Status { return SaveResultBatch(db_, actor_, batch, &lookups_); });
    if (!s.ok()) error_ = s;
    rows_ += batch.size();
    return s;
  }

  size_t rows() const override { return rows_; }

  Status Commit() override {
    if (!error_.ok()) return error_;
    if (committed_) {
      return FailedPrecondition("the import is committed already", "đã ghi xong lần nhập này");
    }
    Status s = Guard("import results", [&]() -> Status {
      WriteAudit(db_.sql, actor_, "import", "results", source_, "",
                 JsonObject().Add("rows", static_cast<double>(rows_)).str());
      tx_.Commit();
      return Status::Ok();
    });
    if (!s.ok()) error_ = s;
    committed_ = s.ok();
    return s;
  }

 private:
  Db db_;
  WriteTx tx_;
  std::string actor_, source_;
  ResultLookups lookups_;
  size_t rows_ = 0;
  Status error_ = Status::Ok();
  bool committed_ = false;
};

}  // namespace

Result<std::unique_ptr<ResultImport>> BeginResultImport(Db db, const std::string& actor,
                                                        const std::string& source) {
  return Guard("import results", [&]() -> Result<std::unique_ptr<ResultImport>> {
    return std::unique_ptr<ResultImport>(std::make_unique<SqlResultImport>(db, actor, source));
  });
}

}  // namespace kiemdem::store::internal
