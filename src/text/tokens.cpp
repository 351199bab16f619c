// PTB detokenisation for CaRB: one pass over the tokens deciding the space
// before each, and a token-span map for printing spans back in the original tokens.
#include "text/tokens.h"

#include "util/strings.h"

#include <algorithm>
#include <array>

namespace claimgraph::text {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& words, std::string_view word) {
    return std::find(words.begin(), words.end(), word) != words.end();
}

/// What a token is written as, and how it joins its neighbours.
struct Surface {
    std::string text;
    bool space_before = true;
    bool space_after = true;
};

constexpr std::array<std::string_view, 14> k_clitics = {"'s", "'S", "n't", "N'T", "'re", "'RE", "'ve",
                                                        "'VE", "'m", "'M", "'ll", "'LL", "'d", "'D"};
constexpr std::array<std::string_view, 7> k_attach_left = {",", ".", ";", ":", "!", "?", "%"};

Surface surface(std::string_view token, bool& double_quote_open) {
    if (token == "-LRB-" || token == "-LSB-" || token == "-LCB-") {
        return {token == "-LRB-" ? "(" : token == "-LSB-" ? "[" : "{", true, false};
    }
    if (token == "-RRB-" || token == "-RSB-" || token == "-RCB-") {
        return {token == "-RRB-" ? ")" : token == "-RSB-" ? "]" : "}", false, true};
    }
    if (token == "(" || token == "[" || token == "{" || token == "$" || token == "#") {
        return {std::string(token), true, false};
    }
    if (token == ")" || token == "]" || token == "}") return {std::string(token), false, true};
    if (token == "``") {
        double_quote_open = true;
        return {"\"", true, false};
    }
    if (token == "''") {
        double_quote_open = false;
        return {"\"", false, true};
    }
    if (token == "\"") {
        // A straight quote opens or closes, alternately.
        double_quote_open = !double_quote_open;
        return {"\"", double_quote_open, !double_quote_open};
    }
    if (token == "`") return {"'", true, false};
    // A lone apostrophe: a plural possessive (`workers '`) or a closing quote; both attach left.
    if (token == "'") return {"'", false, true};
    if (contains(k_clitics, token)) return {std::string(token), false, true};
    if (token == "...") return {"...", true, true};
    if (contains(k_attach_left, token)) return {std::string(token), false, true};
    return {std::string(token), true, true};
}

/// True if [begin, end) of `text` starts and ends on token boundaries.
bool on_token_boundaries(const Detokenized& d, std::size_t begin, std::size_t end) {
    const bool starts = std::any_of(d.tokens.begin(), d.tokens.end(), [&](const TokenSpan& t) { return t.text_begin == begin; });
    const bool ends = std::any_of(d.tokens.begin(), d.tokens.end(), [&](const TokenSpan& t) { return t.text_end == end; });
    return starts && ends;
}

/// Where `needle` occurs in the text at or after `from`, preferring a match on token boundaries; npos if nowhere.
std::size_t find_span(const Detokenized& d, std::string_view needle, std::size_t from) {
    std::size_t first = std::string::npos;
    for (std::size_t at = d.text.find(needle, from); at != std::string::npos; at = d.text.find(needle, at + 1)) {
        if (on_token_boundaries(d, at, at + needle.size())) return at;
        if (first == std::string::npos) first = at;
    }
    return first;
}

}  // namespace

Detokenized detokenize(std::string_view line) {
    Detokenized result;
    result.original = std::string(line);
    bool double_quote_open = false;
    bool space_after_previous = false;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && is_space(line[i])) ++i;
        if (i >= line.size()) break;
        std::size_t end = i;
        while (end < line.size() && !is_space(line[end])) ++end;
        const std::string_view token = line.substr(i, end - i);
        const Surface s = surface(token, double_quote_open);
        if (!result.text.empty() && s.space_before && space_after_previous) result.text += ' ';
        TokenSpan span;
        span.original_begin = i;
        span.original_end = end;
        span.text_begin = result.text.size();
        result.text += s.text;
        span.text_end = result.text.size();
        result.tokens.push_back(span);
        space_after_previous = s.space_after;
        i = end;
    }
    return result;
}

std::string original_tokens(const Detokenized& detokenized, std::size_t begin, std::size_t end) {
    const TokenSpan* first = nullptr;
    const TokenSpan* last = nullptr;
    for (const TokenSpan& token : detokenized.tokens) {
        if (token.text_end > begin && token.text_begin < end) {
            if (first == nullptr) first = &token;
            last = &token;
        }
    }
    if (first == nullptr) return {};
    return detokenized.original.substr(first->original_begin, last->original_end - first->original_begin);
}

std::string retokenize(const Detokenized& detokenized, std::string_view span) {
    span = util::trim(span);
    if (span.empty()) return {};
    if (const std::size_t at = find_span(detokenized, span, 0); at != std::string::npos) {
        return original_tokens(detokenized, at, at + span.size());
    }
    // Not one piece of the text (an argument put together from parts): map each word, in order.
    std::string out;
    std::size_t cursor = 0;
    for (const std::string& word : util::split(span, ' ')) {
        if (word.empty()) continue;
        if (!out.empty()) out += ' ';
        std::size_t at = find_span(detokenized, word, cursor);
        if (at == std::string::npos) at = find_span(detokenized, word, 0);
        if (at == std::string::npos) {
            out += word;
            continue;
        }
        out += original_tokens(detokenized, at, at + word.size());
        cursor = at + word.size();
    }
    return out;
}

}  // namespace claimgraph::text
