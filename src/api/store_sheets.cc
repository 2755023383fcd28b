#include "api/store_sheets.h"

#include <memory>
#include <utility>
#include <vector>

namespace kiemdem::api {
namespace {

// Writes io's result batches inside one ResultImport, begun at the first
// batch (or at Finish for a file without rows) and committed by Finish.
class ResultSaver {
 public:
  ResultSaver(store::Store& store, const std::string& actor, std::string source)
      : store_(store), actor_(actor), source_(std::move(source)) {}

  // The sink for io, or none for a check.
  io::ResultSink Sink(bool check_only) {
    if (check_only) return {};
    return [this](std::vector<Observation>& batch) -> Status {
      RETURN_IF_ERROR(Begin());
      return import_->Add(batch);
    };
  }

  // Commits what was written when the outcome lists no problem; otherwise
  // drops it, and nothing is stored.
  Result<io::ImportOutcome> Finish(io::ImportOutcome outcome, bool check_only) {
    if (!outcome.problems.empty() || check_only) {
      import_.reset();  // rolls back what was written
      return outcome;
    }
    RETURN_IF_ERROR(Begin());
    RETURN_IF_ERROR(import_->Commit());
    outcome.stored = static_cast<int>(import_->rows());
    import_.reset();
    return outcome;
  }

 private:
  Status Begin() {
    if (!import_) {
      ASSIGN_OR_RETURN(import_, store_.plans().BeginResultImport(actor_, source_));
    }
    return Status::Ok();
  }

  store::Store& store_;
  const std::string& actor_;
  std::string source_;
  std::unique_ptr<store::ResultImport> import_;
};

}  // namespace

Result<io::ImportOutcome> ImportResults(store::Store& store, const std::string& actor, const io::Sheet& sheet,
                                        const ResultImportOptions& options) {
  StoreCodeResolver codes(store);
  ResultSaver saver(store, actor, sheet.name);
  ASSIGN_OR_RETURN(io::ImportOutcome outcome,
                   io::ReadResults(codes, sheet, options.read, saver.Sink(options.check_only)));
  return saver.Finish(std::move(outcome), options.check_only);
}

Result<io::ImportOutcome> ImportResultsCsv(store::Store& store, const std::string& actor,
                                           std::string_view text, const std::string& name,
                                           const ResultImportOptions& options, const io::ReadLimits& limits,
                                           const std::function<void(size_t)>& done_with) {
  StoreCodeResolver codes(store);
  ResultSaver saver(store, actor, name);
  ASSIGN_OR_RETURN(
      io::ImportOutcome outcome,
      io::ReadResultsCsv(codes, text, name, options.read, saver.Sink(options.check_only), limits, done_with));
  return saver.Finish(std::move(outcome), options.check_only);
}

Result<io::ImportOutcome> ImportIndicators(store::Store& store, const std::string& actor,
                                           const io::Sheet& sheet) {
  ASSIGN_OR_RETURN(io::RowsRead<Indicator> read, io::ReadIndicators(sheet));
  if (!read.outcome.problems.empty()) return std::move(read.outcome);
  RETURN_IF_ERROR(store.PutIndicators(actor, read.rows));
  read.outcome.stored = static_cast<int>(read.rows.size());
  return std::move(read.outcome);
}

Result<io::ImportOutcome> ImportUnits(store::Store& store, const std::string& actor, const io::Sheet& sheet) {
  StoreCodeResolver codes(store);
  ASSIGN_OR_RETURN(io::RowsRead<UnitRecord> read, io::ReadUnits(codes, sheet));
  if (!read.outcome.problems.empty()) return std::move(read.outcome);
  RETURN_IF_ERROR(store.PutUnits(actor, read.rows));
  read.outcome.stored = static_cast<int>(read.rows.size());
  return std::move(read.outcome);
}

Result<io::ImportOutcome> ImportPlans(store::Store& store, const std::string& actor, const io::Sheet& sheet,
                                      const PlanImportOptions& options) {
  StoreCodeResolver codes(store);
  ASSIGN_OR_RETURN(io::RowsRead<Plan> read, io::ReadPlans(codes, sheet, options.read));
  if (!read.outcome.problems.empty() || options.check_only) return std::move(read.outcome);
  RETURN_IF_ERROR(store.SavePlans(actor, read.rows, options.may_assign));
  read.outcome.stored = read.outcome.rows;  // one row per target
  return std::move(read.outcome);
}

Result<io::Sheet> ExportResults(store::Store& store, const std::string& sheet_name) {
  std::vector<Observation> results;
  {
    ASSIGN_OR_RETURN(std::vector<store::ResultRecord> records, store.ListResults());
    results.reserve(records.size());
    for (store::ResultRecord& r : records) results.push_back(std::move(r.observation));
  }
  StoreCodeResolver codes(store);
  return io::ExportResults(codes, results, sheet_name);
}

Result<io::Sheet> ExportIndicators(store::Store& store, const std::string& sheet_name) {
  ASSIGN_OR_RETURN(std::vector<Indicator> indicators, store.ListIndicators());
  return io::ExportIndicators(indicators, sheet_name);
}

Result<io::Sheet> ExportUnits(store::Store& store, const std::string& sheet_name) {
  ASSIGN_OR_RETURN(std::vector<UnitRecord> units, store.ListUnits());
  return io::ExportUnits(units, sheet_name);
}

Result<io::Sheet> ExportPlans(store::Store& store, const std::string& sheet_name,
                              std::optional<UnitId> unit) {
  ASSIGN_OR_RETURN(std::vector<Plan> plans, store.ListPlans(unit));
  StoreCodeResolver codes(store);
  return io::ExportPlans(codes, plans, sheet_name);
}

}  // namespace kiemdem::api
