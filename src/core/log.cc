#include "core/log.h"

#include <charconv>

#include "core/text.h"

namespace kiemdem {

const char* LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

Result<LogLevel> ParseLogLevel(std::string_view name) {
  for (LogLevel l : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (name == LogLevelName(l)) return l;
  }
  return InvalidArgument(
      "'" + std::string(name.substr(0, 40)) + "' is not a log level (debug, info, warn, error)",
      "'" + std::string(name.substr(0, 40)) + "' không phải mức ghi nhật ký (debug, info, warn, error)");
}

LogField::LogField(std::string_view k, double v) : key(k) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  value = ec == std::errc() ? std::string(buf, end) : "nan";
}

namespace {

// The longest prefix of `s` of at most `max` bytes that ends on a UTF-8 boundary.
std::string_view CutUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

void AppendValue(std::string& out, std::string_view raw, size_t max_value) {
  std::string valid;
  if (!ValidateUtf8(raw).ok()) {
    // Replace each byte that does not start a valid sequence with U+FFFD.
    for (size_t i = 0; i < raw.size(); ++i) {
      size_t len = 1;
      unsigned char c = static_cast<unsigned char>(raw[i]);
      if (c >= 0xF0)
        len = 4;
      else if (c >= 0xE0)
        len = 3;
      else if (c >= 0xC0)
        len = 2;
      if (c >= 0x80 && (i + len > raw.size() || !ValidateUtf8(raw.substr(i, len)).ok())) {
        valid += "\xEF\xBF\xBD";
        continue;
      }
      valid.append(raw.substr(i, len));
      i += len - 1;
    }
    raw = valid;
  }
  std::string_view v = CutUtf8(raw, max_value);
  bool cut = v.size() < raw.size();
  bool quote = v.empty() || cut;
  for (char c : v) {
    if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20) quote = true;
  }
  if (!quote) {
    out.append(v);
    return;
  }
  out += '"';
  for (char c : v) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\x";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  if (cut) out += "\xE2\x80\xA6";  // …
  out += '"';
}

}  // namespace

std::string FormatLogLine(LogLevel level, std::string_view event, const std::vector<LogField>& fields,
                          size_t max_value) {
  std::string out = "level=";
  out += LogLevelName(level);
  out += " event=";
  AppendValue(out, event, max_value);
  for (const LogField& f : fields) {
    out += ' ';
    out.append(f.key);
    out += '=';
    AppendValue(out, f.value, max_value);
  }
  return out;
}

void Logger::Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields) {
  if (!Enabled(level)) return;
  Write(level, FormatLogLine(level, event, std::vector<LogField>(fields)));
}

void Logger::Log(LogLevel level, std::string_view event, const std::vector<LogField>& fields) {
  if (!Enabled(level)) return;
  Write(level, FormatLogLine(level, event, fields));
}

std::vector<std::string> MemoryLogger::lines() const {
  std::lock_guard<std::mutex> lock(mu_);
  return lines_;
}

void MemoryLogger::Write(LogLevel, const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  lines_.push_back(line);
}

}  // namespace kiemdem
