#include "extract/extract.h"

#include <simdjson.h>

#include <charconv>

#include "core/date.h"
#include "core/text.h"
#include "extract/internal/doc.h"
#include "extract/internal/header.h"

namespace kiemdem::extract {

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
  internal::Header header = internal::ReadHeader(norm.text());
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

}  // namespace kiemdem::extract
