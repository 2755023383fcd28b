#include "core/period.h"

#include <charconv>

namespace kiemdem {
namespace {

constexpr int kMinYear = 1945;
constexpr int kMaxYear = 2200;

Status CheckYear(int year) {
  if (year < kMinYear || year > kMaxYear) {
    return InvalidArgument("year " + std::to_string(year) + " is outside 1945-2200",
                           "năm " + std::to_string(year) + " nằm ngoài khoảng 1945-2200");
  }
  return Status::Ok();
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 4) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Status BadPeriod(std::string_view text) {
  std::string t(text.substr(0, 40));
  return InvalidArgument(
      "'" + t + "' is not a period; use 2018, 2018-10, 2018-Q3, 2018-H1, 2018-H2 or 2018-01/2018-10",
      "'" + t +
          "' không phải là kỳ báo cáo; hãy dùng 2018, 2018-10, 2018-Q3, 2018-H1, 2018-H2 "
          "hoặc 2018-01/2018-10");
}

const char* kMonthNamesEn[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string TwoDigits(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

std::string RomanQuarter(int quarter) {
  static const char* kRoman[] = {"I", "II", "III", "IV"};
  return quarter >= 1 && quarter <= 4 ? kRoman[quarter - 1] : "?";
}

Result<Period> Period::Months(int year, int first_month, int last_month) {
  RETURN_IF_ERROR(CheckYear(year));
  if (first_month < 1 || first_month > 12 || last_month < 1 || last_month > 12) {
    int bad = (first_month < 1 || first_month > 12) ? first_month : last_month;
    return InvalidArgument("month " + std::to_string(bad) + " is not 1-12",
                           "tháng " + std::to_string(bad) + " không nằm trong 1-12");
  }
  if (first_month > last_month) {
    return InvalidArgument("the period starts in month " + std::to_string(first_month) +
                               " after it ends in month " + std::to_string(last_month),
                           "kỳ bắt đầu ở tháng " + std::to_string(first_month) + " sau tháng kết thúc " +
                               std::to_string(last_month));
  }
  return Period(year, first_month, last_month);
}

Result<Period> Period::Month(int year, int month) { return Months(year, month, month); }

Result<Period> Period::Quarter(int year, int quarter) {
  if (quarter < 1 || quarter > 4) {
    return InvalidArgument("quarter " + std::to_string(quarter) + " is not 1-4",
                           "quý " + std::to_string(quarter) + " không nằm trong 1-4");
  }
  return Months(year, quarter * 3 - 2, quarter * 3);
}

Result<Period> Period::FirstMonths(int year, int months) {
  if (months < 1 || months > 12) {
    return InvalidArgument(std::to_string(months) + " months is not 1-12",
                           std::to_string(months) + " tháng không nằm trong 1-12");
  }
  return Months(year, 1, months);
}

Result<Period> Period::SecondHalf(int year) { return Months(year, 7, 12); }
Result<Period> Period::Year(int year) { return Months(year, 1, 12); }

Result<Period> Period::Parse(std::string_view text) {
  int year = 0;
  if (text.size() < 4 || !ParseInt(text.substr(0, 4), &year)) return BadPeriod(text);
  if (text.size() == 4) return Year(year);
  if (text[4] != '-') return BadPeriod(text);
  std::string_view rest = text.substr(5);
  if (rest == "H1") return FirstMonths(year, 6);
  if (rest == "H2") return SecondHalf(year);
  if (rest.size() == 2 && rest[0] == 'Q') {
    int q = 0;
    if (!ParseInt(rest.substr(1), &q)) return BadPeriod(text);
    return Quarter(year, q);
  }
  int month = 0;
  if (rest.size() == 2 && ParseInt(rest, &month)) return Month(year, month);
  // "2018-01/2018-10"
  if (rest.size() == 10 && rest[2] == '/' && rest[7] == '-') {
    int first = 0;
    int year2 = 0;
    int last = 0;
    if (!ParseInt(rest.substr(0, 2), &first) || !ParseInt(rest.substr(3, 4), &year2) ||
        !ParseInt(rest.substr(8, 2), &last)) {
      return BadPeriod(text);
    }
    if (year2 != year) {
      return InvalidArgument("'" + std::string(text) + "' spans two years; a period lies in one year",
                             "'" + std::string(text) + "' trải qua hai năm; một kỳ phải nằm trong một năm");
    }
    return Months(year, first, last);
  }
  return BadPeriod(text);
}

PeriodKind Period::kind() const {
  if (first_ == last_) return PeriodKind::kMonth;
  if (first_ == 1 && last_ == 12) return PeriodKind::kYear;
  if (first_ == 1 && last_ == 6) return PeriodKind::kFirstHalf;
  if (first_ == 7 && last_ == 12) return PeriodKind::kSecondHalf;
  if (last_ - first_ == 2 && first_ % 3 == 1) return PeriodKind::kQuarter;
  if (first_ == 1) return PeriodKind::kCumulative;
  return PeriodKind::kRange;
}

std::string Period::Key() const {
  std::string y = std::to_string(year_);
  switch (kind()) {
    case PeriodKind::kYear: return y;
    case PeriodKind::kMonth: return y + "-" + TwoDigits(first_);
    case PeriodKind::kQuarter: return y + "-Q" + std::to_string((first_ + 2) / 3);
    case PeriodKind::kFirstHalf: return y + "-H1";
    case PeriodKind::kSecondHalf: return y + "-H2";
    case PeriodKind::kCumulative:
    case PeriodKind::kRange: break;
  }
  return SpecKey();
}

std::string Period::SpecKey() const {
  std::string y = std::to_string(year_);
  if (first_ == 1 && last_ == 12) return y;
  if (first_ == last_) return y + "-" + TwoDigits(first_);
  return y + "-" + TwoDigits(first_) + "/" + y + "-" + TwoDigits(last_);
}

std::string Period::LabelVi() const {
  std::string y = std::to_string(year_);
  switch (kind()) {
    case PeriodKind::kYear: return "năm " + y;
    // Prose does not pad the month: "tháng 3/2020".
    case PeriodKind::kMonth: return "tháng " + std::to_string(first_) + "/" + y;
    case PeriodKind::kQuarter: return "quý " + RomanQuarter((first_ + 2) / 3) + "/" + y;
    case PeriodKind::kFirstHalf: return "6 tháng đầu năm " + y;
    case PeriodKind::kSecondHalf: return "6 tháng cuối năm " + y;
    case PeriodKind::kCumulative: return std::to_string(last_) + " tháng năm " + y;
    case PeriodKind::kRange:
      // The months that close a year are "2 tháng cuối năm 2018", as reports say.
      if (last_ == 12) return std::to_string(last_ - first_ + 1) + " tháng cuối năm " + y;
      return "tháng " + std::to_string(first_) + "-" + std::to_string(last_) + "/" + y;
  }
  return y;
}

std::string Period::LabelEn() const {
  std::string y = std::to_string(year_);
  switch (kind()) {
    case PeriodKind::kYear: return y;
    case PeriodKind::kMonth: return std::string(kMonthNamesEn[first_ - 1]) + " " + y;
    case PeriodKind::kQuarter: return "Q" + std::to_string((first_ + 2) / 3) + " " + y;
    case PeriodKind::kFirstHalf: return "first half of " + y;
    case PeriodKind::kSecondHalf: return "second half of " + y;
    case PeriodKind::kCumulative: return "first " + std::to_string(last_) + " months of " + y;
    case PeriodKind::kRange:
      return std::string(kMonthNamesEn[first_ - 1]).substr(0, 3) + "–" +
             std::string(kMonthNamesEn[last_ - 1]).substr(0, 3) + " " + y;
  }
  return y;
}

Result<DateRange> ReportingWindow(const Period& period, const ReportingRegime& regime) {
  if (regime.convention == ReportingRegime::Convention::kStatistical) {
    ASSIGN_OR_RETURN(Date from, Date::FromYmd(period.year(), period.first_month(), 1));
    return DateRange{from, EndOfMonth(period.year(), period.last_month())};
  }
  if (regime.cutoff_day < 1 || regime.cutoff_day > 28) {
    return InvalidArgument(
        "cut-off day " + std::to_string(regime.cutoff_day) + " is not 1-28",
        "ngày chốt số liệu " + std::to_string(regime.cutoff_day) + " không nằm trong 1-28");
  }
  int from_year = period.year();
  int from_month = period.first_month() - 1;
  if (from_month == 0) {
    from_month = 12;
    --from_year;
  }
  ASSIGN_OR_RETURN(Date to, Date::FromYmd(period.year(), period.last_month(), regime.cutoff_day));
  ASSIGN_OR_RETURN(Date from, Date::FromYmd(from_year, from_month, regime.cutoff_day + 1));
  return DateRange{from, to};
}

}  // namespace kiemdem
