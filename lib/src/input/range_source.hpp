// A ByteSource over the tail of a plain file, starting at a line boundary:
// the reader of one chunk of a file that is split across workers.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "logcorr/source.hpp"

namespace logcorr::detail {

// Opens `path` and positions it at the first line that starts at or after
// byte `from` (right after the first '\n' at or after `from - 1`; the end of
// the file when there is none). *base receives that position. No
// decompression: the caller has checked that the file is plain.
Result<std::unique_ptr<ByteSource>> open_range_source(const std::string& path, uint64_t from,
                                                      uint64_t* base);

}  // namespace logcorr::detail
