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

// A date starting at number token i: d/m/yyyy, d-m-yyyy, d.m.yyyy, d/m, and,
// where `cued` (a date word comes before: "ngày 28-10", "trước 31.7",
// "Ngày 12- 2"), also d-m, d.m and "06 tháng 02 năm 2018".
std::optional<DateMatch> MatchDate(const Doc& doc, size_t i, bool cued = false);

// A date word (data/extract/date_cues.txt) right before token i.
bool DateCueBefore(const Doc& doc, size_t i);

// The year of the date at token i written without one: the latest year the
// sentence names ("năm 2022", a full date; not a range such as "giai đoạn
// 2021-2030"), else the reference date's. With only the reference date to go
// by, a deadline (`future`) in a month well before it falls in the next year
// and a reported event well after it in the year before. 0 where unknown.
int YearOfDate(const Doc& doc, size_t i, int month, bool future);

// The ISO date of `d` found at token i, with its year filled as YearOfDate says; empty if unknown.
std::string ResolveDate(const Doc& doc, size_t i, const DateMatch& d, bool future);

// The deadline an instruction in tokens [first, last] states, ISO, or empty:
// "trước ngày 15/9", "chậm nhất vào 10 giờ ngày 4/7", "trước tháng 2/2020"
// (the day before that month), "đến cuối năm 2018", "hoàn thành trong quý
// IV/2024" (data/extract/deadline_cues.txt). A time frame ("trong năm 2021",
// "trong những tháng cuối năm") is not a deadline.
std::string FindDeadline(const Doc& doc, size_t first, size_t last);

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

// The words a period written in words starts with ("tháng", "quý", "năm", …).
const PhraseSet& PeriodStarts();
// MatchPeriod's first test, for a loop over every token to do inline: a
// period starts at a number or at one of PeriodStarts().
inline bool MayStartPeriod(const Doc& doc, size_t i, const PhraseSet& starts) {
  return i < doc.size() && (doc.IsNumber(i) || starts.MayStartWith(doc.at(i).key));
}

// A plausible year written as a number token (1945-2100).
bool IsYearToken(const Doc& doc, size_t i, int* year = nullptr);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_TIME_EXPR_H_
