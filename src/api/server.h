// `kiemdem serve`: the HTTP server. JSON under /api/v1 (described by
// /api/v1/openapi.json), the web app from web/dist on the same origin.
#ifndef KIEMDEM_API_SERVER_H_
#define KIEMDEM_API_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "core/log.h"
#include "core/status.h"

namespace kiemdem::api {

struct ServerOptions {
  std::string db = "kiemdem.db";
  std::string host = "127.0.0.1";
  int port = 8080;      // 0: any free port
  std::string web_dir;  // the built web app (web/dist); empty: none
  int threads = 64;     // request threads (keep-alive connections each hold one)
  size_t max_body = 8u << 20;
  // Where every 5xx (with its cause), refused request and security event is
  // written, and every request at debug level; shared with the App's
  // background work. nullptr: a StderrLogger at info.
  std::shared_ptr<Logger> logger;
};

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options);
  virtual ~Server() = default;
  // Binds; the port actually bound (for port 0).
  virtual Result<int> Bind() = 0;
  // Serves until Stop(); blocks.
  virtual Status Run() = 0;
  virtual void Stop() = 0;
};

// The OpenAPI 3 document served at /api/v1/openapi.json.
const char* OpenApiDocument();

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_SERVER_H_
