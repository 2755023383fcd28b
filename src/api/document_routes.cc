// Reading a report: post its text (or a .docx, .pdf or .txt file), get the facts with their spans and
// suggested indicators, confirm the chosen ones as draft results that keep
// the span they came from.
#include "analytics/evaluation_service.h"
#include "api/router.h"
#include "api/upload.h"
#include "api/views.h"
#include "core/consistency.h"
#include "core/indicator_match.h"
#include "core/text.h"
#include "extract/extract.h"
#include "extract/observation_of.h"
#include "io/document_text.h"

namespace kiemdem::api {
namespace {

constexpr size_t kMaxDocumentBytes = 4u << 20;  // the text
constexpr size_t kMaxFileBytes = 5u << 20;      // a .docx or .pdf sent as base64

// What the report states of a figure against its plan ("đạt 97% kế
// hoạch") beside the target stored for the unit and the figure's year, as
// the evaluation would take it; null when the report states nothing of the
// plan, the figure has no period, or no target is stored.
Json PlanCheckView(const extract::MeasureFact& m, const Indicator& ind, const std::vector<Plan>& plans,
                   UnitId unit, bool vi) {
  if (m.target || m.period.empty() || unit == kNoUnit) return nullptr;
  Result<Period> period = Period::Parse(m.period);
  if (!period.ok()) return nullptr;
  for (const extract::Comparison& c : m.compare) {
    if (c.basis != "plan" || !c.percent || (c.relation != "of" && c.relation != "exceed")) continue;
    std::optional<TargetBySource> t = analytics::DefaultLevelTarget(plans, unit, ind.code, period->year());
    if (!t) return nullptr;
    double level = t->target->InForce().value;
    Result<PercentCheck> check =
        CheckStatedShareOfPlan(ind, m.value, level, *c.percent, c.relation == "exceed");
    if (!check.ok()) return nullptr;
    std::string body = vi ? BodyKindNameVi(t->plan->body_kind) : BodyKindNameEn(t->plan->body_kind);
    return {{"consistent", check->consistent},
            {"stated", check->stated},
            {"computed", check->computed},
            {"target", level},
            {"body_kind", BodyKindKey(t->plan->body_kind)},
            {"message", (vi ? "theo chỉ tiêu đã lưu của " : "against the stored target of the ") + body +
                            ": " + (vi ? check->message_vi : check->message_en)}};
  }
  return nullptr;
}

Json FactsView(const std::string& text, const extract::Facts& facts, const std::vector<Indicator>& indicators,
               const std::vector<Plan>& plans, UnitId unit, bool vi) {
  Json measures = Json::array();
  for (size_t i = 0; i < facts.measures.size(); ++i) {
    const extract::MeasureFact& m = facts.measures[i];
    Json suggestions = Json::array();
    for (const IndicatorMatch& match :
         MatchMeasure(m.subject, m.unit, m.total && !m.total_is_plan, indicators)) {
      for (const Indicator& ind : indicators) {
        if (ind.code == match.code) {
          suggestions.push_back({{"indicator", ind.code},
                                 {"name", vi ? ind.name_vi : ind.name_en},
                                 {"score", match.score},
                                 {"plan_check", PlanCheckView(m, ind, plans, unit, vi)}});
        }
      }
    }
    Json compare = Json::array();
    for (const extract::Comparison& c : m.compare) {
      compare.push_back({{"relation", c.relation},
                         {"percent", c.percent ? Json(*c.percent) : Json(nullptr)},
                         {"basis", c.basis}});
    }
    Json check = nullptr;
    if (m.check)
      check = {{"consistent", m.check->consistent},
               {"computed", m.check->computed},
               {"stated", m.check->stated},
               {"message", vi ? m.check->message_vi : m.check->message_en},
               {"stated_by", m.stated_by ? Json(*m.stated_by) : Json(nullptr)}};
    measures.push_back({{"index", i},
                        {"span", {m.span.begin, m.span.end}},
                        {"text", text.substr(m.span.begin, m.span.end - m.span.begin)},
                        {"subject", m.subject},
                        {"value", m.value},
                        {"unit", m.unit},
                        {"total", m.total ? Json(*m.total) : Json(nullptr)},
                        {"total_is_plan", m.total_is_plan},
                        {"qualifier", QualifierKey(m.qualifier)},
                        {"estimated", m.estimated},
                        {"stance", m.target ? "target" : "actual"},
                        {"period", m.period.empty() ? Json(nullptr) : Json(m.period)},
                        {"compare", compare},
                        {"check", check},
                        {"suggestions", suggestions}});
  }
  Json directives = Json::array();
  for (const extract::DirectiveFact& d : facts.directives) {
    directives.push_back({{"span", {d.span.begin, d.span.end}},
                          {"text", d.text},
                          {"assignee", d.assignee},
                          {"deadline", d.deadline.empty() ? Json(nullptr) : Json(d.deadline)}});
  }
  Json docrefs = Json::array();
  for (const extract::DocRefFact& d : facts.docrefs) {
    docrefs.push_back(
        {{"span", {d.span.begin, d.span.end}}, {"doc_type", d.doc_type}, {"code", d.code}, {"date", d.date}});
  }
  Json persons = Json::array();
  for (const extract::PersonFact& p : facts.persons) {
    persons.push_back({{"span", {p.span.begin, p.span.end}}, {"name", p.name}, {"titles", p.titles}});
  }
  Json meeting = nullptr;
  if (facts.meeting) {
    meeting = {{"span", {facts.meeting->span.begin, facts.meeting->span.end}},
               {"date", facts.meeting->date},
               {"host", facts.meeting->host},
               {"unit", facts.meeting->unit},
               {"chair", facts.meeting->chair}};
  }
  return Json{{"measures", measures},
              {"directives", directives},
              {"docrefs", docrefs},
              {"persons", persons},
              {"meeting", meeting}};
}

// The extractor's options for a stored document: its date is the text's
// reference date (the year of "trước ngày 28-10"); without one, a `date:`
// header in the text, else today.
extract::ExtractOptions OptionsFor(const Call& call, const store::StoredDocument& doc) {
  extract::ExtractOptions options;
  if (doc.issued) {
    options.reference_date = {doc.issued->year(), doc.issued->month(), doc.issued->day()};
  } else {
    Date today = Today(call);
    options.fallback_date = {today.year(), today.month(), today.day()};
  }
  return options;
}

// What the facts of a stored document depend on besides its (unchanging)
// text: its id and the reference date the extractor is given.
std::string FactsKey(const Call& call, const store::StoredDocument& doc) {
  extract::ExtractOptions options = OptionsFor(call, doc);
  const extract::ReferenceDate& on = doc.issued ? options.reference_date : options.fallback_date;
  return std::to_string(doc.id) + (doc.issued ? "@" : "~") + std::to_string(on.year) + "-" +
         std::to_string(on.month) + "-" + std::to_string(on.day);
}

// The facts of a stored document: read once per reference date, then kept.
Result<std::shared_ptr<const extract::Facts>> FactsOf(Call& call, const store::StoredDocument& doc) {
  std::string key = FactsKey(call, doc);
  if (std::shared_ptr<const extract::Facts> kept = call.app->facts().Find(key)) return kept;
  ASSIGN_OR_RETURN(extract::Facts facts, extract::Extract(doc.text, OptionsFor(call, doc)));
  auto shared = std::make_shared<const extract::Facts>(std::move(facts));
  call.app->facts().Keep(key, shared, doc.text.size());
  return shared;
}

Result<Json> DocumentWithFacts(Call& call, store::Store& store, const store::StoredDocument& doc) {
  ASSIGN_OR_RETURN(std::shared_ptr<const extract::Facts> read, FactsOf(call, doc));
  const extract::Facts& facts = *read;
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  std::vector<Plan> plans;
  if (doc.unit != kNoUnit) {
    ASSIGN_OR_RETURN(plans, store.ListPlans(doc.unit));
  }
  return Json{{"document",
               {{"id", doc.id},
                {"doc_type", doc.doc_type},
                {"code", doc.code},
                {"title", doc.title},
                {"issued", doc.issued ? Json(doc.issued->ToIso()) : Json(nullptr)},
                {"unit", doc.unit},
                {"text", doc.text}}},
              {"facts", FactsView(doc.text, facts, indicators, plans, doc.unit, call.vi())}};
}

Status PostDocument(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  store::StoredDocument doc;
  ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(*body, "unit"));
  doc.unit = *unit;
  // The report as text, or as a file (.docx, .pdf or .txt, by its bytes) whose text is read here.
  ASSIGN_OR_RETURN(std::string file_name, StringField(*body, "file_name", false));
  if (body->contains("content_base64")) {
    // Reading a PDF or a .docx takes memory: a few at a time, as imports.
    ASSIGN_OR_RETURN(Upload upload, ReadUpload(call, *body));
    io::DocumentLimits limits;
    limits.max_file_bytes = kMaxFileBytes;
    limits.max_text_bytes = kMaxDocumentBytes;
    Result<std::string> text = io::DocumentText(upload.bytes, file_name, limits);
    if (!text.ok()) {
      Status refused = text.status();
      return refused.WithField("content_base64");
    }
    doc.text = std::move(text).value();
    if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
      return InvalidArgument(file_name + " has no text", "tệp " + file_name + " không có chữ nào")
          .WithField("content_base64");
    }
  } else {
    ASSIGN_OR_RETURN(doc.text, StringField(*body, "text"));
  }
  if (doc.text.empty())
    return InvalidArgument("the report's text is empty", "nội dung báo cáo trống").WithField("text");
  if (doc.text.size() > kMaxDocumentBytes) {
    return ResourceExhausted("a report is at most 4 MiB of text", "báo cáo tối đa 4 MiB văn bản")
        .WithField("text");
  }
  RETURN_IF_ERROR(ValidateUtf8(doc.text));
  ASSIGN_OR_RETURN(doc.doc_type, StringField(*body, "doc_type", false));
  if (doc.doc_type.empty()) doc.doc_type = "Báo cáo";
  ASSIGN_OR_RETURN(doc.title, StringField(*body, "title", false));
  if (doc.title.empty()) doc.title = file_name;
  ASSIGN_OR_RETURN(doc.code, StringField(*body, "code", false));
  // The document's date, also the reference date of its text (dd/mm/yyyy or ISO).
  ASSIGN_OR_RETURN(doc.issued, DateField(*body, "issued"));
  // Read before storing: a text the extractor refuses is not kept.
  ASSIGN_OR_RETURN(extract::Facts facts, extract::Extract(doc.text, OptionsFor(call, doc)));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(doc.id, store->SaveDocument(call.actor(), doc));
  call.app->facts().Keep(FactsKey(call, doc), std::make_shared<const extract::Facts>(std::move(facts)),
                         doc.text.size());
  ASSIGN_OR_RETURN(Json j, DocumentWithFacts(call, *store, doc));
  call.Reply(j, 201);
  return Status::Ok();
}

Status GetDocument(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(store::StoredDocument doc, store->GetDocument(id));
  ASSIGN_OR_RETURN(Json j, DocumentWithFacts(call, *store, doc));
  call.Reply(j);
  return Status::Ok();
}

Status Confirm(Call& call) {
  ASSIGN_OR_RETURN(int64_t id, call.CaptureId(1));
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  auto chosen = body->find("facts");
  if (chosen == body->end() || !chosen->is_array() || chosen->empty()) {
    return InvalidArgument("'facts' must list the measures to keep",
                           "'facts' phải liệt kê các số liệu cần lưu")
        .WithField("facts");
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(store::StoredDocument doc, store->GetDocument(id));
  ASSIGN_OR_RETURN(std::shared_ptr<const extract::Facts> read, FactsOf(call, doc));
  const extract::Facts& facts = *read;
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store->ListIndicators());
  std::vector<Observation> rows;
  for (const Json& f : *chosen) {
    if (!f.is_object())
      return InvalidArgument("each fact is an object", "mỗi số liệu là một đối tượng").WithField("facts");
    ASSIGN_OR_RETURN(std::optional<double> index, NumberField(f, "measure"));
    if (*index < 0 || *index >= static_cast<double>(facts.measures.size())) {
      return NotFound("the report has no measure " + std::to_string(static_cast<int64_t>(*index)),
                      "báo cáo không có số liệu số " + std::to_string(static_cast<int64_t>(*index)))
          .WithField("measure");
    }
    const extract::MeasureFact& m = facts.measures[static_cast<size_t>(*index)];
    extract::MeasureChoice choice;
    ASSIGN_OR_RETURN(choice.indicator, StringField(f, "indicator"));
    ASSIGN_OR_RETURN(choice.period, StringField(f, "period", false));
    ASSIGN_OR_RETURN(choice.value, NumberField(f, "value", false));
    Result<Observation> read =
        extract::ObservationOf(m, choice, doc.text, indicators, "document:" + std::to_string(id));
    if (!read.ok()) {
      const Status& s = read.status();
      std::string n = std::to_string(static_cast<int64_t>(*index));
      return Status(s.code(), "measure " + n + ": " + s.message(), "số liệu " + n + ": " + s.message_vi())
          .WithField(s.field());
    }
    Observation o = std::move(read).value();
    o.unit = doc.unit;
    RETURN_IF_ERROR(call.app->tree()->CheckCoversPeriod(o.unit, o.period));
    rows.push_back(o);
  }
  RETURN_IF_ERROR(store->SaveResults(call.actor(), rows, "document:" + std::to_string(id)));
  Json saved = Json::array();
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> results, store->ListResults(doc.unit));
  for (const store::ResultRecord& r : results) {
    if (r.observation.provenance.source == "document:" + std::to_string(id)) saved.push_back(ResultView(r));
  }
  call.Reply({{"results", saved}}, 201);
  return Status::Ok();
}

}  // namespace

void AddDocumentRoutes(Router& r) {
  r.Add({"POST",
         "/documents",
         {Scope::kUnitBody, Action::kEnter},
         PostDocument,
         false,
         kMaxFileBytes / 3 * 4 + (64u << 10)});  // the file in base64, or the text with its JSON escapes
  r.Add({"GET", R"(/documents/(\d+))", {Scope::kDocumentPath, Action::kRead}, GetDocument});
  r.Add({"POST", R"(/documents/(\d+)/confirm)", {Scope::kDocumentPath, Action::kEnter}, Confirm});
}

}  // namespace kiemdem::api
