// Units (tree as of a date, search with or without diacritics), indicators,
// and plans with their targets.
#include "api/evaluation_sheet.h"
#include "api/plan_scope.h"
#include "api/router.h"
#include "api/store_sheets.h"
#include "api/views.h"

namespace kiemdem::api {
namespace {

Result<Date> OnDate(const Call& call) {
  std::string on = call.Query("on");
  if (on.empty()) return Today(call);
  Result<Date> d = Date::Parse(on);
  if (!d.ok()) {
    Status s = d.status();
    return s.WithField("on");
  }
  return *d;
}

Status ListUnits(Call& call) {
  ASSIGN_OR_RETURN(Date on, OnDate(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  std::vector<UnitId> ids;
  if (std::string q = call.Query("q"); !q.empty()) {
    if (q.size() > 200)
      return InvalidArgument("the search is too long", "chuỗi tìm kiếm quá dài").WithField("q");
    // Former units too, after those of `on`: "quang hung" finds Phường Quảng
    // Hưng (until 30/06/2025) and what it became.
    ids = tree->SearchHistory(q, on, 200);
  } else if (!call.Query("parent").empty()) {
    ASSIGN_OR_RETURN(int64_t parent, call.QueryId("parent"));
    if (tree->Get(parent) == nullptr) {
      return NotFound("unit " + std::to_string(parent) + " does not exist",
                      "không có đơn vị số " + std::to_string(parent))
          .WithField("parent");
    }
    ids = tree->ChildrenOn(parent, on);
  } else {
    ids = tree->RootsOn(on);
  }
  Json items = Json::array();
  for (UnitId id : ids) items.push_back(UnitWithLinksView(*tree, id, on, call.vi()));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

Status GetUnit(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(Date on, OnDate(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  if (tree->Get(id) == nullptr) {
    return NotFound("unit " + std::to_string(id) + " does not exist",
                    "không có đơn vị số " + std::to_string(id));
  }
  Json unit = UnitWithLinksView(*tree, id, on, call.vi());
  Json path = Json::array();
  for (UnitId p = tree->Parent(id); p != kNoUnit; p = tree->Parent(p)) {
    path.insert(path.begin(), UnitView(*tree, p, on, call.vi()));
  }
  unit["path"] = path;
  call.Reply(unit);
  return Status::Ok();
}

Status ListIndicators(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store->ListIndicators());
  Json items = Json::array();
  for (const Indicator& i : indicators) items.push_back(IndicatorView(i, call.vi()));
  call.Reply({{"items", items}, {"total", items.size()}});
  return Status::Ok();
}

Status ListPlans(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<Plan> plans, store->ListPlans(unit));
  Json items = Json::array();
  for (const Plan& p : plans) items.push_back(PlanView(p, call.vi()));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

// A unit's plans as .xlsx in the columns POST /imports/plans reads back:
// years, dates and targets as typed cells, the unit named in the title row.
// A unit's plans as .xlsx (default) or ?format=csv: the layout POST /imports/plans takes back.
Status ExportPlansRoute(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  std::string format = call.Query("format").empty() ? "xlsx" : call.Query("format");
  if (format != "xlsx" && format != "csv") {
    return InvalidArgument("query parameter 'format' is xlsx or csv",
                           "tham số 'format' phải là xlsx hoặc csv")
        .WithField("format");
  }
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  const AdminUnit* u = tree->Get(unit);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(io::Sheet sheet, ExportPlans(*store, "Kế hoạch", unit));
  if (u != nullptr) sheet.title += " — " + u->VersionOn(Today(call)).full_name;
  std::string code = u == nullptr ? std::to_string(unit) : u->code;
  RETURN_IF_ERROR(ReplySheet(call, format, "ke-hoach-" + code, [&](bool) { return sheet; }));
  call.headers.emplace_back("Cache-Control", "no-store");
  return Status::Ok();
}

Status SavePlan(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  Plan p;
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(*body, "unit"));
  p.unit = *unit;
  ASSIGN_OR_RETURN(std::string kind, StringField(*body, "body_kind"));
  Result<BodyKind> k = ParseBodyKind(kind);
  if (!k.ok()) {
    Status s = k.status();
    return s.WithField("body_kind");
  }
  p.body_kind = *k;
  ASSIGN_OR_RETURN(std::optional<int> first, YearField(*body, "first_year"));
  ASSIGN_OR_RETURN(std::optional<int> last, YearField(*body, "last_year", false));
  p.first_year = *first;
  p.last_year = last.value_or(p.first_year);
  ASSIGN_OR_RETURN(p.assigned_by_superior, BoolField(*body, "assigned_by_superior"));
  ASSIGN_OR_RETURN(std::string resolution, StringField(*body, "resolution", false));
  if (!resolution.empty()) {
    Result<DocumentRef> ref = ParseDocumentCode(resolution);
    if (!ref.ok()) {
      Status s = ref.status();
      return s.WithField("resolution");
    }
    p.resolution = *ref;
  }
  ASSIGN_OR_RETURN(p.resolution.issued, DateField(*body, "resolution_date"));
  auto targets = body->find("targets");
  if (targets == body->end() || !targets->is_array()) {
    return InvalidArgument("'targets' must be a list", "'targets' phải là danh sách").WithField("targets");
  }
  for (const Json& t : *targets) {
    if (!t.is_object())
      return InvalidArgument("each target is an object", "mỗi chỉ tiêu là một đối tượng")
          .WithField("targets");
    Target target;
    ASSIGN_OR_RETURN(target.indicator, StringField(t, "indicator"));
    ASSIGN_OR_RETURN(std::optional<int> year, YearField(t, "year"));
    target.year = *year;
    ASSIGN_OR_RETURN(std::string cmp, StringField(t, "comparator", false));
    Result<Comparator> c = cmp.empty() ? Result<Comparator>(Comparator::kAtLeast) : ParseComparator(cmp);
    if (!c.ok()) {
      Status s = c.status();
      return s.WithField("comparator");
    }
    target.comparator = *c;
    ASSIGN_OR_RETURN(std::optional<double> value, NumberField(t, "value"));
    target.value = *value;
    ASSIGN_OR_RETURN(target.value_high, NumberField(t, "value_high", false));
    ASSIGN_OR_RETURN(std::string form, StringField(t, "form", false));
    ASSIGN_OR_RETURN(target.form, ParseTargetForm(form));
    ASSIGN_OR_RETURN(target.adjusted, NumberField(t, "adjusted", false));
    ASSIGN_OR_RETURN(target.adjusted_by, StringField(t, "adjusted_by", false));
    p.targets.push_back(target);
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  // Targets the body above assigned (giao chỉ tiêu) are its to set and to
  // change: the store refuses them, inside its transaction, to a writer
  // without the right to assign at the unit.
  RETURN_IF_ERROR(store->SavePlans(call.actor(), {p}, MayAssignFor(call)));
  ASSIGN_OR_RETURN(std::vector<Plan> plans, store->ListPlans(p.unit));
  for (const Plan& saved : plans) {
    if (saved.body_kind == p.body_kind && saved.first_year == p.first_year &&
        saved.last_year == p.last_year) {
      call.Reply(PlanView(saved, call.vi()), 201);
    }
  }
  return Status::Ok();
}

}  // namespace

void AddReferenceRoutes(Router& r) {
  r.Add({"GET", "/units", {Scope::kSignedIn, Action::kRead}, ListUnits, true});
  r.Add({"GET", R"(/units/(\d+))", {Scope::kSignedIn, Action::kRead}, GetUnit, true});
  r.Add({"GET", "/indicators", {Scope::kSignedIn, Action::kRead}, ListIndicators, true});
  r.Add({"GET", "/plans", {Scope::kUnitQuery, Action::kRead}, ListPlans, true});
  r.Add({"POST", "/plans", {Scope::kUnitBody, Action::kManage}, SavePlan});
  r.Add({"GET",
         "/plans/export",
         {Scope::kUnitQuery, Action::kRead},
         ExportPlansRoute});  // a download: not cached
}

}  // namespace kiemdem::api
