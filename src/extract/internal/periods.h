// Which reporting period is in force at each token (SPEC "period" of a
// measure): a clause-initial expression followed by a comma ("Năm 2020, …",
// "10 tháng năm 2018, …") governs the rest of its paragraph; "trong năm 2021"
// inside a clause governs that clause; the document's main period applies
// where nothing else does.
#ifndef KIEMDEM_EXTRACT_INTERNAL_PERIODS_H_
#define KIEMDEM_EXTRACT_INTERNAL_PERIODS_H_

#include <string>
#include <vector>

#include "extract/internal/doc.h"

namespace kiemdem::extract::internal {

// The period of each token, SPEC form ("2018-01/2018-10"), empty where none
// (by index: a text has few periods and many tokens).
// The main period is the first governing expression, else the first that is
// not a term of office ("nhiệm kỳ 2020-2025"), else the month of the meeting
// (`meeting_date`, ISO, may be empty), else the reference date as precise as
// it is ("2025", "2025-07"). Periods written without a year ("6 tháng đầu
// năm", "tháng 10") take the reference year, else the year last named.
struct PeriodMap {
  std::vector<std::string> periods;  // the values; periods[0] is the main period
  std::vector<uint32_t> at;          // of each token, its index in `periods`
  const std::string& period(size_t token) const { return periods[at[token]]; }
};
PeriodMap AssignPeriods(const Doc& doc, const std::string& meeting_date);

}  // namespace kiemdem::extract::internal

#endif  // KIEMDEM_EXTRACT_INTERNAL_PERIODS_H_
