// The options of a subcommand: "--name value" pairs, "--switch"es and the
// positional arguments, read the same way by every command.
#ifndef KIEMDEM_CLI_FLAGS_H_
#define KIEMDEM_CLI_FLAGS_H_

#include <map>
#include <string>
#include <vector>

namespace kiemdem::cli {

struct Flags {
  std::map<std::string, std::string> values;  // a switch given holds "1"
  std::vector<std::string> rest;              // positional arguments, in order
  std::string error;                          // "unknown option --x", "--db needs a value"; empty: fine
  std::string error_vi;                       // the same in Vietnamese

  bool Has(const std::string& name) const { return values.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback) const;
};

// `with_value` are the options followed by a value, `switches` those that
// stand alone; any other "--…" is an error.
Flags ParseFlags(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
                 const std::vector<std::string>& switches = {});

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_FLAGS_H_
