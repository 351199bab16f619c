// Tests of bind_arguments and run_query: parameter validation, entity
// resolution, and that values are bound, never formatted into SQL.
#include <claimgraph/query.h>

#include "test_support.h"

using namespace claimgraph;

namespace {

query::QuerySpec probe_spec() {
    auto spec = query::parse_query("probe.sql",
                                   "-- name: probe\n"
                                   "-- description: Echoes its parameters.\n"
                                   "-- param: who    entity       required   An entity\n"
                                   "-- param: n      int          default=5  A count\n"
                                   "-- param: share  real         optional   A share\n"
                                   "-- param: kind   entity_type  optional   A type\n"
                                   "-- param: words  text         optional   Words\n"
                                   "SELECT :who AS who, :n AS n, :share AS share, :kind AS kind, :words AS words;\n");
    REQUIRE_MESSAGE(spec.is_ok(), spec.status().message());
    return *spec;
}

const Value& bound(const store::QueryParams& params, const std::string& name) {
    for (const auto& [key, value] : params) {
        if (key == name) return value;
    }
    FAIL("parameter " << name << " was not bound");
    static const Value none;
    return none;
}

}  // namespace

TEST_CASE("bind_arguments") {
    auto store = testing::fixture_store();
    const query::QuerySpec spec = probe_spec();

    SUBCASE("binds every parameter: given, default or NULL, in declared order") {
        auto params = query::bind_arguments(spec, {{"who", "nsa"}}, *store);
        REQUIRE_MESSAGE(params.is_ok(), params.status().message());
        REQUIRE(params->size() == 5);
        CHECK((*params)[0].first == "who");
        CHECK((*params)[4].first == "words");
        auto nsa = store->find_entity("Northern Shield Alliance");
        REQUIRE(nsa.is_ok());
        CHECK(bound(*params, "who") == Value(nsa->id));
        CHECK(bound(*params, "n") == Value(std::int64_t{5}));
        CHECK(std::holds_alternative<std::monostate>(bound(*params, "share")));
        CHECK(std::holds_alternative<std::monostate>(bound(*params, "kind")));
        CHECK(std::holds_alternative<std::monostate>(bound(*params, "words")));
    }

    SUBCASE("parses each kind") {
        auto params = query::bind_arguments(
            spec, {{"who", "Varga"}, {"n", " 42 "}, {"share", "0.25"}, {"kind", "person"}, {"words", " as typed "}}, *store);
        REQUIRE_MESSAGE(params.is_ok(), params.status().message());
        CHECK(bound(*params, "who") == Value(store->find_entity("Ilse Varga")->id));
        CHECK(bound(*params, "n") == Value(std::int64_t{42}));
        CHECK(bound(*params, "share") == Value(0.25));
        CHECK(bound(*params, "kind") == Value(std::string("PERSON")));
        CHECK(bound(*params, "words") == Value(std::string(" as typed ")));
    }

    SUBCASE("rejects bad arguments with invalid_argument") {
        struct Case {
            query::Arguments arguments;
            const char* message;
        };
        const std::vector<Case> cases = {
            {{{"who", "Norland"}, {"limit", "3"}}, "has no parameter 'limit'; its parameters are: who, n, share, kind, words"},
            {{{"n", "3"}}, "needs parameter 'who'"},
            {{{"who", "Norland"}, {"n", "1"}, {"n", "2"}}, "'n' of query 'probe' is given twice"},
            {{{"who", "Norland"}, {"n", "abc"}}, "must be a whole number, not 'abc'"},
            {{{"who", "Norland"}, {"n", "5x"}}, "must be a whole number, not '5x'"},
            {{{"who", "Norland"}, {"n", "2.5"}}, "must be a whole number"},
            {{{"who", "Norland"}, {"n", ""}}, "must be a whole number"},
            {{{"who", "Norland"}, {"n", "99999999999999999999"}}, "must be a whole number"},
            {{{"who", "Norland"}, {"share", "half"}}, "must be a number, not 'half'"},
            {{{"who", "Norland"}, {"kind", "city"}}, "is an entity type: PERSON, ORG"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.message);
            auto params = query::bind_arguments(spec, c.arguments, *store);
            REQUIRE_FALSE(params.is_ok());
            CHECK(params.status().code() == StatusCode::invalid_argument);
            CHECK_MESSAGE(params.status().message().find(c.message) != std::string::npos, params.status().message());
        }
    }

    SUBCASE("an unknown entity is not_found with close matches") {
        auto params = query::bind_arguments(spec, {{"who", "Norlund"}}, *store);
        REQUIRE_FALSE(params.is_ok());
        CHECK(params.status().code() == StatusCode::not_found);
        CHECK(params.status().message().find("parameter 'who' of query 'probe'") != std::string::npos);
        CHECK(params.status().message().find("Norland") != std::string::npos);
    }

    SUBCASE("a query without parameters says so") {
        auto plain = query::parse_query("plain.sql", "-- name: plain\n-- description: D.\nSELECT 1;");
        REQUIRE(plain.is_ok());
        auto params = query::bind_arguments(*plain, {{"x", "1"}}, *store);
        REQUIRE_FALSE(params.is_ok());
        CHECK(params.status().message().find("it takes no parameters") != std::string::npos);
    }
}

TEST_CASE("bind_arguments with an ambiguous entity") {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    auto contents = std::string(
        R"({"subject": "Georgia", "subject_type": "GPE", "predicate": "borders", "object": "Armenia", "object_type": "GPE"})"
        "\n"
        R"({"subject": "Georgia", "subject_type": "PERSON", "predicate": "visited", "object": "Armenia", "object_type": "GPE"})"
        "\n");
    auto document = importer::parse_triples_jsonl(contents, "two-georgias.jsonl");
    REQUIRE(document.is_ok());
    REQUIRE((*store)->write_document(*document).is_ok());
    auto params = query::bind_arguments(probe_spec(), {{"who", "georgia"}}, **store);
    REQUIRE_FALSE(params.is_ok());
    CHECK(params.status().code() == StatusCode::ambiguous);
    CHECK(params.status().message().find("Georgia (GPE)") != std::string::npos);
    CHECK(params.status().message().find("Georgia (PERSON)") != std::string::npos);
}

TEST_CASE("run_query binds parameters instead of formatting them") {
    auto store = testing::fixture_store();
    auto before = store->stats();
    REQUIRE(before.is_ok());

    SUBCASE("a text parameter is compared as a value") {
        auto spec = query::parse_query("by-name.sql",
                                       "-- name: by-name\n-- description: Entities with this exact name.\n"
                                       "-- param: name  text  required  The name\n"
                                       "SELECT name FROM entities WHERE name = :name;\n");
        REQUIRE(spec.is_ok());
        auto hit = query::run_query(*store, *spec, {{"name", "Norland"}});
        REQUIRE(hit.is_ok());
        CHECK(hit->rows.size() == 1);
        for (const char* attack : {"x' OR '1'='1", "Norland' --", "'; DROP TABLE triples; --", "Norland\"; DELETE FROM entities; --"}) {
            CAPTURE(attack);
            auto table = query::run_query(*store, *spec, {{"name", attack}});
            REQUIRE_MESSAGE(table.is_ok(), table.status().message());
            CHECK(table->rows.empty());
        }
    }

    SUBCASE("canned queries with injection attempts return no rows") {
        auto catalogue = query::builtin_catalogue();
        REQUIRE(catalogue.is_ok());
        auto when_where = catalogue->find("claims-when-where");
        REQUIRE(when_where.is_ok());
        auto table = query::run_query(*store, *when_where,
                                      {{"time", "' OR 1=1 --"}, {"place", "%'; DELETE FROM evidence; --"}});
        REQUIRE_MESSAGE(table.is_ok(), table.status().message());
        CHECK(table->rows.empty());

        auto about = catalogue->find("about-entity");
        REQUIRE(about.is_ok());
        auto injected = query::run_query(*store, *about, {{"entity", "Norland' OR '1'='1"}});
        REQUIRE_FALSE(injected.is_ok());
        CHECK(injected.status().code() == StatusCode::not_found);
    }

    auto after = store->stats();
    REQUIRE(after.is_ok());
    CHECK(after->entities == before->entities);
    CHECK(after->triples == before->triples);
    CHECK(after->evidence == before->evidence);
    CHECK(after->triples == 27);
}
