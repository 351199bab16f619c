// Neo4j bulk-import CSV (neo4j-admin database import): a nodes file and a
// relationships file with typed headers and RFC 4180 quoting.
#include <claimgraph/exporter.h>

#include "exporter/output_buffer.h"
#include "exporter/text.h"

namespace claimgraph::exporter {

namespace {

// Appends one RFC 4180 field: quoted (with doubled quotes) when it holds a
// comma, quote, CR or LF, or starts or ends with a space. An empty field stays
// unquoted, which Neo4j reads as "no property".
void append_field(std::string& out, std::string_view cleaned) {
    const bool needs_quotes = cleaned.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!cleaned.empty() && (cleaned.front() == ' ' || cleaned.back() == ' '));
    if (!needs_quotes) {
        out += cleaned;
        return;
    }
    out.push_back('"');
    for (char c : cleaned) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

void append_text_field(std::string& out, std::string_view text) { append_field(out, clean(text)); }

// `;` separates array items and Neo4j has no escape for it, so one inside an
// alias becomes the full-width semicolon U+FF1B.
std::string alias_array(const std::vector<std::string>& aliases) {
    std::string joined;
    for (const std::string& alias : aliases) {
        if (!joined.empty()) joined.push_back(';');
        for (char c : clean(alias)) {
            if (c == ';') {
                joined += "\xEF\xBC\x9B";
            } else {
                joined.push_back(c);
            }
        }
    }
    return joined;
}

}  // namespace

Status write_csv_nodes(const ExportData& data, std::ostream& out) {
    if (Status status = check(data); !status) return status;
    OutputBuffer buffer(out);
    std::string& text = buffer.text();
    text += "entityId:ID,name,type,aliases:string[],mentions:int,:LABEL\n";
    for (const Entity& entity : data.entities) {
        const std::string_view type = to_string(entity.type);
        text += std::to_string(entity.id);
        text.push_back(',');
        append_text_field(text, entity.name);
        text.push_back(',');
        text += type;
        text.push_back(',');
        append_field(text, alias_array(entity.aliases));
        text.push_back(',');
        text += std::to_string(entity.mentions);
        text += ",Entity;";
        text += type;
        text.push_back('\n');
        buffer.maybe_flush();
    }
    return buffer.finish();
}

Status write_csv_edges(const ExportData& data, std::ostream& out) {
    if (Status status = check(data); !status) return status;
    OutputBuffer buffer(out);
    std::string& text = buffer.text();
    text += ":START_ID,:END_ID,:TYPE,predicate,modality,negated:boolean,confidence:double,attributed_to,evidence\n";
    for (const Triple& triple : data.triples) {
        text += std::to_string(triple.subject_id);
        text.push_back(',');
        text += std::to_string(triple.object_id);
        text.push_back(',');
        append_field(text, relationship_type(triple.predicate));
        text.push_back(',');
        append_text_field(text, triple.predicate);
        text.push_back(',');
        append_text_field(text, triple.modality);
        text.push_back(',');
        text += triple.negated ? "true" : "false";
        text.push_back(',');
        text += format_double(triple.confidence);
        text.push_back(',');
        append_text_field(text, triple.attributed_to);
        text.push_back(',');
        append_text_field(text, triple.evidence);
        text.push_back('\n');
        buffer.maybe_flush();
    }
    return buffer.finish();
}

}  // namespace claimgraph::exporter
