// Small graphs for the exporter tests, built in memory.
#pragma once

#include <claimgraph/exporter.h>

#include <string>

namespace claimgraph::testing {

/// Two nodes and two parallel edges: a plain claim, and a negated, modal,
/// attributed one with two evidence rows.
inline exporter::ExportData two_node_graph() {
    exporter::ExportData data;
    data.entities.push_back(Entity{1, "Mara Quint", EntityType::person, {"Mara Quint", "Quint"}, 2});
    data.entities.push_back(Entity{2, "Norland", EntityType::gpe, {"Norland"}, 1});
    data.triples.push_back(Triple{10, 1, "Mara Quint", "president of", 2, "Norland", "", false, "", 0.95,
                                  "Norlandic President Mara Quint opened the summit.", 1});
    data.triples.push_back(Triple{11, 1, "Mara Quint", "visit", 2, "Norland", "will", true, "Tomas Ferro", 0.7,
                                  "Quint will not visit Norland, Ferro said.", 2});
    return data;
}

/// One entity named `name` (also its alias) with an edge to itself whose
/// predicate, attribution and evidence are `name` too.
inline exporter::ExportData graph_named(const std::string& name) {
    exporter::ExportData data;
    data.entities.push_back(Entity{7, name, EntityType::org, {name}, 1});
    data.triples.push_back(Triple{3, 7, name, name, 7, name, "", false, name, 0.5, name, 1});
    return data;
}

}  // namespace claimgraph::testing
