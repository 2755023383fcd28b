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

std::string ResultJson(double value, const std::optional<double>& num, const std::optional<double>& den,
                       const std::string& status) {
  return JsonObject()
      .Add("value", value)
      .Add("numerator", num)
      .Add("denominator", den)
      .Add("status", status)
      .str();
}

// ResultStore::SaveResults as batches of one transaction. The checks and the
// update of a stored row are those of results_sql.cc (SaveInTransaction),
// with the same messages.
class SqlResultImport final : public ResultImport {
 public:
  SqlResultImport(Db db, std::string actor, std::string source)
      : db_(db), tx_(db), actor_(std::move(actor)), source_(std::move(source)) {}

  Status Add(const std::vector<Observation>& batch) override {
    if (!error_.ok()) return error_;
    Status s = Guard("import results", [&]() -> Status {
      std::vector<const Observation*> rows;
      rows.reserve(batch.size());
      for (const Observation& o : batch) {
        RETURN_IF_ERROR(Check(o));
        rows.push_back(&o);
      }
      for (const Observation* o : InsertNewResults(db_, actor_, "import", rows)) {
        RETURN_IF_ERROR(Update(*o));
      }
      return Status::Ok();
    });
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
  // The indicator exists and the value fits it; the unit is stored.
  Status Check(const Observation& obs) {
    auto it = indicators_.find(obs.indicator);
    if (it == indicators_.end()) {
      ASSIGN_OR_RETURN(std::optional<Indicator> loaded, LoadIndicator(db_, obs.indicator));
      it = indicators_.emplace(obs.indicator, std::move(loaded)).first;
    }
    if (!it->second) {
      return NotFound("indicator " + obs.indicator + " is not in the catalogue",
                      "chỉ tiêu " + obs.indicator + " không có trong danh mục")
          .WithField("indicator");
    }
    RETURN_IF_ERROR(ValidateObservation(obs, *it->second));
    auto unit = units_.find(obs.unit);
    if (unit == units_.end()) {
      long long id = obs.unit;
      int n = 0;
      db_.sql << "SELECT COUNT(*) FROM units WHERE id = :u", soci::use(id), soci::into(n);
      unit = units_.emplace(obs.unit, n > 0).first;
    }
    if (!unit->second) {
      return NotFound("unit " + std::to_string(obs.unit) + " is not stored",
                      "không có đơn vị số " + std::to_string(obs.unit))
          .WithField("unit");
    }
    return Status::Ok();
  }

  // A row stored already (or earlier in this import): a new version of it,
  // the old one in its history, unless it is approved.
  Status Update(const Observation& obs) {
    soci::session& sql = db_.sql;
    ResultRow row = ResultRow::From(obs);
    long long id = 0;
    std::string status;
    double old_value = 0, old_num = 0, old_den = 0;
    int version = 0;
    soci::indicator id_ind = soci::i_null, num_ind = soci::i_null, den_ind = soci::i_null;
    sql << "SELECT id, status, value, numerator, denominator, version FROM results "
           "WHERE unit_id = :u AND indicator_code = :i AND period = :p" +
               db_.ForUpdate(),
        soci::use(row.unit), soci::use(row.indicator), soci::use(row.period), soci::into(id, id_ind),
        soci::into(status), soci::into(old_value), soci::into(old_num, num_ind), soci::into(old_den, den_ind),
        soci::into(version);
    if (!sql.got_data() || id_ind != soci::i_ok) {
      return Internal("result " + obs.indicator + " " + row.period + " vanished during the import",
                      "kết quả " + obs.indicator + " " + row.period + " biến mất khi đang nhập");
    }
    if (status == ResultStatusKey(ResultStatus::kApproved)) {
      return FailedPrecondition("result " + std::to_string(id) + " (" + obs.indicator + " " + row.period +
                                    ") is approved; reopen it before changing it",
                                "kết quả số " + std::to_string(id) + " (" + obs.indicator + " " + row.period +
                                    ") đã được duyệt; hãy mở lại trước khi sửa")
          .WithField("status");
    }
    std::string now = NowIso();
    std::optional<double> on = num_ind == soci::i_ok ? std::optional(old_num) : std::nullopt;
    std::optional<double> od = den_ind == soci::i_ok ? std::optional(old_den) : std::nullopt;
    sql << "INSERT INTO result_history(result_id, version, value, numerator, denominator, status, "
           "changed_at, changed_by, reason) VALUES(:r, :v, :val, :n, :d, :s, :at, :by, '')",
        soci::use(id), soci::use(version), soci::use(old_value), soci::use(old_num, num_ind),
        soci::use(old_den, den_ind), soci::use(status), soci::use(now), soci::use(actor_);
    int next = version + 1;
    Query update(sql,
                 "UPDATE results SET " + SetList(ResultRow::kValueColumns) +
                     ", status = 'draft', version = :ver, updated_at = :at, updated_by = :by WHERE id = :id");
    row.UseValues(update.statement());
    update.Use(next).Use(now).Use(actor_).Use(id).Run();
    WriteAudit(sql, actor_, "import", "result", std::to_string(id), ResultJson(old_value, on, od, status),
               ResultJson(obs.value, obs.numerator, obs.denominator, "draft"));
    return Status::Ok();
  }

  Db db_;
  WriteTx tx_;
  std::string actor_, source_;
  std::map<std::string, std::optional<Indicator>> indicators_;
  std::map<UnitId, bool> units_;
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
