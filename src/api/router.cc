#include "api/router.h"

#include "api/http_util.h"
#include "api/views.h"

namespace kiemdem::api {

int HttpStatus(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition: return 409;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kResourceExhausted: return 413;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kDataLoss:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

namespace {

// Routes whose first capture names a stored record, authorised by its unit.
bool IsRecordPath(Scope scope) {
  return scope == Scope::kResultPath || scope == Scope::kMeetingPath || scope == Scope::kDirectivePath ||
         scope == Scope::kDocumentPath;
}

// The one answer for a record that is missing or that the caller may not
// see: the same status, code and words either way.
Status MissingRecord(Scope scope, const std::string& id) {
  switch (scope) {
    case Scope::kResultPath: return NotFound("result " + id + " does not exist", "không có kết quả số " + id);
    case Scope::kMeetingPath:
      return NotFound("working session " + id + " does not exist", "không có buổi làm việc số " + id);
    case Scope::kDirectivePath:
      return NotFound("directive " + id + " does not exist", "không có ý kiến chỉ đạo số " + id);
    default: return NotFound("document " + id + " does not exist", "không có văn bản số " + id);
  }
}

}  // namespace

void ReplyError(Call& call, const Status& status) {
  int http = call.status >= 400 ? call.status : HttpStatus(status.code());
  std::string message = status.message_in(call.lang);
  if (http >= 500) {
    // The cause (database or library text, a URL, values) is for the log; the
    // client gets what it can act on and the id that finds the log line.
    call.error_cause = status.ToString();
    if (!status.field().empty()) call.error_cause += " [field " + status.field() + "]";
    bool unavailable = status.code() == StatusCode::kUnavailable;
    if (unavailable) call.headers.emplace_back("Retry-After", "5");
    std::string id = call.request_id.empty() ? "" : " (" + call.request_id + ")";
    message =
        unavailable
            ? (call.vi() ? "cơ sở dữ liệu tạm thời không truy cập được; hãy thử lại sau vài giây"
                         : "the database cannot be reached just now; try again in a few seconds")
            : (call.vi()
                   ? "máy chủ gặp lỗi khi xử lý yêu cầu; hãy báo quản trị viên mã yêu cầu" + id
                   : "the server failed to handle the request; give the administrator the request id" + id);
  } else if (call.error_cause.empty()) {
    call.error_cause = status.message();
  }
  Json err{{"code", StatusCodeName(status.code())}, {"message", message}};
  err["field"] = status.field().empty() || http >= 500 ? Json(nullptr) : Json(status.field());
  err["request_id"] = call.request_id;
  call.Reply(Json{{"error", err}}, http);
}

Status Authorise(const Call& call, Action action, UnitId unit) {
  if (!call.principal) return Unauthenticated("sign in first", "hãy đăng nhập trước");
  auto within = [&](UnitId u, UnitId root) { return call.app->Within(u, root); };
  // Reading reaches the history of a grant's territory across the 2025
  // reorganisation (the wards a new ward was formed of, the old provinces
  // merged into a new one); every other action stays within the subtree.
  auto history = [&](UnitId u, UnitId root) { return call.app->CoversHistory(u, root); };
  if (Allows(call.principal->grants, action, unit, within, history)) return Status::Ok();
  return PermissionDenied(std::string("you may not ") + ActionNameEn(action) + " here: it needs the role " +
                              RoleNeededEn(action) + ", and your roles do not give it for this unit",
                          std::string("bạn không có quyền thực hiện thao tác này (") + ActionNameVi(action) +
                              ") ở đơn vị này: cần vai trò " + RoleNeededVi(action) +
                              "; vai trò được phân của bạn không bao gồm quyền đó");
}

Result<UnitId> Router::ResolveUnit(const Route& route, Call& call) const {
  switch (route.access.scope) {
    case Scope::kPublic:
    case Scope::kSignedIn:
    case Scope::kSomeUnit:
    case Scope::kEverywhere: return kNoUnit;
    case Scope::kUnitQuery: {
      ASSIGN_OR_RETURN(int64_t id, call.QueryId("unit"));
      return static_cast<UnitId>(id);
    }
    case Scope::kUnitOrCountry: {
      if (call.Query("unit").empty()) return kNoUnit;
      ASSIGN_OR_RETURN(int64_t id, call.QueryId("unit"));
      return static_cast<UnitId>(id);
    }
    case Scope::kUnitPath: {
      ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
      return static_cast<UnitId>(id);
    }
    case Scope::kUnitBody: {
      ASSIGN_OR_RETURN(const Json* body, call.Body());
      ASSIGN_OR_RETURN(std::optional<int64_t> id, IdField(*body, "unit"));
      return static_cast<UnitId>(*id);
    }
    default: break;
  }
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  switch (route.access.scope) {
    case Scope::kResultPath: {
      ASSIGN_OR_RETURN(store::ResultRecord r, store->GetResult(id));
      return r.observation.unit;
    }
    case Scope::kMeetingPath: {
      ASSIGN_OR_RETURN(Meeting m, store->GetMeeting(id));
      return m.unit;
    }
    case Scope::kDirectivePath: {
      ASSIGN_OR_RETURN(Directive d, store->GetDirective(id));
      if (d.assignee.unit != kNoUnit) return d.assignee.unit;
      if (d.meeting != 0) {
        ASSIGN_OR_RETURN(Meeting m, store->GetMeeting(d.meeting));
        return m.unit;
      }
      return kNoUnit;
    }
    case Scope::kDocumentPath: {
      ASSIGN_OR_RETURN(store::StoredDocument doc, store->GetDocument(id));
      return doc.unit;
    }
    default: return kNoUnit;
  }
}

void Router::Add(Route route) {
  patterns_.push_back(std::make_shared<const PathPattern>(route.pattern));
  routes_.push_back(std::move(route));
}

const Route* Router::Find(const std::string& method, const std::string& path,
                          std::vector<std::string>* captures) const {
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (routes_[i].method == method && patterns_[i]->Match(path, captures)) return &routes_[i];
  }
  return nullptr;
}

size_t Router::BodyLimit(const std::string& method, const std::string& path) const {
  std::vector<std::string> captures;
  const Route* route = Find(method, path, &captures);
  if (route == nullptr || method == "GET") return kSmallBodyLimit;
  return route->max_body == 0 ? kDefaultBodyLimit : route->max_body;
}

bool Router::Dispatch(const Route& route, Call& call, bool may_block) const {
  // "?on=" reads a route as of that day: one that is not a date is refused,
  // not taken for today.
  if (std::string on = call.Query("on"); !on.empty()) {
    if (Result<Date> day = Date::Parse(on); !day.ok()) {
      Status refused = day.status();
      ReplyError(call, refused.WithField("on"));
      return true;
    }
  }
  if (!may_block) {
    // Only a cached GET, for a caller already known, over a unit named in the request.
    bool in_request = route.access.scope == Scope::kSignedIn || route.access.scope == Scope::kUnitQuery ||
                      route.access.scope == Scope::kUnitOrCountry || route.access.scope == Scope::kUnitPath ||
                      route.access.scope == Scope::kEverywhere;
    if (!route.cacheable || route.method != "GET" || !call.principal || !in_request) return false;
  }
  if (route.access.scope != Scope::kPublic) {
    if (!call.principal) {
      ReplyError(call, Unauthenticated("sign in first", "hãy đăng nhập trước"));
      return true;
    }
    // A browser session's writes must carry its CSRF token (API tokens are
    // not sent by browsers on their own, so they need none).
    if (call.method != "GET" && call.principal->kind == store::SessionKind::kSession) {
      auto it = call.request_headers.find("x-csrf-token");
      std::string sent = it == call.request_headers.end() ? "" : it->second;
      if (sent.empty() || !SameSecret(sent, call.principal->csrf)) {
        ReplyError(call, PermissionDenied("the request lacks this session's CSRF token (X-CSRF-Token)",
                                          "yêu cầu thiếu mã CSRF của phiên làm việc (X-CSRF-Token)"));
        return true;
      }
    }
    if (route.access.scope == Scope::kSomeUnit &&
        !AllowsSomewhere(call.principal->grants, route.access.action)) {
      Action a = route.access.action;
      ReplyError(call, PermissionDenied(
                           std::string("you may not ") + ActionNameEn(a) + " anywhere: it needs the role " +
                               RoleNeededEn(a) + ", and none of your roles allows it",
                           std::string("bạn không có quyền thực hiện thao tác này (") + ActionNameVi(a) +
                               ") ở bất kỳ đơn vị nào: cần vai trò " + RoleNeededVi(a)));
      return true;
    }
    if (route.access.scope != Scope::kSignedIn && route.access.scope != Scope::kSomeUnit) {
      Result<UnitId> unit = ResolveUnit(route, call);
      bool record = IsRecordPath(route.access.scope);
      if (!unit.ok()) {
        bool missing = record && unit.status().code() == StatusCode::kNotFound;
        ReplyError(call, missing ? MissingRecord(route.access.scope, call.captures.at(0)) : unit.status());
        return true;
      }
      if (*unit != kNoUnit && call.app->tree()->Get(*unit) == nullptr) {
        ReplyError(call, NotFound("unit " + std::to_string(*unit) + " does not exist",
                                  "không có đơn vị số " + std::to_string(*unit))
                             .WithField("unit"));
        return true;
      }
      if (Status allowed = Authorise(call, route.access.action, *unit); !allowed.ok()) {
        // A record the caller may not even read answers as a missing one:
        // its id is no oracle of what other units hold (the review's F11).
        bool hidden = record && !Authorise(call, Action::kRead, *unit).ok();
        ReplyError(call, hidden ? MissingRecord(route.access.scope, call.captures.at(0)) : allowed);
        return true;
      }
    }
  }
  std::string cache_key;
  if (route.cacheable) {
    cache_key = call.path + "?";
    // Each key and value after its length: "a&b=c" as one value never reads
    // as two parameters.
    for (const auto& [k, v] : call.query) {
      cache_key += std::to_string(k.size()) + ":" + k + "=" + std::to_string(v.size()) + ":" + v + "&";
    }
    cache_key += "|" + call.lang + "|" + std::to_string(Today(call).day_number());
    if (call.app->CachedBody(cache_key, &call.response)) {
      call.headers.emplace_back("X-Cache", "hit");
      return true;
    }
  }
  if (!may_block) return false;
  int64_t version = call.app->data_version();
  Status s = route.handler(call);
  if (!s.ok()) {
    ReplyError(call, s);
    return true;
  }
  if (route.method != "GET") call.app->Touch();
  if (route.cacheable && call.status == 200) call.app->CacheBody(cache_key, version, call.response);
  return true;
}

}  // namespace kiemdem::api
