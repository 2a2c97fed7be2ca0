// Markdown tables of what logcorr recognises, from the code's own data: the
// layout table (lib/src/format/layouts.cpp) and the loaded pattern packs.
// README.md's section "Clients and layouts recognised" is their output
// (scripts/update-readme.py; the test e2e.readme_generated checks it).
#pragma once

#include <span>
#include <string>

#include "logcorr/format.hpp"
#include "logcorr/patterns.hpp"

namespace logcorr::cli {

// One row per layout (not `unknown`): its name, summary, framing, its first
// sample (shortened to one line) and the UTC time that sample gets, with the
// --tz / --boot it is read with.
std::string layouts_markdown(std::span<const LayoutInfo> layouts);

// One row per pack, in load order: its name, its description and the event
// kinds its patterns yield (in the vocabulary's order).
std::string packs_markdown(const PatternSet& set);

}  // namespace logcorr::cli
