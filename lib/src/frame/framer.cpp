// Framer engine: lines in, records out, with as little copying as possible.
//
// Every record is a contiguous byte range of the stream, [rec_off, committed)
// (the final terminator excluded), so a record that lies inside the chunk
// being fed is handed out as a view into it. Only two things outlive a feed()
// call and are copied: the held-back newest record (the next line may still
// continue it) and an unterminated last line. Both live in reused buffers
// capped at max_record_bytes (+1), so a 50 MB line costs one bounded copy,
// never a quadratic regrow, and the tail of an over-long record is counted,
// not stored.
//
// Line numbers count every '\n' of the stream, including those inside export
// binary fields, so `line` is what an editor shows at `offset`.
#include <algorithm>
#include <cstring>
#include <string>

#include "frame/line_rules.hpp"
#include "logcorr/frame.hpp"

namespace logcorr {

using frame_detail::Act;
using frame_detail::Decision;

namespace {

// One physical line handed to the rules. `ptr` holds `avail` bytes of the
// stream starting at `off`: the line head (all of it unless capped) plus the
// '\n' when it is there.
struct Line {
  const char* ptr;
  uint64_t off;
  uint64_t len;      // logical length without '\n'
  uint64_t content;  // len minus the CR of a CRLF
  uint64_t avail;
  bool terminated;
};

}  // namespace

struct Framer::State {
  Framing framing;
  const LineClassifier* cls;
  FramerOptions opts;

  uint64_t stream_pos = 0;  // offset of the chunk being fed
  uint64_t lines = 0;       // '\n' seen so far
  char last_byte = '\n';
  uint64_t truncated_bytes = 0;
  const char* chunk = nullptr;
  uint64_t chunk_base = 0;

  // The held-back record.
  bool rec_active = false;
  bool rec_in_chunk = false;  // else in rec_buf
  uint64_t rec_off = 0;
  uint64_t rec_line = 0;
  uint64_t rec_last_line = 0;
  uint64_t committed = 0;  // end of the text so far
  uint64_t tent = 0;       // end of the bytes absorbed (terminators, blank lines)
  std::string rec_buf;     // stream bytes [rec_off, rec_off + size), size <= cap

  // An unterminated line carried into the next chunk.
  bool have_partial = false;
  uint64_t line_off = 0;
  uint64_t line_len = 0;
  char line_last = 0;
  std::string line_buf;  // its head, at most cap + 1 bytes

  // Export binary field: NAME\n <u64 LE length> <bytes> \n.
  enum class Bin : uint8_t { kNone, kLength, kPayload } bin = Bin::kNone;
  unsigned char len_bytes[8] = {};
  unsigned len_have = 0;
  uint64_t bin_left = 0;
  bool after_binary = false;  // the next line is the '\n' that ends the field
  // Export: the held entry had a binary field whose length was absurd (the
  // 8 length bytes were lost, e.g. in a copy-paste). Its payload then shows up
  // as text lines that may include empty ones, so an empty line no longer
  // proves the entry ended: the entry runs on until a `__CURSOR=` line
  // (journalctl starts every entry with it), or the end of the stream.
  bool damaged_entry = false;
  // kIndentUnderHeader: the held record began with an indented line.
  bool head_indented = false;

  State(Framing f, const LineClassifier* c, FramerOptions o) : framing(f), cls(c), opts(o) {
    if (opts.max_record_bytes == 0) opts.max_record_bytes = 1;
    if (opts.max_record_lines == 0) opts.max_record_lines = 1;
  }

  size_t cap() const { return opts.max_record_bytes; }

  // Appends stream bytes [off, off + n) at `p` to rec_buf, keeping only what
  // falls inside the record's head.
  void absorb_bytes(const char* p, uint64_t off, uint64_t n) {
    uint64_t have_end = rec_off + rec_buf.size();
    uint64_t head_end = rec_off + cap();
    uint64_t lo = std::max(off, have_end);
    uint64_t hi = std::min(off + n, head_end);
    if (lo < hi && lo == have_end) rec_buf.append(p + (lo - off), hi - lo);
  }

  void emit(RecordSink& sink) {
    damaged_entry = false;
    if (!rec_active) return;
    rec_active = false;
    uint64_t len = committed - rec_off;
    size_t keep = len > cap() ? cap() : static_cast<size_t>(len);
    RawRecord r;
    r.text = std::string_view(rec_in_chunk ? chunk + (rec_off - chunk_base) : rec_buf.data(), keep);
    r.line = rec_line;
    r.offset = rec_off;
    r.line_count = static_cast<uint32_t>(rec_last_line - rec_line + 1);
    r.truncated = len > keep;
    truncated_bytes += len - keep;
    sink.on_record(r);
    rec_buf.clear();
  }

  void start(const Line& l, uint8_t skip, bool line_in_buf, uint64_t ln) {
    if (skip > l.content) skip = static_cast<uint8_t>(l.content);
    rec_active = true;
    rec_off = l.off + skip;
    rec_line = rec_last_line = ln;
    committed = l.off + l.content;
    tent = l.off + l.len + (l.terminated ? 1 : 0);
    if (!line_in_buf) {
      rec_in_chunk = true;
      return;
    }
    // The line was assembled across chunks: adopt its buffer rather than copy.
    rec_in_chunk = false;
    rec_buf.swap(line_buf);
    rec_buf.erase(0, std::min<size_t>(skip, rec_buf.size()));
    if (rec_buf.size() > cap()) rec_buf.resize(cap());
  }

  void extend(const Line& l) {
    if (!rec_in_chunk) absorb_bytes(l.ptr, l.off, l.avail);
    tent = l.off + l.len + (l.terminated ? 1 : 0);
  }

  void process(const Line& l, bool line_in_buf, RecordSink& sink) {
    const uint64_t ln = lines + 1;
    // The rules see at most `cap` bytes, however the line arrived, so that
    // chunking can never change a decision.
    std::string_view head(l.ptr, std::min<uint64_t>({l.content, l.avail, cap()}));
    Decision d;
    if (after_binary) {
      // The rest of a binary field (normally just its closing '\n'): part of
      // the entry whatever it looks like.
      after_binary = false;
      d.act = Act::kCont;
    } else {
      d = frame_detail::decide(framing, cls, head);
      if (damaged_entry && rec_active) {
        if (d.act == Act::kEnd) {
          d.act = Act::kBlank;
        } else if (head.substr(0, 9) == "__CURSOR=") {
          d.act = Act::kStart;
          d.binary = false;
        }
      }
      // Bare text: indented lines with no unindented line above them are not
      // a block, just lines (kubectl output); they never join each other.
      if (framing == Framing::kIndentUnderHeader && d.act == Act::kCont && rec_active &&
          head_indented)
        d.act = Act::kStart;
    }
    if (d.act == Act::kCont && rec_active && ln - rec_line >= opts.max_record_lines &&
        d.binary == false && bin == Bin::kNone) {
      d.act = Act::kStart;  // runaway continuation: more likely a wrong layout
    }
    switch (d.act) {
      case Act::kEnd:
        emit(sink);
        break;
      case Act::kBlank:
        if (rec_active) extend(l);
        break;
      case Act::kCont:
        if (rec_active) {
          extend(l);
          committed = l.off + l.content;
          rec_last_line = ln;
          break;
        }
        [[fallthrough]];  // a continuation with nothing to continue: orphan
      case Act::kStart:
        emit(sink);
        start(l, d.skip, line_in_buf, ln);
        head_indented = !head.empty() && frame_detail::indented(head);
        break;
    }
    if (l.terminated) ++lines;
    if (d.binary && rec_active && l.terminated) {
      bin = Bin::kLength;
      len_have = 0;
    }
    if (d.close) emit(sink);
  }

  // Consumes export binary-field bytes from chunk[i..n); returns the new i.
  size_t consume_binary(const char* p, size_t i, size_t n) {
    size_t start_i = i;
    while (i < n && bin == Bin::kLength) {
      len_bytes[len_have++] = static_cast<unsigned char>(p[i++]);
      if (len_have == 8) {
        uint64_t v = 0;
        for (int k = 7; k >= 0; --k) v = (v << 8) | len_bytes[k];
        // journald caps a field well below 4 GiB; a larger length is damage,
        // and trusting it would swallow the rest of the stream.
        if (v > (uint64_t{1} << 32)) {
          bin = Bin::kNone;
          after_binary = true;
          damaged_entry = rec_active;
        } else {
          bin = Bin::kPayload;
          bin_left = v;
        }
      }
    }
    if (bin == Bin::kPayload) {
      size_t k = static_cast<size_t>(std::min<uint64_t>(bin_left, n - i));
      i += k;
      bin_left -= k;
      if (bin_left == 0) {
        bin = Bin::kNone;
        after_binary = true;
      }
    }
    size_t used = i - start_i;
    if (used > 0) {
      lines += static_cast<uint64_t>(std::count(p + start_i, p + i, '\n'));
      uint64_t off = chunk_base + start_i;
      if (rec_active) {
        if (!rec_in_chunk) absorb_bytes(p + start_i, off, used);
        tent = committed = off + used;
        rec_last_line = lines + 1;
      }
    }
    return i;
  }

  void feed(std::string_view data, RecordSink& sink) {
    const char* p = data.data();
    const size_t n = data.size();
    chunk = p;
    chunk_base = stream_pos;
    rec_in_chunk = false;
    size_t i = 0;
    while (i < n) {
      if (bin != Bin::kNone) {
        i = consume_binary(p, i, n);
        continue;
      }
      const void* nlp = std::memchr(p + i, '\n', n - i);
      if (have_partial) {
        size_t stop = nlp ? static_cast<size_t>(static_cast<const char*>(nlp) - p) : n;
        size_t room = cap() + 1 - std::min(cap() + 1, line_buf.size());
        line_buf.append(p + i, std::min(room, stop - i));
        line_len += stop - i;
        if (stop > i) line_last = p[stop - 1];
        if (!nlp) return finish_feed(n);
        i = stop + 1;
        finish_partial(true, sink);
        continue;
      }
      if (!nlp) {
        have_partial = true;
        line_off = chunk_base + i;
        line_len = n - i;
        line_last = p[n - 1];
        line_buf.assign(p + i, std::min<size_t>(n - i, cap() + 1));
        break;
      }
      size_t e = static_cast<size_t>(static_cast<const char*>(nlp) - p);
      Line l;
      l.ptr = p + i;
      l.off = chunk_base + i;
      l.len = e - i;
      l.content = l.len - (l.len > 0 && p[e - 1] == '\r' ? 1 : 0);
      l.avail = l.len + 1;
      l.terminated = true;
      process(l, false, sink);
      i = e + 1;
    }
    finish_feed(n);
  }

  // The assembled partial line is complete (terminated) or the stream ended.
  void finish_partial(bool terminated, RecordSink& sink) {
    have_partial = false;
    bool whole = line_buf.size() == line_len;
    if (terminated && whole) line_buf.push_back('\n');
    Line l;
    l.ptr = line_buf.data();
    l.off = line_off;
    l.len = line_len;
    l.content = line_len - (terminated && line_len > 0 && line_last == '\r' ? 1 : 0);
    l.avail = line_buf.size();
    l.terminated = terminated;
    process(l, true, sink);
    line_buf.clear();
  }

  // End of a chunk: the held record must survive the caller's buffer.
  void finish_feed(size_t n) {
    if (rec_active && rec_in_chunk) {
      const char* src = chunk + (rec_off - chunk_base);
      rec_buf.assign(src, static_cast<size_t>(std::min<uint64_t>(tent - rec_off, cap())));
      rec_in_chunk = false;
    }
    stream_pos += n;
    last_byte = chunk[n - 1];
    chunk = nullptr;
  }

  void finish(RecordSink& sink) {
    if (have_partial) finish_partial(false, sink);
    // A final unterminated line counts (it may also be the tail of a binary
    // field, which never becomes a partial line).
    if (stream_pos > 0 && last_byte != '\n') ++lines;
    last_byte = '\n';
    // A binary field cut short by the end of the stream: the entry keeps
    // what arrived.
    bin = Bin::kNone;
    after_binary = false;
    emit(sink);
  }
};

Framer::Framer(Framing framing, const LineClassifier* classifier, FramerOptions opts)
    : s_(new State(framing, classifier, opts)) {}
Framer::~Framer() {
  delete s_;
}

void Framer::feed(std::string_view chunk, RecordSink& sink) {
  if (!chunk.empty()) s_->feed(chunk, sink);
}
void Framer::finish(RecordSink& sink) {
  s_->finish(sink);
}
void Framer::flush(RecordSink& sink) {
  // An export entry in the middle of a binary field is not complete; cutting
  // it would turn the rest of the field into a bogus record.
  if (s_->bin != State::Bin::kNone || s_->after_binary) return;
  s_->emit(sink);
}
uint64_t Framer::lines() const {
  return s_->lines;
}
uint64_t Framer::truncated_bytes() const {
  return s_->truncated_bytes;
}
Framing Framer::framing() const {
  return s_->framing;
}

}  // namespace logcorr
