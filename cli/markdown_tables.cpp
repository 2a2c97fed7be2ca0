// Markdown tables of the layout table and the pattern packs (see the header).
#include "markdown_tables.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

#include "logcorr/event.hpp"

namespace logcorr::cli {

namespace {

constexpr size_t kSampleChars = 64;  // characters of a sample shown, "…" after

// Plain text in a table cell: the pipe and the characters that open inline
// markup are escaped, a line break becomes a space.
std::string cell_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '<') out += '\\';
    out += c;
  }
  return out;
}

// A code span in a table cell: only the pipe needs its backslash there; a
// text with a backtick gets a double-backtick fence.
std::string code_cell(std::string_view s) {
  std::string body;
  for (char c : s) {
    if (c == '|') body += '\\';
    body += c;
  }
  if (s.find('`') == std::string_view::npos) return "`" + body + "`";
  return "`` " + body + " ``";
}

// A sample record as one short line: continuation lines (their indentation
// dropped) follow " ↵ ", control characters show as \xNN, and past
// kSampleChars characters it is cut with "…".
std::string sample_excerpt(std::string_view text) {
  std::string out;
  size_t chars = 0;
  bool at_line_start = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (chars >= kSampleChars && (c & 0xC0) != 0x80) return out + "…";
    if (c == '\n') {
      out += " ↵ ";
      chars += 3;
      at_line_start = true;
      continue;
    }
    if (at_line_start && (c == ' ' || c == '\t')) continue;
    at_line_start = false;
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", unsigned(c));
      chars += 4;
      continue;
    }
    out += static_cast<char>(c);
    if ((c & 0xC0) != 0x80) ++chars;  // UTF-8: count the lead bytes
  }
  return out;
}

// The UTC time a sample gets, with the options it is read with.
std::string time_cell(const LayoutSample& s) {
  std::string out = s.utc == "-" ? "no time" : std::string(s.utc);
  if (!s.zone.empty()) out += fmt::format(" with `--tz {}`", s.zone);
  if (!s.boot.empty()) out += fmt::format(" with `--boot {}`", s.boot);
  return out;
}

std::string kinds_cell(const Pack& p) {
  std::array<bool, size_t(EventKind::kCount_)> yields{};
  for (const Pattern& q : p.patterns) yields[size_t(q.kind)] = true;
  std::string out;
  for (size_t k = 0; k < yields.size(); ++k) {
    if (!yields[k]) continue;
    if (!out.empty()) out += ", ";
    out += fmt::format("`{}`", kind_name(EventKind(k)));
  }
  return out.empty() ? "-" : out;
}

}  // namespace

std::string layouts_markdown(std::span<const LayoutInfo> layouts) {
  std::string out =
      "| layout | what it reads | framing | sample | UTC time it gets |\n"
      "| --- | --- | --- | --- | --- |\n";
  for (const LayoutInfo& e : layouts) {
    if (e.layout == Layout::kUnknown) continue;  // not a layout one can choose
    std::string sample = "-", time = "-";
    if (!e.samples.empty()) {
      sample = code_cell(sample_excerpt(e.samples[0].text));
      time = time_cell(e.samples[0]);
    }
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", e.name, cell_text(e.summary),
                       framing_name(e.framing), sample, time);
  }
  return out;
}

std::string packs_markdown(const PatternSet& set) {
  std::string out = "| pack | what it covers | events it yields |\n| --- | --- | --- |\n";
  for (const Pack& p : set.packs) {
    out += fmt::format("| `{}` | {} | {} |\n", p.name,
                       p.description.empty() ? "-" : cell_text(p.description), kinds_cell(p));
  }
  return out;
}

}  // namespace logcorr::cli
