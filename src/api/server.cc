// The HTTP server on Boost.Beast: a few I/O threads read and write
// keep-alive connections; cached GET answers are served right there, and
// everything that may touch the database runs on a pool of worker threads.
#include "api/server.h"

#include <malloc.h>
#include <sodium.h>
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <filesystem>
#include <fstream>
#include <list>
#include <map>
#include <sstream>
#include <thread>

#include "api/http_util.h"
#include "api/router.h"
#include "log/stderr_logger.h"

namespace kiemdem::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// 16 hex digits, or the client's (a proxy's) own X-Request-Id when it is a
// plain token of at most 64 characters.
std::string RequestId(std::string_view given) {
  bool plain = !given.empty() && given.size() <= 64;
  for (char c : given) {
    plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
  }
  if (plain) return std::string(given);
  unsigned char bytes[8];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return hex;
}

// The level of a request's log line: 5xx are errors; refusals (not signed in,
// not allowed, throttled, too large, not JSON, malformed) are warnings; other
// client errors are info; the rest is debug.
LogLevel RequestLevel(int status) {
  if (status >= 500) return LogLevel::kError;
  if (status == 401 || status == 403 || status == 405 || status == 413 || status == 415 || status == 429)
    return LogLevel::kWarn;
  if (status >= 400) return LogLevel::kInfo;
  return LogLevel::kDebug;
}

// Workers mostly wait on the database; more than a few per core only adds
// threads whose peaks of memory add up.
size_t WorkerCount(int asked) {
  if (asked > 0) return static_cast<size_t>(std::max(2, asked));
  return static_cast<size_t>(std::max(4u, 4 * std::thread::hardware_concurrency()));
}

class HttpServer;

// One keep-alive connection.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer* server) : stream_(std::move(socket)), server_(server) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  void Start() { Read(); }
  // Waiting for a request (an idle keep-alive, a slow header) or draining:
  // the first to close when the server is at its connection cap.
  bool idle() const { return idle_.load(); }
  void Close();
  std::list<std::weak_ptr<Connection>>::iterator registered;

 private:
  void Read();
  // The request line and headers are in: the body limit of the route, then the body.
  void OnHeader(beast::error_code ec);
  void OnRead(beast::error_code ec);
  void Respond(Call& call, bool keep_alive);
  void Write(http::response<http::string_body> res);
  // A refusal before a route is reached (malformed, too large): answered and logged.
  void WriteError(http::status status, const Status& s, Call& call);
  // After answering a refused request: read and drop what the client is still
  // sending (up to 64 MiB or 10 s), so that it gets to read the answer.
  void Drain();

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::array<char, 65536> scratch_{};
  size_t drained_ = 0;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<http::response<http::string_body>> response_;
  HttpServer* server_;
  std::atomic<bool> idle_{false};
};

class HttpServer final : public Server {
 public:
  explicit HttpServer(const ServerOptions& o)
      : options_(o),
        logger_(o.logger ? o.logger : std::make_shared<log::StderrLogger>(LogLevel::kInfo)),
        app_(o.db, o.web_dir, logger_, o.mail.host.empty() ? nullptr : std::make_unique<Mailer>(o.mail),
             o.public_url),
        workers_(WorkerCount(o.threads)),
        writers_(2),
        acceptor_(io_),
        accept_timer_(io_) {}
  ~HttpServer() override {
    Stop();
    workers_.join();
    writers_.join();
  }

  Status Init() {
    // Each thread that allocates may get its own glibc arena, and memory
    // freed in one is not reused by another: a few arenas keep peaks from
    // multiplying by the number of threads.
    mallopt(M_ARENA_MAX, 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    max_connections_ = ConnectionCap(options_.max_connections);
    RETURN_IF_ERROR(app_.Start());
    AddAuthRoutes(router_);
    AddReferenceRoutes(router_);
    AddResultRoutes(router_);
    AddInboxRoutes(router_);
    AddAnalyticsRoutes(router_);
    AddDocumentRoutes(router_);
    AddReportRoutes(router_);
    AddMeetingRoutes(router_);
    AddCalendarRoutes(router_);
    AddImportRoutes(router_);
    AddCompletenessRoutes(router_);
    return Status::Ok();
  }

  Result<int> Bind() override {
    beast::error_code ec;
    asio::ip::address address = asio::ip::make_address(options_.host, ec);
    if (!ec) {
      tcp::endpoint endpoint(address, static_cast<unsigned short>(options_.port));
      acceptor_.open(endpoint.protocol(), ec);
      if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
      if (!ec) acceptor_.bind(endpoint, ec);
      if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    }
    if (ec) {
      return Status(
          StatusCode::kUnavailable,
          "cannot listen on " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message(),
          "không mở được cổng " + options_.host + ":" + std::to_string(options_.port) + ": " + ec.message());
    }
    return static_cast<int>(acceptor_.local_endpoint().port());
  }

  Status Run() override {
    Accept();
    int io_threads = std::max(1, std::min(4, static_cast<int>(std::thread::hardware_concurrency())));
    std::vector<std::thread> threads;
    for (int i = 1; i < io_threads; ++i) threads.emplace_back([this] { io_.run(); });
    io_.run();
    for (std::thread& t : threads) t.join();
    return Status::Ok();
  }

  void Stop() override { io_.stop(); }

  App& app() { return app_; }
  Logger& logger() { return *logger_; }
  const Router& router() const { return router_; }

  // The request's line: id, method, path, status, duration, who, and why it failed.
  void LogRequest(const Call& call) {
    LogLevel level = RequestLevel(call.status);
    if (!logger_->Enabled(level)) return;
    auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - call.started)
            .count();
    std::vector<LogField> fields = {{"req", call.request_id},           {"method", call.method},
                                    {"path", call.path.substr(0, 200)}, {"status", call.status},
                                    {"ms", static_cast<int64_t>(ms)},   {"client", call.client}};
    if (call.principal) fields.emplace_back("user", call.principal->user.username);
    if (call.status >= 400 && !call.error_cause.empty()) fields.emplace_back("cause", call.error_cause);
    logger_->Log(level, "request", fields);
  }
  size_t max_body() const { return options_.max_body; }
  // The client's address: the peer's, or behind the trusted proxy the last
  // entry of X-Forwarded-For (the one the proxy itself added).
  std::string ClientOf(const std::string& peer, std::string_view forwarded) const {
    if (options_.trusted_proxy.empty() || peer != options_.trusted_proxy || forwarded.empty()) return peer;
    size_t comma = forwarded.rfind(',');
    std::string_view last = comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1);
    while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
    while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
    if (last.empty() || last.size() > 64) return peer;
    return std::string(last);
  }
  bool secure() const { return Lower(options_.public_url).rfind("https://", 0) == 0; }
  void Forget(std::list<std::weak_ptr<Connection>>::iterator it) {
    std::lock_guard<std::mutex> lock(connections_mu_);
    connections_.erase(it);
  }
  // The body limit for a request line: the route's (login a few KiB, most
  // writes 256 KiB, reports and imports their own), never above --max-body.
  size_t BodyLimit(std::string_view method, std::string_view target) const {
    std::string path;
    std::map<std::string, std::string> query;
    size_t limit = kSmallBodyLimit;
    if (SplitTarget(target, &path, &query) && path.rfind("/api/v1/", 0) == 0)
      limit = router_.BodyLimit(std::string(method), path.substr(7));
    return std::min(limit, options_.max_body);
  }
  asio::thread_pool& workers() { return workers_; }
  // Writes have their own threads, so a burst of reads never queues them.
  asio::thread_pool& writers() { return writers_; }

  // A regular file under the web directory named by `path`, or index.html:
  // for the app's own routes, directories, NUL bytes, "..", and anything
  // that resolves (through links) outside the directory.
  std::string WebFile(const std::string& path) const {
    namespace fs = std::filesystem;
    std::string index = app_.web_dir() + "/index.html";
    bool plain = path.size() > 1 && path[0] == '/' && path.find('\0') == std::string::npos &&
                 path.find("..") == std::string::npos;
    if (!plain || app_.web_dir().empty()) return index;
    std::error_code ec;
    fs::path root = fs::weakly_canonical(app_.web_dir(), ec);
    if (ec) return index;
    fs::path file = fs::weakly_canonical(root / path.substr(1), ec);
    if (ec) return index;
    auto [in_root, in_file] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (in_root != root.end() || !fs::is_regular_file(file, ec)) return index;
    return file.string();
  }

  // The web app's files (web/dist), with index.html for its own routes.
  void ServeWeb(const std::string& path, Call& call) {
    std::string file = WebFile(path);
    std::ifstream in(file, std::ios::binary);
    if (!in || app_.web_dir().empty()) {
      call.content_type = "text/html; charset=utf-8";
      call.response =
          "<!doctype html><meta charset=utf-8><title>kiemdem</title><p>Máy chủ kiemdem đang chạy; giao diện "
          "web chưa "
          "được xây dựng (make web). API: <a href=/api/v1/openapi.json>/api/v1/openapi.json</a></p>";
      return;
    }
    std::ostringstream s;
    s << in.rdbuf();
    call.response = s.str();
    call.content_type = ContentTypeFor(file);
    call.headers.emplace_back(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
  }

 private:
  // The open-file limit raised to its hard maximum; connections may use all
  // but 64 descriptors of it (the database, the web files, the log).
  static size_t ConnectionCap(int asked) {
    rlimit lim{};
    if (getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < lim.rlim_max) {
      lim.rlim_cur = std::min<rlim_t>(lim.rlim_max, 65536);
      (void)setrlimit(RLIMIT_NOFILE, &lim);
      (void)getrlimit(RLIMIT_NOFILE, &lim);
    }
    size_t by_fds = lim.rlim_cur > 96 ? static_cast<size_t>(lim.rlim_cur) - 64 : 32;
    size_t cap = asked > 0 ? static_cast<size_t>(asked) : 10000;
    return std::min(cap, by_fds);
  }

  void Accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (!acceptor_.is_open()) return;
      if (ec) {
        // Out of descriptors (EMFILE, ENFILE) or buffers: wait before
        // accepting again, longer each time, instead of spinning.
        accept_backoff_ =
            std::min(std::chrono::milliseconds(1000),
                     accept_backoff_.count() == 0 ? std::chrono::milliseconds(50) : accept_backoff_ * 2);
        logger_->Log(LogLevel::kWarn, "accept_failed",
                     {{"error", ec.message()}, {"retry_ms", static_cast<int64_t>(accept_backoff_.count())}});
        accept_timer_.expires_after(accept_backoff_);
        accept_timer_.async_wait([this](beast::error_code) {
          if (acceptor_.is_open()) Accept();
        });
        return;
      }
      accept_backoff_ = std::chrono::milliseconds(0);
      Admit(std::move(socket));
      Accept();
    });
  }

  // At the cap, the oldest idle connection makes room; when none is idle the
  // new one is closed at once.
  void Admit(tcp::socket socket) {
    std::vector<std::shared_ptr<Connection>> seen;  // released after the lock
    std::shared_ptr<Connection> evict, admitted;
    {
      std::lock_guard<std::mutex> lock(connections_mu_);
      if (connections_.size() >= max_connections_) {
        for (const std::weak_ptr<Connection>& w : connections_) {
          std::shared_ptr<Connection> c = w.lock();
          if (c && c->idle()) {
            evict = std::move(c);
            break;
          }
          if (c) seen.push_back(std::move(c));
        }
        if (!evict) {
          beast::error_code ignored;
          socket.close(ignored);
          logger_->Log(LogLevel::kWarn, "connection_refused",
                       {{"open", static_cast<int64_t>(connections_.size())}});
          return;
        }
      }
      admitted = std::make_shared<Connection>(std::move(socket), this);
      admitted->registered = connections_.insert(connections_.end(), admitted);
    }
    if (evict) evict->Close();
    admitted->Start();
  }

  ServerOptions options_;
  std::shared_ptr<Logger> logger_;
  App app_;
  Router router_;
  // Before io_: connections still queued in it forget themselves here when it goes.
  size_t max_connections_ = 10000;
  std::mutex connections_mu_;
  std::list<std::weak_ptr<Connection>> connections_;  // in the order they came
  asio::io_context io_;
  asio::thread_pool workers_;
  asio::thread_pool writers_;
  tcp::acceptor acceptor_;
  asio::steady_timer accept_timer_;
  std::chrono::milliseconds accept_backoff_{0};
};

Connection::~Connection() { server_->Forget(registered); }

void Connection::Close() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    self->stream_.socket().close(ignored);
  });
}

void Connection::Read() {
  parser_.emplace();
  parser_->body_limit(server_->max_body());
  parser_->header_limit(16 * 1024);
  // An idle keep-alive and a request's headers get 15 s; its body 60 s.
  idle_ = true;
  stream_.expires_after(std::chrono::seconds(15));
  http::async_read_header(stream_, buffer_, *parser_,
                          [self = shared_from_this()](beast::error_code ec, size_t) { self->OnHeader(ec); });
}

void Connection::OnHeader(beast::error_code ec) {
  idle_ = false;
  if (ec) {
    OnRead(ec);
    return;
  }
  const auto& head = parser_->get();
  size_t limit =
      server_->BodyLimit(std::string_view(head.method_string().data(), head.method_string().size()),
                         std::string_view(head.target().data(), head.target().size()));
  // The declared length is refused before a byte of the body is read; a
  // chunked body is counted against the limit while it is read.
  if (auto declared = parser_->content_length(); declared && *declared > limit) {
    OnRead(http::error::body_limit);
    return;
  }
  parser_->body_limit(limit);
  stream_.expires_after(std::chrono::seconds(60));
  http::async_read(stream_, buffer_, *parser_,
                   [self = shared_from_this()](beast::error_code ec, size_t) { self->OnRead(ec); });
}

void Connection::WriteError(http::status status, const Status& s, Call& call) {
  call.status = static_cast<int>(status);
  ReplyError(call, s);
  server_->LogRequest(call);
  http::response<http::string_body> res{status, 11};
  res.set(http::field::content_type, call.content_type);
  if (!call.request_id.empty()) res.set("X-Request-Id", call.request_id);
  res.keep_alive(false);
  res.body() = call.response;
  res.prepare_payload();
  Write(std::move(res));
}

void Connection::OnRead(beast::error_code ec) {
  if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
      ec == asio::error::connection_reset || ec == asio::error::eof || ec == asio::error::operation_aborted ||
      ec == asio::error::bad_descriptor) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    return;
  }
  auto call = std::make_shared<Call>();
  call->app = &server_->app();
  beast::error_code peer_ec;
  auto peer = stream_.socket().remote_endpoint(peer_ec);
  if (!peer_ec) call->client = peer.address().to_string();
  if (!ec) {
    auto forwarded = parser_->get()["X-Forwarded-For"];
    call->client = server_->ClientOf(call->client, std::string_view(forwarded.data(), forwarded.size()));
  }
  if (ec) {
    call->request_id = RequestId("");
    if (parser_->is_header_done()) {
      const auto& head = parser_->get();
      call->method = std::string(head.method_string());
      call->path = std::string(head.target().substr(0, 200));
      auto lang = head.find(http::field::accept_language);
      if (lang != head.end())
        call->lang = LanguageFrom(std::string_view(lang->value().data(), lang->value().size()), "");
    }
    call->error_cause = ec.message();
    if (ec == http::error::body_limit) {
      WriteError(http::status::payload_too_large,
                 ResourceExhausted("the request body is too large", "nội dung yêu cầu quá lớn"), *call);
    } else {
      WriteError(http::status::bad_request,
                 InvalidArgument("the request is malformed", "yêu cầu không hợp lệ"), *call);
    }
    return;
  }
  http::request<http::string_body> req = parser_->release();
  bool keep_alive = req.keep_alive();
  call->request_id = RequestId(std::string_view(req["X-Request-Id"].data(), req["X-Request-Id"].size()));
  call->method = std::string(req.method_string());
  std::string path;
  if (!SplitTarget(std::string_view(req.target().data(), req.target().size()), &path, &call->query)) {
    call->path = std::string(req.target().substr(0, 200));
    WriteError(http::status::bad_request, InvalidArgument("the address is malformed", "địa chỉ không hợp lệ"),
               *call);
    return;
  }
  auto header = [&](http::field f) {
    auto it = req.find(f);
    return it == req.end() ? std::string() : std::string(it->value());
  };
  auto query_lang = call->query.find("lang");
  call->lang = LanguageFrom(header(http::field::accept_language),
                            query_lang == call->query.end() ? "" : query_lang->second);
  call->path = path;
  call->secure = server_->secure();
  if (auto csrf = req.find("X-CSRF-Token"); csrf != req.end())
    call->request_headers["x-csrf-token"] = std::string(csrf->value());
  // A download route may answer in the type asked for (Accept: text/csv).
  if (auto accept = req.find(http::field::accept); accept != req.end())
    call->request_headers["accept"] = std::string(accept->value());

  if (path == "/api/v1/openapi.json" && req.method() == http::verb::get) {
    call->response = OpenApiDocument();
    Respond(*call, keep_alive);
    return;
  }
  if (path.rfind("/api/", 0) != 0) {
    if (req.method() != http::verb::get && req.method() != http::verb::head) {
      call->status = 405;
      ReplyError(*call,
                 InvalidArgument("this method is not allowed here", "phương thức này không được phép"));
    } else if (path == "/healthz") {
      call->response = "ok\n";
      call->content_type = "text/plain";
    } else {
      server_->ServeWeb(path, *call);
    }
    Respond(*call, keep_alive);
    return;
  }
  const Route* route = nullptr;
  if (path.rfind("/api/v1/", 0) == 0)
    route = server_->router().Find(call->method, path.substr(7), &call->captures);
  if (route == nullptr) {
    ReplyError(*call, NotFound("there is no such address: " + path.substr(0, 200),
                               "không có địa chỉ này: " + path.substr(0, 200)));
    Respond(*call, keep_alive);
    return;
  }
  call->body = std::move(req.body());
  if (call->method != "GET" && !call->body.empty() &&
      Lower(header(http::field::content_type)).rfind("application/json", 0) != 0) {
    call->status = 415;
    ReplyError(*call, InvalidArgument("send the body as application/json",
                                      "hãy gửi nội dung dạng application/json"));
    Respond(*call, keep_alive);
    return;
  }
  // Authentication: a bearer API token, or the session cookie.
  std::string auth = header(http::field::authorization);
  bool bearer = Lower(auth.substr(0, 7)) == "bearer ";
  std::string token = bearer ? auth.substr(7) : CookieValue(header(http::field::cookie), "kd_session");
  // A calendar feed's address carries the API token (calendar apps send no header or cookie).
  if (!bearer && route->token_in_query && call->method == "GET") {
    if (auto q = call->query.find("token"); q != call->query.end() && !q->second.empty()) {
      token = q->second;
      bearer = true;
    }
  }
  std::string token_hash = !token.empty() && token.size() <= 128 ? TokenHash(token) : "";
  if (!token_hash.empty()) call->principal = server_->app().CachedPrincipal(token_hash);
  // Served here when it needs no database (a cached answer); else on a worker.
  if ((token_hash.empty() || call->principal) && server_->router().Dispatch(*route, *call, false)) {
    Respond(*call, keep_alive);
    return;
  }
  asio::thread_pool& pool = call->method == "GET" ? server_->workers() : server_->writers();
  asio::post(pool, [self = shared_from_this(), call, route, token_hash, bearer, keep_alive] {
    if (!token_hash.empty() && !call->principal) {
      Result<Principal> p = self->server_->app().Authenticate(token_hash);
      if (p.ok()) {
        call->principal = *p;
      } else if (p.status().code() != StatusCode::kUnauthenticated) {
        // The sessions could not be read (the database is down): say so, and
        // never answer as if the session were gone.
        ReplyError(*call, p.status());
      } else if (bearer) {
        ReplyError(*call, Unauthenticated("the API token is not valid", "mã truy cập API không hợp lệ"));
      }
    }
    if (call->response.empty()) {
      try {
        self->server_->router().Dispatch(*route, *call, true);
      } catch (const std::exception& e) {
        call->status = 500;
        ReplyError(*call, Internal(std::string("uncaught exception: ") + e.what(), "lỗi không được xử lý"));
      } catch (...) {
        call->status = 500;
        ReplyError(*call, Internal("uncaught exception of an unknown type", "lỗi không được xử lý"));
      }
    }
    if (call->release_memory || call->body.size() > (1u << 20)) {
      // A file or a big body was held: give what is free back to the system,
      // so that a peak does not stay as the process's size.
      call->json.reset();
      call->body = std::string();
      malloc_trim(0);
    }
    asio::post(self->stream_.get_executor(), [self, call, keep_alive] { self->Respond(*call, keep_alive); });
  });
}

void Connection::Drain() {
  idle_ = true;
  stream_.expires_after(std::chrono::seconds(10));
  stream_.async_read_some(asio::buffer(scratch_),
                          [self = shared_from_this()](beast::error_code ec, size_t n) {
                            self->drained_ += n;
                            if (!ec && self->drained_ < (64u << 20)) self->Drain();
                          });
}

void Connection::Respond(Call& call, bool keep_alive) {
  http::response<http::string_body> res{static_cast<http::status>(call.status), 11};
  res.set(http::field::server, "kiemdem");
  res.set(http::field::content_type, call.content_type);
  res.set(http::field::cache_control, "no-store");
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");
  if (server_->secure()) res.set("Strict-Transport-Security", "max-age=31536000");
  bool has_csp = false;
  for (const auto& [k, v] : call.headers) has_csp = has_csp || k == "Content-Security-Policy";
  if (!has_csp) res.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
  res.set("X-Request-Id", call.request_id);
  for (const auto& [k, v] : call.headers) res.insert(k, v);
  server_->LogRequest(call);
  res.keep_alive(keep_alive);
  res.body() = std::move(call.response);
  res.prepare_payload();
  Write(std::move(res));
}

void Connection::Write(http::response<http::string_body> res) {
  response_ = std::make_shared<http::response<http::string_body>>(std::move(res));
  bool close = !response_->keep_alive();
  http::async_write(stream_, *response_, [self = shared_from_this(), close](beast::error_code ec, size_t) {
    if (ec || close) {
      beast::error_code ignored;
      self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      if (!ec) self->Drain();
      return;
    }
    self->response_.reset();
    self->Read();
  });
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto s = std::make_unique<HttpServer>(options);
  RETURN_IF_ERROR(s->Init());
  return std::unique_ptr<Server>(std::move(s));
}

}  // namespace kiemdem::api
