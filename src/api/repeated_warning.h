// A warning from work that repeats (the watcher runs every 100 ms): logged
// when it differs from the last one logged, not again while the same failure
// goes on; Clear() after a success lets the next failure be logged even if
// it is the same. Thread-safe.
//
//   if (!v.ok()) {
//     warning_.Log(*logger_, "data_version_failed", v.status());  // once while it fails so
//     return;
//   }
//   warning_.Clear();
#ifndef KIEMDEM_API_REPEATED_WARNING_H_
#define KIEMDEM_API_REPEATED_WARNING_H_

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/log.h"
#include "core/status.h"

namespace kiemdem::api {

class RepeatedWarning {
 public:
  // Logs `event` at kWarn with `fields`, unless the last line logged was the
  // same event with the same fields.
  void Log(Logger& logger, std::string_view event, const std::vector<LogField>& fields) {
    std::string key = FormatLogLine(LogLevel::kWarn, event, fields);
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (key == last_) return;
      last_ = std::move(key);
    }
    logger.Log(LogLevel::kWarn, event, fields);
  }
  // The same with the error's code and message.
  void Log(Logger& logger, std::string_view event, const Status& error) {
    Log(logger, event, {{"code", StatusCodeName(error.code())}, {"error", error.message()}});
  }
  void Clear() {
    std::lock_guard<std::mutex> lock(mu_);
    last_.clear();
  }

 private:
  std::mutex mu_;
  std::string last_;  // the line last logged; empty: none since Clear
};

}  // namespace kiemdem::api

#endif  // KIEMDEM_API_REPEATED_WARNING_H_
