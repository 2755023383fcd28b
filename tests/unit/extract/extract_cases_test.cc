// Runs the extractor's data-driven cases: one JSON file per case in cases/
// beside this file, named after what it pins (the file name is the test's
// name). A case has "text", optionally "date" (the reference date, as
// `kiemdem extract --date` takes it), "expect" (facts that must appear: every
// field given must match) and "count" (how many facts of a kind). Add one case
// per rule and per bug fixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/extract.h"

namespace kiemdem::extract {
namespace {

using nlohmann::json;

struct Case {
  std::string name;
  json body;
};

std::vector<Case> LoadCases() {
  std::vector<Case> out;
  for (const auto& entry : std::filesystem::directory_iterator(KIEMDEM_EXTRACT_CASES_DIR)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    out.push_back({entry.path().stem().string(), json::parse(in)});
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
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

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ExtractCases : public ::testing::TestWithParam<Case> {};

TEST_P(ExtractCases, YieldsExpectedFacts) {
  const json& c = GetParam().body;
  ExtractOptions options;
  if (c.contains("date")) {
    Result<ReferenceDate> d = ParseReferenceDate(c.at("date").get<std::string>());
    ASSERT_TRUE(d.ok()) << d.status().ToString();
    options.reference_date = *d;
  }
  Result<Facts> facts = Extract(c.at("text").get<std::string>(), options);
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

INSTANTIATE_TEST_SUITE_P(Cases, ExtractCases, ::testing::ValuesIn(LoadCases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
}  // namespace kiemdem::extract
