// Per-mode line rules for the Framer: what one physical line does to the
// record being assembled. Kept apart from the buffering engine (framer.cpp)
// so each mode's framing is readable in one place.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "logcorr/frame.hpp"

namespace logcorr::frame_detail {

enum class Act : uint8_t {
  kStart,  // the line begins a new record (the held one is complete)
  kCont,   // the line continues the held record (or starts an orphan one)
  kBlank,  // empty line: kept inside the record only if a continuation follows
  kEnd,    // separator: completes the held record, belongs to no record
};

struct Decision {
  Act act = Act::kStart;
  bool close = false;   // the record is complete after this line: emit it now
  uint8_t skip = 0;     // leading bytes of a starting line that are not text (RS)
  bool binary = false;  // export: a binary field's length and bytes follow
};

inline bool indented(std::string_view s) {
  return s[0] == ' ' || s[0] == '\t';
}

// `line` excludes the terminator (and the CR of a CRLF). It may be only the
// head of a very long line; every rule looks at the start of the line, except
// export's '=' test, for which a head is as good (a field name is short).
inline Decision decide(Framing mode, const LineClassifier* cls, std::string_view line) {
  Decision d;
  const bool empty = line.empty();
  switch (mode) {
    case Framing::kLines:
    case Framing::kJsonLines:
      // Nothing continues a line, so the record can go out at once (no
      // hold-back: follow mode sees it without waiting for the next line).
      d.act = empty ? Act::kEnd : Act::kStart;
      d.close = true;
      return d;
    case Framing::kIndentContinued:
    case Framing::kJournalVerbose:
    case Framing::kIndentUnderHeader:  // the engine turns orphan continuations into starts
      // verbose: the entry header is at column 0, its fields are indented 4
      // and multi-line values 12 spaces (journalctl 252), so the same rule.
      d.act = empty ? Act::kBlank : indented(line) ? Act::kCont : Act::kStart;
      return d;
    case Framing::kHeaderContinued:
      if (empty) {
        d.act = Act::kBlank;
      } else if (cls == nullptr || cls->starts_record(line)) {
        d.act = Act::kStart;
      } else {
        d.act = Act::kCont;
      }
      return d;
    case Framing::kJournalExport:
      if (empty) {
        d.act = Act::kEnd;
      } else {
        d.act = Act::kCont;
        // A field line without '=' is the name of a binary field; its value
        // follows as raw bytes that may hold newlines.
        d.binary = std::memchr(line.data(), '=', line.size()) == nullptr;
      }
      return d;
    case Framing::kJsonPretty:
      if (empty) {
        d.act = Act::kBlank;
      } else if (line[0] == '{') {
        d.act = Act::kStart;
        // A compact object on one line closes itself; a pretty object's
        // opening line is just "{".
        d.close = line.size() > 1 && line.back() == '}';
      } else if (line[0] == '}') {
        d.act = Act::kCont;
        d.close = true;
      } else {
        d.act = Act::kCont;
      }
      return d;
    case Framing::kJsonSeq:
      if (empty) {
        d.act = Act::kBlank;
      } else if (line[0] == '\x1e') {
        d.act = Act::kStart;
        d.skip = 1;
      } else {
        d.act = Act::kCont;
      }
      return d;
    case Framing::kJsonSse:
      // An event is its field lines (data:, id:, event:) up to an empty line.
      d.act = empty ? Act::kEnd : Act::kCont;
      return d;
  }
  return d;
}

}  // namespace logcorr::frame_detail
