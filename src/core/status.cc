#include "core/status.h"

#include <cstdio>
#include <cstdlib>

namespace kiemdem {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kPermissionDenied: return "permission_denied";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kResourceExhausted: return "resource_exhausted";
    case StatusCode::kDataLoss: return "data_loss";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string message_en, std::string message_vi)
    : code_(code), message_en_(std::move(message_en)), message_vi_(std::move(message_vi)) {
  if (message_vi_.empty()) message_vi_ = message_en_;
}

const std::string& Status::message_in(const std::string& lang) const {
  return lang == "vi" ? message_vi_ : message_en_;
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  std::string out = StatusCodeName(code_);
  out += ": ";
  out += message_en_;
  return out;
}

Status InvalidArgument(std::string en, std::string vi) {
  return {StatusCode::kInvalidArgument, std::move(en), std::move(vi)};
}
Status NotFound(std::string en, std::string vi) {
  return {StatusCode::kNotFound, std::move(en), std::move(vi)};
}
Status AlreadyExists(std::string en, std::string vi) {
  return {StatusCode::kAlreadyExists, std::move(en), std::move(vi)};
}
Status FailedPrecondition(std::string en, std::string vi) {
  return {StatusCode::kFailedPrecondition, std::move(en), std::move(vi)};
}
Status OutOfRange(std::string en, std::string vi) {
  return {StatusCode::kInvalidArgument, std::move(en), std::move(vi)};
}
Status Internal(std::string en, std::string vi) {
  return {StatusCode::kInternal, std::move(en), std::move(vi)};
}

Status PermissionDenied(std::string en, std::string vi) {
  return Status(StatusCode::kPermissionDenied, std::move(en), std::move(vi));
}

Status Unauthenticated(std::string en, std::string vi) {
  return Status(StatusCode::kUnauthenticated, std::move(en), std::move(vi));
}

Status DataLoss(std::string en, std::string vi) {
  return Status(StatusCode::kDataLoss, std::move(en), std::move(vi));
}

namespace internal {
void DieOfBadResultAccess(const Status& status) {
  // The one place core writes anything: the last words of a programmer error.
  std::fprintf(stderr, "Result::value() of an error: %s\n", status.ToString().c_str());
  std::abort();
}
}  // namespace internal

Status ResourceExhausted(std::string en, std::string vi) {
  return Status(StatusCode::kResourceExhausted, std::move(en), std::move(vi));
}

}  // namespace kiemdem
