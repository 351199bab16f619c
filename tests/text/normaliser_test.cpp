// Tests of typographic normalisation and its map back to original offsets.
#include "text/normaliser.h"

#include <doctest/doctest.h>

#include <string>

using namespace claimgraph;

TEST_CASE("normalise") {
    struct Row {
        const char* name;
        std::string in;
        std::string out;
    };
    const Row rows[] = {
        {"curly quotes", "\u201CIt\u2019s over,\u201D he said. \u2018Yes\u2019", "\"It's over,\" he said. 'Yes'"},
        {"guillemets and low quotes", "\u00ABNon\u00BB \u201Eja\u201C", "\"Non\" \"ja\""},
        {"dashes", "1991\u201394 war \u2014 and \u2212 5", "1991-94 war -- and - 5"},
        {"ellipsis", "Wait\u2026 no", "Wait... no"},
        {"spaces", "a\u00A0b\u2009c\u202Fd\u3000e", "a b c d e"},
        {"invisible characters", "soft\u00ADware\u200B \uFEFFzero\u200Dwidth", "software zerowidth"},
        {"everything else is kept", "Caf\u00E9 \u00FCber Stra\u00DFe \U0001F600 plain", "Caf\u00E9 \u00FCber Stra\u00DFe \U0001F600 plain"},
        {"empty", "", ""},
    };
    for (const Row& row : rows) {
        SUBCASE(row.name) {
            const text::NormalisedText n = text::normalise(row.in);
            CHECK(n.text == row.out);
            REQUIRE(n.to_original.size() == n.text.size() + 1);
            CHECK(n.to_original.back() == row.in.size());
            for (std::size_t i = 1; i < n.to_original.size(); ++i) CHECK(n.to_original[i] >= n.to_original[i - 1]);
        }
    }
    SUBCASE("offsets map back to the original characters") {
        const std::string original = "\u201CAzerbaijan\u2019s army\u201D \u2014 said";
        const text::NormalisedText n = text::normalise(original);
        REQUIRE(n.text == "\"Azerbaijan's army\" -- said");
        const std::size_t army = n.text.find("army");
        CHECK(original.substr(n.original_begin(army), n.original_end(army + 4) - n.original_begin(army)) == "army");
        const std::size_t word = n.text.find("Azerbaijan's");
        CHECK(original.substr(n.original_begin(word), n.original_end(word + 12) - n.original_begin(word)) ==
              "Azerbaijan\u2019s");
        // The whole quotation, quotes included.
        const std::size_t close = n.text.find("\" --");
        CHECK(original.substr(n.original_begin(0), n.original_end(close + 1) - n.original_begin(0)) ==
              "\u201CAzerbaijan\u2019s army\u201D");
    }
}
