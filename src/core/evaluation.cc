#include "core/evaluation.h"

#include <algorithm>
#include <cmath>

#include "core/vn_number.h"

namespace kiemdem {
namespace {

bool NearlyEqual(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// -1, 0 or +1: how `actual` (with its qualifier) compares with `reference`.
int Compare(double actual, Qualifier q, double reference) {
  if (NearlyEqual(actual, reference)) {
    if (q == Qualifier::kOver) return 1;
    if (q == Qualifier::kUnder) return -1;
    return 0;
  }
  return actual < reference ? -1 : 1;
}

// `factor` scales the target (1, or months/12 for a pro-rated flow).
Attainment Judge(const Indicator& ind, const Target& t, double factor, double actual, Qualifier q) {
  double reference = t.value * factor;
  if (t.comparator == Comparator::kBand) {
    bool inside = Compare(actual, q, reference) >= 0 && Compare(actual, q, *t.value_high * factor) <= 0;
    return inside ? Attainment::kMet : Attainment::kNotMet;
  }
  int cmp = Compare(actual, q, reference);
  bool met = false;
  switch (t.comparator) {
    case Comparator::kAtLeast: met = cmp >= 0; break;
    case Comparator::kAtMost: met = cmp <= 0; break;
    case Comparator::kEqual: met = cmp == 0; break;
    case Comparator::kBand: break;
  }
  int better = ind.direction == Direction::kLowerIsBetter ? -cmp : cmp;
  if (ind.direction == Direction::kTargetBand) better = 0;
  if (met) return better > 0 ? Attainment::kExceeded : Attainment::kMet;
  // An "=" target missed on the good side is still more than asked.
  if (t.comparator == Comparator::kEqual && better > 0) return Attainment::kExceeded;
  return Attainment::kNotMet;
}

Status CheckObservation(const Indicator& ind, const Observation& obs, const Period& expected) {
  if (obs.indicator != ind.code) {
    return InvalidArgument("a result of " + obs.indicator + " was given for " + ind.code,
                           "kết quả của chỉ tiêu " + obs.indicator + " được dùng cho " + ind.code);
  }
  if (obs.period != expected) {
    return InvalidArgument("a result of " + obs.period.LabelEn() + " was given for " + expected.LabelEn(),
                           "kết quả " + obs.period.LabelVi() + " được dùng cho " + expected.LabelVi());
  }
  return ValidateObservation(obs, ind);
}

}  // namespace

const char* AttainmentKey(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "exceeded";
    case Attainment::kMet: return "met";
    case Attainment::kNotMet: return "not_met";
    case Attainment::kNoData: return "no_data";
  }
  return "no_data";
}

const char* AttainmentNameVi(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "vượt";
    case Attainment::kMet: return "đạt";
    case Attainment::kNotMet: return "không đạt";
    case Attainment::kNoData: return "chưa có số liệu";
  }
  return "chưa có số liệu";
}

const char* AttainmentNameEn(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "exceeded";
    case Attainment::kMet: return "met";
    case Attainment::kNotMet: return "not met";
    case Attainment::kNoData: return "no data";
  }
  return "no data";
}

Result<IndicatorEvaluation> EvaluateIndicator(const Indicator& ind, const Period& period,
                                              const std::optional<Target>& target,
                                              const std::optional<Observation>& actual,
                                              const std::optional<Observation>& previous) {
  IndicatorEvaluation ev;
  ev.indicator = ind.code;
  if (target) {
    RETURN_IF_ERROR(target->Validate());
    if (target->indicator != ind.code || target->year != period.year()) {
      return InvalidArgument(
          "the target given is for " + target->indicator + " " + std::to_string(target->year) + ", not " +
              ind.code + " " + std::to_string(period.year()),
          "chỉ tiêu kế hoạch được dùng là của " + target->indicator + " năm " + std::to_string(target->year) +
              ", không phải " + ind.code + " năm " + std::to_string(period.year()));
    }
    ev.target = target;
  }
  if (actual) {
    RETURN_IF_ERROR(CheckObservation(ind, *actual, period));
    ev.actual = actual->value;
    ev.estimated = actual->estimated;
  }
  if (previous) {
    RETURN_IF_ERROR(CheckObservation(ind, *previous, period.SamePeriodLastYear()));
    ev.previous = previous->value;
  }
  auto note = [&](const std::string& en, const std::string& vi) {
    ev.note_en += (ev.note_en.empty() ? "" : "; ") + en;
    ev.note_vi += (ev.note_vi.empty() ? "" : "; ") + vi;
  };
  if (ev.actual && ev.previous) {
    if (*ev.previous == 0) {
      note("last year's figure is 0: % of same period is undefined",
           "cùng kỳ năm trước bằng 0: không tính được % so với cùng kỳ");
    } else {
      ev.percent_of_previous = *ev.actual / *ev.previous * 100.0;
    }
  }
  if (!ev.actual || !ev.target) {
    ev.status = Attainment::kNoData;
    return ev;
  }
  const Target& t = *ev.target;
  if (t.value == 0) {
    note("the target is 0: % of plan is undefined", "chỉ tiêu bằng 0: không tính được % kế hoạch");
  } else {
    ev.percent_of_plan = *ev.actual / t.value * 100.0;
  }
  double factor = 1.0;
  if (ind.time == TimeAggregation::kFlow && period.month_count() < 12) {
    factor = period.month_count() / 12.0;
    ev.prorated = true;
  }
  ev.judged_against = t.value * factor;
  ev.status = Judge(ind, t, factor, *ev.actual, actual->qualifier);
  return ev;
}

EvaluationSummary Summarise(const std::vector<IndicatorEvaluation>& rows) {
  EvaluationSummary s;
  for (const IndicatorEvaluation& r : rows) {
    if (!r.target) continue;
    ++s.with_target;
    switch (r.status) {
      case Attainment::kExceeded: ++s.exceeded; break;
      case Attainment::kMet: ++s.met; break;
      case Attainment::kNotMet: ++s.not_met; break;
      case Attainment::kNoData: ++s.no_data; break;
    }
  }
  return s;
}

std::string EvaluationSummary::ToVietnamese() const {
  std::string out = std::to_string(met_or_exceeded()) + "/" + std::to_string(with_target) +
                    " chỉ tiêu đạt và vượt kế hoạch (vượt " + std::to_string(exceeded) + ", đạt " +
                    std::to_string(met) + ", không đạt " + std::to_string(not_met);
  if (no_data > 0) out += ", chưa có số liệu " + std::to_string(no_data);
  return out + ")";
}

std::string EvaluationSummary::ToEnglish() const {
  std::string out = std::to_string(met_or_exceeded()) + " of " + std::to_string(with_target) +
                    " targets met or exceeded (" + std::to_string(exceeded) + " exceeded, " +
                    std::to_string(met) + " met, " + std::to_string(not_met) + " not met";
  if (no_data > 0) out += ", " + std::to_string(no_data) + " without data";
  return out + ")";
}

}  // namespace kiemdem
