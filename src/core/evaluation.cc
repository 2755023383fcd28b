#include "core/evaluation.h"

#include <algorithm>
#include <cmath>

#include "core/vn_number.h"

namespace kiemdem {
namespace {

// The precision at which a result ties with its target: within 0,05% of it,
// so that the % of plan reads 100,0% ("bằng 100% kế hoạch"). A qualifier
// ("trên", "dưới") never breaks a tie: the report has already rounded.
constexpr double kTieShare = 0.0005;

bool IsRate(const Indicator& ind) {
  return ind.value_kind == ValueKind::kPercent || ind.value_kind == ValueKind::kFraction;
}

// "đạt chuẩn" or not: no percentages, met when reached, never exceeded.
bool IsYesNo(const Indicator& ind) { return ind.value_kind == ValueKind::kYesNo; }

// Spending against its estimate (dự toán): close to 100% is right. Below the
// band is under-execution, above it an overrun that needs a supplementary
// estimate, never "vượt kế hoạch". A target written as a ceiling ("≤") or as
// a band keeps its own meaning.
constexpr double kEstimateBand = 0.05;  // đạt within 95–105% of the estimate

bool JudgedAgainstEstimate(const Indicator& ind, const Target& t) {
  return ind.direction == Direction::kTargetBand && !IsRate(ind) &&
         (t.comparator == Comparator::kAtLeast || t.comparator == Comparator::kEqual);
}

// The verdict as if the period were the year: exceeded, met or not met.
Attainment JudgeLevel(const Indicator& ind, const Target& t, double actual) {
  if (JudgedAgainstEstimate(ind, t)) {
    bool inside = CompareWithTarget(actual, t.value * (1 - kEstimateBand)) >= 0 &&
                  CompareWithTarget(actual, t.value * (1 + kEstimateBand)) <= 0;
    return inside ? Attainment::kMet : Attainment::kNotMet;
  }
  if (t.comparator == Comparator::kBand) {
    bool inside = CompareWithTarget(actual, t.value) >= 0 && CompareWithTarget(actual, *t.value_high) <= 0;
    return inside ? Attainment::kMet : Attainment::kNotMet;
  }
  int cmp = CompareWithTarget(actual, t.value);
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

// Inside the year, whether a target the figure satisfies now stays satisfied:
// a level (a rate, a share, a stock) is judged as it stands; an amount that
// only grows has reached an at-least target for good ("về đích sớm"). An
// amount against a ceiling, an exact figure or a band is open until the year ends.
bool SettledInYear(const Indicator& ind, const Target& t) {
  if (IsRate(ind) || IsYesNo(ind) || ind.time == TimeAggregation::kStock) return true;
  return t.comparator == Comparator::kAtLeast && ind.direction == Direction::kHigherIsBetter &&
         !ind.allow_negative;
}

// Pace for amounts and counts that accrue towards an at-least target.
std::optional<PaceCheck> PaceOf(const Indicator& ind, const Period& period, const Target& t,
                                const std::optional<double>& percent_of_plan) {
  if (period.month_count() >= 12 || IsRate(ind) || ind.time != TimeAggregation::kFlow) return std::nullopt;
  if (t.comparator != Comparator::kAtLeast || ind.direction != Direction::kHigherIsBetter)
    return std::nullopt;
  if (!percent_of_plan) return std::nullopt;
  PaceCheck p;
  int months = period.month_count();
  p.expected_percent = months * 100.0 / 12.0;
  // Reports state the % of plan in whole percents ("đạt 97% kế hoạch").
  long have = std::lround(*percent_of_plan);
  long even = std::lround(p.expected_percent);
  p.pace = have > even ? Pace::kAhead : have < even ? Pace::kBehind : Pace::kOnPace;
  std::string m = std::to_string(months);
  p.basis_vi = "bình quân " + m + "/12 tháng: " + FormatVietnamesePercent(p.expected_percent, 1) + " KH năm";
  long tenths = std::lround(p.expected_percent * 10);
  std::string en = std::to_string(tenths / 10) + (tenths % 10 == 0 ? "" : "." + std::to_string(tenths % 10));
  p.basis_en = "even pace, " + m + " of 12 months: " + en + "% of the year's plan";
  return p;
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

int CompareWithTarget(double actual, double reference) {
  double tolerance = reference == 0 ? 1e-9 : kTieShare * std::fabs(reference);
  if (std::fabs(actual - reference) < tolerance) return 0;
  return actual < reference ? -1 : 1;
}

const char* AttainmentKey(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "exceeded";
    case Attainment::kMet: return "met";
    case Attainment::kInProgress: return "in_progress";
    case Attainment::kNotMet: return "not_met";
    case Attainment::kNoTarget: return "no_target";
    case Attainment::kNoData: return "no_data";
  }
  return "no_data";
}

const char* AttainmentNameVi(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "vượt";
    case Attainment::kMet: return "đạt";
    case Attainment::kInProgress: return "chưa đạt";
    case Attainment::kNotMet: return "không đạt";
    case Attainment::kNoTarget: return "không giao chỉ tiêu";
    case Attainment::kNoData: return "chưa có số liệu";
  }
  return "chưa có số liệu";
}

const char* AttainmentNameEn(Attainment a) {
  switch (a) {
    case Attainment::kExceeded: return "exceeded";
    case Attainment::kMet: return "met";
    case Attainment::kInProgress: return "not yet met";
    case Attainment::kNotMet: return "not met";
    case Attainment::kNoTarget: return "no target set";
    case Attainment::kNoData: return "no data";
  }
  return "no data";
}

const char* PaceKey(Pace p) {
  switch (p) {
    case Pace::kAhead: return "ahead";
    case Pace::kOnPace: return "on_pace";
    case Pace::kBehind: return "behind";
  }
  return "on_pace";
}

const char* PaceNameVi(Pace p) {
  switch (p) {
    case Pace::kAhead: return "nhanh";
    case Pace::kOnPace: return "đúng";
    case Pace::kBehind: return "chậm";
  }
  return "đúng";
}

const char* PaceNameEn(Pace p) {
  switch (p) {
    case Pace::kAhead: return "ahead";
    case Pace::kOnPace: return "on pace";
    case Pace::kBehind: return "behind";
  }
  return "on pace";
}

Result<IndicatorEvaluation> EvaluateIndicator(const Indicator& ind, const Period& period,
                                              const std::optional<Target>& target,
                                              const std::optional<Observation>& actual,
                                              const std::optional<Observation>& previous,
                                              std::optional<double> last_year, int actual_months,
                                              std::optional<double> assigned) {
  if (target && target->adjusted) {
    // Judged on the adjusted level; the share of the level first set beside it.
    RETURN_IF_ERROR(target->Validate());
    ASSIGN_OR_RETURN(IndicatorEvaluation ev, EvaluateIndicator(ind, period, target->InForce(), actual,
                                                               previous, last_year, actual_months, assigned));
    ASSIGN_OR_RETURN(IndicatorEvaluation first,
                     EvaluateIndicator(ind, period, target->AsFirstSet(), actual, previous, last_year,
                                       actual_months, assigned));
    ev.adjusted_by = target->adjusted_by;
    ev.first_set_value = target->value;
    ev.percent_of_first_set = first.percent_of_plan;
    ev.points_from_first_set = first.points_from_plan;
    return ev;
  }
  IndicatorEvaluation ev;
  ev.indicator = ind.code;
  // A figure for fewer months than the period ("đến tháng 10") is not the period's whole figure.
  const bool partial =
      actual && !actual->estimated && actual_months > 0 && actual_months < period.month_count();
  ev.year_verdict = period.month_count() == 12 && !partial;
  const Period pace_period =
      partial ? *Period::Months(period.year(), period.first_month(), period.first_month() + actual_months - 1)
              : period;
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
  if (ev.actual && ev.previous && !IsYesNo(ind)) {
    if (IsRate(ind)) {
      ev.points_from_previous = *ev.actual - *ev.previous;
    } else if (*ev.previous == 0) {
      note("last year's figure is 0: % of same period is undefined",
           "cùng kỳ năm trước bằng 0: không tính được % so với cùng kỳ");
    } else {
      ev.percent_of_previous = *ev.actual / *ev.previous * 100.0;
    }
  }
  if (ev.target && ev.target->form != TargetForm::kLevel) {
    ev.written_target = ev.target;
    if (!last_year && period.month_count() == 12 && ev.previous) last_year = ev.previous;
    Result<Target> level = LevelOf(*ev.target, {.last_year = last_year, .assigned = assigned});
    if (!level.ok()) {
      note(level.status().message(), level.status().message_vi());
      ev.status = Attainment::kNoData;
      return ev;
    }
    ev.target = *level;
    note(ev.written_target->FormEn() + ": " + FormatEnglishNumber(level->value),
         "chỉ tiêu " + ev.written_target->FormVi() + ": " + FormatVietnameseNumber(level->value));
  }
  if (!ev.actual) {
    ev.status = Attainment::kNoData;
    return ev;
  }
  if (!ev.target) {
    ev.status = Attainment::kNoTarget;
    return ev;
  }
  const Target& t = *ev.target;
  if (IsYesNo(ind)) {
    // Reached (1) or not: a verdict without percentages, đạt at best.
    Attainment level = *ev.actual + 0.5 >= t.value ? Attainment::kMet : Attainment::kNotMet;
    ev.status = ev.year_verdict || level == Attainment::kMet ? level : Attainment::kInProgress;
    return ev;
  }
  if (IsRate(ind)) {
    if (t.comparator != Comparator::kBand) ev.points_from_plan = *ev.actual - t.value;
  } else if (ind.direction == Direction::kLowerIsBetter) {
    ev.percent_inverse = true;
    if (t.value == 0) {
      note("the target is 0: % of plan is undefined", "chỉ tiêu bằng 0: không tính được % kế hoạch");
    } else if (*ev.actual == 0) {
      note("the result is 0: % of plan (target ÷ result) is undefined",
           "kết quả bằng 0: không tính được % kế hoạch (kế hoạch ÷ thực hiện)");
    } else {
      ev.percent_of_plan = t.value / *ev.actual * 100.0;
    }
  } else if (t.value == 0) {
    note("the target is 0: % of plan is undefined", "chỉ tiêu bằng 0: không tính được % kế hoạch");
  } else {
    ev.percent_of_plan = *ev.actual / t.value * 100.0;
  }
  Attainment level = JudgeLevel(ind, t, *ev.actual);
  if (JudgedAgainstEstimate(ind, t) && ev.percent_of_plan) {
    std::string pct = FormatVietnamesePercent(*ev.percent_of_plan, 1);
    std::string pct_en = std::to_string(std::lround(*ev.percent_of_plan)) + "%";
    if (*ev.percent_of_plan > 100 * (1 + kEstimateBand)) {
      note("spending above its estimate (" + pct_en + "): an overrun, not a target exceeded",
           "chi vượt dự toán (" + pct + "): không phải vượt kế hoạch");
    } else if (ev.year_verdict && *ev.percent_of_plan < 100 * (1 - kEstimateBand)) {
      note("spent " + pct_en + " of the estimate; met within 95-105%",
           "thực hiện " + pct + " dự toán; đạt khi trong khoảng 95-105%");
    }
  }
  if (ev.year_verdict) {
    ev.status = level;
  } else {
    bool reached = level != Attainment::kNotMet && SettledInYear(ind, t);
    ev.status = reached ? level : Attainment::kInProgress;
    ev.pace = PaceOf(ind, pace_period, t, ev.percent_of_plan);
  }
  return ev;
}

EvaluationSummary Summarise(const Period& period, const std::vector<IndicatorEvaluation>& rows) {
  EvaluationSummary s;
  s.period_vi = period.LabelVi();
  s.period_en = period.LabelEn();
  s.part_year = period.month_count() < 12;
  for (const IndicatorEvaluation& r : rows) {
    if (!r.target) {
      if (r.actual) ++s.no_target;
      continue;
    }
    ++s.with_target;
    if (r.actual && r.estimated) ++s.estimated;
    switch (r.status) {
      case Attainment::kExceeded: ++s.exceeded; break;
      case Attainment::kMet: ++s.met; break;
      case Attainment::kInProgress: ++s.in_progress; break;
      case Attainment::kNotMet: ++s.not_met; break;
      case Attainment::kNoTarget:  // not with a target
      case Attainment::kNoData: ++s.no_data; break;
    }
  }
  return s;
}

std::string EvaluationSummary::ToVietnamese() const {
  std::string x = std::to_string(met_or_exceeded()) + "/" + std::to_string(with_target);
  std::string out = part_year ? period_vi + ": " + x + " chỉ tiêu đã đạt kế hoạch năm"
                              : x + " chỉ tiêu đạt và vượt kế hoạch";
  out += " (vượt " + std::to_string(exceeded) + ", đạt " + std::to_string(met);
  if (part_year) {
    out += ", chưa đạt " + std::to_string(in_progress + not_met);
  } else {
    out += ", không đạt " + std::to_string(not_met + in_progress);
  }
  if (no_data > 0) out += ", chưa có số liệu " + std::to_string(no_data);
  if (estimated > 0) out += "; " + std::to_string(estimated) + " chỉ tiêu theo số ước";
  return out + ")";
}

std::string EvaluationSummary::ToEnglish() const {
  std::string x = std::to_string(met_or_exceeded()) + " of " + std::to_string(with_target);
  std::string out = part_year ? period_en + ": " + x + " targets have reached the year's plan"
                              : x + " targets met or exceeded";
  out += " (" + std::to_string(exceeded) + " exceeded, " + std::to_string(met) + " met, ";
  if (part_year) {
    out += std::to_string(in_progress + not_met) + " not yet";
  } else {
    out += std::to_string(not_met + in_progress) + " not met";
  }
  if (no_data > 0) out += ", " + std::to_string(no_data) + " without data";
  if (estimated > 0) out += "; " + std::to_string(estimated) + " on estimates";
  return out + ")";
}

}  // namespace kiemdem
