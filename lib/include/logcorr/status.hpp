// Status and Result<T>: the one way the public API says that a call failed.
//
// In the spirit of RE2's ok()/error_code()/error() and simdjson's
// result<T>: a call that can fail returns a Status (nothing else to return)
// or a Result<T> (a value or a Status), never a bool, a null pointer or an
// out-parameter. Callers branch on code(); message() is for people and
// names the file (and byte offset) when the failure is about one. Problems
// with the *content* of inputs are not failures of the call: they go to the
// DiagnosticSink with file and line, and the rest is still processed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace logcorr {

enum class ErrorCode : uint8_t {
  kOk = 0,
  kNotFound,          // no such file, zone, pattern directory
  kPermissionDenied,  // the file exists but cannot be read
  kIoError,           // read(2) failed, a directory where a file was wanted
  kCorruptInput,      // a truncated or damaged archive, a malformed line
  kInvalidArgument,   // a bad zone name, a malformed option value
  kPatternError,      // the pattern packs could not be loaded
  kNewerVersion,      // data written by a newer logcorr (events schema)
};

// "ok", "not_found", ... (stable; for logs and JSON).
std::string_view error_code_name(ErrorCode code);

class Status {
 public:
  Status() = default;  // ok
  Status(ErrorCode code, std::string message, std::string path = {},
         std::optional<uint64_t> offset = std::nullopt)
      : code_(code), message_(std::move(message)), path_(std::move(path)), offset_(offset) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }  // "" when ok
  const std::string& path() const { return path_; }        // the file it is about, or ""
  // Byte offset in the file as stored (compressed bytes for .gz/.zst).
  std::optional<uint64_t> offset() const { return offset_; }
  // "path: byte N: message", "path: message" or "message".
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  std::string path_;
  std::optional<uint64_t> offset_;
};

// A value, or the Status that says why there is none.
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  ErrorCode code() const { return status_.code(); }
  // The value; only meaningful when ok().
  T& value() & { return value_; }
  const T& value() const& { return value_; }
  T&& value() && { return std::move(value_); }
  T* operator->() { return &value_; }
  const T* operator->() const { return &value_; }
  T& operator*() & { return value_; }
  const T& operator*() const& { return value_; }

 private:
  T value_{};
  Status status_;
};

}  // namespace logcorr
