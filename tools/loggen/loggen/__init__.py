"""loggen: the one generator of logcorr's synthetic Kafka incident logs.

Emitters, one module per source (line shapes only, no randomness):
  javalog     Java logging layouts: log4j (Kafka server.log and clients), logback,
              Spring Boot 3, logstash JSON, docker compose prefix
  javaclient  kafka-clients messages (NetworkClient, Sender, FetchSessionHandler, config dumps)
  librdkafka  librdkafka's default logger and its messages; confluent-kafka-python's logging of them
  sarama      sarama (Go) through Go's log package
  kafkajs     kafkajs (Node.js) through its default JSON logger
  broker      Kafka broker server.log messages
  journal     journald fields, systemd unit messages, journalctl output modes, export format
  kernel      kernel OOM killer report
  gc          JDK 17 unified GC logging (G1)
  kube        Kubernetes: kubectl logs --timestamps, CRI files, kubectl describe pod, events JSON
Users of the emitters:
  bundle, hosts, scenarios  the incident sample bundles (samples/generate.py)
  kubehosts, kubescenarios  the Kubernetes bundles samples/k8s-* (same entry point)
  check             the independent checks of the bundles (samples/generate.py --check)
  corpus            the benchmark corpus (bench/gen_corpus.py)
  journal_fixture   the journal fixture export stream (tests/data/gen/journal/make-journal.py)

Standard library only. See README.md beside this package.
"""
