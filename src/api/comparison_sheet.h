// The units below a parent × indicators (analytics::ComparisonTable) as the
// sheet its .xlsx and .csv downloads hold, and the names those downloads use.
#ifndef KIEMDEM_API_COMPARISON_SHEET_H_
#define KIEMDEM_API_COMPARISON_SHEET_H_

#include <string>

#include "analytics/dashboard.h"
#include "analytics/unit_tree.h"
#include "core/period.h"
#include "io/table.h"

namespace kiemdem::api {

// "Tổng các phường, xã" when all the units below are communes, else "Tổng
// các đơn vị trực thuộc" (English when !vi).
std::string ComparisonSumLabel(const analytics::ComparisonTable& t, bool vi);

// "so-sanh-thanh-pho-ha-noi-2026-10": ASCII, no diacritics, for a download's name.
std::string ComparisonFileStem(const std::string& name, const Period& period);

// One row per unit and indicator, then the sums. `vn_numbers`: numbers in
// Vietnamese form (the .xlsx writer stores them as typed number cells), else
// plain ("." decimals, no grouping) for CSV readers.
io::Sheet ComparisonSheet(const analytics::ComparisonTable& t, const analytics::UnitTree& tree, bool vi,
                          bool vn_numbers);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_COMPARISON_SHEET_H_
