// Two key-addressed line layouts. logfmt (Go's slog and logrus text
// handlers, franz-go behind benthos, Heroku-style apps): the time is the
// value of `time=`, `ts=`, `t=` or `timestamp=` (quoted or not), an RFC 3339
// stamp or an epoch number; the message stays the whole line, since patterns
// read its other pairs (`err=`, `addr=`, `broker=`). RFC 5424 syslog:
// `<PRI>1 STAMP HOST APP PROCID MSGID SD MSG`, where the stamp carries its
// offset, and host, app and procid fill the record's meta as in RFC 3164.
#include "parser_state.hpp"

namespace logcorr {

namespace {

bool key_char(char c) {
  return format_detail::is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '_' || c == '.' || c == '-';
}

}  // namespace

namespace format_detail {

// The value of the first time key of a logfmt line, without quotes; empty
// when none. Keys are matched at pair starts only ("xt=" is no "t=").
std::string_view logfmt_time_value(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t k = i;
    while (i < s.size() && key_char(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') {
      // Not a pair: skip the token.
      while (i < s.size() && s[i] != ' ') ++i;
      continue;
    }
    std::string_view key = s.substr(k, i - k);
    ++i;
    size_t v = i, ve;
    if (i < s.size() && s[i] == '"') {
      v = ++i;
      while (i < s.size() && s[i] != '"') i += s[i] == '\\' ? 2 : 1;
      ve = std::min(i, s.size());
      if (i < s.size()) ++i;
    } else {
      while (i < s.size() && s[i] != ' ') ++i;
      ve = i;
    }
    if (key == "time" || key == "ts" || key == "t" || key == "timestamp")
      return s.substr(v, ve - v);
  }
  return {};
}

}  // namespace format_detail

void RecordParser::State::parse_logfmt(const RawRecord& raw, Record& out) {
  std::string_view line = raw.text;
  if (size_t nl = line.find('\n'); nl != std::string_view::npos) line = line.substr(0, nl);
  std::string_view v = format_detail::logfmt_time_value(line);
  if (v.empty()) return;
  format_detail::Stamp st;
  if (format_detail::scan_iso(v, 0, st)) {
    if (!resolve(st, out.time)) out.time = RecordTime{};
    return;
  }
  // An epoch number: seconds with a fraction (zap's ts=1.7e9 style), or an
  // integer of seconds, milliseconds, microseconds or nanoseconds.
  format_detail::GenericHit hit;
  if (format_detail::find_generic_stamp(v, false, format_detail::kGenEpoch, 0, st, hit) &&
      hit.shape == format_detail::kGenEpoch && st.end == v.size()) {
    out.time.utc_ns = hit.epoch_ns;
    out.time.precision = st.precision;
    out.time.zone = ZoneSource::kExplicit;
  }
}

void RecordParser::State::parse_syslog5424(const RawRecord& raw, Record& out) {
  std::string_view s = raw.text;
  // "<46>1 "
  if (s.size() < 4 || s[0] != '<') return;
  size_t i = 1;
  while (i < s.size() && i < 5 && format_detail::is_digit(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != '>') return;
  ++i;
  size_t vs = i;
  while (i < s.size() && format_detail::is_digit(s[i]) && i - vs < 3) ++i;
  if (i == vs || i >= s.size() || s[i] != ' ') return;
  ++i;
  auto field = [&](std::string_view& f) {
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\n') ++i;
    f = s.substr(b, i - b);
    if (i < s.size() && s[i] == ' ') ++i;
  };
  std::string_view when, host, app, procid, msgid;
  field(when);
  field(host);
  field(app);
  field(procid);
  field(msgid);
  // Structured data: "-" or one or more [id k="v" ...] elements.
  if (i < s.size() && s[i] == '[') {
    bool quoted = false;
    while (i < s.size() && s[i] != '\n') {
      char c = s[i];
      if (quoted) {
        if (c == '\\')
          ++i;
        else if (c == '"')
          quoted = false;
      } else if (c == '"') {
        quoted = true;
      } else if (c == ']' && (i + 1 >= s.size() || s[i + 1] != '[')) {
        ++i;
        break;
      }
      ++i;
    }
    if (i < s.size() && s[i] == ' ') ++i;
  } else if (i < s.size() && s[i] == '-') {
    ++i;
    if (i < s.size() && s[i] == ' ') ++i;
  }
  // A UTF-8 BOM may open the message (RFC 5424 6.4).
  if (s.substr(i, 3) == "\xEF\xBB\xBF") i += 3;
  out.message = s.substr(std::min(i, s.size()));
  if (host != "-") out.meta.host = host;
  if (app != "-") out.meta.identifier = app;
  // PROCID is up to 128 printable characters (RFC 5424 6.2.6); a pid only
  // when it is a short run of digits.
  if (!procid.empty() && procid.size() <= 12 &&
      procid.find_first_not_of("0123456789") == std::string_view::npos) {
    int64_t pid = 0;
    for (char c : procid) pid = pid * 10 + (c - '0');
    out.meta.pid = pid;
  }
  format_detail::Stamp st;
  if (when != "-" && format_detail::scan_iso(when, 0, st) && st.end == when.size() &&
      !resolve(st, out.time))
    out.time = RecordTime{};
}

}  // namespace logcorr
