// InputReader: Source -> sniff -> Framer -> RecordParser as a pull stream.
//
// The framer pushes records through a callback; the merge wants to pull them
// one at a time. We bridge the two per chunk: feed one chunk, collect the
// records it completes, hand them out one by one, and only read the next
// chunk when they are used up. Records that lie inside the chunk buffer stay
// views into it; the few that the framer assembled in its own buffer (they
// straddled a chunk boundary, or were held back waiting for a continuation
// line) are copied into a per-chunk arena, because the framer may reuse that
// buffer before we hand them out.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "input/range_source.hpp"
#include "input/reader_core.hpp"
#include "logcorr/reader.hpp"

namespace logcorr {

namespace {

struct Pending {
  RawRecord raw;
  bool in_arena = false;
  size_t arena_offset = 0;
};

class CollectSink final : public RecordSink {
 public:
  CollectSink(const char* chunk_begin, size_t chunk_size, std::vector<Pending>& out,
              std::string& arena)
      : begin_(chunk_begin), size_(chunk_size), out_(out), arena_(arena) {}

  void on_record(const RawRecord& rec) override {
    Pending p;
    p.raw = rec;
    const char* d = rec.text.data();
    bool inside = size_ > 0 && d >= begin_ && d + rec.text.size() <= begin_ + size_;
    if (!inside && !rec.text.empty()) {
      p.in_arena = true;
      p.arena_offset = arena_.size();
      arena_.append(rec.text.data(), rec.text.size());
    }
    out_.push_back(p);
  }

 private:
  const char* begin_;
  size_t size_;
  std::vector<Pending>& out_;
  std::string& arena_;
};

}  // namespace

struct InputReader::State {
  LogicalInput input;
  uint32_t input_index = 0;
  ReaderOptions opts;
  DiagnosticSink* sink = nullptr;
  InputStats stats;

  size_t file_pos = 0;  // index of the next file to open
  std::unique_ptr<ByteSource> source;
  std::unique_ptr<Framer> framer;
  std::unique_ptr<LineClassifier> wrapped_classifier;  // the framer's, for a wrapped input
  std::unique_ptr<RecordParser> parser;
  uint32_t current_file = 0;
  bool layout_known = false;
  Layout layout = Layout::kUnknown;
  Wrapper wrapper = Wrapper::kNone;
  bool events_ndjson = false;  // `logcorr events` output: read as plain lines
  // A multi-line layout none of whose head lines starts a record: read as
  // lines instead of one record (decided on the first file's head).
  bool lines_fallback = false;
  bool started = false;       // the first file has been opened
  uint64_t start_offset = 0;  // ReaderAccess::start_at
  uint64_t stream_base = 0;   // file offset of stream offset 0

  std::vector<char> chunk;
  Compression compression = Compression::kNone;  // of the file opened last
  size_t chunk_len = 0;
  std::string arena;
  std::vector<Pending> pending;
  size_t pending_pos = 0;
  bool stream_done = true;  // current file exhausted (or none open)
  Record record;

  void report(Severity sev, const std::string& path, std::string msg) {
    Diagnostic d;
    d.severity = sev;
    d.path = path;
    d.message = std::move(msg);
    sink->report(d);
  }

  // Opens the next file of the set; false when none is left.
  bool open_next_file() {
    while (file_pos < input.files.size()) {
      const InputFile& f = input.files[file_pos];
      current_file = static_cast<uint32_t>(file_pos);
      ++file_pos;
      Result<std::unique_ptr<ByteSource>> opened =
          start_offset > 0 ? detail::open_range_source(f.path, start_offset, &stream_base)
                           : open_source(f.path);
      if (!opened.ok()) {
        ++stats.files_failed;
        Diagnostic d;
        d.severity = Severity::kError;
        d.path = opened.status().path().empty() ? f.path : opened.status().path();
        d.message = opened.status().message().empty() ? "cannot open" : opened.status().message();
        sink->report(d);
        continue;
      }
      source = std::move(opened).value();
      compression = source->info().compression;
      ++stats.files_read;
      if (!read_head()) continue;  // empty or failed file: next one
      return true;
    }
    return false;
  }

  // Reads the first chunk(s) of a freshly opened file, sniffs the layout if
  // still unknown, and sets up framer and parser. False when the file has no
  // bytes at all.
  bool read_head() {
    chunk_len = 0;
    // Fill up to detail::kSniffBytes (or EOF) so that sniffing sees whole lines even
    // from a pipe that delivers a few bytes at a time.
    const size_t full = std::max(detail::kSniffBytes, opts.chunk_bytes);
    size_t want = full;
    // A small plain file needs no 1 MiB buffer: `timeline` over thousands of
    // one-line files holds one reader (and its buffer) per file. Should the
    // file hold more than its size said (it grew; procfs says 0), the
    // buffer grows to the full size below.
    const SourceInfo& info = source->info();
    if (info.size > 0 && info.compression == Compression::kNone)
      want = std::min(want, static_cast<size_t>(info.size) + 1);
    if (chunk.size() < want) chunk.resize(want);
    bool eof = false;
    while (chunk_len < detail::kSniffBytes) {
      if (chunk_len == chunk.size()) {
        if (chunk.size() >= full) break;
        chunk.resize(full);
      }
      size_t n = source->read(chunk.data() + chunk_len, chunk.size() - chunk_len);
      if (n == 0) {
        eof = true;
        break;
      }
      chunk_len += n;
      // stdin: do not wait for 64 KiB when a few complete lines are there.
      if (source->info().size < 0 && std::memchr(chunk.data(), '\n', chunk_len) &&
          chunk_len >= 4096)
        break;
      if (source->info().size < 0 && chunk_len > 0 && count_lines(chunk_len) >= 20) break;
    }
    stats.bytes += chunk_len;
    if (chunk_len == 0) {
      finish_source_errors();
      source.reset();
      return false;
    }
    std::string_view head(chunk.data(), chunk_len);
    if (!layout_known) {
      // `logcorr events` output is read back line by line, whatever the
      // sniffer or --layout would make of it.
      events_ndjson = detail::is_events_ndjson_head(head);
      layout = events_ndjson ? Layout::kPlain : opts.layout ? *opts.layout : sniff_layout(head);
      wrapper = events_ndjson ? Wrapper::kNone : opts.wrapper ? *opts.wrapper : sniff_wrapper(head);
      layout_known = true;
      stats.layout = layout;
      stats.wrapper = wrapper;
      lines_fallback = no_header_in(head);
    }
    // Each file of a rotation set starts with a fresh framer (and a wrapped
    // input's classifier with it: a partial line does not cross files).
    auto cls = make_classifier(layout, wrapper);
    framer = std::make_unique<Framer>(
        lines_fallback ? Framing::kIndentUnderHeader : framing_for(layout, wrapper),
        cls ? cls.get() : classifier_for(layout), opts.framer);
    wrapped_classifier = std::move(cls);
    ParseOptions po =
        detail::parse_options_for(opts, input.files[current_file].path, source->info().mtime_ns);
    po.wrapper = wrapper;
    if (layout_info(layout).stamp == StampFamily::kGeneric) po.date_order = sniff_date_order(head);
    if (layout == Layout::kGcLegacy) po.stamp_offset_s = sniff_stamp_offset(head);
    po.coloured = head.find('\x1b') != std::string_view::npos;
    if (!parser || po.reference_ns != INT64_MIN) {
      parser = std::make_unique<RecordParser>(layout, std::move(po), sink);
      stats.zone_source = parser->zone_source();
    }
    stream_done = eof;
    feed_current_chunk();
    if (eof) {
      finish_stream();
      source.reset();  // read whole: its descriptor is free for the next input's
    }
    return true;
  }

  // True when the layout joins lines under headers and not one of the
  // head's lines (at least two) is a header: the whole file would become one
  // record. Reports the fallback to lines.
  bool no_header_in(std::string_view head) {
    const LineClassifier* c = classifier_for(layout);
    if (wrapper != Wrapper::kNone || framing_for(layout) != Framing::kHeaderContinued || !c)
      return false;
    int lines = 0;
    size_t pos = 0;
    while (pos < head.size() && lines < 200) {
      size_t nl = head.find('\n', pos);
      if (nl == std::string_view::npos) break;  // a last partial line proves nothing
      std::string_view line = head.substr(pos, nl - pos);
      pos = nl + 1;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      if (c->starts_record(line)) return false;
      ++lines;
    }
    if (lines < 2) return false;
    Diagnostic d;
    d.severity = Severity::kNote;
    d.path = input.files[current_file].path;
    d.message = fmt::format(
        "no line of the first {} starts a {} record; read one record per line instead of "
        "joining them all into one",
        lines, layout_name(layout));
    sink->report(d);
    return true;
  }

  size_t count_lines(size_t len) const {
    return static_cast<size_t>(std::count(chunk.data(), chunk.data() + len, '\n'));
  }

  void feed_current_chunk() {
    arena.clear();
    pending.clear();
    pending_pos = 0;
    CollectSink cs(chunk.data(), chunk_len, pending, arena);
    framer->feed(std::string_view(chunk.data(), chunk_len), cs);
    fix_arena_views();
  }

  void finish_stream() {
    CollectSink cs(chunk.data(), chunk_len, pending, arena);
    framer->finish(cs);
    fix_arena_views();
    stream_done = true;
    report_shrink();
    finish_source_errors();
  }

  // A regular file that ended short of the size it had when opened was cut
  // while we read it (a rotation with copytruncate, an operator's `> file`):
  // what was past the cut is lost, and the user must hear it (as GNU tar
  // says "file shrank by N bytes"). One stat(2) per file, at its end.
  void report_shrink() {
    if (!source || start_offset > 0) return;
    const SourceInfo& info = source->info();
    if (info.size < 0 || info.path == "-") return;
    struct stat st {};
    // Only a file that ended before its bytes were all read lost data: a log
    // renamed away by a rotation (and created anew, smaller) was read whole
    // through the descriptor we hold.
    if (source->raw_bytes_read() >= static_cast<uint64_t>(info.size)) return;
    if (::stat(info.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
    if (static_cast<int64_t>(st.st_size) >= info.size) return;
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.path = info.path;
    d.message = fmt::format("shrank from {} to {} bytes while being read", info.size,
                            static_cast<int64_t>(st.st_size));
    sink->report(d);
  }

  void finish_source_errors() {
    if (!source) return;
    stats.raw_bytes += source->raw_bytes_read();
    if (const Status& e = source->status(); !e.ok()) {
      Diagnostic d;
      d.severity = Severity::kError;
      d.path = e.path().empty() ? input.files[current_file].path : e.path();
      d.offset = e.offset().value_or(0);
      d.has_offset = true;
      d.message = e.message();
      sink->report(d);
      ++stats.files_failed;
    }
  }

  void fix_arena_views() {
    for (auto& p : pending)
      if (p.in_arena)
        p.raw.text = std::string_view(arena.data() + p.arena_offset, p.raw.text.size());
  }

  // Refills `pending`; false at the end of the input.
  bool refill() {
    for (;;) {
      if (pending_pos < pending.size()) return true;
      if (!stream_done) {
        // Records handed out so far are consumed: the chunk can be reused.
        pending.clear();
        pending_pos = 0;
        arena.clear();
        chunk_len = source->read(chunk.data(), chunk.size());
        if (chunk_len == 0) {
          finish_stream();
        } else {
          stats.bytes += chunk_len;
          feed_current_chunk();
        }
        continue;
      }
      source.reset();
      started = true;
      if (!open_next_file()) return false;
    }
  }
};

InputReader::InputReader(LogicalInput input, uint32_t input_index, ReaderOptions opts,
                         DiagnosticSink& sink)
    : s_(std::make_unique<State>()) {
  s_->input = std::move(input);
  s_->input_index = input_index;
  s_->opts = std::move(opts);
  s_->sink = &sink;
  s_->stats.zone_name = s_->opts.zone ? s_->opts.zone->name() : "UTC";
}

InputReader::~InputReader() = default;

void InputReader::rewind() {
  auto fresh = std::make_unique<State>();
  fresh->input = std::move(s_->input);
  fresh->input_index = s_->input_index;
  fresh->opts = std::move(s_->opts);
  fresh->sink = s_->sink;
  fresh->stats.zone_name = std::move(s_->stats.zone_name);
  fresh->start_offset = s_->start_offset;
  s_ = std::move(fresh);
}

const Record* InputReader::next() {
  State& s = *s_;
  if (!s.refill()) return nullptr;
  const Pending& p = s.pending[s.pending_pos++];
  s.record = Record{};
  if (s.events_ndjson) {
    // `logcorr events` output: each line is an event with its own time,
    // read by the events parser; no layout parse.
    s.record.raw = p.raw;
    s.record.message = p.raw.text;
  } else {
    s.parser->parse(p.raw, s.record);  // sets record.raw (its text without terminal escapes)
  }
  s.record.input_index = s.input_index;
  s.record.file_index = s.current_file;
  detail::count_record(s.record, s.stats, &s.record.time.uptime_run);
  if (p.raw.truncated && s.stats.truncated_records <= 3)
    s.report(Severity::kWarning, s.input.files[s.current_file].path,
             fmt::format("line {}: record longer than {} bytes was cut", p.raw.line,
                         s.opts.framer.max_record_bytes));
  return &s.record;
}

void detail::ReaderAccess::start_at(InputReader& r, uint64_t offset) {
  r.s_->start_offset = offset;
}

uint64_t detail::ReaderAccess::stream_base(const InputReader& r) {
  return r.s_->stream_base;
}

bool InputReader::start() {
  State& s = *s_;
  if (s.started) return s.layout_known;
  s.started = true;
  return s.open_next_file();
}

bool InputReader::is_events_ndjson() const {
  return s_->events_ndjson;
}

Compression InputReader::compression() const {
  return s_->compression;
}

const LogicalInput& InputReader::input() const {
  return s_->input;
}
const InputStats& InputReader::stats() const {
  return s_->stats;
}
const ReaderOptions& InputReader::options() const {
  return s_->opts;
}

std::optional<int64_t> first_record_time(const std::string& path, const ReaderOptions& opts) {
  NullSink null;
  LogicalInput li;
  li.label = path;
  li.base_path = path;
  li.files.push_back(InputFile{path, ""});
  ReaderOptions o = opts;
  o.chunk_bytes = 64 * 1024;
  InputReader r(std::move(li), 0, o, null);
  for (int i = 0; i < 200; ++i) {
    const Record* rec = r.next();
    if (!rec) break;
    if (rec->time.valid()) return rec->time.utc_ns;
    if (rec->raw.offset > 64 * 1024) break;
  }
  return std::nullopt;
}

}  // namespace logcorr
