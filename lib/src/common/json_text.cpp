#include "logcorr/json_text.hpp"

#include "common/utf8.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <iterator>

namespace logcorr {

bool json_hex4(std::string_view s, size_t at, uint32_t& v) {
  if (at > s.size() || s.size() - at < 4) return false;
  v = 0;
  for (size_t k = 0; k < 4; ++k) {
    const char c = s[at + k];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= uint32_t(c - '0');
    else if (c >= 'a' && c <= 'f')
      v |= uint32_t(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      v |= uint32_t(c - 'A' + 10);
    else
      return false;
  }
  return true;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

bool is_valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    size_t l = detail::utf8_seq_len(p + i, n - i);
    if (l == 0) return false;
    i += l;
  }
  return true;
}

void append_json_string(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // Copy the longest run of plain ASCII in one go.
    size_t j = i;
    while (j < n && p[j] >= 0x20 && p[j] < 0x80 && p[j] != '"' && p[j] != '\\' && p[j] != '<' &&
           p[j] != '>' && p[j] != '&')
      ++j;
    out.append(s.data() + i, j - i);
    i = j;
    if (i >= n) break;
    unsigned char c = p[i];
    if (c >= 0x80) {
      size_t l = detail::utf8_seq_len(p + i, n - i);
      if (l == 0) {
        out.append("\\ufffd");
        ++i;
      } else {
        out.append(s.data() + i, l);
        i += l;
      }
      continue;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        out.append("\\u00");
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    ++i;
  }
  out.push_back('"');
}

}  // namespace logcorr

namespace logcorr {

void JsonWriter::sep() {
  if (need_comma_) out_->push_back(',');
  need_comma_ = true;
}

void JsonWriter::key(std::string_view k) {
  sep();
  append_json_string(*out_, k);
  out_->push_back(':');
  need_comma_ = false;
}

void JsonWriter::str(std::string_view v) {
  sep();
  append_json_string(*out_, v);
}

void JsonWriter::raw(std::string_view v) {
  sep();
  out_->append(v);
}

void JsonWriter::signed_num(int64_t v) {
  sep();
  out_->append(fmt::format_int(v).str());
}

void JsonWriter::unsigned_num(uint64_t v) {
  sep();
  out_->append(fmt::format_int(v).str());
}

void JsonWriter::dbl(double v) {
  sep();
  fmt::format_to(std::back_inserter(*out_), "{}", v);
}

void JsonWriter::open(char c) {
  sep();
  out_->push_back(c);
  need_comma_ = false;
}

void JsonWriter::close(char c) {
  out_->push_back(c);
  need_comma_ = true;
}

}  // namespace logcorr
