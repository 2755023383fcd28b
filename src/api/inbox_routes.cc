// The approval inbox: what waits for the caller's approval by unit and
// period (never their own figures: four eyes), one period's figures with
// target and last year, approving or sending back a whole period at once
// (ResultStore::ReviewPeriod, pinned to the versions reviewed), and the
// figures sent back to a reporter with the approver's comment.
#include <limits>
#include <map>

#include "analytics/evaluation_service.h"
#include "analytics/inbox.h"
#include "api/router.h"
#include "api/views.h"

namespace kiemdem::api {
namespace {

Json PeriodJson(const Period& p, bool vi) {
  return {{"key", p.Key()}, {"label", vi ? p.LabelVi() : p.LabelEn()}};
}

Date PeriodEnd(const Period& p) { return EndOfMonth(p.year(), p.last_month()); }

Result<std::map<std::string, Indicator>> Catalogue(store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<Indicator> all, store.plans().ListIndicators());
  std::map<std::string, Indicator> by_code;
  for (Indicator& i : all) by_code.emplace(i.code, std::move(i));
  return by_code;
}

// A stored figure's indicator is in the catalogue (SaveResult checks it).
Json IndicatorInfo(const std::map<std::string, Indicator>& catalogue, const std::string& code, bool vi) {
  auto it = catalogue.find(code);
  if (it != catalogue.end()) return IndicatorView(it->second, vi);
  Indicator unknown;
  unknown.code = code;
  unknown.name_vi = code;
  return IndicatorView(unknown, vi);
}

// GET /inbox: per (unit, period) the figures waiting for the caller, oldest first.
Status ListInbox(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> waiting,
                   store->results().ListAwaitingReview(call.actor()));
  std::vector<analytics::InboxGroup> groups = analytics::GroupInbox(
      waiting, [&](UnitId unit) { return Authorise(call, Action::kApprove, unit).ok(); });
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  Json items = Json::array();
  int64_t figures = 0;
  for (const analytics::InboxGroup& g : groups) {
    figures += g.count;
    items.push_back({{"unit", UnitView(*tree, g.unit, PeriodEnd(g.period), call.vi())},
                     {"period", PeriodJson(g.period, call.vi())},
                     {"count", g.count},
                     {"oldest_submitted_at", g.oldest}});
  }
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  page["figures"] = figures;
  call.Reply(page);
  return Status::Ok();
}

// The unit and period of /inbox/{unit_code}/{period}, which the caller must
// be allowed to approve.
Result<std::pair<UnitId, Period>> InboxPeriod(Call& call) {
  std::string key = call.captures.at(1);
  if (call.captures.size() > 2) key += "/" + call.captures.at(2);
  Result<Period> period = Period::Parse(key);
  if (!period.ok()) {
    Status s = period.status();
    return s.WithField("period");
  }
  Result<UnitId> unit = call.app->tree()->ResolveCode(call.captures.at(0), *period, std::nullopt);
  if (!unit.ok()) {
    Status s = unit.status();
    return s.WithField("unit_code");
  }
  RETURN_IF_ERROR(Authorise(call, Action::kApprove, *unit));
  return std::pair{*unit, *period};
}

// GET /inbox/{unit_code}/{period}: the figures waiting, with target and last year.
Status InboxPeriodFigures(Call& call) {
  ASSIGN_OR_RETURN(auto where, InboxPeriod(call));
  auto [unit, period] = where;
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> waiting,
                   store->results().ListAwaitingReview(call.actor()));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(analytics::UnitEvaluation ev,
                   analytics::EvaluateUnit(call.app->figures(), *tree, unit, period));
  std::map<std::string, const IndicatorEvaluation*> rows;
  for (const analytics::EvaluationRow& row : ev.rows) rows[row.indicator.code] = &row.evaluation;
  ASSIGN_OR_RETURN(auto indicators, Catalogue(*store));
  Json items = Json::array();
  for (const store::ResultRecord& r : waiting) {
    if (r.observation.unit != unit || r.observation.period.Key() != period.Key()) continue;
    Json item = ResultView(r);
    item["period_label"] = call.vi() ? period.LabelVi() : period.LabelEn();
    item["submitted_by"] = r.updated_by;
    item["submitted_at"] = r.updated_at;
    item["target"] = nullptr;
    item["last_year"] = nullptr;
    item["indicator_info"] = IndicatorInfo(indicators, r.observation.indicator, call.vi());
    auto row = rows.find(r.observation.indicator);
    if (row != rows.end()) {
      const IndicatorEvaluation& e = *row->second;
      if (e.target) item["target"] = e.target->value;
      if (e.previous) item["last_year"] = *e.previous;
    }
    items.push_back(std::move(item));
  }
  call.Reply({{"unit", UnitView(*tree, unit, PeriodEnd(period), call.vi())},
              {"period", PeriodJson(period, call.vi())},
              {"items", items}});
  return Status::Ok();
}

// POST /inbox/{unit_code}/{period}: approve or send back every figure reviewed, at once.
Status ReviewInboxPeriod(Call& call) {
  ASSIGN_OR_RETURN(auto where, InboxPeriod(call));
  auto [unit, period] = where;
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::string action, StringField(*body, "action"));
  if (action != "approve" && action != "return") {
    return InvalidArgument("'action' is \"approve\" or \"return\"", "'action' là \"approve\" hoặc \"return\"")
        .WithField("action");
  }
  ASSIGN_OR_RETURN(std::string comment, StringField(*body, "comment", action == "return"));
  auto items = body->find("items");
  if (items == body->end() || !items->is_array()) {
    return InvalidArgument("'items' lists the figures you reviewed as {\"id\", \"version\"}",
                           "'items' là danh sách số liệu bạn đã xem, dạng {\"id\", \"version\"}")
        .WithField("items");
  }
  std::vector<store::ReviewedFigure> reviewed;
  for (const Json& item : *items) {
    if (!item.is_object()) {
      return InvalidArgument("each item is {\"id\", \"version\"}", "mỗi mục có dạng {\"id\", \"version\"}")
          .WithField("items");
    }
    ASSIGN_OR_RETURN(std::optional<int64_t> id, IdField(item, "id"));
    ASSIGN_OR_RETURN(std::optional<int64_t> version, IdField(item, "version"));
    if (*version > std::numeric_limits<int>::max()) {
      return InvalidArgument("'version' is the version of the figure you reviewed",
                             "'version' là phiên bản của số liệu bạn đã xem")
          .WithField("version");
    }
    reviewed.push_back({*id, static_cast<int>(*version)});
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  RETURN_IF_ERROR(store->results().ReviewPeriod(
      call.actor(), unit, period, action == "approve" ? store::Review::kApprove : store::Review::kReturn,
      reviewed, comment));
  call.Reply({{"action", action},
              {"count", reviewed.size()},
              {"unit", UnitView(*call.app->tree(), unit, PeriodEnd(period), call.vi())},
              {"period", PeriodJson(period, call.vi())}});
  return Status::Ok();
}

// GET /returned: the caller's figures sent back, with the comment.
Status ListReturned(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::ReturnedResult> returned, store->results().ListReturned(call.actor()));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(auto indicators, Catalogue(*store));
  Json items = Json::array();
  for (const store::ReturnedResult& r : returned) {
    const Observation& o = r.result.observation;
    if (!Authorise(call, Action::kRead, o.unit).ok()) continue;
    Json item = ResultView(r.result);
    auto ind = indicators.find(o.indicator);
    item["indicator_info"] = ind != indicators.end() ? IndicatorView(ind->second, call.vi())
                                                     : Json{{"code", o.indicator}, {"name", o.indicator}};
    item["unit_info"] = UnitView(*tree, o.unit, PeriodEnd(o.period), call.vi());
    item["period_label"] = call.vi() ? o.period.LabelVi() : o.period.LabelEn();
    item["comment"] = r.comment;
    item["returned_by"] = r.returned_by;
    item["returned_at"] = r.returned_at;
    items.push_back(std::move(item));
  }
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

}  // namespace

void AddInboxRoutes(Router& r) {
  r.Add({"GET", "/inbox", {Scope::kSomeUnit, Action::kApprove}, ListInbox});
  // A period of several months ("2026-01/2026-10") takes two segments, whether
  // its slash is written as it is or as %2F.
  for (const char* pattern : {R"(/inbox/([0-9A-Za-z]+)/([0-9A-Za-z-]+))",
                              R"(/inbox/([0-9A-Za-z]+)/([0-9A-Za-z-]+)/([0-9A-Za-z-]+))"}) {
    r.Add({"GET", pattern, {Scope::kSomeUnit, Action::kApprove}, InboxPeriodFigures});
    r.Add({"POST", pattern, {Scope::kSomeUnit, Action::kApprove}, ReviewInboxPeriod});
  }
  r.Add({"GET", "/returned", {Scope::kSignedIn, Action::kRead}, ListReturned});
}

}  // namespace kiemdem::api
