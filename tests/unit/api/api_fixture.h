// The api suites' fixture: an App over a fresh SQLite file with a small tree
// (Tỉnh Quảng Ninh > Thành phố Uông Bí > two wards), one indicator, users made
// straight in the store, and requests run through the real route table in
// process (no sockets): the router's checks, then the handler.
#ifndef KIEMDEM_TESTS_UNIT_API_API_FIXTURE_H_
#define KIEMDEM_TESTS_UNIT_API_API_FIXTURE_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "api/app.h"
#include "api/auth.h"
#include "api/router.h"

namespace kiemdem::api {

inline Date D(const char* s) { return *Date::Parse(s); }

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    path_ = (std::filesystem::temp_directory_path() /
             ("kiemdem_api_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
                .string();
    std::filesystem::remove(path_);
    {
      std::unique_ptr<store::Store> s = std::move(store::Store::Open({.url = path_})).value();
      ASSERT_TRUE(s->Migrate().ok());
      AdminRegistry reg;
      auto add = [&](const char* code, const char* name, UnitType type, UnitId parent) {
        AdminUnit u;
        u.code = code;
        u.parent = parent;
        u.versions.push_back({Date(), name, name, type});
        return *reg.Add(u);
      };
      UnitId p = add("22", "Tỉnh Quảng Ninh", UnitType::kProvince, kNoUnit);
      UnitId c = add("196", "Thành phố Uông Bí", UnitType::kProvincialCity, p);
      add("06817", "Phường Quang Trung", UnitType::kWard, c);
      add("06811", "Phường Uông Bí", UnitType::kWard, c);
      ASSERT_TRUE(s->units().SaveUnits("setup", reg).ok());
      Indicator i;
      i.code = "THU_NS";
      i.name_vi = "Thu ngân sách";
      i.name_en = "Budget revenue";
      i.unit = "triệu đồng";
      ASSERT_TRUE(s->plans().PutIndicators("setup", {i}).ok());
      city_ = *s->units().FindUnit("196", D("01/01/2020"));
      ward_a_ = *s->units().FindUnit("06817", D("01/01/2020"));
      ward_b_ = *s->units().FindUnit("06811", D("01/01/2020"));
    }
    app_ = std::make_unique<App>(path_, "", logger_);
    ASSERT_TRUE(app_->Start().ok());
    AddAuthRoutes(router_);
    AddReferenceRoutes(router_);
    AddResultRoutes(router_);
    AddAnalyticsRoutes(router_);
    AddDocumentRoutes(router_);
    AddMeetingRoutes(router_);
    AddImportRoutes(router_);
  }

  void TearDown() override {
    app_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  // A user with one role ("reporter", ward_a_ ...), signed in with an API
  // token (so no CSRF token is needed), as the router would see it.
  Principal User(const std::string& name, const std::string& role, UnitId unit,
                 store::SessionKind kind = store::SessionKind::kApi) {
    Result<StorePool::Lease> s = app_->pool().Acquire();
    EXPECT_TRUE(s.ok());
    store::User u;
    u.username = name;
    u.password_hash = "$argon2id$test";
    u.roles.push_back({ParseRole(role).value(), unit});
    EXPECT_TRUE((*s)->accounts().CreateUser("setup", u).ok());
    store::SessionRecord session;
    session.token_hash = TokenHash(name + "-token");
    session.user_id = (*s)->accounts().FindUser(name)->id;
    session.kind = kind;
    session.created_at = std::time(nullptr);  // API tokens expire 90 days after
    session.csrf = "csrf-" + name;
    EXPECT_TRUE((*s)->accounts().CreateSession("setup", session).ok());
    Result<Principal> p = app_->Authenticate(session.token_hash);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return *p;
  }

  // Runs METHOD /api/v1`target` ("/results?unit=3") with `body` as
  // `principal` (nullopt: anonymous), as the server would after parsing HTTP.
  // A browser session sends its CSRF token, or `csrf` when given ("": none).
  Call Request(const std::string& method, const std::string& target,
               const std::optional<Principal>& principal, const Json& body = nullptr,
               const std::optional<std::string>& csrf = std::nullopt) {
    Call call;
    call.app = app_.get();
    call.request_id = "test";
    call.method = method;
    call.lang = "en";
    size_t q = target.find('?');
    call.path = target.substr(0, q);
    if (q != std::string::npos) {
      std::string rest = target.substr(q + 1);
      while (!rest.empty()) {
        size_t amp = rest.find('&');
        std::string pair = rest.substr(0, amp);
        size_t eq = pair.find('=');
        call.query[pair.substr(0, eq)] = eq == std::string::npos ? "" : pair.substr(eq + 1);
        rest = amp == std::string::npos ? "" : rest.substr(amp + 1);
      }
    }
    if (!body.is_null()) call.body = body.dump();
    call.principal = principal;
    if (principal && principal->kind == store::SessionKind::kSession)
      call.request_headers["x-csrf-token"] = csrf.value_or(principal->csrf);
    const Route* route = router_.Find(method, call.path, &call.captures);
    if (route == nullptr) {
      call.status = 404;
      return call;
    }
    router_.Dispatch(*route, call);
    return call;
  }

  static Json Body(const Call& call) { return Json::parse(call.response, nullptr, false); }

  std::string path_;
  std::shared_ptr<MemoryLogger> logger_ = std::make_shared<MemoryLogger>();
  std::unique_ptr<App> app_;
  Router router_;
  UnitId city_ = kNoUnit, ward_a_ = kNoUnit, ward_b_ = kNoUnit;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_TESTS_UNIT_API_API_FIXTURE_H_
