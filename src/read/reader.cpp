// The read stage: which inputs there are, what format each is in, and whether
// its bytes are text at all; markup removal lives in html.cpp and markdown.cpp.
#include "read/reader.h"

#include "read/html.h"
#include "read/markdown.h"
#include "util/file.h"
#include "util/strings.h"
#include "util/utf8.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace claimgraph::read {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t k_binary_sample_bytes = 64 * 1024;
constexpr std::size_t k_max_title_bytes = 200;

std::string size_text(std::uintmax_t bytes) {
    if (bytes < 1024 * 1024) return std::to_string(bytes) + " bytes";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return buffer;
}

/// Byte offset of the first byte that breaks UTF-8, or npos if `text` is valid.
std::size_t first_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 1;
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        if (length > text.size() - i || !util::is_valid_utf8(text.substr(i, length))) return i;
        i += length;
    }
    return std::string_view::npos;
}

/// Why `contents` is not text, or an empty string if it looks like text.
std::string binary_reason(std::string_view contents) {
    if (contents.size() >= 2 && ((contents[0] == '\xFF' && contents[1] == '\xFE') ||
                                 (contents[0] == '\xFE' && contents[1] == '\xFF'))) {
        return "UTF-16 text, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)";
    }
    if (contents.find('\0') != std::string_view::npos) return "a binary file (it contains NUL bytes), not text";
    const std::string_view sample = contents.substr(0, k_binary_sample_bytes);
    std::size_t control = 0;
    for (char c : sample) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v') || byte == 0x7F) ++control;
    }
    if (control * 10 > sample.size()) return "a binary file (mostly control characters), not text";
    return {};
}

/// Why `contents` is not valid UTF-8 (naming the line), or an empty string.
std::string utf8_reason(std::string_view contents) {
    const std::size_t bad = first_invalid_utf8(contents);
    if (bad == std::string_view::npos) return {};
    const auto line = 1 + std::count(contents.begin(), contents.begin() + static_cast<std::ptrdiff_t>(bad), '\n');
    return "not valid UTF-8 (first bad byte at offset " + std::to_string(bad) + ", line " + std::to_string(line) +
           "); convert it to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8";
}

/// Drops a UTF-8 byte order mark and turns CR LF and lone CR into LF.
std::string normalise_line_ends(std::string contents) {
    if (contents.compare(0, 3, "\xEF\xBB\xBF") == 0) contents.erase(0, 3);
    if (contents.find('\r') == std::string::npos) return contents;
    std::string out;
    out.reserve(contents.size());
    for (std::size_t i = 0; i < contents.size(); ++i) {
        if (contents[i] == '\r') {
            out.push_back('\n');
            if (i + 1 < contents.size() && contents[i + 1] == '\n') ++i;
        } else {
            out.push_back(contents[i]);
        }
    }
    return out;
}

/// A plain-text article's title: its first line when that line stands alone
/// (followed by a blank line), is short and does not end like a sentence.
std::string plain_text_title(std::string_view text) {
    const std::vector<std::string> lines = util::split(text.substr(0, 4 * k_max_title_bytes), '\n');
    std::size_t first = 0;
    while (first < lines.size() && util::trim(lines[first]).empty()) ++first;
    if (first + 1 >= lines.size() || !util::trim(lines[first + 1]).empty()) return {};
    const std::string_view line = util::trim(lines[first]);
    if (line.size() > k_max_title_bytes || std::string_view(".!?,;:").find(line.back()) != std::string_view::npos) {
        return {};
    }
    return std::string(line);
}

std::string optional_field(const nlohmann::json& object, const char* key, std::string& error) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return std::string(util::trim(it->get_ref<const std::string&>()));
    if (std::string_view(key) == "id" && it->is_number_integer()) return it->dump();
    error = std::string("'") + key + "' must be a string";
    return {};
}

void parse_jsonl(std::string_view source, std::string_view contents, const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error) {
    std::size_t line_number = 0;
    std::size_t begin = 0;
    while (begin < contents.size()) {
        std::size_t end = contents.find('\n', begin);
        if (end == std::string_view::npos) end = contents.size();
        const std::string_view line = util::trim(contents.substr(begin, end - begin));
        begin = end + 1;
        ++line_number;
        if (line.empty()) continue;
        const std::string where = std::string(source) + ":line " + std::to_string(line_number);
        if (const std::string reason = utf8_reason(line); !reason.empty()) {
            on_error({where, "not valid UTF-8"});
            continue;
        }
        nlohmann::json object;
        try {
            object = nlohmann::json::parse(line);
        } catch (const nlohmann::json::exception& e) {
            // nlohmann's message starts with `[json.exception.parse_error.101] `: keep only the reason.
            std::string reason = e.what();
            if (const std::size_t bracket = reason.find("] "); reason.rfind('[', 0) == 0 && bracket != std::string::npos) {
                reason.erase(0, bracket + 2);
            }
            on_error({where, "not valid JSON: " + reason});
            continue;
        }
        if (!object.is_object()) {
            on_error({where, "not a JSON object; each line must be {\"id\": ..., \"title\": ..., \"text\": ...}"});
            continue;
        }
        auto text = object.find("text");
        if (text == object.end() || !text->is_string() || util::is_blank(text->get_ref<const std::string&>())) {
            on_error({where, "'text' must be a non-empty string"});
            continue;
        }
        // A `\u0000` escape would smuggle in the NUL bytes that make a file binary.
        if (text->get_ref<const std::string&>().find('\0') != std::string::npos) {
            on_error({where, "'text' contains a NUL character (\\u0000), which is not text"});
            continue;
        }
        std::string error;
        Article article;
        article.source = std::string(source) + "#" + std::to_string(line_number);
        article.external_id = optional_field(object, "id", error);
        article.title = optional_field(object, "title", error);
        article.url = optional_field(object, "url", error);
        article.published = optional_field(object, "published", error);
        if (!error.empty()) {
            on_error({where, error});
            continue;
        }
        article.text = normalise_line_ends(text->get<std::string>());
        on_article(std::move(article));
    }
}

bool is_hidden(const fs::path& path) {
    const std::string name = path.filename().string();
    return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

}  // namespace

std::optional<InputFormat> format_for_path(std::string_view path) {
    const std::string extension = util::to_lower_ascii(fs::path(path).extension().string());
    if (extension == ".txt" || extension == ".text") return InputFormat::text;
    if (extension == ".md" || extension == ".markdown") return InputFormat::markdown;
    if (extension == ".html" || extension == ".htm") return InputFormat::html;
    if (extension == ".jsonl" || extension == ".ndjson") return InputFormat::jsonl;
    return std::nullopt;
}

InputFormat sniff_format(std::string_view contents) {
    if (contents.compare(0, 3, "\xEF\xBB\xBF") == 0) contents.remove_prefix(3);
    const std::string_view start = util::trim(contents);
    return !start.empty() && start[0] == '<' ? InputFormat::html : InputFormat::text;
}

std::vector<std::string> list_inputs(const std::vector<std::string>& paths,
                                     const std::function<void(ReadError&&)>& on_error) {
    std::vector<std::string> inputs;
    for (const std::string& path : paths) {
        std::error_code error;
        if (path == "-" || !fs::is_directory(path, error)) {
            if (path != "-" && !fs::exists(path, error)) {
                on_error({path, "no such file or folder"});
                continue;
            }
            inputs.push_back(path);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, error);
        for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
            if (is_hidden(it->path())) {
                if (it->is_directory(error)) it.disable_recursion_pending();
                continue;
            }
            if (it->is_regular_file(error)) found.push_back(it->path().string());
        }
        if (error) {
            on_error({path, "cannot list folder: " + error.message()});
            continue;
        }
        if (found.empty()) {
            on_error({path, "folder has no files to read"});
            continue;
        }
        std::sort(found.begin(), found.end());
        inputs.insert(inputs.end(), found.begin(), found.end());
    }
    return inputs;
}

void parse_input(std::string_view source, std::string contents, InputFormat format,
                 const std::function<void(Article&&)>& on_article, const std::function<void(ReadError&&)>& on_error) {
    auto fail = [&](std::string message) { on_error({std::string(source), std::move(message)}); };
    if (contents.empty()) return fail("empty file");
    if (const std::string reason = binary_reason(contents); !reason.empty()) return fail(reason);
    if (util::is_blank(contents)) return fail("no text (only white space)");
    // JSON Lines are checked line by line, so that one bad line does not cost the others.
    if (format == InputFormat::jsonl) return parse_jsonl(source, normalise_line_ends(std::move(contents)), on_article, on_error);
    if (const std::string reason = utf8_reason(contents); !reason.empty()) return fail(reason);
    contents = normalise_line_ends(std::move(contents));
    Article article;
    article.source = std::string(source);
    switch (format) {
    case InputFormat::html: {
        HtmlText html = html_to_text(contents);
        article.title = std::move(html.title);
        article.text = std::move(html.text);
        break;
    }
    case InputFormat::markdown: {
        MarkdownText markdown = markdown_to_text(contents);
        article.title = std::move(markdown.title);
        article.text = std::move(markdown.text);
        break;
    }
    case InputFormat::text:
    case InputFormat::jsonl:
        article.title = plain_text_title(contents);
        article.text = std::move(contents);
        break;
    }
    if (util::is_blank(article.text)) {
        return fail(format == InputFormat::text ? "no text (only white space)" : "no text left after removing the markup");
    }
    on_article(std::move(article));
}

void read_input(const std::string& path, const std::function<void(Article&&)>& on_article,
                const std::function<void(ReadError&&)>& on_error, const ReadOptions& options) {
    auto too_large = [&](std::uintmax_t size) {
        on_error({path, "too large (" + size_text(size) + "; the limit is " + size_text(options.max_file_bytes) +
                            "); split it or raise the limit with --max-file-mb"});
    };
    if (path != "-") {
        std::error_code error;
        const std::uintmax_t size = fs::file_size(path, error);
        if (!error && size > options.max_file_bytes) return too_large(size);
    }
    auto contents = util::read_file(path);
    if (!contents) return on_error({path, contents.status().message()});
    if (contents->size() > options.max_file_bytes) return too_large(contents->size());
    const std::optional<InputFormat> format = path == "-" ? std::nullopt : format_for_path(path);
    const InputFormat chosen = format ? *format : sniff_format(*contents);
    parse_input(path, std::move(contents).value(), chosen, on_article, on_error);
}

void read_inputs(const std::vector<std::string>& paths, const std::function<void(Article&&)>& on_article,
                 const std::function<void(ReadError&&)>& on_error, const ReadOptions& options) {
    for (const std::string& input : list_inputs(paths, on_error)) read_input(input, on_article, on_error, options);
}

}  // namespace claimgraph::read
