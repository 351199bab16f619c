// Node-link JSON in the shape networkx's node_link_graph reads, one node or
// link object per line so large exports stream instead of building one tree.
#include <claimgraph/exporter.h>

#include "exporter/output_buffer.h"
#include "exporter/text.h"

#include <nlohmann/json.hpp>

namespace claimgraph::exporter {

namespace {

using Json = nlohmann::ordered_json;

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(clean(text)); }

Json node_object(const Entity& entity) {
    const std::string name = clean(entity.name);
    Json aliases = Json::array();
    for (const std::string& alias : entity.aliases) aliases.push_back(clean(alias));
    return Json{{"id", node_id(entity.id)},
                {"label", name},
                {"name", name},
                {"type", std::string(to_string(entity.type))},
                {"aliases", std::move(aliases)},
                {"mentions", entity.mentions}};
}

Json link_object(const Triple& triple) {
    const std::string predicate = clean(triple.predicate);
    return Json{{"source", node_id(triple.subject_id)},
                {"target", node_id(triple.object_id)},
                {"key", edge_id(triple.id)},
                {"label", predicate},
                {"interaction", predicate},
                {"predicate", predicate},
                {"modality", optional_text(triple.modality)},
                {"negated", triple.negated},
                {"confidence", triple.confidence},
                {"attributed_to", optional_text(triple.attributed_to)},
                {"evidence", clean(triple.evidence)},
                {"evidence_count", triple.evidence_count}};
}

// Writes `objects` one per line, comma-separated, as the body of a JSON array.
template <typename Items, typename ToJson>
void append_array_items(OutputBuffer& buffer, const Items& items, ToJson to_json) {
    bool first = true;
    for (const auto& item : items) {
        buffer.text() += first ? "\n    " : ",\n    ";
        first = false;
        // Text is already valid UTF-8 (clean()); `replace` only guards against a slip.
        buffer.text() += to_json(item).dump(-1, ' ', false, Json::error_handler_t::replace);
        buffer.maybe_flush();
    }
    buffer.text() += first ? "]" : "\n  ]";
}

}  // namespace

Status write_node_link_json(const ExportData& data, std::ostream& out) {
    if (Status status = check(data); !status) return status;
    OutputBuffer buffer(out);
    buffer.text() += "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n  \"nodes\": [";
    append_array_items(buffer, data.entities, node_object);
    buffer.text() += ",\n  \"links\": [";
    append_array_items(buffer, data.triples, link_object);
    buffer.text() += "\n}\n";
    return buffer.finish();
}

}  // namespace claimgraph::exporter
