// Sheets into the store and out of it: io reads a file into checked rows,
// resolving codes against the store, and the store then saves them, a file
// with any problem storing nothing; exports read the store and io writes the
// rows. Used by the import route and by `kiemdem import` and `kiemdem export`.
#ifndef KIEMDEM_API_STORE_SHEETS_H_
#define KIEMDEM_API_STORE_SHEETS_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "io/importer.h"
#include "io/table.h"
#include "store/store.h"

namespace kiemdem::api {

// io's CodeResolver over a store: the catalogue, units and codes as stored.
// Reads through `store`, inside whatever transaction it has open.
class StoreCodeResolver final : public io::CodeResolver {
 public:
  explicit StoreCodeResolver(store::Store& store) : store_(store) {}
  Result<std::vector<Indicator>> Indicators() override { return store_.ListIndicators(); }
  Result<std::vector<UnitRecord>> Units() override { return store_.ListUnits(); }
  Result<UnitId> FindUnit(const std::string& code, Date on) override { return store_.FindUnit(code, on); }
  Result<std::string> UnitCode(UnitId unit) override { return store_.UnitCode(unit); }

 private:
  store::Store& store_;
};

// How results are imported: `check_only` reads and checks every row but
// stores nothing (a preview); `read` says how rows find their units.
struct ResultImportOptions {
  bool check_only = false;
  io::ResultReadOptions read;
};

// Results read by io::ReadResults and written, batch by batch, inside one
// store::ResultImport by `actor`: committed when no row had a problem,
// otherwise dropped (nothing is stored). `outcome.stored` is the rows
// written.
Result<io::ImportOutcome> ImportResults(store::Store& store, const std::string& actor, const io::Sheet& sheet,
                                        const ResultImportOptions& options = {});
// The same streamed from CSV text (io::ReadResultsCsv): memory stays flat in
// the file's size.
Result<io::ImportOutcome> ImportResultsCsv(store::Store& store, const std::string& actor,
                                           std::string_view text, const std::string& name,
                                           const ResultImportOptions& options = {},
                                           const io::ReadLimits& limits = {},
                                           const std::function<void(size_t)>& done_with = {});
// How plans are imported: `check_only` reads and checks every row but
// stores nothing; `read.may_set` is the caller's scope, plan by plan;
// `may_assign` is the store's check of targets assigned from above.
struct PlanImportOptions {
  bool check_only = false;
  io::PlanReadOptions read;
  store::PlanStore::MayAssign may_assign;
};

// Indicators, units and plans read whole, then saved in one transaction
// (PutIndicators, PutUnits, SavePlans, each change audited) when no row had
// a problem.
Result<io::ImportOutcome> ImportIndicators(store::Store& store, const std::string& actor,
                                           const io::Sheet& sheet);
Result<io::ImportOutcome> ImportUnits(store::Store& store, const std::string& actor, const io::Sheet& sheet);
Result<io::ImportOutcome> ImportPlans(store::Store& store, const std::string& actor, const io::Sheet& sheet,
                                      const PlanImportOptions& options = {});

// What is stored, as sheets that import back unchanged.
Result<io::Sheet> ExportResults(store::Store& store, const std::string& sheet_name);
Result<io::Sheet> ExportIndicators(store::Store& store, const std::string& sheet_name);
Result<io::Sheet> ExportUnits(store::Store& store, const std::string& sheet_name);
// Plans of every unit, or of `unit` only (whole plans, so that importing the
// sheet back replaces them with themselves).
Result<io::Sheet> ExportPlans(store::Store& store, const std::string& sheet_name,
                              std::optional<UnitId> unit = std::nullopt);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_STORE_SHEETS_H_
