// The data the HTML report draws besides the findings themselves: lanes
// (brokers, clients), symptom density per lane, which lane each cause sits
// on, and the time extent. Binned here rather than in the page so the file
// stays small whatever the number of symptoms (max_density_bins bounds it).
#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <map>
#include <set>

#include "logcorr/json_text.hpp"
#include "logcorr/time.hpp"
#include "report/report_html_internal.hpp"

namespace logcorr::html {

namespace {

// A network-path cause names the path between clients and brokers, not a
// broker: it is drawn on no lane (the burst's band carries it). Its kind is
// a client's (a disconnect, dns_failure, no_route), never a broker-side one.
bool on_the_path(const Cause& c) {
  return c.broker < 0 && c.host.empty() && (is_symptom(c.kind) || is_auth_or_path(c.kind));
}
constexpr uint32_t kNoLane = UINT32_MAX;

}  // namespace

namespace {

int64_t floor_ms(int64_t ns) {
  int64_t q = ns / kNanosPerMilli;
  return (ns % kNanosPerMilli < 0) ? q - 1 : q;
}

std::string basename(std::string_view path) {
  size_t slash = path.find_last_of('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// "orders-service-7.log" -> "orders-service": client fleets name their logs
// after the application plus an instance number.
std::string group_key(const std::string& base) {
  std::string k = base.substr(0, base.find('.'));
  while (!k.empty() && k.back() >= '0' && k.back() <= '9') k.pop_back();
  while (!k.empty() && (k.back() == '-' || k.back() == '_')) k.pop_back();
  return k.empty() ? base : k;
}

// Time extent of everything the picture may draw.
struct Extent {
  bool any = false;
  int64_t lo = 0, hi = 0;
  void add(int64_t ms) {
    if (!any) {
      lo = hi = ms;
      any = true;
    }
    lo = std::min(lo, ms);
    hi = std::max(hi, ms);
  }
};

void add_density(Lane& lane, int64_t bin) {
  if (!lane.density.empty() && lane.density.back().first == bin)
    ++lane.density.back().second;
  else
    lane.density.emplace_back(bin, 1);
  ++lane.symptoms;
}

// Density built from marks out of time order (an embedder's hand-made
// report): sort and merge equal bins.
void normalize_density(Lane& lane) {
  auto& d = lane.density;
  if (std::is_sorted(d.begin(), d.end())) {
    bool dup = false;
    for (size_t i = 1; i < d.size() && !dup; ++i) dup = d[i].first == d[i - 1].first;
    if (!dup) return;
  }
  std::sort(d.begin(), d.end());
  std::vector<std::pair<int64_t, uint32_t>> out;
  for (const auto& [b, n] : d) {
    if (!out.empty() && out.back().first == b)
      out.back().second += n;
    else
      out.emplace_back(b, n);
  }
  d = std::move(out);
}

class BrokerLanes {
 public:
  BrokerLanes(const AnalysisReport& r) {
    for (const auto& p : r.entities) host_broker_.emplace(p.host, p.broker);
    for (const auto& in : r.inputs)
      if (in.broker >= 0 && !in.host.empty()) host_broker_.emplace(in.host, in.broker);
  }
  void want(int32_t broker, const std::string& host) {
    if (broker < 0 && !host.empty()) broker = broker_of(host);
    if (broker >= 0) {
      ids_.insert(broker);
      if (!host.empty()) id_hosts_[broker].insert(host);
    } else if (!host.empty()) {
      hosts_.insert(host);
    } else {
      unknown_ = true;
    }
  }
  void make(std::vector<Lane>& lanes) {
    for (int32_t id : ids_) {
      Lane l;
      l.type = Lane::Type::kBroker;
      l.broker = id;
      l.label = fmt::format("broker {}", id);
      for (const auto& h : id_hosts_[id]) {
        if (l.host.empty()) l.host = h;
        l.detail += (l.detail.empty() ? "" : ", ") + h;
      }
      by_id_[id] = static_cast<uint32_t>(lanes.size());
      lanes.push_back(std::move(l));
    }
    for (const auto& h : hosts_) {
      Lane l;
      l.type = Lane::Type::kBroker;
      l.host = h;
      l.label = h;
      l.detail = "broker id unknown";
      by_host_[h] = static_cast<uint32_t>(lanes.size());
      lanes.push_back(std::move(l));
    }
    if (unknown_) {
      Lane l;
      l.type = Lane::Type::kBroker;
      l.label = "broker ?";
      l.detail = "broker-side logs naming no host";
      unknown_lane_ = static_cast<uint32_t>(lanes.size());
      lanes.push_back(std::move(l));
    }
  }
  // The lane of a broker / host (after make(); want() was called for it).
  uint32_t lane(int32_t broker, const std::string& host) const {
    if (broker < 0 && !host.empty()) broker = broker_of(host);
    if (broker >= 0) return by_id_.at(broker);
    if (!host.empty()) return by_host_.at(host);
    return unknown_lane_;
  }
  uint32_t lane_of_broker(int32_t broker) const { return by_id_.at(broker); }

 private:
  int32_t broker_of(const std::string& host) const {
    auto it = host_broker_.find(host);
    return it == host_broker_.end() ? -1 : it->second;
  }
  std::map<std::string, int32_t> host_broker_;
  std::set<int32_t> ids_;
  std::map<int32_t, std::set<std::string>> id_hosts_;
  std::set<std::string> hosts_;
  bool unknown_ = false;
  std::map<int32_t, uint32_t> by_id_;
  std::map<std::string, uint32_t> by_host_;
  uint32_t unknown_lane_ = 0;
};

// Client inputs -> client lanes: one per input, or grouped when there are
// too many to read as separate lanes.
std::vector<int64_t> client_lanes(const AnalysisReport& r, const HtmlOptions& opts,
                                  const std::vector<uint64_t>& per_input, bool unlabelled,
                                  std::vector<Lane>& lanes) {
  std::vector<int64_t> lane_of(r.inputs.size(), -1);
  std::vector<uint32_t> clients;
  for (size_t i = 0; i < r.inputs.size(); ++i) {
    const InputRole role = r.inputs[i].role;
    if (role == InputRole::kClient || (!is_broker_side(role) && per_input[i] > 0))
      clients.push_back(static_cast<uint32_t>(i));
  }
  size_t max_lanes = std::max<size_t>(opts.max_client_lanes, 2) - (unlabelled ? 1 : 0);
  // Groups in order of first appearance: key -> inputs.
  std::vector<std::pair<std::string, std::vector<uint32_t>>> groups;
  if (clients.size() <= max_lanes) {
    for (uint32_t i : clients) groups.push_back({basename(r.inputs[i].input), {i}});
  } else {
    std::map<std::string, size_t> at;
    for (uint32_t i : clients) {
      std::string k = group_key(basename(r.inputs[i].input));
      auto [it, fresh] = at.emplace(k, groups.size());
      if (fresh) groups.push_back({k, {}});
      groups[it->second].second.push_back(i);
    }
    for (auto& [key, ins] : groups)
      if (ins.size() > 1) key = fmt::format("{}* ({} inputs)", key, ins.size());
    if (groups.size() > max_lanes) {
      // Keep the noisiest groups; the rest share one lane.
      auto noise = [&](const std::vector<uint32_t>& g) {
        uint64_t n = 0;
        for (uint32_t i : g) n += per_input[i];
        return n;
      };
      std::vector<size_t> order(groups.size());
      for (size_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return noise(groups[a].second) > noise(groups[b].second);
      });
      std::vector<bool> keep(groups.size(), false);
      for (size_t i = 0; i + 1 < max_lanes; ++i) keep[order[i]] = true;
      decltype(groups) kept;
      std::vector<uint32_t> rest;
      size_t rest_groups = 0;
      for (size_t g = 0; g < groups.size(); ++g) {
        if (keep[g]) {
          kept.push_back(std::move(groups[g]));
        } else {
          ++rest_groups;
          rest.insert(rest.end(), groups[g].second.begin(), groups[g].second.end());
        }
      }
      kept.push_back({fmt::format("{} other client groups", rest_groups), std::move(rest)});
      groups = std::move(kept);
    }
  }
  for (auto& [key, ins] : groups) {
    Lane l;
    l.type = Lane::Type::kClient;
    l.label = key;
    if (ins.size() == 1) l.detail = r.inputs[ins[0]].input;
    for (uint32_t i : ins) lane_of[i] = static_cast<int64_t>(lanes.size());
    l.inputs = std::move(ins);
    lanes.push_back(std::move(l));
  }
  return lane_of;
}

}  // namespace

Picture build_picture(const AnalysisReport& r, const HtmlOptions& opts) {
  Picture p;
  const auto& marks = r.symptom_marks;

  Extent ext;
  for (const auto& in : r.inputs) {
    if (in.first_ns > in.last_ns) continue;
    ext.add(floor_ms(in.first_ns));
    ext.add(floor_ms(in.last_ns));
  }
  for (const auto& m : marks) ext.add(floor_ms(m.time_ns));
  for (const auto& b : r.bursts) {
    ext.add(floor_ms(b.start_ns));
    ext.add(floor_ms(b.end_ns));
    for (const auto& c : b.causes) {
      ext.add(floor_ms(c.start_ns));
      ext.add(floor_ms(std::max(c.end_ns, c.time_ns)));
    }
  }
  p.t0_ms = ext.lo;
  p.t1_ms = std::max(ext.hi, ext.lo + 1000);
  int64_t bins = static_cast<int64_t>(std::max<size_t>(opts.max_density_bins, 1));
  p.bin_ms = std::max<int64_t>(1, (p.t1_ms - p.t0_ms + bins - 1) / bins);

  // Lanes: brokers (from their logs, the entities learned, the brokers the
  // clients named, the causes), then clients.
  BrokerLanes brokers(r);
  for (const auto& in : r.inputs)
    if (is_broker_side(in.role)) brokers.want(in.broker, in.host);
  for (const auto& e : r.entities) brokers.want(e.broker, e.host);
  for (const auto& b : r.bursts) {
    for (int32_t id : b.brokers) brokers.want(id, "");
    for (const auto& c : b.causes)
      if (!on_the_path(c)) brokers.want(c.broker, c.host);
  }
  std::vector<uint64_t> per_input(r.inputs.size(), 0);
  bool unlabelled = false;
  for (const auto& m : marks) {
    if (m.broker >= 0) brokers.want(m.broker, "");
    if (m.input < per_input.size())
      ++per_input[m.input];
    else
      unlabelled = true;
  }
  brokers.make(p.lanes);
  for (size_t i = 0; i < r.inputs.size(); ++i) {
    const auto& c = r.inputs[i];
    if (is_broker_side(c.role))
      p.lanes[brokers.lane(c.broker, c.host)].inputs.push_back(static_cast<uint32_t>(i));
  }
  std::vector<int64_t> lane_of = client_lanes(r, opts, per_input, unlabelled, p.lanes);
  int64_t unlabelled_lane = -1;
  if (unlabelled) {
    Lane l;
    l.label = "input unknown";
    l.detail = "client errors whose input was not described";
    unlabelled_lane = static_cast<int64_t>(p.lanes.size());
    p.lanes.push_back(std::move(l));
  }

  std::vector<std::set<uint32_t>> lane_clients(p.lanes.size());
  auto client_lane = [&](const SymptomMark& m) {
    return m.input < lane_of.size() ? lane_of[m.input] : unlabelled_lane;
  };
  for (const auto& m : marks) {
    int64_t bin = (floor_ms(m.time_ns) - p.t0_ms) / p.bin_ms;
    int64_t cl = client_lane(m);
    if (cl >= 0) {
      add_density(p.lanes[cl], bin);
      if (m.client != 0) lane_clients[cl].insert(m.client);
    }
    if (m.broker >= 0) add_density(p.lanes[brokers.lane_of_broker(m.broker)], bin);
  }
  for (size_t i = 0; i < p.lanes.size(); ++i) {
    Lane& l = p.lanes[i];
    normalize_density(l);
    l.clients.assign(lane_clients[i].begin(), lane_clients[i].end());
    if (l.type == Lane::Type::kClient && !l.clients.empty()) {
      std::string ids;
      for (size_t k = 0; k < l.clients.size() && k < 3; ++k)
        ids += (k ? ", " : "") + r.symptom_clients[l.clients[k]];
      if (l.clients.size() > 3) ids += fmt::format(" +{}", l.clients.size() - 3);
      l.detail = l.inputs.size() == 1 ? ids : fmt::format("{} inputs; {}", l.inputs.size(), ids);
    }
  }

  // Per burst: the lanes of its causes, and the client lanes with errors in it.
  std::vector<size_t> by_time(marks.size());
  for (size_t i = 0; i < by_time.size(); ++i) by_time[i] = i;
  std::stable_sort(by_time.begin(), by_time.end(),
                   [&](size_t a, size_t b) { return marks[a].time_ns < marks[b].time_ns; });
  Extent view;
  for (const auto& b : r.bursts) {
    std::vector<uint32_t> cl;
    for (const auto& c : b.causes)
      cl.push_back(on_the_path(c) ? kNoLane : brokers.lane(c.broker, c.host));
    p.cause_lanes.push_back(std::move(cl));
    std::set<uint32_t> in_burst;
    auto it = std::lower_bound(by_time.begin(), by_time.end(), b.start_ns,
                               [&](size_t i, int64_t t) { return marks[i].time_ns < t; });
    for (; it != by_time.end() && marks[*it].time_ns <= b.end_ns; ++it) {
      int64_t lane = client_lane(marks[*it]);
      if (lane >= 0) in_burst.insert(static_cast<uint32_t>(lane));
    }
    p.burst_lanes.emplace_back(in_burst.begin(), in_burst.end());
    view.add(floor_ms(b.start_ns));
    view.add(floor_ms(b.end_ns));
    if (!b.causes.empty()) {
      view.add(floor_ms(b.causes[0].start_ns));
      view.add(floor_ms(std::max(b.causes[0].end_ns, b.causes[0].time_ns)));
    }
  }
  // First view: where the bursts and their causes are, with some context.
  if (view.any) {
    int64_t pad = std::max<int64_t>((view.hi - view.lo) / 12, 30'000);
    p.view0_ms = view.lo - pad;
    p.view1_ms = view.hi + pad;
  } else {
    p.view0_ms = p.t0_ms;
    p.view1_ms = p.t1_ms;
  }
  return p;
}

std::string picture_json(const AnalysisReport& r, const Picture& p) {
  JsonWriter j;
  j.open('{');
  j.key("t0");
  j.num(p.t0_ms);
  j.key("t1");
  j.num(p.t1_ms);
  j.key("bin_ms");
  j.num(p.bin_ms);
  j.key("view");
  j.open('[');
  j.num(p.view0_ms);
  j.num(p.view1_ms);
  j.close(']');
  j.key("lanes");
  j.open('[');
  for (const auto& l : p.lanes) {
    j.open('{');
    j.key("type");
    j.str(l.type == Lane::Type::kBroker ? "broker" : "client");
    j.key("label");
    j.str(l.label);
    j.key("detail");
    j.str(l.detail);
    j.key("broker");
    if (l.broker >= 0)
      j.num(l.broker);
    else
      j.null();
    j.key("host");
    if (l.host.empty())
      j.null();
    else
      j.str(l.host);
    j.key("inputs");
    j.open('[');
    for (uint32_t i : l.inputs) j.num(i);
    j.close(']');
    j.key("clients");
    j.open('[');
    for (uint32_t c : l.clients) j.str(r.symptom_clients[c]);
    j.close(']');
    j.key("symptoms");
    j.num(static_cast<int64_t>(l.symptoms));
    // Bins delta-encoded (first absolute): mostly one- or two-digit numbers.
    j.key("density");
    j.open('[');
    int64_t prev = 0;
    for (const auto& [bin, n] : l.density) {
      j.num(bin - prev);
      j.num(n);
      prev = bin;
    }
    j.close(']');
    j.close('}');
  }
  j.close(']');
  auto lists = [&](std::string_view k, const std::vector<std::vector<uint32_t>>& v) {
    j.key(k);
    j.open('[');
    for (const auto& row : v) {
      j.open('[');
      for (uint32_t x : row) {
        if (x == kNoLane)
          j.raw("null");
        else
          j.num(x);
      }
      j.close(']');
    }
    j.close(']');
  };
  lists("cause_lanes", p.cause_lanes);
  lists("burst_lanes", p.burst_lanes);
  std::set<std::string> zones;
  for (const auto& in : r.inputs)
    if (!in.zone.empty() && in.zone != "UTC" && in.zone != "none") zones.insert(in.zone);
  j.key("zones");
  j.open('[');
  for (const auto& z : zones) j.str(z);
  j.close(']');
  j.close('}');
  return std::move(j.out());
}

}  // namespace logcorr::html
