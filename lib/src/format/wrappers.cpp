// Container and tool wrappers around log lines: what kubectl, the container
// runtime (CRI), Docker's json-file driver and `docker compose logs` put
// around the application's own line. The wrapper is unwrapped and the inner
// line read by its own layout; the wrapper's stamp and names are kept.
//
// Shapes (each from the tool's own source):
// - CRI log file (kubelet/containerd, /var/log/pods/...):
//   `<RFC3339Nano> stdout|stderr P|F <text>`; `P` = partial, the next line
//   continues the text without a newline.
// - `kubectl logs --timestamps`: `<RFC3339NanoFixed> <text>` (kubelet formats
//   the stamp with exactly nine fraction digits: kuberuntime logs.go
//   timeFormatOut = RFC3339NanoFixed). Nine digits and an RFC 3339 zone (Z or
//   ±hh:mm) tell it from an application's ISO stamp (milliseconds) and from
//   `journalctl -o short-iso-precise` (six digits, ±hhmm).
// - `kubectl logs --prefix`: `[pod/<name>/<container>] <text>`, the kubelet
//   stamp (when --timestamps) after it.
// - `docker compose logs [-t]`: `<service>  | [<stamp> ]<text>`, possibly in
//   ANSI colour (`ESC[36m<service>  | ESC[0m<text>`).
// - Docker json-file: `{"log":"<text>\n","stream":"stdout","time":"<RFC3339Nano>"}`;
//   a log value without the trailing `\n` is a partial line (Docker splits
//   lines at 16 KiB) that the next entry continues.
#include <cstring>

#include "format_impl.hpp"
#include "logcorr/format.hpp"
#include "logcorr/json_text.hpp"

namespace logcorr {

namespace {

using format_detail::is_digit;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-' ||
         c == '.';
}

// An RFC 3339 stamp with a zone at `pos` followed by a space. `fixed_nano`
// asks for exactly nine fraction digits and an RFC 3339 zone (Z / ±hh:mm):
// the kubelet's and Docker's fixed-width stamp.
bool rfc3339_at(std::string_view s, size_t pos, bool fixed_nano, size_t& end) {
  if (pos + 20 > s.size() || !is_digit(s[pos]) || s[pos + 10] != 'T') return false;
  format_detail::Stamp st;
  if (!format_detail::scan_iso(s, pos, st) || st.zone_kind != format_detail::Stamp::kOffset)
    return false;
  if (st.end >= s.size() || s[st.end] != ' ') return false;
  if (fixed_nano) {
    // "YYYY-MM-DDThh:mm:ss." is 20 bytes, then 9 digits, then Z or ±hh:mm.
    const size_t frac_end = pos + 29;
    if (frac_end > st.end || s[pos + 19] != '.') return false;
    for (size_t i = pos + 20; i < frac_end; ++i)
      if (!is_digit(s[i])) return false;
    std::string_view zone = s.substr(frac_end, st.end - frac_end);
    if (!(zone == "Z" || (zone.size() == 6 && zone[3] == ':'))) return false;
  }
  end = st.end;
  return true;
}

// Decodes the JSON string body starting at s[pos] (just after the opening
// quote) into out, up to `limit` decoded bytes; returns the index just past
// the closing quote, or npos when it is not closed on this line.
size_t decode_json_string(std::string_view s, size_t pos, std::string& out, size_t limit) {
  size_t i = pos;
  while (i < s.size()) {
    // Copy the run of ordinary bytes at once.
    size_t run = i;
    while (run < s.size() && s[run] != '"' && s[run] != '\\') ++run;
    if (out.size() < limit) out.append(s.data() + i, std::min(run - i, limit - out.size()));
    i = run;
    if (i >= s.size()) return std::string_view::npos;
    if (s[i] == '"') return i + 1;
    if (i + 1 >= s.size()) return std::string_view::npos;
    char e = s[i + 1];
    i += 2;
    if (out.size() >= limit) {
      if (e == 'u') i += 4;
      continue;
    }
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        uint32_t cp;
        if (!json_hex4(s, i, cp)) {
          out += "\xEF\xBF\xBD";
          break;
        }
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00) {
          uint32_t lo;
          if (i + 1 < s.size() && s[i] == '\\' && s[i + 1] == 'u' && json_hex4(s, i + 2, lo) &&
              lo >= 0xDC00 && lo < 0xE000) {
            i += 6;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else {
            cp = 0xFFFD;
          }
        } else if (cp >= 0xDC00 && cp < 0xE000) {
          cp = 0xFFFD;
        }
        append_utf8(out, cp);
        break;
      }
      default:  // \" \\ \/ and anything else: the character itself
        out += e;
    }
  }
  return std::string_view::npos;
}

// The value of a short string member `"key":"value"` of a one-line JSON
// object (no escapes expected: stream names and stamps).
std::string_view plain_member(std::string_view s, std::string_view quoted_key_colon) {
  size_t k = s.find(quoted_key_colon);
  if (k == std::string_view::npos) return {};
  size_t v = k + quoted_key_colon.size();
  if (v >= s.size() || s[v] != '"') return {};
  size_t e = s.find('"', v + 1);
  if (e == std::string_view::npos) return {};
  return s.substr(v + 1, e - v - 1);
}

}  // namespace

std::string_view wrapper_name(Wrapper w) {
  switch (w) {
    case Wrapper::kNone:
      return "none";
    case Wrapper::kCri:
      return "cri";
    case Wrapper::kKubectl:
      return "kubectl";
    case Wrapper::kCompose:
      return "compose";
    case Wrapper::kDockerJson:
      return "docker-json";
  }
  return "none";
}

std::optional<Wrapper> wrapper_from_name(std::string_view name) {
  for (Wrapper w :
       {Wrapper::kNone, Wrapper::kCri, Wrapper::kKubectl, Wrapper::kCompose, Wrapper::kDockerJson})
    if (wrapper_name(w) == name) return w;
  return std::nullopt;
}

namespace format_detail {

bool unwrap_line(std::string_view line, WrappedLine& out, std::string* decoded, size_t limit) {
  out = WrappedLine{};
  out.inner = line;
  size_t pos = 0;
  // Docker json-file: one JSON object per line, "log" first (the daemon's
  // field order).
  static constexpr std::string_view kDockerLog = "{\"log\":\"";
  if (line.substr(0, kDockerLog.size()) == kDockerLog) {
    if (!decoded) return false;
    decoded->clear();
    size_t end = decode_json_string(line, kDockerLog.size(), *decoded, limit);
    if (end == std::string_view::npos) return false;
    std::string_view rest = line.substr(end);
    out.kind = Wrapper::kDockerJson;
    out.stream = plain_member(rest, "\"stream\":");
    out.stamp = plain_member(rest, "\"time\":");
    std::string_view in = *decoded;
    if (!in.empty() && in.back() == '\n') {
      in.remove_suffix(1);
      if (!in.empty() && in.back() == '\r') in.remove_suffix(1);
    } else {
      out.partial = true;
    }
    out.inner = in;
    return true;
  }
  pos = format_detail::skip_ansi(line, 0);
  Wrapper kind = Wrapper::kNone;
  if (pos < line.size() && line[pos] == '[') {
    // kubectl --prefix: "[pod/<name>/<container>] "
    size_t s1 = line.find('/', pos + 1);
    size_t close = line.find(']', pos + 1);
    if (s1 != std::string_view::npos && close != std::string_view::npos && s1 < close &&
        close + 1 < line.size() && line[close + 1] == ' ' && close - pos < 300) {
      size_t s2 = line.find('/', s1 + 1);
      if (s2 != std::string_view::npos && s2 < close && s2 > s1 + 1 && close > s2 + 1) {
        bool ok = s1 > pos + 1;
        for (size_t i = pos + 1; ok && i < close; ++i)
          ok = i == s1 || i == s2 || name_char(line[i]);
        if (ok) {
          out.name = line.substr(s1 + 1, s2 - s1 - 1);
          out.container = line.substr(s2 + 1, close - s2 - 1);
          kind = Wrapper::kKubectl;
          pos = close + 2;
        }
      }
    }
  } else {
    // docker compose: "<service><spaces>| " (names: [A-Za-z0-9_.-], padded
    // to a common width with at least one space).
    size_t i = pos;
    while (i < line.size() && i - pos < 64 && name_char(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && line[j] == ' ') ++j;
    // Not the Tanuki Java Service Wrapper's "INFO   | jvm 1    | …": its
    // first column is a level, the second names the JVM or the wrapper.
    std::string_view after = j + 2 <= line.size() ? line.substr(j + 2) : std::string_view();
    bool tanuki = after.substr(0, 4) == "jvm " || after.substr(0, 8) == "wrapper ";
    if (i > pos && j > i && j < line.size() && line[j] == '|' && !tanuki) {
      out.name = line.substr(pos, i - pos);
      kind = Wrapper::kCompose;
      pos = j + 1;
      if (pos < line.size() && line[pos] == ' ') ++pos;
      pos = format_detail::skip_ansi(line, pos);
    }
  }
  size_t end = 0;
  if (kind == Wrapper::kNone && rfc3339_at(line, pos, false, end)) {
    // CRI: the stream and the partial flag follow the stamp.
    std::string_view rest = line.substr(end + 1);
    if (rest.size() >= 9 && (rest.substr(0, 7) == "stdout " || rest.substr(0, 7) == "stderr ") &&
        (rest[7] == 'F' || rest[7] == 'P') && rest[8] == ' ') {
      out.kind = Wrapper::kCri;
      out.stamp = line.substr(pos, end - pos);
      out.stream = rest.substr(0, 6);
      out.partial = rest[7] == 'P';
      out.inner = rest.substr(9);
      return true;
    }
  }
  // The kubelet's (or Docker's) fixed nanosecond stamp: alone, after a
  // kubectl prefix, or after a compose service name (`logs -t`).
  if (rfc3339_at(line, pos, true, end)) {
    out.stamp = line.substr(pos, end - pos);
    pos = end + 1;
    if (kind == Wrapper::kNone) kind = Wrapper::kKubectl;
  }
  if (kind == Wrapper::kNone) return false;
  out.kind = kind;
  out.inner = line.substr(pos);
  return true;
}

}  // namespace format_detail

Wrapper sniff_wrapper(std::string_view head) {
  size_t pos = 0;
  int seen = 0;
  int counts[5] = {};
  std::string decoded;
  while (pos < head.size() && seen < 50) {
    size_t nl = head.find('\n', pos);
    size_t end = nl == std::string_view::npos ? head.size() : nl;
    std::string_view line = head.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? head.size() : nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++seen;
    format_detail::WrappedLine w;
    if (format_detail::unwrap_line(line, w, &decoded, 256)) ++counts[size_t(w.kind)];
  }
  // A wrapper wraps every line it writes; allow a few foreign lines (a
  // compose "Attaching to …" banner, a cut first line).
  size_t best = 0;
  for (size_t k = 1; k < 5; ++k)
    if (counts[k] > counts[best]) best = k;
  if (best == 0 || counts[best] * 4 < seen * 3) return Wrapper::kNone;
  return Wrapper(best);
}

}  // namespace logcorr
