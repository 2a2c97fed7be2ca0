// Scoring causes against a burst, choosing the verdict, and the advice.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "burst_builder.hpp"
#include "cause_index.hpp"
#include "connection_ages.hpp"
#include "logcorr/correlate.hpp"

namespace logcorr::detail {

// What the client configs seen so far say about one client.
struct ClientConfig {
  int64_t request_timeout_ns = -1;
  int64_t idle_ns = -1;
  std::string idempotence, acks, retries;
  std::string input;
};

struct VerdictContext {
  const CorrelateOptions& opts;
  const EntityMap& entities;
  const CauseIndex& causes;
  // by client id and by input label
  const std::map<std::string, ClientConfig>& configs;
  const std::vector<InputSummary>& coverage;
  const ConnectionAges& ages;
};

// Fills burst.causes, verdict, confidence, advice, warnings, coverage gaps.
void decide(PendingBurst& pb, const VerdictContext& ctx);

std::vector<std::string> advice_for(Verdict v);
// "240 ms", "4.0 s", "4.0 min", "2.5 h"; "?" for a negative duration.
std::string human_duration(int64_t ns);
// The advice when Kubernetes records decided the cause (what to change on
// Kubernetes: memory limit vs -Xmx, PodDisruptionBudget, grace period, probes).
std::vector<std::string> kube_advice_for(Verdict v, const std::string& why_key);

}  // namespace logcorr::detail
