// A Boost.Graph adaptor that shows a bidirectional graph (here the CSR
// snapshot) as undirected without copying it: a vertex's out-edges are its
// out-edges followed by its in-edges. Boost 1.74 has reverse_graph but no such
// view; this is the analogue.
#pragma once

#include <boost/graph/graph_traits.hpp>
#include <boost/graph/properties.hpp>
#include <boost/iterator/iterator_facade.hpp>

#include <type_traits>
#include <utility>

namespace claimgraph::graph {

/// An edge of the view: the underlying edge and whether it is followed
/// source→target (`forward`) or target→source.
template <typename EdgeDescriptor>
struct UndirectedEdge {
    EdgeDescriptor edge;
    bool forward = true;

    friend bool operator==(const UndirectedEdge& a, const UndirectedEdge& b) {
        return a.edge == b.edge && a.forward == b.forward;
    }
    friend bool operator!=(const UndirectedEdge& a, const UndirectedEdge& b) { return !(a == b); }
};

/// Iterates a vertex's out-edges, then its in-edges.
template <typename Graph>
class UndirectedEdgeIterator
    : public boost::iterator_facade<UndirectedEdgeIterator<Graph>,
                                    UndirectedEdge<typename boost::graph_traits<Graph>::edge_descriptor>,
                                    boost::forward_traversal_tag,
                                    UndirectedEdge<typename boost::graph_traits<Graph>::edge_descriptor>> {
    using Traits = boost::graph_traits<Graph>;
    using OutIterator = typename Traits::out_edge_iterator;
    using InIterator = typename Traits::in_edge_iterator;
    using Value = UndirectedEdge<typename Traits::edge_descriptor>;

public:
    UndirectedEdgeIterator() = default;
    UndirectedEdgeIterator(OutIterator out, OutIterator out_end, InIterator in)
        : m_out(out), m_out_end(out_end), m_in(in) {}

private:
    friend class boost::iterator_core_access;

    Value dereference() const { return m_out != m_out_end ? Value{*m_out, true} : Value{*m_in, false}; }
    void increment() {
        if (m_out != m_out_end) {
            ++m_out;
        } else {
            ++m_in;
        }
    }
    // In-edges first: while the out-edges are walked the in-edge iterators of
    // this and the end differ (unless there are none), so one test decides.
    bool equal(const UndirectedEdgeIterator& other) const { return m_in == other.m_in && m_out == other.m_out; }

    OutIterator m_out{};
    OutIterator m_out_end{};
    InIterator m_in{};
};

/// The view itself. Holds a reference: the graph must outlive it.
template <typename Graph>
class UndirectedView {
public:
    using Traits = boost::graph_traits<Graph>;
    using vertex_descriptor = typename Traits::vertex_descriptor;
    using edge_descriptor = UndirectedEdge<typename Traits::edge_descriptor>;
    using out_edge_iterator = UndirectedEdgeIterator<Graph>;
    using in_edge_iterator = out_edge_iterator;
    using vertex_iterator = typename Traits::vertex_iterator;
    using edge_iterator = typename Traits::edge_iterator;  // unused: the view offers no edges()
    using adjacency_iterator = void;
    using directed_category = boost::undirected_tag;
    using edge_parallel_category = boost::allow_parallel_edge_tag;
    struct traversal_category : boost::incidence_graph_tag, boost::vertex_list_graph_tag {};
    using vertices_size_type = typename Traits::vertices_size_type;
    using edges_size_type = typename Traits::edges_size_type;
    using degree_size_type = typename Traits::degree_size_type;

    explicit UndirectedView(const Graph& graph) : m_graph(graph) {}

    static vertex_descriptor null_vertex() { return Traits::null_vertex(); }
    const Graph& base() const { return m_graph; }

    template <typename Descriptor>
    decltype(auto) operator[](const Descriptor& d) const {
        if constexpr (std::is_same_v<Descriptor, edge_descriptor>) {
            return m_graph[d.edge];
        } else {
            return m_graph[d];
        }
    }

private:
    const Graph& m_graph;
};

template <typename Graph>
std::pair<UndirectedEdgeIterator<Graph>, UndirectedEdgeIterator<Graph>> out_edges(
    typename UndirectedView<Graph>::vertex_descriptor v, const UndirectedView<Graph>& view) {
    auto [out, out_end] = out_edges(v, view.base());
    auto [in, in_end] = in_edges(v, view.base());
    return {UndirectedEdgeIterator<Graph>(out, out_end, in), UndirectedEdgeIterator<Graph>(out_end, out_end, in_end)};
}

template <typename Graph>
std::pair<UndirectedEdgeIterator<Graph>, UndirectedEdgeIterator<Graph>> in_edges(
    typename UndirectedView<Graph>::vertex_descriptor v, const UndirectedView<Graph>& view) {
    return out_edges(v, view);
}

template <typename Graph>
typename UndirectedView<Graph>::degree_size_type out_degree(typename UndirectedView<Graph>::vertex_descriptor v,
                                                            const UndirectedView<Graph>& view) {
    return out_degree(v, view.base()) + in_degree(v, view.base());
}

template <typename Graph>
typename UndirectedView<Graph>::vertex_descriptor source(const typename UndirectedView<Graph>::edge_descriptor& e,
                                                         const UndirectedView<Graph>& view) {
    return e.forward ? source(e.edge, view.base()) : target(e.edge, view.base());
}

template <typename Graph>
typename UndirectedView<Graph>::vertex_descriptor target(const typename UndirectedView<Graph>::edge_descriptor& e,
                                                         const UndirectedView<Graph>& view) {
    return e.forward ? target(e.edge, view.base()) : source(e.edge, view.base());
}

template <typename Graph>
std::pair<typename UndirectedView<Graph>::vertex_iterator, typename UndirectedView<Graph>::vertex_iterator> vertices(
    const UndirectedView<Graph>& view) {
    return vertices(view.base());
}

template <typename Graph>
typename UndirectedView<Graph>::vertices_size_type num_vertices(const UndirectedView<Graph>& view) {
    return num_vertices(view.base());
}

}  // namespace claimgraph::graph
