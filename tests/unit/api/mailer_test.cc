#include "api/mailer.h"

#include <gtest/gtest.h>

#include "api/reminder_mail.h"

namespace kiemdem::api {
namespace {

TEST(MailRelay, ParsesHostAndPort) {
  Result<MailRelay> r = MailRelay::Parse("smtp.thanhhoa.gov.vn:2525");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->host, "smtp.thanhhoa.gov.vn");
  EXPECT_EQ(r->port, 2525);
  EXPECT_EQ(MailRelay::Parse("10.0.0.5")->port, 25);
  EXPECT_EQ(MailRelay::Parse("[::1]:26")->Name(), "[::1]:26");
  for (const char* bad :
       {"", ":25", "relay:0", "relay:99999", "relay:2x", "a b:25", "[::1", "user@relay:25"}) {
    Result<MailRelay> b = MailRelay::Parse(bad);
    ASSERT_FALSE(b.ok()) << bad;
    EXPECT_NE(b.status().message_vi().find("không phải máy chủ thư"), std::string::npos);
  }
}

TEST(MailMessage, KeepsVietnameseIntactAsEncodedWordsAndBase64) {
  Mail m{{"lan@phuong.vn", "mai@phuong.vn"},
         "Nhắc báo cáo tháng 4/2026 — Phường Quảng Phú (Tỉnh Thanh Hóa)",
         "Kính gửi Phường Quảng Phú,\nđã quá hạn."};
  std::string msg = MailMessage("nhac@tinh.vn", m, MailDate(0), "<1@tinh.vn>");
  EXPECT_NE(msg.find("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(msg.find("To: lan@phuong.vn,\r\n mai@phuong.vn\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(msg.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  // Only ASCII goes on the wire, in lines of at most 78 characters.
  size_t start = 0;
  for (size_t end = msg.find("\r\n"); end != std::string::npos; end = msg.find("\r\n", start)) {
    EXPECT_LE(end - start, 78u) << msg.substr(start, end - start);
    start = end + 2;
  }
  for (char c : msg) EXPECT_LT(static_cast<unsigned char>(c), 0x80);
  // The body starts with "Kính gửi " (12 bytes: the base64 of the whole body starts with its own).
  EXPECT_NE(msg.find("S8OtbmggZ+G7rWkg"), std::string::npos) << msg;
}

TEST(MailMessage, ACutSubjectNeverSplitsALetter) {
  Mail m{{"a@b.vn"}, std::string(41, 'a') + "ệ" + "ướ", "x"};
  std::string msg = MailMessage("n@t.vn", m, "d", "<i@t.vn>");
  // 41 'a' and the 3 bytes of "ệ" do not fit in one word of 42 bytes: the first ends before it.
  EXPECT_NE(msg.find("=?UTF-8?B?YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE=?=\r\n =?UTF-8?B?"),
            std::string::npos)
      << msg;
}

TEST(ReminderMail, GoesToTheReportersAndApproversOfTheUnitWithAnAddress) {
  std::vector<store::User> users(5);
  users[0] = {1, "lan", "", "", false, "lan@p.vn", {{Role::kReporter, 7}}};
  users[1] = {2, "mai", "", "", false, "", {{Role::kReporter, 7}}};         // no address
  users[2] = {3, "hoa", "", "", true, "hoa@p.vn", {{Role::kReporter, 7}}};  // disabled
  users[3] = {4, "tp", "", "", false, "tp@tp.vn", {{Role::kApprover, 1}}};  // the city, not the ward
  users[4] = {5, "xem", "", "", false, "xem@p.vn", {{Role::kViewer, 7}, {Role::kApprover, 7}}};
  std::map<UnitId, std::vector<std::string>> by_unit = ReminderRecipients(users);
  EXPECT_EQ(by_unit[7], (std::vector<std::string>{"lan@p.vn", "xem@p.vn"}));
  EXPECT_TRUE(by_unit[8].empty());
}

}  // namespace
}  // namespace kiemdem::api
