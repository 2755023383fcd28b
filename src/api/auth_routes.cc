// Sign-in, sign-out, API tokens, users and roles.
#include <algorithm>
#include <ctime>

#include "analytics/dashboard.h"
#include "api/router.h"
#include "api/views.h"
#include "core/email_address.h"

namespace kiemdem::api {
namespace {

constexpr int64_t kSessionSeconds = int64_t{12} * 3600;

std::string SessionCookie(const std::string& token, int64_t max_age, bool secure) {
  return "kd_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

Status TooManyAttempts(Call& call, int wait) {
  call.status = 429;
  call.headers.emplace_back("Retry-After", std::to_string(wait));
  return ResourceExhausted("too many failed sign-ins; try again in " + std::to_string(wait) + " seconds",
                           "đăng nhập sai quá nhiều lần; hãy thử lại sau " + std::to_string(wait) + " giây");
}

// Cheap checks first (body size and depth, field lengths, the limits per
// address and per user at that address); only then one of a few Argon2 slots.
Status Login(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::string username, StringField(*body, "username"));
  ASSIGN_OR_RETURN(std::string password, StringField(*body, "password"));
  if (username.size() > 64 || password.size() > kMaxPasswordBytes) {
    return InvalidArgument("a user name has at most 64 characters and a password at most 1024",
                           "tên đăng nhập tối đa 64 ký tự, mật khẩu tối đa 1024 ký tự");
  }
  std::string address_key = "addr:" + call.client;
  std::string key = "user:" + username + "@" + call.client;
  LoginLimiter& per_address = call.app->address_limiter();
  LoginLimiter& per_user = call.app->login_limiter();
  if (int wait = std::max(per_address.RetryAfter(address_key), per_user.RetryAfter(key)); wait > 0) {
    call.error_cause = "sign-in throttled for " + username;
    return TooManyAttempts(call, wait);
  }
  Result<App::Slot> slot = call.app->AcquirePasswordSlot();
  if (!slot.ok()) {
    call.status = 429;
    call.headers.emplace_back("Retry-After", "5");
    return slot.status();
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  Result<store::User> user = store->FindUser(username);
  // A storage failure is never reported as a wrong password.
  if (!user.ok() && user.status().code() != StatusCode::kNotFound) return user.status();
  // The same answer and about the same time whether the user exists, is
  // disabled or not: one Argon2 verification every time.
  static const std::string kDummy = HashPassword("not the password of anyone").value();
  bool match = VerifyPassword(user.ok() ? user->password_hash : kDummy, password);
  bool ok = user.ok() && !user->disabled && match;
  if (!ok) {
    per_address.Failed(address_key);
    per_user.Failed(key);
    call.error_cause = "failed sign-in for " + username;
    return Unauthenticated("the user name or password is wrong", "tên đăng nhập hoặc mật khẩu không đúng");
  }
  call.app->login_limiter().Succeeded(key);
  std::string token = NewToken(), csrf = NewToken().substr(0, 32);
  int64_t now = std::time(nullptr);
  RETURN_IF_ERROR(store->CreateSession(username, {TokenHash(token), user->id, store::SessionKind::kSession,
                                                  csrf, "", now, now + kSessionSeconds}));
  call.headers.emplace_back("Set-Cookie", SessionCookie(token, kSessionSeconds, call.secure));
  call.Reply({{"user", UserView(*user, *call.app->tree(), Today(call))},
              {"csrf_token", csrf},
              {"expires_in", kSessionSeconds}});
  return Status::Ok();
}

Status Logout(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  RETURN_IF_ERROR(store->RevokeSession(call.actor(), call.principal->session_hash));
  call.app->ForgetSession(call.principal->session_hash);
  call.headers.emplace_back("Set-Cookie", SessionCookie("", 0, call.secure));
  call.Reply({{"signed_out", true}});
  return Status::Ok();
}

// Where the user's dashboard opens (analytics::FindHome): their own unit, or
// for a user above every unit the one reviewed at the latest working session.
Result<Json> Home(Call& call) {
  // A user without roles may read nothing: no home, not even a unit's id.
  if (call.principal->user.roles.empty()) return Json(nullptr);
  std::vector<UnitId> own;
  for (const store::RoleGrant& g : call.principal->user.roles) {
    if (g.unit != kNoUnit) own.push_back(g.unit);
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::optional<analytics::Home> home, analytics::FindHome(*store, own, Today(call).year()));
  if (!home) return Json(nullptr);
  return Json{{"unit", home->unit}, {"period", home->period.empty() ? Json(nullptr) : Json(home->period)}};
}

Status Me(Call& call) {
  Json j{{"user", UserView(call.principal->user, *call.app->tree(), Today(call))},
         {"session_kind", store::SessionKindKey(call.principal->kind)}};
  ASSIGN_OR_RETURN(j["home"], Home(call));
  if (call.principal->kind == store::SessionKind::kSession) j["csrf_token"] = call.principal->csrf;
  call.Reply(j);
  return Status::Ok();
}

constexpr size_t kMaxTokensPerUser = 20;

std::string IsoSeconds(int64_t t) {
  auto tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Json TokenView(const store::SessionRecord& s) {
  return {{"id", TokenId(s.token_hash)},
          {"label", s.label},
          {"created_at", IsoSeconds(s.created_at)},
          {"expires_at", IsoSeconds(SessionExpiry(s))}};
}

// The caller's API tokens that still work, newest first.
Result<std::vector<store::SessionRecord>> LiveTokens(const Call& call, store::Store& store) {
  ASSIGN_OR_RETURN(std::vector<store::SessionRecord> all,
                   store.accounts().ListSessions(call.principal->user.id));
  return LiveApiTokens(std::move(all), static_cast<int64_t>(std::time(nullptr)));
}

Status ListTokens(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::SessionRecord> tokens, LiveTokens(call, *store));
  Json items = Json::array();
  for (const store::SessionRecord& s : tokens) items.push_back(TokenView(s));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

Status RevokeToken(Call& call) {
  const std::string& id = call.captures.at(0);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::SessionRecord> tokens, LiveTokens(call, *store));
  for (const store::SessionRecord& s : tokens) {
    if (TokenId(s.token_hash) != id) continue;
    RETURN_IF_ERROR(store->RevokeSession(call.actor(), s.token_hash));
    call.app->ForgetSession(s.token_hash);
    call.Reply({{"revoked", id}});
    return Status::Ok();
  }
  return NotFound("you have no API token " + id, "bạn không có mã truy cập API " + id).WithField("id");
}

Status CreateToken(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::string label, StringField(*body, "label"));
  if (label.empty() || label.size() > 100) {
    return InvalidArgument("a token needs a label of 1-100 characters",
                           "mã truy cập cần nhãn dài 1-100 ký tự")
        .WithField("label");
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  std::string token = NewToken();
  auto now = static_cast<int64_t>(std::time(nullptr));
  store::SessionRecord rec{
      TokenHash(token),   call.principal->user.id, store::SessionKind::kApi, "", label, now,
      now + kTokenSeconds};
  // The quota is counted in the same transaction as the insert.
  RETURN_IF_ERROR(store->accounts().CreateToken(
      call.actor(), rec, {.max_live = kMaxTokensPerUser, .undated_lifetime = kTokenSeconds}));
  Json j = TokenView(rec);
  j["token"] = token;
  call.Reply(j, 201);
  return Status::Ok();
}

// A grant's unit: a code ("06811") read on "on" (default today), as users
// name units; an integer stays the internal id the API returns.
Result<int64_t> GrantUnit(const Call& call, const Json& g) {
  auto it = g.find("unit");
  if (it == g.end() || it->is_null()) return kNoUnit;
  if (!it->is_string()) {
    ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(g, "unit", false));
    return unit.value_or(kNoUnit);
  }
  ASSIGN_OR_RETURN(std::optional<Date> on, DateField(g, "on"));
  Result<UnitId> unit = call.app->tree()->FindByCode(it->get<std::string>(), on.value_or(Today(call)));
  if (!unit.ok()) {
    Status refused = unit.status();
    return refused.WithField("roles");
  }
  return *unit;
}

Result<std::vector<store::RoleGrant>> ParseGrants(const Call& call, const Json& body) {
  std::vector<store::RoleGrant> out;
  auto it = body.find("roles");
  if (it == body.end()) return out;
  if (!it->is_array())
    return InvalidArgument("'roles' must be a list", "'roles' phải là danh sách").WithField("roles");
  for (const Json& g : *it) {
    if (!g.is_object())
      return InvalidArgument("each role is an object", "mỗi vai trò là một đối tượng").WithField("roles");
    ASSIGN_OR_RETURN(std::string key, StringField(g, "role"));
    ASSIGN_OR_RETURN(Role role, ParseRole(key));
    ASSIGN_OR_RETURN(int64_t unit, GrantUnit(call, g));
    out.push_back({role, unit});
  }
  return out;
}

Status CreateUser(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  store::User user;
  ASSIGN_OR_RETURN(user.username, StringField(*body, "username"));
  ASSIGN_OR_RETURN(user.display_name, StringField(*body, "display_name", false));
  ASSIGN_OR_RETURN(user.email, StringField(*body, "email", false));
  RETURN_IF_ERROR(CheckEmailAddress(user.email));  // before the password is hashed
  ASSIGN_OR_RETURN(std::string password, StringField(*body, "password"));
  {
    ASSIGN_OR_RETURN(App::Slot slot, call.app->AcquirePasswordSlot());
    ASSIGN_OR_RETURN(user.password_hash, HashPassword(password));
  }
  ASSIGN_OR_RETURN(user.roles, ParseGrants(call, *body));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::AccountStore& accounts = store->accounts();
  RETURN_IF_ERROR(accounts.CreateUser(call.actor(), user).status());
  ASSIGN_OR_RETURN(store::User created, accounts.FindUser(user.username));
  call.Reply(UserView(created, *call.app->tree(), Today(call)), 201);
  return Status::Ok();
}

Status SetRoles(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::vector<store::RoleGrant> grants, ParseGrants(call, *body));
  std::string username = call.captures.at(0);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::AccountStore& accounts = store->accounts();
  RETURN_IF_ERROR(accounts.ReplaceRoles(call.actor(), username, grants));
  ASSIGN_OR_RETURN(store::User user, accounts.FindUser(username));
  call.Reply(UserView(user, *call.app->tree(), Today(call)));
  return Status::Ok();
}

// PUT /users/{name}/email {email}: "" removes the address.
Status SetEmail(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::string email, StringField(*body, "email", false));
  std::string username = call.captures.at(0);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::AccountStore& accounts = store->accounts();
  RETURN_IF_ERROR(accounts.SetEmail(call.actor(), username, email));
  ASSIGN_OR_RETURN(store::User user, accounts.FindUser(username));
  call.Reply(UserView(user, *call.app->tree(), Today(call)));
  return Status::Ok();
}

Status ListUsers(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::User> users, store->ListUsers());
  Json items = Json::array();
  for (const store::User& u : users) items.push_back(UserView(u, *call.app->tree(), Today(call)));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

}  // namespace

void AddAuthRoutes(Router& r) {
  r.Add({"POST", "/auth/login", {Scope::kPublic, Action::kRead}, Login, false, kSmallBodyLimit});
  r.Add({"POST", "/auth/logout", {Scope::kSignedIn, Action::kRead}, Logout});
  r.Add({"GET", "/auth/me", {Scope::kSignedIn, Action::kRead}, Me});
  r.Add({"POST", "/auth/tokens", {Scope::kSignedIn, Action::kRead}, CreateToken, false, kSmallBodyLimit});
  r.Add({"GET", "/auth/tokens", {Scope::kSignedIn, Action::kRead}, ListTokens});
  r.Add({"DELETE", "/auth/tokens/([0-9a-f]{12})", {Scope::kSignedIn, Action::kRead}, RevokeToken});
  r.Add({"GET", "/users", {Scope::kEverywhere, Action::kAdmin}, ListUsers});
  r.Add({"POST", "/users", {Scope::kEverywhere, Action::kAdmin}, CreateUser});
  r.Add({"PUT", R"(/users/([A-Za-z0-9._@-]{1,64})/roles)", {Scope::kEverywhere, Action::kAdmin}, SetRoles});
  r.Add({"PUT",
         R"(/users/([A-Za-z0-9._@-]{1,64})/email)",
         {Scope::kEverywhere, Action::kAdmin},
         SetEmail,
         false,
         kSmallBodyLimit});
}

}  // namespace kiemdem::api
