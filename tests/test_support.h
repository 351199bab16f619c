// Helpers shared by the unit tests: fixture data, temporary folders, stores.
#pragma once

#include <claimgraph/importer.h>
#include <claimgraph/store.h>

#include "util/file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <random>
#include <string>

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

/// An in-memory store holding tests/data/news_graph.jsonl: the fixture graph
/// that graph, query and export tests share.
inline std::unique_ptr<store::Store> fixture_store() {
    auto store = store::open_store(":memory:", store::OpenMode::read_write);
    REQUIRE(store.is_ok());
    auto contents = util::read_file(data_path("news_graph.jsonl"));
    REQUIRE(contents.is_ok());
    auto document = importer::parse_triples_jsonl(*contents, "news_graph.jsonl");
    REQUIRE_MESSAGE(document.is_ok(), document.status().message());
    auto outcome = (*store)->write_document(*document);
    REQUIRE_MESSAGE(outcome.is_ok(), outcome.status().message());
    return std::move(store).value();
}

}  // namespace claimgraph::testing
