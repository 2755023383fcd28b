// Small HTTP pieces the server needs around Boost.Beast: request targets
// split into path and decoded query, Accept-Language, cookies, content types,
// and matching a path against the route table's patterns.
#ifndef KIEMDEM_API_HTTP_UTIL_H_
#define KIEMDEM_API_HTTP_UTIL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kiemdem::api {

// "%C4%91" and "+" decoded; false on a malformed escape.
bool UrlDecode(std::string_view in, std::string* out);
// "/api/v1/units?q=quang+hung&on=01%2F01%2F2020" -> path and parameters.
bool SplitTarget(std::string_view target, std::string* path, std::map<std::string, std::string>* query);
// "vi" unless the first preference is English.
std::string LanguageFrom(std::string_view accept_language, std::string_view lang_param);
std::string CookieValue(std::string_view cookies, std::string_view name);
const char* ContentTypeFor(std::string_view path);

// A route pattern as segments: literal text, "(\d+)" (digits) or "([…]{1,64})" (a name).
class PathPattern {
 public:
  explicit PathPattern(std::string_view pattern);
  // Captures in order, when `path` matches.
  bool Match(std::string_view path, std::vector<std::string>* captures) const;

 private:
  enum class Kind { kLiteral, kDigits, kName };
  struct Segment {
    Kind kind;
    std::string text;
  };
  std::vector<Segment> segments_;
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_HTTP_UTIL_H_
