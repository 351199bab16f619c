// UTF-8 decoding with maximal-subpart error recovery (Unicode 3.9, Table 3-7).
#include "util/utf8.h"

namespace claimgraph::util {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

}  // namespace

Utf8Char decode_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const unsigned char lead = bytes[0];
    if (lead < 0x80) return {lead, 1, true};

    std::size_t length = 0;
    char32_t code_point = 0;
    // The allowed range of the second byte rules out overlong forms, surrogates
    // and values past U+10FFFF at the first byte that shows them.
    unsigned char second_low = 0x80;
    unsigned char second_high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        code_point = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        code_point = lead & 0x0Fu;
        if (lead == 0xE0) second_low = 0xA0;
        if (lead == 0xED) {
            // A complete encoded surrogate is reported as one unit, so callers can drop it.
            if (text.size() >= 3 && bytes[1] >= 0xA0 && is_continuation(bytes[1]) && is_continuation(bytes[2])) {
                return {static_cast<char32_t>(0xD000 | ((bytes[1] & 0x3Fu) << 6) | (bytes[2] & 0x3Fu)), 3, false};
            }
            second_high = 0x9F;
        }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        code_point = lead & 0x07u;
        if (lead == 0xF0) second_low = 0x90;
        if (lead == 0xF4) second_high = 0x8F;
    } else {
        return {k_replacement_character, 1, false};
    }

    std::size_t taken = 1;
    while (taken < length) {
        if (taken >= text.size()) return {k_replacement_character, taken, false};
        const unsigned char byte = bytes[taken];
        const bool allowed = taken == 1 ? (byte >= second_low && byte <= second_high) : is_continuation(byte);
        if (!allowed) return {k_replacement_character, taken, false};
        code_point = (code_point << 6) | (byte & 0x3Fu);
        ++taken;
    }
    return {code_point, length, true};
}

void append_utf8(std::string& out, char32_t code_point) {
    if (code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) code_point = k_replacement_character;
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
}

std::string to_valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    while (!text.empty()) {
        if (static_cast<unsigned char>(text.front()) < 0x80) {
            out.push_back(text.front());
            text.remove_prefix(1);
            continue;
        }
        const Utf8Char c = decode_utf8(text);
        if (c.well_formed) {
            out.append(text.substr(0, c.length));
        } else {
            append_utf8(out, k_replacement_character);
        }
        text.remove_prefix(c.length);
    }
    return out;
}

bool is_invisible(char32_t c) {
    return c == 0x85 || c == 0xA0 || c == 0xAD || c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F) ||
           (c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) ||
           c == 0x3000 || c == 0xFEFF;
}

bool is_blank(std::string_view text) {
    while (!text.empty()) {
        const char c = text.front();
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            text.remove_prefix(1);
            continue;
        }
        const Utf8Char decoded = decode_utf8(text);
        if (!decoded.well_formed || !is_invisible(decoded.code_point)) return false;
        text.remove_prefix(decoded.length);
    }
    return true;
}

}  // namespace claimgraph::util
