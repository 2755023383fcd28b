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

// The board's filters and order: overdue first, then in progress by the
// nearest deadline, then without deadline; what the reader may not see is out.
TEST(DirectiveBoard, SelectsWhatTheQueryAsksInTheOrderTheyAreChased) {
  std::vector<Directive> list{Task("Công an phường", "Thành ủy", std::nullopt),
                              Task("UBND phường Long Biên", "Thành ủy", D("10/12/2018")),
                              Task("Ủy ban nhân dân phường Long Biên", "Thành ủy", D("25/11/2018")),
                              Task("UBND phường Long Biên", "Thành ủy", D("05/12/2018")),
                              Task("UBND phường Bồ Đề", "Thành ủy", D("03/12/2018"))};
  Date today = D("01/12/2018");
  auto all = [](const Directive&) { return true; };
  std::vector<Directive> board = SelectDirectives(list, {}, today, all);
  ASSERT_EQ(board.size(), 5u);
  EXPECT_EQ(board[0].deadline, D("25/11/2018"));  // overdue first
  EXPECT_EQ(board[1].deadline, D("03/12/2018"));  // then the nearest deadline
  EXPECT_EQ(board[2].deadline, D("05/12/2018"));
  EXPECT_FALSE(board[4].deadline);  // no deadline after those in progress

  DirectiveQuery mine;
  mine.assignee = "ubnd phuong long bien";  // without diacritics, the short form
  EXPECT_EQ(SelectDirectives(list, mine, today, all).size(), 3u);
  mine.due_within = 7;
  std::vector<Directive> soon = SelectDirectives(list, mine, today, all);
  ASSERT_EQ(soon.size(), 1u);
  EXPECT_EQ(soon[0].deadline, D("05/12/2018"));  // 10/12 is 9 days on; 25/11 has passed

  DirectiveQuery late;
  late.overdue_only = true;
  EXPECT_EQ(SelectDirectives(list, late, today, all).size(), 1u);
  DirectiveQuery none;
  none.state = DirectiveState::kNoDeadline;
  EXPECT_EQ(SelectDirectives(list, none, today, all).at(0).assignee.name, "Công an phường");

  auto not_bo_de = [](const Directive& d) { return d.assignee.name != "UBND phường Bồ Đề"; };
  EXPECT_EQ(SelectDirectives(list, {}, today, not_bo_de).size(), 4u);
}

TEST(Meeting, OnlyTheIssuingBodyChangesTheTaskOfASessionsDirective) {
  Directive before = Task("UBND phường", "Thành ủy", D("25/11/2018"));
  before.meeting = 7;
  Directive progress = before;
  progress.completed_on = D("20/11/2018");
  EXPECT_FALSE(ChangeNeedsIssuer(before, progress));  // reporting progress is the unit's
  Directive later = before;
  later.deadline = D("31/12/2018");
  EXPECT_TRUE(ChangeNeedsIssuer(before, later));  // a new deadline is the body above's
  before.meeting = 0;
  EXPECT_FALSE(
      ChangeNeedsIssuer(before, later));  // a directive outside a session: the route's right suffices
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
