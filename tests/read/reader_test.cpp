// Tests of the read stage: formats, markup removal, per-input errors, folders, stdin.
#include "read/html.h"
#include "read/markdown.h"
#include "read/reader.h"

#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <sstream>

using namespace claimgraph;
using claimgraph::testing::TempDir;

namespace {

void write(const std::string& path, const std::string& contents) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream out(path, std::ios::binary);
    out << contents;
}

struct Collected {
    std::vector<read::Article> articles;
    std::vector<read::ReadError> errors;
};

Collected read_all(const std::vector<std::string>& paths, const read::ReadOptions& options = {}) {
    Collected c;
    read::read_inputs(
        paths, [&](read::Article&& a) { c.articles.push_back(std::move(a)); },
        [&](read::ReadError&& e) { c.errors.push_back(std::move(e)); }, options);
    return c;
}

}  // namespace

TEST_CASE("format_for_path") {
    CHECK(read::format_for_path("a/b.txt") == read::InputFormat::text);
    CHECK(read::format_for_path("b.TEXT") == read::InputFormat::text);
    CHECK(read::format_for_path("b.md") == read::InputFormat::markdown);
    CHECK(read::format_for_path("b.markdown") == read::InputFormat::markdown);
    CHECK(read::format_for_path("b.html") == read::InputFormat::html);
    CHECK(read::format_for_path("b.HTM") == read::InputFormat::html);
    CHECK(read::format_for_path("b.jsonl") == read::InputFormat::jsonl);
    CHECK(read::format_for_path("b.ndjson") == read::InputFormat::jsonl);
    CHECK_FALSE(read::format_for_path("b.csv").has_value());
    CHECK_FALSE(read::format_for_path("README").has_value());
    CHECK(read::sniff_format("  \n<!DOCTYPE html><p>x") == read::InputFormat::html);
    CHECK(read::sniff_format("\xEF\xBB\xBF<html>") == read::InputFormat::html);
    CHECK(read::sniff_format("Plain <b>text</b>") == read::InputFormat::text);
}

TEST_CASE("decode_entities") {
    struct Row {
        std::string in;
        std::string out;
    };
    const Row rows[] = {
        {"Tom &amp; Jerry", "Tom & Jerry"},
        {"&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'"},
        {"a&nbsp;b", "a b"},
        {"&ldquo;Hi&rdquo; &mdash; it&rsquo;s &hellip;", "\u201CHi\u201D \u2014 it\u2019s \u2026"},
        {"&#8220;&#x201D;&#X2019;&#65;", "\u201C\u201D\u2019A"},
        {"&#128512;", "\U0001F600"},
        {"&#xD800; &#0; &#x110000;", "\uFFFD \uFFFD \uFFFD"},
        {"&unknown; &amp &#xZZ; & alone", "&unknown; &amp &#xZZ; & alone"},
        {"caf&eacute; na&iuml;ve soft&shy;ware", "caf\u00E9 na\u00EFve software"},
    };
    for (const Row& row : rows) {
        CAPTURE(row.in);
        CHECK(read::decode_entities(row.in) == row.out);
    }
}

TEST_CASE("html_to_text") {
    struct Row {
        const char* name;
        std::string html;
        std::string title;
        std::string text;
    };
    const Row rows[] = {
        {"title, head and body",
         "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title> Putin &amp; the\n FMs </title>"
         "<style>p { color: red; }</style></head><body><p>First  para.</p><p>Second\npara.</p></body></html>",
         "Putin & the FMs", "First para.\n\nSecond para."},
        {"scripts, styles, comments and nav dropped",
         "<p>Keep <script>var s = \"<p>not this</p>\";</script>this<!-- or <p>this --></p>"
         "<nav><a href=/>Home</a></nav><noscript>Enable JS</noscript><STYLE>x{}</STYLE><p>too</p>",
         "", "Keep this\n\ntoo"},
        {"block elements are paragraphs, inline ones are not",
         "<div><h1>Head</h1><p>One <b>bold</b> <a href=\"x\">link</a>.</p><ul><li>A</li><li>B</li></ul></div>", "",
         "Head\n\nOne bold link.\n\nA\n\nB"},
        {"line breaks and preformatted text", "<p>Line one<br>line two<br/>end</p><pre>a\nb</pre>", "",
         "Line one\nline two\nend\n\na\nb"},
        {"entities and attributes with >", "<p title=\"a > b\">It&rsquo;s &#8220;fine&#8221;&nbsp;now.</p>", "",
         "It\u2019s \u201Cfine\u201D now."},
        {"head without its end tag", "<html><head><title>T</title><body><p>Body text.</p>", "T", "Body text."},
        {"a literal less-than sign", "<p>3 < 5 and 7 &gt; 2</p>", "", "3 < 5 and 7 > 2"},
        {"table cells", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "", "a b\n\nc"},
        {"CDATA", "<p><![CDATA[raw <text>]]></p>", "", "raw <text>"},
    };
    for (const Row& row : rows) {
        SUBCASE(row.name) {
            const read::HtmlText result = read::html_to_text(row.html);
            CHECK(result.title == row.title);
            CHECK(result.text == row.text);
        }
    }
}

TEST_CASE("markdown_to_text") {
    struct Row {
        const char* name;
        std::string markdown;
        std::string title;
        std::string text;
    };
    const Row rows[] = {
        {"headings are paragraphs and the first is the title", "# Talks in Moscow #\nPutin spoke.\n## Background\nMore.",
         "Talks in Moscow", "Talks in Moscow\n\nPutin spoke.\n\nBackground\n\nMore."},
        {"setext headings", "Talks\n=====\n\nPutin spoke.\n\nMore\n----\nText.", "Talks", "Talks\n\nPutin spoke.\n\nMore\n\nText."},
        {"emphasis markers", "Putin *really* **did** _say_ __it__ ~~not~~ here, snake_case stays.", "",
         "Putin really did say it not here, snake_case stays."},
        {"links and images", "See [the statement](https://kremlin.ru/x \"t\") and [ref][1]. ![a chart](c.png) Done.\n\n[1]: https://x.org",
         "", "See the statement and ref. Done."},
        {"code fences dropped, code spans kept", "Before.\n```cpp\nint x = 1;\n```\nAfter `x` here.\n~~~\nmore code\n~~~",
         "", "Before.\n\nAfter x here."},
        {"quotes, lists and rules", "> Quoted *text*.\n\n- first item\n- second item\n1. numbered\n\n---\n\nEnd.", "",
         "Quoted text.\n\nfirst item\n\nsecond item\n\nnumbered\n\nEnd."},
        {"escapes, entities, html tags and autolinks", "A \\*star\\* &amp; <span>tag</span> <https://x.org>.", "",
         "A *star* & tag https://x.org."},
        {"tables keep their cells, one row per paragraph", "| a | b |\n|---|:-:|\n| c | d |", "", "| a | b |\n\n| c | d |"},
        {"soft and hard line breaks", "Putin invited the\nministers.  \nThey came\\\nlate.", "",
         "Putin invited the ministers.\nThey came\nlate."},
    };
    for (const Row& row : rows) {
        SUBCASE(row.name) {
            const read::MarkdownText result = read::markdown_to_text(row.markdown);
            CHECK(result.title == row.title);
            CHECK(result.text == row.text);
        }
    }
}

TEST_CASE("read_inputs") {
    TempDir dir;
    SUBCASE("plain text: title, CR LF, byte order mark") {
        write(dir.file("a.txt"), "\xEF\xBB\xBFPutin invites FMs\r\n\r\nPutin invited them.\r\n");
        const Collected c = read_all({dir.file("a.txt")});
        REQUIRE(c.errors.empty());
        REQUIRE(c.articles.size() == 1);
        CHECK(c.articles[0].source == dir.file("a.txt"));
        CHECK(c.articles[0].title == "Putin invites FMs");
        CHECK(c.articles[0].text == "Putin invites FMs\n\nPutin invited them.\n");
    }
    SUBCASE("a text whose first line is a sentence has no title") {
        write(dir.file("a.txt"), "Putin invited them.\n\nThey came.");
        const Collected c = read_all({dir.file("a.txt")});
        REQUIRE(c.articles.size() == 1);
        CHECK(c.articles[0].title.empty());
    }
    SUBCASE("formats by extension, unknown extensions sniffed") {
        write(dir.file("a.html"), "<title>T</title><p>Hi &amp; bye.</p>");
        write(dir.file("b.md"), "# M\n\n*Hi*.");
        write(dir.file("c.data"), "  <p>Sniffed html.</p>");
        write(dir.file("d"), "Sniffed <b>text</b>.");
        const Collected c = read_all({dir.file("a.html"), dir.file("b.md"), dir.file("c.data"), dir.file("d")});
        REQUIRE(c.errors.empty());
        REQUIRE(c.articles.size() == 4);
        CHECK(c.articles[0].title == "T");
        CHECK(c.articles[0].text == "Hi & bye.");
        CHECK(c.articles[1].text == "M\n\nHi.");
        CHECK(c.articles[2].text == "Sniffed html.");
        CHECK(c.articles[3].text == "Sniffed <b>text</b>.");
    }
    SUBCASE("JSON Lines: one article per line, bad lines reported, the rest go on") {
        write(dir.file("n.jsonl"),
              "{\"id\": \"a1\", \"title\": \"One\", \"text\": \"First text.\", \"url\": \"http://x/1\", \"published\": \"2020-10-09\"}\n"
              "\n"
              "not json\n"
              "[1, 2]\n"
              "{\"id\": 7, \"text\": \"Second text.\"}\n"
              "{\"id\": \"a3\", \"title\": \"no text\"}\n"
              "{\"id\": \"a4\", \"text\": \"   \"}\n"
              "{\"id\": \"a5\", \"title\": 5, \"text\": \"x\"}\n"
              "{\"id\": \"a6\", \"text\": \"bad \xff byte\"}\n"
              "{\"id\": \"a7\", \"text\": \"a NUL \\u0000 escape\"}\n"
              "{\"id\": \"a8\", \"text\": \"\\u3000\\u00a0\"}\n");
        const Collected c = read_all({dir.file("n.jsonl")});
        REQUIRE(c.articles.size() == 2);
        CHECK(c.articles[0].source == dir.file("n.jsonl") + "#1");
        CHECK(c.articles[0].external_id == "a1");
        CHECK(c.articles[0].title == "One");
        CHECK(c.articles[0].url == "http://x/1");
        CHECK(c.articles[0].published == "2020-10-09");
        CHECK(c.articles[0].text == "First text.");
        CHECK(c.articles[1].source == dir.file("n.jsonl") + "#5");
        CHECK(c.articles[1].external_id == "7");
        REQUIRE(c.errors.size() == 8);
        const std::string path = dir.file("n.jsonl");
        CHECK(c.errors[0].source == path + ":line 3");
        CHECK(c.errors[0].message.starts_with("not valid JSON: parse error at line 1, column 2"));
        CHECK(c.errors[1].source == path + ":line 4");
        CHECK(c.errors[1].message.starts_with("not a JSON object"));
        CHECK(c.errors[2].source == path + ":line 6");
        CHECK(c.errors[2].message == "'text' must be a non-empty string");
        CHECK(c.errors[3].source == path + ":line 7");
        CHECK(c.errors[3].message == "'text' must be a non-empty string");
        CHECK(c.errors[4].source == path + ":line 8");
        CHECK(c.errors[4].message == "'title' must be a string");
        CHECK(c.errors[5].source == path + ":line 9");
        CHECK(c.errors[5].message == "not valid UTF-8");
        CHECK(c.errors[6].source == path + ":line 10");
        CHECK(c.errors[6].message == "'text' contains a NUL character (\\u0000), which is not text");
        CHECK(c.errors[7].source == path + ":line 11");
        CHECK(c.errors[7].message == "'text' must be a non-empty string");
    }
    SUBCASE("per-input errors name the input and the reason") {
        struct Row {
            std::string name;
            std::string contents;
            std::string message;
        };
        const Row rows[] = {
            {"empty.txt", "", "empty file"},
            {"blank.txt", " \n\t\r\n", "no text (only white space)"},
            {"nul.txt", std::string("ab\0cd", 5), "a binary file (it contains NUL bytes), not text"},
            {"control.txt", std::string(50, '\x01') + "text", "a binary file (mostly control characters), not text"},
            {"utf16.txt", "\xFF\xFEh\x01", "UTF-16 text, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)"},
            {"latin1.txt", "Line one.\nCaf\xE9 au lait.", "not valid UTF-8 (first bad byte at offset 13, line 2); convert it to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8"},
            {"markup.html", "<script>only()</script>", "no text left after removing the markup"},
            {"blank.jsonl", "\n\n", "no text (only white space)"},
            {"unicode-blank.txt", "\xE3\x80\x80\n\xC2\xA0\xE2\x80\x8B\n", "no text (only white space)"},
            {"unicode-blank.html", "<p>&nbsp;\xE3\x80\x80</p>", "no text left after removing the markup"},
        };
        for (const Row& row : rows) {
            CAPTURE(row.name);
            write(dir.file(row.name), row.contents);
            const Collected c = read_all({dir.file(row.name)});
            CHECK(c.articles.empty());
            REQUIRE(c.errors.size() == 1);
            CHECK(c.errors[0].source == dir.file(row.name));
            CHECK(c.errors[0].message == row.message);
        }
    }
    SUBCASE("missing paths and folders") {
        std::filesystem::create_directories(dir.path() / "empty");
        const Collected c = read_all({dir.file("missing.txt"), dir.file("empty")});
        REQUIRE(c.errors.size() == 2);
        CHECK(c.errors[0].message == "no such file or folder");
        CHECK(c.errors[1].message == "folder has no files to read");
    }
    SUBCASE("size limit") {
        write(dir.file("big.txt"), std::string(2048, 'a'));
        read::ReadOptions options;
        options.max_file_bytes = 1024;
        const Collected c = read_all({dir.file("big.txt")}, options);
        REQUIRE(c.errors.size() == 1);
        CHECK(c.errors[0].message == "too large (2048 bytes; the limit is 1024 bytes); split it or raise the limit with --max-file-mb");
        CHECK(read_all({dir.file("big.txt")}).articles.size() == 1);
    }
    SUBCASE("folders: recursive, sorted, hidden files and folders skipped") {
        write(dir.file("corpus/b.txt"), "B.");
        write(dir.file("corpus/a.txt"), "A.");
        write(dir.file("corpus/sub/c.md"), "C.");
        write(dir.file("corpus/.hidden.txt"), "H.");
        write(dir.file("corpus/.git/d.txt"), "D.");
        const Collected c = read_all({dir.file("corpus")});
        CHECK(c.errors.empty());
        std::vector<std::string> sources;
        for (const auto& a : c.articles) sources.push_back(a.source);
        CHECK(sources == std::vector<std::string>{dir.file("corpus/a.txt"), dir.file("corpus/b.txt"), dir.file("corpus/sub/c.md")});
    }
    SUBCASE("standard input is sniffed") {
        std::istringstream input("<p>From stdin.</p>");
        std::streambuf* saved = std::cin.rdbuf(input.rdbuf());
        const Collected c = read_all({"-"});
        std::cin.rdbuf(saved);
        REQUIRE(c.articles.size() == 1);
        CHECK(c.articles[0].source == "-");
        CHECK(c.articles[0].text == "From stdin.");
    }
}
