// A unit's evaluation for a period and the roll-up over its subtree as the
// sheets of their .xlsx and .csv downloads, and one way to send a download.
#ifndef KIEMDEM_API_EVALUATION_SHEET_H_
#define KIEMDEM_API_EVALUATION_SHEET_H_

#include <string>
#include <vector>

#include "analytics/evaluation_service.h"
#include "analytics/unit_tree.h"
#include "api/call.h"
#include "io/table.h"

namespace kiemdem::api {

// ?format=: "json" (also when absent), "xlsx" or "csv"; else InvalidArgument (field "format").
Result<std::string> DownloadFormat(const Call& call);

// A sheet's number cell: Vietnamese form with `decimals` ("2.317,8", which
// the .xlsx writer stores as a typed number) when `vn_numbers`, else plain
// ("." decimals, no grouping) for CSV readers; "" for no value.
std::string SheetNumber(const std::optional<double>& v, int decimals, bool vn_numbers);

// Sends `sheet_for(vn_numbers)` as `stem`.xlsx (Vietnamese numbers, which the
// writer stores as typed number cells) or `stem`.csv (plain numbers, UTF-8 with BOM).
Status ReplySheet(Call& call, const std::string& format, const std::string& stem,
                  const std::function<io::Sheet(bool vn_numbers)>& sheet_for);

// One row per indicator: result, target, % of plan, % of same period (or
// points for rates), last year, verdict, pace and the figure's state; the
// summary line ("12/14 chỉ tiêu …") in the title.
io::Sheet EvaluationSheet(const analytics::UnitEvaluation& e, const analytics::UnitTree& tree, bool vi,
                          bool vn_numbers);

// One row per indicator: the subtree's value (numerator and denominator for
// ratios), how many units reported of those expected, and what the value is
// ("Tổng các phường, xã", from `kinds`, the types of the units below).
io::Sheet RollupSheet(const std::vector<analytics::RollupRow>& rows, const std::vector<UnitType>& kinds,
                      const std::string& unit_name, const Period& period, bool vi, bool vn_numbers);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_EVALUATION_SHEET_H_
