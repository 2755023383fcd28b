// A calendar date (proleptic Gregorian), with Vietnamese (dd/mm/yyyy) and ISO
// (yyyy-mm-dd) text forms. Dates compare and subtract as day numbers.
#ifndef KIEMDEM_CORE_DATE_H_
#define KIEMDEM_CORE_DATE_H_

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace kiemdem {

class Date {
 public:
  // 1970-01-01.
  Date() = default;

  // Fails with a message naming the bad part ("month 13 is not 1-12").
  static Result<Date> FromYmd(int year, int month, int day);
  // "2018-11-25".
  static Result<Date> ParseIso(std::string_view text);
  // "25/11/2018", "5/2/2020", "17-9-2019"; also accepts ISO.
  static Result<Date> Parse(std::string_view text);
  static Date FromDayNumber(int64_t days_since_epoch);

  int year() const;
  int month() const;
  int day() const;
  int64_t day_number() const { return days_; }

  // "25/11/2018" (leading zeros, as Vietnamese documents write it).
  std::string ToVietnamese() const;
  // "2018-11-25".
  std::string ToIso() const;
  // "ngày 05 tháng 02 năm 2025", "ngày 25 tháng 11 năm 2018": the date line of
  // a document under Decree 30/2020/NĐ-CP, where only days below 10 and the
  // months 1 and 2 take a leading zero ("ngày 02 tháng 3 năm 2026").
  std::string ToDecree30() const;

  Date AddDays(int64_t n) const { return FromDayNumber(days_ + n); }
  friend int64_t operator-(Date a, Date b) { return a.days_ - b.days_; }
  friend auto operator<=>(Date a, Date b) = default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 bug

 private:
  explicit Date(int64_t days) : days_(days) {}
  int64_t days_ = 0;
};

bool IsLeapYear(int year);
// Days in the month (1-12) of the year; 0 for an invalid month.
int DaysInMonth(int year, int month);
// The last day of the month.
Date EndOfMonth(int year, int month);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_DATE_H_
