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
    // Longest first where they share a prefix.
    static constexpr std::array<Replacement, 12> k_replacements{{
        {"\xe2\x80\x9c", "\""}, {"\xe2\x80\x9d", "\""}, {"\xe2\x80\x98", "'"}, {"\xe2\x80\x99", "'"},
        {"\xe2\x80\x93", "\xe2\x80\x94"}, {"``", "\""}, {"''", "\""}, {" n't", "n't"}, {"-LRB-", "("},
        {"-RRB-", ")"}, {"-LSB-", "["}, {"-RSB-", "]"},
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
