// `kiemdem bench-data`: a country-sized data set for benchmarks, written as
// the CSV files `kiemdem import indicators|plans|results` take as they are.
// The units are the real ones of data/admin-units (the post-2025 country, or
// the pre-2025 one with --pre2025); values, targets and missing reports come
// from a splitmix64 hash of (seed, commune, indicator, year, month), so the
// same arguments give byte-identical files whatever the order of writing.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <type_traits>
#include <vector>

#include "cli/commands.h"
#include "cli/flags.h"
#include "cli/workspace.h"
#include "core/csv.h"

namespace kiemdem::cli {
namespace {

constexpr const char* kUsage =
    "kiemdem bench-data --out DIR [--communes N] [--province CODE] [--indicators K] [--years Y]\n"
    "                   [--first-year YYYY] [--pre2025] [--seed S]";

uint64_t SplitMix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// A uniform number in [0, 1) drawn from the hash of the seed and the keys:
// the same keys give the same number in any order of calls.
class Draw {
 public:
  explicit Draw(uint64_t seed) : seed_(seed) {}
  double Uniform(std::initializer_list<uint64_t> keys) const {
    uint64_t h = SplitMix64(seed_);
    for (uint64_t k : keys) h = SplitMix64(h ^ k);
    return static_cast<double>(h >> 11) * 0x1.0p-53;
  }
  double Between(double low, double high, std::initializer_list<uint64_t> keys) const {
    return low + (high - low) * Uniform(keys);
  }

 private:
  uint64_t seed_;
};

// What the numbers of an indicator look like in one commune and month.
enum class Shape {
  kMoney,     // đồng a month (flow) or a level (stock)
  kCount,     // households, enterprises, dossiers: whole numbers
  kPercent,   // a growth rate, may be negative
  kFraction,  // numerator / denominator × 100
};

struct BenchIndicator {
  Indicator ind;
  Shape shape = Shape::kCount;
  double low = 1;  // the range of a commune's base value (a month's flow or the stock)
  double high = 100;
};

Shape ShapeOf(const Indicator& i) {
  if (i.value_kind == ValueKind::kFraction) return Shape::kFraction;
  if (i.value_kind == ValueKind::kPercent) return Shape::kPercent;
  if (i.unit.rfind("đồng", 0) == 0) return Shape::kMoney;
  return Shape::kCount;
}

BenchIndicator Describe(const Indicator& i) {
  BenchIndicator b{i, ShapeOf(i)};
  switch (b.shape) {
    case Shape::kMoney:
      // Income per head is a level of tens of millions; budgets and
      // revenues hundreds of millions to billions a month.
      if (i.time == TimeAggregation::kStock) {
        b.low = 3e7, b.high = 9e7;
      } else {
        b.low = 2e8, b.high = 5e9;
      }
      break;
    case Shape::kCount:
      if (i.time == TimeAggregation::kStock) {
        b.low = 20, b.high = 600;
      } else {
        b.low = 2, b.high = 60;
      }
      break;
    case Shape::kPercent: b.low = 1, b.high = 9; break;
    case Shape::kFraction:
      b.low = 60, b.high = 3000;  // the denominator
      break;
  }
  return b;
}

// The extra indicators, cycling over the combinations the catalogue uses.
Indicator BenchExtra(int n) {
  char code[32];
  std::snprintf(code, sizeof code, "BENCH_%02d", n);
  Indicator i;
  i.code = code;
  i.name_vi = "Chỉ tiêu thử nghiệm " + std::to_string(n);
  i.name_en = "Benchmark indicator " + std::to_string(n);
  i.group = "bench";
  switch ((n - 1) % 6) {
    case 0:
      i.unit = "đồng", i.value_kind = ValueKind::kNumber, i.direction = Direction::kHigherIsBetter;
      i.spatial = SpatialAggregation::kSum, i.time = TimeAggregation::kFlow;
      break;
    case 1:
      i.unit = "hộ", i.value_kind = ValueKind::kNumber, i.direction = Direction::kLowerIsBetter;
      i.spatial = SpatialAggregation::kSum, i.time = TimeAggregation::kStock;
      break;
    case 2:
      i.unit = "%", i.value_kind = ValueKind::kFraction, i.direction = Direction::kHigherIsBetter;
      i.spatial = SpatialAggregation::kRatioOfSums, i.time = TimeAggregation::kStock;
      break;
    case 3:
      i.unit = "đồng/người/năm", i.value_kind = ValueKind::kNumber, i.direction = Direction::kHigherIsBetter;
      i.spatial = SpatialAggregation::kMean, i.time = TimeAggregation::kStock;
      break;
    case 4:
      i.unit = "%", i.value_kind = ValueKind::kFraction, i.direction = Direction::kHigherIsBetter;
      i.spatial = SpatialAggregation::kRatioOfSums, i.time = TimeAggregation::kFlow;
      break;
    default:
      i.unit = "hồ sơ", i.value_kind = ValueKind::kNumber, i.direction = Direction::kTargetBand;
      i.spatial = SpatialAggregation::kSum, i.time = TimeAggregation::kFlow;
      break;
  }
  return i;
}

std::string Integer(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<long long>(std::llround(v)));
  return ec == std::errc() ? std::string(buf, end) : "0";
}

// Vietnamese decimals as a CSV cell: "66,666667" (quoted: the mark is a
// comma), -1,5; whole numbers without a mark or quotes.
std::string Decimal(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  if (size_t dot = s.find('.'); dot != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') {
      s.pop_back();
    } else {
      s[dot] = ',';
    }
  }
  if (s == "-0") return "0";
  return s.find(',') == std::string::npos ? s : "\"" + s + "\"";
}

std::string CsvCell(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct Options {
  std::string out;
  size_t communes = 0;  // 0: all
  std::string province;
  size_t indicators = 40;
  int years = 5;
  int first_year = 2026;
  bool pre2025 = false;
  uint64_t seed = 1;
};

Result<long long> WholeFlag(const std::string& name, const std::string& text, long long low, long long high) {
  long long v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < low || v > high) {
    return InvalidArgument(name + " takes a whole number from " + std::to_string(low) + " to " +
                               std::to_string(high) + ", not '" + text + "'",
                           name + " nhận số nguyên từ " + std::to_string(low) + " đến " +
                               std::to_string(high) + ", không phải '" + text + "'");
  }
  return v;
}

// Every --flag VALUE (and the bare --pre2025), each whole number in its range.
Result<Options> ParseOptions(const std::vector<std::string>& args) {
  Flags flags = ParseFlags(
      args, {"--out", "--province", "--communes", "--indicators", "--years", "--first-year", "--seed"},
      {"--pre2025"});
  if (!flags.error.empty()) return InvalidArgument(flags.error, flags.error_vi);
  if (!flags.rest.empty()) {
    return InvalidArgument("unexpected argument " + flags.rest[0], "thừa tham số " + flags.rest[0]);
  }
  Options o;
  auto whole = [&](const char* name, long long low, long long high, auto* into) -> Status {
    if (!flags.Has(name)) return Status::Ok();
    ASSIGN_OR_RETURN(long long n, WholeFlag(name, flags.Get(name, ""), low, high));
    *into = static_cast<std::remove_pointer_t<decltype(into)>>(n);
    return Status::Ok();
  };
  o.out = flags.Get("--out", "");
  o.province = flags.Get("--province", "");
  o.pre2025 = flags.Has("--pre2025");
  RETURN_IF_ERROR(whole("--communes", 1, 1000000, &o.communes));
  RETURN_IF_ERROR(whole("--indicators", 1, 99, &o.indicators));
  RETURN_IF_ERROR(whole("--years", 1, 50, &o.years));
  RETURN_IF_ERROR(whole("--first-year", 1990, 2100, &o.first_year));
  RETURN_IF_ERROR(whole("--seed", 0, 1LL << 62, &o.seed));
  const bool first_year_given = flags.Has("--first-year");
  if (o.out.empty()) return InvalidArgument("--out DIR is required", "thiếu --out THƯ_MỤC");
  if (o.pre2025 && !first_year_given) o.first_year = 2025 - o.years;
  int last = o.first_year + o.years - 1;
  if (o.pre2025 && last > 2024) {
    return InvalidArgument(
        "--pre2025 units ended on 30/06/2025: the years must end by 2024, not " + std::to_string(last),
        "đơn vị trước 2025 chấm dứt ngày 30/06/2025: các năm phải kết thúc trước 2025, không phải " +
            std::to_string(last));
  }
  if (!o.pre2025 && o.first_year < 2026) {
    return InvalidArgument("the post-2025 country has whole years from 2026 on (or use --pre2025)",
                           "đơn vị sau sắp xếp có số liệu cả năm từ 2026 (hoặc dùng --pre2025)");
  }
  return o;
}

// `count` items spread over `total` (every k-th): all when count >= total.
std::vector<size_t> Spread(size_t total, size_t count) {
  std::vector<size_t> out;
  if (count == 0 || count >= total) count = total;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) out.push_back(i * total / count);
  return out;
}

struct Commune {
  std::string code;
  size_t index;  // position in the whole country's list: keys the draws
};

Result<std::vector<Commune>> PickCommunes(const Workspace& ws, const Options& o) {
  Date first = *Date::FromYmd(o.first_year, 1, 1);
  int last_year = o.first_year + o.years - 1;
  ASSIGN_OR_RETURN(std::vector<TreeNode> tree, ws.units.TreeAsOf(first));
  std::vector<Commune> all;
  bool in_province = o.province.empty();
  bool province_found = o.province.empty();
  for (const TreeNode& n : tree) {
    const AdminUnit* u = ws.units.Get(n.id);
    UnitLevel level = LevelOf(u->VersionOn(first).type);
    if (level == UnitLevel::kProvince && !o.province.empty()) {
      in_province = u->code == o.province;
      province_found = province_found || in_province;
    }
    if (level != UnitLevel::kCommune) continue;
    // A figure of every month of every year needs the unit throughout.
    if (!u->CoversMonth(o.first_year, 1) || !u->CoversMonth(last_year, 12)) continue;
    if (in_province) all.push_back({u->code, all.size()});
  }
  if (!province_found) {
    return NotFound("no province " + o.province + " on " + first.ToVietnamese(),
                    "không có tỉnh " + o.province + " ngày " + first.ToVietnamese());
  }
  std::vector<Commune> picked;
  for (size_t i : Spread(all.size(), o.communes)) picked.push_back(all[i]);
  return picked;
}

std::vector<BenchIndicator> PickIndicators(const Workspace& ws, size_t k) {
  // Figures only: a yes/no state ("đạt chuẩn") has no range of values to generate.
  std::vector<const Indicator*> figures;
  for (const Indicator& i : ws.indicators) {
    if (i.value_kind != ValueKind::kYesNo) figures.push_back(&i);
  }
  std::vector<BenchIndicator> out;
  for (size_t i : Spread(figures.size(), k)) out.push_back(Describe(*figures[i]));
  for (int n = 1; out.size() < k; ++n) out.push_back(Describe(BenchExtra(n)));
  return out;
}

Status WriteFile(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  f << text;
  f.close();
  if (!f) return Internal("cannot write " + path, "không ghi được " + path);
  return Status::Ok();
}

// The figures of one commune and indicator: its base level and yearly growth.
struct Series {
  double base;    // a month's flow, or the stock (the denominator for a fraction)
  double growth;  // a year
  double share;   // a fraction's numerator over its denominator, in 0..1
};

class Generator {
 public:
  Generator(const Options& o, std::vector<Commune> communes, std::vector<BenchIndicator> indicators)
      : o_(o), draw_(o.seed), communes_(std::move(communes)), indicators_(std::move(indicators)) {}

  const std::vector<Commune>& communes() const { return communes_; }

  Series SeriesOf(const Commune& c, size_t k) const {
    const BenchIndicator& b = indicators_[k];
    Series s;
    s.base = draw_.Between(b.low, b.high, {c.index, k, 1});
    bool lower = b.ind.direction == Direction::kLowerIsBetter;
    s.growth =
        lower ? draw_.Between(-0.08, 0.0, {c.index, k, 2}) : draw_.Between(0.02, 0.10, {c.index, k, 2});
    // Poverty is a few percent; the shares worth raising mostly high.
    s.share = lower ? draw_.Between(0.01, 0.15, {c.index, k, 3}) : draw_.Between(0.55, 0.97, {c.index, k, 3});
    return s;
  }

  bool Missing(const Commune& c, int year, int month) const {
    return draw_.Uniform({c.index, static_cast<uint64_t>(year), static_cast<uint64_t>(month), 4}) < 0.03;
  }

  std::string IndicatorsCsv() const {
    std::string out =
        "code,name_vi,name_en,unit,group,value_kind,direction,spatial,time,allow_negative,aliases\n";
    for (const BenchIndicator& b : indicators_) {
      const Indicator& i = b.ind;
      std::string aliases;
      for (const std::string& a : i.aliases) aliases += (aliases.empty() ? "" : "|") + a;
      out += CsvCell(i.code) + "," + CsvCell(i.name_vi) + "," + CsvCell(i.name_en) + "," + CsvCell(i.unit) +
             "," + CsvCell(i.group) + "," + ValueKindName(i.value_kind) + "," + DirectionName(i.direction) +
             "," + SpatialAggregationName(i.spatial) + "," + TimeAggregationName(i.time) + "," +
             (i.allow_negative ? "1" : "0") + "," + CsvCell(aliases) + "\n";
    }
    return out;
  }

  // One People's Council plan per commune and year, a target per indicator:
  // about what the year's figures come to, a little above or below.
  std::string PlansCsv() const {
    std::string out = "unit_code,body,first_year,indicator,year,comparator,value,value_high\n";
    for (const Commune& c : communes_) {
      for (int y = o_.first_year; y < o_.first_year + o_.years; ++y) {
        for (size_t k = 0; k < indicators_.size(); ++k) {
          const BenchIndicator& b = indicators_[k];
          Series s = SeriesOf(c, k);
          double level = s.base * std::pow(1 + s.growth, y - o_.first_year);
          double ambition = draw_.Between(0.92, 1.10, {c.index, k, static_cast<uint64_t>(y), 5});
          std::string comparator = b.ind.direction == Direction::kLowerIsBetter ? "<=" : ">=";
          std::string value;
          std::string high;
          switch (b.shape) {
            case Shape::kMoney:
            case Shape::kCount: {
              double year_total = b.ind.time == TimeAggregation::kFlow ? level * 12 : level;
              if (b.ind.direction == Direction::kLowerIsBetter) ambition = 2 - ambition;
              value = Integer(std::max(1.0, year_total * ambition));
              if (b.ind.direction == Direction::kTargetBand) {
                comparator = "band";
                value = Integer(std::max(1.0, year_total * 0.9));
                high = Integer(std::max(2.0, year_total * 1.1));
              }
              break;
            }
            case Shape::kPercent:
              value = Decimal(level * ambition, 1);
              if (b.ind.direction == Direction::kTargetBand) {
                comparator = "band";
                value = Decimal(level * 0.8, 1);
                high = Decimal(level * 1.2 + 0.1, 1);
              }
              break;
            case Shape::kFraction:
              if (b.ind.direction == Direction::kLowerIsBetter) ambition = 2 - ambition;
              value = Decimal(std::min(100.0, s.share * 100 * ambition), 1);
              break;
          }
          out += c.code + ",HĐND," + std::to_string(y) + "," + b.ind.code + "," + std::to_string(y) + "," +
                 comparator + "," + value + "," + high + "\n";
        }
      }
    }
    return out;
  }

  // The monthly results of one year; returns the number of rows written.
  Result<size_t> WriteResults(const std::string& path, int year) const {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f << "unit_code,indicator,period,value,numerator,denominator\n";
    size_t rows = 0;
    std::string line;
    for (int m = 1; m <= 12; ++m) {
      char period[32];
      std::snprintf(period, sizeof period, "%04d-%02d", year, m);
      for (const Commune& c : communes_) {
        if (Missing(c, year, m)) continue;
        for (size_t k = 0; k < indicators_.size(); ++k) {
          line = c.code + "," + indicators_[k].ind.code + "," + period + "," + Value(c, k, year, m) + "\n";
          f << line;
          ++rows;
        }
      }
    }
    f.close();
    if (!f) return Internal("cannot write " + path, "không ghi được " + path);
    return rows;
  }

 private:
  // "value,numerator,denominator" of a month.
  std::string Value(const Commune& c, size_t k, int year, int month) const {
    const BenchIndicator& b = indicators_[k];
    Series s = SeriesOf(c, k);
    double t = (year - o_.first_year) + (month - 1) / 12.0;
    double level = s.base * std::pow(1 + s.growth, t);
    auto y = static_cast<uint64_t>(year);
    auto m = static_cast<uint64_t>(month);
    switch (b.shape) {
      case Shape::kMoney: {
        double noise = b.ind.time == TimeAggregation::kFlow
                           ? draw_.Between(0.8, 1.2, {c.index, k, y, m, 6})
                           : draw_.Between(0.99, 1.01, {c.index, k, y, m, 6});
        return Integer(std::round(level * noise / 1e3) * 1e3) + ",,";
      }
      case Shape::kCount: {
        double noise = b.ind.time == TimeAggregation::kFlow
                           ? draw_.Between(0.5, 1.5, {c.index, k, y, m, 6})
                           : draw_.Between(0.98, 1.02, {c.index, k, y, m, 6});
        return Integer(std::max(0.0, level * noise)) + ",,";
      }
      case Shape::kPercent: return Decimal(level + draw_.Between(-2.5, 2.5, {c.index, k, y, m, 6}), 1) + ",,";
      case Shape::kFraction: {
        double den = std::max(1.0, std::round(level));
        double share = std::clamp(s.share + draw_.Between(-0.03, 0.03, {c.index, k, y, m, 6}), 0.0, 1.0);
        double num = std::round(den * share);
        return Decimal(num / den * 100, 6) + "," + Integer(num) + "," + Integer(den);
      }
    }
    return "0,,";
  }

  Options o_;
  Draw draw_;
  std::vector<Commune> communes_;
  std::vector<BenchIndicator> indicators_;
};

}  // namespace

int RunBenchData(const GlobalOptions& g, const std::vector<std::string>& args) {
  bool vi = g.lang == "vi";
  Result<Options> o = ParseOptions(args);
  if (!o.ok()) {
    std::cerr << "kiemdem: " << o.status().message_in(g.lang) << "\nusage: " << kUsage << "\n";
    return 2;
  }
  auto fail = [&](const Status& s) {
    std::cerr << "kiemdem: " << s.message_in(g.lang) << "\n";
    return 1;
  };
  Workspace ws;
  if (Status r = LoadReferenceData(g.data_dir, &ws); !r.ok()) return fail(r);
  Result<std::vector<Commune>> communes = PickCommunes(ws, *o);
  if (!communes.ok()) return fail(communes.status());
  std::error_code ec;
  std::filesystem::create_directories(o->out, ec);
  if (ec) return fail(Internal("cannot create " + o->out + ": " + ec.message(), "không tạo được " + o->out));
  Generator gen(*o, std::move(*communes), PickIndicators(ws, o->indicators));
  if (Status s = WriteFile(o->out + "/indicators.csv", gen.IndicatorsCsv()); !s.ok()) return fail(s);
  if (Status s = WriteFile(o->out + "/plans.csv", gen.PlansCsv()); !s.ok()) return fail(s);
  size_t total = 0;
  for (int y = o->first_year; y < o->first_year + o->years; ++y) {
    Result<size_t> rows = gen.WriteResults(o->out + "/results_" + std::to_string(y) + ".csv", y);
    if (!rows.ok()) return fail(rows.status());
    total += *rows;
  }
  std::cout << (vi ? "Đã ghi " : "Wrote ") << gen.communes().size() << (vi ? " xã/phường, " : " communes, ")
            << o->indicators << (vi ? " chỉ tiêu, " : " indicators, ") << o->years
            << (vi ? " năm từ " : " years from ") << o->first_year << ": " << total
            << (vi ? " kết quả vào " : " results into ") << o->out << "\n";
  return 0;
}

}  // namespace kiemdem::cli
