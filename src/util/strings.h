// Small string helpers that know nothing about knowledge graphs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::util {

/// ASCII lower-casing; other bytes (UTF-8 sequences included) are kept as they are.
std::string to_lower_ascii(std::string_view text);
/// Equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
/// `text` without leading and trailing ASCII white space.
std::string_view trim(std::string_view text);
/// Joins `parts` with `separator` between them.
std::string join(const std::vector<std::string>& parts, std::string_view separator);
/// Splits at every `separator`; empty parts are kept.
std::vector<std::string> split(std::string_view text, char separator);
/// Levenshtein distance in bytes, ASCII case-insensitive.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// True if `text` is valid UTF-8 (no overlong forms, surrogates or values past U+10FFFF).
bool is_valid_utf8(std::string_view text);
/// True when the first character of UTF-8 `text` is an upper-case letter (ASCII,
/// Latin-1, Latin Extended-A, Greek and Cyrillic capitals).
bool starts_upper(std::string_view text);
/// Lower-case hex SHA-256 of `data` (FIPS 180-4), with the CPU's SHA
/// instructions when it has them.
std::string sha256_hex(std::string_view data);

}  // namespace claimgraph::util
