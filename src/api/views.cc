#include "api/views.h"

#include <cstdlib>
#include <ctime>

#include "core/assignee.h"
#include "core/text.h"

namespace kiemdem::api {
namespace {

Json DateJson(const std::optional<Date>& d) { return d ? Json(d->ToIso()) : Json(nullptr); }
Json Optional(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

}  // namespace

Date Today(const Call& call) {
  std::string on = call.Query("on");
  if (!on.empty()) {
    Result<Date> d = Date::Parse(on);
    if (d.ok()) return *d;
  }
  if (const char* env = std::getenv("KIEMDEM_TODAY"); env != nullptr && *env != '\0') {
    Result<Date> d = Date::Parse(env);
    if (d.ok()) return *d;
  }
  return Date::FromDayNumber((static_cast<int64_t>(std::time(nullptr)) + int64_t{7} * 3600) / 86400);
}

namespace {

// The day nearest to `on` on which `u` exists.
Date NearestDay(const AdminUnit& u, Date on) {
  if (u.valid_to && on >= *u.valid_to) return u.valid_to->AddDays(-1);
  if (u.valid_from && on < *u.valid_from) return *u.valid_from;
  return on;
}

// "Tỉnh Thanh Hóa" for a ward of it (as of `on`, or the ward's nearest day);
// null for a province itself or a unit without one.
Json ProvinceJson(const analytics::UnitTree& tree, const AdminUnit& u, Date on) {
  const AdminRegistry& reg = tree.registry();
  Date day = NearestDay(u, on);
  UnitId province = reg.ProvinceOf(u.id, day);
  if (province == kNoUnit || province == u.id) return nullptr;
  const AdminUnit* p = reg.Get(province);
  return p->VersionOn(NearestDay(*p, day)).full_name;
}

Json LinkView(const analytics::UnitTree& tree, UnitId other, const Succession& s, Date on, bool vi) {
  return Json{{"unit", UnitView(tree, other, on, vi)},
              {"effective", s.effective.ToIso()},
              {"coverage", s.coverage == Coverage::kFull ? "full" : "partial"},
              {"share", s.coverage == Coverage::kFull ? Json(1.0) : Optional(s.share)}};
}

}  // namespace

Json UnitView(const analytics::UnitTree& tree, UnitId unit, Date on, bool vi) {
  if (unit == analytics::kCountry) {
    return Json{{"id", 0},
                {"code", ""},
                {"name", vi ? "Cả nước" : "Viet Nam"},
                {"full_name", vi ? "Cả nước" : "Viet Nam (the whole country)"},
                {"province", nullptr},
                {"type", "country"},
                {"type_name", vi ? "Cả nước" : "Country"},
                {"parent", nullptr},
                {"valid_from", nullptr},
                {"valid_to", nullptr},
                {"has_children", true}};
  }
  const AdminUnit* u = tree.Get(unit);
  if (u == nullptr) return nullptr;
  const UnitVersion& v = u->VersionOn(on);
  return Json{{"id", unit},
              {"code", u->code},
              {"name", v.name},
              {"full_name", v.full_name},
              {"province", ProvinceJson(tree, *u, on)},
              {"type", UnitTypeKey(v.type)},
              {"type_name", vi ? UnitTypeNameVi(v.type) : UnitTypeNameEn(v.type)},
              {"parent", tree.Parent(unit) == kNoUnit ? Json(nullptr) : Json(tree.Parent(unit))},
              {"valid_from", DateJson(u->valid_from)},
              {"valid_to", DateJson(u->valid_to)},
              {"has_children", !tree.ChildrenOn(unit, on).empty()}};
}

Json UnitWithLinksView(const analytics::UnitTree& tree, UnitId unit, Date on, bool vi) {
  Json j = UnitView(tree, unit, on, vi);
  if (j.is_null()) return j;
  const AdminRegistry& reg = tree.registry();
  UnitId r = tree.ToRegistry(unit);
  Json before = Json::array();
  for (const Succession& s : reg.PredecessorsOf(r)) {
    before.push_back(LinkView(tree, tree.ToStored(s.predecessor), s, s.effective.AddDays(-1), vi));
  }
  Json after = Json::array();
  for (const Succession& s : reg.SuccessorsOf(r)) {
    after.push_back(LinkView(tree, tree.ToStored(s.successor), s, s.effective, vi));
  }
  j["predecessors"] = std::move(before);
  j["successors"] = std::move(after);
  return j;
}

Json IndicatorView(const Indicator& i, bool vi) {
  return Json{{"code", i.code},
              {"name", vi ? i.name_vi : (i.name_en.empty() ? i.name_vi : i.name_en)},
              {"name_vi", i.name_vi},
              {"name_en", i.name_en},
              {"unit", i.unit},
              {"group", i.group},
              {"value_kind", ValueKindName(i.value_kind)},
              {"direction", DirectionName(i.direction)},
              {"spatial", SpatialAggregationName(i.spatial)},
              {"time", TimeAggregationName(i.time)},
              {"allow_negative", i.allow_negative},
              {"weight_by", i.weight_by},
              {"aliases", i.aliases}};
}

Json ResultView(const store::ResultRecord& r) {
  const Observation& o = r.observation;
  Json provenance{{"kind", ProvenanceKindKey(o.provenance.kind)}, {"source", o.provenance.source}};
  if (o.provenance.span_begin >= 0) provenance["span"] = {o.provenance.span_begin, o.provenance.span_end};
  Json returned = nullptr;
  if (r.sent_back)
    returned = {{"comment", r.sent_back->comment}, {"by", r.sent_back->by}, {"at", r.sent_back->at}};
  return Json{{"id", r.id},
              {"unit", o.unit},
              {"indicator", o.indicator},
              {"period", o.period.Key()},
              {"period_label", o.period.LabelVi()},
              {"value", o.value},
              {"numerator", Optional(o.numerator)},
              {"denominator", Optional(o.denominator)},
              {"qualifier", QualifierKey(o.qualifier)},
              {"estimated", o.estimated},
              {"status", store::ResultStatusKey(r.status)},
              {"version", r.version},
              {"updated_by", r.updated_by},
              {"updated_at", r.updated_at},
              {"returned", returned},
              {"provenance", provenance}};
}

Json PlanView(const Plan& p, bool vi) {
  Json targets = Json::array();
  for (const Target& t : p.targets) {
    targets.push_back({{"indicator", t.indicator},
                       {"year", t.year},
                       {"comparator", ComparatorSymbol(t.comparator)},
                       {"value", t.value},
                       {"value_high", Optional(t.value_high)},
                       {"form", TargetFormKey(t.form)},
                       {"form_text", vi ? t.FormVi() : t.FormEn()},
                       {"adjusted", Optional(t.adjusted)},
                       {"adjusted_by", t.adjusted_by}});
  }
  return Json{{"id", p.id},
              {"unit", p.unit},
              {"body_kind", BodyKindKey(p.body_kind)},
              {"body_name", vi ? BodyKindNameVi(p.body_kind) : BodyKindNameEn(p.body_kind)},
              {"assigned_by_superior", p.assigned_by_superior},
              {"first_year", p.first_year},
              {"last_year", p.last_year},
              {"resolution", p.resolution.code},
              {"resolution_date", DateJson(p.resolution.issued)},
              {"targets", targets}};
}

Json AuditView(const std::vector<store::AuditEntry>& entries) {
  Json out = Json::array();
  for (const store::AuditEntry& e : entries) {
    out.push_back({{"at", e.at},
                   {"actor", e.actor},
                   {"action", e.action},
                   {"old", Json::parse(e.old_value.empty() ? "null" : e.old_value, nullptr, false)},
                   {"new", Json::parse(e.new_value.empty() ? "null" : e.new_value, nullptr, false)}});
  }
  return out;
}

Json MeetingView(const Meeting& m) {
  return Json{{"id", m.id},
              {"held_on", m.held_on.ToIso()},
              {"host", m.host},
              {"unit", m.unit},
              {"chair", m.chair},
              {"attendees", m.attendees},
              {"documents", m.documents},
              {"conclusions", m.conclusions}};
}

Json DirectiveView(const Directive& d, Date today, bool vi) {
  DirectiveState state = d.StateOn(today);
  Json progress = Json::array();
  for (const DirectiveProgress& p : d.progress) {
    progress.push_back(
        {{"on", p.on.ToIso()},
         {"actor", p.actor},
         {"note", p.note},
         {"completes", p.completes},
         {"evidence_document", p.evidence_document ? Json(*p.evidence_document) : Json(nullptr)},
         {"evidence_result", p.evidence_result ? Json(*p.evidence_result) : Json(nullptr)}});
  }
  Json milestones = Json::array();
  for (const Milestone& m : d.milestones) {
    milestones.push_back({{"on", m.on.ToIso()}, {"what", m.what}, {"done_on", DateJson(m.done_on)}});
  }
  Json j{{"id", d.id},
         {"meeting", d.meeting == 0 ? Json(nullptr) : Json(d.meeting)},
         {"issuer", d.issuer},
         {"text", d.text},
         {"assignee",
          {{"kind", AssigneeKindKey(d.assignee.kind)},
           {"name", d.assignee.name},
           {"key", AssigneeKey(d.assignee.name)},
           {"unit", d.assignee.unit == kNoUnit ? Json(nullptr) : Json(d.assignee.unit)}}},
         {"cooperating", d.cooperating},
         {"deadline", DateJson(d.deadline)},
         {"milestones", milestones},
         {"standing", d.standing},
         {"next_deadline", DateJson(d.NextDeadline())},
         {"next_due", d.NextDue()},
         {"completed_on", DateJson(d.completed_on)},
         {"indicator", d.indicator.empty() ? Json(nullptr) : Json(d.indicator)},
         {"state", DirectiveStateKey(state)},
         {"state_label", vi ? DirectiveStateNameVi(state) : DirectiveStateNameEn(state)},
         {"progress", progress}};
  if (std::optional<Date> next = d.NextDeadline()) j["days_left"] = *next - today;
  return j;
}

namespace {

// The x/y line of an evaluation and its counts.
Json SummaryView(const EvaluationSummary& s, bool vi) {
  return {{"text", vi ? s.ToVietnamese() : s.ToEnglish()},
          {"part_year", s.part_year},
          {"with_target", s.with_target},
          {"exceeded", s.exceeded},
          {"met", s.met},
          {"in_progress", s.in_progress},
          {"not_met", s.not_met},
          {"no_data", s.no_data},
          {"no_target", s.no_target},
          {"estimated", s.estimated}};
}

}  // namespace

Json EvaluationView(const analytics::UnitEvaluation& e, const analytics::UnitTree& tree, bool vi,
                    bool include_unapproved) {
  Json rows = Json::array();
  for (const analytics::EvaluationRow& r : e.rows) {
    const IndicatorEvaluation& ev = r.evaluation;
    Json targets = Json::array();
    for (const TargetBySource& t : r.other_targets) {
      targets.push_back(
          {{"body_kind", BodyKindKey(t.plan->body_kind)},
           {"body_name", vi ? BodyKindNameVi(t.plan->body_kind) : BodyKindNameEn(t.plan->body_kind)},
           {"comparator", ComparatorSymbol(t.target->comparator)},
           {"value", t.target->value},
           {"adjusted", Optional(t.target->adjusted)},
           {"resolution", t.plan->resolution.code}});
    }
    Json target = nullptr;
    if (ev.target) {
      // A target written as a change from last year: its level here, its words beside it.
      const Target& written = ev.written_target ? *ev.written_target : *ev.target;
      target = {{"comparator", ComparatorSymbol(ev.target->comparator)},
                {"value", ev.target->value},
                {"value_high", Optional(ev.target->value_high)},
                {"body_kind", r.target_body},
                {"form", TargetFormKey(written.form)},
                {"form_text", vi ? written.FormVi() : written.FormEn()},
                {"written_value", written.value},
                // false while last year's result, which gives the level, is missing
                {"worked_out", ev.target->form == TargetForm::kLevel},
                {"first_set_value", Optional(ev.first_set_value)},
                {"adjusted_by", ev.adjusted_by}};
    }
    Json term = nullptr;
    if (r.term_path) {
      const TermPath& p = *r.term_path;
      term = {{"first_year", p.first_year},
              {"last_year", p.last_year},
              {"target_year", p.term_target.year},
              {"comparator", ComparatorSymbol(p.term_target.comparator)},
              {"target", p.term_target.value},
              {"baseline_year", p.baseline_year},
              {"baseline", p.baseline},
              {"level", p.level},
              {"on_path", p.on_path ? Json(*p.on_path) : Json(nullptr)},
              {"basis", vi ? p.basis_vi : p.basis_en}};
    }
    Json pace = nullptr;
    if (ev.pace) {
      pace = {{"key", PaceKey(ev.pace->pace)},
              {"label", vi ? PaceNameVi(ev.pace->pace) : PaceNameEn(ev.pace->pace)},
              {"expected_percent", ev.pace->expected_percent},
              {"basis", vi ? ev.pace->basis_vi : ev.pace->basis_en}};
    }
    rows.push_back({{"indicator", IndicatorView(r.indicator, vi)},
                    {"target", target},
                    {"targets", targets},
                    {"actual", Optional(ev.actual)},
                    {"previous", Optional(ev.previous)},
                    {"percent_of_plan", Optional(ev.percent_of_plan)},
                    {"percent_inverse", ev.percent_inverse},
                    {"percent_of_previous", Optional(ev.percent_of_previous)},
                    {"points_from_plan", Optional(ev.points_from_plan)},
                    {"points_from_previous", Optional(ev.points_from_previous)},
                    {"percent_of_first_set", Optional(ev.percent_of_first_set)},
                    {"points_from_first_set", Optional(ev.points_from_first_set)},
                    {"status", AttainmentKey(ev.status)},
                    {"status_label", vi ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status)},
                    {"year_verdict", ev.year_verdict},
                    {"pace", pace},
                    {"term_path", term},
                    {"estimated", ev.estimated},
                    {"note", vi ? ev.note_vi : ev.note_en},
                    {"result_id", r.result_id ? Json(*r.result_id) : Json(nullptr)},
                    {"result_status", r.result_status.empty() ? Json(nullptr) : Json(r.result_status)},
                    {"unapproved_value", Optional(r.unapproved_value)},
                    {"counts_unapproved", r.counts_unapproved},
                    {"months_reported", r.months_reported},
                    {"actual_series", SeriesView(r.actual_series, tree, e.unit, vi)},
                    {"previous_series", SeriesView(r.previous_series, tree, e.unit, vi)}});
  }
  Json plans = Json::array();
  for (const analytics::PlanSummary& p : e.by_plan) {
    plans.push_back(
        {{"body_kind", BodyKindKey(p.plan->body_kind)},
         {"body_name", vi ? BodyKindNameVi(p.plan->body_kind) : BodyKindNameEn(p.plan->body_kind)},
         {"assigned_by_superior", p.plan->assigned_by_superior},
         {"resolution", p.plan->resolution.code},
         {"first_year", p.plan->first_year},
         {"last_year", p.plan->last_year},
         {"chosen", !e.plan_choice.is_default() && e.plan_choice.Takes(*p.plan)},
         {"counted", p.plan == e.summary_plan},
         {"summary", SummaryView(p.summary, vi)}});
  }
  Date on = EndOfMonth(e.period.year(), e.period.last_month());
  std::string choice = e.plan_choice.Key();
  std::string choice_label;
  if (e.plan_choice.assigned) {
    choice_label = vi ? "chỉ tiêu cấp trên giao" : "targets assigned from above";
  } else if (e.plan_choice.body) {
    choice_label = vi ? std::string("kế hoạch của ") + BodyKindNameVi(*e.plan_choice.body)
                      : std::string("the plan of the ") + BodyKindNameEn(*e.plan_choice.body);
  } else {
    choice_label =
        vi ? "mỗi chỉ tiêu theo nghị quyết HĐND, nếu không có thì Đảng ủy, rồi UBND"
           : "per indicator the Council's resolution, else the Party committee's, else the Committee's";
    if (e.summary_plan != nullptr && e.by_plan.size() > 1) {
      choice_label += (vi ? "; số chỉ tiêu đạt tính theo " : "; the count of targets met on ") +
                      analytics::PlanLabel(*e.summary_plan, vi);
    }
  }
  return Json{{"unit", UnitView(tree, e.unit, on, vi)},
              {"period", {{"key", e.period.Key()}, {"label", vi ? e.period.LabelVi() : e.period.LabelEn()}}},
              {"include_unapproved", include_unapproved},
              {"plan", {{"key", choice.empty() ? "default" : choice}, {"label", choice_label}}},
              {"plans", plans},
              {"rows", rows},
              {"summary", SummaryView(e.summary, vi)},
              {"summary_plan",
               e.summary_plan == nullptr ? Json(nullptr) : Json(analytics::PlanLabel(*e.summary_plan, vi))}};
}

Json UserView(const store::User& u, const analytics::UnitTree& tree, Date on) {
  Json roles = Json::array();
  for (const store::RoleGrant& g : u.roles) {
    const AdminUnit* unit = g.unit == kNoUnit ? nullptr : tree.Get(g.unit);
    Json grant{{"role", RoleKey(g.role)},
               {"unit", g.unit == kNoUnit ? Json(nullptr) : Json(g.unit)},
               {"unit_code", nullptr},
               {"unit_name", nullptr},
               {"unit_province", nullptr}};
    if (unit != nullptr) {
      grant["unit_code"] = unit->code;
      grant["unit_name"] = unit->VersionOn(NearestDay(*unit, on)).full_name;
      grant["unit_province"] = ProvinceJson(tree, *unit, on);
    }
    roles.push_back(grant);
  }
  return Json{{"username", u.username},
              {"display_name", u.display_name},
              {"email", u.email},
              {"disabled", u.disabled},
              {"roles", roles}};
}

std::string FileStem(const std::string& prefix, const std::string& name, const Period& period) {
  std::string out = prefix;
  std::string text = FoldForSearch(name) + " " + period.Key();
  bool dash = true;
  for (char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      if (dash) out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

}  // namespace kiemdem::api
