#include "extract/internal/periods.h"

#include <cstdio>

#include "extract/internal/time_expr.h"

namespace kiemdem::extract::internal {
namespace {

bool ClauseMark(const Doc& doc, size_t i) {
  const Token& t = doc.at(i);
  return t.kind == TokenKind::kPunct &&
         (t.text == "," || t.text == ";" || t.text == ":" || t.text == "." || t.text == "(" ||
          t.text == ")" || t.text == "!" || t.text == "?" || t.text == "\xE2\x80\x9C" || t.text == "\"");
}

// "2020-01/2025-12": a span of years, as a term of office is.
bool IsTerm(const std::string& period) {
  return period.size() == 15 && period.compare(0, 4, period, 8, 4) != 0;
}

std::string ReferencePeriod(const ReferenceDate& ref) {
  if (!ref.known()) return "";
  char b[32];
  if (ref.month > 0) {
    std::snprintf(b, sizeof b, "%04d-%02d", ref.year, ref.month);
  } else {
    std::snprintf(b, sizeof b, "%04d", ref.year);
  }
  return b;
}

}  // namespace

PeriodMap AssignPeriods(const Doc& doc, const std::string& meeting_date) {
  static const PhraseSet kLead{"trong",    "cũng trong", "theo đó",   "đến",
                               "tính đến", "đến hết",    "trong năm", "riêng"};
  static const PhraseSet kBasis{"so với", "cùng kỳ", "so"};
  static const Phrase kIn("trong");
  struct Found {
    PeriodMatch pm;
    size_t clause_start;
    bool governs;
  };
  std::vector<Found> found;
  int year = 0;
  const PhraseSet& starts = PeriodStarts();
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!MayStartPeriod(doc, i, starts)) continue;
    int context = doc.ref.known() ? doc.ref.year : year;
    std::optional<PeriodMatch> pm = MatchPeriod(doc, i, context);
    if (!pm) continue;
    // "so với năm 2015", "cùng kỳ năm 2015" name a basis, not a period.
    if (i >= 1 && (doc.MatchAnyEndingAt(i - 1, kBasis) > 0)) continue;
    size_t s0 = i;
    while (s0 > 0 && !ClauseMark(doc, s0 - 1) && doc.sentence[s0 - 1] == doc.sentence[i] &&
           !doc.at(s0).newline_before) {
      --s0;
    }
    size_t k = s0;
    while (k < i && doc.MatchAny(k, kLead) > 0) k += doc.MatchAny(k, kLead);
    size_t after = pm->last + 1;
    for (int words = 0; doc.IsWord(after) && words < 2; ++words) ++after;
    bool governs = k == i && (doc.IsPunct(after, ",") || doc.IsPunct(pm->last + 1, ","));
    found.push_back({*pm, s0, governs});
    if (!IsTerm(pm->period)) year = pm->year;
    i = pm->last;
  }
  std::string main_period;
  for (const Found& f : found) {
    if (f.governs && !IsTerm(f.pm.period)) {
      main_period = f.pm.period;
      break;
    }
  }
  for (size_t n = 0; n < found.size() && main_period.empty(); ++n) {
    if (!IsTerm(found[n].pm.period)) main_period = found[n].pm.period;
  }
  if (main_period.empty() && meeting_date.size() >= 7) main_period = meeting_date.substr(0, 7);
  if (main_period.empty()) main_period = ReferencePeriod(doc.ref);
  PeriodMap map;
  map.periods.reserve(found.size() + 1);
  map.periods.push_back(main_period);
  for (const Found& f : found) map.periods.push_back(f.pm.period);  // found[n] is periods[n + 1]
  std::vector<uint32_t>& period_at = map.at;
  period_at.assign(doc.size(), 0);
  uint32_t current = 0;
  size_t next = 0;
  int para = -1;
  for (size_t i = 0; i < doc.size(); ++i) {
    if (doc.paragraph[i] != para) {
      para = doc.paragraph[i];
      current = 0;
    }
    if (next < found.size() && found[next].pm.first == i) {
      auto index = static_cast<uint32_t>(next + 1);
      const Found& f = found[next++];
      for (size_t t = i; t <= f.pm.last; ++t) period_at[t] = index;
      if (f.governs) {
        current = index;
      } else if (i > 0 && doc.KeyIs(i - 1, kIn)) {
        size_t e = f.pm.last + 1;
        while (e < doc.size() && !ClauseMark(doc, e) && doc.sentence[e] == doc.sentence[i]) ++e;
        for (size_t t = f.clause_start; t < e; ++t) period_at[t] = index;
        i = e - 1;
        continue;
      }
      // "…, 4 tháng ước đạt 3.108 tỷ đồng": a period inside a clause covers
      // the figures after it in that clause.
      size_t e = f.pm.last + 1;
      while (e < doc.size() && !ClauseMark(doc, e) && doc.sentence[e] == doc.sentence[i] &&
             !(next < found.size() && found[next].pm.first == e)) {
        period_at[e] = index;
        ++e;
      }
      i = e - 1;
      continue;
    }
    period_at[i] = current;
  }
  return map;
}

}  // namespace kiemdem::extract::internal
