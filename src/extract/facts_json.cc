// The SPEC's JSON of the facts, written straight into one string (numbers
// by std::to_chars, no string per fact): it is on the path of every JSONL line.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "extract/extract.h"

namespace kiemdem::extract {
namespace {

// The index of the first byte at or after i that JSON must escape (a control
// character, '"' or '\\'), or s.size(); eight bytes at a time where none is.
size_t NextToEscape(std::string_view s, size_t i) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x = 0;
    std::memcpy(&x, s.data() + i, 8);
    uint64_t quote = x ^ (kOnes * '"');
    uint64_t backslash = x ^ (kOnes * '\\');
    // A high bit where a byte is below 0x20, or equal to '"' or '\\' (exact as to whether any is).
    uint64_t hit =
        ((x - kOnes * 0x20) & ~x) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash);
    if ((hit & kHigh) != 0) break;
  }
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return s.size();
}

void Str(std::string* out, std::string_view s) {
  out->push_back('"');
  size_t run = 0;  // start of the run of bytes that need no escaping
  for (size_t i = NextToEscape(s, 0); i < s.size(); i = NextToEscape(s, i + 1)) {
    auto c = static_cast<unsigned char>(s[i]);
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

// As printf's "%.0f" for whole numbers below 1e15, else "%.10g" (std::to_chars
// with a precision is specified to print as printf does).
void Num(std::string* out, double v) {
  char b[32];
  std::to_chars_result r = std::fabs(v) < 1e15 && v == std::floor(v)
                               ? std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 0)
                               : std::to_chars(b, b + sizeof b, v, std::chars_format::general, 10);
  out->append(b, r.ptr);
}

void Int(std::string* out, uint32_t v) {
  char b[16];
  out->append(b, std::to_chars(b, b + sizeof b, v).ptr);
}

void Head(std::string* out, std::string_view kind, Span s) {
  *out += "{\"kind\": \"";
  *out += kind;
  *out += "\", \"span\": [";
  Int(out, s.begin);
  *out += ", ";
  Int(out, s.end);
  *out += "]";
}

void Measure(std::string* o, const MeasureFact& m) {
  Head(o, "measure", m.span);
  *o += ", \"subject\": ";
  Str(o, m.subject);
  *o += ", \"value\": ";
  Num(o, m.value);
  *o += ", \"unit\": ";
  Str(o, m.unit);
  if (m.value_max) {
    *o += ", \"value_max\": ";
    Num(o, *m.value_max);
  }
  if (m.total) {
    *o += ", \"total\": ";
    Num(o, *m.total);
  }
  *o += ", \"qualifier\": \"";
  *o += QualifierKey(m.qualifier);
  *o += "\", \"estimated\": ";
  *o += m.estimated ? "true" : "false";
  *o += ", \"stance\": \"";
  *o += m.target ? "target" : "actual";
  *o += "\", \"period\": ";
  StrOrNull(o, m.period);
  *o += ", \"compare\": [";
  for (size_t i = 0; i < m.compare.size(); ++i) {
    const Comparison& c = m.compare[i];
    if (i > 0) *o += ", ";
    *o += "{\"relation\": ";
    Str(o, c.relation);
    if (c.percent) {
      *o += ", \"percent\": ";
      Num(o, *c.percent);
    }
    if (c.delta) {
      *o += ", \"delta\": ";
      Num(o, *c.delta);
    }
    if (c.times) {
      *o += ", \"times\": ";
      Num(o, *c.times);
    }
    *o += ", \"basis\": ";
    Str(o, c.basis);
    *o += "}";
  }
  *o += "]";
  if (m.check) {
    *o += ", \"check\": {\"consistent\": ";
    *o += m.check->consistent ? "true" : "false";
    *o += ", \"computed_percent\": ";
    Num(o, std::round(m.check->computed * 1e4) / 1e4);
    *o += ", \"message\": ";
    Str(o, m.check->message_en);
    *o += ", \"message_vi\": ";
    Str(o, m.check->message_vi);
    if (m.stated_by) {
      *o += ", \"stated_by\": ";
      *o += std::to_string(*m.stated_by);
    }
    *o += "}";
  }
  if (m.total_is_plan) *o += ", \"total_is_plan\": true";
  *o += "}";
}

void DocRef(std::string* o, const DocRefFact& d) {
  Head(o, "docref", d.span);
  *o += ", \"doc_type\": ";
  Str(o, d.doc_type);
  *o += ", \"number\": ";
  Str(o, d.number);
  *o += ", \"code\": ";
  StrOrNull(o, d.code);
  *o += ", \"date\": ";
  StrOrNull(o, d.date);
  *o += ", \"issuer\": ";
  StrOrNull(o, d.issuer);
  *o += "}";
}

void Person(std::string* o, const PersonFact& p) {
  Head(o, "person", p.span);
  *o += ", \"name\": ";
  Str(o, p.name);
  *o += ", \"titles\": [";
  for (size_t i = 0; i < p.titles.size(); ++i) {
    if (i > 0) *o += ", ";
    Str(o, p.titles[i]);
  }
  *o += "]}";
}

void Directive(std::string* o, const DirectiveFact& d) {
  Head(o, "directive", d.span);
  *o += ", \"text\": ";
  Str(o, d.text);
  *o += ", \"assignee\": ";
  StrOrNull(o, d.assignee);
  *o += ", \"deadline\": ";
  StrOrNull(o, d.deadline);
  *o += "}";
}

void Meeting(std::string* o, const MeetingFact& m) {
  Head(o, "meeting", m.span);
  *o += ", \"date\": ";
  StrOrNull(o, m.date);
  *o += ", \"host\": ";
  StrOrNull(o, m.host);
  *o += ", \"unit\": ";
  StrOrNull(o, m.unit);
  *o += ", \"chair\": ";
  StrOrNull(o, m.chair);
  *o += "}";
}

}  // namespace

void AppendFactsMember(const Facts& facts, bool one_line, std::string* out) {
  // Each fact by its kind and index, in the order of their spans (the kinds
  // in this order where two start together).
  enum Kind : uint8_t { kMeasure, kDocRef, kPerson, kDirective, kMeeting };
  struct Ref {
    uint32_t begin;
    Kind kind;
    uint32_t index;
  };
  std::vector<Ref> refs;
  refs.reserve(facts.measures.size() + facts.docrefs.size() + facts.persons.size() + facts.directives.size() +
               1);
  auto add = [&](const auto& list, Kind kind) {
    for (size_t i = 0; i < list.size(); ++i)
      refs.push_back({list[i].span.begin, kind, static_cast<uint32_t>(i)});
  };
  add(facts.measures, kMeasure);
  add(facts.docrefs, kDocRef);
  add(facts.persons, kPerson);
  add(facts.directives, kDirective);
  if (facts.meeting) refs.push_back({facts.meeting->span.begin, kMeeting, 0});
  std::stable_sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) { return a.begin < b.begin; });
  *out += "\"facts\": [";
  for (size_t i = 0; i < refs.size(); ++i) {
    *out += one_line ? (i == 0 ? "" : ", ") : (i == 0 ? "\n  " : ",\n  ");
    const Ref& r = refs[i];
    switch (r.kind) {
      case kMeasure: Measure(out, facts.measures[r.index]); break;
      case kDocRef: DocRef(out, facts.docrefs[r.index]); break;
      case kPerson: Person(out, facts.persons[r.index]); break;
      case kDirective: Directive(out, facts.directives[r.index]); break;
      case kMeeting: Meeting(out, *facts.meeting); break;
    }
  }
  *out += refs.empty() || one_line ? "]" : "\n]";
}

std::string FactsToJson(const Facts& facts, bool one_line) {
  std::string out = "{";
  AppendFactsMember(facts, one_line, &out);
  out += "}";
  return out;
}

}  // namespace kiemdem::extract
