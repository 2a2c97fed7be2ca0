#include "logcorr/status.hpp"

#include <fmt/format.h>

namespace logcorr {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kPermissionDenied:
      return "permission_denied";
    case ErrorCode::kIoError:
      return "io_error";
    case ErrorCode::kCorruptInput:
      return "corrupt_input";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kPatternError:
      return "pattern_error";
    case ErrorCode::kNewerVersion:
      return "newer_version";
  }
  return "unknown";
}

std::string Status::to_string() const {
  if (path_.empty()) return message_;
  if (offset_) return fmt::format("{}: byte {}: {}", path_, *offset_, message_);
  return fmt::format("{}: {}", path_, message_);
}

}  // namespace logcorr
