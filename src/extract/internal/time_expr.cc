#include "extract/internal/time_expr.h"

#include <charconv>
#include <cstdio>

#include "core/date.h"

namespace kiemdem::extract::internal {
namespace {

bool ToInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  std::from_chars(s.data(), s.data() + s.size(), *out);
  return true;
}

std::string Two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

std::string Range(int y1, int m1, int y2, int m2) {
  return std::to_string(y1) + "-" + Two(m1) + "/" + std::to_string(y2) + "-" + Two(m2);
}

// "2016" or "2018-01/2018-10" for the first `months` months.
std::string FirstMonths(int year, int months) {
  if (months == 12) return std::to_string(year);
  return Range(year, 1, year, months);
}

int RomanQuarter(std::string_view s) {
  if (s == "I") return 1;
  if (s == "II") return 2;
  if (s == "III") return 3;
  if (s == "IV") return 4;
  return 0;
}

}  // namespace

std::string IsoDate(int year, int month, int day) {
  Result<Date> d = Date::FromYmd(year, month, day);
  return d.ok() ? d->ToIso() : "";
}

bool IsYearToken(const Doc& doc, size_t i, int* year) {
  int y = 0;
  if (!doc.IsNumber(i) || doc.at(i).text.size() != 4 || !ToInt(doc.at(i).text, &y)) return false;
  if (y < 1945 || y > 2100) return false;
  if (year != nullptr) *year = y;
  return true;
}

std::optional<DateMatch> MatchDate(const Doc& doc, size_t i, bool cued) {
  if (!doc.IsNumber(i)) return std::nullopt;
  int d = 0;
  int m = 0;
  int y = 0;
  // "27/2/2020" tokenizes as 27 / 2 / 2020; "17-9-2019" as 17 - 9 - 2019;
  // "11.5.2020" may be a single number token "11.5.2020"? No: the tokenizer
  // joins "11.5" only; treat separators uniformly.
  std::string_view t = doc.at(i).text;
  if (!ToInt(t, &d) || d < 1 || d > 31) return std::nullopt;
  size_t j = i + 1;
  auto sep = [&](size_t k) {
    return (doc.IsPunct(k, "/") || doc.IsPunct(k, "-")) && !doc.at(k).space_before && doc.IsNumber(k + 1) &&
           !doc.at(k + 1).space_before;
  };
  if (!sep(j) || !ToInt(doc.at(j + 1).text, &m) || m < 1 || m > 12) return std::nullopt;
  std::string_view s1 = doc.at(j).text;
  j += 2;
  if (doc.IsPunct(j, s1) && !doc.at(j).space_before && doc.IsNumber(j + 1) && !doc.at(j + 1).space_before &&
      IsYearToken(doc, j + 1, &y)) {
    return DateMatch{j + 1, d, m, y};
  }
  if (s1 == "-" && !cued) return std::nullopt;  // "5-10" is a range, not a date
  return DateMatch{j - 1, d, m, 0};
}

std::optional<PeriodMatch> MatchPeriod(const Doc& doc, size_t i, int context_year) {
  static const PhraseSet kStarts{"tháng", "quý", "nhiệm kỳ", "giai đoạn", "đến ngày", "năm"};
  if (i >= doc.size() || (!doc.IsNumber(i) && doc.MatchAny(i, kStarts) == 0)) return std::nullopt;
  static const Phrase kThang("tháng");
  static const Phrase kNam("năm");
  static const Phrase kDau("đầu");
  static const Phrase kCuoi("cuối");
  static const Phrase kQuy("quý");
  static const Phrase kVa("và");
  static const Phrase kNhiemKy("nhiệm kỳ");
  static const Phrase kGiaiDoan("giai đoạn");
  static const Phrase kDenNgay("đến ngày");
  int y = 0;
  int n = 0;
  // "N tháng (đầu|cuối)? (năm)? YYYY"
  if (doc.IsNumber(i) && ToInt(doc.at(i).text, &n) && n >= 1 && n <= 12 && doc.KeyIs(i + 1, kThang)) {
    size_t j = i + 2;
    bool last_months = false;
    if (doc.KeyIs(j, kDau))
      ++j;
    else if (doc.KeyIs(j, kCuoi)) {
      last_months = true;
      ++j;
    }
    if (doc.KeyIs(j, kNam)) ++j;
    if (IsYearToken(doc, j, &y)) {
      PeriodMatch pm{i, j, last_months ? Range(y, 13 - n, y, 12) : FirstMonths(y, n), y};
      // "2 tháng cuối năm 2018 và năm 2019": the plan covers the last year.
      if (doc.KeyIs(j + 1, kVa) && doc.KeyIs(j + 2, kNam) && IsYearToken(doc, j + 3, &y)) {
        pm = {i, j + 3, std::to_string(y), y};
      }
      return pm;
    }
    if (context_year > 0 && n >= 2) {
      size_t last = j > i + 2 ? j - 1 : i + 1;
      return PeriodMatch{
          i, last, last_months ? Range(context_year, 13 - n, context_year, 12) : FirstMonths(context_year, n),
          context_year};
    }
    return std::nullopt;
  }
  // "tháng M/YYYY", "tháng M năm YYYY"
  if (doc.KeyIs(i, kThang) && doc.IsNumber(i + 1) && ToInt(doc.at(i + 1).text, &n) && n >= 1 && n <= 12) {
    if (doc.IsPunct(i + 2, "/") && IsYearToken(doc, i + 3, &y))
      return PeriodMatch{i, i + 3, std::to_string(y) + "-" + Two(n), y};
    if (doc.KeyIs(i + 2, kNam) && IsYearToken(doc, i + 3, &y))
      return PeriodMatch{i, i + 3, std::to_string(y) + "-" + Two(n), y};
    return std::nullopt;
  }
  // "quý III/2018", "quý I năm 2020"
  if (doc.KeyIs(i, kQuy) && doc.IsWord(i + 1)) {
    int q = RomanQuarter(doc.at(i + 1).text);
    size_t j = i + 2;
    if (doc.IsPunct(j, "/") || doc.KeyIs(j, kNam)) ++j;
    if (q > 0 && IsYearToken(doc, j, &y)) return PeriodMatch{i, j, Range(y, q * 3 - 2, y, q * 3), y};
    return std::nullopt;
  }
  // "nhiệm kỳ 2020-2025", "giai đoạn 2020 - 2025"
  size_t k = doc.Matches(i, kNhiemKy) ? 2 : doc.Matches(i, kGiaiDoan) ? 2 : 0;
  if (k > 0 && IsYearToken(doc, i + k, &y)) {
    int y2 = 0;
    if (doc.IsPunct(i + k + 1, "-") && IsYearToken(doc, i + k + 2, &y2) && y2 > y) {
      return PeriodMatch{i, i + k + 2, Range(y, 1, y2, 12), y2};
    }
    return std::nullopt;
  }
  // "Đến ngày 31/10/2017" -> the months of that year so far
  if (doc.Matches(i, kDenNgay)) {
    if (std::optional<DateMatch> d = MatchDate(doc, i + 2); d && d->year > 0) {
      return PeriodMatch{i, d->last, FirstMonths(d->year, d->month), d->year};
    }
    return std::nullopt;
  }
  // "năm 2016"
  if (doc.KeyIs(i, kNam) && IsYearToken(doc, i + 1, &y)) return PeriodMatch{i, i + 1, std::to_string(y), y};
  return std::nullopt;
}

void MarkDatesAndTimes(Doc& doc) {
  static const PhraseSet cues{"ngày", "sáng", "chiều", "tối", "trưa", "trước", "đến", "từ", "hôm"};
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.IsNumber(i)) continue;
    if (doc.IsPunct(i + 1, ":") && doc.IsNumber(i + 2) && !doc.at(i + 1).space_before) {
      doc.used[i] = doc.used[i + 1] = doc.used[i + 2] = true;  // 19:46
      i += 2;
      continue;
    }
    std::optional<DateMatch> d = MatchDate(doc, i);
    if (!d) continue;
    // d/m/yyyy is a date; d/m only after a date word ("Sáng ngày 11/5").
    if (d->year == 0 && !(i > 0 && doc.MatchAny(i - 1, cues) > 0)) continue;
    for (size_t k = i; k <= d->last; ++k) doc.used[k] = true;
    i = d->last;
  }
}

}  // namespace kiemdem::extract::internal
