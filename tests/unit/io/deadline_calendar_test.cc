#include "io/deadline_calendar.h"

#include <gtest/gtest.h>

namespace kiemdem::io {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Directive TwoDeadlines() {
  Directive d;
  d.id = 12;
  d.text = "Hoàn thành giải phóng mặt bằng";
  d.issuer = "Thường trực Thành ủy";
  d.assignee.name = "UBND phường Quảng Hưng";
  d.deadline = D("31/12/2026");
  d.milestones = {{D("25/11/2026"), "báo cáo tiến độ", std::nullopt}};
  return d;
}

TEST(DeadlineEvents, OneEventPerOpenDeadlineWithStableUids) {
  Meeting m;
  m.held_on = D("01/11/2026");
  m.host = "Ban Thường vụ Thành ủy";
  const std::vector<CalendarEvent> events =
      DeadlineEvents(TwoDeadlines(), {"Phường Quảng Hưng", &m}, "https://kd.example/#/directives");
  ASSERT_EQ(events.size(), 2U);
  EXPECT_EQ(events[0].uid, "directive-12-m0@kiemdem");
  EXPECT_EQ(events[0].date, D("25/11/2026"));
  EXPECT_EQ(events[0].summary, "Hạn báo cáo: báo cáo tiến độ — Hoàn thành giải phóng mặt bằng");
  EXPECT_EQ(events[1].uid, "directive-12-final@kiemdem");
  EXPECT_EQ(events[1].summary, "Hạn hoàn thành: Hoàn thành giải phóng mặt bằng");
  EXPECT_NE(events[1].description.find("Buổi làm việc ngày 01/11/2026 — Ban Thường vụ Thành ủy"),
            std::string::npos);
  EXPECT_NE(events[1].description.find("Đơn vị: Phường Quảng Hưng"), std::string::npos);
  EXPECT_EQ(events[1].url, "https://kd.example/#/directives");
}

TEST(DeadlineEvents, DeliveredMilestonesAndDoneDirectivesHaveNone) {
  Directive d = TwoDeadlines();
  d.milestones[0].done_on = D("20/11/2026");
  std::vector<CalendarEvent> events = DeadlineEvents(d, {}, "");
  ASSERT_EQ(events.size(), 1U);
  EXPECT_EQ(events[0].uid, "directive-12-final@kiemdem");
  d.completed_on = D("01/12/2026");
  EXPECT_TRUE(DeadlineEvents(d, {}, "").empty());
}

}  // namespace
}  // namespace kiemdem::io
