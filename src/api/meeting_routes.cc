// Working sessions and the directives they issue: create, follow with dated
// progress notes to done, and list open and overdue ones by assignee and by
// issuing body.
#include <algorithm>
#include <map>

#include "api/directive_scope.h"
#include "api/router.h"
#include "api/views.h"
#include "core/assignee.h"
#include "core/directive_board.h"

namespace kiemdem::api {
namespace {

// [{"on": date, "what": text, "done_on": date|null}, …]: the deadlines before the final one.
Result<std::vector<Milestone>> ParseMilestones(const Json& list) {
  if (!list.is_array()) {
    return InvalidArgument("'milestones' is a list of {on, what, done_on}",
                           "'milestones' là danh sách {on, what, done_on}")
        .WithField("milestones");
  }
  std::vector<Milestone> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const Json& m = list[i];
    std::string field = "milestones[" + std::to_string(i) + "]";
    if (!m.is_object()) {
      return InvalidArgument(field + " is an object {on, what, done_on}",
                             field + " là một đối tượng {on, what, done_on}")
          .WithField(field);
    }
    Milestone ms;
    Result<std::optional<Date>> on = DateField(m, "on", true);
    if (!on.ok()) return Status(on.status()).WithField(field + ".on");
    ms.on = **on;
    Result<std::string> what = StringField(m, "what");
    if (!what.ok()) return Status(what.status()).WithField(field + ".what");
    ms.what = *what;
    Result<std::optional<Date>> done = DateField(m, "done_on");
    if (!done.ok()) return Status(done.status()).WithField(field + ".done_on");
    ms.done_on = *done;
    out.push_back(std::move(ms));
  }
  return out;
}

Result<Directive> ParseDirective(const Json& j, Directive d) {
  if (j.contains("text")) {
    ASSIGN_OR_RETURN(d.text, StringField(j, "text"));
  }
  if (j.contains("issuer")) {
    ASSIGN_OR_RETURN(d.issuer, StringField(j, "issuer", false));
  }
  if (j.contains("unit")) {
    ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(j, "unit", false));
    d.assignee.unit = unit.value_or(kNoUnit);
  }
  if (j.contains("assignee")) {
    const Json& a = j["assignee"];
    if (a.is_string()) {
      d.assignee.name = a.get<std::string>();
    } else if (a.is_object()) {
      ASSIGN_OR_RETURN(d.assignee.name, StringField(a, "name"));
      ASSIGN_OR_RETURN(std::string kind, StringField(a, "kind", false));
      if (!kind.empty()) {
        ASSIGN_OR_RETURN(d.assignee.kind, ParseAssigneeKind(kind));
      }
    } else {
      return InvalidArgument("'assignee' is a name or {kind, name}", "'assignee' là tên hoặc {kind, name}")
          .WithField("assignee");
    }
  }
  if (j.contains("cooperating")) {
    ASSIGN_OR_RETURN(d.cooperating, StringListField(j, "cooperating"));
  }
  if (j.contains("deadline")) {
    ASSIGN_OR_RETURN(d.deadline, DateField(j, "deadline"));
  }
  if (j.contains("standing")) {
    ASSIGN_OR_RETURN(d.standing, BoolField(j, "standing"));
  }
  if (j.contains("milestones")) {
    ASSIGN_OR_RETURN(d.milestones, ParseMilestones(j["milestones"]));
  }
  if (j.contains("indicator")) {
    ASSIGN_OR_RETURN(d.indicator, StringField(j, "indicator", false));
  }
  if (j.contains("meeting")) {
    ASSIGN_OR_RETURN(std::optional<int64_t> m, IdField(j, "meeting", false));
    d.meeting = m.value_or(0);
  }
  return d;
}

// A record a request names by id (a session, a document, a result as
// evidence) must be readable by the caller; one that is not answers exactly
// as a missing one, so ids of other units are no oracle.
template <typename T, typename UnitOf>
Result<UnitId> ReadableUnit(const Call& call, Result<T> record, UnitOf unit_of, const std::string& what_en,
                            const std::string& what_vi, int64_t id, const char* field) {
  if (!record.ok() && record.status().code() != StatusCode::kNotFound) return record.status();
  if (!record.ok() || !Authorise(call, Action::kRead, unit_of(*record)).ok()) {
    return NotFound(what_en + " " + std::to_string(id) + " does not exist",
                    "không có " + what_vi + " số " + std::to_string(id))
        .WithField(field);
  }
  return unit_of(*record);
}

Result<UnitId> SessionUnit(const Call& call, store::Store& store, int64_t id) {
  return ReadableUnit(
      call, store.GetMeeting(id), [](const Meeting& m) { return m.unit; }, "working session", "buổi làm việc",
      id, "meeting");
}

Status ReadableDocument(const Call& call, store::Store& store, int64_t id, const char* field) {
  return ReadableUnit(
             call, store.GetDocument(id), [](const store::StoredDocument& d) { return d.unit; }, "document",
             "văn bản", id, field)
      .status();
}

// A directive named into a session needs the right to manage that session's unit.
Status MayManageSession(const Call& call, store::Store& store, int64_t meeting) {
  ASSIGN_OR_RETURN(UnitId unit, SessionUnit(call, store, meeting));
  return Authorise(call, Action::kManage, unit);
}

Status ListMeetings(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store->ListMeetings(unit));
  Json items = Json::array();
  for (const Meeting& m : meetings) items.push_back(MeetingView(m));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

Status CreateMeeting(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  Meeting m;
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(*body, "unit"));
  m.unit = *unit;
  ASSIGN_OR_RETURN(std::optional<Date> held, DateField(*body, "held_on", true));
  m.held_on = *held;
  ASSIGN_OR_RETURN(m.host, StringField(*body, "host"));
  ASSIGN_OR_RETURN(m.chair, StringField(*body, "chair", false));
  ASSIGN_OR_RETURN(m.attendees, StringListField(*body, "attendees"));
  ASSIGN_OR_RETURN(m.conclusions, StringField(*body, "conclusions", false));
  if (auto docs = body->find("documents"); docs != body->end() && !docs->is_null()) {
    if (!docs->is_array())
      return InvalidArgument("'documents' is a list of ids", "'documents' là danh sách mã văn bản")
          .WithField("documents");
    for (const Json& d : *docs) {
      if (!d.is_number_integer())
        return InvalidArgument("'documents' is a list of ids", "'documents' là danh sách mã văn bản")
            .WithField("documents");
      m.documents.push_back(d.get<int64_t>());
    }
  }
  std::vector<Directive> directives;
  if (auto list = body->find("directives"); list != body->end() && !list->is_null()) {
    if (!list->is_array())
      return InvalidArgument("'directives' is a list", "'directives' là danh sách").WithField("directives");
    for (const Json& dj : *list) {
      if (!dj.is_object())
        return InvalidArgument("each directive is an object", "mỗi ý kiến chỉ đạo là một đối tượng")
            .WithField("directives");
      ASSIGN_OR_RETURN(Directive d, ParseDirective(dj, m.NewDirective()));
      if (d.assignee.unit != m.unit && d.assignee.unit != kNoUnit) {
        RETURN_IF_ERROR(Authorise(call, Action::kManage, d.assignee.unit));
      }
      directives.push_back(d);
    }
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  for (int64_t doc : m.documents) RETURN_IF_ERROR(ReadableDocument(call, *store, doc, "documents"));
  ASSIGN_OR_RETURN(store::MeetingWithDirectives saved,
                   store->meetings().SaveMeetingWithDirectives(call.actor(), {m, directives}));
  Json j = MeetingView(saved.meeting);
  j["directives"] = Json::array();
  for (const Directive& d : saved.directives)
    j["directives"].push_back(DirectiveView(d, Today(call), call.vi()));
  call.Reply(j, 201);
  return Status::Ok();
}

Status GetMeeting(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(Meeting m, store->GetMeeting(id));
  store::DirectiveFilter f;
  f.meeting = id;
  ASSIGN_OR_RETURN(std::vector<Directive> directives, store->ListDirectives(f));
  Json j = MeetingView(m);
  j["directives"] = Json::array();
  for (const Directive& d : directives) j["directives"].push_back(DirectiveView(d, Today(call), call.vi()));
  call.Reply(j);
  return Status::Ok();
}

// ?due_within=N: only open directives whose next deadline is from today to N days on (0-366).
Result<std::optional<int>> DueWithinQuery(const Call& call) {
  const std::string text = call.Query("due_within");
  if (text.empty()) return std::optional<int>();
  int days = -1;
  if (text.size() <= 3 && text.find_first_not_of("0123456789") == std::string::npos) days = std::stoi(text);
  if (days < 0 || days > 366) {
    return InvalidArgument("'due_within' is a number of days, 0-366", "'due_within' là số ngày, từ 0 đến 366")
        .WithField("due_within");
  }
  return std::optional<int>(days);
}

// The directives the caller may read, filtered by the query, in the board's
// order; the assignee filter matches written forms alike (core/assignee.h).
Result<std::vector<Directive>> VisibleDirectives(Call& call, store::Store& store,
                                                 const DirectiveSessions& sessions) {
  store::DirectiveFilter f;
  f.issuer = call.Query("issuer");
  f.open_only = call.Query("open") == "1" || call.Query("open") == "true";
  if (!call.Query("unit").empty()) {
    ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
    f.assignee_unit = unit;
  }
  if (!call.Query("meeting").empty()) {
    ASSIGN_OR_RETURN(int64_t meeting, call.QueryId("meeting"));
    f.meeting = meeting;
  }
  DirectiveQuery q;
  q.assignee = call.Query("assignee");
  if (std::string state = call.Query("state"); !state.empty()) {
    Result<DirectiveState> parsed = ParseDirectiveState(state);
    if (!parsed.ok()) {
      Status s = parsed.status();
      return s.WithField("state");
    }
    q.state = *parsed;
  }
  q.overdue_only = call.Query("overdue") == "1" || call.Query("overdue") == "true";
  ASSIGN_OR_RETURN(q.due_within, DueWithinQuery(call));
  ASSIGN_OR_RETURN(std::vector<Directive> all, store.ListDirectives(f));
  auto within = [&](UnitId u, UnitId root) { return call.app->Within(u, root); };
  auto history = [&](UnitId u, UnitId root) { return call.app->CoversHistory(u, root); };
  auto visible = [&](const Directive& d) {
    return Allows(call.principal->grants, Action::kRead, sessions.UnitOf(d), within, history);
  };
  std::vector<Directive> out = SelectDirectives(all, q, Today(call), visible);
  return out;
}

Status ListDirectives(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(DirectiveSessions sessions, DirectiveSessions::Load(*store));
  ASSIGN_OR_RETURN(std::vector<Directive> list, VisibleDirectives(call, *store, sessions));
  Date today = Today(call);
  Json items = Json::array();
  for (const Directive& d : list) {
    Json j = DirectiveView(d, today, call.vi());
    j["source"] = DirectiveSourceView(call, sessions, d, today);
    items.push_back(std::move(j));
  }
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  page["counts"] = CountByState(list, today);
  page["today"] = today.ToIso();
  call.Reply(page);
  return Status::Ok();
}

// Open and overdue directives grouped per assignee and per issuing body.
Status Overdue(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(DirectiveSessions sessions, DirectiveSessions::Load(*store));
  ASSIGN_OR_RETURN(std::vector<Directive> list, VisibleDirectives(call, *store, sessions));
  Date today = Today(call);
  OpenDirectiveGroups groups = GroupOpenDirectives(list, today);
  auto view = [&](const std::vector<DirectiveGroup>& list_of_groups) {
    Json out = Json::array();
    for (const DirectiveGroup& g : list_of_groups) {
      Json items = Json::array();
      for (const Directive& d : g.overdue_items) items.push_back(DirectiveView(d, today, call.vi()));
      out.push_back({{"name", g.name}, {"open", g.open}, {"overdue", g.overdue}, {"items", items}});
    }
    return out;
  };
  call.Reply({{"today", today.ToIso()},
              {"by_assignee", view(groups.by_assignee)},
              {"by_issuer", view(groups.by_issuer)}});
  return Status::Ok();
}

Status CreateDirective(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(Directive d, ParseDirective(*body, Directive()));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  if (d.meeting != 0) RETURN_IF_ERROR(MayManageSession(call, *store, d.meeting));
  ASSIGN_OR_RETURN(d.id, store->SaveDirective(call.actor(), d));
  ASSIGN_OR_RETURN(Directive saved, store->GetDirective(d.id));
  call.Reply(DirectiveView(saved, Today(call), call.vi()), 201);
  return Status::Ok();
}

Status GetDirective(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(Directive d, store->GetDirective(id));
  ASSIGN_OR_RETURN(std::vector<store::AuditEntry> audit, store->Audit("directive", std::to_string(id)));
  Json j = DirectiveView(d, Today(call), call.vi());
  j["history"] = Json::array();
  for (const store::AuditEntry& e : audit) {
    j["history"].push_back(
        {{"at", e.at},
         {"actor", e.actor},
         {"action", e.action},
         {"old", Json::parse(e.old_value.empty() ? "null" : e.old_value, nullptr, false)},
         {"new", Json::parse(e.new_value.empty() ? "null" : e.new_value, nullptr, false)}});
  }
  call.Reply(j);
  return Status::Ok();
}

Status UpdateDirective(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(Directive current, store->GetDirective(id));
  ASSIGN_OR_RETURN(Directive d, ParseDirective(*body, current));
  d.id = id;
  // The router checked the directive's unit before the change; the unit
  // that governs it afterwards (its assignee's, else its session's) needs
  // the same right, and so does a session it is moved into.
  if (d.meeting != 0 && d.meeting != current.meeting)
    RETURN_IF_ERROR(MayManageSession(call, *store, d.meeting));
  UnitId after = d.assignee.unit;
  if (after == kNoUnit && d.meeting != 0) {
    ASSIGN_OR_RETURN(after, SessionUnit(call, *store, d.meeting));
  }
  RETURN_IF_ERROR(Authorise(call, Action::kManage, after));
  // A working session's directive is the body above's: the unit it reviewed
  // reports progress (POST …/progress) and asks for more time; the task, its
  // deadline, assignee and indicator change only from above.
  if (ChangeNeedsIssuer(current, d)) {
    ASSIGN_OR_RETURN(UnitId reviewed, SessionUnit(call, *store, current.meeting));
    if (!Authorise(call, Action::kAssign, reviewed).ok()) {
      return PermissionDenied(
          "the working session's host set this task and its deadline: only an approver above the unit "
          "reviewed or an administrator may change them; report progress instead",
          "nhiệm vụ và thời hạn này do cấp chủ trì buổi làm việc giao: chỉ người duyệt của cấp trên hoặc "
          "quản trị viên được sửa; hãy báo cáo tiến độ thực hiện");
    }
  }
  RETURN_IF_ERROR(store->SaveDirective(call.actor(), d).status());
  ASSIGN_OR_RETURN(Directive saved, store->GetDirective(id));
  call.Reply(DirectiveView(saved, Today(call), call.vi()));
  return Status::Ok();
}

Status AddProgress(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  DirectiveProgress p;
  ASSIGN_OR_RETURN(std::optional<Date> on, DateField(*body, "on"));
  p.on = on.value_or(Today(call));
  ASSIGN_OR_RETURN(p.note, StringField(*body, "note", false));
  ASSIGN_OR_RETURN(p.completes, BoolField(*body, "completes"));
  ASSIGN_OR_RETURN(std::optional<int64_t> doc, IdField(*body, "evidence_document", false));
  ASSIGN_OR_RETURN(std::optional<int64_t> result, IdField(*body, "evidence_result", false));
  p.evidence_document = doc;
  p.evidence_result = result;
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  if (doc) RETURN_IF_ERROR(ReadableDocument(call, *store, *doc, "evidence_document"));
  if (result) {
    RETURN_IF_ERROR(ReadableUnit(
                        call, store->GetResult(*result),
                        [](const store::ResultRecord& r) { return r.observation.unit; }, "result", "kết quả",
                        *result, "evidence_result")
                        .status());
  }
  RETURN_IF_ERROR(store->AddDirectiveProgress(call.actor(), id, p));
  ASSIGN_OR_RETURN(Directive saved, store->GetDirective(id));
  call.Reply(DirectiveView(saved, Today(call), call.vi()), 201);
  return Status::Ok();
}

}  // namespace

void AddMeetingRoutes(Router& r) {
  r.Add({"GET", "/meetings", {Scope::kUnitQuery, Action::kRead}, ListMeetings});
  r.Add({"POST", "/meetings", {Scope::kUnitBody, Action::kManage}, CreateMeeting});
  r.Add({"GET", R"(/meetings/(\d+))", {Scope::kMeetingPath, Action::kRead}, GetMeeting});
  r.Add({"GET", "/directives", {Scope::kSignedIn, Action::kRead}, ListDirectives});
  r.Add({"GET", "/directives/overdue", {Scope::kSignedIn, Action::kRead}, Overdue});
  r.Add({"POST", "/directives", {Scope::kUnitBody, Action::kManage}, CreateDirective});
  r.Add({"GET", R"(/directives/(\d+))", {Scope::kDirectivePath, Action::kRead}, GetDirective});
  r.Add({"PATCH", R"(/directives/(\d+))", {Scope::kDirectivePath, Action::kManage}, UpdateDirective});
  r.Add({"POST", R"(/directives/(\d+)/progress)", {Scope::kDirectivePath, Action::kEnter}, AddProgress});
}

}  // namespace kiemdem::api
