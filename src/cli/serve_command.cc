// `kiemdem serve` and `kiemdem user add|passwd|role|tokens|disable|enable|list`.
#include <csignal>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>

#include "analytics/unit_tree.h"
#include "api/app.h"
#include "api/auth.h"
#include "api/server.h"
#include "api/unit_codes.h"
#include "cli/commands.h"
#include "cli/demo_loader.h"
#include "cli/flags.h"
#include "cli/stored_units.h"
#include "cli/table.h"
#include "cli/workspace.h"
#include "core/email_address.h"
#include "log/stderr_logger.h"
#include "store/store.h"

namespace kiemdem::cli {
namespace {

// A first administrator when there is no user at all; its password is printed once.
Status EnsureAdmin(store::AccountStore& s, std::string* password) {
  ASSIGN_OR_RETURN(std::vector<store::User> users, s.ListUsers());
  if (!users.empty()) return Status::Ok();
  *password = api::NewPassword();
  store::User admin;
  admin.username = "admin";
  admin.display_name = "Quản trị hệ thống";
  ASSIGN_OR_RETURN(admin.password_hash, api::HashPassword(*password));
  admin.roles = {{Role::kAdmin, kNoUnit}};
  return s.CreateUser("kiemdem", admin).status();
}

api::Server* g_server = nullptr;
void StopOnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

Result<std::string> ReadPassword(const Flags& f) {
  std::string p = f.Get("--password", "");
  if (p.empty()) {
    std::cerr << "Mật khẩu / password: ";
    std::getline(std::cin, p);
  }
  return p;
}

}  // namespace

int RunServe(const GlobalOptions& g, const std::vector<std::string>& args) {
  Flags f = ParseFlags(args,
                       {"--db", "--port", "--host", "--web", "--threads", "--log-level", "--public-url",
                        "--trusted-proxy", "--smtp", "--smtp-from"},
                       {"--demo"});
  Result<LogLevel> level = ParseLogLevel(f.Get("--log-level", "info"));
  if (!f.error.empty() || !f.rest.empty() || !level.ok()) {
    std::cerr
        << "usage: kiemdem serve [--db PATH|postgresql://…] [--port N] [--host ADDR] [--demo] [--web DIR]\n"
           "                     [--log-level debug|info|warn|error] [--public-url https://…]\n"
           "                     [--trusted-proxy ADDR] [--smtp HOST[:PORT] [--smtp-from ADDRESS]]\n";
    return 2;
  }
  api::ServerOptions o;
  o.db = f.Get("--db", "kiemdem.db");
  o.host = f.Get("--host", "127.0.0.1");
  o.port = std::atoi(f.Get("--port", "8080").c_str());
  o.threads = std::max(0, std::atoi(f.Get("--threads", "0").c_str()));
  o.web_dir = f.Get("--web", g.data_dir + "/../web/dist");
  o.logger = std::make_shared<log::StderrLogger>(*level);
  o.public_url = f.Get("--public-url", "");
  o.trusted_proxy = f.Get("--trusted-proxy", "");
  // Reminders by e-mail through the agency's relay, besides the app's own list.
  if (std::string relay = f.Get("--smtp", ""); !relay.empty()) {
    Result<api::MailRelay> mail = api::MailRelay::Parse(relay);
    if (!mail.ok()) return Fail(g, mail.status());
    o.mail = *mail;
    o.mail.from = f.Get("--smtp-from", "kiemdem@" + o.mail.host);
    if (Status a = CheckEmailAddress(o.mail.from); !a.ok()) return Fail(g, a);
  }
  if (Status c = api::InitCrypto(); !c.ok()) return Fail(g, c);
  std::string password;
  {
    Result<std::unique_ptr<store::Store>> s = store::Store::Open({.url = o.db});
    if (!s.ok()) return Fail(g, s.status());
    if (Status m = (*s)->Migrate(); !m.ok()) return Fail(g, m);
    if (f.values.count("--demo")) {
      std::cout << "Đang nạp dữ liệu mẫu…" << std::endl;
      Result<DemoSummary> d = LoadDemo(g.data_dir, **s);
      if (!d.ok()) return Fail(g, d.status());
      if (d->documents > 0) {
        std::cout << "  " << d->documents << " bài viết, " << d->meetings << " buổi làm việc, "
                  << d->directives << " ý kiến chỉ đạo (" << d->directives_found_by_extractor
                  << " do bộ trích xuất tìm thấy), " << d->results << " số liệu ("
                  << d->results_from_documents << " đọc từ bài viết)" << std::endl;
      }
    }
    if (Status a = EnsureAdmin((*s)->accounts(), &password); !a.ok()) return Fail(g, a);
  }
  Result<std::unique_ptr<api::Server>> server = api::Server::Create(o);
  if (!server.ok()) return Fail(g, server.status());
  Result<int> port = (*server)->Bind();
  if (!port.ok()) return Fail(g, port.status());
  g_server = server->get();
  std::signal(SIGINT, StopOnSignal);
  std::signal(SIGTERM, StopOnSignal);
  if (!password.empty()) {
    std::cout << "Tài khoản quản trị đầu tiên / first administrator: admin  mật khẩu / password: " << password
              << "\n(chỉ in một lần; đổi bằng: kiemdem user passwd admin)" << std::endl;
  }
  std::cout << "kiemdem đang chạy tại http://" << o.host << ":" << *port
            << "/  (CSDL: " << store::RedactedUrl(o.db) << ")" << std::endl;
  Status run = (*server)->Run();
  g_server = nullptr;
  if (!run.ok()) return Fail(g, run);
  return 0;
}

namespace {

std::string DayAndTime(int64_t seconds) {
  auto t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d UTC", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900,
                tm.tm_hour, tm.tm_min);
  return buf;
}

// `kiemdem user tokens NAME [--revoke ID | --all]`: the user's API tokens
// that still work (id, label, made, expires), or their revocation.
int UserTokens(const GlobalOptions& g, const Flags& f, store::Store& s, const std::string& actor,
               const std::string& name) {
  bool vi = g.lang == "vi";
  Result<store::User> user = s.accounts().FindUser(name);
  if (!user.ok()) return Fail(g, user.status());
  Result<std::vector<store::SessionRecord>> all = s.accounts().ListSessions(user->id);
  if (!all.ok()) return Fail(g, all.status());
  std::vector<store::SessionRecord> live =
      api::LiveApiTokens(std::move(*all), static_cast<int64_t>(std::time(nullptr)));
  std::string one = f.Get("--revoke", "");
  bool every = f.values.count("--all") > 0;
  if (!one.empty() && every) {
    std::cerr << "kiemdem: "
              << (vi ? "dùng --revoke ID hoặc --all, không dùng cả hai"
                     : "use --revoke ID or --all, not both")
              << "\n";
    return 2;
  }
  if (!one.empty() || every) {
    size_t revoked = 0;
    for (const store::SessionRecord& r : live) {
      if (!every && api::TokenId(r.token_hash) != one) continue;
      if (Status st = s.accounts().RevokeSession(actor, r.token_hash); !st.ok()) return Fail(g, st);
      ++revoked;
    }
    if (!every && revoked == 0) {
      return Fail(g, NotFound(name + " has no working API token " + one + " (kiemdem user tokens " + name +
                                  " lists them)",
                              name + " không có mã truy cập API " + one +
                                  " đang dùng được (xem bằng kiemdem user tokens " + name + ")"));
    }
    std::cout << (vi ? "Đã thu hồi " + std::to_string(revoked) + " mã truy cập API của " + name
                     : "Revoked " + std::to_string(revoked) + " API token(s) of " + name)
              << "\n";
    return 0;
  }
  if (live.empty()) {
    std::cout << (vi ? name + " không có mã truy cập API nào đang dùng được"
                     : name + " has no working API token")
              << "\n";
    return 0;
  }
  TextTable table(vi ? std::vector<std::string>{"Mã", "Nhãn", "Tạo lúc", "Hết hạn"}
                     : std::vector<std::string>{"Id", "Label", "Created", "Expires"});
  for (const store::SessionRecord& r : live) {
    table.AddRow(
        {api::TokenId(r.token_hash), r.label, DayAndTime(r.created_at), DayAndTime(api::SessionExpiry(r))});
  }
  table.Print(std::cout);
  return 0;
}

}  // namespace

int RunUser(const GlobalOptions& g, const std::vector<std::string>& args) {
  Flags f = ParseFlags(args, {"--db", "--password", "--unit", "--display", "--email", "--on", "--revoke"},
                       {"--all"});
  const char* usage =
      "usage: kiemdem user add NAME [--display TEXT] [--email ADDRESS] [--password P] |\n"
      "       passwd NAME [--password P] | email NAME ADDRESS|\"\" |\n"
      "       role NAME viewer|reporter|approver|admin [--unit CODE] [--on DD/MM/YYYY] |\n"
      "       tokens NAME [--revoke ID | --all] | disable NAME | enable NAME | list   [--db PATH]";
  if (!f.error.empty() || f.rest.empty()) {
    std::cerr << usage << "\n";
    return 2;
  }
  if (Status c = api::InitCrypto(); !c.ok()) return Fail(g, c);
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open({.url = f.Get("--db", "kiemdem.db")});
  if (!opened.ok()) return Fail(g, opened.status());
  store::Store& s = **opened;
  if (Status m = s.Migrate(); !m.ok()) return Fail(g, m);
  const char* user = std::getenv("USER");
  std::string actor = std::string("cli:") + (user != nullptr ? user : "unknown");
  const std::string& verb = f.rest[0];
  bool vi = g.lang == "vi";
  if (verb == "list" && f.rest.size() == 1) {
    Result<std::vector<store::User>> users = s.ListUsers();
    if (!users.ok()) return Fail(g, users.status());
    for (const store::User& u : *users) {
      std::cout << u.username << "\t" << u.display_name;
      if (!u.email.empty()) std::cout << "\t<" << u.email << ">";
      if (u.disabled) std::cout << "\t" << (vi ? "(đã khóa)" : "(disabled)");
      for (const store::RoleGrant& r : u.roles) {
        Result<std::string> code =
            r.unit == kNoUnit ? Result<std::string>(std::string("*")) : s.UnitCode(r.unit);
        std::cout << "\t" << RoleKey(r.role) << "@" << (code.ok() ? *code : "?");
      }
      std::cout << "\n";
    }
    return 0;
  }
  if (f.rest.size() < 2) {
    std::cerr << usage << "\n";
    return 2;
  }
  const std::string& name = f.rest[1];
  if (verb == "add" && f.rest.size() == 2) {
    Result<std::string> password = ReadPassword(f);
    if (!password.ok()) return Fail(g, password.status());
    Result<std::string> hash = api::HashPassword(*password);
    if (!hash.ok()) return Fail(g, hash.status());
    store::User u;
    u.username = name;
    u.display_name = f.Get("--display", "");
    u.email = f.Get("--email", "");
    u.password_hash = *hash;
    if (Result<int64_t> id = s.CreateUser(actor, u); !id.ok()) return Fail(g, id.status());
    std::cout << (vi ? "Đã tạo người dùng " : "Created user ") << name << "\n";
    return 0;
  }
  if (verb == "passwd" && f.rest.size() == 2) {
    Result<std::string> password = ReadPassword(f);
    if (!password.ok()) return Fail(g, password.status());
    Result<std::string> hash = api::HashPassword(*password);
    if (!hash.ok()) return Fail(g, hash.status());
    if (Status p = s.SetPassword(actor, name, *hash); !p.ok()) return Fail(g, p);
    std::cout << (vi ? "Đã đổi mật khẩu của " : "Changed the password of ") << name << "\n";
    return 0;
  }
  if (verb == "email" && f.rest.size() == 3) {
    if (Status e = s.accounts().SetEmail(actor, name, f.rest[2]); !e.ok()) return Fail(g, e);
    std::cout << (vi ? "Đã đặt địa chỉ e-mail của " : "Set the e-mail address of ") << name << ": "
              << (f.rest[2].empty() ? (vi ? "(không có)" : "(none)") : f.rest[2]) << "\n";
    return 0;
  }
  if (verb == "tokens" && f.rest.size() == 2) return UserTokens(g, f, s, actor, name);
  if ((verb == "disable" || verb == "enable") && f.rest.size() == 2) {
    bool disable = verb == "disable";
    if (Status d = s.accounts().SetDisabled(actor, name, disable); !d.ok()) return Fail(g, d);
    if (disable) {
      std::cout << (vi ? "Đã khóa tài khoản " + name +
                             "; mọi phiên đăng nhập và mã truy cập API của tài khoản đã hết hiệu lực"
                       : "Disabled " + name + "; every session and API token of the account has ended")
                << "\n";
    } else {
      std::cout << (vi ? "Đã mở khóa tài khoản " + name + " (mã truy cập API cũ không dùng lại được)"
                       : "Enabled " + name + " (old API tokens stay revoked)")
                << "\n";
    }
    return 0;
  }
  if (verb == "role" && f.rest.size() == 3) {
    Result<Role> role = ParseRole(f.rest[2]);
    if (!role.ok()) return Fail(g, role.status());
    store::RoleGrant grant{*role, kNoUnit};
    if (std::string code = f.Get("--unit", ""); !code.empty()) {
      Result<Date> on = Date::Parse(f.Get("--on", "01/01/2026"));
      if (!on.ok()) return Fail(g, on.status());
      // By the registry, so that a code no unit holds that day says what
      // became of the unit that held it and how to reach it (--on).
      Result<analytics::UnitTree> tree = LoadStoredUnits(s, g);
      if (!tree.ok()) return Fail(g, tree.status());
      Result<UnitId> unit = tree->FindByCode(code, *on, api::CommandLineDateOption());
      if (!unit.ok()) return Fail(g, unit.status());
      grant.unit = *unit;
    }
    if (Status r = s.GrantRole(actor, name, grant); !r.ok()) return Fail(g, r);
    std::cout << (vi ? "Đã cấp vai trò " : "Granted ") << RoleKey(grant.role) << (vi ? " cho " : " to ")
              << name << "\n";
    return 0;
  }
  std::cerr << usage << "\n";
  return 2;
}

}  // namespace kiemdem::cli
