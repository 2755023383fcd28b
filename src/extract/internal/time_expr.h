// Dates ("25/11/2018", "11/5", "17-9-2019") and reporting periods ("10 tháng
// năm 2018", "6 tháng đầu năm 2021", "năm 2016", "nhiệm kỳ 2020-2025") found
// in the token stream.
#ifndef KIEMDEM_EXTRACT_INTERNAL_TIME_EXPR_H_
#define KIEMDEM_EXTRACT_INTERNAL_TIME_EXPR_H_

#include <optional>
#include <string>

#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

struct DateMatch {
  size_t last;  // last token of the date
  int day;
  int month;
  int year;  // 0 when the text gives none
};

// A date starting at number token i: d/m/yyyy, d-m-yyyy, d.m.yyyy or d/m.
// `cued`: a date word comes before ("ngày 28-10"), so d-m is a date too.
std::optional<DateMatch> MatchDate(const Doc& doc, size_t i, bool cued = false);

// "yyyy-mm-dd", or empty if the date is invalid.
std::string IsoDate(int year, int month, int day);

struct PeriodMatch {
  size_t first;
  size_t last;
  std::string period;  // SPEC form
  int year;            // the (last) year it names
};

// A period expression starting at token i. `context_year` fills "10 tháng"
// without a year (0: none known).
std::optional<PeriodMatch> MatchPeriod(const Doc& doc, size_t i, int context_year);

// A plausible year written as a number token (1945-2100).
bool IsYearToken(const Doc& doc, size_t i, int* year = nullptr);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_TIME_EXPR_H_
