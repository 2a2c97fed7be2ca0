// TZif reader (RFC 8536). We parse the files ourselves rather than go through
// libc's localtime: that is process-global (TZ env) and not per-zone.
#include <cstring>

#include "time/zone_impl.hpp"

namespace logcorr {

namespace {

struct Cursor {
  std::string_view b;
  size_t pos = 0;
  bool need(size_t n) const { return b.size() - pos >= n; }
  uint32_t u32() {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + pos);
    pos += 4;
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  }
  int64_t i64() {
    uint64_t hi = u32();
    uint64_t lo = u32();
    return static_cast<int64_t>((hi << 32) | lo);
  }
};

struct Header {
  char version = 0;
  uint32_t isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt;
};

bool read_header(Cursor& c, Header* h, std::string* err) {
  if (!c.need(44) || std::memcmp(c.b.data() + c.pos, "TZif", 4) != 0) {
    *err = "not a TZif file";
    return false;
  }
  h->version = c.b[c.pos + 4];
  c.pos += 20;
  h->isutcnt = c.u32();
  h->isstdcnt = c.u32();
  h->leapcnt = c.u32();
  h->timecnt = c.u32();
  h->typecnt = c.u32();
  h->charcnt = c.u32();
  if (h->typecnt == 0 || h->typecnt > 256 || h->timecnt > 1'000'000 || h->charcnt > 65536 ||
      h->leapcnt > 100'000) {
    *err = "TZif header counts out of range";
    return false;
  }
  return true;
}

size_t block_size(const Header& h, size_t tsize) {
  return h.timecnt * tsize + h.timecnt + h.typecnt * 6 + h.charcnt + h.leapcnt * (tsize + 4) +
         h.isstdcnt + h.isutcnt;
}

bool read_block(Cursor& c, const Header& h, size_t tsize, Zone::Impl* out, std::string* err) {
  if (!c.need(block_size(h, tsize))) {
    *err = "truncated TZif file";
    return false;
  }
  out->trans.resize(h.timecnt);
  out->trans_type.resize(h.timecnt);
  for (uint32_t i = 0; i < h.timecnt; ++i)
    out->trans[i] = tsize == 8 ? c.i64() : static_cast<int32_t>(c.u32());
  for (uint32_t i = 0; i < h.timecnt; ++i) {
    out->trans_type[i] = static_cast<uint8_t>(c.b[c.pos++]);
    if (out->trans_type[i] >= h.typecnt) {
      *err = "TZif transition type out of range";
      return false;
    }
  }
  struct RawType {
    int32_t off;
    bool dst;
    uint8_t abbr;
  };
  std::vector<RawType> raw(h.typecnt);
  for (auto& t : raw) {
    t.off = static_cast<int32_t>(c.u32());
    t.dst = c.b[c.pos++] != 0;
    t.abbr = static_cast<uint8_t>(c.b[c.pos++]);
  }
  std::string_view chars = c.b.substr(c.pos, h.charcnt);
  c.pos += h.charcnt + h.leapcnt * (tsize + 4) + h.isstdcnt + h.isutcnt;
  out->types.clear();
  for (const auto& t : raw) {
    if (t.abbr >= chars.size() && h.charcnt != 0) {
      *err = "TZif abbreviation index out of range";
      return false;
    }
    std::string_view a = t.abbr < chars.size() ? chars.substr(t.abbr) : std::string_view();
    a = a.substr(0, a.find('\0'));
    out->types.push_back(time_detail::LocalType{t.off, t.dst, std::string(a)});
  }
  for (size_t i = 1; i < out->trans.size(); ++i)
    if (out->trans[i] <= out->trans[i - 1]) {
      *err = "TZif transitions not ascending";
      return false;
    }
  return true;
}

}  // namespace

bool parse_tzif(std::string_view bytes, Zone::Impl* out, std::string* err) {
  Cursor c{bytes};
  Header h{};
  if (!read_header(c, &h, err)) return false;
  if (h.version == 0) return read_block(c, h, 4, out, err);
  // v2+: skip the 32-bit block, use the 64-bit one and the footer.
  if (!c.need(block_size(h, 4))) {
    *err = "truncated TZif file";
    return false;
  }
  c.pos += block_size(h, 4);
  if (!read_header(c, &h, err)) return false;
  if (!read_block(c, h, 8, out, err)) return false;
  std::string_view rest = bytes.substr(c.pos);
  if (rest.size() >= 2 && rest[0] == '\n') {
    size_t nl = rest.find('\n', 1);
    if (nl != std::string_view::npos && nl > 1) {
      if (!time_detail::parse_posix_tz(rest.substr(1, nl - 1), &out->rule)) {
        *err = "bad POSIX TZ footer in TZif file";
        return false;
      }
      out->has_rule = true;
    }
  }
  return true;
}

}  // namespace logcorr
