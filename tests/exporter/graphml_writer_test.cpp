// Tests of the GraphML writer: exact output, escaping, yEd markup, errors.
#include <claimgraph/exporter.h>

#include "exporter/export_fixture.h"
#include "test_support.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace claimgraph;

namespace {

std::string graphml(const exporter::ExportData& data, exporter::GraphmlOptions options = {}) {
    std::ostringstream out;
    const Status status = exporter::write_graphml(data, out, options);
    REQUIRE_MESSAGE(status.is_ok(), status.message());
    return out.str();
}

const char* k_keys = R"(  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="name" for="node" attr.name="name" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="interaction" for="edge" attr.name="interaction" attr.type="string"/>
  <key id="predicate" for="edge" attr.name="predicate" attr.type="string"/>
  <key id="modality" for="edge" attr.name="modality" attr.type="string"/>
  <key id="negated" for="edge" attr.name="negated" attr.type="boolean"/>
  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>
  <key id="attributed_to" for="edge" attr.name="attributed_to" attr.type="string"/>
  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>
  <key id="evidence_count" for="edge" attr.name="evidence_count" attr.type="int"/>
)";

}  // namespace

TEST_CASE("write_graphml") {
    SUBCASE("two nodes, two parallel edges") {
        const std::string expected = std::string(R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
)") + k_keys + R"(  <graph id="claimgraph" edgedefault="directed">
    <node id="n1">
      <data key="label">Mara Quint</data>
      <data key="name">Mara Quint</data>
      <data key="type">PERSON</data>
      <data key="aliases">Mara Quint | Quint</data>
      <data key="mentions">2</data>
    </node>
    <node id="n2">
      <data key="label">Norland</data>
      <data key="name">Norland</data>
      <data key="type">GPE</data>
      <data key="aliases">Norland</data>
      <data key="mentions">1</data>
    </node>
    <edge id="e10" source="n1" target="n2">
      <data key="edge_label">president of</data>
      <data key="interaction">president of</data>
      <data key="predicate">president of</data>
      <data key="negated">false</data>
      <data key="confidence">0.95</data>
      <data key="evidence">Norlandic President Mara Quint opened the summit.</data>
      <data key="evidence_count">1</data>
    </edge>
    <edge id="e11" source="n1" target="n2">
      <data key="edge_label">visit</data>
      <data key="interaction">visit</data>
      <data key="predicate">visit</data>
      <data key="modality">will</data>
      <data key="negated">true</data>
      <data key="confidence">0.7</data>
      <data key="attributed_to">Tomas Ferro</data>
      <data key="evidence">Quint will not visit Norland, Ferro said.</data>
      <data key="evidence_count">2</data>
    </edge>
  </graph>
</graphml>
)";
        CHECK(graphml(testing::two_node_graph()) == expected);
    }

    SUBCASE("empty graph") {
        const std::string text = graphml({});
        CHECK(text.find("<graph id=\"claimgraph\" edgedefault=\"directed\">\n  </graph>\n</graphml>\n") !=
              std::string::npos);
    }

    SUBCASE("yEd markup") {
        exporter::ExportData data = testing::two_node_graph();
        data.entities[0].name = "A & B";
        data.triples.resize(1);
        const std::string text = graphml(data, {.yed_markup = true});
        CHECK(text.find("    xmlns:y=\"http://www.yworks.com/xml/graphml\"\n") != std::string::npos);
        CHECK(text.find("  <key id=\"node_graphics\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n"
                        "  <key id=\"edge_graphics\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n") !=
              std::string::npos);
        CHECK(text.find("      <data key=\"node_graphics\"><y:ShapeNode><y:NodeLabel>A &amp; B</y:NodeLabel>"
                        "</y:ShapeNode></data>\n    </node>\n") != std::string::npos);
        CHECK(text.find("      <data key=\"edge_graphics\"><y:PolyLineEdge><y:Arrows source=\"none\" "
                        "target=\"standard\"/><y:EdgeLabel>president of</y:EdgeLabel></y:PolyLineEdge></data>\n"
                        "    </edge>\n") != std::string::npos);
        CHECK(graphml(data).find("y:") == std::string::npos);
    }
}

TEST_CASE("write_graphml escaping") {
    struct Case {
        const char* what;
        std::string name;
        std::string escaped;
    };
    const std::string fffd = "\xEF\xBF\xBD";
    const Case cases[] = {
        {"markup characters", "Café Ærø & Sons <Ltd> \"q\" 'a'",
         "Café Ærø &amp; Sons &lt;Ltd&gt; &quot;q&quot; &apos;a&apos;"},
        {"non-ASCII", "Zürich 東京 😀", "Zürich 東京 😀"},
        {"control characters", std::string("a\0b\x01\x1B" "c", 6), "abc"},
        {"line breaks", "line 1\r\nline 2", "line 1&#13;\nline 2"},
        {"invalid UTF-8", "bad \xFF\xC3 end", "bad " + fffd + fffd + " end"},
        {"U+FFFF and a surrogate", "x\xEF\xBF\xBF\xED\xB0\x80y", "xy"},
        {"SQL injection", "x'); DROP TABLE triples;--", "x&apos;); DROP TABLE triples;--"},
        {"CSV injection", "=HYPERLINK(\"http://x\",\"y\")", "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)"},
        {"markup injection", "</data></node><node id=\"n9\">", "&lt;/data&gt;&lt;/node&gt;&lt;node id=&quot;n9&quot;&gt;"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const std::string text = graphml(testing::graph_named(c.name));
        for (const char* key : {"label", "name", "aliases", "edge_label", "predicate", "attributed_to", "evidence"}) {
            INFO(key);
            CHECK(text.find(std::string("<data key=\"") + key + "\">" + c.escaped + "</data>") != std::string::npos);
        }
    }
}

TEST_CASE("write_graphml errors") {
    SUBCASE("an edge to an entity that is not exported") {
        exporter::ExportData data = testing::two_node_graph();
        data.entities.pop_back();
        std::ostringstream out;
        const Status status = exporter::write_graphml(data, out);
        CHECK(status.code() == StatusCode::invalid_input);
        CHECK(status.message() == "cannot export: triple 10 ('Mara Quint' president of 'Norland') refers to entity 2, "
                                  "which is not exported");
        CHECK(out.str().empty());
    }
    SUBCASE("a failed stream") {
        std::ostringstream out;
        out.setstate(std::ios::badbit);
        CHECK(exporter::write_graphml(testing::two_node_graph(), out).code() == StatusCode::io_error);
    }
}

TEST_CASE("write_graphml of the fixture store") {
    auto store = testing::fixture_store();
    exporter::ExportData data{*store->entities(), *store->triples()};
    const std::string text = graphml(data);
    auto count = [&text](const std::string& needle) {
        std::size_t n = 0;
        for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
        return n;
    };
    CHECK(count("<node id=\"n") == 15);
    CHECK(count("<edge id=\"e") == 27);
    CHECK(count("<data key=\"name\">Café Ærø &amp; Sons &lt;Ltd&gt;</data>") == 1);
    CHECK(count("<data key=\"negated\">true</data>") == 2);
    CHECK(count("<data key=\"evidence_count\">2</data>") == 1);  // "Estavia condemned Kardesh", said twice
}
