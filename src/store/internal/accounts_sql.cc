// Users, their roles over unit subtrees, and sessions / API tokens.
#include "core/email_address.h"
#include "store/internal/areas.h"
#include "store/internal/json_text.h"

namespace kiemdem::store::internal {
namespace {

// Users with their roles; a stored role that does not decode is kDataLoss
// naming its user_roles row.
Result<std::vector<User>> LoadUsers(soci::session& sql, const std::string& where, const std::string& arg) {
  std::vector<User> out;
  {
    long long id = 0;
    std::string username, display, hash, email;
    int disabled = 0;
    soci::statement st =
        (sql.prepare << "SELECT id, username, display_name, password_hash, disabled, email FROM users " +
                            where + " ORDER BY username",
         soci::use(arg), soci::into(id), soci::into(username), soci::into(display), soci::into(hash),
         soci::into(disabled), soci::into(email));
    st.execute();
    while (st.fetch()) out.push_back({id, username, display, hash, disabled != 0, email, {}});
  }
  for (User& u : out) {
    long long uid = u.id, unit = 0, row = 0;
    std::string role;
    soci::indicator unit_ind = soci::i_null;
    soci::statement st =
        (sql.prepare << "SELECT id, role, unit_id FROM user_roles WHERE user_id = :u ORDER BY id",
         soci::use(uid), soci::into(row), soci::into(role), soci::into(unit, unit_ind));
    st.execute();
    while (st.fetch()) {
      ASSIGN_OR_RETURN(Role r, DecodeKey(ParseRole(role), "user_roles", std::to_string(row), "role", role));
      u.roles.push_back({r, unit_ind == soci::i_ok ? unit : kNoUnit});
    }
  }
  return out;
}

Status NoSuchUser(const std::string& username) {
  return NotFound("there is no user " + username, "không có người dùng " + username).WithField("username");
}

// The roles' units are stored: checked before the first write.
Status CheckGrants(soci::session& sql, const std::vector<RoleGrant>& grants) {
  for (const RoleGrant& g : grants) {
    if (g.unit == kNoUnit) continue;
    long long unit = g.unit;
    int found = 0;
    sql << "SELECT COUNT(*) FROM units WHERE id = :u", soci::use(unit), soci::into(found);
    if (found == 0) {
      return NotFound("unit " + std::to_string(g.unit) + " does not exist",
                      "không có đơn vị số " + std::to_string(g.unit))
          .WithField("roles");
    }
  }
  return Status::Ok();
}

void InsertGrant(soci::session& sql, const std::string& actor, const std::string& username, long long uid,
                 const RoleGrant& grant) {
  long long unit = grant.unit;
  soci::indicator unit_ind = grant.unit != kNoUnit ? soci::i_ok : soci::i_null;
  std::string role = RoleKey(grant.role);
  sql << "INSERT INTO user_roles(user_id, role, unit_id) VALUES(:u, :r, :n)", soci::use(uid), soci::use(role),
      soci::use(unit, unit_ind);
  WriteAudit(sql, actor, "grant", "user", username, "",
             JsonObject().Add("role", role).Add("unit", static_cast<double>(grant.unit)).str());
}

void DeleteGrants(soci::session& sql, const std::string& actor, const User& user) {
  long long uid = user.id;
  sql << "DELETE FROM user_roles WHERE user_id = :u", soci::use(uid);
  std::string old;
  for (const RoleGrant& g : user.roles)
    old += (old.empty() ? "" : ",") + std::string(RoleKey(g.role)) + "@" + std::to_string(g.unit);
  WriteAudit(sql, actor, "revoke", "user", user.username, JsonObject().Add("roles", old).str(), "");
}

Result<int64_t> CreateUser(Db db, const std::string& actor, const User& user) {
  if (user.username.empty() || user.username.size() > 64 ||
      user.username.find_first_of(" \t\r\n/\\'\";") != std::string::npos) {
    return InvalidArgument("a user name is 1-64 characters without spaces, quotes or slashes",
                           "tên đăng nhập dài 1-64 ký tự, không có dấu cách, dấu nháy hay gạch chéo")
        .WithField("username");
  }
  RETURN_IF_ERROR(CheckEmailAddress(user.email));
  return Guard("create user", [&]() -> Result<int64_t> {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> same, LoadUsers(sql, "WHERE username = :u", user.username));
    if (!same.empty()) {
      return AlreadyExists("user " + user.username + " already exists",
                           "người dùng " + user.username + " đã có")
          .WithField("username");
    }
    RETURN_IF_ERROR(CheckGrants(sql, user.roles));
    long long id = 0;
    std::string now = NowIso();
    int disabled = user.disabled ? 1 : 0;
    sql << "INSERT INTO users(username, display_name, password_hash, created_at, disabled, email) "
           "VALUES(:u, :d, :h, :at, :x, :e) RETURNING id",
        soci::use(user.username), soci::use(user.display_name), soci::use(user.password_hash), soci::use(now),
        soci::use(disabled), soci::use(user.email), soci::into(id);
    WriteAudit(sql, actor, "create", "user", user.username, "",
               JsonObject().Add("display_name", user.display_name).Add("email", user.email).str());
    for (const RoleGrant& g : user.roles) InsertGrant(sql, actor, user.username, id, g);
    tr.Commit();
    return static_cast<int64_t>(id);
  });
}

Status SetPassword(Db db, const std::string& actor, const std::string& username, const std::string& hash) {
  return Guard("set password", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    sql << "UPDATE users SET password_hash = :h WHERE username = :u", soci::use(hash), soci::use(username);
    // Every session and API token of the user ends with the old password.
    long long uid = u[0].id;
    sql << "UPDATE sessions SET revoked = 1 WHERE user_id = :u", soci::use(uid);
    WriteAudit(sql, actor, "passwd", "user", username, "", JsonObject().Add("password", "changed").str());
    tr.Commit();
    return Status::Ok();
  });
}

Status SetEmail(Db db, const std::string& actor, const std::string& username, const std::string& email) {
  RETURN_IF_ERROR(CheckEmailAddress(email));
  return Guard("set e-mail", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    if (u[0].email == email) {
      tr.Commit();
      return Status::Ok();  // already so: nothing to change or audit
    }
    sql << "UPDATE users SET email = :e WHERE username = :u", soci::use(email), soci::use(username);
    WriteAudit(sql, actor, "email", "user", username, JsonObject().Add("email", u[0].email).str(),
               JsonObject().Add("email", email).str());
    tr.Commit();
    return Status::Ok();
  });
}

Status SetDisabled(Db db, const std::string& actor, const std::string& username, bool disabled) {
  return Guard(disabled ? "disable user" : "enable user", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    if (u[0].disabled == disabled) {
      tr.Commit();
      return Status::Ok();  // already so: nothing to change or audit
    }
    int flag = disabled ? 1 : 0;
    sql << "UPDATE users SET disabled = :d WHERE username = :u", soci::use(flag), soci::use(username);
    // A disabled account keeps no way in: its sessions and tokens end now
    // (enabling it again does not bring them back).
    long long uid = u[0].id;
    if (disabled) sql << "UPDATE sessions SET revoked = 1 WHERE user_id = :u", soci::use(uid);
    WriteAudit(sql, actor, disabled ? "disable" : "enable", "user", username,
               JsonObject().Add("disabled", u[0].disabled).str(),
               JsonObject().Add("disabled", disabled).str());
    tr.Commit();
    return Status::Ok();
  });
}

Status GrantRole(Db db, const std::string& actor, const std::string& username, const RoleGrant& grant) {
  return Guard("grant role", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    RETURN_IF_ERROR(CheckGrants(sql, {grant}));
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    InsertGrant(sql, actor, username, u[0].id, grant);
    tr.Commit();
    return Status::Ok();
  });
}

Status RevokeRoles(Db db, const std::string& actor, const std::string& username) {
  return Guard("revoke roles", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    DeleteGrants(sql, actor, u[0]);
    tr.Commit();
    return Status::Ok();
  });
}

Status ReplaceRoles(Db db, const std::string& actor, const std::string& username,
                    const std::vector<RoleGrant>& roles) {
  return Guard("replace roles", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    RETURN_IF_ERROR(CheckGrants(sql, roles));
    DeleteGrants(sql, actor, u[0]);
    for (const RoleGrant& g : roles) InsertGrant(sql, actor, username, u[0].id, g);
    tr.Commit();
    return Status::Ok();
  });
}

Result<User> FindUser(Db db, const std::string& username) {
  return Guard("find user", [&]() -> Result<User> {
    ASSIGN_OR_RETURN(std::vector<User> u, LoadUsers(db.sql, "WHERE username = :u", username));
    if (u.empty()) return NoSuchUser(username);
    return u[0];
  });
}

Result<User> GetUser(Db db, int64_t id) {
  return Guard("get user", [&]() -> Result<User> {
    ASSIGN_OR_RETURN(std::vector<User> u,
                     LoadUsers(db.sql, "WHERE CAST(id AS TEXT) = :u", std::to_string(id)));
    if (u.empty()) return NotFound("there is no user " + std::to_string(id), "không có người dùng này");
    return u[0];
  });
}

Result<std::vector<User>> ListUsers(Db db) {
  return Guard("list users",
               [&]() -> Result<std::vector<User>> { return LoadUsers(db.sql, "WHERE :u = ''", ""); });
}

// A stored kind, or kDataLoss naming the session by the start of its hash
// (as the audit log does).
Result<SessionKind> DecodeKind(const std::string& kind, const std::string& token_hash) {
  return DecodeKey(ParseSessionKind(kind), "sessions", token_hash.substr(0, 12), "kind", kind);
}

// Inserts `s` and its audit row, in the caller's transaction.
void InsertSession(soci::session& sql, const std::string& actor, const SessionRecord& s) {
  long long uid = s.user_id, created = s.created_at, expires = s.expires_at;
  std::string kind = SessionKindKey(s.kind);
  sql << "INSERT INTO sessions(token_hash, user_id, kind, csrf, label, created_at, expires_at) "
         "VALUES(:h, :u, :k, :c, :l, :at, :ex)",
      soci::use(s.token_hash), soci::use(uid), soci::use(kind), soci::use(s.csrf), soci::use(s.label),
      soci::use(created), soci::use(expires);
  WriteAudit(sql, actor, s.kind == SessionKind::kApi ? "create_token" : "login", "session",
             s.token_hash.substr(0, 12), "",
             JsonObject().Add("user", static_cast<double>(s.user_id)).Add("label", s.label).str());
}

Status CreateSession(Db db, const std::string& actor, const SessionRecord& s) {
  return Guard("create session", [&]() -> Status {
    WriteTx tr(db);
    InsertSession(db.sql, actor, s);
    tr.Commit();
    return Status::Ok();
  });
}

Status CreateToken(Db db, const std::string& actor, const SessionRecord& token, const TokenQuota& quota) {
  return Guard("create token", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(db);
    // The user's row is locked (PostgreSQL; SQLite's BEGIN IMMEDIATE locks
    // everything), so a concurrent CreateToken counts after this one.
    long long uid = token.user_id, found = 0;
    sql << "SELECT id FROM users WHERE id = :u" + db.ForUpdate(), soci::use(uid), soci::into(found);
    if (!sql.got_data()) {
      return NotFound("there is no user " + std::to_string(token.user_id), "không có người dùng này");
    }
    long long now = token.created_at, lifetime = quota.undated_lifetime, live = 0;
    sql << "SELECT COUNT(*) FROM sessions WHERE user_id = :u AND kind = 'api' AND revoked = 0 "
           "AND (CASE WHEN expires_at = 0 THEN created_at + :l ELSE expires_at END) > :now",
        soci::use(uid), soci::use(lifetime), soci::use(now), soci::into(live);
    if (live >= static_cast<long long>(quota.max_live)) {
      std::string n = std::to_string(quota.max_live);
      return FailedPrecondition(
          "you have " + n + " API tokens already; revoke one first (DELETE /api/v1/auth/tokens/ID)",
          "bạn đã có " + n + " mã truy cập API; hãy thu hồi một mã trước");
    }
    SessionRecord api = token;
    api.kind = SessionKind::kApi;
    InsertSession(sql, actor, api);
    tr.Commit();
    return Status::Ok();
  });
}

Result<SessionRecord> FindSession(Db db, const std::string& token_hash) {
  return Guard("find session", [&]() -> Result<SessionRecord> {
    SessionRecord s;
    long long uid = 0, created = 0, expires = 0;
    int revoked = 0;
    std::string kind;
    db.sql << "SELECT token_hash, user_id, kind, csrf, label, created_at, expires_at, revoked FROM sessions "
              "WHERE token_hash = :h",
        soci::use(token_hash), soci::into(s.token_hash), soci::into(uid), soci::into(kind),
        soci::into(s.csrf), soci::into(s.label), soci::into(created), soci::into(expires),
        soci::into(revoked);
    if (!db.sql.got_data()) return NotFound("no such session", "phiên đăng nhập không tồn tại");
    ASSIGN_OR_RETURN(s.kind, DecodeKind(kind, token_hash));
    s.user_id = uid;
    s.created_at = created;
    s.expires_at = expires;
    s.revoked = revoked != 0;
    return s;
  });
}

Result<std::vector<SessionRecord>> ListSessions(Db db, int64_t user_id) {
  return Guard("list sessions", [&]() -> Result<std::vector<SessionRecord>> {
    std::vector<SessionRecord> out;
    long long uid = user_id, created = 0, expires = 0;
    std::string hash, kind, label;
    soci::statement st =
        (db.sql.prepare << "SELECT token_hash, kind, label, created_at, expires_at FROM sessions "
                           "WHERE user_id = :u AND revoked = 0 ORDER BY created_at DESC, token_hash",
         soci::use(uid), soci::into(hash), soci::into(kind), soci::into(label), soci::into(created),
         soci::into(expires));
    st.execute();
    while (st.fetch()) {
      SessionRecord r;
      r.token_hash = hash;
      r.user_id = user_id;
      ASSIGN_OR_RETURN(r.kind, DecodeKind(kind, hash));
      r.label = label;
      r.created_at = created;
      r.expires_at = expires;
      out.push_back(std::move(r));
    }
    return out;
  });
}

Status RevokeSession(Db db, const std::string& actor, const std::string& token_hash) {
  return Guard("revoke session", [&]() -> Status {
    soci::session& sql = db.sql;
    WriteTx tr(sql, db.dialect);
    sql << "UPDATE sessions SET revoked = 1 WHERE token_hash = :h", soci::use(token_hash);
    WriteAudit(sql, actor, "logout", "session", token_hash.substr(0, 12), "", "");
    tr.Commit();
    return Status::Ok();
  });
}

class SqlAccountStore final : public AccountStore {
 public:
  explicit SqlAccountStore(Db db) : db_(db) {}

  Result<int64_t> CreateUser(const std::string& actor, const User& user) override {
    return internal::CreateUser(db_, actor, user);
  }
  Status SetPassword(const std::string& actor, const std::string& username,
                     const std::string& hash) override {
    return internal::SetPassword(db_, actor, username, hash);
  }
  Status SetEmail(const std::string& actor, const std::string& username, const std::string& email) override {
    return internal::SetEmail(db_, actor, username, email);
  }
  Status SetDisabled(const std::string& actor, const std::string& username, bool disabled) override {
    return internal::SetDisabled(db_, actor, username, disabled);
  }
  Status GrantRole(const std::string& actor, const std::string& username, const RoleGrant& grant) override {
    return internal::GrantRole(db_, actor, username, grant);
  }
  Status RevokeRoles(const std::string& actor, const std::string& username) override {
    return internal::RevokeRoles(db_, actor, username);
  }
  Status ReplaceRoles(const std::string& actor, const std::string& username,
                      const std::vector<RoleGrant>& roles) override {
    return internal::ReplaceRoles(db_, actor, username, roles);
  }
  Result<User> FindUser(const std::string& username) override { return internal::FindUser(db_, username); }
  Result<User> GetUser(int64_t id) override { return internal::GetUser(db_, id); }
  Result<std::vector<User>> ListUsers() override { return internal::ListUsers(db_); }
  Status CreateSession(const std::string& actor, const SessionRecord& session) override {
    return internal::CreateSession(db_, actor, session);
  }
  Status CreateToken(const std::string& actor, const SessionRecord& token, const TokenQuota& quota) override {
    return internal::CreateToken(db_, actor, token, quota);
  }
  Result<SessionRecord> FindSession(const std::string& token_hash) override {
    return internal::FindSession(db_, token_hash);
  }
  Result<std::vector<SessionRecord>> ListSessions(int64_t user_id) override {
    return internal::ListSessions(db_, user_id);
  }
  Status RevokeSession(const std::string& actor, const std::string& token_hash) override {
    return internal::RevokeSession(db_, actor, token_hash);
  }

 private:
  Db db_;
};

}  // namespace

std::unique_ptr<AccountStore> NewAccountStore(Db db) { return std::make_unique<SqlAccountStore>(db); }

}  // namespace kiemdem::store::internal

namespace kiemdem::store {

const char* SessionKindKey(SessionKind k) { return k == SessionKind::kApi ? "api" : "session"; }

Result<SessionKind> ParseSessionKind(std::string_view key) {
  if (key == "session") return SessionKind::kSession;
  if (key == "api") return SessionKind::kApi;
  return InvalidArgument("'" + std::string(key) + "' is not a kind of session (session, api)",
                         "'" + std::string(key) + "' không phải loại phiên (session, api)")
      .WithField("kind");
}

}  // namespace kiemdem::store
