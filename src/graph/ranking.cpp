// Whole-graph measures: weakly connected components, degrees and PageRank.
#include "graph/snapshot_impl.h"

#include <boost/graph/connected_components.hpp>
#include <boost/graph/two_bit_color_map.hpp>
#include <boost/property_map/property_map.hpp>

#include <algorithm>
#include <cmath>

namespace claimgraph::graph {

Result<std::vector<Component>> Snapshot::connected_components(const Filter& filter) const {
    auto resolved = m_impl->resolve(filter);
    if (!resolved) return resolved.status();
    constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
    const std::size_t n = m_impl->vertex_count();
    std::vector<std::size_t> component_of(n, k_none);
    // connected_components wants an undirected graph: the both-ways view is one.
    const std::size_t count = m_impl->with_filter(BothView(m_impl->graph), *resolved, [&](const auto& view) {
        auto [first, last] = vertices(view);
        if (first == last) return std::size_t{0};  // depth_first_search would start at an excluded vertex
        auto components =
            boost::make_iterator_property_map(component_of.begin(), boost::typed_identity_property_map<Vertex>());
        boost::two_bit_color_map<boost::typed_identity_property_map<Vertex>> color(n);
        return boost::connected_components(view, components, boost::color_map(color));
    });

    std::vector<Component> result(count);
    const auto directed = m_impl->directed(*resolved);
    for (Vertex v = 0; v < n; ++v) {
        if (component_of[v] == k_none) continue;
        Component& component = result[component_of[v]];
        component.entities.push_back(m_impl->id(v));
        component.edges += resolved->unrestricted() ? boost::out_degree(v, m_impl->graph)
                                                    : boost::out_degree(v, directed);
    }
    // Vertices are usually in id order already (the store lists entities by id).
    for (Component& component : result) {
        if (!std::is_sorted(component.entities.begin(), component.entities.end())) {
            std::sort(component.entities.begin(), component.entities.end());
        }
    }
    std::sort(result.begin(), result.end(), [](const Component& a, const Component& b) {
        if (a.entities.size() != b.entities.size()) return a.entities.size() > b.entities.size();
        return a.entities.front() < b.entities.front();
    });
    return result;
}

Result<Degree> Snapshot::degree(EntityId entity, const Filter& filter) const {
    auto v = m_impl->vertex(entity);
    if (!v) return v.status();
    auto resolved = m_impl->resolve(filter, *v);
    if (!resolved) return resolved.status();
    const auto directed = m_impl->directed(*resolved);
    return Degree{entity, boost::in_degree(*v, directed), boost::out_degree(*v, directed)};
}

Result<std::vector<Degree>> Snapshot::degrees(const Filter& filter) const {
    auto resolved = m_impl->resolve(filter);
    if (!resolved) return resolved.status();
    const auto directed = m_impl->directed(*resolved);
    std::vector<Degree> result;
    result.reserve(m_impl->vertex_count());
    for (auto [it, end] = boost::vertices(directed); it != end; ++it) {
        result.push_back({m_impl->id(*it), boost::in_degree(*it, directed), boost::out_degree(*it, directed)});
    }
    std::sort(result.begin(), result.end(), [](const Degree& a, const Degree& b) { return a.entity < b.entity; });
    return result;
}

// Boost's page_rank (boost/graph/page_rank.hpp, 1.74) is not used: it computes
// the unnormalised variant (each vertex gets 1 - d, so scores sum to about n),
// lets the rank of vertices without out-edges leak away instead of spreading it,
// and only offers remove_dangling_links(), which mutates the graph. This is the
// standard power iteration (as networkx and igraph compute it): damping d,
// uniform teleport, dangling mass spread uniformly, parallel edges counted
// separately, stop on an L1 change below the tolerance.
Result<std::vector<Rank>> Snapshot::pagerank(const PageRankOptions& options, const Filter& filter) const {
    if (!(options.damping >= 0 && options.damping < 1)) {
        return Status::invalid_argument("PageRank damping must be in [0, 1), not " + std::to_string(options.damping));
    }
    auto resolved = m_impl->resolve(filter);
    if (!resolved) return resolved.status();
    const auto directed = m_impl->directed(*resolved);

    // Compact the filtered graph once, so each round is two passes over arrays.
    constexpr std::size_t k_none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> position(m_impl->vertex_count(), k_none);
    std::vector<Vertex> kept;
    for (auto [it, end] = boost::vertices(directed); it != end; ++it) {
        position[*it] = kept.size();
        kept.push_back(*it);
    }
    const std::size_t n = kept.size();
    if (n == 0) return std::vector<Rank>{};
    // In-links grouped by target, each target's in triple-id order (the CSR
    // in-edge rows), so each round reads them in one sequential pass and adds
    // each target's contributions in the same order whatever the layout.
    std::vector<std::size_t> first_in(n + 1, 0);
    std::vector<std::uint32_t> in_source;
    in_source.reserve(boost::num_edges(m_impl->graph));
    std::vector<double> out_degree(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (auto [it, end] = boost::in_edges(kept[i], directed); it != end; ++it) {
            const std::size_t from = position[boost::source(*it, directed)];
            in_source.push_back(static_cast<std::uint32_t>(from));
            out_degree[from] += 1;
        }
        first_in[i + 1] = in_source.size();
    }

    const double d = options.damping;
    const double size = static_cast<double>(n);
    std::vector<double> rank(n, 1.0 / size);
    std::vector<double> next(n);
    std::vector<double> share(n);  // what each entity passes along each out-edge this round
    for (std::size_t round = 0; round < options.max_iterations; ++round) {
        double dangling = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (out_degree[i] == 0) dangling += rank[i];
            else share[i] = d * rank[i] / out_degree[i];
        }
        const double base = (1 - d) / size + d * dangling / size;
        double change = 0;
        for (std::size_t i = 0; i < n; ++i) {
            double sum = base;
            for (std::size_t k = first_in[i]; k < first_in[i + 1]; ++k) sum += share[in_source[k]];
            next[i] = sum;
            change += std::abs(sum - rank[i]);
        }
        rank.swap(next);
        if (change < options.tolerance) break;
    }

    std::vector<Rank> result;
    result.reserve(n);
    for (std::size_t i = 0; i < n; ++i) result.push_back({m_impl->id(kept[i]), rank[i]});
    std::sort(result.begin(), result.end(), [](const Rank& a, const Rank& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.entity < b.entity;
    });
    return result;
}

}  // namespace claimgraph::graph
