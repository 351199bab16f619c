// Inside a graph::Snapshot: the Boost.Graph adjacency_list, its id index, the
// three directional views and the filters that every query applies through
// boost::filtered_graph.
#pragma once

#include <claimgraph/graph.h>

#include "graph/undirected_view.h"

#include <boost/graph/adjacency_list.hpp>
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

// Edge properties in a vector (EdgeListS = vecS): the snapshot never removes an
// edge, so this saves a list node per edge and keeps them contiguous.
using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData,
                                         boost::no_property, boost::vecS>;
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
};

/// filtered_graph's edge predicate: predicate set and polarity.
struct EdgeFilter {
    const BoostGraph* graph = nullptr;
    const ResolvedFilter* filter = nullptr;

    template <typename ViewEdge>
    bool operator()(const ViewEdge& e) const {
        // Without a filter the edge's bundle is not read: on a large graph that
        // read is a cache miss per edge visited.
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
    const std::vector<EntityType>* types = nullptr;
    const ResolvedFilter* filter = nullptr;

    bool operator()(Vertex v) const {
        if (filter->types_unrestricted) return true;
        if (v == filter->pinned[0] || v == filter->pinned[1]) return true;
        return filter->type_allowed[static_cast<std::size_t>((*types)[v])] != 0;
    }
};

template <typename View>
using Filtered = boost::filtered_graph<View, EdgeFilter, VertexFilter>;

struct Snapshot::Impl {
    BoostGraph graph;
    std::vector<EntityId> ids;  ///< vertex index → entity id
    /// vertex index → type: the vertex bundle's type again, packed so that type
    /// filters and neighbourhood listings stay in cache on a large graph.
    std::vector<EntityType> types;
    std::unordered_map<EntityId, Vertex> index;
    std::vector<std::string> predicates;
    std::vector<std::string> modalities;

    /// The vertex of `entity`, or not_found.
    Result<Vertex> vertex(EntityId entity) const;
    /// Checks `filter` against this graph; pins up to two vertices (query ends).
    Result<ResolvedFilter> resolve(const Filter& filter, Vertex pin_a = BoostGraph::null_vertex(),
                                   Vertex pin_b = BoostGraph::null_vertex()) const;
    /// The public value of an edge.
    Edge edge(EdgeDescriptor e) const;
    /// The same, written into `value` (no temporaries: listings of thousands of edges).
    void write_edge(EdgeDescriptor e, Edge& value) const;

    /// Calls `f` with the filtered view of the graph that follows edges in `direction`.
    template <typename F>
    decltype(auto) with_view(Direction direction, const ResolvedFilter& filter, F&& f) const {
        const EdgeFilter edge_filter{&graph, &filter};
        const VertexFilter vertex_filter{&types, &filter};
        switch (direction) {
        case Direction::out:
            break;
        case Direction::in: {
            const ReverseView reversed(graph);
            return f(Filtered<ReverseView>(reversed, edge_filter, vertex_filter));
        }
        case Direction::both: {
            const BothView both(graph);
            return f(Filtered<BothView>(both, edge_filter, vertex_filter));
        }
        }
        return f(Filtered<BoostGraph>(graph, edge_filter, vertex_filter));
    }
    /// Calls `f(forward, backward)` with the filtered views that follow edges in
    /// `direction` and against it (for searches from both ends).
    template <typename F>
    decltype(auto) with_view_pair(Direction direction, const ResolvedFilter& filter, F&& f) const {
        const EdgeFilter edge_filter{&graph, &filter};
        const VertexFilter vertex_filter{&types, &filter};
        const Filtered<BoostGraph> stored(graph, edge_filter, vertex_filter);
        const ReverseView reversed_graph(graph);
        const Filtered<ReverseView> reversed(reversed_graph, edge_filter, vertex_filter);
        switch (direction) {
        case Direction::out:
            break;
        case Direction::in:
            return f(reversed, stored);
        case Direction::both: {
            const BothView both_graph(graph);
            const Filtered<BothView> both(both_graph, edge_filter, vertex_filter);
            return f(both, both);
        }
        }
        return f(stored, reversed);
    }
    /// The filtered graph with edges in their stored direction.
    Filtered<BoostGraph> directed(const ResolvedFilter& filter) const {
        return Filtered<BoostGraph>(graph, EdgeFilter{&graph, &filter}, VertexFilter{&types, &filter});
    }
};

}  // namespace claimgraph::graph
