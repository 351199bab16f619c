// Shared export text helpers.
#include "exporter/text.h"

#include "util/xml.h"

#include <charconv>
#include <cmath>

namespace claimgraph::exporter {

std::string clean(std::string_view text) { return util::to_xml_chars(text); }

std::string node_id(EntityId id) { return "n" + std::to_string(id); }

std::string edge_id(TripleId id) { return "e" + std::to_string(id); }

std::string format_double(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "INF" : "-INF";
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace claimgraph::exporter
