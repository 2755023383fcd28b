// Results: enter, submit, approve (never one's own), send back, reopen, history.
#include <limits>

#include "api/router.h"
#include "api/views.h"

namespace kiemdem::api {
namespace {

Status ListResults(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  std::string period = call.Query("period"), indicator = call.Query("indicator"),
              status = call.Query("status");
  if (!period.empty()) {
    Result<Period> p = Period::Parse(period);
    if (!p.ok()) {
      Status s = p.status();
      return s.WithField("period");
    }
    period = p->Key();
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> results, store->ListResults(unit));
  Json items = Json::array();
  for (const store::ResultRecord& r : results) {
    if (!period.empty() && r.observation.period.Key() != period) continue;
    if (!indicator.empty() && r.observation.indicator != indicator) continue;
    if (!status.empty() && store::ResultStatusKey(r.status) != status) continue;
    items.push_back(ResultView(r));
  }
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

Status EnterResult(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  Observation o;
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(*body, "unit"));
  o.unit = *unit;
  ASSIGN_OR_RETURN(o.indicator, StringField(*body, "indicator"));
  ASSIGN_OR_RETURN(std::string period, StringField(*body, "period"));
  Result<Period> p = Period::Parse(period);
  if (!p.ok()) {
    Status s = p.status();
    return s.WithField("period");
  }
  o.period = *p;
  ASSIGN_OR_RETURN(std::optional<double> value, NumberField(*body, "value"));
  o.value = *value;
  ASSIGN_OR_RETURN(o.numerator, NumberField(*body, "numerator", false));
  ASSIGN_OR_RETURN(o.denominator, NumberField(*body, "denominator", false));
  ASSIGN_OR_RETURN(std::string qualifier, StringField(*body, "qualifier", false));
  if (!qualifier.empty()) {
    Result<Qualifier> q = ParseQualifier(qualifier);
    if (!q.ok()) {
      Status s = q.status();
      return s.WithField("qualifier");
    }
    o.qualifier = *q;
  }
  ASSIGN_OR_RETURN(o.estimated, BoolField(*body, "estimated"));
  o.provenance.kind = ProvenanceKind::kForm;
  o.provenance.source = "form";
  // No figures for a unit outside its valid dates: a ward that ended on
  // 30/06/2025 has none for 2026, and the message names its successor.
  RETURN_IF_ERROR(call.app->tree()->CheckCoversPeriod(o.unit, o.period));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(int64_t id, store->SaveResult(call.actor(), o));
  ASSIGN_OR_RETURN(store::ResultRecord r, store->GetResult(id));
  call.Reply(ResultView(r), 201);
  return Status::Ok();
}

Status GetResult(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(store::ResultRecord r, store->GetResult(id));
  call.Reply(ResultView(r));
  return Status::Ok();
}

Status History(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::ResultChange> changes, store->ResultHistory(id));
  ASSIGN_OR_RETURN(std::vector<store::AuditEntry> audit, store->Audit("result", std::to_string(id)));
  Json versions = Json::array();
  for (const store::ResultChange& c : changes) {
    versions.push_back({{"version", c.version},
                        {"value", c.value},
                        {"status", store::ResultStatusKey(c.status)},
                        {"changed_by", c.changed_by},
                        {"changed_at", c.changed_at},
                        {"reason", c.reason}});
  }
  call.Reply({{"versions", versions}, {"events", AuditView(audit)}});
  return Status::Ok();
}

// The version the caller reviewed, which approve, return and reopen pin.
Result<int> ReviewedVersion(const Json& body) {
  ASSIGN_OR_RETURN(std::optional<int64_t> version, IdField(body, "version"));
  if (*version > std::numeric_limits<int>::max()) {
    return InvalidArgument("'version' is the version of the result you reviewed",
                           "'version' là phiên bản của kết quả bạn đã xem")
        .WithField("version");
  }
  return static_cast<int>(*version);
}

// submit; approve, return and reopen of the version the caller reviewed.
Status Transition(Call& call, const std::string& action) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  std::optional<int> version;
  std::string why;
  if (action != "submit") {
    ASSIGN_OR_RETURN(const Json* body, call.Body());
    ASSIGN_OR_RETURN(version, ReviewedVersion(*body));
    if (action != "approve") {
      ASSIGN_OR_RETURN(why, StringField(*body, action == "return" ? "comment" : "reason"));
    }
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::ResultStore& results = store->results();
  if (action == "submit") {
    RETURN_IF_ERROR(results.SubmitResult(call.actor(), id));
  } else if (action == "approve") {
    RETURN_IF_ERROR(results.ApproveResult(call.actor(), id, *version));
  } else if (action == "return") {
    RETURN_IF_ERROR(results.ReturnResult(call.actor(), id, *version, why));
  } else {
    RETURN_IF_ERROR(results.ReopenResult(call.actor(), id, *version, why));
  }
  ASSIGN_OR_RETURN(store::ResultRecord r, results.GetResult(id));
  call.Reply(ResultView(r));
  return Status::Ok();
}

}  // namespace

void AddResultRoutes(Router& r) {
  r.Add({"GET", "/results", {Scope::kUnitQuery, Action::kRead}, ListResults});
  r.Add({"POST", "/results", {Scope::kUnitBody, Action::kEnter}, EnterResult});
  r.Add({"GET", R"(/results/(\d+))", {Scope::kResultPath, Action::kRead}, GetResult});
  r.Add({"GET", R"(/results/(\d+)/history)", {Scope::kResultPath, Action::kRead}, History});
  r.Add({"POST", R"(/results/(\d+)/submit)", {Scope::kResultPath, Action::kEnter}, [](Call& c) {
           return Transition(c, "submit");
         }});
  r.Add({"POST", R"(/results/(\d+)/approve)", {Scope::kResultPath, Action::kApprove}, [](Call& c) {
           return Transition(c, "approve");
         }});
  r.Add({"POST", R"(/results/(\d+)/return)", {Scope::kResultPath, Action::kApprove}, [](Call& c) {
           return Transition(c, "return");
         }});
  r.Add({"POST", R"(/results/(\d+)/reopen)", {Scope::kResultPath, Action::kApprove}, [](Call& c) {
           return Transition(c, "reopen");
         }});
}

}  // namespace kiemdem::api
