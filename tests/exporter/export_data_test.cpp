// Tests of what all writers share: format names and the consistency check.
#include <claimgraph/exporter.h>

#include "exporter/export_fixture.h"

#include <doctest/doctest.h>

#include <sstream>

using namespace claimgraph;

TEST_CASE("parse_format") {
    CHECK(exporter::parse_format("graphml") == exporter::Format::graphml);
    CHECK(exporter::parse_format("json") == exporter::Format::json);
    CHECK(exporter::parse_format("dot") == exporter::Format::dot);
    CHECK(exporter::parse_format("csv") == exporter::Format::csv);
    CHECK_FALSE(exporter::parse_format("GraphML").has_value());
    CHECK_FALSE(exporter::parse_format("").has_value());
}

TEST_CASE("check") {
    SUBCASE("a consistent graph") { CHECK(exporter::check(testing::two_node_graph()).is_ok()); }
    SUBCASE("duplicate entity id") {
        exporter::ExportData data = testing::two_node_graph();
        data.entities[1].id = 1;
        const Status status = exporter::check(data);
        CHECK(status.code() == StatusCode::invalid_input);
        CHECK(status.message() == "cannot export: entity id 1 ('Norland') appears twice");
    }
    SUBCASE("duplicate triple id") {
        exporter::ExportData data = testing::two_node_graph();
        data.triples[1].id = 10;
        CHECK(exporter::check(data).message() == "cannot export: triple id 10 appears twice");
    }
    SUBCASE("missing object") {
        exporter::ExportData data = testing::two_node_graph();
        data.triples[1].object_id = 99;
        CHECK(exporter::check(data).message() ==
              "cannot export: triple 11 ('Mara Quint' visit 'Norland') refers to entity 99, which is not exported");
    }
    SUBCASE("every writer refuses an inconsistent graph and writes nothing") {
        exporter::ExportData data = testing::two_node_graph();
        data.triples[0].subject_id = 42;
        std::ostringstream out;
        CHECK(exporter::write_graphml(data, out).code() == StatusCode::invalid_input);
        CHECK(exporter::write_node_link_json(data, out).code() == StatusCode::invalid_input);
        CHECK(exporter::write_dot(data, out).code() == StatusCode::invalid_input);
        CHECK(exporter::write_csv_nodes(data, out).code() == StatusCode::invalid_input);
        CHECK(exporter::write_csv_edges(data, out).code() == StatusCode::invalid_input);
        CHECK(out.str().empty());
    }
}
