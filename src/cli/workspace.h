// What the CLI works on: the administrative units and the indicator
// catalogue read from a data directory, and the demo plans and results.
#ifndef KIEMDEM_CLI_WORKSPACE_H_
#define KIEMDEM_CLI_WORKSPACE_H_

#include <map>
#include <string>
#include <vector>

#include "core/admin_registry.h"
#include "core/csv.h"
#include "core/indicator.h"
#include "core/observation.h"
#include "core/plan.h"

namespace kiemdem::cli {

Result<std::string> ReadFile(const std::string& path);

// The date the demo data's pre-2025 unit codes are resolved on.
Date DemoCodeDate();

// Today's date (UTC) from the system clock.
Date Today();

// The cell of column `name` in `row`, or "" when the table has no such column.
std::string Field(const CsvTable& t, const CsvRow& row, const char* name);

struct Workspace {
  AdminRegistry units;
  std::vector<Indicator> indicators;
  std::vector<Plan> plans;
  std::vector<Observation> results;
  // Percent of plan stated by the source for a target, keyed by plan index
  // and indicator: checked against the computed one.
  std::map<std::pair<size_t, std::string>, std::string> stated_percent;
  // The same for the adjusted target ("đạt 98,4% sau điều chỉnh bổ sung").
  std::map<std::pair<size_t, std::string>, std::string> stated_percent_of_adjusted;

  const Indicator* FindIndicator(const std::string& code) const;
};

// Reads data_dir/admin-units/*.csv and data_dir/indicators/catalogue.csv.
Status LoadReferenceData(const std::string& data_dir, Workspace* ws);

// Whether to read the generated history beside the figures of the articles.
enum class DemoHistory { kWithout, kWith };

// Reads data_dir/demo/{plans,results}.csv, and with kWith also the generated
// history_{plans,results}.csv; each row is validated against the catalogue
// and units, and every bad row is listed by file and line.
Status LoadDemoData(const std::string& data_dir, Workspace* ws, DemoHistory history = DemoHistory::kWithout);

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_WORKSPACE_H_
