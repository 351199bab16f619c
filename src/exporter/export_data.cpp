// What all writers share: the format names, the consistency check, and Neo4j
// relationship type names.
#include <claimgraph/exporter.h>

#include "exporter/text.h"

#include <string>
#include <unordered_set>

namespace claimgraph::exporter {

std::optional<Format> parse_format(std::string_view name) {
    if (name == "graphml") return Format::graphml;
    if (name == "json") return Format::json;
    if (name == "dot") return Format::dot;
    if (name == "csv") return Format::csv;
    return std::nullopt;
}

Status check(const ExportData& data) {
    std::unordered_set<EntityId> entities;
    entities.reserve(data.entities.size());
    for (const Entity& entity : data.entities) {
        if (!entities.insert(entity.id).second) {
            return Status::invalid_input("cannot export: entity id " + std::to_string(entity.id) + " ('" + entity.name +
                                         "') appears twice");
        }
    }
    std::unordered_set<TripleId> triples;
    triples.reserve(data.triples.size());
    for (const Triple& triple : data.triples) {
        if (!triples.insert(triple.id).second) {
            return Status::invalid_input("cannot export: triple id " + std::to_string(triple.id) + " appears twice");
        }
        for (EntityId end : {triple.subject_id, triple.object_id}) {
            if (!entities.contains(end)) {
                return Status::invalid_input("cannot export: triple " + std::to_string(triple.id) + " ('" +
                                             triple.subject + "' " + triple.predicate + " '" + triple.object +
                                             "') refers to entity " + std::to_string(end) + ", which is not exported");
            }
        }
    }
    return Status::ok();
}

std::string relationship_type(std::string_view predicate) {
    std::string type;
    bool pending_separator = false;
    for (char c : clean(predicate)) {
        const auto byte = static_cast<unsigned char>(c);
        const bool ascii_word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (byte < 0x80 && !ascii_word) {
            pending_separator = !type.empty();
            continue;
        }
        if (pending_separator) type.push_back('_');
        pending_separator = false;
        type.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    }
    return type.empty() ? "RELATED_TO" : type;
}

}  // namespace claimgraph::exporter
