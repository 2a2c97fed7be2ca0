// A deliberately simple framer for the format tests, so they do not depend on
// the frame stage (which has its own tests). It mirrors frame.hpp's Framing
// rules on whole in-memory inputs.
#pragma once

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "logcorr/format.hpp"

namespace logcorr::test {

inline std::vector<RawRecord> simple_frame(std::string_view in, Framing framing,
                                           const LineClassifier* cls = nullptr) {
  std::vector<RawRecord> out;
  uint64_t line_no = 0;
  size_t pos = 0;
  auto start = [&](size_t off, uint64_t ln) {
    RawRecord r;
    r.offset = off;
    r.line = ln;
    r.text = in.substr(off, 0);
    out.push_back(r);
  };
  auto extend = [&](size_t end_excl) {
    RawRecord& r = out.back();
    r.text = in.substr(r.offset, end_excl - r.offset);
  };
  if (framing == Framing::kJournalExport) {
    // Entries are separated by an empty line; binary fields carry a length.
    while (pos < in.size()) {
      size_t entry = pos;
      ++line_no;
      uint64_t first = line_no;
      while (pos < in.size() && in[pos] != '\n') {
        size_t nl = in.find('\n', pos);
        if (nl == std::string_view::npos) nl = in.size();
        std::string_view l = in.substr(pos, nl - pos);
        if (l.find('=') == std::string_view::npos && nl + 9 <= in.size()) {
          uint64_t len = 0;
          for (int b = 7; b >= 0; --b) len = (len << 8) | uint8_t(in[nl + 1 + b]);
          pos = nl + 9 + len + 1;
          // The name line, then the length and bytes (which may hold newlines).
          line_no += 1 + uint64_t(std::count(in.begin() + long(nl + 1),
                                             in.begin() + long(nl + 9 + len), '\n'));
        } else {
          pos = nl + 1;
        }
        ++line_no;
      }
      RawRecord r;
      r.offset = entry;
      r.line = first;
      size_t end = pos > entry ? pos - 1 : entry;
      r.text = in.substr(entry, end - entry);
      if (!r.text.empty()) out.push_back(r);
      pos += 1;  // the empty separator line
    }
    return out;
  }
  bool in_pretty = false;
  bool head_indented = false;  // kIndentUnderHeader: the last record began indented
  while (pos < in.size()) {
    size_t nl = in.find('\n', pos);
    size_t end = nl == std::string_view::npos ? in.size() : nl;
    std::string_view l = in.substr(pos, end - pos);
    ++line_no;
    bool cont = false;
    bool skip = false;
    switch (framing) {
      case Framing::kLines:
        break;
      case Framing::kIndentContinued:
      case Framing::kJournalVerbose:
        cont = !l.empty() && (l[0] == ' ' || l[0] == '\t');
        break;
      case Framing::kHeaderContinued:
        cont = !cls->starts_record(l);
        break;
      case Framing::kJsonLines:
        skip = l.empty();
        break;
      case Framing::kJsonPretty:
        if (l == "{")
          in_pretty = true, cont = false;
        else
          cont = true;
        if (l == "}") in_pretty = false;
        break;
      case Framing::kJsonSeq:
        cont = l.empty() || l[0] != '\x1e';
        break;
      case Framing::kJsonSse:
        skip = l.empty();
        break;
      case Framing::kJournalExport:
        break;
      case Framing::kIndentUnderHeader:
        cont = !l.empty() && (l[0] == ' ' || l[0] == '\t') && !head_indented;
        break;
    }
    if (!skip) {
      if (cont && !out.empty())
        extend(end);
      else {
        start(pos, line_no);
        extend(end);
        head_indented = !l.empty() && (l[0] == ' ' || l[0] == '\t');
      }
      if (out.back().text.size() > 0)
        out.back().line_count =
            1 + uint32_t(std::count(out.back().text.begin(), out.back().text.end(), '\n'));
    }
    pos = end + 1;
  }
  (void)in_pretty;
  return out;
}

}  // namespace logcorr::test
