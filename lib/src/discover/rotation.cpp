// Rotation-suffix parsing for discover().
#include "discover/rotation.hpp"

#include <cctype>

namespace logcorr::discover_detail {

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// "YYYY-MM-DD" or "YYYY-MM-DD-HH" (log4j DailyRollingFileAppender patterns
// '.'yyyy-MM-dd and '.'yyyy-MM-dd-HH), logrotate dateext "YYYYMMDD", or the
// kubelet's "YYYYMMDD-hhmmss" (container log rotation: 0.log.20260818-090211[.gz]).
bool is_date_stamp(std::string_view s) {
  auto d = [&](size_t i, size_t n) { return all_digits(s.substr(i, n)); };
  if (s.size() == 8) return d(0, 8) && s[0] >= '1' && s[0] <= '2';
  if (s.size() == 15) return d(0, 8) && s[0] >= '1' && s[0] <= '2' && s[8] == '-' && d(9, 6);
  if (s.size() != 10 && s.size() != 13) return false;
  if (!(d(0, 4) && s[4] == '-' && d(5, 2) && s[7] == '-' && d(8, 2))) return false;
  return s.size() == 10 || (s[10] == '-' && d(11, 2));
}

}  // namespace

RotationName parse_rotation_name(std::string_view name) {
  RotationName r;
  std::string_view rest = name;
  std::string_view comp;
  for (std::string_view ext : {".gz", ".zst", ".zstd"}) {
    if (ends_with(rest, ext) && rest.size() > ext.size()) {
      comp = ext;
      rest.remove_suffix(ext.size());
      break;
    }
  }
  bool current = false;
  if (ends_with(rest, ".current") && rest.size() > 8) {
    current = true;
    rest.remove_suffix(8);
  }
  size_t dot = rest.rfind('.');
  size_t dash = rest.rfind('-');
  std::string_view tail = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
  if (dot != std::string_view::npos && dot > 0 && all_digits(tail) && tail.size() <= 6) {
    r.kind = RotationName::kNumbered;
    r.number = std::stoull(std::string(tail));
    r.base = std::string(rest.substr(0, dot));
  } else if (!current) {
    // Dated: ".2026-06-29-14" / ".2026-06-29", or logrotate "-20260629".
    size_t cut = std::string_view::npos;
    for (size_t len : {15u, 13u, 10u}) {
      if (rest.size() > len + 1 && rest[rest.size() - len - 1] == '.' &&
          is_date_stamp(rest.substr(rest.size() - len))) {
        cut = rest.size() - len - 1;
        break;
      }
    }
    if (cut == std::string_view::npos && dash != std::string_view::npos && dash > 0 &&
        rest.size() - dash - 1 == 8 && is_date_stamp(rest.substr(dash + 1)))
      cut = dash;
    if (cut != std::string_view::npos) {
      r.kind = RotationName::kDated;
      r.date = std::string(rest.substr(cut + 1));
      r.base = std::string(rest.substr(0, cut));
    }
  }
  if (r.base.empty()) {
    // Not a rotated name: the live file itself, possibly compressed whole.
    r.kind = comp.empty() ? RotationName::kLive : RotationName::kCompressedLive;
    r.base = std::string(rest);
    if (current) r.base += ".current";
  }
  r.current = current && r.kind == RotationName::kNumbered;
  if (r.kind != RotationName::kLive) r.suffix = std::string(name.substr(r.base.size() + 1));
  return r;
}

bool is_gc_ring_base(std::string_view base) {
  for (size_t i = 0; i + 1 < base.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(base[i])) == 'g' &&
        std::tolower(static_cast<unsigned char>(base[i + 1])) == 'c')
      return true;
  }
  return false;
}

}  // namespace logcorr::discover_detail
