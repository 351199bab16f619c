// The text stage's sentence splitter.
#pragma once

#include <claimgraph/model.h>

#include <string_view>
#include <vector>

namespace claimgraph::text {

/// Splits `text` into sentences. Each SentenceRecord's offsets are bytes into
/// `text` and its `text` is exactly `text.substr(start, end - start)`, without
/// surrounding white space.
std::vector<SentenceRecord> split_sentences(std::string_view text);

}  // namespace claimgraph::text
