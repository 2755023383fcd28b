#include "io/importer.h"

#include <charconv>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "core/csv.h"
#include "core/text.h"
#include "core/vn_number.h"
#include "io/internal/cells.h"

namespace kiemdem::io {
using internal::Number;
using internal::Problems;
using internal::YesNo;

std::string ImportProblem::ToString(const std::string& lang) const {
  bool vi = lang == "vi";
  std::string out = sheet + (vi ? ", dòng " : ", row ") + std::to_string(row);
  if (!column.empty()) out += (vi ? ", cột " : ", column ") + column;
  return out + ": " + (vi ? message_vi : message_en);
}

const std::vector<ColumnSpec>& ResultColumns() {
  static const auto* c =
      new std::vector<ColumnSpec>{{"unit_code", {"unit_code", "Mã ĐVHC", "Mã đơn vị"}, true},
                                  {"indicator", {"indicator", "Mã chỉ tiêu"}, true},
                                  {"period", {"period", "Kỳ", "Kỳ báo cáo"}, true},
                                  {"value", {"value", "Kết quả", "Giá trị"}, true, CellKind::kNumber},
                                  {"numerator", {"numerator", "Tử số"}, false, CellKind::kNumber},
                                  {"denominator", {"denominator", "Mẫu số"}, false, CellKind::kNumber},
                                  {"qualifier", {"qualifier", "Mức độ"}, false},
                                  {"estimated", {"estimated", "Ước tính"}, false},
                                  {"source", {"source", "Nguồn"}, false},
                                  {"unit_on", {"unit_on", "Ngày đơn vị"}, false}};
  return *c;
}

const std::vector<ColumnSpec>& IndicatorColumns() {
  static const auto* c =
      new std::vector<ColumnSpec>{{"code", {"code", "Mã chỉ tiêu"}, true},
                                  {"name_vi", {"name_vi", "Tên chỉ tiêu"}, true},
                                  {"name_en", {"name_en", "Tên tiếng Anh"}, false},
                                  {"unit", {"unit", "Đơn vị tính"}, true},
                                  {"group", {"group", "Nhóm"}, false},
                                  {"value_kind", {"value_kind", "Loại giá trị"}, true},
                                  {"direction", {"direction", "Chiều đánh giá"}, true},
                                  {"spatial", {"spatial", "Cộng theo đơn vị"}, true},
                                  {"time", {"time", "Cộng theo thời gian"}, true},
                                  {"allow_negative", {"allow_negative", "Cho phép âm"}, false},
                                  {"aliases", {"aliases", "Tên gọi khác"}, false},
                                  {"weight_by", {"weight_by", "Trọng số theo"}, false}};
  return *c;
}

namespace {

// The key of a row (unit, indicator, period) as 64 bits: duplicates in a file
// of millions of rows are found without keeping the keys themselves. Two
// different keys share a hash with a chance of about n² / 2⁶⁵ (1e-7 for 1.6 M
// rows).
uint64_t KeyHash(const Observation& o) {
  uint64_t h = 1469598103934665603ULL;  // FNV-1a
  auto mix = [&h](std::string_view bytes) {
    for (unsigned char c : bytes) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xff;  // a separator no UTF-8 text holds
    h *= 1099511628211ULL;
  };
  std::string unit = std::to_string(o.unit);
  mix(unit);
  mix(o.indicator);
  mix(o.period.Key());
  return h;
}

// Hash -> the row that first had it, open addressing at most 4/5 full:
// 12 bytes a slot, 15-30 bytes a row.
class SeenKeys {
 public:
  // 0 when `hash` is new (it is then kept with `row`), else the earlier row.
  int Insert(uint64_t hash, int row) {
    if ((size_ + 1) * 5 > rows_.size() * 4) Grow();
    size_t mask = rows_.size() - 1;
    for (size_t i = Spread(hash) & mask;; i = (i + 1) & mask) {
      if (rows_[i] == 0) {
        hashes_[i] = hash;
        rows_[i] = row;
        ++size_;
        return 0;
      }
      if (hashes_[i] == hash) return rows_[i];
    }
  }

 private:
  static size_t Spread(uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return static_cast<size_t>(h);
  }
  void Grow() {
    std::vector<uint64_t> hashes = std::move(hashes_);
    std::vector<int> rows = std::move(rows_);
    size_t n = rows.empty() ? 1024 : rows.size() * 2;
    hashes_.assign(n, 0);
    rows_.assign(n, 0);  // 0: empty (rows count from 1)
    size_ = 0;
    for (size_t i = 0; i < rows.size(); ++i) {
      if (rows[i] != 0) Insert(hashes[i], rows[i]);
    }
  }
  std::vector<uint64_t> hashes_;
  std::vector<int> rows_;
  size_t size_ = 0;
};

// Checks result rows one at a time and hands the good ones to the sink in
// batches of kResultBatch, as long as no row had a problem; at the first
// problem the rows are only checked, so that every problem is listed.
class ResultRows {
 public:
  static constexpr size_t kUnitCacheSize = 20000;

  ResultRows(CodeResolver& codes, const LocatedTable& t, std::string sheet_name,
             const ResultReadOptions& options, const ResultSink& sink)
      : codes_(codes),
        t_(t),
        sheet_name_(std::move(sheet_name)),
        options_(options),
        sink_(sink),
        problems_{&t_, &ResultColumns(), &outcome_} {}

  Status Start() {
    ASSIGN_OR_RETURN(std::vector<Indicator> indicators, codes_.Indicators());
    for (const Indicator& i : indicators) by_code_[i.code] = i;
    return Status::Ok();
  }

  // Checks one data row; a failed write of a batch is the error.
  Status Row(const SheetRow& row) {
    ++outcome_.rows;
    size_t before = outcome_.problem_count;
    Observation o;
    Result<Period> period = Period::Parse(t_.Cell(row, "period"));
    if (!period.ok()) problems_.Add(row, "period", period.status());
    std::string ind = t_.Cell(row, "indicator");
    auto it = by_code_.find(ind);
    if (it == by_code_.end()) {
      problems_.Add(row, "indicator",
                    NotFound("indicator '" + ind + "' is not in the catalogue",
                             "chỉ tiêu '" + ind + "' không có trong danh mục"));
    }
    std::optional<Date> unit_on;
    Result<std::optional<Date>> on_cell = internal::DateCell(t_.Cell(row, "unit_on"));
    if (on_cell.ok()) {
      unit_on = *on_cell;
    } else {
      problems_.Add(row, "unit_on", on_cell.status());
    }
    if (period.ok()) {
      std::string code = t_.Cell(row, "unit_code");
      auto key = std::make_tuple(code, period->Key(), unit_on ? unit_on->day_number() : int64_t{-1});
      auto cached = unit_cache_.find(key);
      if (cached == unit_cache_.end()) {
        // A cache, not a record of the file: bounded, so that a national
        // file's thousands of units × periods do not pile up.
        if (unit_cache_.size() >= kUnitCacheSize) unit_cache_.clear();
        Result<ResolvedUnit> found = ResolvedUnit{};
        if (options_.resolve_unit) {
          found = options_.resolve_unit(code, *period, unit_on);
        } else {
          Result<UnitId> u =
              codes_.FindUnit(code, unit_on.value_or(EndOfMonth(period->year(), period->last_month())));
          found = u.ok() ? Result<ResolvedUnit>(ResolvedUnit{*u, "", ""}) : Result<ResolvedUnit>(u.status());
        }
        cached = unit_cache_.emplace(key, std::move(found)).first;
      }
      const Result<ResolvedUnit>& unit = cached->second;
      if (!unit.ok()) problems_.Add(row, "unit_code", unit.status());
      if (unit.ok()) {
        o.unit = unit->unit;
        if (!unit_on && !unit->note_en.empty() && noted_.insert({code, unit->unit}).second &&
            outcome_.notes.size() < ImportOutcome::kMaxProblems) {
          outcome_.notes.push_back({sheet_name_, row.number, "", unit->note_en, unit->note_vi});
        }
      }
      if (unit.ok() && options_.may_enter) {
        if (Status allowed = options_.may_enter(unit->unit); !allowed.ok())
          problems_.Add(row, "unit_code", allowed);
      }
      o.period = *period;
    }
    bool yes_no = it != by_code_.end() && it->second.value_kind == ValueKind::kYesNo;
    Result<double> value = yes_no ? internal::Reached(t_.Cell(row, "value")) : Number(t_.Cell(row, "value"));
    if (!value.ok()) problems_.Add(row, "value", value.status());
    for (const char* key : {"numerator", "denominator"}) {
      std::string text = t_.Cell(row, key);
      if (text.empty()) continue;
      Result<double> v = Number(text);
      if (!v.ok()) {
        problems_.Add(row, key, v.status());
      } else {
        (std::string(key) == "numerator" ? o.numerator : o.denominator) = *v;
      }
    }
    Result<Qualifier> q = ParseQualifier(t_.Cell(row, "qualifier"));
    if (!q.ok()) problems_.Add(row, "qualifier", q.status());
    Result<bool> est = YesNo(t_.Cell(row, "estimated"));
    if (!est.ok()) problems_.Add(row, "estimated", est.status());
    if (outcome_.problem_count > before) return Status::Ok();
    o.indicator = ind;
    o.value = *value;
    o.qualifier = *q;
    o.estimated = *est;
    o.provenance.kind = ProvenanceKind::kImport;
    o.provenance.source = t_.Cell(row, "source").empty() ? sheet_name_ : t_.Cell(row, "source");
    Status valid = ValidateObservation(o, it->second);
    if (!valid.ok()) {
      problems_.Add(row, valid.field() == "unit" ? "unit_code" : valid.field(), valid);
      return Status::Ok();
    }
    if (int first = seen_.Insert(KeyHash(o), row.number); first != 0) {
      problems_.Add(row, "",
                    AlreadyExists("the same unit, indicator and period as row " + std::to_string(first),
                                  "trùng đơn vị, chỉ tiêu và kỳ với dòng " + std::to_string(first)));
      return Status::Ok();
    }
    return Keep(std::move(o));
  }

  // Hands the sink what is left, unless a row had a problem.
  Result<ImportOutcome> Finish() {
    if (outcome_.problems.empty()) RETURN_IF_ERROR(Flush());
    return std::move(outcome_);
  }

 private:
  Status Keep(Observation o) {
    if (!outcome_.problems.empty() || !sink_) return Status::Ok();
    batch_.push_back(std::move(o));
    return batch_.size() >= kResultBatch ? Flush() : Status::Ok();
  }

  Status Flush() {
    if (batch_.empty() || !sink_) return Status::Ok();
    Status s = sink_(batch_);
    batch_.clear();
    return s;
  }

  CodeResolver& codes_;
  const LocatedTable& t_;
  std::string sheet_name_;
  const ResultReadOptions& options_;
  const ResultSink& sink_;
  ImportOutcome outcome_;
  Problems problems_;
  std::map<std::string, Indicator> by_code_;
  // Files repeat a unit on many rows: look each (code, period, day) up once.
  std::map<std::tuple<std::string, std::string, int64_t>, Result<ResolvedUnit>> unit_cache_;
  std::set<std::pair<std::string, UnitId>> noted_;  // (code, unit) with a note already
  SeenKeys seen_;
  std::vector<Observation> batch_;
};

}  // namespace

Result<ImportOutcome> ReadResults(CodeResolver& codes, const Sheet& sheet, const ResultReadOptions& options,
                                  const ResultSink& sink) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, ResultColumns()));
  ResultRows rows(codes, t, sheet.name, options, sink);
  RETURN_IF_ERROR(rows.Start());
  for (const SheetRow* row : t.data) RETURN_IF_ERROR(rows.Row(*row));
  return rows.Finish();
}

namespace {

// The end of the first line ending at or after `from` that is not inside a
// quoted field (the same rules as ParseCsv: a quote opens a field only at its
// start), or text.size(). `line` counts the '\n' passed, as ParseCsv counts
// lines.
size_t CsvRowBoundary(std::string_view text, size_t begin, size_t from, char delimiter, int* lines) {
  bool in_quotes = false, field_empty = true;
  for (size_t i = begin; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          ++i;
        } else {
          in_quotes = false;
        }
      } else if (c == '\n') {
        ++*lines;
      }
      continue;
    }
    if (c == '"' && field_empty) {
      in_quotes = true;
    } else if (c == delimiter) {
      field_empty = true;
    } else if (c == '\n') {
      ++*lines;
      field_empty = true;
      if (i + 1 >= from) return i + 1;
    } else if (c != '\r') {
      field_empty = false;
    }
  }
  return text.size();
}

}  // namespace

Result<ImportOutcome> ReadResultsCsv(CodeResolver& codes, std::string_view text, const std::string& name,
                                     const ResultReadOptions& options, const ResultSink& sink,
                                     const ReadLimits& limits, const std::function<void(size_t)>& done_with) {
  constexpr size_t kChunkBytes = size_t{1} << 20;
  if (text.size() > limits.max_text_bytes) {
    std::string mib = std::to_string(limits.max_text_bytes >> 20) + " MiB";
    return ResourceExhausted(
        name + " is too large to import: more than " + mib + "; split it into smaller files",
        name + " quá lớn để nhập: hơn " + mib + "; hãy tách thành các tệp nhỏ hơn");
  }
  // Excel in a Vietnamese locale writes ';' separated CSV (as ReadCsv).
  std::string_view first_line = text.substr(0, text.find('\n'));
  size_t commas = 0, semicolons = 0;
  for (char c : first_line) {
    commas += c == ',';
    semicolons += c == ';';
  }
  char delimiter = semicolons > commas ? ';' : ',';
  auto parse_error = [&](const Status& s) {
    return Status(s.code(), name + ": " + s.message(), name + ": " + s.message_vi());
  };
  // The head (title rows, the header and the first rows) as a sheet, to find
  // the header in.
  int lines = 0;
  size_t end = CsvRowBoundary(text, 0, std::min(text.size(), size_t{64} << 10), delimiter, &lines);
  Sheet head;
  head.name = name;
  {
    Result<CsvTable> csv = ParseCsv(text.substr(0, end), delimiter);
    if (!csv.ok()) return parse_error(csv.status());
    head.rows.push_back({1, csv->header});
    for (CsvRow& r : csv->rows) head.rows.push_back({r.line, std::move(r.fields)});
  }
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(head, ResultColumns()));
  ResultRows rows(codes, t, name, options, sink);
  RETURN_IF_ERROR(rows.Start());
  size_t data_rows = 0;
  auto too_many = [&](int line) {
    std::string n = std::to_string(limits.max_rows);
    return ResourceExhausted(
        name + " is too large to import: line " + std::to_string(line) + ": the file has more than " + n +
            " rows",
        name + " quá lớn để nhập: dòng " + std::to_string(line) + ": tệp có hơn " + n + " dòng");
  };
  for (const SheetRow* row : t.data) {
    if (++data_rows > limits.max_rows) return too_many(row->number);
    RETURN_IF_ERROR(rows.Row(*row));
  }
  // The rest, a chunk of whole rows at a time, each parsed under a
  // placeholder header line; their lines are counted on from the head's.
  std::string chunk;
  while (end < text.size()) {
    int lines_before = lines;
    size_t next = CsvRowBoundary(text, end, std::min(text.size(), end + kChunkBytes), delimiter, &lines);
    chunk.assign("-\n");
    chunk.append(text.substr(end, next - end));
    Result<CsvTable> csv = ParseCsv(chunk, delimiter);
    if (!csv.ok()) return parse_error(csv.status());
    for (CsvRow& r : csv->rows) {
      SheetRow row{r.line - 1 + lines_before, std::move(r.fields)};
      bool empty = true;
      for (const std::string& cell : row.cells)
        empty = empty && cell.find_first_not_of(" \t\r") == std::string::npos;
      if (empty) continue;
      if (++data_rows > limits.max_rows) return too_many(row.number);
      RETURN_IF_ERROR(rows.Row(row));
    }
    end = next;
    if (done_with) done_with(end);
  }
  return rows.Finish();
}

Result<RowsRead<Indicator>> ReadIndicators(const Sheet& sheet) {
  ASSIGN_OR_RETURN(LocatedTable t, LocateHeader(sheet, IndicatorColumns()));
  RowsRead<Indicator> read;
  ImportOutcome& outcome = read.outcome;
  outcome.rows = static_cast<int>(t.data.size());
  Problems problems{&t, &IndicatorColumns(), &outcome};
  std::vector<Indicator>& rows = read.rows;
  std::map<std::string, int> seen;
  for (const SheetRow* row : t.data) {
    size_t before = outcome.problem_count;
    Indicator i;
    i.code = t.Cell(*row, "code");
    i.name_vi = t.Cell(*row, "name_vi");
    i.name_en = t.Cell(*row, "name_en");
    i.unit = t.Cell(*row, "unit");
    i.group = t.Cell(*row, "group");
    Result<ValueKind> vk = ParseValueKind(t.Cell(*row, "value_kind"));
    if (!vk.ok()) problems.Add(*row, "value_kind", vk.status());
    Result<Direction> dir = ParseDirection(t.Cell(*row, "direction"));
    if (!dir.ok()) problems.Add(*row, "direction", dir.status());
    Result<SpatialAggregation> sp = ParseSpatialAggregation(t.Cell(*row, "spatial"));
    if (!sp.ok()) problems.Add(*row, "spatial", sp.status());
    Result<TimeAggregation> tm = ParseTimeAggregation(t.Cell(*row, "time"));
    if (!tm.ok()) problems.Add(*row, "time", tm.status());
    Result<bool> neg = YesNo(t.Cell(*row, "allow_negative"));
    if (!neg.ok()) problems.Add(*row, "allow_negative", neg.status());
    if (outcome.problem_count > before) continue;
    i.value_kind = *vk;
    i.direction = *dir;
    i.spatial = *sp;
    i.time = *tm;
    i.allow_negative = *neg;
    i.aliases = SplitAliases(t.Cell(*row, "aliases"));
    i.weight_by = t.Cell(*row, "weight_by");
    Status valid = i.Validate();
    if (!valid.ok()) {
      problems.Add(*row, valid.field(), valid);
      continue;
    }
    if (auto dup = seen.find(i.code); dup != seen.end()) {
      problems.Add(*row, "code",
                   AlreadyExists("indicator " + i.code + " is also on row " + std::to_string(dup->second),
                                 "chỉ tiêu " + i.code + " trùng với dòng " + std::to_string(dup->second)));
      continue;
    }
    seen[i.code] = row->number;
    rows.push_back(i);
  }
  return read;
}

std::string ExactVietnameseNumber(double value) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
  if (ec != std::errc()) return FormatVietnameseNumber(value, 6);
  std::string s(buf, end);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.erase(0, 1);
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string out;
  for (size_t i = 0; i < int_part.size(); ++i) {
    if (i > 0 && (int_part.size() - i) % 3 == 0) out += '.';
    out += int_part[i];
  }
  if (!frac.empty()) out += "," + frac;
  return (negative ? "-" : "") + out;
}

Result<Sheet> ExportResults(CodeResolver& codes, const std::vector<Observation>& results,
                            const std::string& sheet_name) {
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Kết quả thực hiện chỉ tiêu";
  sheet.kinds = internal::ColumnKinds(ResultColumns());
  sheet.rows.push_back(internal::HeaderRow(ResultColumns()));
  std::map<UnitId, std::string> unit_codes;
  for (const Observation& o : results) {
    if (!unit_codes.count(o.unit)) {
      ASSIGN_OR_RETURN(unit_codes[o.unit], codes.UnitCode(o.unit));
    }
    SheetRow row{static_cast<int>(sheet.rows.size()) + 1, {}};
    row.cells = {unit_codes[o.unit],
                 o.indicator,
                 o.period.Key(),
                 ExactVietnameseNumber(o.value),
                 o.numerator ? ExactVietnameseNumber(*o.numerator) : "",
                 o.denominator ? ExactVietnameseNumber(*o.denominator) : "",
                 QualifierKey(o.qualifier),
                 o.estimated ? "có" : "không",
                 o.provenance.source,
                 ""};  // unit_on: a stored figure's period names its unit alone
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

Sheet ExportIndicators(const std::vector<Indicator>& indicators, const std::string& sheet_name) {
  Sheet sheet;
  sheet.name = sheet_name;
  sheet.title = "Danh mục chỉ tiêu";
  sheet.kinds = internal::ColumnKinds(IndicatorColumns());
  sheet.rows.push_back(internal::HeaderRow(IndicatorColumns()));
  for (const Indicator& i : indicators) {
    std::string aliases;
    for (const std::string& a : i.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    sheet.rows.push_back(
        {static_cast<int>(sheet.rows.size()) + 1,
         {i.code, i.name_vi, i.name_en, i.unit, i.group, ValueKindName(i.value_kind),
          DirectionName(i.direction), SpatialAggregationName(i.spatial), TimeAggregationName(i.time),
          i.allow_negative ? "có" : "không", aliases, i.weight_by}});
  }
  return sheet;
}

std::string SheetToCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";  // BOM: Excel then reads UTF-8
  for (const SheetRow& row : sheet.rows) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      if (i > 0) out += ',';
      out += CsvEscape(row.cells[i]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kiemdem::io
