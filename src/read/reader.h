// The read stage: files, folders and standard input → articles (UTF-8 text
// with metadata), with a clear per-input error for what cannot be read.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace claimgraph::read {

/// One article, ready for the text stage.
struct Article {
    std::string source;       ///< path (with `#line` for JSON Lines), or `-`
    std::string external_id;  ///< JSON Lines `id`
    std::string title;
    std::string url;
    std::string published;
    std::string text;         ///< valid UTF-8 plain text
};

/// Why one input (file or JSON Lines line) was not read.
struct ReadError {
    std::string source;
    std::string message;
};

/// Reads each path in order: a file, a folder (recursively, sorted), or `-` for
/// standard input. Calls `on_article` for every article and `on_error` for every
/// input that cannot be read; one bad input never stops the others.
void read_inputs(const std::vector<std::string>& paths, const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error);

}  // namespace claimgraph::read
