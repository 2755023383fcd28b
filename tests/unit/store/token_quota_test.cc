// CreateToken keeps a user's live API tokens under the quota in the same
// transaction as the insert: the token past the limit is refused and not
// written, revoked, expired and browser sessions do not count, and
// concurrent requests cannot both take the last place.
#include <atomic>
#include <thread>
#include <vector>

#include "tests/unit/store/store_fixture.h"

namespace kiemdem::store {
namespace {

constexpr int64_t kNow = 1700000000;
constexpr int64_t kLifetime = int64_t{90} * 24 * 3600;
constexpr TokenQuota kTen{.max_live = 10, .undated_lifetime = kLifetime};

SessionRecord Token(int64_t user, const std::string& hash, int64_t created = kNow) {
  return {hash, user, SessionKind::kApi, "", "máy " + hash, created, created + kLifetime};
}

TEST_P(StoreTest, TheEleventhLiveTokenIsRefusedAndNotWritten) {
  AccountStore& accounts = store_->accounts();
  int64_t id = *accounts.CreateUser("admin", TestUser("vp_an", "Văn phòng"));
  for (int i = 0; i < 10; ++i) {
    Status made = accounts.CreateToken("vp_an", Token(id, "tok" + std::to_string(i)), kTen);
    ASSERT_TRUE(made.ok()) << made.ToString();
  }
  int64_t audit = *store_->AuditCount();
  Status refused = accounts.CreateToken("vp_an", Token(id, "tok10"), kTen);
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.message(),
            "you have 10 API tokens already; revoke one first (DELETE /api/v1/auth/tokens/ID)");
  EXPECT_EQ(refused.message_vi(), "bạn đã có 10 mã truy cập API; hãy thu hồi một mã trước");
  EXPECT_EQ(accounts.FindSession("tok10").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->AuditCount(), audit);

  ASSERT_TRUE(accounts.RevokeSession("vp_an", "tok0").ok());
  EXPECT_TRUE(accounts.CreateToken("vp_an", Token(id, "tok10"), kTen).ok()) << "a revoked one frees a place";
  EXPECT_EQ(accounts.FindSession("tok10")->kind, SessionKind::kApi);
  EXPECT_FALSE(accounts.CreateToken("vp_an", Token(id, "tok11"), kTen).ok());
}

TEST_P(StoreTest, ExpiredTokensAndBrowserSessionsDoNotCount) {
  AccountStore& accounts = store_->accounts();
  int64_t id = *accounts.CreateUser("admin", TestUser("vp_an", "Văn phòng"));
  ASSERT_TRUE(
      accounts.CreateSession("vp_an", {"browser", id, SessionKind::kSession, "csrf", "", kNow, kNow + 3600})
          .ok());
  // Expired by its date, and one stored without an expiry more than 90 days ago.
  ASSERT_TRUE(
      accounts.CreateSession("vp_an", {"old", id, SessionKind::kApi, "", "cũ", kNow - 100, kNow - 1}).ok());
  ASSERT_TRUE(
      accounts.CreateSession("vp_an", {"undated", id, SessionKind::kApi, "", "cũ", kNow - kLifetime - 1, 0})
          .ok());
  constexpr TokenQuota kOne{.max_live = 1, .undated_lifetime = kLifetime};
  ASSERT_TRUE(accounts.CreateToken("vp_an", Token(id, "new"), kOne).ok());
  EXPECT_EQ(accounts.CreateToken("vp_an", Token(id, "newer"), kOne).code(), StatusCode::kFailedPrecondition);
  // An undated token still within its 90 days counts.
  int64_t other = *accounts.CreateUser("admin", TestUser("vp_binh", "Văn phòng"));
  ASSERT_TRUE(
      accounts.CreateSession("vp_binh", {"recent", other, SessionKind::kApi, "", "", kNow - 10, 0}).ok());
  EXPECT_EQ(accounts.CreateToken("vp_binh", Token(other, "binh"), kOne).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(accounts.CreateToken("vp_an", Token(999999, "nobody"), kOne).code(), StatusCode::kNotFound);
}

TEST_P(StoreTest, ConcurrentRequestsCannotBothTakeTheLastPlace) {
  int64_t id = *store_->accounts().CreateUser("admin", TestUser("vp_an", "Văn phòng"));
  constexpr TokenQuota kThree{.max_live = 3, .undated_lifetime = kLifetime};
  std::atomic<int> made{0}, refused{0};
  std::atomic<int> next{0};
  std::vector<std::string> errors(8);
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      std::unique_ptr<Store> s = std::move(Store::Open({.url = db_.url})).value();
      for (int attempt = 0; attempt < 3; ++attempt) {
        std::string hash = "t" + std::to_string(next++);
        Status r = s->accounts().CreateToken("vp_an", Token(id, hash), kThree);
        while (r.code() == StatusCode::kUnavailable)
          r = s->accounts().CreateToken("vp_an", Token(id, hash), kThree);
        if (r.ok()) {
          ++made;
        } else if (r.code() == StatusCode::kFailedPrecondition) {
          ++refused;
        } else {
          errors[w] = r.ToString();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& e : errors) EXPECT_EQ(e, "");
  EXPECT_EQ(made.load(), 3);
  EXPECT_EQ(refused.load(), 21);
  EXPECT_EQ(store_->accounts().ListSessions(id)->size(), 3u);
}

}  // namespace
}  // namespace kiemdem::store
