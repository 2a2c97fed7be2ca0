#!/usr/bin/env bash
# Kubernetes causes end to end: the brokers of two samples run as pods (their
# server.log in a folder named after the pod), and the cluster's records say
# what stopped them. A node's journal (kernel cgroup OOM report naming the
# pod's UID, kubelet PLEG lines) turns samples/oom-kill into an OOM kill of
# pod my-cluster-kafka-2; the Strimzi cluster operator's rolls (preceded by
# Drain Cleaner annotations) turn samples/rolling-restart into restarts for a
# node drain. Checked through `analyze --json` and `events | analyze --json`.
# Record shapes: patterns/kubernetes.toml and patterns/kernel.toml samples
# (real kubelet, kernel and Strimzi lines); times are the samples' own, all
# with a year and offset (no file mtime is read).
set -uo pipefail
EXE=$1
SRC=$2
fail() {
  echo "FAIL: $*"
  exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- OOM kill of a broker pod, seen by the node's kernel and kubelet.
oom=$tmp/oom
mkdir -p "$oom/clients" "$oom/worker-3" "$oom/my-cluster-kafka-1" "$oom/my-cluster-kafka-2" \
  "$oom/my-cluster-kafka-3"
cp "$SRC"/samples/oom-kill/clients/* "$oom/clients/"
for b in 1 2 3; do cp "$SRC/samples/oom-kill/broker-$b/server.log" "$oom/my-cluster-kafka-$b/"; done
cat >"$oom/worker-3/journal.txt" <<'EOF'
2026-03-05T03:47:10+0000 worker-3 kubelet[2480]: I0305 03:47:10.100000    2480 kubelet_getters.go:187] "Pod status updated" pod="kafka/my-cluster-kafka-2" status="Running"
2026-03-05T03:47:12+0000 worker-3 kernel: [ 8523.347322] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=cri-containerd-25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca.scope,mems_allowed=0,oom_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_7c71cf55cfb5.slice,task_memcg=/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5931aa75_4603_4e65_b552_7c71cf55cfb5.slice/cri-containerd-25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca.scope,task=java,pid=183960,uid=1001
2026-03-05T03:47:12+0000 worker-3 kernel: [ 8523.347333] Memory cgroup out of memory: Killed process 183960 (java) total-vm:15791416kB, anon-rss:14369596kB, file-rss:4kB, shmem-rss:36kB, UID:1001 pgtables:28184kB oom_score_adj:984
2026-03-05T03:47:13+0000 worker-3 kubelet[2480]: I0305 03:47:13.357018    2480 generic.go:332] "Generic (PLEG): container finished" podID=5931aa75-4603-4e65-b552-7c71cf55cfb5 containerID="25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca" exitCode=137
2026-03-05T03:47:13+0000 worker-3 kubelet[2480]: I0305 03:47:13.357118    2480 kubelet.go:2231] "SyncLoop (PLEG): event for pod" pod="kafka/my-cluster-kafka-2" event=&{ID:5931aa75-4603-4e65-b552-7c71cf55cfb5 Type:ContainerDied Data:25a38b5b8d556d7983d975577f5ac75ebbcfb4b269e6deaa0a0440c1ffc969ca}
EOF

check_oom() {
  python3 - "$1" <<'PY' || exit 1
import json, sys
rep = json.load(open(sys.argv[1]))
b = rep["bursts"]
assert len(b) == 1, f"{len(b)} bursts"
b = b[0]
assert b["verdict"] == "oom-kill", b["verdict"]
c = b["causes"][0]
assert c["broker"] == 2 and c["host"] == "my-cluster-kafka-2", (c["broker"], c["host"])
assert c.get("why") == "oom", c.get("why")
assert c["start"] == "2026-03-05T03:47:12.000Z", c["start"]
assert c["summary"].startswith("broker 2 (my-cluster-kafka-2) killed by the OOM killer"), c["summary"]
assert len(b["causes"]) == 1, [x["summary"] for x in b["causes"]]  # the node is no cause
assert any("resources.limits.memory" in a for a in b["advice"]), b["advice"]
assert not any("MemoryMax" in a for a in b["advice"]), b["advice"]
assert any("kubectl logs --previous --timestamps my-cluster-kafka-2" in g for g in b["coverage_gaps"]), b["coverage_gaps"]
assert not any(e["broker"] == 3 and e["host"] == "worker-3" for e in rep["entities"]), rep["entities"]
print("ok", sys.argv[1])
PY
}
"$EXE" analyze --json "$oom" >"$tmp/oom.json" 2>"$tmp/oom.err" || fail "analyze oom: $(cat "$tmp/oom.err")"
check_oom "$tmp/oom.json"
"$EXE" events -q "$oom" >"$tmp/oom.ndjson" || fail "events oom"
"$EXE" analyze --json "$tmp/oom.ndjson" >"$tmp/oom-ev.json" 2>/dev/null || fail "analyze oom events"
check_oom "$tmp/oom-ev.json"

# --- A node drain: Drain Cleaner annotates, the operator rolls each broker pod.
drain=$tmp/drain
mkdir -p "$drain/clients" "$drain/operator"
cp "$SRC"/samples/rolling-restart/clients/* "$drain/clients/"
for b in 1 2 3; do
  mkdir -p "$drain/my-cluster-kafka-$b"
  cp "$SRC/samples/rolling-restart/broker-$b/server.log" "$drain/my-cluster-kafka-$b/"
done
# Strimzi's layouts: Drain Cleaner (Quarkus) and cluster operator (log4j2),
# as in real-lines-2/k8s-strimzi-drain-cleaner.log and strimzi.github.io#248.
cat >"$drain/operator/drain-cleaner.log" <<'EOF'
2026-02-17 10:04:20,508 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Received eviction webhook for Pod my-cluster-kafka-1 in namespace kafka
2026-02-17 10:04:20,540 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Pod my-cluster-kafka-1 in namespace kafka found and annotated for restart
2026-02-17 10:11:50,508 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Received eviction webhook for Pod my-cluster-kafka-2 in namespace kafka
2026-02-17 10:11:50,540 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Pod my-cluster-kafka-2 in namespace kafka found and annotated for restart
2026-02-17 10:19:05,508 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Received eviction webhook for Pod my-cluster-kafka-3 in namespace kafka
2026-02-17 10:19:05,540 INFO  [io.str.ValidatingWebhook] (executor-thread-17) Pod my-cluster-kafka-3 in namespace kafka found and annotated for restart
EOF
cat >"$drain/operator/cluster-operator.log" <<'EOF'
2026-02-17 10:05:11 INFO  KafkaRoller:394 - Reconciliation #41(timer) Kafka(kafka/my-cluster): Rolling Pod my-cluster-kafka-1/1 due to [Pod was manually annotated to be rolled]
2026-02-17 10:12:40 INFO  KafkaRoller:394 - Reconciliation #42(timer) Kafka(kafka/my-cluster): Rolling Pod my-cluster-kafka-2/2 due to [Pod was manually annotated to be rolled]
2026-02-17 10:19:56 INFO  KafkaRoller:394 - Reconciliation #43(timer) Kafka(kafka/my-cluster): Rolling Pod my-cluster-kafka-3/3 due to [Pod was manually annotated to be rolled]
EOF

check_drain() {
  python3 - "$1" <<'PY' || exit 1
import json, sys
rep = json.load(open(sys.argv[1]))
b = rep["bursts"]
assert len(b) == 3, f"{len(b)} bursts"
for i, x in enumerate(b, 1):
    assert x["verdict"] == "broker-restart", x["verdict"]
    c = x["causes"][0]
    assert c["broker"] == i and c["host"] == f"my-cluster-kafka-{i}", (c["broker"], c["host"])
    assert c.get("why") == "drain", c.get("why")
    assert "rolled by the Strimzi cluster operator" in c["summary"], c["summary"]
    assert "node drain" in c["summary"], c["summary"]
    assert c["kind"] == "pod_killed", c["kind"]
    assert any("PodDisruptionBudget" in a for a in x["advice"]), x["advice"]
print("ok", sys.argv[1])
PY
}
"$EXE" analyze --json "$drain" >"$tmp/drain.json" 2>"$tmp/drain.err" || fail "analyze drain: $(cat "$tmp/drain.err")"
check_drain "$tmp/drain.json"
"$EXE" events -q "$drain" >"$tmp/drain.ndjson" || fail "events drain"
"$EXE" analyze --json "$tmp/drain.ndjson" >"$tmp/drain-ev.json" 2>/dev/null || fail "analyze drain events"
check_drain "$tmp/drain-ev.json"
echo "ok"
