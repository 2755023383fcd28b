// The subcommands of `kiemdem` as one table (ninja's kTools[]): each row is a
// command's name, its help lines and the function that runs it, and both the
// dispatch and `kiemdem --help` are made from it, so that no command runs
// without help and none is listed that does not run.
#ifndef KIEMDEM_CLI_COMMAND_TABLE_H_
#define KIEMDEM_CLI_COMMAND_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"

namespace kiemdem::cli {

// One way to call a command, as --help shows it: the synopsis (starting with
// the command's name; a '\n' continues it on a line indented under its
// arguments) and what it does (a '\n' continues it too).
struct Usage {
  const char* synopsis;
  const char* description;
};

struct Command {
  const char* name;
  std::vector<Usage> usages;
  int (*run)(const GlobalOptions& g, const std::vector<std::string>& args);
};

// Every command, in the order --help lists them.
const std::vector<Command>& Commands();

// The command named `name`, or null.
const Command* FindCommand(std::string_view name);

// `kiemdem --help`: the usage line, every command's help, the global options.
std::string HelpText();

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_COMMAND_TABLE_H_
