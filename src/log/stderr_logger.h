// The log sink of kiemdem's programs: each line to stderr, prefixed with the
// time (UTC, milliseconds), written whole by one write() so lines from
// different threads never interleave.
//
//   auto log = std::make_shared<log::StderrLogger>(LogLevel::kInfo);
//   ts=2026-11-22T09:15:02.123Z level=error event=request req=… status=500 …
#ifndef KIEMDEM_LOG_STDERR_LOGGER_H_
#define KIEMDEM_LOG_STDERR_LOGGER_H_

#include <mutex>
#include <string>

#include "core/log.h"

namespace kiemdem::log {

class StderrLogger final : public Logger {
 public:
  explicit StderrLogger(LogLevel min_level = LogLevel::kInfo) : Logger(min_level) {}

 protected:
  void Write(LogLevel level, const std::string& line) override;

 private:
  std::mutex mu_;
};

}  // namespace kiemdem::log

#endif  // KIEMDEM_LOG_STDERR_LOGGER_H_
