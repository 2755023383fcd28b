// A reported result (kết quả thực hiện): one value of one indicator for one
// unit and period, with how sure it is and where it came from.
#ifndef KIEMDEM_CORE_OBSERVATION_H_
#define KIEMDEM_CORE_OBSERVATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/admin_unit.h"
#include "core/indicator.h"
#include "core/period.h"
#include "core/status.h"

namespace kiemdem {

// How the text qualified the number: "trên 45 tỷ" is over, "gần 9 triệu" about.
enum class Qualifier { kExact, kOver, kUnder, kAbout };
const char* QualifierKey(Qualifier q);  // "exact", "over", "under", "about"
Result<Qualifier> ParseQualifier(std::string_view s);

enum class ProvenanceKind { kForm, kImport, kDocument };
const char* ProvenanceKindKey(ProvenanceKind k);  // "form", "import", "document"

struct Provenance {
  ProvenanceKind kind = ProvenanceKind::kForm;
  std::string source;       // file name, or document id for kDocument
  int64_t span_begin = -1;  // byte span in the document's text, for kDocument
  int64_t span_end = -1;
};

struct Observation {
  UnitId unit = kNoUnit;
  std::string indicator;  // indicator code
  Period period = *Period::Year(2000);
  double value = 0;
  std::optional<double> numerator;    // for fraction indicators: 10 of "10/20 chi bộ"
  std::optional<double> denominator;  // 20
  Qualifier qualifier = Qualifier::kExact;
  bool estimated = false;  // "ước đạt"
  Provenance provenance;
};

// Checks an observation against its indicator: finite value; no negative
// value unless the indicator allows it; numerator and denominator come
// together, the denominator is positive and the value is their ratio (as a
// percentage). A rate reported alone ("tỷ lệ lao động qua đào tạo đạt 73%")
// is valid, though it cannot be summed into a ratio of sums. A document
// provenance has a span.
Status ValidateObservation(const Observation& obs, const Indicator& indicator);

// Builds a fraction observation's value: numerator / denominator * 100.
// Fails on a zero or negative denominator.
Result<double> FractionPercent(double numerator, double denominator);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_OBSERVATION_H_
