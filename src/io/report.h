// The periodic report of a unit (báo cáo kết quả thực hiện các chỉ tiêu) as a
// document laid out as Decree 30/2020/NĐ-CP sets for state bodies and Guide
// 36-HD/VPTW for Party bodies: header block, title, prose generated from the
// evaluation in the register of the local reports ("Thu ngân sách nhà nước
// đạt 45 tỷ đồng, bằng 115% kế hoạch năm, bằng 108,3% so với cùng kỳ"), the
// "x/y chỉ tiêu" summary, a table of the indicators, recipients and signer.
// The evaluation comes in already made (analytics::EvaluateUnit); nothing
// here judges a result.
#ifndef KIEMDEM_IO_REPORT_H_
#define KIEMDEM_IO_REPORT_H_

#include <string>
#include <vector>

#include "core/date.h"
#include "core/directive.h"
#include "core/evaluation.h"
#include "core/indicator.h"
#include "core/period.h"
#include "core/plan.h"
#include "io/docx.h"

namespace kiemdem::io {

// Who issues the document, and how its header and signature read.
struct ReportIssuer {
  bool party = false;       // "ĐẢNG CỘNG SẢN VIỆT NAM" instead of the national title
  std::string parent_body;  // above the body, not bold ("ĐẢNG BỘ THÀNH PHỐ ĐỒNG HỚI"); may be empty
  std::string body;         // "ỦY BAN NHÂN DÂN\nPHƯỜNG QUẢNG HƯNG"
  std::string symbol;       // "BC-UBND" (state) or "BC/ĐU" (Party); the number is left blank
  std::string place;        // "Quảng Hưng"
  Date date;                // the document's date
  std::string signer_authority;         // "TM. ỦY BAN NHÂN DÂN"
  std::string signer_title;             // "CHỦ TỊCH"
  std::vector<std::string> recipients;  // Nơi nhận, without "- " and ";"
};

// The issuer for `kind` of the unit whose full name is `unit_full_name`
// ("Phường Quảng Hưng"; its short name `unit_name` is the place), under
// `parent_full_name` (may be empty). The Party committee, its standing
// committee, the people's council and the people's committee; another kind
// is InvalidArgument naming it.
Result<ReportIssuer> IssuerFor(BodyKind kind, const std::string& unit_name, const std::string& unit_full_name,
                               const std::string& parent_full_name, Date date);

struct UnitReportRow {
  Indicator indicator;
  IndicatorEvaluation evaluation;
  int months = 0;  // the months the figure stands for when fewer than the period's; 0: all
};

struct UnitReport {
  ReportIssuer issuer;
  std::string unit_full_name;  // "Phường Quảng Hưng"
  Period period = *Period::Year(2000);
  std::vector<UnitReportRow> rows;  // catalogue order
  EvaluationSummary summary;
  std::string summary_plan;  // the plan the summary counts: "kế hoạch của HĐND (05/NQ-HĐND)"; "" none named
};

DocxDocument UnitReportDocument(const UnitReport& report);

// The conclusion notice of a working session (thông báo kết luận): issued
// by the host body, numbered …/TB-UBND for a state host or …-TB/TU, -TB/ĐU
// for a Party one (the number left blank), with the session's date, chair
// and attendance, its assessment, and each directive with its assignee,
// those cooperating and its deadline.
struct MeetingNotice {
  Meeting meeting;
  std::string unit_full_name;  // the unit reviewed: "Phường Quảng Hưng"
  std::string place;           // where the host sits: "Đồng Hới"
  Date date;                   // the notice's date
  std::vector<Directive> directives;
};

// The issuer of a notice by its host body's name ("UBND thành phố",
// "Ban Thường vụ Thành ủy", "Đảng ủy phường"): Party when it names a
// committee (…ủy, Ban Thường vụ), else state.
ReportIssuer NoticeIssuerFor(const std::string& host, const std::string& place, Date date,
                             const std::vector<Directive>& directives);

DocxDocument MeetingNoticeDocument(const MeetingNotice& notice);

// "Quảng Hưng, ngày 05 tháng 02 năm 2025" (leading zeros as Decree 30 writes them).
std::string PlaceAndDate(const std::string& place, Date date);

// "PHƯỜNG QUẢNG HƯNG": upper case of Vietnamese (Latin) text.
std::string UpperVietnamese(const std::string& text);

}  // namespace kiemdem::io

#endif  // KIEMDEM_IO_REPORT_H_
