// Imports units, indicators, plans and results from a sheet (CSV or .xlsx) into the store.
// The whole file is checked first; a file with any problem is rejected whole,
// with every problem listed by sheet, row and column, and nothing is stored.
#ifndef KIEMDEM_IO_IMPORTER_H_
#define KIEMDEM_IO_IMPORTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/table.h"
#include "store/store.h"

namespace kiemdem::io {

struct ImportProblem {
  std::string sheet;
  int row = 0;
  std::string column;  // "C (Giá trị)"; empty for a whole-row problem
  std::string message_en;
  std::string message_vi;

  // "results.csv, row 7, column C (Giá trị): '12,3,4' is not a number: …"
  std::string ToString(const std::string& lang) const;
};

struct ImportOutcome {
  // A file of bad rows makes a problem or more per row: the first ones are
  // kept whole, the rest are counted (per column too), so a flood of bad rows
  // costs counters, not memory.
  static constexpr size_t kMaxProblems = 200;

  int rows = 0;                         // data rows read
  int stored = 0;                       // rows stored (0 when there are problems)
  std::vector<ImportProblem> problems;  // the first kMaxProblems found, in file order
  size_t problem_count = 0;             // every problem found
  // Problems per column ("C (Giá trị)"; "" for whole-row problems).
  std::map<std::string, size_t> problems_by_column;
  // What is worth knowing but stored anyway: a reused code read as the unit
  // holding it in the row's period (once per code and unit, at most kMaxProblems).
  std::vector<ImportProblem> notes;
};

// Columns, with their Vietnamese headers (the last name of each list is the
// one exports write).
const std::vector<ColumnSpec>& ResultColumns();
const std::vector<ColumnSpec>& IndicatorColumns();
const std::vector<ColumnSpec>& UnitColumns();
const std::vector<ColumnSpec>& PlanColumns();  // one row per target

// How an import of results runs: `check_only` reads and checks every row but
// stores nothing (a preview); `may_enter` is asked for every row's unit and
// its refusal becomes that row's problem (the API's unit scope).
//
// A row names its unit by code and the period (or the day in its unit_on
// column, "Ngày đơn vị"): `resolve_unit` finds the unit (06811 in 2024 is
// Phường Thanh Sơn, from 01/07/2025 Phường Uông Bí; in 2025 it is an error
// naming both) and may add a note when the code named another unit at
// another time. Without it, the unit holding the code at the period's end
// (or on unit_on).
struct ResolvedUnit {
  UnitId unit = kNoUnit;
  std::string note_en;  // "" or what else the code named and how to choose it
  std::string note_vi;
};
using UnitResolver = std::function<Result<ResolvedUnit>(const std::string& code, const Period& period,
                                                        const std::optional<Date>& on)>;
struct ImportOptions {
  bool check_only = false;
  std::function<Status(UnitId)> may_enter;
  UnitResolver resolve_unit;
};

Result<ImportOutcome> ImportResults(store::Store& store, const std::string& actor, const Sheet& sheet,
                                    const ImportOptions& options = {});
// The same from CSV text (as ReadCsv reads it), read a chunk of rows at a time
// and written in batches inside one transaction, so that memory does not grow
// with the file: the first problem stops the writing (the rest is still
// checked and every problem listed) and nothing is stored. The header must be
// within the first 64 KiB. `done_with(n)`, when set, is told that the first
// n bytes of `text` are read (a caller holding the file mapped may let them
// go).
Result<ImportOutcome> ImportResultsCsv(store::Store& store, const std::string& actor, std::string_view text,
                                       const std::string& name, const ImportOptions& options = {},
                                       const ReadLimits& limits = {},
                                       const std::function<void(size_t)>& done_with = {});
Result<ImportOutcome> ImportIndicators(store::Store& store, const std::string& actor, const Sheet& sheet);
// Units: parents before children (in the file or already stored).
Result<ImportOutcome> ImportUnits(store::Store& store, const std::string& actor, const Sheet& sheet);
// Plans: rows with the same unit, body and years make one plan.
Result<ImportOutcome> ImportPlans(store::Store& store, const std::string& actor, const Sheet& sheet);

// Exports with the same columns, so that an export imports back unchanged.
// Numbers are written in Vietnamese form, exactly ("2.317,8").
Result<Sheet> ExportResults(store::Store& store, const std::string& sheet_name);
Result<Sheet> ExportIndicators(store::Store& store, const std::string& sheet_name);
Result<Sheet> ExportUnits(store::Store& store, const std::string& sheet_name);
Result<Sheet> ExportPlans(store::Store& store, const std::string& sheet_name);
std::string SheetToCsv(const Sheet& sheet);

// The shortest Vietnamese text that reads back as exactly `value`.
std::string ExactVietnameseNumber(double value);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_IMPORTER_H_
