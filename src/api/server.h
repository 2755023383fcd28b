// `kiemdem serve`: the HTTP server. JSON under /api/v1 (described by
// /api/v1/openapi.json), the web app from web/dist on the same origin.
#ifndef KIEMDEM_API_SERVER_H_
#define KIEMDEM_API_SERVER_H_

#include <functional>
#include <memory>
#include <string>

#include "api/mailer.h"
#include "core/log.h"
#include "core/status.h"

namespace kiemdem::api {

struct ServerOptions {
  std::string db = "kiemdem.db";
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port
  std::string web_dir;         // the built web app (web/dist); empty: none
  int threads = 0;             // worker threads for requests; 0: 4 per core (at least 4)
  size_t max_body = 8u << 20;  // the most any route's body may be
  // Open connections at once; at the cap the oldest idle one is closed.
  // 0: 10 000, or the open-file limit (raised to its maximum) less 64.
  int max_connections = 0;
  // Where users reach the server ("https://kiemdem.tinh.gov.vn", behind a
  // TLS proxy). With https: cookies are Secure and answers carry HSTS. A
  // client's X-Forwarded-Proto is not trusted for either.
  std::string public_url;
  // The address of a reverse proxy whose X-Forwarded-For names the client
  // (its last entry): sign-in limits per address then count the clients,
  // not the proxy. Empty: the peer address is the client.
  std::string trusted_proxy;
  // Where every 5xx (with its cause), refused request and security event is
  // written, and every request at debug level; shared with the App's
  // background work. nullptr: a StderrLogger at info.
  std::shared_ptr<Logger> logger;
  // The SMTP relay reminders are e-mailed through (`--smtp HOST:PORT`);
  // empty host: reminders stay in the app only.
  MailRelay mail;
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
