// kiemdem: the command-line program. Parses the global options and hands
// the rest to a subcommand from the command table (src/cli/command_table.h).
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command_table.h"

int main(int argc, char** argv) {
  using kiemdem::cli::HelpText;
  kiemdem::cli::GlobalOptions g;
  g.data_dir = KIEMDEM_DATA_DIR;
  if (const char* env = std::getenv("KIEMDEM_DATA")) g.data_dir = env;
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t i = 0;
  while (i < args.size() && args[i].rfind("--", 0) == 0) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::cout << HelpText();
      return 0;
    }
    if ((args[i] == "--data" || args[i] == "--lang") && i + 1 < args.size()) {
      (args[i] == "--data" ? g.data_dir : g.lang) = args[i + 1];
      i += 2;
      continue;
    }
    std::cerr << "kiemdem: unknown option " << args[i] << "\n" << HelpText();
    return 2;
  }
  if (g.lang != "vi" && g.lang != "en") {
    std::cerr << "kiemdem: --lang takes vi or en\n";
    return 2;
  }
  if (i >= args.size()) {
    std::cerr << HelpText();
    return 2;
  }
  const kiemdem::cli::Command* command = kiemdem::cli::FindCommand(args[i]);
  if (command == nullptr) {
    std::cerr << "kiemdem: unknown command " << args[i] << "\n" << HelpText();
    return 2;
  }
  std::vector<std::string> rest(args.begin() + static_cast<long>(i) + 1, args.end());
  return command->run(g, rest);
}
