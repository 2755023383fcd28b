// Reads units, indicators, plans and results from a sheet (CSV or .xlsx) into
// typed rows, with every problem listed by sheet, row and column; codes are
// resolved through the caller's CodeResolver. Writes sheets from rows. Saving
// the rows is the caller's (api/store_sheets.h): a file with any problem
// stores nothing.
#ifndef KIEMDEM_IO_IMPORTER_H_
#define KIEMDEM_IO_IMPORTER_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/indicator.h"
#include "core/observation.h"
#include "core/period.h"
#include "core/plan.h"
#include "core/unit_record.h"
#include "io/code_resolver.h"
#include "io/table.h"

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
  int stored = 0;                       // rows stored (0 when there are problems): the saver's to set
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

// How results are read: `may_enter` is asked for every row's unit and its
// refusal becomes that row's problem (the API's unit scope).
//
// A row names its unit by code and the period (or the day in its unit_on
// column, "Ngày đơn vị"): `resolve_unit` finds the unit (06811 in 2024 is
// Phường Thanh Sơn, from 01/07/2025 Phường Uông Bí; in 2025 it is an error
// naming both) and may add a note when the code named another unit at
// another time. Without it, CodeResolver::FindUnit on the period's end (or
// on unit_on).
struct ResolvedUnit {
  UnitId unit = kNoUnit;
  std::string note_en;  // "" or what else the code named and how to choose it
  std::string note_vi;
};
using UnitResolver = std::function<Result<ResolvedUnit>(const std::string& code, const Period& period,
                                                        const std::optional<Date>& on)>;
struct ResultReadOptions {
  std::function<Status(UnitId)> may_enter;
  UnitResolver resolve_unit;
};

// Takes the checked result rows, kResultBatch at a time in file order, for as
// long as no row has had a problem (a saver writes them inside one
// transaction and drops it when the outcome lists problems). Its error stops
// the reading and is the reader's error.
constexpr size_t kResultBatch = 5000;
using ResultSink = std::function<Status(std::vector<Observation>& batch)>;

// Results from a sheet. Every row is checked (cells, codes, the value against
// its indicator, a repeated unit, indicator and period); the good ones go to
// `sink` (none: a check only).
Result<ImportOutcome> ReadResults(CodeResolver& codes, const Sheet& sheet, const ResultReadOptions& options,
                                  const ResultSink& sink);
// The same from CSV text (as ReadCsv reads it), read a chunk of rows at a time
// so that memory does not grow with the file: the first problem stops the
// rows going to `sink` (the rest is still checked and every problem listed).
// The header must be within the first 64 KiB. `done_with(n)`, when set, is
// told that the first n bytes of `text` are read (a caller holding the file
// mapped may let them go).
Result<ImportOutcome> ReadResultsCsv(CodeResolver& codes, std::string_view text, const std::string& name,
                                     const ResultReadOptions& options, const ResultSink& sink,
                                     const ReadLimits& limits = {},
                                     const std::function<void(size_t)>& done_with = {});

// A sheet read whole into checked rows: all its rows when `outcome.problems`
// is empty (otherwise the rows are not to be saved).
template <typename Row>
struct RowsRead {
  std::vector<Row> rows;
  ImportOutcome outcome;
};
Result<RowsRead<Indicator>> ReadIndicators(const Sheet& sheet);
// Units: parents before children (in the file or already kept).
Result<RowsRead<UnitRecord>> ReadUnits(CodeResolver& codes, const Sheet& sheet);
// How plans are read: `may_set` is asked, once per plan, whether the caller
// may set it (given its unit, body, years and whether the level above
// assigned it; no targets), and its refusal becomes the problem of each of
// that plan's rows (the API's unit scope). Without it, every plan may be set.
struct PlanReadOptions {
  std::function<Status(const Plan& plan)> may_set;
};
// Plans: rows with the same unit, body and years make one plan.
Result<RowsRead<Plan>> ReadPlans(CodeResolver& codes, const Sheet& sheet,
                                 const PlanReadOptions& options = {});

// Sheets from rows, with the same columns, so that an export imports back
// unchanged; units are named by their codes (CodeResolver::UnitCode). Numbers
// are written in Vietnamese form, exactly ("2.317,8").
Result<Sheet> ExportResults(CodeResolver& codes, const std::vector<Observation>& results,
                            const std::string& sheet_name);
Sheet ExportIndicators(const std::vector<Indicator>& indicators, const std::string& sheet_name);
Sheet ExportUnits(const std::vector<UnitRecord>& units, const std::string& sheet_name);
Result<Sheet> ExportPlans(CodeResolver& codes, const std::vector<Plan>& plans, const std::string& sheet_name);
std::string SheetToCsv(const Sheet& sheet);

// The shortest Vietnamese text that reads back as exactly `value`.
std::string ExactVietnameseNumber(double value);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_IMPORTER_H_
