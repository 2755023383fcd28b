#include "api/http_util.h"

#include <cctype>

namespace kiemdem::api {
namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t p = s.find(sep, start);
    out.push_back(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

}  // namespace

bool UrlDecode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      *out += ' ';
    } else if (in[i] == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = Hex(in[i + 1]), lo = Hex(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      *out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      *out += in[i];
    }
  }
  return true;
}

bool SplitTarget(std::string_view target, std::string* path, std::map<std::string, std::string>* query) {
  size_t q = target.find('?');
  if (!UrlDecode(target.substr(0, q), path)) return false;
  if (q == std::string_view::npos) return true;
  for (std::string_view pair : Split(target.substr(q + 1), '&')) {
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key, value;
    if (!UrlDecode(pair.substr(0, eq), &key)) return false;
    if (eq != std::string_view::npos && !UrlDecode(pair.substr(eq + 1), &value)) return false;
    query->emplace(std::move(key), std::move(value));
  }
  return true;
}

std::string LanguageFrom(std::string_view accept_language, std::string_view lang_param) {
  std::string_view pick =
      lang_param.empty() ? accept_language.substr(0, accept_language.find(',')) : lang_param;
  while (!pick.empty() && pick.front() == ' ') pick.remove_prefix(1);
  bool en = pick.size() >= 2 && std::tolower(static_cast<unsigned char>(pick[0])) == 'e' &&
            std::tolower(static_cast<unsigned char>(pick[1])) == 'n';
  return en ? "en" : "vi";
}

std::string CookieValue(std::string_view cookies, std::string_view name) {
  for (std::string_view part : Split(cookies, ';')) {
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.size() > name.size() && part.substr(0, name.size()) == name && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
  }
  return "";
}

const char* ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json; charset=utf-8";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

PathPattern::PathPattern(std::string_view pattern) {
  for (std::string_view seg : Split(pattern, '/')) {
    if (seg.empty()) continue;
    if (seg.front() == '(') {
      segments_.push_back({seg.find("\\d") != std::string_view::npos ? Kind::kDigits : Kind::kName, ""});
    } else {
      segments_.push_back({Kind::kLiteral, std::string(seg)});
    }
  }
}

bool PathPattern::Match(std::string_view path, std::vector<std::string>* captures) const {
  captures->clear();
  size_t i = 0;
  for (std::string_view seg : Split(path, '/')) {
    if (seg.empty()) continue;
    if (i >= segments_.size()) return false;
    const Segment& s = segments_[i++];
    switch (s.kind) {
      case Kind::kLiteral:
        if (seg != s.text) return false;
        break;
      case Kind::kDigits:
        if (seg.size() > 18) return false;
        for (char c : seg) {
          if (!std::isdigit(static_cast<unsigned char>(c))) return false;
        }
        captures->emplace_back(seg);
        break;
      case Kind::kName:
        if (seg.size() > 64) return false;
        for (char c : seg) {
          if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '@' && c != '-')
            return false;
        }
        captures->emplace_back(seg);
        break;
    }
  }
  return i == segments_.size();
}

}  // namespace kiemdem::api
