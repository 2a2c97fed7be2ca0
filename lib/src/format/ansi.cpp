// Terminal escape sequences in logs: coloured consoles captured to files,
// `docker compose logs` and `kubectl logs` of coloured applications, syslog
// of a coloured daemon. They are taken off before sniffing, framing and stamp
// parsing, and the evidence shown is the text without them (an escape copied
// to the user's terminal could also move the cursor or retitle the window).
#include "format_impl.hpp"

namespace logcorr::format_detail {

size_t skip_ansi(std::string_view s, size_t pos) {
  while (pos + 2 < s.size() && s[pos] == '\x1b' && s[pos + 1] == '[') {
    size_t i = pos + 2;
    while (i < s.size() && (is_digit(s[i]) || s[i] == ';') && i - pos < 16) ++i;
    if (i >= s.size() || s[i] != 'm') break;
    pos = i + 1;
  }
  return pos;
}

void strip_ansi(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    size_t esc = in.find('\x1b', i);
    if (esc == std::string_view::npos) {
      out.append(in.substr(i));
      break;
    }
    out.append(in.substr(i, esc - i));
    i = esc + 1;
    if (i >= in.size()) break;
    char k = in[i];
    if (k == '[') {
      // CSI: parameters 0x30-0x3F, intermediates 0x20-0x2F, one final 0x40-0x7E.
      ++i;
      while (i < in.size() && in[i] >= 0x30 && in[i] <= 0x3F) ++i;
      while (i < in.size() && in[i] >= 0x20 && in[i] <= 0x2F) ++i;
      if (i < in.size() && in[i] >= 0x40 && in[i] <= 0x7E) ++i;
    } else if (k == ']') {
      // OSC: up to BEL or ESC backslash (or the end of the line).
      ++i;
      while (i < in.size() && in[i] != '\x07' && in[i] != '\n' &&
             !(in[i] == '\x1b' && i + 1 < in.size() && in[i + 1] == '\\'))
        ++i;
      if (i < in.size() && in[i] == '\x07')
        ++i;
      else if (i < in.size() && in[i] == '\x1b')
        i += 2;
    } else if (k >= 0x40 && k <= 0x5F) {
      ++i;  // a two-byte escape (ESC M, ESC 7, ...)
    }
  }
}

}  // namespace logcorr::format_detail
