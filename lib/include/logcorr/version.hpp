// Version: which logcorr this is, and which versions of its JSON formats it
// writes.
//
// Two kinds of version, for two questions:
//  - The library version (semantic versioning; while the major version is 0,
//    a minor release may change the API, so `find_package(logcorr 0.2)`
//    accepts 0.2.x only). The macros are for compile-time checks against
//    the headers in use; version() is the library actually linked, which
//    differs from the headers when an application runs against a newer
//    shared library than it was built with.
//  - The schema versions of the JSON outputs (`logcorr events` NDJSON, the
//    `analyze --json` report). They change only when a field changes meaning
//    or disappears (readers ignore unknown fields), independently of the
//    library version; a tool that stores or forwards those outputs should
//    record them.
//
// All functions are constant time, allocate nothing and cannot fail.
#pragma once

// The version of these headers. Kept in step with project(VERSION) in the
// top-level CMakeLists.txt: version.cpp fails to compile when they differ.
#define LOGCORR_VERSION_MAJOR 0
#define LOGCORR_VERSION_MINOR 2
#define LOGCORR_VERSION_PATCH 0
// One comparable number: 10000 * major + 100 * minor + patch.
#define LOGCORR_VERSION \
  (LOGCORR_VERSION_MAJOR * 10000 + LOGCORR_VERSION_MINOR * 100 + LOGCORR_VERSION_PATCH)

namespace logcorr {

// The linked library's version, "MAJOR.MINOR.PATCH" (e.g. "0.2.0"); a
// NUL-terminated string with static storage duration.
const char* version();

// The "v" written in every line of `logcorr events` NDJSON (events_io.hpp,
// kEventsSchemaVersion). EventsParser accepts this version and older ones.
int events_schema_version();

// The top-level "version" of the `analyze --json` report (report.hpp,
// kReportSchemaVersion; README "JSON report schema").
int report_schema_version();

}  // namespace logcorr
