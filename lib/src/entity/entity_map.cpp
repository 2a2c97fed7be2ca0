#include "logcorr/entity.hpp"

#include <algorithm>
#include <cctype>

namespace logcorr {

bool looks_like_ip(std::string_view s) {
  if (s.empty()) return false;
  // IPv4 dotted quad or anything with a ':' (IPv6); we never shorten these.
  if (s.find(':') != std::string_view::npos) return true;
  int dots = 0;
  for (char c : s) {
    if (c == '.')
      ++dots;
    else if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return dots == 3;
}

std::string normalize_host(std::string_view host) {
  // Strip brackets and a trailing dot, lower-case, drop the domain.
  while (!host.empty() && (host.front() == '[' || host.front() == ' ')) host.remove_prefix(1);
  while (!host.empty() && (host.back() == ']' || host.back() == '.' || host.back() == ' '))
    host.remove_suffix(1);
  std::string out(host);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (looks_like_ip(out)) return out;
  auto dot = out.find('.');
  if (dot != std::string::npos && dot > 0) out.resize(dot);
  return out;
}

namespace {

std::vector<std::string_view> dash_segments(std::string_view s) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t d = s.find('-', b);
    out.push_back(s.substr(b, d == std::string_view::npos ? std::string_view::npos : d - b));
    if (d == std::string_view::npos) break;
    b = d + 1;
  }
  return out;
}

// k8s.io/apimachinery/pkg/util/rand: the alphabet of generated name parts.
bool k8s_rand(std::string_view s) {
  constexpr std::string_view kAlpha = "bcdfghjklmnpqrstvwxz2456789";
  if (s.empty()) return false;
  for (char c : s)
    if (kAlpha.find(c) == std::string_view::npos) return false;
  return true;
}

}  // namespace

bool looks_like_replicaset_pod(std::string_view name) {
  auto seg = dash_segments(name);
  if (seg.size() < 3) return false;
  std::string_view suffix = seg[seg.size() - 1], hash = seg[seg.size() - 2];
  return suffix.size() == 5 && k8s_rand(suffix) && hash.size() >= 4 && hash.size() <= 10 &&
         k8s_rand(hash);
}

int32_t EntityMap::guess_from_pod_name(const std::string& host) {
  std::string h = canonical(host);
  if (h.empty() || broker_for(h) >= 0 || looks_like_ip(h) || looks_like_replicaset_pod(h))
    return -1;
  auto seg = dash_segments(h);
  if (seg.size() < 2) return -1;
  std::string_view ord = seg.back();
  if (ord.empty() || ord.size() > 6) return -1;
  for (char c : ord)
    if (c < '0' || c > '9') return -1;
  constexpr std::string_view kKafka[] = {"kafka", "broker", "brokers",  "controller", "controllers",
                                         "kraft", "dual",   "combined", "mixed"};
  constexpr std::string_view kNot[] = {
      "zookeeper", "zk",       "connect",  "mirrormaker", "mm2",      "exporter", "cruise",
      "entity",    "operator", "ui",       "schema",      "registry", "rest",     "ksql",
      "ksqldb",    "client",   "consumer", "producer",    "streams",  "bridge"};
  bool kafka = false;
  for (size_t i = 0; i + 1 < seg.size(); ++i) {
    for (std::string_view k : kNot)
      if (seg[i] == k) return -1;
    for (std::string_view k : kKafka)
      if (seg[i] == k) kafka = true;
  }
  if (!kafka) return -1;
  int32_t id = 0;
  for (char c : ord) id = id * 10 + (c - '0');
  if (!host_for(id).empty()) return -1;
  learn(h, id);
  return id;
}

int32_t EntityMap::guess_from_name(const std::string& host) {
  if (host.empty() || broker_for(host) >= 0) return -1;
  if (looks_like_replicaset_pod(normalize_host(host))) return -1;
  size_t end = host.size(), beg = end;
  while (beg > 0 && host[beg - 1] >= '0' && host[beg - 1] <= '9') --beg;
  if (beg == end || end - beg > 6) return -1;
  int32_t id = 0;
  for (size_t i = beg; i < end; ++i) id = id * 10 + (host[i] - '0');
  if (!host_for(id).empty()) return -1;
  learn(host, id);
  return id;
}

void EntityMap::learn(std::string_view host, int32_t broker) {
  if (host.empty() || broker < 0) return;
  std::string h = canonical(host);
  if (h.empty()) return;
  auto u = user_.find(h);
  if (u != user_.end() && u->second) return;
  host_to_broker_[h] = broker;
  if (!broker_to_host_.count(broker) || looks_like_ip(broker_to_host_[broker]))
    broker_to_host_[broker] = h;
}

void EntityMap::learn_alias(std::string_view alias, std::string_view host) {
  std::string a = normalize_host(alias);
  std::string h = normalize_host(host);
  if (a.empty() || h.empty() || a == h) return;
  alias_[a] = h;
  // Whatever the alias already resolved to carries over to the host.
  auto it = host_to_broker_.find(a);
  if (it != host_to_broker_.end() && !host_to_broker_.count(h)) host_to_broker_[h] = it->second;
}

void EntityMap::add_user_mapping(std::string_view host, int32_t broker) {
  std::string h = canonical(host);
  host_to_broker_[h] = broker;
  user_[h] = true;
  broker_to_host_[broker] = h;
}

std::string EntityMap::canonical(std::string_view host) const {
  std::string h = normalize_host(host);
  for (int i = 0; i < 4; ++i) {  // alias chains are short; bound them anyway
    auto it = alias_.find(h);
    if (it == alias_.end()) break;
    h = it->second;
  }
  return h;
}

int32_t EntityMap::broker_for(std::string_view host) const {
  if (host.empty()) return -1;
  auto it = host_to_broker_.find(canonical(host));
  return it == host_to_broker_.end() ? -1 : it->second;
}

std::string EntityMap::host_for(int32_t broker) const {
  auto it = broker_to_host_.find(broker);
  return it == broker_to_host_.end() ? std::string() : it->second;
}

std::vector<EntityMap::Pair> EntityMap::pairs() const {
  std::vector<Pair> out;
  for (const auto& [h, b] : host_to_broker_) {
    auto u = user_.find(h);
    out.push_back(Pair{h, b, u != user_.end() && u->second});
  }
  std::sort(out.begin(), out.end(), [](const Pair& a, const Pair& b) {
    return a.broker != b.broker ? a.broker < b.broker : a.host < b.host;
  });
  return out;
}

}  // namespace logcorr
