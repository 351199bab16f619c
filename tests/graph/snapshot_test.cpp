// Tests of graph::Snapshot on the fixture graph (tests/data/news_graph.jsonl:
// 15 entities, 27 triples) and on tiny graphs whose answers are worked out by hand.
#include <claimgraph/graph.h>

#include "test_support.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <map>
#include <numeric>

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& items) {
        std::string text = "{";
        for (const auto& item : items) text += "\"" + item + "\" ";
        return (text + "}").c_str();
    }
};
}  // namespace doctest

using namespace claimgraph;
using graph::Direction;
using graph::Polarity;

namespace {

/// The fixture store with a snapshot and name ↔ id lookup.
struct Fixture {
    std::unique_ptr<store::Store> store = testing::fixture_store();
    graph::Snapshot snapshot = build(*store);
    std::map<EntityId, std::string> names = read_names(*store);

    static graph::Snapshot build(store::Store& store) {
        auto snapshot = graph::Snapshot::build(store);
        REQUIRE_MESSAGE(snapshot.is_ok(), snapshot.status().message());
        return std::move(snapshot).value();
    }
    static std::map<EntityId, std::string> read_names(store::Store& store) {
        auto entities = store.entities();
        REQUIRE(entities.is_ok());
        std::map<EntityId, std::string> names;
        for (const Entity& e : *entities) names[e.id] = e.name;
        return names;
    }
    EntityId id(const std::string& name) const {
        auto entity = store->find_entity(name);
        REQUIRE_MESSAGE(entity.is_ok(), entity.status().message());
        return entity->id;
    }
    /// "Subject -predicate-> Object" with `<` when the hop goes against the edge.
    std::string describe(const graph::Hop& hop) const {
        return names.at(hop.edge.subject) + (hop.forward ? " -" : " <") + hop.edge.predicate + "- " +
               names.at(hop.edge.object);
    }
    std::vector<std::string> describe(const graph::Path& path) const {
        std::vector<std::string> hops;
        for (const auto& hop : path) hops.push_back(describe(hop));
        return hops;
    }
    std::vector<std::string> sorted_names(const std::vector<EntityId>& ids) const {
        std::vector<std::string> result;
        for (EntityId id : ids) result.push_back(names.at(id));
        std::sort(result.begin(), result.end());
        return result;
    }
};

graph::Filter predicates(std::vector<std::string> list) {
    graph::Filter filter;
    filter.predicates = std::move(list);
    return filter;
}

/// A store holding one document whose claims are `edges` (subject, predicate, object).
std::unique_ptr<store::Store> store_of(const std::vector<std::array<std::string, 3>>& edges) {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    DocumentRecord document;
    document.source = "hand-made";
    document.kind = "import";
    std::map<std::string, std::size_t> entity_index;
    auto entity = [&](const std::string& name) {
        auto [it, inserted] = entity_index.emplace(name, document.entities.size());
        if (inserted) document.entities.push_back({name, EntityType::other, {name}});
        return it->second;
    };
    for (const auto& [subject, predicate, object] : edges) {
        ClaimRecord claim;
        claim.subject = entity(subject);
        claim.predicate = predicate;
        claim.object = entity(object);
        document.claims.push_back(claim);
        document.content_hash += subject + predicate + object + ";";
    }
    auto outcome = (*store)->write_document(document);
    REQUIRE_MESSAGE(outcome.is_ok(), outcome.status().message());
    return std::move(store).value();
}

}  // namespace

TEST_CASE("Snapshot::build") {
    Fixture f;
    CHECK(f.snapshot.entity_count() == 15);
    CHECK(f.snapshot.edge_count() == 27);  // "Estavia condemned Kardesh" twice is one triple
    CHECK(f.snapshot.contains(f.id("Kardesh")));
    CHECK_FALSE(f.snapshot.contains(999999));
    CHECK(f.snapshot.predicates().size() == 21);
    CHECK(f.snapshot.predicates().front() == "president of");

    SUBCASE("graph data naming an unknown entity is rejected") {
        store::GraphData data;
        data.nodes.push_back({1, EntityType::person});
        data.edges.push_back({7, 1, 2, "met", "", false, 1.0});
        auto snapshot = graph::Snapshot::from_data(data);
        REQUIRE_FALSE(snapshot.is_ok());
        CHECK(snapshot.status().code() == StatusCode::invalid_input);
        CHECK(snapshot.status().message() == "triple 7 refers to entity 2, which the graph data does not list");
    }
    SUBCASE("an empty graph answers with empty results") {
        auto snapshot = graph::Snapshot::from_data({});
        REQUIRE(snapshot.is_ok());
        CHECK(snapshot->entity_count() == 0);
        CHECK(snapshot->connected_components()->empty());
        CHECK(snapshot->pagerank()->empty());
        CHECK(snapshot->neighborhood(1, 1).status().code() == StatusCode::not_found);
    }
}

TEST_CASE("Snapshot::from_data keeps each vertex's edges in triple-id order") {
    // Entity ids and triple ids disagree on purpose: hub 1's in-neighbours in
    // triple order are 4, 2, 3 and its out-neighbours 3, 2 (sorted by source or
    // target they would be 2, 3, 4 and 2, 3).
    store::GraphData data;
    for (EntityId id : {1, 2, 3, 4}) data.nodes.push_back({id, EntityType::other});
    data.edges.push_back({10, 4, 1, "a", "", false, 1.0});
    data.edges.push_back({11, 2, 1, "b", "", false, 1.0});
    data.edges.push_back({12, 1, 3, "c", "", false, 1.0});
    data.edges.push_back({13, 3, 1, "d", "", false, 1.0});
    data.edges.push_back({14, 1, 2, "e", "", false, 1.0});
    auto snapshot = graph::Snapshot::from_data(data);
    REQUIRE(snapshot.is_ok());
    struct Case {
        Direction direction;
        std::vector<EntityId> order;
        std::vector<TripleId> via;
    };
    const Case cases[] = {{Direction::in, {1, 4, 2, 3}, {10, 11, 13}},
                          {Direction::out, {1, 3, 2}, {12, 14}},
                          {Direction::both, {1, 3, 2, 4}, {12, 14, 10}}};  // out-edges first, then in-edges
    for (const auto& c : cases) {
        CAPTURE(graph::to_string(c.direction));
        auto found = snapshot->neighborhood(1, 1, c.direction);
        REQUIRE(found.is_ok());
        std::vector<EntityId> order;
        std::vector<TripleId> via;
        for (const auto& reached : found->entities) {
            order.push_back(reached.entity);
            if (reached.via) via.push_back(reached.via->edge.triple);
        }
        CHECK(order == c.order);
        CHECK(via == c.via);
    }
}

TEST_CASE("Snapshot::shortest_path") {
    Fixture f;
    const EntityId tarn = f.id("Rell Tarn");
    const EntityId alliance = f.id("NSA");

    SUBCASE("both directions: the first path found in edge order") {
        auto path = f.snapshot.shortest_path(tarn, alliance);
        REQUIRE(path.is_ok());
        REQUIRE(path->has_value());
        CHECK(f.describe(**path) == std::vector<std::string>{"Rell Tarn -president of- Kardesh",
                                                             "Northern Shield Alliance <condemned- Kardesh"});
        const graph::Path& hops = **path;
        CHECK(hops[0].from() == tarn);
        CHECK(hops[0].to() == f.id("Kardesh"));
        CHECK(hops[1].from() == f.id("Kardesh"));
        CHECK(hops[1].to() == alliance);
        CHECK(hops[1].edge.confidence == doctest::Approx(0.85));
    }
    SUBCASE("out follows edges subject to object") {
        auto path = f.snapshot.shortest_path(tarn, alliance, {}, Direction::out);
        REQUIRE(path.is_ok());
        REQUIRE(path->has_value());
        CHECK(f.describe(**path) == std::vector<std::string>{"Rell Tarn -threatened- Estavia",
                                                             "Estavia -member of- Northern Shield Alliance"});
    }
    SUBCASE("in follows edges object to subject") {
        auto none = f.snapshot.shortest_path(tarn, alliance, {}, Direction::in);
        REQUIRE(none.is_ok());
        CHECK_FALSE(none->has_value());  // nothing points at Rell Tarn
        auto path = f.snapshot.shortest_path(alliance, tarn, {}, Direction::in);
        REQUIRE(path.is_ok());
        REQUIRE(path->has_value());
        CHECK(f.describe(**path) == std::vector<std::string>{"Estavia <member of- Northern Shield Alliance",
                                                             "Rell Tarn <threatened- Estavia"});
    }
    SUBCASE("a predicate filter forces a longer path") {
        auto path = f.snapshot.shortest_path(tarn, alliance, predicates({"President Of", "ally of", "member of"}));
        REQUIRE(path.is_ok());
        REQUIRE(path->has_value());
        CHECK(f.describe(**path) == std::vector<std::string>{"Rell Tarn -president of- Kardesh",
                                                             "Kardesh -ally of- Estavia",
                                                             "Estavia -member of- Northern Shield Alliance"});
    }
    SUBCASE("a type filter restricts the entities in between, not the ends") {
        graph::Filter people;
        people.types = {EntityType::person};
        auto path = f.snapshot.shortest_path(f.id("Norland"), f.id("Estavia"), people);
        REQUIRE(path.is_ok());
        REQUIRE(path->has_value());
        CHECK(f.describe(**path) ==
              std::vector<std::string>{"Mara Quint <president of- Norland", "Mara Quint -visit- Estavia"});
    }
    SUBCASE("polarity") {
        struct Case {
            Polarity polarity;
            std::vector<std::string> hops;
        };
        const Case cases[] = {
            {Polarity::any, {"Norland -member of- Northern Shield Alliance", "Estavia <member of- Northern Shield Alliance"}},
            {Polarity::negated, {"Kardesh <attacked- Norland", "Estavia <sent troops to- Kardesh"}},
        };
        for (const auto& c : cases) {
            graph::Filter filter;
            filter.polarity = c.polarity;
            auto path = f.snapshot.shortest_path(f.id("Norland"), f.id("Estavia"), filter);
            REQUIRE(path.is_ok());
            REQUIRE(path->has_value());
            CHECK(f.describe(**path) == c.hops);
            if (c.polarity == Polarity::negated) {
                for (const auto& hop : **path) CHECK(hop.edge.negated);
            }
        }
    }
    SUBCASE("max_length bounds the search") {
        auto none = f.snapshot.shortest_path(tarn, alliance, predicates({"president of", "ally of", "member of"}),
                                             Direction::both, 2);
        REQUIRE(none.is_ok());
        CHECK_FALSE(none->has_value());
    }
    SUBCASE("different components, the same entity, unknown ids and predicates") {
        auto none = f.snapshot.shortest_path(tarn, f.id("Port Aster"));
        REQUIRE(none.is_ok());
        CHECK_FALSE(none->has_value());
        auto same = f.snapshot.shortest_path(tarn, tarn);
        REQUIRE(same.is_ok());
        REQUIRE(same->has_value());
        CHECK((*same)->empty());
        auto unknown = f.snapshot.shortest_path(tarn, 424242);
        CHECK(unknown.status().code() == StatusCode::not_found);
        auto bad_predicate = f.snapshot.shortest_path(tarn, alliance, predicates({"mett"}));
        REQUIRE_FALSE(bad_predicate.is_ok());
        CHECK(bad_predicate.status().code() == StatusCode::not_found);
        CHECK(bad_predicate.status().message().find("no edge has the predicate 'mett'; close ones: 'met'") == 0);
    }
}

TEST_CASE("Snapshot::shortest_path agrees with breadth-first distances for every pair") {
    Fixture f;
    graph::Filter positive;
    positive.polarity = Polarity::positive;
    graph::Filter no_orgs;
    no_orgs.types = {EntityType::person, EntityType::gpe, EntityType::loc, EntityType::group};
    std::size_t paths_checked = 0;
    for (const graph::Filter& filter : {graph::Filter{}, positive, no_orgs}) {
        for (Direction direction : {Direction::out, Direction::in, Direction::both}) {
            for (const auto& [from, from_name] : f.names) {
                auto reachable = f.snapshot.neighborhood(from, graph::k_unlimited, direction, filter);
                REQUIRE(reachable.is_ok());
                std::map<EntityId, std::size_t> distance;
                for (const auto& reached : reachable->entities) distance[reached.entity] = reached.distance;
                for (const auto& [to, to_name] : f.names) {
                    if (from == to) continue;
                    CAPTURE(from_name);
                    CAPTURE(to_name);
                    CAPTURE(graph::to_string(direction));
                    auto path = f.snapshot.shortest_path(from, to, filter, direction);
                    REQUIRE(path.is_ok());
                    // A type filter keeps the ends of a path but not the root's
                    // neighbourhood: only compare where the target passes it.
                    const bool target_allowed = filter.types.empty() || f.store->entity(to)->type != EntityType::org;
                    if (!target_allowed) continue;
                    REQUIRE(path->has_value() == (distance.count(to) > 0));
                    if (!path->has_value()) continue;
                    ++paths_checked;
                    const graph::Path& hops = **path;
                    CHECK(hops.size() == distance.at(to));
                    CHECK(hops.front().from() == from);
                    CHECK(hops.back().to() == to);
                    for (std::size_t i = 1; i < hops.size(); ++i) CHECK(hops[i].from() == hops[i - 1].to());
                    for (const auto& hop : hops) {
                        if (direction == Direction::out) CHECK(hop.forward);
                        if (direction == Direction::in) CHECK_FALSE(hop.forward);
                        if (filter.polarity == Polarity::positive) CHECK_FALSE(hop.edge.negated);
                    }
                }
            }
        }
    }
    CHECK(paths_checked > 300);
}

TEST_CASE("Snapshot::all_simple_paths") {
    Fixture f;
    const EntityId tarn = f.id("Rell Tarn");
    const EntityId alliance = f.id("NSA");

    SUBCASE("counts by length bound and direction (checked with networkx all_simple_edge_paths)") {
        struct Case {
            std::size_t max_length;
            Direction direction;
            std::size_t count;
        };
        const Case cases[] = {{1, Direction::both, 0}, {2, Direction::both, 2}, {3, Direction::both, 14},
                              {4, Direction::both, 38}, {2, Direction::out, 1}, {3, Direction::out, 4},
                              {4, Direction::out, 8},  {4, Direction::in, 0}};
        for (const auto& c : cases) {
            CAPTURE(c.max_length);
            CAPTURE(graph::to_string(c.direction));
            auto paths = f.snapshot.all_simple_paths(tarn, alliance, c.max_length, {}, c.direction);
            REQUIRE(paths.is_ok());
            CHECK(paths->size() == c.count);
            for (const auto& path : *paths) {
                REQUIRE(!path.empty());
                CHECK(path.size() <= c.max_length);
                CHECK(path.front().from() == tarn);
                CHECK(path.back().to() == alliance);
                std::vector<EntityId> visited{tarn};
                for (std::size_t i = 0; i < path.size(); ++i) {
                    if (i > 0) CHECK(path[i].from() == path[i - 1].to());
                    if (c.direction == Direction::out) CHECK(path[i].forward);
                    visited.push_back(path[i].to());
                }
                std::sort(visited.begin(), visited.end());
                CHECK(std::adjacent_find(visited.begin(), visited.end()) == visited.end());
            }
        }
    }
    SUBCASE("shortest first, in edge order, and the limit keeps the first ones") {
        auto paths = f.snapshot.all_simple_paths(tarn, alliance, 3);
        REQUIRE(paths.is_ok());
        REQUIRE(paths->size() == 14);
        CHECK(f.describe((*paths)[0]) == std::vector<std::string>{"Rell Tarn -president of- Kardesh",
                                                                  "Northern Shield Alliance <condemned- Kardesh"});
        CHECK(f.describe((*paths)[1]) == std::vector<std::string>{"Rell Tarn -threatened- Estavia",
                                                                  "Estavia -member of- Northern Shield Alliance"});
        CHECK(f.describe((*paths)[2]) == std::vector<std::string>{"Rell Tarn -president of- Kardesh",
                                                                  "Kardesh -ally of- Estavia",
                                                                  "Estavia -member of- Northern Shield Alliance"});
        auto limited = f.snapshot.all_simple_paths(tarn, alliance, 3, {}, Direction::both, 3);
        REQUIRE(limited.is_ok());
        REQUIRE(limited->size() == 3);
        for (std::size_t i = 0; i < 3; ++i) CHECK(f.describe((*limited)[i]) == f.describe((*paths)[i]));
    }
    SUBCASE("filters apply") {
        graph::Filter positive;
        positive.polarity = Polarity::positive;
        auto paths = f.snapshot.all_simple_paths(tarn, alliance, 3, positive);
        REQUIRE(paths.is_ok());
        // Without the two negated edges (Kardesh-Estavia, Kardesh-Norland): 14 - 1 - 2 - 1.
        CHECK(paths->size() == 10);
        auto unbounded = f.snapshot.all_simple_paths(tarn, alliance, graph::k_unlimited, {}, Direction::both, 100000);
        REQUIRE(unbounded.is_ok());
        CHECK(unbounded->size() > 38);
        auto none = f.snapshot.all_simple_paths(tarn, f.id("Port Aster"), 6);
        REQUIRE(none.is_ok());
        CHECK(none->empty());
    }
}

TEST_CASE("Snapshot::neighborhood") {
    Fixture f;
    const EntityId kardesh = f.id("Kardesh");

    SUBCASE("sizes by depth and direction (checked with networkx)") {
        struct Case {
            std::size_t depth;
            Direction direction;
            std::size_t entities;
            std::size_t edges;
        };
        const Case cases[] = {{0, Direction::both, 1, 0}, {1, Direction::both, 6, 14}, {2, Direction::both, 12, 25},
                              {3, Direction::both, 13, 26}, {9, Direction::both, 13, 26}, {1, Direction::out, 3, 6},
                              {2, Direction::out, 4, 10},   {1, Direction::in, 6, 14}};
        for (const auto& c : cases) {
            CAPTURE(c.depth);
            CAPTURE(graph::to_string(c.direction));
            auto neighborhood = f.snapshot.neighborhood(kardesh, c.depth, c.direction);
            REQUIRE(neighborhood.is_ok());
            CHECK(neighborhood->entities.size() == c.entities);
            CHECK(neighborhood->edges.size() == c.edges);
            for (const auto& reached : neighborhood->entities) CHECK(reached.distance <= c.depth);
            auto without_edges = f.snapshot.neighborhood(kardesh, c.depth, c.direction, {}, graph::EdgeListing::omit);
            REQUIRE(without_edges.is_ok());
            CHECK(without_edges->entities.size() == c.entities);
            CHECK(without_edges->edges.empty());
        }
    }
    SUBCASE("EdgeListing::none: the same entities and distances, no edges") {
        for (Direction direction : {Direction::out, Direction::in, Direction::both}) {
            CAPTURE(graph::to_string(direction));
            auto full = f.snapshot.neighborhood(kardesh, 2, direction);
            auto bare = f.snapshot.neighborhood(kardesh, 2, direction, {}, graph::EdgeListing::none);
            REQUIRE(full.is_ok());
            REQUIRE(bare.is_ok());
            REQUIRE(bare->entities.size() == full->entities.size());
            CHECK(bare->edges.empty());
            for (std::size_t i = 0; i < full->entities.size(); ++i) {
                CHECK(bare->entities[i].entity == full->entities[i].entity);
                CHECK(bare->entities[i].type == full->entities[i].type);
                CHECK(bare->entities[i].distance == full->entities[i].distance);
                CHECK(full->entities[i].via.has_value() == (i > 0));
                CHECK_FALSE(bare->entities[i].via.has_value());
            }
        }
    }
    SUBCASE("entities in breadth-first order with the edge that reached them") {
        auto neighborhood = f.snapshot.neighborhood(kardesh, 1);
        REQUIRE(neighborhood.is_ok());
        std::vector<std::string> rows;
        for (const auto& reached : neighborhood->entities) {
            rows.push_back(f.names.at(reached.entity) + " " + std::to_string(reached.distance) + " " +
                           (reached.via ? f.describe(*reached.via) : "-"));
        }
        CHECK(rows == std::vector<std::string>{
                          "Kardesh 0 -",
                          "Estavia 1 Kardesh -ally of- Estavia",
                          "Norland 1 Kardesh -attacked- Norland",
                          "Rell Tarn 1 Rell Tarn <president of- Kardesh",
                          "Tomas Ferro 1 Tomas Ferro <accused- Kardesh",
                          "Northern Shield Alliance 1 Northern Shield Alliance <condemned- Kardesh",
                      });
        CHECK(neighborhood->entities[0].type == EntityType::gpe);
        CHECK(std::is_sorted(neighborhood->edges.begin(), neighborhood->edges.end(),
                             [](const auto& a, const auto& b) { return a.triple < b.triple; }));
    }
    SUBCASE("filters") {
        graph::Filter gpe;
        gpe.types = {EntityType::gpe};
        auto countries = f.snapshot.neighborhood(kardesh, 3, Direction::both, gpe);
        REQUIRE(countries.is_ok());
        std::vector<EntityId> ids;
        for (const auto& reached : countries->entities) ids.push_back(reached.entity);
        CHECK(f.sorted_names(ids) == std::vector<std::string>{"Estavia", "Kardesh", "Norland", "Vell"});

        graph::Filter negated;
        negated.polarity = Polarity::negated;
        auto denied = f.snapshot.neighborhood(kardesh, 2, Direction::both, negated);
        REQUIRE(denied.is_ok());
        CHECK(denied->entities.size() == 3);
        CHECK(denied->edges.size() == 2);

        auto attacks = f.snapshot.neighborhood(kardesh, 2, Direction::out, predicates({"attacked"}));
        REQUIRE(attacks.is_ok());
        CHECK(attacks->entities.size() == 2);
        CHECK(attacks->edges.size() == 2);  // asserted and denied: two triples
    }
}

TEST_CASE("Snapshot::connected_components") {
    Fixture f;
    auto components = f.snapshot.connected_components();
    REQUIRE(components.is_ok());
    REQUIRE(components->size() == 2);
    CHECK((*components)[0].entities.size() == 13);
    CHECK((*components)[0].edges == 26);
    CHECK(f.sorted_names((*components)[1].entities) == std::vector<std::string>{"Port Aster", "Sarn Valley"});
    CHECK((*components)[1].edges == 1);

    SUBCASE("filters split the graph") {
        auto members = f.snapshot.connected_components(predicates({"member of"}));
        REQUIRE(members.is_ok());
        CHECK(members->size() == 13);  // {Norland, Estavia, NSA} and 12 entities on their own
        CHECK(f.sorted_names((*members)[0].entities) ==
              std::vector<std::string>{"Estavia", "Norland", "Northern Shield Alliance"});
        CHECK((*members)[0].edges == 2);
        CHECK((*members)[1].entities.size() == 1);

        graph::Filter locations;
        locations.types = {EntityType::loc};
        auto places = f.snapshot.connected_components(locations);
        REQUIRE(places.is_ok());
        REQUIRE(places->size() == 1);
        CHECK((*places)[0].entities.size() == 2);
    }
}

TEST_CASE("Snapshot::degree") {
    Fixture f;
    struct Case {
        std::string entity;
        std::size_t in;
        std::size_t out;
    };
    const Case cases[] = {{"Kardesh", 6, 3}, {"Norland", 7, 2}, {"Estavia", 5, 3}, {"Port Aster", 0, 1}};
    for (const auto& c : cases) {
        CAPTURE(c.entity);
        auto degree = f.snapshot.degree(f.id(c.entity));
        REQUIRE(degree.is_ok());
        CHECK(degree->in == c.in);
        CHECK(degree->out == c.out);
        CHECK(degree->total() == c.in + c.out);
    }
    SUBCASE("filtered") {
        graph::Filter negated;
        negated.polarity = Polarity::negated;
        auto degree = f.snapshot.degree(f.id("Kardesh"), negated);
        REQUIRE(degree.is_ok());
        CHECK(degree->in == 1);
        CHECK(degree->out == 1);
    }
    SUBCASE("all entities, in id order, summing to twice the edges") {
        auto degrees = f.snapshot.degrees();
        REQUIRE(degrees.is_ok());
        CHECK(degrees->size() == 15);
        CHECK(std::is_sorted(degrees->begin(), degrees->end(),
                             [](const auto& a, const auto& b) { return a.entity < b.entity; }));
        const std::size_t sum = std::accumulate(degrees->begin(), degrees->end(), std::size_t{0},
                                                [](std::size_t s, const graph::Degree& d) { return s + d.total(); });
        CHECK(sum == 54);
    }
}

TEST_CASE("Snapshot::pagerank") {
    SUBCASE("fixture: sums to 1, hubs first, equal to igraph's scores") {
        Fixture f;
        auto ranks = f.snapshot.pagerank();
        REQUIRE(ranks.is_ok());
        REQUIRE(ranks->size() == 15);
        double sum = 0;
        for (const auto& r : *ranks) sum += r.score;
        CHECK(sum == doctest::Approx(1.0).epsilon(1e-12));
        // python3-igraph 0.10, Graph.pagerank(damping=0.85) on the same 27 edges.
        const std::vector<std::pair<std::string, double>> expected = {
            {"Kardesh", 0.278050617125}, {"Norland", 0.274440196398}, {"Northern Shield Alliance", 0.168176543936},
            {"Estavia", 0.122159106421}, {"Ilse Varga", 0.018341149227}, {"Tomas Ferro", 0.016927713647},
            {"Rell Tarn", 0.011171104077}};
        for (std::size_t i = 0; i < 4; ++i) CHECK(f.names.at((*ranks)[i].entity) == expected[i].first);
        std::map<std::string, double> score;
        for (const auto& r : *ranks) score[f.names.at(r.entity)] = r.score;
        for (const auto& [name, value] : expected) {
            CAPTURE(name);
            CHECK(score.at(name) == doctest::Approx(value).epsilon(1e-9));
        }
    }
    SUBCASE("hand-computed: A->B, A->C, B->C, C->A") {
        // a = 0.05 + 0.85 c, b = 0.05 + 0.85 a/2, c = 0.05 + 0.85 (a/2 + b)
        // => a = 0.128625 / 0.3316875, b = 0.05 + 0.425 a, c = 0.0925 + 0.78625 a.
        auto store = store_of({{{"A", "to", "B"}}, {{"A", "to", "C"}}, {{"B", "to", "C"}}, {{"C", "to", "A"}}});
        auto snapshot = graph::Snapshot::build(*store);
        REQUIRE(snapshot.is_ok());
        auto ranks = snapshot->pagerank();
        REQUIRE(ranks.is_ok());
        REQUIRE(ranks->size() == 3);
        const double a = 0.128625 / 0.3316875;
        CHECK((*ranks)[0].entity == store->find_entity("C")->id);
        CHECK((*ranks)[0].score == doctest::Approx(0.0925 + 0.78625 * a).epsilon(1e-9));
        CHECK((*ranks)[1].entity == store->find_entity("A")->id);
        CHECK((*ranks)[1].score == doctest::Approx(a).epsilon(1e-9));
        CHECK((*ranks)[2].score == doctest::Approx(0.05 + 0.425 * a).epsilon(1e-9));
    }
    SUBCASE("hand-computed: a dangling entity's rank is spread, not lost") {
        // X->Y, Y has no out-edges: x = 0.075 + 0.425 y, x + y = 1 => x = 0.5 / 1.425.
        auto store = store_of({{{"X", "to", "Y"}}});
        auto snapshot = graph::Snapshot::build(*store);
        REQUIRE(snapshot.is_ok());
        auto ranks = snapshot->pagerank();
        REQUIRE(ranks.is_ok());
        REQUIRE(ranks->size() == 2);
        CHECK((*ranks)[0].entity == store->find_entity("Y")->id);
        CHECK((*ranks)[0].score == doctest::Approx(1 - 0.5 / 1.425).epsilon(1e-9));
        CHECK((*ranks)[1].score == doctest::Approx(0.5 / 1.425).epsilon(1e-9));
    }
    SUBCASE("parallel edges count separately") {
        // P->Q twice, P->R once, Q and R dangling: Q gets two thirds of P's share.
        auto store = store_of({{{"P", "a", "Q"}}, {{"P", "b", "Q"}}, {{"P", "a", "R"}}});
        auto snapshot = graph::Snapshot::build(*store);
        REQUIRE(snapshot.is_ok());
        auto ranks = snapshot->pagerank();
        REQUIRE(ranks.is_ok());
        std::map<EntityId, double> score;
        for (const auto& r : *ranks) score[r.entity] = r.score;
        const double p = score.at(store->find_entity("P")->id);
        const double q = score.at(store->find_entity("Q")->id);
        const double r = score.at(store->find_entity("R")->id);
        // Dangling Q and R spread d(q + r)/3 to everyone; P adds d p (2/3, 1/3).
        const double base = 0.05 + 0.85 * (q + r) / 3;
        CHECK(p == doctest::Approx(base).epsilon(1e-9));
        CHECK(q == doctest::Approx(base + 0.85 * p * 2 / 3).epsilon(1e-9));
        CHECK(r == doctest::Approx(base + 0.85 * p / 3).epsilon(1e-9));
        CHECK(p + q + r == doctest::Approx(1.0).epsilon(1e-12));
    }
    SUBCASE("bad damping") {
        Fixture f;
        graph::PageRankOptions options;
        options.damping = 1.0;
        CHECK(f.snapshot.pagerank(options).status().code() == StatusCode::invalid_argument);
    }
}
