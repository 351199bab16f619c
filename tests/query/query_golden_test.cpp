// Golden tests: every canned query's exact rows on the fixture graph, read
// from tests/query/golden/<name>.txt (format in golden/README.md).
#include <claimgraph/query.h>

#include "test_support.h"
#include "util/file.h"
#include "util/strings.h"

#include <charconv>
#include <filesystem>
#include <set>

using namespace claimgraph;

namespace {

struct GoldenCase {
    std::string title;
    query::Arguments arguments;
    std::string columns;
    std::vector<std::string> rows;
};

std::string trim_right(std::string text) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.pop_back();
    return text;
}

/// Parses a golden file; a line it cannot place fails the test.
std::vector<GoldenCase> parse_golden(const std::string& path) {
    auto contents = util::read_file(path);
    REQUIRE_MESSAGE(contents.is_ok(), contents.status().message());
    std::vector<GoldenCase> cases;
    int line_number = 0;
    for (const std::string& raw : util::split(*contents, '\n')) {
        ++line_number;
        const std::string line = trim_right(raw);
        INFO(path << " line " << line_number << ": " << line);
        if (line.starts_with("== ")) {
            cases.push_back({line.substr(3), {}, {}, {}});
        } else if (cases.empty()) {
            REQUIRE_MESSAGE((line.empty() || line.starts_with("#")), "only comments may come before the first case");
        } else if (line.starts_with("param: ")) {
            REQUIRE_MESSAGE(cases.back().columns.empty(), "params go before columns");
            const std::string param = line.substr(7);
            const std::size_t equals = param.find('=');
            REQUIRE(equals != std::string::npos);
            cases.back().arguments.emplace_back(param.substr(0, equals), param.substr(equals + 1));
        } else if (line.starts_with("columns: ")) {
            REQUIRE(cases.back().columns.empty());
            cases.back().columns = line.substr(9);
        } else if (!line.empty()) {
            REQUIRE_MESSAGE(!cases.back().columns.empty(), "rows go after columns");
            cases.back().rows.push_back(line);
        }
    }
    for (const GoldenCase& c : cases) {
        INFO(path << ": case " << c.title);
        CHECK_FALSE(c.columns.empty());
    }
    return cases;
}

std::string render(const Value& value) {
    return std::visit(
        [](const auto& v) -> std::string {
            using V = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<V, std::monostate>) {
                return "NULL";
            } else if constexpr (std::is_same_v<V, std::string>) {
                return v;
            } else {
                // Shortest form that reads back the same: 0.95, not 0.94999999999999996.
                char buffer[32];
                auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, v);
                REQUIRE(error == std::errc());
                return std::string(buffer, end);
            }
        },
        value);
}

std::string golden_dir() { return CLAIMGRAPH_QUERY_GOLDEN; }

}  // namespace

TEST_CASE("canned queries on the fixture graph (golden)") {
    auto catalogue = query::builtin_catalogue();
    REQUIRE_MESSAGE(catalogue.is_ok(), catalogue.status().message());
    auto store = testing::fixture_store();

    std::set<std::string> names;
    for (const query::QuerySpec& spec : catalogue->queries()) {
        names.insert(spec.name);
        const std::string path = golden_dir() + "/" + spec.name + ".txt";
        INFO("query " << spec.name << ", golden file " << path);
        REQUIRE_MESSAGE(std::filesystem::exists(path), "every canned query needs a golden file");
        const std::vector<GoldenCase> cases = parse_golden(path);
        REQUIRE_FALSE(cases.empty());
        bool some_rows = false;
        for (const GoldenCase& c : cases) {
            INFO("case: " << c.title);
            some_rows = some_rows || !c.rows.empty();
            auto table = query::run_query(*store, spec, c.arguments);
            REQUIRE_MESSAGE(table.is_ok(), table.status().message());
            CHECK(util::join(table->columns, " | ") == c.columns);
            std::vector<std::string> rows;
            for (const auto& row : table->rows) {
                std::vector<std::string> cells;
                for (const Value& cell : row) cells.push_back(render(cell));
                rows.push_back(trim_right(util::join(cells, " | ")));
            }
            // Whole results compared as text: a failure prints both sides.
            CHECK(util::join(rows, "\n") == util::join(c.rows, "\n"));
        }
        CHECK_MESSAGE(some_rows, "at least one case must return rows");
    }

    for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
        if (entry.path().extension() != ".txt") continue;
        INFO("golden file " << entry.path().string());
        CHECK_MESSAGE(names.contains(entry.path().stem().string()), "a golden file without a canned query");
    }
}
