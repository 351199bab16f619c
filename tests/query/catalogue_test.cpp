// Tests of the query catalogue: the embedded queries parse and run, and lookups
// by name suggest close names.
#include <claimgraph/query.h>

#include "test_support.h"

#include <set>

using namespace claimgraph;

TEST_CASE("builtin_catalogue") {
    auto catalogue = query::builtin_catalogue();
    REQUIRE_MESSAGE(catalogue.is_ok(), catalogue.status().message());
    const auto& queries = catalogue->queries();

    SUBCASE("holds at least twelve documented queries, sorted by name") {
        CHECK(queries.size() >= 12);
        std::set<std::string> names;
        for (std::size_t i = 0; i < queries.size(); ++i) {
            CAPTURE(queries[i].name);
            names.insert(queries[i].name);
            if (i > 0) CHECK(queries[i - 1].name < queries[i].name);
            CHECK(queries[i].description.size() > 20);
            for (const auto& param : queries[i].params) CHECK_FALSE(param.help.empty());
        }
        CHECK(names.size() == queries.size());
        for (const char* name : {"met-with", "about-entity", "said-by", "roles", "memberships", "hostilities",
                                 "negated-claims", "hypothetical-claims", "most-connected", "relation-evidence",
                                 "entities-by-type", "claims-when-where", "co-mentioned"}) {
            CAPTURE(name);
            CHECK(names.contains(name));
        }
    }

    SUBCASE("every embedded query runs on the fixture graph") {
        auto store = testing::fixture_store();
        for (const auto& spec : queries) {
            CAPTURE(spec.name);
            query::Arguments arguments;
            for (const auto& param : spec.params) {
                if (param.required) arguments.emplace_back(param.name, "Norland");
            }
            auto table = query::run_query(*store, spec, arguments);
            REQUIRE_MESSAGE(table.is_ok(), table.status().message());
            CHECK_FALSE(table->columns.empty());
        }
    }

    SUBCASE("find returns the query or suggests close names") {
        auto found = catalogue->find("met-with");
        REQUIRE(found.is_ok());
        CHECK(found->name == "met-with");

        auto typo = catalogue->find("met-wiht");
        REQUIRE_FALSE(typo.is_ok());
        CHECK(typo.status().code() == StatusCode::not_found);
        CHECK(typo.status().message().find("did you mean: met-with") != std::string::npos);

        auto part = catalogue->find("hostil");
        REQUIRE_FALSE(part.is_ok());
        CHECK(part.status().message().find("hostilities") != std::string::npos);

        auto far = catalogue->find("zzzzzzzzzzzzzz");
        REQUIRE_FALSE(far.is_ok());
        CHECK(far.status().message().find("did you mean") == std::string::npos);
        CHECK(far.status().message().find("query --list") != std::string::npos);
    }
}

TEST_CASE("Catalogue::from_files") {
    SUBCASE("sorts by name") {
        auto catalogue = query::Catalogue::from_files({{"b.sql", "-- name: b\n-- description: B.\nSELECT 2;"},
                                                       {"a.sql", "-- name: a\n-- description: A.\nSELECT 1;"}});
        REQUIRE(catalogue.is_ok());
        REQUIRE(catalogue->queries().size() == 2);
        CHECK(catalogue->queries()[0].name == "a");
    }
    SUBCASE("a malformed file fails the catalogue, naming the file") {
        auto catalogue = query::Catalogue::from_files({{"a.sql", "-- name: a\n-- description: A.\nSELECT 1;"},
                                                       {"bad.sql", "-- name: bad\nSELECT 1;"}});
        REQUIRE_FALSE(catalogue.is_ok());
        CHECK(catalogue.status().code() == StatusCode::invalid_input);
        CHECK(catalogue.status().message().find("'bad.sql'") != std::string::npos);
    }
    SUBCASE("two queries with one name are refused") {
        auto a = query::parse_query("a.sql", "-- name: a\n-- description: A.\nSELECT 1;");
        REQUIRE(a.is_ok());
        auto catalogue = query::Catalogue::from_specs({*a, *a});
        REQUIRE_FALSE(catalogue.is_ok());
        CHECK(catalogue.status().message().find("two canned queries are named 'a'") != std::string::npos);
    }
}
