#include "extract/internal/time_expr.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/date.h"
#include "extract/internal/lexicon.h"

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
  if (v >= 0 && v < 100) return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)};
  char b[16];
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

bool DateCueBefore(const Doc& doc, size_t i) {
  static const Lexicon& cues = GetLexicon("date_cues");
  if (i == 0) return false;
  for (size_t n = 1; n <= 2 && n <= i; ++n) {
    if (doc.MatchAny(i - n, cues.phrases()) == n) return true;
  }
  return false;
}

std::optional<DateMatch> MatchDate(const Doc& doc, size_t i, bool cued) {
  static const Phrase kMonth("tháng");
  static const Phrase kYear("năm");
  if (!doc.IsNumber(i)) return std::nullopt;
  int d = 0;
  int m = 0;
  int y = 0;
  std::string_view t = doc.at(i).text;
  // "6.9" and "11.5.2020" are single number tokens.
  if (size_t dot = t.find('.'); dot != std::string_view::npos && t.find(',') == std::string_view::npos) {
    size_t dot2 = t.find('.', dot + 1);
    std::string_view ds = t.substr(0, dot);
    std::string_view ms =
        t.substr(dot + 1, dot2 == std::string_view::npos ? std::string_view::npos : dot2 - dot - 1);
    if (ds.size() > 2 || ms.size() > 2 || !ToInt(ds, &d) || !ToInt(ms, &m)) return std::nullopt;
    if (d < 1 || d > 31 || m < 1 || m > 12) return std::nullopt;
    if (dot2 != std::string_view::npos) {
      std::string_view ys = t.substr(dot2 + 1);
      if (ys.size() != 4 || !ToInt(ys, &y) || y < 1945 || y > 2100) return std::nullopt;
      return DateMatch{i, d, m, y};
    }
    if (!cued) return std::nullopt;
    return DateMatch{i, d, m, 0};
  }
  if (t.size() > 2 || !ToInt(t, &d) || d < 1 || d > 31) return std::nullopt;
  size_t j = i + 1;
  // "06 tháng 02 năm 2018"
  if (cued && doc.KeyIs(j, kMonth) && doc.IsNumber(j + 1) && ToInt(doc.at(j + 1).text, &m) && m >= 1 &&
      m <= 12) {
    if (doc.KeyIs(j + 2, kYear) && IsYearToken(doc, j + 3, &y)) return DateMatch{j + 3, d, m, y};
    return DateMatch{j + 1, d, m, 0};
  }
  auto sep = [&](size_t k) {
    return (doc.IsPunct(k, "/") || doc.IsPunct(k, "-") || doc.IsPunct(k, ".")) && !doc.at(k).space_before &&
           doc.IsNumber(k + 1) && (!doc.at(k + 1).space_before || (cued && !doc.IsPunct(k, ".")));
  };
  // "Từ ngày 26 - 28/6/2017", "ngày 15-16/7": a span of days is dated by its first day.
  if (int d2 = 0; cued && (doc.IsPunct(j, "-") || doc.IsPunct(j, "\xE2\x80\x93")) && doc.IsNumber(j + 1) &&
                  ToInt(doc.at(j + 1).text, &d2) && d2 > d && d2 <= 31 && doc.at(j + 1).text.size() <= 2 &&
                  (doc.IsPunct(j + 2, "/") || doc.IsPunct(j + 2, "-") || doc.IsPunct(j + 2, "."))) {
    if (std::optional<DateMatch> end = MatchDate(doc, j + 1, /*cued=*/false); end && end->day == d2) {
      return DateMatch{end->last, d, end->month, end->year};
    }
  }
  if (!sep(j) || doc.at(j + 1).text.size() > 2 || !ToInt(doc.at(j + 1).text, &m) || m < 1 || m > 12) {
    return std::nullopt;
  }
  std::string_view s1 = doc.at(j).text;
  j += 2;
  if (doc.IsPunct(j, s1) && !doc.at(j).space_before && doc.IsNumber(j + 1) && !doc.at(j + 1).space_before &&
      IsYearToken(doc, j + 1, &y)) {
    return DateMatch{j + 1, d, m, y};
  }
  if (s1 != "/" && !cued) return std::nullopt;  // "5-10" is a range, not a date
  return DateMatch{j - 1, d, m, 0};
}

int YearOfDate(const Doc& doc, size_t i, int month, bool future) {
  static const PhraseSet kRangeWords{"giai đoạn", "nhiệm kỳ", "so với năm", "so với", "khóa", "khoá"};
  int best = 0;
  int sentence = doc.sentence[i];
  size_t b = i;
  while (b > 0 && doc.sentence[b - 1] == sentence) --b;
  for (size_t k = b; k < doc.size() && doc.sentence[k] == sentence; ++k) {
    int y = 0;
    if (!IsYearToken(doc, k, &y)) continue;
    bool range = (doc.IsPunct(k + 1, "-") && IsYearToken(doc, k + 2)) ||
                 (k >= 2 && doc.IsPunct(k - 1, "-") && IsYearToken(doc, k - 2));
    bool named = false;
    for (size_t n = 1; n <= 3 && n <= k; ++n) {
      if (doc.MatchAny(k - n, kRangeWords) == n) named = true;
    }
    if (range || named) continue;
    if (doc.ref.known() && y > doc.ref.year + 1) continue;  // a target year, not the date's
    if (doc.ref.known() && y == doc.ref.year) return y;
    // "tổng kết năm 2022, triển khai nhiệm vụ năm 2023" in late months is held in 2022.
    if (best > 0 && (y == best + 1 || y + 1 == best) && month >= 10 && !future) {
      best = std::min(best, y);
      continue;
    }
    best = std::max(best, y);
  }
  if (best > 0) return best;
  if (!doc.ref.known()) return 0;
  if (doc.ref.month > 0 && month > 0) {
    if (future && month < doc.ref.month - 1) return doc.ref.year + 1;
    if (!future && month > doc.ref.month + 1) return doc.ref.year - 1;
  }
  return doc.ref.year;
}

std::string ResolveDate(const Doc& doc, size_t i, const DateMatch& d, bool future) {
  int year = d.year > 0 ? d.year : YearOfDate(doc, i, d.month, future);
  return year > 0 ? IsoDate(year, d.month, d.day) : "";
}

std::string FindDeadline(const Doc& doc, size_t first, size_t last) {
  static const Lexicon& cues = GetLexicon("deadline_cues");
  static const Phrase kMonth("tháng");
  static const Phrase kQuarter("quý");
  static const Phrase kYear("năm");
  static const PhraseSet kSkip{"vào", "là", "ngày", "hôm", "trước", "giờ", "h", "sáng", "chiều", "trong"};
  for (size_t i = first; i <= last && i < doc.size(); ++i) {
    size_t n = 0;
    const std::string* kind = cues.ValueAt(doc, i, &n);
    if (kind == nullptr) continue;
    size_t j = i + n;
    if (*kind == "before") {
      // "trước ngày 15/9", "chậm nhất vào 10 giờ ngày 4/7"
      for (size_t k = j; k <= last && k < j + 6; ++k) {
        if (doc.IsNumber(k)) {
          if (std::optional<DateMatch> d = MatchDate(doc, k, /*cued=*/true)) {
            std::string iso = ResolveDate(doc, k, *d, /*future=*/true);
            if (!iso.empty()) return iso;
            break;
          }
          continue;  // "10 giờ"
        }
        if (doc.MatchAny(k, kSkip) == 0) break;
      }
      continue;
    }
    int y = 0;
    int m = 0;
    if (*kind == "year_end") {
      if (doc.KeyIs(j, kYear)) ++j;
      if (!IsYearToken(doc, j, &y)) y = YearOfDate(doc, i, 12, /*future=*/true);
      if (y > 0) return IsoDate(y, 12, 31);
      continue;
    }
    if (*kind == "month_end" || *kind == "month_before") {
      if (doc.KeyIs(j, kMonth)) ++j;
      if (!doc.IsNumber(j) || !ToInt(doc.at(j).text, &m) || m < 1 || m > 12) continue;
      const bool year_follows = doc.IsPunct(j + 1, "/") || doc.IsPunct(j + 1, "-") || doc.KeyIs(j + 1, kYear);
      if (!year_follows || !IsYearToken(doc, j + 2, &y)) y = YearOfDate(doc, i, m, /*future=*/true);
      if (y == 0) continue;
      if (*kind == "month_end") return EndOfMonth(y, m).ToIso();
      Result<Date> first_day = Date::FromYmd(y, m, 1);
      if (first_day.ok()) return first_day->AddDays(-1).ToIso();
      continue;
    }
    if (*kind == "done_in_quarter" || *kind == "done_in_year") {
      // "hoàn thành … trong quý IV/2024" is a limit; "trong quý III năm 2020" alone is a time frame.
      static const PhraseSet kDone{"hoàn thành", "xong", "hoàn tất"};
      bool done = false;
      for (size_t k = first; k < i && !done; ++k) done = doc.MatchAny(k, kDone) > 0;
      if (!done) continue;
    }
    if (*kind == "done_in_year") {
      // "hoàn thành … trong năm 2019": its last day; the year must be written, and
      // a span of years ("trong năm 2019-2020") is a time frame, not a limit.
      int next = 0;
      bool span = (doc.IsPunct(j + 1, "-") || doc.IsPunct(j + 1, "–")) && IsYearToken(doc, j + 2, &next);
      if (IsYearToken(doc, j, &y) && !span) return IsoDate(y, 12, 31);
      continue;
    }
    if (*kind == "quarter_end" || *kind == "quarter_before" || *kind == "done_in_quarter") {
      if (doc.KeyIs(j, kQuarter)) ++j;
      int q = doc.IsWord(j) ? RomanQuarter(doc.at(j).text) : 0;
      if (q == 0) continue;
      if ((doc.IsPunct(j + 1, "/") || doc.KeyIs(j + 1, kYear)) && IsYearToken(doc, j + 2, &y)) {
      } else {
        y = YearOfDate(doc, i, q * 3, /*future=*/true);
      }
      if (y == 0) continue;
      if (*kind != "quarter_before") return EndOfMonth(y, q * 3).ToIso();
      Result<Date> first_day = Date::FromYmd(y, q * 3 - 2, 1);
      if (first_day.ok()) return first_day->AddDays(-1).ToIso();
    }
  }
  return "";
}

const PhraseSet& PeriodStarts() {
  static const auto* starts = new PhraseSet{"tháng", "quý", "nhiệm kỳ", "giai đoạn", "đến ngày", "năm"};
  return *starts;
}

std::optional<PeriodMatch> MatchPeriod(const Doc& doc, size_t i, int context_year) {
  static const PhraseSet& kStarts = PeriodStarts();
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
    // "tháng 10" of the year in context; not the month of a date ("ngày 15 tháng 10").
    if (context_year > 0 && !(i > 0 && doc.IsNumber(i - 1)) && !doc.IsPunct(i + 2, "/") &&
        !doc.IsPunct(i + 2, "-")) {
      return PeriodMatch{i, i + 1, std::to_string(context_year) + "-" + Two(n), context_year};
    }
    return std::nullopt;
  }
  // "quý III/2018", "quý I năm 2020"
  // "quý 1/2015", and "quý I" of the year in context
  if (doc.KeyIs(i, kQuy) && (doc.IsWord(i + 1) || doc.IsNumber(i + 1))) {
    int q = doc.IsWord(i + 1) ? RomanQuarter(doc.at(i + 1).text) : 0;
    if (doc.IsNumber(i + 1) && ToInt(doc.at(i + 1).text, &q) && (q < 1 || q > 4)) q = 0;
    size_t j = i + 2;
    if (doc.IsPunct(j, "/") || doc.KeyIs(j, kNam)) ++j;
    if (q > 0 && IsYearToken(doc, j, &y)) return PeriodMatch{i, j, Range(y, q * 3 - 2, y, q * 3), y};
    if (q > 0 && context_year > 0) {
      return PeriodMatch{i, i + 1, Range(context_year, q * 3 - 2, context_year, q * 3), context_year};
    }
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
    if (std::optional<DateMatch> d = MatchDate(doc, i + 2, /*cued=*/true); d && d->year > 0) {
      return PeriodMatch{i, d->last, FirstMonths(d->year, d->month), d->year};
    }
    return std::nullopt;
  }
  // "năm 2016"
  if (doc.KeyIs(i, kNam) && IsYearToken(doc, i + 1, &y)) return PeriodMatch{i, i + 1, std::to_string(y), y};
  return std::nullopt;
}

void MarkDatesAndTimes(Doc& doc) {
  for (size_t i = 0; i < doc.size(); ++i) {
    if (!doc.IsNumber(i)) continue;
    if (doc.IsPunct(i + 1, ":") && doc.IsNumber(i + 2) && !doc.at(i + 1).space_before) {
      doc.used[i] = doc.used[i + 1] = doc.used[i + 2] = true;  // 19:46
      i += 2;
      continue;
    }
    bool cued = DateCueBefore(doc, i);
    std::optional<DateMatch> d = MatchDate(doc, i, cued);
    if (!d) continue;
    // d/m/yyyy is a date; d/m only after a date word ("Sáng ngày 11/5").
    if (d->year == 0 && !cued) continue;
    for (size_t k = i; k <= d->last; ++k) doc.used[k] = true;
    i = d->last;
  }
}

}  // namespace kiemdem::extract::internal
