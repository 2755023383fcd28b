#include "core/observation.h"

#include <algorithm>
#include <cmath>

#include "core/vn_number.h"

namespace kiemdem {

const char* QualifierKey(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kOver: return "over";
    case Qualifier::kUnder: return "under";
    case Qualifier::kAbout: return "about";
  }
  return "exact";
}

Result<Qualifier> ParseQualifier(std::string_view s) {
  if (s == "exact" || s.empty()) return Qualifier::kExact;
  if (s == "over") return Qualifier::kOver;
  if (s == "under") return Qualifier::kUnder;
  if (s == "about") return Qualifier::kAbout;
  std::string v(s.substr(0, 20));
  return InvalidArgument("'" + v + "' is not a qualifier (exact, over, under, about)",
                         "'" + v + "' không phải là mức độ chính xác (exact, over, under, about)");
}

const char* ProvenanceKindKey(ProvenanceKind k) {
  switch (k) {
    case ProvenanceKind::kForm: return "form";
    case ProvenanceKind::kImport: return "import";
    case ProvenanceKind::kDocument: return "document";
  }
  return "form";
}

Result<double> FractionPercent(double numerator, double denominator) {
  if (!std::isfinite(numerator) || !std::isfinite(denominator)) {
    return InvalidArgument("numerator and denominator must be numbers", "tử số và mẫu số phải là số");
  }
  if (denominator <= 0) {
    return InvalidArgument(
               "the denominator " + FormatVietnameseNumber(denominator) + " must be greater than zero",
               "mẫu số " + FormatVietnameseNumber(denominator) + " phải lớn hơn 0")
        .WithField("denominator");
  }
  return numerator / denominator * 100.0;
}

Status ValidateObservation(const Observation& obs, const Indicator& ind) {
  std::string where = ind.code + " " + obs.period.Key();
  if (obs.indicator != ind.code) {
    return InvalidArgument("the result is for " + obs.indicator + ", not " + ind.code,
                           "kết quả thuộc chỉ tiêu " + obs.indicator + ", không phải " + ind.code)
        .WithField("indicator");
  }
  if (obs.unit == kNoUnit) {
    return InvalidArgument(where + ": the result names no unit", where + ": kết quả chưa gắn với đơn vị")
        .WithField("unit");
  }
  if (!std::isfinite(obs.value)) {
    return InvalidArgument(where + ": the value is not a finite number", where + ": giá trị không hợp lệ")
        .WithField("value");
  }
  auto negative = [&](double v, const char* field) -> Status {
    if (v < 0 && !ind.allow_negative) {
      return InvalidArgument(
                 where + ": " + FormatVietnameseNumber(v) + " is negative; " + ind.name_en +
                     " cannot be negative",
                 where + ": " + FormatVietnameseNumber(v) + " là số âm; " + ind.name_vi + " không thể âm")
          .WithField(field);
    }
    return Status::Ok();
  };
  RETURN_IF_ERROR(negative(obs.value, "value"));
  if (ind.value_kind == ValueKind::kYesNo && obs.value != 0 && obs.value != 1) {
    return InvalidArgument(where + ": " + ind.name_en + " is reached or not: 1 (đạt) or 0 (chưa đạt), not " +
                               FormatVietnameseNumber(obs.value),
                           where + ": " + ind.name_vi + " chỉ có đạt (1) hoặc chưa đạt (0), không phải " +
                               FormatVietnameseNumber(obs.value))
        .WithField("value");
  }
  if (obs.numerator.has_value() != obs.denominator.has_value()) {
    return InvalidArgument(where + ": a fraction needs both a numerator and a denominator (e.g. 10/20)",
                           where + ": phân số cần cả tử số và mẫu số (ví dụ 10/20)")
        .WithField(obs.numerator ? "denominator" : "numerator");
  }
  if (obs.numerator && obs.denominator) {
    RETURN_IF_ERROR(negative(*obs.numerator, "numerator"));
    ASSIGN_OR_RETURN(double pct, FractionPercent(*obs.numerator, *obs.denominator));
    if (std::fabs(pct - obs.value) > 1e-6 * std::max(1.0, std::fabs(pct))) {
      return InvalidArgument(
                 where + ": the value " + FormatVietnameseNumber(obs.value) + " is not " +
                     FormatVietnameseNumber(*obs.numerator) + "/" + FormatVietnameseNumber(*obs.denominator),
                 where + ": giá trị " + FormatVietnameseNumber(obs.value) + " không bằng " +
                     FormatVietnameseNumber(*obs.numerator) + "/" + FormatVietnameseNumber(*obs.denominator))
          .WithField("value");
    }
  }
  if (obs.provenance.kind == ProvenanceKind::kDocument &&
      (obs.provenance.span_begin < 0 || obs.provenance.span_end < obs.provenance.span_begin)) {
    return InvalidArgument(where + ": a figure read from a document needs its span",
                           where + ": số liệu đọc từ văn bản cần vị trí trong văn bản")
        .WithField("span");
  }
  return Status::Ok();
}

}  // namespace kiemdem
