// In-process timings of claimgraph for tools/bench: import, snapshot build,
// 2-hop neighbourhoods, shortest paths, PageRank, components and GraphML export,
// with the answers, as one JSON object that tools/bench_report.py compares.
#include <claimgraph/exporter.h>
#include <claimgraph/graph.h>
#include <claimgraph/importer.h>
#include <claimgraph/store.h>

#include "util/file.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;
namespace cg = claimgraph;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

[[noreturn]] void fail(const std::string& what, const cg::Status& status) {
    std::cerr << "claimgraph_bench: " << what << ": " << status.message() << " (code " << static_cast<int>(status.code()) << ")\n";
    std::exit(1);
}

template <typename T>
T take(cg::Result<T> result, const std::string& what) {
    if (!result) fail(what, result.status());
    return std::move(result).value();
}

struct Options {
    std::string db;
    std::string import_path;  // empty: the database exists
    std::string workload;
    std::string graphml;
    std::string output;
};

const char* k_usage =
    "usage: claimgraph_bench --db FILE [--import TRIPLES.jsonl] [--workload WORKLOAD.json] [--graphml OUT.graphml]"
    " [-o RESULT.json]\n"
    "  --import: delete FILE, then time parsing and storing the triples into it\n"
    "  without --workload only the import is timed\n"
    "  WORKLOAD.json: {\"seeds\": [entity ids], \"hub\": id, \"pairs\": [[id, id], ...]} (tools/bench_workload.py)\n";

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << k_usage;
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--db") options.db = value();
        else if (arg == "--import") options.import_path = value();
        else if (arg == "--workload") options.workload = value();
        else if (arg == "--graphml") options.graphml = value();
        else if (arg == "-o") options.output = value();
        else {
            std::cerr << k_usage;
            std::exit(2);
        }
    }
    if (options.db.empty() || (options.workload.empty() && options.import_path.empty())) {
        std::cerr << k_usage;
        std::exit(2);
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    Json result = Json::object();
    result["system"] = "claimgraph";
    Json time = Json::object();
    Json answers = Json::object();

    if (!options.import_path.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(options.db + suffix);
        auto start = Clock::now();
        const std::string contents = take(cg::util::read_file(options.import_path), "read " + options.import_path);
        const cg::DocumentRecord document =
            take(cg::importer::parse_triples_jsonl(contents, options.import_path), "parse");
        time["parse"] = seconds_since(start);
        start = Clock::now();
        auto store = take(cg::store::open_store(options.db, cg::store::OpenMode::read_write), "open");
        const auto outcome = take(store->write_document(document), "store");
        store.reset();  // closing checkpoints the WAL: part of storing
        time["store"] = seconds_since(start);
        answers["stored_triples"] = outcome.triples_added;
    }

    if (options.workload.empty()) {  // --import alone: only storing is timed
        result["seconds"] = time;
        result["answers"] = answers;
        std::cout << result.dump(1) << "\n";
        return 0;
    }
    const Json workload = Json::parse(std::ifstream(options.workload));
    auto store = take(cg::store::open_store(options.db, cg::store::OpenMode::read_only), "open");

    auto start = Clock::now();
    const cg::store::GraphData data = take(store->graph_data(), "graph_data");
    time["read_graph"] = seconds_since(start);
    start = Clock::now();
    const cg::graph::Snapshot snapshot = take(cg::graph::Snapshot::from_data(data), "snapshot");
    time["build_snapshot"] = seconds_since(start);
    time["build"] = time["read_graph"].get<double>() + time["build_snapshot"].get<double>();
    answers["nodes"] = snapshot.entity_count();
    answers["edges"] = snapshot.edge_count();

    // 2-hop neighbourhoods, both directions: sizes include the seed. The peers
    // answer with vertex ids, so the timed listing is the entities and their
    // distances (EdgeListing::none); "_via" times the listing that also holds
    // the edge that reached each entity (what `claimgraph neighbors` prints).
    const std::vector<cg::EntityId> seeds = workload["seeds"].get<std::vector<cg::EntityId>>();
    const auto hub_id = workload["hub"].get<cg::EntityId>();
    for (const auto listing : {cg::graph::EdgeListing::none, cg::graph::EdgeListing::omit}) {
        const std::string suffix = listing == cg::graph::EdgeListing::none ? "" : "_via";
        std::vector<std::size_t> sizes;
        start = Clock::now();
        for (const cg::EntityId seed : seeds) {
            auto found = take(snapshot.neighborhood(seed, 2, cg::graph::Direction::both, {}, listing), "neighborhood");
            sizes.push_back(found.entities.size());
        }
        time["two_hop" + suffix] = seconds_since(start) / static_cast<double>(std::max<std::size_t>(1, sizes.size()));
        start = Clock::now();
        auto hub = take(snapshot.neighborhood(hub_id, 2, cg::graph::Direction::both, {}, listing), "hub neighborhood");
        time["two_hop_hub" + suffix] = seconds_since(start);
        if (listing == cg::graph::EdgeListing::none) {
            answers["two_hop"] = sizes;
            answers["two_hop_hub"] = hub.entities.size();
        } else if (answers["two_hop"] != Json(sizes) || answers["two_hop_hub"] != hub.entities.size()) {
            std::cerr << "claimgraph_bench: 2-hop sizes depend on the edge listing\n";
            std::exit(1);
        }
    }

    // Shortest paths, edge direction ignored: hop counts, -1 when unconnected.
    std::vector<long> lengths;
    start = Clock::now();
    for (const auto& pair : workload["pairs"]) {
        auto path = take(snapshot.shortest_path(pair[0].get<cg::EntityId>(), pair[1].get<cg::EntityId>()), "path");
        lengths.push_back(path ? static_cast<long>(path->size()) : -1);
    }
    time["shortest_path"] = seconds_since(start) / static_cast<double>(std::max<std::size_t>(1, lengths.size()));
    answers["shortest_path"] = lengths;

    start = Clock::now();
    const auto ranks = take(snapshot.pagerank(), "pagerank");
    time["pagerank"] = seconds_since(start);
    Json top = Json::array();
    for (std::size_t i = 0; i < ranks.size() && i < 20; ++i) top.push_back({ranks[i].entity, ranks[i].score});
    answers["pagerank_top"] = top;

    start = Clock::now();
    const auto components = take(snapshot.connected_components(), "components");
    time["components"] = seconds_since(start);
    answers["components"] = components.size();
    answers["largest_component"] = components.empty() ? 0 : components.front().entities.size();

    if (!options.graphml.empty()) {
        start = Clock::now();
        cg::exporter::ExportData export_data;
        export_data.entities = take(store->entities(), "entities");
        export_data.triples = take(store->triples(), "triples");
        time["export_read"] = seconds_since(start);
        const auto write_start = Clock::now();
        std::ofstream out(options.graphml, std::ios::binary);
        if (cg::Status status = cg::exporter::write_graphml(export_data, out); !status) fail("graphml", status);
        out.close();
        time["export_write"] = seconds_since(write_start);
        time["graphml_export"] = seconds_since(start);
    }

    result["seconds"] = time;
    result["answers"] = answers;
    if (options.output.empty()) {
        std::cout << result.dump(1) << "\n";
    } else {
        std::ofstream(options.output) << result.dump(1) << "\n";
    }
    return 0;
}
