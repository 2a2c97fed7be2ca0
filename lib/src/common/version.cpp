#include "logcorr/version.hpp"

// The build passes the project version (top-level CMakeLists.txt) in these;
// the header's macros must agree, or applications would compile against one
// version and report another.
#if !defined(LOGCORR_BUILD_VERSION) || !defined(LOGCORR_BUILD_VERSION_MAJOR) || \
    !defined(LOGCORR_BUILD_VERSION_MINOR) || !defined(LOGCORR_BUILD_VERSION_PATCH)
#error "build without LOGCORR_BUILD_VERSION*: compile through lib/CMakeLists.txt"
#endif
static_assert(LOGCORR_VERSION_MAJOR == LOGCORR_BUILD_VERSION_MAJOR &&
                  LOGCORR_VERSION_MINOR == LOGCORR_BUILD_VERSION_MINOR &&
                  LOGCORR_VERSION_PATCH == LOGCORR_BUILD_VERSION_PATCH,
              "lib/include/logcorr/version.hpp disagrees with project(VERSION) in CMakeLists.txt");

namespace logcorr {

const char* version() {
  return LOGCORR_BUILD_VERSION;
}

}  // namespace logcorr
