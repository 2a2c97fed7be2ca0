// Split extraction: plan, per-chunk read, and stitching (see the header).
#include "extract/split_extract.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <climits>

#include "input/reader_core.hpp"

namespace logcorr::detail {

namespace {

constexpr uint64_t kMinAutoChunk = 32ull << 20;
constexpr uint64_t kMaxWarmup = 64ull << 20;
// The quiet-gap history looks 15 s back and keeps at most 4096 gaps
// (InputExtractor::extract); a warm-up that covers either rebuilds it.
constexpr int64_t kHistoryNs = 16'000'000'000;
constexpr size_t kHistoryCap = 4096;

// Layouts whose records carry a full date (or an epoch), whose framing is
// local, and which need no GC extractor: the layout table's splittable flag.
bool splittable(Layout l) {
  return layout_info(l).splittable;
}

class CollectDiagnostics final : public DiagnosticSink {
 public:
  explicit CollectDiagnostics(std::vector<Diagnostic>& out) : out_(out) {}
  void report(const Diagnostic& d) override { out_.push_back(d); }

 private:
  std::vector<Diagnostic>& out_;
};

void merge_stats(const InputStats& c, InputStats& st) {
  st.records += c.records;
  st.records_without_time += c.records_without_time;
  st.truncated_records += c.truncated_records;
  st.assumed_zone_records += c.assumed_zone_records;
  st.user_zone_records += c.user_zone_records;
  st.year_inferred_records += c.year_inferred_records;
  st.first_ns = std::min(st.first_ns, c.first_ns);
  st.last_ns = std::max(st.last_ns, c.last_ns);
  st.bytes += c.bytes;
  st.zoneless_stamps.merge(c.zoneless_stamps);
  st.wrapped_stamps.merge(c.wrapped_stamps);
}

}  // namespace

void ChunkBuffer::on_host(std::string_view host) {
  if (!hosts.empty() && hosts.back().before_event == events.size() && hosts.back().host == host) {
    ++hosts.back().count;
    return;
  }
  hosts.push_back(HostRun{std::string(host), 1, events.size()});
}

std::optional<SplitPlan> plan_split(InputReader& input, const ExtractTuning& tuning,
                                    unsigned threads) {
  const LogicalInput& li = input.input();
  if (threads < 2 || li.files.size() != 1) return std::nullopt;
  const std::string& path = li.files.front().path;
  struct stat st;
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size < tuning.split_min_bytes || size < 2) return std::nullopt;

  // The layout as the whole-file reader sniffs it, from its own head. The
  // reader is rewound afterwards: inputs are planned long before they are
  // read, and a plan must not hold every big file open with its buffers.
  const bool plain =
      input.start() && input.compression() == Compression::kNone && !input.is_events_ndjson();
  const Layout layout = input.stats().layout;
  const Wrapper wrapper = input.stats().wrapper;
  input.rewind();
  if (!plain) return std::nullopt;
  SplitPlan plan;
  plan.layout = layout;
  // Chunks are told the wrapper (they cannot sniff it mid-file). A partial
  // line (CRI `P`) that crosses a chunk start is inside the warm-up, like a
  // stack trace.
  plan.wrapper = wrapper;
  if (!splittable(plan.layout)) return std::nullopt;

  uint64_t chunk = tuning.split_chunk_bytes
                       ? tuning.split_chunk_bytes
                       : std::max<uint64_t>(size / (2 * uint64_t{threads}), kMinAutoChunk);
  uint64_t n = (size + chunk - 1) / chunk;
  // Equal shares per worker: five chunks on two threads would leave one
  // thread reading the fifth alone.
  if (!tuning.split_chunk_bytes) n = (n + threads - 1) / threads * threads;
  if (n < 2) return std::nullopt;
  plan.size = size;
  for (uint64_t i = 0; i <= n; ++i) plan.bounds.push_back(size / n * i + size % n * i / n);
  return plan;
}

void run_chunk(const InputReader& input, const SplitPlan& plan, size_t k, RecordMatcher* matcher,
               const ExtractOptions& opts, const ExtractTuning& tuning, ChunkResult& out,
               const std::function<void(uint64_t)>* progress) {
  const uint64_t begin = plan.bounds[k], end = plan.bounds[k + 1];
  uint64_t warm = std::max<uint64_t>(tuning.split_warmup_bytes, 1);
  for (;;) {
    out = ChunkResult{};
    CollectDiagnostics diag(out.diags);
    ReaderOptions ro = input.options();
    ro.layout = plan.layout;
    ro.wrapper = plan.wrapper;
    const uint64_t start = begin > warm ? begin - warm : 0;
    InputReader reader(input.input(), 0, ro, diag);
    ReaderAccess::start_at(reader, start);
    InputExtractor ex(reader.input(), matcher, opts, diag);
    ex.set_layout(plan.layout);
    int64_t t0 = INT64_MIN, t1 = INT64_MIN;  // first and last warm-up record times
    bool grow = false;
    uint64_t reported = begin, since_check = 0;
    while (const Record* rec = reader.next()) {
      uint64_t off = ReaderAccess::stream_base(reader) + rec->raw.offset;
      if (off < begin) {
        if (rec->time.valid()) {
          if (t0 == INT64_MIN) t0 = rec->time.utc_ns;
          t1 = rec->time.utc_ns;
        }
        ex.warm_up(*rec);
        continue;
      }
      if (!out.has_first) {
        out.has_first = true;
        out.first_offset = off;
        out.first_line = rec->raw.line;
        out.start = ex.seam_state();
        // A warm-up that started mid-file must cover the history window.
        bool enough =
            start == 0 ||
            (t0 != INT64_MIN && (t1 - t0 > kHistoryNs || out.start.gaps.size() >= kHistoryCap));
        if (!enough && warm < kMaxWarmup && start > 0) {
          grow = true;
          break;
        }
      }
      if (off >= end) {
        out.has_stop = true;
        out.stop_offset = off;
        out.stop_line = rec->raw.line;
        break;
      }
      // A time-only or year-less stamp takes its date from far back.
      if (rec->time.year_inferred) {
        out.ok = false;
        break;
      }
      count_record(*rec, out.stats);
      ex.on_record_deferred(*rec, out.out);
      if (progress && ++since_check >= 8192) {
        since_check = 0;
        (*progress)(off - reported);
        reported = off;
      }
    }
    if (grow) {
      // Scale by how much of the window the last try covered (dense logs
      // need megabytes for 15 s), with some slack.
      uint64_t f = t0 != INT64_MIN && t1 > t0
                       ? static_cast<uint64_t>(3 * kHistoryNs / (2 * (t1 - t0))) + 1
                       : 4;
      warm *= std::clamp<uint64_t>(f, 2, 16);
      continue;
    }
    if (!out.has_first) out.start = ex.seam_state();
    out.end = ex.seam_state();
    out.stats.layout = plan.layout;
    out.stats.wrapper = plan.wrapper;
    out.stats.zone_name = reader.stats().zone_name;
    out.stats.bytes = end - begin;
    if (progress && end > reported) (*progress)(end - reported);
    return;
  }
}

bool stitch_chunks(const InputReader& input, const SplitPlan& plan,
                   std::vector<ChunkResult>& chunks, const ExtractOptions& opts, EventSink& sink,
                   DiagnosticSink& diag) {
  const size_t n = chunks.size();
  if (n == 0) return false;
  // base[k]: the true line number of chunk k's line 1, minus one.
  std::vector<uint64_t> base(n, 0);
  for (size_t k = 0; k < n; ++k) {
    const ChunkResult& c = chunks[k];
    if (!c.ok) return false;
    if (k == 0) continue;
    const ChunkResult& p = chunks[k - 1];
    if (p.has_stop != c.has_first) return false;
    if (!c.has_first) {  // the file ended before N_k
      if (c.has_stop) return false;
      base[k] = base[k - 1];
      continue;
    }
    if (p.stop_offset != c.first_offset || !(p.end == c.start)) return false;
    if (p.stop_line + base[k - 1] < c.first_line) return false;
    base[k] = base[k - 1] + p.stop_line - c.first_line;
  }

  InputExtractor fin(input.input(), nullptr, opts, diag);
  fin.set_layout(plan.layout);
  InputStats st;
  st.layout = plan.layout;
  st.wrapper = plan.wrapper;
  st.zone_name = chunks[0].stats.zone_name;
  st.files_read = 1;
  for (size_t k = 0; k < n; ++k) {
    ChunkResult& c = chunks[k];
    merge_stats(c.stats, st);
    for (Diagnostic& d : c.diags) {
      if (d.line > 0) {
        // Warm-up records are the previous chunk's to report.
        if (!c.has_first || d.line < c.first_line || (c.has_stop && d.line >= c.stop_line))
          continue;
        d.line += base[k];
      }
      diag.report(d);
    }
    auto& hosts = c.out.hosts;
    auto& events = c.out.events;
    size_t h = 0;
    for (size_t j = 0; j < events.size(); ++j) {
      for (; h < hosts.size() && hosts[h].before_event <= j; ++h)
        fin.observe_hosts(hosts[h].host, hosts[h].count);
      events[j].line += base[k];
      fin.finalize(events[j], sink);
    }
    for (; h < hosts.size(); ++h) fin.observe_hosts(hosts[h].host, hosts[h].count);
    c = ChunkResult{};  // free its events now
  }
  sink.on_input(fin.summary(st));
  return true;
}

}  // namespace logcorr::detail
