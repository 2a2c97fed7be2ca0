// extract_events: read every input and turn records into events.
//
// Per input: InputReader yields records; the pattern matcher and, for GC
// logs, the GC extractor yield events; each event gets its time, its
// provenance, the host it is about, and how long its input had been silent
// before it (idle-close and unclean-boot evidence). NDJSON produced by
// `logcorr events` is recognised by content and read back instead.
#include <fmt/format.h>

#include <sys/stat.h>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "extract/event_collector.hpp"
#include "extract/extract_tuning.hpp"
#include "extract/input_extractor.hpp"
#include "extract/record_matcher.hpp"
#include "extract/split_extract.hpp"
#include "logcorr/events_io.hpp"
#include "logcorr/extract.hpp"
#include "logcorr/gc.hpp"
#include "logcorr/kube.hpp"

namespace logcorr {

namespace {

DiagnosticSink& null_sink() {
  static NullSink sink;
  return sink;
}

// Reads `logcorr events` output back.
void read_events_input(InputReader& reader, const ExtractOptions& opts, EventSink& sink,
                       DiagnosticSink& diag) {
  EventsParser parser;
  Event ev;
  InputSummary in;
  uint64_t bad = 0;
  while (const Record* rec = reader.next()) {
    Result<EventsParser::LineType> parsed = parser.parse(rec->raw.text, ev, in);
    if (!parsed.ok()) {
      if (++bad <= 5) {
        Diagnostic d;
        d.severity = Severity::kError;
        d.path =
            reader.input().files.empty() ? reader.input().label : reader.input().files.front().path;
        d.line = rec->raw.line;
        d.message = "not a logcorr events line: " + parsed.status().message();
        diag.report(d);
      }
      continue;
    }
    switch (*parsed) {
      case EventsParser::LineType::kEvent:
        if (opts.window.contains(ev)) sink.on_event(ev);
        break;
      case EventsParser::LineType::kInput:
        sink.on_input(in);
        break;
      case EventsParser::LineType::kSkip:
        break;
    }
  }
  if (bad > 5) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = reader.input().label;
    d.message = fmt::format("{} more bad lines not shown", bad - 5);
    diag.report(d);
  }
}

// Diagnostics of a kube document read from its lines: the document's line
// numbers become the input's.
class LineMappingSink final : public DiagnosticSink {
 public:
  LineMappingSink(DiagnosticSink& inner, const std::vector<uint64_t>& lines)
      : inner_(inner), lines_(lines) {}
  void report(const Diagnostic& d) override {
    Diagnostic m = d;
    if (m.line > 0 && m.line <= lines_.size()) m.line = lines_[m.line - 1];
    inner_.report(m);
  }

 private:
  DiagnosticSink& inner_;
  const std::vector<uint64_t>& lines_;
};

// A Kubernetes document (kube.hpp): read whole, then turned into events.
void read_kube_input(InputReader& reader, KubeDoc doc, const ExtractOptions& opts, EventSink& sink,
                     DiagnosticSink& diag) {
  const LogicalInput& li = reader.input();
  std::string path = li.files.empty() ? li.label : li.files.front().path;
  std::string text;
  std::vector<uint64_t> lines;  // the input line of each line of `text`
  bool too_big = false;
  while (const Record* rec = reader.next()) {
    if (text.size() + rec->raw.text.size() + 1 > kMaxKubeDocumentBytes) {
      too_big = true;
      break;
    }
    // Layouts of kube documents frame one line per record.
    text.append(rec->raw.text);
    text.push_back('\n');
    lines.push_back(rec->raw.line);
  }
  InputSummary s;
  s.input = li.label;
  s.role = InputRole::kOther;
  s.layout = reader.stats().layout;
  s.records = reader.stats().records;
  s.first_ns = 0;
  s.last_ns = -1;
  if (too_big) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = path;
    d.message = fmt::format(
        "a Kubernetes {} document bigger than {} MiB: not read (split it, e.g. one "
        "`kubectl get` per namespace)",
        kube_doc_name(doc), kMaxKubeDocumentBytes >> 20);
    diag.report(d);
    sink.on_input(s);
    return;
  }
  KubeReadOptions ko;
  ko.path = path;
  if (opts.now_ns != INT64_MIN) {
    ko.now_ns = opts.now_ns;
    ko.now_source = "--now";
  } else {
    struct stat st;
    if (path != "-" && ::stat(path.c_str(), &st) == 0) {
      ko.now_ns = int64_t(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
      ko.now_source = "the file's mtime";
    }
  }
  std::vector<Event> events;
  LineMappingSink mapped(diag, lines);
  read_kube(text, doc, ko, events, mapped);
  bool timed = false;
  for (Event& e : events) {
    if (e.line > 0 && e.line <= lines.size()) e.line = lines[e.line - 1];
    e.input = li.label;
    e.input_index = 0;
    if (e.time_valid) {
      if (!timed || e.time_ns < s.first_ns) s.first_ns = e.time_ns;
      if (!timed || e.time_ns > s.last_ns) s.last_ns = e.time_ns;
      timed = true;
    }
    if (!opts.window.contains(e)) continue;
    sink.on_event(e);
    ++s.events;
  }
  s.zone_source = timed ? ZoneSource::kExplicit : ZoneSource::kNone;
  sink.on_input(s);
}

// Progress accounting shared by the workers.
struct Progress {
  const ExtractOptions* opts = nullptr;
  std::atomic<uint64_t> done{0};
  uint64_t total = 0;
  std::mutex mu;
  void add(uint64_t bytes, const std::string& current) {
    uint64_t d = done.fetch_add(bytes) + bytes;
    if (!opts || !opts->progress) return;
    std::lock_guard<std::mutex> lock(mu);
    opts->progress(d, total, current);
  }
};

void read_log_input(InputReader& reader, detail::RecordMatcher* matcher, const ExtractOptions& opts,
                    EventSink& sink, DiagnosticSink& diag, Progress* progress = nullptr) {
  uint64_t reported = 0;
  uint64_t since_check = 0;
  const LogicalInput& li = reader.input();
  detail::InputExtractor ex(li, matcher, opts, diag);
  bool layout_set = false;
  while (const Record* rec = reader.next()) {
    if (!layout_set) {
      Layout layout = reader.stats().layout;
      ex.set_layout(layout);
      layout_set = layout != Layout::kUnknown;
    }
    ex.on_record(*rec, sink);
    if (progress && ++since_check >= 8192) {
      since_check = 0;
      uint64_t now = reader.stats().bytes;
      progress->add(now - reported, li.label);
      reported = now;
    }
  }
  ex.finish(sink);
  if (progress && reader.stats().bytes > reported)
    progress->add(reader.stats().bytes - reported, li.label);
  sink.on_input(ex.summary(reader.stats()));
}

}  // namespace

namespace {

// Diagnostics from several workers, one at a time.
class LockedSink final : public DiagnosticSink {
 public:
  explicit LockedSink(DiagnosticSink& inner) : inner_(inner) {}
  void report(const Diagnostic& d) override {
    std::lock_guard<std::mutex> lock(mu_);
    inner_.report(d);
  }

 private:
  DiagnosticSink& inner_;
  std::mutex mu_;
};

uint64_t total_bytes(const std::vector<std::unique_ptr<InputReader>>& readers) {
  uint64_t total = 0;
  for (const auto& r : readers)
    for (const auto& f : r->input().files) {
      struct stat st;
      if (f.path != "-" && ::stat(f.path.c_str(), &st) == 0)
        total += static_cast<uint64_t>(st.st_size);
    }
  return total;
}

}  // namespace

Status extract_events(const std::vector<std::string>& inputs, const ExtractOptions& opts,
                      EventSink& sink, DiagnosticSink& diag) {
  return detail::extract_events(inputs, opts, detail::ExtractTuning{}, sink, diag);
}

Status detail::extract_events(const std::vector<std::string>& inputs, const ExtractOptions& opts,
                              const ExtractTuning& tuning, EventSink& sink,
                              DiagnosticSink& diag_in) {
  LockedSink diag(diag_in);
  auto readers = open_inputs(inputs, opts.open, diag);
  unsigned threads =
      opts.threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : opts.threads;
  Progress progress;
  progress.opts = &opts;
  progress.total = opts.progress ? total_bytes(readers) : 0;

  // Work items in input order: a whole input, or one chunk of a big file.
  struct Item {
    size_t input;
    size_t chunk;  // kWhole, or the chunk index
  };
  constexpr size_t kWhole = SIZE_MAX;
  std::vector<std::optional<detail::SplitPlan>> plans(readers.size());
  std::vector<Item> items;
  for (size_t i = 0; i < readers.size(); ++i) {
    plans[i] = detail::plan_split(*readers[i], tuning, threads);
    if (!plans[i]) {
      items.push_back({i, kWhole});
      continue;
    }
    for (size_t c = 0; c < plans[i]->chunks(); ++c) items.push_back({i, c});
  }
  threads = std::min<unsigned>(threads, std::max<size_t>(1, items.size()));

  // Each worker has its own matcher (matchers keep scratch state).
  std::vector<std::unique_ptr<detail::RecordMatcher>> matchers;
  for (unsigned t = 0; t < threads; ++t) {
    auto m =
        detail::RecordMatcher::create(opts, t == 0 ? static_cast<DiagnosticSink&>(diag)
                                                   : static_cast<DiagnosticSink&>(null_sink()));
    if (!m && opts.wants_patterns())
      return Status(ErrorCode::kPatternError, "the pattern packs could not be loaded");
    matchers.push_back(std::move(m));
  }

  auto run_one = [&](size_t i, detail::RecordMatcher* matcher, EventSink& out) {
    auto& r = readers[i];
    // The reader sniffs its head once: `logcorr events` output is read
    // back as events, anything else extracted.
    bool started = r->start();
    KubeDoc kube = started ? kube_doc_for(r->stats().layout) : KubeDoc::kNone;
    if (started && r->is_events_ndjson()) {
      read_events_input(*r, opts, out, diag);
    } else if (kube != KubeDoc::kNone) {
      read_kube_input(*r, kube, opts, out, diag);
    } else {
      read_log_input(*r, matcher, opts, out, diag, &progress);
    }
    r.reset();  // close its files and free its buffers now
  };

  if (threads <= 1) {
    for (size_t i = 0; i < readers.size(); ++i) run_one(i, matchers[0].get(), sink);
    return {};
  }
  // Workers take items in order; the main thread passes each input's
  // buffered output on as soon as it and every input before it are done.
  // A split input is stitched from its chunks here; should a seam disagree,
  // it is read again whole, on this thread, with a matcher of its own.
  // Each input's output, buffered until it is its turn.
  std::vector<detail::EventCollector> buffers(readers.size(),
                                              detail::EventCollector(tuning.slim_short_pauses));
  std::vector<std::vector<detail::ChunkResult>> chunks(readers.size());
  for (size_t i = 0; i < readers.size(); ++i)
    if (plans[i]) chunks[i].resize(plans[i]->chunks());
  std::vector<std::atomic<bool>> finished(items.size());
  std::atomic<size_t> next{0};
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      for (;;) {
        size_t k = next.fetch_add(1);
        if (k >= items.size()) break;
        const Item& it = items[k];
        if (it.chunk == kWhole) {
          run_one(it.input, matchers[t].get(), buffers[it.input]);
        } else {
          const std::string& label = readers[it.input]->input().label;
          const std::function<void(uint64_t)> add = [&](uint64_t b) { progress.add(b, label); };
          detail::run_chunk(*readers[it.input], *plans[it.input], it.chunk, matchers[t].get(), opts,
                            tuning, chunks[it.input][it.chunk], opts.progress ? &add : nullptr);
        }
        {
          std::lock_guard<std::mutex> lock(mu);
          finished[k] = true;
        }
        cv.notify_all();
      }
    });
  }
  std::unique_ptr<detail::RecordMatcher> own_matcher;
  for (size_t k = 0; k < items.size(); ++k) {
    {
      std::unique_lock<std::mutex> lock(mu);
      cv.wait(lock, [&] { return finished[k].load(); });
    }
    const Item& it = items[k];
    size_t i = it.input;
    if (it.chunk == kWhole) {
      buffers[i].drain_into(sink);
      continue;
    }
    if (it.chunk + 1 < plans[i]->chunks()) continue;  // wait for its last chunk
    bool stitched = detail::stitch_chunks(*readers[i], *plans[i], chunks[i], opts, sink, diag);
    if (tuning.split_observer)
      tuning.split_observer(readers[i]->input().label, plans[i]->chunks(), stitched);
    if (!stitched) {
      if (!own_matcher) own_matcher = detail::RecordMatcher::create(opts, null_sink());
      run_one(i, own_matcher.get(), sink);
    }
    readers[i].reset();
    chunks[i] = {};
  }
  for (auto& th : pool) th.join();
  return {};
}

}  // namespace logcorr
