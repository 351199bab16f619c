// Tests of util/xml: which characters XML 1.0 can hold, and escaping.
#include "util/xml.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimgraph::util;

TEST_CASE("is_xml_char") {
    CHECK(is_xml_char(U'\t'));
    CHECK(is_xml_char(U'\n'));
    CHECK(is_xml_char(U'\r'));
    CHECK(is_xml_char(U' '));
    CHECK(is_xml_char(0xD7FF));
    CHECK(is_xml_char(0xE000));
    CHECK(is_xml_char(0xFFFD));
    CHECK(is_xml_char(0x10000));
    CHECK(is_xml_char(0x10FFFF));
    CHECK_FALSE(is_xml_char(0x0));
    CHECK_FALSE(is_xml_char(0x1));
    CHECK_FALSE(is_xml_char(0x1F));
    CHECK_FALSE(is_xml_char(0xD800));
    CHECK_FALSE(is_xml_char(0xDFFF));
    CHECK_FALSE(is_xml_char(0xFFFE));
    CHECK_FALSE(is_xml_char(0xFFFF));
    CHECK_FALSE(is_xml_char(0x110000));
}

TEST_CASE("xml_escaped") {
    struct Case {
        const char* what;
        std::string text;
        std::string as_text;       // XmlContext::text
        std::string as_attribute;  // XmlContext::attribute
    };
    const std::string fffd = "\xEF\xBF\xBD";
    const Case cases[] = {
        {"plain", "Vladimir Putin", "Vladimir Putin", "Vladimir Putin"},
        {"markup", "a & b < c > d \" e ' f", "a &amp; b &lt; c &gt; d &quot; e &apos; f",
         "a &amp; b &lt; c &gt; d &quot; e &apos; f"},
        {"entity-looking text", "&amp; &#38;", "&amp;amp; &amp;#38;", "&amp;amp; &amp;#38;"},
        {"CDATA end", "]]>", "]]&gt;", "]]&gt;"},
        {"non-ASCII", "Café Ærø 東京 😀", "Café Ærø 東京 😀", "Café Ærø 東京 😀"},
        {"white space", "a\tb\nc\r\nd", "a\tb\nc&#13;\nd", "a&#9;b&#10;c&#13;&#10;d"},
        {"C0 controls", std::string("a\0b\x01\x08\x0B\x0C\x1B\x1F" "c", 10), "abc", "abc"},
        {"DEL and C1 stay", "a\x7F\xC2\x85" "b", "a\x7F\xC2\x85" "b", "a\x7F\xC2\x85" "b"},
        {"U+FFFE and U+FFFF", "a\xEF\xBF\xBE\xEF\xBF\xBF" "b", "ab", "ab"},
        {"encoded surrogates", "a\xED\xA0\x80\xED\xBF\xBF" "b", "ab", "ab"},
        {"invalid UTF-8", "a\xFF" "b\xC3", "a" + fffd + "b" + fffd, "a" + fffd + "b" + fffd},
        {"overlong '<'", "\xC0\xBC", fffd + fffd, fffd + fffd},
        {"SQL-looking", "Robert'); DROP TABLE entities;--", "Robert&apos;); DROP TABLE entities;--",
         "Robert&apos;); DROP TABLE entities;--"},
        {"markup injection", "</data><data key=\"x\">", "&lt;/data&gt;&lt;data key=&quot;x&quot;&gt;",
         "&lt;/data&gt;&lt;data key=&quot;x&quot;&gt;"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        CHECK(xml_escaped(c.text, XmlContext::text) == c.as_text);
        CHECK(xml_escaped(c.text, XmlContext::attribute) == c.as_attribute);
    }
}

TEST_CASE("to_xml_chars") {
    SUBCASE("keeps markup characters unescaped") { CHECK(to_xml_chars("a & <b>") == "a & <b>"); }
    SUBCASE("drops what XML cannot hold and repairs UTF-8") {
        CHECK(to_xml_chars(std::string("x\0y\x01z\xEF\xBF\xBF\xED\xA0\x80\xFF", 12)) == "xyz\xEF\xBF\xBD");
    }
    SUBCASE("keeps tab, LF and CR") { CHECK(to_xml_chars("a\tb\nc\rd") == "a\tb\nc\rd"); }
}

TEST_CASE("append_xml_escaped appends") {
    std::string out = "<x>";
    append_xml_escaped(out, "1 < 2", XmlContext::text);
    CHECK(out == "<x>1 &lt; 2");
}
