// Vietnamese number text: "." groups thousands and "," marks decimals
// ("2.317,8", "19.885.177.001"). Parsing and formatting live here and only here.
#ifndef KIEMDEM_CORE_VN_NUMBER_H_
#define KIEMDEM_CORE_VN_NUMBER_H_

#include <string>
#include <string_view>

#include "core/status.h"

namespace kiemdem {

struct ParsedNumber {
  double value = 0;
  // Digits written after the decimal mark: 2 for "66,66", 0 for "88".
  int decimals = 0;
};

// Parses a number as Vietnamese officials write it:
//   "2.317,8" -> 2317.8   "19.885.177.001" -> 19885177001   "1.500" -> 1500
//   "5,5" -> 5.5   "-3" -> -3   "2 317,8" -> 2317.8 (spaces group thousands too)
// A single "." not followed by exactly three digits is a decimal point
// ("22.5" -> 22.5), as in text typed on an English keyboard. Anything else
// ("1.23.4", "12,3,4", "abc", "") fails with a message that quotes the text.
Result<ParsedNumber> ParseVietnameseNumber(std::string_view text);

// Formats with "." thousands and "," decimals, at most `max_decimals` digits
// after the mark, trailing zeros dropped: 2317.8 -> "2.317,8",
// 19885177001 -> "19.885.177.001", 88.2746 (2) -> "88,27".
std::string FormatVietnameseNumber(double value, int max_decimals = 2);

// Same, with a fixed number of decimals kept: 88.2 (2) -> "88,20".
std::string FormatVietnameseFixed(double value, int decimals);

// "88,27%".
std::string FormatVietnamesePercent(double percent, int max_decimals = 2);

// A figure in English notes: "." decimals, no grouping, up to two decimals,
// trailing zeros dropped: 49.7301 -> "49.73", 110 -> "110".
std::string FormatEnglishNumber(double value);

// A worked-out percentage as reports and the web app write it: one decimal
// ("107,5%", "97%"), two when the value has exactly two ("66,66%").
std::string FormatReportedPercent(double percent);

// A difference in percentage points, signed: "+0,43 điểm %", "−3,5 điểm %"
// ("+0,43 pts" in English).
std::string FormatPoints(double points, bool vi = true);

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_VN_NUMBER_H_
