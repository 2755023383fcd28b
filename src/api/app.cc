#include "api/app.h"

#include <algorithm>
#include <ctime>
#include <limits>

namespace kiemdem::api {

// A connection idle this long is probed before it is lent: the server may
// have restarted meanwhile.
constexpr auto kProbeAfterIdle = std::chrono::seconds(1);
constexpr auto kFirstBackoff = std::chrono::milliseconds(100);
constexpr auto kMaxBackoff = std::chrono::seconds(5);

std::optional<std::unique_ptr<store::Store>> StorePool::TakeIdle() {
  while (true) {
    Idle idle;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (free_.empty()) return std::nullopt;
      idle = std::move(free_.back());
      free_.pop_back();
    }
    if (Clock::now() - idle.since < kProbeAfterIdle || idle.store->Connected(/*probe=*/true)) {
      return std::move(idle.store);
    }
    // Gone with its server: dropped; the next one is tried.
  }
}

Result<std::unique_ptr<store::Store>> StorePool::Open() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (Clock::now() < next_open_) return last_open_error_;
  }
  Result<std::unique_ptr<store::Store>> s = store::Store::Open({.url = url_});
  std::lock_guard<std::mutex> lock(mu_);
  if (s.ok()) {
    open_backoff_ = Clock::duration::zero();
    next_open_ = Clock::time_point{};
    return s;
  }
  open_backoff_ = open_backoff_ == Clock::duration::zero()
                      ? Clock::duration(kFirstBackoff)
                      : std::min<Clock::duration>(open_backoff_ * 2, kMaxBackoff);
  next_open_ = Clock::now() + open_backoff_;
  last_open_error_ = s.status();
  return s.status();
}

Result<StorePool::Lease> StorePool::Acquire() {
  if (std::optional<std::unique_ptr<store::Store>> idle = TakeIdle()) return Lease(this, std::move(*idle));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, Open());
  return Lease(this, std::move(s));
}

void StorePool::Return(std::unique_ptr<store::Store> s) {
  if (!s->Connected(/*probe=*/false)) return;  // lost its server during the lease
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back({std::move(s), Clock::now()});
}

App::App(std::string db_url, std::string web_dir, std::shared_ptr<Logger> logger,
         std::unique_ptr<Mailer> mailer, std::string public_url)
    : pool_(std::move(db_url)),
      web_dir_(std::move(web_dir)),
      logger_(std::move(logger)),
      mailer_(std::move(mailer)),
      public_url_(std::move(public_url)),
      passwords_(static_cast<std::ptrdiff_t>(std::max(1u, std::thread::hardware_concurrency()))) {}

App::~App() {
  {
    std::lock_guard<std::mutex> lock(watch_mu_);
    stopping_ = true;
  }
  watch_cv_.notify_all();
  if (watcher_.joinable()) watcher_.join();
}

Status App::Start() {
  RETURN_IF_ERROR(InitCrypto());
  {
    ASSIGN_OR_RETURN(StorePool::Lease s, pool_.Acquire());
    RETURN_IF_ERROR(s->Migrate());
  }
  RETURN_IF_ERROR(ReloadTree());
  {
    ASSIGN_OR_RETURN(StorePool::Lease s, pool_.Acquire());
    auto started = std::chrono::steady_clock::now();
    RETURN_IF_ERROR(figures_.Load(*s));
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    logger_->Log(LogLevel::kInfo, "figures_loaded",
                 {{"results", figures_.size()}, {"ms", static_cast<int64_t>(ms.count())}});
  }
  Touch();
  watcher_ = std::thread([this] { Watch(); });
  return Status::Ok();
}

std::shared_ptr<const analytics::UnitTree> App::tree() const {
  std::lock_guard<std::mutex> lock(tree_mu_);
  return tree_;
}

Status App::ReloadTree() {
  ASSIGN_OR_RETURN(StorePool::Lease s, pool_.Acquire());
  ASSIGN_OR_RETURN(int64_t units, s->UnitsVersion());
  return LoadTree(*s, units);
}

Status App::LoadTree(store::Store& s, int64_t units_version) {
  ASSIGN_OR_RETURN(analytics::UnitTree t, analytics::UnitTree::Load(s));
  for (const analytics::UnitTree::Problem& p : t.problems()) {
    logger_->Log(LogLevel::kWarn, "unit_tree_problem",
                 {{"unit", p.unit_code}, {"problem", p.cause.message()}});
  }
  auto shared = std::make_shared<const analytics::UnitTree>(std::move(t));
  std::lock_guard<std::mutex> lock(tree_mu_);
  tree_ = std::move(shared);
  units_version_.store(units_version);
  return Status::Ok();
}

bool App::Within(UnitId unit, UnitId root) const { return tree()->Within(unit, root); }

bool App::CoversHistory(UnitId unit, UnitId root) const { return tree()->CoversHistory(unit, root); }

// Each failure is logged once while it lasts (touch_warning_): the watcher
// calls this every 100 ms.
void App::Touch() {
  Result<StorePool::Lease> s = pool_.Acquire();
  if (!s.ok()) {
    touch_warning_.Log(*logger_, "watch_store_failed", s.status());
    return;
  }
  Result<int64_t> v = (*s)->DataVersion();
  if (!v.ok()) {
    touch_warning_.Log(*logger_, "data_version_failed", v.status());
    return;
  }
  if (*v == version_.load()) {
    touch_warning_.Clear();
    return;
  }
  bool failed = false;
  // Units changed (an import by the CLI or by another server): reload the tree
  // before the new version lets cached answers be rebuilt on it.
  Result<int64_t> units = (*s)->UnitsVersion();
  if (!units.ok()) {
    touch_warning_.Log(*logger_, "units_version_failed", units.status());
    failed = true;
  } else if (*units != units_version_.load()) {
    // On failure the old tree stays and the next Touch tries again.
    if (Status loaded = LoadTree(**s, *units); !loaded.ok()) {
      touch_warning_.Log(*logger_, "unit_tree_failed", loaded);
      return;
    }
  }
  // On failure the version stays, so the next Touch tries again.
  Status caught_up = figures_.CatchUp(**s);
  if (!caught_up.ok()) {
    touch_warning_.Log(*logger_, "figures_behind", caught_up);
    return;
  }
  version_.store(*v);
  if (!failed) touch_warning_.Clear();
}

// Follows writes made by other servers (PostgreSQL) or by the CLI: the data
// version is re-read every 100 ms, so a cached answer is at most that old.
void App::Watch() {
  std::unique_lock<std::mutex> lock(watch_mu_);
  while (!stopping_) {
    watch_cv_.wait_for(lock, std::chrono::milliseconds(100));
    if (stopping_) break;
    lock.unlock();
    Touch();
    RefreshSessions();
    lock.lock();
  }
}

bool App::CachedBody(const std::string& key, std::string* body) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  auto it = cache_.find(key);
  if (it == cache_.end() || it->second.version != version_.load()) return false;
  *body = it->second.body;
  return true;
}

void App::CacheBody(const std::string& key, int64_t version, const std::string& body) {
  std::lock_guard<std::mutex> lock(cache_mu_);
  if (cache_.size() > 20000) cache_.clear();  // bounded: entries are rebuilt on demand
  cache_[key] = {version, body};
}

// Sessions are cached: a request uses an entry up to 10 s old, and the watcher
// re-reads entries older than 3 s in the background, so a busy session never
// waits for the database while a revoked one ends within seconds on every server.
constexpr auto kSessionFresh = std::chrono::seconds(10);
constexpr auto kSessionRefresh = std::chrono::seconds(3);

Result<Principal> App::Authenticate(const std::string& token_hash) {
  if (std::optional<Principal> p = CachedPrincipal(token_hash)) return *p;
  return LoadPrincipal(token_hash);
}

int64_t SessionExpiry(const store::SessionRecord& s) {
  if (s.kind == store::SessionKind::kApi && s.expires_at == 0) return s.created_at + kTokenSeconds;
  return s.expires_at == 0 ? std::numeric_limits<int64_t>::max() : s.expires_at;
}

std::vector<store::SessionRecord> LiveApiTokens(std::vector<store::SessionRecord> sessions, int64_t now) {
  std::vector<store::SessionRecord> out;
  for (store::SessionRecord& s : sessions) {
    if (s.kind == store::SessionKind::kApi && !s.revoked && SessionExpiry(s) > now)
      out.push_back(std::move(s));
  }
  return out;
}

Result<Principal> App::LoadPrincipal(const std::string& token_hash) {
  auto now = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(StorePool::Lease s, pool_.Acquire());
  Result<store::SessionRecord> rec = s->FindSession(token_hash);
  Status expired =
      Unauthenticated("the session has ended; sign in again", "phiên làm việc đã hết; hãy đăng nhập lại");
  // A storage failure is never reported as a missing session.
  if (!rec.ok() && rec.status().code() != StatusCode::kNotFound) return rec.status();
  if (!rec.ok()) {
    ForgetSession(token_hash);
    return expired;
  }
  if (rec->revoked || SessionExpiry(*rec) < static_cast<int64_t>(std::time(nullptr))) {
    ForgetSession(token_hash);
    return expired;
  }
  ASSIGN_OR_RETURN(store::User user, s->GetUser(rec->user_id));
  if (user.disabled) {
    ForgetSession(token_hash);
    return expired;
  }
  Principal p;
  p.user = user;
  for (const store::RoleGrant& g : user.roles) p.grants.push_back({g.role, g.unit});
  p.session_hash = token_hash;
  p.kind = rec->kind;
  p.csrf = rec->csrf;
  std::lock_guard<std::mutex> lock(session_mu_);
  if (sessions_.size() > 50000) sessions_.clear();
  sessions_[token_hash] = {p, now, false};
  return p;
}

std::optional<Principal> App::CachedPrincipal(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(session_mu_);
  auto it = sessions_.find(token_hash);
  if (it == sessions_.end() || std::chrono::steady_clock::now() - it->second.loaded >= kSessionFresh) {
    return std::nullopt;
  }
  it->second.used = true;
  return it->second.principal;
}

void App::RefreshSessions() {
  std::vector<std::string> stale;
  {
    std::lock_guard<std::mutex> lock(session_mu_);
    auto now = std::chrono::steady_clock::now();
    for (auto it = sessions_.begin(); it != sessions_.end();) {
      if (now - it->second.loaded < kSessionRefresh) {
        ++it;
      } else if (!it->second.used) {
        it = sessions_.erase(it);  // idle: dropped, loaded again on its next request
      } else {
        stale.push_back(it->first);
        ++it;
      }
    }
  }
  // A session that has ended is dropped by LoadPrincipal; any other failure
  // (the database) leaves the entry to be tried again, and is logged once
  // while it lasts.
  bool failed = false;
  for (const std::string& hash : stale) {
    Result<Principal> p = LoadPrincipal(hash);
    if (!p.ok() && p.status().code() != StatusCode::kUnauthenticated) {
      session_warning_.Log(*logger_, "session_refresh_failed", p.status());
      failed = true;
    }
  }
  if (!failed) session_warning_.Clear();
}

Result<App::ImportSlot> App::AcquireImportSlot() {
  if (!imports_.try_acquire_for(std::chrono::seconds(30))) {
    return ResourceExhausted("other imports kept the server busy for 30 s; try again in a minute",
                             "các lượt nhập tệp khác đang bận trong 30 giây; hãy thử lại sau một phút");
  }
  return ImportSlot(&imports_);
}

Result<App::Slot> App::AcquirePasswordSlot() {
  if (!passwords_.try_acquire_for(std::chrono::seconds(10))) {
    return ResourceExhausted("the server is busy checking other passwords; try again in a few seconds",
                             "máy chủ đang bận kiểm tra mật khẩu khác; hãy thử lại sau vài giây");
  }
  return Slot(&passwords_);
}

void App::ForgetSession(const std::string& token_hash) {
  std::lock_guard<std::mutex> lock(session_mu_);
  sessions_.erase(token_hash);
}

}  // namespace kiemdem::api
