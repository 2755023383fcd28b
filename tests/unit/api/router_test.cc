// The router: finding a route, and the checks it runs before any handler
// (sign-in, CSRF, the unit a request acts on, the caller's grants over it).
#include "api/router.h"

#include <gtest/gtest.h>

#include "tests/unit/api/api_fixture.h"

namespace kiemdem::api {
namespace {

TEST(RouterFind, MatchesMethodAndPathAndFillsTheCaptures) {
  Router r;
  int hit = 0;
  r.Add({"GET", "/directives/overdue", {}, [&](Call&) {
           hit = 1;
           return Status::Ok();
         }});
  r.Add({"GET", R"(/directives/(\d+))", {}, [&](Call&) {
           hit = 2;
           return Status::Ok();
         }});
  r.Add({"PATCH", R"(/directives/(\d+))", {}, [&](Call&) {
           hit = 3;
           return Status::Ok();
         }});
  std::vector<std::string> captures;
  const Route* found = r.Find("GET", "/directives/overdue", &captures);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->pattern, "/directives/overdue");
  EXPECT_TRUE(captures.empty());
  found = r.Find("PATCH", "/directives/42", &captures);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->method, "PATCH");
  EXPECT_EQ(captures, std::vector<std::string>{"42"});
  EXPECT_EQ(r.Find("DELETE", "/directives/42", &captures), nullptr);
  EXPECT_EQ(r.Find("GET", "/directives/4x", &captures), nullptr);
  EXPECT_EQ(r.Find("GET", "/directives/42/extra", &captures), nullptr);
}

TEST(HttpStatus, OneStatusPerCode) {
  EXPECT_EQ(HttpStatus(StatusCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatus(StatusCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatus(StatusCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatus(StatusCode::kNotFound), 404);
  EXPECT_EQ(HttpStatus(StatusCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatus(StatusCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatus(StatusCode::kResourceExhausted), 413);
  EXPECT_EQ(HttpStatus(StatusCode::kDataLoss), 500);
  EXPECT_EQ(HttpStatus(StatusCode::kUnavailable), 503);
}

using RouterTest = ApiTest;

TEST_F(RouterTest, BodyLimitsAreSetPerRoute) {
  EXPECT_EQ(router_.BodyLimit("POST", "/auth/login"), kSmallBodyLimit);
  EXPECT_EQ(router_.BodyLimit("POST", "/auth/tokens"), kSmallBodyLimit);
  EXPECT_EQ(router_.BodyLimit("POST", "/results"), kDefaultBodyLimit);
  EXPECT_EQ(router_.BodyLimit("POST", "/imports/results"), size_t{8} << 20);
  EXPECT_GT(router_.BodyLimit("POST", "/documents"), size_t{4} << 20);
  EXPECT_EQ(router_.BodyLimit("GET", "/units"), kSmallBodyLimit);
  EXPECT_EQ(router_.BodyLimit("POST", "/no/such/route"), kSmallBodyLimit);
}

TEST_F(RouterTest, AnonymousCallersAreAskedToSignIn) {
  Call c = Request("GET", "/units", std::nullopt);
  EXPECT_EQ(c.status, 401);
  EXPECT_EQ(Body(c)["error"]["code"], "unauthenticated");
}

TEST_F(RouterTest, PublicRoutesNeedNoSignIn) {
  Call c =
      Request("POST", "/auth/login", std::nullopt, {{"username", "nobody"}, {"password", "wrong password"}});
  EXPECT_EQ(c.status, 401) << c.response;  // the handler ran: an unknown user, not "sign in first"
  EXPECT_EQ(Body(c)["error"]["message"].get<std::string>().find("sign in first"), std::string::npos);
}

TEST_F(RouterTest, ABrowserSessionsWriteNeedsItsCsrfToken) {
  Principal rep = User("rep", "reporter", ward_a_, store::SessionKind::kSession);
  Json body = {{"unit", ward_a_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}};
  Call ok = Request("POST", "/results", rep, body);
  EXPECT_EQ(ok.status, 201) << ok.response;
  for (const char* sent : {"", "csrf-someone-else"}) {
    Call c = Request("POST", "/results", rep, body, sent);
    EXPECT_EQ(c.status, 403) << sent;
    EXPECT_NE(Body(c)["error"]["message"].get<std::string>().find("CSRF"), std::string::npos) << c.response;
  }
  Principal token = User("machine", "reporter", ward_a_, store::SessionKind::kApi);
  body["period"] = "2025";
  EXPECT_EQ(Request("POST", "/results", token, body, "").status, 201) << "API tokens need no CSRF token";
}

TEST_F(RouterTest, AuthMeSaysWhichKindOfSignInItIs) {
  Call browser = Request("GET", "/auth/me", User("rep", "reporter", ward_a_, store::SessionKind::kSession));
  ASSERT_EQ(browser.status, 200) << browser.response;
  EXPECT_EQ(Body(browser)["session_kind"], "session");
  EXPECT_EQ(Body(browser)["csrf_token"], "csrf-rep");
  Call token = Request("GET", "/auth/me", User("machine", "reporter", ward_a_, store::SessionKind::kApi));
  ASSERT_EQ(token.status, 200) << token.response;
  EXPECT_EQ(Body(token)["session_kind"], "api");
  EXPECT_FALSE(Body(token).contains("csrf_token")) << "an API token has no CSRF token to send";
}

TEST_F(RouterTest, TheUnitOfTheBodyMustBeWithinTheCallersRoles) {
  Principal rep = User("rep", "reporter", ward_a_);
  Call c = Request("POST", "/results", rep,
                   {{"unit", ward_b_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}});
  EXPECT_EQ(c.status, 403) << c.response;
  EXPECT_EQ(Body(c)["error"]["code"], "permission_denied");
  Principal city = User("city", "reporter", city_);
  c = Request("POST", "/results", city,
              {{"unit", ward_b_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}});
  EXPECT_EQ(c.status, 201) << "a role over the city covers its wards: " << c.response;
}

TEST_F(RouterTest, AnUnknownUnitIsNotFoundBeforeAnyGrantIsChecked) {
  Principal rep = User("rep", "reporter", ward_a_);
  Call c = Request("GET", "/results?unit=999999", rep);
  EXPECT_EQ(c.status, 404);
  EXPECT_EQ(Body(c)["error"]["field"], "unit");
  c = Request("GET", "/results?unit=abc", rep);
  EXPECT_EQ(c.status, 400);
  EXPECT_EQ(Body(c)["error"]["field"], "unit");
}

TEST_F(RouterTest, AResultsPathIsAuthorisedByTheResultsUnit) {
  Principal a = User("a", "reporter", ward_a_), b = User("b", "reporter", ward_b_);
  Call made = Request("POST", "/results", a,
                      {{"unit", ward_a_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}});
  ASSERT_EQ(made.status, 201) << made.response;
  std::string id = std::to_string(Body(made)["id"].get<int64_t>());
  EXPECT_EQ(Request("GET", "/results/" + id, a).status, 200);
  EXPECT_EQ(Request("GET", "/results/987654", a).status, 404);
  // Another unit's result answers exactly as a missing one (the review's F11).
  Call theirs = Request("GET", "/results/" + id, b);
  Call missing = Request("GET", "/results/987654", b);
  EXPECT_EQ(theirs.status, 404);
  EXPECT_EQ(Body(theirs)["error"]["message"].get<std::string>(), "result " + id + " does not exist");
  EXPECT_EQ(Body(missing)["error"]["message"].get<std::string>(), "result 987654 does not exist");
  EXPECT_EQ(Body(theirs)["error"]["code"], Body(missing)["error"]["code"]);
  EXPECT_EQ(Body(theirs)["error"]["field"], Body(missing)["error"]["field"]);
  EXPECT_EQ(Request("POST", "/results/" + id + "/submit", b).status, 404);
  // Who may read it is told what they may not do.
  Principal viewer = User("viewer", "viewer", ward_a_);
  Call refused = Request("POST", "/results/" + id + "/submit", viewer);
  EXPECT_EQ(refused.status, 403) << refused.response;
}

TEST_F(RouterTest, AViewerReadsButDoesNotWrite) {
  Principal viewer = User("viewer", "viewer", ward_a_);
  EXPECT_EQ(Request("GET", "/results?unit=" + std::to_string(ward_a_), viewer).status, 200);
  Call c = Request("POST", "/results", viewer,
                   {{"unit", ward_a_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}});
  EXPECT_EQ(c.status, 403);
}

TEST_F(RouterTest, ARouteForSomeUnitRefusesACallerWhoMayDoItNowhere) {
  Principal viewer = User("viewer", "viewer", ward_a_);
  Call c = Request("POST", "/imports/results", viewer, {{"file_name", "a.csv"}, {"content_base64", ""}});
  EXPECT_EQ(c.status, 403);
  EXPECT_NE(Body(c)["error"]["message"].get<std::string>().find("anywhere"), std::string::npos) << c.response;
}

// F13: "?a=1%26q%3DQuang" and "?a=1&q=Quang" are different requests, never one cache entry.
TEST_F(RouterTest, TheCacheKeyKeepsParametersApart) {
  Principal viewer = User("viewer", "viewer", ward_a_);
  auto units = [&](std::map<std::string, std::string> query) {
    Call call;
    call.app = app_.get();
    call.request_id = "test";
    call.method = "GET";
    call.path = "/units";
    call.lang = "en";
    call.query = std::move(query);
    call.principal = viewer;
    const Route* route = router_.Find("GET", "/units", &call.captures);
    EXPECT_NE(route, nullptr);
    router_.Dispatch(*route, call);
    return call;
  };
  Call roots = units({{"a", "1&q=Quang"}});
  Call search = units({{"a", "1"}, {"q", "Quang"}});
  ASSERT_EQ(roots.status, 200);
  ASSERT_EQ(search.status, 200);
  EXPECT_TRUE(search.headers.empty()) << "not a cache hit";
  EXPECT_NE(roots.response, search.response);
  EXPECT_FALSE(units({{"a", "1"}, {"q", "Quang"}}).headers.empty()) << "its own entry is";
}

TEST_F(RouterTest, AWriteRefreshesTheDataVersionSoCachedAnswersAreNotServedStale) {
  Principal rep = User("rep", "reporter", ward_a_);
  int64_t before = app_->data_version();
  Call c = Request("POST", "/results", rep,
                   {{"unit", ward_a_}, {"indicator", "THU_NS"}, {"period", "2024"}, {"value", 5}});
  ASSERT_EQ(c.status, 201);
  EXPECT_GT(app_->data_version(), before);
}

}  // namespace
}  // namespace kiemdem::api
