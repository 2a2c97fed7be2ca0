// Helpers shared by the unit tests.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "logcorr/time.hpp"

namespace logcorr::test {

// Zone::load for tests: the zone, or null with the failure's message in `err`.
inline std::shared_ptr<const Zone> load_zone(std::string_view spec, std::string& err) {
  Result<std::shared_ptr<const Zone>> z = Zone::load(spec);
  err = z.status().message();
  return z.ok() ? *z : nullptr;
}

// ../shared/corpus (real logs). Empty when absent.
inline std::string corpus_dir() {
  std::filesystem::path p(LOGCORR_CORPUS_DIR);
  return std::filesystem::is_directory(p) ? p.string() : std::string();
}

// CI=true (or 1) in the environment: CI always has ../shared beside the
// clone, so a missing corpus there is an error, not a skip.
inline bool in_ci() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string v(ci);
  return v == "true" || v == "TRUE" || v == "True" || v == "1";
}

// Why a corpus test cannot run (tests/e2e/lib.sh says the same for scripts).
inline std::string corpus_missing_reason() {
  return std::string("../shared/corpus not found at ") + LOGCORR_CORPUS_DIR +
         ": the corpus tests need the shared checkout beside the clone (or "
         "-DLOGCORR_CORPUS_DIR=<dir> at configure time)" +
         (in_ci() ? "; CI=true, so this is an error" : "; skipped (with CI=true it fails)");
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh temporary directory, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "logcorr-test-XXXXXX").string();
    path_ = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  std::string write(const std::string& name, const std::string& bytes) const {
    auto p = std::filesystem::path(file(name));
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << bytes;
    return p.string();
  }

 private:
  std::string path_;
};

}  // namespace logcorr::test

// Skips the current test when ../shared/corpus is not beside the checkout,
// saying where it was looked for; fails it instead when CI=true.
#define LOGCORR_REQUIRE_CORPUS()                                  \
  do {                                                            \
    if (::logcorr::test::corpus_dir().empty()) {                  \
      if (::logcorr::test::in_ci()) {                             \
        FAIL() << ::logcorr::test::corpus_missing_reason();       \
      } else {                                                    \
        GTEST_SKIP() << ::logcorr::test::corpus_missing_reason(); \
      }                                                           \
    }                                                             \
  } while (0)
