// `kiemdem evaluate CODE --period P`: a unit's evaluation for a period from
// the stored data, by the same rules and the same choice of plan as the
// dashboard and GET /evaluation (analytics::EvaluateUnit): the year's target,
// the result, % of the year's plan (points for rates), % of the same period
// last year, the pace and the verdict, then the summary line.
#include <iostream>

#include "analytics/evaluation_service.h"
#include "analytics/figure_index.h"
#include "analytics/unit_tree.h"
#include "api/unit_codes.h"
#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/stored_units.h"
#include "cli/table.h"
#include "core/vn_number.h"
#include "store/store.h"

namespace kiemdem::cli {
namespace {

const char* kUsage =
    "usage: kiemdem evaluate CODE --period P [--on DD/MM/YYYY] [--plan KIND|assigned] "
    "[--include-unapproved]\n"
    "                        [--db PATH|postgresql://…]\n"
    "  P: 2018, 2018-10, 2018-Q3, 2018-H1, 2018-01/2018-10 (10 tháng); --on: the day CODE is read on\n"
    "  (default the period's last day); --plan: party_committee, peoples_council, peoples_committee or "
    "assigned";

std::string Amount(const std::optional<double>& v, const std::string& unit) {
  if (!v) return "—";
  if (unit == "đồng" && std::abs(*v) >= 1e9) return FormatVietnameseNumber(*v / 1e9, 2) + " tỷ";
  if (unit == "đồng" && std::abs(*v) >= 1e6) return FormatVietnameseNumber(*v / 1e6, 2) + " triệu";
  return FormatVietnameseNumber(*v, 2) + (unit == "%" ? "%" : "");
}

std::string TargetText(const analytics::EvaluationRow& r, bool vi) {
  const std::optional<Target>& t = r.evaluation.target;
  if (!t) return "—";
  std::string text = std::string(ComparatorSymbol(t->comparator)) + " " + Amount(t->value, r.indicator.unit);
  if (t->value_high) text += "–" + Amount(t->value_high, r.indicator.unit);
  if (const std::optional<Target>& w = r.evaluation.written_target; w) {
    text += " (" + (vi ? w->FormVi() : w->FormEn()) + ")";
  }
  return text;
}

// `months`: the months of the period; a figure that stands for fewer says so.
std::string ResultText(const analytics::EvaluationRow& r, int months, bool vi) {
  const IndicatorEvaluation& e = r.evaluation;
  if (!e.actual && r.unapproved_value) {
    return "(" + std::string(vi ? "chưa duyệt: " : "not approved: ") +
           Amount(r.unapproved_value, r.indicator.unit) + ")";
  }
  std::string text = Amount(e.actual, r.indicator.unit);
  if (e.estimated) text += vi ? " (ước)" : " (est.)";
  if (r.counts_unapproved) text += vi ? " (chưa duyệt)" : " (not approved)";
  if (e.actual && r.months_reported > 0 && r.months_reported < months) {
    text += " [" + std::to_string(r.months_reported) + (vi ? " tháng]" : " months]");
  }
  return text;
}

std::string PlanText(const IndicatorEvaluation& e, bool vi) {
  if (e.points_from_plan) return FormatPoints(*e.points_from_plan, vi);
  if (!e.percent_of_plan) return "—";
  return FormatReportedPercent(*e.percent_of_plan) +
         (e.percent_inverse ? (vi ? " (nghịch)" : " (inverse)") : "");
}

std::string PreviousText(const IndicatorEvaluation& e, bool vi) {
  if (e.points_from_previous) return FormatPoints(*e.points_from_previous, vi);
  return e.percent_of_previous ? FormatReportedPercent(*e.percent_of_previous) : "—";
}

std::string PaceText(const IndicatorEvaluation& e, bool vi) {
  if (!e.pace) return "";
  return std::string(vi ? PaceNameVi(e.pace->pace) : PaceNameEn(e.pace->pace)) + " (" +
         (vi ? e.pace->basis_vi : e.pace->basis_en) + ")";
}

}  // namespace

int RunEvaluate(const GlobalOptions& g, const std::vector<std::string>& args) {
  Flags f = ParseFlags(args, {"--db", "--period", "--on", "--plan"}, {"--include-unapproved"});
  if (!f.error.empty() || f.rest.size() != 1 || !f.Has("--period")) {
    std::cerr << (f.error.empty() ? "" : "kiemdem: " + f.error + "\n") << kUsage << "\n";
    return 2;
  }
  const bool vi = g.lang == "vi";
  Result<Period> period = Period::Parse(f.Get("--period", ""));
  if (!period.ok()) return Fail(g, period.status());
  Result<analytics::PlanChoice> plan = analytics::PlanChoice::Parse(f.Get("--plan", ""));
  if (!plan.ok()) return Fail(g, plan.status());
  Date on = EndOfMonth(period->year(), period->last_month());
  if (f.Has("--on")) {
    Result<Date> d = Date::Parse(f.Get("--on", ""));
    if (!d.ok()) return Fail(g, d.status());
    on = *d;
  }
  Result<std::unique_ptr<store::Store>> store = store::Store::Open({.url = f.Get("--db", "kiemdem.db")});
  if (!store.ok()) return Fail(g, store.status());
  Result<analytics::UnitTree> tree = LoadStoredUnits(**store, g);
  if (!tree.ok()) return Fail(g, tree.status());
  Result<UnitId> unit = tree->FindByCode(f.rest[0], on, api::CommandLineDateOption());
  if (!unit.ok()) return Fail(g, unit.status());
  analytics::FigureIndex figures;
  if (Status s = figures.Load(**store); !s.ok()) return Fail(g, s);
  analytics::EvaluationOptions options;
  options.include_unapproved = f.Has("--include-unapproved");
  Result<analytics::UnitEvaluation> e =
      analytics::EvaluateUnit(figures, *tree, *unit, *period, options, {}, *plan);
  if (!e.ok()) return Fail(g, e.status());

  const AdminUnit* u = tree->Get(*unit);
  std::cout << u->VersionOn(on).full_name << " (" << u->code << ") — "
            << (vi ? period->LabelVi() : period->LabelEn()) << "\n\n";
  TextTable t(vi ? std::vector<std::string>{"Chỉ tiêu", "Kế hoạch năm", "Kết quả", "% KH năm", "% cùng kỳ",
                                            "Đánh giá", "Tiến độ"}
                 : std::vector<std::string>{"Indicator", "Year target", "Result", "% of year plan",
                                            "% of last year", "Status", "Pace"});
  for (const analytics::EvaluationRow& r : e->rows) {
    const IndicatorEvaluation& ev = r.evaluation;
    if (!ev.actual && !ev.target && !r.unapproved_value) continue;  // nothing to say about it
    t.AddRow({vi ? r.indicator.name_vi : r.indicator.name_en, TargetText(r, vi),
              ResultText(r, period->month_count(), vi), PlanText(ev, vi), PreviousText(ev, vi),
              vi ? AttainmentNameVi(ev.status) : AttainmentNameEn(ev.status), PaceText(ev, vi)});
  }
  t.Print(std::cout, {1, 2, 3, 4});
  std::cout << "\n" << (vi ? e->summary.ToVietnamese() : e->summary.ToEnglish());
  if (e->summary_plan != nullptr) {
    std::cout << (vi ? " (theo " : " (on ") << analytics::PlanLabel(*e->summary_plan, vi) << ")";
  }
  std::cout << "\n";
  return 0;
}

}  // namespace kiemdem::cli
