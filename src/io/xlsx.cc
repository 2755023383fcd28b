#include "io/xlsx.h"

#include <expat.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <pugixml.hpp>
#include <set>

#include "core/date.h"
#include "core/text.h"
#include "core/vn_number.h"
#include "io/importer.h"
#include "io/internal/zip_member.h"

namespace kiemdem::io {
namespace {

Status NotXlsx(const std::string& file, const std::string& why) {
  return InvalidArgument(file + " is not a complete .xlsx file (" + why + "); save it again from Excel",
                         file + " không phải là tệp .xlsx hoàn chỉnh (" + why + "); hãy lưu lại từ Excel");
}

Status TooLarge(const std::string& file, const std::string& what_en, const std::string& what_vi) {
  return ResourceExhausted(file + " is too large to import: " + what_en + "; split it into smaller files",
                           file + " quá lớn để nhập: " + what_vi + "; hãy tách thành các tệp nhỏ hơn");
}

// The last column and row a worksheet can have (Excel's own limits: XFD, 1 048 576).
constexpr int kMaxColumns = 16384;
constexpr int kMaxRows = 1048576;
constexpr int kNoLetters = -1;  // ColumnIndex: the reference has no column letters
constexpr int kBeyondXfd = -2;  // ColumnIndex: more than three letters, or past XFD
// Sheet XML nests about seven deep (worksheet, sheetData, row, c, is, r, t).
constexpr int kMaxDepth = 64;

// "C7" -> column index 2; kNoLetters or kBeyondXfd. At most three letters are
// read, so the arithmetic cannot overflow whatever the file says.
int ColumnIndex(std::string_view ref) {
  int col = 0;
  size_t letters = 0;
  for (char c : ref) {
    if (c < 'A' || c > 'Z') break;
    if (++letters > 3) return kBeyondXfd;
    col = col * 26 + (c - 'A' + 1);
  }
  if (letters == 0) return kNoLetters;
  if (col > kMaxColumns) return kBeyondXfd;
  return col - 1;
}

// The row number of a <row r="…">: 1..1 048 576, or 0 when it is not one.
int RowNumber(std::string_view text) {
  int row = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), row);
  if (ec != std::errc() || end != text.data() + text.size() || row < 1 || row > kMaxRows) return 0;
  return row;
}

// The zip errors of an .xlsx reader, naming `file`.
internal::ZipErrors XlsxZipErrors(const std::string& file) {
  return {[file](const std::string& why) { return NotXlsx(file, why); },
          [file](const std::string& part, size_t budget) {
            return TooLarge(file, part + " holds more than " + internal::Mebibytes(budget),
                            part + " lớn hơn " + internal::Mebibytes(budget));
          }};
}

Status StreamMember(zip_t* archive, const std::string& name, size_t budget, const std::string& file,
                    const internal::ZipChunk& sink) {
  return internal::StreamMember(archive, name, budget, XlsxZipErrors(file), sink);
}

Result<std::string> ReadSmallMember(zip_t* archive, const std::string& name, size_t budget,
                                    const std::string& file) {
  return internal::ReadMember(archive, name, budget, XlsxZipErrors(file));
}

// One SAX pass of expat over XML fed in chunks. Subclasses see elements by
// their local name (a prefix or namespace is ignored: "x:row" is "row").
class XmlStream {
 public:
  XmlStream(std::string file, std::string part) : file_(std::move(file)), part_(std::move(part)) {
    parser_ = XML_ParserCreateNS(nullptr, '|');
    XML_SetUserData(parser_, this);
    XML_SetElementHandler(parser_, &XmlStream::OnStart, &XmlStream::OnEnd);
    XML_SetCharacterDataHandler(parser_, &XmlStream::OnText);
    // A spreadsheet part never has a DOCTYPE; refusing it rules out entity
    // expansion (billion laughs) and external entities altogether.
    XML_SetStartDoctypeDeclHandler(parser_, &XmlStream::OnDoctype);
  }
  virtual ~XmlStream() { XML_ParserFree(parser_); }
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  Status Feed(std::string_view chunk, bool last) {
    if (XML_Parse(parser_, chunk.data(), static_cast<int>(chunk.size()), last ? 1 : 0) == XML_STATUS_ERROR) {
      if (!error_.ok()) return error_;
      return NotXlsx(file_, part_ + " is damaged (line " + std::to_string(XML_GetCurrentLineNumber(parser_)) +
                                ": " + XML_ErrorString(XML_GetErrorCode(parser_)) + ")");
    }
    return error_;
  }

 protected:
  virtual void Start(std::string_view name, const char** attrs) = 0;
  virtual void End(std::string_view name) = 0;
  virtual void Text(std::string_view text) = 0;

  // Stops the parse with `s` (the first error wins).
  void Fail(Status s) {
    if (!error_.ok()) return;
    error_ = std::move(s);
    XML_StopParser(parser_, XML_FALSE);
  }
  bool failed() const { return !error_.ok(); }
  int depth() const { return depth_; }

  static std::string_view Attr(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
      if (LocalName(attrs[i]) == name) return attrs[i + 1];
    }
    return {};
  }
  static bool HasAttr(const char** attrs, std::string_view name) {
    for (int i = 0; attrs[i] != nullptr; i += 2) {
      if (LocalName(attrs[i]) == name) return true;
    }
    return false;
  }

  const std::string file_;
  const std::string part_;

 private:
  static std::string_view LocalName(const char* name) {
    std::string_view n(name);
    size_t bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
  }
  static void XMLCALL OnStart(void* self, const XML_Char* name, const XML_Char** attrs) {
    auto* s = static_cast<XmlStream*>(self);
    if (s->failed()) return;
    if (++s->depth_ > kMaxDepth) {
      s->Fail(
          NotXlsx(s->file_, s->part_ + " nests elements more than " + std::to_string(kMaxDepth) + " deep"));
      return;
    }
    s->Start(LocalName(name), attrs);
  }
  static void XMLCALL OnEnd(void* self, const XML_Char* name) {
    auto* s = static_cast<XmlStream*>(self);
    if (s->failed()) return;
    s->End(LocalName(name));
    --s->depth_;
  }
  static void XMLCALL OnText(void* self, const XML_Char* text, int len) {
    auto* s = static_cast<XmlStream*>(self);
    if (!s->failed()) s->Text(std::string_view(text, static_cast<size_t>(len)));
  }
  static void XMLCALL OnDoctype(void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* s = static_cast<XmlStream*>(self);
    s->Fail(NotXlsx(s->file_, s->part_ + " has a DOCTYPE, which spreadsheets never have"));
  }

  XML_Parser parser_;
  Status error_;
  int depth_ = 0;
};

// What the sheet's cells and the shared strings may take together.
struct Budget {
  const ReadLimits& limits;
  const std::string& file;
  size_t text = 0;   // bytes of text kept
  size_t cells = 0;  // cell slots kept

  Status AddText(size_t bytes) {
    text += bytes;
    return text <= limits.max_text_bytes ? Status::Ok() : TextFull();
  }
  // Whether `pending` more bytes of one value would pass the limit by themselves.
  bool Overflows(size_t pending) const { return text + pending > limits.max_text_bytes; }
  Status TextFull() const {
    return TooLarge(file,
                    "its cells hold more than " + internal::Mebibytes(limits.max_text_bytes) + " of text",
                    "các ô chứa hơn " + internal::Mebibytes(limits.max_text_bytes) + " văn bản");
  }
};

// xl/sharedStrings.xml: <sst><si><t>…</t><r><t>…</t></r><rPh>…</rPh></si>…
// The text of a string is every <t> of its <si> outside phonetic runs (<rPh>).
class SharedStrings final : public XmlStream {
 public:
  SharedStrings(const std::string& file, Budget* budget)
      : XmlStream(file, "sharedStrings.xml"), budget_(budget) {}
  std::vector<std::string> strings;

 protected:
  void Start(std::string_view name, const char**) override {
    if (name == "si" && depth() == 2) {
      in_si_ = true;
      current_.clear();
    } else if (in_si_ && name == "rPh") {
      ++in_phonetic_;
    } else if (in_si_ && in_phonetic_ == 0 && name == "t") {
      in_t_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh" && in_phonetic_ > 0) {
      --in_phonetic_;
    } else if (name == "si" && in_si_) {
      in_si_ = false;
      // Each string kept costs its text and the string object itself.
      if (Status s = budget_->AddText(current_.size() + sizeof(std::string)); !s.ok()) return Fail(s);
      strings.push_back(std::move(current_));
      current_ = std::string();
    }
  }
  void Text(std::string_view text) override {
    if (!in_t_) return;
    if (budget_->Overflows(current_.size() + text.size())) return Fail(budget_->TextFull());
    current_.append(text);
  }

 private:
  Budget* budget_;
  std::string current_;
  bool in_si_ = false;
  bool in_t_ = false;
  int in_phonetic_ = 0;
};

// Whether a number format shows a date: the built-in date formats (14-22,
// 27-36, 45-47, 50-58) or a format code with day or year letters outside
// quoted text, escapes and [colour]/[locale] sections ("dd/mm/yyyy",
// "[$-42A]d mmmm yyyy"; not "#,##0" or "0%").
bool IsDateFormat(int id, std::string_view code) {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) {
    return true;
  }
  bool quoted = false;
  bool bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is shown as it is (or is padding)
    } else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y') {
      return true;
    }
  }
  return false;
}

// xl/styles.xml: <styleSheet><numFmts><numFmt numFmtId formatCode/>…</numFmts>
// <cellXfs><xf numFmtId/>…</cellXfs>. Keeps, per cell style (a cell's s="…"),
// whether it shows a date.
class Styles final : public XmlStream {
 public:
  explicit Styles(const std::string& file) : XmlStream(file, "styles.xml") {}
  std::vector<bool> date_style;

 protected:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "numFmt" && depth() == 3) {
      int id = 0;
      std::string_view text = Attr(attrs, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      if (IsDateFormat(id, Attr(attrs, "formatCode"))) custom_dates_.insert(id);
    } else if (name == "cellXfs" && depth() == 2) {
      in_cell_xfs_ = true;
    } else if (in_cell_xfs_ && name == "xf" && depth() == 3) {
      int id = 0;
      std::string_view text = Attr(attrs, "numFmtId");
      std::from_chars(text.data(), text.data() + text.size(), id);
      date_style.push_back(custom_dates_.count(id) > 0 || IsDateFormat(id, {}));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  void Text(std::string_view) override {}

 private:
  std::set<int> custom_dates_;
  bool in_cell_xfs_ = false;
};

// A number cell's value as text every cell reader takes: a whole number as
// plain digits ("2021" is then a year and a period, "21500000000" a value),
// any other in exact Vietnamese form ("2.317,8").
std::string NumberText(double number) {
  if (std::trunc(number) == number && std::fabs(number) < 1e18) {
    return std::to_string(static_cast<long long>(number));
  }
  return ExactVietnameseNumber(number);
}

// A date cell (a serial with a date style) as "dd/mm/yyyy": Excel counts
// days from 30/12/1899 (its 1900 leap-year bug makes every serial from 61 on
// count from that day); a time of day is dropped. Outside 1/3/1900 to
// 31/12/9999 it stays a number.
std::string DateSerialText(double serial) {
  if (!(serial >= 61 && serial < 2958466)) return NumberText(serial);
  return Date::FromDayNumber(-25569 + static_cast<int64_t>(std::floor(serial))).ToVietnamese();
}

// The worksheet: <worksheet><sheetData><row r><c r t><v>…</v><is><t>…</t></is></c>…
// A row keeps its cells from column A to its last cell with a value; empty
// cells and rows with no value are not kept.
class SheetReader final : public XmlStream {
 public:
  SheetReader(const std::string& file, const std::vector<std::string>* shared,
              const std::vector<bool>* date_style, Budget* budget)
      : XmlStream(file, "the sheet"), shared_(shared), date_style_(date_style), budget_(budget) {}
  std::vector<SheetRow> rows;

 protected:
  void Start(std::string_view name, const char** attrs) override {
    if (name == "sheetData" && depth() == 2) {
      in_data_ = true;
    } else if (in_data_ && name == "row" && depth() == 3) {
      StartRow(attrs);
    } else if (in_row_ && name == "c" && depth() == 4) {
      StartCell(attrs);
    } else if (in_cell_ && name == "v" && depth() == 5) {
      in_value_ = true;
    } else if (in_cell_ && name == "is" && depth() == 5) {
      in_inline_ = true;
    } else if (in_inline_ && name == "rPh") {
      ++in_phonetic_;
    } else if (in_inline_ && in_phonetic_ == 0 && name == "t") {
      in_t_ = true;
    }
  }
  void End(std::string_view name) override {
    if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh" && in_phonetic_ > 0) {
      --in_phonetic_;
    } else if (name == "is") {
      in_inline_ = false;
    } else if (name == "v") {
      in_value_ = false;
    } else if (name == "c" && in_cell_) {
      EndCell();
    } else if (name == "row" && in_row_) {
      EndRow();
    } else if (name == "sheetData") {
      in_data_ = false;
    }
  }
  void Text(std::string_view text) override {
    std::string* into = in_value_ ? &value_ : in_t_ ? &inline_ : nullptr;
    if (into == nullptr) return;
    if (budget_->Overflows(into->size() + text.size())) return Fail(budget_->TextFull());
    into->append(text);
  }

 private:
  void StartRow(const char** attrs) {
    in_row_ = true;
    row_ = SheetRow();
    row_.number = last_number_ + 1;
    if (HasAttr(attrs, "r")) {
      std::string_view r = Attr(attrs, "r");
      row_.number = RowNumber(r);
      if (row_.number == 0) {
        return Fail(NotXlsx(
            file_, "row '" + std::string(r.substr(0, 20)) + "' is not a row number from 1 to 1048576"));
      }
    }
    if (row_.number > kMaxRows) {
      return Fail(NotXlsx(file_, "a row lies beyond row 1048576"));
    }
    last_number_ = row_.number;
    next_column_ = 0;
  }

  void StartCell(const char** attrs) {
    in_cell_ = true;
    std::string_view ref = Attr(attrs, "r");
    column_ = ColumnIndex(ref);
    if (column_ == kBeyondXfd) {
      return Fail(NotXlsx(file_, "cell " + std::string(ref.substr(0, 20)) + " lies beyond column XFD"));
    }
    if (column_ == kNoLetters) column_ = next_column_;
    if (column_ >= kMaxColumns) {
      return Fail(NotXlsx(file_, "row " + std::to_string(row_.number) + " has more than 16384 cells"));
    }
    next_column_ = column_ + 1;
    type_ = std::string(Attr(attrs, "t"));
    std::string_view style = Attr(attrs, "s");
    size_t index = 0;
    auto [end, ec] = std::from_chars(style.data(), style.data() + style.size(), index);
    date_ = ec == std::errc() && end == style.data() + style.size() && index < date_style_->size() &&
            (*date_style_)[index];
    value_.clear();
    inline_.clear();
  }

  void EndCell() {
    in_cell_ = false;
    std::string text;
    if (type_ == "s") {
      size_t index = 0;
      auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
      if (ec != std::errc() || end != value_.data() + value_.size() || index >= shared_->size()) {
        return Fail(NotXlsx(file_, "cell " + CellName() + " points to a missing string"));
      }
      text = (*shared_)[index];
    } else if (type_ == "inlineStr") {
      text = std::move(inline_);
    } else if (type_ == "str" || type_ == "b" || type_ == "e") {
      text = std::move(value_);
    } else if (type_ == "d") {
      // An ISO 8601 date cell ("2021-07-01T00:00:00"), as strict OOXML writes them.
      Result<Date> d = Date::ParseIso(std::string_view(value_).substr(0, 10));
      text = d.ok() ? d->ToVietnamese() : std::move(value_);
    } else if (!value_.empty()) {
      double number = 0;
      auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), number);
      if (ec != std::errc() || p != value_.data() + value_.size()) {
        text = std::move(value_);
      } else {
        text = date_ ? DateSerialText(number) : NumberText(number);
      }
    }
    value_.clear();
    inline_.clear();
    if (text.empty()) return;  // an empty (formatted) cell: nothing to keep
    if (Status u = ValidateUtf8(text); !u.ok()) return Fail(NotXlsx(file_, u.message()));
    if (Status s = budget_->AddText(text.size()); !s.ok()) return Fail(s);
    size_t col = static_cast<size_t>(column_);
    assert(column_ >= 0 && column_ < kMaxColumns);  // StartCell bounds it
    if (row_.cells.size() <= col) {
      budget_->cells += col + 1 - row_.cells.size();
      if (budget_->cells > budget_->limits.max_cells) {
        return Fail(
            TooLarge(file_,
                     "it has more than " + std::to_string(budget_->limits.max_cells) +
                         " cells (counting the empty cells left of a value; row " +
                         std::to_string(row_.number) + " reaches column " + SpreadsheetColumn(column_) + ")",
                     "tệp có hơn " + std::to_string(budget_->limits.max_cells) +
                         " ô (kể cả ô trống bên trái một giá trị; dòng " + std::to_string(row_.number) +
                         " kéo đến cột " + SpreadsheetColumn(column_) + ")"));
      }
      row_.cells.resize(col + 1);
    }
    row_.cells.at(col) = std::move(text);
  }

  void EndRow() {
    in_row_ = false;
    if (row_.cells.empty()) return;
    if (rows.size() >= budget_->limits.max_rows) {
      return Fail(TooLarge(file_, "it has more than " + std::to_string(budget_->limits.max_rows) + " rows",
                           "tệp có hơn " + std::to_string(budget_->limits.max_rows) + " dòng"));
    }
    rows.push_back(std::move(row_));
  }

  std::string CellName() const { return SpreadsheetColumn(column_) + std::to_string(row_.number); }

  const std::vector<std::string>* shared_;
  const std::vector<bool>* date_style_;
  Budget* budget_;
  SheetRow row_;
  int last_number_ = 0;
  int next_column_ = 0;
  int column_ = 0;
  std::string type_, value_, inline_;
  bool date_ = false;  // the cell's style shows a date
  bool in_data_ = false, in_row_ = false, in_cell_ = false, in_value_ = false, in_inline_ = false,
       in_t_ = false;
  int in_phonetic_ = 0;
};

// Runs `stream` over a member, chunk by chunk; `present` says whether it was there.
Status ParseMember(zip_t* archive, const std::string& name, size_t budget, const std::string& file,
                   XmlStream& stream, bool* present) {
  Status s = StreamMember(archive, name, budget, file,
                          [&stream](std::string_view chunk) { return stream.Feed(chunk, false); });
  *present = s.code() != StatusCode::kNotFound;
  if (!*present) return Status::Ok();
  RETURN_IF_ERROR(s);
  return stream.Feed({}, true);
}

}  // namespace

ReadLimits ReadLimits::CommandLine() {
  ReadLimits l;
  l.max_rows *= 100;
  l.max_cells *= 100;
  l.max_text_bytes *= 100;
  l.max_sheet_bytes *= 100;
  l.max_shared_bytes *= 100;
  l.max_part_bytes *= 100;
  return l;
}

Result<Sheet> ReadSpreadsheet(std::string_view bytes, const std::string& file_name,
                              const ReadLimits& limits) {
  auto has_extension = [&](std::string_view ext) {
    if (file_name.size() < ext.size()) return false;
    for (size_t i = 0; i < ext.size(); ++i) {
      char c = file_name[file_name.size() - ext.size() + i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != ext[i]) return false;
    }
    return true;
  };
  if (has_extension(".xlsx")) return ReadXlsx(bytes, file_name, limits);
  if (has_extension(".csv")) return ReadCsv(bytes, file_name, limits);
  return InvalidArgument(file_name + ": only .csv and .xlsx files can be imported",
                         file_name + ": chỉ nhập được tệp .csv và .xlsx");
}

Result<Sheet> ReadXlsx(std::string_view bytes, const std::string& file_name, const ReadLimits& limits) {
  ASSIGN_OR_RETURN(internal::ZipArchive archive, internal::OpenZip(bytes, XlsxZipErrors(file_name)));
  // The first sheet's part, through the workbook and its relationships.
  Result<std::string> workbook =
      ReadSmallMember(archive.get(), "xl/workbook.xml", limits.max_part_bytes, file_name);
  Result<std::string> rels =
      ReadSmallMember(archive.get(), "xl/_rels/workbook.xml.rels", limits.max_part_bytes, file_name);
  for (const Result<std::string>* part : {&workbook, &rels}) {
    if (part->status().code() == StatusCode::kNotFound) return NotXlsx(file_name, "no workbook inside");
    RETURN_IF_ERROR(part->status());
  }
  pugi::xml_document wb;
  pugi::xml_document rel;
  if (!wb.load_buffer_inplace(workbook->data(), workbook->size()) ||
      !rel.load_buffer_inplace(rels->data(), rels->size())) {
    return NotXlsx(file_name, "the workbook is damaged");
  }
  pugi::xml_node first = wb.child("workbook").child("sheets").child("sheet");
  if (!first) return NotXlsx(file_name, "the workbook has no sheet");
  std::string sheet_name = first.attribute("name").value();
  std::string rid = first.attribute("r:id").value();
  std::string target;
  for (pugi::xml_node r : rel.child("Relationships").children("Relationship")) {
    if (rid == r.attribute("Id").value()) target = r.attribute("Target").value();
  }
  if (target.empty()) return NotXlsx(file_name, "the first sheet has no part");
  std::string part = target.rfind("/xl/", 0) == 0 ? target.substr(1) : "xl/" + target;

  Budget budget{limits, file_name};
  SharedStrings shared(file_name, &budget);
  bool present = false;
  RETURN_IF_ERROR(ParseMember(archive.get(), "xl/sharedStrings.xml", limits.max_shared_bytes, file_name,
                              shared, &present));
  // Styles say which number cells are dates; they hold no cell text, so their
  // XML has the shared strings' budget and keeps one flag per style.
  Styles styles(file_name);
  RETURN_IF_ERROR(
      ParseMember(archive.get(), "xl/styles.xml", limits.max_shared_bytes, file_name, styles, &present));
  SheetReader reader(file_name, &shared.strings, &styles.date_style, &budget);
  RETURN_IF_ERROR(ParseMember(archive.get(), part, limits.max_sheet_bytes, file_name, reader, &present));
  if (!present) return NotXlsx(file_name, "the sheet " + sheet_name + " is missing");
  Sheet sheet;
  sheet.name = file_name + " [" + sheet_name + "]";
  sheet.rows = std::move(reader.rows);
  return sheet;
}

namespace {

// The characters of UTF-8 text (for column widths).
size_t Characters(const std::string& text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// A name Excel takes for a sheet: without the characters it forbids
// ([]:*?/\), without an apostrophe at either end, and at most 31 characters
// (Excel counts characters, not bytes), cut between characters.
std::string SheetName(const std::string& name) {
  constexpr size_t kMaxSheetNameCharacters = 31;
  std::string out;
  size_t characters = 0;
  for (char c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) continue;
    bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_character && ++characters > kMaxSheetNameCharacters) break;
    out.push_back(c);
  }
  while (!out.empty() && out.front() == '\'') out.erase(0, 1);
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out;
}

// The formats of one workbook being written, made once each.
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb) {
    header_ = workbook_add_format(wb);
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_CENTER);
    title_ = workbook_add_format(wb);
    format_set_bold(title_);
    format_set_font_size(title_, 14);
    year_ = workbook_add_format(wb);
    format_set_num_format(year_, "0");
    date_ = workbook_add_format(wb);
    format_set_num_format(date_, "dd/mm/yyyy");
  }
  lxw_format* header() const { return header_; }
  lxw_format* title() const { return title_; }
  lxw_format* year() const { return year_; }
  lxw_format* date() const { return date_; }
  // "#,##0" with as many decimals as the number was written with (shown in a
  // Vietnamese locale as 19.885.177.001 and 66,67), so the cell shows the
  // figure as stored.
  lxw_format* number(int decimals) { return Numeric(numbers_, decimals, ""); }
  // The same with a literal "%" after it: the cell holds 66,67 (not 0,6667),
  // shown "66,67%", and reads back as the figure it was.
  lxw_format* percent(int decimals) { return Numeric(percents_, decimals, "\"%\""); }

 private:
  lxw_workbook* wb_;
  lxw_format* header_;
  lxw_format* title_;
  lxw_format* year_;
  lxw_format* date_;
  std::array<lxw_format*, 10> numbers_{};
  std::array<lxw_format*, 10> percents_{};

  lxw_format* Numeric(std::array<lxw_format*, 10>& cache, int decimals, const char* suffix) {
    decimals = std::clamp(decimals, 0, 9);
    lxw_format*& f = cache[static_cast<size_t>(decimals)];
    if (f == nullptr) {
      std::string code = decimals == 0 ? "#,##0" : "#,##0." + std::string(static_cast<size_t>(decimals), '0');
      code += suffix;
      f = workbook_add_format(wb_);
      format_set_num_format(f, code.c_str());
    }
    return f;
  }
};

// Writes one data cell by its column's kind; text that is not of the kind
// (a note in a number column) stays text.
lxw_error WriteCell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, CellKind kind,
                    Formats& formats) {
  if (text.empty()) return LXW_NO_ERROR;
  if (kind == CellKind::kNumber || kind == CellKind::kPercent) {
    if (Result<ParsedNumber> n = ParseVietnameseNumber(text); n.ok()) {
      lxw_format* f = kind == CellKind::kPercent ? formats.percent(n->decimals) : formats.number(n->decimals);
      return worksheet_write_number(ws, row, col, n->value, f);
    }
  } else if (kind == CellKind::kYear) {
    int year = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec == std::errc() && end == text.data() + text.size()) {
      return worksheet_write_number(ws, row, col, year, formats.year());
    }
  } else if (kind == CellKind::kDate) {
    if (Result<Date> d = Date::Parse(text); d.ok() && d->year() >= 1900 && d->year() <= 9999) {
      lxw_datetime when{d->year(), d->month(), d->day(), 0, 0, 0};
      return worksheet_write_datetime(ws, row, col, &when, formats.date());
    }
  }
  return worksheet_write_string(ws, row, col, text.c_str(), nullptr);
}

}  // namespace

Status WriteXlsx(const Sheet& sheet, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Internal("cannot create " + path, "không tạo được " + path);
  std::string name = SheetName(sheet.name);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.empty() ? nullptr : name.c_str());
  if (ws == nullptr) ws = workbook_add_worksheet(wb, nullptr);  // a name Excel refuses: "Sheet1"
  Formats formats(wb);
  size_t columns = 0;
  for (const SheetRow& row : sheet.rows) columns = std::max(columns, row.cells.size());
  lxw_error err = LXW_NO_ERROR;
  lxw_row_t top = 0;  // the header's row
  if (!sheet.title.empty()) {
    err = columns > 1 ? worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(columns - 1),
                                              sheet.title.c_str(), formats.title())
                      : worksheet_write_string(ws, 0, 0, sheet.title.c_str(), formats.title());
    top = 1;
  }
  std::vector<size_t> widths(columns, 0);
  for (size_t r = 0; r < sheet.rows.size() && err == LXW_NO_ERROR; ++r) {
    const SheetRow& row = sheet.rows[r];
    auto at = static_cast<lxw_row_t>(top + r);
    for (size_t c = 0; c < row.cells.size() && err == LXW_NO_ERROR; ++c) {
      widths[c] = std::max(widths[c], Characters(row.cells[c]));
      auto col = static_cast<lxw_col_t>(c);
      if (r == 0) {
        err = worksheet_write_string(ws, at, col, row.cells[c].c_str(), formats.header());
      } else {
        CellKind kind = c < sheet.kinds.size() ? sheet.kinds[c] : CellKind::kText;
        err = WriteCell(ws, at, col, row.cells[c], kind, formats);
      }
    }
  }
  for (size_t c = 0; c < columns && err == LXW_NO_ERROR; ++c) {
    double width = static_cast<double>(std::clamp<size_t>(widths[c] + 2, 8, 60));
    err = worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
  }
  worksheet_freeze_panes(ws, top + 1, 0);
  lxw_error closed = workbook_close(wb);  // frees the workbook whatever happened
  if (err == LXW_NO_ERROR) err = closed;
  if (err != LXW_NO_ERROR) {
    std::string why = lxw_strerror(err);
    return Internal("cannot write " + path + ": " + why, "không ghi được " + path + ": " + why);
  }
  return Status::Ok();
}

Result<std::string> XlsxBytes(const Sheet& sheet) {
  std::string path = (std::filesystem::temp_directory_path() / "kiemdem-export-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Internal("cannot create a temporary file", "không tạo được tệp tạm");
  close(fd);
  Status written = WriteXlsx(sheet, path);
  std::string bytes;
  if (written.ok()) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) written = Internal("cannot read " + path, "không đọc được " + path);
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  RETURN_IF_ERROR(written);
  return bytes;
}

}  // namespace kiemdem::io
