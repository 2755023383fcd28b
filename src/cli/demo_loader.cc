#include "cli/demo_loader.h"

#include <simdjson.h>

#include <cmath>
#include <map>
#include <tuple>

#include "cli/workspace.h"
#include "core/csv.h"
#include "core/indicator_match.h"
#include "extract/extract.h"

namespace kiemdem::cli {
namespace {

// The stored id of a registry unit (codes are reused across 2025: find it by date).
class UnitMapper {
 public:
  UnitMapper(store::Store& s, const AdminRegistry& reg) : s_(s), reg_(reg) {}
  Result<UnitId> operator()(UnitId id) {
    auto it = stored_.find(id);
    if (it != stored_.end()) return it->second;
    const AdminUnit* u = reg_.Get(id);
    Date on = u->valid_from ? *u->valid_from
              : u->valid_to ? u->valid_to->AddDays(-1)
                            : *Date::FromYmd(2026, 1, 1);
    ASSIGN_OR_RETURN(UnitId stored, s_.FindUnit(u->code, on));
    stored_[id] = stored;
    return stored;
  }

 private:
  store::Store& s_;
  const AdminRegistry& reg_;
  std::map<UnitId, UnitId> stored_;
};

std::string FirstLine(const std::string& text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  size_t end = text.find_first_of("\r\n", begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// "Lê Anh Xuân – Tỉnh uỷ viên, Chủ tịch UBND thành phố"
std::string WithTitles(const extract::PersonFact& p) {
  std::string out = p.name;
  for (size_t i = 0; i < p.titles.size(); ++i) out += (i == 0 ? " – " : ", ") + p.titles[i];
  return out;
}

bool Contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

// Whether an assignee named in a directive is the reviewed unit itself (its
// Party committee, People's Committee, the ward) rather than a department or
// office above it, or businesses on its territory.
bool NamesReviewedUnit(const std::string& assignee) {
  for (std::string_view outside :
       {"phòng", "Chi cục", "Quận", "thành phố", "doanh nghiệp", "Ban thường vụ"}) {
    if (Contains(assignee, outside)) return false;
  }
  return true;
}

std::string StringOr(simdjson::dom::element e, std::string_view key) {
  std::string_view v;
  if (e[key].get_string().get(v) != simdjson::SUCCESS) return "";
  return std::string(v);
}

extract::Span SpanOf(simdjson::dom::element e) {
  extract::Span span;
  simdjson::dom::array a;
  if (e["span"].get_array().get(a) == simdjson::SUCCESS && a.size() == 2) {
    span.begin = static_cast<uint32_t>(int64_t(a.at(0)));
    span.end = static_cast<uint32_t>(int64_t(a.at(1)));
  }
  return span;
}

// The session, persons and directives of an article as a person confirmed
// them (seed-N.confirmed.json, in the extraction contract's JSON): where the
// extractor's reading was wrong, the confirmed one is what gets stored.
Result<extract::Facts> ReadConfirmedFacts(const std::string& path) {
  ASSIGN_OR_RETURN(std::string json, ReadFile(path));
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array facts;
  if (parser.parse(json).get(root) != simdjson::SUCCESS ||
      root["facts"].get_array().get(facts) != simdjson::SUCCESS) {
    return InvalidArgument(path + " is not a facts JSON file", path + " không phải tệp JSON các dữ kiện");
  }
  extract::Facts out;
  for (simdjson::dom::element f : facts) {
    std::string kind = StringOr(f, "kind");
    if (kind == "meeting") {
      out.meeting = extract::MeetingFact{SpanOf(f), StringOr(f, "date"), StringOr(f, "host"),
                                         StringOr(f, "unit"), StringOr(f, "chair")};
    } else if (kind == "person") {
      extract::PersonFact p{SpanOf(f), StringOr(f, "name"), {}};
      simdjson::dom::array titles;
      if (f["titles"].get_array().get(titles) == simdjson::SUCCESS) {
        for (simdjson::dom::element t : titles) p.titles.emplace_back(std::string_view(t));
      }
      out.persons.push_back(std::move(p));
    } else if (kind == "directive") {
      out.directives.push_back(
          {SpanOf(f), StringOr(f, "text"), StringOr(f, "assignee"), StringOr(f, "deadline")});
    }
  }
  return out;
}

// How many of the confirmed directives the extractor had found (overlapping spans).
size_t FoundByExtractor(const extract::Facts& confirmed, const extract::Facts& read) {
  size_t n = 0;
  for (const extract::DirectiveFact& c : confirmed.directives) {
    for (const extract::DirectiveFact& r : read.directives) {
      if (r.span.begin < c.span.end && c.span.begin < r.span.end) {
        ++n;
        break;
      }
    }
  }
  return n;
}

struct Article {
  int64_t document = 0;
  extract::Facts facts;
};

// The extracted measure a curated figure was read from: the same value (or
// the same numerator), preferring the same period and a subject that matches
// the indicator. Nullptr when the extractor found no such measure.
const extract::MeasureFact* SourceMeasure(const Observation& o, const extract::Facts& facts,
                                          const std::vector<Indicator>& indicators) {
  auto close = [](double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); };
  const extract::MeasureFact* best = nullptr;
  int best_score = -1;
  for (const extract::MeasureFact& m : facts.measures) {
    bool same = close(m.value, o.value) || (o.numerator && close(m.value, *o.numerator));
    if (!same || m.target) continue;
    int score = 0;
    if (m.period == o.period.SpecKey()) score += 2;
    for (const IndicatorMatch& match : MatchIndicators(m.subject, m.unit, indicators)) {
      if (match.code == o.indicator) score += 1;
    }
    if (score > best_score) {
      best = &m;
      best_score = score;
    }
  }
  return best;
}

// The articles as documents; their sessions and directives as the extractor reads them.
Result<std::map<std::string, Article>> LoadArticles(const std::string& data_dir, const Workspace& ws,
                                                    UnitMapper& map_unit, store::Store& s, DemoSummary& sum) {
  std::map<std::string, Article> articles;
  ASSIGN_OR_RETURN(std::string manifest_text, ReadFile(data_dir + "/demo/articles.csv"));
  ASSIGN_OR_RETURN(CsvTable manifest, ParseCsv(manifest_text));
  RETURN_IF_ERROR(RequireColumns(
      manifest, {"file", "unit_code", "doc_type", "issued", "issuer", "session_date"}, "articles.csv"));
  for (const CsvRow& row : manifest.rows) {
    std::string file = Field(manifest, row, "file");
    ASSIGN_OR_RETURN(std::string text, ReadFile(data_dir + "/demo/articles/" + file));
    ASSIGN_OR_RETURN(extract::Facts facts, extract::Extract(text));
    std::string key = file.substr(0, file.find('.'));
    ASSIGN_OR_RETURN(extract::Facts confirmed,
                     ReadConfirmedFacts(data_dir + "/demo/articles/" + key + ".confirmed.json"));
    sum.directives_found_by_extractor += FoundByExtractor(confirmed, facts);
    ASSIGN_OR_RETURN(UnitId registry_unit,
                     ws.units.FindByCode(Field(manifest, row, "unit_code"), DemoCodeDate()));
    ASSIGN_OR_RETURN(UnitId unit, map_unit(registry_unit));
    std::string unit_name = ws.units.Get(registry_unit)->Current().full_name;

    store::StoredDocument doc;
    doc.doc_type = Field(manifest, row, "doc_type");
    if (!Field(manifest, row, "issued").empty()) {
      ASSIGN_OR_RETURN(doc.issued, Date::ParseIso(Field(manifest, row, "issued")));
    }
    doc.issuer = Field(manifest, row, "issuer");
    doc.title = FirstLine(text);
    doc.text = text;
    doc.unit = unit;
    ASSIGN_OR_RETURN(int64_t doc_id, s.SaveDocument("demo", doc));
    ++sum.documents;

    if (confirmed.meeting) {
      const extract::MeetingFact& mf = *confirmed.meeting;
      std::string date = mf.date.empty() ? Field(manifest, row, "session_date") : mf.date;
      Meeting m;
      ASSIGN_OR_RETURN(m.held_on, Date::ParseIso(date));
      m.host = mf.host;
      m.unit = unit;
      m.chair = mf.chair;
      for (const extract::PersonFact& p : confirmed.persons) {
        if (p.name == mf.chair)
          m.chair = WithTitles(p);
        else
          m.attendees.push_back(WithTitles(p));
      }
      m.documents = {doc_id};
      for (const extract::DirectiveFact& d : confirmed.directives)
        m.conclusions += (m.conclusions.empty() ? "" : "\n") + d.text;
      ASSIGN_OR_RETURN(m.id, s.SaveMeeting("demo", m));
      ++sum.meetings;
      for (const extract::DirectiveFact& d : confirmed.directives) {
        Directive dir;
        dir.meeting = m.id;
        dir.issuer = mf.host;
        dir.text = d.text;
        dir.assignee.kind = d.assignee.empty() ? AssigneeKind::kUnit : AssigneeKind::kBody;
        dir.assignee.name = d.assignee.empty() ? unit_name : d.assignee;
        if (NamesReviewedUnit(dir.assignee.name)) dir.assignee.unit = unit;
        if (!d.deadline.empty()) {
          ASSIGN_OR_RETURN(dir.deadline, Date::ParseIso(d.deadline));
        }
        std::vector<IndicatorMatch> match = MatchIndicators(d.text, "", ws.indicators, 1);
        if (!match.empty() && match[0].score >= 0.99) dir.indicator = match[0].code;
        RETURN_IF_ERROR(s.SaveDirective("demo", dir).status());
        ++sum.directives;
      }
    }
    articles[key] = Article{doc_id, std::move(facts)};
  }
  return articles;
}

Status LoadPlans(const Workspace& ws, UnitMapper& map_unit, store::Store& s) {
  // The demo plans list one target per row: merge those of one plan.
  std::map<std::tuple<UnitId, BodyKind, int, int>, Plan> merged;
  for (Plan p : ws.plans) {
    ASSIGN_OR_RETURN(p.unit, map_unit(p.unit));
    p.body = 0;
    Plan& m = merged[{p.unit, p.body_kind, p.first_year, p.last_year}];
    if (m.targets.empty())
      m = p;
    else
      for (const Target& t : p.targets) m.targets.push_back(t);
  }
  std::vector<Plan> list;
  list.reserve(merged.size());
  for (auto& [k, p] : merged) list.push_back(p);
  return s.SavePlans("demo", list);
}

}  // namespace

Result<DemoSummary> LoadDemo(const std::string& data_dir, store::Store& s) {
  DemoSummary sum;
  ASSIGN_OR_RETURN(std::vector<Indicator> have, s.ListIndicators());
  if (!have.empty()) return sum;  // not empty: leave it as it is
  Workspace ws;
  RETURN_IF_ERROR(LoadReferenceData(data_dir, &ws));
  RETURN_IF_ERROR(LoadDemoData(data_dir, &ws, DemoHistory::kWith));
  RETURN_IF_ERROR(s.SaveUnits("demo", ws.units));
  RETURN_IF_ERROR(s.PutIndicators("demo", ws.indicators));
  UnitMapper map_unit(s, ws.units);
  RETURN_IF_ERROR(LoadPlans(ws, map_unit, s));
  ASSIGN_OR_RETURN(auto articles, LoadArticles(data_dir, ws, map_unit, s, sum));

  std::vector<Observation> results = ws.results;
  for (Observation& o : results) {
    ASSIGN_OR_RETURN(o.unit, map_unit(o.unit));
    // "seed-1: ..." names the article a figure was reported in.
    size_t colon = o.provenance.source.find(':');
    auto article =
        colon == std::string::npos ? articles.end() : articles.find(o.provenance.source.substr(0, colon));
    if (article == articles.end()) continue;
    if (const extract::MeasureFact* m = SourceMeasure(o, article->second.facts, ws.indicators)) {
      o.provenance.kind = ProvenanceKind::kDocument;
      o.provenance.source = "document:" + std::to_string(article->second.document);
      o.provenance.span_begin = m->span.begin;
      o.provenance.span_end = m->span.end;
      ++sum.results_from_documents;
    }
  }
  RETURN_IF_ERROR(s.SaveResults("demo", results, "demo"));
  // The articles' figures were published by the bodies they name: they are
  // approved (entered and approved by two actors), and evaluations count them.
  // The generated history stays draft: shown as such, counted only on request.
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> stored, s.results().ListResults());
  for (const store::ResultRecord& r : stored) {
    if (r.observation.provenance.source.rfind("generated:", 0) == 0) continue;
    RETURN_IF_ERROR(s.results().SubmitResult("demo", r.id));
    RETURN_IF_ERROR(s.results().ApproveResult("demo-review", r.id, r.version));
  }
  sum.results = results.size();
  return sum;
}

}  // namespace kiemdem::cli
