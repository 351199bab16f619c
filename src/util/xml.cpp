// XML 1.0 escaping and character cleaning, one pass over the UTF-8 input.
#include "util/xml.h"

#include "util/utf8.h"

namespace claimgraph::util {

namespace {

// Appends the cleaned form of `text`; `escape` returns the replacement for an
// ASCII character (or nullptr to copy it).
template <typename Escape>
void append_clean(std::string& out, std::string_view text, Escape escape) {
    while (!text.empty()) {
        const auto byte = static_cast<unsigned char>(text.front());
        if (byte < 0x80) {
            if (const char* replacement = escape(static_cast<char>(byte))) {
                out += replacement;
            } else if (byte >= 0x20 || byte == '\t' || byte == '\n' || byte == '\r') {
                out.push_back(static_cast<char>(byte));
            }
            text.remove_prefix(1);
            continue;
        }
        const Utf8Char c = decode_utf8(text);
        if (c.well_formed) {
            if (is_xml_char(c.code_point)) out.append(text.substr(0, c.length));
        } else if (c.code_point == k_replacement_character) {
            append_utf8(out, k_replacement_character);
        }
        // An encoded surrogate is dropped: XML has no way to hold one.
        text.remove_prefix(c.length);
    }
}

const char* no_escape(char) { return nullptr; }

const char* escape_markup(char c, XmlContext context) {
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    case '\r':
        return "&#13;";  // parsers turn a raw CR (and CR LF) into LF
    case '\t':
        return context == XmlContext::attribute ? "&#9;" : nullptr;
    case '\n':
        return context == XmlContext::attribute ? "&#10;" : nullptr;
    default:
        return nullptr;
    }
}

}  // namespace

bool is_xml_char(char32_t code_point) {
    if (code_point < 0x20) return code_point == '\t' || code_point == '\n' || code_point == '\r';
    if (code_point <= 0xD7FF) return true;
    if (code_point < 0xE000) return false;
    if (code_point <= 0xFFFD) return true;
    return code_point >= 0x10000 && code_point <= 0x10FFFF;
}

std::string to_xml_chars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_clean(out, text, no_escape);
    return out;
}

void append_xml_escaped(std::string& out, std::string_view text, XmlContext context) {
    append_clean(out, text, [context](char c) { return escape_markup(c, context); });
}

std::string xml_escaped(std::string_view text, XmlContext context) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    append_xml_escaped(out, text, context);
    return out;
}

}  // namespace claimgraph::util
