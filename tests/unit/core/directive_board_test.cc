#include "core/directive_board.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

Directive Task(const char* assignee, const char* issuer, std::optional<Date> deadline,
               std::optional<Date> done = std::nullopt) {
  Directive d;
  d.text = std::string("việc của ") + assignee;
  d.assignee.name = assignee;
  d.issuer = issuer;
  d.deadline = deadline;
  d.completed_on = done;
  return d;
}

TEST(DirectiveBoard, CountsEachStateOnTheDay) {
  std::vector<Directive> list{Task("UBND phường", "Thành ủy", D("25/11/2018")),
                              Task("UBND phường", "Thành ủy", D("31/12/2018")),
                              Task("Công an phường", "UBND thành phố", std::nullopt),
                              Task("Công an phường", "UBND thành phố", D("01/11/2018"), D("30/10/2018"))};
  std::map<std::string, int> counts = CountByState(list, D("01/12/2018"));
  EXPECT_EQ(counts["overdue"], 1);
  EXPECT_EQ(counts["in_progress"], 1);
  EXPECT_EQ(counts["no_deadline"], 1);
  EXPECT_EQ(counts["done_on_time"], 1);
  EXPECT_EQ(counts.size(), 4U);
  // A day earlier nothing is late yet.
  EXPECT_EQ(CountByState(list, D("25/11/2018"))["overdue"], 0);
}

TEST(DirectiveBoard, OneAssigneeWrittenTwoWaysIsOneGroupNamedAsFirstWritten) {
  std::vector<Directive> list{Task("UBND phường Quảng Hưng", "Thành ủy", D("25/11/2018")),
                              Task("Ủy ban nhân dân phường Quảng Hưng", "UBND thành phố", D("31/12/2018")),
                              Task("Công an phường", "Thành ủy", std::nullopt)};
  OpenDirectiveGroups g = GroupOpenDirectives(list, D("01/12/2018"));
  ASSERT_EQ(g.by_assignee.size(), 2U);
  const DirectiveGroup* ward = nullptr;
  for (const DirectiveGroup& x : g.by_assignee) {
    if (x.open == 2) ward = &x;
  }
  ASSERT_NE(ward, nullptr);
  EXPECT_EQ(ward->name, "UBND phường Quảng Hưng");
  EXPECT_EQ(ward->overdue, 1);
  ASSERT_EQ(ward->overdue_items.size(), 1U);
  EXPECT_EQ(ward->overdue_items[0].deadline, D("25/11/2018"));
  // Issuers are grouped as written, in name order.
  ASSERT_EQ(g.by_issuer.size(), 2U);
  EXPECT_EQ(g.by_issuer[0].name, "Thành ủy");
  EXPECT_EQ(g.by_issuer[0].open, 2);
  EXPECT_EQ(g.by_issuer[0].overdue, 1);
  EXPECT_EQ(g.by_issuer[1].name, "UBND thành phố");
  EXPECT_EQ(g.by_issuer[1].overdue, 0);
  EXPECT_TRUE(g.by_issuer[1].overdue_items.empty());
}

TEST(DirectiveBoard, DoneDirectivesAreNotInAnyGroup) {
  std::vector<Directive> list{Task("UBND phường", "Thành ủy", D("25/11/2018"), D("20/11/2018")),
                              Task("UBND phường", "Thành ủy", D("25/11/2018"), D("28/11/2018"))};
  OpenDirectiveGroups g = GroupOpenDirectives(list, D("01/12/2018"));
  EXPECT_TRUE(g.by_assignee.empty());
  EXPECT_TRUE(g.by_issuer.empty());
}

TEST(Meeting, ADirectiveOfTheSessionIsIssuedByItsHostToTheUnitReviewed) {
  Meeting m;
  m.id = 7;
  m.host = "Ban Thường vụ Thành ủy";
  m.unit = 5135;
  Directive d = m.NewDirective();
  EXPECT_EQ(d.issuer, "Ban Thường vụ Thành ủy");
  EXPECT_EQ(d.assignee.unit, 5135);
  EXPECT_EQ(d.meeting, 7);
  EXPECT_TRUE(d.text.empty());
}

TEST(Meeting, ADirectiveBelongsToItsAssigneesUnitElseToTheUnitItsSessionReviewed) {
  Meeting m;
  m.id = 7;
  m.unit = 5135;
  Directive d;
  d.meeting = 7;
  EXPECT_EQ(UnitOfDirective(d, &m), 5135);
  EXPECT_EQ(UnitOfDirective(d, nullptr), kNoUnit);
  d.assignee.unit = 42;
  EXPECT_EQ(UnitOfDirective(d, &m), 42);
  EXPECT_EQ(UnitOfDirective(d, nullptr), 42);
}

}  // namespace
}  // namespace kiemdem
