// API tokens: they expire (90 days), a user has at most 20, lists and
// revokes their own, and every token dies with a password reset.
#include <gtest/gtest.h>

#include <ctime>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

class TokensTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    rep_ = User("rep", "reporter", ward_a_);
  }
  Principal rep_;
};

// What GET /auth/tokens and `kiemdem user tokens` list.
TEST(LiveApiTokens, OnlyApiTokensNotRevokedNorExpiredInTheirOrder) {
  const int64_t now = 1'800'000'000;
  auto token = [](const char* hash, int64_t created, int64_t expires, bool revoked = false) {
    store::SessionRecord s;
    s.token_hash = hash;
    s.kind = store::SessionKind::kApi;
    s.created_at = created;
    s.expires_at = expires;
    s.revoked = revoked;
    return s;
  };
  store::SessionRecord browser = token("browser", now - 60, now + 3600);
  browser.kind = store::SessionKind::kSession;
  std::vector<store::SessionRecord> live =
      LiveApiTokens({token("new", now - 60, now + 3600), browser,
                     token("revoked", now - 60, now + 3600, true), token("expired", now - 7200, now - 1),
                     token("ends-now", now - 7200, now), token("undated-young", now - kTokenSeconds + 10, 0),
                     token("undated-old", now - kTokenSeconds - 10, 0), token("old", now - 3600, now + 60)},
                    now);
  std::vector<std::string> hashes(live.size());
  for (size_t i = 0; i < live.size(); ++i) hashes[i] = live[i].token_hash;
  EXPECT_EQ(hashes, (std::vector<std::string>{"new", "undated-young", "old"}));
}

TEST_F(TokensTest, ATokenIsListedWithItsExpiryAndRevokedByItsId) {
  Call c = Request("POST", "/auth/tokens", rep_, {{"label", "đồng bộ"}});
  ASSERT_EQ(c.status, 201) << c.response;
  Json made = Body(c);
  std::string hash = TokenHash(made["token"].get<std::string>());
  ASSERT_TRUE(app_->Authenticate(hash).ok());
  c = Request("GET", "/auth/tokens", rep_);
  ASSERT_EQ(c.status, 200) << c.response;
  Json items = Body(c)["items"];
  ASSERT_EQ(items.size(), 2u) << c.response;  // the fixture's own token and the new one
  Json listed = items[0]["id"] == made["id"] ? items[0] : items[1];
  EXPECT_EQ(listed["id"], made["id"]);
  EXPECT_EQ(listed["label"], "đồng bộ");
  EXPECT_TRUE(listed.find("token") == listed.end()) << "the secret is shown once only";
  // 90 days on: the year of expires_at is that of now + 90 days.
  std::time_t later = std::time(nullptr) + std::time_t{90} * 24 * 3600;
  std::tm tm{};
  gmtime_r(&later, &tm);
  EXPECT_EQ(listed["expires_at"].get<std::string>().substr(0, 4), std::to_string(tm.tm_year + 1900));

  c = Request("DELETE", "/auth/tokens/" + made["id"].get<std::string>(), rep_);
  EXPECT_EQ(c.status, 200) << c.response;
  EXPECT_EQ(app_->Authenticate(hash).status().code(), StatusCode::kUnauthenticated);
  c = Request("DELETE", "/auth/tokens/" + made["id"].get<std::string>(), rep_);
  EXPECT_EQ(c.status, 404);
}

TEST_F(TokensTest, AnotherUsersTokenCannotBeRevoked) {
  Call c = Request("POST", "/auth/tokens", rep_, {{"label", "của tôi"}});
  ASSERT_EQ(c.status, 201);
  std::string id = Body(c)["id"];
  Principal other = User("other", "reporter", ward_a_);
  EXPECT_EQ(Request("DELETE", "/auth/tokens/" + id, other).status, 404);
  EXPECT_TRUE(app_->Authenticate(TokenHash(Body(c)["token"].get<std::string>())).ok());
}

TEST_F(TokensTest, AUserHasAtMostTwentyTokens) {
  for (int i = 1; i < 20; ++i) {
    ASSERT_EQ(Request("POST", "/auth/tokens", rep_, {{"label", "t" + std::to_string(i)}}).status, 201);
  }
  Call c = Request("POST", "/auth/tokens", rep_, {{"label", "one too many"}});
  EXPECT_EQ(c.status, 409) << c.response;
}

TEST_F(TokensTest, APasswordResetEndsEveryToken) {
  Call c = Request("POST", "/auth/tokens", rep_, {{"label", "máy"}});
  ASSERT_EQ(c.status, 201);
  std::string hash = TokenHash(Body(c)["token"].get<std::string>());
  ASSERT_TRUE(app_->Authenticate(hash).ok());
  {
    Result<StorePool::Lease> s = app_->pool().Acquire();
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE((*s)->accounts().SetPassword("admin", "rep", *HashPassword("mật khẩu mới")).ok());
  }
  app_->ForgetSession(hash);  // the session cache would notice within seconds
  EXPECT_EQ(app_->Authenticate(hash).status().code(), StatusCode::kUnauthenticated);
}

TEST_F(TokensTest, ATokenMadeBeforeTokensExpiredEndsNinetyDaysAfterItWasMade) {
  store::SessionRecord old;
  old.kind = store::SessionKind::kApi;
  old.created_at = std::time(nullptr) - int64_t{91} * 24 * 3600;
  EXPECT_LT(SessionExpiry(old), std::time(nullptr));
  old.created_at = std::time(nullptr) - int64_t{89} * 24 * 3600;
  EXPECT_GT(SessionExpiry(old), std::time(nullptr));
  store::SessionRecord browser;
  browser.kind = store::SessionKind::kSession;
  browser.expires_at = 5;
  EXPECT_EQ(SessionExpiry(browser), 5);
}

}  // namespace
}  // namespace kiemdem::api
