// Markdown → plain text: a line-based pass for blocks, then one pass per line
// for inline markup. Not a full CommonMark parser: enough to keep the prose.
#include "read/markdown.h"

#include "read/html.h"
#include "util/strings.h"

#include <vector>

namespace claimgraph::read {

namespace {

bool is_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           (static_cast<unsigned char>(c) >= 0x80);
}
bool is_ascii_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

/// Position just past the `]` matching the `[` at `open`, or npos.
std::size_t matching_bracket(std::string_view line, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
        } else if (line[i] == '[') {
            ++depth;
        } else if (line[i] == ']' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

/// Position just past the `)` matching the `(` at `open`, or npos.
std::size_t matching_paren(std::string_view line, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < line.size(); ++i) {
        if (line[i] == '(') ++depth;
        else if (line[i] == ')' && --depth == 0) return i + 1;
    }
    return std::string_view::npos;
}

/// Where a link's destination (`(url)`, `[ref]` or `[]`) after `]` ends, or npos if there is none.
std::size_t link_destination_end(std::string_view line, std::size_t at) {
    if (at >= line.size()) return std::string_view::npos;
    if (line[at] == '(') return matching_paren(line, at);
    if (line[at] == '[') return matching_bracket(line, at);
    return std::string_view::npos;
}

std::string inline_text(std::string_view line) {
    std::string out;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '\\' && i + 1 < line.size() && is_ascii_punct(line[i + 1])) {
            out.push_back(line[i + 1]);
            i += 2;
            continue;
        }
        if (c == '!' && i + 1 < line.size() && line[i + 1] == '[') {
            const std::size_t close = matching_bracket(line, i + 1);
            const std::size_t end = close == std::string_view::npos ? close : link_destination_end(line, close);
            if (end != std::string_view::npos) {
                i = end;  // images are not prose
                continue;
            }
        }
        if (c == '[') {
            const std::size_t close = matching_bracket(line, i);
            const std::size_t end = close == std::string_view::npos ? close : link_destination_end(line, close);
            if (end != std::string_view::npos) {
                out += inline_text(line.substr(i + 1, close - i - 2));
                i = end;
                continue;
            }
        }
        if (c == '`') {
            std::size_t ticks = i;
            while (ticks < line.size() && line[ticks] == '`') ++ticks;
            const std::string fence(ticks - i, '`');
            const std::size_t close = line.find(fence, ticks);
            if (close != std::string_view::npos) {
                out += util::trim(line.substr(ticks, close - ticks));
                i = close + fence.size();
                continue;
            }
            out += fence;
            i = ticks;
            continue;
        }
        if (c == '<') {
            // Autolinks keep their address; inline HTML tags go.
            const std::size_t close = line.find('>', i);
            if (close != std::string_view::npos) {
                const std::string_view inside = line.substr(i + 1, close - i - 1);
                if (inside.find("://") != std::string_view::npos || inside.find("mailto:") == 0) {
                    out += inside;
                    i = close + 1;
                    continue;
                }
                if (!inside.empty() && (inside[0] == '/' || (inside[0] >= 'a' && inside[0] <= 'z') ||
                                        (inside[0] >= 'A' && inside[0] <= 'Z'))) {
                    i = close + 1;
                    continue;
                }
            }
        }
        if (c == '*' || c == '~') {
            std::size_t run = i;
            while (run < line.size() && line[run] == c) ++run;
            if (c == '*' || run - i >= 2) {
                i = run;  // emphasis and strike-through markers
                continue;
            }
        }
        if (c == '_') {
            std::size_t run = i;
            while (run < line.size() && line[run] == '_') ++run;
            const bool inside_word = i > 0 && is_alnum(line[i - 1]) && run < line.size() && is_alnum(line[run]);
            if (!inside_word) {
                i = run;
                continue;
            }
        }
        out.push_back(c);
        ++i;
    }
    return out;
}

/// The number of leading spaces (tabs count as 4).
std::size_t indentation(std::string_view line) {
    std::size_t width = 0;
    for (char c : line) {
        if (c == ' ') ++width;
        else if (c == '\t') width += 4;
        else break;
    }
    return width;
}

/// True for `---`, `***`, `___` (at least three of one marker, spaces allowed).
bool is_rule(std::string_view line) {
    char marker = 0;
    int count = 0;
    for (char c : line) {
        if (c == ' ' || c == '\t') continue;
        if (c != '-' && c != '*' && c != '_') return false;
        if (marker != 0 && c != marker) return false;
        marker = c;
        ++count;
    }
    return count >= 3;
}

/// True for a setext underline: only `=` or only `-` (spaces around allowed).
bool is_setext_underline(std::string_view line) {
    line = util::trim(line);
    if (line.empty() || (line[0] != '=' && line[0] != '-')) return false;
    return line.find_first_not_of(line[0]) == std::string_view::npos;
}

/// Length of a list marker (`- `, `* `, `+ `, `1. `, `1) `) at the start of `line`, 0 if none.
std::size_t list_marker(std::string_view line) {
    if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && (line[1] == ' ' || line[1] == '\t')) {
        return 2;
    }
    std::size_t digits = 0;
    while (digits < line.size() && digits < 9 && line[digits] >= '0' && line[digits] <= '9') ++digits;
    if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
        (line[digits + 1] == ' ' || line[digits + 1] == '\t')) {
        return digits + 2;
    }
    return 0;
}

/// True for `[label]: destination`.
bool is_reference_definition(std::string_view line) {
    if (line.empty() || line[0] != '[') return false;
    const std::size_t close = matching_bracket(line, 0);
    return close != std::string_view::npos && close < line.size() && line[close] == ':';
}

/// True for a table delimiter row such as `| --- | :---: |`.
bool is_table_delimiter(std::string_view line) {
    line = util::trim(line);
    if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos) return false;
    return line.find_first_not_of("|-: \t") == std::string_view::npos;
}

class Paragraphs {
public:
    /// Adds a line of prose; runs of spaces left by removed markup become one. Lines of a
    /// paragraph join with a space (a soft break), or `\n` after a hard break (`  ` or `\` at the end).
    void line(const std::string& raw, bool hard_break_after = false) {
        std::string text;
        for (char c : util::trim(raw)) {
            if (c == ' ' && !text.empty() && text.back() == ' ') continue;
            text.push_back(c);
        }
        if (text.empty()) return;
        if (!m_current.empty()) m_current += m_hard_break ? '\n' : ' ';
        m_current += text;
        m_hard_break = hard_break_after;
    }
    void end() {
        if (m_current.empty()) return;
        if (!m_out.empty()) m_out += "\n\n";
        m_out += m_current;
        m_current.clear();
        m_hard_break = false;
    }
    std::string take() {
        end();
        return std::move(m_out);
    }

private:
    std::string m_out;
    std::string m_current;
    bool m_hard_break = false;
};

}  // namespace

MarkdownText markdown_to_text(std::string_view markdown) {
    MarkdownText result;
    Paragraphs paragraphs;
    const std::vector<std::string> lines = util::split(markdown, '\n');
    std::string fence;  // the open code fence's marker, empty outside fences
    auto heading = [&](std::string text) {
        text = decode_entities(inline_text(util::trim(text)));
        if (result.title.empty()) result.title = std::string(util::trim(text));
        paragraphs.end();
        paragraphs.line(std::move(text));
        paragraphs.end();
    };
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = lines[n];
        const std::size_t indent = indentation(line);
        std::string_view body = util::trim(line);
        if (!fence.empty()) {
            if (body.substr(0, fence.size()) == fence && body.find_first_not_of(fence[0]) == std::string_view::npos) {
                fence.clear();
            }
            continue;
        }
        if (indent < 4 && (body.substr(0, 3) == "```" || body.substr(0, 3) == "~~~")) {
            fence = std::string(body.substr(0, body.find_first_not_of(body[0])));
            paragraphs.end();
            continue;
        }
        // Block quotes: strip every `>` level and read the rest as ordinary lines.
        while (!body.empty() && body[0] == '>') body = util::trim(body.substr(1));
        if (body.empty()) {
            paragraphs.end();
            continue;
        }
        if (is_reference_definition(body) || is_table_delimiter(body)) continue;
        if (body[0] == '#') {
            const std::size_t level = body.find_first_not_of('#');
            if (level != std::string_view::npos && level <= 6 && (body[level] == ' ' || body[level] == '\t')) {
                std::string_view text = util::trim(body.substr(level));
                while (!text.empty() && text.back() == '#') text.remove_suffix(1);
                heading(std::string(text));
                continue;
            }
        }
        if (is_rule(body)) {
            paragraphs.end();
            continue;
        }
        if (n + 1 < lines.size() && is_setext_underline(lines[n + 1]) && list_marker(body) == 0) {
            heading(std::string(body));
            ++n;
            continue;
        }
        if (const std::size_t marker = list_marker(body); marker > 0) {
            paragraphs.end();
            body = util::trim(body.substr(marker));
        }
        // Table rows stay one per line: each is a paragraph of its own.
        const bool table_row = body[0] == '|';
        if (table_row) paragraphs.end();
        const bool hard_break = line.ends_with("  ") || body.back() == '\\';
        if (body.back() == '\\') body.remove_suffix(1);
        paragraphs.line(decode_entities(inline_text(body)), hard_break);
        if (table_row) paragraphs.end();
    }
    result.text = paragraphs.take();
    return result;
}

}  // namespace claimgraph::read
