// Text helpers every export format shares: the one cleaning rule, ids, numbers.
#pragma once

#include <claimgraph/model.h>

#include <string>
#include <string_view>

namespace claimgraph::exporter {

/// `text` as every format carries it: valid UTF-8 without the characters XML 1.0
/// forbids (see ExportData). One rule for all formats keeps them in agreement.
std::string clean(std::string_view text);

/// `n<id>`: a node's id in GraphML, JSON and DOT.
std::string node_id(EntityId id);
/// `e<id>`: an edge's id in GraphML and its key in JSON.
std::string edge_id(TripleId id);

/// The shortest decimal text that reads back as the same double (`0.95`, `1`).
std::string format_double(double value);

/// The separator of aliases in GraphML and DOT.
inline constexpr std::string_view k_alias_separator = " | ";

}  // namespace claimgraph::exporter
