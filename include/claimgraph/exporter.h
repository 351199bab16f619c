// Writing the graph for other tools: GraphML (Gephi, yEd, Cytoscape, networkx,
// igraph), node-link JSON (networkx), Graphviz DOT and Neo4j bulk-import CSV.
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::exporter {

/// What an export writes: entities become nodes `n<id>`, triples become edges
/// `e<id>`, both in the order given (Store::entities() / Store::triples()).
/// Every writer cleans text the same way (ill-formed UTF-8 becomes U+FFFD;
/// control characters other than tab, LF and CR, U+FFFE/U+FFFF and encoded
/// surrogates are removed), so all formats carry the same strings.
struct ExportData {
    std::vector<Entity> entities;
    std::vector<Triple> triples;
};

/// The export formats of `claimgraph export --format`.
enum class Format { graphml, json, dot, csv };

/// Parses `graphml`, `json`, `dot` or `csv` (exact, lower-case).
std::optional<Format> parse_format(std::string_view name);

/// Options of write_graphml().
struct GraphmlOptions {
    /// Adds yEd label markup (`y:ShapeNode/y:NodeLabel`, `y:PolyLineEdge/y:EdgeLabel`
    /// under `yfiles.type` keys). yEd shows labels only from this markup, but the
    /// plain GraphML schema rejects it, so it is off by default; networkx and
    /// igraph read the file either way.
    bool yed_markup = false;
};

/// Checks that entity ids and triple ids are unique and that every triple's
/// subject and object are among the entities; invalid_input naming the first
/// offender otherwise. Every writer runs this before writing anything.
Status check(const ExportData& data);

/// Writes GraphML 1.0: typed keys (node: label, name, type, aliases joined with
/// " | ", mentions; edge: label, interaction, predicate, modality, negated,
/// confidence, attributed_to, evidence, evidence_count), a directed graph with
/// parallel edges kept. Empty optional texts (modality, attributed_to, evidence)
/// have no `<data>` element. Errors: check()'s, or io_error when `out` fails.
Status write_graphml(const ExportData& data, std::ostream& out, const GraphmlOptions& options = {});

/// Writes node-link JSON as networkx's `node_link_graph` reads it: `directed`,
/// `multigraph`, `graph`, `nodes` (`id` = `n<id>`) and `links` (`source`,
/// `target`, `key` = `e<id>`), with the attributes of write_graphml(); aliases
/// are an array, empty modality and attributed_to are null. Errors as write_graphml().
Status write_node_link_json(const ExportData& data, std::ostream& out);

/// Writes a Graphviz `digraph`: quoted node ids `n<id>` labelled with the entity
/// name; edges labelled with the predicate, dashed when negated, else dotted when
/// modal. Errors as write_graphml().
Status write_dot(const ExportData& data, std::ostream& out);

/// Writes the nodes file of a Neo4j bulk import (RFC 4180 quoting):
/// `entityId:ID,name,type,aliases:string[],mentions:int,:LABEL`, aliases joined
/// with `;` (a `;` inside an alias becomes U+FF1B `；`), labels `Entity;<TYPE>`.
/// Errors as write_graphml().
Status write_csv_nodes(const ExportData& data, std::ostream& out);

/// Writes the relationships file of a Neo4j bulk import:
/// `:START_ID,:END_ID,:TYPE,predicate,modality,negated:boolean,confidence:double,attributed_to,evidence`,
/// where `:TYPE` is relationship_type(predicate). Errors as write_graphml().
Status write_csv_edges(const ExportData& data, std::ostream& out);

/// A predicate as a Neo4j relationship type: ASCII letters upper-cased, each run
/// of other ASCII characters one `_` (none at the ends), other characters kept;
/// `RELATED_TO` when nothing is left. `president of` → `PRESIDENT_OF`.
std::string relationship_type(std::string_view predicate);

}  // namespace claimgraph::exporter
