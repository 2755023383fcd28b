#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace kiemdem {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

struct Ymd {
  int y;
  int m;
  int d;
};

Ymd CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool ParseInt(std::string_view s, int* out) {
  if (s.empty() || s.size() > 9) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

Status BadDate(std::string_view text) {
  std::string t(text.substr(0, 40));
  return InvalidArgument("'" + t + "' is not a date; write dd/mm/yyyy, e.g. 25/11/2018",
                         "'" + t + "' không phải là ngày; hãy viết dd/mm/yyyy, ví dụ 25/11/2018");
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

Date EndOfMonth(int year, int month) {
  return Date::FromDayNumber(DaysFromCivil(year, month, DaysInMonth(year, month)));
}

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1900 || year > 2200) {
    return InvalidArgument("year " + std::to_string(year) + " is outside 1900-2200",
                           "năm " + std::to_string(year) + " nằm ngoài khoảng 1900-2200");
  }
  if (month < 1 || month > 12) {
    return InvalidArgument("month " + std::to_string(month) + " is not 1-12",
                           "tháng " + std::to_string(month) + " không nằm trong 1-12");
  }
  if (day < 1 || day > DaysInMonth(year, month)) {
    return InvalidArgument("day " + std::to_string(day) + " does not exist in " + std::to_string(month) +
                               "/" + std::to_string(year),
                           "ngày " + std::to_string(day) + " không có trong tháng " + std::to_string(month) +
                               "/" + std::to_string(year));
  }
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

Result<Date> Date::ParseIso(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !ParseInt(text.substr(0, 4), &y) ||
      !ParseInt(text.substr(5, 2), &m) || !ParseInt(text.substr(8, 2), &d)) {
    return BadDate(text);
  }
  return FromYmd(y, m, d);
}

Result<Date> Date::Parse(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() == 10 && text[4] == '-') return ParseIso(text);
  // d/m/yyyy with '/', '-' or '.' as separator, the same one twice.
  size_t first = text.find_first_of("/-.");
  if (first == std::string_view::npos) return BadDate(text);
  char sep = text[first];
  size_t second = text.find(sep, first + 1);
  if (second == std::string_view::npos) return BadDate(text);
  int d = 0;
  int m = 0;
  int y = 0;
  std::string_view ys = text.substr(second + 1);
  if (!ParseInt(text.substr(0, first), &d) || !ParseInt(text.substr(first + 1, second - first - 1), &m) ||
      ys.size() != 4 || !ParseInt(ys, &y)) {
    return BadDate(text);
  }
  return FromYmd(y, m, d);
}

Date Date::FromDayNumber(int64_t days_since_epoch) { return Date(days_since_epoch); }

int Date::year() const { return CivilFromDays(days_).y; }
int Date::month() const { return CivilFromDays(days_).m; }
int Date::day() const { return CivilFromDays(days_).d; }

std::string Date::ToVietnamese() const {
  Ymd c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", c.d, c.m, c.y);
  return buf;
}

std::string Date::ToDecree30() const {
  Ymd c = CivilFromDays(days_);
  char buf[48];
  std::snprintf(buf, sizeof buf, c.m <= 2 ? "ngày %02d tháng %02d năm %04d" : "ngày %02d tháng %d năm %04d",
                c.d, c.m, c.y);
  return buf;
}

std::string Date::ToIso() const {
  Ymd c = CivilFromDays(days_);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

}  // namespace kiemdem
