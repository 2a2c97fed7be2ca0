// Matcher: prefilter, then RE2 only for the patterns whose literal occurred.
#include "logcorr/match.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "match/broker_side.hpp"
#include "match/layouts_mask.hpp"
#include "match/prefilter.hpp"

namespace logcorr {
namespace {

struct Compiled {
  std::unique_ptr<RE2> re;
  EventKind kind;
  uint64_t layouts;
  bool systemd_lifecycle;      // broker_stop/start of the systemd pack: broker-unit rule applies
  bool client_is_application;  // the pack's clients never name themselves
  int32_t prefix_set = -1;     // index into Impl::prefix_sets: the pack's broker prefixes, or -1
  std::string pattern_name;    // "pack/id"
  std::vector<std::pair<std::string, std::string>> fixed;  // copied: no views into the PatternSet
  // Pre-allocated capture arguments: one per capturing group.
  std::vector<re2::StringPiece> groups;
  std::vector<RE2::Arg> args;
  std::vector<const RE2::Arg*> arg_ptrs;
  std::vector<std::string> names;  // per group index - 1; "" for unnamed groups
};

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  auto it = std::search(hay.begin(), hay.end(), needle.begin(), needle.end(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
  return it != hay.end();
}

int32_t parse_id(std::string_view s) {
  int32_t v = -1;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0) return -1;
  return v;
}

}  // namespace

struct Matcher::Impl {
  MatcherOptions opts;
  std::vector<Compiled> pats;
  std::vector<std::string> literals;
  std::vector<std::vector<uint32_t>> lit_to_pats;
  // Per pack with `broker_prefixes`, its list (copied: no views into the
  // PatternSet). In practice one pack (kafka-java-client) has one.
  std::vector<std::vector<std::string>> prefix_sets;
  std::unique_ptr<detail::WindowScanner> scanner;  // every literal
  // Per layout, made on first use: the literals of the patterns that apply
  // to it (a GC log is not searched for client wording, nor a client log
  // for GC pauses): fewer literals, longer windows, fewer stops.
  struct LayoutScanner {
    std::unique_ptr<detail::WindowScanner> scanner;
    std::vector<uint32_t> literal;  // the scanner's literal i is literals[literal[i]]
  };
  std::vector<std::unique_ptr<LayoutScanner>> by_layout;
  // Scratch, reused per record.
  std::vector<uint64_t> cand;  // bitset over pats
  std::vector<uint32_t> cand_list;

  bool is_broker_unit(std::string_view unit) const {
    for (const std::string& b : opts.broker_units)
      if (icontains(unit, b)) return true;
    return false;
  }

  const LayoutScanner& scanner_for(Layout layout) {
    const auto k = static_cast<size_t>(layout);
    if (k >= by_layout.size()) by_layout.resize(k + 1);
    if (!by_layout[k]) {
      auto ls = std::make_unique<LayoutScanner>();
      const uint64_t lbit = detail::layout_bit(layout);
      std::vector<std::string> lits;
      for (uint32_t li = 0; li < literals.size(); ++li)
        for (uint32_t pi : lit_to_pats[li])
          if (pats[pi].layouts & lbit) {
            lits.push_back(literals[li]);
            ls->literal.push_back(li);
            break;
          }
      ls->scanner = std::make_unique<detail::WindowScanner>(lits);
      by_layout[k] = std::move(ls);
    }
    return *by_layout[k];
  }

  size_t run(std::string_view msg, const Record* rec, Layout layout, std::vector<Event>& out,
             std::string_view application = {});
};

Matcher::Matcher(const PatternSet& set, MatcherOptions opts, DiagnosticSink* diag)
    : p_(std::make_unique<Impl>()) {
  p_->opts = std::move(opts);
  std::map<std::string, uint32_t> lit_index;
  for (const Pack& pack : set.packs) {
    if (std::find(p_->opts.skip_packs.begin(), p_->opts.skip_packs.end(), pack.name) !=
        p_->opts.skip_packs.end())
      continue;
    int32_t prefix_set = -1;
    if (!pack.broker_prefixes.empty()) {
      prefix_set = static_cast<int32_t>(p_->prefix_sets.size());
      p_->prefix_sets.push_back(pack.broker_prefixes);
    }
    for (const Pattern& pat : pack.patterns) {
      RE2::Options o;
      o.set_log_errors(false);
      auto re = std::make_unique<RE2>(pat.regex, o);
      if (!re->ok()) {
        if (diag) {
          Diagnostic d;
          d.path = pack.file;
          d.line = pat.line;
          d.message = "regex does not compile: " + re->error();
          diag->report(d);
        }
        continue;
      }
      Compiled c;
      c.kind = pat.kind;
      c.layouts = pat.layouts;
      c.systemd_lifecycle = pack.name == "systemd" && (pat.kind == EventKind::kBrokerStop ||
                                                       pat.kind == EventKind::kBrokerStart);
      c.client_is_application = pack.client_is_application;
      c.prefix_set = prefix_set;
      c.pattern_name = pack.name + "/" + pat.id;
      c.fixed = pat.fields;
      const int n = re->NumberOfCapturingGroups();
      c.groups.resize(n);
      c.args.resize(n);
      c.arg_ptrs.resize(n);
      c.names.resize(n);
      for (int i = 0; i < n; ++i) {
        c.args[i] = RE2::Arg(&c.groups[i]);
        c.arg_ptrs[i] = &c.args[i];
      }
      for (const auto& [name, idx] : re->NamedCapturingGroups()) c.names[idx - 1] = name;
      c.re = std::move(re);
      const auto pi = static_cast<uint32_t>(p_->pats.size());
      for (const std::string& l : pat.literals) {
        auto [it, fresh] = lit_index.emplace(l, static_cast<uint32_t>(p_->literals.size()));
        if (fresh) {
          p_->literals.push_back(l);
          p_->lit_to_pats.emplace_back();
        }
        p_->lit_to_pats[it->second].push_back(pi);
      }
      p_->pats.push_back(std::move(c));
    }
  }
  // Pointers into pats (arg_ptrs -> args -> groups) were taken before the
  // move into the vector; re-point them now that addresses are final.
  for (Compiled& c : p_->pats)
    for (size_t i = 0; i < c.groups.size(); ++i) {
      c.args[i] = RE2::Arg(&c.groups[i]);
      c.arg_ptrs[i] = &c.args[i];
    }
  p_->scanner = std::make_unique<detail::WindowScanner>(p_->literals);
  p_->cand.assign((p_->pats.size() + 63) / 64, 0);
  p_->cand_list.reserve(p_->pats.size());
}

Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

size_t Matcher::pattern_count() const {
  return p_->pats.size();
}
size_t Matcher::literal_count() const {
  return p_->literals.size();
}

bool Matcher::prefilter_passes(std::string_view text) const {
  return p_->scanner->any(text);
}

size_t Matcher::match(const Record& rec, Layout layout, std::vector<Event>& out,
                      std::string_view application) {
  return p_->run(rec.message.empty() ? rec.raw.text : rec.message, &rec, layout, out, application);
}

size_t Matcher::match_text(std::string_view text, Layout layout, std::vector<Event>& out) {
  return p_->run(text, nullptr, layout, out);
}

size_t Matcher::Impl::run(std::string_view msg, const Record* rec, Layout layout,
                          std::vector<Event>& out, std::string_view application) {
  const uint64_t lbit = detail::layout_bit(layout);
  cand_list.clear();
  const LayoutScanner& ls = scanner_for(layout);
  ls.scanner->scan(msg, [&](uint32_t k) {
    const uint32_t lit = ls.literal[k];
    for (uint32_t pi : lit_to_pats[lit]) {
      uint64_t& w = cand[pi >> 6];
      const uint64_t b = uint64_t{1} << (pi & 63);
      if (w & b) continue;
      w |= b;
      if (pats[pi].layouts & lbit) cand_list.push_back(pi);
    }
  });
  if (cand_list.empty()) {
    // Only the words that were touched need clearing, but a record with a
    // literal hit and no layout match is rare: clear all.
    std::fill(cand.begin(), cand.end(), 0);
    return 0;
  }
  std::fill(cand.begin(), cand.end(), 0);
  std::sort(cand_list.begin(), cand_list.end());

  const size_t first = out.size();
  ptrdiff_t symptom_at = -1;  // index in out of this record's symptom event
  uint32_t kinds_seen = 0;    // cause/context kinds already emitted
  // Whether the record carries a broker component's prefix, per prefix set:
  // worked out at the first event of such a pack, at most once per record.
  int32_t side_set = -1;
  bool side_broker = false;
  const re2::StringPiece text(msg.data(), msg.size());
  for (uint32_t pi : cand_list) {
    Compiled& c = pats[pi];
    const bool symptom = is_symptom(c.kind);
    if (symptom && symptom_at >= 0 && out[symptom_at].kind <= c.kind) continue;
    if (!symptom && (kinds_seen >> static_cast<unsigned>(c.kind)) & 1) continue;
    if (!RE2::PartialMatchN(text, *c.re, c.arg_ptrs.data(), static_cast<int>(c.arg_ptrs.size())))
      continue;

    Event e;
    e.kind = c.kind;
    e.pattern = c.pattern_name;
    std::string_view unit, description;
    bool has_pod = false;
    for (size_t g = 0; g < c.groups.size(); ++g) {
      if (c.names[g].empty() || c.groups[g].data() == nullptr) continue;
      std::string_view v(c.groups[g].data(), c.groups[g].size());
      const std::string& name = c.names[g];
      e.fields.emplace_back(name, std::string(v));
      if (name == "node" || name == "broker") {
        if (e.broker < 0) e.broker = parse_id(v);
      } else if (name == "host") {
        if (!v.empty() && !has_pod) e.host.assign(v);
      } else if (name == "pod") {
        // A Kubernetes pod is the host of its events (the node is not).
        if (!v.empty()) {
          e.host.assign(v);
          has_pod = true;
        }
      } else if (name == "ip") {
        if (e.host.empty() && !v.empty()) e.host.assign(v);
      } else if (name == "client_id") {
        e.client.assign(v);
      } else if (name == "unit") {
        unit = v;
      } else if (name == "description") {
        description = v;
      }
    }
    for (const auto& f : c.fixed) e.fields.push_back(f);
    if (c.prefix_set >= 0) {
      if (side_set != c.prefix_set) {
        side_set = c.prefix_set;
        side_broker = detail::first_line_has_prefix(msg, prefix_sets[c.prefix_set]);
      }
      if (side_broker && e.field("side").empty()) e.fields.emplace_back("side", "broker");
    }
    if (c.client_is_application && e.client.empty()) e.client.assign(application);
    if (c.systemd_lifecycle) {
      // Only PID 1 reports unit lifecycle; an application that logs
      // "Started …" is not systemd.
      // (`-o with-unit` shows PID 1 as its unit, init.scope.)
      if (rec && !rec->meta.identifier.empty() && rec->meta.identifier != "systemd" &&
          rec->meta.identifier != "init.scope")
        continue;
      if (unit.empty() && rec) unit = rec->meta.unit;
      const bool broker = !unit.empty() ? is_broker_unit(unit) : is_broker_unit(description);
      if (!broker) continue;
    }
    if (rec) {
      // The record's own host (a journal's _HOSTNAME, a kubectl --prefix pod)
      // is where a cause happened; a symptom's host is the broker its error
      // names, never the client that logged it.
      if (e.host.empty() && !symptom) e.host.assign(rec->meta.host);
      e.time_ns = rec->time.utc_ns;
      e.precision = rec->time.precision;
      e.time_valid = rec->time.valid();
      e.input_index = rec->input_index;
      e.line = rec->raw.line;
      e.text.assign(rec->raw.text.substr(0, opts.max_text_bytes));
    } else {
      e.text.assign(msg.substr(0, opts.max_text_bytes));
    }
    if (symptom) {
      if (symptom_at >= 0) {
        out[symptom_at] = std::move(e);
      } else {
        symptom_at = static_cast<ptrdiff_t>(out.size());
        out.push_back(std::move(e));
      }
    } else {
      kinds_seen |= uint32_t{1} << static_cast<unsigned>(c.kind);
      out.push_back(std::move(e));
    }
  }
  return out.size() - first;
}

}  // namespace logcorr
