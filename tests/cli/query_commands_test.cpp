// Tests of `claimgraph query`: --list, --describe, running a query, and the
// exit codes of its errors, through cli::run on a fixture database file.
#include <claimgraph/cli.h>
#include <claimgraph/query.h>

#include "test_support.h"

#include <nlohmann/json.hpp>

#include <sstream>

using namespace claimgraph;
using testing::fixture_db;
using testing::run_cli;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> result;
    std::istringstream stream(text);
    for (std::string line; std::getline(stream, line);) result.push_back(line);
    return result;
}

}  // namespace

TEST_CASE("query command") {
    testing::TempDir dir;
    const std::string db = fixture_db(dir);
    auto catalogue = query::builtin_catalogue();
    REQUIRE(catalogue.is_ok());
    const std::size_t count = catalogue->queries().size();

    SUBCASE("--list needs no database and shows every query") {
        const testing::CliRun run = run_cli({"--db", dir.file("absent.db"), "query", "--list"});
        CHECK(run.code == cli::k_exit_ok);
        CHECK(run.err.empty());
        const auto rows = lines(run.out);
        REQUIRE(rows.size() == count + 3);  // header, rule, rows, count line
        CHECK(rows[0].starts_with("name"));
        CHECK(rows.back() == "(" + std::to_string(count) + " rows)");
        for (const auto& spec : catalogue->queries()) {
            CAPTURE(spec.name);
            CHECK(run.out.find("\n" + spec.name + " ") != std::string::npos);
        }
        CHECK(run.out.find("a (entity, required), b (entity, required), limit (int, default 200)") != std::string::npos);
        CHECK_FALSE(std::filesystem::exists(dir.file("absent.db")));
    }

    SUBCASE("--list --format jsonl gives one object per query") {
        const testing::CliRun run = run_cli({"query", "--list", "--format", "jsonl"});
        CHECK(run.code == cli::k_exit_ok);
        const auto rows = lines(run.out);
        REQUIRE(rows.size() == count);
        const auto first = nlohmann::json::parse(rows.front());
        CHECK(first["name"] == catalogue->queries().front().name);
        CHECK(first["params"].is_array());
        CHECK(first["params"][0].contains("kind"));
    }

    SUBCASE("--describe shows parameters, usage and SQL") {
        const testing::CliRun run = run_cli({"query", "--describe", "relation-evidence"});
        CHECK(run.code == cli::k_exit_ok);
        CHECK(run.out.starts_with("relation-evidence: Every claim between two entities"));
        CHECK(run.out.find("Usage: claimgraph query relation-evidence --param a=VALUE --param b=VALUE "
                           "[--param limit=VALUE]") != std::string::npos);
        CHECK(run.out.find("SELECT s.name AS subject") != std::string::npos);

        const testing::CliRun json = run_cli({"query", "--describe", "roles", "--format", "json"});
        CHECK(json.code == cli::k_exit_ok);
        const auto object = nlohmann::json::parse(json.out);
        CHECK(object["name"] == "roles");
        CHECK(object["params"][1]["default"] == "100");
    }

    SUBCASE("runs a query with aliases as parameters") {
        const testing::CliRun run = run_cli({"--db", db, "query", "met-with", "--param", "entity=VARGA", "--format", "jsonl"});
        CHECK(run.code == cli::k_exit_ok);
        CHECK(run.err.empty());
        const auto rows = lines(run.out);
        REQUIRE(rows.size() == 2);
        const auto first = nlohmann::json::parse(rows[0]);
        CHECK(first["subject"] == "Mara Quint");
        CHECK(first["object"] == "Ilse Varga");
        CHECK(first["confidence"] == 0.88);
        CHECK(nlohmann::json::parse(rows[1])["subject"] == "Tomas Ferro");

        const testing::CliRun table = run_cli({"--db", db, "query", "relation-evidence", "-p", "a=nsa", "-p", "b=norland"});
        CHECK(table.code == cli::k_exit_ok);
        CHECK(table.out.find("(2 rows)") != std::string::npos);
        CHECK(table.out.find("if Kardesh crosses the border") != std::string::npos);
    }

    SUBCASE("errors and their exit codes") {
        struct Case {
            std::vector<std::string> args;
            int code;
            const char* message;
        };
        const std::vector<Case> cases = {
            {{"--db", db, "query", "met-wth"}, cli::k_exit_not_found, "did you mean: met-with?"},
            {{"--db", db, "query", "met-with", "--param", "who=x"}, cli::k_exit_usage, "its parameters are: entity, limit"},
            {{"--db", db, "query", "met-with", "--param", "limit"}, cli::k_exit_usage, "--param takes key=value"},
            {{"--db", db, "query", "met-with", "--param", "limit=ten"}, cli::k_exit_usage, "must be a whole number"},
            {{"--db", db, "query", "relation-evidence", "--param", "a=NSA"}, cli::k_exit_usage, "needs parameter 'b'"},
            {{"--db", db, "query", "about-entity", "--param", "entity=Atlantis"}, cli::k_exit_not_found,
             "no entity named 'Atlantis'"},
            {{"--db", db, "query"}, cli::k_exit_usage, "give a query name, or --list"},
            {{"--db", db, "query", "--list", "roles"}, cli::k_exit_usage, "takes no query name"},
            {{"--db", db, "query", "roles", "--format", "xml"}, cli::k_exit_usage, "unknown format 'xml'"},
            {{"--db", dir.file("absent.db"), "query", "roles"}, cli::k_exit_not_found, "no database at"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.message);
            const testing::CliRun run = run_cli(c.args);
            CHECK(run.code == c.code);
            CHECK(run.out.empty());
            CHECK_MESSAGE(run.err.find(c.message) != std::string::npos, run.err);
        }
        CHECK_FALSE(std::filesystem::exists(dir.file("absent.db")));
    }
}
