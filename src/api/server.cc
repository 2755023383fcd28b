// The HTTP server on Boost.Beast: a few I/O threads read and write
// keep-alive connections; cached GET answers are served right there, and
// everything that may touch the database runs on a pool of worker threads.
#include "api/server.h"

#include <malloc.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
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

class HttpServer;

// One keep-alive connection.
class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(tcp::socket socket, HttpServer* server) : stream_(std::move(socket)), server_(server) {}
  void Start() { Read(); }

 private:
  void Read();
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
};

class HttpServer final : public Server {
 public:
  explicit HttpServer(const ServerOptions& o)
      : options_(o),
        logger_(o.logger ? o.logger : std::make_shared<log::StderrLogger>(LogLevel::kInfo)),
        app_(o.db, o.web_dir, logger_),
        workers_(static_cast<size_t>(std::max(2, o.threads))),
        acceptor_(io_) {}
  ~HttpServer() override {
    Stop();
    workers_.join();
  }

  Status Init() {
    // Each thread that allocates may get its own glibc arena, and memory
    // freed in one is not reused by another: a few arenas keep peaks from
    // multiplying by the number of threads.
    mallopt(M_ARENA_MAX, 2 * static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
    RETURN_IF_ERROR(app_.Start());
    AddAuthRoutes(router_);
    AddReferenceRoutes(router_);
    AddResultRoutes(router_);
    AddAnalyticsRoutes(router_);
    AddDocumentRoutes(router_);
    AddMeetingRoutes(router_);
    AddImportRoutes(router_);
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
  asio::thread_pool& workers() { return workers_; }

  // The web app's files (web/dist), with index.html for its own routes.
  void ServeWeb(const std::string& path, Call& call) {
    std::string rel = path == "/" ? "/index.html" : path;
    if (rel.find("..") != std::string::npos) rel = "/index.html";
    std::string file = app_.web_dir() + rel;
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      file = app_.web_dir() + "/index.html";
      in.open(file, std::ios::binary);
    }
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
    call.headers.emplace_back("Content-Security-Policy",
                              "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  }

 private:
  void Accept() {
    acceptor_.async_accept(asio::make_strand(io_), [this](beast::error_code ec, tcp::socket socket) {
      if (!ec) std::make_shared<Connection>(std::move(socket), this)->Start();
      if (acceptor_.is_open()) Accept();
    });
  }

  ServerOptions options_;
  std::shared_ptr<Logger> logger_;
  App app_;
  Router router_;
  asio::io_context io_;
  asio::thread_pool workers_;
  tcp::acceptor acceptor_;
};

void Connection::Read() {
  parser_.emplace();
  parser_->body_limit(server_->max_body());
  parser_->header_limit(16 * 1024);
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
      ec == asio::error::connection_reset || ec == asio::error::eof) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    return;
  }
  auto call = std::make_shared<Call>();
  call->app = &server_->app();
  beast::error_code peer_ec;
  auto peer = stream_.socket().remote_endpoint(peer_ec);
  if (!peer_ec) call->client = peer.address().to_string();
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
  call->secure = Lower(std::string(req["X-Forwarded-Proto"])) == "https";
  if (auto csrf = req.find("X-CSRF-Token"); csrf != req.end())
    call->request_headers["x-csrf-token"] = std::string(csrf->value());

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
  std::string token_hash = !token.empty() && token.size() <= 128 ? TokenHash(token) : "";
  if (!token_hash.empty()) call->principal = server_->app().CachedPrincipal(token_hash);
  // Served here when it needs no database (a cached answer); else on a worker.
  if ((token_hash.empty() || call->principal) && server_->router().Dispatch(*route, *call, false)) {
    Respond(*call, keep_alive);
    return;
  }
  asio::post(server_->workers(), [self = shared_from_this(), call, route, token_hash, bearer, keep_alive] {
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
