// Tests of parse_query: the canned-query header format, good and malformed.
#include <claimgraph/query.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace claimgraph;

TEST_CASE("parse_query accepts well-formed headers") {
    SUBCASE("minimal: name, description, SQL") {
        auto spec = query::parse_query("q.sql", "-- name: q\n-- description: Does q.\nSELECT 1;\n");
        REQUIRE_MESSAGE(spec.is_ok(), spec.status().message());
        CHECK(spec->name == "q");
        CHECK(spec->description == "Does q.");
        CHECK(spec->params.empty());
        CHECK(spec->sql == "SELECT 1;\n");
    }
    SUBCASE("every kind and presence, continuations, free comments after the blank line") {
        const std::string text =
            "-- name: all-kinds\n"
            "-- description: First line\n"
            "--   and its continuation.\n"
            "-- param: who    entity       required   The entity\n"
            "--     (any alias).\n"
            "-- param: n      int          default=5  How many\n"
            "-- param: share  real         optional   A share\n"
            "-- param: kind   entity_type  default=gpe  A type\n"
            "-- param: words  text         optional   Some words: with a colon\n"
            "--\n"
            "-- note: free comments may follow the blank line, even key-like ones\n"
            "SELECT :who, :n, :share, :kind, :words, :who;\n";
        auto spec = query::parse_query("queries/all-kinds.sql", text);
        REQUIRE_MESSAGE(spec.is_ok(), spec.status().message());
        CHECK(spec->name == "all-kinds");
        CHECK(spec->description == "First line and its continuation.");
        REQUIRE(spec->params.size() == 5);
        struct Expected {
            const char* name;
            query::ParamKind kind;
            bool required;
            std::optional<std::string> default_value;
            const char* help;
        };
        const std::vector<Expected> expected = {
            {"who", query::ParamKind::entity, true, std::nullopt, "The entity (any alias)."},
            {"n", query::ParamKind::integer, false, "5", "How many"},
            {"share", query::ParamKind::real, false, std::nullopt, "A share"},
            {"kind", query::ParamKind::entity_type, false, "gpe", "A type"},
            {"words", query::ParamKind::text, false, std::nullopt, "Some words: with a colon"},
        };
        for (std::size_t i = 0; i < expected.size(); ++i) {
            CAPTURE(i);
            CHECK(spec->params[i].name == expected[i].name);
            CHECK(spec->params[i].kind == expected[i].kind);
            CHECK(spec->params[i].required == expected[i].required);
            CHECK(spec->params[i].default_value == expected[i].default_value);
            CHECK(spec->params[i].help == expected[i].help);
        }
        CHECK(spec->sql.starts_with("-- note: free comments"));
        CHECK(spec->param("n") == &spec->params[1]);
        CHECK(spec->param("missing") == nullptr);
    }
    SUBCASE("CRLF line endings") {
        auto spec = query::parse_query("q.sql", "-- name: q\r\n-- description: D.\r\n-- param: n int optional N\r\nSELECT :n;\r\n");
        REQUIRE_MESSAGE(spec.is_ok(), spec.status().message());
        CHECK(spec->description == "D.");
        CHECK(spec->params.at(0).help == "N");
    }
    SUBCASE("colons in strings, quoted names and comments are not parameters") {
        auto spec = query::parse_query("q.sql",
                                       "-- name: q\n-- description: D.\n"
                                       "SELECT ':a', \"b:c\", [d:e], `f:g`, '12:30' -- :h\n/* :i */ ;\n");
        REQUIRE_MESSAGE(spec.is_ok(), spec.status().message());
    }
}

TEST_CASE("parse_query rejects malformed headers") {
    struct Case {
        const char* what;
        const char* file;
        const char* text;
        const char* message;  // a part of the expected error
    };
    const std::vector<Case> cases = {
        {"no name", "q.sql", "-- description: D.\nSELECT 1;", "no '-- name:' line"},
        {"name differs from the file", "q.sql", "-- name: p\n-- description: D.\nSELECT 1;", "differs from the file name 'q'"},
        {"name with capitals", "Q.sql", "-- name: Q\n-- description: D.\nSELECT 1;", "lower-case letters, digits and '-'"},
        {"two names", "q.sql", "-- name: q\n-- name: q\n-- description: D.\nSELECT 1;", "a second 'name'"},
        {"no description", "q.sql", "-- name: q\nSELECT 1;", "no '-- description:' line"},
        {"empty description", "q.sql", "-- name: q\n-- description:\nSELECT 1;", "description is empty"},
        {"two descriptions", "q.sql", "-- name: q\n-- description: D.\n-- description: E.\nSELECT 1;", "a second 'description'"},
        {"misspelt key", "q.sql", "-- name: q\n-- description: D.\n-- parm: n int optional N\nSELECT :n;",
         "unknown header key 'parm'"},
        {"free text inside the header", "q.sql", "-- name: q\n-- description: D.\n-- Some words here\nSELECT 1;",
         "a header line is"},
        {"continuation with nothing to continue", "q.sql", "-- name: q\n--   more\n-- description: D.\nSELECT 1;",
         "continuation line"},
        {"unknown kind", "q.sql", "-- name: q\n-- description: D.\n-- param: n number optional N\nSELECT :n;",
         "kind 'number'"},
        {"missing presence", "q.sql", "-- name: q\n-- description: D.\n-- param: n int\nSELECT :n;",
         "'required', 'optional' or 'default=VALUE'"},
        {"empty default", "q.sql", "-- name: q\n-- description: D.\n-- param: n int default= N\nSELECT :n;",
         "'required', 'optional' or 'default=VALUE'"},
        {"no help", "q.sql", "-- name: q\n-- description: D.\n-- param: n int optional\nSELECT :n;", "no help text"},
        {"int default that is not a number", "q.sql",
         "-- name: q\n-- description: D.\n-- param: n int default=ten N\nSELECT :n;", "is not a whole number"},
        {"real default that is not a number", "q.sql",
         "-- name: q\n-- description: D.\n-- param: r real default=1.5x R\nSELECT :r;", "is not a number"},
        {"unknown entity type default", "q.sql",
         "-- name: q\n-- description: D.\n-- param: t entity_type default=city T\nSELECT :t;", "is not an entity type"},
        {"parameter declared twice", "q.sql",
         "-- name: q\n-- description: D.\n-- param: n int optional N\n-- param: n int optional N\nSELECT :n;",
         "declared twice"},
        {"parameter name with capitals", "q.sql", "-- name: q\n-- description: D.\n-- param: Limit int optional N\nSELECT :Limit;",
         "parameter name 'Limit'"},
        {"declared but unused", "q.sql", "-- name: q\n-- description: D.\n-- param: n int optional N\nSELECT 1;",
         "never uses :n"},
        {"used only inside a comment", "q.sql",
         "-- name: q\n-- description: D.\n-- param: n int optional N\nSELECT 1 -- :n\n;", "never uses :n"},
        {"used only inside a string", "q.sql", "-- name: q\n-- description: D.\n-- param: n int optional N\nSELECT ':n';",
         "never uses :n"},
        {"used but undeclared", "q.sql", "-- name: q\n-- description: D.\nSELECT :limit;", "uses :limit but"},
        {"positional parameter", "q.sql", "-- name: q\n-- description: D.\nSELECT ?;", "named parameters"},
        {"at-sign parameter", "q.sql", "-- name: q\n-- description: D.\nSELECT @n;", "named parameters"},
        {"no SQL", "q.sql", "-- name: q\n-- description: D.\n--\n\n  \n", "no SQL after the header"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.what);
        auto spec = query::parse_query(c.file, c.text);
        REQUIRE_FALSE(spec.is_ok());
        CHECK(spec.status().code() == StatusCode::invalid_input);
        CHECK_MESSAGE(spec.status().message().find(c.message) != std::string::npos, spec.status().message());
        CHECK(spec.status().message().find(c.file) != std::string::npos);
    }
}

TEST_CASE("parse_query names the line of a header error") {
    auto spec = query::parse_query("q.sql", "-- name: q\n-- description: D.\n-- param: n int sometimes N\nSELECT :n;");
    REQUIRE_FALSE(spec.is_ok());
    CHECK(spec.status().message().find("'q.sql' line 3:") != std::string::npos);
}
