#include "api/server.h"

#include <httplib.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "api/router.h"

namespace kiemdem::api {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "vi" unless the caller prefers English (Accept-Language: en…, or ?lang=en).
std::string Language(const httplib::Request& req) {
  std::string q = req.get_param_value("lang");
  if (!q.empty()) return q.rfind("en", 0) == 0 ? "en" : "vi";
  std::string header = Lower(req.get_header_value("Accept-Language"));
  size_t comma = header.find(',');
  std::string first = header.substr(0, comma);
  return first.rfind("en", 0) == 0 ? "en" : "vi";
}

std::string CookieValue(const std::string& cookies, const std::string& name) {
  size_t pos = 0;
  while (pos < cookies.size()) {
    size_t end = cookies.find(';', pos);
    std::string part = cookies.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return "";
}

const char* ContentType(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e = ext;
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

class HttpServer final : public Server {
 public:
  explicit HttpServer(const ServerOptions& o) : options_(o), app_(o.db, o.web_dir) {}

  Status Init() {
    RETURN_IF_ERROR(app_.Start());
    AddAuthRoutes(router_);
    AddReferenceRoutes(router_);
    AddResultRoutes(router_);
    AddAnalyticsRoutes(router_);
    AddDocumentRoutes(router_);
    AddMeetingRoutes(router_);
    int threads = options_.threads;
    http_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    http_.set_payload_max_length(options_.max_body);
    http_.set_keep_alive_max_count(10000);
    http_.set_read_timeout(30, 0);
    for (const Route& route : router_.routes()) {
      auto handler = [this, &route](const httplib::Request& req, httplib::Response& res) {
        Handle(route, req, res);
      };
      std::string pattern = "/api/v1" + route.pattern;
      if (route.method == "GET") http_.Get(pattern, handler);
      if (route.method == "POST") http_.Post(pattern, handler);
      if (route.method == "PUT") http_.Put(pattern, handler);
      if (route.method == "PATCH") http_.Patch(pattern, handler);
      if (route.method == "DELETE") http_.Delete(pattern, handler);
    }
    http_.Get("/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(OpenApiDocument(), "application/json; charset=utf-8");
    });
    http_.Get("/healthz",
              [](const httplib::Request&, httplib::Response& res) { res.set_content("ok\n", "text/plain"); });
    http_.Get(R"(/(.*))",
              [this](const httplib::Request& req, httplib::Response& res) { ServeWeb(req, res); });
    // Whatever the library answers by itself (404 of unknown API paths, 413 of
    // oversized bodies, 400 of malformed requests) gets the same error object.
    http_.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      Call call;
      call.lang = Language(req);
      call.status = res.status;
      Status s = res.status == 413
                     ? ResourceExhausted("the request body is too large", "nội dung yêu cầu quá lớn")
                 : res.status == 404 ? NotFound("there is no such address: " + req.path.substr(0, 200),
                                                "không có địa chỉ này: " + req.path.substr(0, 200))
                 : res.status == 405
                     ? InvalidArgument("this method is not allowed here", "phương thức này không được phép")
                     : InvalidArgument("the request is malformed", "yêu cầu không hợp lệ");
      ReplyError(call, s);
      res.set_content(call.response, call.content_type);
    });
    http_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr) {
      Call call;
      call.lang = Language(req);
      ReplyError(call, Internal("the server failed to answer", "máy chủ gặp lỗi khi trả lời"));
      res.status = 500;
      res.set_content(call.response, call.content_type);
    });
    return Status::Ok();
  }

  Result<int> Bind() override {
    int port = options_.port == 0 ? http_.bind_to_any_port(options_.host) : options_.port;
    if (options_.port != 0 && !http_.bind_to_port(options_.host, options_.port)) port = -1;
    if (port <= 0) {
      return Status(
          StatusCode::kUnavailable,
          "cannot listen on " + options_.host + ":" + std::to_string(options_.port) + " (in use?)",
          "không mở được cổng " + options_.host + ":" + std::to_string(options_.port) + " (đang bị dùng?)");
    }
    return port;
  }

  Status Run() override {
    if (!http_.listen_after_bind()) {
      return Status(StatusCode::kUnavailable, "the server stopped listening", "máy chủ ngừng lắng nghe");
    }
    return Status::Ok();
  }

  void Stop() override { http_.stop(); }

 private:
  void Handle(const Route& route, const httplib::Request& req, httplib::Response& res) {
    Call call;
    call.app = &app_;
    call.method = route.method;
    call.path = req.path;
    for (size_t i = 1; i < req.matches.size(); ++i) call.captures.push_back(req.matches[i].str());
    for (const auto& [k, v] : req.params) call.query.emplace(k, v);
    call.body = req.body;
    call.lang = Language(req);
    call.client = req.remote_addr;
    call.secure = Lower(req.get_header_value("X-Forwarded-Proto")) == "https";
    for (const auto& [k, v] : req.headers) {
      std::string key = Lower(k);
      if (key == "x-csrf-token") call.request_headers[key] = v;
    }
    if (route.method != "GET" && !req.body.empty() &&
        Lower(req.get_header_value("Content-Type")).rfind("application/json", 0) != 0) {
      call.status = 415;
      ReplyError(call, InvalidArgument("send the body as application/json",
                                       "hãy gửi nội dung dạng application/json"));
      Write(call, res);
      return;
    }
    // Authentication: a bearer API token, or the session cookie.
    std::string auth = req.get_header_value("Authorization");
    std::string token;
    bool bearer = Lower(auth.substr(0, 7)) == "bearer ";
    if (bearer) {
      token = auth.substr(7);
    } else {
      token = CookieValue(req.get_header_value("Cookie"), "kd_session");
    }
    if (!token.empty() && token.size() <= 128) {
      Result<Principal> p = app_.Authenticate(TokenHash(token));
      if (p.ok()) {
        call.principal = *p;
      } else if (bearer) {
        ReplyError(call, Unauthenticated("the API token is not valid", "mã truy cập API không hợp lệ"));
        Write(call, res);
        return;
      }
    }
    router_.Dispatch(route, call);
    Write(call, res);
  }

  static void Write(const Call& call, httplib::Response& res) {
    res.status = call.status;
    for (const auto& [k, v] : call.headers) res.set_header(k, v);
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_content(call.response, call.content_type);
  }

  void ServeWeb(const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      res.status = 404;
      return;  // the error handler writes the JSON error
    }
    std::string rel = req.path == "/" ? "/index.html" : req.path;
    if (rel.find("..") != std::string::npos || app_.web_dir().empty()) rel = "/index.html";
    std::string path = app_.web_dir() + rel;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      path = app_.web_dir() + "/index.html";  // the web app routes its own paths
      in.open(path, std::ios::binary);
    }
    if (!in) {
      res.set_content(
          "<!doctype html><meta charset=utf-8><title>kiemdem</title><p>Máy chủ kiemdem đang chạy; giao diện "
          "web chưa "
          "được xây dựng (make web). API: <a href=/api/v1/openapi.json>/api/v1/openapi.json</a></p>",
          "text/html; charset=utf-8");
      return;
    }
    std::ostringstream s;
    s << in.rdbuf();
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    res.set_content(s.str(), ContentType(path));
  }

  ServerOptions options_;
  App app_;
  Router router_;
  httplib::Server http_;
};

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options) {
  auto s = std::make_unique<HttpServer>(options);
  RETURN_IF_ERROR(s->Init());
  return std::unique_ptr<Server>(std::move(s));
}

}  // namespace kiemdem::api
