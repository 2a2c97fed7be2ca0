#include "extract/live_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "input/reader_core.hpp"
#include "logcorr/discover.hpp"

namespace logcorr::detail {

LiveSource::LiveSource(std::string id, std::string_view path, RecordMatcher* matcher,
                       const ExtractOptions& opts, uint32_t sniff_lines, DiagnosticSink& diag,
                       EventSink& events)
    : id_(std::move(id)), opts_(opts), sniff_lines_(sniff_lines), diag_(diag), events_(events) {
  li_.label = id_;
  li_.base_path = path.empty() ? id_ : std::string(path);
  if (!path.empty() && path != "-") {
    li_.files.push_back(InputFile{std::string(path), ""});
    li_.host_hint = host_hint_from_path(std::string(path));
  }
  ex_ = std::make_unique<InputExtractor>(li_, matcher, opts_, diag_);
  const ReaderOptions& ro = opts_.open.reader;
  stats_.zone_name = ro.zone ? ro.zone->name() : "UTC";
  stats_.files_read = 1;
}

void LiveSource::new_framer() {
  auto cls = make_classifier(layout_, wrapper_);
  framer_ =
      std::make_unique<Framer>(framing_for(layout_, wrapper_),
                               cls ? cls.get() : classifier_for(layout_), opts_.open.reader.framer);
  wrapped_classifier_ = std::move(cls);
}

void LiveSource::start_framing(std::string_view head) {
  const ReaderOptions& ro = opts_.open.reader;
  layout_ = ro.layout ? *ro.layout : sniff_layout(head);
  wrapper_ = ro.wrapper ? *ro.wrapper : sniff_wrapper(head);
  stats_.layout = layout_;
  stats_.wrapper = wrapper_;
  kube_ = kube_doc_for(layout_);
  ex_->set_layout(layout_);
  new_framer();
  // Live: year-less stamps are read near "now" (no file time to go by).
  ParseOptions po = parse_options_for(ro, li_.base_path, INT64_MIN);
  po.wrapper = wrapper_;
  po.date_order = sniff_date_order(head);
  po.coloured = head.find('\x1b') != std::string_view::npos;
  if (!po.date_days) {
    // Live lines are being written now: a clock without a date is today's.
    const Zone& z = ro.zone ? *ro.zone : *Zone::utc();
    int64_t now_s = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    int64_t local = now_s + z.offset_at(now_s);
    po.date_days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  }
  parser_ = std::make_unique<RecordParser>(layout_, std::move(po), &diag_);
  stats_.zone_source = parser_->zone_source();
}

void LiveSource::feed(std::string_view bytes, int64_t wall_ns) {
  if (bytes.empty()) return;
  wall_ns_ = wall_ns;
  last_bytes_wall_ = wall_ns;
  stats_.bytes += bytes.size();
  stats_.raw_bytes += bytes.size();
  pending_ = true;
  if (!framer_) {
    // Sniffing wants whole lines; a pipe may deliver a few bytes at a time.
    head_.append(bytes);
    head_lines_ += static_cast<uint32_t>(std::count(bytes.begin(), bytes.end(), '\n'));
    if (head_lines_ < sniff_lines_ && head_.size() < kSniffBytes) return;
    start_framing(head_);
    std::string head = std::move(head_);
    head_.clear();
    head_.shrink_to_fit();
    framer_->feed(head, *this);
    return;
  }
  framer_->feed(bytes, *this);
}

void LiveSource::feed_record(std::string_view text, int64_t wall_ns) {
  records_mode_ = true;
  wall_ns_ = wall_ns;
  last_bytes_wall_ = wall_ns;
  stats_.bytes += text.size() + 1;
  stats_.raw_bytes += text.size() + 1;
  if (!parser_) {
    pending_ = true;
    head_records_.emplace_back(text);
    head_.append(text).push_back('\n');
    if (head_records_.size() < sniff_lines_ && head_.size() < kSniffBytes) return;
    start_records();
    return;
  }
  direct_record(text);
}

void LiveSource::start_records() {
  start_framing(head_);
  head_.clear();
  head_.shrink_to_fit();
  std::vector<std::string> recs = std::move(head_records_);
  head_records_.clear();
  for (const std::string& r : recs) direct_record(r);
  pending_ = false;
}

void LiveSource::direct_record(std::string_view text) {
  // Same shape as the framer's records: no final terminator, a CR before it
  // dropped.
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  RawRecord raw;
  raw.text = text;
  raw.line = next_line_;
  raw.offset = next_offset_;
  raw.line_count = 1 + static_cast<uint32_t>(std::count(text.begin(), text.end(), '\n'));
  next_line_ += raw.line_count;
  next_offset_ += text.size() + 1;
  on_record(raw);
}

void LiveSource::flush(int64_t wall_ns) {
  if (records_mode_) {
    // Records are whole already: only a head still waiting for its sniff.
    if (!parser_ && !head_records_.empty()) start_records();
    ex_->finish(events_);
    pending_ = false;
    return;
  }
  if (!pending_) return;
  wall_ns_ = std::max(wall_ns_, wall_ns);
  if (!framer_) {
    if (head_.empty()) return;
    start_framing(head_);
    std::string head = std::move(head_);
    head_.clear();
    framer_->feed(head, *this);
  }
  framer_->flush(*this);
  ex_->finish(events_);
  pending_ = false;
}

void LiveSource::restart() {
  flush(wall_ns_);
  if (framer_) {
    framer_->finish(*this);
    // Same layout, fresh line numbers: the new file is read from its start.
    new_framer();
  }
  ++stats_.files_read;
}

void LiveSource::end() {
  flush(wall_ns_);
  if (framer_ && !records_mode_) framer_->finish(*this);
  if (kube_ != KubeDoc::kNone && !kube_text_.empty()) kube_read(kube_);
  ex_->finish(events_);
  ended_ = true;
}

void LiveSource::on_record(const RawRecord& raw) {
  rec_ = Record{};
  parser_->parse(raw, rec_);  // sets record.raw (its text without terminal escapes)
  if (raw.truncated) {
    if (stats_.truncated_records < 3) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.path = li_.base_path;
      d.line = raw.line;
      d.message = fmt::format("record longer than {} bytes was cut",
                              opts_.open.reader.framer.max_record_bytes);
      diag_.report(d);
    }
  }
  count_record(rec_, stats_, &rec_.time.uptime_run);
  if (rec_.time.valid() && rec_.time.utc_ns > newest_ns_) {
    newest_ns_ = rec_.time.utc_ns;
    last_progress_wall_ = wall_ns_;
  }
  if (kube_ != KubeDoc::kNone) {
    kube_line(raw);
    return;
  }
  ex_->on_record(rec_, events_);
}

void LiveSource::kube_line(const RawRecord& raw) {
  if (kube_too_big_) return;
  if (kube_text_.size() + raw.text.size() + 1 > kMaxKubeDocumentBytes) {
    kube_too_big_ = true;
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = li_.base_path;
    d.line = raw.line;
    d.message = fmt::format("a Kubernetes {} document bigger than {} MiB: the rest is not read",
                            kube_doc_name(kube_), kMaxKubeDocumentBytes >> 20);
    diag_.report(d);
    return;
  }
  if (kube_ == KubeDoc::kEventsTable) {
    // Each row is read as it comes, under the table's header (`-o wide`
    // rows are cut at its column offsets).
    if (raw.text.starts_with("LAST SEEN") || raw.text.starts_with("NAMESPACE")) {
      kube_header_.assign(raw.text);
      kube_header_line_ = raw.line;
      return;
    }
    if (!kube_header_.empty()) {
      kube_text_.append(kube_header_).push_back('\n');
      kube_lines_.push_back(kube_header_line_);
    }
    kube_text_.append(raw.text).push_back('\n');
    kube_lines_.push_back(raw.line);
    kube_read(kube_);
    return;
  }
  kube_text_.append(raw.text);
  kube_text_.push_back('\n');
  kube_lines_.push_back(raw.line);
  if (kube_ != KubeDoc::kJson) return;  // describe, YAML: read at the end
  // JSON: an object is complete when its brackets close (strings never
  // span lines in JSON).
  bool in_str = false;
  for (size_t i = 0; i < raw.text.size(); ++i) {
    char c = raw.text[i];
    if (in_str) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_str = false;
      }
    } else if (c == '"') {
      in_str = true;
    } else if (c == '{' || c == '[') {
      ++kube_depth_;
    } else if (c == '}' || c == ']') {
      --kube_depth_;
    }
  }
  if (kube_depth_ <= 0) {
    kube_depth_ = 0;
    kube_read(kube_);
  }
}

void LiveSource::kube_read(KubeDoc doc) {
  KubeReadOptions ko;
  ko.path = li_.base_path;
  // Live, an age is as old as it was when the line arrived.
  int64_t arrived = utc_clock_ ? utc_clock_()
                               : std::chrono::duration_cast<std::chrono::nanoseconds>(
                                     std::chrono::system_clock::now().time_since_epoch())
                                     .count();
  ko.now_ns = opts_.now_ns != INT64_MIN ? opts_.now_ns : arrived;
  ko.now_source = opts_.now_ns != INT64_MIN ? "--now" : "the time the lines arrived";
  ko.note_reference = !kube_noted_;
  std::vector<Event> events;
  struct Mapped final : DiagnosticSink {
    DiagnosticSink& inner;
    const std::vector<uint64_t>& lines;
    Mapped(DiagnosticSink& i, const std::vector<uint64_t>& l) : inner(i), lines(l) {}
    void report(const Diagnostic& d) override {
      Diagnostic m = d;
      if (m.line > 0 && m.line <= lines.size()) m.line = lines[m.line - 1];
      inner.report(m);
    }
  } mapped(diag_, kube_lines_);
  if (read_kube(kube_text_, doc, ko, events, mapped).aged > 0) kube_noted_ = true;
  for (Event& e : events) {
    if (e.line > 0 && e.line <= kube_lines_.size()) e.line = kube_lines_[e.line - 1];
    if (e.time_valid && e.time_ns > newest_ns_) {
      newest_ns_ = e.time_ns;
      last_progress_wall_ = wall_ns_;
    }
    ex_->finalize(e, events_);
  }
  kube_text_.clear();
  kube_lines_.clear();
}

}  // namespace logcorr::detail
