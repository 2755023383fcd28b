#include "core/term_path.h"

#include "core/evaluation.h"
#include "core/vn_number.h"

namespace kiemdem {

Result<TermPath> TermPathFor(const Indicator& indicator, const Plan& plan, const Target& term_target,
                             int year, double baseline, std::optional<double> actual) {
  if (term_target.form != TargetForm::kLevel || term_target.comparator == Comparator::kBand) {
    return InvalidArgument("only a level term target has a yearly path",
                           "chỉ mục tiêu nhiệm kỳ là một mức mới có lộ trình từng năm")
        .WithField("form");
  }
  if (plan.first_year >= plan.last_year || year < plan.first_year || year >= term_target.year ||
      term_target.year > plan.last_year) {
    return InvalidArgument("year " + std::to_string(year) + " is not an earlier year of the term " +
                               std::to_string(plan.first_year) + "-" + std::to_string(plan.last_year),
                           "năm " + std::to_string(year) + " không phải năm trước mục tiêu của nhiệm kỳ " +
                               std::to_string(plan.first_year) + "-" + std::to_string(plan.last_year))
        .WithField("year");
  }
  TermPath p;
  p.first_year = plan.first_year;
  p.last_year = plan.last_year;
  p.term_target = term_target.InForce();
  p.baseline_year = plan.first_year - 1;
  p.baseline = baseline;
  p.year = year;
  double share = static_cast<double>(year - p.baseline_year) / (term_target.year - p.baseline_year);
  p.level = baseline + (p.term_target.value - baseline) * share;
  bool lower =
      p.term_target.comparator == Comparator::kAtMost ||
      (p.term_target.comparator == Comparator::kEqual && indicator.direction == Direction::kLowerIsBetter);
  if (actual && p.term_target.comparator != Comparator::kEqual) {
    int cmp = CompareWithTarget(*actual, p.level);
    p.on_path = lower ? cmp <= 0 : cmp >= 0;
  }
  const char* cmp = ComparatorSymbol(p.term_target.comparator);
  std::string y = std::to_string(year), by = std::to_string(p.baseline_year),
              ty = std::to_string(term_target.year);
  p.basis_vi = "lộ trình đều từ " + FormatVietnameseNumber(baseline) + " (" + by + ") đến " + cmp + " " +
               FormatVietnameseNumber(p.term_target.value) + " (" + ty + "): năm " + y + " cần " + cmp + " " +
               FormatVietnameseNumber(p.level);
  p.basis_en = "even path from " + FormatEnglishNumber(baseline) + " (" + by + ") to " + cmp + " " +
               FormatEnglishNumber(p.term_target.value) + " (" + ty + "): " + y + " needs " + cmp + " " +
               FormatEnglishNumber(p.level);
  return p;
}

TermTargetRef FindTermTarget(const std::vector<Plan>& plans, UnitId unit, std::string_view indicator,
                             int year) {
  for (const Plan& p : plans) {
    if (p.unit != unit || p.first_year >= p.last_year || year < p.first_year || year >= p.last_year) continue;
    const Target* best = nullptr;
    for (const Target& t : p.targets) {
      if (t.indicator != indicator || t.year <= year || t.form != TargetForm::kLevel ||
          t.comparator == Comparator::kBand) {
        continue;
      }
      if (best == nullptr || t.year < best->year) best = &t;  // the nearest milestone
    }
    if (best != nullptr) return {&p, best};
  }
  return {};
}

}  // namespace kiemdem
