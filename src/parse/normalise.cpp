// Text made easier for the parser, with a byte map back to the original.
#include "parse/parse.h"

#include <array>
#include <utility>

namespace claimgraph::parse {

std::pair<int, int> Normalised::original(int start, int end) const {
    if (text.empty() || start >= end) return {0, 0};
    auto last = static_cast<std::size_t>(end - 1);
    return {source_start[static_cast<std::size_t>(start)], source_end[last]};
}

Normalised normalise(std::string_view input) {
    struct Replacement {
        std::string_view from;
        std::string_view to;
    };
    // Typography as ASCII (the dictionary knows `"`, `'` and the em dash), invisible
    // characters dropped, and the Penn Treebank tokens of pre-tokenised text undone.
    // Longest first where they share a prefix.
    static constexpr std::array<Replacement, 38> k_replacements{{
        // quotes and primes
        {"\u201C", "\""}, {"\u201D", "\""}, {"\u201E", "\""}, {"\u2033", "\""}, {"\u00AB", "\""}, {"\u00BB", "\""},
        {"\u2018", "'"}, {"\u2019", "'"}, {"\u201A", "'"}, {"\u2032", "'"},
        // dashes: an en dash between words reads like the em dash; a minus is a hyphen
        {"\u2013", "\u2014"}, {"\u2212", "-"}, {"\u2012", "-"}, {"\u2010", "-"}, {"\u2011", "-"},
        {"\u2026", "..."},
        // Unicode spaces as a space; soft hyphen, zero-width characters and BOM dropped
        {"\u00A0", " "}, {"\u2002", " "}, {"\u2003", " "}, {"\u2007", " "}, {"\u2008", " "}, {"\u2009", " "},
        {"\u200A", " "}, {"\u202F", " "}, {"\u205F", " "}, {"\u3000", " "},
        {"\u00AD", ""}, {"\u200B", ""}, {"\u200C", ""}, {"\u200D", ""}, {"\uFEFF", ""},
        // PTB tokens
        {"``", "\""}, {"''", "\""}, {" n't", "n't"}, {"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
    }};
    Normalised out;
    auto emit = [&](std::string_view text, int start, int end) {
        for (char c : text) {
            out.text.push_back(c);
            out.source_start.push_back(start);
            out.source_end.push_back(end);
        }
    };
    std::size_t i = 0;
    while (i < input.size()) {
        bool replaced = false;
        for (const auto& r : k_replacements) {
            if (input.substr(i, r.from.size()) == r.from) {
                emit(r.to, static_cast<int>(i), static_cast<int>(i + r.from.size()));
                i += r.from.size();
                replaced = true;
                break;
            }
        }
        if (replaced) continue;
        // ` 's` / ` '` possessive split off by a tokeniser: join it to the word before.
        if (input[i] == ' ' && input.substr(i, 3) == " 's" &&
            (i + 3 == input.size() || input[i + 3] == ' ') && i > 0 && input[i - 1] != ' ') {
            i += 1;
            continue;
        }
        emit(input.substr(i, 1), static_cast<int>(i), static_cast<int>(i + 1));
        ++i;
    }
    return out;
}

}  // namespace claimgraph::parse
