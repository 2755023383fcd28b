// The shared test vectors of tests/vectors/vietnamese_text.json: the web
// app's tests run the same file against web/src/format.ts, so the browser
// and the server accept and write the same numbers and dates.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/date.h"
#include "core/vn_number.h"

namespace kiemdem {
namespace {

nlohmann::json Vectors(const char* section) {
  std::ifstream in(KIEMDEM_VECTORS);
  EXPECT_TRUE(in.good()) << KIEMDEM_VECTORS;
  nlohmann::json all = nlohmann::json::parse(in);
  EXPECT_FALSE(all[section].empty()) << section;
  return all[section];
}

TEST(SharedVectors, ParseNumber) {
  for (const auto& v : Vectors("parse_number")) {
    std::string text = v["text"];
    Result<ParsedNumber> got = ParseVietnameseNumber(text);
    if (v["value"].is_null()) {
      EXPECT_FALSE(got.ok()) << "'" << text << "' should be refused, got " << got->value;
    } else {
      ASSERT_TRUE(got.ok()) << "'" << text << "': " << got.status().message();
      EXPECT_DOUBLE_EQ(got->value, v["value"].get<double>()) << text;
    }
  }
}

TEST(SharedVectors, FormatNumber) {
  for (const auto& v : Vectors("format_number")) {
    EXPECT_EQ(FormatVietnameseNumber(v["value"].get<double>(), v["decimals"].get<int>()),
              v["text"].get<std::string>());
  }
}

TEST(SharedVectors, ParseDate) {
  for (const auto& v : Vectors("parse_date")) {
    std::string text = v["text"];
    Result<Date> got = Date::Parse(text);
    if (v["iso"].is_null()) {
      EXPECT_FALSE(got.ok()) << "'" << text << "' should be refused, got " << got->ToIso();
    } else {
      ASSERT_TRUE(got.ok()) << "'" << text << "': " << got.status().message();
      EXPECT_EQ(got->ToIso(), v["iso"].get<std::string>()) << text;
    }
  }
}

TEST(SharedVectors, FormatDate) {
  for (const auto& v : Vectors("format_date")) {
    Result<Date> d = Date::ParseIso(v["iso"].get<std::string>());
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->ToVietnamese(), v["text"].get<std::string>());
  }
}

}  // namespace
}  // namespace kiemdem
