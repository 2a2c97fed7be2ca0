// `patterns check`: every sample of every pattern, run through that
// pattern's own regex and its prefilter literals.
#include <re2/re2.h>

#include <algorithm>

#include "logcorr/patterns.hpp"
#include "match/broker_side.hpp"

namespace logcorr {
namespace {

void report(DiagnosticSink& diag, const std::string& file, uint64_t line, std::string msg) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = file;
  d.line = line;
  d.message = std::move(msg);
  diag.report(d);
}

}  // namespace

size_t check_samples(const PatternSet& set, DiagnosticSink& diag) {
  size_t failures = 0;
  for (const Pack& pack : set.packs) {
    for (const Pattern& pat : pack.patterns) {
      RE2::Options o;
      o.set_log_errors(false);
      RE2 re(pat.regex, o);
      if (!re.ok()) continue;  // reported by the loader
      const int n = re.NumberOfCapturingGroups();
      std::vector<re2::StringPiece> groups(n);
      std::vector<RE2::Arg> args(n);
      std::vector<const RE2::Arg*> ptrs(n);
      for (int i = 0; i < n; ++i) {
        args[i] = RE2::Arg(&groups[i]);
        ptrs[i] = &args[i];
      }
      const auto& named = re.NamedCapturingGroups();
      if (pat.samples.empty()) {
        report(diag, pack.file, pat.line, "pattern '" + pat.id + "' has no sample");
        ++failures;
      }
      for (const PatternSample& s : pat.samples) {
        const bool lit =
            std::any_of(pat.literals.begin(), pat.literals.end(),
                        [&](const std::string& l) { return s.text.find(l) != std::string::npos; });
        const bool matched = RE2::PartialMatchN(s.text, re, ptrs.data(), n);
        if (!s.match) {
          if (matched && lit) {
            report(diag, pack.file, s.line, "negative sample matched");
            ++failures;
          }
          continue;
        }
        if (!matched) {
          report(diag, pack.file, s.line, "sample does not match");
          ++failures;
          continue;
        }
        if (!lit) {
          report(diag, pack.file, s.line,
                 "sample matches the regex but contains none of the literals");
          ++failures;
          continue;
        }
        for (const auto& [name, want] : s.fields) {
          auto it = named.find(name);
          std::string got;
          bool have = false;
          if (it != named.end()) {
            const auto& g = groups[it->second - 1];
            if (g.data() != nullptr) {
              got.assign(g.data(), g.size());
              have = true;
            }
          } else {
            for (const auto& [k, v] : pat.fields)
              if (k == name) {
                got = v;
                have = true;
              }
            // The pack's broker-side rule, as the matcher applies it.
            if (!have && name == "side" &&
                detail::first_line_has_prefix(s.text, pack.broker_prefixes)) {
              got = "broker";
              have = true;
            }
          }
          if (!have && want.empty()) continue;  // `name = ""`: must yield none
          if (!have) {
            report(diag, pack.file, s.line, "yields no " + name + ", expected " + want);
            ++failures;
          } else if (got != want) {
            report(diag, pack.file, s.line,
                   "yields " + name + "=" + got + ", expected " + (want.empty() ? "none" : want));
            ++failures;
          }
        }
      }
    }
  }
  return failures;
}

std::vector<Diagnostic> check_packs(const std::vector<std::string>& dirs) {
  CollectingSink sink;
  PatternSet set = load_packs(dirs, sink);
  check_samples(set, sink);
  return std::move(sink.items);
}

}  // namespace logcorr
