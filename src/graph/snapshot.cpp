// Building a graph::Snapshot from the store's graph data, and what every query
// shares: id lookup, filter resolution, edge values.
#include "graph/snapshot_impl.h"

#include "util/strings.h"

#include <algorithm>

namespace claimgraph::graph {

std::string_view to_string(Direction direction) {
    switch (direction) {
    case Direction::out:
        return "out";
    case Direction::in:
        return "in";
    case Direction::both:
        return "both";
    }
    return "both";
}

std::string_view to_string(Polarity polarity) {
    switch (polarity) {
    case Polarity::any:
        return "any";
    case Polarity::positive:
        return "positive";
    case Polarity::negated:
        return "negated";
    }
    return "any";
}

std::optional<Direction> parse_direction(std::string_view name) {
    for (Direction d : {Direction::out, Direction::in, Direction::both}) {
        if (util::iequals(name, to_string(d))) return d;
    }
    return std::nullopt;
}

std::optional<Polarity> parse_polarity(std::string_view name) {
    for (Polarity p : {Polarity::any, Polarity::positive, Polarity::negated}) {
        if (util::iequals(name, to_string(p))) return p;
    }
    return std::nullopt;
}

Result<Snapshot> Snapshot::build(store::Store& store) {
    auto data = store.graph_data();
    if (!data) return data.status();
    return from_data(*data);
}

Result<Snapshot> Snapshot::from_data(const store::GraphData& data) {
    if (data.nodes.size() >= BoostGraph::null_vertex() || data.edges.size() >= BoostGraph::null_vertex()) {
        return Status::invalid_input("graph data too large for a snapshot: " + std::to_string(data.nodes.size()) +
                                     " entities, " + std::to_string(data.edges.size()) + " triples");
    }
    const auto vertex_count = static_cast<Vertex>(data.nodes.size());
    auto impl = std::make_unique<Impl>();
    impl->index.reserve(data.nodes.size());
    for (const auto& node : data.nodes) {
        const auto v = static_cast<Vertex>(impl->index.size());
        if (!impl->index.emplace(node.id, v).second) {
            return Status::invalid_input("graph data lists entity " + std::to_string(node.id) + " twice");
        }
    }

    // Store ids usually ascend without gaps: then a vertex is an id minus the
    // first id, which saves two hash lookups (cache misses) per edge.
    const bool dense = !data.nodes.empty() &&
                       std::is_sorted(data.nodes.begin(), data.nodes.end(),
                                      [](const auto& a, const auto& b) { return a.id < b.id; }) &&
                       data.nodes.back().id - data.nodes.front().id + 1 == static_cast<EntityId>(data.nodes.size());
    const EntityId first_id = dense ? data.nodes.front().id : 0;
    auto vertex_of = [&](EntityId id) -> std::optional<Vertex> {
        if (dense) {
            if (id < first_id || id - first_id >= static_cast<EntityId>(data.nodes.size())) return std::nullopt;
            return static_cast<Vertex>(id - first_id);
        }
        const auto it = impl->index.find(id);
        if (it == impl->index.end()) return std::nullopt;
        return it->second;
    };

    // Strings are interned: a snapshot of a million edges holds each predicate once.
    std::unordered_map<std::string, std::uint32_t> predicate_index;
    std::unordered_map<std::string, std::uint32_t> modality_index{{"", 0}};
    impl->modalities.emplace_back();
    auto intern = [](std::unordered_map<std::string, std::uint32_t>& index, std::vector<std::string>& table,
                     const std::string& text) {
        // Look up first: emplace() would build (and free) a node with a copy of
        // the string for every edge, not only for the few new predicates.
        if (const auto it = index.find(text); it != index.end()) return it->second;
        const auto id = static_cast<std::uint32_t>(table.size());
        index.emplace(text, id);
        table.push_back(text);
        return id;
    };
    std::vector<std::pair<Vertex, Vertex>> ends;
    std::vector<EdgeData> bundles;
    ends.reserve(data.edges.size());
    bundles.reserve(data.edges.size());
    for (const auto& edge : data.edges) {
        const auto subject = vertex_of(edge.subject);
        const auto object = vertex_of(edge.object);
        if (!subject || !object) {
            return Status::invalid_input("triple " + std::to_string(edge.id) + " refers to entity " +
                                         std::to_string(!subject ? edge.subject : edge.object) +
                                         ", which the graph data does not list");
        }
        ends.emplace_back(*subject, *object);
        EdgeData& bundle = bundles.emplace_back();
        bundle.triple = edge.id;
        bundle.predicate = intern(predicate_index, impl->predicates, edge.predicate);
        bundle.modality = intern(modality_index, impl->modalities, edge.modality);
        bundle.negated = edge.negated;
        bundle.confidence = edge.confidence;
    }

    // Boost sorts the edges into rows by source with a stable counting sort, so
    // each vertex's out-edges keep the triple-id order of `data.edges`.
    impl->graph = BoostGraph(boost::edges_are_unsorted_multi_pass, ends.begin(), ends.end(), bundles.begin(),
                             vertex_count);
    for (Vertex v = 0; v < vertex_count; ++v) impl->graph[v] = VertexData{data.nodes[v].id, data.nodes[v].type};

    // Boost fills the in-edge rows from the out-edge rows, so each vertex's
    // in-edges come ordered by source, not by triple id. Refill them with the
    // same counting sort (m_backward is a public member of Boost's CSR graph)
    // from the edges in triple-id order; each in-edge holds its out-edge's index.
    std::vector<std::uint32_t> out_edge_index(ends.size());
    {
        const auto& rowstart = impl->graph.m_forward.m_rowstart;
        std::vector<std::uint32_t> next(rowstart.begin(), rowstart.end() - 1);
        for (std::size_t i = 0; i < ends.size(); ++i) out_edge_index[i] = next[ends[i].first]++;
    }
    for (auto& [subject, object] : ends) std::swap(subject, object);
    impl->graph.m_backward.assign_unsorted_multi_pass_edges(ends.begin(), ends.end(), out_edge_index.begin(),
                                                            vertex_count,
                                                            boost::typed_identity_property_map<Vertex>(),
                                                            boost::keep_all());
    return Snapshot(std::move(impl));
}

Snapshot::Snapshot(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Snapshot::Snapshot(Snapshot&&) noexcept = default;
Snapshot& Snapshot::operator=(Snapshot&&) noexcept = default;
Snapshot::~Snapshot() = default;

std::size_t Snapshot::entity_count() const { return m_impl->vertex_count(); }
std::size_t Snapshot::edge_count() const { return boost::num_edges(m_impl->graph); }
bool Snapshot::contains(EntityId entity) const { return m_impl->index.count(entity) > 0; }
const std::vector<std::string>& Snapshot::predicates() const { return m_impl->predicates; }

Result<Vertex> Snapshot::Impl::vertex(EntityId entity) const {
    const auto it = index.find(entity);
    if (it == index.end()) return Status::not_found("entity " + std::to_string(entity) + " is not in the graph");
    return it->second;
}

Result<ResolvedFilter> Snapshot::Impl::resolve(const Filter& filter, Vertex pin_a, Vertex pin_b) const {
    ResolvedFilter resolved;
    resolved.polarity = filter.polarity;
    resolved.pinned = {pin_a, pin_b};
    resolved.edges_unrestricted = filter.predicates.empty() && filter.polarity == Polarity::any;
    resolved.types_unrestricted = filter.types.empty();
    if (filter.types.empty()) {
        resolved.type_allowed.fill(1);
    } else {
        for (EntityType type : filter.types) resolved.type_allowed[static_cast<std::size_t>(type)] = 1;
    }
    if (!filter.predicates.empty()) {
        resolved.predicate_allowed.assign(predicates.size(), 0);
        for (const std::string& wanted : filter.predicates) {
            bool found = false;
            for (std::size_t i = 0; i < predicates.size(); ++i) {
                if (util::iequals(predicates[i], wanted)) {
                    resolved.predicate_allowed[i] = 1;
                    found = true;
                }
            }
            if (found) continue;
            std::vector<std::pair<std::size_t, std::string>> close;
            for (const std::string& p : predicates) close.emplace_back(util::edit_distance(p, wanted), p);
            std::sort(close.begin(), close.end());
            std::vector<std::string> names;
            for (std::size_t i = 0; i < close.size() && i < 5; ++i) names.push_back("'" + close[i].second + "'");
            return Status::not_found("no edge has the predicate '" + wanted + "'" +
                                     (names.empty() ? std::string("; the graph has no edges")
                                                    : "; close ones: " + util::join(names, ", ")));
        }
    }
    return resolved;
}

Edge Snapshot::Impl::edge(EdgeDescriptor e) const {
    Edge value;
    write_edge(e, boost::source(e, graph), boost::target(e, graph), value);
    return value;
}

void Snapshot::Impl::write_edge(EdgeDescriptor e, Vertex subject, Vertex object, Edge& value) const {
    const EdgeData& data = graph[e];
    value.triple = data.triple;
    value.subject = id(subject);
    value.object = id(object);
    value.predicate = predicates[data.predicate];
    // Most claims have no modality, and listings write into fresh values.
    if (data.modality != 0 || !value.modality.empty()) value.modality = modalities[data.modality];
    value.negated = data.negated;
    value.confidence = data.confidence;
}

}  // namespace claimgraph::graph
