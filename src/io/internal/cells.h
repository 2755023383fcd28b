// What every importer shares: collecting problems by row and column, and
// reading numbers, yes/no and dates out of cells as officials write them.
#ifndef KIEMDEM_IO_INTERNAL_CELLS_H_
#define KIEMDEM_IO_INTERNAL_CELLS_H_

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "io/importer.h"
#include "io/table.h"

namespace kiemdem::io::internal {

// Collects problems for one located table; the column is named by its letter
// and its Vietnamese header ("C (Giá trị)"). Every problem is counted; the
// first ImportOutcome::kMaxProblems are kept, each message cut to
// kMaxProblemMessage bytes (a message may quote a whole cell).
constexpr size_t kMaxProblemMessage = 300;
struct Problems {
  const LocatedTable* table;
  const std::vector<ColumnSpec>* columns;
  ImportOutcome* out;
  void Add(const SheetRow& row, const std::string& key, const Status& s) const;
};

// "2.317,8", "45 tỷ" and numbers as Excel stores them.
Result<double> Number(const std::string& text);
// có/không, x, 1/0, yes/no; empty is no.
Result<bool> YesNo(const std::string& text);
// The value of a state reached or not as people type it in a sheet: "Đạt"
// (1), "Chưa đạt" or "Không đạt" (0), with or without diacritics, else the
// number written (ValidateObservation then takes only 1 or 0).
Result<double> Reached(const std::string& text);
// dd/mm/yyyy, yyyy-mm-dd or an Excel date serial (45839 is 01/07/2025); empty is none.
Result<std::optional<Date>> DateCell(const std::string& text);
// A whole number within [low, high].
Result<int> WholeNumber(const std::string& text, int low, int high);

// The header row of an export: each column's last (Vietnamese) header.
SheetRow HeaderRow(const std::vector<ColumnSpec>& columns);
// Each column's kind, for Sheet::kinds.
std::vector<CellKind> ColumnKinds(const std::vector<ColumnSpec>& columns);

}  // namespace kiemdem::io::internal

#endif  // KIEMDEM_IO_INTERNAL_CELLS_H_
