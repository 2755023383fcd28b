// Plain-text tables for the terminal, aligned by characters (not bytes) so
// that Vietnamese text lines up.
#ifndef KIEMDEM_CLI_TABLE_H_
#define KIEMDEM_CLI_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace kiemdem::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns listed in `right` are right-aligned (numbers).
  void Print(std::ostream& out, const std::vector<size_t>& right = {}) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// Characters (code points) in UTF-8 text.
size_t DisplayWidth(const std::string& s);

}  // namespace kiemdem::cli

#endif  // KIEMDEM_CLI_TABLE_H_
