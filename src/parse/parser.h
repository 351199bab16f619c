// The link-grammar wrapper: one dictionary per process, options per call.
#pragma once

#include "parse/parse.h"

#include <claimgraph/status.h>

#include <functional>
#include <memory>
#include <string_view>

namespace claimgraph::parse {

/// Limits of one parse.
struct ParserOptions {
    double max_parse_seconds = 5.0;  ///< per parse call; a time-out falls back to a panic parse
    std::size_t max_sentence_bytes = 2000;
    int max_null_count = 3;          ///< nulls allowed before the panic fallback
    /// True for a word that may introduce speech without quotation marks (`said`); a
    /// linkage reading any other word as a quotation verb (`held.q-d`) is avoided.
    std::function<bool(std::string_view)> speech_verb;
};

/// Thread-safe: parse() may run from many threads at once.
class Parser {
public:
    virtual ~Parser() = default;
    /// Parses one sentence (already normalised). Fails with invalid_input for an
    /// over-long sentence and not_found when no linkage exists.
    virtual Result<Parse> parse(std::string_view sentence) const = 0;
};

/// Loads the English dictionary once; `unsupported` if it cannot be loaded.
Result<std::shared_ptr<const Parser>> create_parser(const ParserOptions& options = {});

}  // namespace claimgraph::parse
