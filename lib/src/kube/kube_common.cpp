#include "kube/kube_common.hpp"

#include <fmt/format.h>

#include <cctype>

#include "logcorr/time.hpp"

namespace logcorr {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "3m26s" -> ns; false unless the whole word is HumanDuration's shape.
bool age_word(std::string_view w, int64_t& ns) {
  if (w.empty() || w.size() > 24) return false;
  int64_t total = 0;
  size_t i = 0;
  while (i < w.size()) {
    size_t d = i;
    int64_t v = 0;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9' && i - d < 9) v = v * 10 + (w[i++] - '0');
    if (i == d || i >= w.size()) return false;
    int64_t unit;
    switch (w[i++]) {
      case 's':
        unit = 1;
        break;
      case 'm':
        unit = 60;
        break;
      case 'h':
        unit = 3600;
        break;
      case 'd':
        unit = 86400;
        break;
      case 'y':
        unit = 365 * 86400;
        break;
      default:
        return false;
    }
    total += v * unit;
  }
  ns = total * kNanosPerSecond;
  return true;
}

}  // namespace

bool parse_kube_age(std::string_view age, int64_t& ns) {
  size_t sp = age.find(' ');
  return age_word(sp == std::string_view::npos ? age : age.substr(0, sp), ns);
}

bool parse_kube_time(std::string_view t, int64_t& utc_ns, Precision& precision) {
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  if (t.size() < 20) return false;
  if (t[0] >= '0' && t[0] <= '9') {
    // RFC 3339 (metav1.Time, MicroTime): the date must have a T and a zone.
    if (t[4] != '-' || t[10] != 'T') return false;
    auto v = parse_user_time(t, *Zone::utc());
    if (!v) return false;
    utc_ns = *v;
    size_t dot = t.find('.', 19);
    size_t digits = 0;
    if (dot != std::string_view::npos)
      while (dot + 1 + digits < t.size() &&
             std::isdigit(static_cast<unsigned char>(t[dot + 1 + digits])))
        ++digits;
    precision = digits == 0   ? Precision::kSecond
                : digits <= 3 ? Precision::kMilli
                : digits <= 6 ? Precision::kMicro
                              : Precision::kNano;
    return true;
  }
  // RFC 1123 with a numeric zone: "Sat, 28 Sep 2024 06:56:46 +0600".
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (t.size() != 31 || t[3] != ',' || t[4] != ' ' || t[7] != ' ' || t[11] != ' ' || t[16] != ' ' ||
      t[19] != ':' || t[22] != ':' || t[25] != ' ')
    return false;
  std::string_view day = t.substr(5, 2), mon = t.substr(8, 3), year = t.substr(12, 4),
                   hh = t.substr(17, 2), mm = t.substr(20, 2), ss = t.substr(23, 2),
                   zone = t.substr(26, 5);
  if (!all_digits(day) || !all_digits(year) || !all_digits(hh) || !all_digits(mm) ||
      !all_digits(ss) || (zone[0] != '+' && zone[0] != '-') || !all_digits(zone.substr(1)))
    return false;
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (kMonths[i] == mon) month = i + 1;
  if (month == 0) return false;
  int h = to_int(hh), m = to_int(mm), s = to_int(ss), d = to_int(day);
  if (h > 23 || m > 59 || s > 60 || d < 1 || d > 31) return false;
  auto secs =
      civil_to_seconds(to_int(year), month, unsigned(d), unsigned(h), unsigned(m), unsigned(s));
  if (!secs) return false;
  int off = (to_int(zone.substr(1, 2)) * 60 + to_int(zone.substr(3, 2))) * 60;
  if (zone[0] == '-') off = -off;
  utc_ns = (*secs - off) * kNanosPerSecond;
  precision = Precision::kSecond;
  return true;
}

namespace kube_detail {

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

void set_field(Event& e, std::string_view name, std::string_view value) {
  if (value.empty()) return;
  for (auto& [k, v] : e.fields)
    if (k == name) {
      v.assign(value);
      return;
    }
  e.fields.emplace_back(std::string(name), std::string(value));
}

Event& Ctx::add(EventKind kind, uint64_t line, std::string_view text, std::string_view rule) {
  Event& e = out_.emplace_back();
  e.kind = kind;
  e.line = opts_.first_line + (line > 0 ? line - 1 : 0);
  e.text.assign(text.substr(0, 4096));
  e.pattern = opts_.pattern_prefix + "/" + std::string(rule);
  e.broker = -1;
  return e;
}

void Ctx::report(Severity sev, uint64_t line, std::string message) {
  Diagnostic d;
  d.severity = sev;
  d.path = opts_.path;
  d.line = line > 0 ? opts_.first_line + line - 1 : 0;
  d.message = std::move(message);
  diag_.report(d);
}

void Ctx::timeless(Event& e, uint64_t line, std::string_view why) {
  e.time_valid = false;
  e.precision = Precision::kNone;
  ++stats_.timeless;
  if (++timeless_notes_ <= 5) {
    report(Severity::kNote, line,
           fmt::format("{} {}: kept without a time ({})", kind_name(e.kind),
                       e.host.empty() ? std::string("event") : e.host, why));
  } else if (timeless_notes_ == 6) {
    report(Severity::kNote, line, "more events without a time not shown");
  }
}

void Ctx::stamp(Event& e, std::string_view text, uint64_t line, std::string_view what) {
  int64_t ns;
  Precision p;
  if (parse_kube_time(text, ns, p)) {
    e.time_ns = ns;
    e.precision = p;
    e.time_valid = true;
    return;
  }
  timeless(e, line,
           text.empty() ? fmt::format("no {}", what)
                        : fmt::format("{} '{}' is not a time", what, text.substr(0, 64)));
}

void Ctx::age(Event& e, std::string_view age, uint64_t line) {
  set_field(e, "age", age);
  int64_t ns;
  if (!parse_kube_age(age, ns)) {
    timeless(e, line, fmt::format("age '{}' says no time", age.substr(0, 40)));
    return;
  }
  if (opts_.now_ns == INT64_MIN) {
    timeless(e, line,
             fmt::format("only an age, '{}', and no reference time to count it back from: "
                         "give --now",
                         age.substr(0, 40)));
    return;
  }
  if (!reference_noted_ && opts_.note_reference) {
    reference_noted_ = true;
    report(
        Severity::kNote, line,
        fmt::format(
            "times from ages (\"{}\") are counted back from {}, {}; they are "
            "approximate{}",
            age.substr(0, 40),
            opts_.now_source.empty() ? std::string("the reference time") : opts_.now_source,
            format_rfc3339(opts_.now_ns, Precision::kSecond),
            opts_.now_source == "--now" ? "" : " (give --now with the time they were collected)"));
  }
  e.time_ns = opts_.now_ns - ns;
  e.precision = Precision::kSecond;
  e.time_valid = true;
  set_field(e, "approximate", "true");
  ++stats_.aged;
}

namespace {

bool contains(std::string_view s, std::string_view w) {
  return s.find(w) != std::string_view::npos;
}

// "Killed process 3103923 (stress-ng-vm)" / "victim process: nginx, pid: 9295".
void oom_victim(std::string_view msg, Event& e) {
  size_t at = msg.find("process ");
  while (at != std::string_view::npos) {
    size_t i = at + 8, d = i;
    while (i < msg.size() && msg[i] >= '0' && msg[i] <= '9') ++i;
    if (i > d && i + 1 < msg.size() && msg[i] == ' ' && msg[i + 1] == '(') {
      size_t close = msg.find(')', i + 2);
      if (close != std::string_view::npos) {
        set_field(e, "pid", msg.substr(d, i - d));
        set_field(e, "process", msg.substr(i + 2, close - i - 2));
        return;
      }
    }
    at = msg.find("process ", at + 8);
  }
  size_t v = msg.find("victim process: ");
  if (v != std::string_view::npos) {
    size_t b = v + 16;
    size_t comma = msg.find(',', b);
    set_field(e, "process", msg.substr(b, comma == std::string_view::npos ? msg.npos : comma - b));
    size_t p = msg.find("pid: ", b);
    if (p != std::string_view::npos) {
      size_t i = p + 5, d = i;
      while (i < msg.size() && msg[i] >= '0' && msg[i] <= '9') ++i;
      set_field(e, "pid", msg.substr(d, i - d));
    }
  }
}

// The container a kubelet message names: "Stopping container kafka",
// "Container kafka failed liveness probe", "restarting failed container kafka".
std::string_view container_in(std::string_view msg) {
  for (std::string_view lead : {"Stopping container ", "Container ", "failed container ",
                                "Started container ", "Killing container "}) {
    size_t at = msg.find(lead);
    if (at == std::string_view::npos) continue;
    size_t b = at + lead.size();
    size_t e = b;
    while (e < msg.size() && msg[e] != ' ' && msg[e] != ',' && msg[e] != '.') ++e;
    if (e > b) return msg.substr(b, e - b);
  }
  return {};
}

}  // namespace

std::optional<EventKind> kube_event_kind(std::string_view reason, std::string_view message) {
  if (reason == "Evicted" || reason == "TaintManagerEviction") return EventKind::kPodEvicted;
  if (reason == "Killing" || reason == "Preempting") return EventKind::kPodKilled;
  if (reason == "BackOff" && contains(message, "restarting failed container"))
    return EventKind::kPodKilled;
  if (reason == "OOMKilling" || reason == "SystemOOM") return EventKind::kOomKill;
  if (reason == "Started" && contains(message, "Started container")) return EventKind::kBrokerStart;
  return std::nullopt;
}

void fill_kube_event(const KubeEvent& k, Event& e) {
  bool node_object = k.object_kind == "Node";
  e.host.assign(k.object_name);
  if (node_object) {
    set_field(e, "node", k.object_name);
  } else {
    if (k.object_kind.empty() || k.object_kind == "Pod") set_field(e, "pod", k.object_name);
    set_field(e, "node", k.host);
  }
  set_field(e, "namespace", k.namespace_);
  std::string_view container;
  if (k.field_path.substr(0, 16) == "spec.containers{" ||
      k.field_path.substr(0, 20) == "spec.initContainers{") {
    size_t b = k.field_path.find('{') + 1;
    size_t close = k.field_path.find('}', b);
    if (close != std::string_view::npos) container = k.field_path.substr(b, close - b);
  }
  if (container.empty() && e.kind != EventKind::kOomKill) container = container_in(k.message);
  set_field(e, "container", container);
  set_field(e, "reason", k.reason);
  set_field(e, "source", k.component);
  switch (e.kind) {
    case EventKind::kPodEvicted: {
      set_field(e, "why", trim(k.message));
      size_t at = k.message.find("low on resource: ");
      if (at != std::string_view::npos) {
        size_t b = at + 17, end = b;
        while (end < k.message.size() && std::isalpha(static_cast<unsigned char>(k.message[end])))
          ++end;
        set_field(e, "resource", k.message.substr(b, end - b));
      }
      break;
    }
    case EventKind::kPodKilled:
      set_field(e, "why", trim(k.message));
      if (contains(k.message, "failed liveness probe")) set_field(e, "probe", "liveness");
      if (contains(k.message, "failed startup probe")) set_field(e, "probe", "startup");
      if (k.reason == "BackOff") set_field(e, "crash_loop", "true");
      break;
    case EventKind::kOomKill:
      oom_victim(k.message, e);
      set_field(e, "why", trim(k.message));
      break;
    default:
      break;
  }
}

}  // namespace kube_detail

}  // namespace logcorr
