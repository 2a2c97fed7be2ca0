// The readers of each document kind (kube.cpp dispatches).
#pragma once

#include <string_view>

#include "kube/kube_common.hpp"

namespace logcorr::kube_detail {

void read_describe(std::string_view text, Ctx& ctx);
void read_events_table(std::string_view text, Ctx& ctx);
// JSON or YAML: parse into trees, then read every complete Pod / Event.
void read_objects(std::string_view text, bool yaml, Ctx& ctx);

}  // namespace logcorr::kube_detail
