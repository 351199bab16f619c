// Tests of PTB detokenisation and the map back to the original tokens.
#include "text/tokens.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimgraph;

TEST_CASE("detokenize") {
    struct Row {
        const char* name;
        std::string line;
        std::string text;
    };
    const Row rows[] = {
        {"punctuation attaches left", "Lavrov , the minister , arrived in Moscow .", "Lavrov, the minister, arrived in Moscow."},
        {"clitics", "The mayor of Pittsburgh 's office said it does n't know and they 're sure .",
         "The mayor of Pittsburgh's office said it doesn't know and they're sure."},
        {"ca n't and wo n't", "She ca n't go and he wo n't stay .", "She can't go and he won't stay."},
        {"PTB double quotes", "He called it `` a bold plan '' , analysts said .", "He called it \"a bold plan\", analysts said."},
        {"quote closing a sentence", "The report read : `` We accept . ''", "The report read: \"We accept.\""},
        {"bracket tokens", "The Treaty Organisation -LRB- CSTO -RRB- met -LSB- sic -RSB- .",
         "The Treaty Organisation (CSTO) met [sic]."},
        {"plain brackets and currency", "It cost $ 5 million ( about 4 euros ) in 2020 .", "It cost $5 million (about 4 euros) in 2020."},
        {"percent, colon and semicolon", "Turnout rose 12 % ; officials said : fine .", "Turnout rose 12%; officials said: fine."},
        {"plural possessive", "The workers ' union struck .", "The workers' union struck."},
        {"straight quotes alternate", "He said \" yes \" and left .", "He said \"yes\" and left."},
        {"hyphens and ellipsis stay", "A well-known man ... left -- quickly .", "A well-known man ... left -- quickly."},
        {"extra spaces are ignored", "  Two   spaces .  ", "Two spaces."},
    };
    for (const Row& row : rows) {
        SUBCASE(row.name) {
            const text::Detokenized d = text::detokenize(row.line);
            CHECK(d.text == row.text);
            CHECK(d.original == row.line);
            // Every token maps back to itself.
            for (const text::TokenSpan& token : d.tokens) {
                const std::string original = row.line.substr(token.original_begin, token.original_end - token.original_begin);
                CHECK(text::original_tokens(d, token.text_begin, token.text_end) == original);
            }
            // The whole text maps back to the whole (trimmed) line.
            if (!d.tokens.empty()) {
                CHECK(text::original_tokens(d, 0, d.text.size()) ==
                      row.line.substr(d.tokens.front().original_begin,
                                      d.tokens.back().original_end - d.tokens.front().original_begin));
            }
        }
    }
}

TEST_CASE("retokenize") {
    const text::Detokenized d = text::detokenize(
        "The mayor of Pittsburgh 's office said it does n't plan to join `` the coalition '' -LRB- yet -RRB- .");
    REQUIRE(d.text == "The mayor of Pittsburgh's office said it doesn't plan to join \"the coalition\" (yet).");
    struct Row {
        std::string span;
        std::string original;
    };
    const Row rows[] = {
        {"The mayor of Pittsburgh's office", "The mayor of Pittsburgh 's office"},
        {"doesn't plan to join", "does n't plan to join"},
        {"\"the coalition\"", "`` the coalition ''"},
        {"the coalition", "the coalition"},
        {"(yet)", "-LRB- yet -RRB-"},
        {"Pittsburgh", "Pittsburgh"},
        {"  it  ", "it"},
        {"Pittsburgh's plan", "Pittsburgh 's plan"},   // not contiguous: mapped word by word
        {"will not join", "will not join"},             // words not in the text stay as given
        {"", ""},
    };
    for (const Row& row : rows) {
        CAPTURE(row.span);
        CHECK(text::retokenize(d, row.span) == row.original);
    }
    SUBCASE("a match on token boundaries wins over an earlier partial one") {
        const text::Detokenized line = text::detokenize("Anna met Ann and Ann 's sister .");
        CHECK(text::retokenize(line, "Ann") == "Ann");
        CHECK(text::retokenize(line, "Ann's sister") == "Ann 's sister");
        const std::size_t at = line.text.find("Ann ");
        CHECK(text::original_tokens(line, at, at + 3) == "Ann");
    }
    SUBCASE("a range cutting a token takes the whole token") {
        CHECK(text::original_tokens(d, 4, 7) == "mayor");
    }
}
