// A tiny JSON object writer for audit values: {"value": 12, "status": "draft"}.
#ifndef KIEMDEM_STORE_INTERNAL_JSON_TEXT_H_
#define KIEMDEM_STORE_INTERNAL_JSON_TEXT_H_

#include <cmath>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace kiemdem::store::internal {

class JsonObject {
 public:
  JsonObject& Add(std::string_view key, std::string_view value) {
    Key(key);
    Quote(value);
    return *this;
  }
  JsonObject& Add(std::string_view key, const char* value) { return Add(key, std::string_view(value)); }
  JsonObject& Add(std::string_view key, double value) {
    Key(key);
    char b[32];
    std::snprintf(b, sizeof b, "%.17g", std::isfinite(value) ? value : 0.0);
    out_ += b;
    return *this;
  }
  JsonObject& Add(std::string_view key, const std::optional<double>& value) {
    if (!value) {
      Key(key);
      out_ += "null";
      return *this;
    }
    return Add(key, *value);
  }
  JsonObject& Add(std::string_view key, bool value) {
    Key(key);
    out_ += value ? "true" : "false";
    return *this;
  }
  // `json` must already be valid JSON (an array or object written by this class).
  JsonObject& AddRaw(std::string_view key, std::string_view json) {
    Key(key);
    out_ += json;
    return *this;
  }
  std::string str() const { return out_ + "}"; }

 private:
  void Key(std::string_view key) {
    out_ += out_.size() > 1 ? ", " : "";
    Quote(key);
    out_ += ": ";
  }
  void Quote(std::string_view s) {
    out_ += '"';
    for (char c : s) {
      if (c == '"' || c == '\\') {
        out_ += '\\';
        out_ += c;
      } else if (static_cast<unsigned char>(c) < 0x20) {
        char b[8];
        std::snprintf(b, sizeof b, "\\u%04x", c);
        out_ += b;
      } else {
        out_ += c;
      }
    }
    out_ += '"';
  }
  std::string out_ = "{";
};

}  // namespace kiemdem::store::internal

#endif  // KIEMDEM_STORE_INTERNAL_JSON_TEXT_H_
