/* mock_disconnects.c - make the REAL librdkafka log broker failures.
 *
 * A producer talks to librdkafka's built-in mock cluster (test.mock.num.brokers=3,
 * node ids 1..3 on 127.0.0.1 random ports) and produces continuously. Then:
 *   phase 1: broker 2 is set down for DOWN_S seconds, then up again
 *            (-> "Disconnected", "Connect to ipv4#... failed: Connection refused");
 *   phase 2: all three brokers are down for a while ("3/3 brokers are down");
 *   phase 3: broker 2 answers late (rd_kafka_mock_broker_set_rtt above
 *            request.timeout.ms) -> "Timed out N in-flight ... requests", REQTMOUT.
 * librdkafka's log lines go to stderr via its default logger (rd_kafka_log_print) unless
 * argv[1] == "app", then through a custom log callback that prints like a typical
 * application's logger does (ISO-8601 UTC, level name, facility, message).
 * Our own progress markers go to stdout ("# ..."), with epoch ms, so make.sh can record
 * when each phase began.
 */
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#define TOPIC "orders"
#define DOWN_BROKER 2

static long long now_ms(void) {
  struct timeval tv;
  gettimeofday(&tv, NULL);
  return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void mark(const char* what) {
  printf("# %lld %s\n", now_ms(), what);
  fflush(stdout);
}

static const char* level_name(int level) {
  static const char* const names[] = {"EMERG", "ALERT",  "CRIT", "ERROR",
                                      "WARN",  "NOTICE", "INFO", "DEBUG"};
  return level >= 0 && level <= 7 ? names[level] : "?";
}

/* Like an application logger (e.g. a Go/Python service wrapping librdkafka):
 * 2026-11-28T15:10:01.234Z WARN  rdkafka FAIL [rdkafka#producer-1]: msg */
static void app_logger(const rd_kafka_t* rk, int level, const char* fac, const char* buf) {
  struct timeval tv;
  struct tm tm;
  char ts[32];
  gettimeofday(&tv, NULL);
  gmtime_r(&tv.tv_sec, &tm);
  strftime(ts, sizeof ts, "%Y-%m-%dT%H:%M:%S", &tm);
  fprintf(stderr, "%s.%03dZ %-5s rdkafka %s [%s]: %s\n", ts, (int)(tv.tv_usec / 1000),
          level_name(level), fac, rk ? rd_kafka_name(rk) : "-", buf);
}

static void produce_for(rd_kafka_t* rk, int ms) {
  long long end = now_ms() + ms;
  char val[64];
  static unsigned n;
  while (now_ms() < end) {
    int len = snprintf(val, sizeof val, "order-%u", n++);
    rd_kafka_resp_err_t err =
        rd_kafka_producev(rk, RD_KAFKA_V_TOPIC(TOPIC), RD_KAFKA_V_VALUE(val, (size_t)len),
                          RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_END);
    if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) rd_kafka_poll(rk, 10);
    rd_kafka_poll(rk, 10);
  }
}

static void set(rd_kafka_mock_cluster_t* mc, int id, int up) {
  if (up)
    rd_kafka_mock_broker_set_up(mc, id);
  else
    rd_kafka_mock_broker_set_down(mc, id);
}

int main(int argc, char** argv) {
  char errstr[512];
  int app = argc > 1 && !strcmp(argv[1], "app");
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  const char* props[][2] = {
      {"test.mock.num.brokers", "3"},
      {"log.connection.close", "true"},
      {"linger.ms", "5"},
      {"request.timeout.ms", "2000"},
      /* In-flight requests that were already sent time out by socket.timeout.ms
       * (default 60 s): without this, phase 3 logs nothing. */
      {"socket.timeout.ms", "2000"},
      {"message.timeout.ms", "30000"},
      {"reconnect.backoff.ms", "200"},
      {"reconnect.backoff.max.ms", "1000"},
      {"acks", "all"},
  };
  for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
    if (rd_kafka_conf_set(conf, props[i][0], props[i][1], errstr, sizeof errstr)) {
      fprintf(stderr, "conf %s: %s\n", props[i][0], errstr);
      return 1;
    }
  if (app) rd_kafka_conf_set_log_cb(conf, app_logger);

  rd_kafka_t* rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
  if (!rk) {
    fprintf(stderr, "rd_kafka_new: %s\n", errstr);
    return 1;
  }
  rd_kafka_mock_cluster_t* mc = rd_kafka_handle_mock_cluster(rk);
  if (!mc) {
    fprintf(stderr, "no mock cluster\n");
    return 1;
  }
  /* 3 partitions, replication 3: every broker leads one partition. */
  rd_kafka_mock_topic_create(mc, TOPIC, 3, 3);
  for (int p = 0; p < 3; p++) rd_kafka_mock_partition_set_leader(mc, TOPIC, p, p + 1);

  mark("start");
  produce_for(rk, 2000);

  mark("phase1 broker 2 down");
  set(mc, DOWN_BROKER, 0);
  produce_for(rk, 4000);
  mark("phase1 broker 2 up");
  set(mc, DOWN_BROKER, 1);
  produce_for(rk, 2500);

  mark("phase2 brokers 1,2,3 down");
  for (int id = 1; id <= 3; id++) set(mc, id, 0);
  produce_for(rk, 3000);
  mark("phase2 brokers 1,2,3 up");
  for (int id = 1; id <= 3; id++) set(mc, id, 1);
  produce_for(rk, 3000);

  /* Broker 2 answers everything 3.5 s late; the timeouts are 2 s. */
  mark("phase3 broker 2 rtt 3500ms");
  rd_kafka_mock_broker_set_rtt(mc, DOWN_BROKER, 3500);
  produce_for(rk, 6000);
  rd_kafka_mock_broker_set_rtt(mc, DOWN_BROKER, 0);
  mark("phase3 end");

  rd_kafka_flush(rk, 10000);
  mark("flushed");
  rd_kafka_destroy(rk);
  mark("destroyed");
  return 0;
}
