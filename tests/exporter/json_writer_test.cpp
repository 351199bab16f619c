// Tests of the node-link JSON writer: exact output and text round trips.
#include <claimgraph/exporter.h>

#include "exporter/export_fixture.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

using namespace claimgraph;

namespace {

std::string node_link_json(const exporter::ExportData& data) {
    std::ostringstream out;
    const Status status = exporter::write_node_link_json(data, out);
    REQUIRE_MESSAGE(status.is_ok(), status.message());
    return out.str();
}

}  // namespace

TEST_CASE("write_node_link_json") {
    SUBCASE("two nodes, two parallel edges") {
        const std::string expected = R"({
  "directed": true,
  "multigraph": true,
  "graph": {},
  "nodes": [
    {"id":"n1","label":"Mara Quint","name":"Mara Quint","type":"PERSON","aliases":["Mara Quint","Quint"],"mentions":2},
    {"id":"n2","label":"Norland","name":"Norland","type":"GPE","aliases":["Norland"],"mentions":1}
  ],
  "links": [
    {"source":"n1","target":"n2","key":"e10","label":"president of","interaction":"president of","predicate":"president of","modality":null,"negated":false,"confidence":0.95,"attributed_to":null,"evidence":"Norlandic President Mara Quint opened the summit.","evidence_count":1},
    {"source":"n1","target":"n2","key":"e11","label":"visit","interaction":"visit","predicate":"visit","modality":"will","negated":true,"confidence":0.7,"attributed_to":"Tomas Ferro","evidence":"Quint will not visit Norland, Ferro said.","evidence_count":2}
  ]
}
)";
        CHECK(node_link_json(testing::two_node_graph()) == expected);
    }
    SUBCASE("empty graph") {
        CHECK(node_link_json({}) ==
              "{\n  \"directed\": true,\n  \"multigraph\": true,\n  \"graph\": {},\n  \"nodes\": [],\n  \"links\": []\n}\n");
    }
}

TEST_CASE("write_node_link_json escaping") {
    struct Case {
        const char* what;
        std::string name;
        std::string read_back;  // the string a JSON parser gets
        std::string literal;    // how it is written
    };
    const Case cases[] = {
        {"quotes and backslash", "say \"hi\" \\o/", "say \"hi\" \\o/", R"("say \"hi\" \\o/")"},
        {"markup characters", "Café Ærø & Sons <Ltd> 'x'", "Café Ærø & Sons <Ltd> 'x'", "\"Café Ærø & Sons <Ltd> 'x'\""},
        {"white space", "a\tb\nc\rd", "a\tb\nc\rd", R"("a\tb\nc\rd")"},
        {"control characters", std::string("a\0b\x01\x1F" "c", 6), "abc", "\"abc\""},
        {"invalid UTF-8", "x\xFFy", "x\xEF\xBF\xBDy", "\"x\xEF\xBF\xBDy\""},
        {"SQL injection", "x'); DROP TABLE triples;--", "x'); DROP TABLE triples;--", "\"x'); DROP TABLE triples;--\""},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string text = node_link_json(testing::graph_named(c.name));
        CHECK(text.find("\"name\":" + c.literal) != std::string::npos);
        const auto json = nlohmann::json::parse(text);
        CHECK(json["nodes"][0]["name"] == c.read_back);
        CHECK(json["nodes"][0]["aliases"][0] == c.read_back);
        CHECK(json["links"][0]["predicate"] == c.read_back);
        CHECK(json["links"][0]["attributed_to"] == c.read_back);
        CHECK(json["links"][0]["evidence"] == c.read_back);
    }
}
