// Penn Treebank-tokenised lines (CaRB's input) ↔ readable text, with a byte
// map so spans found in the readable text print in the original tokens.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::text {

/// One token of the original line and where it landed in the readable text.
struct TokenSpan {
    std::size_t original_begin = 0;  ///< bytes into Detokenized::original
    std::size_t original_end = 0;
    std::size_t text_begin = 0;      ///< bytes into Detokenized::text
    std::size_t text_end = 0;
};

/// A tokenised line, its readable form and the map between them.
struct Detokenized {
    std::string original;  ///< the line as given
    std::string text;      ///< readable: `do n't` → `don't`, `` `` `` / `''` → `"`, `-LRB-` → `(`, ` ,` → `,`
    std::vector<TokenSpan> tokens;
};

/// Joins the white-space separated tokens of `line` the way the text was
/// written before tokenisation: no space before `, . ; : ! ? % ) ] }`, closing
/// quotes and clitics (`'s`, `n't`, `'re`, `'ve`, `'m`, `'ll`, `'d`), none after
/// opening quotes, brackets and `$`; bracket tokens (`-LRB-`, `-RSB-`, ...)
/// become brackets, PTB quotes (`` `` ``, `''`, `` ` ``) become `"` and `'`.
Detokenized detokenize(std::string_view line);

/// The original tokens covering bytes [begin, end) of `detokenized.text`, as
/// they appear in the original line (`Pittsburgh's` → `Pittsburgh 's`). A
/// range that cuts a token takes the whole token.
std::string original_tokens(const Detokenized& detokenized, std::size_t begin, std::size_t end);

/// `span` (a string found in `detokenized.text`, such as a proposition's
/// argument) in the original tokens. Looks for the whole span first (preferring
/// a match on token boundaries), then word by word in order; words that are not
/// found are kept as given, so a string that is not in the text at all comes
/// back unchanged.
std::string retokenize(const Detokenized& detokenized, std::string_view span);

}  // namespace claimgraph::text
