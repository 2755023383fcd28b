// The log: one structured line per event, at a level, with named fields.
// This is the interface every module may take (core stays pure: formatting
// only, no I/O); the sink that writes lines to stderr is in src/log/. A
// component that cannot return an error to a caller (a background thread, a
// rollback that fails) logs it here instead of dropping it.
//
//   logger.Log(LogLevel::kError, "request", {{"req", id}, {"status", 500}, {"cause", s.message()}});
//   -> level=error event=request req=4f2a… status=500 cause="save directive: …"
//
// Loggers are thread-safe: one is shared by every thread of a server.
#ifndef KIEMDEM_CORE_LOG_H_
#define KIEMDEM_CORE_LOG_H_

#include <cstdint>
#include <initializer_list>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kiemdem {

enum class LogLevel { kDebug, kInfo, kWarn, kError };
const char* LogLevelName(LogLevel level);  // "debug", "info", "warn", "error"
Result<LogLevel> ParseLogLevel(std::string_view name);

// One key=value of a line. Values are text; numbers are written as digits.
struct LogField {
  LogField(std::string_view k, std::string_view v) : key(k), value(v) {}
  LogField(std::string_view k, const std::string& v) : key(k), value(v) {}
  LogField(std::string_view k, const char* v) : key(k), value(v == nullptr ? "" : v) {}
  LogField(std::string_view k, int64_t v) : key(k), value(std::to_string(v)) {}
  LogField(std::string_view k, int v) : key(k), value(std::to_string(v)) {}
  LogField(std::string_view k, size_t v) : key(k), value(std::to_string(v)) {}
  LogField(std::string_view k, double v);
  std::string_view key;  // a literal: [a-z_]+
  std::string value;
};

// "level=warn event=login_failed user=\"lê an\" client=127.0.0.1": logfmt, so
// a line reads as text and splits without ambiguity. Values with spaces,
// quotes, '=' or control characters are quoted with \" \\ \n \t escapes;
// invalid UTF-8 is replaced; a value is cut at `max_value` bytes (with "…").
std::string FormatLogLine(LogLevel level, std::string_view event, const std::vector<LogField>& fields,
                          size_t max_value = 4096);

class Logger {
 public:
  explicit Logger(LogLevel min_level = LogLevel::kInfo) : min_level_(min_level) {}
  virtual ~Logger() = default;
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  bool Enabled(LogLevel level) const { return level >= min_level_; }
  LogLevel min_level() const { return min_level_; }
  // Formats and writes one line when `level` is enabled.
  void Log(LogLevel level, std::string_view event, std::initializer_list<LogField> fields);
  void Log(LogLevel level, std::string_view event, const std::vector<LogField>& fields);

 protected:
  // Writes one formatted line (no newline); called from any thread.
  virtual void Write(LogLevel level, const std::string& line) = 0;

 private:
  LogLevel min_level_;
};

// Drops every line (tests that do not look at the log).
class NullLogger final : public Logger {
 public:
  NullLogger() : Logger(LogLevel::kError) {}

 protected:
  void Write(LogLevel, const std::string&) override {}
};

// Keeps lines in memory, for tests that check what was logged. Not for servers.
class MemoryLogger final : public Logger {
 public:
  explicit MemoryLogger(LogLevel min_level = LogLevel::kDebug) : Logger(min_level) {}
  std::vector<std::string> lines() const;

 protected:
  void Write(LogLevel level, const std::string& line) override;

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

}  // namespace kiemdem

#endif  // KIEMDEM_CORE_LOG_H_
