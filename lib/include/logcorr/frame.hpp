// Framer: splits a byte stream into records.
//
// Chunks of any size go in; whole records come out, across chunk boundaries,
// with continuation lines joined to their header (Java stack traces, config
// dumps, journal verbose/export/json-pretty entries, JVM legacy GC detail
// blocks). Bytes pass through untouched: NUL, invalid UTF-8 and lone CR are
// data. A record whose text fits in the chunk being fed is handed out as a
// view into that chunk (no copy); only records that straddle a chunk boundary
// are assembled in an internal buffer, which is reused.
//
// The framer holds back the newest record until it sees the line after it
// (that line might continue it). finish() releases it at end of stream;
// flush() releases it early, for follow mode when the input goes idle.
//
// Conventions, the same in every mode and for every chunking:
// - `offset` is the stream offset of text[0] (json-seq: after the RS), so the
//   text is always the stream bytes at `offset` (a prefix when truncated).
// - `line` counts every '\n' before `offset`, including newlines inside export
//   binary fields: it is the line an editor shows.
// - Empty lines (also a lone CR of CRLF) are never records. Inside a
//   multi-line record they are kept when a continuation line follows them,
//   and dropped when the record ends after them. Export and SSE use them as
//   separators.
// - kLines/kJsonLines records, and a json-pretty object at its closing `}`,
//   are emitted at once (nothing can continue them).
// - A continuation line with no record before it (start of stream, or after
//   flush()) starts an orphan record of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "logcorr/record.hpp"

namespace logcorr {

enum class Framing : uint8_t {
  kLines,              // every line is a record
  kIndentContinued,    // a line starting with space/TAB continues the previous one
                       // (journal short modes, syslog, unified GC, librdkafka, dmesg)
  kHeaderContinued,    // a line continues the previous record unless the
                       // LineClassifier says it starts one (Java logs, legacy GC)
  kJournalVerbose,     // entry starts at a non-indented line; fields are indented
  kJournalExport,      // entries separated by an empty line; binary fields are
                       // NAME\n<u64 LE length><bytes>\n and may contain newlines
  kJsonLines,          // one JSON value per line
  kJsonPretty,         // multi-line objects, `{` at column 0 to `}` at column 0
  kJsonSeq,            // RFC 7464: each record starts with RS (0x1E)
  kJsonSse,            // `data: {...}` lines separated by empty lines
  kIndentUnderHeader,  // bare text: a line starting with space/TAB continues a
                       // record whose first line is not indented (a
                       // `systemctl status` block, `Caused by:` + `\tat` lines);
                       // indented lines with no such line above are one record
                       // each (kubectl output, bare indented text)
};

// Decides, for kHeaderContinued, whether a line starts a new record.
class LineClassifier {
 public:
  virtual ~LineClassifier() = default;
  // `line` excludes its terminator. Must be cheap: it is called once per line.
  virtual bool starts_record(std::string_view line) const = 0;
};

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // `rec.text` is valid only during the call.
  virtual void on_record(const RawRecord& rec) = 0;
};

struct FramerOptions {
  // Records longer than this are cut: the head is delivered with
  // truncated=true and the rest is skipped (and counted), never buffered.
  size_t max_record_bytes = 16u << 20;
  // Continuation lines beyond this count start a new record (a runaway
  // "continuation" is more likely a misdetected layout).
  uint32_t max_record_lines = 100000;
};

class Framer {
 public:
  // `classifier` is required for kHeaderContinued and ignored otherwise; it
  // must outlive the framer.
  Framer(Framing framing, const LineClassifier* classifier = nullptr, FramerOptions opts = {});
  ~Framer();
  Framer(const Framer&) = delete;
  Framer& operator=(const Framer&) = delete;

  // Feeds the next chunk. Emits every record that is now complete.
  void feed(std::string_view chunk, RecordSink& sink);
  // End of stream: emits the held-back record, if any.
  void finish(RecordSink& sink);
  // Emits the held-back record now (a later continuation line would then
  // start a record of its own). For live inputs that went quiet.
  void flush(RecordSink& sink);

  // Lines seen so far (including a final unterminated one after finish()).
  uint64_t lines() const;
  // Bytes dropped from records longer than max_record_bytes.
  uint64_t truncated_bytes() const;
  Framing framing() const;

 private:
  struct State;
  State* s_;
};

}  // namespace logcorr
