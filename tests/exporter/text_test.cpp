// Tests of the text helpers every export format shares.
#include "exporter/text.h"

#include <doctest/doctest.h>

#include <limits>

using namespace claimgraph;

TEST_CASE("format_double") {
    CHECK(exporter::format_double(0.95) == "0.95");
    CHECK(exporter::format_double(0.1) == "0.1");
    CHECK(exporter::format_double(1.0) == "1");
    CHECK(exporter::format_double(0.0) == "0");
    CHECK(exporter::format_double(1.0 / 3.0) == "0.3333333333333333");
    CHECK(exporter::format_double(std::numeric_limits<double>::quiet_NaN()) == "NaN");
    CHECK(exporter::format_double(std::numeric_limits<double>::infinity()) == "INF");
    CHECK(exporter::format_double(-std::numeric_limits<double>::infinity()) == "-INF");
}

TEST_CASE("node_id and edge_id") {
    CHECK(exporter::node_id(42) == "n42");
    CHECK(exporter::edge_id(7) == "e7");
}

TEST_CASE("clean") {
    CHECK(exporter::clean("Café & <Ltd>") == "Café & <Ltd>");
    CHECK(exporter::clean(std::string("a\0b\x07" "c\xFF", 6)) == "abc\xEF\xBF\xBD");
}
