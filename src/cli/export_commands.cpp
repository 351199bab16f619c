// `export`: the whole graph as GraphML, node-link JSON, Graphviz DOT or Neo4j CSV.
#include "cli/commands.h"

#include <claimgraph/exporter.h>

#include "util/atomic_file.h"

#include <CLI/CLI.hpp>

#include <functional>
#include <ostream>

namespace claimgraph::cli {

namespace {

struct ExportOptions {
    std::string format = "graphml";
    std::string output;  // empty or `-`: standard output; a prefix for csv
    bool yed = false;
};

using Writer = std::function<Status(std::ostream&)>;

// Writes through a temporary file and renames it, so a failed export leaves
// any earlier file at `path` as it was.
Status write_file(const std::string& path, const Writer& writer) {
    util::AtomicFile file(path);
    if (!file.status()) return file.status();
    if (Status status = writer(file.stream()); !status) return status;
    return file.commit();
}

Status run_export(Context& context, const ExportOptions& options) {
    const auto format = exporter::parse_format(options.format);
    if (!format) {
        return Status::invalid_argument("unknown export format '" + options.format + "'; use graphml, json, dot or csv");
    }
    const bool to_stdout = options.output.empty() || options.output == "-";
    if (*format == exporter::Format::csv && to_stdout) {
        return Status::invalid_argument("csv export writes two files; give -o PREFIX to write PREFIX.nodes.csv and "
                                        "PREFIX.edges.csv");
    }
    if (options.yed && *format != exporter::Format::graphml) {
        return Status::invalid_argument("--yed only applies to --format graphml");
    }

    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    exporter::ExportData data;
    {
        // Entities and triples from the same moment, even while an ingest writes.
        auto snapshot = (*store)->snapshot();
        if (!snapshot) return snapshot.status();
        auto entities = (*store)->entities();
        if (!entities) return entities.status();
        auto triples = (*store)->triples();
        if (!triples) return triples.status();
        data.entities = std::move(entities).value();
        data.triples = std::move(triples).value();
    }

    if (*format == exporter::Format::csv) {
        // Both files are complete before either replaces an older one.
        util::AtomicFile nodes(options.output + ".nodes.csv");
        util::AtomicFile edges(options.output + ".edges.csv");
        for (util::AtomicFile* file : {&nodes, &edges}) {
            if (!file->status()) return file->status();
        }
        if (Status status = exporter::write_csv_nodes(data, nodes.stream()); !status) return status;
        if (Status status = exporter::write_csv_edges(data, edges.stream()); !status) return status;
        if (Status status = nodes.commit(); !status) return status;
        if (Status status = edges.commit(); !status) return status;
        context.err << "wrote " << data.entities.size() << " nodes to " << options.output << ".nodes.csv and "
                    << data.triples.size() << " edges to " << options.output << ".edges.csv\n";
        return Status::ok();
    }

    Writer writer;
    switch (*format) {
    case exporter::Format::graphml:
        writer = [&](std::ostream& out) {
            return exporter::write_graphml(data, out, exporter::GraphmlOptions{.yed_markup = options.yed});
        };
        break;
    case exporter::Format::json:
        writer = [&](std::ostream& out) { return exporter::write_node_link_json(data, out); };
        break;
    case exporter::Format::dot:
        writer = [&](std::ostream& out) { return exporter::write_dot(data, out); };
        break;
    case exporter::Format::csv:
        break;
    }
    if (to_stdout) return writer(context.out);
    if (Status status = write_file(options.output, writer); !status) return status;
    context.err << "wrote " << data.entities.size() << " nodes and " << data.triples.size() << " edges to "
                << options.output << "\n";
    return Status::ok();
}

}  // namespace

void add_export_commands(CLI::App& app, Action& action) {
    auto options = std::make_shared<ExportOptions>();
    auto* command = app.add_subcommand(
        "export",
        "Write the whole graph for other tools: GraphML (Gephi, yEd, Cytoscape, networkx, igraph),\n"
        "node-link JSON (networkx), Graphviz DOT, or CSV for Neo4j's bulk import (two files).\n"
        "Files are written to a temporary name and renamed, so a failed export leaves no partial file.");
    command->add_option("--format", options->format, "graphml, json, dot or csv")
        ->check(CLI::IsMember({"graphml", "json", "dot", "csv"}))
        ->capture_default_str();
    command->add_option("-o,--output", options->output,
                        "Output file (default: standard output);\n"
                        "for csv a prefix: writes PREFIX.nodes.csv and PREFIX.edges.csv");
    command->add_flag("--yed", options->yed,
                      "GraphML only: add yEd label markup (yEd then shows labels; the file no longer validates\n"
                      "against the plain GraphML schema)");
    command->callback([&action, options] { action = [options](Context& c) { return run_export(c, *options); }; });
}

}  // namespace claimgraph::cli
