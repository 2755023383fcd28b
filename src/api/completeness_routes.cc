// The completeness board: which units below a unit have reported a period,
// submitted or had it approved, against the period's Decree 09 deadline, as
// JSON, as .xlsx (?format=xlsx, counts as number cells) or as CSV
// (?format=csv, or Accept: text/csv) to send by hand; the
// reminders its approver sends to the units late or due, and those a
// reporter's units received.
#include <cstdlib>
#include <optional>

#include "analytics/completeness.h"
#include "api/evaluation_sheet.h"
#include "api/reminder_mail.h"
#include "api/router.h"
#include "api/views.h"
#include "io/table.h"

namespace kiemdem::api {
namespace {

constexpr ReportState kStates[] = {ReportState::kNone, ReportState::kReturned, ReportState::kDraft,
                                   ReportState::kSubmitted, ReportState::kApproved};

const char* StateName(ReportState s, bool vi) { return vi ? ReportStateNameVi(s) : ReportStateNameEn(s); }

// "2026-11-22T09:15:02.123Z" as "22/11/2026 16:15", Việt Nam time (UTC+7);
// the text as it is when it is not such a time.
std::string LocalTime(const std::string& iso) {
  if (iso.size() < 16 || iso[10] != 'T') return iso;
  Result<Date> day = Date::ParseIso(iso.substr(0, 10));
  int hour = std::atoi(iso.substr(11, 2).c_str()) + 7;
  if (!day.ok()) return iso;
  Date d = *day;
  if (hour >= 24) {
    hour -= 24;
    d = d.AddDays(1);
  }
  std::string hh = (hour < 10 ? "0" : "") + std::to_string(hour);
  return d.ToVietnamese() + " " + hh + ":" + iso.substr(14, 2);
}

// The download asked for: ?format= (DownloadFormat), else "csv" for
// Accept: text/csv, else "json".
Result<std::string> BoardFormat(const Call& call) {
  ASSIGN_OR_RETURN(std::string format, DownloadFormat(call));
  if (!call.Query("format").empty()) return format;
  auto accept = call.request_headers.find("accept");
  bool csv = accept != call.request_headers.end() && accept->second.find("text/csv") != std::string::npos;
  return std::string(csv ? "csv" : "json");
}

// The board as a sheet; the counts in Vietnamese form when `vn_numbers` (the
// .xlsx writer stores them as typed numbers), plain for CSV.
io::Sheet BoardSheet(const analytics::Board& b, const analytics::UnitTree& tree, Date on, bool vi,
                     bool vn_numbers) {
  io::Sheet sheet;
  const AdminUnit* parent = tree.Get(b.parent);
  std::string parent_name = parent == nullptr ? "" : parent->VersionOn(on).full_name;
  sheet.name = vi ? "Tình hình báo cáo" : "Reporting status";
  sheet.title = (vi ? "Tình hình báo cáo — " : "Reporting status — ") + parent_name + " — " +
                (vi ? b.period.LabelVi() : b.period.LabelEn()) + " — " + (vi ? "hạn gửi " : "due ") +
                b.deadline.send_by.ToVietnamese();
  if (vi) {
    sheet.rows.push_back({1,
                          {"Mã đơn vị", "Đơn vị", "Tình trạng", "Số chỉ tiêu đã nhập",
                           "Số chỉ tiêu phải báo cáo", "Quá hạn", "Sắp đến hạn", "Cập nhật lần cuối"}});
  } else {
    sheet.rows.push_back({1,
                          {"Unit code", "Unit", "State", "Indicators entered", "Indicators expected", "Late",
                           "Due", "Last change"}});
  }
  sheet.kinds = {io::CellKind::kText,   io::CellKind::kText, io::CellKind::kText, io::CellKind::kNumber,
                 io::CellKind::kNumber, io::CellKind::kText, io::CellKind::kText, io::CellKind::kText};
  const std::string yes = vi ? "có" : "yes";
  int line = 2;
  for (const analytics::UnitRow& row : b.units) {
    const AdminUnit* u = tree.Get(row.unit);
    const UnitReport& r = row.report;
    sheet.rows.push_back(
        {line++,
         {u == nullptr ? "" : u->code, u == nullptr ? "" : u->VersionOn(on).full_name, StateName(r.state, vi),
          SheetNumber(r.present, 0, vn_numbers), SheetNumber(r.expected, 0, vn_numbers), r.late ? yes : "",
          r.due ? yes : "", LocalTime(row.last_change)}});
  }
  return sheet;
}

// GET /completeness?unit=ID&period=CODE[&format=json|xlsx|csv][&on=dd/mm/yyyy].
Status Completeness(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  ASSIGN_OR_RETURN(Period period, QueryPeriod(call));
  ASSIGN_OR_RETURN(std::string format, BoardFormat(call));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  const Date today = Today(call);
  ASSIGN_OR_RETURN(analytics::Board b,
                   analytics::BoardOf(call.app->figures(), store->results(), *tree, unit, period, today));
  const Date on = EndOfMonth(period.year(), period.last_month());
  if (format != "json") {
    const AdminUnit* u = tree->Get(unit);
    std::string stem = FileStem("tinh-hinh-bao-cao", u == nullptr ? "" : u->VersionOn(on).full_name, period);
    return ReplySheet(call, format, stem, [&](bool vn) { return BoardSheet(b, *tree, on, call.vi(), vn); });
  }
  Json items = Json::array();
  for (const analytics::UnitRow& row : b.units) {
    const UnitReport& r = row.report;
    items.push_back({{"unit", UnitView(*tree, row.unit, on, call.vi())},
                     {"state", ReportStateKey(r.state)},
                     {"state_label", StateName(r.state, call.vi())},
                     {"present", r.present},
                     {"expected", r.expected},
                     {"late", r.late},
                     {"due", r.due},
                     {"last_change", row.last_change.empty() ? Json(nullptr) : Json(row.last_change)}});
  }
  Json counts{{"total", b.counts.total}, {"late", b.counts.late}, {"due", b.counts.due}};
  for (ReportState s : kStates) counts[ReportStateKey(s)] = b.counts.of(s);
  call.Reply({{"unit", UnitView(*tree, unit, on, call.vi())},
              {"period", {{"key", period.Key()}, {"label", call.vi() ? period.LabelVi() : period.LabelEn()}}},
              {"deadline", {{"cutoff", b.deadline.cutoff.ToIso()}, {"send_by", b.deadline.send_by.ToIso()}}},
              {"today", today.ToIso()},
              {"counts", counts},
              {"items", items}});
  return Status::Ok();
}

Json PeriodJson(const Period& p, bool vi) {
  return {{"key", p.Key()}, {"label", vi ? p.LabelVi() : p.LabelEn()}};
}

// What e-mailing the reminders came to, for the answer.
struct Mailed {
  std::vector<std::vector<std::string>> to;  // per reminder, the addresses it went to
  std::vector<std::string> errors;           // per reminder, why it did not go ("" when it did)
  int sent = 0;
  int failed = 0;
  int without_address = 0;  // units none of whose reporters has an address
};

// Sends each reminder to its unit's reporters and approvers with an address.
// After the relay fails to answer, the rest are not tried (each would wait
// as long), and say so.
Mailed MailReminders(Call& call, const std::vector<store::Reminder>& reminders,
                     const std::vector<store::User>& users, const analytics::Board& b) {
  Mailed m;
  m.to.resize(reminders.size());
  m.errors.resize(reminders.size());
  const Mailer* mailer = call.app->mailer();
  if (mailer == nullptr) return m;
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  const Date on = EndOfMonth(b.period.year(), b.period.last_month());
  auto name_of = [&](UnitId id) {
    Json v = UnitView(*tree, id, on, true);
    if (!v.is_object()) return std::string();
    std::string name = v.value("full_name", "");
    if (v["province"].is_string()) name += " (" + v["province"].get<std::string>() + ")";
    return name;
  };
  const std::map<UnitId, std::vector<std::string>> recipients = ReminderRecipients(users);
  std::string relay_down;
  for (size_t i = 0; i < reminders.size(); ++i) {
    const store::Reminder& r = reminders[i];
    auto found = recipients.find(r.unit);
    if (found == recipients.end()) {
      ++m.without_address;
      continue;
    }
    if (!relay_down.empty()) {
      m.errors[i] = relay_down;
      ++m.failed;
      continue;
    }
    ReminderContext context;
    context.unit_name = name_of(r.unit);
    context.from_name = name_of(r.from_unit);
    for (const analytics::UnitRow& row : b.units) {
      if (row.unit == r.unit) context.report = &row.report;
    }
    context.sender =
        call.principal->user.display_name.empty() ? call.actor() : call.principal->user.display_name;
    if (!call.app->public_url().empty()) {
      context.link =
          call.app->public_url() + "/#/entry?unit=" + std::to_string(r.unit) + "&period=" + r.period.Key();
    }
    Status sent = mailer->Send(ReminderMail(r, context, found->second));
    if (sent.ok()) {
      m.to[i] = found->second;
      ++m.sent;
      continue;
    }
    m.errors[i] = sent.message_in(call.vi() ? "vi" : "en");
    ++m.failed;
    call.app->logger().Log(LogLevel::kWarn, "reminder_mail_failed",
                           {{"relay", mailer->relay().Name()}, {"error", sent.message()}});
    relay_down = m.errors[i];
  }
  return m;
}

// POST /completeness/reminders {unit, period}: a reminder to each unit below
// that is late or due today (?on= as for the board), in the app and, where
// the server has an SMTP relay, by e-mail to the unit's reporters.
Status SendReminders(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(*body, "unit"));
  ASSIGN_OR_RETURN(std::string text, StringField(*body, "period"));
  Result<Period> period = Period::Parse(text);
  if (!period.ok()) {
    Status s = period.status();
    return s.WithField("period");
  }
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  std::vector<store::Reminder> reminders;
  std::vector<store::User> users;
  std::optional<analytics::Board> board;
  {
    // The connection goes back before any mail is sent: a slow relay holds no store.
    ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
    ASSIGN_OR_RETURN(
        board, analytics::BoardOf(call.app->figures(), store->results(), *tree, *unit, *period, Today(call)));
    reminders = analytics::RemindersOf(*board);
    if (!reminders.empty()) {
      ASSIGN_OR_RETURN(std::vector<int64_t> ids, store->reminders().SaveReminders(call.actor(), reminders));
      for (size_t i = 0; i < ids.size(); ++i) reminders[i].id = ids[i];
    }
    if (!reminders.empty() && call.app->mailer() != nullptr) {
      ASSIGN_OR_RETURN(users, store->ListUsers());
    }
  }
  const analytics::Board& b = *board;
  Mailed mailed = MailReminders(call, reminders, users, b);
  const Date on = EndOfMonth(period->year(), period->last_month());
  Json items = Json::array();
  for (size_t i = 0; i < reminders.size(); ++i) {
    const store::Reminder& r = reminders[i];
    items.push_back({{"id", r.id},
                     {"unit", UnitView(*tree, r.unit, on, call.vi())},
                     {"late", r.late},
                     {"emailed_to", mailed.to[i]},
                     {"email_error", mailed.errors[i].empty() ? Json(nullptr) : Json(mailed.errors[i])}});
  }
  call.Reply({{"unit", UnitView(*tree, *unit, on, call.vi())},
              {"period", PeriodJson(*period, call.vi())},
              {"send_by", b.deadline.send_by.ToIso()},
              {"count", reminders.size()},
              {"email",
               {{"relay", call.app->mailer() != nullptr},
                {"sent", mailed.sent},
                {"failed", mailed.failed},
                {"without_address", mailed.without_address}}},
              {"items", items}},
             reminders.empty() ? 200 : 201);
  return Status::Ok();
}

// GET /reminders: the reminders to the caller's own units (RemindedUnits),
// the newest per unit and period, each with its report's state now.
Status ListReminders(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  std::vector<UnitId> units = RemindedUnits(call.principal->grants);
  ASSIGN_OR_RETURN(std::vector<analytics::StandingReminder> standing,
                   analytics::RemindersFor(store->reminders(), store->results(), units, 50));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  Json items = Json::array();
  int open = 0;
  for (const analytics::StandingReminder& s : standing) {
    const store::Reminder& r = s.reminder;
    const Date on = EndOfMonth(r.period.year(), r.period.last_month());
    open += s.open ? 1 : 0;
    items.push_back({{"id", r.id},
                     {"unit", UnitView(*tree, r.unit, on, call.vi())},
                     {"from_unit", UnitView(*tree, r.from_unit, on, call.vi())},
                     {"period", PeriodJson(r.period, call.vi())},
                     {"send_by", r.send_by.ToIso()},
                     {"late", r.late},
                     {"sent_by", r.sent_by},
                     {"sent_at", r.sent_at},
                     {"state", ReportStateKey(s.state)},
                     {"state_label", StateName(s.state, call.vi())},
                     {"open", s.open}});
  }
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  page["open"] = open;
  call.Reply(page);
  return Status::Ok();
}

}  // namespace

void AddCompletenessRoutes(Router& r) {
  // Not cached: late and due change with the day.
  r.Add({"GET", "/completeness", {Scope::kUnitQuery, Action::kRead}, Completeness});
  // An approver of the unit (Manage: approver and above over it) chases the units below.
  r.Add({"POST", "/completeness/reminders", {Scope::kUnitBody, Action::kManage}, SendReminders});
  r.Add({"GET", "/reminders", {Scope::kSignedIn, Action::kRead}, ListReminders});
}

}  // namespace kiemdem::api
