// `neighbors`, `path`, `rank`, `components`: questions answered on a graph
// snapshot of the store, with entity names and evidence read back from it.
#include "cli/commands.h"
#include "cli/output.h"

#include <claimgraph/graph.h>

#include "util/strings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <ostream>
#include <unordered_map>

namespace claimgraph::cli {

namespace {

using Json = nlohmann::ordered_json;

const char* k_format_help = "Output: table (readable), json (one array) or jsonl (one object per line)";

/// The filter options every graph command shares.
struct FilterOptions {
    std::vector<std::string> predicates;
    std::vector<std::string> types;
    std::string polarity = "any";
};

void add_filter_options(CLI::App* command, FilterOptions& options) {
    command->add_option("--predicate", options.predicates,
                        "Only edges with this predicate (exact, case-insensitive; repeat for several)")
        ->allow_extra_args(false);  // one value per --predicate, so positionals after it stay positionals
    command->add_option("--type", options.types,
                        "Only pass through entities of this type (PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE, OTHER;"
                        " repeat for several)")
        ->allow_extra_args(false);
    command->add_option("--polarity", options.polarity, "Only asserted (positive) or only negated claims")
        ->check(CLI::IsMember({"any", "positive", "negated"}))
        ->capture_default_str();
}

Result<graph::Filter> to_filter(const FilterOptions& options) {
    graph::Filter filter;
    filter.predicates = options.predicates;
    for (const std::string& name : options.types) {
        auto type = parse_entity_type(name);
        if (!type) {
            return Status::invalid_argument("unknown entity type '" + name +
                                            "'; use PERSON, ORG, GPE, LOC, GROUP, EVENT, DATE or OTHER");
        }
        filter.types.push_back(*type);
    }
    auto polarity = graph::parse_polarity(options.polarity);
    if (!polarity) return Status::invalid_argument("unknown polarity '" + options.polarity + "'; use any, positive or negated");
    filter.polarity = *polarity;
    return filter;
}

void add_direction_option(CLI::App* command, std::string& direction) {
    command->add_option("--direction", direction,
                        "Follow edges subject→object (out), object→subject (in) or either way (both)")
        ->check(CLI::IsMember({"out", "in", "both"}))
        ->capture_default_str();
}

/// Entity names and evidence looked up in the store once each.
class Lookup {
public:
    explicit Lookup(store::Store& store) : m_store(store) {}

    const Entity& entity(EntityId id) {
        auto it = m_entities.find(id);
        if (it == m_entities.end()) {
            auto found = m_store.entity(id);
            Entity entity;
            if (found) {
                entity = std::move(found).value();
            } else {
                entity.id = id;
                entity.name = "#" + std::to_string(id);
            }
            it = m_entities.emplace(id, std::move(entity)).first;
        }
        return it->second;
    }
    const std::string& name(EntityId id) { return entity(id).name; }

    /// Reads every entity in one query when `count` would be many lookups:
    /// one query per entity took seconds for a hub's 2-hop neighbourhood.
    void expect(std::size_t count) {
        if (count < k_bulk_lookup || m_all_read) return;
        m_all_read = true;
        auto all = m_store.entities();
        if (!all) return;  // entity() reports each one as it is asked for
        for (Entity& e : *all) m_entities.try_emplace(e.id, std::move(e));
    }

    /// The triple's most confident evidence, or an empty one.
    const Evidence& best_evidence(TripleId id) {
        auto it = m_evidence.find(id);
        if (it == m_evidence.end()) {
            auto rows = m_store.evidence(id);
            it = m_evidence.emplace(id, rows && !rows->empty() ? rows->front() : Evidence{}).first;
        }
        return it->second;
    }

    /// "Kardesh –attacked→ Norland"; a negation and a modality go before the predicate.
    std::string claim(const graph::Edge& edge) {
        std::string label = edge.negated ? "not " : "";
        if (!edge.modality.empty()) label += edge.modality + " ";
        label += edge.predicate;
        return name(edge.subject) + " –" + label + "→ " + name(edge.object);
    }

private:
    static constexpr std::size_t k_bulk_lookup = 2000;

    store::Store& m_store;
    bool m_all_read = false;
    std::unordered_map<EntityId, Entity> m_entities;
    std::unordered_map<TripleId, Evidence> m_evidence;
};

/// The store (read-only) and a snapshot of its graph; the store's reads stay at the
/// graph's moment (`view`), so names looked up later match the graph even while an ingest writes.
struct Opened {
    std::unique_ptr<store::Store> store;
    std::unique_ptr<store::ReadSnapshot> view;  // after store: ends first
    graph::Snapshot snapshot;
};

Result<Opened> open_graph(Context& context) {
    auto store = context.open(store::OpenMode::read_only);
    if (!store) return store.status();
    auto view = (*store)->snapshot();
    if (!view) return view.status();
    auto snapshot = graph::Snapshot::build(**store);
    if (!snapshot) return snapshot.status();
    return Opened{std::move(store).value(), std::move(view).value(), std::move(snapshot).value()};
}

Json optional_text(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

// ---- neighbors --------------------------------------------------------------

struct NeighborsOptions {
    std::string entity;
    std::size_t depth = 1;
    std::string direction = "both";
    FilterOptions filter;
    bool edges = false;
    std::string format = "table";
};

Status run_neighbors(Context& context, const NeighborsOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto filter = to_filter(options.filter);
    if (!filter) return filter.status();
    auto opened = open_graph(context);
    if (!opened) return opened.status();
    auto root = opened->store->find_entity(options.entity);
    if (!root) return root.status();
    // The entity listing prints each entity's via edge; only --edges prints the edges among them.
    auto neighborhood = opened->snapshot.neighborhood(root->id, options.depth,
                                                      *graph::parse_direction(options.direction), *filter,
                                                      options.edges ? graph::EdgeListing::include
                                                                    : graph::EdgeListing::omit);
    if (!neighborhood) return neighborhood.status();

    Lookup lookup(*opened->store);
    lookup.expect(options.edges ? 2 * neighborhood->edges.size() : 2 * neighborhood->entities.size());
    std::vector<Json> objects;
    if (options.edges) {
        for (const graph::Edge& edge : neighborhood->edges) {
            Json object = Json::object();
            object["triple_id"] = edge.triple;
            object["subject"] = lookup.name(edge.subject);
            object["predicate"] = edge.predicate;
            object["object"] = lookup.name(edge.object);
            object["modality"] = optional_text(edge.modality);
            object["negated"] = edge.negated;
            object["confidence"] = edge.confidence;
            objects.push_back(std::move(object));
        }
        print_objects(context.out, {"subject", "predicate", "object", "modality", "negated", "confidence"}, objects,
                      *format);
        return Status::ok();
    }
    for (const graph::Reached& reached : neighborhood->entities) {
        if (reached.distance == 0) continue;  // the entity asked about
        Json object = Json::object();
        object["id"] = reached.entity;
        object["entity"] = lookup.name(reached.entity);
        object["type"] = std::string(to_string(reached.type));
        object["distance"] = reached.distance;
        object["via"] = lookup.claim(reached.via->edge);
        object["via_triple_id"] = reached.via->edge.triple;
        object["via_forward"] = reached.via->forward;
        objects.push_back(std::move(object));
    }
    print_objects(context.out, {"entity", "type", "distance", "via"}, objects, *format, 80);
    return Status::ok();
}

// ---- path -------------------------------------------------------------------

struct PathOptions {
    std::string from;
    std::string to;
    std::size_t max_length = 0;  // 0: unlimited for the shortest path, 4 with --all
    bool all = false;
    std::size_t limit = 100;
    std::string direction = "both";
    FilterOptions filter;
    std::string format = "table";
};

constexpr std::size_t k_default_all_length = 4;

std::string following(graph::Direction direction) {
    return direction == graph::Direction::out ? "subject→object (--direction out)" : "object→subject (--direction in)";
}

/// Why there is no path, in words: different components, direction, or length.
std::string no_path_message(const graph::Snapshot& snapshot, const Entity& from, const Entity& to,
                            const graph::Filter& filter, graph::Direction direction, std::size_t max_length) {
    std::string message = "no path between '" + from.name + "' and '" + to.name + "'";
    if (max_length != graph::k_unlimited) {
        message += " within " + std::to_string(max_length) + (max_length == 1 ? " hop" : " hops");
    }
    const std::string filtered = filter.is_unrestricted() ? "" : " (counting only edges and entities the filters allow)";
    auto undirected = snapshot.shortest_path(from.id, to.id, filter, graph::Direction::both);
    if (!undirected || !undirected->has_value()) return message + "; they are in different components" + filtered;
    if (direction != graph::Direction::both) {
        auto directed = snapshot.shortest_path(from.id, to.id, filter, direction);
        if (!directed || !directed->has_value()) {
            return message + " following edges " + following(direction) +
                   "; they are connected when edge direction is ignored (--direction both)" + filtered;
        }
        return message + "; the shortest path following edges " + following(direction) + " has " +
               std::to_string((*directed)->size()) + " hops (raise --max-length)" + filtered;
    }
    return message + "; the shortest path has " + std::to_string((*undirected)->size()) +
           " hops (raise --max-length)" + filtered;
}

Status run_path(Context& context, const PathOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto filter = to_filter(options.filter);
    if (!filter) return filter.status();
    auto opened = open_graph(context);
    if (!opened) return opened.status();
    auto from = opened->store->find_entity(options.from);
    if (!from) return from.status();
    auto to = opened->store->find_entity(options.to);
    if (!to) return to.status();
    if (from->id == to->id) {
        return Status::invalid_argument("'" + options.from + "' and '" + options.to + "' both name '" + from->name +
                                        "'; give two different entities");
    }
    const graph::Direction direction = *graph::parse_direction(options.direction);
    const graph::Snapshot& snapshot = opened->snapshot;

    std::vector<graph::Path> paths;
    std::size_t max_length = options.max_length > 0 ? options.max_length : graph::k_unlimited;
    if (options.all) {
        if (options.max_length == 0) max_length = k_default_all_length;
        auto found = snapshot.all_simple_paths(from->id, to->id, max_length, *filter, direction, options.limit);
        if (!found) return found.status();
        paths = std::move(found).value();
    } else {
        auto found = snapshot.shortest_path(from->id, to->id, *filter, direction, max_length);
        if (!found) return found.status();
        if (found->has_value()) paths.push_back(std::move(**found));
    }
    if (paths.empty()) return Status::not_found(no_path_message(snapshot, *from, *to, *filter, direction, max_length));

    Lookup lookup(*opened->store);
    std::vector<Json> objects;
    for (std::size_t p = 0; p < paths.size(); ++p) {
        for (std::size_t h = 0; h < paths[p].size(); ++h) {
            const graph::Hop& hop = paths[p][h];
            const Evidence& evidence = lookup.best_evidence(hop.edge.triple);
            Json object = Json::object();
            object["path"] = p + 1;
            object["hop"] = h + 1;
            object["from"] = lookup.name(hop.from());
            object["to"] = lookup.name(hop.to());
            object["claim"] = lookup.claim(hop.edge);
            object["subject"] = lookup.name(hop.edge.subject);
            object["predicate"] = hop.edge.predicate;
            object["object"] = lookup.name(hop.edge.object);
            object["modality"] = optional_text(hop.edge.modality);
            object["negated"] = hop.edge.negated;
            object["forward"] = hop.forward;
            object["triple_id"] = hop.edge.triple;
            object["confidence"] = hop.edge.confidence;
            object["attributed_to"] = optional_text(evidence.attributed_to);
            object["evidence"] = evidence.sentence;
            object["document"] = evidence.document;
            objects.push_back(std::move(object));
        }
    }
    if (*format == Format::table) {
        // The chain of entities first: the table's rows show each claim as stated.
        for (std::size_t p = 0; p < paths.size(); ++p) {
            std::string chain = lookup.name(from->id);
            for (const graph::Hop& hop : paths[p]) chain += " → " + lookup.name(hop.to());
            context.out << "path " << p + 1 << " (" << paths[p].size() << (paths[p].size() == 1 ? " hop" : " hops")
                        << "): " << chain << "\n";
        }
        context.out << "\n";
    }
    print_objects(context.out, {"path", "hop", "claim", "confidence", "evidence", "document"}, objects, *format, 100);
    return Status::ok();
}

// ---- rank -------------------------------------------------------------------

struct RankOptions {
    std::string by = "pagerank";
    std::size_t limit = 20;
    double damping = 0.85;
    FilterOptions filter;
    std::string format = "table";
};

Status run_rank(Context& context, const RankOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto filter = to_filter(options.filter);
    if (!filter) return filter.status();
    auto opened = open_graph(context);
    if (!opened) return opened.status();
    graph::PageRankOptions pagerank_options;
    pagerank_options.damping = options.damping;
    auto ranks = opened->snapshot.pagerank(pagerank_options, *filter);
    if (!ranks) return ranks.status();
    auto degrees = opened->snapshot.degrees(*filter);
    if (!degrees) return degrees.status();

    struct Row {
        EntityId entity;
        double score;
        graph::Degree degree;
    };
    std::unordered_map<EntityId, graph::Degree> degree_of;
    for (const graph::Degree& d : *degrees) degree_of[d.entity] = d;
    std::vector<Row> rows;
    rows.reserve(ranks->size());
    for (const graph::Rank& r : *ranks) rows.push_back({r.entity, r.score, degree_of[r.entity]});
    if (options.by == "degree") {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const Row& a, const Row& b) { return a.degree.total() > b.degree.total(); });
    }
    if (options.limit > 0 && rows.size() > options.limit) rows.resize(options.limit);

    Lookup lookup(*opened->store);
    std::vector<Json> objects;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Entity& entity = lookup.entity(rows[i].entity);
        Json object = Json::object();
        object["rank"] = i + 1;
        object["id"] = entity.id;
        object["entity"] = entity.name;
        object["type"] = std::string(to_string(entity.type));
        object["pagerank"] = rows[i].score;
        object["in"] = rows[i].degree.in;
        object["out"] = rows[i].degree.out;
        object["degree"] = rows[i].degree.total();
        objects.push_back(std::move(object));
    }
    print_objects(context.out, {"rank", "entity", "type", "pagerank", "in", "out", "degree"}, objects, *format);
    return Status::ok();
}

// ---- components ---------------------------------------------------------------

struct ComponentsOptions {
    std::size_t limit = 20;
    std::size_t members = 5;
    FilterOptions filter;
    std::string format = "table";
};

Status run_components(Context& context, const ComponentsOptions& options) {
    auto format = parse_format(options.format);
    if (!format) return format.status();
    auto filter = to_filter(options.filter);
    if (!filter) return filter.status();
    auto opened = open_graph(context);
    if (!opened) return opened.status();
    auto components = opened->snapshot.connected_components(*filter);
    if (!components) return components.status();
    auto degrees = opened->snapshot.degrees(*filter);
    if (!degrees) return degrees.status();
    std::unordered_map<EntityId, std::size_t> degree_of;
    for (const graph::Degree& d : *degrees) degree_of[d.entity] = d.total();

    Lookup lookup(*opened->store);
    std::vector<Json> objects;
    const std::size_t shown = options.limit > 0 ? std::min(options.limit, components->size()) : components->size();
    for (std::size_t c = 0; c < shown; ++c) {
        // The best-connected members say most about a component.
        std::vector<EntityId> members = (*components)[c].entities;
        const std::size_t named = std::min(options.members, members.size());
        std::partial_sort(members.begin(), members.begin() + static_cast<std::ptrdiff_t>(named), members.end(),
                          [&](EntityId a, EntityId b) {
                              if (degree_of[a] != degree_of[b]) return degree_of[a] > degree_of[b];
                              return a < b;
                          });
        std::vector<std::string> names;
        for (std::size_t i = 0; i < named; ++i) names.push_back(lookup.name(members[i]));
        Json object = Json::object();
        object["component"] = c + 1;
        object["size"] = members.size();
        object["edges"] = (*components)[c].edges;
        if (*format == Format::table) {
            std::string text = util::join(names, ", ");
            if (members.size() > named) text += ", … (+" + std::to_string(members.size() - named) + ")";
            object["members"] = text;
        } else {
            object["members"] = names;
        }
        objects.push_back(std::move(object));
    }
    print_objects(context.out, {"component", "size", "edges", "members"}, objects, *format, 100);
    return Status::ok();
}

}  // namespace

void add_graph_commands(CLI::App& app, Action& action) {
    auto neighbors_options = std::make_shared<NeighborsOptions>();
    auto* neighbors = app.add_subcommand(
        "neighbors", "Entities within --depth hops of ENTITY, with the edge that reached each one");
    neighbors->add_option("ENTITY", neighbors_options->entity, "Any name or alias (case-insensitive)")->required();
    neighbors->add_option("--depth", neighbors_options->depth, "How many hops")->capture_default_str();
    add_direction_option(neighbors, neighbors_options->direction);
    add_filter_options(neighbors, neighbors_options->filter);
    neighbors->add_flag("--edges", neighbors_options->edges, "List the edges among these entities instead");
    neighbors->add_option("--format", neighbors_options->format, k_format_help)->capture_default_str();
    neighbors->callback([&action, neighbors_options] {
        action = [neighbors_options](Context& c) { return run_neighbors(c, *neighbors_options); };
    });

    auto path_options = std::make_shared<PathOptions>();
    auto* path = app.add_subcommand(
        "path", "The shortest path between two entities (or --all simple paths), each hop with its evidence sentence");
    path->add_option("FROM", path_options->from, "Any name or alias (case-insensitive)")->required();
    path->add_option("TO", path_options->to, "Any name or alias (case-insensitive)")->required();
    path->add_option("--max-length", path_options->max_length,
                     "At most this many hops (default: unlimited for the shortest path, 4 with --all)");
    path->add_flag("--all", path_options->all, "List every simple path up to --max-length, shortest first");
    path->add_option("--limit", path_options->limit, "With --all, at most this many paths")->capture_default_str();
    add_direction_option(path, path_options->direction);
    add_filter_options(path, path_options->filter);
    path->add_option("--format", path_options->format, k_format_help)->capture_default_str();
    path->callback([&action, path_options] { action = [path_options](Context& c) { return run_path(c, *path_options); }; });

    auto rank_options = std::make_shared<RankOptions>();
    auto* rank = app.add_subcommand("rank", "The most central entities, by PageRank or by degree");
    rank->add_option("--by", rank_options->by, "Order by pagerank or degree (in + out)")
        ->check(CLI::IsMember({"pagerank", "degree"}))
        ->capture_default_str();
    rank->add_option("--limit", rank_options->limit, "At most this many entities (0: all)")->capture_default_str();
    rank->add_option("--damping", rank_options->damping, "PageRank damping factor, in [0, 1)")->capture_default_str();
    add_filter_options(rank, rank_options->filter);
    rank->add_option("--format", rank_options->format, k_format_help)->capture_default_str();
    rank->callback([&action, rank_options] { action = [rank_options](Context& c) { return run_rank(c, *rank_options); }; });

    auto components_options = std::make_shared<ComponentsOptions>();
    auto* components = app.add_subcommand(
        "components", "Groups of entities connected by edges (direction ignored), largest first");
    components->add_option("--limit", components_options->limit, "At most this many components (0: all)")
        ->capture_default_str();
    components->add_option("--members", components_options->members, "Name this many best-connected members of each")
        ->capture_default_str();
    add_filter_options(components, components_options->filter);
    components->add_option("--format", components_options->format, k_format_help)->capture_default_str();
    components->callback([&action, components_options] {
        action = [components_options](Context& c) { return run_components(c, *components_options); };
    });
}

}  // namespace claimgraph::cli
