// open_inputs: from command-line paths to ready readers.
#include <filesystem>

#include "logcorr/reader.hpp"

namespace logcorr {

namespace {

// Normalises a path for prefix comparison: absolute, lexically clean, no
// trailing slash.
std::string canonical_for_match(const std::string& p) {
  if (p == "-") return p;
  std::error_code ec;
  auto abs = std::filesystem::absolute(p, ec);
  std::string s = (ec ? std::filesystem::path(p) : abs).lexically_normal().string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

bool is_under(const std::string& path, const std::string& prefix) {
  if (path == prefix) return true;
  return path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
         (prefix.back() == '/' || path[prefix.size()] == '/');
}

}  // namespace

std::shared_ptr<const Zone> zone_for_path(const std::string& path,
                                          const std::vector<ZoneRule>& rules,
                                          std::shared_ptr<const Zone> fallback) {
  std::string p = canonical_for_match(path);
  size_t best_len = 0;
  std::shared_ptr<const Zone> best = std::move(fallback);
  for (const auto& r : rules) {
    std::string pre = canonical_for_match(r.path_prefix);
    if (is_under(p, pre) && pre.size() >= best_len) {
      best_len = pre.size();
      best = r.zone;
    }
  }
  return best;
}

std::vector<std::unique_ptr<InputReader>> open_inputs(const std::vector<std::string>& args,
                                                      const OpenOptions& opts,
                                                      DiagnosticSink& sink) {
  std::vector<LogicalInput> inputs = discover_inputs(args, opts.discover, sink);
  std::vector<std::unique_ptr<InputReader>> readers;
  readers.reserve(inputs.size());
  uint32_t index = 0;
  for (auto& in : inputs) {
    ReaderOptions ro = opts.reader;
    bool user_rule = false;
    if (!opts.zone_rules.empty()) {
      auto z = zone_for_path(in.base_path, opts.zone_rules, nullptr);
      if (z) {
        ro.zone = z;
        ro.zone_from_user = true;
        user_rule = true;
      }
    }
    (void)user_rule;
    if (in.files.size() > 1) {
      order_by_first_time(in,
                          [&ro](const std::string& path) { return first_record_time(path, ro); });
    }
    readers.push_back(std::make_unique<InputReader>(std::move(in), index++, std::move(ro), sink));
  }
  return readers;
}

}  // namespace logcorr
