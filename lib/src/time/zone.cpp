// Zone: loading (fixed offsets, TZif files), caching and offset lookup.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "time/zone_impl.hpp"

namespace logcorr {

using time_detail::LocalType;

namespace {

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 32);
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 32);
    if (x != y) return false;
  }
  return true;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// "+02:00", "+0530", "-08", "+2" (the last only after "UTC"). Offsets in ISO
// sense: east positive (unlike POSIX TZ).
std::optional<int32_t> parse_offset(std::string_view s, bool allow_one_digit) {
  if (s.empty() || (s[0] != '+' && s[0] != '-')) return std::nullopt;
  int sign = s[0] == '-' ? -1 : 1;
  s.remove_prefix(1);
  size_t nd = 0;
  while (nd < s.size() && is_digit(s[nd])) ++nd;
  int h = 0, m = 0;
  if (nd == 1 && allow_one_digit) {
    h = s[0] - '0';
    s.remove_prefix(1);
  } else if (nd == 2 || nd == 4) {
    h = (s[0] - '0') * 10 + (s[1] - '0');
    if (nd == 4) m = (s[2] - '0') * 10 + (s[3] - '0');
    s.remove_prefix(nd);
  } else {
    return std::nullopt;
  }
  if (!s.empty() && s[0] == ':' && nd <= 2) {
    if (s.size() != 3 || !is_digit(s[1]) || !is_digit(s[2])) return std::nullopt;
    m = (s[1] - '0') * 10 + (s[2] - '0');
    s.remove_prefix(3);
  }
  if (!s.empty() || h > 23 || m > 59) return std::nullopt;
  return sign * (h * 3600 + m * 60);
}

std::string offset_name(int32_t off) {
  char buf[8];
  int a = off < 0 ? -off : off;
  buf[0] = off < 0 ? '-' : '+';
  buf[1] = static_cast<char>('0' + a / 36000);
  buf[2] = static_cast<char>('0' + a / 3600 % 10);
  buf[3] = ':';
  buf[4] = static_cast<char>('0' + a / 600 % 6);
  buf[5] = static_cast<char>('0' + a / 60 % 10);
  return std::string(buf, 6);
}

}  // namespace

std::shared_ptr<const Zone> Zone::make_fixed(int32_t off) {
  auto impl = std::make_shared<Zone::Impl>();
  impl->fixed = true;
  impl->fixed_offset = off;
  impl->utc = off == 0;
  impl->name = off == 0 ? "UTC" : offset_name(off);
  return std::shared_ptr<const Zone>(new Zone(std::move(impl)));
}

Result<std::shared_ptr<const Zone>> Zone::load_file(std::string_view name) {
  auto fail = [&](ErrorCode code, std::string msg) {
    return Status(code, "time zone '" + std::string(name) + "': " + msg);
  };
  if (name.empty() || name[0] == '/' || name.find("..") != std::string_view::npos)
    return fail(ErrorCode::kInvalidArgument, "not a valid zone name");
  for (char c : name)
    if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '_' ||
          c == '-' || c == '+'))
      return fail(ErrorCode::kInvalidArgument, "not a valid zone name");
  const char* dir = std::getenv("TZDIR");
  std::string path = (dir && *dir ? std::string(dir) : std::string("/usr/share/zoneinfo")) + "/" +
                     std::string(name);
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kNotFound, "unknown zone (no " + path + ")");
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  auto impl = std::make_shared<Zone::Impl>();
  impl->name = std::string(name);
  std::string perr;
  if (!parse_tzif(bytes, impl.get(), &perr))
    return fail(ErrorCode::kCorruptInput, perr + " (" + path + ")");
  impl->utc = impl->trans.empty() && impl->types.size() == 1 && impl->types[0].offset == 0 &&
              (!impl->has_rule || (!impl->rule.has_dst && impl->rule.std_off == 0));
  return std::shared_ptr<const Zone>(new Zone(std::move(impl)));
}

Zone::Zone(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

std::shared_ptr<const Zone> Zone::utc() {
  static const std::shared_ptr<const Zone> z = make_fixed(0);
  return z;
}

std::shared_ptr<const Zone> Zone::fixed(int32_t offset_seconds) {
  return offset_seconds == 0 ? utc() : make_fixed(offset_seconds);
}

Result<std::shared_ptr<const Zone>> Zone::load(std::string_view spec) {
  if (ieq(spec, "UTC") || ieq(spec, "Z") || ieq(spec, "GMT") || ieq(spec, "Etc/UTC")) return utc();
  if (spec.size() > 3 && (ieq(spec.substr(0, 3), "UTC") || ieq(spec.substr(0, 3), "GMT")) &&
      (spec[3] == '+' || spec[3] == '-')) {
    if (auto off = parse_offset(spec.substr(3), true)) return fixed(*off);
    return Status(ErrorCode::kInvalidArgument, "time zone '" + std::string(spec) + "': bad offset");
  }
  if (!spec.empty() && (spec[0] == '+' || spec[0] == '-')) {
    if (auto off = parse_offset(spec, false)) return fixed(*off);
    return Status(ErrorCode::kInvalidArgument,
                  "time zone '" + std::string(spec) + "': bad offset (want +HH:MM, +HHMM or +HH)");
  }
  // Loading is rare (once per --tz / input); a mutex-guarded map is plenty.
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const Zone>, std::less<>> cache;
  std::lock_guard<std::mutex> lock(mu);
  if (auto it = cache.find(spec); it != cache.end()) return it->second;
  auto z = load_file(spec);
  if (z.ok()) cache.emplace(std::string(spec), *z);
  return z;
}

const std::string& Zone::name() const {
  return impl_->name;
}
bool Zone::is_utc() const {
  return impl_->utc;
}

Zone::Impl::Lookup Zone::Impl::lookup(int64_t t) const {
  if (fixed) return {fixed_offset, {}};
  bool use_rule = has_rule && (trans.empty() ? true : t >= trans.back());
  if (!use_rule) {
    // RFC 8536: before the first transition, type 0 applies.
    size_t ti = 0;
    if (!trans.empty() && t >= trans.front()) {
      auto it = std::upper_bound(trans.begin(), trans.end(), t);
      ti = trans_type[static_cast<size_t>(it - trans.begin()) - 1];
    }
    const LocalType& lt = types[ti];
    return {lt.offset, lt.abbr};
  }
  if (!rule.has_dst) return {rule.std_off, rule.std_abbr};
  int64_t local = t + rule.std_off;
  int64_t days = local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
  int64_t year = civil_from_days(days).year;
  int64_t s = time_detail::posix_transition(rule, year, true);
  int64_t e = time_detail::posix_transition(rule, year, false);
  bool dst = s < e ? (t >= s && t < e) : !(t >= e && t < s);
  return dst ? Lookup{rule.dst_off, rule.dst_abbr} : Lookup{rule.std_off, rule.std_abbr};
}

int32_t Zone::offset_at(int64_t utc_seconds) const {
  return impl_->lookup(utc_seconds).offset;
}

std::string_view Zone::abbreviation_at(int64_t utc_seconds) const {
  return impl_->lookup(utc_seconds).abbr;
}

LocalToUtc Zone::to_utc(int64_t local) const {
  LocalToUtc r;
  if (impl_->fixed) {
    r.earlier = r.later = local - impl_->fixed_offset;
    return r;
  }
  // Offsets are under a day and real transitions are days apart, so the
  // offsets a day either side are the only candidates.
  int32_t before = offset_at(local - 86400);
  int32_t after = offset_at(local + 86400);
  int64_t u1 = local - before, u2 = local - after;
  bool ok1 = offset_at(u1) == before;
  bool ok2 = offset_at(u2) == after;
  if (ok1 && ok2 && u1 != u2) {
    r.kind = LocalToUtc::kAmbiguous;
    r.earlier = std::min(u1, u2);
    r.later = std::max(u1, u2);
  } else if (ok1 || ok2) {
    r.earlier = r.later = ok1 ? u1 : u2;
  } else {
    r.kind = LocalToUtc::kGap;
    r.earlier = u1;
    r.later = u2;
  }
  return r;
}

std::optional<int32_t> Zone::offset_for_abbreviation(std::string_view abbr,
                                                     int64_t local_seconds) const {
  if (ieq(abbr, "UTC") || ieq(abbr, "GMT") || ieq(abbr, "Z") || ieq(abbr, "UT")) return 0;
  const Impl& z = *impl_;
  std::vector<int32_t> cands;
  auto add = [&](std::string_view a, int32_t off) {
    if (a == abbr && std::find(cands.begin(), cands.end(), off) == cands.end())
      cands.push_back(off);
  };
  for (const auto& t : z.types) add(t.abbr, t.offset);
  if (z.has_rule) {
    add(z.rule.std_abbr, z.rule.std_off);
    if (z.rule.has_dst) add(z.rule.dst_abbr, z.rule.dst_off);
  }
  if (cands.empty()) return std::nullopt;
  if (cands.size() == 1) return cands[0];
  // Same abbreviation with several offsets over history (e.g. a zone that
  // moved): prefer the one actually in force near that local time.
  for (int64_t d : {0, -86400 * 183, 86400 * 183}) {
    int64_t u = local_seconds + d;
    for (int32_t off : cands) {
      auto l = z.lookup(u - off);
      if (l.offset == off && l.abbr == abbr) return off;
    }
  }
  return cands.back();
}

}  // namespace logcorr
