// Inside a graph::Snapshot: Boost's compressed sparse row graph, its id index,
// the three directional views and the filters that queries apply through
// boost::filtered_graph (skipped when a filter lets everything through).
#pragma once

#include <claimgraph/graph.h>

#include "graph/undirected_view.h"

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace claimgraph::graph {

/// Vertex bundle: the entity a vertex stands for.
struct VertexData {
    EntityId id = 0;
    EntityType type = EntityType::other;
};

/// Edge bundle: a triple, with its strings interned in Snapshot::Impl.
struct EdgeData {
    TripleId triple = 0;
    std::uint32_t predicate = 0;  ///< index into Impl::predicates
    std::uint32_t modality = 0;   ///< index into Impl::modalities (0 is "")
    bool negated = false;
    double confidence = 0;
};

// Compressed sparse row: the out-edges of all vertices in one array and the
// in-edges in another, each vertex's edges contiguous and in triple-id order
// (Snapshot::from_data). 32-bit vertex and edge indexes halve the arrays that
// every traversal walks; a snapshot is limited to 2^32 - 1 entities and edges.
using BoostGraph = boost::compressed_sparse_row_graph<boost::bidirectionalS, VertexData, EdgeData, boost::no_property,
                                                      std::uint32_t, std::uint32_t>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using EdgeDescriptor = boost::graph_traits<BoostGraph>::edge_descriptor;
using ReverseView = boost::reverse_graph<BoostGraph, const BoostGraph&>;
using BothView = UndirectedView<BoostGraph>;

/// The underlying edge of a view's edge descriptor, and whether the view follows
/// it subject→object.
inline EdgeDescriptor underlying_edge(const EdgeDescriptor& e) { return e; }
inline EdgeDescriptor underlying_edge(const boost::graph_traits<ReverseView>::edge_descriptor& e) {
    return e.underlying_descx;
}
inline EdgeDescriptor underlying_edge(const BothView::edge_descriptor& e) { return e.edge; }
inline bool follows_forward(const EdgeDescriptor&) { return true; }
inline bool follows_forward(const boost::graph_traits<ReverseView>::edge_descriptor&) { return false; }
inline bool follows_forward(const BothView::edge_descriptor& e) { return e.forward; }

/// A Filter resolved against one snapshot: flags indexed by predicate and type.
struct ResolvedFilter {
    std::vector<char> predicate_allowed;  ///< empty: every predicate
    std::array<char, 8> type_allowed{};   ///< by EntityType; all set when unrestricted
    Polarity polarity = Polarity::any;
    std::array<Vertex, 2> pinned{BoostGraph::null_vertex(), BoostGraph::null_vertex()};
    bool edges_unrestricted = true;  ///< every predicate and polarity passes
    bool types_unrestricted = true;  ///< every entity type passes

    bool unrestricted() const { return edges_unrestricted && types_unrestricted; }
};

/// filtered_graph's edge predicate: predicate set and polarity.
struct EdgeFilter {
    const BoostGraph* graph = nullptr;
    const ResolvedFilter* filter = nullptr;

    template <typename ViewEdge>
    bool operator()(const ViewEdge& e) const {
        // Without an edge filter the edge's bundle is not read: on a large graph
        // that read is a cache miss per edge visited.
        if (filter->edges_unrestricted) return true;
        const EdgeData& data = (*graph)[underlying_edge(e)];
        if (!filter->predicate_allowed.empty() && !filter->predicate_allowed[data.predicate]) return false;
        switch (filter->polarity) {
        case Polarity::any:
            return true;
        case Polarity::positive:
            return !data.negated;
        case Polarity::negated:
            return data.negated;
        }
        return true;
    }
};

/// filtered_graph's vertex predicate: entity types, with the query's ends always kept.
struct VertexFilter {
    const BoostGraph* graph = nullptr;
    const ResolvedFilter* filter = nullptr;

    bool operator()(Vertex v) const {
        if (filter->types_unrestricted) return true;
        if (v == filter->pinned[0] || v == filter->pinned[1]) return true;
        return filter->type_allowed[static_cast<std::size_t>((*graph)[v].type)] != 0;
    }
};

template <typename View>
using Filtered = boost::filtered_graph<View, EdgeFilter, VertexFilter>;

struct Snapshot::Impl {
    BoostGraph graph;
    std::unordered_map<EntityId, Vertex> index;
    std::vector<std::string> predicates;
    std::vector<std::string> modalities;

    std::size_t vertex_count() const { return boost::num_vertices(graph); }
    EntityId id(Vertex v) const { return graph[v].id; }

    /// The vertex of `entity`, or not_found.
    Result<Vertex> vertex(EntityId entity) const;
    /// Checks `filter` against this graph; pins up to two vertices (query ends).
    Result<ResolvedFilter> resolve(const Filter& filter, Vertex pin_a = BoostGraph::null_vertex(),
                                   Vertex pin_b = BoostGraph::null_vertex()) const;
    /// The public value of an edge.
    Edge edge(EdgeDescriptor e) const;
    /// The same, written into `value` (no temporaries: listings of thousands of
    /// edges), for an edge whose ends the caller already knows.
    void write_edge(EdgeDescriptor e, Vertex subject, Vertex object, Edge& value) const;

    /// Calls `f` with the view of the graph that follows edges in `direction`,
    /// filtered unless `filter` lets everything through (then the plain view:
    /// no predicate calls per edge).
    template <typename F>
    decltype(auto) with_view(Direction direction, const ResolvedFilter& filter, F&& f) const {
        return with_plain_view(direction, [&](const auto& view) { return with_filter(view, filter, f); });
    }
    /// Calls `f` with `view` (of this graph), filtered as above.
    template <typename View, typename F>
    decltype(auto) with_filter(const View& view, const ResolvedFilter& filter, F&& f) const {
        if (filter.unrestricted()) return f(view);
        return f(Filtered<View>(view, EdgeFilter{&graph, &filter}, VertexFilter{&graph, &filter}));
    }
    /// Calls `f(forward, backward)` with the views that follow edges in
    /// `direction` and against it (for searches from both ends), filtered as above.
    template <typename F>
    decltype(auto) with_view_pair(Direction direction, const ResolvedFilter& filter, F&& f) const {
        const ReverseView reversed(graph);
        const BothView both(graph);
        auto call = [&](const auto& forward, const auto& backward) {
            using Forward = std::decay_t<decltype(forward)>;
            using Backward = std::decay_t<decltype(backward)>;
            if (filter.unrestricted()) return f(forward, backward);
            const EdgeFilter edge_filter{&graph, &filter};
            const VertexFilter vertex_filter{&graph, &filter};
            return f(Filtered<Forward>(forward, edge_filter, vertex_filter),
                     Filtered<Backward>(backward, edge_filter, vertex_filter));
        };
        switch (direction) {
        case Direction::out:
            break;
        case Direction::in:
            return call(reversed, graph);
        case Direction::both:
            return call(both, both);
        }
        return call(graph, reversed);
    }
    /// The filtered graph with edges in their stored direction.
    Filtered<BoostGraph> directed(const ResolvedFilter& filter) const {
        return Filtered<BoostGraph>(graph, EdgeFilter{&graph, &filter}, VertexFilter{&graph, &filter});
    }

private:
    template <typename F>
    decltype(auto) with_plain_view(Direction direction, F&& f) const {
        switch (direction) {
        case Direction::out:
            break;
        case Direction::in:
            return f(ReverseView(graph));
        case Direction::both:
            return f(BothView(graph));
        }
        return f(graph);
    }
};

}  // namespace claimgraph::graph
