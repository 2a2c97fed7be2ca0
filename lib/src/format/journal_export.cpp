// journalctl -o export: "KEY=value" lines, or binary fields
// "KEY\n<u64 LE length><bytes>\n" (bytes may hold newlines), one entry per record.
#include <cstring>

#include "parser_state.hpp"

namespace logcorr {

namespace {

bool parse_dec(std::string_view v, int64_t& out) {
  if (v.empty() || v.size() > 18) return false;
  int64_t x = 0;
  for (char c : v) {
    if (!format_detail::is_digit(c)) return false;
    x = x * 10 + (c - '0');
  }
  out = x;
  return true;
}

}  // namespace

// Shared by export and verbose: applies one KEY=value field to the record.
struct JournalFields {
  int64_t realtime = -1, source_rt = -1, mono = -1, source_mono = -1;
  std::string_view unit_field;

  void apply(std::string_view k, std::string_view v, Record& out) {
    if (k == "MESSAGE")
      out.message = v;
    else if (k == "__REALTIME_TIMESTAMP")
      parse_dec(v, realtime);
    else if (k == "_SOURCE_REALTIME_TIMESTAMP")
      parse_dec(v, source_rt);
    else if (k == "__MONOTONIC_TIMESTAMP")
      parse_dec(v, mono);
    else if (k == "_SOURCE_MONOTONIC_TIMESTAMP")
      parse_dec(v, source_mono);
    else if (k == "_HOSTNAME")
      out.meta.host = v;
    else if (k == "SYSLOG_IDENTIFIER")
      out.meta.identifier = v;
    else if (k == "_PID")
      parse_dec(v, out.meta.pid);
    else if (k == "_SYSTEMD_UNIT")
      out.meta.unit = v;
    else if (k == "UNIT")
      unit_field = v;
  }
  // False when the realtime stamp is there but past what int64 ns hold.
  bool finish(Record& out, bool set_time) {
    if (out.meta.pid == 1 && !unit_field.empty()) out.meta.unit = unit_field;
    int64_t shown = source_rt >= 0 ? source_rt : realtime;
    int64_t ns;
    bool in_range = true;
    if (set_time && shown >= 0) {
      in_range = format_detail::scale(shown, kNanosPerMicro, ns);
      if (in_range) {
        out.time.utc_ns = ns;
        out.time.precision = Precision::kMicro;
        out.time.zone = ZoneSource::kExplicit;
      }
    }
    int64_t m = source_mono >= 0 ? source_mono : mono;
    if (m >= 0 && format_detail::scale(m, kNanosPerMicro, ns)) out.time.uptime_ns = ns;
    return in_range;
  }
};

void RecordParser::State::parse_journal_export(std::string_view s, Record& out) {
  JournalFields f;
  out.message = {};
  size_t i = 0;
  while (i < s.size()) {
    size_t nl = s.find('\n', i);
    size_t eol = nl == std::string_view::npos ? s.size() : nl;
    std::string_view line = s.substr(i, eol - i);
    size_t eq = line.find('=');
    if (eq != std::string_view::npos) {
      f.apply(line.substr(0, eq), line.substr(eq + 1), out);
      i = eol + 1;
      continue;
    }
    // Binary field: name line, then 8-byte little-endian length and the bytes.
    if (nl == std::string_view::npos || nl + 9 > s.size()) break;
    uint64_t len = 0;
    for (int b = 7; b >= 0; --b) len = (len << 8) | uint8_t(s[nl + 1 + b]);
    size_t start = nl + 9;
    if (len > s.size() - start) {
      diag(Severity::kWarning, "journal export binary field runs past the entry");
      break;
    }
    f.apply(line, s.substr(start, len), out);
    i = start + len + 1;
  }
  if (!f.finish(out, true))
    diag(Severity::kWarning, "__REALTIME_TIMESTAMP out of range; record left without time");
}

void RecordParser::State::parse_journal_verbose(std::string_view s, Record& out) {
  // Header: "Sun 2026-03-29 01:59:59.999712 CET [s=...]": the displayed realtime.
  format_detail::Stamp st;
  if (format_detail::scan_weekday_full(s, 0, st)) {
    if (!resolve(st, out.time)) out.time = RecordTime{};
  } else {
    diag(Severity::kWarning, "journal verbose entry without a header stamp");
  }
  JournalFields f;
  out.message = {};
  size_t i = s.find('\n');
  while (i != std::string_view::npos && i < s.size()) {
    size_t start = i + 1;
    size_t nl = s.find('\n', start);
    size_t eol = nl == std::string_view::npos ? s.size() : nl;
    std::string_view line = s.substr(start, eol - start);
    size_t ind = line.find_first_not_of(' ');
    // Fields are indented 4; a multi-line value continues indented 12.
    if (ind == 4) {
      std::string_view kv = line.substr(4);
      size_t eq = kv.find('=');
      if (eq != std::string_view::npos) {
        std::string_view key = kv.substr(0, eq);
        std::string_view val = kv.substr(eq + 1);
        // Keep a multi-line MESSAGE whole (continuation lines stay as printed).
        size_t next = nl;
        while (key == "MESSAGE" && next != std::string_view::npos && next + 13 <= s.size() &&
               s.substr(next + 1, 12) == "            ") {
          size_t n2 = s.find('\n', next + 1);
          next = n2;
        }
        if (key == "MESSAGE" && next != nl) {
          size_t vend = next == std::string_view::npos ? s.size() : next;
          val = s.substr(start + 4 + eq + 1, vend - (start + 4 + eq + 1));
          nl = next;
        }
        f.apply(key, val, out);
      }
    }
    i = nl;
  }
  f.finish(out, false);
}

}  // namespace logcorr
