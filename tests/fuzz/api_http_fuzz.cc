// Fuzzes what the server parses by hand: request targets (path and decoded
// query), Accept-Language, cookies, and route patterns.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "api/http_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::string path;
  std::map<std::string, std::string> query;
  if (kiemdem::api::SplitTarget(text, &path, &query)) {
    static const kiemdem::api::PathPattern kPatterns[] = {
        kiemdem::api::PathPattern(R"(/results/(\d+)/approve)"),
        kiemdem::api::PathPattern(R"(/users/([A-Za-z0-9._@-]{1,64})/roles)"),
        kiemdem::api::PathPattern("/units"),
    };
    std::vector<std::string> captures;
    for (const auto& p : kPatterns) {
      if (p.Match(path, &captures) && captures.size() > 2) __builtin_trap();
    }
  }
  (void)kiemdem::api::LanguageFrom(text, "");
  (void)kiemdem::api::CookieValue(text, "kd_session");
  (void)kiemdem::api::ContentTypeFor(text);
  return 0;
}
