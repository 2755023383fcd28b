// Evaluation of a unit for a period, roll-ups over its subtree, the units
// under it side by side, and an indicator's trend.
#include "analytics/dashboard.h"
#include "api/comparison_sheet.h"
#include "api/evaluation_sheet.h"
#include "api/router.h"
#include "api/views.h"
#include "core/units_label.h"

namespace kiemdem::api {
namespace {

// ?include_unapproved=true counts draft and submitted figures too (marked);
// by default only approved figures count.
Result<analytics::EvaluationOptions> OptionsParam(const Call& call) {
  std::string text = call.Query("include_unapproved");
  analytics::EvaluationOptions o;
  if (text.empty() || text == "false" || text == "0") return o;
  if (text == "true" || text == "1") {
    o.include_unapproved = true;
    return o;
  }
  return InvalidArgument("query parameter 'include_unapproved' is true or false",
                         "tham số 'include_unapproved' phải là true hoặc false")
      .WithField("include_unapproved");
}

// ?unit=ID, or none for the whole country (its provinces side by side).
Result<UnitId> UnitOrCountry(const Call& call) {
  if (call.Query("unit").empty()) return analytics::kCountry;
  return call.QueryId("unit");
}

// ?indicator=CODE[,CODE...]: the indicators asked for; empty: all of them.
std::vector<std::string> CodeList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string code;
  while (std::getline(in, code, ',')) {
    if (!code.empty()) out.push_back(code);
  }
  return out;
}

Status Evaluate(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  ASSIGN_OR_RETURN(Period period, QueryPeriod(call));
  ASSIGN_OR_RETURN(analytics::EvaluationOptions options, OptionsParam(call));
  // ?plan=: the reviewing body's choice of reference plan.
  ASSIGN_OR_RETURN(analytics::PlanChoice plan, analytics::PlanChoice::Parse(call.Query("plan")));
  ASSIGN_OR_RETURN(std::string format, DownloadFormat(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(analytics::UnitEvaluation e,
                   analytics::EvaluateUnit(call.app->figures(), *tree, unit, period, options,
                                           CodeList(call.Query("indicator")), plan));
  if (format != "json") {
    const AdminUnit* u = tree->Get(unit);
    Date on = EndOfMonth(period.year(), period.last_month());
    std::string stem = FileStem("danh-gia", u == nullptr ? "" : u->VersionOn(on).full_name, period);
    return ReplySheet(call, format, stem, [&](bool vn) { return EvaluationSheet(e, *tree, call.vi(), vn); });
  }
  call.Reply(EvaluationView(e, *tree, call.vi(), options.include_unapproved));
  return Status::Ok();
}

Status RollUp(Call& call) {
  ASSIGN_OR_RETURN(UnitId unit, UnitOrCountry(call));
  ASSIGN_OR_RETURN(Period period, QueryPeriod(call));
  ASSIGN_OR_RETURN(analytics::EvaluationOptions options, OptionsParam(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(std::string format, DownloadFormat(call));
  ASSIGN_OR_RETURN(std::vector<analytics::RollupRow> rows,
                   analytics::RollUpSubtree(call.app->figures(), *tree, unit, period, options,
                                            CodeList(call.Query("indicator"))));
  if (format != "json") {
    const AdminUnit* u = tree->Get(unit);
    Date day = EndOfMonth(period.year(), period.last_month());
    std::string name = u == nullptr ? (call.vi() ? "Cả nước" : "Viet Nam") : u->VersionOn(day).full_name;
    std::vector<UnitType> kinds = analytics::KindsBelow(*tree, unit, day);
    return ReplySheet(call, format, FileStem("tong-hop", name, period),
                      [&](bool vn) { return RollupSheet(rows, kinds, name, period, call.vi(), vn); });
  }
  Date on = EndOfMonth(period.year(), period.last_month());
  std::vector<UnitType> kinds = analytics::KindsBelow(*tree, unit, on);
  Json items = Json::array();
  for (const analytics::RollupRow& r : rows) {
    const Aggregate& a = r.aggregate;
    items.push_back({{"indicator", IndicatorView(r.indicator, call.vi())},
                     {"label", AggregateOfUnitsLabel(r.indicator, kinds, call.vi())},
                     {"value", a.value ? Json(*a.value) : Json(nullptr)},
                     {"numerator", a.numerator ? Json(*a.numerator) : Json(nullptr)},
                     {"denominator", a.denominator ? Json(*a.denominator) : Json(nullptr)},
                     {"estimated", a.estimated},
                     {"expected", a.expected},
                     {"reporting", a.reporting},
                     {"missing", a.missing},
                     {"without_base", a.without_base}});
  }
  call.Reply({{"unit", UnitView(*tree, unit, on, call.vi())},
              {"period", {{"key", period.Key()}, {"label", call.vi() ? period.LabelVi() : period.LabelEn()}}},
              {"items", items}});
  return Status::Ok();
}

Status Compare(Call& call) {
  ASSIGN_OR_RETURN(UnitId parent, UnitOrCountry(call));
  ASSIGN_OR_RETURN(Period period, QueryPeriod(call));
  std::string indicator = call.Query("indicator");
  if (indicator.empty()) {
    return InvalidArgument("query parameter 'indicator' is required", "thiếu tham số 'indicator'")
        .WithField("indicator");
  }
  ASSIGN_OR_RETURN(analytics::EvaluationOptions options, OptionsParam(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(
      std::vector<analytics::ComparedUnit> units,
      analytics::CompareChildren(call.app->figures(), *tree, parent, period, indicator, options));
  Date on = EndOfMonth(period.year(), period.last_month());
  Json items = Json::array();
  int reporting = 0;
  for (const analytics::ComparedUnit& c : units) {
    Json row{{"unit", UnitView(*tree, c.unit, on, call.vi())},
             {"rank", nullptr},
             {"actual", nullptr},
             {"status", "no_data"}};
    if (c.rank) {
      row["rank"] = *c.rank;
      ++reporting;
    }
    if (c.row) {
      const IndicatorEvaluation& ev = c.row->evaluation;
      row["actual"] = ev.actual ? Json(*ev.actual) : Json(nullptr);
      row["target"] = ev.target ? Json(ev.target->value) : Json(nullptr);
      row["percent_of_plan"] = ev.percent_of_plan ? Json(*ev.percent_of_plan) : Json(nullptr);
      row["percent_of_previous"] = ev.percent_of_previous ? Json(*ev.percent_of_previous) : Json(nullptr);
      row["points_from_plan"] = ev.points_from_plan ? Json(*ev.points_from_plan) : Json(nullptr);
      row["status"] = AttainmentKey(ev.status);
      row["status_label"] = call.vi() ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status);
    }
    items.push_back(row);
  }
  call.Reply({{"parent", UnitView(*tree, parent, on, call.vi())},
              {"indicator", indicator},
              {"expected", units.size()},
              {"reporting", reporting},
              {"period", {{"key", period.Key()}, {"label", call.vi() ? period.LabelVi() : period.LabelEn()}}},
              {"items", items}});
  return Status::Ok();
}

Json Nullable(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

// A cell of the comparison: the unit's evaluation of one indicator.
Json ComparisonCellView(const analytics::EvaluationRow& r, bool vi) {
  const IndicatorEvaluation& ev = r.evaluation;
  return {{"actual", Nullable(ev.actual)},
          {"target", ev.target ? Json(ev.target->value) : Json(nullptr)},
          {"percent_of_plan", Nullable(ev.percent_of_plan)},
          {"percent_of_previous", Nullable(ev.percent_of_previous)},
          {"points_from_plan", Nullable(ev.points_from_plan)},
          {"status", AttainmentKey(ev.status)},
          {"status_label", vi ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status)},
          {"result_status", r.result_status.empty() ? Json(nullptr) : Json(r.result_status)},
          {"approved", ev.actual.has_value() && !r.counts_unapproved},
          {"unapproved_value", Nullable(r.unapproved_value)}};
}

std::vector<std::string> CodesParam(const Call& call) { return CodeList(call.Query("indicators")); }

// The units below × indicators: JSON, or ?format=xlsx|csv as a download.
Status CompareTable(Call& call) {
  ASSIGN_OR_RETURN(UnitId parent, UnitOrCountry(call));
  ASSIGN_OR_RETURN(Period period, QueryPeriod(call));
  ASSIGN_OR_RETURN(analytics::EvaluationOptions options, OptionsParam(call));
  ASSIGN_OR_RETURN(std::string format, DownloadFormat(call));
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(
      analytics::ComparisonTable t,
      analytics::CompareChildrenTable(call.app->figures(), *tree, parent, period, CodesParam(call), options));
  Date on = EndOfMonth(period.year(), period.last_month());
  if (format != "json") {
    const AdminUnit* u = tree->Get(parent);
    std::string stem = FileStem(
        "so-sanh", u == nullptr ? (call.vi() ? "Cả nước" : "Viet Nam") : u->VersionOn(on).full_name, period);
    return ReplySheet(call, format, stem, [&](bool vn) { return ComparisonSheet(t, *tree, call.vi(), vn); });
  }
  Json indicators = Json::array();
  for (size_t i = 0; i < t.indicators.size(); ++i) {
    Json sum = nullptr;
    if (t.sums[i]) {
      sum = {{"label", AggregateOfUnitsLabel(t.indicators[i], t.kinds, call.vi())},
             {"value", Nullable(t.sums[i]->value)},
             {"reporting", t.sums[i]->reporting},
             {"expected", t.sums[i]->expected},
             {"without_base", t.sums[i]->without_base}};
    }
    indicators.push_back({{"indicator", IndicatorView(t.indicators[i], call.vi())},
                          {"additive", t.indicators[i].spatial == SpatialAggregation::kSum},
                          {"sum", sum}});
  }
  Json units = Json::array();
  for (const analytics::ComparisonRow& row : t.units) {
    Json cells = Json::array();
    for (const std::optional<analytics::EvaluationRow>& c : row.cells) {
      cells.push_back(c ? ComparisonCellView(*c, call.vi()) : Json(nullptr));
    }
    units.push_back({{"unit", UnitView(*tree, row.unit, on, call.vi())}, {"cells", cells}});
  }
  call.Reply({{"parent", UnitView(*tree, parent, on, call.vi())},
              {"period", {{"key", period.Key()}, {"label", call.vi() ? period.LabelVi() : period.LabelEn()}}},
              {"include_unapproved", options.include_unapproved},
              {"sum_label", ComparisonSumLabel(t, call.vi())},
              {"indicators", indicators},
              {"units", units}});
  return Status::Ok();
}

Status Trend(Call& call) {
  ASSIGN_OR_RETURN(int64_t unit, call.QueryId("unit"));
  std::string indicator = call.Query("indicator");
  if (indicator.empty()) {
    return InvalidArgument("query parameter 'indicator' is required", "thiếu tham số 'indicator'")
        .WithField("indicator");
  }
  int this_year = Today(call).year();
  ASSIGN_OR_RETURN(int from, QueryYear(call, "from", this_year - 4));
  ASSIGN_OR_RETURN(int to, QueryYear(call, "to", this_year));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  std::shared_ptr<const analytics::UnitTree> tree = call.app->tree();
  ASSIGN_OR_RETURN(std::vector<analytics::TrendPoint> points,
                   analytics::Trend(*store, *tree, unit, indicator, from, to));
  Json items = Json::array();
  for (const analytics::TrendPoint& p : points) {
    items.push_back({{"period", p.period.Key()},
                     {"label", call.vi() ? p.period.LabelVi() : p.period.LabelEn()},
                     {"months", p.period.month_count()},
                     {"value", p.value},
                     {"status", store::ResultStatusKey(p.status)},
                     {"basis", SeriesBasisKey(p.basis)},
                     {"basis_label", call.vi() ? SeriesBasisLabelVi(p.basis) : SeriesBasisLabelEn(p.basis)},
                     {"complete", p.complete}});
  }
  std::optional<Date> boundary = analytics::BoundaryWithin(*tree, unit, from, to);
  call.Reply({{"unit", unit},
              {"indicator", indicator},
              {"boundary", boundary ? Json(boundary->ToIso()) : Json(nullptr)},
              {"items", items}});
  return Status::Ok();
}

}  // namespace

void AddAnalyticsRoutes(Router& r) {
  r.Add({"GET", "/evaluation", {Scope::kUnitQuery, Action::kRead}, Evaluate, true});
  r.Add({"GET", "/rollup", {Scope::kUnitOrCountry, Action::kRead}, RollUp, true});
  r.Add({"GET", "/compare", {Scope::kUnitOrCountry, Action::kRead}, Compare, true});
  r.Add({"GET",
         "/compare/table",
         {Scope::kUnitOrCountry, Action::kRead},
         CompareTable,
         false});  // downloads: not cached
  r.Add({"GET", "/trend", {Scope::kUnitQuery, Action::kRead}, Trend, true});
}

}  // namespace kiemdem::api
