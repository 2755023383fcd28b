#include "extract/extract.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/date.h"
#include "core/text.h"
#include "extract/internal/doc.h"
#include "extract/internal/header.h"

namespace kiemdem::extract {
namespace {

void Str(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t run = 0;  // start of the run of bytes that need no escaping
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      default: {
        char b[8];
        std::snprintf(b, sizeof b, "\\u%04x", c);
        *out += b;
      }
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void StrOrNull(std::string* out, std::string_view s) {
  if (s.empty()) {
    *out += "null";
  } else {
    Str(out, s);
  }
}

void Num(std::string* out, double v) {
  char b[32];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(b, sizeof b, "%.0f", v);
  } else {
    std::snprintf(b, sizeof b, "%.10g", v);
  }
  *out += b;
}

void Head(std::string* out, const char* kind, Span s) {
  *out += "{\"kind\": \"";
  *out += kind;
  *out += "\", \"span\": [" + std::to_string(s.begin) + ", " + std::to_string(s.end) + "]";
}

std::string MeasureJson(const MeasureFact& m) {
  std::string o;
  Head(&o, "measure", m.span);
  o += ", \"subject\": ";
  Str(&o, m.subject);
  o += ", \"value\": ";
  Num(&o, m.value);
  o += ", \"unit\": ";
  Str(&o, m.unit);
  if (m.value_max) {
    o += ", \"value_max\": ";
    Num(&o, *m.value_max);
  }
  if (m.total) {
    o += ", \"total\": ";
    Num(&o, *m.total);
  }
  o += ", \"qualifier\": \"";
  o += QualifierKey(m.qualifier);
  o += "\", \"estimated\": ";
  o += m.estimated ? "true" : "false";
  o += ", \"stance\": \"";
  o += m.target ? "target" : "actual";
  o += "\", \"period\": ";
  StrOrNull(&o, m.period);
  o += ", \"compare\": [";
  for (size_t i = 0; i < m.compare.size(); ++i) {
    const Comparison& c = m.compare[i];
    if (i > 0) o += ", ";
    o += "{\"relation\": ";
    Str(&o, c.relation);
    if (c.percent) {
      o += ", \"percent\": ";
      Num(&o, *c.percent);
    }
    if (c.delta) {
      o += ", \"delta\": ";
      Num(&o, *c.delta);
    }
    if (c.times) {
      o += ", \"times\": ";
      Num(&o, *c.times);
    }
    o += ", \"basis\": ";
    Str(&o, c.basis);
    o += "}";
  }
  o += "]";
  if (m.check) {
    o += ", \"check\": {\"consistent\": ";
    o += m.check->consistent ? "true" : "false";
    o += ", \"computed_percent\": ";
    Num(&o, std::round(m.check->computed * 1e4) / 1e4);
    o += ", \"message\": ";
    Str(&o, m.check->message_en);
    o += ", \"message_vi\": ";
    Str(&o, m.check->message_vi);
    o += "}";
  }
  return o + "}";
}

}  // namespace

Result<ReferenceDate> ParseReferenceDate(std::string_view text) {
  auto bad = [&](const std::string& why_en, const std::string& why_vi) {
    return InvalidArgument(
               "the date \"" + std::string(text) + "\" is not YYYY, YYYY-MM or YYYY-MM-DD: " + why_en,
               "ngày \"" + std::string(text) + "\" không có dạng YYYY, YYYY-MM hoặc YYYY-MM-DD: " + why_vi)
        .WithField("date");
  };
  auto number = [](std::string_view s, size_t digits, int* out) {
    if (s.size() != digits) return false;
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    std::from_chars(s.data(), s.data() + s.size(), *out);
    return true;
  };
  ReferenceDate d;
  std::string_view rest = text;
  size_t dash = rest.find('-');
  if (!number(rest.substr(0, dash), 4, &d.year))
    return bad("the year needs four digits", "năm cần bốn chữ số");
  if (d.year < 1900 || d.year > 2200) return bad("the year is out of range", "năm ngoài khoảng cho phép");
  if (dash == std::string_view::npos) return d;
  rest = rest.substr(dash + 1);
  dash = rest.find('-');
  if (!number(rest.substr(0, dash), 2, &d.month) || d.month < 1 || d.month > 12) {
    return bad("the month is not 01-12", "tháng không nằm trong 01-12");
  }
  if (dash == std::string_view::npos) return d;
  if (!number(rest.substr(dash + 1), 2, &d.day) || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    return bad("there is no such day in that month", "tháng đó không có ngày này");
  }
  return d;
}

Result<Facts> Extract(std::string_view text, const ExtractOptions& options) {
  if (text.size() > options.max_input_bytes) {
    return Status(StatusCode::kResourceExhausted,
                  "the document has " + std::to_string(text.size()) + " bytes, more than the limit of " +
                      std::to_string(options.max_input_bytes),
                  "văn bản dài " + std::to_string(text.size()) + " byte, vượt giới hạn " +
                      std::to_string(options.max_input_bytes) + " byte");
  }
  // simdjson's SIMD check first; the core's names the offset of an error.
  if (!simdjson::validate_utf8(text.data(), text.size())) RETURN_IF_ERROR(ValidateUtf8(text));
  Facts facts;
  internal::NormalizedText norm = internal::NormalizeNfc(text);
  internal::Header header = internal::ReadHeader(norm.text);
  ReferenceDate ref = options.reference_date.known() ? options.reference_date
                      : header.date.known()          ? header.date
                                                     : options.fallback_date;
  internal::Doc doc = internal::BuildDoc(norm, header.body_begin, ref);
  internal::MarkDatesAndTimes(doc);
  internal::FindDocRefs(doc, &facts);
  internal::FindPersons(doc, &facts);
  internal::FindMeeting(doc, &facts);
  internal::FindMeasures(doc, &facts);
  internal::FindDirectives(doc, &facts);
  return facts;
}

std::string FactsToJson(const Facts& facts, bool one_line) {
  std::vector<std::pair<uint32_t, std::string>> items;
  for (const MeasureFact& m : facts.measures) items.emplace_back(m.span.begin, MeasureJson(m));
  for (const DocRefFact& d : facts.docrefs) {
    std::string o;
    Head(&o, "docref", d.span);
    o += ", \"doc_type\": ";
    Str(&o, d.doc_type);
    o += ", \"number\": ";
    Str(&o, d.number);
    o += ", \"code\": ";
    StrOrNull(&o, d.code);
    o += ", \"date\": ";
    StrOrNull(&o, d.date);
    o += ", \"issuer\": ";
    StrOrNull(&o, d.issuer);
    items.emplace_back(d.span.begin, o + "}");
  }
  for (const PersonFact& p : facts.persons) {
    std::string o;
    Head(&o, "person", p.span);
    o += ", \"name\": ";
    Str(&o, p.name);
    o += ", \"titles\": [";
    for (size_t i = 0; i < p.titles.size(); ++i) {
      if (i > 0) o += ", ";
      Str(&o, p.titles[i]);
    }
    items.emplace_back(p.span.begin, o + "]}");
  }
  for (const DirectiveFact& d : facts.directives) {
    std::string o;
    Head(&o, "directive", d.span);
    o += ", \"text\": ";
    Str(&o, d.text);
    o += ", \"assignee\": ";
    StrOrNull(&o, d.assignee);
    o += ", \"deadline\": ";
    StrOrNull(&o, d.deadline);
    items.emplace_back(d.span.begin, o + "}");
  }
  if (facts.meeting) {
    const MeetingFact& m = *facts.meeting;
    std::string o;
    Head(&o, "meeting", m.span);
    o += ", \"date\": ";
    StrOrNull(&o, m.date);
    o += ", \"host\": ";
    StrOrNull(&o, m.host);
    o += ", \"unit\": ";
    StrOrNull(&o, m.unit);
    o += ", \"chair\": ";
    StrOrNull(&o, m.chair);
    items.emplace_back(m.span.begin, o + "}");
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string out = "{\"facts\": [";
  for (size_t i = 0; i < items.size(); ++i) {
    out += one_line ? (i == 0 ? "" : ", ") : (i == 0 ? "\n  " : ",\n  ");
    out += items[i].second;
  }
  out += items.empty() || one_line ? "]}" : "\n]}";
  return out;
}

}  // namespace kiemdem::extract
