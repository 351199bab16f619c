// Typographic normalisation for the parser: curly quotes, dashes, ellipses and
// Unicode spaces as plain ASCII, with a map back to the original byte offsets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::text {

/// Normalised text and, for every byte of it (and one past the end), the byte
/// offset in the original text it came from.
struct NormalisedText {
    std::string text;
    std::vector<std::size_t> to_original;  ///< size text.size() + 1; non-decreasing

    /// The original byte range [begin, end) that normalised bytes [begin, end) came from.
    std::size_t original_begin(std::size_t begin) const { return to_original[begin]; }
    std::size_t original_end(std::size_t end) const { return to_original[end]; }
};

/// Replaces `‘ ’ ‚ ′` by `'`; `“ ” „ ″ « »` by `"`; `– ‒ −` by `-` and `—` by `--`;
/// `…` by `...`; no-break, thin and other Unicode spaces by a space; drops soft
/// hyphens and zero-width characters. Everything else is kept byte for byte.
/// A replacement maps every byte it produced to the start of the character it
/// replaced; the end maps to text.size(). Thread-safe, never fails.
NormalisedText normalise(std::string_view text);

}  // namespace claimgraph::text
