// Sniffing Kubernetes documents: `kubectl describe pod|node`, the plain
// `kubectl get events` table, and `kubectl get ... -o json|yaml`. These are
// documents, not log lines: the kube stage reads them whole (kube.hpp). The
// tests here are strict so that ordinary logs never sniff as one of them:
//   JSON: the first object's first key is "apiVersion" (kubectl sorts keys);
//   YAML: the first line (after an optional `---`) is `apiVersion: ...`;
//   table: its header (`LAST SEEN  TYPE ...`, optionally after NAMESPACE),
//     or most lines are rows `[NS] AGE Normal|Warning REASON KIND/NAME MSG`;
//   describe: `Name:` then `Namespace:`/`Labels:`/`Roles:` within a few
//     lines, or (a pasted part of one) every line is a `Key:  value` line or
//     an Events row and at least one is a container state line, the Events
//     header or an Events row.
#include <string_view>
#include <vector>

#include "format_impl.hpp"
#include "logcorr/format.hpp"

namespace logcorr::format_detail {

namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::string_view trim_left(std::string_view s) {
  size_t i = s.find_first_not_of(" \t");
  return i == std::string_view::npos ? std::string_view{} : s.substr(i);
}

// Columns separated by two or more blanks (tabwriter padding 2, as kubectl
// prints its tables).
std::vector<std::string_view> columns(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && !(s[j] == ' ' && j + 1 < s.size() && s[j + 1] == ' ') && s[j] != '\t')
      ++j;
    size_t e = j;
    while (e > i && s[e - 1] == ' ') --e;
    out.push_back(s.substr(i, e - i));
    i = j;
    while (i < s.size() && s[i] == '\t') ++i;
  }
  return out;
}

// duration.HumanDuration: "3m26s", "53m", "5d4h", "<unknown>", "<invalid>".
bool is_age_word(std::string_view w) {
  if (w == "<unknown>" || w == "<invalid>") return true;
  if (w.empty()) return false;
  size_t i = 0;
  while (i < w.size()) {
    size_t d = i;
    while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
    if (i == d || i >= w.size()) return false;
    char u = w[i++];
    if (u != 's' && u != 'm' && u != 'h' && u != 'd' && u != 'y') return false;
  }
  return true;
}

// An age column: "3m26s" or describe's "2m (x3 over 10m)".
bool is_age_column(std::string_view c) {
  size_t sp = c.find(' ');
  if (sp == std::string_view::npos) return is_age_word(c);
  return is_age_word(c.substr(0, sp)) && starts_with(c.substr(sp), " (x") && c.back() == ')';
}

bool is_type(std::string_view w) {
  return w == "Normal" || w == "Warning";
}

bool no_blank(std::string_view w) {
  return !w.empty() && w.find(' ') == std::string_view::npos;
}

// describe's Events row: "Warning  OOMKilling  3m56s  kernel-monitor  Out of memory: ..."
bool describe_event_row(std::string_view line) {
  auto c = columns(line);
  return c.size() >= 4 && is_type(c[0]) && no_blank(c[1]) && is_age_column(c[2]);
}

// `kubectl get events` row, with or without the NAMESPACE column.
bool table_row(std::string_view line) {
  auto c = columns(line);
  if (line.empty() || line[0] == ' ') return false;
  for (size_t at : {size_t{0}, size_t{1}}) {
    if (c.size() < at + 4) continue;
    if (is_age_column(c[at]) && is_type(c[at + 1]) && no_blank(c[at + 2]) &&
        c[at + 3].find('/') != std::string_view::npos && no_blank(c[at + 3]))
      return true;
  }
  return false;
}

bool table_header(std::string_view line) {
  if (starts_with(line, "LAST SEEN")) return line.find("REASON") != std::string_view::npos;
  if (starts_with(line, "NAMESPACE")) {
    size_t at = line.find("LAST SEEN");
    return at != std::string_view::npos && line.find("REASON", at) != std::string_view::npos;
  }
  return false;
}

// "  Key:   value" / "Key:" as describe prints it: a capitalised key of
// letters, digits, blanks and a few marks, then a colon and blanks or the end.
bool describe_kv(std::string_view line, std::string_view* key, std::string_view* value) {
  std::string_view t = trim_left(line);
  if (t.empty() || !(t[0] >= 'A' && t[0] <= 'Z')) return false;
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon > 40) return false;
  for (size_t i = 0; i < colon; ++i) {
    char ch = t[i];
    bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == ' ' || ch == '-' || ch == '.' || ch == '(' || ch == ')' || ch == '/';
    if (!ok) return false;
  }
  if (colon + 1 < t.size() && t[colon + 1] != ' ' && t[colon + 1] != '\t') return false;
  if (key) *key = t.substr(0, colon);
  if (value) *value = trim_left(t.substr(colon + 1));
  return true;
}

bool describe_strong(std::string_view line) {
  std::string_view key, value;
  std::string_view t = trim_left(line);
  if (t == "Events:" || starts_with(t, "Events:  ")) return true;
  if (starts_with(t, "Type ") && t.find("Reason") != std::string_view::npos &&
      t.find("Age") != std::string_view::npos && t.find("From") != std::string_view::npos)
    return true;
  if (!describe_kv(line, &key, &value)) return describe_event_row(line);
  if (key == "State" || key == "Last State")
    return value == "Running" || value == "Terminated" || value == "Waiting";
  return key == "Restart Count";
}

}  // namespace

Layout kube_layout(std::string_view head) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos < head.size() && lines.size() < 50) {
    size_t nl = head.find('\n', pos);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    std::string_view line = head.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    lines.push_back(line);
  }
  if (lines.empty()) return Layout::kUnknown;
  std::string_view first = lines[0];
  if (first[0] == '{') {
    size_t at = head.find('{');
    size_t k = head.find_first_not_of(" \t\r\n", at + 1);
    if (k != std::string_view::npos && starts_with(head.substr(k), "\"apiVersion\""))
      return Layout::kKubeJson;
    return Layout::kUnknown;
  }
  if (starts_with(first, "apiVersion: ")) return Layout::kKubeYaml;
  if (first == "---" && lines.size() > 1 && starts_with(lines[1], "apiVersion: "))
    return Layout::kKubeYaml;
  if (table_header(first)) return Layout::kKubeEventsTable;
  if (starts_with(first, "Name:")) {
    for (size_t i = 1; i < lines.size() && i < 12; ++i)
      for (std::string_view k : {"Namespace:", "Labels:", "Roles:"})
        if (starts_with(lines[i], k)) return Layout::kKubeDescribe;
  }
  size_t rows = 0, strong = 0, kv = 0;
  for (std::string_view l : lines) {
    if (table_row(l)) {
      ++rows;
    } else if (describe_strong(l)) {
      ++strong;
    } else if (describe_kv(l, nullptr, nullptr) || starts_with(trim_left(l), "----")) {
      ++kv;
    }
  }
  // The head may end inside a line: one line of slack.
  size_t n = lines.size();
  if (rows > 0 && rows * 2 > n) return Layout::kKubeEventsTable;
  if (strong > 0 && strong + kv + 1 >= n && (strong + kv) * 10 >= n * 9)
    return Layout::kKubeDescribe;
  return Layout::kUnknown;
}

}  // namespace logcorr::format_detail
