// `logcorr formats [--json|--markdown]`: prints the layout table, one layout
// per line (name, framing, stamp family, flags, description), one JSON object
// each, or as the markdown table README.md shows (markdown_tables.hpp).
#include "formats_command.hpp"

#include "output.hpp"

#include <fmt/format.h>

#include <memory>
#include <string>

#include "logcorr/format.hpp"
#include "logcorr/json_text.hpp"
#include "markdown_tables.hpp"

namespace logcorr::cli {

namespace {

std::string flags_of(const LayoutInfo& e) {
  std::string f;
  auto add = [&f](bool on, const char* name) {
    if (!on) return;
    if (!f.empty()) f += ',';
    f += name;
  };
  add(e.journal_like, "journal");
  add(e.gc, "gc");
  add(e.splittable, "split");
  add(e.sniffable, "sniff");
  return f.empty() ? "-" : f;
}

void field(std::string& out, const char* name, std::string_view value) {
  out += out.size() > 1 ? ",\"" : "\"";
  out += name;
  out += "\":";
  append_json_string(out, value);
}

void flag(std::string& out, const char* name, bool value) {
  out += fmt::format(",\"{}\":{}", name, value ? "true" : "false");
}

int run(bool json, bool markdown) {
  Output out;
  if (markdown) {
    out.write(layouts_markdown(layouts()));
    return 0;
  }
  for (const LayoutInfo& e : layouts()) {
    if (e.layout == Layout::kUnknown) continue;  // not a layout one can choose
    if (json) {
      std::string o = "{";
      field(o, "name", e.name);
      field(o, "framing", framing_name(e.framing));
      field(o, "stamp", stamp_family_name(e.stamp));
      flag(o, "journal_like", e.journal_like);
      flag(o, "gc", e.gc);
      flag(o, "splittable", e.splittable);
      flag(o, "sniffable", e.sniffable);
      field(o, "summary", e.summary);
      o += fmt::format(",\"samples\":{}}}", e.samples.size());
      out.write(o + "\n");
    } else {
      out.write(fmt::format("{:<26} {:<20} {:<17} {:<20} {}\n", e.name, framing_name(e.framing),
                            stamp_family_name(e.stamp), flags_of(e), e.summary));
    }
  }
  return 0;
}

}  // namespace

void add_formats_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "formats", "List the input layouts --layout accepts: framing, stamps, roles, description");
  auto json = std::make_shared<bool>(false);
  auto markdown = std::make_shared<bool>(false);
  auto* json_flag = cmd->add_flag("--json", *json, "One JSON object per layout");
  cmd->add_flag("--markdown", *markdown,
                "A markdown table: name, summary, framing, a sample and its UTC time (as in "
                "README.md)")
      ->excludes(json_flag);
  cmd->callback([json, markdown, &exit_code] { exit_code = run(*json, *markdown); });
}

}  // namespace logcorr::cli
