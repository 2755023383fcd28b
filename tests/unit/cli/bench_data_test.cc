// `kiemdem bench-data` at a tiny size: the same arguments give the same
// bytes, the files hold the rows they should, every code resolves, and a
// fraction's value is its numerator over its denominator.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/workspace.h"
#include "core/csv.h"
#include "core/vn_number.h"

namespace kiemdem::cli {
namespace {

namespace fs = std::filesystem;

class BenchData : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("kiemdem-bench-data-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    ASSERT_TRUE(LoadReferenceData(KIEMDEM_DATA_DIR, &ws_).ok());
  }
  void TearDown() override { fs::remove_all(root_); }

  int Run(const std::string& dir, std::vector<std::string> args) {
    GlobalOptions g;
    g.data_dir = KIEMDEM_DATA_DIR;
    g.lang = "en";
    args.insert(args.begin(), {"--out", (root_ / dir).string()});
    return RunBenchData(g, args);
  }
  std::string Read(const std::string& dir, const std::string& name) {
    Result<std::string> text = ReadFile((root_ / dir / name).string());
    EXPECT_TRUE(text.ok()) << name;
    return text.ok() ? *text : "";
  }
  CsvTable Table(const std::string& dir, const std::string& name) {
    Result<CsvTable> t = ParseCsv(Read(dir, name));
    EXPECT_TRUE(t.ok()) << name;
    return t.ok() ? *t : CsvTable{};
  }

  fs::path root_;
  Workspace ws_;
};

double Num(const std::string& text) {
  Result<ParsedNumber> n = ParseVietnameseNumber(text);
  EXPECT_TRUE(n.ok()) << text;
  return n.ok() ? n->value : NAN;
}

TEST_F(BenchData, SameArgumentsSameBytesAnotherSeedOtherValues) {
  std::vector<std::string> args{"--communes", "40", "--indicators", "38", "--years", "2", "--seed", "7"};
  ASSERT_EQ(Run("a", args), 0);
  ASSERT_EQ(Run("b", args), 0);
  args.back() = "8";
  ASSERT_EQ(Run("c", args), 0);
  for (const char* f : {"indicators.csv", "plans.csv", "results_2026.csv", "results_2027.csv"}) {
    EXPECT_EQ(Read("a", f), Read("b", f)) << f;
  }
  EXPECT_EQ(Read("a", "indicators.csv"), Read("c", "indicators.csv"));
  EXPECT_NE(Read("a", "results_2026.csv"), Read("c", "results_2026.csv"));
  EXPECT_NE(Read("a", "plans.csv"), Read("c", "plans.csv"));
}

TEST_F(BenchData, RowsResolveAndFractionsAddUp) {
  ASSERT_EQ(Run("d", {"--communes", "40", "--indicators", "50", "--years", "2"}), 0);
  CsvTable ind = Table("d", "indicators.csv");
  ASSERT_EQ(ind.rows.size(), 50u);
  std::map<std::string, ValueKind> kinds;
  std::set<std::string> catalogue;
  std::set<std::string> figures;  // what bench-data generates: not the yes/no states
  for (const Indicator& i : ws_.indicators) {
    catalogue.insert(i.code);
    if (i.value_kind != ValueKind::kYesNo) figures.insert(i.code);
  }
  for (const CsvRow& r : ind.rows) {
    std::string code = Field(ind, r, "code");
    Result<ValueKind> k = ParseValueKind(Field(ind, r, "value_kind"));
    ASSERT_TRUE(k.ok()) << code;
    kinds[code] = *k;
    EXPECT_TRUE(catalogue.count(code) || code.rfind("BENCH_", 0) == 0) << code;
  }
  EXPECT_EQ(kinds.size(), 50u);
  // Every catalogue figure first, then BENCH_01.. mixing the kinds.
  for (const std::string& c : figures) EXPECT_TRUE(kinds.count(c)) << c;
  EXPECT_EQ(kinds.at("BENCH_03"), ValueKind::kFraction);

  CsvTable plans = Table("d", "plans.csv");
  EXPECT_EQ(plans.rows.size(), size_t{40} * 2 * 50);
  std::set<std::string> communes;
  for (const CsvRow& r : plans.rows) {
    communes.insert(Field(plans, r, "unit_code"));
    EXPECT_TRUE(kinds.count(Field(plans, r, "indicator")));
    EXPECT_EQ(Field(plans, r, "first_year"), Field(plans, r, "year"));
    EXPECT_FALSE(Field(plans, r, "value").empty());
  }
  EXPECT_EQ(communes.size(), 40u);
  // Spread over the country: more than one province.
  std::set<UnitId> provinces;
  Date on = *Date::FromYmd(2026, 1, 1);
  for (const std::string& c : communes) {
    Result<UnitId> u = ws_.units.ResolveCode(c, *Period::Year(2026));
    ASSERT_TRUE(u.ok()) << c << ": " << u.status().ToString();
    ASSERT_TRUE(ws_.units.ResolveCode(c, *Period::Year(2027)).ok()) << c;
    EXPECT_EQ(LevelOf(ws_.units.Get(*u)->VersionOn(on).type), UnitLevel::kCommune) << c;
    provinces.insert(ws_.units.ProvinceOf(*u, on));
  }
  EXPECT_GE(provinces.size(), 20u);

  for (const char* f : {"results_2026.csv", "results_2027.csv"}) {
    CsvTable res = Table("d", f);
    size_t full = size_t{40} * 12 * 50;
    EXPECT_EQ(res.rows.size() % 50, 0u) << f;  // a missing report misses every indicator
    EXPECT_LT(res.rows.size(), full) << f;
    EXPECT_GT(res.rows.size(), full * 9 / 10) << f;
    size_t fractions = 0;
    for (const CsvRow& r : res.rows) {
      std::string code = Field(res, r, "indicator");
      ASSERT_TRUE(kinds.count(code)) << code;
      EXPECT_TRUE(communes.count(Field(res, r, "unit_code")));
      Result<Period> p = Period::Parse(Field(res, r, "period"));
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->first_month(), p->last_month());
      double value = Num(Field(res, r, "value"));
      if (kinds[code] == ValueKind::kFraction) {
        ++fractions;
        double num = Num(Field(res, r, "numerator"));
        double den = Num(Field(res, r, "denominator"));
        ASSERT_GT(den, 0);
        EXPECT_LE(num, den);
        EXPECT_NEAR(value, num / den * 100, 1e-6 * std::max(1.0, value)) << code;
      } else {
        EXPECT_EQ(Field(res, r, "numerator"), "");
        EXPECT_EQ(Field(res, r, "denominator"), "");
      }
    }
    EXPECT_GT(fractions, 0u);
  }
}

TEST_F(BenchData, OneProvinceAndThePre2025Country) {
  ASSERT_EQ(Run("hn", {"--province", "01", "--indicators", "3", "--years", "1"}), 0);
  CsvTable plans = Table("hn", "plans.csv");
  Date on = *Date::FromYmd(2026, 1, 1);
  std::set<std::string> communes;
  for (const CsvRow& r : plans.rows) communes.insert(Field(plans, r, "unit_code"));
  EXPECT_EQ(communes.size(), 126u);  // Hà Nội's wards and communes since 01/07/2025
  for (const std::string& c : communes) {
    UnitId u = *ws_.units.ResolveCode(c, *Period::Year(2026));
    EXPECT_EQ(ws_.units.Get(ws_.units.ProvinceOf(u, on))->code, "01") << c;
  }

  ASSERT_EQ(Run("old", {"--pre2025", "--communes", "30", "--indicators", "3", "--years", "2"}), 0);
  CsvTable res = Table("old", "results_2023.csv");
  ASSERT_FALSE(res.rows.empty());
  EXPECT_TRUE(fs::exists(root_ / "old" / "results_2024.csv"));
  for (const CsvRow& r : res.rows) {
    Result<Period> p = Period::Parse(Field(res, r, "period"));
    ASSERT_TRUE(p.ok());
    Result<UnitId> u = ws_.units.ResolveCode(Field(res, r, "unit_code"), *p);
    ASSERT_TRUE(u.ok()) << Field(res, r, "unit_code");
    EXPECT_EQ(LevelOf(ws_.units.Get(*u)->Current().type), UnitLevel::kCommune);
  }
  EXPECT_EQ(Run("bad", {"--pre2025", "--first-year", "2024", "--years", "2"}), 2);
  EXPECT_EQ(Run("bad", {"--years", "x"}), 2);
  EXPECT_EQ(Run("bad", {"--province", "99"}), 1);
}

}  // namespace
}  // namespace kiemdem::cli
