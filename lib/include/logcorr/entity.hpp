// Entity resolution: which broker is "broker-3", "broker-3.kafka.svc",
// "10.0.4.31" and "node 3"?
//
// The logs say it themselves: a client names `node 3 (broker-3.kafka.svc:9092/
// 10.0.4.31:9092)`, a broker names `[KafkaServer id=3]` in a server.log that
// sits in a `broker-3/` folder, the journal names `_HOSTNAME=broker-3`,
// librdkafka names `broker-3:9092/3`. EntityMap learns these pairings as
// events stream past, and answers lookups either way. Short and fully
// qualified names and IPs of one host resolve to the same broker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace logcorr {

// "Broker-3.Kafka.SVC." -> "broker-3"; an IP stays as it is.
std::string normalize_host(std::string_view host);
bool looks_like_ip(std::string_view s);
// `name-7d9f8b6c5d-xk2l5`: a pod of a Deployment's ReplicaSet (template
// hash and random suffix from Kubernetes' name alphabet), never a broker.
bool looks_like_replicaset_pod(std::string_view name);

class EntityMap {
 public:
  // Learns that `host` (any form; may be an IP) is broker `broker`.
  // Conflicting later facts do not overwrite earlier explicit ones from the
  // user (add_user_mapping), but do overwrite learned ones.
  void learn(std::string_view host, int32_t broker);
  // Learns that `alias` (an IP or another name) is the same host as `host`.
  void learn_alias(std::string_view alias, std::string_view host);
  // Last resort for a broker-side host whose id no log said: a name like
  // `broker-3` / `kafka-3` / `kafka3` is taken to be broker 3, unless the
  // host already has an id or another host has 3. Returns the id guessed
  // (a guess: callers say so in a note), or -1.
  int32_t guess_from_name(const std::string& host);
  // The same for a Kubernetes pod, stricter: the StatefulSet / pod-set
  // ordinal of a Kafka pod of the common operators and charts
  // (`<cluster>-kafka-N`, Strimzi node pools `<cluster>-broker-N` /
  // `-controller-N` / `-dual-role-N`, Bitnami/Confluent `kafka-N`,
  // `kafka-broker-N`, `kafka-controller-N`). A pod of a Deployment
  // (`orders-api-7d9f8-xk2l5`), ZooKeeper, Connect, exporters or UIs is no
  // broker. Returns the id guessed, or -1.
  int32_t guess_from_pod_name(const std::string& host);
  // A user's --broker HOST=ID; wins over anything learned.
  void add_user_mapping(std::string_view host, int32_t broker);

  // Broker id for a host in any form, or -1.
  int32_t broker_for(std::string_view host) const;
  // Canonical short host for a broker id, or "".
  std::string host_for(int32_t broker) const;
  // Canonical short name for any form of a host (resolving IP aliases).
  std::string canonical(std::string_view host) const;

  struct Pair {
    std::string host;
    int32_t broker;
    bool from_user;
  };
  std::vector<Pair> pairs() const;

 private:
  std::unordered_map<std::string, int32_t> host_to_broker_;
  std::unordered_map<std::string, bool> user_;
  std::unordered_map<int32_t, std::string> broker_to_host_;
  std::unordered_map<std::string, std::string> alias_;  // ip/alias -> canonical host
};

}  // namespace logcorr
