// Decoding UTF-8 one character at a time and repairing ill-formed text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace claimgraph::util {

/// U+FFFD, which stands in for bytes that are not UTF-8.
inline constexpr char32_t k_replacement_character = 0xFFFD;

/// One decoding step: the character at the front of some text and its size.
struct Utf8Char {
    /// The character. For an ill-formed sequence: k_replacement_character, or the
    /// surrogate (U+D800..U+DFFF) when the bytes are a complete encoded surrogate.
    char32_t code_point = 0;
    std::size_t length = 0;    ///< bytes taken, at least 1
    bool well_formed = false;  ///< false for ill-formed bytes, encoded surrogates included
};

/// Decodes the character at the front of `text`, which must not be empty. An
/// ill-formed sequence takes its maximal subpart (Unicode 3.9, as the WHATWG
/// decoder does), so that each one becomes exactly one replacement character;
/// the exception is a complete encoded surrogate (ED A0..BF 80..BF), taken as one unit.
Utf8Char decode_utf8(std::string_view text);

/// Appends the UTF-8 encoding of `code_point` to `out`; a surrogate or a value
/// past U+10FFFF, which UTF-8 cannot carry, is appended as U+FFFD.
void append_utf8(std::string& out, char32_t code_point);

/// `text` with every ill-formed sequence (overlong forms, encoded surrogates,
/// truncated sequences, stray bytes, values past U+10FFFF) replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

/// True for characters that show nothing: Unicode white space (U+0085, U+00A0,
/// U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) and invisible
/// format characters (soft hyphen, zero-width space and joiners, direction marks
/// and embeddings, word joiner, BOM). ASCII white space is not included.
bool is_invisible(char32_t code_point);

/// True if `text` has nothing but ASCII white space and is_invisible() characters
/// (an empty text is blank; ill-formed UTF-8 is not).
bool is_blank(std::string_view text);

}  // namespace claimgraph::util
