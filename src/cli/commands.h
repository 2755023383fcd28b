// The subcommands of `kiemdem`. Each takes its arguments (after the command
// words) and returns the process exit status: 0 done, 1 bad input or data,
// 2 bad usage.
#ifndef KIEMDEM_CLI_COMMANDS_H_
#define KIEMDEM_CLI_COMMANDS_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace kiemdem::cli {

struct GlobalOptions {
  std::string data_dir;     // --data DIR
  std::string lang = "vi";  // --lang vi|en
};

// Prints "kiemdem: <message in g.lang>" on stderr and returns 1: how every
// command ends on an error.
int Fail(const GlobalOptions& g, const Status& s);

int RunUnits(const GlobalOptions& g, const std::vector<std::string>& args);
int RunIndicators(const GlobalOptions& g, const std::vector<std::string>& args);
// `kiemdem evaluate`: a unit's evaluation from the store (src/cli/evaluate_command.cc).
int RunEvaluate(const GlobalOptions& g, const std::vector<std::string>& args);
int RunCheckPercent(const GlobalOptions& g, const std::vector<std::string>& args);
int RunExtract(const GlobalOptions& g, const std::vector<std::string>& args);
int RunDb(const GlobalOptions& g, const std::vector<std::string>& args);
int RunImport(const GlobalOptions& g, const std::vector<std::string>& args);
int RunExport(const GlobalOptions& g, const std::vector<std::string>& args);
int RunBackup(const GlobalOptions& g, const std::vector<std::string>& args);
int RunReport(const GlobalOptions& g, const std::vector<std::string>& args);
int RunServe(const GlobalOptions& g, const std::vector<std::string>& args);
int RunUser(const GlobalOptions& g, const std::vector<std::string>& args);
// `kiemdem bench-data`: a national-size data set for bench/national.sh (src/cli/bench_data_command.cc).
int RunBenchData(const GlobalOptions& g, const std::vector<std::string>& args);

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_COMMANDS_H_
