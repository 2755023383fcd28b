// Accounts: users, their roles over unit subtrees, browser sessions and API
// tokens (only the hash of a secret is stored).
#ifndef KIEMDEM_STORE_ACCOUNT_STORE_H_
#define KIEMDEM_STORE_ACCOUNT_STORE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/access.h"
#include "core/admin_unit.h"
#include "core/status.h"

namespace kiemdem::store {

// Roles, from least to most: viewer < reporter < approver < admin.
struct RoleGrant {
  Role role = Role::kViewer;  // stored as RoleKey: "viewer", "reporter", "approver", "admin"
  UnitId unit = kNoUnit;      // the root of the subtree it covers; kNoUnit: every unit
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string password_hash;  // Argon2id encoded hash
  bool disabled = false;
  std::string email;  // where reminders go; empty: none
  std::vector<RoleGrant> roles;
};

// What a SessionRecord is: a browser session (cookie, CSRF token) or an API token.
enum class SessionKind { kSession, kApi };
const char* SessionKindKey(SessionKind k);  // "session", "api": as stored
Result<SessionKind> ParseSessionKind(std::string_view key);

// A browser session or an API token; only the hash of its secret is stored.
struct SessionRecord {
  std::string token_hash;
  int64_t user_id = 0;
  SessionKind kind = SessionKind::kSession;
  std::string csrf;        // the CSRF token of a browser session
  std::string label;       // an API token's name
  int64_t created_at = 0;  // seconds since the epoch
  int64_t expires_at = 0;  // 0: never (API tokens until revoked)
  bool revoked = false;
};

// The limit CreateToken keeps: a user holds at most `max_live` API tokens
// live when a new one is made (not revoked, not expired; one stored without
// an expiry, made before tokens expired, lives `undated_lifetime` seconds
// from when it was made).
struct TokenQuota {
  size_t max_live = 0;
  int64_t undated_lifetime = 0;
};

// Every method may also fail with kUnavailable (the database is busy: retry)
// or kInternal (the database failed), and a read with kDataLoss naming the
// table and row when a stored value cannot be decoded.
class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Creates a user with `user.roles`, in one transaction; returns its id.
  // Checked before the first write: InvalidArgument (field "username") for a
  // name that is empty, longer than 64 bytes or holds spaces, quotes or
  // slashes; InvalidArgument (field "email") for an address that
  // CheckEmailAddress refuses; AlreadyExists (field "username") when taken; NotFound (field "roles")
  // for a unit that is not stored. On any error nothing is written.
  virtual Result<int64_t> CreateUser(const std::string& actor, const User& user) = 0;

  // Replaces the password hash and ends the user's browser sessions and API
  // tokens (a stolen token dies with the old password).
  // NotFound (field "username") for an unknown user.
  virtual Status SetPassword(const std::string& actor, const std::string& username,
                             const std::string& hash) = 0;

  // Sets the user's e-mail address ("" removes it); audited as "email" with
  // the old and new address, nothing when it is so already.
  // InvalidArgument (field "email") for an address CheckEmailAddress refuses;
  // NotFound (field "username") for an unknown user.
  virtual Status SetEmail(const std::string& actor, const std::string& username,
                          const std::string& email) = 0;

  // Disables (no sign-in; every session and API token of the user ends) or
  // enables the user again; audited as "disable" / "enable", nothing when it
  // is so already. NotFound (field "username") for an unknown user.
  virtual Status SetDisabled(const std::string& actor, const std::string& username, bool disabled) = 0;

  // Adds one role. NotFound (field "roles") for a unit that is not stored;
  // NotFound (field "username") for an unknown user.
  virtual Status GrantRole(const std::string& actor, const std::string& username, const RoleGrant& grant) = 0;

  // Removes every role of the user. NotFound (field "username") for an
  // unknown user.
  virtual Status RevokeRoles(const std::string& actor, const std::string& username) = 0;

  // Replaces every role of the user with `roles`, in one transaction (the
  // old ones audited as revoked, each new one as granted). Checked before
  // the first write: NotFound (field "username") for an unknown user;
  // NotFound (field "roles") for a unit that is not stored. On any error the user keeps
  // the roles they had.
  virtual Status ReplaceRoles(const std::string& actor, const std::string& username,
                              const std::vector<RoleGrant>& roles) = 0;

  // With roles. NotFound (field "username") for an unknown user.
  virtual Result<User> FindUser(const std::string& username) = 0;

  // With roles. NotFound for an unknown id.
  virtual Result<User> GetUser(int64_t id) = 0;

  // Every user with roles, by user name.
  virtual Result<std::vector<User>> ListUsers() = 0;

  // Stores a new session or token (audited as "login" or "create_token").
  virtual Status CreateSession(const std::string& actor, const SessionRecord& session) = 0;

  // Stores a new API token (kind "api", audited as "create_token") unless its
  // user already holds quota.max_live live ones as of token.created_at:
  // then FailedPrecondition ("you have 20 API tokens already; revoke one
  // first…") and nothing is written. The count and the insert are one
  // transaction with the user's row locked, so concurrent calls cannot both
  // pass the limit. NotFound for an unknown user id.
  virtual Status CreateToken(const std::string& actor, const SessionRecord& token,
                             const TokenQuota& quota) = 0;

  // NotFound when no session has that hash (revoked and expired ones are
  // returned: the caller checks them).
  virtual Result<SessionRecord> FindSession(const std::string& token_hash) = 0;

  // The user's sessions and tokens not revoked (expired ones too: the caller
  // checks), newest first.
  virtual Result<std::vector<SessionRecord>> ListSessions(int64_t user_id) = 0;

  // Marks the session revoked (audited as "logout"); an unknown hash is no error.
  virtual Status RevokeSession(const std::string& actor, const std::string& token_hash) = 0;
};

}  // namespace kiemdem::store

#endif  // KIEMDEM_STORE_ACCOUNT_STORE_H_
