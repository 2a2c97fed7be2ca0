// terminal_text: see terminal_text.hpp.
#include "logcorr/terminal_text.hpp"

#include <fmt/format.h>

#include "common/utf8.hpp"

namespace logcorr {

namespace {

bool plain(unsigned char c) {
  return c >= 0x20 && c < 0x7F;
}

}  // namespace

void append_terminal_text(std::string& out, std::string_view s, bool keep_newlines) {
  size_t i = 0;
  while (i < s.size()) {
    size_t run = i;
    while (run < s.size() && plain(static_cast<unsigned char>(s[run]))) ++run;
    out.append(s.data() + i, run - i);
    i = run;
    if (i >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == '\t' || (c == '\n' && keep_newlines))
        out.push_back(static_cast<char>(c));
      else if (c == '\r' && keep_newlines && i + 1 < s.size() && s[i + 1] == '\n')
        out.push_back('\r');  // a CRLF line break of the record's own
      else if (c == '\n')
        out += "\\n";
      else if (c == '\r')
        out += "\\r";
      else
        out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    const size_t n =
        detail::utf8_seq_len(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
    if (n == 0) {
      out += fmt::format("\\x{:02x}", c);
      ++i;
      continue;
    }
    // C1 controls U+0080-U+009F (0xC2 0x80-0x9F): CSI, OSC, ... by another name.
    if (n == 2 && c == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0)
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(s[i + 1]));
    else
      out.append(s.data() + i, n);
    i += n;
  }
}

std::string terminal_text(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  append_terminal_text(out, s, keep_newlines);
  return out;
}

std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return s;
  // s[end] is the first byte left out: when it continues a character, the
  // cut moves back to that character's lead byte (at most 3 back).
  size_t end = max_bytes;
  for (int back = 0; end > 0 && back < 3 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80;
       ++back)
    --end;
  return s.substr(0, end);
}

}  // namespace logcorr
