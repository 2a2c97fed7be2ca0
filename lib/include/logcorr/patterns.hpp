// Pattern packs: which records are which events (patterns/README.md has the
// TOML schema).
//
// Packs are data, loaded once per run. Loading never throws: every problem
// (TOML syntax, unknown kind or layout, RE2 compile error, a sample that does
// not yield what it says) is reported as `file:line: message` to the
// DiagnosticSink, and the broken pattern (or pack) is left out.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "logcorr/diagnostics.hpp"
#include "logcorr/event.hpp"

namespace logcorr {

struct PatternSample {
  std::string text;
  bool match = true;  // false: a negative sample, must not match
  std::vector<std::pair<std::string, std::string>> fields;  // must be yielded exactly
  uint64_t line = 0;                                        // in the pack file
};

struct Pattern {
  std::string id;  // unique within its pack
  EventKind kind = EventKind::kNetworkException;
  uint64_t layouts = 0;               // bit (1 << Layout) per layout it applies to
  std::vector<std::string> literals;  // prefilter: any one must occur (given or derived)
  bool literals_derived = false;
  std::string regex;                                        // RE2 syntax
  std::vector<std::pair<std::string, std::string>> fields;  // fixed fields
  std::vector<PatternSample> samples;
  uint64_t line = 0;  // of its [[pattern]] header in the pack file
};

struct Pack {
  std::string name;
  std::string description;
  // The client never names itself in its lines (sarama, kafka-python): its
  // symptom events take the application's name from the input (the file's
  // name, a kubectl/compose name) as their client. `[pack]
  // client_is_application = true`.
  bool client_is_application = false;
  // Brokers run this client library too (KRaft's RaftManager, replica
  // fetchers, the controller's channels), and its lines then carry the
  // bracketed log prefix of a broker component, which no client application
  // prints. An event of this pack from a record whose first line contains one
  // of these gets the field side=broker: still the same kind, never counted as
  // a client's error (is_client_symptom). `[pack] broker_prefixes = [...]`.
  std::vector<std::string> broker_prefixes;
  std::string file;  // where it was loaded from
  std::vector<Pattern> patterns;
};

struct PatternSet {
  std::vector<Pack> packs;  // in load order; a later pack of the same name replaced an earlier one
  size_t pattern_count() const;
  size_t sample_count() const;
  // Appends `pack`, or replaces the pack of the same name in its place.
  void add(Pack pack);
};

// Loads every *.toml of each directory, in order (files sorted by name within
// a directory). A pack whose `name` was already loaded replaces it (so a user
// `--patterns DIR` given after the built-in directory overrides by name).
// Regexes are compiled (to validate them) but samples are not run.
PatternSet load_packs(const std::vector<std::string>& dirs, DiagnosticSink& diag);

// Parses one pack file. Fails (kNotFound: unreadable; kPatternError: not a
// pack) after reporting the problem with its line to `diag`. Patterns with
// problems are reported and left out of an otherwise usable pack.
Result<Pack> load_pack_file(const std::string& path, DiagnosticSink& diag);
// Same, from text already in memory (`path` is used for messages).
Result<Pack> load_pack_text(std::string_view text, const std::string& path, DiagnosticSink& diag);

// `logcorr patterns check`: loads the packs and runs every sample of every
// pattern. Returns all diagnostics (errors make the check fail: exit 2).
std::vector<Diagnostic> check_packs(const std::vector<std::string>& dirs);
// Runs the samples of already-loaded packs; reports each failing sample.
// Returns the number of failing samples.
size_t check_samples(const PatternSet& set, DiagnosticSink& diag);

// The literal substrings that every match of `regex` must contain one of, as
// far as a simple scan of the regex can tell (the longest literal run outside
// groups, alternation and optional pieces). Empty when none of length >= 3.
std::vector<std::string> derive_literals(std::string_view regex);

}  // namespace logcorr
