// Tests of the Neo4j CSV writers: exact output, RFC 4180 quoting, type names.
#include <claimgraph/exporter.h>

#include "exporter/export_fixture.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace claimgraph;

namespace {

std::string nodes_csv(const exporter::ExportData& data) {
    std::ostringstream out;
    const Status status = exporter::write_csv_nodes(data, out);
    REQUIRE_MESSAGE(status.is_ok(), status.message());
    return out.str();
}

std::string edges_csv(const exporter::ExportData& data) {
    std::ostringstream out;
    const Status status = exporter::write_csv_edges(data, out);
    REQUIRE_MESSAGE(status.is_ok(), status.message());
    return out.str();
}

}  // namespace

TEST_CASE("write_csv_nodes and write_csv_edges") {
    const exporter::ExportData data = testing::two_node_graph();
    CHECK(nodes_csv(data) == "entityId:ID,name,type,aliases:string[],mentions:int,:LABEL\n"
                             "1,Mara Quint,PERSON,Mara Quint;Quint,2,Entity;PERSON\n"
                             "2,Norland,GPE,Norland,1,Entity;GPE\n");
    CHECK(edges_csv(data) ==
          ":START_ID,:END_ID,:TYPE,predicate,modality,negated:boolean,confidence:double,attributed_to,evidence\n"
          "1,2,PRESIDENT_OF,president of,,false,0.95,,Norlandic President Mara Quint opened the summit.\n"
          "1,2,VISIT,visit,will,true,0.7,Tomas Ferro,\"Quint will not visit Norland, Ferro said.\"\n");
}

TEST_CASE("CSV quoting") {
    struct Case {
        const char* what;
        std::string name;
        std::string field;          // as the name, attributed_to and evidence fields
        std::string aliases_field;  // as the aliases:string[] field
    };
    const Case cases[] = {
        {"plain", "Norland", "Norland", "Norland"},
        {"comma", "Sons, Ltd", "\"Sons, Ltd\"", "\"Sons, Ltd\""},
        {"quotes", "say \"hi\"", "\"say \"\"hi\"\"\"", "\"say \"\"hi\"\"\""},
        {"line breaks", "one\r\ntwo", "\"one\r\ntwo\"", "\"one\r\ntwo\""},
        {"outer spaces", " padded ", "\" padded \"", "\" padded \""},
        {"semicolon", "a;b", "a;b", "a\xEF\xBC\x9B" "b"},
        {"markup characters", "Café Ærø & Sons <Ltd> 'x'", "Café Ærø & Sons <Ltd> 'x'", "Café Ærø & Sons <Ltd> 'x'"},
        {"formula", "=HYPERLINK(\"http://x\")", "\"=HYPERLINK(\"\"http://x\"\")\"", "\"=HYPERLINK(\"\"http://x\"\")\""},
        {"SQL injection", "x'); DROP TABLE t;--", "x'); DROP TABLE t;--", "x')\xEF\xBC\x9B DROP TABLE t\xEF\xBC\x9B--"},
        {"control characters", std::string("a\0b\x1B" "c", 5), "abc", "abc"},
        {"invalid UTF-8", "x\xFFy", "x\xEF\xBF\xBDy", "x\xEF\xBF\xBDy"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        const exporter::ExportData data = testing::graph_named(c.name);
        CHECK(nodes_csv(data) == "entityId:ID,name,type,aliases:string[],mentions:int,:LABEL\n7," + c.field +
                                     ",ORG," + c.aliases_field + ",1,Entity;ORG\n");
        const std::string edges = edges_csv(data);
        CHECK(edges.substr(edges.find('\n') + 1) == "7,7," + exporter::relationship_type(c.name) + "," + c.field +
                                                        ",,false,0.5," + c.field + "," + c.field + "\n");
    }
}

TEST_CASE("relationship_type") {
    struct Case {
        std::string predicate;
        std::string type;
    };
    const Case cases[] = {
        {"president of", "PRESIDENT_OF"},
        {"sent troops to", "SENT_TROOPS_TO"},
        {"  may-intervene  in ", "MAY_INTERVENE_IN"},
        {"don't", "DON_T"},
        {"a1 b2", "A1_B2"},
        {"line\nbreak", "LINE_BREAK"},
        {"über alles", "üBER_ALLES"},  // only ASCII letters change case
        {"", "RELATED_TO"},
        {"!!!", "RELATED_TO"},
        {"x\xFF", "X\xEF\xBF\xBD"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.predicate);
        CHECK(exporter::relationship_type(c.predicate) == c.type);
    }
}
