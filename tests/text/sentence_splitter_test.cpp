// Tests of the sentence splitter: one table row per construction, with the
// exact sentences expected, and the offsets contract on every row.
#include "text/sentence_splitter.h"

#include "util/file.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimgraph;

namespace {

std::vector<std::string> texts(const std::vector<SentenceRecord>& sentences) {
    std::vector<std::string> out;
    for (const auto& s : sentences) out.push_back(s.text);
    return out;
}

void check_offsets(std::string_view text, const std::vector<SentenceRecord>& sentences) {
    std::int64_t previous_end = 0;
    for (const auto& s : sentences) {
        CAPTURE(s.text);
        REQUIRE(s.start >= previous_end);
        REQUIRE(s.end > s.start);
        CHECK(text.substr(static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end - s.start)) == s.text);
        previous_end = s.end;
    }
}

struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> sentences;
};

}  // namespace

TEST_CASE("split_sentences") {
    const Case cases[] = {
        {"lines of Unicode spaces and invisible characters are no sentences",
         "Hello world.\n\n\xE3\x80\x80\n\nBye now.\n\xC2\xA0\xC2\xA0\n\xE2\x80\x8B\n", {"Hello world.", "Bye now."}},
        {"non-ASCII letters alone make a sentence", "\xE6\x9D\xB1\xE4\xBA\xAC", {"\xE6\x9D\xB1\xE4\xBA\xAC"}},
        {"plain full stops", "Putin met Aliyev. Lavrov stayed home.", {"Putin met Aliyev.", "Lavrov stayed home."}},
        {"question and exclamation", "Will they talk? Nobody knows! Talks go on.",
         {"Will they talk?", "Nobody knows!", "Talks go on."}},
        {"lower case after a mark goes on", "\"Why now?\" he asked. It was late.", {"\"Why now?\" he asked.", "It was late."}},
        {"titles before names", "Mr. Smith met Dr. Jones and Gen. Ivanov. Sen. Reed and Gov. Hochul spoke.",
         {"Mr. Smith met Dr. Jones and Gen. Ivanov.", "Sen. Reed and Gov. Hochul spoke."}},
        {"more titles", "Rep. Cole, Lt. Col. Vindman and Mrs. Day went to St. Petersburg.",
         {"Rep. Cole, Lt. Col. Vindman and Mrs. Day went to St. Petersburg."}},
        {"vs., e.g., i.e.", "It was Russia vs. Ukraine, i.e. a war. Some states, e.g. France, objected.",
         {"It was Russia vs. Ukraine, i.e. a war.", "Some states, e.g. France, objected."}},
        {"company suffix mid-sentence", "Apple Inc. said profit rose. Acme Corp. Chief Executive Jane Roe quit.",
         {"Apple Inc. said profit rose.", "Acme Corp. Chief Executive Jane Roe quit."}},
        {"company suffix ends a sentence", "He sold shares of Apple Inc. The stock fell.",
         {"He sold shares of Apple Inc.", "The stock fell."}},
        {"Jr. before a verb and at the end", "Martin Luther King Jr. spoke. He quoted King Jr. Then he left.",
         {"Martin Luther King Jr. spoke.", "He quoted King Jr.", "Then he left."}},
        {"etc. mid-sentence and at the end", "Tanks, guns, etc. were sent. They sent food, water, etc. Nothing else.",
         {"Tanks, guns, etc. were sent.", "They sent food, water, etc.", "Nothing else."}},
        {"months before a day", "Clashes began on Sept. 27 and resumed Oct. 4. A truce held from Jan. 10.",
         {"Clashes began on Sept. 27 and resumed Oct. 4.", "A truce held from Jan. 10."}},
        {"No. before a number and as a word", "Resolution No. 5 passed. He said no. The vote ended.",
         {"Resolution No. 5 passed.", "He said no.", "The vote ended."}},
        {"initialisms before names", "The U.S. Senate and the U.N. Security Council met. E.U. leaders agreed.",
         {"The U.S. Senate and the U.N. Security Council met.", "E.U. leaders agreed."}},
        {"initialism before a comma and lower case", "U.S., Russian and French officials met a U.S. envoy.",
         {"U.S., Russian and French officials met a U.S. envoy."}},
        {"initialism ends a sentence before an opener", "Troops left the U.S. The war ended. They met at 9 a.m. In Paris it rained.",
         {"Troops left the U.S.", "The war ended.", "They met at 9 a.m.", "In Paris it rained."}},
        {"initialism before a quote", "He flew to the U.S. \"It is good,\" he said.",
         {"He flew to the U.S.", "\"It is good,\" he said."}},
        {"single-letter initials", "John F. Kennedy and George W. Bush were presidents. Plan B. It failed.",
         {"John F. Kennedy and George W. Bush were presidents.", "Plan B.", "It failed."}},
        {"decimals and numbers", "Growth was 3.5 percent in 2020. Prices rose 1.2% in No. 10.",
         {"Growth was 3.5 percent in 2020.", "Prices rose 1.2% in No. 10."}},
        {"sentence ends with a number", "The war killed 30,000. 2021 was calmer.", {"The war killed 30,000.", "2021 was calmer."}},
        {"ellipsis", "He paused... Then he spoke. She waited \u2026 and left. It ended\u2026 Nobody knew.",
         {"He paused...", "Then he spoke.", "She waited \u2026 and left.", "It ended\u2026", "Nobody knew."}},
        {"straight quotes", "\"We will win,\" he said. \"They will lose.\" She agreed.",
         {"\"We will win,\" he said.", "\"They will lose.\"", "She agreed."}},
        {"curly quotes", "\u201CWe will win,\u201D he said. \u201CThey will lose.\u201D She agreed.",
         {"\u201CWe will win,\u201D he said.", "\u201CThey will lose.\u201D", "She agreed."}},
        {"single curly quotes and brackets", "He said \u2018no.\u2019 They left. (It was late.) Rain fell.",
         {"He said \u2018no.\u2019", "They left.", "(It was late.)", "Rain fell."}},
        {"headline and byline before a blank line", "Putin invites ministers for talks\n\nBy Jane Roe\n\nThe talks begin.",
         {"Putin invites ministers for talks", "By Jane Roe", "The talks begin."}},
        {"headline before a line break", "INTERNATIONAL CONCERN\nUnder the law, it belongs to Azerbaijan.",
         {"INTERNATIONAL CONCERN", "Under the law, it belongs to Azerbaijan."}},
        {"one paragraph per line", "The first line.\nThe second line\nThe third line.",
         {"The first line.", "The second line", "The third line."}},
        {"hard-wrapped text keeps sentences across lines",
         "Russian President Vladimir Putin has invited the\nforeign ministers of Azerbaijan and Armenia to\nMoscow for talks. "
         "The Kremlin said so\nin a statement.",
         {"Russian President Vladimir Putin has invited the\nforeign ministers of Azerbaijan and Armenia to\nMoscow for talks.",
          "The Kremlin said so\nin a statement."}},
        {"hard-wrapped text with a title line", "Talks In Moscow\nThe ministers were invited to the\ntalks on Friday. They came.",
         {"Talks In Moscow", "The ministers were invited to the\ntalks on Friday.", "They came."}},
        {"hard-wrapped text with a short first line and a dateline",
         "Putin invites the ministers for talks\nMoscow: Russian President Vladimir Putin has invited the foreign\n"
         "ministers of Azerbaijan and Armenia to Moscow for peace talks on Friday.\nThe Kremlin said so in a statement.",
         {"Putin invites the ministers for talks",
          "Russian President Vladimir Putin has invited the foreign\nministers of Azerbaijan and Armenia to Moscow for peace "
          "talks on Friday.",
          "The Kremlin said so in a statement."}},
        {"Reuters dateline", "MOSCOW, Oct 9 (Reuters) - Russia invited the ministers. They accepted.",
         {"Russia invited the ministers.", "They accepted."}},
        {"agency dateline without a date", "BERLIN (Reuters) -\nMerkel spoke on Friday.", {"Merkel spoke on Friday."}},
        {"capitals and an em dash", "WASHINGTON \u2014 The Senate voted.", {"The Senate voted."}},
        {"place and colon", "Moscow: Russian President Vladimir Putin has invited the ministers.",
         {"Russian President Vladimir Putin has invited the ministers."}},
        {"no dateline inside a paragraph", "He said: Moscow - Russia's capital - was calm.", {"He said: Moscow - Russia's capital - was calm."}},
        {"separator lines are no sentences", "First part.\n\n* * *\n\nSecond part.", {"First part.", "Second part."}},
        {"white space only", " \n\t\n ", {}},
        {"final sentence without a mark", "It is over. Or is it", {"It is over.", "Or is it"}},
    };
    for (const Case& c : cases) {
        SUBCASE(c.name) {
            const auto sentences = text::split_sentences(c.text);
            CHECK(texts(sentences) == c.sentences);
            check_offsets(c.text, sentences);
        }
    }
    SUBCASE("offsets are bytes into the input, datelines left out") {
        const std::string input = "MOSCOW (Reuters) - It began.  It ended.";
        const auto sentences = text::split_sentences(input);
        REQUIRE(sentences.size() == 2);
        CHECK(sentences[0].start == 19);
        CHECK(sentences[0].end == 28);
        CHECK(sentences[1].start == 30);
        CHECK(sentences[1].end == 39);
    }
}

TEST_CASE("dateline_length") {
    struct Row {
        std::string paragraph;
        std::size_t length;
    };
    const Row rows[] = {
        {"MOSCOW, Oct 9 (Reuters) - Russia said", 26},
        {"BERLIN (Reuters) - Merkel said", 19},
        {"LONDON, Oct. 9, 2020 (AP) \u2014 Britain said", 30},
        {"KABUL, Afghanistan (Reuters) - A bomb", 31},
        {"WASHINGTON \u2014 The Senate", 15},
        {"NEW YORK -- Stocks fell", 12},
        {"Moscow: Russian President", 8},
        {"BERLIN (Reuters) -", 18},
        {"Russian President Vladimir Putin has invited", 0},
        {"Moscow - the capital - was calm", 0},
        {"NATO - the alliance said", 0},
        {"He said: Yes", 0},
        {"The White House said", 0},
        {"", 0},
    };
    for (const Row& row : rows) {
        CAPTURE(row.paragraph);
        CHECK(text::dateline_length(row.paragraph) == row.length);
    }
}

TEST_CASE("split_sentences on the sample article") {
    auto contents = util::read_file(std::string(CLAIMGRAPH_EXAMPLES) + "/putin-invites-fms.txt");
    REQUIRE(contents.is_ok());
    const auto sentences = text::split_sentences(*contents);
    check_offsets(*contents, sentences);
    REQUIRE(sentences.size() == 41);
    CHECK(sentences[0].text == "Putin invites Azerbaijani, Armenian FMs for talks");
    CHECK(sentences[1].text == "DM Monitoring");
    CHECK(sentences[2].text ==
          "Russian President Vladimir Putin has invited the foreign ministers of Azerbaijan and Armenia to Moscow for "
          "peace talks on Friday.");
    CHECK(sentences[7].text ==
          "New clashes erupted on Sept. 27, but international calls for a halt to the fighting have gone unanswered.");
    CHECK(sentences[22].text ==
          "The continued fighting and rising tension underlined the difficulties facing U.S., Russian and French "
          "officials meeting in Geneva to try to halt fighting.");
    CHECK(sentences[27].text.ends_with("Co-Chairs to return to substantive negotiations as soon as possible,\u201D a U.S. spokesman said."));
    CHECK(sentences[29].text == "INTERNATIONAL CONCERN");
    CHECK(sentences[33].text.starts_with("Stanislav Zas, who heads the Collective Security Treaty Organisation (CSTO)"));
    CHECK(sentences.back().text.ends_with("accused it of tolerating militants on its soil."));
}
