// Tests of util/utf8: decoding steps and repair of ill-formed UTF-8.
#include "util/utf8.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimgraph::util;

TEST_CASE("decode_utf8") {
    struct Case {
        std::string text;
        char32_t code_point;
        std::size_t length;
        bool well_formed;
    };
    const Case cases[] = {
        {"A", U'A', 1, true},
        {"\xC3\xA9x", 0xE9, 2, true},                  // é
        {"\xE6\x9D\xB1", 0x6771, 3, true},             // 東
        {"\xF0\x9F\x98\x80", 0x1F600, 4, true},        // 😀
        {"\xEF\xBF\xBE", 0xFFFE, 3, true},             // a noncharacter is still UTF-8
        {"\xC3", 0xFFFD, 1, false},                    // truncated
        {"\xE6\x9D", 0xFFFD, 2, false},                // truncated after a valid prefix: one unit
        {"\xE6\x9Dx", 0xFFFD, 2, false},
        {"\xC0\xAF", 0xFFFD, 1, false},                // overlong lead byte
        {"\xE0\x80\x80", 0xFFFD, 1, false},            // overlong three-byte form
        {"\xF4\x90\x80\x80", 0xFFFD, 1, false},        // past U+10FFFF
        {"\xFF", 0xFFFD, 1, false},
        {"\x80", 0xFFFD, 1, false},                    // stray continuation byte
        {"\xED\xA0\x80", 0xD800, 3, false},            // encoded surrogate, one unit
        {"\xED\xBF\xBF", 0xDFFF, 3, false},
        {"\xED\xA0", 0xFFFD, 1, false},                // truncated surrogate
        {"\xED\x9F\xBF", 0xD7FF, 3, true},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        const Utf8Char decoded = decode_utf8(c.text);
        CHECK(decoded.code_point == c.code_point);
        CHECK(decoded.length == c.length);
        CHECK(decoded.well_formed == c.well_formed);
    }
}

TEST_CASE("append_utf8") {
    std::string out;
    for (char32_t c : {char32_t{0x41}, char32_t{0xE9}, char32_t{0x6771}, char32_t{0x1F600}}) append_utf8(out, c);
    CHECK(out == "A\xC3\xA9\xE6\x9D\xB1\xF0\x9F\x98\x80");
}

TEST_CASE("to_valid_utf8") {
    struct Case {
        std::string text;
        std::string expected;
    };
    const std::string fffd = "\xEF\xBF\xBD";
    const Case cases[] = {
        {"", ""},
        {"Café Ærø, 東京 😀", "Café Ærø, 東京 😀"},
        {std::string("nul\0kept", 8), std::string("nul\0kept", 8)},  // valid UTF-8; cleaning for XML is xml.h's job
        {"a\xFF" "b", "a" + fffd + "b"},
        {"\xE6\x9D" "x", fffd + "x"},
        {"\xF0\x9F\x98", fffd},
        {"\xC0\xAF", fffd + fffd},
        {"\xED\xA0\x80z", fffd + "z"},
        {"\x80\x80", fffd + fffd},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(to_valid_utf8(c.text) == c.expected);
    }
}

TEST_CASE("is_blank") {
    struct Case {
        std::string text;
        bool blank;
    };
    const Case cases[] = {
        {"", true},
        {" \t\r\n\f\v", true},
        {"\xE3\x80\x80", true},                            // U+3000 ideographic space
        {"\xC2\xA0 \xE2\x80\x8B\xEF\xBB\xBF", true},   // no-break space, zero-width space, BOM
        {"\xE2\x80\x8F\xE2\x80\xAE\xE2\x81\xA0", true}, // RLM, RLO, word joiner
        {"\xC2\xAD\xE1\x9A\x80", true},                 // soft hyphen, Ogham space mark
        {" a ", false},
        {"\xE3\x80\x80\xE6\x9D\xB1", false},            // space then 東
        {"\xD7\x90", false},                             // Hebrew alef
        {"\xFF", false},                                  // not UTF-8
        {"\xE3\x80", false},                             // truncated
        {std::string(1, '\0'), false},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK(is_blank(c.text) == c.blank);
    }
}
