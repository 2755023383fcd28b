#include "io/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/text.h"
#include "core/vn_number.h"

namespace kiemdem::io {
namespace {

// UTF-8 to code points and back (the text is already valid UTF-8).
std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    char32_t cp = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k <= extra && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += static_cast<size_t>(extra) + 1;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// The upper case of a Vietnamese letter: ASCII, Latin-1 (à…ý), Latin
// Extended-A (ă, đ, ĩ, ũ: odd code points), ơ, ư and Latin Extended
// Additional (ạ…ỹ: odd code points).
char32_t Upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 0x20;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 0x20;
  if (c >= 0x100 && c <= 0x17F && (c & 1) == 1) return c - 1;
  if (c == 0x1A1 || c == 0x1B0) return c == 0x1A1 ? 0x1A0 : 0x1AF;
  if (c >= 0x1EA0 && c <= 0x1EF9 && (c & 1) == 1) return c - 1;
  return c;
}

char32_t Lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 0x20;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x17F && (c & 1) == 0) return c + 1;
  if (c == 0x1A0 || c == 0x1AF) return c == 0x1A0 ? 0x1A1 : 0x1B0;
  if (c >= 0x1EA0 && c <= 0x1EF9 && (c & 1) == 0) return c + 1;
  return c;
}

std::string FirstLetter(const std::string& text, char32_t (*change)(char32_t)) {
  std::u32string s = Decode(text);
  if (!s.empty()) s[0] = change(s[0]);
  return Encode(s);
}

// "phường Quảng Hưng" inside a sentence.
std::string LowerFirst(const std::string& text) { return FirstLetter(text, Lower); }
// "Năm 2020" at the start of a sentence.
std::string UpperFirst(const std::string& text) { return FirstLetter(text, Upper); }

DocxRun Run(std::string text, bool bold = false, bool italic = false, int size_pt = 0) {
  return DocxRun{std::move(text), bold, italic, false, size_pt};
}

DocxParagraph Line(DocxRun run, DocxAlign align = DocxAlign::kCenter, int space_after_pt = 0) {
  DocxParagraph p;
  p.runs.push_back(std::move(run));
  p.align = align;
  p.space_after_pt = space_after_pt;
  return p;
}

// A body paragraph: justified, first line indented as the local reports are.
DocxParagraph Body(std::string text, bool bold = false) {
  DocxParagraph p = Line(Run(std::move(text), bold), DocxAlign::kJustify, 6);
  p.first_line_mm = 10;
  return p;
}

DocxCell Cell(std::string text, DocxAlign align = DocxAlign::kCenter, bool bold = false) {
  return DocxCell{{Line(Run(std::move(text), bold, false, 11), align, 0)}};
}

// A figure as the reports write it: money in tỷ or triệu đồng when that is
// exact to three decimals ("45 tỷ đồng", "2.317,8 triệu đồng"), else whole
// ("19.885.177.001 đồng"); a percentage with its sign ("92,5%").
std::string Figure(double value, const std::string& unit) {
  if (unit == "đồng") {
    for (auto [scale, word] : {std::pair{1e9, "tỷ"}, std::pair{1e6, "triệu"}}) {
      if (std::fabs(value) < scale) continue;
      std::string text = FormatVietnameseNumber(value / scale, 3);
      Result<ParsedNumber> back = ParseVietnameseNumber(text);
      if (back.ok() && std::fabs(back->value * scale - value) < 0.5) return text + " " + word + " đồng";
    }
    return FormatVietnameseNumber(value, 0) + " đồng";
  }
  std::string text = FormatVietnameseNumber(value, 2);
  if (unit == "%") return text + "%";
  return unit.empty() ? text : text + " " + unit;
}

// % of plan as the table shows it: a lower-is-better indicator's is the
// target over the result, and says so.
std::string PlanPercent(const IndicatorEvaluation& e) {
  if (e.points_from_plan) return FormatPoints(*e.points_from_plan);
  if (!e.percent_of_plan) return "";
  return FormatReportedPercent(*e.percent_of_plan) + (e.percent_inverse ? " (KH ÷ TH)" : "");
}

std::string PreviousPercent(const IndicatorEvaluation& e) {
  if (e.points_from_previous) return FormatPoints(*e.points_from_previous);
  return e.percent_of_previous ? FormatReportedPercent(*e.percent_of_previous) : "";
}

// How a report says the pace: "nhanh hơn tiến độ", "đúng tiến độ", "chậm so với tiến độ".
std::string PacePhrase(Pace p) {
  switch (p) {
    case Pace::kAhead: return "nhanh hơn tiến độ";
    case Pace::kOnPace: return "đúng tiến độ";
    case Pace::kBehind: return "chậm so với tiến độ";
  }
  return "";
}

std::string TargetText(const Target& t) {
  if (t.comparator == Comparator::kBand && t.value_high) {
    return FormatVietnameseNumber(t.value, 2) + " – " + FormatVietnameseNumber(*t.value_high, 2);
  }
  std::string value = FormatVietnameseNumber(t.value, 2);
  return t.comparator == Comparator::kEqual ? value
                                            : std::string(ComparatorSymbol(t.comparator)) + " " + value;
}

// "- Thu ngân sách nhà nước trên địa bàn đạt 21,5 tỷ đồng, bằng 107,5% kế
// hoạch năm, bằng 115% so với cùng kỳ."; a rate against its plan and last
// year in percentage points ("thấp hơn kế hoạch năm 3,5 điểm %").
std::string Sentence(const UnitReportRow& row) {
  const IndicatorEvaluation& e = row.evaluation;
  if (row.indicator.value_kind == ValueKind::kYesNo) {  // "- Đảng bộ đạt trong sạch vững mạnh: đạt."
    return "- " + row.indicator.name_vi + ": " + (*e.actual >= 0.5 ? "đạt" : "chưa đạt") + ".";
  }
  std::string s = "- " + row.indicator.name_vi + (e.estimated ? " ước đạt " : " đạt ") +
                  Figure(*e.actual, row.indicator.unit);
  // "(số liệu 3 tháng)": a figure that stands for fewer months than the report's period says so.
  if (row.months > 0 && !e.estimated) s += " (số liệu " + std::to_string(row.months) + " tháng)";
  auto points = [](double p) { return FormatVietnameseNumber(std::fabs(p), 2) + " điểm %"; };
  // The share of a plan: "cao hơn <plan> 2 điểm %" for a rate, "bằng 107,5% <plan>" for an amount.
  auto share = [&](const std::optional<double>& points_from, const std::optional<double>& percent_of,
                   const std::string& plan) -> std::string {
    if (points_from)
      return std::string(*points_from >= 0 ? "cao hơn " : "thấp hơn ") + plan + " " + points(*points_from);
    if (percent_of) return "bằng " + FormatReportedPercent(*percent_of) + " " + plan;
    return "";
  };
  // An adjusted plan: the share of the first one, then of the adjusted one it is judged on, as
  // reports write it ("bằng 88% kế hoạch giao đầu năm và bằng 98,4% kế hoạch sau điều chỉnh").
  const bool adjusted = e.first_set_value.has_value();
  std::string of_plan =
      share(e.points_from_plan, e.percent_of_plan, adjusted ? "kế hoạch sau điều chỉnh" : "kế hoạch năm");
  if (!of_plan.empty() && e.percent_inverse && !e.points_from_plan) {
    of_plan += " (chỉ tiêu càng thấp càng tốt: kế hoạch ÷ thực hiện)";
  }
  std::string of_first =
      adjusted ? share(e.points_from_first_set, e.percent_of_first_set, "kế hoạch giao đầu năm") : "";
  if (!of_first.empty() && !of_plan.empty()) of_plan = of_first + " và " + of_plan;
  if (!of_plan.empty()) s += ", " + of_plan;
  // Inside the year, the pace beside the share of the year's plan, with its basis:
  // ", chậm so với tiến độ (bình quân 10/12 tháng: 83,3% KH năm)".
  if (e.pace) s += ", " + PacePhrase(e.pace->pace) + " (" + e.pace->basis_vi + ")";
  if (e.points_from_previous) {
    s += std::string(*e.points_from_previous >= 0 ? ", tăng " : ", giảm ") + points(*e.points_from_previous) +
         " so với cùng kỳ";
  } else if (e.percent_of_previous) {
    s += ", bằng " + FormatReportedPercent(*e.percent_of_previous) + " so với cùng kỳ";
  }
  return s + ".";
}

DocxTable HeaderBlock(const ReportIssuer& issuer) {
  DocxTable t;
  t.borders = false;
  t.header_row = false;
  t.widths_mm = {62, 103};
  DocxCell left;
  if (!issuer.parent_body.empty()) left.paragraphs.push_back(Line(Run(issuer.parent_body, false, false, 13)));
  left.paragraphs.push_back(Line(Run(issuer.body, true, false, 13)));
  left.paragraphs.push_back(Line(Run(issuer.party ? "*" : "———", true, false, 13), DocxAlign::kCenter, 6));
  left.paragraphs.push_back(Line(
      Run(issuer.party ? "Số       -" + issuer.symbol : "Số:        /" + issuer.symbol, false, false, 13)));
  DocxCell right;
  if (issuer.party) {
    DocxRun title = Run("ĐẢNG CỘNG SẢN VIỆT NAM", true, false, 15);
    title.underline = true;
    right.paragraphs.push_back(Line(std::move(title), DocxAlign::kCenter, 12));
    right.paragraphs.push_back(
        Line(Run(PlaceAndDate(issuer.place, issuer.date), false, true, 13), DocxAlign::kRight));
  } else {
    right.paragraphs.push_back(Line(Run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, 12)));
    right.paragraphs.push_back(Line(Run("Độc lập - Tự do - Hạnh phúc", true, false, 13)));
    right.paragraphs.push_back(Line(Run("————————————", true, false, 13), DocxAlign::kCenter, 6));
    right.paragraphs.push_back(Line(Run(PlaceAndDate(issuer.place, issuer.date), false, true, 13)));
  }
  t.rows.push_back({std::move(left), std::move(right)});
  return t;
}

DocxTable IndicatorTable(const UnitReport& r) {
  DocxTable t;
  // A part-year report has a "Tiến độ" column beside the verdict; a year's has none.
  const bool paced = std::any_of(r.rows.begin(), r.rows.end(),
                                 [](const UnitReportRow& row) { return row.evaluation.pace.has_value(); });
  t.widths_mm = paced ? std::vector<int>{10, 35, 14, 22, 22, 15, 15, 16, 16}
                      : std::vector<int>{12, 39, 15, 25, 24, 16, 16, 18};
  std::vector<DocxCell> header;
  for (const char* h :
       {"STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch", "Thực hiện", "% kế hoạch", "% cùng kỳ", "Đánh giá"}) {
    header.push_back(Cell(h, DocxAlign::kCenter, true));
  }
  if (paced) header.push_back(Cell("Tiến độ", DocxAlign::kCenter, true));
  t.rows.push_back(std::move(header));
  auto pace = [&](const IndicatorEvaluation& e) {
    if (paced) t.rows.back().push_back(Cell(e.pace ? PaceNameVi(e.pace->pace) : ""));
  };
  int n = 0;
  for (const UnitReportRow& row : r.rows) {
    const IndicatorEvaluation& e = row.evaluation;
    // Money in the table in triệu đồng, as the local tables give it; the
    // prose keeps the figure exact.
    bool money = row.indicator.unit == "đồng";
    double scale = money ? 1e6 : 1;
    auto number = [](const std::optional<double>& v, double by) {
      return v ? FormatVietnameseNumber(*v / by, 2) : std::string();
    };
    std::optional<Target> target = e.target;
    if (target && money) {
      target->value /= scale;
      if (target->value_high) *target->value_high /= scale;
    }
    if (row.indicator.value_kind == ValueKind::kYesNo) {  // reached or not: no amounts, no percentages
      std::string got = e.actual ? (*e.actual >= 0.5 ? "Đạt" : "Chưa đạt") : "";
      t.rows.push_back({Cell(std::to_string(++n)), Cell(row.indicator.name_vi, DocxAlign::kLeft), Cell(""),
                        Cell(e.target ? "Đạt" : ""), Cell(got), Cell(""), Cell(""),
                        Cell(e.target || e.actual ? AttainmentNameVi(e.status) : "")});
      pace(e);
      continue;
    }
    t.rows.push_back({Cell(std::to_string(++n)), Cell(row.indicator.name_vi, DocxAlign::kLeft),
                      Cell(money ? "triệu đồng" : row.indicator.unit),
                      Cell(target ? TargetText(*target) : "", DocxAlign::kRight),
                      Cell(number(e.actual, scale), DocxAlign::kRight),
                      Cell(PlanPercent(e), DocxAlign::kRight), Cell(PreviousPercent(e), DocxAlign::kRight),
                      Cell(e.target || e.actual ? AttainmentNameVi(e.status) : "")});
    pace(e);
  }
  return t;
}

DocxTable SignatureBlock(const ReportIssuer& issuer) {
  DocxTable t;
  t.borders = false;
  t.header_row = false;
  t.widths_mm = {80, 85};
  DocxCell left;
  DocxParagraph to = Line(Run("Nơi nhận:", true, true, 12), DocxAlign::kLeft);
  left.paragraphs.push_back(std::move(to));
  for (size_t i = 0; i < issuer.recipients.size(); ++i) {
    std::string end = i + 1 == issuer.recipients.size() ? "." : ";";
    left.paragraphs.push_back(
        Line(Run("- " + issuer.recipients[i] + end, false, false, 11), DocxAlign::kLeft));
  }
  DocxCell right;
  right.paragraphs.push_back(Line(Run(issuer.signer_authority, true, false, 14)));
  right.paragraphs.push_back(Line(Run(issuer.signer_title, true, false, 14), DocxAlign::kCenter, 60));
  t.rows.push_back({std::move(left), std::move(right)});
  return t;
}

}  // namespace

std::string UpperVietnamese(const std::string& text) {
  std::u32string s = Decode(text);
  for (char32_t& c : s) c = Upper(c);
  return Encode(s);
}

std::string PlaceAndDate(const std::string& place, Date date) { return place + ", " + date.ToDecree30(); }

Result<ReportIssuer> IssuerFor(BodyKind kind, const std::string& unit_name, const std::string& unit_full_name,
                               const std::string& parent_full_name, Date date) {
  ReportIssuer i;
  i.place = unit_name;
  i.date = date;
  std::string unit_upper = UpperVietnamese(unit_full_name);
  std::string unit_lower = LowerFirst(unit_full_name);
  switch (kind) {
    case BodyKind::kPeoplesCommittee:
      i.body = "ỦY BAN NHÂN DÂN\n" + unit_upper;
      i.symbol = "BC-UBND";
      i.signer_authority = "TM. ỦY BAN NHÂN DÂN";
      i.signer_title = "CHỦ TỊCH";
      if (!parent_full_name.empty()) i.recipients.push_back("UBND " + LowerFirst(parent_full_name));
      i.recipients.push_back("Thường trực Đảng ủy, HĐND " + unit_lower);
      i.recipients.push_back("Lưu: VT");
      return i;
    case BodyKind::kPeoplesCouncil:
      i.body = "HỘI ĐỒNG NHÂN DÂN\n" + unit_upper;
      i.symbol = "BC-HĐND";
      i.signer_authority = "TM. THƯỜNG TRỰC HĐND";
      i.signer_title = "CHỦ TỊCH";
      if (!parent_full_name.empty())
        i.recipients.push_back("Thường trực HĐND " + LowerFirst(parent_full_name));
      i.recipients.push_back("Các đại biểu HĐND " + unit_lower);
      i.recipients.push_back("Lưu: VT");
      return i;
    case BodyKind::kPartyCommittee:
    case BodyKind::kPartyStandingCommittee:
      i.party = true;
      if (!parent_full_name.empty()) i.parent_body = "ĐẢNG BỘ " + UpperVietnamese(parent_full_name);
      i.body = "ĐẢNG ỦY " + unit_upper;
      i.symbol = "BC/ĐU";
      i.signer_authority = kind == BodyKind::kPartyCommittee ? "T/M ĐẢNG ỦY" : "T/M BAN THƯỜNG VỤ";
      i.signer_title = "BÍ THƯ";
      if (!parent_full_name.empty())
        i.recipients.push_back("Ban Thường vụ Đảng bộ " + LowerFirst(parent_full_name));
      i.recipients.push_back("Các đồng chí đảng ủy viên");
      i.recipients.push_back("Lưu Văn phòng Đảng ủy");
      return i;
    default: {
      std::string name = BodyKindNameVi(kind);
      return InvalidArgument(
          "a report is issued by the Party committee, its standing committee, the people's council or the "
          "people's committee, not by " +
              name,
          "báo cáo do Đảng ủy, Ban Thường vụ, HĐND hoặc UBND ban hành, không phải " + name);
    }
  }
}

DocxDocument UnitReportDocument(const UnitReport& r) {
  DocxDocument doc;
  std::string label = r.period.LabelVi();
  doc.title = "Báo cáo kết quả thực hiện các chỉ tiêu " + label;
  doc.blocks.emplace_back(HeaderBlock(r.issuer));
  DocxParagraph gap = Line(Run(""), DocxAlign::kCenter, 6);
  doc.blocks.emplace_back(gap);
  doc.blocks.emplace_back(Line(Run("BÁO CÁO", true, false, 14)));
  doc.blocks.emplace_back(
      Line(Run("Kết quả thực hiện các chỉ tiêu kinh tế - xã hội " + label, true, false, 14)));
  doc.blocks.emplace_back(Line(Run("————————", true, false, 14), DocxAlign::kCenter, 12));

  doc.blocks.emplace_back(Body("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", true));
  doc.blocks.emplace_back(Body(UpperFirst(label) + ", kết quả thực hiện các chỉ tiêu của " +
                               LowerFirst(r.unit_full_name) + " như sau:"));
  std::string no_data;
  for (const UnitReportRow& row : r.rows) {
    if (row.evaluation.actual) {
      doc.blocks.emplace_back(Body(Sentence(row)));
    } else if (row.evaluation.target) {
      no_data += (no_data.empty() ? "" : "; ") + row.indicator.name_vi;
    }
  }
  if (!no_data.empty()) doc.blocks.emplace_back(Body("- Chưa có số liệu: " + no_data + "."));

  doc.blocks.emplace_back(Body("II. ĐÁNH GIÁ CHUNG", true));
  if (r.summary.with_target > 0) {
    std::string basis = r.summary_plan.empty() ? "Trong các chỉ tiêu có kế hoạch" : "Theo " + r.summary_plan;
    doc.blocks.emplace_back(Body(basis + ", có " + r.summary.ToVietnamese() + "."));
  } else {
    doc.blocks.emplace_back(Body("Chưa có chỉ tiêu nào được giao kế hoạch cho " + label + "."));
  }
  DocxParagraph caption =
      Line(Run("Biểu tổng hợp kết quả thực hiện các chỉ tiêu", true, false, 13), DocxAlign::kCenter, 6);
  caption.keep_with_next = true;
  doc.blocks.emplace_back(std::move(caption));
  doc.blocks.emplace_back(IndicatorTable(r));
  doc.blocks.emplace_back(gap);
  doc.blocks.emplace_back(Body("Trên đây là báo cáo kết quả thực hiện các chỉ tiêu " + label + " của " +
                               LowerFirst(r.unit_full_name) + "./."));
  doc.blocks.emplace_back(SignatureBlock(r.issuer));
  return doc;
}

ReportIssuer NoticeIssuerFor(const std::string& host, const std::string& place, Date date,
                             const std::vector<Directive>& directives) {
  ReportIssuer i;
  i.place = place;
  i.date = date;
  std::string f = FoldForSearch(host);
  auto has = [&f](const char* w) { return f.find(w) != std::string::npos; };
  i.party = has("thanh uy") || has("tinh uy") || has("dang uy") || has("huyen uy") || has("quan uy") ||
            has("thi uy") || has("ban thuong vu");
  i.body = UpperVietnamese(host);
  if (i.party) {
    i.symbol = has("tinh uy") || has("thanh uy") ? "TB/TU"
               : has("huyen uy")                 ? "TB/HU"
               : has("quan uy")                  ? "TB/QU"
               : has("thi uy")                   ? "TB/ThU"
                                                 : "TB/ĐU";
    i.signer_authority = has("ban thuong vu") || !has("dang uy") ? "T/L BAN THƯỜNG VỤ" : "T/M ĐẢNG ỦY";
    i.signer_title = has("ban thuong vu") || !has("dang uy") ? "CHÁNH VĂN PHÒNG" : "BÍ THƯ";
  } else {
    bool council = has("hdnd") || has("hoi dong nhan dan");
    i.symbol = council ? "TB-HĐND" : "TB-UBND";
    i.signer_authority = council ? "TM. THƯỜNG TRỰC HĐND" : "TL. CHỦ TỊCH";
    i.signer_title = council ? "CHỦ TỊCH" : "CHÁNH VĂN PHÒNG";
  }
  for (const Directive& d : directives) {
    if (d.assignee.name.empty()) continue;
    if (std::find(i.recipients.begin(), i.recipients.end(), d.assignee.name) == i.recipients.end()) {
      i.recipients.push_back(d.assignee.name);
    }
  }
  i.recipients.push_back("Lưu: VT");
  return i;
}

DocxDocument MeetingNoticeDocument(const MeetingNotice& n) {
  const Meeting& m = n.meeting;
  ReportIssuer issuer = NoticeIssuerFor(m.host, n.place, n.date, n.directives);
  DocxDocument doc;
  std::string unit = LowerFirst(n.unit_full_name);
  doc.title = "Thông báo kết luận buổi làm việc với " + unit;
  doc.blocks.emplace_back(HeaderBlock(issuer));
  doc.blocks.emplace_back(Line(Run(""), DocxAlign::kCenter, 6));
  doc.blocks.emplace_back(Line(Run("THÔNG BÁO", true, false, 14)));
  doc.blocks.emplace_back(
      Line(Run("Kết luận của " + m.host + " tại buổi làm việc với " + unit, true, false, 14)));
  doc.blocks.emplace_back(Line(Run("————————", true, false, 14), DocxAlign::kCenter, 12));

  std::string opening =
      "Ngày " + m.held_on.ToVietnamese() + ", " + m.host + " đã có buổi làm việc với " + unit + ".";
  if (!m.chair.empty()) opening += " " + UpperFirst(m.chair) + " chủ trì buổi làm việc.";
  doc.blocks.emplace_back(Body(opening));
  if (!m.attendees.empty()) {
    std::string attending;
    for (const std::string& a : m.attendees) attending += (attending.empty() ? "" : "; ") + a;
    doc.blocks.emplace_back(Body("Tham dự có: " + attending + "."));
  }
  doc.blocks.emplace_back(
      Body("Sau khi nghe báo cáo và ý kiến phát biểu của các đại biểu, " + m.host + " kết luận như sau:"));

  doc.blocks.emplace_back(Body("I. ĐÁNH GIÁ CHUNG", true));
  size_t start = 0;
  bool any = false;
  while (start <= m.conclusions.size()) {
    size_t end = m.conclusions.find('\n', start);
    std::string line =
        m.conclusions.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      doc.blocks.emplace_back(Body(line));
      any = true;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (!any) doc.blocks.emplace_back(Body("(Chưa ghi nội dung đánh giá.)"));

  doc.blocks.emplace_back(Body("II. NHIỆM VỤ GIAO THỰC HIỆN", true));
  int k = 0;
  for (const Directive& d : n.directives) {
    std::string text = std::to_string(++k) + ". " + d.text;
    if (!text.empty() && text.back() != '.') text += ".";
    text += " Đơn vị thực hiện: " + d.assignee.name;
    if (!d.cooperating.empty()) {
      std::string with;
      for (const std::string& c : d.cooperating) with += (with.empty() ? "" : ", ") + c;
      text += "; phối hợp: " + with;
    }
    for (const Milestone& ms : d.milestones) text += "; " + ms.what + " trước ngày " + ms.on.ToVietnamese();
    if (d.standing) {
      text += "; thực hiện thường xuyên.";
    } else {
      std::string label = d.milestones.empty() ? "; thời hạn: " : "; hoàn thành trước ngày ";
      text += d.deadline ? label + d.deadline->ToVietnamese() + "." : ".";
    }
    doc.blocks.emplace_back(Body(text));
  }
  if (n.directives.empty()) doc.blocks.emplace_back(Body("(Buổi làm việc không giao nhiệm vụ.)"));
  doc.blocks.emplace_back(Body("Trên đây là kết luận của " + m.host + " tại buổi làm việc với " + unit +
                               "; đề nghị các đơn vị, cá nhân liên quan triển khai thực hiện./."));
  doc.blocks.emplace_back(SignatureBlock(issuer));
  return doc;
}

}  // namespace kiemdem::io
