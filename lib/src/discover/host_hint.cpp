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

// A pod UID: 8-4-4-4-12 hex digits.
bool is_uid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// The pod a container log file belongs to, from the kubelet's own names:
// /var/log/pods/<namespace>_<pod>_<uid>/<container>/N.log and the
// /var/log/containers/<pod>_<namespace>_<container>-<64 hex id>.log links.
// Namespace and pod names cannot hold '_' (DNS labels), so the split is exact.
std::string pod_from_kubelet_path(const std::vector<std::string>& comps) {
  if (comps.size() >= 3) {
    const std::string& dir = comps[comps.size() - 3];
    size_t a = dir.find('_'), b = dir.rfind('_');
    if (a != std::string::npos && b > a + 1 && is_uid(std::string_view(dir).substr(b + 1)))
      return dir.substr(a + 1, b - a - 1);
  }
  if (comps.size() >= 2 && comps[comps.size() - 2] == "containers") {
    const std::string& f = comps.back();
    size_t a = f.find('_');
    if (a != std::string::npos && a > 0 && ends_with(f, ".log") && f.size() > 70 &&
        f[f.size() - 69] == '-')
      return f.substr(0, a);
  }
  return "";
}

}  // namespace

std::string host_hint_from_path(const std::string& path) {
  std::vector<std::string> comps;
  for (const auto& c : std::filesystem::path(path)) comps.push_back(c.string());
  // A container's log names its pod: the pod is the host (a broker pod's
  // ordinal is its id only as a noted guess, see analyze).
  std::string pod = pod_from_kubelet_path(comps);
  if (!pod.empty()) return pod;
  if (!comps.empty()) comps.pop_back();  // the file name itself
  for (auto it = comps.rbegin(); it != comps.rend(); ++it) {
    if (it->rfind("host=", 0) == 0 && it->size() > 5) return it->substr(5);
    if (looks_like_host(*it)) return *it;
  }
  return "";
}

}  // namespace logcorr
