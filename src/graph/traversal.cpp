// Path and neighbourhood queries over a directional view of the CSR snapshot
// (filtered when the query has a filter): Boost's breadth-first search stopped
// by a depth-limited queue (neighbourhoods), a bidirectional breadth-first search
// (shortest paths) and a pruned depth-first enumeration (all simple paths).
#include "graph/snapshot_impl.h"

#include <boost/graph/breadth_first_search.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <new>

namespace claimgraph::graph {

namespace {

/// A vertex found by a search: how far, from which vertex and over which edge.
struct Discovered {
    Vertex vertex = 0;
    Vertex parent = 0;  ///< the vertex it was reached from (itself for the root)
    std::uint32_t distance = 0;
    EdgeDescriptor via{};
    bool forward = true;

    /// The ends of `via` as stored: subject, object.
    Vertex subject() const { return forward ? parent : vertex; }
    Vertex object() const { return forward ? vertex : parent; }
};

/// What a search needs besides the graph: a vertex → slot table, all zero, and
/// room for what it finds.
struct Workspace {
    std::vector<std::uint32_t> slot;
    std::vector<Discovered> order;
};

/// Spare workspaces of this thread. A slot table is O(V): allocating and
/// clearing one per query cost more than a search that touches a few thousand
/// vertices of a large graph (the pages are fresh each time), so a search
/// borrows one and zeroes only the slots it set; the found list keeps its
/// capacity too. Per thread, so const queries stay safe to run in parallel.
thread_local std::vector<Workspace> t_spare_workspaces;

/// What one search found, in discovery order (the root first), with a slot
/// table for lookups. Memory is O(V) for the (borrowed) table plus O(found).
class SearchResult {
public:
    SearchResult(std::size_t vertex_count, Vertex root) {
        if (!t_spare_workspaces.empty()) {
            m_space = std::move(t_spare_workspaces.back());
            t_spare_workspaces.pop_back();
        }
        if (m_space.slot.size() < vertex_count) m_space.slot.assign(vertex_count, 0);
        add({root, root, 0, {}, true});
    }
    ~SearchResult() {
        for (const Discovered& d : m_space.order) m_space.slot[d.vertex] = 0;
        m_space.order.clear();
        try {
            t_spare_workspaces.push_back(std::move(m_space));
        } catch (const std::bad_alloc&) {
            // Out of memory: free the workspace instead of keeping it.
        }
    }
    SearchResult(const SearchResult&) = delete;
    SearchResult& operator=(const SearchResult&) = delete;

    const Discovered* find(Vertex v) const {
        const std::uint32_t slot = m_space.slot[v];
        return slot == 0 ? nullptr : &m_space.order[slot - 1];
    }
    bool found(Vertex v) const { return m_space.slot[v] != 0; }
    void add(const Discovered& d) {
        m_space.order.push_back(d);
        m_space.slot[d.vertex] = static_cast<std::uint32_t>(m_space.order.size());
    }
    /// Everything found, in discovery order.
    const std::vector<Discovered>& order() const { return m_space.order; }

private:
    Workspace m_space;  ///< slot: vertex → 1 + position in `order`; 0 when not found
};

/// The BFS buffer. Breadth-first search queues vertices in the order it
/// discovers them, which is the search result's order: so the queue is a
/// position in that list (push() has nothing to store). It reports itself
/// empty once the next vertex lies at the depth limit (its out-edges would only
/// reach vertices beyond it): breadth-first order makes that the end of the
/// search, so no vertex beyond the limit is ever examined.
class LimitedQueue {
public:
    LimitedQueue(const SearchResult& result, std::size_t max_depth) : m_result(result), m_max_depth(max_depth) {}

    void push(Vertex) {}
    Vertex top() const { return m_result.order()[m_head].vertex; }
    void pop() { ++m_head; }
    bool empty() const {
        return m_head == m_result.order().size() || m_result.order()[m_head].distance >= m_max_depth;
    }

private:
    const SearchResult& m_result;
    std::size_t m_max_depth;
    std::size_t m_head = 0;
};

/// BFS's color map, read from the search result: white until found, gray
/// after. Breadth-first search only tells white from the rest; black (done)
/// is not recorded. Saves a second O(V) table and a write per vertex.
struct FoundColorMap {
    using key_type = Vertex;
    using value_type = boost::default_color_type;
    using reference = value_type;
    using category = boost::read_write_property_map_tag;

    const SearchResult* result;
};
inline boost::default_color_type get(const FoundColorMap& map, Vertex v) {
    return map.result->found(v) ? boost::gray_color : boost::white_color;
}
inline void put(const FoundColorMap&, Vertex, boost::default_color_type) {}

/// Records every tree edge: the distance, parent and edge that reached each
/// vertex. Adding it to the result also colours it (FoundColorMap).
class Recorder : public boost::default_bfs_visitor {
public:
    explicit Recorder(SearchResult& result) : m_result(&result) {}

    template <typename View>
    void examine_vertex(Vertex u, const View&) {
        m_parent = u;
        m_distance = m_result->find(u)->distance + 1;
    }
    template <typename ViewEdge, typename View>
    void tree_edge(const ViewEdge& e, const View& view) {
        m_result->add({target(e, view), m_parent, m_distance, underlying_edge(e), follows_forward(e)});
    }

private:
    SearchResult* m_result;
    Vertex m_parent = 0;            // the vertex whose edges BFS is examining
    std::uint32_t m_distance = 0;  // its distance + 1
};

/// Breadth-first search (Boost's) from the root of `result` up to `max_depth` hops.
template <typename View>
void search(const View& view, std::size_t max_depth, SearchResult& result) {
    const Vertex root = result.order().front().vertex;
    LimitedQueue queue(result, max_depth);
    boost::breadth_first_visit(view, root, queue, Recorder(result), FoundColorMap{&result});
}

/// How many edges expanding `v` in `view` walks: its out-degree there, or in a
/// filtered view its unfiltered out-degree (an upper bound that is O(1) on the
/// CSR graph, where counting the edges that pass would walk them).
template <typename View>
std::size_t scan_cost(Vertex v, const View& view) {
    return out_degree(v, view);
}
template <typename View>
std::size_t scan_cost(Vertex v, const Filtered<View>& view) {
    return out_degree(v, view.m_g);
}

/// One side of a bidirectional search: what it found, its current frontier and
/// how many edges expanding that frontier would walk.
class SearchSide {
public:
    template <typename View>
    SearchSide(const View& view, std::size_t vertex_count, Vertex root)
        : found(vertex_count, root), frontier{root}, frontier_cost(scan_cost(root, view)) {}

    /// Finds the next level; returns the first vertex the other side has found too.
    template <typename View>
    std::optional<Vertex> expand(const View& view, const SearchSide& other) {
        std::vector<Vertex> next;
        std::size_t next_cost = 0;
        const auto distance = static_cast<std::uint32_t>(depth + 1);
        for (Vertex u : frontier) {
            for (auto [it, end] = out_edges(u, view); it != end; ++it) {
                const Vertex w = target(*it, view);
                if (found.found(w)) continue;
                found.add({w, u, distance, underlying_edge(*it), follows_forward(*it)});
                if (other.found.found(w)) return w;
                next.push_back(w);
                next_cost += scan_cost(w, view);
            }
        }
        frontier.swap(next);
        frontier_cost = next_cost;
        ++depth;
        return std::nullopt;
    }

    SearchResult found;
    std::vector<Vertex> frontier;
    std::size_t frontier_cost;
    std::size_t depth = 0;
};

/// A shortest path by bidirectional breadth-first search: each round grows by
/// one level the side whose frontier has fewer edges to walk (counting vertices
/// instead would expand a lone hub with tens of thousands of edges first).
/// Boost.Graph has no such search; on a large graph it touches a few thousand
/// vertices where a one-sided search from `from` touches most of the graph.
/// The first vertex found by both sides is on a shortest path, whichever side
/// grows: no meeting earlier means the distance exceeds the sum of the depths
/// before this level, and any meeting in this level has exactly that sum plus one.
template <typename Forward, typename Backward>
std::optional<Path> meet_in_the_middle(const Snapshot::Impl& impl, const Forward& forward, const Backward& backward,
                                       Vertex from, Vertex to, std::size_t max_length) {
    if (from == to) return Path{};
    const std::size_t n = impl.vertex_count();
    SearchSide ahead(forward, n, from);
    SearchSide behind(backward, n, to);
    std::optional<Vertex> meeting;
    while (!meeting && !ahead.frontier.empty() && !behind.frontier.empty() &&
           ahead.depth + behind.depth < max_length) {
        meeting = ahead.frontier_cost <= behind.frontier_cost ? ahead.expand(forward, behind)
                                                               : behind.expand(backward, ahead);
    }
    if (!meeting) return std::nullopt;
    Path path;
    auto hop = [&](const Discovered& d, bool follows_edge) {
        Hop value;
        impl.write_edge(d.via, d.subject(), d.object(), value.edge);
        value.forward = follows_edge;
        return value;
    };
    for (const Discovered* d = ahead.found.find(*meeting); d->distance > 0; d = ahead.found.find(d->parent)) {
        path.push_back(hop(*d, d->forward));
    }
    std::reverse(path.begin(), path.end());
    // The backward side followed each edge from the goal's end: the path runs the other way.
    for (const Discovered* d = behind.found.find(*meeting); d->distance > 0; d = behind.found.find(d->parent)) {
        path.push_back(hop(*d, !d->forward));
    }
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
    return m_impl->with_view_pair(direction, *resolved, [&](const auto& forward, const auto& backward) {
        return meet_in_the_middle(*m_impl, forward, backward, *source_vertex, *goal, max_length);
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
    // No simple path is longer than V - 1 hops; this also makes k_unlimited safe.
    max_length = std::min<std::size_t>(max_length, m_impl->vertex_count() - 1);
    SearchResult to_goal(m_impl->vertex_count(), *goal);
    m_impl->with_view(opposite(direction), *resolved, [&](const auto& view) {
        search(view, max_length, to_goal);
        return 0;
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
                                            const Filter& filter, EdgeListing edges) const {
    auto root = m_impl->vertex(entity);
    if (!root) return root.status();
    auto resolved = m_impl->resolve(filter, *root);
    if (!resolved) return resolved.status();
    SearchResult result(m_impl->vertex_count(), *root);
    m_impl->with_view(direction, *resolved, [&](const auto& view) {
        search(view, depth, result);
        return 0;
    });

    Neighborhood neighborhood;
    neighborhood.entities.reserve(result.order().size());
    const std::vector<Discovered>& order = result.order();
    const bool with_via = edges != EdgeListing::none;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Discovered& d = order[i];
        // The entities' and via edges' bundles lie scattered over large arrays,
        // a cache miss each that the listing's stores and string copies keep
        // from overlapping: ask for those a few entities ahead.
        constexpr std::size_t k_ahead = 8;
        if (i + k_ahead < order.size()) {
            const Discovered& ahead = order[i + k_ahead];
            __builtin_prefetch(&m_impl->graph[ahead.vertex]);
            if (with_via) __builtin_prefetch(&m_impl->graph[ahead.via]);
        }
        // Built in place: a 2-hop neighbourhood of a hub lists tens of thousands.
        Reached& reached = neighborhood.entities.emplace_back();
        const VertexData& vertex = m_impl->graph[d.vertex];
        reached.entity = vertex.id;
        reached.type = vertex.type;
        reached.distance = d.distance;
        if (d.distance > 0 && with_via) {
            Hop& hop = reached.via.emplace();
            m_impl->write_edge(d.via, d.subject(), d.object(), hop.edge);
            hop.forward = d.forward;
        }
    }
    if (edges != EdgeListing::include) return neighborhood;
    // The edges among the entities found: each stored edge once, from its subject.
    // Sorted as (triple id, descriptor) pairs before the values with strings are made.
    const auto directed = m_impl->directed(*resolved);
    std::vector<std::pair<TripleId, EdgeDescriptor>> among;
    for (const Discovered& d : result.order()) {
        for (auto [it, end] = boost::out_edges(d.vertex, directed); it != end; ++it) {
            if (result.found(boost::target(*it, directed))) among.emplace_back(directed[*it].triple, *it);
        }
    }
    std::sort(among.begin(), among.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    neighborhood.edges.reserve(among.size());
    for (const auto& [triple, e] : among) neighborhood.edges.push_back(m_impl->edge(e));
    return neighborhood;
}

}  // namespace claimgraph::graph
