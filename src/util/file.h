// Reading whole files (or standard input) into memory.
#pragma once

#include <claimgraph/status.h>

#include <string>

namespace claimgraph::util {

/// The bytes of `path`, or of standard input when `path` is `-`. Fails with
/// io_error naming the file for a missing, unreadable or directory path.
Result<std::string> read_file(const std::string& path);

}  // namespace claimgraph::util
