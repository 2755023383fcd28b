// A reporting period as Vietnamese reports name it: a month, a quarter, the
// first or second half, the first N months ("9 tháng", "10 tháng"), the year,
// or any run of months inside one year ("2 tháng cuối năm"). A period is its
// year and first and last month; the kind follows from them (Q1 is "3 tháng
// đầu năm", H1 is "6 tháng").
//
//   Period p = *Period::Parse("2018-01/2018-10");   // 10 tháng năm 2018
//   p.LabelVi();                                     // "10 tháng năm 2018"
//   p.SamePeriodLastYear().Key();                    // "2017-01/2017-10"
//   ReportingWindow(p, ReportingRegime{}).from;     // 15/12/2017 (Decree 09)
#ifndef KIEMDEM_CORE_PERIOD_H_
#define KIEMDEM_CORE_PERIOD_H_

#include <compare>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/status.h"

namespace kiemdem {

enum class PeriodKind {
  kMonth,       // tháng 10/2018
  kQuarter,     // quý III/2018
  kFirstHalf,   // 6 tháng đầu năm
  kSecondHalf,  // 6 tháng cuối năm
  kCumulative,  // N tháng đầu năm (N = 2..11, not 3 or 6): 9 tháng, 10 tháng
  kYear,        // năm 2018
  kRange,       // any other run of months: tháng 11-12/2018
};

class Period {
 public:
  static Result<Period> Month(int year, int month);
  static Result<Period> Quarter(int year, int quarter);
  // The first `months` months of the year (1..12); 12 is the year.
  static Result<Period> FirstMonths(int year, int months);
  static Result<Period> SecondHalf(int year);
  static Result<Period> Year(int year);
  // Months first..last of one year.
  static Result<Period> Months(int year, int first_month, int last_month);

  // Accepts the canonical keys below and the SPEC's "2018-01/2018-10".
  static Result<Period> Parse(std::string_view text);

  int year() const { return year_; }
  int first_month() const { return first_; }
  int last_month() const { return last_; }
  int month_count() const { return last_ - first_ + 1; }
  PeriodKind kind() const;
  bool ContainsMonth(int month) const { return month >= first_ && month <= last_; }
  bool Contains(const Period& other) const {
    return other.year_ == year_ && other.first_ >= first_ && other.last_ <= last_;
  }

  // Canonical key: "2018", "2018-10", "2018-Q3", "2018-H1", "2018-H2",
  // "2018-01/2018-10" (other runs of months).
  std::string Key() const;
  // As in the SPEC: "2018" for a year, "2018-10" for a month, else "2018-01/2018-10".
  std::string SpecKey() const;
  // "tháng 10/2018", "quý III/2018", "6 tháng đầu năm 2018", "9 tháng năm 2018", "năm 2018".
  std::string LabelVi() const;
  // "October 2018", "Q3 2018", "first half of 2018", "first 9 months of 2018", "2018".
  std::string LabelEn() const;

  Period SamePeriodLastYear() const { return Period(year_ - 1, first_, last_); }

  friend auto operator<=>(const Period&,
                          const Period&) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 bug

 private:
  Period(int year, int first, int last) : year_(year), first_(first), last_(last) {}
  int year_;
  int first_;
  int last_;
};

// How a reporting regime cuts its data. Decree 09/2019/NĐ-CP (Art. 12): a
// management report's data runs from the 15th of the month before the period
// to the 14th of its last month; statistical reports (Decree 60/2018) use
// calendar months. Regimes may set another cut-off day (e.g. 15).
struct ReportingRegime {
  enum class Convention { kManagement, kStatistical };
  Convention convention = Convention::kManagement;
  int cutoff_day = 14;  // last day of data in a management period (1..28)
};

struct DateRange {
  Date from;  // first day, inclusive
  Date to;    // last day, inclusive
};

// The data window of a period under a regime. Fails if cutoff_day is not 1..28.
Result<DateRange> ReportingWindow(const Period& period, const ReportingRegime& regime);

// "I", "II", "III", "IV" for quarters 1-4.
std::string RomanQuarter(int quarter);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_PERIOD_H_
