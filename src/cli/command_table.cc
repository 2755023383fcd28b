#include "cli/command_table.h"

#include <cstring>
#include <iostream>

namespace kiemdem::cli {
namespace {

int RunHelp(const GlobalOptions& /*g*/, const std::vector<std::string>& /*args*/) {
  std::cout << HelpText();
  return 0;
}

constexpr const char* kHead = R"(kiemdem — theo dõi, kiểm đếm kết quả thực hiện chỉ tiêu
(track the targets of Vietnamese wards, communes and cities)

usage: kiemdem [--data DIR] [--lang vi|en] COMMAND ...

commands:
)";

constexpr const char* kOptions = R"(
--data DIR   data directory (default: the source tree's data/, or $KIEMDEM_DATA)
--lang       language of messages and tables (default vi)
)";

// Synopses start at column 2, descriptions at column 32: on the synopsis's
// last line when it leaves two spaces, else on the next line.
constexpr size_t kIndent = 2;
constexpr size_t kDescriptionColumn = 32;

void AppendUsage(const Command& c, const Usage& u, std::string* out) {
  std::string continuation(kIndent + std::strlen(c.name) + 1, ' ');
  std::string_view synopsis = u.synopsis;
  std::string line(kIndent, ' ');
  for (size_t nl; (nl = synopsis.find('\n')) != std::string_view::npos; synopsis.remove_prefix(nl + 1)) {
    *out += line + std::string(synopsis.substr(0, nl)) + "\n";
    line = continuation;
  }
  line += synopsis;
  if (line.size() + 2 > kDescriptionColumn) {
    *out += line + "\n";
    line.clear();
  }
  std::string_view description = u.description;
  for (;;) {
    size_t nl = description.find('\n');
    line.resize(kDescriptionColumn, ' ');
    *out += line + std::string(description.substr(0, nl)) + "\n";
    if (nl == std::string_view::npos) break;
    description.remove_prefix(nl + 1);
    line.clear();
  }
}

}  // namespace

const std::vector<Command>& Commands() {
  static const auto* commands = new std::vector<Command>{
      {"evaluate",
       {{"evaluate CODE --period P [--on D] [--plan KIND] [--include-unapproved] [--db PATH]",
         "a unit's evaluation for a period, as the dashboard judges it"}},
       RunEvaluate},
      {"extract",
       {{"extract FILE|-", "facts read from a report's text, as JSON (shared/extraction/SPEC.md)"},
        {"extract --jsonl", "one {\"id\",\"text\"} object per line on stdin -> one result per line"}},
       RunExtract},
      {"units",
       {{"units tree [--as-of D] [--root CODE] [--depth N]",
         "the administrative tree as of a date (dd/mm/yyyy)"},
        {"units search QUERY [--as-of D]", "find units by name, with or without diacritics"},
        {"units history CODE", "a code's units, their changes, predecessors and successors"}},
       RunUnits},
      {"indicators", {{"indicators", "the indicator catalogue"}}, RunIndicators},
      {"db",
       {{"db migrate|status|init [--db PATH|postgresql://…]",
         "schema migrations; init also loads the units and the indicator catalogue"}},
       RunDb},
      {"import",
       {{"import units|indicators|plans|results FILE.csv|FILE.xlsx [--db PATH] [--as USER]",
         "the whole file or nothing; every problem by row and column"}},
       RunImport},
      {"export",
       {{"export units|indicators|plans|results [--format csv|xlsx] [-o FILE] [--db PATH]",
         "the same columns, so that an export imports back unchanged"}},
       RunExport},
      {"report",
       {{"report unit CODE --period P [--as-of D] [--body KIND] [--include-unapproved] -o FILE.docx [--db "
         "PATH]",
         "the unit's periodic report as a Word document (Decree 30 layout;\n"
         "a Party body's header for --body party_committee)"},
        {"report meeting ID [--as-of D] -o FILE.docx [--db PATH]",
         "a working session's conclusion notice (…/TB-UBND or …-TB/ĐU)"}},
       RunReport},
      {"backup",
       {{"backup PATH [--db PATH]", "an online copy of a SQLite database (PostgreSQL: use pg_dump)"}},
       RunBackup},
      {"serve",
       {{"serve [--db PATH] [--port N] [--host ADDR] [--demo]",
         "the web app and the REST API (/api/v1); --demo loads the demo data\n"
         "into an empty database; a first admin's password is printed once"}},
       RunServe},
      {"user",
       {{"user add|passwd NAME | role NAME ROLE [--unit CODE] | list [--db PATH]",
         "accounts; roles: viewer, reporter, approver, admin over a unit's subtree"},
        {"user tokens NAME [--revoke ID | --all] | disable NAME | enable NAME [--db PATH]",
         "a user's API tokens, their revocation; disabling ends every session"}},
       RunUser},
      {"bench-data",
       {{"bench-data --out DIR [--communes N] [--province CODE] [--indicators K] [--years Y]\n"
         "[--first-year YYYY] [--pre2025] [--seed S]",
         "a national-size data set for benchmarks (bench/national.sh): the real\n"
         "communes (post-2025, or pre-2025), indicators.csv, plans.csv and\n"
         "results_YYYY.csv as `import` takes them; the same arguments, the same bytes"}},
       RunBenchData},
      {"check-percent",
       {{"check-percent PART WHOLE STATED", "does a stated percentage match its figures? (8 12 66,66%)"}},
       RunCheckPercent},
      {"help", {{"help", "this text (also --help, -h)"}}, RunHelp},
  };
  return *commands;
}

const Command* FindCommand(std::string_view name) {
  for (const Command& c : Commands()) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

std::string HelpText() {
  std::string out = kHead;
  for (const Command& c : Commands()) {
    for (const Usage& u : c.usages) AppendUsage(c, u, &out);
  }
  return out + kOptions;
}

}  // namespace kiemdem::cli
