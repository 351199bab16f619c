// Tests of util/atomic_file: the target changes only on commit.
#include "util/atomic_file.h"

#include "test_support.h"
#include "util/file.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

using namespace claimgraph;

namespace {
std::size_t file_count(const std::filesystem::path& folder) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(folder), {}));
}
}  // namespace

TEST_CASE("AtomicFile") {
    testing::TempDir dir;
    const std::string target = dir.file("out.txt");

    SUBCASE("commit writes the target") {
        util::AtomicFile file(target);
        REQUIRE(file.status().is_ok());
        file.stream() << "complete";
        CHECK(!std::filesystem::exists(target));
        REQUIRE(file.commit().is_ok());
        CHECK(*util::read_file(target) == "complete");
        CHECK(file_count(dir.path()) == 1);
    }
    SUBCASE("no commit leaves an older target as it was and no temporary file") {
        std::ofstream(target) << "old";
        {
            util::AtomicFile file(target);
            REQUIRE(file.status().is_ok());
            file.stream() << "half";
        }
        CHECK(*util::read_file(target) == "old");
        CHECK(file_count(dir.path()) == 1);
    }
    SUBCASE("commit replaces an older target") {
        std::ofstream(target) << "old";
        util::AtomicFile file(target);
        file.stream() << "new";
        REQUIRE(file.commit().is_ok());
        CHECK(*util::read_file(target) == "new");
    }
    SUBCASE("missing folder") {
        util::AtomicFile file(dir.file("no-such-folder/out.txt"));
        CHECK(file.status().code() == StatusCode::io_error);
        CHECK(file.status().message().find("no-such-folder/out.txt") != std::string::npos);
        CHECK(file.commit().code() == StatusCode::io_error);
    }
    SUBCASE("a folder as target") {
        util::AtomicFile file(dir.path());
        CHECK(file.status().code() == StatusCode::io_error);
        CHECK(file.status().message().find("is a directory") != std::string::npos);
    }
}
