#include "api/auth.h"

#include <sodium.h>

#include <atomic>
#include <cstdint>

namespace kiemdem::api {

Status InitCrypto() {
  if (sodium_init() < 0) {
    return Internal("libsodium could not start (no entropy source?)", "không khởi tạo được libsodium");
  }
  return Status::Ok();
}

Result<std::string> HashPassword(const std::string& password) {
  if (password.size() < 8 || password.size() > kMaxPasswordBytes) {
    return InvalidArgument("a password has 8 to 1024 characters", "mật khẩu dài từ 8 đến 1024 ký tự")
        .WithField("password");
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Internal("out of memory hashing a password", "hết bộ nhớ khi băm mật khẩu");
  }
  return std::string(out);
}

namespace {
std::atomic<uint64_t> verifications{0};
}  // namespace

bool VerifyPassword(const std::string& encoded_hash, const std::string& password) {
  if (password.size() > kMaxPasswordBytes) return false;
  if (encoded_hash.empty() || encoded_hash.size() >= crypto_pwhash_STRBYTES) return false;
  verifications.fetch_add(1, std::memory_order_relaxed);
  return crypto_pwhash_str_verify(encoded_hash.c_str(), password.data(), password.size()) == 0;
}

uint64_t PasswordVerifications() { return verifications.load(std::memory_order_relaxed); }

std::string NewToken() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

std::string NewPassword() {
  static const char kAlphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  std::string out;
  for (int i = 0; i < 16; ++i) out += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
  return out;
}

std::string TokenHash(const std::string& token) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

std::string TokenId(const std::string& token_hash) { return token_hash.substr(0, 12); }

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

int LoginLimiter::RetryAfter(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return 0;
  auto elapsed = std::chrono::steady_clock::now() - it->second.first;
  if (elapsed >= window_) {
    entries_.erase(it);
    return 0;
  }
  if (it->second.failures < limit_) return 0;
  return static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(window_ - elapsed).count()) + 1;
}

void LoginLimiter::Failed(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  Entry& e = entries_[key];
  if (e.failures == 0) e.first = std::chrono::steady_clock::now();
  ++e.failures;
  if (entries_.size() <= max_keys_) return;
  auto now = std::chrono::steady_clock::now();
  std::erase_if(entries_, [&](const auto& kv) { return now - kv.second.first >= window_; });
  if (entries_.size() <= max_keys_) return;
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.failures < limit_; });
}

size_t LoginLimiter::keys() {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

void LoginLimiter::Succeeded(const std::string& key) {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.erase(key);
}

}  // namespace kiemdem::api
