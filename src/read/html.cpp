// HTML → plain text: a lenient tag scanner (no DOM), enough for article pages.
#include "read/html.h"

#include "util/strings.h"
#include "util/utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

namespace claimgraph::read {

namespace {

struct NamedEntity {
    std::string_view name;
    char32_t code_point;
};

// The references news pages actually use; `nbsp` maps to a plain space so that
// the text stage sees ordinary white space.
constexpr std::array<NamedEntity, 78> k_entities = {{
    {"amp", U'&'},       {"lt", U'<'},         {"gt", U'>'},         {"quot", U'"'},       {"apos", U'\''},
    {"nbsp", U' '},      {"ensp", U' '},       {"emsp", U' '},       {"thinsp", U' '},     {"shy", 0},
    {"zwj", 0},          {"zwnj", 0},          {"ndash", U'\u2013'}, {"mdash", U'\u2014'}, {"minus", U'\u2212'},
    {"hellip", U'\u2026'}, {"lsquo", U'\u2018'}, {"rsquo", U'\u2019'}, {"sbquo", U'\u201A'}, {"ldquo", U'\u201C'},
    {"rdquo", U'\u201D'}, {"bdquo", U'\u201E'}, {"laquo", U'\u00AB'}, {"raquo", U'\u00BB'}, {"lsaquo", U'\u2039'},
    {"rsaquo", U'\u203A'}, {"prime", U'\u2032'}, {"Prime", U'\u2033'}, {"bull", U'\u2022'}, {"middot", U'\u00B7'},
    {"copy", U'\u00A9'}, {"reg", U'\u00AE'},   {"trade", U'\u2122'}, {"euro", U'\u20AC'}, {"pound", U'\u00A3'},
    {"yen", U'\u00A5'},  {"cent", U'\u00A2'},  {"sect", U'\u00A7'},  {"para", U'\u00B6'},  {"deg", U'\u00B0'},
    {"plusmn", U'\u00B1'}, {"times", U'\u00D7'}, {"divide", U'\u00F7'}, {"frac12", U'\u00BD'}, {"frac14", U'\u00BC'},
    {"frac34", U'\u00BE'}, {"iexcl", U'\u00A1'}, {"iquest", U'\u00BF'}, {"aacute", U'\u00E1'}, {"agrave", U'\u00E0'},
    {"acirc", U'\u00E2'}, {"atilde", U'\u00E3'}, {"auml", U'\u00E4'}, {"aring", U'\u00E5'}, {"ccedil", U'\u00E7'},
    {"eacute", U'\u00E9'}, {"egrave", U'\u00E8'}, {"ecirc", U'\u00EA'}, {"euml", U'\u00EB'}, {"iacute", U'\u00ED'},
    {"iuml", U'\u00EF'}, {"ntilde", U'\u00F1'}, {"oacute", U'\u00F3'}, {"ocirc", U'\u00F4'}, {"otilde", U'\u00F5'},
    {"ouml", U'\u00F6'}, {"oslash", U'\u00F8'}, {"uacute", U'\u00FA'}, {"uuml", U'\u00FC'}, {"szlig", U'\u00DF'},
    {"Aacute", U'\u00C1'}, {"Eacute", U'\u00C9'}, {"Auml", U'\u00C4'}, {"Ouml", U'\u00D6'}, {"Uuml", U'\u00DC'},
    {"Ccedil", U'\u00C7'}, {"Ntilde", U'\u00D1'}, {"Oslash", U'\u00D8'},
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Elements whose whole content is dropped.
bool is_dropped(std::string_view name) {
    static constexpr std::array<std::string_view, 8> k_names = {"script", "style",  "noscript", "template",
                                                                "svg",    "nav",    "head",     "iframe"};
    return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

/// Elements that start and end a paragraph.
bool is_block(std::string_view name) {
    static constexpr std::array<std::string_view, 36> k_names = {
        "p",       "div",    "h1",         "h2",     "h3",         "h4",      "h5",     "h6",    "li",
        "ul",      "ol",     "dl",         "dt",     "dd",         "table",   "tr",     "thead", "tbody",
        "tfoot",   "caption", "blockquote", "pre",   "section",    "article", "header", "footer", "aside",
        "main",    "figure", "figcaption", "hr",     "address",    "form",    "fieldset", "details", "summary"};
    return std::find(k_names.begin(), k_names.end(), name) != k_names.end();
}

/// Builds the output text with browser-like white space handling.
class TextBuilder {
public:
    void text(std::string_view decoded, bool preformatted) {
        for (char c : decoded) {
            if (c == '\r') continue;
            if (preformatted && c == '\n') {
                line_break();
                continue;
            }
            if (is_space(c)) {
                m_pending_space = true;
                continue;
            }
            if (m_pending_breaks > 0 && !m_out.empty()) {
                while (!m_out.empty() && m_out.back() == ' ') m_out.pop_back();
                m_out.append(m_pending_breaks, '\n');
            } else if (m_pending_space && !m_out.empty() && m_out.back() != '\n') {
                m_out.push_back(' ');
            }
            m_pending_breaks = 0;
            m_pending_space = false;
            m_out.push_back(c);
        }
    }
    void paragraph_break() { m_pending_breaks = 2; }
    void line_break() { m_pending_breaks = std::max(m_pending_breaks, 1); }
    void space() { m_pending_space = true; }
    std::string take() { return std::move(m_out); }

private:
    std::string m_out;
    int m_pending_breaks = 0;
    bool m_pending_space = false;
};

/// Position just past the `>` that ends the tag starting at `begin`, honouring quoted attribute values.
std::size_t tag_end(std::string_view html, std::size_t begin) {
    char quote = 0;
    for (std::size_t i = begin; i < html.size(); ++i) {
        const char c = html[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

/// Position of the first `</name` (case-insensitive) at or after `from` that
/// closes element `name`, or the end of `html`.
std::size_t find_closing(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find("</", from); at != std::string_view::npos; at = html.find("</", at + 2)) {
        const std::size_t after = at + 2 + name.size();
        if (after > html.size() || !util::iequals(html.substr(at + 2, name.size()), name)) continue;
        if (after == html.size() || !(is_alpha(html[after]) || is_digit(html[after]))) return at;
    }
    return html.size();
}

/// Position of the first `<name` (case-insensitive) at or after `from`, or the end.
std::size_t find_opening(std::string_view html, std::size_t from, std::string_view name) {
    for (std::size_t at = html.find('<', from); at != std::string_view::npos; at = html.find('<', at + 1)) {
        const std::size_t after = at + 1 + name.size();
        if (after > html.size() || !util::iequals(html.substr(at + 1, name.size()), name)) continue;
        if (after == html.size() || !(is_alpha(html[after]) || is_digit(html[after]))) return at;
    }
    return html.size();
}

std::string collapse_space(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : util::trim(text)) {
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string decode_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '&') {
            out.push_back(text[i++]);
            continue;
        }
        const std::size_t semicolon = text.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 32) {
            out.push_back(text[i++]);
            continue;
        }
        const std::string_view body = text.substr(i + 1, semicolon - i - 1);
        bool decoded = false;
        if (body.size() >= 2 && body[0] == '#') {
            const bool hex = body[1] == 'x' || body[1] == 'X';
            const std::string_view digits = body.substr(hex ? 2 : 1);
            std::uint32_t value = 0;
            bool valid = !digits.empty() && digits.size() <= 8;
            for (char c : digits) {
                if (!valid) break;
                std::uint32_t digit = 0;
                if (is_digit(c)) digit = static_cast<std::uint32_t>(c - '0');
                else if (hex && c >= 'a' && c <= 'f') digit = static_cast<std::uint32_t>(c - 'a' + 10);
                else if (hex && c >= 'A' && c <= 'F') digit = static_cast<std::uint32_t>(c - 'A' + 10);
                else valid = false;
                value = value * (hex ? 16u : 10u) + digit;
            }
            if (valid) {
                util::append_utf8(out, value == 0 ? char32_t{0xFFFD} : static_cast<char32_t>(value));
                decoded = true;
            }
        } else {
            for (const NamedEntity& entity : k_entities) {
                if (entity.name == body) {
                    if (entity.code_point != 0) util::append_utf8(out, entity.code_point);
                    decoded = true;
                    break;
                }
            }
        }
        if (decoded) {
            i = semicolon + 1;
        } else {
            out.push_back(text[i++]);
        }
    }
    return out;
}

HtmlText html_to_text(std::string_view html) {
    HtmlText result;
    TextBuilder builder;
    int preformatted = 0;
    std::size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            const std::size_t next = std::min(html.find('<', i), html.size());
            builder.text(decode_entities(html.substr(i, next - i)), preformatted > 0);
            i = next;
            continue;
        }
        if (html.substr(i, 4) == "<!--") {
            const std::size_t close = html.find("-->", i + 4);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        if (html.substr(i, 9) == "<![CDATA[") {
            const std::size_t close = html.find("]]>", i + 9);
            const std::size_t end = close == std::string_view::npos ? html.size() : close;
            builder.text(html.substr(i + 9, end - i - 9), preformatted > 0);
            i = close == std::string_view::npos ? html.size() : close + 3;
            continue;
        }
        if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
            i = tag_end(html, i + 1);
            continue;
        }
        const bool closing = i + 1 < html.size() && html[i + 1] == '/';
        std::size_t name_begin = i + (closing ? 2 : 1);
        std::size_t name_end = name_begin;
        while (name_end < html.size() && (is_alpha(html[name_end]) || is_digit(html[name_end]) || html[name_end] == '-')) {
            ++name_end;
        }
        if (name_end == name_begin || !is_alpha(html[name_begin])) {
            // `a < b`, `<3`: a literal less-than sign, as browsers read it.
            builder.text("<", preformatted > 0);
            ++i;
            continue;
        }
        const std::string name = util::to_lower_ascii(html.substr(name_begin, name_end - name_begin));
        const std::size_t after_tag = tag_end(html, name_end);
        const bool self_closing = after_tag >= 2 && html[after_tag - 2] == '/';
        i = after_tag;
        if (closing) {
            if (name == "pre" && preformatted > 0) --preformatted;
            if (is_block(name)) builder.paragraph_break();
            else if (name == "td" || name == "th") builder.space();
            continue;
        }
        if (name == "title") {
            const std::size_t close = find_closing(html, i, name);
            if (result.title.empty()) result.title = collapse_space(decode_entities(html.substr(i, close - i)));
            i = tag_end(html, close);
            continue;
        }
        if (is_dropped(name) && !self_closing) {
            if (name == "head") {
                // The head's only prose is its title. `</head>` may be omitted: then the head ends at `<body`.
                std::size_t close = find_closing(html, i, name);
                std::size_t resume = tag_end(html, close);
                if (close == html.size()) close = resume = find_opening(html, i, "body");
                const std::string_view head = html.substr(i, close - i);
                const std::size_t title = find_opening(head, 0, "title");
                if (title != head.size() && result.title.empty()) {
                    const std::size_t title_text = tag_end(head, title + 6);
                    const std::size_t title_close = find_closing(head, title_text, "title");
                    result.title = collapse_space(decode_entities(head.substr(title_text, title_close - title_text)));
                }
                i = resume;
                continue;
            }
            i = tag_end(html, find_closing(html, i, name));
            continue;
        }
        if (name == "br") builder.line_break();
        else if (name == "pre") {
            builder.paragraph_break();
            ++preformatted;
        } else if (is_block(name)) builder.paragraph_break();
        else if (name == "td" || name == "th" || name == "img") builder.space();
    }
    result.text = builder.take();
    return result;
}

}  // namespace claimgraph::read
