// Pack loading: TOML -> Pattern, with every problem reported as file:line.
#include <re2/re2.h>

#include <toml++/toml.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "logcorr/patterns.hpp"
#include "match/layouts_mask.hpp"

namespace logcorr {
namespace {

// The prefilter's windows are byte pairs (prefilter.hpp).
constexpr size_t kMinLiteralBytes = 2;

struct Reporter {
  const std::string& path;
  DiagnosticSink& diag;
  size_t errors = 0;
  void error(uint64_t line, std::string msg) {
    Diagnostic d;
    d.severity = Severity::kError;
    d.path = path;
    d.line = line;
    d.message = std::move(msg);
    diag.report(d);
    ++errors;
  }
  void warn(uint64_t line, std::string msg) {
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.path = path;
    d.line = line;
    d.message = std::move(msg);
    diag.report(d);
  }
};

uint64_t line_of(const toml::node& n) {
  return n.source().begin.line;
}

// A string key of `t`: its value, or nullopt. A key that is there with
// another type (`name = 42`) is reported at its own line as such, and
// `present` tells the caller not to report it missing too.
std::optional<std::string> string_key(const toml::table& t, std::string_view key, Reporter& rep,
                                      bool& present) {
  const toml::node* n = t.get(key);
  present = n != nullptr;
  if (!n) return std::nullopt;
  if (auto v = n->value<std::string>()) return v;
  rep.error(line_of(*n), "'" + std::string(key) + "' must be a string");
  return std::nullopt;
}

// A boolean key: its value, or nullopt; another type is reported.
std::optional<bool> bool_key(const toml::table& t, std::string_view key, Reporter& rep) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (auto v = n->value_exact<bool>()) return v;
  rep.error(line_of(*n), "'" + std::string(key) + "' must be true or false");
  return std::nullopt;
}

// Reads an array of strings; reports non-strings.
std::vector<std::string> strings_of(const toml::node& n, Reporter& rep, std::string_view what) {
  std::vector<std::string> out;
  const toml::array* a = n.as_array();
  if (!a) {
    rep.error(line_of(n), std::string(what) + " must be an array of strings");
    return out;
  }
  for (const toml::node& e : *a) {
    if (auto s = e.value<std::string>())
      out.push_back(*s);
    else
      rep.error(line_of(e), std::string(what) + " must be an array of strings");
  }
  return out;
}

bool layouts_of(const toml::node& n, Reporter& rep, uint64_t& mask) {
  mask = 0;
  bool ok = true;
  for (const std::string& name : strings_of(n, rep, "layouts")) {
    auto m = detail::layout_mask_from_name(name);
    if (!m) {
      rep.error(line_of(n), "unknown layout '" + name + "'");
      ok = false;
      continue;
    }
    mask |= *m;
  }
  return ok;
}

std::vector<std::pair<std::string, std::string>> fields_of(const toml::node& n, Reporter& rep) {
  std::vector<std::pair<std::string, std::string>> out;
  const toml::table* t = n.as_table();
  if (!t) {
    rep.error(line_of(n), "fields must be a table of strings");
    return out;
  }
  for (const auto& [k, v] : *t) {
    if (auto s = v.value<std::string>())
      out.emplace_back(std::string(k.str()), *s);
    else
      rep.error(line_of(v), "field '" + std::string(k.str()) + "' must be a string");
  }
  return out;
}

// Canonical group names (patterns/README.md). Other names are allowed; one
// that is a near miss of a canonical name is probably a typo.
constexpr std::string_view kCanonical[] = {
    "client_id",     "node",  "broker",      "host",   "ip",      "port",  "topic",
    "partition",     "pid",   "unit",        "signal", "process", "cause", "duration",
    "duration_unit", "count", "description", "pause",  "state",   "pod"};

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

void check_group_names(const RE2& re, uint64_t line, Reporter& rep) {
  for (const auto& [name, idx] : re.NamedCapturingGroups()) {
    (void)idx;
    bool canonical = false;
    std::string_view near;
    for (std::string_view c : kCanonical) {
      if (c == name)
        canonical = true;
      else if (name.size() > 3 && edit_distance(name, c) == 1)
        near = c;
    }
    if (!canonical && !near.empty())
      rep.warn(line, "group '" + name + "' looks like a typo of '" + std::string(near) + "'");
  }
}

bool parse_pattern(const toml::table& t, uint64_t pack_layouts, Reporter& rep, Pattern& p) {
  const size_t errors_before = rep.errors;
  p.line = line_of(t);
  bool present = false;
  if (auto id = string_key(t, "id", rep, present))
    p.id = *id;
  else if (!present)
    rep.error(p.line, "pattern without id");
  if (auto k = string_key(t, "kind", rep, present)) {
    if (auto kind = kind_from_name(*k))
      p.kind = *kind;
    else
      rep.error(line_of(*t.get("kind")), "unknown kind '" + *k + "'");
  } else if (!present) {
    rep.error(p.line, "pattern '" + p.id + "' has no kind");
  }
  p.layouts = pack_layouts;
  if (const toml::node* n = t.get("layouts")) layouts_of(*n, rep, p.layouts);
  if (p.layouts == 0) rep.error(p.line, "pattern '" + p.id + "' applies to no layout");
  if (const toml::node* n = t.get("fields")) p.fields = fields_of(*n, rep);

  const toml::node* rn = t.get("regex");
  if (auto r = string_key(t, "regex", rep, present)) {
    p.regex = *r;
    RE2::Options o;
    o.set_log_errors(false);
    RE2 re(p.regex, o);
    if (!re.ok())
      rep.error(line_of(*rn), "regex does not compile: " + re.error());
    else
      check_group_names(re, line_of(*rn), rep);
  } else if (!present) {
    rep.error(p.line, "pattern '" + p.id + "' has no regex");
  }
  if (const toml::node* n = t.get("literals")) {
    p.literals = strings_of(*n, rep, "literals");
    // The prefilter finds a literal by a pair of its bytes: a 1-byte literal
    // would never be found, and its pattern would never fire.
    for (const std::string& l : p.literals)
      if (l.empty())
        rep.error(line_of(*n), "empty literal");
      else if (l.size() < kMinLiteralBytes)
        rep.error(line_of(*n), "literal \"" + l +
                                   "\" is shorter than 2 bytes: the prefilter cannot find it "
                                   "(give a longer literal, e.g. with the text around it)");
  } else if (!p.regex.empty()) {
    p.literals = derive_literals(p.regex);
    p.literals_derived = true;
    bool short_one = false;
    for (const std::string& l : p.literals) short_one |= l.size() < kMinLiteralBytes;
    if (p.literals.empty() || short_one)
      rep.error(line_of(rn ? *rn : static_cast<const toml::node&>(t)),
                p.literals.empty()
                    ? "no literal can be derived from the regex; give `literals`"
                    : "a literal derived from the regex is shorter than 2 bytes; give `literals`");
  }

  if (const toml::node* sn = t.get("sample")) {
    const toml::array* arr = sn->as_array();
    if (!arr) {
      rep.error(line_of(*sn), "sample must be an array of tables ([[pattern.sample]])");
    } else {
      for (const toml::node& e : *arr) {
        const toml::table* st = e.as_table();
        if (!st) {
          rep.error(line_of(e), "sample must be a table");
          continue;
        }
        PatternSample s;
        s.line = line_of(*st);
        bool has_text = false;
        if (auto text = string_key(*st, "text", rep, has_text))
          s.text = *text;
        else if (!has_text)
          rep.error(s.line, "sample without text");
        if (auto m = bool_key(*st, "match", rep)) s.match = *m;
        if (const toml::node* f = st->get("fields")) s.fields = fields_of(*f, rep);
        // A sample's text is one record; a trailing newline from a '''
        // block is not part of it.
        while (!s.text.empty() && (s.text.back() == '\n' || s.text.back() == '\r'))
          s.text.pop_back();
        p.samples.push_back(std::move(s));
      }
    }
  }
  return rep.errors == errors_before;
}

}  // namespace

size_t PatternSet::pattern_count() const {
  size_t n = 0;
  for (const Pack& p : packs) n += p.patterns.size();
  return n;
}

void PatternSet::add(Pack pack) {
  auto same =
      std::find_if(packs.begin(), packs.end(), [&](const Pack& p) { return p.name == pack.name; });
  if (same != packs.end())
    *same = std::move(pack);
  else
    packs.push_back(std::move(pack));
}

size_t PatternSet::sample_count() const {
  size_t n = 0;
  for (const Pack& p : packs)
    for (const Pattern& q : p.patterns) n += q.samples.size();
  return n;
}

Result<Pack> load_pack_text(std::string_view text, const std::string& path, DiagnosticSink& diag) {
  Reporter rep{path, diag};
  toml::table doc;
  try {
    doc = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    rep.error(e.source().begin.line, "TOML: " + std::string(e.description()));
    return Status(ErrorCode::kPatternError, "TOML: " + std::string(e.description()), path);
  }
  Pack out;
  out.file = path;
  const toml::table* pack = doc["pack"].as_table();
  if (!pack) {
    rep.error(1, "no [pack] table");
    return Status(ErrorCode::kPatternError, "no [pack] table", path);
  }
  bool present = false;
  if (auto n = string_key(*pack, "name", rep, present)) {
    out.name = *n;
  } else {
    if (!present) rep.error(line_of(*pack), "[pack] has no name");
    return Status(ErrorCode::kPatternError,
                  present ? "[pack] name must be a string" : "[pack] has no name", path);
  }
  if (auto d = string_key(*pack, "description", rep, present)) out.description = *d;
  if (auto a = bool_key(*pack, "client_is_application", rep)) out.client_is_application = *a;
  if (const toml::node* n = pack->get("broker_prefixes")) {
    out.broker_prefixes = strings_of(*n, rep, "broker_prefixes");
    for (const std::string& s : out.broker_prefixes)
      if (s.empty()) rep.error(line_of(*n), "empty broker prefix");
    std::erase(out.broker_prefixes, std::string());
  }
  uint64_t pack_layouts = 0;
  if (const toml::node* n = pack->get("layouts")) layouts_of(*n, rep, pack_layouts);

  const toml::node* pn = doc.get("pattern");
  const toml::array* patterns = pn ? pn->as_array() : nullptr;
  if (pn && !patterns) {
    rep.error(line_of(*pn), "pattern must be an array of tables ([[pattern]])");
    return Status(ErrorCode::kPatternError, "pattern must be an array of tables ([[pattern]])",
                  path);
  }
  if (patterns) {
    for (const toml::node& e : *patterns) {
      const toml::table* t = e.as_table();
      if (!t) {
        rep.error(line_of(e), "pattern must be a table");
        continue;
      }
      Pattern p;
      if (!parse_pattern(*t, pack_layouts, rep, p)) continue;
      auto dup = std::find_if(out.patterns.begin(), out.patterns.end(),
                              [&](const Pattern& q) { return q.id == p.id; });
      if (dup != out.patterns.end()) {
        rep.error(p.line,
                  "duplicate id '" + p.id + "' (first at line " + std::to_string(dup->line) + ")");
        continue;
      }
      out.patterns.push_back(std::move(p));
    }
  }
  return out;
}

Result<Pack> load_pack_file(const std::string& path, DiagnosticSink& diag) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Diagnostic d;
    d.path = path;
    d.message = "cannot read pack";
    diag.report(d);
    return Status(ErrorCode::kNotFound, "cannot read pack", path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  return load_pack_text(ss.str(), path, diag);
}

PatternSet load_packs(const std::vector<std::string>& dirs, DiagnosticSink& diag) {
  namespace fs = std::filesystem;
  PatternSet set;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    std::vector<std::string> files;
    if (fs::is_regular_file(dir, ec)) {
      files.push_back(dir);
    } else {
      fs::directory_iterator it(dir, ec), end;
      if (ec) {
        Diagnostic d;
        d.path = dir;
        d.message = "cannot read pattern directory: " + ec.message();
        diag.report(d);
        continue;
      }
      for (; it != end; it.increment(ec)) {
        if (ec) break;
        if (it->path().extension() == ".toml") files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
    }
    for (const std::string& f : files) {
      Result<Pack> pack = load_pack_file(f, diag);
      if (pack.ok()) set.add(std::move(pack).value());
    }
  }
  return set;
}

}  // namespace logcorr
