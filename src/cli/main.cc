// kiemdem: the command-line program. Parses the global options and hands
// the rest to a subcommand (src/cli/commands.h).
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kHelp = R"(kiemdem — theo dõi, kiểm đếm kết quả thực hiện chỉ tiêu
(track the targets of Vietnamese wards, communes and cities)

usage: kiemdem [--data DIR] [--lang vi|en] COMMAND ...

commands:
  demo                          evaluate the demo units against their plans
  extract FILE|-                facts read from a report's text, as JSON (shared/extraction/SPEC.md)
  extract --jsonl               one {"id","text"} object per line on stdin -> one result per line
  units tree [--as-of D] [--root CODE] [--depth N]
                                the administrative tree as of a date (dd/mm/yyyy)
  units search QUERY [--as-of D]
                                find units by name, with or without diacritics
  units history CODE            a code's units, their changes, predecessors and successors
  indicators                    the indicator catalogue
  db migrate|status|init [--db PATH|postgresql://…]
                                schema migrations; init also loads the units and the indicator catalogue
  import units|indicators|plans|results FILE.csv|FILE.xlsx [--db PATH] [--as USER]
                                the whole file or nothing; every problem by row and column
  export units|indicators|plans|results [--format csv|xlsx] [-o FILE] [--db PATH]
                                the same columns, so that an export imports back unchanged
  report unit CODE --period P [--as-of D] [--body KIND] [--include-unapproved] -o FILE.docx [--db PATH]
                                the unit's periodic report as a Word document (Decree 30 layout;
                                a Party body's header for --body party_committee)
  report meeting ID [--as-of D] -o FILE.docx [--db PATH]
                                a working session's conclusion notice (…/TB-UBND or …-TB/ĐU)
  backup PATH [--db PATH]       an online copy of a SQLite database (PostgreSQL: use pg_dump)
  serve [--db PATH] [--port N] [--host ADDR] [--demo]
                                the web app and the REST API (/api/v1); --demo loads the demo data
                                into an empty database; a first admin's password is printed once
  user add|passwd NAME | role NAME ROLE [--unit CODE] | list [--db PATH]
                                accounts; roles: viewer, reporter, approver, admin over a unit's subtree
  user tokens NAME [--revoke ID | --all] | disable NAME | enable NAME [--db PATH]
                                a user's API tokens, their revocation; disabling ends every session
  bench-data --out DIR [--communes N] [--province CODE] [--indicators K] [--years Y]
             [--first-year YYYY] [--pre2025] [--seed S]
                                a national-size data set for benchmarks (bench/national.sh): the real
                                communes (post-2025, or pre-2025), indicators.csv, plans.csv and
                                results_YYYY.csv as `import` takes them; the same arguments, the same bytes
  check-percent PART WHOLE STATED
                                does a stated percentage match its figures? (8 12 66,66%)

--data DIR   data directory (default: the source tree's data/, or $KIEMDEM_DATA)
--lang       language of messages and tables (default vi)
)";

}  // namespace

int main(int argc, char** argv) {
  kiemdem::cli::GlobalOptions g;
  g.data_dir = KIEMDEM_DATA_DIR;
  if (const char* env = std::getenv("KIEMDEM_DATA")) g.data_dir = env;
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  while (i < args.size() && args[i].rfind("--", 0) == 0) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::cout << kHelp;
      return 0;
    }
    if ((args[i] == "--data" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--data" ? g.data_dir : g.lang) = args[i + 1];
      i += 2;
      continue;
    }
    std::cerr << "kiemdem: unknown option " << args[i] << "\n" << kHelp;
    return 2;
  }
  if (g.lang != "vi" && g.lang != "en") {
    std::cerr << "kiemdem: --lang takes vi or en\n";
    return 2;
  }
  if (i >= args.size()) {
    std::cerr << kHelp;
    return 2;
  }
  std::string command = args[i];
  std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  if (command == "demo") return kiemdem::cli::RunDemo(g, rest);
  if (command == "serve") return kiemdem::cli::RunServe(g, rest);
  if (command == "user") return kiemdem::cli::RunUser(g, rest);
  if (command == "units") return kiemdem::cli::RunUnits(g, rest);
  if (command == "indicators") return kiemdem::cli::RunIndicators(g, rest);
  if (command == "extract") return kiemdem::cli::RunExtract(g, rest);
  if (command == "db") return kiemdem::cli::RunDb(g, rest);
  if (command == "import") return kiemdem::cli::RunImport(g, rest);
  if (command == "export") return kiemdem::cli::RunExport(g, rest);
  if (command == "backup") return kiemdem::cli::RunBackup(g, rest);
  if (command == "report") return kiemdem::cli::RunReport(g, rest);
  if (command == "bench-data") return kiemdem::cli::RunBenchData(g, rest);
  if (command == "check-percent") return kiemdem::cli::RunCheckPercent(g, rest);
  if (command == "help") {
    std::cout << kHelp;
    return 0;
  }
  std::cerr << "kiemdem: unknown command " << command << "\n" << kHelp;
  return 2;
}
