// Results and their workflow: saving one or many, the status transitions with
// their history, and reading results back through ResultRow.
#include <algorithm>
#include <map>
#include <set>

#include "store/internal/areas.h"
#include "store/internal/json_text.h"
#include "store/internal/result_row.h"
#include "store/internal/result_write.h"

namespace kiemdem::store::internal {
namespace {

Status NoSuchResult(int64_t id) {
  return NotFound("result " + std::to_string(id) + " does not exist",
                  "không có kết quả số " + std::to_string(id));
}

class SqlResultStore final : public ResultStore {
 public:
  explicit SqlResultStore(Db db) : db_(db) {}

  Result<int64_t> SaveResult(const std::string& actor, const Observation& obs) override {
    return Guard("save result", [&]() -> Result<int64_t> {
      WriteTx tr(db_);
      ASSIGN_OR_RETURN(int64_t id, SaveResultInTx(db_, actor, obs, "create", nullptr));
      tr.Commit();
      return id;
    });
  }

  Status SaveResults(const std::string& actor, const std::vector<Observation>& results,
                     const std::string& source) override {
    return Guard("import results", [&]() -> Status {
      WriteTx tr(db_);
      ResultLookups lookups;
      RETURN_IF_ERROR(SaveResultBatch(db_, actor, results, &lookups));
      WriteAudit(db_.sql, actor, "import", "results", source, "",
                 JsonObject().Add("rows", static_cast<double>(results.size())).str());
      tr.Commit();
      return Status::Ok();
    });
  }

  Status SubmitResult(const std::string& actor, int64_t id) override {
    return Transition(actor, id, std::nullopt, ResultStatus::kDraft, ResultStatus::kSubmitted, "submit", "");
  }
  Status ApproveResult(const std::string& actor, int64_t id, int version) override {
    return Transition(actor, id, version, ResultStatus::kSubmitted, ResultStatus::kApproved, "approve", "");
  }
  Status ReopenResult(const std::string& actor, int64_t id, int version, const std::string& reason) override {
    if (reason.empty()) {
      return InvalidArgument("reopening an approved result needs a reason",
                             "mở lại kết quả đã duyệt cần nêu lý do")
          .WithField("reason");
    }
    return Transition(actor, id, version, ResultStatus::kApproved, ResultStatus::kDraft, "reopen", reason);
  }
  Status ReturnResult(const std::string& actor, int64_t id, int version,
                      const std::string& comment) override {
    if (comment.empty()) {
      return InvalidArgument("sending a result back needs a comment", "trả lại kết quả cần có ý kiến")
          .WithField("comment");
    }
    return Transition(actor, id, version, ResultStatus::kSubmitted, ResultStatus::kDraft, "return", comment);
  }

  Status ReviewPeriod(const std::string& actor, UnitId unit, const Period& period, Review review,
                      const std::vector<ReviewedFigure>& reviewed, const std::string& comment) override {
    bool approve = review == Review::kApprove;
    if (!approve && comment.empty()) {
      return InvalidArgument("sending figures back needs a comment", "trả lại số liệu cần có ý kiến")
          .WithField("comment");
    }
    if (reviewed.empty()) {
      return InvalidArgument("name the figures you reviewed", "hãy nêu các số liệu bạn đã xem")
          .WithField("items");
    }
    std::set<int64_t> listed;
    for (const ReviewedFigure& f : reviewed) {
      if (!listed.insert(f.id).second) {
        return InvalidArgument("result " + std::to_string(f.id) + " is listed twice",
                               "kết quả số " + std::to_string(f.id) + " được nêu hai lần")
            .WithField("items");
      }
    }
    return Guard(approve ? "approve period" : "return period", [&]() -> Status {
      soci::session& sql = db_.sql;
      WriteTx tr(db_);
      long long u = unit;
      std::string key = period.Key();
      // The figures of the period, locked: what the approver must have read.
      std::map<int64_t, std::string> of_period;  // id -> indicator
      std::set<int64_t> awaiting;                // submitted, not written by actor
      {
        long long id = 0;
        std::string indicator, status;
        int wrote = 0;
        Query q(
            sql,
            "SELECT id, indicator_code, status, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = "
            "'result' AND a.entity_id = " +
                IdText("results.id") +
                " AND a.actor = :a AND a.action IN ('create', 'update', 'import', 'submit')) FROM results "
                "WHERE unit_id = :u AND period = :p ORDER BY id" +
                db_.ForUpdate());
        q.Use(actor).Use(u).Use(key).Into(id).Into(indicator).Into(status).Into(wrote);
        q.Execute();
        while (q.Next()) {
          of_period[id] = indicator;
          if (status == ResultStatusKey(ResultStatus::kSubmitted) && wrote == 0) awaiting.insert(id);
        }
      }
      for (const ReviewedFigure& f : reviewed) {
        if (of_period.count(f.id) == 0) {
          return NotFound("result " + std::to_string(f.id) + " is not a figure of this unit for " + key,
                          "kết quả số " + std::to_string(f.id) + " không thuộc đơn vị này kỳ " + key)
              .WithField("items");
        }
        RETURN_IF_ERROR(approve ? TransitionInTx(actor, f.id, f.version, ResultStatus::kSubmitted,
                                                 ResultStatus::kApproved, "approve", "")
                                : TransitionInTx(actor, f.id, f.version, ResultStatus::kSubmitted,
                                                 ResultStatus::kDraft, "return", comment));
      }
      for (int64_t id : awaiting) {
        if (listed.count(id) == 0) {
          return FailedPrecondition("result " + std::to_string(id) + " (" + of_period[id] +
                                        ") was submitted after you read the period; read it again",
                                    "kết quả số " + std::to_string(id) + " (" + of_period[id] +
                                        ") được gửi sau khi bạn xem kỳ này; hãy xem lại")
              .WithField("items");
        }
      }
      tr.Commit();
      return Status::Ok();
    });
  }

  Result<std::vector<ResultRecord>> ListAwaitingReview(const std::string& actor) override {
    return Guard("list awaiting review", [&]() -> Result<std::vector<ResultRecord>> {
      std::vector<ResultRecord> out;
      ResultRow row;
      Query q(db_.sql,
              "SELECT " + std::string(ResultRow::kColumns) +
                  " FROM results WHERE status = 'submitted' AND NOT EXISTS (SELECT 1 FROM audit_log a "
                  "WHERE a.entity = 'result' AND a.entity_id = " +
                  IdText("results.id") +
                  " AND a.actor = :a AND a.action IN ('create', 'update', 'import', 'submit')) "
                  "ORDER BY unit_id, period, id");
      q.Use(actor).IntoRow(row).Execute();
      while (q.Next()) {
        ASSIGN_OR_RETURN(ResultRecord r, row.Decode());
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Result<std::vector<ReturnedResult>> ListReturned(const std::string& reporter) override {
    return Guard("list returned", [&]() -> Result<std::vector<ReturnedResult>> {
      std::vector<ReturnedResult> out;
      ResultRow row;
      Query q(db_.sql, "SELECT " + std::string(ResultRow::kColumns) +
                           " FROM results WHERE returned_to = :r "
                           "AND return_comment <> '' AND status = 'draft' ORDER BY returned_at DESC, id");
      q.Use(reporter).IntoRow(row).Execute();
      while (q.Next()) {
        ASSIGN_OR_RETURN(ResultRecord r, row.Decode());
        ResultRecord::SentBack why = r.sent_back.value_or(ResultRecord::SentBack{});
        out.push_back({std::move(r), why.comment, why.by, why.at});
      }
      return out;
    });
  }

  Result<std::vector<PeriodFigure>> PeriodFigures(const std::vector<UnitId>& units,
                                                  const Period& period) override {
    if (units.empty()) return std::vector<PeriodFigure>{};
    return Guard("period figures", [&]() -> Result<std::vector<PeriodFigure>> {
      // The ids are numbers written into the text: nothing a caller could inject.
      std::string in;
      for (UnitId u : units) in += (in.empty() ? "" : ", ") + std::to_string(u);
      std::vector<PeriodFigure> out;
      long long unit = 0, id = 0;
      std::string status, at, key = period.Key();
      int returned = 0;
      Query q(db_.sql,
              "SELECT unit_id, id, status, CASE WHEN return_comment <> '' THEN 1 ELSE 0 END, updated_at "
              "FROM results WHERE period = :p AND unit_id IN (" +
                  in + ") ORDER BY unit_id, id");
      q.Use(key).Into(unit).Into(id).Into(status).Into(returned).Into(at).Execute();
      while (q.Next()) {
        ASSIGN_OR_RETURN(ResultStatus s, DecodeResultStatus(status, "results", std::to_string(id)));
        out.push_back({unit, s, returned != 0 && s == ResultStatus::kDraft, at});
      }
      return out;
    });
  }

  Result<ResultRecord> GetResult(int64_t id) override {
    return Guard("get result", [&]() -> Result<ResultRecord> {
      ASSIGN_OR_RETURN(std::vector<ResultRecord> r, Load("WHERE id = :id", id));
      if (r.empty()) return NoSuchResult(id);
      return r[0];
    });
  }

  Result<std::vector<ResultRecord>> ListResults(std::optional<UnitId> unit) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      if (unit) return Load("WHERE unit_id = :id", *unit);
      return Load("WHERE id >= :id", 0);
    });
  }

  Result<std::vector<ResultChange>> ResultHistory(int64_t id) override {
    return Guard("result history", [&]() -> Result<std::vector<ResultChange>> {
      std::vector<ResultChange> out;
      ResultChange c{};
      long long rid = id, row = 0;
      std::string status;
      Query q(db_.sql,
              "SELECT id, version, value, status, changed_by, changed_at, reason FROM result_history "
              "WHERE result_id = :id ORDER BY id");
      q.Use(rid)
          .Into(row)
          .Into(c.version)
          .Into(c.value)
          .Into(status)
          .Into(c.changed_by)
          .Into(c.changed_at)
          .Into(c.reason);
      q.Execute();
      while (q.Next()) {
        ASSIGN_OR_RETURN(c.status, DecodeResultStatus(status, "result_history", std::to_string(row)));
        out.push_back(c);
      }
      return out;
    });
  }

  Result<std::vector<ResultRecord>> ListResultsInYears(UnitId unit, int first_year, int last_year) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      // Period keys begin with their year ("2026", "2026-03", "2026-01/2026-10"), so a
      // year range is a key range.
      return Load("WHERE unit_id = :id AND period >= '" + std::to_string(first_year) + "' AND period < '" +
                      std::to_string(last_year + 1) + "'",
                  unit);
    });
  }

  Result<std::vector<ResultRecord>> ResultsAfter(int64_t after_id, int limit) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      std::vector<ResultRecord> out;
      out.reserve(static_cast<size_t>(std::max(limit, 1)));
      long long id = 0, unit = 0, after = after_id;
      std::string indicator, period, status;
      double value = 0, num = 0, den = 0;
      int estimated = 0, version = 0;
      soci::indicator num_ind = soci::i_null, den_ind = soci::i_null;
      Query q(db_.sql,
              "SELECT id, unit_id, indicator_code, period, value, numerator, denominator, estimated, status, "
              "version FROM results WHERE id > :a ORDER BY id LIMIT " +
                  std::to_string(std::max(limit, 1)));
      q.Use(after)
          .Into(id)
          .Into(unit)
          .Into(indicator)
          .Into(period)
          .Into(value)
          .Into(num, num_ind)
          .Into(den, den_ind)
          .Into(estimated)
          .Into(status)
          .Into(version)
          .Execute();
      while (q.Next()) {
        ResultRecord r;
        r.id = id;
        std::string row = std::to_string(id);
        Observation& o = r.observation;
        o.unit = unit;
        o.indicator = indicator;
        ASSIGN_OR_RETURN(o.period, DecodeKey(Period::Parse(period), "results", row, "period", period));
        o.value = value;
        if (num_ind == soci::i_ok) o.numerator = num;
        if (den_ind == soci::i_ok) o.denominator = den;
        o.estimated = estimated != 0;
        ASSIGN_OR_RETURN(r.status, DecodeResultStatus(status, "results", row));
        r.version = version;
        out.push_back(std::move(r));
      }
      return out;
    });
  }

  Result<std::vector<ResultRecord>> ResultsWithIds(const std::vector<int64_t>& ids) override {
    return Guard("list results", [&]() -> Result<std::vector<ResultRecord>> {
      std::vector<ResultRecord> out;
      constexpr size_t kChunk = 500;  // ids are integers: written into the statement
      for (size_t i = 0; i < ids.size(); i += kChunk) {
        std::string list;
        for (size_t j = i; j < std::min(ids.size(), i + kChunk); ++j) {
          list += (j == i ? "" : ",") + std::to_string(ids[j]);
        }
        ASSIGN_OR_RETURN(std::vector<ResultRecord> part, Load("WHERE id IN (" + list + ") AND id > :id", 0));
        for (ResultRecord& r : part) out.push_back(std::move(r));
      }
      std::sort(out.begin(), out.end(),
                [](const ResultRecord& a, const ResultRecord& b) { return a.id < b.id; });
      return out;
    });
  }

 private:
  // Four eyes: whoever entered, changed or submitted a figure does not
  // approve it. Read inside the approving transaction, so that no write can
  // slip in between the check and the approval.
  Status CheckFourEyes(const std::string& actor, int64_t id) {
    std::string entity_id = std::to_string(id);
    int wrote = 0;
    db_.sql << "SELECT COUNT(*) FROM audit_log WHERE entity = 'result' AND entity_id = :i AND actor = :a "
               "AND action IN ('create', 'update', 'import', 'submit')",
        soci::use(entity_id), soci::use(actor), soci::into(wrote);
    if (wrote > 0) {
      return PermissionDenied("you entered or submitted this figure, so someone else must approve it",
                              "bạn đã nhập hoặc gửi số liệu này nên người khác phải duyệt");
    }
    return Status::Ok();
  }

  // Moves a result from `from` to `to`. With `version`, the result must still
  // be the version the caller reviewed.
  Status Transition(const std::string& actor, int64_t id, std::optional<int> expected_version,
                    ResultStatus from, ResultStatus to, const std::string& action,
                    const std::string& reason) {
    return Guard(action + " result", [&]() -> Status {
      WriteTx tr(db_);
      RETURN_IF_ERROR(TransitionInTx(actor, id, expected_version, from, to, action, reason));
      tr.Commit();
      return Status::Ok();
    });
  }

  // The same inside the caller's transaction.
  Status TransitionInTx(const std::string& actor, int64_t id, std::optional<int> expected_version,
                        ResultStatus from, ResultStatus to, const std::string& action,
                        const std::string& reason) {
    soci::session& sql = db_.sql;
    long long rid = id;
    std::string submitted_by;
    std::string status;
    double value = 0;
    int version = 0;
    sql << "SELECT status, value, version, updated_by FROM results WHERE id = :id" + db_.ForUpdate(),
        soci::use(rid), soci::into(status), soci::into(value), soci::into(version), soci::into(submitted_by);
    if (!sql.got_data()) return NoSuchResult(id);
    if (to == ResultStatus::kApproved) RETURN_IF_ERROR(CheckFourEyes(actor, id));
    if (expected_version && *expected_version != version) {
      return FailedPrecondition("result " + std::to_string(id) + " changed after you read it (version " +
                                    std::to_string(*expected_version) + ", now " + std::to_string(version) +
                                    "); read it again before you " + action + " it",
                                "kết quả số " + std::to_string(id) +
                                    " đã thay đổi sau khi bạn xem (phiên bản " +
                                    std::to_string(*expected_version) + ", nay là " +
                                    std::to_string(version) + "); hãy xem lại trước khi thực hiện")
          .WithField("version");
    }
    ASSIGN_OR_RETURN(ResultStatus current, DecodeResultStatus(status, "results", std::to_string(id)));
    if (current != from) {
      return FailedPrecondition("result " + std::to_string(id) + " is " + status + "; only a " +
                                    ResultStatusKey(from) + " result can be " + action + "ed",
                                "kết quả số " + std::to_string(id) + " đang ở trạng thái " + status +
                                    "; chỉ kết quả " + ResultStatusKey(from) + " mới thực hiện được")
          .WithField("status");
    }
    std::string now = NowIso(), next = ResultStatusKey(to);
    if (action == "reopen") {
      sql << "INSERT INTO result_history(result_id, version, value, status, changed_at, changed_by, "
             "reason) "
             "VALUES(:r, :v, :val, :s, :at, :by, :why)",
          soci::use(rid), soci::use(version), soci::use(value), soci::use(status), soci::use(now),
          soci::use(actor), soci::use(reason);
    }
    sql << "UPDATE results SET status = :s, updated_at = :at, updated_by = :by WHERE id = :id",
        soci::use(next), soci::use(now), soci::use(actor), soci::use(rid);
    if (action == "return") {
      // While submitted, updated_by is who submitted it: the comment is theirs.
      sql << "UPDATE results SET returned_to = :to, return_comment = :c, returned_by = :by, "
             "returned_at = :at WHERE id = :id",
          soci::use(submitted_by), soci::use(reason), soci::use(actor), soci::use(now), soci::use(rid);
    } else if (action == "submit") {
      sql << "UPDATE results SET returned_to = '', return_comment = '', returned_by = '', returned_at = '' "
             "WHERE id = :id",
          soci::use(rid);
    }
    JsonObject after;
    after.Add("status", next);
    if (!reason.empty()) after.Add("reason", reason);
    WriteAudit(sql, actor, action, "result", std::to_string(id), JsonObject().Add("status", status).str(),
               after.str());
    return Status::Ok();
  }

  // `column` (an integer id) as text, to match audit_log.entity_id.
  static std::string IdText(const std::string& column) { return "CAST(" + column + " AS TEXT)"; }

  Result<std::vector<ResultRecord>> Load(const std::string& where, long long arg,
                                         const std::string& limit = "") {
    std::vector<ResultRecord> out;
    ResultRow row;
    Query q(db_.sql,
            "SELECT " + std::string(ResultRow::kColumns) + " FROM results " + where + " ORDER BY id" + limit);
    q.Use(arg).IntoRow(row).Execute();
    while (q.Next()) {
      ASSIGN_OR_RETURN(ResultRecord r, row.Decode());
      out.push_back(std::move(r));
    }
    return out;
  }

  Db db_;
};

}  // namespace

std::unique_ptr<ResultStore> NewResultStore(Db db) { return std::make_unique<SqlResultStore>(db); }

}  // namespace kiemdem::store::internal
