#include "match/gc/gc_scan.hpp"

#include "logcorr/gc.hpp"
#include "logcorr/time.hpp"

namespace logcorr {

int64_t gc_duration_ns(std::string_view number, std::string_view unit) {
  int64_t scale;
  int scale_digits;  // log10(scale): fraction digits that are still exact
  if (unit == "secs" || unit == "seconds" || unit == "s" || unit == "sec") {
    scale = 1'000'000'000;
    scale_digits = 9;
  } else if (unit == "ms") {
    scale = 1'000'000;
    scale_digits = 6;
  } else if (unit == "us") {
    scale = 1'000;
    scale_digits = 3;
  } else if (unit == "ns") {
    scale = 1;
    scale_digits = 0;
  } else {
    return -1;
  }
  size_t i = 0;
  int64_t whole = 0;
  if (number.empty() || !gc::is_digit(number[0])) return -1;
  for (; i < number.size() && gc::is_digit(number[i]); ++i) {
    // Past ~292 years in ns: not a GC duration; refuse rather than overflow.
    if (whole > (INT64_MAX / 10 - 9) / scale) return -1;
    whole = whole * 10 + (number[i] - '0');
  }
  int64_t frac = 0;
  int digits = 0;
  bool round_up = false;
  if (i < number.size()) {
    if (number[i] != '.' && number[i] != ',') return -1;
    ++i;
    if (i == number.size()) return -1;
    for (; i < number.size(); ++i) {
      if (!gc::is_digit(number[i])) return -1;
      if (digits < scale_digits) {
        frac = frac * 10 + (number[i] - '0');
        ++digits;
      } else if (digits == scale_digits) {
        round_up = number[i] >= '5';  // first dropped digit decides
        ++digits;
      }
    }
  }
  for (int k = digits; k < scale_digits; ++k) frac *= 10;
  return whole * scale + frac + (round_up ? 1 : 0);
}

namespace gc {

namespace {

bool starts_with(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.compare(0, p.size(), p) == 0;
}

// `^\d{4}-\d{2}-\d{2}` followed by `sep`.
bool date_prefix(std::string_view s, char sep) {
  if (s.size() < 11) return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!is_digit(s[i])) return false;
  return s[4] == '-' && s[7] == '-' && s[10] == sep;
}

// `^\d+[.,]\d+` ; returns its length or 0.
size_t decimal_prefix(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ',')) return 0;
  size_t j = i + 1;
  while (j < s.size() && is_digit(s[j])) ++j;
  return j > i + 1 ? j : 0;
}

// `^\d+[.,]\d+: ` ; returns its length or 0.
size_t uptime_prefix(std::string_view s) {
  size_t n = decimal_prefix(s);
  if (n == 0 || n + 1 >= s.size() || s[n] != ':' || s[n + 1] != ' ') return 0;
  return n + 2;
}

// The digits of `<d>[.,]<d>` that end right before s[end]; empty if none.
std::string_view decimal_ending_at(std::string_view s, size_t end) {
  size_t j = end;
  while (j > 0 && is_digit(s[j - 1])) --j;
  if (j == end || j == 0 || (s[j - 1] != '.' && s[j - 1] != ',')) return {};
  size_t i = j - 1;
  while (i > 0 && is_digit(s[i - 1])) --i;
  if (i == j - 1) return {};
  return s.substr(i, end - i);
}

// Balanced "(…)" starting at s[pos] == '('; returns the index after ')', or npos.
size_t close_paren(std::string_view s, size_t pos) {
  int depth = 0;
  for (size_t i = pos; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) return i + 1;
  }
  return std::string_view::npos;
}

unsigned num(std::string_view s, size_t pos, size_t len) {
  unsigned v = 0;
  for (size_t i = pos; i < pos + len; ++i) v = v * 10 + static_cast<unsigned>(s[i] - '0');
  return v;
}

}  // namespace

bool legacy_line_starts_record(std::string_view line) {
  if (line.empty()) return false;
  if (is_digit(line[0])) {
    return date_prefix(line, 'T') || uptime_prefix(line) > 0 ||
           (date_prefix(line, ' ') && line.size() >= 14 && is_digit(line[11]) &&
            is_digit(line[12]) && line[13] == ':');
  }
  return starts_with(line, "Total time for which") || starts_with(line, "Application time:") ||
         starts_with(line, "Java HotSpot") || starts_with(line, "OpenJDK") ||
         starts_with(line, "Memory:") || starts_with(line, "CommandLine flags:");
}

std::string_view legacy_strip_stamps(std::string_view line) {
  // awk: sub(/^[0-9][0-9][0-9][0-9]-[^ ]*: /, "") — up to the first blank,
  // which must follow a ':'.
  if (line.size() >= 5 && is_digit(line[0]) && is_digit(line[1]) && is_digit(line[2]) &&
      is_digit(line[3]) && line[4] == '-') {
    size_t sp = line.find(' ', 5);
    if (sp != std::string_view::npos && sp >= 6 && line[sp - 1] == ':') line.remove_prefix(sp + 1);
  }
  line.remove_prefix(uptime_prefix(line));
  return line;
}

namespace {
// After "[GC" / "[Full GC" at `end`: `[ (\[]|$)` in the awk-joined record.
bool opener_follows(std::string_view s, size_t end) {
  while (end < s.size() && s[end] == '\n') ++end;
  return end == s.size() || s[end] == ' ' || s[end] == '(' || s[end] == '[';
}

bool has_gc_opener(std::string_view s, size_t* at = nullptr) {
  for (size_t p = s.find('['); p != std::string_view::npos; p = s.find('[', p + 1)) {
    std::string_view t = s.substr(p + 1);
    size_t len = starts_with(t, "GC") ? 2 : starts_with(t, "Full GC") ? 7 : 0;
    if (len && opener_follows(s, p + 1 + len)) {
      if (at) *at = p;
      return true;
    }
  }
  return false;
}

constexpr std::string_view kShenandoahPauses[] = {
    "Init Mark", "Final Mark", "Init Update Refs", "Final Update Refs", "Full", "Degenerated GC"};

// `\[Pause (Init Mark|…)`; returns the name or "".
std::string_view shenandoah_pause(std::string_view s) {
  for (size_t p = s.find("[Pause "); p != std::string_view::npos; p = s.find("[Pause ", p + 1)) {
    std::string_view t = s.substr(p + 7);
    for (std::string_view name : kShenandoahPauses)
      if (starts_with(t, name)) return t.substr(0, name.size());
  }
  return {};
}
}  // namespace

bool legacy_opens_gc(std::string_view body) {
  size_t len = starts_with(body, "[GC") ? 3 : starts_with(body, "[Full GC") ? 8 : 0;
  if (!len) return false;
  return len == body.size() || body[len] == ' ' || body[len] == '(' || body[len] == '[';
}

bool legacy_record_is_gc(std::string_view r) {
  if (r.find("Total time for which application threads were stopped") != std::string_view::npos ||
      starts_with(r, "Application time:"))
    return false;
  if (r.find(", start]") != std::string_view::npos) return false;
  size_t first = r.find('[');
  if (first != std::string_view::npos && starts_with(r.substr(first + 1), "CMS-concurrent-"))
    return false;
  // METHODS.md excludes any record containing "[GC concurrent-"; we exclude a
  // record only when its GC opener IS "[GC concurrent-". Same result on the
  // whole corpus, but a concurrent marker that another thread's write
  // interleaved into a pause's "[Times: …" line (kafka-2.8.0
  // kafkaServer-gc.log.0.current line 156) no longer deletes that pause.
  size_t at = 0;
  if (has_gc_opener(r, &at)) return !starts_with(r.substr(at), "[GC concurrent-");
  return !shenandoah_pause(r).empty();
}

int legacy_bracket_depth(std::string_view line) {
  int d = 0;
  for (char c : line) d += (c == '[') - (c == ']');
  return d;
}

void legacy_strip_for_duration(std::string_view rec, std::string& out) {
  out.clear();
  for (char c : rec)
    if (c != '\n') out.push_back(c);
  // gsub(/\[Times: [^]]*\]/, ""): delete each block, leftmost first.
  size_t w = 0, r = 0;
  while (r < out.size()) {
    size_t t = out.find("[Times: ", r);
    size_t close = t == std::string::npos ? t : out.find(']', t + 8);
    if (close == std::string::npos) break;
    for (; r < t; ++r) out[w++] = out[r];
    r = close + 1;
  }
  for (; r < out.size(); ++r) out[w++] = out[r];
  out.resize(w);
}

bool legacy_last_duration(std::string_view s, Duration& d) {
  constexpr std::string_view kUnits[] = {"secs", "ms"};
  constexpr std::string_view kTails[] = {" secs]", " ms]"};
  for (int u = 0; u < 2; ++u) {
    std::string_view unit = kUnits[u], tail = kTails[u];
    for (size_t p = s.rfind(tail); p != std::string_view::npos;
         p = p == 0 ? std::string_view::npos : s.rfind(tail, p - 1)) {
      std::string_view n = decimal_ending_at(s, p);
      if (n.empty()) continue;
      d.number = n;
      d.unit = unit;
      d.ns = gc_duration_ns(n, unit);
      return d.ns >= 0;
    }
  }
  return false;
}

LegacyPauseInfo legacy_pause_info(std::string_view rec) {
  LegacyPauseInfo info;
  size_t at = 0;
  if (!has_gc_opener(rec, &at)) {
    info.pause = shenandoah_pause(rec);
    return info;
  }
  // "GC", "Full GC", G1's "GC pause" / "GC remark" / "GC cleanup".
  std::string_view t = rec.substr(at + 1);
  size_t len = starts_with(t, "Full GC") ? 7 : 2;
  if (len == 2) {
    for (std::string_view w : {" pause", " remark", " cleanup"}) {
      if (starts_with(t.substr(2), w)) {
        size_t e = 2 + w.size();
        if (e == t.size() || t[e] == ' ' || t[e] == '\n' || t[e] == ',') len = e;
        break;
      }
    }
  }
  info.collection = t.substr(0, len);
  t.remove_prefix(len);
  // The cause is the "(…)" right after, when it is capitalised: G1's
  // "(young)" / "(mixed)" are kinds, not causes.
  if (starts_with(t, " (") && t.size() > 2 && t[2] >= 'A' && t[2] <= 'Z') {
    size_t end = close_paren(t, 1);
    if (end != std::string_view::npos) info.cause = t.substr(2, end - 3);
  }
  return info;
}

LegacyStamp legacy_parse_stamp(std::string_view line) {
  LegacyStamp st;
  std::string_view s = line;
  // YYYY-MM-DDTHH:MM:SS[.f+][Z|±HHMM|±HH:MM]:
  if (date_prefix(s, 'T') && s.size() >= 19 && is_digit(s[11]) && is_digit(s[12]) && s[13] == ':' &&
      is_digit(s[14]) && is_digit(s[15]) && s[16] == ':' && is_digit(s[17]) && is_digit(s[18])) {
    size_t i = 19;
    int64_t frac = 0;
    int digits = 0;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && is_digit(s[i])) {
        if (digits < 9) {
          frac = frac * 10 + (s[i] - '0');
          ++digits;
        }
        ++i;
      }
    }
    for (int k = digits; k < 9; ++k) frac *= 10;
    int offset_s = 0;
    bool zone = false;
    if (i < s.size() && s[i] == 'Z') {
      zone = true;
      ++i;
    } else if (i + 2 < s.size() && (s[i] == '+' || s[i] == '-') && is_digit(s[i + 1]) &&
               is_digit(s[i + 2])) {
      size_t m = i + 3;
      if (m < s.size() && s[m] == ':') ++m;
      if (m + 1 < s.size() && is_digit(s[m]) && is_digit(s[m + 1])) {
        offset_s = static_cast<int>(num(s, i + 1, 2) * 3600 + num(s, m, 2) * 60);
        if (s[i] == '-') offset_s = -offset_s;
        zone = true;
        i = m + 2;
      }
    }
    // A zone-less stamp is left to the format stage (it knows --tz).
    const std::optional<int64_t> local =
        zone ? civil_to_seconds(num(s, 0, 4), num(s, 5, 2), num(s, 8, 2), num(s, 11, 2),
                                num(s, 14, 2), num(s, 17, 2))
             : std::nullopt;
    if (local && i + 1 < s.size() && s[i] == ':' && s[i + 1] == ' ') {
      const int64_t secs = *local - offset_s;
      st.has_date = true;
      st.date_utc_ns = secs * 1'000'000'000 + frac;
      st.date_precision = digits == 0   ? Precision::kSecond
                          : digits <= 3 ? Precision::kMilli
                          : digits <= 6 ? Precision::kMicro
                                        : Precision::kNano;
      s.remove_prefix(i + 2);
    }
  }
  size_t n = uptime_prefix(s);
  if (n > 0) {
    int64_t up = gc_duration_ns(s.substr(0, n - 2), "secs");
    if (up >= 0) {
      st.has_uptime = true;
      st.uptime_ns = up;
    }
  }
  return st;
}

bool unified_pause(std::string_view line, UnifiedPause& p) {
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t title_at = std::string_view::npos;
  for (size_t g = line.find("GC("); g != std::string_view::npos; g = line.find("GC(", g + 1)) {
    size_t i = g + 3, j = i;
    while (j < line.size() && is_digit(line[j])) ++j;
    if (j == i || j + 1 >= line.size() || line[j] != ')' || line[j + 1] != ' ') continue;
    std::string_view rest = line.substr(j + 2);
    char gen = 0;
    if (rest.size() >= 3 && (rest[0] == 'Y' || rest[0] == 'O') && rest[1] == ':' &&
        rest[2] == ' ') {
      gen = rest[0];
      rest.remove_prefix(3);
    }
    if (!starts_with(rest, "Pause ")) continue;
    p.gc_id = 0;
    for (size_t k = i; k < j && p.gc_id < UINT64_MAX / 10 - 10; ++k)
      p.gc_id = p.gc_id * 10 + static_cast<uint64_t>(line[k] - '0');
    p.generation = gen;
    title_at = static_cast<size_t>(rest.data() - line.data()) + 6;
    break;
  }
  if (title_at == std::string_view::npos) return false;

  // End line: `[0-9][.,][0-9]+ms[ ]*$`; the pause is the last blank-separated token.
  std::string_view t = line;
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  p.has_duration = false;
  p.duration = {};
  if (t.size() >= 2 && t.substr(t.size() - 2) == "ms") {
    std::string_view n = decimal_ending_at(t, t.size() - 2);
    size_t tok = t.find_last_of(" \t");
    tok = tok == std::string_view::npos ? 0 : tok + 1;
    if (!n.empty() && static_cast<size_t>(n.data() - t.data()) >= tok) {
      p.has_duration = true;
      p.duration.number = n;
      p.duration.unit = "ms";
      p.duration.ns = gc_duration_ns(n, "ms");
    }
  }
  // Title: up to the first blank that is followed by a digit outside parentheses.
  std::string_view title = line.substr(title_at);
  int depth = 0;
  size_t e = 0;
  for (; e < title.size(); ++e) {
    char c = title[e];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == ' ' && depth == 0 && e + 1 < title.size() && is_digit(title[e + 1])) break;
  }
  title = title.substr(0, e);
  while (!title.empty() && (title.back() == ' ' || title.back() == '\t')) title.remove_suffix(1);
  p.title = title;
  return true;
}

void unified_split_title(std::string_view title, std::string_view& pause, std::string_view& cause) {
  pause = title;
  cause = {};
  if (title.empty() || title.back() != ')') return;
  int depth = 0;
  size_t open = std::string_view::npos;
  for (size_t i = title.size(); i-- > 0;) {
    if (title[i] == ')') ++depth;
    if (title[i] == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos || open == 0) return;
  std::string_view group = title.substr(open + 1, title.size() - open - 2);
  // Qualifiers of the pause, not causes (G1 young kinds, ZGC generations,
  // Shenandoah's "(unload classes)", "(Mark)" of a degenerated cycle).
  constexpr std::string_view kQualifiers[] = {
      "Normal", "Concurrent Start", "Prepare Mixed", "Mixed",      "Major", "Minor",
      "Mark",   "Outside of Cycle", "Evacuation",    "Update Refs"};
  bool upper = false;
  for (char c : group) upper |= (c >= 'A' && c <= 'Z');
  if (!upper) return;
  for (std::string_view q : kQualifiers)
    if (group == q) return;
  cause = group;
  pause = title.substr(0, open);
  while (!pause.empty() && pause.back() == ' ') pause.remove_suffix(1);
}

bool stopped_time(std::string_view line, Duration& x, Duration& stopping) {
  constexpr std::string_view kKey = "Total time for which application threads were stopped: ";
  size_t p = line.find(kKey);
  if (p == std::string_view::npos) return false;
  std::string_view s = line.substr(p + kKey.size());
  size_t n = decimal_prefix(s);
  if (n == 0) return false;
  x.number = s.substr(0, n);
  x.unit = "seconds";
  x.ns = gc_duration_ns(x.number, "secs");
  stopping = {};
  constexpr std::string_view kStop = "Stopping threads took: ";
  size_t q = s.find(kStop);
  if (q != std::string_view::npos) {
    std::string_view y = s.substr(q + kStop.size());
    size_t m = decimal_prefix(y);
    if (m > 0) {
      stopping.number = y.substr(0, m);
      stopping.unit = "seconds";
      stopping.ns = gc_duration_ns(stopping.number, "secs");
    }
  }
  return x.ns >= 0;
}

bool safepoint_total(std::string_view line, Duration& total, std::string_view& op) {
  size_t p = line.find("Safepoint \"");
  if (p == std::string_view::npos) return false;
  std::string_view rest = line.substr(p + 11);
  size_t q = rest.find('"');
  op = q == std::string_view::npos ? std::string_view() : rest.substr(0, q);
  for (size_t t = line.find("Total: "); t != std::string_view::npos;
       t = line.find("Total: ", t + 1)) {
    size_t i = t + 7, j = i;
    while (j < line.size() && is_digit(line[j])) ++j;
    if (j == i || line.substr(j, 3) != " ns") continue;
    total.number = line.substr(i, j - i);
    total.unit = "ns";
    total.ns = gc_duration_ns(total.number, "ns");
    return total.ns >= 0;
  }
  return false;
}

}  // namespace gc
}  // namespace logcorr
