// Zone inference (zone_infer.hpp): pair sketches by key, vote, apply.
#include "logcorr/zone_infer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <map>
#include <unordered_map>

namespace logcorr {

namespace {

constexpr int64_t kQuarterNs = 900LL * 1'000'000'000;
// Real zones lie within -12:00 .. +14:00.
constexpr int64_t kMaxZoneNs = 14LL * 3600 * 1'000'000'000;

// "2 h", "5 h 30 min", "45 min", "7 min 12 s", "3 s".
std::string span_words(int64_t ns) {
  int64_t s = std::llabs(ns) / 1'000'000'000;
  int64_t h = s / 3600, m = s / 60 % 60, sec = s % 60;
  std::string out;
  auto add = [&out](int64_t v, const char* unit) {
    if (v == 0) return;
    if (!out.empty()) out += ' ';
    out += fmt::format("{} {}", v, unit);
  };
  add(h, "h");
  add(m, "min");
  if (h == 0) add(sec, "s");
  return out.empty() ? std::string("0 s") : out;
}

}  // namespace

std::string format_offset(int32_t offset_seconds) {
  int32_t a = std::abs(offset_seconds);
  return fmt::format("{}{:02}:{:02}", offset_seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60);
}

ZoneGuess guess_zone(const StampSample& zoneless, const std::vector<const StampSample*>& zoned,
                     const ZoneInferenceOptions& opts) {
  ZoneGuess g;
  const std::vector<StampSample::Point> mine = zoneless.sorted();
  g.sampled = mine.size();
  std::vector<int64_t> deltas;  // zoned - zone-less, one per paired record
  size_t best_pairs = 0;
  for (size_t r = 0; r < zoned.size(); ++r) {
    if (!zoned[r] || zoned[r]->empty()) continue;
    const std::vector<StampSample::Point> theirs = zoned[r]->sorted();
    size_t n = 0, i = 0, j = 0;
    // A merge of two sorted runs; a key repeated on a side (the same line
    // twice) pairs once, its earliest stamps.
    while (i < mine.size() && j < theirs.size()) {
      if (mine[i].key < theirs[j].key) {
        ++i;
      } else if (theirs[j].key < mine[i].key) {
        ++j;
      } else {
        uint64_t k = mine[i].key;
        deltas.push_back(theirs[j].utc_ns - mine[i].utc_ns);
        ++n;
        while (i < mine.size() && mine[i].key == k) ++i;
        while (j < theirs.size() && theirs[j].key == k) ++j;
      }
    }
    if (n > best_pairs) {
      best_pairs = n;
      g.reference = r;
    }
  }
  g.pairs = deltas.size();
  if (deltas.empty()) return g;
  std::map<int64_t, size_t> quarters;  // quarter hours (zoned - zone-less) -> pairs
  std::vector<int64_t> off;
  for (int64_t d : deltas) {
    int64_t q = static_cast<int64_t>(std::llround(static_cast<double>(d) / kQuarterNs));
    int64_t rest = d - q * kQuarterNs;
    if (std::llabs(rest) <= opts.tolerance_ns && std::llabs(q * kQuarterNs) <= kMaxZoneNs)
      ++quarters[q];
    else
      off.push_back(d);
  }
  g.off_grid = off.size();
  for (const auto& [q, n] : quarters)
    // zoned - zone-less = UTC - local = -offset
    g.votes.emplace_back(static_cast<int32_t>(-q * 900), n);
  std::stable_sort(g.votes.begin(), g.votes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  const double need = opts.min_share * static_cast<double>(g.pairs);
  if (!g.votes.empty()) {
    g.offset_seconds = g.votes.front().first;
    g.agreeing = g.votes.front().second;
    if (g.agreeing >= opts.min_pairs && static_cast<double>(g.agreeing) >= need) {
      g.kind = ZoneGuess::Kind::kInferred;
      return g;
    }
  }
  if (off.size() >= opts.min_pairs && static_cast<double>(off.size()) >= need) {
    std::sort(off.begin(), off.end());
    // Skew is a constant difference: the off-grid pairs must agree.
    if (off.back() - off.front() <= 2 * opts.tolerance_ns) {
      g.kind = ZoneGuess::Kind::kSkew;
      g.skew_ns = off[off.size() / 2];
      return g;
    }
  }
  g.kind = ZoneGuess::Kind::kDisagree;
  return g;
}

void infer_zones(std::vector<Event>& events, std::vector<InputSummary>& inputs,
                 const EventWindow& window, const ZoneInferenceOptions& opts) {
  std::vector<const StampSample*> zoned;
  std::vector<size_t> zoned_input;
  bool any = false;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].wrapped_stamps) {
      zoned.push_back(inputs[i].wrapped_stamps.get());
      zoned_input.push_back(i);
    }
    any |= inputs[i].zone_source == ZoneSource::kAssumed && inputs[i].zoneless_stamps;
  }
  std::unordered_map<std::string_view, int64_t> shift;  // input label -> ns to subtract
  std::unordered_map<std::string_view, size_t> labels;
  for (const auto& in : inputs) ++labels[in.input];
  for (size_t i = 0; any && i < inputs.size(); ++i) {
    InputSummary& in = inputs[i];
    if (in.zone_source != ZoneSource::kAssumed || !in.zoneless_stamps) continue;
    // An input is its own reference only when both sketches are its own
    // (a journal in -o short: its zone-less stamps and no zoned ones).
    // Another host's journal is no witness: a line and its millisecond can
    // recur on two brokers (inputs without a host are compared with all).
    std::vector<const StampSample*> refs = zoned;
    for (size_t r = 0; r < refs.size(); ++r) {
      const std::string& h = inputs[zoned_input[r]].host;
      if (zoned_input[r] == i || (!in.host.empty() && !h.empty() && h != in.host))
        refs[r] = nullptr;
    }
    ZoneGuess g = guess_zone(*in.zoneless_stamps, refs, opts);
    const std::string& ref = g.pairs ? inputs[zoned_input[g.reference]].input : in.input;
    const std::string suggest = fmt::format("--tz {}={}", in.path, format_offset(g.offset_seconds));
    switch (g.kind) {
      case ZoneGuess::Kind::kNoPairs:
        break;  // the run's note on inputs read as UTC covers it
      case ZoneGuess::Kind::kInferred: {
        if (labels[in.input] > 1) {
          in.zone_note = fmt::format(
              "{}: its records appear in {} as if its stamps were {}, but another input has "
              "the same name, so it was kept as UTC; give {}",
              in.input, ref, format_offset(g.offset_seconds), suggest);
          break;
        }
        const int64_t off_ns = int64_t{g.offset_seconds} * 1'000'000'000;
        const std::string others =
            g.pairs > g.agreeing ? fmt::format(" ({} other pair(s) disagree)", g.pairs - g.agreeing)
                                 : std::string();
        // UTC confirmed: the evidence only; zone_notes() puts all such
        // inputs in one note.
        in.zone_note =
            g.offset_seconds == 0
                ? fmt::format("{}: {} of its {} sampled records appear in {} at the same time{}",
                              in.input, g.agreeing, g.sampled, ref, others)
                : fmt::format(
                      "{} read as {}: {} of its {} sampled records appear in {} stamped {} {} in "
                      "UTC{} (zone inferred; --tz {}=ZONE overrides)",
                      in.input, format_offset(g.offset_seconds), g.agreeing, g.sampled, ref,
                      span_words(off_ns), off_ns > 0 ? "earlier" : "later", others, in.path);
        in.zone = g.offset_seconds == 0 ? "UTC" : format_offset(g.offset_seconds);
        in.zone_source = ZoneSource::kInferred;
        if (off_ns != 0) {
          shift.emplace(in.input, off_ns);
          if (in.has_span()) {
            in.first_ns -= off_ns;
            in.last_ns -= off_ns;
          }
        }
        break;
      }
      case ZoneGuess::Kind::kSkew:
        // Issue 19 (clock skew between inputs) is where this would be
        // corrected; a zone cannot explain it.
        in.zone_note = fmt::format(
            "{}: kept as UTC: {} of its records appear in {} {} {}, not a whole number of quarter "
            "hours: that is clock skew between the two, not a zone (not corrected)",
            in.input, g.off_grid, ref, span_words(g.skew_ns), g.skew_ns > 0 ? "later" : "earlier");
        break;
      case ZoneGuess::Kind::kDisagree: {
        std::string votes;
        for (size_t k = 0; k < g.votes.size() && k < 3; ++k)
          votes += fmt::format("{}{} by {}", k ? ", " : "", format_offset(g.votes[k].first),
                               g.votes[k].second);
        if (g.off_grid)
          votes +=
              fmt::format("{}{} off the quarter-hour grid", votes.empty() ? "" : ", ", g.off_grid);
        const std::string zone =
            g.offset_seconds == 0 ? std::string("UTC") : format_offset(g.offset_seconds);
        if (g.votes.size() == 1 && g.off_grid == 0) {
          // They agree, but too few to go by.
          in.zone_note = fmt::format(
              "{}: kept as UTC: only {} of its records appear in {} ({} needed to infer its "
              "zone), and they say {}; if that is right, give --tz {}={}",
              in.input, g.pairs, ref, opts.min_pairs, zone, in.path, zone);
          break;
        }
        bool dst = g.votes.size() >= 2 && std::abs(g.votes[0].first - g.votes[1].first) == 3600;
        in.zone_note = fmt::format(
            "{}: kept as UTC: the {} of its records that appear in {} disagree on its zone ({}){}; "
            "if {} is right, give {}",
            in.input, g.pairs, ref, votes,
            dst ? " — one hour apart, as across a daylight-saving change: give its IANA zone "
                  "(e.g. Europe/Berlin) rather than an offset"
                : "",
            format_offset(g.offset_seconds), suggest);
        break;
      }
    }
  }
  for (auto& in : inputs) {
    in.zoneless_stamps.reset();
    in.wrapped_stamps.reset();
  }
  if (shift.empty()) return;
  size_t kept = 0;
  for (size_t k = 0; k < events.size(); ++k) {
    Event& e = events[k];
    auto it = shift.find(e.input);
    if (it != shift.end() && e.time_valid) {
      e.time_ns -= it->second;
      if (e.input_prev_ns != INT64_MIN) e.input_prev_ns -= it->second;
      if (!window.contains(e)) continue;
    }
    if (kept != k) events[kept] = std::move(e);
    ++kept;
  }
  events.resize(kept);
}

std::vector<std::string> zone_notes(const std::vector<InputSummary>& inputs) {
  std::vector<std::string> out;
  std::vector<const std::string*> confirmed;
  for (const auto& in : inputs) {
    if (in.zone_note.empty()) continue;
    if (in.zone_source == ZoneSource::kInferred && in.zone == "UTC")
      confirmed.push_back(&in.zone_note);
    else
      out.push_back(in.zone_note);
  }
  if (!confirmed.empty()) {
    std::string list;
    for (size_t i = 0; i < confirmed.size() && i < 3; ++i) list += (i ? "; " : "") + *confirmed[i];
    if (confirmed.size() > 3) list += fmt::format("; and {} more", confirmed.size() - 3);
    out.push_back(fmt::format(
        "{} input(s) have stamps without a UTC offset that are UTC indeed, as the records they "
        "share with a zoned input show: {}",
        confirmed.size(), list));
  }
  return out;
}

}  // namespace logcorr
