// Tests for the parse stage: text normalisation with its offset map, and the
// link-grammar wrapper's words, offsets and links.
#include "parse/parser.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace claimgraph::parse {

TEST_CASE("normalise") {
    struct Case {
        std::string input;
        std::string expected;
    };
    const Case cases[] = {
        {"\xe2\x80\x9cHello,\xe2\x80\x9d he said.", "\"Hello,\" he said."},
        {"Russia\xe2\x80\x99s army", "Russia's army"},
        {"We do n't know .", "We don't know ."},
        {"Pittsburgh 's mayor", "Pittsburgh's mayor"},
        {"`` Yes , '' she said", "\" Yes , \" she said"},
        {"-LRB- CSTO -RRB-", "( CSTO )"},
        {"plain text", "plain text"},
        {"\u00ABNon\u00BB \u201Eja\u201C", "\"Non\" \"ja\""},
        {"1991\u201394 war \u2212 5", "1991\u201494 war - 5"},
        {"Wait\u2026 no", "Wait... no"},
        {"a\u00A0b\u2009c\u202Fd\u3000e", "a b c d e"},
        {"soft\u00ADware\u200B \uFEFFzero\u200Dwidth", "software zerowidth"},
        {"Caf\u00E9 \u00FCber Stra\u00DFe \U0001F600", "Caf\u00E9 \u00FCber Stra\u00DFe \U0001F600"},
        {"", ""},
    };
    for (const auto& c : cases) {
        SUBCASE(c.input.c_str()) {
            Normalised n = normalise(c.input);
            CHECK(n.text == c.expected);
            CHECK(n.source_start.size() == n.text.size());
            REQUIRE(n.source_end.size() == n.text.size());
            for (std::size_t i = 0; i < n.text.size(); ++i) {
                CHECK(n.source_start[i] < n.source_end[i]);
                CHECK(static_cast<std::size_t>(n.source_end[i]) <= c.input.size());
                if (i > 0) CHECK(n.source_start[i - 1] <= n.source_start[i]);
            }
        }
    }
    SUBCASE("spans map back to the original bytes") {
        std::string input = "Russia\xe2\x80\x99s army moved.";
        Normalised n = normalise(input);
        auto army = n.text.find("army");
        auto [start, end] = n.original(static_cast<int>(army), static_cast<int>(army + 4));
        CHECK(input.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)) == "army");
        auto [s2, e2] = n.original(0, static_cast<int>(n.text.find(' ')));
        CHECK(input.substr(static_cast<std::size_t>(s2), static_cast<std::size_t>(e2 - s2)) == "Russia\xe2\x80\x99s");
    }
}

TEST_CASE("Parser") {
    auto parser = create_parser();
    REQUIRE(parser);
    SUBCASE("words carry surface text from byte offsets and links join them") {
        auto parse = (*parser)->parse("The engineers repaired the old bridge.");
        REQUIRE(parse);
        CHECK(parse->null_count == 0);
        REQUIRE(parse->words.size() >= 8);
        CHECK(parse->words.front().form == "LEFT-WALL");
        CHECK(parse->words[2].text == "engineers");
        CHECK(parse->words[2].start == 4);
        CHECK(parse->words[2].end == 13);
        CHECK(parse->words[3].base == "repaired");
        CHECK(parse->words[3].subscript == "v-d");
        bool subject = std::any_of(parse->links.begin(), parse->links.end(), [](const Link& l) {
            return l.label.starts_with("S") && l.left == 2 && l.right == 3;
        });
        CHECK(subject);
    }
    SUBCASE("unknown capitalised words are guesses") {
        auto parse = (*parser)->parse("Zorvath visited Qelmira.");
        REQUIRE(parse);
        CHECK(parse->words[1].guessed);
        CHECK(parse->words[1].text == "Zorvath");
    }
    SUBCASE("a sentence with no complete linkage still parses with null words") {
        auto parse = (*parser)->parse("It is clear the firm did not pay pay its taxes.");
        REQUIRE(parse);
        CHECK(parse->null_count > 0);
    }
    SUBCASE("over-long sentences are refused") {
        ParserOptions options;
        options.max_sentence_bytes = 10;
        auto small = create_parser(options);
        REQUIRE(small);
        auto parse = (*small)->parse("This sentence is much longer than ten bytes.");
        CHECK_FALSE(parse);
        CHECK(parse.status().code() == StatusCode::invalid_input);
    }
}

}  // namespace claimgraph::parse
