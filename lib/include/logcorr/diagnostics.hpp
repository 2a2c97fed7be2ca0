// Diagnostics: how the library reports bad input without throwing or printing.
//
// The library never writes to stdout/stderr. Every problem with an input
// (unreadable file, truncated archive, over-long record, unparsable stamp) is
// reported to a caller-supplied DiagnosticSink with the file and the line or
// byte offset, and processing continues with the rest.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "logcorr/status.hpp"

namespace logcorr {

enum class Severity : uint8_t {
  kNote,     // informational: "assumed UTC for broker-1/server.log"
  kWarning,  // data was altered or partly skipped, the run is still complete
  kError,    // an input (or part of one) could not be read: exit code 2
};

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string path;   // the file (or "-" for stdin); empty when not about a file
  uint64_t line = 0;  // 1-based line, 0 when unknown / not applicable
  // Byte offset in the file as stored (for a .gz/.zst: in the compressed
  // bytes, where the damage is), when meaningful.
  uint64_t offset = 0;
  bool has_offset = false;
  std::string message;

  // "path:line: message" or "path: byte N: message", as compilers print.
  std::string to_string() const;
};

// Receives diagnostics. Implementations must be cheap; the library calls
// report() at most a bounded number of times per input for repeated problems
// (it summarises the rest).
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void report(const Diagnostic& d) = 0;
};

// A sink that keeps everything; handy for tests and for the CLI, which prints
// at the end or as it goes.
class CollectingSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic& d) override { items.push_back(d); }
  bool has_errors() const;
  std::vector<Diagnostic> items;
};

// A sink that drops everything (default when a caller passes none).
class NullSink final : public DiagnosticSink {
 public:
  void report(const Diagnostic&) override {}
};

}  // namespace logcorr
