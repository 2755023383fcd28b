// Reminders to the units late or due with a period's report.
#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

class SqlReminderStore final : public ReminderStore {
 public:
  explicit SqlReminderStore(Db db) : db_(db) {}

  Result<std::vector<int64_t>> SaveReminders(const std::string& actor,
                                             const std::vector<Reminder>& reminders) override {
    return Guard("save reminders", [&]() -> Result<std::vector<int64_t>> {
      soci::session& sql = db_.sql;
      WriteTx tr(db_);
      std::vector<int64_t> ids;
      const std::string now = NowIso();
      for (const Reminder& r : reminders) {
        long long unit = r.unit, from = r.from_unit, id = 0;
        int known = 0;
        sql << "SELECT COUNT(*) FROM units WHERE id IN (:u, :f)", soci::use(unit), soci::use(from),
            soci::into(known);
        if (known != (unit == from ? 1 : 2)) {
          return NotFound("unit " + std::to_string(unit) + " or " + std::to_string(from) + " does not exist",
                          "không có đơn vị số " + std::to_string(unit) + " hoặc " + std::to_string(from))
              .WithField("unit");
        }
        std::string period = r.period.Key(), send_by = r.send_by.ToIso(), reason = r.late ? "late" : "due";
        sql << "INSERT INTO reminders(unit_id, period, from_unit_id, reason, send_by, sent_by, sent_at) "
               "VALUES(:u, :p, :f, :r, :s, :by, :at) RETURNING id",
            soci::use(unit), soci::use(period), soci::use(from), soci::use(reason), soci::use(send_by),
            soci::use(actor), soci::use(now), soci::into(id);
        WriteAudit(sql, actor, "remind", "reminder", std::to_string(id), "",
                   JsonObject()
                       .Add("unit", static_cast<double>(unit))
                       .Add("period", period)
                       .Add("from_unit", static_cast<double>(from))
                       .Add("reason", reason)
                       .Add("send_by", send_by)
                       .str());
        ids.push_back(id);
      }
      tr.Commit();
      return ids;
    });
  }

  Result<std::vector<Reminder>> RemindersTo(const std::vector<UnitId>& units, int limit) override {
    if (units.empty()) return std::vector<Reminder>{};
    return Guard("list reminders", [&]() -> Result<std::vector<Reminder>> {
      // The ids are numbers written into the text: nothing a caller could inject.
      std::string in;
      for (UnitId u : units) in += (in.empty() ? "" : ", ") + std::to_string(u);
      std::vector<Reminder> out;
      long long id = 0, unit = 0, from = 0;
      std::string period, reason, send_by, sent_by, sent_at;
      Query q(db_.sql,
              "SELECT id, unit_id, period, from_unit_id, reason, send_by, sent_by, sent_at FROM reminders "
              "WHERE unit_id IN (" +
                  in + ") ORDER BY id DESC LIMIT :n");
      q.Use(limit).Into(id).Into(unit).Into(period).Into(from).Into(reason).Into(send_by).Into(sent_by).Into(
          sent_at);
      q.Execute();
      while (q.Next()) {
        const std::string row = std::to_string(id);
        ASSIGN_OR_RETURN(Period p, DecodeKey(Period::Parse(period), "reminders", row, "period", period));
        ASSIGN_OR_RETURN(std::optional<Date> by,
                         DecodeDate(send_by, soci::i_ok, "reminders", row, "send_by"));
        if (!by || (reason != "late" && reason != "due")) {
          return Undecodable("reminders", row, by ? "reason" : "send_by", by ? reason : send_by);
        }
        out.push_back({.unit = unit,
                       .period = p,
                       .from_unit = from,
                       .late = reason == "late",
                       .send_by = *by,
                       .sent_by = sent_by,
                       .sent_at = sent_at,
                       .id = id});
      }
      return out;
    });
  }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<ReminderStore> NewReminderStore(Db db) { return std::make_unique<SqlReminderStore>(db); }

}  // namespace kiemdem::store::internal
