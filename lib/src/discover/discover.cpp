// discover_inputs(): paths -> logical inputs (rotation sets).
#include "logcorr/discover.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

#include "discover/rotation.hpp"

namespace logcorr {

namespace fs = std::filesystem;
using discover_detail::RotationName;

namespace {

struct Found {
  std::string path;       // as it will be opened
  std::string label_dir;  // label prefix ("broker-1")
  RotationName rot;
};

void report(DiagnosticSink& sink, const std::string& path, const std::string& msg) {
  Diagnostic d;
  d.severity = Severity::kError;
  d.path = path;
  d.message = msg;
  sink.report(d);
}

std::string last_name(const std::string& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec).lexically_normal();
  if (ec) abs = fs::path(p).lexically_normal();
  while (!abs.empty() && abs.filename().empty() && abs.has_parent_path() && abs != abs.root_path())
    abs = abs.parent_path();
  return abs.filename().string();
}

std::string join(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a.back() == '/' ? a + b : a + "/" + b;
}

class Walker {
 public:
  Walker(const DiscoverOptions& opts, DiagnosticSink& sink) : opts_(opts), sink_(sink) {}

  void walk(const std::string& dir, const std::string& label_dir, std::vector<Found>& out) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0 && !visited_.insert({st.st_dev, st.st_ino}).second)
      return;  // symlink loop or the same tree given twice through a link
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      report(sink_, dir, ec.message());
      return;
    }
    std::vector<std::string> names;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) break;
      names.push_back(it->path().filename().string());
    }
    if (ec) report(sink_, dir, ec.message());
    // Byte-wise order: stable across locales and file systems.
    std::sort(names.begin(), names.end());
    for (const auto& n : names) {
      if (opts_.skip_hidden && n[0] == '.') continue;
      std::string p = join(dir, n);
      struct stat es {};
      if (::stat(p.c_str(), &es) != 0) {
        report(sink_, p, std::strerror(errno));
        continue;
      }
      if (S_ISDIR(es.st_mode)) {
        walk(p, join(label_dir, n), out);
      } else if (S_ISREG(es.st_mode)) {
        out.push_back(Found{p, label_dir, discover_detail::parse_rotation_name(n)});
      }
      // FIFOs, sockets and devices inside a tree are skipped: reading one
      // could block forever. They can still be named explicitly.
    }
  }

 private:
  const DiscoverOptions& opts_;
  DiagnosticSink& sink_;
  std::set<std::pair<dev_t, ino_t>> visited_;
};

// Suffix-order rank inside a set; see discover.hpp for the rules.
struct OrderKey {
  int group;           // 0 dated, 1 numbered, 2 whole-file compressed, 3 live
  std::string date;    // dated: ascending
  int64_t number = 0;  // numbered: ascending key (already turned around)
  bool operator<(const OrderKey& o) const {
    if (group != o.group) return group < o.group;
    if (date != o.date) return date < o.date;
    return number < o.number;
  }
};

void order_by_suffix(std::vector<const Found*>& files, const std::string& base) {
  bool ring = discover_detail::is_gc_ring_base(base);
  int64_t ring_size = 0;
  int64_t current = -1;
  for (const Found* f : files) {
    if (f->rot.kind != RotationName::kNumbered) continue;
    ring_size = std::max<int64_t>(ring_size, static_cast<int64_t>(f->rot.number) + 1);
    if (f->rot.current) current = std::max<int64_t>(current, static_cast<int64_t>(f->rot.number));
  }
  auto key = [&](const Found* f) {
    OrderKey k{3, "", 0};
    switch (f->rot.kind) {
      case RotationName::kDated:
        k = {0, f->rot.date, 0};
        break;
      case RotationName::kNumbered: {
        auto n = static_cast<int64_t>(f->rot.number);
        if (!ring) {
          k = {1, "", -n};  // logrotate / log4j: larger number = older
        } else if (f->rot.current) {
          k = {1, "", 2 * ring_size + n};  // being written: newest numbered file
        } else {
          // JVM ring: the file after the one being written is the oldest.
          int64_t pos = current < 0 ? n : ((n - current - 1) % ring_size + ring_size) % ring_size;
          k = {1, "", pos};
        }
        break;
      }
      case RotationName::kCompressedLive:
        k = {2, "", 0};
        break;
      case RotationName::kLive:
        break;
    }
    return k;
  };
  std::stable_sort(files.begin(), files.end(),
                   [&](const Found* a, const Found* b) { return key(a) < key(b); });
}

void group(const std::vector<Found>& found, bool rotations, std::vector<LogicalInput>& out) {
  // Sets keyed by directory + base, in the order of their first file.
  std::map<std::string, size_t> index;
  std::vector<std::vector<const Found*>> sets;
  for (const Found& f : found) {
    std::string dir = fs::path(f.path).parent_path().string();
    std::string key = rotations ? dir + '\0' + f.rot.base : f.path;
    auto [it, fresh] = index.emplace(key, sets.size());
    if (fresh) sets.emplace_back();
    sets[it->second].push_back(&f);
  }
  for (auto& set : sets) {
    const Found& first = *set.front();
    std::string base = rotations ? first.rot.base : fs::path(first.path).filename().string();
    if (rotations && set.size() > 1) order_by_suffix(set, base);
    LogicalInput in;
    in.label = join(first.label_dir, base);
    in.base_path = join(fs::path(first.path).parent_path().string(), base);
    for (const Found* f : set)
      in.files.push_back(InputFile{f->path, rotations ? f->rot.suffix : ""});
    std::error_code ec;
    fs::path abs = fs::absolute(in.base_path, ec);
    in.host_hint = host_hint_from_path(ec ? in.base_path : abs.lexically_normal().string());
    out.push_back(std::move(in));
  }
}

}  // namespace

std::vector<LogicalInput> discover_inputs(const std::vector<std::string>& args,
                                          const DiscoverOptions& opts, DiagnosticSink& sink) {
  std::vector<LogicalInput> out;
  Walker walker(opts, sink);
  std::vector<Found> batch;  // consecutive file arguments are grouped together
  auto flush = [&] {
    group(batch, opts.group_rotations, out);
    batch.clear();
  };
  for (const std::string& arg : args) {
    if (arg == "-") {
      flush();
      LogicalInput in;
      in.label = "-";
      in.base_path = "-";
      in.files.push_back(InputFile{"-", ""});
      out.push_back(std::move(in));
      continue;
    }
    struct stat st {};
    if (::stat(arg.c_str(), &st) != 0) {
      report(sink, arg, std::strerror(errno));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      flush();
      std::vector<Found> found;
      walker.walk(arg, last_name(arg), found);
      group(found, opts.group_rotations, out);
    } else {
      std::string name = fs::path(arg).filename().string();
      std::string parent = fs::path(arg).has_parent_path()
                               ? last_name(fs::path(arg).parent_path().string())
                               : last_name(".");
      Found f{arg, parent, discover_detail::parse_rotation_name(name)};
      if (S_ISREG(st.st_mode)) {
        batch.push_back(std::move(f));
        continue;
      }
      // A pipe, FIFO or device is read once, as it comes: never joined to
      // a rotation set (ordering a set reads each member's head first).
      flush();
      group({std::move(f)}, false, out);
    }
  }
  flush();
  return out;
}

void order_by_first_time(
    LogicalInput& input,
    const std::function<std::optional<int64_t>(const std::string& path)>& first_time) {
  // Stamped files are sorted among the slots they occupy; unstamped ones stay
  // where the suffix order put them.
  std::vector<size_t> slots;
  std::vector<std::pair<int64_t, InputFile>> stamped;
  for (size_t i = 0; i < input.files.size(); ++i) {
    if (auto t = first_time(input.files[i].path)) {
      slots.push_back(i);
      stamped.emplace_back(*t, input.files[i]);
    }
  }
  std::stable_sort(stamped.begin(), stamped.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t k = 0; k < slots.size(); ++k) input.files[slots[k]] = std::move(stamped[k].second);
}

}  // namespace logcorr
