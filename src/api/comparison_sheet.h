// The units below a parent × indicators (analytics::ComparisonTable) as the
// sheet its .xlsx and .csv downloads hold (sent by evaluation_sheet.h's ReplySheet).
#ifndef KIEMDEM_API_COMPARISON_SHEET_H_
#define KIEMDEM_API_COMPARISON_SHEET_H_

#include <string>

#include "analytics/dashboard.h"
#include "analytics/unit_tree.h"
#include "core/period.h"
#include "io/table.h"

namespace kiemdem::api {

// The name of a sum over the units below: "Tổng các phường, xã", "Tổng các
// huyện, thành phố, thị xã" (core's AggregateOfUnitsLabel; English when !vi).
std::string ComparisonSumLabel(const analytics::ComparisonTable& t, bool vi);

// One row per unit and indicator, then each indicator combined over the
// units, named by its rule ("Tổng các …", "Tỷ lệ chung các …"). `vn_numbers`: numbers in
// Vietnamese form (the .xlsx writer stores them as typed number cells), else
// plain ("." decimals, no grouping) for CSV readers.
io::Sheet ComparisonSheet(const analytics::ComparisonTable& t, const analytics::UnitTree& tree, bool vi,
                          bool vn_numbers);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_COMPARISON_SHEET_H_
