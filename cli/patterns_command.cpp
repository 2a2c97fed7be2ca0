// `logcorr patterns list|check [DIR...]`: show and validate pattern packs.
#include "patterns_command.hpp"

#include "output.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "analyze_options.hpp"
#include "logcorr/patterns.hpp"
#include "markdown_tables.hpp"

namespace logcorr::cli {

namespace {

struct PatternsArgs {
  std::vector<std::string> dirs;
  bool builtin_too = false;
  bool markdown = false;  // list: the markdown table README.md shows
};

std::vector<std::string> dirs_of(const PatternsArgs& a) {
  std::vector<std::string> dirs;
  if (a.dirs.empty() || a.builtin_too) dirs.push_back(builtin_patterns_dir());
  dirs.insert(dirs.end(), a.dirs.begin(), a.dirs.end());
  return dirs;
}

int run_list(const PatternsArgs& a) {
  CollectingSink diag;
  PatternSet set = load_packs(dirs_of(a), diag);
  for (const auto& d : diag.items) fmt::print(stderr, "{}\n", d.to_string());
  Output out;
  if (a.markdown) {
    out.write(packs_markdown(set));
    return diag.has_errors() ? 2 : 0;
  }
  for (const auto& p : set.packs) {
    size_t samples = 0;
    for (const auto& pat : p.patterns) samples += pat.samples.size();
    out.write(fmt::format("{:<20} {:>3} patterns {:>4} samples  {}\n", p.name, p.patterns.size(),
                          samples, p.file));
    for (const auto& pat : p.patterns)
      out.write(fmt::format("    {:<40} {}\n", pat.id, kind_name(pat.kind)));
  }
  return diag.has_errors() ? 2 : 0;
}

int run_check(const PatternsArgs& a) {
  auto dirs = dirs_of(a);
  for (const auto& d : dirs)
    if (!std::filesystem::is_directory(d)) {
      fmt::print(stderr, "logcorr: {}: not a directory\n", d);
      return 2;
    }
  auto diags = check_packs(dirs);
  bool errors = false;
  for (const auto& d : diags) {
    fmt::print(stderr, "{}\n", d.to_string());
    if (d.severity == Severity::kError) errors = true;
  }
  CollectingSink quiet;
  PatternSet set = load_packs(dirs, quiet);
  Output out;
  out.write(fmt::format("{} pack(s), {} pattern(s), {} sample(s): {}\n", set.packs.size(),
                        set.pattern_count(), set.sample_count(), errors ? "FAILED" : "all OK"));
  return errors ? 2 : 0;
}

}  // namespace

void add_patterns_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("patterns", "Show or validate pattern packs");
  cmd->require_subcommand(1);
  for (const char* name : {"list", "check"}) {
    auto a = std::make_shared<PatternsArgs>();
    bool check = std::string_view(name) == "check";
    auto* sub = cmd->add_subcommand(
        name, check ? "Compile every pack and run every sample; problems as file:line: message, "
                      "exit 2"
                    : "List packs and their patterns");
    sub->add_option("dirs", a->dirs, "Pack directories (default: the built-in packs)");
    sub->add_flag("--with-builtin", a->builtin_too,
                  "Load the built-in packs first, then DIRs (as --patterns does)");
    if (!check)
      sub->add_flag("--markdown", a->markdown,
                    "A markdown table: each pack, what it covers, the event kinds it yields (as "
                    "in README.md)");
    sub->callback([a, check, &exit_code] { exit_code = check ? run_check(*a) : run_list(*a); });
  }
}

}  // namespace logcorr::cli
