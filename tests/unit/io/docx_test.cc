#include "io/docx.h"

#include <gtest/gtest.h>

#include "io/report.h"
#include "tests/support/zip_member.h"

namespace kiemdem::io {
namespace {

using testing_zip::MemberOfBytes;

TEST(Docx, TextIsEscapedAndBreaksAreBreaks) {
  DocxDocument doc;
  doc.blocks.emplace_back(Para("Thu <ngân sách> & \"chi\"\ndòng hai"));
  Result<std::string> bytes = DocxBytes(doc);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  std::string xml = MemberOfBytes(*bytes, "word/document.xml");
  EXPECT_NE(xml.find("Thu &lt;ngân sách&gt; &amp; \"chi\"</w:t><w:br/><w:t xml:space=\"preserve\">dòng hai"),
            std::string::npos)
      << xml;
}

TEST(Docx, PageIsA4WithDecree30MarginsInTimesNewRoman) {
  Result<std::string> bytes = DocxBytes(DocxDocument{});
  ASSERT_TRUE(bytes.ok());
  std::string xml = MemberOfBytes(*bytes, "word/document.xml");
  EXPECT_NE(xml.find("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), std::string::npos) << xml;
  // 20 mm = 1134 twips, 30 mm = 1701, 15 mm = 850.
  EXPECT_NE(xml.find("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""), std::string::npos)
      << xml;
  std::string styles = MemberOfBytes(*bytes, "word/styles.xml");
  EXPECT_NE(styles.find("w:ascii=\"Times New Roman\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("<w:sz w:val=\"28\"/>"), std::string::npos) << styles;  // 14 pt
  EXPECT_NE(MemberOfBytes(*bytes, "[Content_Types].xml").find("wordprocessingml.document.main+xml"),
            std::string::npos);
  EXPECT_NE(MemberOfBytes(*bytes, "_rels/.rels").find("Target=\"word/document.xml\""), std::string::npos);
}

TEST(Docx, BadTextAndRaggedTablesAreRefusedByPlace) {
  DocxDocument doc;
  doc.blocks.emplace_back(Para("ok"));
  doc.blocks.emplace_back(Para("bad \xC3("));
  Result<std::string> bytes = DocxBytes(doc);
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("block 2"), std::string::npos) << bytes.status().message();

  DocxTable t;
  t.widths_mm = {10, 20};
  t.rows = {{DocxCell{}, DocxCell{}}, {DocxCell{}}};
  DocxDocument tabled;
  tabled.blocks.emplace_back(t);
  bytes = DocxBytes(tabled);
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("table at block 1, row 2 has 1 cells for 2 columns"),
            std::string::npos)
      << bytes.status().message();
}

TEST(Docx, ATableEndsWithAParagraphAndCellsAreNeverEmpty) {
  DocxTable t;
  t.widths_mm = {10};
  t.rows = {{DocxCell{}}};
  DocxDocument doc;
  doc.blocks.emplace_back(t);
  Result<std::string> bytes = DocxBytes(doc);
  ASSERT_TRUE(bytes.ok());
  std::string xml = MemberOfBytes(*bytes, "word/document.xml");
  EXPECT_NE(xml.find("<w:tc><w:tcPr><w:tcW w:w=\"567\" w:type=\"dxa\"/></w:tcPr><w:p/></w:tc>"),
            std::string::npos)
      << xml;
  EXPECT_NE(xml.find("</w:tbl><w:p/><w:sectPr>"), std::string::npos) << xml;
}

TEST(Report, VietnameseUpperCaseAndDates) {
  EXPECT_EQ(UpperVietnamese("Phường Quảng Hưng"), "PHƯỜNG QUẢNG HƯNG");
  EXPECT_EQ(UpperVietnamese("đặc khu Côn Đảo, xã Ia Mơ"), "ĐẶC KHU CÔN ĐẢO, XÃ IA MƠ");
  EXPECT_EQ(PlaceAndDate("Quảng Hưng", *Date::FromYmd(2025, 2, 5)), "Quảng Hưng, ngày 05 tháng 02 năm 2025");
}

UnitReport Sample(BodyKind kind) {
  UnitReport r;
  r.issuer =
      *IssuerFor(kind, "Quảng Hưng", "Phường Quảng Hưng", "Thành phố Đồng Hới", *Date::FromYmd(2021, 1, 5));
  r.unit_full_name = "Phường Quảng Hưng";
  r.period = *Period::Year(2020);
  Indicator thu;
  thu.code = "THU_NSNN";
  thu.name_vi = "Thu ngân sách nhà nước trên địa bàn";
  thu.unit = "đồng";
  IndicatorEvaluation e;
  e.indicator = thu.code;
  e.target = Target{thu.code, 2020, Comparator::kAtLeast, 20e9, std::nullopt};
  e.actual = 21.5e9;
  e.previous = 18.7e9;
  e.percent_of_plan = 107.5;
  e.percent_of_previous = 115;
  e.status = Attainment::kExceeded;
  r.rows.push_back({thu, e});
  r.summary = Summarise(r.period, {e});
  return r;
}

// Every text of a document, paragraphs on lines.
std::string Text(const DocxDocument& doc) {
  std::string out;
  auto para = [&out](const DocxParagraph& p) {
    for (const DocxRun& r : p.runs) out += r.text;
    out += "\n";
  };
  for (const DocxBlock& b : doc.blocks) {
    if (const auto* p = std::get_if<DocxParagraph>(&b)) {
      para(*p);
    } else {
      for (const auto& row : std::get<DocxTable>(b).rows) {
        for (const DocxCell& c : row) {
          for (const DocxParagraph& p : c.paragraphs) para(p);
        }
      }
    }
  }
  return out;
}

constexpr const char* kSentence =
    "- Thu ngân sách nhà nước trên địa bàn đạt 21,5 tỷ đồng, bằng 107,5% kế hoạch năm, bằng 115% so với cùng "
    "kỳ.";

TEST(Report, AStateReportHasTheNationalTitleAndProseFromTheFigures) {
  std::string text = Text(UnitReportDocument(Sample(BodyKind::kPeoplesCommittee)));
  for (const char* want :
       {"ỦY BAN NHÂN DÂN\nPHƯỜNG QUẢNG HƯNG", "Số:        /BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Quảng Hưng, ngày 05 tháng 01 năm 2021", "BÁO CÁO", kSentence,
        "1/1 chỉ tiêu", "triệu đồng", "≥ 20.000", "21.500", "107,5%", "vượt",
        "Nơi nhận:", "- UBND thành phố Đồng Hới;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  EXPECT_EQ(text.find("ĐẢNG CỘNG SẢN"), std::string::npos);
}

TEST(Report, APartyReportHasThePartyHeader) {
  std::string text = Text(UnitReportDocument(Sample(BodyKind::kPartyCommittee)));
  for (const char* want : {"ĐẢNG BỘ THÀNH PHỐ ĐỒNG HỚI", "ĐẢNG ỦY PHƯỜNG QUẢNG HƯNG", "Số       -BC/ĐU",
                           "ĐẢNG CỘNG SẢN VIỆT NAM", "T/M ĐẢNG ỦY", "BÍ THƯ"}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
  EXPECT_EQ(text.find("CỘNG HÒA XÃ HỘI"), std::string::npos);
}

// Seed 4's way: the share of the plan first set, then of the adjusted one the year is judged on.
TEST(Report, AnAdjustedPlanGivesBothShares) {
  UnitReport r = Sample(BodyKind::kPeoplesCommittee);
  IndicatorEvaluation& e = r.rows[0].evaluation;
  e.actual = 10144992938;
  e.target->value = 10309951156;
  e.percent_of_plan = 98.4;
  e.first_set_value = 11492300000;
  e.percent_of_first_set = 88.27;
  e.percent_of_previous.reset();
  std::string text = Text(UnitReportDocument(r));
  EXPECT_NE(text.find("bằng 88,27% kế hoạch giao đầu năm và bằng 98,4% kế hoạch sau điều chỉnh."),
            std::string::npos)
      << text;
}

// The general assessment names the one plan its "x/y chỉ tiêu" counts.
TEST(Report, TheAssessmentNamesThePlanItCounts) {
  UnitReport r = Sample(BodyKind::kPeoplesCommittee);
  EXPECT_NE(Text(UnitReportDocument(r)).find("Trong các chỉ tiêu có kế hoạch, có 1/1 chỉ tiêu"),
            std::string::npos);
  r.summary_plan = "kế hoạch của HĐND (05/NQ-HĐND)";
  std::string text = Text(UnitReportDocument(r));
  EXPECT_NE(text.find("Theo kế hoạch của HĐND (05/NQ-HĐND), có 1/1 chỉ tiêu"), std::string::npos) << text;
}

// Inside the year the sentence and the table give the pace beside the share
// of the year's plan, with its basis; a year's report has no pace column.
TEST(Report, APartYearReportGivesThePaceWithItsBasis) {
  UnitReport r = Sample(BodyKind::kPeoplesCommittee);
  r.period = *Period::Parse("2020-01/2020-10");
  IndicatorEvaluation& e = r.rows[0].evaluation;
  e.actual = 14e9;
  e.percent_of_plan = 70;
  e.status = Attainment::kInProgress;
  e.pace = PaceCheck{Pace::kBehind, 83.33, "bình quân 10/12 tháng: 83,3% KH năm", ""};
  std::string text = Text(UnitReportDocument(r));
  EXPECT_NE(
      text.find("đạt 14 tỷ đồng, bằng 70% kế hoạch năm, chậm so với tiến độ (bình quân 10/12 tháng: 83,3% KH "
                "năm), bằng 115% so với cùng kỳ."),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("Tiến độ\n"), std::string::npos) << text;
  EXPECT_NE(text.find("chưa đạt\nchậm\n"), std::string::npos) << text;
  EXPECT_EQ(Text(UnitReportDocument(Sample(BodyKind::kPeoplesCommittee))).find("Tiến độ"), std::string::npos);
}

TEST(Report, OtherBodiesDoNotIssueReports) {
  Result<ReportIssuer> i = IssuerFor(BodyKind::kDepartment, "a", "b", "", Date());
  ASSERT_FALSE(i.ok());
  EXPECT_EQ(i.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace kiemdem::io

namespace kiemdem::io {
namespace {

TEST(Notice, TheHostBodySetsTheHeaderAndTheSymbol) {
  Date d = *Date::FromYmd(2018, 11, 12);
  Directive report;
  report.text = "Báo cáo kết quả";
  report.assignee.name = "UBND phường Quảng Hưng";
  std::vector<Directive> ds = {report, report};
  ReportIssuer state = NoticeIssuerFor("UBND thành phố", "Đồng Hới", d, ds);
  EXPECT_FALSE(state.party);
  EXPECT_EQ(state.symbol, "TB-UBND");
  EXPECT_EQ(state.recipients, (std::vector<std::string>{"UBND phường Quảng Hưng", "Lưu: VT"}));
  ReportIssuer city = NoticeIssuerFor("Ban Thường vụ Thành ủy", "Đồng Hới", d, ds);
  EXPECT_TRUE(city.party);
  EXPECT_EQ(city.symbol, "TB/TU");
  EXPECT_EQ(city.signer_authority, "T/L BAN THƯỜNG VỤ");
  ReportIssuer ward = NoticeIssuerFor("Đảng ủy phường Quảng Hưng", "Quảng Hưng", d, ds);
  EXPECT_TRUE(ward.party);
  EXPECT_EQ(ward.symbol, "TB/ĐU");
  EXPECT_EQ(ward.signer_authority, "T/M ĐẢNG ỦY");

  MeetingNotice n;
  n.meeting.host = "Đảng ủy phường Quảng Hưng";
  n.meeting.held_on = d;
  n.unit_full_name = "Tổ dân phố 3";
  n.place = "Quảng Hưng";
  n.date = d;
  report.deadline = *Date::FromYmd(2018, 11, 25);
  n.directives = {report};
  std::string text = Text(MeetingNoticeDocument(n));
  for (const char* want :
       {"ĐẢNG CỘNG SẢN VIỆT NAM", "Số       -TB/ĐU", "THÔNG BÁO",
        "1. Báo cáo kết quả. Đơn vị thực hiện: UBND phường Quảng Hưng; thời hạn: 25/11/2018."}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
}

TEST(Notice, SeveralDeadlinesAndAStandingDutyAreWrittenOut) {
  Date d = *Date::FromYmd(2018, 11, 12);
  Directive two;
  two.text = "Rà soát kiến nghị của cử tri";
  two.assignee.name = "UBND phường Quảng Hưng";
  two.milestones = {{*Date::FromYmd(2018, 11, 25), "báo cáo Chủ tịch UBND thành phố", std::nullopt}};
  two.deadline = *Date::FromYmd(2018, 12, 31);
  Directive duty;
  duty.text = "Kiểm tra, đôn đốc thu ngân sách";
  duty.assignee.name = "UBND phường Quảng Hưng";
  duty.standing = true;
  MeetingNotice n;
  n.meeting.host = "UBND thành phố";
  n.meeting.held_on = d;
  n.unit_full_name = "Phường Quảng Hưng";
  n.place = "Quảng Hưng";
  n.date = d;
  n.directives = {two, duty};
  std::string text = Text(MeetingNoticeDocument(n));
  for (const char* want :
       {"báo cáo Chủ tịch UBND thành phố trước ngày 25/11/2018; hoàn thành trước ngày 31/12/2018.",
        "Kiểm tra, đôn đốc thu ngân sách. Đơn vị thực hiện: UBND phường Quảng Hưng; thực hiện "
        "thường xuyên."}) {
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
  }
}

}  // namespace
}  // namespace kiemdem::io
