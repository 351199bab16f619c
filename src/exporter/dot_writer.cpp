// Graphviz DOT output: a digraph with quoted ids and escaped labels.
#include <claimgraph/exporter.h>

#include "exporter/output_buffer.h"
#include "exporter/text.h"

namespace claimgraph::exporter {

namespace {

// Appends `text` as a DOT quoted string. Labels are escString: `\` starts an
// escape (\n, \l, \N, ...), so a literal backslash is `\\` and `"` is `\"`.
// Line breaks become `\n` (centred line break); CR is dropped.
void append_quoted(std::string& out, std::string_view text) {
    out.push_back('"');
    for (char c : clean(text)) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            break;
        case '\t':
            out.push_back(' ');
            break;
        default:
            out.push_back(c);
        }
    }
    out.push_back('"');
}

}  // namespace

Status write_dot(const ExportData& data, std::ostream& out) {
    if (Status status = check(data); !status) return status;
    OutputBuffer buffer(out);
    std::string& text = buffer.text();
    text += "digraph claimgraph {\n  node [shape=box];\n";
    for (const Entity& entity : data.entities) {
        text += "  \"" + node_id(entity.id) + "\" [label=";
        append_quoted(text, entity.name);
        text += ", type=";
        append_quoted(text, to_string(entity.type));
        text += "];\n";
        buffer.maybe_flush();
    }
    for (const Triple& triple : data.triples) {
        text += "  \"" + node_id(triple.subject_id) + "\" -> \"" + node_id(triple.object_id) + "\" [id=\"" +
                edge_id(triple.id) + "\", label=";
        append_quoted(text, triple.predicate);
        // One style per edge: a denial matters more than a modal hedge.
        if (triple.negated) {
            text += ", style=dashed";
        } else if (!triple.modality.empty()) {
            text += ", style=dotted";
        }
        text += "];\n";
        buffer.maybe_flush();
    }
    text += "}\n";
    return buffer.finish();
}

}  // namespace claimgraph::exporter
