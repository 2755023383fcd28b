// Runs the extractor's data-driven cases (cases.json beside this file): each
// case's text must yield facts that contain every expected field, and as
// many facts of a kind as "count" says. Add one case per bug fixed.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"

namespace kiemdem::extract {
namespace {

using nlohmann::json;

json LoadCases() {
  std::ifstream in(KIEMDEM_EXTRACT_CASES);
  return json::parse(in);
}

// `actual` contains every field of `expected` (numbers within 1e-6 relative).
bool Contains(const json& actual, const json& expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key) || !Contains(actual.at(key), value)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!Contains(actual[i], expected[i])) return false;
    }
    return true;
  }
  if (expected.is_number() && actual.is_number()) {
    double a = actual.get<double>();
    double e = expected.get<double>();
    return std::fabs(a - e) <= 1e-6 * std::max(1.0, std::fabs(e));
  }
  return actual == expected;
}

class ExtractCases : public ::testing::TestWithParam<json> {};

TEST_P(ExtractCases, YieldsExpectedFacts) {
  const json& c = GetParam();
  Result<Facts> facts = Extract(c.at("text").get<std::string>());
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  json out = json::parse(FactsToJson(*facts));
  const json& got = out.at("facts");
  for (const json& want : c.at("expect")) {
    bool found = false;
    for (const json& f : got) found = found || Contains(f, want);
    EXPECT_TRUE(found) << "missing " << want.dump() << "\ngot " << got.dump(1);
  }
  if (c.contains("count")) {
    for (const auto& [kind, n] : c.at("count").items()) {
      int have = 0;
      for (const json& f : got) have += f.at("kind") == kind ? 1 : 0;
      EXPECT_EQ(have, n.get<int>()) << kind << " in " << got.dump(1);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ExtractCases, ::testing::ValuesIn(LoadCases().get<std::vector<json>>()),
                         [](const ::testing::TestParamInfo<json>& info) {
                           return "case" + std::to_string(info.index);
                         });

}  // namespace
}  // namespace kiemdem::extract
