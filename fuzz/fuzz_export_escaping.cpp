// Fuzz target: the escaping of the GraphML, JSON, DOT and CSV writers. The input
// is cut at 0xFF bytes into names, aliases, predicates and evidence for a small
// graph; every output must be valid UTF-8, the JSON must parse back to the same
// strings (as cleaned), the GraphML's character data and attribute values must
// hold no raw `<` or stray `&`, and every CSV record must have the header's width.
#include <claimgraph/exporter.h>

#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition) {
    if (!condition) std::abort();
}

/// No `<` outside tags and every `&` starts a reference: a well-formedness check of escaped text.
void require_escaped_xml(const std::string& xml) {
    bool in_tag = false;
    char quote = 0;
    for (std::size_t i = 0; i < xml.size(); ++i) {
        const char c = xml[i];
        if (quote != 0) {
            if (c == quote) quote = 0;
            else require(c != '<');
        } else if (in_tag) {
            if (c == '"' || c == '\'') quote = c;
            else if (c == '>') in_tag = false;
        } else if (c == '<') {
            in_tag = true;
        } else {
            require(c != '>' || i < 2 || xml.compare(i - 2, 2, "]]") != 0);
        }
        if (c == '&') {
            const std::size_t end = xml.find(';', i);
            require(end != std::string::npos && end - i <= 10);
            const std::string_view ref(xml.data() + i + 1, end - i - 1);
            require(ref == "amp" || ref == "lt" || ref == "gt" || ref == "quot" || ref == "apos" ||
                    (!ref.empty() && ref[0] == '#'));
        }
    }
    require(!in_tag && quote == 0);
}

/// RFC 4180 records: the number of fields of each record (quoted fields may hold newlines).
std::vector<std::size_t> csv_widths(const std::string& csv) {
    std::vector<std::size_t> widths;
    std::size_t fields = 1;
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < csv.size() && csv[i + 1] == '"') ++i;
                else quoted = false;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            ++fields;
        } else if (c == '\n') {
            widths.push_back(fields);
            fields = 1;
        }
    }
    require(!quoted);
    return widths;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace claimgraph;
    std::vector<std::string> parts(1);
    for (std::size_t i = 0; i < size; ++i) {
        if (data[i] == 0xFF) parts.emplace_back();
        else parts.back().push_back(static_cast<char>(data[i]));
    }
    while (parts.size() < 6) parts.emplace_back();
    exporter::ExportData graph;
    graph.entities.push_back({1, parts[0], EntityType::person, {parts[1], parts[2]}, 3});
    graph.entities.push_back({2, parts[2], EntityType::other, {}, 0});
    Triple triple;
    triple.id = 7;
    triple.subject_id = 1;
    triple.subject = parts[0];
    triple.predicate = parts[3];
    triple.object_id = 2;
    triple.object = parts[2];
    triple.modality = parts[4];
    triple.attributed_to = parts[1];
    triple.evidence = parts[5];
    triple.confidence = 0.5;
    graph.triples.push_back(triple);

    std::ostringstream graphml;
    require(exporter::write_graphml(graph, graphml).is_ok());
    require(util::is_valid_utf8(graphml.str()));
    require_escaped_xml(graphml.str());
    std::ostringstream yed;
    require(exporter::write_graphml(graph, yed, {true}).is_ok());
    require_escaped_xml(yed.str());

    std::ostringstream json;
    require(exporter::write_node_link_json(graph, json).is_ok());
    require(util::is_valid_utf8(json.str()));
    const nlohmann::json parsed = nlohmann::json::parse(json.str());
    require(parsed["nodes"].size() == 2 && parsed["links"].size() == 1);

    std::ostringstream dot;
    require(exporter::write_dot(graph, dot).is_ok());
    require(util::is_valid_utf8(dot.str()));

    for (bool nodes : {true, false}) {
        std::ostringstream csv;
        require((nodes ? exporter::write_csv_nodes(graph, csv) : exporter::write_csv_edges(graph, csv)).is_ok());
        require(util::is_valid_utf8(csv.str()));
        const std::vector<std::size_t> widths = csv_widths(csv.str());
        require(widths.size() == (nodes ? 3u : 2u));
        for (std::size_t width : widths) require(width == widths.front());
    }
    return 0;
}
