// The read stage: files, folders and standard input → articles (UTF-8 text
// with metadata), with a clear per-input error for what cannot be read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::read {

/// One article, ready for the text stage.
struct Article {
    std::string source;       ///< path (with `#line` for JSON Lines), or `-`
    std::string external_id;  ///< JSON Lines `id`
    std::string title;
    std::string url;
    std::string published;
    std::string text;         ///< valid UTF-8 plain text, `\n` line ends, markup removed
};

/// Why one input (file or JSON Lines line) was not read.
struct ReadError {
    std::string source;
    std::string message;
};

/// Limits of the read stage.
struct ReadOptions {
    std::uintmax_t max_file_bytes = 20u * 1024u * 1024u;  ///< larger files (and stdin) are refused
};

/// How an input's bytes are turned into text.
enum class InputFormat { text, markdown, html, jsonl };

/// The format an extension names (`.txt .text .md .markdown .html .htm .jsonl
/// .ndjson`, case-insensitive); std::nullopt for any other extension.
std::optional<InputFormat> format_for_path(std::string_view path);

/// The format of contents whose extension says nothing: HTML if the first
/// non-blank character is `<`, plain text otherwise.
InputFormat sniff_format(std::string_view contents);

/// Expands `paths` into the inputs to read, in order: a file as itself, a folder
/// as its files (recursively, sorted by path, hidden files and folders skipped),
/// `-` as standard input. A missing path or an empty folder is reported to
/// `on_error` and left out.
std::vector<std::string> list_inputs(const std::vector<std::string>& paths,
                                     const std::function<void(ReadError&&)>& on_error);

/// Reads one input (a file or `-`, not a folder): one article, or one per JSON
/// Lines line. Every problem goes to `on_error` (a bad JSON Lines line does not
/// stop the other lines). Thread-safe for different inputs (stdin excepted).
void read_input(const std::string& path, const std::function<void(Article&&)>& on_article,
                const std::function<void(ReadError&&)>& on_error, const ReadOptions& options = {});

/// Turns the bytes of one input into articles, as read_input() does after
/// reading the file; `source` names the input in articles and errors.
void parse_input(std::string_view source, std::string contents, InputFormat format,
                 const std::function<void(Article&&)>& on_article, const std::function<void(ReadError&&)>& on_error);

/// Reads each path in order: a file, a folder (recursively, sorted), or `-` for
/// standard input. Calls `on_article` for every article and `on_error` for every
/// input that cannot be read; one bad input never stops the others.
void read_inputs(const std::vector<std::string>& paths, const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error, const ReadOptions& options = {});

}  // namespace claimgraph::read
