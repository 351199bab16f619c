// Tests of the Graphviz DOT writer: exact output, edge styles, escaping.
#include <claimgraph/exporter.h>

#include "exporter/export_fixture.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace claimgraph;

namespace {

std::string dot(const exporter::ExportData& data) {
    std::ostringstream out;
    const Status status = exporter::write_dot(data, out);
    REQUIRE_MESSAGE(status.is_ok(), status.message());
    return out.str();
}

}  // namespace

TEST_CASE("write_dot") {
    SUBCASE("two nodes, two parallel edges") {
        CHECK(dot(testing::two_node_graph()) == R"(digraph claimgraph {
  node [shape=box];
  "n1" [label="Mara Quint", type="PERSON"];
  "n2" [label="Norland", type="GPE"];
  "n1" -> "n2" [id="e10", label="president of"];
  "n1" -> "n2" [id="e11", label="visit", style=dashed];
}
)");
    }
    SUBCASE("a modal claim that is not negated is dotted") {
        exporter::ExportData data = testing::two_node_graph();
        data.triples[1].negated = false;
        CHECK(dot(data).find("  \"n1\" -> \"n2\" [id=\"e11\", label=\"visit\", style=dotted];\n") != std::string::npos);
    }
    SUBCASE("empty graph") { CHECK(dot({}) == "digraph claimgraph {\n  node [shape=box];\n}\n"); }
}

TEST_CASE("write_dot escaping") {
    struct Case {
        const char* what;
        std::string name;
        std::string quoted;
    };
    const Case cases[] = {
        {"quotes", "say \"hi\"", R"("say \"hi\"")"},
        {"backslashes are literal", R"(C:\temp\n)", R"("C:\\temp\\n")"},
        {"trailing backslash", "ends\\", R"("ends\\")"},
        {"line breaks", "one\r\ntwo\nthree", R"("one\ntwo\nthree")"},
        {"tab", "a\tb", R"("a b")"},
        {"markup stays text", "Café Ærø & Sons <Ltd>", R"("Café Ærø & Sons <Ltd>")"},
        {"HTML-like label", "<b>bold</b>", R"("<b>bold</b>")"},
        {"control characters", std::string("a\0b\x1B" "c", 5), R"("abc")"},
        {"invalid UTF-8", "x\xFFy", "\"x\xEF\xBF\xBDy\""},
        {"DOT injection", "x\"]; \"evil\" -> \"n1", R"("x\"]; \"evil\" -> \"n1")"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string text = dot(testing::graph_named(c.name));
        CHECK(text.find("  \"n7\" [label=" + c.quoted + ", type=\"ORG\"];\n") != std::string::npos);
        CHECK(text.find("  \"n7\" -> \"n7\" [id=\"e3\", label=" + c.quoted + "];\n") != std::string::npos);
    }
}
