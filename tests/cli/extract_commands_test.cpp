// End-to-end tests of `extract --sentences-only` and of the read errors the
// `extract` and `ingest` commands report, through cli::run.
#include <claimgraph/cli.h>

#include "test_support.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using namespace claimgraph;
using claimgraph::testing::TempDir;

namespace {

struct Output {
    int code;
    std::string out;
    std::string err;
};

Output run(const std::vector<std::string>& args) {
    std::ostringstream out;
    std::ostringstream err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

void write(const std::string& path, const std::string& contents) {
    std::ofstream out(path, std::ios::binary);
    out << contents;
}

}  // namespace

TEST_CASE("extract --sentences-only") {
    TempDir dir;
    write(dir.file("a.md"), "# Talks\n\nMOSCOW (Reuters) - Putin met Dr. Aliyev. They spoke.");
    write(dir.file("empty.txt"), "");
    SUBCASE("prints each sentence with its offsets") {
        const Output o = run({"extract", "--sentences-only", dir.file("a.md")});
        CHECK(o.code == cli::k_exit_ok);
        CHECK(o.err.empty());
        const std::string source = dir.file("a.md");
        CHECK(o.out == "{\"source\":\"" + source + "\",\"index\":0,\"start\":0,\"end\":5,\"text\":\"Talks\"}\n"
                       "{\"source\":\"" + source + "\",\"index\":1,\"start\":26,\"end\":47,\"text\":\"Putin met Dr. Aliyev.\"}\n"
                       "{\"source\":\"" + source + "\",\"index\":2,\"start\":48,\"end\":59,\"text\":\"They spoke.\"}\n");
    }
    SUBCASE("a bad input beside a good one is a partial success") {
        const Output o = run({"extract", "--sentences-only", dir.file("a.md"), dir.file("empty.txt")});
        CHECK(o.code == cli::k_exit_partial);
        CHECK(o.err.find("claimgraph: error: " + dir.file("empty.txt") + ": empty file\n") != std::string::npos);
        CHECK(o.err.find("claimgraph: warning: 1 of 2 inputs failed") != std::string::npos);
    }
    SUBCASE("only bad inputs is an error") {
        const Output o = run({"extract", "--sentences-only", dir.file("empty.txt"), dir.file("missing.txt")});
        CHECK(o.code == cli::k_exit_error);
        CHECK(o.err.find(dir.file("missing.txt") + ": no such file or folder") != std::string::npos);
        CHECK(o.err.find("claimgraph: error: none of the 2 inputs could be read") != std::string::npos);
    }
    SUBCASE("options that do not go together") {
        CHECK(run({"extract", "--sentences-only", "--format", "carb", dir.file("a.md")}).code == cli::k_exit_usage);
        CHECK(run({"extract", "--sentences-only", "--lines", dir.file("a.md")}).code == cli::k_exit_usage);
        CHECK(run({"extract", "--format", "xml", dir.file("a.md")}).code == cli::k_exit_usage);
        CHECK(run({"ingest", "--jobs", "0", dir.file("a.md")}).code == cli::k_exit_usage);
    }
}
