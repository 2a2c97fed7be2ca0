// The Status of a failed system call on a file, with the code callers branch
// on (a missing file is not a permission problem is not a disk error).
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#include "logcorr/status.hpp"

namespace logcorr::source_detail {

inline Status errno_status(int err, std::string path,
                           std::optional<uint64_t> offset = std::nullopt) {
  ErrorCode code = err == ENOENT || err == ENOTDIR ? ErrorCode::kNotFound
                   : err == EACCES || err == EPERM ? ErrorCode::kPermissionDenied
                                                   : ErrorCode::kIoError;
  return Status(code, std::strerror(err), std::move(path), offset);
}

}  // namespace logcorr::source_detail
