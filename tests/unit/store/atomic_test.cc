// Writes of several rows are one transaction, checked before the first write:
// a failure leaves everything as it was (security review F9).
#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

User Reporter(const std::string& name) { return TestUser(name, "Cán bộ thống kê"); }

std::vector<std::string> RolesOf(AccountStore& accounts, const std::string& name) {
  std::vector<std::string> out;
  User user = *accounts.FindUser(name);
  for (const RoleGrant& g : user.roles) out.push_back(RoleKey(g.role) + ("@" + std::to_string(g.unit)));
  return out;
}

TEST_P(StoreTest, ReplacingRolesWithAnUnknownUnitKeepsTheOldRoles) {
  AccountStore& accounts = store_->accounts();
  ASSERT_TRUE(accounts.CreateUser("admin", Reporter("rep_b")).ok());
  ASSERT_TRUE(accounts.GrantRole("admin", "rep_b", {Role::kReporter, ward_}).ok());
  int64_t audit_before = *store_->AuditCount();
  Status s = accounts.ReplaceRoles("admin", "rep_b", {{Role::kViewer, ward_}, {Role::kApprover, 99999999}});
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.message(), "unit 99999999 does not exist");
  EXPECT_EQ(s.field(), "roles");
  EXPECT_EQ(RolesOf(accounts, "rep_b"), std::vector<std::string>{"reporter@" + std::to_string(ward_)});
  EXPECT_EQ(*store_->AuditCount(), audit_before);
  EXPECT_EQ(accounts.ReplaceRoles("admin", "nobody", {}).field(), "username");

  ASSERT_TRUE(
      accounts.ReplaceRoles("admin", "rep_b", {{Role::kViewer, ward_}, {Role::kApprover, kNoUnit}}).ok());
  EXPECT_EQ(RolesOf(accounts, "rep_b"), (std::vector<std::string>{"viewer@" + std::to_string(ward_),
                                                                  "approver@" + std::to_string(kNoUnit)}));
  std::vector<std::string> actions;
  for (const AuditEntry& e : *store_->Audit("user", "rep_b")) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "grant", "revoke", "grant", "grant"}));
}

TEST_P(StoreTest, AUserIsCreatedWithTheirRolesOrNotAtAll) {
  AccountStore& accounts = store_->accounts();
  User bad = Reporter("rep_c");
  bad.roles = {{Role::kReporter, ward_}, {Role::kViewer, 424242}};
  EXPECT_EQ(accounts.CreateUser("admin", bad).status().field(), "roles");
  EXPECT_EQ(accounts.FindUser("rep_c").status().code(), StatusCode::kNotFound);

  User good = Reporter("rep_c");
  good.roles = {{Role::kReporter, ward_}};
  ASSERT_TRUE(accounts.CreateUser("admin", good).ok());
  EXPECT_EQ(RolesOf(accounts, "rep_c"), std::vector<std::string>{"reporter@" + std::to_string(ward_)});
}

Meeting Session(UnitId unit) {
  Meeting m;
  m.held_on = D("02/02/2030");
  m.host = "UBND phường";
  m.unit = unit;
  return m;
}

Directive Task(const std::string& text, const std::string& indicator = "") {
  Directive d;
  d.text = text;
  d.assignee.name = "Phòng Kinh tế";
  d.indicator = indicator;
  return d;
}

TEST_P(StoreTest, ASessionWithABadDirectiveStoresNothing) {
  MeetingStore& meetings = store_->meetings();
  int64_t audit_before = *store_->AuditCount();
  Result<MeetingWithDirectives> r = meetings.SaveMeetingWithDirectives(
      "appr", {Session(ward_), {Task("ok", "THU_NS"), Task("bad", "NOPE")}});
  ASSERT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(), "indicator NOPE is not in the catalogue");
  EXPECT_EQ(r.status().field(), "indicator");
  EXPECT_TRUE(meetings.ListMeetings()->empty());
  EXPECT_TRUE(meetings.ListDirectives({})->empty());
  EXPECT_EQ(*store_->AuditCount(), audit_before);

  Meeting with_missing_doc = Session(ward_);
  with_missing_doc.documents = {777};
  EXPECT_EQ(meetings.SaveMeetingWithDirectives("appr", {with_missing_doc, {Task("ok")}}).status().field(),
            "documents");
  EXPECT_EQ(meetings.SaveMeetingWithDirectives("appr", {Session(ward_), {Task("")}}).status().field(),
            "text");
  EXPECT_EQ(meetings.SaveMeetingWithDirectives("appr", {Session(55555), {}}).status().field(), "unit");
  EXPECT_TRUE(meetings.ListMeetings()->empty());
  EXPECT_EQ(*store_->AuditCount(), audit_before);
}

TEST_P(StoreTest, ASessionIsSavedWithItsDirectives) {
  MeetingStore& meetings = store_->meetings();
  MeetingWithDirectives saved =
      *meetings.SaveMeetingWithDirectives("appr", {Session(ward_), {Task("một", "THU_NS"), Task("hai")}});
  ASSERT_NE(saved.meeting.id, 0);
  ASSERT_EQ(saved.directives.size(), 2u);
  DirectiveFilter of_session;
  of_session.meeting = saved.meeting.id;
  std::vector<Directive> stored = *meetings.ListDirectives(of_session);
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].id, saved.directives[0].id);
  EXPECT_EQ(stored[1].text, "hai");
  // A directive naming a session that does not exist is refused by name.
  Directive orphan = Task("ba");
  orphan.meeting = saved.meeting.id + 100;
  EXPECT_EQ(meetings.SaveDirective("appr", orphan).status().field(), "meeting");
}

}  // namespace
}  // namespace kiemdem::store
