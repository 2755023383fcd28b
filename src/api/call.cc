#include "api/call.h"

#include <sodium.h>

#include <charconv>
#include <cmath>

namespace kiemdem::api {
namespace {

Status WrongType(const std::string& name, const char* want_en, const char* want_vi) {
  return InvalidArgument("field '" + name + "' must be " + want_en,
                         "trường '" + name + "' phải là " + want_vi)
      .WithField(name);
}

Status Missing(const std::string& name) {
  return InvalidArgument("field '" + name + "' is required", "thiếu trường '" + name + "'").WithField(name);
}

Result<int64_t> ParseId(const std::string& text, const std::string& name) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || v <= 0) {
    return InvalidArgument("'" + name + "' must be a positive whole number, not '" + text.substr(0, 40) + "'",
                           "'" + name + "' phải là số nguyên dương, không phải '" + text.substr(0, 40) + "'")
        .WithField(name);
  }
  return v;
}

}  // namespace

bool NestedDeeperThan(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

const std::string& Call::actor() const {
  static const std::string kAnonymous = "anonymous";
  return principal ? principal->user.username : kAnonymous;
}

Result<int64_t> Call::CaptureId(size_t i) const {
  if (i == 0 || i > captures.size()) return Internal("route has no capture", "lỗi định tuyến");
  return ParseId(captures[i - 1], "id");
}

std::string Call::Query(const std::string& name) const {
  auto it = query.find(name);
  return it == query.end() ? "" : it->second;
}

Result<int64_t> Call::QueryId(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) {
    return InvalidArgument("query parameter '" + name + "' is required", "thiếu tham số '" + name + "'")
        .WithField(name);
  }
  return ParseId(it->second, name);
}

Result<const Json*> Call::Body() {
  if (!json) {
    // Checked before parsing: each level costs the parser memory.
    if (NestedDeeperThan(body, kMaxJsonDepth)) {
      return InvalidArgument(
                 "the request body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels",
                 "nội dung yêu cầu lồng sâu quá " + std::to_string(kMaxJsonDepth) + " cấp")
          .WithField("body");
    }
    Json parsed = Json::parse(body, nullptr, false);
    if (parsed.is_discarded()) {
      return InvalidArgument("the request body is not valid JSON", "nội dung yêu cầu không phải JSON hợp lệ")
          .WithField("body");
    }
    if (!parsed.is_object()) {
      return InvalidArgument("the request body must be a JSON object",
                             "nội dung yêu cầu phải là đối tượng JSON")
          .WithField("body");
    }
    json = std::move(parsed);
  }
  return &*json;
}

void Call::Reply(const Json& j, int http_status) {
  status = http_status;
  response = j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::string> StringField(const Json& j, const std::string& name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Missing(name);
    return std::string();
  }
  if (!it->is_string()) return WrongType(name, "text", "chuỗi ký tự");
  return it->get<std::string>();
}

Result<std::optional<double>> NumberField(const Json& j, const std::string& name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Missing(name);
    return std::optional<double>();
  }
  if (!it->is_number()) return WrongType(name, "a number", "số");
  double v = it->get<double>();
  if (!std::isfinite(v)) return WrongType(name, "a finite number", "số hữu hạn");
  return std::optional<double>(v);
}

Result<std::optional<int64_t>> IdField(const Json& j, const std::string& name, bool required) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) {
    if (required) return Missing(name);
    return std::optional<int64_t>();
  }
  if (!it->is_number_integer() || it->get<int64_t>() <= 0)
    return WrongType(name, "a positive whole number", "số nguyên dương");
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<std::string> DecodeBase64(const std::string& text, const std::string& field) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(),
                        " \r\n", &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return InvalidArgument("'" + field + "' is not valid base64", "'" + field + "' không phải base64 hợp lệ")
        .WithField(field);
  }
  out.resize(len);
  return out;
}

Result<bool> BoolField(const Json& j, const std::string& name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return false;
  if (!it->is_boolean()) return WrongType(name, "true or false", "true hoặc false");
  return it->get<bool>();
}

namespace {

Status NotAYear(const std::string& name) {
  return InvalidArgument(
             "'" + name + "' must be a year from " + std::to_string(kMinYear) + " to " +
                 std::to_string(kMaxYear),
             "'" + name + "' phải là năm từ " + std::to_string(kMinYear) + " đến " + std::to_string(kMaxYear))
      .WithField(name);
}

}  // namespace

Result<std::optional<int>> YearField(const Json& j, const std::string& name, bool required) {
  ASSIGN_OR_RETURN(std::optional<double> v, NumberField(j, name, required));
  if (!v) return std::optional<int>();
  if (*v < kMinYear || *v > kMaxYear || *v != std::floor(*v)) return NotAYear(name);
  return std::optional<int>(static_cast<int>(*v));
}

Result<int> QueryYear(const Call& call, const std::string& name, int fallback) {
  std::string text = call.Query(name);
  if (text.empty()) return fallback;
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < kMinYear || v > kMaxYear)
    return NotAYear(name);
  return v;
}

Result<Period> QueryPeriod(const Call& call) {
  std::string text = call.Query("period");
  if (text.empty()) {
    return InvalidArgument("query parameter 'period' is required (2026, 2026-Q3, 2026-H1, 2026-01/2026-10)",
                           "thiếu tham số 'period' (2026, 2026-Q3, 2026-H1, 2026-01/2026-10)")
        .WithField("period");
  }
  Result<Period> p = Period::Parse(text);
  if (!p.ok()) {
    Status s = p.status();
    return s.WithField("period");
  }
  return *p;
}

Result<std::vector<std::string>> StringListField(const Json& j, const std::string& name) {
  std::vector<std::string> out;
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return out;
  if (!it->is_array()) return WrongType(name, "a list of texts", "danh sách chuỗi");
  for (const Json& v : *it) {
    if (!v.is_string()) return WrongType(name, "a list of texts", "danh sách chuỗi");
    out.push_back(v.get<std::string>());
  }
  return out;
}

Result<std::optional<Date>> DateField(const Json& j, const std::string& name, bool required) {
  ASSIGN_OR_RETURN(std::string text, StringField(j, name, required));
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) {
    Status s = d.status();
    return s.WithField(name);
  }
  return std::optional<Date>(*d);
}

Result<Json> Paginate(const Call& call, Json items) {
  int64_t page = 1, size = 50;
  if (!call.Query("page").empty()) {
    ASSIGN_OR_RETURN(page, call.QueryId("page"));
  }
  if (!call.Query("page_size").empty()) {
    ASSIGN_OR_RETURN(size, call.QueryId("page_size"));
    if (size > 500) {
      return InvalidArgument("page_size is at most 500", "page_size tối đa là 500").WithField("page_size");
    }
  }
  size_t total = items.size();
  // Pages past the end are empty; (page - 1) * size is formed only when it
  // cannot overflow.
  auto skipped = static_cast<size_t>(page - 1);
  size_t begin = skipped > total / static_cast<size_t>(size) ? total : skipped * static_cast<size_t>(size);
  begin = std::min(total, begin);
  size_t end = std::min(total, begin + static_cast<size_t>(size));
  Json slice = Json::array();
  for (size_t i = begin; i < end; ++i) slice.push_back(std::move(items[i]));
  return Json{{"items", std::move(slice)}, {"page", page}, {"page_size", size}, {"total", total}};
}

}  // namespace kiemdem::api
