// `kubectl describe pod|node` and the plain `kubectl get events` table.
//
// describe (kubectl pkg/describe/describe.go): objects start with `Name:` at
// column 0; pods have `Namespace:` and `Node:  NAME/IP`; containers are
// listed under `Containers:` / `Init Containers:` as `  NAME:` with, under
// each, `State:` and `Last State:` blocks (Reason, Exit Code, Signal,
// Started, Finished, RFC 1123 stamps with a numeric zone) and `Restart
// Count:`; every object ends with `Events:` (`<none>` or a tabwriter table
// `Type Reason Age From Message`, Age `3m26s` or `2m (x3 over 10m)`). A
// pasted part of one (state blocks, or Events rows alone) reads the same,
// without the names it lacks.
#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kube/kube_common.hpp"
#include "kube/kube_readers.hpp"
#include "logcorr/time.hpp"

namespace logcorr::kube_detail {

namespace {

struct Line {
  std::string_view text;
  size_t indent = 0;
  uint64_t no = 0;
};

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

// Columns separated by two or more blanks, with where each starts.
struct Col {
  std::string_view text;
  size_t at;
};
std::vector<Col> columns(std::string_view s) {
  std::vector<Col> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != '\t' && !(s[j] == ' ' && j + 1 < s.size() && s[j + 1] == ' '))
      ++j;
    size_t e = j;
    while (e > i && s[e - 1] == ' ') --e;
    out.push_back({s.substr(i, e - i), i});
    i = j;
  }
  return out;
}

bool is_type(std::string_view w) {
  return w == "Normal" || w == "Warning";
}

bool age_column(std::string_view c) {
  int64_t ns;
  if (c == "<unknown>" || c == "<invalid>") return true;
  size_t sp = c.find(' ');
  if (sp != std::string_view::npos && !(starts_with(c.substr(sp), " (x") && c.back() == ')'))
    return false;
  return parse_kube_age(c, ns);
}

// "  Key:   value"; key and value trimmed.
bool kv(std::string_view t, std::string_view& key, std::string_view& value) {
  size_t b = t.find_first_not_of(' ');
  if (b == std::string_view::npos) return false;
  t = t.substr(b);
  if (t.empty() || !(t[0] >= 'A' && t[0] <= 'Z')) return false;
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 40) return false;
  if (colon + 1 < t.size() && t[colon + 1] != ' ' && t[colon + 1] != '\t') return false;
  key = t.substr(0, colon);
  value = t.substr(colon + 1);
  size_t v = value.find_first_not_of(" \t");
  value = v == std::string_view::npos ? std::string_view{} : value.substr(v);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) value.remove_suffix(1);
  return true;
}

bool describe_event_row_shape(std::string_view t) {
  auto c = columns(t);
  return c.size() >= 4 && is_type(c[0].text) && age_column(c[2].text);
}

struct StateBlock {
  std::string_view state;  // Running / Terminated / Waiting
  std::string_view reason, exit_code, signal, started, finished;
  uint64_t line = 0;
  uint64_t started_line = 0, finished_line = 0;
  size_t indent = 0;
};

struct Container {
  std::string name;
  uint64_t line = 0;
  std::optional<StateBlock> state, last;
  std::string_view restart_count;
};

struct Object {
  std::string name, ns, node;
  bool is_node = false;
  bool has_header = false;  // a Name: line began it
  bool saw_events = false;
  uint64_t line = 0;
};

class DescribeReader {
 public:
  DescribeReader(Ctx& ctx) : ctx_(ctx) {}

  void run(std::string_view text) {
    std::vector<Line> lines;
    size_t pos = 0;
    uint64_t no = 0;
    while (pos < text.size()) {
      size_t nl = text.find('\n', pos);
      size_t end = nl == std::string_view::npos ? text.size() : nl;
      std::string_view t = text.substr(pos, end - pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
      ++no;
      if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
      size_t ind = t.find_first_not_of(' ');
      if (ind == std::string_view::npos) continue;
      lines.push_back({t, ind, no});
    }
    for (size_t i = 0; i < lines.size(); ++i) line(lines[i]);
    uint64_t last = lines.empty() ? 0 : lines.back().no;
    end_object(last, true);
  }

 private:
  void line(const Line& l) {
    std::string_view key, value;
    bool is_kv = kv(l.text, key, value);
    // An open state block takes its deeper kv lines, and lines that are no
    // kv line at all (a termination Message: of several lines).
    if (block_ && !is_kv && !describe_event_row_shape(l.text)) return;
    if (block_ && l.indent > block_->indent && is_kv) {
      if (key == "Reason") block_->reason = value;
      if (key == "Exit Code") block_->exit_code = value;
      if (key == "Signal") block_->signal = value;
      if (key == "Started" || key == "Started At") {
        block_->started = value;
        block_->started_line = l.no;
      }
      if (key == "Finished" || key == "Finished At") {
        block_->finished = value;
        block_->finished_line = l.no;
      }
      return;
    }
    block_ = nullptr;
    if (l.indent == 0) {
      if (is_kv && key == "Name") {
        end_object(l.no, false);
        obj_ = Object{};
        obj_.name = std::string(value);
        obj_.has_header = true;
        obj_.line = l.no;
        in_containers_ = false;
        return;
      }
      in_containers_ = false;
      if (is_kv && key == "Namespace") obj_.ns = std::string(value);
      if (is_kv && key == "Node") {
        obj_.node = std::string(value.substr(0, value.find('/')));
        if (obj_.node == "<none>") obj_.node.clear();
      }
      if (is_kv &&
          (key == "Roles" || key == "Taints" || key == "Kubelet Version" || key == "Unschedulable"))
        obj_.is_node = true;
      if (is_kv &&
          (key == "Containers" || key == "Init Containers" || key == "Ephemeral Containers")) {
        end_container();
        in_containers_ = true;
      }
      if (is_kv && key == "Events") {
        end_container();
        obj_.saw_events = true;
        return;
      }
    }
    // `  kafka:` directly under Containers:
    if (in_containers_ && l.indent == 2 && l.text.back() == ':' &&
        l.text.find(' ', 2) == std::string_view::npos) {
      end_container();
      cont_ = Container{};
      cont_->name = std::string(l.text.substr(2, l.text.size() - 3));
      cont_->line = l.no;
      return;
    }
    if (is_kv && (key == "State" || key == "Last State") &&
        (value == "Running" || value == "Terminated" || value == "Waiting")) {
      if (!cont_) {
        cont_ = Container{};
        cont_->line = l.no;
      }
      auto& slot = key == "State" ? cont_->state : cont_->last;
      if (slot) {  // a second State: a container we were not told the name of
        end_container();
        cont_ = Container{};
        cont_->line = l.no;
      }
      auto& s = key == "State" ? cont_->state : cont_->last;
      s = StateBlock{};
      s->state = value;
      s->line = l.no;
      s->indent = l.indent;
      block_ = &*s;
      return;
    }
    if (is_kv && key == "Restart Count" && cont_) {
      cont_->restart_count = value;
      return;
    }
    event_row(l);
  }

  void event_row(const Line& l) {
    auto c = columns(l.text);
    if (c.size() < 4 || !is_type(c[0].text) || !age_column(c[2].text)) return;
    ++ctx_.stats().objects;
    std::string_view message = c.size() >= 5 ? l.text.substr(c[4].at) : std::string_view{};
    while (!message.empty() && message.back() == ' ') message.remove_suffix(1);
    auto kind = kube_event_kind(c[1].text, message);
    if (!kind) return;
    KubeEvent k;
    k.type = c[0].text;
    k.reason = c[1].text;
    k.message = message;
    k.object_kind = obj_.is_node ? "Node" : (obj_.has_header ? "Pod" : "");
    k.object_name = obj_.name;
    k.namespace_ = obj_.ns;
    // From: "kubelet" or (older kubectl) "kubelet, node-1".
    std::string_view from = c[3].text;
    size_t comma = from.find(", ");
    k.component = from.substr(0, comma);
    if (comma != std::string_view::npos) k.host = from.substr(comma + 2);
    if (k.host.empty() && !obj_.is_node) k.host = obj_.node;
    Event& e = ctx_.add(*kind, l.no, trim(l.text), "describe-event");
    fill_kube_event(k, e);
    ctx_.age(e, c[2].text, l.no);
    std::string_view age = c[2].text;
    size_t x = age.find("(x");
    if (x != std::string_view::npos) {
      size_t over = age.find(" over ", x);
      if (over != std::string_view::npos) {
        set_field(e, "count", age.substr(x + 2, over - x - 2));
        int64_t first_ns;
        std::string_view first = age.substr(over + 6, age.size() - over - 7);
        if (e.time_valid && parse_kube_age(first, first_ns) && ctx_.opts().now_ns != INT64_MIN)
          set_field(e, "first_seen",
                    format_rfc3339(ctx_.opts().now_ns - first_ns, Precision::kSecond));
      }
    }
  }

  void fill_common(Event& e, const Container& c) {
    e.host = obj_.name;
    set_field(e, "pod", obj_.name);
    set_field(e, "container", c.name);
    set_field(e, "namespace", obj_.ns);
    set_field(e, "node", obj_.node);
    set_field(e, "restart_count", c.restart_count);
  }

  void terminated(const Container& c, const StateBlock& b, std::string_view label, bool at_end) {
    std::string text =
        fmt::format("{}: Terminated; Reason: {}; Exit Code: {}", label, b.reason, b.exit_code);
    if (!b.started.empty()) text += fmt::format("; Started: {}", b.started);
    if (!b.finished.empty()) text += fmt::format("; Finished: {}", b.finished);
    Event& e = ctx_.add(EventKind::kContainerTerminated, b.line, text, "describe-container");
    fill_common(e, c);
    set_field(e, "reason", b.reason);
    set_field(e, "exit_code", b.exit_code);
    set_field(e, "signal", b.signal);
    int64_t ns;
    Precision p;
    if (parse_kube_time(b.started, ns, p)) set_field(e, "started", format_rfc3339(ns, p));
    if (parse_kube_time(b.finished, ns, p)) set_field(e, "finished", format_rfc3339(ns, p));
    if (b.finished.empty() && at_end) {
      ctx_.stats().complete = false;
      ctx_.report(Severity::kWarning, b.line,
                  fmt::format("describe output ends inside container {}'s terminated state "
                              "(cut off?): no Finished: line",
                              c.name.empty() ? std::string("?") : c.name));
      e.time_valid = false;
      ++ctx_.stats().timeless;
      return;
    }
    ctx_.stamp(e, b.finished, b.finished_line ? b.finished_line : b.line, "Finished:");
  }

  void end_container(bool at_end = false) {
    block_ = nullptr;
    if (!cont_) return;
    Container c = std::move(*cont_);
    cont_.reset();
    ++ctx_.stats().objects;
    bool last_terminated = c.last && c.last->state == "Terminated";
    if (last_terminated) terminated(c, *c.last, "Last State", at_end);
    if (c.state && c.state->state == "Terminated") terminated(c, *c.state, "State", at_end);
    if (c.state && c.state->state == "Running" && last_terminated) {
      // The restart after the recorded termination closes the downtime.
      if (c.state->started.empty() && at_end) return;
      Event& e = ctx_.add(EventKind::kBrokerStart, c.state->line,
                          fmt::format("State: Running; Started: {}", c.state->started),
                          "describe-container");
      fill_common(e, c);
      int64_t ns;
      Precision p;
      if (parse_kube_time(c.state->started, ns, p)) set_field(e, "started", format_rfc3339(ns, p));
      ctx_.stamp(e, c.state->started, c.state->started_line ? c.state->started_line : c.state->line,
                 "Started:");
    }
  }

  void end_object(uint64_t line, bool at_end) {
    end_container(at_end);
    if (at_end && obj_.has_header && !obj_.saw_events) {
      ctx_.stats().complete = false;
      ctx_.report(Severity::kWarning, line,
                  fmt::format("describe output of {} ends before its Events: section (cut off?); "
                              "what was read is kept",
                              obj_.name));
    }
    in_containers_ = false;
  }

  Ctx& ctx_;
  Object obj_;
  std::optional<Container> cont_;
  StateBlock* block_ = nullptr;
  bool in_containers_ = false;
};

}  // namespace

void read_describe(std::string_view text, Ctx& ctx) {
  DescribeReader r(ctx);
  r.run(text);
}

// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE, with or
// without NAMESPACE first (kubectl's event table printer). Rows whose shape
// does not fit are skipped (counted in a note).
// `-o wide` adds SUBOBJECT and SOURCE before MESSAGE and FIRST SEEN, COUNT,
// NAME after it; SUBOBJECT is often empty, so those rows are cut at the
// header's column offsets (tabwriter aligns every cell under its header).
struct WideHeader {
  bool wide = false;
  size_t subobject = 0, source = 0, message = 0, first_seen = 0, count = 0, name = 0;
};

WideHeader wide_header(std::string_view t) {
  WideHeader h;
  h.subobject = t.find("SUBOBJECT");
  h.source = t.find("SOURCE");
  h.message = t.find("MESSAGE");
  h.first_seen = t.find("FIRST SEEN");
  h.count = t.find("COUNT");
  h.name = t.find("NAME", h.count == std::string_view::npos ? 0 : h.count);
  h.wide = h.subobject != std::string_view::npos && h.source != std::string_view::npos &&
           h.message != std::string_view::npos && h.first_seen != std::string_view::npos &&
           h.count != std::string_view::npos && h.name != std::string_view::npos &&
           h.subobject < h.source && h.source < h.message && h.message < h.first_seen &&
           h.first_seen < h.count && h.count < h.name;
  return h;
}

std::string_view cell(std::string_view t, size_t from, size_t to) {
  if (from >= t.size()) return {};
  std::string_view c = t.substr(from, to == std::string_view::npos ? t.npos : to - from);
  size_t b = c.find_first_not_of(' ');
  if (b == std::string_view::npos) return {};
  size_t e = c.find_last_not_of(' ');
  return c.substr(b, e - b + 1);
}

void read_events_table(std::string_view text, Ctx& ctx) {
  size_t pos = 0;
  uint64_t no = 0, odd = 0, first_odd = 0;
  WideHeader wide;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view t = text.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++no;
    if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
    if (t.find_first_not_of(' ') == std::string_view::npos) continue;
    if (starts_with(t, "LAST SEEN") || starts_with(t, "NAMESPACE")) {
      wide = wide_header(t);
      continue;
    }
    auto c = columns(t);
    size_t at = SIZE_MAX;
    for (size_t a : {size_t{0}, size_t{1}})
      if (c.size() >= a + 4 && age_column(c[a].text) && is_type(c[a + 1].text) &&
          c[a + 3].text.find('/') != std::string_view::npos) {
        at = a;
        break;
      }
    if (at == SIZE_MAX) {
      if (odd++ == 0) first_odd = no;
      continue;
    }
    ++ctx.stats().objects;
    std::string_view message = c.size() > at + 4 ? t.substr(c[at + 4].at) : std::string_view{};
    while (!message.empty() && message.back() == ' ') message.remove_suffix(1);
    auto kind = kube_event_kind(c[at + 2].text, message);
    if (!kind) continue;
    std::string_view object = c[at + 3].text;
    size_t slash = object.find('/');
    std::string_view okind = object.substr(0, slash), oname = object.substr(slash + 1);
    KubeEvent k;
    k.type = c[at + 1].text;
    k.reason = c[at + 2].text;
    k.message = message;
    k.object_kind = okind == "pod" ? "Pod" : okind == "node" ? "Node" : okind;
    k.object_name = oname;
    if (at == 1) k.namespace_ = c[0].text;
    std::string_view count;
    // A wide row: its cells where the header put them (the boundaries must
    // fall on blanks, else the row is not of that header).
    if (wide.wide && t.size() > wide.first_seen && t[wide.message - 1] == ' ' &&
        t[wide.source - 1] == ' ' && t[wide.first_seen - 1] == ' ') {
      k.field_path = cell(t, wide.subobject, wide.source);
      std::string_view source = cell(t, wide.source, wide.message);
      size_t comma = source.find(", ");
      k.component = source.substr(0, comma);
      if (comma != std::string_view::npos) k.host = source.substr(comma + 2);
      k.message = cell(t, wide.message, wide.first_seen);
      count = cell(t, wide.count, wide.name);
      kind = kube_event_kind(k.reason, k.message);
      if (!kind) continue;
    }
    Event& e = ctx.add(*kind, no, t, "events-table");
    fill_kube_event(k, e);
    ctx.age(e, c[at].text, no);
    if (!count.empty() && count != "1") set_field(e, "count", count);
  }
  if (odd > 0)
    ctx.report(
        Severity::kNote, first_odd,
        fmt::format("{} line(s) not in the shape of a `kubectl get events` row skipped", odd));
}

}  // namespace logcorr::kube_detail
