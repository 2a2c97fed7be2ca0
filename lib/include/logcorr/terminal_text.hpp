// Text for a person's terminal, whatever bytes a log holds.
//
// A log line, a client id, a host or a file name can carry control bytes:
// `\x1b]0;…\x07` retitles the window, `\x1b[2J` clears it, `\r` or a newline
// in a file name can forge a line of the report. Everything the library
// renders for a terminal (the text report, `follow` alerts, `timeline`,
// diagnostics) passes the input's strings through here: control characters
// (C0, DEL, and C1 as UTF-8) become visible escapes (`\x1b`, `\r`, `\x7f`,
// `\u009b`), and bytes that are not valid UTF-8 become `\xNN` (a lone 0x9b
// is an 8-bit CSI to some terminals). Tabs stay. JSON, NDJSON and HTML have
// escapers of their own (json_text.hpp).
//
// Cost: one pass; printable ASCII runs are appended whole.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace logcorr {

// Appends `s` to `out` with control characters and invalid UTF-8 escaped.
// With `keep_newlines`, '\n' stays (a multi-line record printed as its lines).
void append_terminal_text(std::string& out, std::string_view s, bool keep_newlines = false);
std::string terminal_text(std::string_view s, bool keep_newlines = false);

// The longest prefix of `s` of at most `max_bytes` that does not end inside
// a UTF-8 sequence: cutting a string to a width must not split a character
// (escaping happens after the cut, so an escape is never split either).
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);

}  // namespace logcorr
