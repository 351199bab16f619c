// Path and neighbourhood queries: Boost's breadth-first search over a filtered,
// directional view, stopped early by a depth-limited queue, and a pruned
// depth-first enumeration of simple paths.
#include "graph/snapshot_impl.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>

namespace claimgraph::graph {

namespace {

/// A vertex found by a breadth-first search: how far, and over which edge.
struct Discovered {
    Vertex vertex = 0;
    std::size_t distance = 0;
    EdgeDescriptor via{};
    bool forward = true;
};

/// What one search found, in discovery order (the root first). Memory is O(V)
/// for the slot table plus O(found) for the rest.
struct SearchResult {
    std::vector<Discovered> order;
    std::vector<std::uint32_t> slot;  ///< vertex → 1 + position in `order`; 0 when not found

    const Discovered* find(Vertex v) const { return slot[v] == 0 ? nullptr : &order[slot[v] - 1]; }
};

/// The BFS buffer: a FIFO that reports itself empty once the next vertex lies
/// at the depth limit (its out-edges would only reach vertices beyond it) or the
/// goal was found. Breadth-first order makes that the end of the search, so no
/// vertex beyond the limit is ever examined.
class LimitedQueue {
public:
    LimitedQueue(const SearchResult& result, std::size_t max_depth, const bool& goal_found)
        : m_result(result), m_max_depth(max_depth), m_goal_found(goal_found) {}

    void push(Vertex v) { m_items.push_back(v); }
    Vertex top() const { return m_items[m_head]; }
    void pop() { ++m_head; }
    bool empty() const {
        return m_goal_found || m_head == m_items.size() || m_result.find(top())->distance >= m_max_depth;
    }

private:
    const SearchResult& m_result;
    std::size_t m_max_depth;
    const bool& m_goal_found;
    std::vector<Vertex> m_items;
    std::size_t m_head = 0;
};

/// Records every tree edge: the distance and the edge that reached each vertex.
struct Recorder : boost::default_bfs_visitor {
    SearchResult* result;
    Vertex goal;
    bool* goal_found;

    template <typename ViewEdge, typename View>
    void tree_edge(const ViewEdge& e, const View& view) const {
        const Vertex v = target(e, view);
        const std::size_t distance = result->find(source(e, view))->distance + 1;
        result->order.push_back({v, distance, underlying_edge(e), follows_forward(e)});
        result->slot[v] = static_cast<std::uint32_t>(result->order.size());
        if (v == goal) *goal_found = true;
    }
};

/// Breadth-first search from `root` up to `max_depth` hops, stopping early once
/// `goal` (if not null_vertex) is found.
template <typename View>
SearchResult search(const View& view, Vertex root, std::size_t max_depth, Vertex goal = BoostGraph::null_vertex()) {
    SearchResult result;
    result.slot.assign(num_vertices(view), 0);
    result.order.push_back({root, 0, {}, true});
    result.slot[root] = 1;
    bool goal_found = root == goal;
    LimitedQueue queue(result, max_depth, goal_found);
    boost::two_bit_color_map<boost::typed_identity_property_map<std::size_t>> color(num_vertices(view));
    boost::breadth_first_visit(view, root, queue, Recorder{{}, &result, goal, &goal_found}, color);
    return result;
}

/// The hops from the search's root to `v`, which it found.
Path path_to(const Snapshot::Impl& impl, const SearchResult& result, Vertex v) {
    Path path;
    for (const Discovered* d = result.find(v); d->distance > 0;) {
        path.push_back({impl.edge(d->via), d->forward});
        const Vertex previous = d->forward ? boost::source(d->via, impl.graph) : boost::target(d->via, impl.graph);
        d = result.find(previous);
    }
    std::reverse(path.begin(), path.end());
    return path;
}

Direction opposite(Direction direction) {
    switch (direction) {
    case Direction::out:
        return Direction::in;
    case Direction::in:
        return Direction::out;
    case Direction::both:
        return Direction::both;
    }
    return Direction::both;
}

/// Enumerates simple paths of exactly `length` hops by depth-first search.
/// `to_goal` holds each vertex's distance to the goal (searched backwards), so a
/// branch is cut as soon as the goal is out of reach of the hops left.
template <typename View>
class PathEnumerator {
public:
    PathEnumerator(const View& view, const Snapshot::Impl& impl, const SearchResult& to_goal, Vertex goal,
                   std::size_t limit, std::vector<Path>& paths)
        : m_view(view), m_impl(impl), m_to_goal(to_goal), m_goal(goal), m_limit(limit), m_paths(paths) {}

    void enumerate(Vertex from, std::size_t length) {
        m_vertices = {from};
        extend(from, length);
    }

private:
    void extend(Vertex u, std::size_t remaining) {
        auto [it, end] = out_edges(u, m_view);
        for (; it != end && m_paths.size() < m_limit; ++it) {
            const Vertex w = target(*it, m_view);
            const Discovered* d = m_to_goal.find(w);
            if (d == nullptr || d->distance + 1 > remaining) continue;
            if (std::find(m_vertices.begin(), m_vertices.end(), w) != m_vertices.end()) continue;
            m_edges.emplace_back(underlying_edge(*it), follows_forward(*it));
            if (w == m_goal) {
                if (remaining == 1) record();
            } else {
                m_vertices.push_back(w);
                extend(w, remaining - 1);
                m_vertices.pop_back();
            }
            m_edges.pop_back();
        }
    }

    void record() {
        Path path;
        path.reserve(m_edges.size());
        for (const auto& [e, forward] : m_edges) path.push_back({m_impl.edge(e), forward});
        m_paths.push_back(std::move(path));
    }

    const View& m_view;
    const Snapshot::Impl& m_impl;
    const SearchResult& m_to_goal;
    Vertex m_goal;
    std::size_t m_limit;
    std::vector<Path>& m_paths;
    std::vector<Vertex> m_vertices;  // on the current path; short, so a linear scan beats a set
    std::vector<std::pair<EdgeDescriptor, bool>> m_edges;
};

}  // namespace

Result<std::optional<Path>> Snapshot::shortest_path(EntityId from, EntityId to, const Filter& filter,
                                                    Direction direction, std::size_t max_length) const {
    auto source_vertex = m_impl->vertex(from);
    if (!source_vertex) return source_vertex.status();
    auto goal = m_impl->vertex(to);
    if (!goal) return goal.status();
    auto resolved = m_impl->resolve(filter, *source_vertex, *goal);
    if (!resolved) return resolved.status();
    return m_impl->with_view(direction, *resolved, [&](const auto& view) -> std::optional<Path> {
        const SearchResult result = search(view, *source_vertex, max_length, *goal);
        if (result.find(*goal) == nullptr) return std::nullopt;
        return path_to(*m_impl, result, *goal);
    });
}

Result<std::vector<Path>> Snapshot::all_simple_paths(EntityId from, EntityId to, std::size_t max_length,
                                                     const Filter& filter, Direction direction,
                                                     std::size_t limit) const {
    auto source_vertex = m_impl->vertex(from);
    if (!source_vertex) return source_vertex.status();
    auto goal = m_impl->vertex(to);
    if (!goal) return goal.status();
    auto resolved = m_impl->resolve(filter, *source_vertex, *goal);
    if (!resolved) return resolved.status();
    std::vector<Path> paths;
    if (limit == 0) return paths;
    if (*source_vertex == *goal) {
        paths.emplace_back();
        return paths;
    }
    const SearchResult to_goal = m_impl->with_view(opposite(direction), *resolved, [&](const auto& view) {
        return search(view, *goal, max_length);
    });
    const Discovered* start = to_goal.find(*source_vertex);
    if (start == nullptr) return paths;
    // Iterative deepening lists shorter paths first and makes `limit` keep the shortest.
    m_impl->with_view(direction, *resolved, [&](const auto& view) {
        PathEnumerator enumerator(view, *m_impl, to_goal, *goal, limit, paths);
        for (std::size_t length = start->distance; length <= max_length && paths.size() < limit; ++length) {
            enumerator.enumerate(*source_vertex, length);
        }
        return 0;
    });
    return paths;
}

Result<Neighborhood> Snapshot::neighborhood(EntityId entity, std::size_t depth, Direction direction,
                                            const Filter& filter) const {
    auto root = m_impl->vertex(entity);
    if (!root) return root.status();
    auto resolved = m_impl->resolve(filter, *root);
    if (!resolved) return resolved.status();
    const SearchResult result =
        m_impl->with_view(direction, *resolved, [&](const auto& view) { return search(view, *root, depth); });

    Neighborhood neighborhood;
    neighborhood.entities.reserve(result.order.size());
    for (const Discovered& d : result.order) {
        Reached reached;
        reached.entity = m_impl->ids[d.vertex];
        reached.type = m_impl->graph[d.vertex].type;
        reached.distance = d.distance;
        if (d.distance > 0) reached.via = Hop{m_impl->edge(d.via), d.forward};
        neighborhood.entities.push_back(std::move(reached));
    }
    // The edges among the entities found: each stored edge once, from its subject.
    const auto directed = m_impl->directed(*resolved);
    for (const Discovered& d : result.order) {
        for (auto [it, end] = boost::out_edges(d.vertex, directed); it != end; ++it) {
            if (result.find(boost::target(*it, directed)) != nullptr) neighborhood.edges.push_back(m_impl->edge(*it));
        }
    }
    std::sort(neighborhood.edges.begin(), neighborhood.edges.end(),
              [](const Edge& a, const Edge& b) { return a.triple < b.triple; });
    return neighborhood;
}

}  // namespace claimgraph::graph
