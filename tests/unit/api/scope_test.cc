// Ids a request names inside its body (a working session for a directive,
// documents of a session, evidence of progress) are authorised like the
// route's own unit: a directive cannot be planted in or moved into another
// unit's session, and another unit's records answer exactly as missing ones.
#include <gtest/gtest.h>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

class ScopeTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    appr_a_ = User("appr_a", "approver", ward_a_);
    appr_b_ = User("appr_b", "approver", ward_b_);
    Call c = Request("POST", "/meetings", appr_a_,
                     {{"unit", ward_a_}, {"held_on", "2024-05-02"}, {"host", "UBND phường Quang Trung"}});
    ASSERT_EQ(c.status, 201) << c.response;
    session_a_ = Body(c)["id"];
  }
  Principal appr_a_, appr_b_;
  int64_t session_a_ = 0;
};

TEST_F(ScopeTest, ADirectiveCannotBePlantedInAnotherUnitsSession) {
  Call c = Request("POST", "/directives", appr_b_,
                   {{"unit", ward_b_}, {"meeting", session_a_}, {"text", "cài vào"}, {"assignee", "UBND"}});
  EXPECT_EQ(c.status, 404) << c.response;
  EXPECT_EQ(Body(c)["error"]["field"], "meeting");
  Call missing = Request("POST", "/directives", appr_b_,
                         {{"unit", ward_b_}, {"meeting", 999999}, {"text", "x"}, {"assignee", "UBND"}});
  EXPECT_EQ(missing.status, 404);
  c = Request("GET", "/meetings/" + std::to_string(session_a_), appr_a_);
  EXPECT_TRUE(Body(c)["directives"].empty()) << c.response;
  // The session's own manager may.
  c = Request("POST", "/directives", appr_a_,
              {{"unit", ward_a_}, {"meeting", session_a_}, {"text", "đúng chỗ"}, {"assignee", "UBND"}});
  EXPECT_EQ(c.status, 201) << c.response;
}

TEST_F(ScopeTest, ADirectiveCannotBeMovedIntoAnotherUnitsScope) {
  Call c = Request("POST", "/directives", appr_b_,
                   {{"unit", ward_b_}, {"text", "sẽ chuyển"}, {"assignee", "Tổ 1"}});
  ASSERT_EQ(c.status, 201) << c.response;
  std::string path = "/directives/" + std::to_string(Body(c)["id"].get<int64_t>());
  c = Request("PATCH", path, appr_b_, {{"unit", nullptr}, {"meeting", session_a_}});
  EXPECT_EQ(c.status, 404) << c.response;
  c = Request("PATCH", path, appr_b_, {{"unit", nullptr}});
  EXPECT_EQ(c.status, 403) << c.response;  // no unit left: only a manager everywhere
  c = Request("PATCH", path, appr_b_, {{"unit", ward_a_}});
  EXPECT_EQ(c.status, 403) << c.response;
  c = Request("GET", path, appr_b_);
  EXPECT_EQ(c.status, 200);
  EXPECT_EQ(Body(c)["assignee"]["unit"], ward_b_) << c.response;
}

TEST_F(ScopeTest, AnotherUnitsDocumentIsNoOracle) {
  Call c = Request("POST", "/documents", appr_a_, {{"unit", ward_a_}, {"text", "Báo cáo tháng 5 năm 2024."}});
  ASSERT_EQ(c.status, 201) << c.response;
  int64_t doc_a = Body(c)["document"]["id"];
  Call theirs = Request("POST", "/meetings", appr_b_,
                        {{"unit", ward_b_},
                         {"held_on", "2024-05-03"},
                         {"host", "UBND phường Uông Bí"},
                         {"documents", {doc_a}}});
  Call missing = Request("POST", "/meetings", appr_b_,
                         {{"unit", ward_b_},
                          {"held_on", "2024-05-03"},
                          {"host", "UBND phường Uông Bí"},
                          {"documents", {doc_a + 1000}}});
  EXPECT_EQ(theirs.status, 404) << theirs.response;
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Body(theirs)["error"]["field"], "documents");
  c = Request("POST", "/directives", appr_b_, {{"unit", ward_b_}, {"text", "việc"}, {"assignee", "Tổ 1"}});
  std::string progress = "/directives/" + std::to_string(Body(c)["id"].get<int64_t>()) + "/progress";
  c = Request("POST", progress, appr_b_, {{"note", "x"}, {"evidence_document", doc_a}});
  EXPECT_EQ(c.status, 404) << c.response;
  EXPECT_EQ(Body(c)["error"]["field"], "evidence_document");
}

TEST_F(ScopeTest, AnotherUnitsResultIsNoEvidence) {
  Principal rep_a = User("rep_a", "reporter", ward_a_);
  Call c = Request("POST", "/results", rep_a,
                   {{"unit", ward_a_}, {"indicator", "THU_NS"}, {"period", "2024-05"}, {"value", 5}});
  ASSERT_EQ(c.status, 201) << c.response;
  int64_t result_a = Body(c)["id"];
  c = Request("POST", "/directives", appr_b_, {{"unit", ward_b_}, {"text", "việc"}, {"assignee", "Tổ 1"}});
  std::string progress = "/directives/" + std::to_string(Body(c)["id"].get<int64_t>()) + "/progress";
  Call theirs = Request("POST", progress, appr_b_, {{"note", "x"}, {"evidence_result", result_a}});
  Call missing = Request("POST", progress, appr_b_, {{"note", "x"}, {"evidence_result", result_a + 1000}});
  EXPECT_EQ(theirs.status, 404) << theirs.response;
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(Body(theirs)["error"]["message"].get<std::string>().substr(0, 7), "result ");
}

TEST_F(ScopeTest, MeTellsAUserWithoutRolesNoUnit) {
  User("noroles", "viewer", ward_a_);
  Result<StorePool::Lease> s = app_->pool().Acquire();
  ASSERT_TRUE(s.ok());
  ASSERT_TRUE((*s)->accounts().ReplaceRoles("setup", "noroles", {}).ok());
  store::SessionRecord session;
  session.token_hash = TokenHash("bare-token");
  session.user_id = (*s)->accounts().FindUser("noroles")->id;
  session.kind = store::SessionKind::kApi;
  session.created_at = std::time(nullptr);
  ASSERT_TRUE((*s)->accounts().CreateSession("setup", session).ok());
  Result<Principal> bare = app_->Authenticate(session.token_hash);
  ASSERT_TRUE(bare.ok());
  Call c = Request("GET", "/auth/me", *bare);
  EXPECT_EQ(c.status, 200);
  EXPECT_TRUE(Body(c)["home"].is_null()) << c.response;
}

}  // namespace
}  // namespace kiemdem::api
