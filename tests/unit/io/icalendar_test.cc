#include "io/icalendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiemdem::io {
namespace {

Date D(int y, int m, int d) { return Date::FromYmd(y, m, d).value(); }

// The physical lines of `text`; fails the test if a line does not end in CRLF.
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    const size_t end = text.find("\r\n", start);
    EXPECT_NE(end, std::string::npos) << "no CRLF after byte " << start;
    if (end == std::string::npos) break;
    lines.push_back(text.substr(start, end - start));
    EXPECT_EQ(lines.back().find('\n'), std::string::npos) << "bare LF in: " << lines.back();
    start = end + 2;
  }
  return lines;
}

bool StartsUtf8Sequence(unsigned char c) { return (c & 0xC0U) != 0x80U; }

TEST(ICalendar, EscapesTextSpecials) {
  EXPECT_EQ(EscapeICalendarText("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
}

TEST(ICalendar, DateForm) {
  EXPECT_EQ(ICalendarDate(D(2026, 3, 7)), "20260307");
  EXPECT_EQ(ICalendarDate(D(2025, 12, 31)), "20251231");
}

TEST(ICalendar, ShortLineIsNotFolded) { EXPECT_EQ(FoldICalendarLine("SUMMARY:Hạn"), "SUMMARY:Hạn\r\n"); }

TEST(ICalendar, FoldsLongVietnameseLineWithoutSplittingUtf8) {
  std::string line = "SUMMARY:";
  for (int i = 0; i < 12; ++i) line += "Ủy ban nhân dân phường hoàn thành giải phóng mặt bằng; ";
  const std::string folded = FoldICalendarLine(line);
  const std::vector<std::string> lines = PhysicalLines(folded);
  ASSERT_GT(lines.size(), 5U);
  std::string unfolded;
  for (size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75U) << "line " << i;
    if (i == 0) {
      unfolded += lines[i];
      continue;
    }
    ASSERT_FALSE(lines[i].empty());
    EXPECT_EQ(lines[i][0], ' ');
    ASSERT_GT(lines[i].size(), 1U);
    EXPECT_TRUE(StartsUtf8Sequence(static_cast<unsigned char>(lines[i][1])))
        << "line " << i << " starts mid-sequence";
    unfolded += lines[i].substr(1);
  }
  EXPECT_EQ(unfolded, line);
  // Some lines must be cut shorter than 75 because a sequence would straddle the limit.
  bool any_short = false;
  for (size_t i = 0; i + 1 < lines.size(); ++i) any_short = any_short || lines[i].size() < 75U;
  EXPECT_TRUE(any_short);
}

TEST(ICalendar, CalendarWithAllDayEvents) {
  Calendar cal;
  cal.name = "Hạn chỉ đạo, Phường A";
  cal.events.push_back({.uid = "directive-7-m0@kiemdem",
                        .date = D(2026, 12, 31),
                        .summary = "Hạn: Báo cáo kết quả; rà soát",
                        .description = "Phiên làm việc 01/12/2026\nĐơn vị: Phường A",
                        .url = "https://example.vn/meetings/3"});
  const std::string text = ICalendarText(cal, 1764547200);  // 2025-12-01T00:00:00Z
  const std::vector<std::string> lines = PhysicalLines(text);
  ASSERT_GE(lines.size(), 10U);
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_NE(text.find("\r\nVERSION:2.0\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nPRODID:"), std::string::npos);
  EXPECT_NE(text.find("\r\nX-WR-CALNAME:Hạn chỉ đạo\\, Phường A\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nUID:directive-7-m0@kiemdem\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTSTAMP:20251201T000000Z\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTSTART;VALUE=DATE:20261231\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDTEND;VALUE=DATE:20270101\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nSUMMARY:Hạn: Báo cáo kết quả\\; rà soát\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nDESCRIPTION:Phiên làm việc 01/12/2026\\nĐơn vị: Phường A\r\n"), std::string::npos);
  EXPECT_NE(text.find("\r\nURL:https://example.vn/meetings/3\r\n"), std::string::npos);
}

TEST(ICalendar, EmptyCalendarIsValid) {
  const std::string text = ICalendarText(Calendar{}, 0);
  EXPECT_EQ(text.rfind("BEGIN:VCALENDAR\r\n", 0), 0U);
  EXPECT_EQ(text.find("VEVENT"), std::string::npos);
  EXPECT_EQ(text.find("X-WR-CALNAME"), std::string::npos);
}

}  // namespace
}  // namespace kiemdem::io
