// Tests that queries cannot change the database: `claimgraph sql` with every
// kind of write, ATTACH, PRAGMA and multi-statement attempt, and every canned
// query with injection attempts in its parameters; the file's bytes must not change.
#include <claimgraph/cli.h>
#include <claimgraph/importer.h>
#include <claimgraph/query.h>

#include "test_support.h"
#include "util/file.h"
#include "util/strings.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <sstream>

using namespace claimgraph;
using testing::fixture_db;
using testing::run_cli;

namespace {

/// Hashes of the database and its WAL and rollback journal (`-` when missing or empty).
std::string fingerprint(const std::string& db) {
    std::string all;
    for (const char* suffix : {"", "-wal", "-journal"}) {
        const std::string path = db + suffix;
        // A reader may create an empty WAL file; that is no change.
        if (!std::filesystem::exists(path) || std::filesystem::file_size(path) == 0) {
            all += "-;";
            continue;
        }
        auto bytes = util::read_file(path);
        REQUIRE(bytes.is_ok());
        all += util::sha256_hex(*bytes) + ";";
    }
    return all;
}

}  // namespace

TEST_CASE("sql command") {
    testing::TempDir dir;
    const std::string db = fixture_db(dir);

    SUBCASE("reads with bound parameters; a parameter is a value, never SQL") {
        testing::CliRun r = run_cli({"--db", db, "sql", "SELECT name, type FROM entities WHERE name = :name", "--param",
                         "name=Mara Quint", "--format", "jsonl"});
        CHECK(r.code == cli::k_exit_ok);
        CHECK(r.out == "{\"name\":\"Mara Quint\",\"type\":\"PERSON\"}\n");
        r = run_cli({"--db", db, "sql", "SELECT count(*) AS n FROM triples LIMIT :limit", "-p", "limit=1", "--format",
                     "jsonl"});
        CHECK(r.code == cli::k_exit_ok);
        CHECK(r.out == "{\"n\":27}\n");
        for (const char* value : {"x' OR '1'='1", "'); DROP TABLE entities; --", "\" OR 1=1 --", "1; DELETE FROM triples"}) {
            CAPTURE(value);
            r = run_cli({"--db", db, "sql", "SELECT count(*) AS n FROM entities WHERE name = :name", "-p",
                         std::string("name=") + value, "--format", "jsonl"});
            CHECK(r.code == cli::k_exit_ok);
            CHECK(r.out == "{\"n\":0}\n");
        }
    }

    SUBCASE("writes, schema changes, ATTACH, PRAGMA changes, transactions and several statements are refused") {
        const std::string before = fingerprint(db);
        const std::string other = dir.file("other.db");
        const std::vector<std::string> attacks = {
            "DELETE FROM entities",
            "UPDATE entities SET name = 'x'",
            "INSERT INTO entities (name, type) VALUES ('x', 'OTHER')",
            "REPLACE INTO entities (id, name, type) VALUES (1, 'x', 'OTHER')",
            "WITH t AS (SELECT 1) INSERT INTO entities (name, type) SELECT 'x', 'OTHER' FROM t",
            "WITH t AS (SELECT 1) DELETE FROM triples",
            "INSERT INTO entities (name, type) SELECT name || '2', type FROM entities RETURNING id",
            "DROP TABLE triples",
            "DROP VIEW triple_view",
            "DROP INDEX evidence_by_triple",
            "CREATE TABLE t (x)",
            "CREATE TEMP TABLE t (x)",
            "CREATE VIEW v AS SELECT 1",
            "CREATE TEMP VIEW v AS SELECT 1",
            "CREATE TRIGGER t AFTER INSERT ON entities BEGIN DELETE FROM triples; END",
            "CREATE TEMP TRIGGER t AFTER INSERT ON entities BEGIN DELETE FROM triples; END",
            "CREATE INDEX i ON entities (type)",
            "CREATE VIRTUAL TABLE v USING fts5 (x)",
            "ALTER TABLE entities ADD COLUMN x",
            "ALTER TABLE entities RENAME TO e2",
            "ATTACH DATABASE '" + other + "' AS other",
            "ATTACH DATABASE ':memory:' AS other",
            "DETACH DATABASE main",
            "PRAGMA user_version = 5",
            "PRAGMA writable_schema = ON",
            "PRAGMA journal_mode = DELETE",
            "PRAGMA query_only = OFF",
            "PRAGMA foreign_keys = OFF",
            "PRAGMA wal_checkpoint(TRUNCATE)",
            "PRAGMA integrity_check",
            "VACUUM",
            "VACUUM INTO '" + dir.file("copy.db") + "'",
            "REINDEX",
            "ANALYZE",
            "BEGIN",
            "BEGIN IMMEDIATE",
            "COMMIT",
            "SAVEPOINT s",
            "SELECT 1; DELETE FROM entities",
            "SELECT 1; ATTACH DATABASE ':memory:' AS other",
            "SELECT 1 /* ; */; DROP TABLE triples",
            "SELECT load_extension('/lib/x86_64-linux-gnu/libc.so.6')",
            "SELECT writefile('" + dir.file("x") + "', 'data')",
            "SELECT * FROM sqlite_dbpage",
            "SELECT * FROM pragma_writable_schema",
            "",
            "   ",
            "-- only a comment",
            "not sql at all",
        };
        for (const std::string& sql : attacks) {
            CAPTURE(sql);
            const testing::CliRun r = run_cli({"--db", db, "sql", sql});
            CHECK(r.code != cli::k_exit_ok);
            CHECK(r.err.starts_with("claimgraph: error: "));
            CHECK(fingerprint(db) == before);
        }
        CHECK_FALSE(std::filesystem::exists(other));
        CHECK_FALSE(std::filesystem::exists(dir.file("copy.db")));
        CHECK_FALSE(std::filesystem::exists(dir.file("x")));
        testing::CliRun r = run_cli({"--db", db, "sql", "DELETE FROM entities"});
        CHECK(r.code == cli::k_exit_usage);
        CHECK(r.err.find("read-only") != std::string::npos);
        r = run_cli({"--db", db, "sql", "-- only a comment"});
        CHECK(r.code == cli::k_exit_usage);
        CHECK(r.err == "claimgraph: error: the query is empty; give one SELECT statement\n");
        // And the data is all still there.
        const testing::CliRun count = run_cli({"--db", db, "stats", "--format", "json"});
        CHECK(nlohmann::json::parse(count.out)["triples"] == 27);
    }

    SUBCASE("every canned query with injection attempts in every parameter changes nothing") {
        const std::string before = fingerprint(db);
        auto catalogue = query::builtin_catalogue();
        REQUIRE(catalogue.is_ok());
        const std::vector<std::string> values = {"x' OR '1'='1", "'); DROP TABLE entities; --", "1; DELETE FROM triples",
                                                 "Putin\"; ATTACH ':memory:' AS x; --", "%", "_", "\\", "-1",
                                                 "99999999999999999999", ""};
        std::size_t runs = 0;
        for (const query::QuerySpec& spec : catalogue->queries()) {
            for (const query::ParamSpec& param : spec.params) {
                for (const std::string& value : values) {
                    CAPTURE(spec.name);
                    CAPTURE(param.name);
                    CAPTURE(value);
                    std::vector<std::string> args = {"--db", db, "query", spec.name, "--param", param.name + "=" + value};
                    // Required parameters other than the one under attack get a real value.
                    for (const query::ParamSpec& other : spec.params) {
                        if (other.name != param.name && other.required) {
                            args.push_back("--param");
                            args.push_back(other.name + "=Mara Quint");
                        }
                    }
                    const testing::CliRun r = run_cli(args);
                    // A bad value is a clean refusal (usage, not found) or an empty answer, never a crash.
                    CHECK((r.code == cli::k_exit_ok || r.code == cli::k_exit_usage || r.code == cli::k_exit_not_found));
                    ++runs;
                }
            }
        }
        CHECK(runs > 100);
        CHECK(fingerprint(db) == before);
        const testing::CliRun count = run_cli({"--db", db, "stats", "--format", "json"});
        CHECK(nlohmann::json::parse(count.out)["triples"] == 27);
    }
}
