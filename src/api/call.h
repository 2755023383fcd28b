// One API request as handlers see it (no HTTP library types): path captures,
// query parameters, the JSON body, the signed-in user, the language, and the
// response being built. Errors are Status values the router turns into
// {"error": {"code", "message", "field"}}.
#ifndef KIEMDEM_API_CALL_H_
#define KIEMDEM_API_CALL_H_

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/app.h"
#include "core/period.h"
#include "core/status.h"

namespace kiemdem::api {

using Json = nlohmann::json;

struct Call {
  App* app = nullptr;
  std::string request_id;  // in the log, the X-Request-Id header and error bodies
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::string method;
  std::string path;
  std::vector<std::string> captures;  // regex groups of the route
  std::map<std::string, std::string> query;
  std::string body;
  std::map<std::string, std::string> request_headers;  // names in lower case
  std::string lang = "vi";                             // "vi" or "en"
  std::string client;                                  // remote address
  bool secure = false;                                 // served over https (ServerOptions::public_url)
  std::optional<Principal> principal;
  std::optional<Json> json;  // the parsed body, once asked for

  // Response.
  int status = 200;
  std::string response;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  // Why the request failed, for the log only (a 5xx's database or library
  // text, a refusal's reason); never sent to the client.
  std::string error_cause;
  // Set by handlers that held much memory (a file, a big body): the server
  // hands freed memory back to the system after answering (malloc_trim).
  bool release_memory = false;

  bool vi() const { return lang == "vi"; }
  const std::string& actor() const;
  // The path capture `i` as an id (1-based in the route's regex).
  Result<int64_t> CaptureId(size_t i) const;
  // A query parameter, or "" when absent.
  std::string Query(const std::string& name) const;
  Result<int64_t> QueryId(const std::string& name) const;  // required
  // The body as a JSON object; a clear error when it is not one.
  Result<const Json*> Body();
  void Reply(const Json& j, int http_status = 200);
};

// JSON bodies nest at most this deep (objects and arrays).
constexpr int kMaxJsonDepth = 64;
// Whether `text`'s brackets outside strings nest deeper than `max_depth`
// (a linear scan, without parsing).
bool NestedDeeperThan(std::string_view text, int max_depth);

// Typed fields of a JSON object, with errors naming the field.
Result<std::string> StringField(const Json& j, const std::string& name, bool required = true);
Result<std::optional<double>> NumberField(const Json& j, const std::string& name, bool required = true);
Result<std::optional<int64_t>> IdField(const Json& j, const std::string& name, bool required = true);
Result<bool> BoolField(const Json& j, const std::string& name);
// Bytes sent as base64 (the standard alphabet; spaces and line breaks are
// skipped); an error naming `field` when `text` is not base64.
Result<std::string> DecodeBase64(const std::string& text, const std::string& field);
// A year: a whole number from kMinYear to kMaxYear (never cast out of range).
constexpr int kMinYear = 1900, kMaxYear = 2200;
Result<std::optional<int>> YearField(const Json& j, const std::string& name, bool required = true);
// ?name= as a year, or `fallback` when absent.
Result<int> QueryYear(const Call& call, const std::string& name, int fallback);
// ?period= (required): a period key (2026, 2026-Q3, 2026-H1, 2026-10,
// 2026-01/2026-10); errors name the field "period".
Result<Period> QueryPeriod(const Call& call);
Result<std::vector<std::string>> StringListField(const Json& j, const std::string& name);
Result<std::optional<Date>> DateField(const Json& j, const std::string& name, bool required = false);

// ?page=&page_size= over a whole list: {"items", "page", "page_size", "total"}.
Result<Json> Paginate(const Call& call, Json items);

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_CALL_H_
