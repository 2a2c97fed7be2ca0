// What an input is (journal, server.log, GC log, client log) and whose it is
// (host, broker), worked out from its layout, its name and its events.
#pragma once

#include <map>
#include <string>

#include "logcorr/event.hpp"
#include "logcorr/format.hpp"
#include "logcorr/reader.hpp"

namespace logcorr::detail {

class InputProfile {
 public:
  InputProfile(const LogicalInput& in, Layout layout);
  void set_layout(Layout layout) { layout_ = layout; }
  // Observes one record's metadata and the events it yielded.
  void observe_host(std::string_view meta_host);
  // `n` records in a row with the same host: the same as n calls.
  void observe_host(std::string_view meta_host, uint64_t n);
  void observe_event(const Event& e);

  // The broker-side host this input speaks for ("" for client inputs).
  const std::string& default_host() const;
  bool broker_side() const;
  InputRole role() const;
  int32_t broker() const;
  std::string host() const;

  InputSummary summary(const InputStats& stats) const;

 private:
  const LogicalInput& in_;
  Layout layout_;
  std::string hint_host_;
  std::map<std::string, uint64_t> meta_hosts_;
  std::map<int32_t, uint64_t> brokers_;
  uint64_t broker_events_ = 0, client_events_ = 0;
  mutable std::string default_host_;
};

}  // namespace logcorr::detail
