// Helpers shared by the unit tests: fixture data, temporary folders, stores.
#pragma once

#include <claimgraph/cli.h>
#include <claimgraph/importer.h>
#include <claimgraph/store.h>

#include "util/file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace claimgraph::testing {

/// The path of a file in tests/data.
inline std::string data_path(const std::string& name) { return std::string(CLAIMGRAPH_TEST_DATA) + "/" + name; }

/// A fresh folder under the system temp dir, removed with everything in it at scope exit.
class TempDir {
public:
    TempDir() {
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("claimgraph-test-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

/// Writes tests/data/news_graph.jsonl (the fixture graph that graph, query and
/// export tests share) into `store`, as the document `news_graph.jsonl`.
inline void load_fixture(store::Store& store) {
    auto contents = util::read_file(data_path("news_graph.jsonl"));
    REQUIRE(contents.is_ok());
    auto document = importer::parse_triples_jsonl(*contents, "news_graph.jsonl");
    REQUIRE_MESSAGE(document.is_ok(), document.status().message());
    auto outcome = store.write_document(*document);
    REQUIRE_MESSAGE(outcome.is_ok(), outcome.status().message());
}

/// An in-memory store holding the fixture graph.
inline std::unique_ptr<store::Store> fixture_store() {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    load_fixture(**store);
    return std::move(store).value();
}

/// A database file `fixture.db` in `dir` holding the fixture graph; its path.
inline std::string fixture_db(const TempDir& dir) {
    const std::string path = dir.file("fixture.db");
    auto store = store::open_store(path, store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    load_fixture(**store);
    return path;
}

/// What one in-process run of the claimgraph command line gave.
struct CliRun {
    int code;
    std::string out;
    std::string err;
};

/// Runs the command line with `args` (no program name), capturing both streams.
inline CliRun run_cli(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

}  // namespace claimgraph::testing
