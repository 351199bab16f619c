// GraphML 1.0 output, written by hand: typed keys with readable ids, one
// <node>/<edge> per entity/triple, text escaped by util/xml.
#include <claimgraph/exporter.h>

#include "exporter/output_buffer.h"
#include "exporter/text.h"
#include "util/xml.h"

#include <array>

namespace claimgraph::exporter {

namespace {

using util::XmlContext;

struct Key {
    const char* id;
    const char* domain;  // GraphML `for`
    const char* name;
    const char* type;
};

// Key ids are words, never d0, d1, ...: Gephi gives d3/d7 special meaning.
// Node and edge keys are separate (igraph ignores for="all"), and ids are
// unique across both, so the edge label key needs its own id.
constexpr std::array k_keys = {
    Key{"label", "node", "label", "string"},
    Key{"name", "node", "name", "string"},
    Key{"type", "node", "type", "string"},
    Key{"aliases", "node", "aliases", "string"},
    Key{"mentions", "node", "mentions", "int"},
    Key{"edge_label", "edge", "label", "string"},
    Key{"interaction", "edge", "interaction", "string"},
    Key{"predicate", "edge", "predicate", "string"},
    Key{"modality", "edge", "modality", "string"},
    Key{"negated", "edge", "negated", "boolean"},
    Key{"confidence", "edge", "confidence", "double"},
    Key{"attributed_to", "edge", "attributed_to", "string"},
    Key{"evidence", "edge", "evidence", "string"},
    Key{"evidence_count", "edge", "evidence_count", "int"},
};

void append_data(std::string& out, std::string_view key, std::string_view escaped_value) {
    out += "      <data key=\"";
    out += key;
    out += "\">";
    out += escaped_value;
    out += "</data>\n";
}

void append_text_data(std::string& out, std::string_view key, std::string_view value) {
    out += "      <data key=\"";
    out += key;
    out += "\">";
    util::append_xml_escaped(out, value, XmlContext::text);
    out += "</data>\n";
}

// Optional texts are left out when empty: an empty <data> reads as "missing"
// in networkx anyway, and as the empty string in igraph.
void append_optional_text_data(std::string& out, std::string_view key, std::string_view value) {
    if (!value.empty()) append_text_data(out, key, value);
}

void append_header(std::string& out, const GraphmlOptions& options) {
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
           "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n";
    if (options.yed_markup) out += "    xmlns:y=\"http://www.yworks.com/xml/graphml\"\n";
    out += "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
           "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const Key& key : k_keys) {
        out += "  <key id=\"";
        out += key.id;
        out += "\" for=\"";
        out += key.domain;
        out += "\" attr.name=\"";
        out += key.name;
        out += "\" attr.type=\"";
        out += key.type;
        out += "\"/>\n";
    }
    if (options.yed_markup) {
        out += "  <key id=\"node_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n";
        out += "  <key id=\"edge_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n";
    }
    out += "  <graph id=\"claimgraph\" edgedefault=\"directed\">\n";
}

void append_node(std::string& out, const Entity& entity, const GraphmlOptions& options) {
    const std::string name = clean(entity.name);
    std::string aliases;
    for (const std::string& alias : entity.aliases) {
        if (!aliases.empty()) aliases += k_alias_separator;
        aliases += alias;
    }
    out += "    <node id=\"";
    out += node_id(entity.id);
    out += "\">\n";
    append_text_data(out, "label", name);
    append_text_data(out, "name", name);
    append_text_data(out, "type", to_string(entity.type));
    append_text_data(out, "aliases", aliases);
    append_data(out, "mentions", std::to_string(entity.mentions));
    if (options.yed_markup) {
        out += "      <data key=\"node_graphics\"><y:ShapeNode><y:NodeLabel>";
        util::append_xml_escaped(out, name, XmlContext::text);
        out += "</y:NodeLabel></y:ShapeNode></data>\n";
    }
    out += "    </node>\n";
}

void append_edge(std::string& out, const Triple& triple, const GraphmlOptions& options) {
    const std::string predicate = clean(triple.predicate);
    out += "    <edge id=\"";
    out += edge_id(triple.id);
    out += "\" source=\"";
    out += node_id(triple.subject_id);
    out += "\" target=\"";
    out += node_id(triple.object_id);
    out += "\">\n";
    append_text_data(out, "edge_label", predicate);
    append_text_data(out, "interaction", predicate);
    append_text_data(out, "predicate", predicate);
    append_optional_text_data(out, "modality", triple.modality);
    append_data(out, "negated", triple.negated ? "true" : "false");
    append_data(out, "confidence", format_double(triple.confidence));
    append_optional_text_data(out, "attributed_to", triple.attributed_to);
    append_optional_text_data(out, "evidence", triple.evidence);
    append_data(out, "evidence_count", std::to_string(triple.evidence_count));
    if (options.yed_markup) {
        out += "      <data key=\"edge_graphics\"><y:PolyLineEdge><y:Arrows source=\"none\" target=\"standard\"/>"
               "<y:EdgeLabel>";
        util::append_xml_escaped(out, predicate, XmlContext::text);
        out += "</y:EdgeLabel></y:PolyLineEdge></data>\n";
    }
    out += "    </edge>\n";
}

}  // namespace

Status write_graphml(const ExportData& data, std::ostream& out, const GraphmlOptions& options) {
    if (Status status = check(data); !status) return status;
    OutputBuffer buffer(out);
    append_header(buffer.text(), options);
    for (const Entity& entity : data.entities) {
        append_node(buffer.text(), entity, options);
        buffer.maybe_flush();
    }
    for (const Triple& triple : data.triples) {
        append_edge(buffer.text(), triple, options);
        buffer.maybe_flush();
    }
    buffer.text() += "  </graph>\n</graphml>\n";
    return buffer.finish();
}

}  // namespace claimgraph::exporter
