#include "store/internal/result_write.h"

#include "store/internal/areas.h"
#include "store/internal/json_text.h"
#include "store/internal/result_row.h"

namespace kiemdem::store::internal {

std::string ResultJson(double value, const std::optional<double>& num, const std::optional<double>& den,
                       const std::string& status) {
  return JsonObject()
      .Add("value", value)
      .Add("numerator", num)
      .Add("denominator", den)
      .Add("status", status)
      .str();
}

Status CheckResult(Db db, const Observation& obs, ResultLookups* lookups) {
  std::optional<Indicator> ind;
  if (lookups != nullptr) {
    auto it = lookups->indicators.find(obs.indicator);
    if (it == lookups->indicators.end()) {
      ASSIGN_OR_RETURN(std::optional<Indicator> loaded, LoadIndicator(db, obs.indicator));
      it = lookups->indicators.emplace(obs.indicator, std::move(loaded)).first;
    }
    ind = it->second;
  } else {
    ASSIGN_OR_RETURN(ind, LoadIndicator(db, obs.indicator));
  }
  if (!ind) {
    return NotFound("indicator " + obs.indicator + " is not in the catalogue",
                    "chỉ tiêu " + obs.indicator + " không có trong danh mục")
        .WithField("indicator");
  }
  RETURN_IF_ERROR(ValidateObservation(obs, *ind));
  long long unit = obs.unit;
  int unit_exists = 0;
  if (lookups != nullptr && lookups->units.count(obs.unit) > 0) {
    unit_exists = lookups->units[obs.unit] ? 1 : 0;
  } else {
    db.sql << "SELECT COUNT(*) FROM units WHERE id = :u", soci::use(unit), soci::into(unit_exists);
    if (lookups != nullptr) lookups->units[obs.unit] = unit_exists > 0;
  }
  if (unit_exists == 0) {
    return NotFound("unit " + std::to_string(obs.unit) + " is not stored",
                    "không có đơn vị số " + std::to_string(obs.unit))
        .WithField("unit");
  }
  return Status::Ok();
}

Status SaveResultBatch(Db db, const std::string& actor, const std::vector<Observation>& batch,
                       ResultLookups* lookups) {
  std::vector<const Observation*> rows;
  rows.reserve(batch.size());
  for (const Observation& o : batch) {
    RETURN_IF_ERROR(CheckResult(db, o, lookups));
    rows.push_back(&o);
  }
  for (const Observation* o : InsertNewResults(db, actor, "import", rows)) {
    RETURN_IF_ERROR(SaveResultInTx(db, actor, *o, "import", lookups).status());
  }
  return Status::Ok();
}

Result<int64_t> SaveResultInTx(Db db, const std::string& actor, const Observation& obs,
                               const std::string& action, ResultLookups* lookups) {
  RETURN_IF_ERROR(CheckResult(db, obs, lookups));
  soci::session& sql = db.sql;
  ResultRow row = ResultRow::From(obs);
  long long id = 0;
  std::string status;
  double old_value = 0;
  double old_num = 0, old_den = 0;
  int version = 0;
  soci::indicator id_ind = soci::i_null, num_ind = soci::i_null, den_ind = soci::i_null;
  sql << "SELECT id, status, value, numerator, denominator, version FROM results "
         "WHERE unit_id = :u AND indicator_code = :i AND period = :p" +
             db.ForUpdate(),
      soci::use(row.unit), soci::use(row.indicator), soci::use(row.period), soci::into(id, id_ind),
      soci::into(status), soci::into(old_value), soci::into(old_num, num_ind), soci::into(old_den, den_ind),
      soci::into(version);
  bool exists = sql.got_data() && id_ind == soci::i_ok;
  std::string now = NowIso();
  std::string new_json = ResultJson(obs.value, obs.numerator, obs.denominator, "draft");
  if (!exists) {
    Query insert(sql, "INSERT INTO results(" + std::string(ResultRow::kKeyColumns) + ", " +
                          std::string(ResultRow::kValueColumns) +
                          ", status, version, updated_at, updated_by) VALUES(" + Placeholders(12) +
                          ", 'draft', 1, :at, :by) RETURNING id");
    row.UseKey(insert.statement());
    row.UseValues(insert.statement());
    insert.Use(now).Use(actor).Into(id).Run();
    WriteAudit(sql, actor, action, "result", std::to_string(id), "", new_json);
    return static_cast<int64_t>(id);
  }
  if (status == ResultStatusKey(ResultStatus::kApproved)) {
    return FailedPrecondition("result " + std::to_string(id) + " (" + obs.indicator + " " + row.period +
                                  ") is approved; reopen it before changing it",
                              "kết quả số " + std::to_string(id) + " (" + obs.indicator + " " + row.period +
                                  ") đã được duyệt; hãy mở lại trước khi sửa")
        .WithField("status");
  }
  std::optional<double> on = num_ind == soci::i_ok ? std::optional(old_num) : std::nullopt;
  std::optional<double> od = den_ind == soci::i_ok ? std::optional(old_den) : std::nullopt;
  sql << "INSERT INTO result_history(result_id, version, value, numerator, denominator, status, "
         "changed_at, changed_by, reason) VALUES(:r, :v, :val, :n, :d, :s, :at, :by, '')",
      soci::use(id), soci::use(version), soci::use(old_value), soci::use(old_num, num_ind),
      soci::use(old_den, den_ind), soci::use(status), soci::use(now), soci::use(actor);
  int next = version + 1;
  Query update(sql,
               "UPDATE results SET " + SetList(ResultRow::kValueColumns) +
                   ", status = 'draft', version = :ver, updated_at = :at, updated_by = :by WHERE id = :id");
  row.UseValues(update.statement());
  update.Use(next).Use(now).Use(actor).Use(id).Run();
  WriteAudit(sql, actor, action == "create" ? "update" : action, "result", std::to_string(id),
             ResultJson(old_value, on, od, status), new_json);
  return static_cast<int64_t>(id);
}

}  // namespace kiemdem::store::internal
