// The graph layer: a read-only snapshot of the store's entities and triples with
// path, neighbourhood, component, degree and PageRank queries that return values.
#pragma once

#include <claimgraph/model.h>
#include <claimgraph/status.h>
#include <claimgraph/store.h>

#include <cstddef>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace claimgraph::graph {

/// Which way edges may be followed: subject→object (`out`), object→subject
/// (`in`), or either way (`both`, the graph seen as undirected).
enum class Direction { out, in, both };

/// Which claims count: all of them, only asserted ones, or only negated ones.
enum class Polarity { any, positive, negated };

/// `out`, `in`, `both`; `any`, `positive`, `negated`.
std::string_view to_string(Direction direction);
std::string_view to_string(Polarity polarity);
/// Parses the names above (case-insensitive); std::nullopt for anything else.
std::optional<Direction> parse_direction(std::string_view name);
std::optional<Polarity> parse_polarity(std::string_view name);

/// Restricts a query to part of the graph. Empty lists mean "all". Entity types
/// restrict the entities a query may reach; the entities a query starts from or
/// aims at (neighbourhood root, path ends) are always allowed.
struct Filter {
    std::vector<std::string> predicates;  ///< exact predicates, compared case-insensitively
    std::vector<EntityType> types;
    Polarity polarity = Polarity::any;

    /// True when the filter lets everything through.
    bool is_unrestricted() const { return predicates.empty() && types.empty() && polarity == Polarity::any; }
};

/// One edge of the snapshot: a stored triple.
struct Edge {
    TripleId triple = 0;
    EntityId subject = 0;
    EntityId object = 0;
    std::string predicate;
    std::string modality;  ///< empty for a plain assertion
    bool negated = false;
    double confidence = 0;  ///< of the triple's most confident evidence
};

/// One step of a path: an edge, followed subject→object (`forward`) or object→subject.
struct Hop {
    Edge edge;
    bool forward = true;

    /// The entity the hop leaves from and the one it arrives at.
    EntityId from() const { return forward ? edge.subject : edge.object; }
    EntityId to() const { return forward ? edge.object : edge.subject; }
};

/// The hops from one entity to another, in order; empty when both ends are the same entity.
using Path = std::vector<Hop>;

/// An entity reached by a neighbourhood search.
struct Reached {
    EntityId entity = 0;
    EntityType type = EntityType::other;
    std::size_t distance = 0;  ///< hops from the root; 0 for the root itself
    std::optional<Hop> via;    ///< the edge that first reached it (none for the root, or with EdgeListing::none)
};

/// A k-hop neighbourhood: the root first, then entities in breadth-first order
/// (by distance, ties in edge order), and every edge passing the filter whose
/// ends are both in it (whatever the direction searched), ordered by triple id.
struct Neighborhood {
    std::vector<Reached> entities;
    std::vector<Edge> edges;
};

/// Which edges a neighbourhood lists besides its entities and their distances.
enum class EdgeListing {
    include,  ///< each entity's `via` and the edges among the entities
    omit,     ///< each entity's `via`, not the edges among the entities (saves a pass over their adjacency)
    none,     ///< neither: `via` stays empty (saves building an edge value, strings included, per entity)
};

/// A weakly connected component.
struct Component {
    std::vector<EntityId> entities;  ///< ordered by id
    std::size_t edges = 0;           ///< edges passing the filter inside it
};

/// How many edges passing the filter end at (`in`) and start at (`out`) an entity.
/// A self-loop counts once in each.
struct Degree {
    EntityId entity = 0;
    std::size_t in = 0;
    std::size_t out = 0;
    std::size_t total() const { return in + out; }  ///< in + out
};

/// PageRank settings. Iteration stops when the L1 change of the rank vector is
/// below `tolerance` or after `max_iterations` rounds.
struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-10;
    std::size_t max_iterations = 200;
};

/// An entity's PageRank score; the scores of one call sum to 1.
struct Rank {
    EntityId entity = 0;
    double score = 0;
};

/// No bound on path length.
inline constexpr std::size_t k_unlimited = std::numeric_limits<std::size_t>::max();

/// An immutable in-memory graph of the store: vertices are entities, edges are
/// triples (parallel edges allowed). Build one per question or keep it while the
/// store does not change; it never sees later writes. Movable, not copyable.
/// Const operations are safe to call from several threads at once.
///
/// Every operation takes entity ids (see store::Store::find_entity) and fails with
/// not_found for an id the snapshot does not hold, or for a filter predicate no
/// edge has (the message lists close predicates). Edges are visited in triple-id
/// order, so every result is deterministic.
class Snapshot {
public:
    /// Reads store.graph_data() and builds the snapshot in O(V + E).
    static Result<Snapshot> build(store::Store& store);
    /// Builds from data already read. Fails with invalid_input if an edge names
    /// an entity that is not among the nodes, or a node id appears twice.
    static Result<Snapshot> from_data(const store::GraphData& data);

    /// A moved-from snapshot may only be assigned to or destroyed.
    Snapshot(Snapshot&&) noexcept;
    Snapshot& operator=(Snapshot&&) noexcept;
    ~Snapshot();

    /// Number of entities (vertices), isolated ones included.
    std::size_t entity_count() const;
    /// Number of triples (edges).
    std::size_t edge_count() const;
    /// True if `entity` is a vertex of this snapshot.
    bool contains(EntityId entity) const;
    /// The distinct predicates, in the order first seen (triple-id order).
    const std::vector<std::string>& predicates() const;

    /// A path with the fewest hops from `from` to `to`, or std::nullopt when none
    /// exists within `max_length` hops. Found by a bidirectional breadth-first
    /// search, so it touches little of a large graph; among equally short paths the
    /// choice is deterministic (edge order) but not otherwise specified.
    Result<std::optional<Path>> shortest_path(EntityId from, EntityId to, const Filter& filter = {},
                                              Direction direction = Direction::both,
                                              std::size_t max_length = k_unlimited) const;

    /// Every simple path (no entity twice) from `from` to `to` with at most
    /// `max_length` hops, shortest first, then in edge order; at most `limit` of
    /// them. Parallel edges make distinct paths. Branches that cannot reach `to`
    /// within the remaining hops are pruned.
    Result<std::vector<Path>> all_simple_paths(EntityId from, EntityId to, std::size_t max_length,
                                               const Filter& filter = {}, Direction direction = Direction::both,
                                               std::size_t limit = 1000) const;

    /// The entities at most `depth` hops from `entity`, with the edge that
    /// reached each and the edges among them as `edges` asks.
    Result<Neighborhood> neighborhood(EntityId entity, std::size_t depth, Direction direction = Direction::both,
                                      const Filter& filter = {}, EdgeListing edges = EdgeListing::include) const;

    /// Weakly connected components (edge direction ignored) of the entities and
    /// edges passing the filter, isolated entities included; largest first, ties
    /// by smallest entity id.
    Result<std::vector<Component>> connected_components(const Filter& filter = {}) const;

    /// In- and out-degree of one entity counting the edges that pass the filter.
    Result<Degree> degree(EntityId entity, const Filter& filter = {}) const;
    /// Degrees of every entity passing the filter, in entity-id order.
    Result<std::vector<Degree>> degrees(const Filter& filter = {}) const;

    /// PageRank over the entities and edges passing the filter (parallel edges
    /// count separately; the rank of entities without out-edges is spread over all
    /// entities), highest first, ties by entity id. Fails with invalid_argument for
    /// a damping outside [0, 1).
    Result<std::vector<Rank>> pagerank(const PageRankOptions& options = {}, const Filter& filter = {}) const;

    /// Opaque: the Boost.Graph internals (src/graph/snapshot_impl.h).
    struct Impl;

private:
    explicit Snapshot(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

}  // namespace claimgraph::graph
