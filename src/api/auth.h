// Passwords, tokens and login throttling. Passwords are hashed with Argon2id
// (libsodium's crypto_pwhash_str); session and API tokens are random and only
// their BLAKE2b hash is stored.
#ifndef KIEMDEM_API_AUTH_H_
#define KIEMDEM_API_AUTH_H_

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "core/status.h"

namespace kiemdem::api {

// Fails when libsodium cannot start (no entropy source).
Status InitCrypto();

constexpr size_t kMaxPasswordBytes = 1024;

// An Argon2id encoded hash ("$argon2id$v=19$m=…"). Refuses passwords shorter
// than 8 bytes or longer than 1 KiB.
Result<std::string> HashPassword(const std::string& password);
// False for a password over kMaxPasswordBytes, without hashing it.
bool VerifyPassword(const std::string& encoded_hash, const std::string& password);
// How many Argon2 verifications this process has run. Sign-in runs exactly
// one whether the account exists, is disabled or not, so that its time tells
// nothing (tests count them).
uint64_t PasswordVerifications();

// 32 random bytes as 64 hex digits.
std::string NewToken();
// A readable random password for first admins: 16 characters, no look-alikes.
std::string NewPassword();
// The hex BLAKE2b-256 hash under which a token is stored.
std::string TokenHash(const std::string& token);
// An API token's public id: the first 12 hex digits of its hash, as the
// audit log, `GET /auth/tokens` and `kiemdem user tokens` show it.
std::string TokenId(const std::string& token_hash);
// Constant-time comparison of two secrets.
bool SameSecret(const std::string& a, const std::string& b);

// Failed logins per key (user name and client address, or an address): after
// `limit` failures within `window`, further attempts are refused until the
// window passes. At most `max_keys` keys are kept: past that, expired keys go,
// then keys still below the limit; keys that are held back stay, so a flood of
// new keys cannot lift a lockout.
class LoginLimiter {
 public:
  LoginLimiter(int limit, std::chrono::seconds window, size_t max_keys = 100000)
      : limit_(limit), window_(window), max_keys_(max_keys) {}
  // Seconds to wait, or 0 when an attempt may go ahead.
  int RetryAfter(const std::string& key);
  void Failed(const std::string& key);
  void Succeeded(const std::string& key);
  size_t keys();

 private:
  struct Entry {
    int failures = 0;
    std::chrono::steady_clock::time_point first;
  };
  int limit_;
  std::chrono::seconds window_;
  size_t max_keys_;
  std::mutex mu_;
  std::map<std::string, Entry> entries_;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_AUTH_H_
