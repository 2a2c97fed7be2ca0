// JSON string output that is always valid, whatever bytes a log holds.
#pragma once

#include <string>
#include <string_view>

namespace logcorr {

// Appends `s` to `out` as a JSON string literal (with the quotes). Control
// characters are escaped; bytes that are not valid UTF-8 (a Latin-1 0xFC in a
// journal message, a NUL-padded line) become U+FFFD, so the output is always
// valid UTF-8 JSON. '<', '>' and '&' are escaped as \u003c etc. so the text
// can also be embedded in HTML <script> blocks safely.
void append_json_string(std::string& out, std::string_view s);

// True when `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

}  // namespace logcorr
