// Tests of OutputBuffer: large outputs arrive whole, stream failures are reported.
#include "exporter/output_buffer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <string>

using namespace claimgraph;

TEST_CASE("OutputBuffer") {
    SUBCASE("several chunks arrive in order") {
        std::ostringstream out;
        exporter::OutputBuffer buffer(out);
        std::string expected;
        for (int i = 0; i < 300000; ++i) {
            const std::string line = "line " + std::to_string(i) + "\n";
            buffer.text() += line;
            expected += line;
            buffer.maybe_flush();
        }
        CHECK(expected.size() > 3 * (std::size_t{1} << 20));
        REQUIRE(buffer.finish().is_ok());
        CHECK(out.str() == expected);
    }
    SUBCASE("a failing stream is an io_error") {
        std::ostringstream out;
        out.setstate(std::ios::failbit);
        exporter::OutputBuffer buffer(out);
        buffer.text() += "x";
        const Status status = buffer.finish();
        CHECK(status.code() == StatusCode::io_error);
    }
}
