// The server's shared state: a pool of store connections, the unit tree, the
// data version that keeps cached responses current, sessions and the login
// limiter. One App serves every request thread.
#ifndef KIEMDEM_API_APP_H_
#define KIEMDEM_API_APP_H_

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "analytics/figure_index.h"
#include "analytics/unit_tree.h"
#include "api/auth.h"
#include "api/facts_cache.h"
#include "api/mailer.h"
#include "api/repeated_warning.h"
#include "core/access.h"
#include "core/log.h"
#include "store/store.h"

namespace kiemdem::api {

// Store connections for request threads: a Store is one connection, used by
// one thread at a time. A connection that lost its server is dropped when it
// comes back, one idle for a while is probed before it is lent, and while the
// database cannot be opened new attempts back off (0,1 s doubling to 5 s), so
// an outage answers kUnavailable at once and ends by itself when the server
// is back.
class StorePool {
 public:
  explicit StorePool(std::string url) : url_(std::move(url)) {}
  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<store::Store> s) : pool_(pool), store_(std::move(s)) {}
    ~Lease() {
      if (store_) pool_->Return(std::move(store_));
    }
    Lease(Lease&&) = default;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    store::Store& operator*() const { return *store_; }
    store::Store* operator->() const { return store_.get(); }

   private:
    StorePool* pool_;
    std::unique_ptr<store::Store> store_;
  };
  Result<Lease> Acquire();

 private:
  using Clock = std::chrono::steady_clock;
  struct Idle {
    std::unique_ptr<store::Store> store;
    Clock::time_point since;
  };
  void Return(std::unique_ptr<store::Store> s);
  std::optional<std::unique_ptr<store::Store>> TakeIdle();
  Result<std::unique_ptr<store::Store>> Open();

  std::string url_;
  std::mutex mu_;
  std::vector<Idle> free_;
  Clock::time_point next_open_{};          // no attempt to open before this
  Clock::duration open_backoff_{};         // zero after a success
  Status last_open_error_ = Status::Ok();  // what the last failed attempt said
};

// API tokens live 90 days; tokens made before they expired count from when
// they were made. Browser sessions end at their own expiry.
constexpr int64_t kTokenSeconds = int64_t{90} * 24 * 3600;
int64_t SessionExpiry(const store::SessionRecord& s);
// The API tokens among `sessions` (AccountStore::ListSessions) that still
// work at `now` (seconds since the epoch): not revoked, not expired by
// SessionExpiry. Browser sessions are left out; the order is kept.
std::vector<store::SessionRecord> LiveApiTokens(std::vector<store::SessionRecord> sessions, int64_t now);

// The signed-in user of a request.
struct Principal {
  store::User user;
  std::vector<Grant> grants;
  std::string session_hash;  // empty for anonymous
  // A browser session (its writes carry a CSRF token) or an API token.
  store::SessionKind kind = store::SessionKind::kSession;
  std::string csrf;
};

class App {
 public:
  // `logger` receives what background work cannot return to anyone.
  // `mailer` (may be null) sends reminders by e-mail, with links to
  // `public_url` when it is set.
  App(std::string db_url, std::string web_dir, std::shared_ptr<Logger> logger,
      std::unique_ptr<Mailer> mailer = nullptr, std::string public_url = "");
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Opens a first connection, migrates, loads the unit tree and starts the
  // watcher that follows the data version.
  Status Start();

  StorePool& pool() { return pool_; }
  Logger& logger() { return *logger_; }
  const std::string& web_dir() const { return web_dir_; }
  const Mailer* mailer() const { return mailer_.get(); }  // null: no SMTP relay configured
  const std::string& public_url() const { return public_url_; }
  std::shared_ptr<const analytics::UnitTree> tree() const;
  Status ReloadTree();
  bool Within(UnitId unit, UnitId root) const;
  // `unit` belongs to the history of `root`'s territory (UnitTree::CoversHistory).
  bool CoversHistory(UnitId unit, UnitId root) const;

  // Every stored figure, plan and indicator, as of data_version(): what the
  // analytics routes read.
  analytics::FigureIndex& figures() { return figures_; }

  // The highest audit id seen: changes with every write by any server.
  int64_t data_version() const { return version_.load(); }
  // Called after a write and by the watcher: re-reads the version, brings the
  // figures up to it and reloads the unit tree when units changed, so
  // neither cached answers nor the figures are served stale. A failure is
  // logged (once while it lasts) and the next call tries again.
  void Touch();

  // A GET answer cached against the data version.
  bool CachedBody(const std::string& key, std::string* body);
  void CacheBody(const std::string& key, int64_t version, const std::string& body);

  // Sessions by token hash, cached for a few seconds (logout clears).
  Result<Principal> Authenticate(const std::string& token_hash);
  // The same from the cache only (no database): nullopt when not cached or stale.
  std::optional<Principal> CachedPrincipal(const std::string& token_hash);
  void ForgetSession(const std::string& token_hash);

  // Failed sign-ins per (user name, client address): 5 in 5 minutes. Only
  // that pair is held back, so nobody elsewhere can lock an account out.
  LoginLimiter& login_limiter() { return limiter_; }
  // Facts read from stored documents, up to 64 MiB of their text.
  FactsCache& facts() { return facts_; }
  // Failed sign-ins per client address, whatever the user name (spraying):
  // 20 in 5 minutes; checked before any password is hashed.
  LoginLimiter& address_limiter() { return address_limiter_; }

  // A held unit of a bounded resource, released when it goes.
  class Slot {
   public:
    explicit Slot(std::counting_semaphore<>* s) : s_(s) {}
    Slot(Slot&& o) noexcept : s_(std::exchange(o.s_, nullptr)) {}
    Slot(const Slot&) = delete;
    Slot& operator=(const Slot&) = delete;
    Slot& operator=(Slot&&) = delete;
    ~Slot() {
      if (s_ != nullptr) s_->release();
    }

   private:
    std::counting_semaphore<>* s_;
  };
  using ImportSlot = Slot;
  // One of the few imports that may read a file at once; waits up to 30 s
  // for one, then kResourceExhausted (the route answers 429: retry).
  Result<ImportSlot> AcquireImportSlot();
  // One of as many password hashes (64 MiB of Argon2 memory each) at once as
  // the machine has cores; waits up to 10 s, then kResourceExhausted (429).
  Result<Slot> AcquirePasswordSlot();

 private:
  void Watch();
  // Loads the unit tree from `s` and records the units version it reflects;
  // logs each row the tree could not take (UnitTree::problems).
  Status LoadTree(store::Store& s, int64_t units_version);

  StorePool pool_;
  std::string web_dir_;
  std::shared_ptr<Logger> logger_;
  std::unique_ptr<Mailer> mailer_;
  std::string public_url_;
  mutable std::mutex tree_mu_;
  std::shared_ptr<const analytics::UnitTree> tree_;
  analytics::FigureIndex figures_;
  std::atomic<int64_t> version_{0};
  std::atomic<int64_t> units_version_{0};  // the tree was loaded at this units version
  RepeatedWarning touch_warning_;          // what Touch last logged
  RepeatedWarning session_warning_;        // what RefreshSessions last logged
  std::mutex cache_mu_;
  struct Cached {
    int64_t version;
    std::string body;
  };
  std::unordered_map<std::string, Cached> cache_;
  std::mutex session_mu_;
  struct SessionEntry {
    Principal principal;
    std::chrono::steady_clock::time_point loaded;
    bool used;  // asked for since it was loaded
  };
  Result<Principal> LoadPrincipal(const std::string& token_hash);
  void RefreshSessions();
  std::unordered_map<std::string, SessionEntry> sessions_;
  LoginLimiter limiter_{5, std::chrono::seconds(300)};
  LoginLimiter address_limiter_{20, std::chrono::seconds(300)};
  FactsCache facts_{64u << 20};
  static constexpr int kConcurrentImports = 2;
  std::counting_semaphore<> imports_{kConcurrentImports};
  std::counting_semaphore<> passwords_;
  std::mutex watch_mu_;
  std::condition_variable watch_cv_;
  bool stopping_ = false;
  std::thread watcher_;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_APP_H_
