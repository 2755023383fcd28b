// Status and Result<T>: errors as values at module edges.
//
// A Status carries a code and a message in English and Vietnamese, so that the
// API can answer in the caller's language and the CLI can print both. Success
// carries neither. Result<T> holds either a T or a non-OK Status.
//
//   Result<Period> p = Period::Parse("2018-Q3");
//   if (!p.ok()) return p.status();
//   ASSIGN_OR_RETURN(Period q, Period::Parse(text));
//   RETURN_IF_ERROR(plan.Validate());
#ifndef KIEMDEM_CORE_STATUS_H_
#define KIEMDEM_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace kiemdem {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // the input is malformed or out of range
  kNotFound,            // a named thing (unit code, indicator) does not exist
  kAlreadyExists,       // a duplicate
  kFailedPrecondition,  // the state does not allow it (e.g. approved figure)
  kPermissionDenied,
  kUnauthenticated,
  kResourceExhausted,  // too large, too many
  kDataLoss,           // stored data is corrupt
  kUnavailable,        // retry later (busy database)
  kInternal,
};

// Returns a stable lower-case name, e.g. "invalid_argument".
const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message_en, std::string message_vi);

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_en_; }
  const std::string& message_vi() const { return message_vi_; }
  // The message in the language asked for ("vi" or anything else for English).
  const std::string& message_in(const std::string& lang) const;
  // The field or location the error is about ("row 3, column B"), if any.
  const std::string& field() const { return field_; }
  Status& WithField(std::string field) {
    field_ = std::move(field);
    return *this;
  }
  // "invalid_argument: <en message>"; "ok" for success.
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_en_;
  std::string message_vi_;
  std::string field_;
};

Status InvalidArgument(std::string en, std::string vi);
Status NotFound(std::string en, std::string vi);
Status AlreadyExists(std::string en, std::string vi);
Status FailedPrecondition(std::string en, std::string vi);
Status OutOfRange(std::string en, std::string vi);  // kInvalidArgument
Status Internal(std::string en, std::string vi);
Status PermissionDenied(std::string en, std::string vi);
Status Unauthenticated(std::string en, std::string vi);
Status ResourceExhausted(std::string en, std::string vi);
Status DataLoss(std::string en, std::string vi);

namespace internal {
// Prints "Result::value() of an error: <status>" to stderr and aborts: a
// programmer error, reported the same way in every build.
[[noreturn]] void DieOfBadResultAccess(const Status& status);
}  // namespace internal

// Either a value or an error. Accessing value() of an error is a programmer
// error: the process aborts with the status message (in release builds too),
// never a thrown exception.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}        // NOLINT(google-explicit-constructor)
  Result(Status status) : data_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!std::get<Status>(data_).ok() && "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(data_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(data_);
  }
  const T& value() const& {
    CheckOk();
    return *std::get_if<T>(&data_);
  }
  T& value() & {
    CheckOk();
    return *std::get_if<T>(&data_);
  }
  T&& value() && {
    CheckOk();
    return std::move(*std::get_if<T>(&data_));
  }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  // By value, so that `for (auto& x : *F())` does not dangle.
  T operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }

 private:
  void CheckOk() const {
    if (!ok()) internal::DieOfBadResultAccess(*std::get_if<Status>(&data_));
  }
  std::variant<T, Status> data_;
};

}  // namespace kiemdem

#define KIEMDEM_CONCAT_INNER_(a, b) a##b
#define KIEMDEM_CONCAT_(a, b) KIEMDEM_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    ::kiemdem::Status kiemdem_status_ = (expr);        \
    if (!kiemdem_status_.ok()) return kiemdem_status_; \
  } while (false)

// NOLINTBEGIN(bugprone-macro-parentheses): `lhs` may be a declaration.
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(KIEMDEM_CONCAT_(kiemdem_result_, __LINE__), lhs, expr)
// NOLINTEND(bugprone-macro-parentheses)

#endif  // KIEMDEM_CORE_STATUS_H_
