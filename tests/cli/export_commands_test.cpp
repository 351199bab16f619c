// End-to-end tests of `claimgraph export` through cli::run.
#include <claimgraph/cli.h>

#include "test_support.h"
#include "util/file.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace claimgraph;
using testing::run_cli;

TEST_CASE("export command") {
    testing::TempDir dir;
    const std::string db = dir.file("graph.db");
    REQUIRE(run_cli({"--db", db, "import", testing::data_path("news_graph.jsonl")}).code == cli::k_exit_ok);

    SUBCASE("GraphML to standard output by default") {
        const testing::CliRun r = run_cli({"--db", db, "export"});
        CHECK(r.code == cli::k_exit_ok);
        CHECK(r.out.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml ", 0) == 0);
        CHECK(r.out.find("<data key=\"name\">Café Ærø &amp; Sons &lt;Ltd&gt;</data>") != std::string::npos);
        CHECK(r.err.empty());
    }
    SUBCASE("each format to a file") {
        for (const char* format : {"graphml", "json", "dot"}) {
            INFO(format);
            const std::string path = dir.file(std::string("graph.") + format);
            const testing::CliRun r = run_cli({"--db", db, "export", "--format", format, "-o", path});
            CHECK(r.code == cli::k_exit_ok);
            CHECK(r.out.empty());
            CHECK(r.err == "wrote 15 nodes and 27 edges to " + path + "\n");
            auto contents = util::read_file(path);
            REQUIRE(contents.is_ok());
            CHECK(contents->find("Café Ærø") != std::string::npos);
        }
    }
    SUBCASE("csv writes two files") {
        const std::string prefix = dir.file("neo");
        const testing::CliRun r = run_cli({"--db", db, "export", "--format", "csv", "-o", prefix});
        CHECK(r.code == cli::k_exit_ok);
        auto nodes = util::read_file(prefix + ".nodes.csv");
        auto edges = util::read_file(prefix + ".edges.csv");
        REQUIRE(nodes.is_ok());
        REQUIRE(edges.is_ok());
        CHECK(std::count(nodes->begin(), nodes->end(), '\n') == 16);
        CHECK(std::count(edges->begin(), edges->end(), '\n') == 28);
    }
    SUBCASE("csv without -o is a usage error") {
        const testing::CliRun r = run_cli({"--db", db, "export", "--format", "csv"});
        CHECK(r.code == cli::k_exit_usage);
        CHECK(r.out.empty());
        CHECK(r.err == "claimgraph: error: csv export writes two files; give -o PREFIX to write PREFIX.nodes.csv "
                       "and PREFIX.edges.csv\n");
    }
    SUBCASE("unknown format") {
        const testing::CliRun r = run_cli({"--db", db, "export", "--format", "xml"});
        CHECK(r.code == cli::k_exit_usage);
        CHECK(r.err.find("--format") != std::string::npos);
    }
    SUBCASE("--yed only with graphml") {
        CHECK(run_cli({"--db", db, "export", "--format", "dot", "--yed"}).code == cli::k_exit_usage);
        const testing::CliRun r = run_cli({"--db", db, "export", "--yed"});
        CHECK(r.code == cli::k_exit_ok);
        CHECK(r.out.find("<y:NodeLabel>Mara Quint</y:NodeLabel>") != std::string::npos);
    }
    SUBCASE("a failed export leaves the old file and no temporary file") {
        const std::string path = dir.file("graph.graphml");
        std::ofstream(path) << "old";
        // The database is gone: reading fails before anything is written.
        const testing::CliRun r = run_cli({"--db", dir.file("missing.db"), "export", "-o", path});
        CHECK(r.code == cli::k_exit_not_found);
        CHECK(*util::read_file(path) == "old");
        const testing::CliRun bad_folder = run_cli({"--db", db, "export", "-o", dir.file("no/such/folder.graphml")});
        CHECK(bad_folder.code == cli::k_exit_error);
        CHECK(bad_folder.err.find("no/such/folder.graphml") != std::string::npos);
        std::size_t files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
            CAPTURE(entry.path().string());
            CHECK(entry.path().filename().string().find(".tmp-") == std::string::npos);
            ++files;
        }
        CHECK(files >= 2);
    }
    SUBCASE("opens the database read-only") {
        const testing::CliRun r = run_cli({"--db", dir.file("new.db"), "export"});
        CHECK(r.code == cli::k_exit_not_found);
        CHECK(r.err.find("no database at") != std::string::npos);
        CHECK(!std::filesystem::exists(dir.file("new.db")));
    }
}
