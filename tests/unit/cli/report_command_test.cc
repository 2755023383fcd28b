#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "cli/commands.h"
#include "cli/demo_loader.h"
#include "tests/support/zip_member.h"

namespace kiemdem::cli {
namespace {

class ReportCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string stem =
        (std::filesystem::temp_directory_path() / ("kiemdem_report_" + std::to_string(getpid()))).string();
    db_ = stem + ".db";
    out_ = stem + ".docx";
    std::filesystem::remove(db_);
    std::unique_ptr<store::Store> s = std::move(store::Store::Open({.url = db_})).value();
    ASSERT_TRUE(s->Migrate().ok());
    ASSERT_TRUE(LoadDemo(KIEMDEM_DATA_DIR, *s).ok());
    for (const Meeting& m : *s->ListMeetings()) {
      if (m.held_on == *Date::FromYmd(2018, 11, 11)) quang_hung_ = m.id;
    }
  }
  void TearDown() override {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
    std::filesystem::remove(out_);
  }
  std::string db_, out_;
  int64_t quang_hung_ = 0;
};

// The Quảng Hưng session of 11/11/2018, hosted by UBND thành phố: a state notice.
TEST_F(ReportCommandTest, AMeetingNoticeHasItsAttendanceAssessmentAndDirectives) {
  ASSERT_NE(quang_hung_, 0);
  GlobalOptions g;
  g.data_dir = KIEMDEM_DATA_DIR;
  ASSERT_EQ(RunReport(g, {"meeting", std::to_string(quang_hung_), "-o", out_, "--db", db_}), 0);
  std::string xml = testing_zip::MemberOfFile(out_, "word/document.xml");
  ASSERT_FALSE(xml.empty());
  for (const char* want :
       {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND THÀNH PHỐ", "/TB-UBND", "THÔNG BÁO",
        "ngày 11 tháng 11 năm 2018", "Lê Anh Xuân", "chủ trì", "Tham dự có:", "I. ĐÁNH GIÁ CHUNG",
        "II. NHIỆM VỤ GIAO THỰC HIỆN", "báo cáo Chủ tịch UBND thành phố", "thời hạn: 25/11/2018",
        "Đơn vị thực hiện:", "Nơi nhận:", "TL. CHỦ TỊCH"}) {
    EXPECT_NE(xml.find(want), std::string::npos) << want;
  }
  EXPECT_EQ(xml.find("ĐẢNG CỘNG SẢN"), std::string::npos);
}

TEST_F(ReportCommandTest, AMissingSessionIsAnErrorAndWritesNothing) {
  GlobalOptions g;
  EXPECT_EQ(RunReport(g, {"meeting", "999999", "-o", out_, "--db", db_}), 1);
  EXPECT_EQ(RunReport(g, {"meeting", "abc", "-o", out_, "--db", db_}), 1);
  EXPECT_FALSE(std::filesystem::exists(out_));
  EXPECT_EQ(RunReport(g, {"meeting", "1", "--db", db_}), 2);  // no -o
}

}  // namespace
}  // namespace kiemdem::cli
