#include "verdict.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <tuple>

#include "logcorr/time.hpp"
#include "said_causes.hpp"

namespace logcorr::detail {

namespace {

std::string hhmmss(int64_t ns) {
  return format_rfc3339(ns, Precision::kSecond);
}

std::string dur(int64_t ns) {
  return human_duration(ns);
}

// The request timeout that applies to the clients of a burst: the smallest
// one any of them configured (the first to trip), else the default.
int64_t request_timeout_for(const PendingBurst& pb, const VerdictContext& ctx) {
  int64_t best = -1;
  auto consider = [&](const std::string& key) {
    auto it = ctx.configs.find(key);
    if (it != ctx.configs.end() && it->second.request_timeout_ns > 0)
      best =
          best < 0 ? it->second.request_timeout_ns : std::min(best, it->second.request_timeout_ns);
  };
  for (const auto& c : pb.clients) consider(c);
  for (const auto& i : pb.inputs) consider("input:" + i);
  return best > 0 ? best : ctx.opts.default_request_timeout_ns;
}

// Which cause wins when several line up: the root cause decides the verdict.
//  - A GC pause that expires the broker's ZooKeeper session is `gc-pause`:
//    the expiry is the pause's consequence (CauseIndex::pause_behind) and is
//    not a candidate at all.
//  - A kernel or container OOM kill is `oom-kill`, even after a heap
//    OutOfMemoryError: the kill is what took the broker down.
//  - A broker fault before a stop or crash of the same broker (a disk that
//    fills and makes the broker halt, an OutOfMemoryError before an exit)
//    is `broker-fault`, not `broker-crash` / `broker-restart`: the fault is
//    named first and the downtime follows it in the summary.
//  - A broker fault with the broker still up is `broker-fault` when the
//    burst's symptoms name that broker (a fault on a broker nobody's errors
//    point at is not their cause).
Verdict verdict_of(const CauseInterval& c, const CauseInterval* fault) {
  if (c.type == CauseInterval::Type::kAuth) return Verdict::kAuthFailure;
  if (c.type == CauseInterval::Type::kPause) return Verdict::kGcPause;
  if (c.type == CauseInterval::Type::kFault) return Verdict::kBrokerFault;
  if (c.oom) return Verdict::kOomKill;
  if (fault) return Verdict::kBrokerFault;
  if (c.killed || (c.unclean_boot && !c.clean_stop)) return Verdict::kBrokerCrash;
  return Verdict::kBrokerRestart;
}

// What a broker fault's lines said: "log dir /var/lib/kafka/data failed (No
// space left on device)".
std::string fault_text(const CauseInterval& f) {
  switch (f.decisive) {
    case EventKind::kLogDirFailure: {
      std::string t =
          f.dir.empty() ? std::string("a log dir failed") : fmt::format("log dir {} failed", f.dir);
      if (!f.reason.empty()) t += fmt::format(" ({})", f.reason);
      return t;
    }
    case EventKind::kZkSessionExpired:
      return f.session.empty() ? std::string("its ZooKeeper session expired")
                               : fmt::format("its ZooKeeper session {} expired", f.session);
    case EventKind::kQuorumLost:
      return "its KRaft election timed out (no controller quorum)";
    case EventKind::kJvmOomError:
      if (!f.what.empty())
        return fmt::format("the JVM threw java.lang.OutOfMemoryError: {}", f.what);
      if (!f.thread.empty())
        return fmt::format("the JVM threw java.lang.OutOfMemoryError in thread \"{}\"", f.thread);
      return "the JVM threw java.lang.OutOfMemoryError";
    default:
      return std::string(kind_name(f.decisive));
  }
}

std::string who_of(const CauseInterval& c) {
  std::string who = c.broker >= 0 ? fmt::format("broker {}", c.broker)
                                  : (c.host.empty() ? std::string("a broker") : c.host);
  if (c.broker >= 0 && !c.host.empty()) who += fmt::format(" ({})", c.host);
  return who;
}

// A broker's side of failed handshakes: "broker 0 (kafka-0): refused 14
// TLS handshakes from 10.244.0.20 (SSL handshake failed)".
std::string auth_text(const CauseInterval& a) {
  const std::string from = from_addrs(a);
  const bool tls = a.decisive == EventKind::kTlsFailure;
  std::string t = fmt::format(
      "logged {} {}{}", a.lines,
      tls ? (a.lines == 1 ? "failed TLS handshake" : "failed TLS handshakes")
          : (a.lines == 1 ? "failed SASL authentication" : "failed SASL authentications"),
      from);
  if (!a.reason.empty()) t += fmt::format(" ({})", a.reason);
  return t;
}

std::string summary_of(const CauseInterval& c, const CauseInterval* fault) {
  const std::string who = who_of(c);
  if (c.type == CauseInterval::Type::kAuth) return fmt::format("{} {}", who, auth_text(c));
  if (c.type == CauseInterval::Type::kPause)
    return fmt::format("{}: JVM stop-the-world pause of {} ({} to {})", who, dur(c.duration_ns),
                       hhmmss(c.start_ns), hhmmss(c.end_ns));
  if (c.type == CauseInterval::Type::kFault) return fmt::format("{}: {}", who, fault_text(c));
  std::string what = c.oom                               ? "killed by the OOM killer"
                     : c.killed                          ? "killed by a signal"
                     : (c.unclean_boot && !c.clean_stop) ? "died without a clean shutdown"
                                                         : "stopped cleanly";
  // What Kubernetes said, when it says the same as the verdict (a kernel OOM
  // kill of a pod whose container record says only "Error" is an OOM kill).
  const int sev = c.kube_rank / 16;
  const int want = c.oom ? 3 : c.killed ? 2 : (c.unclean_boot && !c.clean_stop) ? 2 : 1;
  if (c.kube && !c.why.empty() && sev == want) what = c.why;
  // A time derived from an age ("3m26s" in `kubectl get events`) is said so.
  if (c.decisive_approx) what += " (time approximate, from an age)";
  const std::string back =
      c.restarted ? fmt::format(", back {} later", dur(c.duration_ns)) : ", no restart seen";
  // The fault first, the downtime as its consequence.
  if (fault && !c.oom) {
    if (what == "stopped cleanly") what = "stopped";
    return fmt::format("{}: {}, then the broker {}{}", who, fault_text(*fault), what, back);
  }
  // An OOM kill is the root cause even after an OutOfMemoryError; what the
  // JVM said before it is told after.
  if (fault) return fmt::format("{} {}{} (before it, {})", who, what, back, fault_text(*fault));
  return fmt::format("{} {}{}", who, what, back);
}

// Advice from what the fault's lines say.
std::vector<std::string> fault_advice(const CauseInterval& f) {
  const std::string clients =
      "Clients ride it out with enable.idempotence=true, acks=all and retries bounded by "
      "delivery.timeout.ms; partitions with replication.factor >= 3 and min.insync.replicas=2 "
      "stay writable while one broker is faulty.";
  auto has = [](const std::string& s, std::string_view x) {
    return s.find(x) != std::string::npos;
  };
  switch (f.decisive) {
    case EventKind::kLogDirFailure: {
      const std::string dir = f.dir.empty() ? std::string("the log dir") : f.dir;
      if (f.reason.empty() || has(f.reason, "No space left") || has(f.reason, "quota"))
        return {
            fmt::format("The disk under {} filled up{}: free space on it, then restart the broker "
                        "(a failed log dir stays offline until then). Keep it from coming back: "
                        "retention that fits the disk (log.retention.bytes / .hours, per-topic "
                        "retention.bytes), more or larger log.dirs (kafka-reassign-partitions to "
                        "spread partitions), and an alert on disk usage well before 100 %.",
                        dir, f.reason.empty() ? std::string() : fmt::format(" ({})", f.reason)),
            clients};
      return {fmt::format("The broker took {} offline after an I/O error ({}): check the disk "
                          "and its file system (dmesg, SMART, mount options) and replace it "
                          "or move log.dirs before restarting the broker.",
                          dir, f.reason),
              clients};
    }
    case EventKind::kJvmOomError: {
      // What ran out, then what every OutOfMemoryError calls for.
      const std::string& what = f.what;
      std::string first;
      if (has(what, "Direct buffer"))
        first =
            "The broker's JVM ran out of direct (off-heap) memory: raise "
            "-XX:MaxDirectMemorySize or lower what uses it (socket.request.max.bytes, many "
            "connections, large fetches).";
      else if (has(what, "Metaspace"))
        first = "The broker's JVM ran out of Metaspace: raise -XX:MaxMetaspaceSize.";
      else if (has(what, "native thread"))
        first =
            "The broker could not start a thread (unable to create native thread): raise "
            "the process limits (ulimit -u / LimitNPROC, vm.max_map_count) or find what "
            "makes it start so many.";
      else
        first = "The broker's JVM ran out of heap (java.lang.OutOfMemoryError" +
                (what.empty() ? std::string() : ": " + what) +
                "): size the heap for its load (-Xmx in KAFKA_HEAP_OPTS; 6 GB is plenty for "
                "most brokers) and look for what fills it (message.max.bytes and fetch sizes, "
                "many partitions or connections); a heap dump on OOM "
                "(-XX:+HeapDumpOnOutOfMemoryError) shows it.";
      return {std::move(first),
              "A JVM that threw OutOfMemoryError is in an undefined state: restart the broker "
              "and run it with -XX:+ExitOnOutOfMemoryError so it fails fast.",
              clients};
    }
    case EventKind::kZkSessionExpired:
      return {
          "The broker's ZooKeeper session expired: it lost its registration and the "
          "leadership of its partitions, then re-registered. Check the network between "
          "the broker and ZooKeeper and ZooKeeper's own health (request latency, fsync "
          "time of its transaction log), and zookeeper.session.timeout.ms (18 s by default "
          "since Kafka 2.5). A long GC pause does the same: give the broker's GC log to "
          "rule it out.",
          clients};
    case EventKind::kQuorumLost:
      return {
          "The KRaft controller quorum could not elect a leader: check that a majority of "
          "controller.quorum.voters are up and reach each other on the controller listener "
          "(host names, port, TLS), and read the controllers' logs for why they left.",
          clients};
    default:
      return {clients};
  }
}

double kind_weight(const CauseInterval& c) {
  if (c.type == CauseInterval::Type::kFault) return 0.92;
  if (c.type == CauseInterval::Type::kAuth) return 0.9;
  if (c.type == CauseInterval::Type::kPause) return 0.9;
  if (c.oom) return 1.0;
  if (c.killed) return 0.97;
  if (c.unclean_boot) return 0.93;
  return 0.95;
}

}  // namespace

std::string human_duration(int64_t ns) {
  if (ns < 0) return "?";
  double s = static_cast<double>(ns) / 1e9;
  if (s < 1) return fmt::format("{:.0f} ms", s * 1000);
  if (s < 120) return fmt::format("{:.1f} s", s);
  if (s < 7200) return fmt::format("{:.1f} min", s / 60);
  return fmt::format("{:.1f} h", s / 3600);
}

std::vector<std::string> kube_advice_for(Verdict v, const std::string& why_key) {
  const std::string clients =
      "Clients ride it out with enable.idempotence=true, acks=all and retries bounded by "
      "delivery.timeout.ms.";
  switch (v) {
    case Verdict::kOomKill:
      return {
          "The container hit its memory limit (resources.limits.memory). The JVM uses more than "
          "its heap: set -Xmx (KAFKA_HEAP_OPTS, Strimzi jvmOptions -Xmx) to at most about half "
          "of the limit and bound direct/off-heap memory (-XX:MaxDirectMemorySize), leaving "
          "room for metaspace and thread stacks; give the pod requests equal to its limits.",
          clients,
      };
    case Verdict::kBrokerCrash:
      if (why_key == "liveness-probe")
        return {
            "The kubelet killed the broker because its liveness probe failed. A broker in log "
            "recovery or a long GC pause does not answer: raise the probe's failureThreshold, "
            "timeoutSeconds and initialDelaySeconds (or add a startupProbe) rather than "
            "restart a broker that is busy.",
            clients,
        };
      if (why_key == "grace-period" || why_key == "exit-137")
        return {
            "The container was killed with SIGKILL (exit 137) without an OOM kill: when it "
            "follows a stop, terminationGracePeriodSeconds is shorter than the broker's "
            "controlled shutdown; raise it to at least the controlled-shutdown time (minutes "
            "for many partitions), or find who sent the kill.",
            clients,
        };
      return {
          "The broker's container failed (an Error exit, CrashLoopBackOff): read why in "
          "`kubectl logs --previous --timestamps POD` (the container before its restart) and "
          "`kubectl describe pod POD` (Last State); expect log recovery on start.",
          clients,
      };
    case Verdict::kBrokerRestart: {
      std::vector<std::string> out;
      if (why_key == "eviction")
        out.push_back(
            "The kubelet evicted the broker under node pressure: give the pod requests equal to "
            "its limits (Guaranteed QoS is evicted last) and keep node memory and disk headroom.");
      out.push_back(
          "Let Kubernetes take one broker at a time: a PodDisruptionBudget with maxUnavailable: 1 "
          "(Strimzi creates one) for drains and evictions, rolls one pod at a time that wait for "
          "UnderReplicatedPartitions = 0, and terminationGracePeriodSeconds at least the "
          "controlled-shutdown time.");
      out.push_back(
          "Transient: a broker restart drops its connections. Let the client absorb it: "
          "enable.idempotence=true, acks=all, retries high (the default MAX_INT) bounded by "
          "delivery.timeout.ms.");
      return out;
    }
    default:
      return advice_for(v);
  }
}

std::vector<std::string> advice_for(Verdict v) {
  switch (v) {
    case Verdict::kBrokerRestart:
      return {
          "Transient: a broker restart drops its connections. Let the client absorb it: "
          "enable.idempotence=true, acks=all, retries high (the default MAX_INT) bounded by "
          "delivery.timeout.ms.",
          "Roll brokers one at a time and wait for the ISR to be full again "
          "(UnderReplicatedPartitions = 0) before the next one; use "
          "controlled.shutdown.enable=true.",
      };
    case Verdict::kBrokerCrash:
      return {
          "The broker died without a clean shutdown: find why it was killed (systemd, an "
          "operator's kill -9, a watchdog) before it happens again; expect log recovery on start.",
          "Clients ride it out with enable.idempotence=true, acks=all and retries bounded by "
          "delivery.timeout.ms.",
      };
    case Verdict::kOomKill:
      return {
          "The kernel or systemd killed the broker for memory. Size it: JVM heap (-Xmx, "
          "KAFKA_HEAP_OPTS) well below the container / cgroup limit (MemoryMax), leaving room "
          "for direct buffers, metaspace and the page cache.",
          "Clients ride it out with enable.idempotence=true, acks=all and retries bounded by "
          "delivery.timeout.ms.",
      };
    case Verdict::kGcPause:
      return {
          "Fix the broker, not the client: a stop-the-world pause longer than the clients' "
          "request.timeout.ms makes them drop the connection. Check heap size vs live set, "
          "use G1 with a pause goal (-XX:MaxGCPauseMillis=20, Kafka's default flags), look for "
          "Full GCs (humongous allocations, too small heap) and swap.",
          "Client retry tuning will not help: the broker was not answering anyone.",
      };
    case Verdict::kIdleClose:
      return {
          "Expected: an idle connection was closed (connections.max.idle.ms: client 9 min, "
          "broker 10 min, or a NAT / load balancer idle timeout) and the first send after the "
          "silence found it dead. One idempotent retry absorbs it (enable.idempotence=true, "
          "retries > 0).",
          "To avoid the warning, keep the connection warm (send or fetch more often than the "
          "idle timeout) or keep client connections.max.idle.ms below every idle timeout on the "
          "path.",
      };
    case Verdict::kListenerMisconfig:
      return {
          "The brokers are healthy in their own logs, yet clients keep failing toward them: "
          "check advertised.listeners — it must name an address every client can reach (not a "
          "container-internal or private name), per listener.",
          "Check any proxy, load balancer or NAT between clients and brokers: Kafka clients "
          "must reach each broker directly at its advertised address.",
      };
    case Verdict::kBrokerFault:
      return {
          "The broker failed internally (a log dir, its ZooKeeper session, the KRaft quorum, "
          "or its JVM's memory): read its server.log around the cause for what failed and fix "
          "that before restarting it.",
          "Clients ride it out with enable.idempotence=true, acks=all and retries bounded by "
          "delivery.timeout.ms.",
      };
    case Verdict::kAuthFailure:
      return auth_advice(EventKind::kTlsFailure, {});
    case Verdict::kNetworkPath:
      return {
          "Connections were cut on the way between clients and brokers while the brokers "
          "stayed up: check the load balancers, NAT gateways, firewalls and DNS between them "
          "(their idle timeouts, resets and logs) for the burst's time."};
    case Verdict::kUnexplained:
      return {
          "No broker-side cause was found in the logs given. Collect the missing logs listed "
          "below (journal, server.log, GC log of the brokers the clients named) for the burst's "
          "time and run again.",
      };
  }
  return {};
}

void decide(PendingBurst& pb, const VerdictContext& ctx) {
  Burst& b = pb.burst;
  // Brokers the burst is about: named ids, plus named hosts resolved.
  std::set<int32_t> named(pb.brokers.begin(), pb.brokers.end());
  for (const auto& h : pb.hosts) {
    int32_t id = ctx.entities.broker_for(h);
    if (id >= 0) named.insert(id);
  }
  b.brokers.assign(named.begin(), named.end());

  const int64_t timeout = request_timeout_for(pb, ctx);
  struct Scored {
    const CauseInterval* c;
    double score;
    const CauseInterval* fault;  // the broker fault behind a downtime, or null
    Verdict verdict;
  };
  const auto cands = ctx.causes.candidates(b.start_ns, b.end_ns);
  // Broker faults behind a downtime that may explain the burst: they are
  // told with it (precedence: see verdict_of), not on their own.
  std::map<const CauseInterval*, const CauseInterval*> fault_of;
  std::set<const CauseInterval*> told;
  for (const CauseInterval* c : cands)
    if (const CauseInterval* f = ctx.causes.fault_before(*c)) {
      fault_of[c] = f;
      told.insert(f);
    }
  std::vector<Scored> scored;
  for (const CauseInterval* c : cands) {
    int32_t cb = c->broker >= 0 ? c->broker : ctx.entities.broker_for(c->host);
    const bool auth = c->type == CauseInterval::Type::kAuth;
    const bool fault = c->type == CauseInterval::Type::kFault || auth;
    if (c->type == CauseInterval::Type::kFault) {
      if (told.count(c) || ctx.causes.pause_behind(*c)) continue;
      // A fault explains only errors toward its own broker.
      if (cb < 0 || !named.count(cb)) continue;
    }
    // A broker refusing handshakes explains errors toward it, or errors
    // that name no broker at all.
    if (auth && !named.empty() && (cb < 0 || !named.count(cb))) continue;
    double entity = named.empty() ? 0.6 : (cb < 0 ? 0.45 : (named.count(cb) ? 1.0 : 0.12));
    // A pod no log or name ties to a broker may be any workload's pod.
    if (c->kube && cb < 0) entity = named.empty() ? 0.4 : 0.2;
    // Distance between the cause interval and the burst start.
    int64_t d = 0;
    if (c->start_ns > b.start_ns) d = c->start_ns - b.start_ns;
    if (c->end_ns < b.start_ns) d = b.start_ns - c->end_ns;
    // A fault's effect lasts (a failed log dir stays offline, a JVM out of
    // memory stays broken): its alignment fades over a minute, not 10 s.
    double align = 1.0 / (1.0 + static_cast<double>(d) / (fault ? 60e9 : 10e9));
    double kind = kind_weight(*c);
    if (c->type == CauseInterval::Type::kPause) {
      bool overlaps = c->start_ns <= b.start_ns + 1'000'000'000 && c->end_ns >= b.start_ns;
      if (c->duration_ns < timeout && !overlaps) continue;  // too short to trip a client
      // A pause shorter than the timeout that merely overlaps is weaker evidence.
      if (c->duration_ns < timeout)
        kind *= std::clamp(static_cast<double>(c->duration_ns) / static_cast<double>(timeout), 0.1,
                           1.0);
    }
    auto f = fault_of.find(c);
    const CauseInterval* behind = f == fault_of.end() ? nullptr : f->second;
    scored.push_back({c, entity * align * kind, behind, verdict_of(*c, behind)});
  }
  std::sort(scored.begin(), scored.end(),
            [](const Scored& x, const Scored& y) { return x.score > y.score; });

  for (const auto& s : scored) {
    Cause c;
    const CauseInterval& iv = *s.c;
    c.kind = iv.decisive;
    c.broker = iv.broker >= 0 ? iv.broker : ctx.entities.broker_for(iv.host);
    c.host = !iv.host.empty() ? iv.host : ctx.entities.host_for(c.broker);
    c.time_ns = iv.decisive_ns;
    c.start_ns = iv.start_ns;
    c.end_ns = iv.end_ns == INT64_MAX ? iv.start_ns : iv.end_ns;
    c.duration_ns = iv.type == CauseInterval::Type::kFault ? -1 : iv.duration_ns;
    c.summary = summary_of(iv, s.fault);
    c.why = !iv.kube ? std::string() : iv.oom ? std::string("oom") : iv.why_key;
    c.approximate = iv.decisive_approx;
    c.evidence = iv.evidence;
    // The consequences the root cause had, told with it: the ZooKeeper
    // session a pause expired (that expiry is no candidate of its own).
    if (iv.type == CauseInterval::Type::kPause)
      for (const CauseInterval* f : cands)
        if (f->type == CauseInterval::Type::kFault && ctx.causes.pause_behind(*f) == &iv) {
          c.summary += fmt::format("; then {}", fault_text(*f));
          const size_t keep = std::min<size_t>(f->evidence.size(), 2);
          c.evidence.insert(c.evidence.end(), f->evidence.begin(),
                            f->evidence.begin() + static_cast<std::ptrdiff_t>(keep));
          break;
        }
    if (s.verdict == Verdict::kOomKill && s.fault && !s.fault->evidence.empty())
      c.evidence.push_back(s.fault->evidence.front());
    if (s.verdict == Verdict::kBrokerFault && s.fault) {
      // The fault is the decisive event; the downtime it led to follows.
      c.kind = s.fault->decisive;
      c.time_ns = s.fault->decisive_ns;
      c.approximate = false;
      c.start_ns = std::min(c.start_ns, s.fault->start_ns);
      // Its first lines (a fault logs many: one per partition, and their
      // journal copies), leaving room for the downtime's.
      const size_t keep =
          std::min(s.fault->evidence.size(), std::max<size_t>(1, ctx.opts.max_evidence / 2));
      c.evidence.insert(c.evidence.begin(), s.fault->evidence.begin(),
                        s.fault->evidence.begin() + static_cast<std::ptrdiff_t>(keep));
    }
    c.lag_ns = c.start_ns - b.start_ns;
    c.score = std::round(s.score * 1000) / 1000;
    // Stamps of whole seconds tie often (journal short-iso): within a tie,
    // file order reads as the log did (Stopping, shutting down, Stopped).
    std::stable_sort(
        c.evidence.begin(), c.evidence.end(), [](const Evidence& x, const Evidence& y) {
          return std::tie(x.time_ns, x.input, x.line) < std::tie(y.time_ns, y.input, y.line);
        });
    b.causes.push_back(std::move(c));
    if (b.causes.size() >= 5) break;
  }

  const double kMinScore = 0.25;
  const Scored* top =
      !scored.empty() && scored.front().score >= kMinScore ? &scored.front() : nullptr;
  // Which cause wins, in order (README "How it decides"):
  //  1. the clients' own TLS / SASL failures (auth-failure): a restart may
  //     have brought the bad certificate, but the certificate is what to fix;
  //  2. the best broker-side cause (restart, crash, OOM kill, pause, fault,
  //     a broker refusing handshakes);
  //  3. the network path (network-path), then an idle connection
  //     (idle-close), then errors spread over a long time
  //     (listener-misconfig); else unexplained.
  const CauseInterval* refusing = nullptr;  // a broker's side of failed handshakes
  for (const auto& s : scored)
    if (s.c->type == CauseInterval::Type::kAuth) {
      refusing = s.c;
      break;
    }
  std::optional<SaidCause> said = auth_failure(pb, ctx, refusing);
  if (!said && !top) said = network_path(pb, ctx, named);
  const int64_t idle_limit = kafka_idle_limit_ns(pb, ctx);
  bool aged_out = false;  // a connection age at or past Kafka's idle timeout
  for (const auto& a : pb.ages)
    if (static_cast<double>(a.age_ms) * 1e6 >= 0.98 * static_cast<double>(idle_limit))
      aged_out = true;
  const int64_t silence = std::max(pb.max_silence_ns, pb.max_kafka_silence_ns);
  if (said) {
    b.verdict = said->verdict;
    b.confidence = std::round(said->confidence * 100) / 100;
    said->cause.score = b.confidence;
    b.causes.insert(b.causes.begin(), std::move(said->cause));
    if (b.causes.size() > 5) b.causes.resize(5);
    b.advice = std::move(said->advice);
    for (auto& w : said->warnings) b.warnings.push_back(std::move(w));
  } else if (top) {
    b.verdict = top->verdict;
    double best = top->score;
    double second = scored.size() > 1 ? scored[1].score : 0;
    // Confidence: how good the best is, and how clearly it beats the runner-up
    // of a different verdict.
    if (scored.size() > 1 && scored[1].verdict == b.verdict) second = 0;
    b.confidence = std::round(std::clamp(best * (1.0 - 0.5 * second / best), 0.0, 1.0) * 100) / 100;
    if (b.verdict == Verdict::kBrokerFault)
      b.advice = fault_advice(top->fault ? *top->fault : *top->c);
    else if (b.verdict == Verdict::kAuthFailure)
      b.advice = auth_advice(top->c->decisive, {top->c->reason});
    else
      b.advice = top->c->kube ? kube_advice_for(b.verdict, top->c->why_key) : advice_for(b.verdict);
  } else if (pb.all_idle_kinds && b.count <= 3 &&
             (silence >= ctx.opts.client_idle_ns || aged_out)) {
    b.verdict = Verdict::kIdleClose;
    double ratio = static_cast<double>(silence) / static_cast<double>(ctx.opts.client_idle_ns);
    if (aged_out) ratio = std::max(ratio, 1.5);
    b.confidence = std::round(std::clamp(0.6 + 0.2 * (ratio - 1.0), 0.6, 0.9) * 100) / 100;
    if (silence >= ctx.opts.client_idle_ns)
      b.warnings.push_back(fmt::format(
          "the client's Kafka connection was silent for {} before this error (no Kafka record "
          "of it in between); no broker event explains it",
          dur(silence)));
    if (aged_out)
      b.warnings.push_back(fmt::format(
          "the connection had lived at least {} (Kafka closes connections idle that long: "
          "connections.max.idle.ms); no broker event explains it",
          dur(idle_limit)));
    b.advice = advice_for(b.verdict);
  } else if (b.end_ns - b.start_ns >= ctx.opts.chronic_span_ns) {
    b.verdict = Verdict::kListenerMisconfig;
    b.confidence = 0.6;
    b.advice = advice_for(b.verdict);
  } else {
    b.verdict = Verdict::kUnexplained;
    b.confidence = 0;
    b.advice = advice_for(b.verdict);
  }

  // Client hazards from config dumps.
  std::set<std::string> warned;  // client ids and inputs already warned about
  auto hazard = [&](const std::string& key, const std::string& who) {
    auto it = ctx.configs.find(key);
    if (it == ctx.configs.end() || warned.count(who)) return;
    const ClientConfig& cc = it->second;
    if (warned.count("input:" + cc.input)) return;  // same client, seen by its id
    warned.insert("input:" + cc.input);
    std::vector<std::string> bad;
    if (cc.idempotence == "false") bad.push_back("enable.idempotence=false");
    if (cc.retries == "0") bad.push_back("retries=0");
    if (!cc.acks.empty() && cc.acks != "all" && cc.acks != "-1") bad.push_back("acks=" + cc.acks);
    if (bad.empty()) return;
    warned.insert(who);
    std::string list;
    for (const auto& x : bad) list += (list.empty() ? "" : ", ") + x;
    b.warnings.push_back(
        fmt::format("client {} runs with {}: retries may have duplicated or lost "
                    "records during this burst",
                    who, list));
  };
  for (const auto& c : pb.clients) hazard(c, c);
  for (const auto& i : pb.inputs) hazard("input:" + i, i);

  std::stable_sort(b.evidence.begin(), b.evidence.end(),
                   [](const Evidence& x, const Evidence& y) { return x.time_ns < y.time_ns; });

  // Coverage: which broker-side logs do (not) cover the burst.
  int64_t lo = b.start_ns - ctx.opts.lookback_ns, hi = b.end_ns;
  for (int32_t id : b.brokers) {
    std::string host = ctx.entities.host_for(id);
    std::set<InputRole> have;
    bool any_input = false;
    for (const auto& cv : ctx.coverage) {
      int32_t cb = cv.broker >= 0 ? cv.broker : ctx.entities.broker_for(cv.host);
      if (cb != id) continue;
      any_input = true;
      if (cv.first_ns <= hi && cv.last_ns >= lo) have.insert(cv.role);
    }
    const std::string pod_name = ctx.causes.pod_of(id);
    const bool pod = !pod_name.empty();
    if (pod) host = pod_name;
    std::string who =
        host.empty() ? fmt::format("broker {}", id) : fmt::format("broker {} ({})", id, host);
    if (!any_input) {
      if (pod)
        b.coverage_gaps.push_back(fmt::format(
            "no log of {} was given: `kubectl logs --timestamps {}` (add --previous for the "
            "container before its last restart) and `kubectl get events -o json` (the API "
            "server keeps events about an hour)",
            who, host));
      else
        b.coverage_gaps.push_back(fmt::format("no log of {} was given", who));
      continue;
    }
    for (InputRole role : {InputRole::kJournal, InputRole::kServer, InputRole::kGc}) {
      if (have.count(role)) continue;
      if (pod) {
        // A pod has no journal of its own: the cluster's records stand in
        // for it, and the GC log goes to the container's stdout.
        if (role == InputRole::kJournal &&
            (have.count(InputRole::kOther) || ctx.causes.has_cluster_records(pod_name)))
          continue;
        const char* what = role == InputRole::kJournal  ? "Kubernetes record"
                           : role == InputRole::kServer ? "broker log"
                                                        : "GC log";
        const std::string fill =
            role == InputRole::kJournal ? fmt::format(
                                              "`kubectl get events -o json` (kept about an hour), "
                                              "`kubectl describe pod {}`",
                                              host)
            : role == InputRole::kServer
                ? fmt::format(
                      "`kubectl logs --previous --timestamps {}` (the container "
                      "before its last restart)",
                      host)
                : fmt::format(
                      "the JVM's GC log (on stdout when enabled: `kubectl logs "
                      "--previous --timestamps {}`)",
                      host);
        b.coverage_gaps.push_back(fmt::format("no {} covers {} between {} and {}: {}", what, who,
                                              hhmmss(lo), hhmmss(hi), fill));
        continue;
      }
      const char* what = role == InputRole::kJournal  ? "journal"
                         : role == InputRole::kServer ? "server.log"
                                                      : "GC log";
      b.coverage_gaps.push_back(
          fmt::format("no {} covers {} between {} and {}", what, who, hhmmss(lo), hhmmss(hi)));
    }
  }
  if (b.verdict == Verdict::kUnexplained && b.brokers.empty())
    b.coverage_gaps.push_back(
        "the clients' errors name no broker; broker-side logs could not be "
        "narrowed down");
}

}  // namespace logcorr::detail
