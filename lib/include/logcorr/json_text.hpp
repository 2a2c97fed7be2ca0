// JSON output that is always valid, whatever bytes a log holds: a string
// escaper and the one small writer every JSON the library makes goes through
// (`analyze --json`, the HTML report's data, `follow --json` alerts,
// `timeline --json` records, the `logcorr events` NDJSON).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace logcorr {

// Appends `s` to `out` as a JSON string literal (with the quotes). Control
// characters are escaped; bytes that are not valid UTF-8 (a Latin-1 0xFC in a
// journal message, a NUL-padded line) become U+FFFD, so the output is always
// valid UTF-8 JSON. '<', '>' and '&' are escaped as \u003c etc. so the text
// can also be embedded in HTML <script> blocks safely.
void append_json_string(std::string& out, std::string_view s);

// True when `s` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool is_valid_utf8(std::string_view s);

// Reading JSON strings (the readers of Docker json-file lines and of kubectl
// JSON): the four hex digits of a `\uXXXX` escape at s[at] (false when they
// are not four hex digits), and a code point appended as UTF-8.
bool json_hex4(std::string_view s, size_t at, uint32_t& v);
void append_utf8(std::string& out, uint32_t cp);

// Compact JSON, written straight into a string: the commas between members
// and elements are its business, the caller names keys and values in order.
//
//   JsonWriter j;            // or JsonWriter j(buf): appends to buf
//   j.open('{'); j.key("id"); j.num(3); j.key("tags"); j.open('[');
//   j.str("a"); j.close(']'); j.close('}');   // {"id":3,"tags":["a"]}
class JsonWriter {
 public:
  JsonWriter() : out_(&own_) {}
  explicit JsonWriter(std::string& out) : out_(&out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // An object member's key; the next value is its value.
  void key(std::string_view k);
  void str(std::string_view v);
  template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool>) void num(T v) {
    if constexpr (std::is_signed_v<T>)
      signed_num(static_cast<int64_t>(v));
    else
      unsigned_num(static_cast<uint64_t>(v));
  }
  // Shortest form that reads back as the same double ("0.85", "1").
  void dbl(double v);
  void boolean(bool v) { raw(v ? "true" : "false"); }
  void null() { raw("null"); }
  // A value that is JSON already (a nested document, a number as text).
  void raw(std::string_view v);
  // '{' or '[' / '}' or ']'.
  void open(char c);
  void close(char c);

  // What was written (the target string when one was given).
  std::string& out() { return *out_; }

 private:
  void sep();
  void signed_num(int64_t v);
  void unsigned_num(uint64_t v);

  std::string own_;
  std::string* out_;
  bool need_comma_ = false;
};

}  // namespace logcorr
