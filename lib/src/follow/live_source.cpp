#include "live_source.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "logcorr/discover.hpp"

namespace logcorr::detail {

namespace {
constexpr size_t kSniffBytes = 64 * 1024;
}  // namespace

LiveSource::LiveSource(std::string id, std::string_view path, RecordMatcher* matcher,
                       const LiveOptions& opts, DiagnosticSink& diag, EventSink& events)
    : id_(std::move(id)), opts_(opts), diag_(diag), events_(events) {
  li_.label = id_;
  li_.base_path = path.empty() ? id_ : std::string(path);
  if (!path.empty() && path != "-") {
    li_.files.push_back(InputFile{std::string(path), ""});
    li_.host_hint = host_hint_from_path(std::string(path));
  }
  ex_ = std::make_unique<InputExtractor>(li_, matcher, opts_.analyze, diag_);
  const ReaderOptions& ro = opts_.analyze.open.reader;
  stats_.zone_name = ro.zone ? ro.zone->name() : "UTC";
  stats_.files_read = 1;
}

void LiveSource::start_framing(std::string_view head) {
  const ReaderOptions& ro = opts_.analyze.open.reader;
  layout_ = ro.layout ? *ro.layout : sniff_layout(head);
  stats_.layout = layout_;
  ex_->set_layout(layout_);
  framer_ = std::make_unique<Framer>(framing_for(layout_), classifier_for(layout_), ro.framer);
  ParseOptions po;
  po.zone = ro.zone;
  po.zone_from_user = ro.zone_from_user;
  po.year = ro.year;
  po.reference_ns = INT64_MIN;  // live: year-less stamps are read near "now"
  po.jvm_start_ns = ro.jvm_start_ns;
  po.boot_ns = ro.boot_ns;
  po.path = li_.base_path;
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
    if (head_lines_ < opts_.sniff_lines && head_.size() < kSniffBytes) return;
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
    if (head_records_.size() < opts_.sniff_lines && head_.size() < kSniffBytes) return;
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
    framer_ = std::make_unique<Framer>(framing_for(layout_), classifier_for(layout_),
                                       opts_.analyze.open.reader.framer);
  }
  ++stats_.files_read;
}

void LiveSource::end() {
  flush(wall_ns_);
  if (framer_ && !records_mode_) framer_->finish(*this);
  ex_->finish(events_);
  ended_ = true;
}

void LiveSource::on_record(const RawRecord& raw) {
  rec_ = Record{};
  parser_->parse(raw, rec_);
  rec_.raw = raw;
  if (raw.truncated) {
    ++stats_.truncated_records;
    if (stats_.truncated_records <= 3) {
      Diagnostic d;
      d.severity = Severity::kWarning;
      d.path = li_.base_path;
      d.line = raw.line;
      d.message = fmt::format("record longer than {} bytes was cut",
                              opts_.analyze.open.reader.framer.max_record_bytes);
      diag_.report(d);
    }
  }
  ++stats_.records;
  if (rec_.time.valid()) {
    int64_t t = rec_.time.utc_ns;
    stats_.first_ns = std::min(stats_.first_ns, t);
    stats_.last_ns = std::max(stats_.last_ns, t);
    if (rec_.time.zone == ZoneSource::kAssumed) ++stats_.assumed_zone_records;
    if (rec_.time.zone == ZoneSource::kUser) ++stats_.user_zone_records;
    if (rec_.time.year_inferred) ++stats_.year_inferred_records;
    if (t > newest_ns_) {
      newest_ns_ = t;
      last_progress_wall_ = wall_ns_;
    }
  } else {
    ++stats_.records_without_time;
  }
  ex_->on_record(rec_, events_);
}

LiveSourceStats LiveSource::stats() const {
  LiveSourceStats s;
  s.id = id_;
  s.layout = layout_;
  s.bytes = stats_.bytes;
  s.records = stats_.records;
  s.events = ex_->events();
  s.files = stats_.files_read;
  s.newest_ns = newest_ns_;
  s.ended = ended_;
  return s;
}

}  // namespace logcorr::detail
