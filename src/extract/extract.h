// The extractor: Vietnamese report text -> facts (measures, document
// references, persons, directives, the meeting), as ../shared/extraction/SPEC.md
// defines them. Pure computation on a string; no storage, no HTTP.
//
//   Result<Facts> facts = Extract(text, ExtractOptions{});
//   std::string json = FactsToJson(*facts);  // {"facts": [...]}
//
// Extract is thread-safe (no shared mutable state).
#ifndef KIEMDEM_EXTRACT_EXTRACT_H_
#define KIEMDEM_EXTRACT_EXTRACT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/consistency.h"
#include "core/observation.h"
#include "core/status.h"

namespace kiemdem::extract {

// Byte offsets into the input as given (not the normalized text).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Comparison {
  std::string relation;  // "of", "change", "exceed"
  std::optional<double> percent;
  std::optional<double> delta;
  std::optional<double> times;
  std::string basis;  // "plan", "same_period", "year:2015", "unspecified", ...
};

struct MeasureFact {
  Span span;
  std::string subject;
  double value = 0;
  std::string unit;
  std::optional<double> value_max;
  std::optional<double> total;
  Qualifier qualifier = Qualifier::kExact;
  bool estimated = false;
  bool target = false;  // stance "target" (else "actual")
  std::string period;   // SPEC form ("2018-01/2018-10"), empty when unknown
  std::vector<Comparison> compare;
  // For a fraction with a stated percentage: does it match? Stated in the
  // same phrase ("8/12 tổ đạt 66,66%") or as a figure of its own after it in
  // the clause ("8/12 tổ dân phố đạt danh hiệu văn hóa, đạt 75%").
  std::optional<PercentCheck> check;
  // The index in Facts::measures of that separate percentage, when so.
  std::optional<size_t> stated_by;
  // "kết nạp 12/10 đảng viên": a numerator above its denominator is the actual
  // against the plan, not a share (a share never exceeds its whole): `value`
  // is the count, `total` the plan.
  bool total_is_plan = false;
};

struct DocRefFact {
  Span span;
  std::string doc_type;  // "Nghị quyết"
  std::string number;    // "02"
  std::string code;      // "02-NQ/ĐU", empty when only a number is given
  std::string date;      // ISO, empty when not given
  std::string issuer;    // empty when not named
};

struct PersonFact {
  Span span;
  std::string name;
  std::vector<std::string> titles;
};

struct DirectiveFact {
  Span span;
  std::string text;
  std::string assignee;  // empty when the clause names none
  std::string deadline;  // ISO, empty when none
};

struct MeetingFact {
  Span span;
  std::string date;  // ISO, empty when unknown
  std::string host;
  std::string unit;
  std::string chair;
};

struct Facts {
  std::vector<MeasureFact> measures;
  std::vector<DocRefFact> docrefs;
  std::vector<PersonFact> persons;
  std::vector<DirectiveFact> directives;
  std::optional<MeetingFact> meeting;
};

// When a text was written, to the precision known: a year, a month or a day
// (month and day 0 where unknown). It gives the year to dates written without
// one ("trước ngày 28-10") and anchors relative ones ("cuối năm").
struct ReferenceDate {
  int year = 0;  // 0: none known
  int month = 0;
  int day = 0;
  bool known() const { return year > 0; }
};

// "2019", "2019-08" or "2019-08-15"; fails naming what is wrong.
Result<ReferenceDate> ParseReferenceDate(std::string_view text);

struct ExtractOptions {
  // Larger inputs are refused with kResourceExhausted (memory stays bounded).
  size_t max_input_bytes = 16u << 20;
  // The text's reference date (`kiemdem extract --date`, a document's date
  // in the API). Unknown by default; then a `date:` header in the text gives
  // it, else `fallback_date` (the API: today), else there is none.
  ReferenceDate reference_date;
  ReferenceDate fallback_date;
};

// A text may start with a header of `key: value` lines (`url:`, `date:`)
// ending at the first blank line (SPEC.md, Input). No fact comes from it;
// its `date:` is the reference date where the options give none. Spans count
// from the input's first byte all the same.
//
// Fails on invalid UTF-8 (naming the byte offset) or an input above the limit.
// Empty input gives no facts. A malformed `date:` in a header is not an
// error: the header is then ignored as a date source.
Result<Facts> Extract(std::string_view text, const ExtractOptions& options = {});

// The SPEC's JSON: {"facts": [...]}, facts in the order of their spans, one
// per line, or all on one line (for JSONL).
std::string FactsToJson(const Facts& facts, bool one_line = false);

// The member of that object, `"facts": [...]`, appended to *out: for a
// writer that puts other members beside it (`kiemdem extract --jsonl`'s "id").
void AppendFactsMember(const Facts& facts, bool one_line, std::string* out);

}  // namespace kiemdem::extract

#endif  // KIEMDEM_EXTRACT_EXTRACT_H_
