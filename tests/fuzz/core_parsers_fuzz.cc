// libFuzzer target for the core's text parsers: CSV, Vietnamese numbers,
// dates, periods, document codes, search folding and the indicator catalogue.
// Besides not crashing, parsed values must survive a round trip through
// their canonical text form. Built and run by scripts/run-fuzz.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/consistency.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/document.h"
#include "core/indicator.h"
#include "core/period.h"
#include "core/text.h"
#include "core/vn_number.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  using namespace kiemdem;

  if (Result<ParsedNumber> n = ParseVietnameseNumber(text); n.ok() && std::fabs(n->value) < 1e15) {
    Result<ParsedNumber> again = ParseVietnameseNumber(FormatVietnameseNumber(n->value, 6));
    Check(again.ok() && std::fabs(again->value - n->value) <= 1e-6 * std::max(1.0, std::fabs(n->value)));
  }
  if (Result<Date> d = Date::Parse(text); d.ok()) {
    Check(*Date::Parse(d->ToVietnamese()) == *d);
    Check(*Date::ParseIso(d->ToIso()) == *d);
  }
  if (Result<Period> p = Period::Parse(text); p.ok()) {
    Check(*Period::Parse(p->Key()) == *p);
    Check(*Period::Parse(p->SpecKey()) == *p);
  }
  (void)ParseDocumentCode(text);
  std::string folded = FoldForSearch(text);
  Check(folded.find("  ") == std::string::npos);
  if (ValidateUtf8(text).ok()) Check(SearchMatches(text, text));
  if (Result<CsvTable> t = ParseCsv(text); t.ok()) {
    for (const CsvRow& row : t->rows) Check(row.line >= 2);
  }
  (void)ParseIndicatorCatalogue(text);
  (void)CheckStatedPercent(8, 12, text);
  return 0;
}
