#include "cli/flags.h"

#include <algorithm>

namespace kiemdem::cli {

std::string Flags::Get(const std::string& name, const std::string& fallback) const {
  auto it = values.find(name);
  return it == values.end() ? fallback : it->second;
}

Flags ParseFlags(const std::vector<std::string>& args, const std::vector<std::string>& with_value,
                 const std::vector<std::string>& switches) {
  Flags f;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (std::find(with_value.begin(), with_value.end(), a) != with_value.end()) {
      if (i + 1 >= args.size()) {
        f.error = a + " needs a value";
        f.error_vi = a + " cần một giá trị";
        return f;
      }
      f.values[a] = args[++i];
    } else if (std::find(switches.begin(), switches.end(), a) != switches.end()) {
      f.values[a] = "1";
    } else if (a.rfind("--", 0) == 0) {
      f.error = "unknown option " + a;
      f.error_vi = "không có tùy chọn " + a;
      return f;
    } else {
      f.rest.push_back(a);
    }
  }
  return f;
}

}  // namespace kiemdem::cli
