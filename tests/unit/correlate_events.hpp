// Events and coverage for the correlator's tests (correlate_test,
// said_causes_test): lines as real clients and brokers print them, with
// the times of the incident under test.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "logcorr/correlate.hpp"
#include "logcorr/time.hpp"

namespace logcorr::test {

inline constexpr int64_t kSec = 1'000'000'000;
// 2026-06-29T14:22:00Z
inline const int64_t T0 = 1782742920LL * kSec;

// An event of `kind` at `t` from `input`; each gets the next line number
// (within its test program), so no two events share a record.
inline Event ev(EventKind k, int64_t t, std::string input, std::string text, int32_t broker = -1,
                std::string host = "", std::string client = "",
                std::vector<std::pair<std::string, std::string>> fields = {}) {
  Event e;
  e.kind = k;
  e.time_ns = t;
  e.time_valid = true;
  e.precision = Precision::kMilli;
  e.input = std::move(input);
  e.text = std::move(text);
  e.broker = broker;
  e.host = std::move(host);
  e.client = std::move(client);
  e.fields = std::move(fields);
  static uint64_t line = 0;
  e.line = ++line;
  return e;
}

// An input of `role` covering T0 ± 1 h.
inline InputSummary coverage(std::string input, InputRole role, std::string host, int32_t broker) {
  InputSummary in;
  in.input = std::move(input);
  in.role = role;
  in.host = std::move(host);
  in.broker = broker;
  in.first_ns = T0 - 3600 * kSec;
  in.last_ns = T0 + 3600 * kSec;
  return in;
}

}  // namespace logcorr::test
