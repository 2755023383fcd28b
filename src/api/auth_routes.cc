// Sign-in, sign-out, API tokens, users and roles.
#include <algorithm>
#include <ctime>

#include "api/router.h"
#include "api/views.h"

namespace kiemdem::api {
namespace {

constexpr int64_t kSessionSeconds = int64_t{12} * 3600;

std::string SessionCookie(const std::string& token, int64_t max_age, bool secure) {
  return "kd_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

Status Login(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::string username, StringField(*body, "username"));
  ASSIGN_OR_RETURN(std::string password, StringField(*body, "password"));
  std::string key = "user:" + username.substr(0, 64);
  if (int wait = call.app->login_limiter().RetryAfter(key); wait > 0) {
    call.status = 429;
    call.headers.emplace_back("Retry-After", std::to_string(wait));
    return ResourceExhausted(
        "too many failed sign-ins; try again in " + std::to_string(wait) + " seconds",
        "đăng nhập sai quá nhiều lần; hãy thử lại sau " + std::to_string(wait) + " giây");
  }
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  Result<store::User> user = store->FindUser(username);
  // The same answer and about the same time whether the user exists or not.
  bool ok = user.ok() && !user->disabled && VerifyPassword(user->password_hash, password);
  if (!user.ok()) {
    static const std::string kDummy = HashPassword("not the password of anyone").value();
    (void)VerifyPassword(kDummy, password);
  }
  if (!ok) {
    call.app->login_limiter().Failed(key);
    return Unauthenticated("the user name or password is wrong", "tên đăng nhập hoặc mật khẩu không đúng");
  }
  call.app->login_limiter().Succeeded(key);
  std::string token = NewToken(), csrf = NewToken().substr(0, 32);
  int64_t now = std::time(nullptr);
  RETURN_IF_ERROR(store->CreateSession(
      username, {TokenHash(token), user->id, "session", csrf, "", now, now + kSessionSeconds}));
  call.headers.emplace_back("Set-Cookie", SessionCookie(token, kSessionSeconds, call.secure));
  call.Reply({{"user", UserView(*user)}, {"csrf_token", csrf}, {"expires_in", kSessionSeconds}});
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

// The latest period a unit has figures for, within the last 30 years: "2020",
// "2018-01/2018-10". Empty when it has none.
Result<std::string> LatestPeriod(store::Store& store, UnitId unit, int this_year) {
  ASSIGN_OR_RETURN(std::vector<store::ResultRecord> results,
                   store.ListResultsInYears(unit, this_year - 30, this_year));
  // Latest end month first; of those ending together, the longest ("10 tháng" over "tháng 10").
  auto later = [](const Period& a, const Period& b) {
    return std::make_pair(a.year() * 12 + a.last_month(), a.month_count()) >
           std::make_pair(b.year() * 12 + b.last_month(), b.month_count());
  };
  const Period* latest = nullptr;
  for (const store::ResultRecord& r : results) {
    if (latest == nullptr || later(r.observation.period, *latest)) latest = &r.observation.period;
  }
  return latest == nullptr ? "" : latest->Key();
}

// Where the user's dashboard opens: their own unit, or for a user above every
// unit the one reviewed at the latest working session that has figures; at
// the latest period with figures.
Result<Json> Home(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  int year = Today(call).year();
  std::vector<UnitId> candidates;
  for (const store::RoleGrant& g : call.principal->user.roles) {
    if (g.unit != kNoUnit) candidates.push_back(g.unit);
  }
  if (candidates.empty()) {
    ASSIGN_OR_RETURN(std::vector<Meeting> meetings, store->ListMeetings());
    std::sort(meetings.begin(), meetings.end(),
              [](const Meeting& a, const Meeting& b) { return b.held_on < a.held_on; });
    for (const Meeting& m : meetings) {
      if (m.unit != kNoUnit) candidates.push_back(m.unit);
    }
  }
  for (size_t i = 0; i < candidates.size() && i < 20; ++i) {
    ASSIGN_OR_RETURN(std::string period, LatestPeriod(*store, candidates[i], year));
    if (!period.empty() || i + 1 == candidates.size()) {
      return Json{{"unit", candidates[i]}, {"period", period.empty() ? Json(nullptr) : Json(period)}};
    }
  }
  return Json(nullptr);
}

Status Me(Call& call) {
  Json j{{"user", UserView(call.principal->user)}, {"session_kind", call.principal->kind}};
  ASSIGN_OR_RETURN(j["home"], Home(call));
  if (call.principal->kind == "session") j["csrf_token"] = call.principal->csrf;
  call.Reply(j);
  return Status::Ok();
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
  RETURN_IF_ERROR(store->CreateSession(call.actor(), {TokenHash(token), call.principal->user.id, "api", "",
                                                      label, static_cast<int64_t>(std::time(nullptr)), 0}));
  call.Reply({{"token", token}, {"label", label}}, 201);
  return Status::Ok();
}

Result<std::vector<store::RoleGrant>> ParseGrants(const Json& body) {
  std::vector<store::RoleGrant> out;
  auto it = body.find("roles");
  if (it == body.end()) return out;
  if (!it->is_array())
    return InvalidArgument("'roles' must be a list", "'roles' phải là danh sách").WithField("roles");
  for (const Json& g : *it) {
    if (!g.is_object())
      return InvalidArgument("each role is an object", "mỗi vai trò là một đối tượng").WithField("roles");
    ASSIGN_OR_RETURN(std::string role, StringField(g, "role"));
    RETURN_IF_ERROR(ParseRole(role).status());
    ASSIGN_OR_RETURN(std::optional<int64_t> unit, IdField(g, "unit", false));
    out.push_back({role, unit.value_or(kNoUnit)});
  }
  return out;
}

Status CreateUser(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  store::User user;
  ASSIGN_OR_RETURN(user.username, StringField(*body, "username"));
  ASSIGN_OR_RETURN(user.display_name, StringField(*body, "display_name", false));
  ASSIGN_OR_RETURN(std::string password, StringField(*body, "password"));
  ASSIGN_OR_RETURN(user.password_hash, HashPassword(password));
  ASSIGN_OR_RETURN(user.roles, ParseGrants(*body));
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::AccountStore& accounts = store->accounts();
  RETURN_IF_ERROR(accounts.CreateUser(call.actor(), user).status());
  ASSIGN_OR_RETURN(store::User created, accounts.FindUser(user.username));
  call.Reply(UserView(created), 201);
  return Status::Ok();
}

Status SetRoles(Call& call) {
  ASSIGN_OR_RETURN(const Json* body, call.Body());
  ASSIGN_OR_RETURN(std::vector<store::RoleGrant> grants, ParseGrants(*body));
  std::string username = call.captures.at(0);
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  store::AccountStore& accounts = store->accounts();
  RETURN_IF_ERROR(accounts.ReplaceRoles(call.actor(), username, grants));
  ASSIGN_OR_RETURN(store::User user, accounts.FindUser(username));
  call.Reply(UserView(user));
  return Status::Ok();
}

Status ListUsers(Call& call) {
  ASSIGN_OR_RETURN(StorePool::Lease store, call.app->pool().Acquire());
  ASSIGN_OR_RETURN(std::vector<store::User> users, store->ListUsers());
  Json items = Json::array();
  for (const store::User& u : users) items.push_back(UserView(u));
  ASSIGN_OR_RETURN(Json page, Paginate(call, std::move(items)));
  call.Reply(page);
  return Status::Ok();
}

}  // namespace

void AddAuthRoutes(Router& r) {
  r.Add({"POST", "/auth/login", {Scope::kPublic, Action::kRead}, Login});
  r.Add({"POST", "/auth/logout", {Scope::kSignedIn, Action::kRead}, Logout});
  r.Add({"GET", "/auth/me", {Scope::kSignedIn, Action::kRead}, Me});
  r.Add({"POST", "/auth/tokens", {Scope::kSignedIn, Action::kRead}, CreateToken});
  r.Add({"GET", "/users", {Scope::kEverywhere, Action::kAdmin}, ListUsers});
  r.Add({"POST", "/users", {Scope::kEverywhere, Action::kAdmin}, CreateUser});
  r.Add({"PUT", R"(/users/([A-Za-z0-9._@-]{1,64})/roles)", {Scope::kEverywhere, Action::kAdmin}, SetRoles});
}

}  // namespace kiemdem::api
