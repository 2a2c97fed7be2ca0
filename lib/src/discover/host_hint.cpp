// Host hints from directory names.
//
// Only names that clearly denote a broker host count (`broker-3`, `kafka3`,
// `kafka-broker-2`, `my-cluster-kafka-0`, `broker3.example.com`,
// `host=NAME`): a wrong hint would mis-attribute evidence, so anything else
// (`logs`, `kafka-logs`, `kafka-2.8.0`) yields no hint.
#include <cctype>
#include <filesystem>
#include <string_view>
#include <vector>

#include "logcorr/discover.hpp"

namespace logcorr {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool ends_with(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

bool looks_like_host(std::string_view comp) {
  std::string c = lower(comp);
  size_t dot = c.find('.');
  // "kafka-2.8.0" is a version, not kafka-2.example.com.
  if (dot != std::string::npos &&
      (dot + 1 >= c.size() || std::isdigit(static_cast<unsigned char>(c[dot + 1]))))
    return false;
  std::string_view label = std::string_view(c).substr(0, dot);
  size_t d = label.size();
  while (d > 0 && std::isdigit(static_cast<unsigned char>(label[d - 1]))) --d;
  if (d == label.size() || label.size() - d > 6) return false;  // needs an id
  std::string_view stem = label.substr(0, d);
  if (!stem.empty() && (stem.back() == '-' || stem.back() == '_')) stem.remove_suffix(1);
  return ends_with(stem, "kafka") || ends_with(stem, "broker");
}

}  // namespace

std::string host_hint_from_path(const std::string& path) {
  std::vector<std::string> comps;
  for (const auto& c : std::filesystem::path(path)) comps.push_back(c.string());
  if (!comps.empty()) comps.pop_back();  // the file name itself
  for (auto it = comps.rbegin(); it != comps.rend(); ++it) {
    if (it->rfind("host=", 0) == 0 && it->size() > 5) return it->substr(5);
    if (looks_like_host(*it)) return *it;
  }
  return "";
}

}  // namespace logcorr
