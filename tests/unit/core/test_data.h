// Helpers for tests that read the project's data files.
#ifndef KIEMDEM_TESTS_UNIT_CORE_TEST_DATA_H_
#define KIEMDEM_TESTS_UNIT_CORE_TEST_DATA_H_

#include <fstream>
#include <sstream>
#include <string>

namespace kiemdem::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string DataFile(const std::string& relative) {
  return ReadFile(std::string(KIEMDEM_DATA_DIR) + "/" + relative);
}

}  // namespace kiemdem::testing

#endif  // KIEMDEM_TESTS_UNIT_CORE_TEST_DATA_H_
